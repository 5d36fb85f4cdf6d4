// Package rewards is the off-chain epoch job of the rewards pool
// (contracts/src/RewardsPool.sol): after an epoch it reads what each
// provider was paid through the escrow in the epoch (Settled and
// VoucherRedeemed events) and the protocol fees it paid, weighs the
// payments by a quality multiplier from audit scores, caps each share at
// the pool's fraction of the fees paid in the epoch, and builds the
// Merkle tree the auditors sign and providers claim from.
//
// Allocate is the arithmetic alone (deterministic: every auditor who runs
// it over the same chain gets the same root, so their signatures combine);
// Compute reads its inputs from the chain; an Epoch is what is signed,
// published, stored (JSON) and claimed from.
package rewards

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// DefaultMinScore is the audit score (basis points) below which a
// provider's multiplier is zero.
const DefaultMinScore = 5000

// Input is one provider's activity in an epoch.
type Input struct {
	Provider wf.Address
	// Settled is what payers paid it through the escrow in the epoch,
	// before the protocol fee.
	Settled *big.Int
	// FeesStart and FeesEnd are the escrow's feesPaid of the provider at
	// the epoch's start and end.
	FeesStart, FeesEnd *big.Int
	// Score is its audit score, 0 to chain.MaxScore.
	Score uint16
}

// Params are the rules of an allocation.
type Params struct {
	// Budget is what the epoch may pay in all.
	Budget *big.Int
	// MinScore: below it a provider's multiplier is zero. Zero means DefaultMinScore.
	MinScore uint16
	// CapBps is the pool's cap: a provider earns at most CapBps/10000 of
	// the fees it paid in the epoch.
	CapBps uint16
}

// Share is one provider's line of an epoch, with how it was reached.
type Share struct {
	chain.RewardLeaf
	Settled    *big.Int `json:"settled"`
	Score      uint16   `json:"score"`
	Multiplier uint16   `json:"multiplier"` // 0, or the score
	Cap        *big.Int `json:"cap"`        // CapBps of the fees paid in the epoch
	Proof      []wf.Hash
}

// Epoch is an allocated epoch: what auditors sign and providers claim from.
type Epoch struct {
	Epoch      uint64
	Pool       wf.Address
	Root       wf.Hash
	Total      *big.Int
	Shares     []Share
	Signatures []wf.Signature `json:",omitempty"`
}

// ErrNothingToPay is returned when no provider earned anything in the
// epoch: there is no tree to publish.
var ErrNothingToPay = errors.New("rewards: nobody earned a reward in the epoch")

// Allocate divides p.Budget among ins: provider i's weight is Settled_i
// times its multiplier (its score if at least MinScore, else 0), its share
// Budget * weight_i / sum of weights, cut to CapBps of the fees it paid in
// the epoch (FeesEnd - FeesStart). What the caps cut stays in the pool.
// Rounding is down, so the total never exceeds the budget.
func Allocate(epoch uint64, pool wf.Address, ins []Input, p Params) (*Epoch, error) {
	if p.Budget == nil || p.Budget.Sign() < 0 {
		return nil, fmt.Errorf("%w: rewards: a budget of zero or more is needed", wf.ErrInvalid)
	}
	if p.CapBps == 0 || p.CapBps >= 10000 {
		return nil, fmt.Errorf("%w: rewards: cap %d bps is not between 1 and 9999", wf.ErrInvalid, p.CapBps)
	}
	minScore := p.MinScore
	if minScore == 0 {
		minScore = DefaultMinScore
	}
	ins = slices.Clone(ins)
	slices.SortFunc(ins, func(a, b Input) int { return bytes.Compare(a.Provider[:], b.Provider[:]) })
	weights := make([]*big.Int, len(ins))
	sum := new(big.Int)
	for i, in := range ins {
		if i > 0 && ins[i-1].Provider == in.Provider {
			return nil, fmt.Errorf("%w: rewards: provider %s listed twice", wf.ErrInvalid, in.Provider.Checksum())
		}
		if in.Settled == nil || in.Settled.Sign() < 0 || in.FeesStart == nil || in.FeesEnd == nil || in.FeesEnd.Cmp(in.FeesStart) < 0 || in.Score > chain.MaxScore {
			return nil, fmt.Errorf("%w: rewards: bad input for %s", wf.ErrInvalid, in.Provider.Checksum())
		}
		w := new(big.Int)
		if in.Score >= minScore {
			w.Mul(in.Settled, big.NewInt(int64(in.Score)))
		}
		weights[i] = w
		sum.Add(sum, w)
	}
	e := &Epoch{Epoch: epoch, Pool: pool, Total: new(big.Int)}
	for i, in := range ins {
		fees := new(big.Int).Sub(in.FeesEnd, in.FeesStart)
		limit := fees.Mul(fees, big.NewInt(int64(p.CapBps)))
		limit.Div(limit, big.NewInt(10000))
		amt := new(big.Int)
		if sum.Sign() > 0 {
			amt.Mul(p.Budget, weights[i])
			amt.Div(amt, sum)
		}
		if amt.Cmp(limit) > 0 {
			amt.Set(limit)
		}
		if amt.Sign() == 0 {
			continue
		}
		var mult uint16
		if weights[i].Sign() > 0 {
			mult = in.Score
		}
		e.Total.Add(e.Total, amt)
		e.Shares = append(e.Shares, Share{
			RewardLeaf: chain.RewardLeaf{Epoch: epoch, Provider: in.Provider, Amount: amt, FeesCumulative: new(big.Int).Set(in.FeesEnd)},
			Settled:    new(big.Int).Set(in.Settled), Score: in.Score, Multiplier: mult, Cap: limit,
		})
	}
	if len(e.Shares) == 0 {
		return nil, ErrNothingToPay
	}
	if err := e.prove(); err != nil {
		return nil, err
	}
	return e, nil
}

// prove builds the tree, sets the root and every share's proof.
func (e *Epoch) prove() error {
	leaves := make([][32]byte, len(e.Shares))
	for i, s := range e.Shares {
		leaves[i] = s.Hash()
	}
	t, err := chain.NewMerkleTree(leaves)
	if err != nil {
		return fmt.Errorf("rewards: %w", err)
	}
	e.Root = wf.Hash(t.Root())
	for i := range e.Shares {
		pr, err := t.Proof(leaves[i])
		if err != nil {
			return fmt.Errorf("rewards: %w", err)
		}
		e.Shares[i].Proof = make([]wf.Hash, len(pr))
		for j, h := range pr {
			e.Shares[i].Proof[j] = wf.Hash(h)
		}
	}
	return nil
}

// Check recomputes e's tree from its shares and checks the root, the
// total and every proof, so an Epoch read from a file or a peer is used
// only if it is consistent.
func (e *Epoch) Check() error {
	if e == nil || len(e.Shares) == 0 || e.Total == nil {
		return fmt.Errorf("%w: rewards: empty epoch", wf.ErrInvalid)
	}
	total := new(big.Int)
	for _, s := range e.Shares {
		if s.Epoch != e.Epoch || s.Amount == nil || s.Amount.Sign() <= 0 || s.FeesCumulative == nil {
			return fmt.Errorf("%w: rewards: share of %s does not belong to epoch %d", wf.ErrInvalid, s.Provider.Checksum(), e.Epoch)
		}
		total.Add(total, s.Amount)
		if !chain.VerifyMerkle([32]byte(e.Root), s.Hash(), proof(s.Proof)) {
			return fmt.Errorf("%w: rewards: proof of %s does not lead to the root", wf.ErrInvalid, s.Provider.Checksum())
		}
	}
	if total.Cmp(e.Total) != 0 {
		return fmt.Errorf("%w: rewards: shares add up to %s, not the total %s", wf.ErrInvalid, total, e.Total)
	}
	return nil
}

func proof(hs []wf.Hash) [][32]byte {
	out := make([][32]byte, len(hs))
	for i, h := range hs {
		out[i] = [32]byte(h)
	}
	return out
}

// Share returns provider's share, or an error matching wf.ErrNotFound.
func (e *Epoch) Share(provider wf.Address) (Share, error) {
	for _, s := range e.Shares {
		if s.Provider == provider {
			return s, nil
		}
	}
	return Share{}, fmt.Errorf("%w: rewards: %s has no share in epoch %d", wf.ErrNotFound, provider.Checksum(), e.Epoch)
}

// Marshal is e as indented JSON.
func (e *Epoch) Marshal() ([]byte, error) { return json.MarshalIndent(e, "", "  ") }

// Unmarshal parses an Epoch and Checks it.
func Unmarshal(b []byte) (*Epoch, error) {
	var e Epoch
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, fmt.Errorf("%w: rewards: epoch file: %v", wf.ErrInvalid, err)
	}
	if err := e.Check(); err != nil {
		return nil, err
	}
	return &e, nil
}

// Sign adds k's signature (an auditor's) to e, for pool.
func (e *Epoch) Sign(pool *chain.RewardsPool, k *chain.Key) error {
	sig, err := pool.SignEpoch(k, e.Epoch, [32]byte(e.Root), e.Total)
	if err != nil {
		return err
	}
	if !slices.Contains(e.Signatures, sig) {
		e.Signatures = append(e.Signatures, sig)
	}
	return nil
}

// Publish submits e with its signatures to pool.
func (e *Epoch) Publish(ctx context.Context, pool *chain.RewardsPool) (chain.Receipt, error) {
	return pool.PublishEpoch(ctx, e.Epoch, [32]byte(e.Root), e.Total, e.Signatures)
}

// Claim claims provider's share of e from pool.
func (e *Epoch) Claim(ctx context.Context, pool *chain.RewardsPool, provider wf.Address) (chain.Receipt, error) {
	s, err := e.Share(provider)
	if err != nil {
		return chain.Receipt{}, err
	}
	return pool.Claim(ctx, s.RewardLeaf, proof(s.Proof))
}

// A Scorer gives a provider's audit score (0 to chain.MaxScore) as of the
// end of an epoch.
type Scorer interface {
	Score(ctx context.Context, provider wf.Address) (uint16, error)
}

// Compute reads epoch's inputs from the chain (the pool's epoch bounds,
// escrow payments and fees) and allocates budget among the providers paid
// in the epoch, scored by s. The epoch must be over.
func Compute(ctx context.Context, c *chain.Client, pool *chain.RewardsPool, s Scorer, epoch uint64, p Params) (*Epoch, error) {
	info, err := pool.Info(ctx)
	if err != nil {
		return nil, err
	}
	if p.CapBps == 0 {
		p.CapBps = info.CapBps
	}
	start, end := info.EpochBounds(epoch)
	now, err := c.HeadTime(ctx)
	if err != nil {
		return nil, err
	}
	if now.Before(end) {
		return nil, fmt.Errorf("%w: rewards: epoch %d ends at %s, after the chain's time %s", wf.ErrInvalid, epoch, end.UTC().Format("15:04:05"), now.UTC().Format("15:04:05"))
	}
	// Blocks of the epoch: after the last block before start, up to the
	// last block before end.
	before, err := c.BlockAt(ctx, start.Add(-1))
	if err != nil {
		return nil, err
	}
	last, err := c.BlockAt(ctx, end.Add(-1))
	if err != nil {
		return nil, err
	}
	var earned []chain.Earning
	if last > before {
		if earned, err = c.Earnings(ctx, before+1, last); err != nil {
			return nil, err
		}
	}
	ins := make([]Input, 0, len(earned))
	for _, e := range earned {
		in := Input{Provider: e.Provider, Settled: e.Settled}
		if in.FeesStart, err = c.FeesPaid(ctx, e.Provider, new(big.Int).SetUint64(before)); err != nil {
			return nil, err
		}
		if in.FeesEnd, err = c.FeesPaid(ctx, e.Provider, new(big.Int).SetUint64(last)); err != nil {
			return nil, err
		}
		if in.Score, err = s.Score(ctx, e.Provider); err != nil {
			return nil, fmt.Errorf("rewards: score of %s: %w", e.Provider.Checksum(), err)
		}
		ins = append(ins, in)
	}
	return Allocate(epoch, pool.Address(), ins, p)
}

package chain

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// RewardsConfig configures a RewardsPool (contracts/src/RewardsPool.sol).
type RewardsConfig struct {
	// Auditors sign epochs; Threshold of them must (default: all).
	Auditors  []wf.Address
	Threshold int
	// EpochLength is the length of an epoch (default one day, at least a second).
	EpochLength time.Duration
	// CapBps caps a claim at CapBps/10000 of the protocol fees the provider
	// paid since its previous claim; 1 to 9999 (default 5000). With the
	// escrow's fee, this is what makes paying oneself to farm rewards lose
	// money: see RATIONALE.md, "Rewards".
	CapBps uint16
	// ClaimEpochs is how many epochs after its end an epoch can be claimed
	// (default 4); then what it left unclaimed can be recycled into the pool.
	ClaimEpochs uint64
}

// RewardsPool calls a RewardsPool contract as one Client's account. It is
// safe for concurrent use.
type RewardsPool struct {
	c    *Client
	addr wf.Address
	abi  *bindings.RewardsPool
}

// DeployRewards deploys a RewardsPool paying the client's token and capped
// by its escrow's fees.
func (c *Client) DeployRewards(ctx context.Context, cfg RewardsConfig) (wf.Address, error) {
	args, err := rewardsArgs(c.contracts, cfg)
	if err != nil {
		return wf.Address{}, err
	}
	return c.create(ctx, "RewardsPool", bindings.RewardsPoolMetaData.Bin, args)
}

// rewardsArgs packs a RewardsPool's constructor arguments for contracts' token and escrow.
func rewardsArgs(contracts Contracts, cfg RewardsConfig) ([]byte, error) {
	if cfg.Threshold == 0 {
		cfg.Threshold = len(cfg.Auditors)
	}
	if cfg.EpochLength == 0 {
		cfg.EpochLength = 24 * time.Hour
	}
	if cfg.CapBps == 0 {
		cfg.CapBps = 5000
	}
	if cfg.ClaimEpochs == 0 {
		cfg.ClaimEpochs = 4
	}
	if cfg.EpochLength < time.Second || cfg.Threshold < 0 || len(cfg.Auditors) == 0 {
		return nil, fmt.Errorf("%w: chain: rewards pool needs auditors and an epoch of at least a second", wf.ErrInvalid)
	}
	auditors := make([]common.Address, len(cfg.Auditors))
	for i, a := range cfg.Auditors {
		auditors[i] = common.Address(a)
	}
	args, err := bindings.NewRewardsPool().GetABI().Pack("", common.Address(contracts.Token), common.Address(contracts.Escrow),
		auditors, big.NewInt(int64(cfg.Threshold)), uint64(cfg.EpochLength/time.Second), cfg.CapBps, cfg.ClaimEpochs)
	if err != nil {
		return nil, fmt.Errorf("chain: deploy RewardsPool: %w", err)
	}
	return args, nil
}

// RewardsPool returns the pool at addr, checking that code is deployed there.
func (c *Client) RewardsPool(ctx context.Context, addr wf.Address) (*RewardsPool, error) {
	if err := c.hasCode(ctx, addr, "rewards pool"); err != nil {
		return nil, err
	}
	return &RewardsPool{c: c, addr: addr, abi: bindings.NewRewardsPool()}, nil
}

// hasCode checks that a contract is deployed at addr.
func (c *Client) hasCode(ctx context.Context, addr wf.Address, what string) error {
	if addr.IsZero() {
		return fmt.Errorf("%w: chain: no %s contract address", wf.ErrInvalid, what)
	}
	code, err := c.backend.CodeAt(ctx, common.Address(addr), nil)
	if err != nil {
		return fmt.Errorf("chain: check %s contract: %w", what, err)
	}
	if len(code) == 0 {
		return fmt.Errorf("%w: chain: no %s contract at %s on chain %s", wf.ErrInvalid, what, addr.Checksum(), c.chainID)
	}
	return nil
}

// Address is the pool's address.
func (p *RewardsPool) Address() wf.Address { return p.addr }

// As returns the pool called as c (another key on the same chain).
func (p *RewardsPool) As(c *Client) *RewardsPool { return &RewardsPool{c: c, addr: p.addr, abi: p.abi} }

// RewardsInfo is a pool's configuration and funds.
type RewardsInfo struct {
	Start       time.Time
	EpochLength time.Duration
	CapBps      uint16
	Threshold   int
	Auditors    []wf.Address
	// ClaimEpochs is how many epochs after its end an epoch stays claimable.
	ClaimEpochs uint64
	// Funded is what sponsors put in with Fund (fees sent to the pool come
	// on top); Reserved what published epochs still owe; Available what
	// the next epoch may pay (the pool's balance less Reserved).
	Funded, Reserved, Available *big.Int
}

// ClaimDeadline is when epoch stops being claimable and its rest can be recycled.
func (i RewardsInfo) ClaimDeadline(epoch uint64) time.Time {
	_, end := i.EpochBounds(epoch)
	return end.Add(time.Duration(i.ClaimEpochs) * i.EpochLength)
}

// EpochAt is the epoch that holds at t (0 before the start).
func (i RewardsInfo) EpochAt(t time.Time) uint64 {
	if !t.After(i.Start) {
		return 0
	}
	return uint64(t.Sub(i.Start) / i.EpochLength)
}

// EpochBounds is when epoch starts and ends.
func (i RewardsInfo) EpochBounds(epoch uint64) (start, end time.Time) {
	start = i.Start.Add(time.Duration(epoch) * i.EpochLength)
	return start, start.Add(i.EpochLength)
}

// Info reads the pool's configuration and funds.
func (p *RewardsPool) Info(ctx context.Context) (RewardsInfo, error) {
	var i RewardsInfo
	var start, length uint64
	var threshold *big.Int
	var auditors []common.Address
	err := p.read(ctx, "rewards pool info",
		readOne(p.abi.PackSTART(), p.abi.UnpackSTART, &start),
		readOne(p.abi.PackEPOCHLENGTH(), p.abi.UnpackEPOCHLENGTH, &length),
		readOne(p.abi.PackCAPBPS(), p.abi.UnpackCAPBPS, &i.CapBps),
		readOne(p.abi.PackTHRESHOLD(), p.abi.UnpackTHRESHOLD, &threshold),
		readOne(p.abi.PackAuditors(), p.abi.UnpackAuditors, &auditors),
		readOne(p.abi.PackCLAIMEPOCHS(), p.abi.UnpackCLAIMEPOCHS, &i.ClaimEpochs),
		readOne(p.abi.PackFunded(), p.abi.UnpackFunded, &i.Funded),
		readOne(p.abi.PackReserved(), p.abi.UnpackReserved, &i.Reserved),
		readOne(p.abi.PackAvailable(), p.abi.UnpackAvailable, &i.Available),
	)
	if err != nil {
		return RewardsInfo{}, err
	}
	i.Start = time.Unix(int64(start), 0)
	i.EpochLength = time.Duration(length) * time.Second
	i.Threshold = int(threshold.Int64())
	for _, a := range auditors {
		i.Auditors = append(i.Auditors, wf.Address(a))
	}
	return i, nil
}

// reader is one read-only call and where its result goes.
type reader struct {
	data   []byte
	unpack func([]byte) error
}

func readOne[T any](data []byte, unpack func([]byte) (T, error), dst *T) reader {
	return reader{data, func(out []byte) error {
		v, err := unpack(out)
		*dst = v
		return err
	}}
}

func (p *RewardsPool) read(ctx context.Context, what string, rs ...reader) error {
	return p.c.readAll(ctx, p.addr, what, rs...)
}

func (c *Client) readAll(ctx context.Context, addr wf.Address, what string, rs ...reader) error {
	for _, r := range rs {
		out, err := c.call(ctx, addr, r.data, what)
		if err != nil {
			return err
		}
		if err := r.unpack(out); err != nil {
			return fmt.Errorf("chain: %s: %w", what, err)
		}
	}
	return nil
}

// approveToken lets spender take amt of the client's tokens, unless its
// allowance already covers it.
func (c *Client) approveToken(ctx context.Context, spender wf.Address, amt *big.Int) error {
	out, err := c.call(ctx, c.contracts.Token, c.token.PackAllowance(common.Address(c.Address()), common.Address(spender)), "token allowance")
	if err != nil {
		return err
	}
	have, err := c.token.UnpackAllowance(out)
	if err != nil {
		return fmt.Errorf("chain: token allowance: %w", err)
	}
	if have.Cmp(amt) >= 0 {
		return nil
	}
	_, err = c.transact(ctx, c.contracts.Token, c.token.PackApprove(common.Address(spender), amt), "approve "+spender.Checksum()+" on token")
	return err
}

// Fund adds amt of the client's tokens to the pool (approving the transfer
// first if needed).
func (p *RewardsPool) Fund(ctx context.Context, amt *big.Int) (Receipt, error) {
	if err := amount("fund", amt, 256); err != nil {
		return Receipt{}, err
	}
	if p.c.key == nil {
		return Receipt{}, fmt.Errorf("chain: fund rewards: %w", ErrNoKey)
	}
	if err := p.c.approveToken(ctx, p.addr, amt); err != nil {
		return Receipt{}, err
	}
	return p.c.transact(ctx, p.addr, p.abi.PackFund(amt), "fund rewards pool")
}

// EpochDigest is the EIP-712 digest auditors sign for an epoch of the pool
// at contract on chain chainID:
//
//	domain   ("WebFunctions Rewards", "1", chain id, contract)
//	message  RewardEpoch(uint64 epoch,bytes32 root,uint256 total)
func EpochDigest(chainID *big.Int, contract wf.Address, epoch uint64, root [32]byte, total *big.Int) [32]byte {
	word := func(b []byte) []byte { return common.LeftPadBytes(b, 32) }
	domainType := crypto.Keccak256([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	domain := crypto.Keccak256(domainType, crypto.Keccak256([]byte("WebFunctions Rewards")), crypto.Keccak256([]byte("1")),
		word(chainID.Bytes()), word(contract[:]))
	msgType := crypto.Keccak256([]byte("RewardEpoch(uint64 epoch,bytes32 root,uint256 total)"))
	st := crypto.Keccak256(msgType, word(new(big.Int).SetUint64(epoch).Bytes()), root[:], word(nonNil(total).Bytes()))
	return [32]byte(crypto.Keccak256([]byte("\x19\x01"), domain, st))
}

// SignEpoch signs an epoch's root and total with an auditor's key k.
func (p *RewardsPool) SignEpoch(k *Key, epoch uint64, root [32]byte, total *big.Int) (wf.Signature, error) {
	return k.SignDigest(EpochDigest(p.c.chainID, p.addr, epoch, root, total))
}

// PublishEpoch publishes an epoch with the auditors' signatures, in any
// order (the contract wants them by ascending signer: they are sorted
// here; one that does not recover is left for the contract to refuse).
func (p *RewardsPool) PublishEpoch(ctx context.Context, epoch uint64, root [32]byte, total *big.Int, sigs []wf.Signature) (Receipt, error) {
	if err := amount("epoch total", total, 256); err != nil {
		return Receipt{}, err
	}
	d := EpochDigest(p.c.chainID, p.addr, epoch, root, total)
	type signed struct {
		by  wf.Address
		sig []byte
	}
	ss := make([]signed, len(sigs))
	for i, s := range sigs {
		by, _ := RecoverSigner(d, s)
		ss[i] = signed{by, bytes.Clone(s[:])}
	}
	slices.SortStableFunc(ss, func(a, b signed) int { return bytes.Compare(a.by[:], b.by[:]) })
	raw := make([][]byte, len(ss))
	for i := range ss {
		raw[i] = ss[i].sig
	}
	return p.c.transact(ctx, p.addr, p.abi.PackPublishEpoch(epoch, root, total, raw), fmt.Sprintf("publish rewards epoch %d", epoch))
}

// PublishedEpoch is an epoch as the pool keeps it; a zero Root if it is
// not published.
type PublishedEpoch struct {
	Root           [32]byte
	Total, Claimed *big.Int
	// Recycled says its unclaimed rest went back to the pool.
	Recycled bool
}

// Epoch reads a published epoch.
func (p *RewardsPool) Epoch(ctx context.Context, epoch uint64) (PublishedEpoch, error) {
	var e bindings.RewardsPoolEpoch
	if err := p.read(ctx, "rewards epoch", readOne(p.abi.PackEpochOf(epoch), p.abi.UnpackEpochOf, &e)); err != nil {
		return PublishedEpoch{}, err
	}
	return PublishedEpoch{Root: e.Root, Total: e.Total, Claimed: e.Claimed, Recycled: e.Recycled}, nil
}

// Recycle returns what epoch's claims left unpaid to the pool, once its
// claim window is over (RewardsInfo.ClaimDeadline). Anyone may send it.
func (p *RewardsPool) Recycle(ctx context.Context, epoch uint64) (Receipt, error) {
	return p.c.transact(ctx, p.addr, p.abi.PackRecycle(epoch), fmt.Sprintf("recycle rewards epoch %d", epoch))
}

// Claim pays l.Provider its reward for l.Epoch, proven by proof; the
// client pays the gas, the provider is paid.
func (p *RewardsPool) Claim(ctx context.Context, l RewardLeaf, proof [][32]byte) (Receipt, error) {
	for _, a := range []*big.Int{l.Amount, l.FeesCumulative} {
		if err := amount("reward", a, 256); err != nil {
			return Receipt{}, err
		}
	}
	return p.c.transact(ctx, p.addr, p.abi.PackClaim(l.Epoch, common.Address(l.Provider), l.Amount, l.FeesCumulative, proof),
		fmt.Sprintf("claim rewards of epoch %d for %s", l.Epoch, l.Provider.Checksum()))
}

// ProviderRewards is what the pool knows of one provider.
type ProviderRewards struct {
	// ClaimedThrough is 1 + the epoch of its latest claim, 0 if none.
	ClaimedThrough uint64
	// FeesBasis is the fees of its latest claim: its next claim is capped
	// by the fees paid since.
	FeesBasis *big.Int
	// Rewarded is what it was paid in all.
	Rewarded *big.Int
}

// Provider reads what the pool knows of provider.
func (p *RewardsPool) Provider(ctx context.Context, provider wf.Address) (ProviderRewards, error) {
	var r ProviderRewards
	a := common.Address(provider)
	err := p.read(ctx, "provider rewards",
		readOne(p.abi.PackClaimedThrough(a), p.abi.UnpackClaimedThrough, &r.ClaimedThrough),
		readOne(p.abi.PackFeesBasis(a), p.abi.UnpackFeesBasis, &r.FeesBasis),
		readOne(p.abi.PackRewarded(a), p.abi.UnpackRewarded, &r.Rewarded))
	return r, err
}

// FeesPaid is the protocol fee the escrow took from provider's payments,
// in all, as of block (nil: the latest).
func (c *Client) FeesPaid(ctx context.Context, provider wf.Address, block *big.Int) (*big.Int, error) {
	addr := common.Address(c.contracts.Escrow)
	out, err := c.backend.CallContract(ctx, ethereum.CallMsg{To: &addr, Data: c.escrow.PackFeesPaid(common.Address(provider))}, block)
	if err != nil {
		return nil, callError("fees paid", err)
	}
	f, err := c.escrow.UnpackFeesPaid(out)
	if err != nil {
		return nil, fmt.Errorf("chain: fees paid: %w", err)
	}
	return f, nil
}

// Fee is the escrow's protocol fee in basis points (0: none).
func (c *Client) Fee(ctx context.Context) (uint16, error) {
	var bps uint16
	err := c.readAll(ctx, c.contracts.Escrow, "escrow fee", readOne(c.escrow.PackFEEBPS(), c.escrow.UnpackFEEBPS, &bps))
	return bps, err
}

// Earning is what one provider was paid through the escrow in a block
// range, before the protocol fee: settlements and voucher redemptions.
type Earning struct {
	Provider wf.Address
	Settled  *big.Int
}

// Earnings sums the escrow's Settled and VoucherRedeemed amounts per
// provider over blocks from to to (inclusive), by provider address.
func (c *Client) Earnings(ctx context.Context, from, to uint64) ([]Earning, error) {
	ev := c.escrow.GetABI().Events
	settled, redeemed := ev["Settled"].ID, ev["VoucherRedeemed"].ID
	sums := map[wf.Address]*big.Int{}
	for lo := from; lo <= to; lo += eventRange {
		hi := min(lo+eventRange-1, to)
		logs, err := c.backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(lo),
			ToBlock:   new(big.Int).SetUint64(hi),
			Addresses: []common.Address{common.Address(c.contracts.Escrow)},
			Topics:    [][]common.Hash{{settled, redeemed}},
		})
		if err != nil {
			return nil, fmt.Errorf("chain: earnings: logs %d-%d: %w", lo, hi, err)
		}
		for i := range logs {
			l := &logs[i]
			if l.Removed || len(l.Topics) == 0 {
				continue
			}
			var prov common.Address
			var amt *big.Int
			switch l.Topics[0] {
			case settled:
				e, err := c.escrow.UnpackSettledEvent(l)
				if err != nil {
					return nil, fmt.Errorf("chain: earnings: %w", err)
				}
				prov, amt = e.Provider, e.Amount
			case redeemed:
				e, err := c.escrow.UnpackVoucherRedeemedEvent(l)
				if err != nil {
					return nil, fmt.Errorf("chain: earnings: %w", err)
				}
				prov, amt = e.Provider, e.Amount
			default:
				continue
			}
			s := sums[wf.Address(prov)]
			if s == nil {
				s = new(big.Int)
				sums[wf.Address(prov)] = s
			}
			s.Add(s, amt)
		}
		if hi == to {
			break
		}
	}
	out := make([]Earning, 0, len(sums))
	for p, s := range sums {
		out = append(out, Earning{Provider: p, Settled: s})
	}
	slices.SortFunc(out, func(a, b Earning) int { return bytes.Compare(a.Provider[:], b.Provider[:]) })
	return out, nil
}

// BlockAt is the number of the last block whose time is at or before t
// (0 if none after genesis is), found by bisection over headers.
func (c *Client) BlockAt(ctx context.Context, t time.Time) (uint64, error) {
	head, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("chain: head: %w", err)
	}
	ts := uint64(t.Unix())
	if head.Time <= ts {
		return head.Number.Uint64(), nil
	}
	lo, hi := uint64(0), head.Number.Uint64() // time(lo) <= ts < time(hi), taking genesis as lo
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		h, err := c.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(mid))
		if err != nil {
			return 0, fmt.Errorf("chain: block %d: %w", mid, err)
		}
		if h.Time <= ts {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, nil
}

package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// StakeConfig configures a Stake contract (contracts/src/Stake.sol).
type StakeConfig struct {
	// MinStake is the bond a provider needs, not being unbonded, to count
	// as staked. Default 100 USDC.
	MinStake *big.Int
	// UnbondDelay is how long an unbond waits, during which the bond stays
	// slashable. Default 7 days.
	UnbondDelay time.Duration
	// SlashAmount is what one piece of evidence slashes (at most the whole
	// bond). Default MinStake.
	SlashAmount *big.Int
	// Governor registers canaries. Default the deploying account.
	Governor wf.Address
}

// Stake calls a Stake contract as one Client's account. It is safe for
// concurrent use.
type Stake struct {
	c    *Client
	addr wf.Address
	abi  *bindings.Stake
}

// DeployStake deploys a Stake contract for the client's token.
func (c *Client) DeployStake(ctx context.Context, cfg StakeConfig) (wf.Address, error) {
	if cfg.MinStake == nil {
		cfg.MinStake = big.NewInt(100_000_000)
	}
	if cfg.UnbondDelay == 0 {
		cfg.UnbondDelay = 7 * 24 * time.Hour
	}
	if cfg.SlashAmount == nil {
		cfg.SlashAmount = cfg.MinStake
	}
	if cfg.Governor.IsZero() {
		cfg.Governor = c.Address()
	}
	if cfg.UnbondDelay < 0 || cfg.MinStake.Sign() < 0 || cfg.SlashAmount.Sign() <= 0 {
		return wf.Address{}, fmt.Errorf("%w: chain: stake needs a positive slash amount and no negative terms", wf.ErrInvalid)
	}
	args, err := bindings.NewStake().GetABI().Pack("", common.Address(c.contracts.Token), cfg.MinStake,
		big.NewInt(int64(cfg.UnbondDelay/time.Second)), cfg.SlashAmount, common.Address(cfg.Governor))
	if err != nil {
		return wf.Address{}, fmt.Errorf("chain: deploy Stake: %w", err)
	}
	return c.create(ctx, "Stake", bindings.StakeMetaData.Bin, args)
}

// Stake returns the Stake contract at addr, checking that code is deployed there.
func (c *Client) Stake(ctx context.Context, addr wf.Address) (*Stake, error) {
	if err := c.hasCode(ctx, addr, "stake"); err != nil {
		return nil, err
	}
	return &Stake{c: c, addr: addr, abi: bindings.NewStake()}, nil
}

// Address is the contract's address.
func (s *Stake) Address() wf.Address { return s.addr }

// As returns the contract called as c.
func (s *Stake) As(c *Client) *Stake { return &Stake{c: c, addr: s.addr, abi: s.abi} }

// Bond adds amt of the client's tokens to its bond (approving the
// transfer first if needed).
func (s *Stake) Bond(ctx context.Context, amt *big.Int) (Receipt, error) {
	if err := amount("bond", amt, 256); err != nil {
		return Receipt{}, err
	}
	if s.c.key == nil {
		return Receipt{}, fmt.Errorf("chain: bond: %w", ErrNoKey)
	}
	if err := s.c.approveToken(ctx, s.addr, amt); err != nil {
		return Receipt{}, err
	}
	return s.c.transact(ctx, s.addr, s.abi.PackBond(amt), "bond stake")
}

// RequestUnbond asks to take amt of the bond back after the delay.
func (s *Stake) RequestUnbond(ctx context.Context, amt *big.Int) (Receipt, error) {
	if err := amount("unbond", amt, 256); err != nil {
		return Receipt{}, err
	}
	return s.c.transact(ctx, s.addr, s.abi.PackRequestUnbond(amt), "request unbond")
}

// Unbond pays out the requested unbond once its delay has passed.
func (s *Stake) Unbond(ctx context.Context) (Receipt, error) {
	return s.c.transact(ctx, s.addr, s.abi.PackUnbond(), "unbond")
}

// StakeBond is a provider's bond.
type StakeBond struct {
	Amount, Unbonding *big.Int
	UnbondableAt      time.Time // zero if no unbond is pending
	Staked            bool      // at least the minimum, not being unbonded
}

// BondOf reads provider's bond.
func (s *Stake) BondOf(ctx context.Context, provider wf.Address) (StakeBond, error) {
	var b bindings.StakeBond
	var staked bool
	a := common.Address(provider)
	if err := s.c.readAll(ctx, s.addr, "bond",
		readOne(s.abi.PackBondOf(a), s.abi.UnpackBondOf, &b),
		readOne(s.abi.PackIsStaked(a), s.abi.UnpackIsStaked, &staked)); err != nil {
		return StakeBond{}, err
	}
	out := StakeBond{Amount: b.Amount, Unbonding: b.Unbonding, Staked: staked}
	if b.UnbondableAt.Sign() > 0 {
		out.UnbondableAt = time.Unix(b.UnbondableAt.Int64(), 0)
	}
	return out, nil
}

// CanaryCommitment is what the governor registers for canary function fn
// with salt: keccak256(abi.encode(keccak256(fn's bytes), salt)).
func CanaryCommitment(fn wf.CID, salt [32]byte) [32]byte {
	return [32]byte(crypto.Keccak256(crypto.Keccak256(fn.Bytes()), salt[:]))
}

// AddCanary registers canary function fn under salt (the governor only).
// Keep the salt: the evidence reveals it.
func (s *Stake) AddCanary(ctx context.Context, fn wf.CID, salt [32]byte) (Receipt, error) {
	if !fn.Defined() {
		return Receipt{}, fmt.Errorf("%w: chain: canary needs a function", wf.ErrInvalid)
	}
	return s.c.transact(ctx, s.addr, s.abi.PackAddCanary(CanaryCommitment(fn, salt)), "add canary "+fn.String())
}

// Evidence is a version 2 receipt a provider signed for a request to a
// sha256 canary (whose answer to a body B must be the 32 bytes
// sha256(B)), the request body, and the canary's salt.
type Evidence struct {
	Receipt   ChargeReceipt
	Signature wf.Signature
	Input     []byte
	Salt      [32]byte
}

// SlashResult is what a slash did.
type SlashResult struct {
	Receipt
	Provider wf.Address
	Amount   *big.Int
}

// Slash submits e. The contract checks it by itself and, if the provider
// answered the canary wrongly, slashes its bond, paying half to the
// client's account and half to the receipt's payer. A correct answer
// reverts AnswerCorrect, a used receipt EvidenceUsed, a receipt whose
// signer has no bond (a forgery) NothingToSlash.
func (s *Stake) Slash(ctx context.Context, e Evidence) (SlashResult, error) {
	r := e.Receipt
	if r.Version != 2 {
		return SlashResult{}, fmt.Errorf("%w: chain: slashing needs a version 2 receipt (with body hashes)", wf.ErrInvalid)
	}
	if _, err := ReceiptDigest(r); err != nil {
		return SlashResult{}, err
	}
	sr := stakeReceipt(r)
	data, err := s.abi.TryPackSlash(sr, e.Signature[:], e.Input, e.Salt)
	if err != nil {
		return SlashResult{}, fmt.Errorf("chain: slash: %w", err)
	}
	rc, err := s.c.transact(ctx, s.addr, data, "slash with receipt of request "+r.RequestID.String())
	if err != nil {
		return SlashResult{Receipt: rc}, err
	}
	// The signer and amount, as the contract found them.
	tr, err := s.c.backend.TransactionReceipt(ctx, common.Hash(rc.TxHash))
	if err != nil {
		return SlashResult{Receipt: rc}, fmt.Errorf("chain: slash: receipt: %w", err)
	}
	for _, l := range tr.Logs {
		if ev, err := s.abi.UnpackSlashedEvent(l); err == nil {
			return SlashResult{Receipt: rc, Provider: wf.Address(ev.Provider), Amount: ev.Amount}, nil
		}
	}
	return SlashResult{Receipt: rc}, fmt.Errorf("chain: slash: no Slashed event in tx %s", rc.TxHash)
}

// stakeReceipt is r as the Stake contract takes it.
func stakeReceipt(r ChargeReceipt) bindings.StakeReceipt {
	var id [32]byte
	copy(id[32-len(r.RequestID):], r.RequestID[:])
	return bindings.StakeReceipt{
		FunctionHash: [32]byte(crypto.Keccak256(r.Function.Bytes())), Payer: common.Address(r.Payer), Mode: r.Mode,
		Amount: r.Amount, Cumulative: r.Cumulative, RequestId: id, RequestBody: r.RequestBody, ResponseBody: r.ResponseBody,
	}
}

// ContractReceiptDigest is the digest the contract computes for r: the
// same as ReceiptDigest for a version 2 receipt (a test checks it).
func (s *Stake) ContractReceiptDigest(ctx context.Context, r ChargeReceipt) ([32]byte, error) {
	var d [32]byte
	err := s.c.readAll(ctx, s.addr, "receipt digest", readOne(s.abi.PackReceiptDigest(stakeReceipt(r)), s.abi.UnpackReceiptDigest, &d))
	return d, err
}

// Used reports whether receipt r already slashed.
func (s *Stake) Used(ctx context.Context, r ChargeReceipt) (bool, error) {
	d, err := ReceiptDigest(r)
	if err != nil {
		return false, err
	}
	var used bool
	err = s.c.readAll(ctx, s.addr, "evidence used", readOne(s.abi.PackUsed(d), s.abi.UnpackUsed, &used))
	return used, err
}

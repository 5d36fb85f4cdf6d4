package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/webfunctions/wf/wf"
)

// This file sends a recorded transaction and sees it through: it waits
// for the transaction to be mined and replaces one that is not (same nonce,
// higher fees), recording each replacement before sending it, so that
// whichever of them the chain mines, the caller's record has it.

// DefaultBumpAfter is how long a recorded transaction stays unmined before
// it is replaced, unless RecordOptions say otherwise: 15 blocks of Ethereum
// mainnet.
const DefaultBumpAfter = 3 * time.Minute

// DefaultMaxFeeCap is RecordOptions.MaxFeeCap's default: 500 gwei, the
// ceiling go-ethereum's gas price oracle puts on what it suggests.
var DefaultMaxFeeCap = big.NewInt(500_000_000_000)

// A pool takes a replacement only if its tip and its fee cap are both
// higher than the old transaction's by a minimum: 10% in go-ethereum
// (--txpool.pricebump), Nethermind and Erigon. A replacement offers 12.5%
// more (the base fee's largest rise per block), and is not sent unless it
// clears 10%.
const (
	bumpNum, bumpDen = 9, 8   // +12.5%
	needNum, needDen = 11, 10 // +10%
)

// RecordOptions say how SettleRecorded, RedeemVoucherRecorded and ResumeTx
// record the transactions they sign and when they replace one that is not
// mined. Record is required to sign anything; the rest have useful zero
// values.
type RecordOptions struct {
	// Record is called with each transaction before it is sent: the first
	// and every replacement. If it fails, that transaction is not sent and
	// the call returns the error. For the first transaction it may be
	// called again with another nonce when the node refused the nonce (the
	// refused transaction never reached a pool); replacements have the
	// first transaction's nonce.
	Record func(SignedTx) error
	// BumpAfter is how long a transaction may stay unmined before it is
	// replaced by one with the same nonce, to, data and gas and at least
	// 12.5% more tip and fee cap (or the fees a new transaction would
	// get now, if higher). One whose fee cap is below the current base fee
	// is replaced at once. Only the account's next transaction to be mined
	// is replaced: later ones wait behind it through no fault of their
	// own. Default DefaultBumpAfter; negative: only on the base fee.
	BumpAfter time.Duration
	// MaxFeeCap is the most any transaction offers per unit of gas, in wei
	// (the EIP-1559 fee cap, or the gas price on a chain without a base
	// fee), so a fee spike cannot drain the account. A transaction whose
	// fees would exceed it is signed at the cap; at the cap, replacing
	// stops and the transaction waits for the base fee to fall. Default
	// 500 gwei.
	MaxFeeCap *big.Int
	Log       *slog.Logger     // default: discard
	Now       func() time.Time // default time.Now
}

func (o RecordOptions) withDefaults() RecordOptions {
	if o.BumpAfter == 0 {
		o.BumpAfter = DefaultBumpAfter
	}
	if o.MaxFeeCap == nil || o.MaxFeeCap.Sign() <= 0 {
		o.MaxFeeCap = DefaultMaxFeeCap
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// capFees limits f to maxFeeCap and reports whether it had to.
func capFees(f fees, maxFeeCap *big.Int) (fees, bool) {
	if f.feeCap.Cmp(maxFeeCap) <= 0 {
		return f, false
	}
	f.feeCap = new(big.Int).Set(maxFeeCap)
	if f.tip != nil && f.tip.Cmp(f.feeCap) > 0 {
		f.tip = new(big.Int).Set(f.feeCap)
	}
	return f, true
}

// bumpFees prices a replacement for a transaction offering old: each of
// tip and fee cap 12.5% higher (and at least 1 wei higher), or as fresh
// (the fees for a new transaction now) if that is higher, limited to
// maxFeeCap. ok is false if the limit leaves less than a pool requires of
// a replacement: the old transaction must do.
func bumpFees(old, fresh fees, maxFeeCap *big.Int) (f fees, ok bool) {
	up := func(old, fresh *big.Int) *big.Int {
		x := new(big.Int).Mul(old, big.NewInt(bumpNum))
		x.Add(x, big.NewInt(bumpDen-1)).Div(x, big.NewInt(bumpDen)) // rounded up
		if min := new(big.Int).Add(old, common.Big1); x.Cmp(min) < 0 {
			x = min
		}
		if fresh != nil && fresh.Cmp(x) > 0 {
			x = new(big.Int).Set(fresh)
		}
		return x
	}
	enough := func(old, x *big.Int) bool {
		need := new(big.Int).Mul(old, big.NewInt(needNum))
		need.Add(need, big.NewInt(needDen-1)).Div(need, big.NewInt(needDen))
		return x.Cmp(old) > 0 && x.Cmp(need) >= 0
	}
	f = fees{legacy: old.legacy, feeCap: up(old.feeCap, fresh.feeCap)}
	if !old.legacy {
		f.tip = up(old.tip, fresh.tip)
		if f.tip.Cmp(f.feeCap) > 0 {
			f.feeCap = new(big.Int).Set(f.tip)
		}
	}
	f, _ = capFees(f, maxFeeCap)
	ok = enough(old.feeCap, f.feeCap)
	if !old.legacy {
		ok = ok && enough(old.tip, f.tip)
	}
	return f, ok
}

// txFees are the fees tx offers; ok is false for a type this client does
// not sign.
func txFees(tx *types.Transaction) (f fees, ok bool) {
	switch tx.Type() {
	case types.LegacyTxType:
		return fees{legacy: true, feeCap: tx.GasPrice()}, true
	case types.DynamicFeeTxType:
		return fees{tip: tx.GasTipCap(), feeCap: tx.GasFeeCap()}, true
	}
	return fees{}, false
}

func signedTx(tx *types.Transaction, at time.Time) (SignedTx, error) {
	raw, err := tx.MarshalBinary()
	if err != nil {
		return SignedTx{}, err
	}
	return SignedTx{Hash: Hash(tx.Hash()), Nonce: tx.Nonce(), Raw: raw, Signed: at.UTC()}, nil
}

// nonceAt is the account's nonce after the latest block: the next nonce
// to be mined.
func (c *conn) nonceAt(ctx context.Context, account common.Address) (uint64, error) {
	b, ok := c.backend.(interface {
		NonceAt(ctx context.Context, account common.Address, block *big.Int) (uint64, error)
	})
	if !ok {
		return 0, errors.New("the backend cannot tell an account's nonce")
	}
	return b.NonceAt(ctx, account, nil)
}

// pendingTx is a recorded transaction being seen through: every
// transaction signed for its nonce, the latest last. At most one of them
// can be mined.
type pendingTx struct {
	c      *Client
	o      RecordOptions
	from   common.Address
	msg    ethereum.CallMsg // for the reason of a revert
	what   string
	txs    []*types.Transaction
	signed time.Time // when the latest was signed
	next   time.Time // no replacement before this (the fee cap stopped the last try)
	capped bool      // logged that the fee cap stops replacing the latest
}

func (p *pendingTx) latest() *types.Transaction { return p.txs[len(p.txs)-1] }

// mined returns the transaction of p that has a receipt, if any.
func (p *pendingTx) mined(ctx context.Context) (*types.Transaction, error) {
	for i := len(p.txs) - 1; i >= 0; i-- {
		_, err := p.c.backend.TransactionReceipt(ctx, p.txs[i].Hash())
		if err == nil {
			return p.txs[i], nil
		}
		if !notMinedYet(err) {
			return nil, err
		}
	}
	return nil, nil
}

// wait returns once one of p's transactions is mined, replacing the latest
// when it is due. With send set the latest may not have reached the node
// (a crash, a lost connection): it is sent first.
func (p *pendingTx) wait(ctx context.Context, send bool) (Receipt, error) {
	c := p.c
	d := c.poll[0]
	t := time.NewTimer(d)
	defer t.Stop()
	if send {
		t.Reset(0)
	}
	nonceErrs := 0
	for {
		select {
		case <-ctx.Done():
			return Receipt{}, fmt.Errorf("chain: %s: tx %s: %w", p.what, p.latest().Hash().Hex(), ctx.Err())
		case <-t.C:
		}
		tx, err := p.mined(ctx)
		if err != nil {
			return Receipt{}, fmt.Errorf("chain: %s: receipt: %w", p.what, err)
		}
		if tx != nil {
			return c.finish(ctx, tx, p.msg, p.what)
		}
		// Not mined. If the account's mined nonce has passed it, another
		// transaction took the nonce and none of these can be mined.
		nonce := p.latest().Nonce()
		mined, err := c.nonceAt(ctx, p.from)
		if err != nil {
			return Receipt{}, fmt.Errorf("chain: %s: nonce: %w", p.what, err)
		}
		if mined > nonce {
			// Ask once more: one may have been mined between the questions.
			if tx, err := p.mined(ctx); err == nil && tx != nil {
				return c.finish(ctx, tx, p.msg, p.what)
			}
			return Receipt{}, fmt.Errorf("chain: %s (nonce %d): %w", p.what, nonce, ErrTxSuperseded)
		}
		if send {
			err := c.backend.SendTransaction(ctx, p.latest())
			switch {
			case err == nil || isAlreadyKnown(err):
				send = false
			case isUnderpriced(err):
				// The pool holds a transaction with this nonce paying as
				// much (ours, sent by a process that did not record it,
				// or another's): the receipts and the nonce will tell.
				send = false
				p.o.Log.Warn("the node keeps another transaction with this nonce", "tx", p.latest().Hash().Hex(), "nonce", nonce, "err", err)
			case isNonceError(err) && nonceErrs < 2:
				nonceErrs++ // ask the receipts and the nonce again
			default:
				return Receipt{}, fmt.Errorf("chain: %s: send: %w", p.what, err)
			}
		}
		if !send && mined == nonce {
			bumped, resend, err := p.bump(ctx)
			if err != nil {
				return Receipt{}, err
			}
			if bumped {
				send = true
				d = c.poll[0]
				t.Reset(0)
				continue
			}
			if resend {
				// Keep the latest in the node's pool while it waits.
				if err := c.backend.SendTransaction(ctx, p.latest()); err != nil && !isAlreadyKnown(err) {
					p.o.Log.Warn("send again", "tx", p.latest().Hash().Hex(), "err", err)
				}
			}
		}
		t.Reset(d)
		d += d / 2
		d = min(d, c.poll[1])
	}
}

// bump replaces the latest transaction if it is due: recorded, signed with
// higher fees, not yet sent. resend is set when a replacement was due but
// the fee cap stopped it.
func (p *pendingTx) bump(ctx context.Context) (bumped, resend bool, err error) {
	old := p.latest()
	oldFees, ok := txFees(old)
	if p.o.Record == nil || p.c.key == nil || common.Address(p.c.key.Address()) != p.from || !ok {
		return false, false, nil // cannot record or sign a replacement: wait
	}
	now := p.o.Now()
	if now.Before(p.next) {
		return false, false, nil
	}
	head, err := p.c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return false, false, fmt.Errorf("chain: %s: latest header: %w", p.what, err)
	}
	var reason string
	switch {
	case !oldFees.legacy && head.BaseFee != nil && oldFees.feeCap.Cmp(head.BaseFee) < 0:
		reason = "the base fee is above its fee cap"
	case p.o.BumpAfter > 0 && now.Sub(p.signed) >= p.o.BumpAfter:
		reason = "not mined in " + now.Sub(p.signed).Round(time.Millisecond).String()
	default:
		return false, false, nil
	}
	fresh, err := p.c.feesAt(ctx, head)
	if err != nil {
		return false, false, fmt.Errorf("chain: %s: %w", p.what, err)
	}
	f, ok := bumpFees(oldFees, fresh, p.o.MaxFeeCap)
	if !ok {
		if !p.capped {
			p.o.Log.Warn("transaction not replaced: the fee cap limit is reached; waiting for the base fee to fall",
				"tx", old.Hash().Hex(), "nonce", old.Nonce(), "reason", reason, "feeCap", oldFees.feeCap.String(),
				"maxFeeCap", p.o.MaxFeeCap.String(), "baseFee", bigString(head.BaseFee))
			p.capped = true
		}
		retry := p.o.BumpAfter
		if retry <= 0 {
			retry = p.c.poll[1]
		}
		p.next = now.Add(retry)
		return false, true, nil
	}
	tx, err := p.c.signTx(old.Nonce(), old.To(), old.Value(), old.Data(), old.Gas(), f)
	if err != nil {
		return false, false, fmt.Errorf("chain: %s: sign replacement: %w", p.what, err)
	}
	stx, err := signedTx(tx, now)
	if err != nil {
		return false, false, fmt.Errorf("chain: %s: sign replacement: %w", p.what, err)
	}
	if err := p.o.Record(stx); err != nil {
		return false, false, fmt.Errorf("chain: %s: record replacement: %w", p.what, err)
	}
	p.o.Log.Info("replacing transaction", "old", old.Hash().Hex(), "tx", tx.Hash().Hex(), "nonce", tx.Nonce(), "reason", reason,
		"feeCap", f.feeCap.String(), "tip", bigString(f.tip), "oldFeeCap", oldFees.feeCap.String(), "baseFee", bigString(head.BaseFee))
	p.txs = append(p.txs, tx)
	p.signed, p.next, p.capped = now, time.Time{}, false
	return true, false, nil
}

func bigString(x *big.Int) string {
	if x == nil {
		return "none"
	}
	return x.String()
}

// isUnderpriced reports a pool refusing a transaction for its price: a
// replacement that does not beat the one it holds by enough, or a tip
// below the pool's minimum.
func isUnderpriced(err error) bool {
	return strings.Contains(strings.ToLower(err.Error()), "underpriced")
}

// ResumeTx sees through the transactions recorded for one settlement by
// SettleRecorded or RedeemVoucherRecorded: the first and its replacements,
// all with one nonce, the latest last. It sends the latest again if the
// node does not have it, waits for one of them to be mined and replaces
// the latest as o says (o.Record set, and the Client signing as their
// sender; otherwise it only waits). Only one of them can ever be mined,
// whatever happened to the process that recorded them.
//
// It returns the mined one's receipt (with a *RevertError if it reverted),
// ErrTxSuperseded if none of them can be mined any more (another
// transaction took the nonce), or another error (ctx ending, the node
// unreachable, o.Record failing) if the outcome is still unknown: call it
// again later with every transaction recorded so far.
func (c *Client) ResumeTx(ctx context.Context, recorded []SignedTx, o RecordOptions) (Receipt, error) {
	if len(recorded) == 0 {
		return Receipt{}, fmt.Errorf("%w: chain: no recorded transaction", wf.ErrInvalid)
	}
	o = o.withDefaults()
	signer := types.LatestSignerForChainID(c.chainID)
	p := &pendingTx{c: c, o: o}
	for i, r := range recorded {
		tx := new(types.Transaction)
		if err := tx.UnmarshalBinary(r.Raw); err != nil {
			return Receipt{}, fmt.Errorf("%w: chain: recorded transaction: %v", wf.ErrInvalid, err)
		}
		from, err := types.Sender(signer, tx)
		if err != nil {
			return Receipt{}, fmt.Errorf("%w: chain: recorded transaction: %v", wf.ErrInvalid, err)
		}
		if i == 0 {
			p.from = from
			p.msg = ethereum.CallMsg{From: from, To: tx.To(), Data: tx.Data()}
		} else if from != p.from || tx.Nonce() != p.txs[0].Nonce() {
			return Receipt{}, fmt.Errorf("%w: chain: recorded transactions %s and %s are not from one account with one nonce", wf.ErrInvalid, p.txs[0].Hash().Hex(), tx.Hash().Hex())
		}
		p.txs = append(p.txs, tx)
	}
	p.what = "resume " + p.latest().Hash().Hex()
	// Unknown age: an old record, before transactions carried their time.
	p.signed = recorded[len(recorded)-1].Signed
	if p.signed.IsZero() {
		p.signed = o.Now().Add(-o.BumpAfter)
	}
	return p.wait(ctx, true)
}

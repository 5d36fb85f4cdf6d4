package minarail

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// Run settles until ctx ends: at once the batches an earlier process left
// in flight, then every Poll the channels that are due. Errors are logged
// and retried on the next round.
func (r *Rail) Run(ctx context.Context) error {
	t := time.NewTicker(r.cfg.Poll)
	defer t.Stop()
	for {
		if err := r.Settle(ctx, false); err != nil && ctx.Err() == nil {
			r.log.Warn("mina settlement", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Settle resolves the Mina batches in flight, then redeems every channel
// that is due (with force, every channel with pending charges).
func (r *Rail) Settle(ctx context.Context, force bool) error {
	r.settleMu.Lock()
	defer r.settleMu.Unlock()
	var errs []error
	inflight, err := r.cfg.Ledger.InFlightBatches()
	if err != nil {
		return err
	}
	for _, b := range inflight {
		if b.Mode == ledger.Mina {
			errs = append(errs, r.resume(ctx, b))
		}
	}
	for k, a := range r.cfg.Ledger.Accounts() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if k.Mode == ledger.Mina && a.Batch == 0 && a.Pending().Count > 0 && (force || r.due(ctx, k, a)) {
			errs = append(errs, r.settleAccount(ctx, k))
		}
	}
	return errors.Join(errs...)
}

// due reports whether k's pending charges are to be redeemed now.
func (r *Rail) due(ctx context.Context, k ledger.Key, a ledger.Account) bool {
	now := r.cfg.Now()
	r.mu.Lock()
	retry := r.retryAt[k]
	first, ok := r.first[k]
	if !ok { // charged by an earlier process: its wait starts now
		r.first[k] = now
		first = now
	}
	r.mu.Unlock()
	if now.Before(retry) {
		return false
	}
	if a.Pending().Count >= uint64(r.cfg.SettleCount) || now.Sub(first) >= r.cfg.SettleInterval {
		return true
	}
	// A channel near its expiry is redeemed while it still can be.
	ch, err := channelOf(k.Channel)
	if err != nil {
		return false
	}
	st, err := r.state(ctx, ch, false)
	return err == nil && st != nil && uint64(st.Slot)+uint64(r.cfg.MinSlots/2) >= uint64(st.Expiry)
}

func (r *Rail) settleAccount(ctx context.Context, k ledger.Key) error {
	b, err := r.cfg.Ledger.Prepare(k, r.cfg.Now())
	if err != nil || b == nil {
		return err
	}
	r.mu.Lock()
	delete(r.first, k)
	r.mu.Unlock()
	r.log.Info("redeeming", "batch", b.ID, "channel", chanName(b.Channel), "requests", b.Count, "amount", b.Amount.String(), "upTo", b.UpTo.String())
	if r.cfg.AfterPrepare != nil {
		r.cfg.AfterPrepare(b)
	}
	err = r.resume(ctx, b)
	if err != nil && r.cfg.Ledger.Account(k).Batch == 0 {
		// Aborted (the channel expired, the settler refused the
		// redeem): not again before RetryAfter, so a channel that cannot
		// be redeemed does not add a batch every Poll.
		r.mu.Lock()
		r.retryAt[k] = r.cfg.Now().Add(RetryAfter)
		r.mu.Unlock()
	}
	return err
}

// RetryAfter is how long a channel whose batch was aborted waits before
// the next one (unless Settle is forced).
const RetryAfter = 5 * time.Minute

// channelOf is the channel a ledger key names.
func channelOf(k ledger.WideKey) (*mina.PublicKey, error) {
	var x [32]byte
	for i := range 32 {
		x[i] = k[31-i]
	}
	return mina.NewPublicKey(new(big.Int).SetBytes(x[:]), k[32]&1 == 1)
}

func chanName(k ledger.WideKey) string {
	if p, err := channelOf(k); err == nil {
		return p.Base58()
	}
	return k.String()
}

// recorded is what a batch's Tx.Raw holds: the Mina transaction and its hash.
type recorded struct {
	Hash string `json:"hash"`
	Tx   string `json:"tx"`
}

func txHash(minaHash string) ledger.Hash { return ledger.Hash(sha256.Sum256([]byte(minaHash))) }

// resume carries batch b on from where it is: a batch whose amount the
// channel already redeemed is confirmed; a prepared one is built, recorded
// and sent; a sent one is waited for. A batch that cannot be settled is
// aborted (its charges go back to pending for the next batch).
func (r *Rail) resume(ctx context.Context, b *ledger.Batch) error {
	ch, err := channelOf(b.Channel)
	if err != nil {
		_, aerr := r.cfg.Ledger.Abort(b.ID, err)
		return errors.Join(err, aerr)
	}
	done, err := r.redeemed(ctx, ch, b)
	if err != nil || done {
		return err
	}
	var rec recorded
	if b.State == ledger.Sent && b.Tx != nil && json.Unmarshal(b.Tx.Raw, &rec) == nil && rec.Hash != "" {
		return r.wait(ctx, ch, b, rec.Hash)
	}
	var tx *settler.Tx
	if isOwner(b.Channel) { // owner-pays: the zkApp's settle, signed here
		if b.Rail == nil {
			_, aerr := r.cfg.Ledger.Abort(b.ID, errors.New("no sponsorship"))
			return aerr
		}
		if tx, err = r.buildSettle(ctx, ch, b); err != nil {
			var se *settler.Error
			if !errors.As(err, &se) && errors.Is(err, wf.ErrInvalid) {
				_, aerr := r.cfg.Ledger.Abort(b.ID, err)
				return errors.Join(err, aerr)
			}
			return r.failed(b, fmt.Errorf("build settle: %w", err))
		}
	} else {
		red, err := decodeVoucher(ch, b.Rail.Data)
		if err != nil {
			_, aerr := r.cfg.Ledger.Abort(b.ID, err)
			return errors.Join(err, aerr)
		}
		red.Provider, red.UpTo = r.pub, b.UpTo.Uint64()
		if tx, err = r.cfg.Settler.Redeem(ctx, *red); err != nil {
			return r.failed(b, fmt.Errorf("build redeem: %w", err))
		}
	}
	raw, _ := json.Marshal(recorded{Hash: tx.Hash, Tx: tx.JSON})
	if err := r.cfg.Ledger.RecordTx(b.ID, ledger.Tx{Hash: txHash(tx.Hash), Raw: raw, Signed: r.cfg.Now()}); err != nil {
		return err
	}
	if _, err := r.cfg.Settler.Send(ctx, tx); err != nil {
		var se *settler.Error
		if errors.As(err, &se) {
			// Refused: the state it was proven against moved on, or
			// the voucher no longer redeems. Check, then give back.
			if done, rerr := r.redeemed(ctx, ch, b); rerr != nil || done {
				return rerr
			}
			_, aerr := r.cfg.Ledger.Abort(b.ID, err)
			return errors.Join(fmt.Errorf("minarail: batch %d: %w", b.ID, err), aerr)
		}
		return err // unknown: resumed next round
	}
	return r.wait(ctx, ch, b, tx.Hash)
}

// failed handles an error building a batch's transaction: the settler
// refused (the batch cannot be redeemed as it is: aborted) or could not be
// reached (left as it is for the next round).
func (r *Rail) failed(b *ledger.Batch, err error) error {
	var se *settler.Error
	if errors.As(err, &se) {
		_, aerr := r.cfg.Ledger.Abort(b.ID, err)
		return errors.Join(fmt.Errorf("minarail: batch %d: %w", b.ID, err), aerr)
	}
	return fmt.Errorf("minarail: batch %d: %w", b.ID, err)
}

// redeemed confirms b if the channel's redeemed amount reached its UpTo.
func (r *Rail) redeemed(ctx context.Context, ch *mina.PublicKey, b *ledger.Batch) (bool, error) {
	st, err := r.state(ctx, ch, true)
	if err != nil {
		if errors.Is(err, wf.ErrNotFound) {
			_, aerr := r.cfg.Ledger.Abort(b.ID, err)
			return true, errors.Join(fmt.Errorf("minarail: batch %d: channel %s: %w", b.ID, ch.Base58(), err), aerr)
		}
		return false, err
	}
	paid := st.Redeemed
	if isOwner(b.Channel) {
		paid = st.Settled // owner-pays: what settle paid
	}
	red, err := strconv.ParseUint(paid, 10, 64)
	if err != nil {
		return false, fmt.Errorf("minarail: channel %s: paid %q", ch.Base58(), paid)
	}
	if new(big.Int).SetUint64(red).Cmp(b.UpTo) < 0 {
		return false, nil
	}
	var rc ledger.Receipt
	if b.Tx != nil {
		rc.TxHash = b.Tx.Hash
	}
	if _, err := r.cfg.Ledger.Confirm(b.ID, rc); err != nil {
		return true, err
	}
	r.log.Info("redeemed", "batch", b.ID, "channel", ch.Base58(), "amount", b.Amount.String(), "redeemed", st.Redeemed)
	return true, nil
}

// wait follows a sent transaction until it is included or failed, or
// for at most MaxWait (then the batch stays sent, for the next round). A
// transaction the settler does not know (it restarted) three polls in a
// row is given up: the batch is aborted, and should it be mined after all
// the next batch finds the channel redeemed and is confirmed without a
// transaction.
func (r *Rail) wait(ctx context.Context, ch *mina.PublicKey, b *ledger.Batch, hash string) error {
	deadline := r.cfg.Now().Add(MaxWait)
	unknown := 0
	for {
		s, err := r.cfg.Settler.Tx(ctx, hash)
		if err != nil {
			return err
		}
		if s.Status != "pending" {
			if done, err := r.redeemed(ctx, ch, b); err != nil || done {
				return err
			}
		}
		if s.Status == "unknown" {
			unknown++
		}
		if s.Status == "included" || s.Status == "failed" || unknown >= 3 {
			reason := fmt.Errorf("transaction %s %s without redeeming up to %s: %s", hash, s.Status, b.UpTo, s.Error)
			_, aerr := r.cfg.Ledger.Abort(b.ID, reason)
			return errors.Join(fmt.Errorf("minarail: batch %d: %w", b.ID, reason), aerr)
		}
		if r.cfg.Now().After(deadline) {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(r.cfg.Poll):
		}
	}
}

// MaxWait bounds how long one round waits for a sent transaction (Mina's
// blocks come every few minutes).
const MaxWait = 30 * time.Minute

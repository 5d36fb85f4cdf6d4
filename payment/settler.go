package payment

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
)

// Run settles until ctx ends: first it resolves the batches an earlier
// process left in flight, then it settles each payer's pending charges
// when SettleCount are pending or the oldest has waited SettleInterval.
// Errors settling one payer are logged and retried; Run returns ctx's
// error.
func (m *Meter) Run(ctx context.Context) error {
	tick := min(m.cfg.SettleInterval/4, time.Second)
	t := time.NewTicker(max(tick, 10*time.Millisecond))
	defer t.Stop()
	for {
		m.settle(ctx, false)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		case <-m.wake:
		}
	}
}

// Settle settles every pending charge now, whatever the thresholds, and
// resolves batches in flight. It returns the first error; charges it could
// not settle stay pending.
func (m *Meter) Settle(ctx context.Context) error { return m.settle(ctx, true) }

func (m *Meter) settle(ctx context.Context, force bool) error {
	m.settleMu.Lock()
	defer m.settleMu.Unlock()
	var errs []error
	// Batches in flight here are ones whose outcome is unknown: sent by an
	// earlier process or by an attempt that timed out.
	inflight, err := m.cfg.Ledger.InFlightBatches()
	if err != nil {
		return err
	}
	for _, b := range inflight {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		errs = append(errs, m.resume(ctx, b))
	}
	accts := m.cfg.Ledger.Accounts()
	keys := make([]ledger.Key, 0, len(accts))
	for k := range accts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return accts[keys[i]].Pending().Count > accts[keys[j]].Pending().Count })
	for _, k := range keys {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if a := accts[k]; a.Batch == 0 && (force || m.due(k, a)) {
			errs = append(errs, m.settleAccount(ctx, k))
		}
	}
	return errors.Join(errs...)
}

// due reports whether k's pending charges should be settled now.
func (m *Meter) due(k ledger.Key, a ledger.Account) bool {
	p := a.Pending()
	if p.Count == 0 {
		return false
	}
	now := m.cfg.Now()
	m.mu.Lock()
	first, ok := m.first[k]
	retry := m.retryAt[k]
	m.mu.Unlock()
	if now.Before(retry) {
		return false
	}
	if !ok {
		first = now
	}
	if p.Count >= m.cfg.SettleCount || now.Sub(first) >= m.cfg.SettleInterval {
		return true
	}
	// A voucher is redeemed well before it expires.
	return k.Mode == ledger.Caller && a.Best != nil && a.Best.Expiry.Sub(now) < m.cfg.MinVoucherLife/2
}

func (m *Meter) settleAccount(ctx context.Context, k ledger.Key) error {
	var lim ledger.Limit
	if k.Mode == ledger.Owner {
		var wait bool
		var err error
		if lim, wait, err = m.ownerLimit(ctx, k); err != nil || wait {
			return err
		}
	}
	b, err := m.cfg.Ledger.PrepareLimited(k, m.cfg.Now(), lim)
	if err != nil {
		return err
	}
	m.mu.Lock()
	if m.cfg.Ledger.Account(k).Pending().Count > 0 {
		m.first[k] = m.cfg.Now()
	} else {
		delete(m.first, k)
	}
	m.mu.Unlock()
	if b == nil {
		return nil // nothing to settle
	}
	m.log.Info("settling", "batch", b.ID, "mode", b.Mode.String(), "payer", b.Payer.Checksum(), "requests", b.Count, "amount", b.Amount.String())
	ctx, cancel := context.WithTimeout(ctx, m.cfg.SettleTimeout)
	defer cancel()
	var r chain.Receipt
	if b.Mode == ledger.Owner && b.Meter != nil {
		sm := chain.SignedMeterCount{MeterCount: chain.MeterCount{Payer: b.Payer, Provider: m.provider, Count: b.Meter.Count}, Signature: b.Meter.Signature}
		r, err = m.cfg.Chain.SettleMeteredRecorded(ctx, b.Payer, b.Count, b.Amount, sm, m.recording(b.ID))
	} else if b.Mode == ledger.Owner {
		r, err = m.cfg.Chain.SettleRecorded(ctx, b.Payer, b.Count, b.Amount, m.recording(b.ID))
	} else {
		r, err = m.cfg.Chain.RedeemVoucherRecorded(ctx, chainVoucher(b.Voucher.SignedVoucher), b.UpTo, m.recording(b.ID))
	}
	return m.resolve(ctx, b.ID, r, err)
}

// ownerLimit bounds an owner's next batch by what the escrow will pay now,
// read afresh: what is left of the period cap, and the requests the
// owner's metering key counted beyond those settled. The charges above it
// wait (wait true: nothing can be settled now) for the next period or a
// higher count, rather than a settlement that reverts.
func (m *Meter) ownerLimit(ctx context.Context, k ledger.Key) (lim ledger.Limit, wait bool, err error) {
	m.Forget(k.Payer)
	oc, err := m.onChain(ctx, k)
	if err != nil {
		return lim, false, err
	}
	now := m.cfg.Now()
	later := func(at time.Time) {
		m.mu.Lock()
		m.retryAt[k] = at
		m.mu.Unlock()
	}
	if left, renews := oc.periodLeft(now); left != nil {
		if left.Cmp(m.price) < 0 {
			m.log.Info("period cap reached; settling when it renews", "payer", k.Payer.Checksum(), "renews", renews)
			later(renews.Add(-oc.skew).Add(time.Second))
			return lim, true, nil
		}
		lim.Amount = left
	}
	if meter := oc.allowance.Meter; !meter.IsZero() {
		best := m.cfg.Ledger.Account(k).Meter
		if best == nil || best.Meter != meter || best.Count <= oc.metered {
			if best != nil && best.Meter != meter {
				m.log.Warn("charges pending under an earlier metering key cannot be settled while the allowance names another; they are stranded when its first count is charged",
					"payer", k.Payer.Checksum(), "earlier", best.Meter.Checksum(), "meter", meter.Checksum())
			} else {
				m.log.Info("no metering count to settle under yet", "payer", k.Payer.Checksum(), "meter", meter.Checksum())
			}
			later(now.Add(m.cfg.SettleInterval))
			return lim, true, nil
		}
		lim.Count, lim.Meter = best.Count-oc.metered, best
	}
	return lim, false, nil
}

// recording records batch id's transactions, the first and each
// replacement, in the ledger before they are sent.
func (m *Meter) recording(id uint64) chain.RecordOptions {
	return chain.RecordOptions{
		Record: func(tx chain.SignedTx) error {
			if err := m.cfg.Ledger.RecordTx(id, ledgerTx(tx)); err != nil {
				return err
			}
			if m.afterRecord != nil {
				return m.afterRecord(id, tx)
			}
			return nil
		},
		BumpAfter: m.cfg.BumpAfter,
		MaxFeeCap: m.cfg.MaxFeeCap,
		Log:       m.log.With("batch", id),
		Now:       m.cfg.Now,
	}
}

// resume finds out what became of batch b, which was in flight when its
// process stopped or its wait ended.
func (m *Meter) resume(ctx context.Context, b *ledger.Batch) error {
	if b.State == ledger.Prepared || b.Tx == nil || len(b.Tx.Raw) == 0 {
		// The transaction is recorded before it is sent: nothing was.
		_, err := m.cfg.Ledger.Abort(b.ID, errors.New("not sent"))
		m.log.Info("settlement not sent; charges pending again", "batch", b.ID, "payer", b.Payer.Checksum())
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, m.cfg.SettleTimeout)
	defer cancel()
	m.log.Info("resuming settlement", "batch", b.ID, "tx", b.Tx.Hash.String(), "replaced", len(b.Replaced))
	if b.Mode == ledger.Caller {
		// The escrow records what was redeemed: if it reached this
		// batch's amount, the batch is settled whichever transaction did it.
		red, err := m.cfg.Chain.Redeemed(ctx, b.Payer, m.provider)
		if err == nil && b.UpTo != nil && red.Cmp(b.UpTo) >= 0 {
			r, _ := m.cfg.Chain.ResumeTx(ctx, chainTxs(b.Txs()), m.recording(b.ID))
			if r.TxHash == (chain.Hash{}) {
				r.TxHash = chain.Hash(b.Tx.Hash)
			}
			return m.resolve(ctx, b.ID, r, nil)
		}
	}
	// Every transaction recorded for the batch: whichever is mined is the
	// outcome.
	r, err := m.cfg.Chain.ResumeTx(ctx, chainTxs(b.Txs()), m.recording(b.ID))
	return m.resolve(ctx, b.ID, r, err)
}

// resolve records the outcome of sending batch id: settled, not settled
// (nothing sent, reverted, or superseded), or unknown (left in flight for
// resume).
func (m *Meter) resolve(ctx context.Context, id uint64, r chain.Receipt, err error) error {
	b, lerr := m.cfg.Ledger.Batch(id)
	if lerr != nil {
		return lerr
	}
	if err == nil {
		b, lerr = m.cfg.Ledger.Confirm(id, ledgerReceipt(r))
		if lerr != nil {
			return lerr
		}
		m.log.Info("settled", "batch", b.ID, "mode", b.Mode.String(), "payer", b.Payer.Checksum(),
			"requests", b.Count, "amount", b.Amount.String(), "tx", b.TxHash.String(), "block", b.Block, "gas", b.GasUsed)
		return nil
	}
	var rev *chain.RevertError
	notSettled := b.Tx == nil || errors.Is(err, chain.ErrTxSuperseded) || (errors.As(err, &rev) && r.TxHash != chain.Hash{})
	if !notSettled {
		m.log.Warn("settlement outcome unknown; will resume", "batch", id, "err", err)
		return fmt.Errorf("payment: batch %d: %w", id, err)
	}
	if _, lerr := m.cfg.Ledger.Abort(id, err); lerr != nil {
		return lerr
	}
	// The chain refused: the payer may have revoked or spent its budget.
	// Try again after an interval, not at every tick.
	m.Forget(b.Payer)
	m.mu.Lock()
	m.retryAt[b.Key()] = m.cfg.Now().Add(m.cfg.SettleInterval)
	m.mu.Unlock()
	m.log.Warn("settlement failed; charges pending again", "batch", id, "payer", b.Payer.Checksum(), "err", err)
	return fmt.Errorf("payment: batch %d: %w", id, err)
}

// Totals sums the ledger: what was charged and what was settled, over all
// payers and modes.
func (m *Meter) Totals() (charged, settled ledger.Totals) {
	charged, settled = ledger.Totals{Amount: new(big.Int)}, ledger.Totals{Amount: new(big.Int)}
	for _, a := range m.cfg.Ledger.Accounts() {
		charged.Count += a.Charged.Count
		charged.Amount.Add(charged.Amount, a.Charged.Amount)
		settled.Count += a.Settled.Count
		settled.Amount.Add(settled.Amount, a.Settled.Amount)
	}
	return charged, settled
}

// Stranded sums the owner charges set aside because the owner changed its
// metering key while they were pending (ledger.Account.Stranded): served,
// never settled.
func (m *Meter) Stranded() ledger.Totals {
	t := ledger.Totals{Amount: new(big.Int)}
	for _, a := range m.cfg.Ledger.Accounts() {
		t.Count += a.Stranded.Count
		t.Amount.Add(t.Amount, a.Stranded.Amount)
	}
	return t
}

package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// Payments is how a paid node charges and settles.
type Payments struct {
	// Meter configures the meter; the node fills in Key, Ledger and Log.
	// Meter.Chain (which the caller closes, after the node) and
	// Meter.Price are required.
	Meter payment.Config
	// FreshLedger discards the ledger left in the directory: for a dev
	// chain that is new on every run, where old charges would name
	// payers and batches that never existed.
	FreshLedger bool
	// SettleGrace bounds the settlement of what was served when the node
	// closes. Default 15s.
	SettleGrace time.Duration
	// LedgerSync is ledger.Options.SyncInterval: zero syncs each charge to
	// the disk before its response leaves; positive writes it before and
	// syncs at most this long after (a machine crash costs the provider
	// the charges of that window).
	LedgerSync time.Duration
	// LedgerSumOwner is ledger.Options.SumOwnerCharges: with LedgerSync,
	// owner-paid charges are logged summed per sync (a killed process
	// costs the provider those of that window).
	LedgerSumOwner bool
	// Credits, when set, serves payers on the trial credits this provider
	// granted them before charging their allowance (node/credits.go).
	Credits *Credits
}

// payments is a running meter with its ledger.
type payments struct {
	meter   *payment.Meter
	credits *credits // nil: no trial credits
	ledger  *ledger.Ledger
	log     *slog.Logger
	grace   time.Duration
	cancel  context.CancelFunc
	done    chan struct{}
}

func startPayments(ctx context.Context, log *slog.Logger, dir string, key *chain.Key, p Payments) (*payments, error) {
	path := filepath.Join(dir, LedgerFile)
	if p.FreshLedger {
		if err := ledger.Remove(path); err != nil {
			return nil, fmt.Errorf("node: discard the old ledger: %w", err)
		}
	}
	led, err := ledger.Open(path, ledger.Options{SyncInterval: p.LedgerSync, SumOwnerCharges: p.LedgerSumOwner})
	if err != nil {
		return nil, fmt.Errorf("node: ledger: %w", err)
	}
	mc := p.Meter
	mc.Key, mc.Ledger, mc.Log = key, led, log.With("component", "settle")
	m, err := payment.New(mc)
	if err != nil {
		led.Close()
		return nil, fmt.Errorf("node: payments: %w", err)
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	ps := &payments{meter: m, ledger: led, log: log, grace: p.SettleGrace, cancel: cancel, done: make(chan struct{})}
	if ps.grace <= 0 {
		ps.grace = 15 * time.Second
	}
	if p.Credits != nil {
		if ps.credits, err = startCredits(ctx, log, dir, key, *p.Credits, m, mc, p.FreshLedger); err != nil {
			cancel()
			led.Close()
			return nil, err
		}
	}
	go func() { defer close(ps.done); m.Run(runCtx) }()
	charged, settled := m.Totals()
	c := mc.Chain
	log.Info("payments on", "provider", key.Address().Checksum(), "price", mc.Price.String()+" base units",
		"chain", c.ChainID().String(), "escrow", c.Contracts().Escrow.Checksum(),
		"charged", charged.Count, "settled", settled.Count)
	return ps, nil
}

// charger is what charges requests: the credits wrapper, else the meter.
func (p *payments) charger() wf.Payments {
	if p.credits != nil {
		return p.credits.pay
	}
	return p.meter
}

// stop ends the settler, settles what was served (rather than at the next
// start) and closes the ledger.
func (p *payments) stop(ctx context.Context) error {
	var credErr error
	if p.credits != nil {
		credErr = p.credits.stop(ctx, p.grace)
	}
	p.cancel()
	<-p.done
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.grace)
	defer cancel()
	if err := p.meter.Settle(sctx); err != nil {
		p.log.Warn("settle at shutdown", "err", err)
	}
	return errors.Join(credErr, p.ledger.Close())
}

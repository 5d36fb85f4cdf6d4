package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// CreditsFile is the trial credits' record in the node's directory: each
// request served on credits, written before its response leaves.
const CreditsFile = "credits.log"

// Credits turns on trial credits (issue 17): requests from a payer this
// provider granted credits on the Credits contract are served on them
// before the payer's own allowance is charged, and what was served is
// recorded on the contract every FlushInterval and at close.
type Credits struct {
	// Contract is the Credits contract (wf credits deploy; wf dev's).
	Contract wf.Address
	// FlushInterval is how often use is recorded on chain (default the
	// meter's settle interval). TTL is how long a payer's credits as read
	// are reused (default 30s).
	FlushInterval, TTL time.Duration
}

// credits is the running credits wrapper and its flush loop.
type credits struct {
	pay    *rewards.CreditPayments
	log    *slog.Logger
	cancel context.CancelFunc
	done   chan struct{}
}

func startCredits(ctx context.Context, log *slog.Logger, dir string, key *chain.Key, cr Credits, meter *payment.Meter, mc payment.Config, fresh bool) (*credits, error) {
	path := filepath.Join(dir, CreditsFile)
	if fresh {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("node: discard the old credits record: %w", err)
		}
	}
	c, err := mc.Chain.Credits(ctx, cr.Contract)
	if err != nil {
		return nil, fmt.Errorf("node: credits: %w", err)
	}
	ct := mc.Chain.Contracts()
	pay, err := rewards.OpenCreditPayments(rewards.CreditsConfig{Next: meter, Credits: c, Provider: key.Address(),
		ChainID: mc.Chain.ChainID(), Escrow: ct.Escrow, Path: path, TTL: cr.TTL})
	if err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	every := cr.FlushInterval
	if every <= 0 {
		every = cmpDuration(mc.SettleInterval, payment.DefaultSettleInterval)
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	cs := &credits{pay: pay, log: log.With("component", "credits"), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(cs.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-runCtx.Done():
				return
			case <-t.C:
				if err := pay.Flush(runCtx); err != nil && runCtx.Err() == nil {
					cs.log.Warn("record credits used", "err", err)
				}
			}
		}
	}()
	log.Info("trial credits on", "contract", cr.Contract.Checksum(), "record", path, "flush every", every.String())
	return cs, nil
}

func cmpDuration(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// stop ends the loop, records what was served (rather than at the next
// start) and closes the record.
func (c *credits) stop(ctx context.Context, grace time.Duration) error {
	c.cancel()
	<-c.done
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
	defer cancel()
	if err := c.pay.Flush(fctx); err != nil {
		c.log.Warn("record credits used at shutdown (the next start records them)", "err", err)
	}
	return c.pay.Close()
}

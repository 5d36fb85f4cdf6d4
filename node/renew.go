package node

import (
	"context"
	"log/slog"
	"time"

	"github.com/webfunctions/wf/chain"
)

// Renew keeps the node's registry names leased while it runs: a name the
// registry's lease lets lapse can be reclaimed by anyone (chain.Terms).
type Renew struct {
	// Chain signs the renewals; it must sign as the node's key.
	Chain *chain.Client
	// Names to renew; empty renews every name the key holds.
	Names []string
	// Interval is how often leases are checked; a lease is renewed once
	// less than half of it is left, so a node that runs for even a few
	// intervals in every half lease keeps its names. Default 1 hour.
	Interval time.Duration
	// OnRenew, if set, is called after each renewal.
	OnRenew func(name string, expires time.Time)
}

// DefaultRenewInterval is Renew.Interval's default.
const DefaultRenewInterval = time.Hour

type renewer struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (r *renewer) stop() {
	r.cancel()
	<-r.done
}

// startRenew checks the leases at once and then every Interval until
// stopped. Failures are logged and retried at the next check.
func startRenew(ctx context.Context, cfg Renew, log *slog.Logger) *renewer {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultRenewInterval
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	r := &renewer{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		t := time.NewTicker(cfg.Interval)
		defer t.Stop()
		for {
			if err := renewDue(rctx, cfg, log); err != nil && rctx.Err() == nil {
				log.Warn("lease renewal failed; retrying at the next check", "err", err, "next", cfg.Interval)
			}
			select {
			case <-rctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return r
}

// renewDue renews the node's names whose lease is half gone, by the
// chain's clock.
func renewDue(ctx context.Context, cfg Renew, log *slog.Logger) error {
	c := cfg.Chain
	terms, err := c.RegistryTerms(ctx)
	if err != nil {
		return err
	}
	now, err := c.HeadTime(ctx)
	if err != nil {
		return err
	}
	var held []chain.Provider
	if len(cfg.Names) == 0 {
		all, err := c.ListProviders(ctx)
		if err != nil {
			return err
		}
		for _, p := range all {
			if p.Owner == c.Address() {
				held = append(held, p)
			}
		}
	} else {
		for _, name := range cfg.Names {
			p, err := c.LookupProvider(ctx, name)
			if err != nil {
				return err
			}
			held = append(held, p)
		}
	}
	for _, p := range held {
		if p.Owner != c.Address() {
			log.Warn("not renewing a name the node's key does not hold", "name", p.Name, "owner", p.Owner.Checksum())
			continue
		}
		if !terms.RenewDue(p, now) {
			continue
		}
		if _, err := c.RenewProvider(ctx, p.Name); err != nil {
			return err
		}
		q, err := c.LookupProvider(ctx, p.Name)
		if err != nil {
			return err
		}
		log.Info("lease renewed", "name", p.Name, "expires", q.Expires.UTC())
		if cfg.OnRenew != nil {
			cfg.OnRenew(p.Name, q.Expires)
		}
	}
	return nil
}

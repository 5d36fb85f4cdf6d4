package devnet

import (
	"context"
	"fmt"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/manifest"
)

// AuditorConfig runs an auditor on the network (package audit): an
// Attestations contract is deployed, and the auditor attests on it.
type AuditorConfig struct {
	// Key is the auditor's identity. Default: the publisher, whose escrow
	// already pays every paid node, so canaries on paid nodes are paid.
	Key *chain.Key
	// Interval, if positive, sweeps in the background every Interval
	// (jittered), starting at once; zero leaves sweeps to the caller
	// (Net.Auditor.Sweep).
	Interval time.Duration
	// Audit tunes the auditor; Registry, Key, Attestations, Interval and
	// Log are filled in.
	Audit audit.Config
}

func manifestCID(block []byte) string {
	if block == nil {
		return ""
	}
	return manifest.CID(block).String()
}

// deployAttestations deploys the Attestations contract when the network
// has an auditor, before the gateways start, so they can trust it.
func (n *Net) deployAttestations(ctx context.Context, cfg Config) error {
	if cfg.Auditor == nil {
		return nil
	}
	addr, err := n.Chain.Client(n.Chain.Accounts()[0]).DeployAttestations(ctx)
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	n.Attestations = addr
	return nil
}

// startAuditor starts the auditor once every node serves.
func (n *Net) startAuditor(ctx context.Context, cfg Config) error {
	ac := cfg.Auditor
	if ac == nil {
		return nil
	}
	key := ac.Key
	if key == nil {
		key = n.Publisher
	}
	if err := n.Chain.FundEther(ctx, key.Address(), ether); err != nil {
		return fmt.Errorf("devnet: fund the auditor: %w", err)
	}
	c := n.Chain.Client(key)
	att, err := c.Attestations(ctx, n.Attestations)
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	a := ac.Audit
	a.Registry, a.Key, a.Attestations = c, key, att
	if ac.Interval > 0 {
		a.Interval = ac.Interval
	}
	if a.Log == nil {
		a.Log = n.log.With("component", "auditor")
	}
	if n.Auditor, err = audit.New(a); err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	if ac.Interval > 0 {
		rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		done := make(chan struct{})
		go func() { defer close(done); n.Auditor.Run(rctx) }()
		n.onStop(func(context.Context) { cancel(); <-done })
	}
	return nil
}

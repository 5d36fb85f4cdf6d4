package devnet

import (
	"context"
	"fmt"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/wf"
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
	n.auditorKey = cfg.Auditor.Key
	if n.auditorKey == nil {
		n.auditorKey = n.Publisher
	}
	return nil
}

// gatewayFilter is a gateway's filter by c on the network's Attestations,
// its attestations re-read every ttl, on the gateway's clock now.
func (n *Net) gatewayFilter(ctx context.Context, c discovery.Criteria, ttl time.Duration, now func() time.Time) (*discovery.Filter, error) {
	if n.Attestations.IsZero() {
		return nil, fmt.Errorf("devnet: gateway criteria need an auditor (Config.Auditor)")
	}
	if len(c.AttestedBy) == 0 {
		c.AttestedBy = []wf.Address{n.auditorKey.Address()}
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	att, err := n.Chain.Client(nil).Attestations(ctx, n.Attestations)
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	return &discovery.Filter{Source: &discovery.Source{Attestations: att, TTL: ttl, Now: now}, Criteria: c}, nil
}

// startAuditor starts the auditor once every node serves.
func (n *Net) startAuditor(ctx context.Context, cfg Config) error {
	ac := cfg.Auditor
	if ac == nil {
		return nil
	}
	key := n.auditorKey
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

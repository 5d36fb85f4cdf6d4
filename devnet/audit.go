package devnet

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
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
	// Key is the auditor's identity. Default AuditorKey(). It is funded
	// and, on a paid network, deposits Budget and approves every node, so
	// its canaries are paid from its own escrow, not the publisher's.
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
	key := cfg.Auditor.Key
	if key == nil {
		key = AuditorKey()
	}
	n.auditorKey = key
	c := n.Chain
	// Concurrent transactions share blocks: two rounds of blocks, not
	// five, before wf dev's banner.
	err := parallel(
		func() (err error) {
			n.Attestations, err = c.Client(c.Accounts()[0]).DeployAttestations(ctx)
			return err
		},
		func() error { return c.FundEther(ctx, key.Address(), ether) },
		func() error {
			if cfg.Price == nil {
				return nil
			}
			return n.depositFor(ctx, key.Address(), n.Budget)
		})
	if err != nil || cfg.Price == nil {
		return wrap("devnet: auditor", err)
	}
	var approvals []func() error
	for _, nd := range n.Nodes {
		approvals = append(approvals, func() error {
			_, err := c.Client(key).Approve(ctx, nd.Key.Address(), cfg.Price, n.Budget)
			return wrap("approve node "+nd.Name, err)
		})
	}
	return wrap("devnet: auditor", parallel(approvals...))
}

// parallel runs fs at once and returns their errors joined.
func parallel(fs ...func() error) error {
	errs := make([]error, len(fs))
	var wg sync.WaitGroup
	for i, f := range fs {
		wg.Go(func() { errs[i] = f() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}

// AuditorKey is the default auditor's key: a public development key.
func AuditorKey() *chain.Key { return chain.DevKey(1000) }

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
	return &discovery.Filter{Source: &discovery.Source{Attestations: att, TTL: ttl, Now: now, AllowPrivate: true}, Criteria: c}, nil
}

// startAuditor starts the auditor once every node serves.
func (n *Net) startAuditor(ctx context.Context, cfg Config) error {
	ac := cfg.Auditor
	if ac == nil {
		return nil
	}
	key := n.auditorKey
	c := n.Chain.Client(key)
	att, err := c.Attestations(ctx, n.Attestations)
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	a := ac.Audit
	a.Registry, a.Key, a.Attestations = c, key, att
	if a.HTTP == nil {
		a.HTTP = localhostClient()
	}
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
		n.firstSweep = make(chan struct{})
		rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		done := make(chan struct{})
		go func() {
			defer close(done)
			n.Auditor.Sweep(rctx)
			close(n.firstSweep)
			t := time.NewTimer(ac.Interval)
			defer t.Stop()
			select {
			case <-rctx.Done():
				return
			case <-t.C:
			}
			n.Auditor.Run(rctx)
		}()
		n.onStop(func(context.Context) { cancel(); <-done })
	}
	return nil
}

// AuditorSwept is closed once the background auditor (AuditorConfig.Interval)
// finished its first sweep; already closed without one.
func (n *Net) AuditorSwept() <-chan struct{} {
	if n.firstSweep == nil {
		c := make(chan struct{})
		close(c)
		return c
	}
	return n.firstSweep
}

// localhostClient reaches <name>.localhost, the gateway's subdomain routes
// to tunnelled nodes, on loopback: Go's resolver does not map subdomains
// of localhost.
func localhostClient() *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, port, err := net.SplitHostPort(addr); err == nil && strings.HasSuffix(host, ".localhost") {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
		return d.DialContext(ctx, network, addr)
	}
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

package devnet

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/dashboard"
	"github.com/webfunctions/wf/wf"
)

// DashboardConfig asks Start for a web dashboard over the network's nodes
// and chain (package dashboard).
type DashboardConfig struct {
	Listen string // default "127.0.0.1:0"
	// ListenFallback retries on any free port when Listen is taken.
	ListenFallback bool
	// DevLogin offers a "dev login" as the publisher, signed on the
	// server with its key: the publisher key must be the public dev key.
	DevLogin bool
}

// Dashboard is a Net's running dashboard.
type Dashboard struct {
	URL string
	*dashboard.Dashboard
}

// startDashboard serves a dashboard over every node (each node's ledger
// in its operator's console, and with an auditor what it attested) and
// the chain's escrow.
func (n *Net) startDashboard(ctx context.Context, dc *DashboardConfig) error {
	var ps []dashboard.Provider
	for _, nd := range n.Nodes {
		p := dashboard.Provider{Name: nd.Name, URL: nd.URL, Address: nd.Key.Address(), Loaded: nd.Node.Provider()}
		if l := nd.Node.Ledger(); l != nil {
			p.Ledger = l // not a typed nil: a free node has no ledger
		}
		ps = append(ps, p)
	}
	var gws []dashboard.GatewayRef
	for _, g := range n.Gateways {
		gws = append(gws, dashboard.GatewayRef{Name: g.Domain, URL: g.URL})
	}
	cfg := dashboard.Config{Providers: ps, Gateways: gws, Escrow: n.Chain.Client(nil), Log: n.log.With("component", "dashboard")}
	if dc.DevLogin {
		cfg.DevSigner = n.Publisher
	}
	if n.CI != nil {
		policy := n.CI.Policy
		cfg.CISigners = []dashboard.CISigner{{Owner: n.Publisher.Address(), URL: n.CI.URL, Policy: func() (*ci.Policy, error) { return policy, nil }}}
	}
	if !n.Attestations.IsZero() && n.auditorKey != nil {
		att, err := n.Chain.Client(nil).Attestations(ctx, n.Attestations)
		if err != nil {
			return fmt.Errorf("devnet: dashboard: %w", err)
		}
		cfg.Audits = &dashboard.Audits{Attestations: att, Registry: n.Chain.Client(nil), Auditors: []wf.Address{n.auditorKey.Address()}}
	}
	ln, err := listen(dc.Listen, dc.ListenFallback)
	if err != nil {
		return fmt.Errorf("devnet: dashboard: %w", err)
	}
	cfg.Hosts = dashboard.LoopbackHosts(ln.Addr().(*net.TCPAddr).Port)
	d, err := dashboard.New(cfg)
	if err != nil {
		ln.Close()
		return fmt.Errorf("devnet: %w", err)
	}
	srv := &http.Server{Handler: d.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(n.log.Handler(), slog.LevelWarn)}
	go srv.Serve(ln)
	n.onStop(func(ctx context.Context) { srv.Shutdown(ctx) })
	n.Dashboard = &Dashboard{URL: "http://" + ln.Addr().(*net.TCPAddr).String(), Dashboard: d}
	return nil
}

package node

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/gateway"
)

// GatewayConfig says how to open a gateway.
type GatewayConfig struct {
	// Registry reads the chain's provider registry; a read-only client is
	// enough. The caller closes it after the gateway.
	Registry *chain.Client
	// Poll is how often new registry events are read. Default 2s.
	Poll time.Duration
	// Gateway configures the gateway; Registry is filled in.
	Gateway gateway.Config
}

// Gateway is an open gateway that follows the registry. Serve Server(),
// start health checks with Run, and Close it after the server has shut
// down.
type Gateway struct {
	*gateway.Gateway
	Resolver *chain.Resolver

	cancel context.CancelFunc
	done   chan struct{}
}

// OpenGateway reads the registry and opens a gateway over it, which
// follows registry changes until Close.
func OpenGateway(ctx context.Context, cfg GatewayConfig) (*Gateway, error) {
	res := chain.NewResolver(cfg.Registry, chain.ResolverOptions{PollInterval: cfg.Poll, Log: cfg.Gateway.Log})
	if err := res.Sync(ctx); err != nil {
		// Endpoints that disagree must not keep a gateway down: it starts,
		// and lookups go to the chain, failing for disputed names only.
		if !errors.Is(err, chain.ErrDisagreement) {
			return nil, fmt.Errorf("node: gateway: read the registry: %w", err)
		}
		if cfg.Gateway.Log != nil {
			cfg.Gateway.Log.Warn("registry read disputed; serving undisputed names by direct lookups", "err", err)
		}
	}
	gc := cfg.Gateway
	gc.Registry = res
	gw, err := gateway.New(gc)
	if err != nil {
		return nil, fmt.Errorf("node: gateway: %w", err)
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	g := &Gateway{Gateway: gw, Resolver: res, cancel: cancel, done: make(chan struct{})}
	go func() { defer close(g.done); res.Run(rctx) }()
	return g, nil
}

// Close stops following the registry and closes the gateway's tunnels
// and idle connections.
func (g *Gateway) Close() error {
	g.cancel()
	<-g.done
	return g.Gateway.Close()
}

package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/relay/relayclient"
	"github.com/webfunctions/wf/wf"
)

// Tunnel serves the node through a gateway over a reverse tunnel.
type Tunnel struct {
	// Gateway is the gateway's base URL; a fragment names the registered
	// name to serve (https://gw.example#name), else every name the node's
	// key holds is served.
	Gateway string
	// OnUp, if set, is called with the gateway's host and the names
	// served each time the tunnel comes up.
	OnUp func(gateway string, names []string)
}

type tunnel struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (t *tunnel) stop() {
	t.cancel()
	<-t.done
}

// startTunnel dials the gateway and returns once the tunnel is up, has
// failed to come up once (it keeps retrying in the background), or was
// refused for good.
func startTunnel(ctx context.Context, cfg Tunnel, h http.Handler, key *chain.Key, log *slog.Logger) (*tunnel, error) {
	u, err := url.Parse(cfg.Gateway)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%w: node: tunnel gateway %q is not a URL", wf.ErrInvalid, cfg.Gateway)
	}
	name := u.Fragment
	u.Fragment = ""
	up := make(chan []string, 1)
	down := make(chan error, 1)
	c, err := relayclient.New(relayclient.Config{
		Gateway: u.String(), Name: name, Key: key, Handler: h, Log: log,
		OnUp: func(names []string) {
			if cfg.OnUp != nil {
				cfg.OnUp(u.Host, names)
			}
			select {
			case up <- names:
			default:
			}
		},
		OnDown: func(err error) {
			select {
			case down <- err:
			default:
			}
		},
	})
	if err != nil {
		return nil, fmt.Errorf("node: tunnel: %w", err)
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	t := &tunnel{cancel: cancel, done: make(chan struct{})}
	failed := make(chan error, 1)
	go func() {
		defer close(t.done)
		if err := c.Run(rctx); err != nil {
			log.Error("tunnel stopped", "gateway", u.Host, "err", err)
			failed <- err
		}
	}()
	select {
	case <-up:
	case err := <-failed:
		t.stop()
		return nil, fmt.Errorf("node: tunnel to %s: %w", u.Host, err)
	case err := <-down:
		if errors.Is(err, relayclient.ErrRefused) {
			// Run reports the refusal to OnDown before it returns it:
			// refused for good, not worth retrying.
			t.stop()
			return nil, fmt.Errorf("node: tunnel to %s: %w", u.Host, err)
		}
		log.Warn("tunnel not up yet; retrying in the background", "gateway", u.Host, "err", err)
	case <-ctx.Done():
		t.stop()
		return nil, ctx.Err()
	}
	return t, nil
}

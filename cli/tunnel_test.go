package cli_test

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/devnet"
)

// `wf provider start --tunnel` opens no listener of its own: it serves
// through the gateway, says so, and stops cleanly. A login the gateway
// refuses (the key does not hold the name) ends it with that error before
// it opens or announces anything.
func TestProviderStartTunnel(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	net, err := devnet.Start(ctx, devnet.Config{Chain: sim.Options{Accounts: 5}, Gateways: []devnet.GatewayConfig{{}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	gw := net.Gateways[0]
	if _, err := net.Chain.Client(chain.DevKey(3)).RegisterProvider(ctx, chain.Provider{Name: "tun", Endpoint: "http://tun." + gw.Domain, SealingKey: []byte{0}}); err != nil {
		t.Fatal(err)
	}
	if err := gw.Resolver.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	start := func(ctx context.Context, key string, ready chan<- string) error {
		app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string {
			if k == "WF_HOME" {
				return home
			}
			return ""
		}, Ready: func(url string) { ready <- url }}
		return app.Run(ctx, []string{"provider", "start", "--tunnel", gw.URL + "#tun", "--key", key, "--data", filepath.Join(home, key)})
	}

	t.Run("refused", func(t *testing.T) {
		ready := make(chan string, 1)
		err := start(ctx, "dev:4", ready)
		if err == nil || !strings.Contains(err.Error(), "refused") {
			t.Fatalf("a login with a key that does not hold the name: %v", err)
		}
		select {
		case u := <-ready:
			t.Fatalf("announced itself at %s", u)
		default:
		}
	})

	t.Run("accepted", func(t *testing.T) {
		rctx, stop := context.WithCancel(ctx)
		defer stop()
		ready, done := make(chan string, 1), make(chan error, 1)
		go func() { done <- start(rctx, "dev:3", ready) }()
		var u string
		select {
		case u = <-ready:
		case err := <-done:
			t.Fatalf("exited: %v", err)
		case <-time.After(30 * time.Second):
			t.Fatal("not ready in 30s")
		}
		if want := gw.URL + "/p/tun"; u != want {
			t.Fatalf("serves at %s, want its gateway's %s (and no listener of its own)", u, want)
		}
		resp, err := http.Get(u + "/v1/info")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("through the gateway: %s", resp.Status)
		}
		stop()
		if err := <-done; err != nil {
			t.Fatalf("stopping: %v", err)
		}
	})
}

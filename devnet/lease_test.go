package devnet_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/wf"
)

// TestRunningNodeKeepsItsName moves the chain's clock past lease + grace
// in steps of 60% of a lease: the running node renews its name on its own
// each time, so nobody can reclaim it and the gateway still routes to it,
// while a name no node serves lapses and is reclaimed by a stranger.
func TestRunningNodeKeepsItsName(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   t.TempDir(),
		Chain: sim.Options{Accounts: 5},
		Nodes: []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0",
			Node: node.Config{Renew: &node.Renew{Interval: 50 * time.Millisecond}}}},
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	holder, stranger := n.Chain.Client(n.Chain.Accounts()[3]), n.Chain.Client(n.Chain.Accounts()[4])
	if _, err := holder.RegisterProvider(ctx, chain.Provider{Name: "idle", Endpoint: "http://127.0.0.1:1", SealingKey: []byte{0}}); err != nil {
		t.Fatal(err)
	}
	terms, err := holder.RegistryTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if terms.Grace >= terms.Lease*8/10 {
		t.Fatalf("three steps of 0.6 lease do not pass lease + grace: %+v", terms)
	}
	for step := range 3 {
		before, err := holder.LookupProvider(ctx, "alpha")
		if err != nil {
			t.Fatal(err)
		}
		if err := n.Chain.AdjustTime(terms.Lease * 6 / 10); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			p, err := holder.LookupProvider(ctx, "alpha")
			if err != nil {
				t.Fatal(err)
			}
			if p.Expires.After(before.Expires) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("step %d: the node did not renew its lease (expires %s)", step, p.Expires)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	// 1.8 leases on: "idle" lapsed past its grace, "alpha" did not.
	_, err = stranger.ReclaimProvider(ctx, "alpha")
	if !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("reclaiming the running node's name: %v", err)
	}
	if _, err := stranger.ReclaimProvider(ctx, "idle"); err != nil {
		t.Fatalf("reclaiming the idle name: %v", err)
	}
	if p, err := holder.LookupProvider(ctx, "alpha"); err != nil || p.Owner != n.Node("alpha").Key.Address() {
		t.Fatalf("alpha is %+v, %v", p, err)
	}
	resp, err := http.Get(n.Gateways[0].URL + "/p/alpha/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("alpha through the gateway: %s", resp.Status)
	}
}

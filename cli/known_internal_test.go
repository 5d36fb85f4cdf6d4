package cli

import (
	"context"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/devnet"
)

// A chain whose id has a built-in deployment needs no contracts file.
func TestKnownDeploymentByChainID(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	net, err := devnet.Start(ctx, devnet.Config{Chain: sim.Options{Accounts: 1}, ChainListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer net.Close(context.Background())
	ct := net.Chain.Contracts()
	a := &App{Getenv: func(k string) string {
		if k == "WF_HOME" {
			return t.TempDir()
		}
		return ""
	}}
	if _, err := a.deploymentFor(net.RPC, &chainOpts{}); err == nil {
		t.Fatal("a chain without a known deployment found contracts")
	}
	knownDeployments[1337] = deployment{ChainID: 1337, Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow}
	defer delete(knownDeployments, 1337)
	d, err := a.deploymentFor(net.RPC, &chainOpts{})
	if err != nil || d.Registry != ct.Registry || d.Escrow != ct.Escrow {
		t.Fatalf("known deployment: %+v, %v", d, err)
	}
	c, err := a.dial(ctx, &chainOpts{rpc: []string{net.RPC}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.WithdrawDelay(ctx); err != nil {
		t.Fatalf("the known contracts do not answer: %v", err)
	}
}

package chain_test

import (
	"math/big"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
)

func TestDeployAt(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 2})
	srv := httptest.NewServer(s.RPCHandler())
	defer srv.Close()
	url := srv.URL
	ctx := testCtx(t)
	ct, id, err := chain.DeployAt(ctx, url, s.Accounts()[1], chain.DeployOptions{Token: s.Contracts().Token, WithdrawDelay: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if id.Int64() != 1337 || ct.Token != s.Contracts().Token || ct.Escrow == s.Contracts().Escrow || ct.Registry.IsZero() {
		t.Fatalf("DeployAt = %+v on %s", ct, id)
	}
	c, err := chain.Dial(ctx, url, nil, chain.Config{Contracts: ct})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if d, err := c.WithdrawDelay(ctx); err != nil || d != time.Minute {
		t.Fatalf("withdraw delay %s %v", d, err)
	}
	// A token address without a contract is refused before anything is sent.
	if _, _, err := chain.DeployAt(ctx, url, s.Accounts()[1], chain.DeployOptions{Token: s.Accounts()[0].Address()}); err == nil || !strings.Contains(err.Error(), "no token contract") {
		t.Fatalf("deploy with a token that is not a contract: %v", err)
	}
	// The simulated node has no account of its own to fund from.
	if err := chain.FundFromNode(ctx, url, big.NewInt(1), s.Accounts()[0].Address()); err == nil {
		t.Fatal("FundFromNode succeeded on a node without accounts")
	}
}

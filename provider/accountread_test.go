package provider_test

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// A payer reads what a paid node holds against it (charged, pending, in
// flight, settled) with its own signature; the operator reads the
// node's console with the node's key. Unsigned, expired, wrongly scoped,
// another node's or anyone else's reads are refused.
func TestAccountReads(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: t.TempDir(), Price: big.NewInt(1000),
		Meter: payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour},
		Chain: sim.Options{Credits: true, FeeBps: 100, FeeSink: chain.DevKey(0).Address()}, // as in wf dev: trial credits wrap the meter
		Nodes: []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}, {Name: "beta", Listen: "127.0.0.1:0"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	alpha, beta := n.Node("alpha"), n.Node("beta")
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z"}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(alpha.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		resp, err := http.Get(alpha.URL + "/" + pkg.CID.String() + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("invoke: %s", resp.Status)
		}
	}

	var h client.PayerHoldings
	if err := client.New(alpha.URL).ReadAccount(ctx, wf.ScopePayer, n.Publisher, &h); err != nil {
		t.Fatal(err)
	}
	if !h.Paid || h.Payer != n.Publisher.Address() || h.Provider != alpha.Key.Address() || len(h.Accounts) != 1 {
		t.Fatalf("holdings: %+v", h)
	}
	if a := h.Accounts[0]; a.Mode != "owner" || a.Charged.Count != 3 || a.Pending.Count != 3 || a.Pending.Amount.Int64() != 3000 || a.Settled.Count != 0 {
		t.Errorf("the publisher's account at alpha: %+v", a)
	}
	stranger, _ := chain.GenerateKey()
	var none client.PayerHoldings
	if err := client.New(alpha.URL).ReadAccount(ctx, wf.ScopePayer, stranger, &none); err != nil || len(none.Accounts) != 0 || none.Payer != stranger.Address() {
		t.Errorf("a stranger's holdings: %+v %v", none, err)
	}

	// Settled, the same read says so.
	if err := alpha.Meter().Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if err := client.New(alpha.URL).ReadAccount(ctx, wf.ScopePayer, n.Publisher, &h); err != nil {
		t.Fatal(err)
	}
	if a := h.Accounts[0]; a.Settled.Count != 3 || a.Pending.Count != 0 {
		t.Errorf("after settling: %+v", a)
	}

	var c client.Console
	if err := client.New(alpha.URL).ReadAccount(ctx, wf.ScopeOperator, alpha.Key, &c); err != nil {
		t.Fatal(err)
	}
	if !c.Paid || c.Payers != 1 || len(c.Accounts) != 1 || c.Accounts[0].Payer != n.Publisher.Address() || c.LoadedCount != 1 || c.Loaded[0] != pkg.CID {
		t.Errorf("console: %+v", c)
	}

	refused := func(name string, err error, want error) {
		t.Helper()
		if !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
	refused("the console for the publisher", client.New(alpha.URL).ReadAccount(ctx, wf.ScopeOperator, n.Publisher, &c), wf.ErrForbidden)
	refused("alpha's console with beta's key", client.New(alpha.URL).ReadAccount(ctx, wf.ScopeOperator, beta.Key, &c), wf.ErrForbidden)
	exp := time.Now().Add(time.Minute).Unix()
	sign := func(k *chain.Key, m wf.AccountRead) wf.Signature {
		sig, err := k.Sign(m)
		if err != nil {
			t.Fatal(err)
		}
		return sig
	}
	// A payer's read is no console read, even by the node's key: over
	// the console's message it recovers to some other address.
	sig := sign(alpha.Key, wf.AccountRead{Scope: wf.ScopePayer, Provider: alpha.Key.Address(), Expires: exp})
	refused("a payer-scoped signature on the console", client.New(alpha.URL).ReadAccountSigned(ctx, wf.ScopeOperator, alpha.Key.Address(), exp, sig, &c), wf.ErrForbidden)
	// A read signed for beta is refused at alpha.
	sig = sign(n.Publisher, wf.AccountRead{Scope: wf.ScopePayer, Provider: beta.Key.Address(), Expires: exp})
	refused("beta's read at alpha", client.New(alpha.URL).ReadAccountSigned(ctx, wf.ScopePayer, beta.Key.Address(), exp, sig, &h), wf.ErrForbidden)
	// Expired, and too far ahead.
	for _, e := range []int64{time.Now().Add(-time.Minute).Unix(), time.Now().Add(time.Hour).Unix()} {
		sig = sign(n.Publisher, wf.AccountRead{Scope: wf.ScopePayer, Provider: alpha.Key.Address(), Expires: e})
		refused("expiry", client.New(alpha.URL).ReadAccountSigned(ctx, wf.ScopePayer, alpha.Key.Address(), e, sig, &h), wf.ErrUnauthorized)
	}
	resp, err := http.Get(alpha.URL + "/v1/payer")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(resp.Header.Get("WWW-Authenticate"), "payer") {
		t.Errorf("unsigned: %s %v", resp.Status, resp.Header)
	}
}

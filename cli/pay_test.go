package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/templates"
	wfcore "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// `wf invoke --pay` pays from the caller's escrow with nothing to track by
// hand: concurrent runs share the running total and sequence numbers in
// $WF_HOME/pay, every answer is paid, and the provider settles exactly
// what it served.
func TestInvokePay(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const price = 100
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: t.TempDir(), Chain: sim.Options{Accounts: 8}, ChainListen: "127.0.0.1:0", Price: big.NewInt(price),
		Meter: payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour},
		Nodes: []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	alpha := n.Node("alpha")
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(alpha.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	ct := n.Chain.Contracts()
	file := filepath.Join(home, "contracts-under-test.json")
	b, _ := json.Marshal(map[string]any{"chainId": 1337, "token": ct.Token, "registry": ct.Registry, "escrow": ct.Escrow})
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"WF_HOME": home, "WF_RPC": n.RPC, "WF_CONTRACTS": file}
	mustWF(t, env, "escrow", "deposit", "1", "--key", "dev:5")

	const runs, each = 3, 3
	var wg sync.WaitGroup
	for r := range runs {
		wg.Go(func() {
			for i := range each {
				out, err := wf(t, env, "invoke", pkg.CID.String(), "/?name=cli", "--provider", alpha.URL, "--pay", "alpha", "--key", "dev:5")
				if err != nil || !strings.Contains(out, "Hello, cli!") {
					t.Errorf("run %d call %d: %q %v", r, i, out, err)
				}
			}
		})
	}
	wg.Wait()
	caller := n.Chain.Accounts()[5].Address()
	a := alpha.Meter().Ledger().Account(ledger.Key{Mode: ledger.Caller, Payer: caller})
	if a.Charged.Count != runs*each {
		t.Fatalf("charged %d, want %d", a.Charged.Count, runs*each)
	}
	// One session served them all, numbered 1..9 in the shared state.
	states, _ := filepath.Glob(filepath.Join(home, "pay", "*.json"))
	if len(states) != 1 {
		t.Fatalf("pay state files: %v", states)
	}
	var st client.PayState
	sb, _ := os.ReadFile(states[0])
	if err := json.Unmarshal(sb, &st); err != nil || st.Seq != runs*each || st.Owed.String() != big.NewInt(runs*each*price).String() {
		t.Errorf("state %s: %v", sb, err)
	}
	if err := alpha.Meter().Settle(ctx); err != nil {
		t.Fatal(err)
	}
	red, err := n.Chain.Client(nil).Redeemed(ctx, caller, alpha.Key.Address())
	if err != nil || red.Int64() != runs*each*price {
		t.Fatalf("redeemed %v %v, want %d", red, err, runs*each*price)
	}
	// A header printed by wf voucher pays for its one request, once.
	h := strings.TrimSpace(mustWF(t, env, "voucher", "--pay", "alpha", pkg.CID.String(), "/?name=curl", "--key", "dev:5"))
	for i, want := range []int{200, 402} {
		resp, body := invoke(t, alpha.URL+"/"+pkg.CID.String()+"/?name=curl", http.Header{wfcore.VoucherHeader: {h}})
		if resp.StatusCode != want {
			t.Errorf("send %d: %d %s, want %d", i, resp.StatusCode, body, want)
		}
	}
}

package node_test

import (
	"bytes"
	"context"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wftest"
)

// A request served through a tunnel was lost when its node closed: the
// tunnel closed its connections without waiting for their handlers, and
// the ledger closed under them. Close now waits for the invocations in
// flight: a call in flight at Close is answered and its charge is on the
// ledger when it is opened again.
func TestCloseKeepsChargesInFlight(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:      dir,
		Price:    big.NewInt(100),
		Meter:    payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Nodes:    []devnet.NodeConfig{{Name: "beta"}}, // tunnel only
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	beta := n.Node("beta")
	pkg, err := client.Pack(ctx, bytes.NewReader(wftest.GoGuest(t, "sandbox/testdata/guest")), wftest.Spec(), n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(beta.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	url := beta.URL + "/" + pkg.CID.String() + "/sleep?ms=1500"
	if resp, err := http.Get(beta.URL + "/" + pkg.CID.String() + "/sleep?ms=1"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("warm-up call: %v %v", resp, err) // compiled, and one charge
	}

	type answer struct {
		status int
		body   string
		err    error
	}
	done := make(chan answer, 1)
	go func() {
		resp, err := http.Get(url)
		if err != nil {
			done <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- answer{status: resp.StatusCode, body: string(b)}
	}()
	time.Sleep(500 * time.Millisecond) // the call is running
	if err := beta.Node.Close(ctx); err != nil {
		t.Errorf("close: %v", err)
	}
	a := <-done
	if a.err != nil || a.status != http.StatusOK {
		t.Errorf("the call in flight at Close: %d %q %v, want 200", a.status, a.body, a.err)
	}

	led, err := ledger.Open(filepath.Join(dir, "beta", node.LedgerFile), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer led.Close()
	var charged uint64
	for _, acct := range led.Accounts() {
		charged += acct.Charged.Count
	}
	if charged != 2 {
		t.Errorf("the reopened ledger has %d charges, want 2 (the warm-up and the call in flight)", charged)
	}
}

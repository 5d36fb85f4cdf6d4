package gateway_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/httperr"
	wfnode "github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// Issue 11 item 1, end to end: the publisher names its gateway's metering
// key in its approval of provider alpha. Requests through that gateway
// carry signed counts and are paid; requests around it are refused before
// they run; alpha settles exactly what the gateway counted, and settling
// more (the attack: 1000 requests for 3 served) pays nothing. The
// gateway's counts survive a restart.
func TestGatewayMeteredOwnerPays(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const price = 100
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: t.TempDir(), Chain: sim.Options{Accounts: 8}, Price: big.NewInt(price),
		Meter: payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour},
		Nodes: []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	alpha, owner, reader := n.Node("alpha"), n.Publisher, n.Chain.Client(nil)
	meterKey := n.Chain.Accounts()[6]
	if _, err := n.Chain.Client(owner).ApproveLimits(ctx, alpha.Key.Address(), big.NewInt(price), n.Budget, chain.Limits{Meter: meterKey.Address()}); err != nil {
		t.Fatal(err)
	}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), owner)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(alpha.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(t.TempDir(), "meter.json")
	mcfg := gateway.MeterConfig{Key: meterKey, ChainID: reader.ChainID(), Escrow: reader.Contracts().Escrow, Path: path, Step: 2}
	m, err := gateway.NewMeter(mcfg)
	if err != nil {
		t.Fatal(err)
	}
	gw, err := wfnode.OpenGateway(ctx, wfnode.GatewayConfig{Registry: reader, Poll: time.Second,
		Gateway: gateway.Config{RateLimit: -1, AllowPrivateEndpoints: true, Meter: m}})
	if err != nil {
		t.Fatal(err)
	}
	defer gw.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := gw.Server()
	go srv.Serve(ln)
	defer srv.Close()
	hctx, stop := context.WithCancel(ctx)
	defer stop()
	go gw.Run(hctx)

	get := func(url string, h http.Header) (int, string) {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		for k, v := range h {
			req.Header[k] = v
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == 200 {
			return 200, string(b)
		}
		var body httperr.Body
		json.Unmarshal(b, &body)
		reason, _ := body.Error.Extra["reason"].(string)
		return resp.StatusCode, reason
	}
	viaGW := "http://" + ln.Addr().String() + "/" + pkg.CID.String() + "/?name=owner"
	for i := 1; i <= 3; i++ {
		if status, body := get(viaGW, nil); status != 200 || body != "Hello, owner!\n" {
			t.Fatalf("request %d through the metered gateway: %d %s", i, status, body)
		}
	}
	if got := m.Count(owner.Address(), alpha.Key.Address()); got != 3 {
		t.Errorf("gateway counted %d, want 3", got)
	}
	// Around the gateway: no count, or one the caller made up.
	direct := alpha.URL + "/" + pkg.CID.String() + "/?name=owner"
	forged, _ := chain.SignMeterCount(alpha.Key, reader.ChainID(), reader.Contracts().Escrow,
		chain.MeterCount{Payer: owner.Address(), Provider: alpha.Key.Address(), Count: 1000})
	for _, h := range []http.Header{nil, {chain.MeterHeader: {chain.EncodeMeterHeader(forged)}}} {
		if status, reason := get(direct, h); status != 402 || (reason != "meter_required" && reason != "bad_meter") {
			t.Errorf("direct request %v: %d %s", h, status, reason)
		}
	}
	key := ledger.Key{Mode: ledger.Owner, Payer: owner.Address()}
	if a := alpha.Meter().Ledger().Account(key); a.Charged.Count != 3 {
		t.Fatalf("alpha charged %d, want 3", a.Charged.Count)
	}
	if err := alpha.Meter().Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if a := alpha.Meter().Ledger().Account(key); a.Settled.Count != 3 || a.Settled.Amount.Int64() != 3*price {
		t.Fatalf("alpha settled %+v", a.Settled)
	}
	if got, err := reader.Metered(ctx, owner.Address(), alpha.Key.Address(), meterKey.Address()); err != nil || got != 3 {
		t.Errorf("escrow metered %d, %v; want 3", got, err)
	}
	// The attack: alpha claims 1000 requests with the best count it holds.
	best := alpha.Meter().Ledger().Account(key).Meter
	before, _ := reader.TokenBalance(ctx, alpha.Key.Address())
	p := n.Chain.Client(alpha.Key)
	if _, err := p.SettleMetered(ctx, owner.Address(), 1000, big.NewInt(1000*price),
		chain.SignedMeterCount{MeterCount: chain.MeterCount{Payer: owner.Address(), Provider: alpha.Key.Address(), Count: best.Count}, Signature: best.Signature}); err == nil {
		t.Error("settling 1000 with a count of 3 paid")
	}
	if _, err := p.Settle(ctx, owner.Address(), 1000, big.NewInt(1000*price)); err == nil {
		t.Error("settling 1000 without a count paid")
	}
	if after, _ := reader.TokenBalance(ctx, alpha.Key.Address()); after.Cmp(before) != 0 {
		t.Errorf("alpha took %s more", new(big.Int).Sub(after, before))
	}

	// The counts are durable. After a crash (the file as it is while the
	// gateway runs) they resume at or above everything signed, at most
	// Step above: the file was written ahead, at 2 then 4.
	crashed, err := gateway.NewMeter(mcfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := crashed.Count(owner.Address(), alpha.Key.Address()); got < 3 || got > 3+mcfg.Step {
		t.Errorf("after a crash the gateway counts %d, want 3 to %d", got, 3+mcfg.Step)
	}
	// A clean restart resumes at 3.
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	m2, err := gateway.NewMeter(mcfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := m2.Count(owner.Address(), alpha.Key.Address()); got != 3 {
		t.Errorf("after restart the gateway counts %d, want 3", got)
	}
	// Another key's file is refused rather than reused.
	other := mcfg
	other.Key = n.Chain.Accounts()[7]
	if _, err := gateway.NewMeter(other); err == nil {
		t.Error("a meter file opened with another key")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

package devnet_test

import (
	"bytes"
	"context"
	"io"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// A paid network of a listening node, a tunnel-only node and a gateway:
// the example deploys to both nodes and answers, paid by its owner, by
// every route.
func TestPaidNetwork(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   t.TempDir(),
		Price: big.NewInt(100),
		Meter: payment.Config{SettleCount: 2, SettleInterval: time.Hour},
		Nodes: []devnet.NodeConfig{
			{Name: "alpha", Listen: "127.0.0.1:0"},
			{Name: "beta"}, // tunnel only, to gateway 0
		},
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)

	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z",
	}, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range n.Nodes {
		if _, err := client.New(nd.URL).Deploy(ctx, pkg); err != nil {
			t.Fatalf("deploy to %s: %v", nd.Name, err)
		}
	}
	gw := n.Gateways[0]
	fn := pkg.CID.String()
	for _, u := range []string{
		n.Node("alpha").URL + "/" + fn + "/?name=you",
		gw.URL + "/p/alpha/" + fn + "/?name=you",
		gw.URL + "/p/beta/" + fn + "/?name=you",
		gw.URL + "/" + fn + "/?name=you",
	} {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), "Hello, you!") {
			t.Errorf("GET %s: %d %q", u, resp.StatusCode, body)
		}
		if got := resp.Header.Get(wf.PriceHeader); got != "100" {
			t.Errorf("GET %s: X-WF-Price %q, want 100", u, got)
		}
		if resp.Header.Get(wf.ReceiptHeader) == "" {
			t.Errorf("GET %s: no receipt", u)
		}
	}
	charged, _ := n.Node("beta").Meter().Totals()
	if charged.Count == 0 {
		t.Error("the tunnelled node charged nothing")
	}
}

// A free node is registered but charges nothing.
func TestFreeNode(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{Dir: t.TempDir(), Nodes: []devnet.NodeConfig{{Name: "solo", Listen: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	p, err := n.Chain.Client(nil).LookupProvider(ctx, "solo")
	if err != nil {
		t.Fatal(err)
	}
	if p.Endpoint != n.Node("solo").URL || p.PricePerRequest.Sign() != 0 {
		t.Errorf("registered %s at price %s, want %s at 0", p.Endpoint, p.PricePerRequest, n.Node("solo").URL)
	}
	if n.Node("solo").Meter() != nil {
		t.Error("a free node has a meter")
	}
	resp, err := http.Get(n.Node("solo").URL + "/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("info: %d", resp.StatusCode)
	}
}

func TestRejectsBadConfig(t *testing.T) {
	for name, cfg := range map[string]devnet.Config{
		"unnamed node":           {Dir: t.TempDir(), Nodes: []devnet.NodeConfig{{Listen: "127.0.0.1:0"}}},
		"tunnel without gateway": {Dir: t.TempDir(), Nodes: []devnet.NodeConfig{{Name: "x"}}},
		"nodes without dir":      {Nodes: []devnet.NodeConfig{{Name: "x", Listen: "127.0.0.1:0"}}},
	} {
		t.Run(name, func(t *testing.T) {
			if n, err := devnet.Start(context.Background(), cfg); err == nil {
				n.Close(context.Background())
				t.Fatal("started")
			}
		})
	}
}

// A node process needs the chain served over JSON-RPC and says so.
func TestStartProcessNeedsRPC(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	_, err = n.StartProcess(ctx, devnet.ProcessConfig{Binary: "wf", Dir: t.TempDir(), Key: "dev:1"})
	if err == nil || !strings.Contains(err.Error(), "ChainListen") {
		t.Errorf("error %v, want one naming ChainListen", err)
	}
}

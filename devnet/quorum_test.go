package devnet_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// TestLyingRPCEndpoint: a gateway and two paid nodes read the chain
// through three JSON-RPC endpoints, one of them a liar. While it is honest
// everything works. When it says an attacker owns alpha, the gateway
// refuses to route alpha (502 chain_disagreement) and still routes beta;
// when it hides the publisher's revocation of beta, beta refuses to serve
// on the revoked allowance and charges nothing.
func TestLyingRPCEndpoint(t *testing.T) {
	ctx := context.Background()
	liar := &sim.RPCProxy{}
	checked := &chain.QuorumOptions{PinTTL: time.Millisecond}
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   t.TempDir(),
		Price: big.NewInt(100),
		Meter: payment.Config{SettleCount: 1000, SettleInterval: time.Hour, CacheTTL: time.Millisecond},
		ChainEndpoints: []func(http.Handler) http.Handler{nil, nil, func(h http.Handler) http.Handler {
			liar.Next = h
			return liar
		}},
		Nodes: []devnet.NodeConfig{
			{Name: "alpha", Listen: "127.0.0.1:0", CheckedReads: checked},
			{Name: "beta", Listen: "127.0.0.1:0", CheckedReads: checked},
		},
		Gateways: []devnet.GatewayConfig{{CheckedReads: checked, Poll: 20 * time.Millisecond}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	if len(n.RPCs) != 3 {
		t.Fatalf("RPCs %v", n.RPCs)
	}
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
	gw, fn := n.Gateways[0], pkg.CID.String()
	alpha, beta := n.Node("alpha"), n.Node("beta")
	get := func(u string) (int, string) {
		t.Helper()
		resp, err := http.Get(u + "/" + fn + "/?name=you")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == 200 {
			return 200, string(b)
		}
		var e httperr.Body
		json.Unmarshal(b, &e)
		return resp.StatusCode, e.Error.Code + ": " + e.Error.Message
	}
	for _, u := range []string{gw.URL + "/p/alpha", gw.URL + "/p/beta", alpha.URL, beta.URL} {
		if s, body := get(u); s != 200 || !strings.Contains(body, "Hello, you!") {
			t.Fatalf("all honest: GET %s: %d %s", u, s, body)
		}
	}

	// Route forgery: the liar says an attacker owns alpha, in calls and
	// in the event of alpha's next update.
	attacker := chain.DevKey(99).Address()
	hex := func(a wf.Address) string { return strings.ToLower(a.Checksum()[2:]) }
	liar.SetRewrite(func(method string, _ []json.RawMessage, r json.RawMessage) json.RawMessage {
		return json.RawMessage(strings.ReplaceAll(string(r), hex(alpha.Key.Address()), hex(attacker)))
	})
	entry, err := n.Chain.Client(nil).LookupProvider(ctx, "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.Chain.Client(alpha.Key).UpdateProvider(ctx, entry); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		s, body := get(gw.URL + "/p/alpha")
		if s == http.StatusBadGateway && strings.HasPrefix(body, "chain_disagreement: ") {
			if !strings.Contains(body, chain.RedactURL(n.RPCs[2])) {
				t.Fatalf("the error does not name the lying endpoint: %s", body)
			}
			break
		}
		if s != 200 || time.Now().After(deadline) {
			t.Fatalf("forged owner: GET /p/alpha: %d %s, want 502 chain_disagreement", s, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if s, body := get(gw.URL + "/p/beta"); s != 200 {
		t.Fatalf("an undisputed name stops routing: %d %s", s, body)
	}

	// Hidden revocation: the liar keeps answering beta's allowance as it
	// was before the publisher revoked it.
	var mu sync.Mutex
	var stale json.RawMessage
	liar.SetRewrite(func(method string, params []json.RawMessage, r json.RawMessage) json.RawMessage {
		if method != "eth_call" || len(params) == 0 {
			return r
		}
		p := strings.ToLower(string(params[0]))
		if !strings.Contains(p, hex(n.Publisher.Address())) || !strings.Contains(p, hex(beta.Key.Address())) {
			return r
		}
		mu.Lock()
		defer mu.Unlock()
		if stale == nil {
			stale = r
		}
		return stale
	})
	time.Sleep(5 * time.Millisecond) // past the meter's cache
	if s, body := get(beta.URL); s != 200 {
		t.Fatalf("before the revocation: %d %s", s, body)
	}
	mu.Lock()
	recorded := stale != nil
	mu.Unlock()
	if !recorded {
		t.Fatal("the node did not read beta's allowance through the liar")
	}
	if _, err := n.Chain.Client(n.Publisher).Revoke(ctx, beta.Key.Address()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	before, _ := beta.Meter().Totals()
	s, body := get(beta.URL)
	if s != http.StatusBadGateway || !strings.HasPrefix(body, "chain_disagreement: ") {
		t.Fatalf("hidden revocation: %d %s, want 502 chain_disagreement", s, body)
	}
	if after, _ := beta.Meter().Totals(); after.Count != before.Count {
		t.Fatalf("beta charged the revoked allowance: %d -> %d", before.Count, after.Count)
	}
	// Honest again: the revocation is seen, as a refusal to serve unpaid.
	liar.SetRewrite(nil)
	if s, body := get(beta.URL); s != http.StatusPaymentRequired {
		t.Fatalf("after the revocation, all honest: %d %s, want 402", s, body)
	}
}

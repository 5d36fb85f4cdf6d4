package sim

import (
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// rpcServer serves c's JSON-RPC on loopback until the test ends.
func rpcServer(t *testing.T, c *Chain) string {
	t.Helper()
	srv := httptest.NewServer(c.RPCHandler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestRPCHandlerServesClients runs Clients over HTTP against the embedded
// chain: transactions are mined, calls answer, and reverts keep their
// decoded reason on the way through.
func TestRPCHandlerServesClients(t *testing.T) {
	s := newChain(t, Options{Accounts: 3})
	url := rpcServer(t, s)
	ctx := testCtx(t)
	alice, err := chain.Dial(ctx, url, s.Accounts()[1], chain.Config{Contracts: s.Contracts()})
	if err != nil {
		t.Fatal(err)
	}
	defer alice.Close()
	if alice.ChainID().Int64() != 1337 {
		t.Errorf("chain id %s over HTTP", alice.ChainID())
	}
	start := time.Now()
	if _, err := alice.RegisterProvider(ctx, provider("alpha")); err != nil {
		t.Fatal(err)
	}
	// Mined on arrival, not by the 100 ms fallback tick.
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a transaction over HTTP took %s to be mined", d)
	}
	bob := alice.As(s.Accounts()[2])
	_, err = bob.RegisterProvider(ctx, provider("alpha"))
	wantRevert(t, err, "NameTaken", wf.ErrInvalid)

	// The in-process client sees what was sent over HTTP.
	p, err := s.Client(nil).LookupProvider(ctx, "alpha")
	if err != nil || p.Owner != alice.Address() {
		t.Fatalf("lookup: %+v %v", p, err)
	}
	if _, err := alice.Deposit(ctx, big.NewInt(5_000_000)); err != nil {
		t.Fatal(err)
	}
	if acc, err := s.Client(nil).Account(ctx, alice.Address()); err != nil || acc.Balance.Int64() != 5_000_000 {
		t.Fatalf("account after deposit over HTTP: %+v %v", acc, err)
	}
}

func TestRPCHandlerProtocol(t *testing.T) {
	s := newChain(t, Options{Accounts: 1, USDC: big.NewInt(-1)})
	url := rpcServer(t, s)
	post := func(t *testing.T, body string) (int, string) {
		t.Helper()
		resp, err := http.Post(url, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		name, body string
		want       []string // substrings of the response
	}{
		{"call", `{"jsonrpc":"2.0","id":7,"method":"eth_chainId"}`, []string{`"id":7`, `"result":"0x539"`}},
		{"params", `{"jsonrpc":"2.0","id":"a","method":"eth_getBalance","params":["0x0000000000000000000000000000000000000001","latest"]}`, []string{`"id":"a"`, `"result":"0x`}},
		{"batch", `[{"jsonrpc":"2.0","id":1,"method":"net_version"},{"jsonrpc":"2.0","id":2,"method":"web3_clientVersion"}]`, []string{`"id":1,"result":"1337"`, `"id":2,"result":"`}},
		{"admin hidden", `{"jsonrpc":"2.0","id":1,"method":"admin_nodeInfo"}`, []string{`"code":-32601`}},
		{"debug hidden", `{"jsonrpc":"2.0","id":1,"method":"debug_setHead","params":["0x0"]}`, []string{`"code":-32601`}},
		{"unknown method", `{"jsonrpc":"2.0","id":1,"method":"eth_nonsense"}`, []string{`"code":-32601`}},
		{"named params", `{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":{"a":1}}`, []string{`"code":-32602`}},
		{"bad params", `{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["nope","latest"]}`, []string{`"id":1`, `"error"`}},
		{"not json", `{"jsonrpc":`, []string{`"code":-32700`}},
		{"not 2.0", `{"id":1,"method":"eth_chainId"}`, []string{`"code":-32600`}},
		{"empty batch", `[]`, []string{`"code":-32600`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := post(t, tc.body)
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Fatalf("response %s lacks %s", body, w)
				}
			}
			if !json.Valid([]byte(body)) {
				t.Fatalf("response is not JSON: %s", body)
			}
		})
	}
	t.Run("notification", func(t *testing.T) {
		if status, body := post(t, `{"jsonrpc":"2.0","method":"eth_chainId"}`); status != 200 || body != "" {
			t.Fatalf("notification answered %d %q", status, body)
		}
	})
	t.Run("GET", func(t *testing.T) {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Fatalf("GET answered %d", resp.StatusCode)
		}
	})
	t.Run("huge body", func(t *testing.T) {
		if status, _ := post(t, `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":["`+strings.Repeat("a", 6<<20)+`"]}`); status != http.StatusRequestEntityTooLarge {
			t.Fatalf("a 6 MiB body answered %d", status)
		}
	})
}

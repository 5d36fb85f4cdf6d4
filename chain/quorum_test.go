package chain_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// quorumNet is one simulated chain behind three real JSON-RPC servers on
// loopback: two honest, the third a proxy that can lag or lie.
type quorumNet struct {
	s      *sim.Chain
	urls   []string
	liar   *sim.RPCProxy
	honest []*httptest.Server
}

func newQuorumNet(t *testing.T) *quorumNet {
	t.Helper()
	ctx := context.Background()
	s, err := sim.New(ctx, sim.Options{Accounts: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	n := &quorumNet{s: s, liar: &sim.RPCProxy{Next: s.RPCHandler()}}
	for range 2 {
		srv := httptest.NewServer(s.RPCHandler())
		t.Cleanup(srv.Close)
		n.honest = append(n.honest, srv)
		n.urls = append(n.urls, srv.URL)
	}
	srv := httptest.NewServer(n.liar)
	t.Cleanup(srv.Close)
	n.urls = append(n.urls, srv.URL)
	return n
}

// rewriteCalls makes the proxy answer eth_calls whose parameters contain
// every one of needles with forge(result).
func (n *quorumNet) rewriteCalls(forge func(result string) string, needles ...string) {
	n.liar.SetRewrite(func(method string, params []json.RawMessage, result json.RawMessage) json.RawMessage {
		if method != "eth_call" || len(params) == 0 {
			return result
		}
		p := strings.ToLower(string(params[0]))
		for _, s := range needles {
			if !strings.Contains(p, strings.ToLower(s)) {
				return result
			}
		}
		var r string
		if json.Unmarshal(result, &r) != nil {
			return result
		}
		b, _ := json.Marshal(forge(r))
		return b
	})
}

func (n *quorumNet) dial(t *testing.T, k *chain.Key, o chain.QuorumOptions) *chain.Client {
	t.Helper()
	c, err := chain.DialEndpoints(context.Background(), n.urls, k, chain.Config{Contracts: n.s.Contracts(), Quorum: o})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func hexAddr(a wf.Address) string { return strings.ToLower(a.Checksum()[2:]) }

func TestQuorumRefusesForgedOwner(t *testing.T) {
	ctx := context.Background()
	n := newQuorumNet(t)
	alice, attacker := n.s.Accounts()[1], n.s.Accounts()[2]
	if _, err := n.s.Client(alice).RegisterProvider(ctx, chain.Provider{Name: "alice", Endpoint: "https://alice.example", SealingKey: []byte{1, 2, 3}, PricePerRequest: big.NewInt(5)}); err != nil {
		t.Fatal(err)
	}
	c := n.dial(t, nil, chain.QuorumOptions{})

	// All honest: the entry reads as registered.
	p, err := c.LookupProvider(ctx, "alice")
	if err != nil || p.Owner != alice.Address() {
		t.Fatalf("honest lookup: %+v, %v", p, err)
	}

	// The third endpoint says the attacker owns alice.
	n.rewriteCalls(func(r string) string {
		return strings.ReplaceAll(r, hexAddr(alice.Address()), hexAddr(attacker.Address()))
	})
	_, err = c.LookupProvider(ctx, "alice")
	if !errors.Is(err, chain.ErrDisagreement) {
		t.Fatalf("forged owner: %v, want ErrDisagreement", err)
	}
	liar := chain.RedactURL(n.urls[2])
	if !strings.Contains(err.Error(), liar) || !strings.Contains(err.Error(), chain.RedactURL(n.urls[0])) {
		t.Fatalf("error %q does not name the endpoints that disagreed", err)
	}
	t.Log(err)
	if status, code := httperr.Status(err); status != http.StatusBadGateway || code != "chain_disagreement" {
		t.Fatalf("as HTTP: %d %s, want 502 chain_disagreement", status, code)
	}
	// The whole-registry read the gateway's resolver makes fails too.
	if err := chain.NewResolver(c, chain.ResolverOptions{}).Sync(ctx); !errors.Is(err, chain.ErrDisagreement) {
		t.Fatalf("resolver sync through a liar: %v", err)
	}

	// Two of three: the honest majority wins, the liar is outvoted.
	c2 := n.dial(t, nil, chain.QuorumOptions{Quorum: 2})
	if p, err := c2.LookupProvider(ctx, "alice"); err != nil || p.Owner != alice.Address() {
		t.Fatalf("2 of 3 with one liar: %+v, %v", p, err)
	}
	// One of three (k <= n/2) cannot pick between two answers.
	c1 := n.dial(t, nil, chain.QuorumOptions{Quorum: 1})
	if _, err := c1.LookupProvider(ctx, "alice"); !errors.Is(err, chain.ErrDisagreement) {
		t.Fatalf("1 of 3 with two answers: %v", err)
	}
}

func TestQuorumRefusesHiddenRevocation(t *testing.T) {
	ctx := context.Background()
	n := newQuorumNet(t)
	payer, provider := n.s.Accounts()[1], n.s.Accounts()[2]
	if _, err := n.s.Client(payer).Approve(ctx, provider.Address(), big.NewInt(10), big.NewInt(1000)); err != nil {
		t.Fatal(err)
	}
	// Pins last a nanosecond: the revocation below is read at once.
	c := n.dial(t, nil, chain.QuorumOptions{PinTTL: time.Nanosecond})
	before, err := c.Allowance(ctx, payer.Address(), provider.Address())
	if err != nil || before.Budget.Int64() != 1000 {
		t.Fatalf("allowance: %+v, %v", before, err)
	}
	// Remember the answer from before the revocation and keep giving it.
	var mu sync.Mutex
	var stale string
	n.rewriteCalls(func(r string) string {
		mu.Lock()
		defer mu.Unlock()
		if stale == "" {
			stale = r
		}
		return stale
	}, hexAddr(payer.Address()), hexAddr(provider.Address()))
	if _, err := c.Allowance(ctx, payer.Address(), provider.Address()); err != nil {
		t.Fatal(err)
	}
	// The payer revokes through a quorum client: its transaction goes to the
	// first endpoint, and waiting for it moves the pin past it.
	if _, err := n.dial(t, payer, chain.QuorumOptions{}).Revoke(ctx, provider.Address()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Allowance(ctx, payer.Address(), provider.Address()); !errors.Is(err, chain.ErrDisagreement) {
		t.Fatalf("hidden revocation: %v, want ErrDisagreement", err)
	}
	c2 := n.dial(t, nil, chain.QuorumOptions{Quorum: 2, PinTTL: time.Nanosecond})
	if a, err := c2.Allowance(ctx, payer.Address(), provider.Address()); err != nil || a.Budget.Sign() != 0 {
		t.Fatalf("2 of 3 after revocation: %+v, %v; want the revocation", a, err)
	}
}

func TestQuorumLaggingEndpointIsNoAlarm(t *testing.T) {
	ctx := context.Background()
	n := newQuorumNet(t)
	alice, bob := n.s.Accounts()[1], n.s.Accounts()[2]
	if _, err := n.s.Client(alice).RegisterProvider(ctx, chain.Provider{Name: "alice", Endpoint: "https://alice.example", SealingKey: []byte{1}, PricePerRequest: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	n.s.Commit()
	n.s.Commit()
	n.liar.Lag.Store(2)
	c := n.dial(t, nil, chain.QuorumOptions{PinTTL: time.Nanosecond})
	head, err := c.HeadTime(ctx)
	if err != nil || head.IsZero() {
		t.Fatalf("head through a lagging endpoint: %v, %v", head, err)
	}
	if p, err := c.LookupProvider(ctx, "alice"); err != nil || p.Owner != alice.Address() {
		t.Fatalf("lookup with a lagging endpoint: %+v, %v", p, err)
	}
	// Registered after the lagging endpoint's head: not seen yet, and no
	// alarm either.
	if _, err := n.s.Client(bob).RegisterProvider(ctx, chain.Provider{Name: "bob", Endpoint: "https://bob.example", SealingKey: []byte{1}, PricePerRequest: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.LookupProvider(ctx, "bob"); !errors.Is(err, wf.ErrNotFound) || errors.Is(err, chain.ErrDisagreement) {
		t.Fatalf("bob beyond the lagging head: %v, want not found", err)
	}
	n.liar.Lag.Store(0)
	if p, err := c.LookupProvider(ctx, "bob"); err != nil || p.Owner != bob.Address() {
		t.Fatalf("bob once caught up: %+v, %v", p, err)
	}
	// Logs for the resolver: the same on every endpoint.
	r := chain.NewResolver(c, chain.ResolverOptions{})
	if err := r.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := n.s.Client(alice).UpdateProvider(ctx, chain.Provider{Name: "alice", Endpoint: "https://alice2.example", SealingKey: []byte{1}, PricePerRequest: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	if err := r.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err := r.Lookup(ctx, "alice"); err != nil || p.Endpoint != "https://alice2.example" {
		t.Fatalf("resolver after update: %+v, %v", p, err)
	}
}

func TestQuorumDownEndpoint(t *testing.T) {
	ctx := context.Background()
	n := newQuorumNet(t)
	alice := n.s.Accounts()[1]
	if _, err := n.s.Client(alice).RegisterProvider(ctx, chain.Provider{Name: "alice", Endpoint: "https://alice.example", SealingKey: []byte{1}, PricePerRequest: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	all := n.dial(t, nil, chain.QuorumOptions{PinTTL: time.Nanosecond})
	two := n.dial(t, nil, chain.QuorumOptions{Quorum: 2, PinTTL: time.Nanosecond})
	n.honest[1].Close()
	if _, err := all.LookupProvider(ctx, "alice"); !errors.Is(err, wf.ErrUnavailable) || errors.Is(err, chain.ErrDisagreement) {
		t.Fatalf("all of 3 with one down: %v, want unavailable", err)
	}
	if p, err := two.LookupProvider(ctx, "alice"); err != nil || p.Owner != alice.Address() {
		t.Fatalf("2 of 3 with one down: %+v, %v", p, err)
	}
}

func TestDialQuorumRefusesOneEndpointTwice(t *testing.T) {
	n := newQuorumNet(t)
	if _, err := chain.DialQuorum(context.Background(), []string{n.urls[0], n.urls[0]}, chain.QuorumOptions{}); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("same endpoint twice: %v", err)
	}
	if _, err := chain.DialQuorum(context.Background(), n.urls, chain.QuorumOptions{Quorum: 4}); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("quorum above n: %v", err)
	}
}

// BenchmarkQuorumLookup measures a registry read (LookupProvider) over one
// endpoint, and over three checked against each other with the agreed block
// cached (PinTTL 1 s) and asked afresh each time.
func BenchmarkQuorumLookup(b *testing.B) {
	ctx := context.Background()
	s, err := sim.New(ctx, sim.Options{Accounts: 2})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Client(s.Accounts()[1]).RegisterProvider(ctx, chain.Provider{Name: "alice", Endpoint: "https://alice.example", SealingKey: []byte{1, 2, 3}, PricePerRequest: big.NewInt(5)}); err != nil {
		b.Fatal(err)
	}
	var urls []string
	for range 3 {
		srv := httptest.NewServer(s.RPCHandler())
		defer srv.Close()
		urls = append(urls, srv.URL)
	}
	for _, bc := range []struct {
		name string
		urls []string
		o    chain.QuorumOptions
	}{
		{"1-endpoint", urls[:1], chain.QuorumOptions{}},
		{"3-endpoints", urls, chain.QuorumOptions{}},
		{"3-endpoints-repin", urls, chain.QuorumOptions{PinTTL: time.Nanosecond}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c, err := chain.DialEndpoints(ctx, bc.urls, nil, chain.Config{Contracts: s.Contracts(), Quorum: bc.o})
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			for b.Loop() {
				if _, err := c.LookupProvider(ctx, "alice"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// An endpoint of another chain with the same id (another dev chain) differs
// in its block hashes: every read fails as a disagreement on the pin.
func TestQuorumOtherChainSameID(t *testing.T) {
	ctx := context.Background()
	n := newQuorumNet(t)
	other, err := sim.New(ctx, sim.Options{Accounts: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	srv := httptest.NewServer(other.RPCHandler())
	defer srv.Close()
	c, err := chain.DialEndpoints(ctx, []string{n.urls[0], srv.URL}, nil, chain.Config{Contracts: n.s.Contracts()})
	if !errors.Is(err, chain.ErrDisagreement) || !strings.Contains(err.Error(), "the block hash") {
		if c != nil {
			c.Close()
		}
		t.Fatalf("two chains: %v, want a disagreement on the block hash", err)
	}
}

// An endpoint whose newest block differs (a reorg at the tip it has not
// caught up with) is no alarm: the pin steps back to a block all agree on.
func TestQuorumTipReorgStepsBack(t *testing.T) {
	ctx := context.Background()
	n := newQuorumNet(t)
	alice := n.s.Accounts()[1]
	if _, err := n.s.Client(alice).RegisterProvider(ctx, chain.Provider{Name: "alice", Endpoint: "https://alice.example", SealingKey: []byte{1}, PricePerRequest: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	n.s.Commit()
	var forked atomic.Int32
	n.liar.SetRewrite(func(method string, params []json.RawMessage, r json.RawMessage) json.RawMessage {
		if method != "eth_getBlockByNumber" || len(params) == 0 || string(params[0]) != `"latest"` {
			return r
		}
		var b map[string]any
		if json.Unmarshal(r, &b) != nil || b == nil {
			return r
		}
		b["extraData"] = "0x0f0f"
		f, _ := json.Marshal(b)
		forked.Add(1)
		return f
	})
	c := n.dial(t, nil, chain.QuorumOptions{})
	if p, err := c.LookupProvider(ctx, "alice"); err != nil || p.Owner != alice.Address() {
		t.Fatalf("lookup with a forked tip: %+v, %v", p, err)
	}
	if forked.Load() == 0 {
		t.Fatal("the tip was never forked")
	}
}

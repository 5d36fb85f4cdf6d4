package chain_test

import (
	"context"
	"errors"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/wf"
)

func TestResolverFollowsRegistryEvents(t *testing.T) {
	ctx := context.Background()
	s, err := sim.New(ctx, sim.Options{Accounts: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	alice, bob := s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2])
	entry := func(name, endpoint string, price int64) chain.Provider {
		return chain.Provider{Name: name, Endpoint: endpoint, SealingKey: []byte{1, 2, 3}, PricePerRequest: big.NewInt(price)}
	}
	if _, err := alice.RegisterProvider(ctx, entry("alice", "http://a.example", 5)); err != nil {
		t.Fatal(err)
	}
	var now atomic.Int64
	now.Store(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano())
	clock := func() time.Time { return time.Unix(0, now.Load()) }
	r := chain.NewResolver(s.Client(nil), chain.ResolverOptions{TTL: time.Minute, Now: clock})

	// Before the first sync, lookups go to the chain.
	if p, err := r.Lookup(ctx, "alice"); err != nil || p.Endpoint != "http://a.example" {
		t.Fatalf("unsynced lookup: %+v, %v", p, err)
	}
	if err := r.Sync(ctx); err != nil {
		t.Fatal(err)
	}

	// Changes after the snapshot arrive as events.
	if _, err := bob.RegisterProvider(ctx, entry("bob", "http://b.example", 7)); err != nil {
		t.Fatal(err)
	}
	if _, err := alice.UpdateProvider(ctx, entry("alice", "http://a2.example", 6)); err != nil {
		t.Fatal(err)
	}
	if _, err := alice.RegisterProvider(ctx, entry("gone", "http://g.example", 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := alice.DeregisterProvider(ctx, "gone"); err != nil {
		t.Fatal(err)
	}
	// Not synced yet: the cache is fresh, so it does not know bob.
	if _, err := r.Lookup(ctx, "bob"); !errors.Is(err, wf.ErrNotFound) {
		t.Fatalf("bob before sync: %v, want ErrNotFound from the cache", err)
	}
	if err := r.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		endpoint string
		price    int64
		owner    wf.Address
	}{
		{"alice", "http://a2.example", 6, alice.Address()},
		{"bob", "http://b.example", 7, bob.Address()},
		{"gone", "", 0, wf.Address{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := r.Lookup(ctx, tt.name)
			if tt.endpoint == "" {
				if !errors.Is(err, wf.ErrNotFound) {
					t.Fatalf("got %+v, %v; want ErrNotFound", p, err)
				}
				return
			}
			if err != nil || p.Endpoint != tt.endpoint || p.PricePerRequest.Int64() != tt.price || p.Owner != tt.owner {
				t.Fatalf("got %+v, %v", p, err)
			}
		})
	}
	ps, err := r.List(ctx)
	if err != nil || len(ps) != 2 || ps[0].Name != "alice" || ps[1].Name != "bob" {
		t.Fatalf("List: %+v, %v", ps, err)
	}

	// A cache whose last sync is older than TTL is not trusted.
	if _, err := bob.RegisterProvider(ctx, entry("carol", "http://c.example", 1)); err != nil {
		t.Fatal(err)
	}
	now.Add(int64(2 * time.Minute))
	if p, err := r.Lookup(ctx, "carol"); err != nil || p.Endpoint != "http://c.example" {
		t.Fatalf("stale cache lookup: %+v, %v; want a direct read", p, err)
	}
	// The next sync is a full read again.
	if err := r.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if ps, err := r.List(ctx); err != nil || len(ps) != 3 {
		t.Fatalf("after full reload: %+v, %v", ps, err)
	}
}

func TestResolverRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := sim.New(ctx, sim.Options{Accounts: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := chain.NewResolver(s.Client(nil), chain.ResolverOptions{PollInterval: 10 * time.Millisecond})
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	if _, err := s.Client(s.Accounts()[1]).RegisterProvider(ctx, chain.Provider{Name: "dave", Endpoint: "http://d", SealingKey: []byte{1}}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if chain.ResolverHas(r, "dave") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Run did not pick up a registration within 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
}

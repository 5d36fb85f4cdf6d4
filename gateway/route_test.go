package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// newTestRouter wires a router as Gateway.New does, for the providers in
// reg reached directly at their endpoints.
func newTestRouter(t testing.TB, reg *registry, attempts int) *router {
	const timeout = 3 * time.Second
	c := newClock()
	resolve := resolveDirect(t)
	h := newHealth(reg, resolve, timeout, c.now, slog.New(slog.DiscardHandler))
	specs, _ := newTestSpecCache(slog.New(slog.DiscardHandler))
	return &router{
		list: reg, resolve: resolve, timeout: timeout, attempts: attempts,
		scorer: scorer{pricePerMS: 100},
		health: h, specs: specs, keys: newKeyCache(),
		probes: newProber(timeout, c.now, h, specs),
	}
}

// TestCandidates runs smart routing's choice against loopback peers:
// which providers a request tries, in which order, and why. Prices are
// far apart (1,000 ms each 100,000) so that loopback latency cannot
// reorder them.
func TestCandidates(t *testing.T) {
	keys := []*seal.PublicKey{nil, sealingKey(t), sealingKey(t), sealingKey(t)} // 1-based
	type prov struct {
		name        string
		holds       bool
		price       int64 // in 100,000s
		key         int   // registered sealing key; 0: none
		down        bool  // marked down once the function's holders are known
		unreachable bool  // registered endpoint cannot be resolved
	}
	tests := []struct {
		name     string
		grants   []int // sealing keys the function grants; none: public
		provs    []prov
		attempts int
		want     []string // name:why
		err      error
		route    string   // X-WF-Route of the error
		granted  []string // grantedProviders of the error
	}{
		{name: "holders first, then by price",
			provs: []prov{{name: "alice", holds: true, price: 2}, {name: "bob"}, {name: "carol", holds: true, price: 1}, {name: "dave", holds: true, price: 3}},
			want:  []string{"carol:has-function", "alice:next-has-function", "dave:next-has-function"}},
		{name: "nobody holds it",
			provs: []prov{{name: "alice", price: 1}, {name: "bob"}},
			want:  []string{"bob:may-fetch", "alice:next-may-fetch"}},
		{name: "at most MaxAttempts", attempts: 1,
			provs: []prov{{name: "alice", holds: true, price: 1}, {name: "bob", holds: true}},
			want:  []string{"bob:has-function"}},
		{name: "down provider not tried",
			provs: []prov{{name: "alice", holds: true, down: true}, {name: "bob", holds: true, price: 1}, {name: "carol", price: 2}},
			want:  []string{"bob:has-function", "carol:next-may-fetch"}},
		{name: "all down: tried anyway",
			provs: []prov{{name: "alice", price: 1, down: true}, {name: "bob", holds: true, price: 2, down: true}},
			want:  []string{"bob:has-function", "alice:next-may-fetch"}},
		{name: "unreachable provider left out",
			provs: []prov{{name: "alice", holds: true, unreachable: true}, {name: "bob", holds: true, price: 1}},
			want:  []string{"bob:has-function"}},
		{name: "nobody reachable",
			provs: []prov{{name: "alice", holds: true, unreachable: true}},
			err:   wf.ErrUnavailable},
		{name: "sealed: only granted providers", grants: []int{1, 2},
			provs: []prov{{name: "alice", holds: true, price: 3, key: 1}, {name: "bob", price: 1, key: 2}, {name: "carol", holds: true, key: 3}, {name: "dave", holds: true}},
			want:  []string{"alice:granted", "bob:next-granted-may-fetch"}},
		{name: "sealed: a granted provider down", grants: []int{1, 2},
			provs: []prov{{name: "alice", holds: true, key: 1, down: true}, {name: "bob", holds: true, price: 1, key: 2}, {name: "carol", holds: true}},
			want:  []string{"bob:granted"}},
		{name: "sealed: nobody registered is granted", grants: []int{3},
			provs: []prov{{name: "alice", holds: true, key: 1}, {name: "bob", holds: true}},
			err:   wf.ErrForbidden, route: "provider=none; reason=not-granted", granted: []string{}},
		{name: "sealed: granted provider unreachable", grants: []int{1},
			provs: []prov{{name: "alice", holds: true, key: 1, unreachable: true}, {name: "bob", holds: true, key: 2}},
			err:   wf.ErrUnavailable, route: "provider=none; reason=granted-unreachable", granted: []string{"alice"}},
		{name: "sealed, but nobody serves the spec: routed as public", grants: []int{1},
			provs: []prov{{name: "alice", price: 1, key: 1}, {name: "bob", key: 2}},
			want:  []string{"bob:may-fetch", "alice:next-may-fetch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var to []*seal.PublicKey
			for _, k := range tt.grants {
				to = append(to, keys[k])
			}
			fn, c := specBlock(t, "candidates", to...)
			reg := &registry{}
			var peers []*peer
			var probed []string
			for _, p := range tt.provs {
				pp := newPeer(t, p.name)
				if p.holds {
					pp.put(t, fn)
				}
				e := pp.entry(p.price * 100_000)
				if p.key != 0 {
					e.SealingKey = keys[p.key].Bytes()
				}
				if p.unreachable {
					e.Endpoint = "nowhere"
				} else {
					probed = append(probed, p.name)
				}
				reg.ps = append(reg.ps, e)
				peers = append(peers, pp)
			}
			attempts := tt.attempts
			if attempts == 0 {
				attempts = 3
			}
			r := newTestRouter(t, reg, attempts)

			// The first request reads the spec and asks who holds it;
			// answers after the first yes's grace are kept for the next.
			ts, err := r.candidates(context.Background(), c)
			if err == nil {
				for _, name := range probed {
					waitFor(t, name+"'s answer", func() bool { return r.probes.answered(c, name) })
				}
				for _, p := range tt.provs {
					if p.down {
						r.health.markDown(p.name, nil, errors.New("connection refused"))
					}
				}
				requests(peers...)
				ts, err = r.candidates(context.Background(), c)
				for name, asked := range requests(peers...) {
					if slices.ContainsFunc(asked, func(s string) bool { return strings.HasPrefix(s, "GET ") }) {
						t.Errorf("%s asked again for the spec: %v", name, asked)
					}
				}
			}
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				if de := (*detailedError)(nil); tt.route != "" {
					if !errors.As(err, &de) || de.route != tt.route || fmt.Sprint(de.details["grantedProviders"]) != fmt.Sprint(tt.granted) {
						t.Errorf("error %#v, want route %q granting %v", de, tt.route, tt.granted)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range ts {
				why, _, _ := strings.Cut(x.reason, ";")
				got = append(got, x.name+":"+why)
				if x.has != (!strings.Contains(why, "may-fetch")) {
					t.Errorf("%s: has %v, reason %q", x.name, x.has, x.reason)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("candidates = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCandidatesRegistryDown(t *testing.T) {
	reg := &registry{err: errors.New("rpc: connection reset")}
	r := newTestRouter(t, reg, 3)
	_, c := specBlock(t, "unlisted")
	if _, err := r.candidates(context.Background(), c); err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("err = %v", err)
	}
}

func TestKeyCache(t *testing.T) {
	k1, k2 := sealingKey(t), sealingKey(t)
	a := chain.Provider{Name: "alice", SealingKey: k1.Bytes()}
	b := chain.Provider{Name: "bob"}
	kc := newKeyCache()
	if ids := kc.ids([]chain.Provider{a, b}); ids["alice"] != k1.ID() || !ids["bob"].IsZero() || len(ids) != 2 {
		t.Errorf("ids = %v", ids)
	}
	a.SealingKey = k2.Bytes() // rotated in the registry
	if ids := kc.ids([]chain.Provider{a, b}); ids["alice"] != k2.ID() {
		t.Errorf("after rotation: %v, want %v", ids["alice"], k2.ID())
	}
	kc.retain([]chain.Provider{b})
	if _, ok := kc.keys["alice"]; ok || len(kc.keys) != 1 {
		t.Errorf("kept %v after alice left", kc.keys)
	}
}

// BenchmarkCandidates measures the router's own cost for a function whose
// spec and holders it knows already, as on most requests: listing,
// resolving, measurements, ranking (no provider is asked anything).
//
//	go test -run '^$' -bench Candidates ./gateway/
func BenchmarkCandidates(b *testing.B) {
	fn, c := specBlock(b, "benchmarked")
	reg := &registry{}
	var names []string
	for i := range 5 {
		p := newPeer(b, fmt.Sprint("p", i))
		if i%2 == 0 {
			p.put(b, fn)
		}
		reg.ps = append(reg.ps, p.entry(int64(i)*1000))
		names = append(names, p.name)
	}
	r := newTestRouter(b, reg, 3)
	ctx := context.Background()
	if _, err := r.candidates(ctx, c); err != nil {
		b.Fatal(err)
	}
	for _, name := range names {
		for !r.probes.answered(c, name) {
			time.Sleep(time.Millisecond)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if ts, err := r.candidates(ctx, c); err != nil || len(ts) != 3 {
			b.Fatal(ts, err)
		}
	}
}

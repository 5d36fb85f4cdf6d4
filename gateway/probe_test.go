package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/webfunctions/wf/wf"
)

// probeWorld is a prober with the health and spec cache it reports to,
// asking loopback peers.
type probeWorld struct {
	t       *testing.T
	clock   *clock
	health  *health
	specs   *specCache
	reg     *prometheus.Registry
	prober  *prober
	resolve resolveFunc
}

func newProbeWorld(t *testing.T, timeout time.Duration) *probeWorld {
	w := &probeWorld{t: t, clock: newClock(), resolve: resolveDirect(t)}
	w.health = newHealth(&registry{}, w.resolve, timeout, w.clock.now, slog.New(slog.DiscardHandler))
	w.specs, w.reg = newTestSpecCache(slog.New(slog.DiscardHandler))
	w.prober = newProber(timeout, w.clock.now, w.health, w.specs)
	return w
}

// targets resolves the peers as the router would.
func (w *probeWorld) targets(ps ...*peer) []target {
	w.t.Helper()
	ts := make([]target, len(ps))
	for i, p := range ps {
		t, err := w.resolve(context.Background(), p.entry(0))
		if err != nil {
			w.t.Fatal(err)
		}
		ts[i] = t
	}
	return ts
}

// requests returns and forgets each peer's requests, by name.
func requests(ps ...*peer) map[string][]string {
	out := map[string][]string{}
	for _, p := range ps {
		if rs := p.requests(); len(rs) > 0 {
			out[p.name] = rs
		}
	}
	return out
}

func TestProber(t *testing.T) {
	fn, c := specBlock(t, "probed")
	head := "HEAD /ipfs/" + c.String() + "?format=raw"
	get := "GET /ipfs/" + c.String() + "?format=raw"
	const timeout = 3 * time.Second

	t.Run("asks and keeps the answers", func(t *testing.T) {
		w := newProbeWorld(t, timeout)
		alice, bob := newPeer(t, "alice", fn), newPeer(t, "bob")
		ts := w.targets(alice, bob)
		if got := w.prober.holders(context.Background(), c, ts, false); !got["alice"] || got["bob"] {
			t.Errorf("holders = %v", got)
		}
		w.settle(c, "alice", "bob")
		if got := requests(alice, bob); fmt.Sprint(got) != fmt.Sprint(map[string][]string{"alice": {head}, "bob": {head}}) {
			t.Errorf("asked %v", got)
		}
		if got := w.prober.holders(context.Background(), c, ts, false); fmt.Sprint(got) != "map[alice:true bob:false]" {
			t.Errorf("holders again = %v", got)
		}
		if got := requests(alice, bob); len(got) != 0 {
			t.Errorf("asked again: %v", got)
		}
		if s := w.health.get("bob"); s.latency == 0 || s.success != 1 || s.down {
			t.Errorf("bob's 404 counted against him: %+v", s)
		}
		if _, known := w.specs.access(c); known {
			t.Error("a HEAD taught the spec")
		}
	})
	t.Run("answers expire", func(t *testing.T) {
		w := newProbeWorld(t, timeout)
		alice, bob := newPeer(t, "alice", fn), newPeer(t, "bob")
		ts := w.targets(alice, bob)
		w.prober.holders(context.Background(), c, ts, false)
		w.settle(c, "alice", "bob")
		requests(alice, bob)
		for _, step := range []struct {
			after time.Duration
			asked []string
		}{
			{hasNotTTL - time.Second, nil},
			{time.Second, []string{"bob"}}, // a no is kept 30 s
			{hasNotTTL - time.Second, nil},
			{time.Second, []string{"bob"}},
			{hasTTL - 2*hasNotTTL - time.Second, []string{"bob"}},
			{time.Second, []string{"alice"}}, // a yes 5 min
		} {
			w.clock.advance(step.after)
			w.prober.holders(context.Background(), c, ts, false)
			w.settle(c, step.asked...)
			var asked []string
			for name := range requests(alice, bob) {
				asked = append(asked, name)
			}
			slices.Sort(asked)
			if !slices.Equal(asked, step.asked) {
				t.Fatalf("%v later: asked %v, want %v", step.after, asked, step.asked)
			}
		}
	})
	t.Run("reads the spec", func(t *testing.T) {
		w := newProbeWorld(t, timeout)
		alice, bob, carol := newPeer(t, "alice", fn), newPeer(t, "bob"), newPeer(t, "carol", fn)
		ts := w.targets(alice, bob, carol)
		if got := w.prober.holders(context.Background(), c, ts, true); !got["alice"] && !got["carol"] {
			t.Errorf("holders = %v", got)
		}
		if a, known := w.specs.access(c); !known || a.sealed {
			t.Errorf("spec: %+v, known %v", a, known)
		}
		w.settle(c, "alice", "bob", "carol")
		if got := requests(alice, bob, carol); fmt.Sprint(got) != fmt.Sprint(map[string][]string{"alice": {get}, "bob": {get}, "carol": {get}}) {
			t.Errorf("asked %v", got)
		}
		// Reading it again asks those that said yes, not those that said no.
		w.clock.advance(time.Second)
		w.prober.holders(context.Background(), c, ts, true)
		w.settle(c, "alice", "carol")
		if got := requests(alice, bob, carol); fmt.Sprint(got) != fmt.Sprint(map[string][]string{"alice": {get}, "carol": {get}}) {
			t.Errorf("asked %v", got)
		}
		if n := counted(t, w.reg, "public"); n != 4 {
			t.Errorf("%v spec reads counted, want 4", n)
		}
	})
	t.Run("other bytes than the CID's", func(t *testing.T) {
		w := newProbeWorld(t, timeout)
		eve := newPeer(t, "eve", fn)
		other, _ := specBlock(t, "other")
		eve.lie.Store(&other)
		ts := w.targets(eve)
		if got := w.prober.holders(context.Background(), c, ts, true); got["eve"] {
			t.Error("eve holds it, serving other bytes")
		}
		if _, known := w.specs.access(c); known {
			t.Error("learned a spec from other bytes")
		}
		if n := counted(t, w.reg, "mismatch"); n != 1 {
			t.Errorf("%v mismatches counted", n)
		}
		// A HEAD takes the status's word: only a GET reads the bytes.
		w.clock.advance(hasNotTTL)
		if got := w.prober.holders(context.Background(), c, ts, false); !got["eve"] {
			t.Error("HEAD answered 200 and eve does not hold it")
		}
	})
	t.Run("failures", func(t *testing.T) {
		for _, tt := range []struct {
			name    string
			fault   func(*peer)
			success float64
			down    bool
		}{
			{"5xx", func(p *peer) { p.status.Store(503) }, 0.7, false},
			{"refused", func(p *peer) { p.srv.Close() }, 0.7, true},
		} {
			t.Run(tt.name, func(t *testing.T) {
				w := newProbeWorld(t, timeout)
				p := newPeer(t, "dave", fn)
				tt.fault(p)
				if got := w.prober.holders(context.Background(), c, w.targets(p), false); got["dave"] {
					t.Error("dave holds it")
				}
				if s := w.health.get("dave"); s.success != tt.success || s.down != tt.down {
					t.Errorf("health %+v, want success %v, down %v", s, tt.success, tt.down)
				}
			})
		}
	})
	t.Run("endpoint below a path", func(t *testing.T) {
		w := newProbeWorld(t, timeout)
		alice := newPeer(t, "alice", fn)
		ts := w.targets(alice)
		base := *ts[0].base
		base.Path = "/base"
		ts[0].base = &base
		w.prober.holders(context.Background(), c, ts, false)
		if got := alice.requests(); !slices.Equal(got, []string{"HEAD /base/ipfs/" + c.String() + "?format=raw"}) {
			t.Errorf("asked %v", got)
		}
	})
	t.Run("nobody to ask", func(t *testing.T) {
		w := newProbeWorld(t, timeout)
		if got := w.prober.holders(context.Background(), c, nil, true); len(got) != 0 {
			t.Errorf("holders = %v", got)
		}
	})
}

// answered reports whether name's answer for c is kept.
func (p *prober) answered(c wf.CID, name string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.probes[c][name]
	return ok
}

// settle waits until the named providers' answers for c, asked now, are
// in: their requests have all arrived.
func (w *probeWorld) settle(c wf.CID, names ...string) {
	w.t.Helper()
	for _, name := range names {
		waitFor(w.t, name+"'s answer", func() bool {
			w.prober.mu.Lock()
			defer w.prober.mu.Unlock()
			a, ok := w.prober.probes[c][name]
			return ok && a.at.Equal(w.clock.now())
		})
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 5s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// holders waits for the others as long again as the first yes took, and
// keeps answers that come later.
func TestProberWaiting(t *testing.T) {
	fn, c := specBlock(t, "waited for")
	t.Run("grace after the first yes", func(t *testing.T) {
		w := newProbeWorld(t, 3*time.Second)
		fast, slow := newPeer(t, "fast", fn), newPeer(t, "slow", fn)
		slow.delay.Store(int64(time.Second))
		ts := w.targets(fast, slow)
		start := time.Now()
		got := w.prober.holders(context.Background(), c, ts, false)
		if d := time.Since(start); d >= time.Second {
			t.Errorf("waited %v for the slow one", d)
		}
		if fmt.Sprint(got) != "map[fast:true]" {
			t.Errorf("holders = %v, want fast alone", got)
		}
		waitFor(t, "slow's answer", func() bool { return w.prober.answered(c, "slow") })
		requests(fast, slow)
		if got := w.prober.holders(context.Background(), c, ts, false); fmt.Sprint(got) != "map[fast:true slow:true]" {
			t.Errorf("holders = %v, want both", got)
		}
		if got := requests(fast, slow); len(got) != 0 {
			t.Errorf("asked %v again", got)
		}
	})
	t.Run("nobody says yes: the timeout", func(t *testing.T) {
		const timeout = 300 * time.Millisecond
		w := newProbeWorld(t, timeout)
		no, hung := newPeer(t, "no"), newPeer(t, "hung", fn)
		hung.hang.Store(true)
		start := time.Now()
		got := w.prober.holders(context.Background(), c, w.targets(no, hung), false)
		if d := time.Since(start); d < timeout || d > timeout+2*time.Second {
			t.Errorf("returned after %v, timeout %v", d, timeout)
		}
		if fmt.Sprint(got) != "map[no:false]" {
			t.Errorf("holders = %v", got)
		}
	})
	t.Run("caller gone", func(t *testing.T) {
		w := newProbeWorld(t, 2*time.Second)
		hung := newPeer(t, "hung", fn)
		hung.hang.Store(true)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		start := time.Now()
		if got := w.prober.holders(ctx, c, w.targets(hung), false); len(got) != 0 {
			t.Errorf("holders = %v", got)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("returned after %v, the caller left after 50ms", d)
		}
	})
}

func TestProberBounded(t *testing.T) {
	w := newProbeWorld(t, 3*time.Second)
	w.prober.max = 3
	alice := newPeer(t, "alice")
	ts := w.targets(alice)
	for i := range 10 {
		_, c := specBlock(t, fmt.Sprint("f", i))
		w.prober.holders(context.Background(), c, ts, false)
		w.prober.mu.Lock()
		n := len(w.prober.probes)
		w.prober.mu.Unlock()
		if n > 3 {
			t.Fatalf("%d functions kept, bound 3", n)
		}
	}
}

// Requests for many functions ask at once.
func TestProberHammer(t *testing.T) {
	w := newProbeWorld(t, 3*time.Second)
	w.prober.max = 8
	type fn struct {
		b []byte
		c wf.CID
	}
	fns := make([]fn, 16)
	for i := range fns {
		fns[i].b, fns[i].c = specBlock(t, fmt.Sprint("h", i))
	}
	alice, bob := newPeer(t, "alice"), newPeer(t, "bob")
	for i, f := range fns {
		if i%2 == 0 {
			alice.put(t, f.b)
		} else {
			bob.put(t, f.b)
		}
	}
	ts := w.targets(alice, bob)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				f := fns[(g*5+i)%len(fns)]
				has := w.prober.holders(context.Background(), f.c, ts, i%4 == 0)
				if has["alice"] && has["bob"] {
					t.Errorf("%s held by both", f.c)
				}
				if i%7 == 0 {
					w.clock.advance(hasNotTTL)
				}
			}
		})
	}
	wg.Wait()
}

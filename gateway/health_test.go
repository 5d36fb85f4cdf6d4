package gateway

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
)

func newTestHealth(t testing.TB, reg *registry, timeout time.Duration, c *clock) *health {
	return newHealth(reg, resolveDirect(t), timeout, c.now, slog.New(slog.DiscardHandler))
}

// What requests and probes report moves a provider's measurements.
func TestHealthRecord(t *testing.T) {
	refused := errors.New("connection refused")
	type event struct {
		ms float64 // time to first byte; < 0: failed to connect
		ok bool
	}
	tests := []struct {
		name    string
		events  []event
		latency float64 // ms
		success float64
		down    bool
		lastErr string
	}{
		{"never measured", nil, 0, 1, false, ""},
		{"first answer taken as is", []event{{10, true}}, 10, 1, false, ""},
		{"latency is an EWMA", []event{{10, true}, {20, true}}, 13, 1, false, ""},
		{"a 5xx costs success, not latency", []event{{10, true}, {50, false}}, 10, 0.7, false, ""},
		{"two 5xx", []event{{10, false}, {10, false}}, 0, 0.49, false, ""},
		{"recovering", []event{{10, false}, {10, true}}, 10, 0.79, false, ""},
		{"refused: down", []event{{10, true}, {-1, false}}, 10, 0.7, true, "connection refused"},
		{"a 5xx does not bring it back", []event{{-1, false}, {10, false}}, 0, 0.49, true, "connection refused"},
		{"an answer brings it back, the error stays until a check", []event{{-1, false}, {10, true}}, 10, 0.79, false, "connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock()
			h := newTestHealth(t, &registry{}, time.Second, c)
			for _, e := range tt.events {
				if e.ms < 0 {
					h.markDown("a", nil, refused)
				} else {
					h.observe("a", time.Duration(e.ms*float64(time.Millisecond)), e.ok)
				}
			}
			s := h.get("a")
			if math.Abs(s.latency*1000-tt.latency) > 1e-9 || math.Abs(s.success-tt.success) > 1e-9 || s.down != tt.down || s.lastErr != tt.lastErr {
				t.Errorf("latency %v ms, success %v, down %v, lastErr %q; want %v, %v, %v, %q",
					s.latency*1000, s.success, s.down, s.lastErr, tt.latency, tt.success, tt.down, tt.lastErr)
			}
			if tt.down && !s.checked.Equal(c.now()) {
				t.Errorf("checked %v, want %v", s.checked, c.now())
			}
		})
	}
}

func TestHealthCheckOutcomes(t *testing.T) {
	closed := newPeer(t, "closed")
	closed.srv.Close()
	tests := []struct {
		name    string
		fault   func(p *peer)
		entry   func(p *peer) chain.Provider
		down    bool
		lastErr string // contained in lastErr
		asked   []string
	}{
		{name: "answers", asked: []string{"GET /healthz"}},
		{name: "endpoint below a path",
			entry: func(p *peer) chain.Provider { e := p.entry(0); e.Endpoint += "/base"; return e },
			down:  true, lastErr: "404 Not Found", asked: []string{"GET /base/healthz"}},
		{name: "answers 500", fault: func(p *peer) { p.status.Store(500) },
			down: true, lastErr: "health check answered 500 Internal Server Error", asked: []string{"GET /healthz"}},
		{name: "answers 503", fault: func(p *peer) { p.status.Store(503) },
			down: true, lastErr: "health check answered 503", asked: []string{"GET /healthz"}},
		{name: "hangs past the timeout", fault: func(p *peer) { p.hang.Store(true) },
			down: true, lastErr: "deadline exceeded", asked: []string{"GET /healthz"}},
		{name: "refuses connections",
			entry: func(p *peer) chain.Provider { e := p.entry(0); e.Endpoint = closed.srv.URL; return e },
			down:  true, lastErr: "connection refused"},
		{name: "cannot be resolved",
			entry: func(p *peer) chain.Provider { e := p.entry(0); e.Endpoint = "nowhere"; return e },
			down:  true, lastErr: "no usable endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPeer(t, "alice")
			if tt.fault != nil {
				tt.fault(p)
			}
			e := p.entry(0)
			if tt.entry != nil {
				e = tt.entry(p)
			}
			reg := &registry{}
			reg.set(e)
			c := newClock()
			h := newTestHealth(t, reg, 200*time.Millisecond, c)
			ps, ok := h.checkAll(context.Background())
			if !ok || len(ps) != 1 {
				t.Fatalf("checkAll = %v, %v", ps, ok)
			}
			s := h.get("alice")
			if s.down != tt.down || !strings.Contains(s.lastErr, tt.lastErr) || !s.checked.Equal(c.now()) {
				t.Errorf("down %v, lastErr %q, checked %v; want down %v, lastErr with %q, checked %v", s.down, s.lastErr, s.checked, tt.down, tt.lastErr, c.now())
			}
			if !tt.down && (s.latency <= 0 || s.success != 1 || s.lastErr != "") {
				t.Errorf("measured latency %v, success %v, lastErr %q", s.latency, s.success, s.lastErr)
			}
			if got := p.requests(); fmt.Sprint(got) != fmt.Sprint(tt.asked) {
				t.Errorf("asked %q, want %q", got, tt.asked)
			}
		})
	}
}

func TestHealthDownAndUp(t *testing.T) {
	p := newPeer(t, "alice")
	reg := &registry{}
	reg.set(p.entry(0))
	c := newClock()
	h := newTestHealth(t, reg, time.Second, c)
	check := func(wantDown bool, wantErr string) {
		t.Helper()
		c.advance(time.Minute)
		h.checkAll(context.Background())
		if s := h.get("alice"); s.down != wantDown || s.lastErr != wantErr || !s.checked.Equal(c.now()) {
			t.Fatalf("down %v, lastErr %q, checked %v; want %v, %q, %v", s.down, s.lastErr, s.checked, wantDown, wantErr, c.now())
		}
	}
	check(false, "")
	p.status.Store(502)
	check(true, "health check answered 502 Bad Gateway")
	check(true, "health check answered 502 Bad Gateway")
	p.status.Store(0)
	check(false, "")
	if s := h.get("alice"); s.success >= 1 || s.success < 0.5 {
		t.Errorf("success %v after two failed checks and one good one", s.success)
	}
}

func TestHealthForgets(t *testing.T) {
	alice, bob := newPeer(t, "alice"), newPeer(t, "bob")
	reg := &registry{}
	reg.set(alice.entry(0), bob.entry(0))
	h := newTestHealth(t, reg, time.Second, newClock())
	h.observe("carol", time.Millisecond, true) // measured in a request, since gone
	if _, ok := h.checkAll(context.Background()); !ok {
		t.Fatal("checkAll failed")
	}
	reg.set(bob.entry(0))
	ps, _ := h.checkAll(context.Background())
	if len(ps) != 1 || ps[0].Name != "bob" {
		t.Errorf("checkAll returned %v, want bob", ps)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.stats) != 1 || h.stats["bob"] == nil {
		t.Errorf("kept %v, want only bob", h.stats)
	}
}

func TestHealthRegistryDown(t *testing.T) {
	var log bytes.Buffer
	reg := &registry{err: errors.New("rpc: connection reset")}
	h := newHealth(reg, resolveDirect(t), time.Second, newClock().now, slog.New(slog.NewTextHandler(&log, nil)))
	h.observe("alice", time.Millisecond, true)
	if ps, ok := h.checkAll(context.Background()); ok || ps != nil {
		t.Errorf("checkAll = %v, %v with the registry down", ps, ok)
	}
	if s := h.get("alice"); s.latency == 0 {
		t.Error("measurements forgotten when the registry could not be listed")
	}
	if !strings.Contains(log.String(), "rpc: connection reset") {
		t.Errorf("log %q", log.String())
	}
}

// Checks run at most checkers at once.
func TestHealthChecksBounded(t *testing.T) {
	p := newPeer(t, "shared")
	p.delay.Store(int64(20 * time.Millisecond))
	reg := &registry{}
	var ps []chain.Provider
	for i := range 3 * checkers {
		e := p.entry(0)
		e.Name = fmt.Sprint("p", i)
		ps = append(ps, e)
	}
	reg.set(ps...)
	h := newTestHealth(t, reg, 5*time.Second, newClock())
	h.checkAll(context.Background())
	if n := len(p.requests()); n != len(ps) {
		t.Errorf("%d checks, want %d", n, len(ps))
	}
	if m := p.most.Load(); m > checkers || m < 2 {
		t.Errorf("%d checks at once, want 2 to %d", m, checkers)
	}
}

func TestHealthRun(t *testing.T) {
	p := newPeer(t, "alice")
	reg := &registry{}
	reg.set(p.entry(0))
	h := newTestHealth(t, reg, time.Second, newClock())
	rounds := make(chan []chain.Provider)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		h.run(ctx, 10*time.Millisecond, func(ps []chain.Provider) { rounds <- ps })
		close(done)
	}()
	for range 3 {
		select {
		case ps := <-rounds:
			if len(ps) != 1 || ps[0].Name != "alice" {
				t.Errorf("round got %v", ps)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no round within 5s")
		}
	}
	if n := len(p.requests()); n < 3 {
		t.Errorf("%d checks in 3 rounds", n)
	}
	cancel()
	for {
		select {
		case <-rounds: // a round under way when ctx ended
			continue
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("run still going 5s after ctx ended")
		}
		break
	}
}

// Requests, probes, checks and /v1/providers use the measurements at once.
func TestHealthHammer(t *testing.T) {
	alice, bob := newPeer(t, "alice"), newPeer(t, "bob")
	bob.status.Store(500)
	reg := &registry{}
	reg.set(alice.entry(0), bob.entry(0))
	h := newTestHealth(t, reg, time.Second, newClock())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { h.run(ctx, time.Millisecond, nil) })
	for g := range 6 {
		wg.Go(func() {
			names := []string{"alice", "bob", "carol"}
			os := []observation{{name: "alice"}, {name: "bob"}, {name: "carol"}}
			for i := range 300 {
				n := names[(g+i)%3]
				switch i % 4 {
				case 0:
					h.observe(n, time.Duration(i)*time.Microsecond, i%3 != 0)
				case 1:
					h.markDown(n, nil, errors.New("refused"))
				case 2:
					h.get(n)
				case 3:
					h.fill(os)
				}
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	cancel()
	wg.Wait()
	if s := h.get("bob"); !s.down && s.lastErr == "" {
		t.Errorf("bob, answering 500, is up with no error: %+v", s)
	}
}

// A down provider is up again when it resolves to a route it was not
// down for: any route after it could not be resolved, a new tunnel after
// the old one failed; not the same route that failed.
func TestHealthRevive(t *testing.T) {
	oldTunnel, newTunnel, direct := &http.Transport{}, &http.Transport{}, &http.Transport{}
	refused := errors.New("connection refused")
	tests := []struct {
		name string
		mark func(h *health)
		via  http.RoundTripper
		down bool
	}{
		{"unresolved, then a tunnel", func(h *health) { h.markUnresolved("a", refused) }, newTunnel, false},
		{"unresolved, then an endpoint", func(h *health) { h.markUnresolved("a", refused) }, direct, false},
		{"a tunnel failed, then another", func(h *health) { h.markDown("a", oldTunnel, refused) }, newTunnel, false},
		{"a tunnel failed, still the same", func(h *health) { h.markDown("a", oldTunnel, refused) }, oldTunnel, true},
		{"the endpoint failed, still the endpoint", func(h *health) { h.markDown("a", direct, refused) }, direct, true},
		{"failed through an unknown route", func(h *health) { h.markDown("a", nil, refused) }, direct, true},
		{"never down", func(h *health) {}, direct, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newTestHealth(t, &registry{}, time.Second, newClock())
			tt.mark(h)
			h.revive("a", tt.via)
			if got := h.get("a").down; got != tt.down {
				t.Fatalf("down = %v, want %v", got, tt.down)
			}
		})
	}
}

package gateway_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/templates"
)

// fakeClock is a gateway clock the test moves.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// An endpoint whose challenge answers 503 (a tunnel still coming up
// behind it, a restart) is not cached as having refused: the gateway
// answers 503 saying so, and routes to it once it answers, seconds later,
// not a minute later with 403s meanwhile. A real refusal is still
// remembered.
func TestChallengeTransientFailure(t *testing.T) {
	clk := &fakeClock{t: time.Now()}
	w := newWorld(t, gateway.Config{Now: clk.now})
	var failing atomic.Int32 // the status challenges get; 0: the provider answers
	failing.Store(http.StatusServiceUnavailable)
	n := w.newNode("alice", 1, nil)
	n.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if code := failing.Load(); code != 0 && r.URL.Path == chain.ChallengePath {
			http.Error(rw, "tunnel not up yet", int(code))
			return
		}
		n.env.Provider.Handler().ServeHTTP(rw, r)
	}))
	t.Cleanup(n.srv.Close)
	w.register(n, n.srv.URL, 0)

	resp, body := w.do("GET", domain, "/p/alice/healthz", nil)
	if resp.StatusCode != http.StatusServiceUnavailable || strings.Contains(string(body), "did not prove") || !strings.Contains(string(body), "cannot answer the gateway's ownership challenge now") {
		t.Fatalf("challenge answered 503: got %d %s", resp.StatusCode, body)
	}
	failing.Store(0)
	clk.advance(6 * time.Second)
	if resp, body = w.do("GET", domain, "/p/alice/healthz", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("6 s after the endpoint answers again: %d %s", resp.StatusCode, body)
	}

	// A refusal: another name for the same endpoint, registered by
	// someone else, whose owner the endpoint does not sign for.
	squat := w.newNode("squat", 2, nil)
	w.register(squat, n.srv.URL, 0)
	for _, wait := range []time.Duration{0, 6 * time.Second} {
		clk.advance(wait)
		if resp, body = w.do("GET", domain, "/p/squat/healthz", nil); resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "did not prove") {
			t.Fatalf("%s after a refusal: %d %s", wait, resp.StatusCode, body)
		}
	}
}

// An endpoint that keeps failing its challenge transiently is asked again
// after 5 s, then 10, 20, ... up to a minute: a name registered on a
// server that answers 5xx cannot make every gateway hammer it.
func TestChallengeTransientBackoff(t *testing.T) {
	clk := &fakeClock{t: time.Now()}
	w := newWorld(t, gateway.Config{Now: clk.now})
	var challenges atomic.Int32
	n := w.newNode("alice", 1, nil)
	n.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == chain.ChallengePath {
			challenges.Add(1)
		}
		http.Error(rw, "down", http.StatusBadGateway)
	}))
	t.Cleanup(n.srv.Close)
	w.register(n, n.srv.URL, 0)
	// Two minutes of requests every second: 5 s, then 10, 20, 40, 60...
	for range 120 {
		w.do("GET", domain, "/p/alice/healthz", nil)
		clk.advance(time.Second)
	}
	if got := challenges.Load(); got < 4 || got > 8 {
		t.Errorf("%d challenges in 2 minutes of requests; want about 6 with backoff (24 without)", got)
	}
}

// Providers that could not be reached at the gateway's health check (a
// tunnel not dialled yet, an endpoint not started) are routable as soon
// as they can be reached (the tunnel logs in, the endpoint answers its
// challenge), not at the next check an hour later; and smart routing
// then picks them, the holders, over a provider that does not hold the
// function.
func TestNewProviderRoutable(t *testing.T) {
	clk := &fakeClock{t: time.Now()}
	w := newWorld(t, gateway.Config{Now: clk.now, HealthInterval: time.Hour})
	w.addDirect("alice", 1, 0) // up, holds neither function

	bob := w.newNode("bob", 2, nil) // tunnel only, not dialled yet
	bob.env.Server.Close()
	w.register(bob, "https://bob."+domain, 0)

	carol := w.newNode("carol", 3, nil) // an endpoint not serving yet
	var serving atomic.Bool
	carol.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if !serving.Load() {
			conn, _, _ := http.NewResponseController(rw).Hijack()
			conn.Close()
			return
		}
		carol.env.Provider.Handler().ServeHTTP(rw, r)
	}))
	t.Cleanup(carol.srv.Close)
	w.register(carol, carol.srv.URL, 0)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.gw.Run(ctx)
	eventually(t, "the first health check", func() bool {
		_, body := w.do("GET", domain, "/v1/providers", nil)
		var ps struct {
			Providers []struct{ Name, LastError string }
		}
		json.Unmarshal(body, &ps)
		down := 0
		for _, p := range ps.Providers {
			if p.LastError != "" {
				down++
			}
		}
		return down == 2
	})

	forBob := pack(t, templates.HelloWasm, map[string]string{"WHERE": "bob"})
	forCarol := pack(t, templates.HelloWasm, map[string]string{"WHERE": "carol"})
	w.deploy(forBob, "bob")
	bob.connect(w, "bob", bob.key)
	select {
	case <-bob.up:
	case err := <-bob.down:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("bob's tunnel not up in 10s")
	}
	serving.Store(true)
	w.deploy(forCarol, "carol")
	clk.advance(6 * time.Second) // carol's failed challenge is forgotten

	for name, fn := range map[string]string{"bob": forBob.CID.String(), "carol": forCarol.CID.String()} {
		resp, body := w.do("GET", domain, "/"+fn+"/", nil)
		if resp.StatusCode != http.StatusOK || routeField(resp, "provider") != name {
			t.Errorf("function held by %s only: %d, X-WF-Route %q: %s", name, resp.StatusCode, resp.Header.Get("X-WF-Route"), body)
		}
	}
}

// eventually waits up to 5 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 5s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A provider that said it does not hold a function, and then got it
// deployed, is preferred over a cheaper non-holder on the next request
// (seconds later), not after the 30 s an absence used to be remembered.
func TestDeployAfterNoIsSeen(t *testing.T) {
	clk := &fakeClock{t: time.Now()}
	w := newWorld(t, gateway.Config{Now: clk.now, MaxAttempts: 1})
	w.addDirect("alice", 1, 0)         // cheap, never holds it
	w.addDirect("bob", 2, 100_000_000) // dear: a non-holder ranks before it
	fn := pack(t, templates.HelloWasm, map[string]string{"WHERE": "bob"})
	path := "/" + fn.CID.String() + "/"
	if resp, body := w.do("GET", domain, path, nil); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("before any deploy: %d %s", resp.StatusCode, body)
	}
	w.deploy(fn, "bob")
	clk.advance(3 * time.Second)
	resp, body := w.do("GET", domain, path, nil)
	if resp.StatusCode != http.StatusOK || routeField(resp, "provider") != "bob" {
		t.Fatalf("3 s after the deploy to bob: %d, X-WF-Route %q: %s", resp.StatusCode, resp.Header.Get("X-WF-Route"), body)
	}
}

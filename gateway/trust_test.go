package gateway_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/gateway"
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

package dashboard_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/dashboard"
)

// clock is a settable Config.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func newClock() *clock               { return &clock{t: time.Unix(1_900_000_000, 0)} }
func serve(t *testing.T, cfg dashboard.Config) string {
	d, err := dashboard.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(d.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// A login nonce is good for five minutes, a session for SessionTTL.
func TestExpiry(t *testing.T) {
	c := newClock()
	base := serve(t, dashboard.Config{Now: c.now, SessionTTL: time.Hour})
	k := chain.DevKey(3)

	b := newBrowser(t, base)
	att, m := b.challenge()
	c.add(5*time.Minute + time.Second)
	status, body := b.login(att, m, k.Address(), k)
	wantPage(t, status, body, 403, "expired")

	b = signIn(t, base, k)
	c.add(time.Hour - time.Second)
	if status, body, _ := b.do("GET", "/functions", nil); status != 200 {
		t.Fatalf("a session an hour old less a second: %d %s", status, body)
	}
	c.add(time.Second)
	status, _, h := b.do("GET", "/functions", nil)
	if status != http.StatusSeeOther || h.Get("Location") != "/login" {
		t.Fatalf("an expired session: %d to %q, want 303 to /login", status, h.Get("Location"))
	}
	status, body, _ = b.do("POST", "/logout", url.Values{"csrf": {b.csrf}})
	wantPage(t, status, body, 403)
}

// Sessions are bounded: past MaxSessions sign-ins wait, the signed-in
// stay, and expired sessions make room.
func TestMaxSessions(t *testing.T) {
	c := newClock()
	base := serve(t, dashboard.Config{Now: c.now, SessionTTL: time.Hour, MaxSessions: 1})
	first := signIn(t, base, chain.DevKey(1))
	b := newBrowser(t, base)
	att, m := b.challenge()
	status, body := b.login(att, m, chain.DevKey(2).Address(), chain.DevKey(2))
	wantPage(t, status, body, http.StatusServiceUnavailable, "Too many")
	if status, _, _ := first.do("GET", "/functions", nil); status != 200 {
		t.Fatalf("the signed-in user lost the session: %d", status)
	}
	c.add(time.Hour)
	signIn(t, base, chain.DevKey(2))
}

// A provider that does not answer is named on every page, and nothing
// else breaks: the console of a node that is down says so.
func TestProviderDown(t *testing.T) {
	op := chain.DevKey(4)
	base := serve(t, dashboard.Config{Providers: []dashboard.Provider{{Name: "gone", URL: "http://127.0.0.1:1", Address: op.Address()}}})
	b := signIn(t, base, chain.DevKey(5))
	status, body, _ := b.do("GET", "/functions", nil)
	wantPage(t, status, body, 200, "Provider gone could not be read", "no functions")
	status, body, _ = b.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, "not connected to a chain")
	status, body, _ = b.do("GET", "/functions/bagaaieraq5rf2jqbqzgzqqi6qlzlrjhb2ih7qi2q6xpuqwcb3g6rojk4tlya", nil)
	wantPage(t, status, body, 404)
	o := signIn(t, base, op)
	status, body, _ = o.do("GET", "/admin", nil)
	wantPage(t, status, body, 200, "Operator console: gone", "down:", "There is no global user database")
}

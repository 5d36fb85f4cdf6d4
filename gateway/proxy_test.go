package gateway_test

import (
	"net/netip"
	"testing"

	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/wftest"
)

// Rate limits key on the client behind trusted proxies, and only behind
// them: anyone else's X-Forwarded-For is ignored.
func TestTrustedProxies(t *testing.T) {
	prefixes := func(ss ...string) []netip.Prefix {
		var ps []netip.Prefix
		for _, s := range ss {
			ps = append(ps, netip.MustParsePrefix(s))
		}
		return ps
	}
	// One request per client address, then 429 (for 1,000 s).
	type step struct {
		xff    string
		status int
	}
	run := func(t *testing.T, w *world, steps []step) {
		t.Helper()
		for i, s := range steps {
			resp, body := w.do("GET", domain, "/healthz", nil, "X-Forwarded-For", s.xff)
			if resp.StatusCode != s.status {
				t.Errorf("request %d (X-Forwarded-For %q): status %d, want %d: %s", i, s.xff, resp.StatusCode, s.status, body)
			}
		}
	}

	t.Run("untrusted peer", func(t *testing.T) {
		// The test connects from loopback, which is not trusted here.
		w := newWorld(t, gateway.Config{RateLimit: 0.001, RateBurst: 1, TrustedProxies: prefixes("10.0.0.0/8")})
		run(t, w, []step{
			{"198.51.100.1", 200},
			{"198.51.100.2", 429}, // a spoofed header does not buy a new bucket
			{"10.0.0.1", 429},
		})
	})

	w := newWorld(t, gateway.Config{RateLimit: 0.001, RateBurst: 1, TrustedProxies: prefixes("127.0.0.0/8", "::1/128", "10.0.0.0/8")})
	t.Run("one proxy", func(t *testing.T) {
		run(t, w, []step{
			{"198.51.100.1", 200},
			{"198.51.100.2", 200}, // another client, another bucket
			{"198.51.100.1", 429},
			{"6.6.6.6, 198.51.100.2", 429}, // what the client itself wrote is ignored
		})
	})
	t.Run("chain of proxies", func(t *testing.T) {
		run(t, w, []step{
			{"203.0.113.7, 10.0.0.2", 200},
			{"6.6.6.6, 203.0.113.7, 10.0.0.3", 429}, // the same client through another proxy
			{"203.0.113.8, 10.9.9.9", 200},
		})
	})
	t.Run("IPv6 per /64", func(t *testing.T) {
		run(t, w, []step{
			{"2001:db8:1::1", 200},
			{"[2001:db8:1::2]:4711", 429},
			{"2001:db8:2::1", 200},
		})
	})
	t.Run("X-Forwarded-For to the provider", func(t *testing.T) {
		w.addDirect("alice", 1, 0)
		fn := pack(t, wftest.GoGuest(t, guestDir), nil)
		w.deploy(fn, "alice")
		resp, body := w.do("GET", "alice."+domain, "/"+fn.CID.String()+"/echo", nil, "X-Forwarded-For", "6.6.6.6, 192.0.2.77, 10.0.0.5")
		e := wantEcho(t, resp, body)
		if got := e.Env["HTTP_X_FORWARDED_FOR"]; got != "192.0.2.77" {
			t.Errorf("the function saw X-Forwarded-For %q, want the client 192.0.2.77", got)
		}
	})
}

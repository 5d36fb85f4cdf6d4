package gateway_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/relay/relayclient"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

const guestDir = "sandbox/testdata/guest"

// echoed is what the test guest's /echo answers.
type echoed struct {
	Method, Path, Query, Body string
	Env                       map[string]string
}

func wantEcho(t *testing.T, resp *http.Response, body []byte) echoed {
	t.Helper()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d (route %q): %s", resp.StatusCode, resp.Header.Get(wf.RouteHeader), body)
	}
	var e echoed
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return e
}

func wantError(t *testing.T, resp *http.Response, body []byte, status int, code string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d; body %s", resp.StatusCode, status, body)
	}
	var e httperr.Body
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != code || e.Error.Message == "" {
		t.Fatalf("error body %s, want code %q with a message", body, code)
	}
}

// TestGateway runs the gateway against real providers on loopback and real
// registry contracts: two reached directly, one only through a tunnel, one
// registered on someone else's server, and one killed midway.
func TestGateway(t *testing.T) {
	// Long enough for the Go test guest under the race detector.
	const providerTimeout = 2 * time.Second
	w := newWorld(t, gateway.Config{
		MaxRequestBytes: 4 << 20,
		ProviderTimeout: providerTimeout,
		ProbeTimeout:    2 * time.Second,
	})
	// Prices make the ranking deterministic: dave, then bob, then alice
	// and carol (100,000 base units weigh as 1 s of latency).
	alice := w.addDirect("alice", 1, 100_000)
	bob := w.addDirect("bob", 2, 1_000)
	carol := w.addTunnelled("carol", 3, 200_000)
	dave := w.addDirect("dave", 5, 0)
	// mallory registers a name pointing at alice's server.
	if _, err := w.sim.Client(chain.DevKey(4)).RegisterProvider(w.ctx, chain.Provider{
		Name: "squat", Endpoint: alice.srv.URL, SealingKey: []byte{1},
	}); err != nil {
		t.Fatal(err)
	}
	w.sync()

	fn := pack(t, wftest.GoGuest(t, guestDir), nil)
	w.deploy(fn, "alice", "bob", "carol", "dave")
	only := pack(t, wftest.GoGuest(t, guestDir), map[string]string{"WHERE": "alice only"})
	w.deploy(only, "alice")
	f := "/" + fn.CID.String()

	t.Run("subdomain", func(t *testing.T) {
		resp, body := w.do("GET", "alice."+domain, f+"/echo?x=1", nil)
		e := wantEcho(t, resp, body)
		if e.Path != "/echo" || e.Query != "x=1" {
			t.Errorf("function saw path %q query %q", e.Path, e.Query)
		}
		if got := resp.Header.Get(wf.RouteHeader); got != "provider=alice; via=endpoint; reason=named; attempt=1" {
			t.Errorf("X-WF-Route %q", got)
		}
	})
	t.Run("path route", func(t *testing.T) {
		resp, body := w.do("POST", domain, "/p/bob"+f+"/echo/a%20b?y=2", strings.NewReader("hi"))
		e := wantEcho(t, resp, body)
		if e.Path != "/echo/a b" || e.Query != "y=2" || e.Body != "hi" || routeField(resp, "provider") != "bob" {
			t.Errorf("function saw %+v via %q", e, resp.Header.Get(wf.RouteHeader))
		}
		// The provider scopes the function's cookies to the path the
		// browser sees, which the gateway tells it in X-Forwarded-Prefix.
		if got := resp.Header.Values("Set-Cookie"); len(got) != 2 || got[0] != "a=1; Path=/p/bob"+f+"/" {
			t.Errorf("Set-Cookie through the path route: %q", got)
		}
		if got := resp.Header.Get("Content-Security-Policy"); !strings.HasPrefix(got, "sandbox ") {
			t.Errorf("Content-Security-Policy through the path route: %q", got)
		}
	})
	t.Run("header hygiene", func(t *testing.T) {
		resp, body := w.do("GET", "alice."+domain, f+"/echo", nil,
			"X-Forwarded-For", "6.6.6.6", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
			"Forwarded", "for=6.6.6.6", "X-Real-IP", "6.6.6.6", "True-Client-IP", "6.6.6.6",
			"Connection", "X-Secret", "X-Secret", "1", "Proxy-Authorization", "Basic eA==",
			wf.RouteHeader, "provider=spoofed", "X-Custom", "kept", "X-Forwarded-Prefix", "/elsewhere")
		e := wantEcho(t, resp, body)
		if got := resp.Header.Get("Set-Cookie"); got != "a=1; Path="+f+"/" {
			t.Errorf("Set-Cookie with a spoofed X-Forwarded-Prefix: %q", got)
		}
		want := map[string]string{
			"HTTP_X_FORWARDED_FOR":     "127.0.0.1",
			"HTTP_X_FORWARDED_HOST":    "alice." + domain,
			"HTTP_X_FORWARDED_PROTO":   "http",
			"HTTP_X_CUSTOM":            "kept",
			"HTTP_FORWARDED":           "",
			"HTTP_X_REAL_IP":           "",
			"HTTP_TRUE_CLIENT_IP":      "",
			"HTTP_X_SECRET":            "",
			"HTTP_PROXY_AUTHORIZATION": "",
			"HTTP_X_WF_ROUTE":          "",
			"HTTP_X_FORWARDED_PREFIX":  "",
		}
		for k, v := range want {
			if e.Env[k] != v {
				t.Errorf("%s = %q, want %q", k, e.Env[k], v)
			}
		}
	})
	t.Run("tunnel", func(t *testing.T) {
		big := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB each way
		resp, body := w.do("POST", "carol."+domain, f+"/echo", bytes.NewReader(big))
		e := wantEcho(t, resp, body)
		if e.Body != string(big) {
			t.Errorf("body through the tunnel: %d bytes, want %d", len(e.Body), len(big))
		}
		if got := resp.Header.Get(wf.RouteHeader); got != "provider=carol; via=tunnel; reason=named; attempt=1" {
			t.Errorf("X-WF-Route %q", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			name, method, host, path string
			body                     io.Reader
			status                   int
			code                     string
		}{
			{"unknown name", "GET", "nobody." + domain, f, nil, 404, "not_found"},
			{"foreign host", "GET", "example.com", f, nil, 404, "not_found"},
			{"nested subdomain", "GET", "a.alice." + domain, f, nil, 404, "not_found"},
			{"bad path name", "GET", domain, "/p/Not_A_Name" + f, nil, 400, "invalid_request"},
			{"no route", "GET", domain, "/nothing-here", nil, 404, "not_found"},
			{"squatted endpoint", "GET", "squat." + domain, f + "/echo", nil, 403, "forbidden"},
			{"oversized body", "POST", "alice." + domain, f + "/echo", bytes.NewReader(make([]byte, 5<<20)), 413, "too_large"},
			{"oversized chunked body", "POST", "alice." + domain, f + "/echo", io.MultiReader(bytes.NewReader(make([]byte, 5<<20))), 413, "too_large"},
			{"smart oversized chunked body", "POST", domain, f + "/echo", io.MultiReader(bytes.NewReader(make([]byte, 5<<20))), 413, "too_large"},
			{"routing loop", "GET", "alice." + domain, f + "/echo", nil, 503, "unavailable"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var hdr []string
				if tt.name == "routing loop" {
					hdr = []string{wf.HopsHeader, "4"}
				}
				resp, body := w.do(tt.method, tt.host, tt.path, tt.body, hdr...)
				wantError(t, resp, body, tt.status, tt.code)
			})
		}
	})
	t.Run("tunnel hijack", func(t *testing.T) {
		// mallory's key claims carol's name: refused, and carol stays.
		thief := &node{name: "carol", env: carol.env}
		thief.connect(w, "carol", chain.DevKey(4))
		select {
		case err := <-thief.done:
			if !errors.Is(err, relayclient.ErrRefused) {
				t.Fatalf("hijack ended with %v, want ErrRefused", err)
			}
		case <-thief.up:
			t.Fatal("the gateway accepted a tunnel for carol from another key")
		case <-time.After(10 * time.Second):
			t.Fatal("hijack attempt not refused in 10s")
		}
		resp, body := w.do("GET", "carol."+domain, f+"/echo", nil)
		wantEcho(t, resp, body)
		if routeField(resp, "via") != "tunnel" {
			t.Errorf("carol after the hijack attempt: %q", resp.Header.Get(wf.RouteHeader))
		}
	})
	t.Run("registry change", func(t *testing.T) {
		// alice points her name at bob's server: bob's key answers the
		// challenge, so the gateway refuses until she points it back.
		set := func(endpoint string) {
			if _, err := w.sim.Client(alice.key).UpdateProvider(w.ctx, chain.Provider{
				Name: "alice", Endpoint: endpoint, SealingKey: []byte{1}, PricePerRequest: big.NewInt(100_000),
			}); err != nil {
				t.Fatal(err)
			}
			w.sync()
		}
		set(bob.srv.URL)
		resp, body := w.do("GET", "alice."+domain, f+"/echo", nil)
		wantError(t, resp, body, 403, "forbidden")
		set(alice.srv.URL)
		resp, body = w.do("GET", "alice."+domain, f+"/echo", nil)
		wantEcho(t, resp, body)
	})
	t.Run("smart routing", func(t *testing.T) {
		resp, body := w.do("GET", domain, f+"/echo", nil)
		wantEcho(t, resp, body)
		if routeField(resp, "provider") != "dave" || !strings.Contains(resp.Header.Get(wf.RouteHeader), "reason=has-function") {
			t.Errorf("X-WF-Route %q, want dave (cheapest) with reason has-function", resp.Header.Get(wf.RouteHeader))
		}
		// Only alice holds this one, so she is chosen despite her price.
		resp, body = w.do("GET", domain, "/"+only.CID.String()+"/echo", nil)
		e := wantEcho(t, resp, body)
		if routeField(resp, "provider") != "alice" || e.Env["WHERE"] != "alice only" {
			t.Errorf("X-WF-Route %q, want alice", resp.Header.Get(wf.RouteHeader))
		}
	})
	t.Run("provider killed", func(t *testing.T) {
		dave.srv.Close()
		dave.srv.CloseClientConnections()
		for _, method := range []string{"GET", "POST"} { // a refused connection is safe to retry for any method
			start := time.Now()
			resp, body := w.do(method, domain, f+"/echo", strings.NewReader("x"))
			wantEcho(t, resp, body)
			t.Logf("%s with dave killed: %v, route %q", method, time.Since(start), resp.Header.Get(wf.RouteHeader))
			if routeField(resp, "provider") != "bob" {
				t.Errorf("%s: X-WF-Route %q, want bob", method, resp.Header.Get(wf.RouteHeader))
			}
		}
	})
	t.Run("provider hangs", func(t *testing.T) {
		bob.hang.Store(true)
		defer bob.hang.Store(false)
		start := time.Now()
		resp, body := w.do("GET", domain, f+"/echo", nil)
		elapsed := time.Since(start)
		wantEcho(t, resp, body)
		if p, failed := routeField(resp, "provider"), routeField(resp, "failed"); p == "bob" || !strings.Contains(failed, "bob:timeout") {
			t.Errorf("X-WF-Route %q, want another provider after bob:timeout", resp.Header.Get(wf.RouteHeader))
		}
		t.Logf("GET with bob hanging: %v (provider timeout %v)", elapsed, providerTimeout)
		if elapsed > providerTimeout+time.Second {
			t.Errorf("took %v with a %v provider timeout", elapsed, providerTimeout)
		}
		// A POST may have reached the function: it is not sent again.
		resp, body = w.do("POST", domain, f+"/echo", strings.NewReader("once"))
		wantError(t, resp, body, 504, "timeout")
		// Unless the caller says it is safe to.
		resp, body = w.do("POST", domain, f+"/echo", strings.NewReader("twice"), "Idempotency-Key", "k1")
		if e := wantEcho(t, resp, body); e.Body != "twice" {
			t.Errorf("replayed body %q", e.Body)
		}
	})
	t.Run("providers and metrics", func(t *testing.T) {
		resp, body := w.do("GET", domain, "/v1/providers", nil)
		var ps struct {
			Providers []struct {
				Name   string
				Tunnel bool
			}
		}
		if err := json.Unmarshal(body, &ps); err != nil || resp.StatusCode != 200 || len(ps.Providers) != 5 {
			t.Fatalf("/v1/providers: %d %s", resp.StatusCode, body)
		}
		for _, p := range ps.Providers {
			if p.Tunnel != (p.Name == "carol") {
				t.Errorf("%s tunnel=%v", p.Name, p.Tunnel)
			}
		}
		_, body = w.do("GET", domain, "/metrics", nil)
		for _, want := range []string{
			// Alice's reason depends on how her probe went under load.
			`wf_gateway_route_choices_total{provider="alice",reason=`,
			`wf_gateway_route_choices_total{provider="carol",reason="named",via="tunnel"}`,
			`wf_gateway_provider_failures_total{kind="connect",provider="dave"}`,
			`wf_gateway_provider_failures_total{kind="timeout",provider="bob"}`,
			`wf_gateway_endpoint_challenges_total{result="refused"}`,
			`wf_gateway_tunnels 1`,
			`wf_gateway_tunnel_connections `,
		} {
			if !strings.Contains(string(body), want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}

func TestProviderChallenge(t *testing.T) {
	key := chain.DevKey(7)
	with := wftest.New(t, wftest.Options{Provider: provider.Config{Key: key}})
	without := wftest.New(t, wftest.Options{})
	n := wf.NewNonce()
	tests := []struct {
		name, base, query string
		status            int
	}{
		{"ok", with.URL, "nonce=" + n.String() + "&gateway=gw.example", 200},
		{"no nonce", with.URL, "gateway=gw.example", 400},
		{"short nonce", with.URL, "nonce=abcd&gateway=gw.example", 400},
		{"no gateway", with.URL, "nonce=" + n.String(), 400},
		{"no key", without.URL, "nonce=" + n.String() + "&gateway=gw.example", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(tt.base + chain.ChallengePath + "?" + tt.query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.status {
				b, _ := io.ReadAll(resp.Body)
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, b)
			}
			if tt.status != 200 {
				return
			}
			var p chain.Proof
			if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
				t.Fatal(err)
			}
			if p.Address != key.Address() || p.Verify(wf.EndpointChallenge{Gateway: "gw.example", Nonce: n}) != nil {
				t.Fatalf("proof %+v does not verify for %s", p, key.Address())
			}
			if p.Verify(wf.TunnelLogin{Gateway: "gw.example", Nonce: n}) == nil {
				t.Fatal("an endpoint proof passed as a tunnel login")
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	w := newWorld(t, gateway.Config{RateLimit: 1, RateBurst: 2})
	for i := range 2 {
		if resp, body := w.do("GET", domain, "/healthz", nil); resp.StatusCode != 200 {
			t.Fatalf("request %d: %d %s", i, resp.StatusCode, body)
		}
	}
	resp, body := w.do("GET", domain, "/healthz", nil)
	wantError(t, resp, body, 429, "rate_limited")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
}

// Slow clients hold a connection only as long as the timeouts allow.
func TestSlowClients(t *testing.T) {
	w := newWorld(t, gateway.Config{HeaderTimeout: 200 * time.Millisecond, RequestTimeout: 500 * time.Millisecond})
	w.addDirect("alice", 1, 0)
	fn := pack(t, wftest.GoGuest(t, guestDir), nil)
	w.deploy(fn, "alice")
	addr := strings.TrimPrefix(w.url, "http://")
	tests := []struct {
		name  string
		head  string // sent at once
		drip  string // then one byte every 50 ms
		limit time.Duration
	}{
		{"header trickle", "GET /healthz HTTP/1.1\r\nHost: " + domain + "\r\n", strings.Repeat("X-Slow: 1\r\n", 100), 200 * time.Millisecond},
		{"body trickle", "POST /" + fn.CID.String() + "/echo HTTP/1.1\r\nHost: alice." + domain + "\r\nContent-Length: 1000\r\n\r\n", strings.Repeat("x", 1000), 500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			start := time.Now()
			if _, err := io.WriteString(c, tt.head); err != nil {
				t.Fatal(err)
			}
			closed := make(chan struct{})
			var got string
			go func() {
				b, _ := io.ReadAll(bufio.NewReader(c)) // until the server closes
				got = string(b)
				close(closed)
			}()
		drip:
			for i := 0; i < len(tt.drip); i++ {
				if _, err := c.Write([]byte{tt.drip[i]}); err != nil {
					break // the server hung up
				}
				select {
				case <-closed:
					break drip
				case <-time.After(50 * time.Millisecond):
				}
				if time.Since(start) > 5*time.Second {
					t.Fatal("connection still open after 5s")
				}
			}
			select {
			case <-closed:
				took := time.Since(start)
				t.Logf("closed after %v: %q", took, got)
				if took > tt.limit+time.Second {
					t.Errorf("closed after %v, limit %v", took, tt.limit)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("connection still open after 5s")
			}
		})
	}
}

// Run's health checks mark a provider that stopped answering as down, so
// smart routing stops trying it first.
func TestHealthChecks(t *testing.T) {
	w := newWorld(t, gateway.Config{HealthInterval: 50 * time.Millisecond, ProbeTimeout: 200 * time.Millisecond})
	w.addDirect("alice", 1, 0)
	bob := w.addDirect("bob", 2, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.gw.Run(ctx)
	up := func(name string) (bool, bool) {
		_, body := w.do("GET", domain, "/v1/providers", nil)
		var ps struct {
			Providers []struct {
				Name      string
				Up        bool
				LatencyMS float64
			}
		}
		json.Unmarshal(body, &ps)
		for _, p := range ps.Providers {
			if p.Name == name {
				return p.Up, p.LatencyMS > 0
			}
		}
		return false, false
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 5s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("bob measured", func() bool { u, m := up("bob"); return u && m })
	bob.srv.Close()
	waitFor("bob down", func() bool { u, _ := up("bob"); return !u })
	if u, _ := up("alice"); !u {
		t.Error("alice marked down")
	}
}

package relayserver_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/relay/relayclient"
	"github.com/webfunctions/wf/relay/relayserver"
	"github.com/webfunctions/wf/wf"
)

// registry is a working in-memory name -> owner table.
type registry map[string]*chain.Key

func (r registry) owner(_ context.Context, name string) (wf.Address, error) {
	k := r[name]
	if k == nil {
		return wf.Address{}, fmt.Errorf("%w: %q", wf.ErrNotFound, name)
	}
	return k.Address(), nil
}

func (r registry) names(_ context.Context, a wf.Address) ([]string, error) {
	var ns []string
	for n, k := range r {
		if k.Address() == a {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	return ns, nil
}

// gateway serves a relay server on loopback as gw.test.
func gateway(t testing.TB, reg registry) (*relayserver.Server, *httptest.Server) {
	t.Helper()
	return gatewayConfig(t, reg, relayserver.Config{})
}

// gatewayConfig is gateway with cfg's limits.
func gatewayConfig(t testing.TB, reg registry, cfg relayserver.Config) (*relayserver.Server, *httptest.Server) {
	t.Helper()
	cfg.Gateway, cfg.Owner, cfg.Names, cfg.Verifier = "gw.test", reg.owner, reg.names, chain.Verifier{}
	s, err := relayserver.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(relay.Path, s.Handler())
	hs := httptest.NewServer(mux)
	t.Cleanup(func() { s.Close(); hs.Close() })
	return s, hs
}

type conn struct {
	stop func() // ends the client and waits for it
	up   chan []string
	down chan error
	done chan error
}

// dial runs a relay client until the test ends.
func dial(t testing.TB, hs *httptest.Server, host, name string, key *chain.Key, h http.Handler) *conn {
	t.Helper()
	return dialConfig(t, relayclient.Config{Gateway: hs.URL, Host: host, Name: name, Key: key, Handler: h})
}

// dialConfig runs a relay client with cfg (its callbacks and backoff set
// here) until the test ends.
func dialConfig(t testing.TB, cfg relayclient.Config) *conn {
	t.Helper()
	c := &conn{up: make(chan []string, 16), down: make(chan error, 16), done: make(chan error, 1)}
	cfg.MinBackoff, cfg.MaxBackoff = 10*time.Millisecond, 50*time.Millisecond
	cfg.OnUp = func(ns []string) {
		select {
		case c.up <- ns:
		default:
		}
	}
	cfg.OnDown = func(err error) {
		select {
		case c.down <- err:
		default:
		}
	}
	rc, err := relayclient.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() { c.done <- rc.Run(ctx); close(finished) }()
	c.stop = func() { cancel(); <-finished }
	t.Cleanup(c.stop)
	return c
}

// waitRetrying waits for n failed logins whose errors mention want,
// failing if the client gives up instead.
func (c *conn) waitRetrying(t testing.TB, n int, want string) {
	t.Helper()
	for range n {
		select {
		case err := <-c.down:
			if !strings.Contains(err.Error(), want) {
				t.Fatalf("down: %v", err)
			}
		case err := <-c.done:
			t.Fatalf("gave up: %v", err)
		case <-time.After(10 * time.Second):
			t.Fatal("no refused login in 10s")
		}
	}
}

func (c *conn) waitUp(t testing.TB) []string {
	t.Helper()
	select {
	case ns := <-c.up:
		return ns
	case err := <-c.done:
		t.Fatalf("client stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("tunnel not up in 10s")
	}
	return nil
}

var hello = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello from %s%s", r.Host, r.URL.Path)
})

func get(t testing.TB, tn *relayserver.Tunnel, path string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", "http://alice"+path, nil)
	resp, err := tn.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestLogin(t *testing.T) {
	alice, mallory := chain.DevKey(1), chain.DevKey(2)
	reg := registry{"alice": alice, "alice2": alice}
	tests := []struct {
		name, host, login string
		key               *chain.Key
		names             []string // served; nil: refused
	}{
		{"named", "gw.test", "alice", alice, []string{"alice"}},
		{"all my names", "gw.test", "", alice, []string{"alice", "alice2"}},
		{"another's name", "gw.test", "alice", mallory, nil},
		{"no names held", "gw.test", "", mallory, nil},
		{"signed for another gateway", "evil.test", "alice", alice, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, hs := gateway(t, reg)
			c := dial(t, hs, tt.host, tt.login, tt.key, hello)
			if tt.names == nil {
				select {
				case err := <-c.done:
					if !errors.Is(err, relayclient.ErrRefused) {
						t.Fatalf("Run: %v, want ErrRefused", err)
					}
				case <-c.up:
					t.Fatal("tunnel accepted")
				case <-time.After(10 * time.Second):
					t.Fatal("not refused in 10s")
				}
				if s.Tunnel("alice") != nil {
					t.Fatal("a refused login left a tunnel")
				}
				return
			}
			if got := c.waitUp(t); !slices.Equal(got, tt.names) {
				t.Fatalf("serving %v, want %v", got, tt.names)
			}
			for _, n := range tt.names {
				tn := s.Tunnel(n)
				if tn == nil || tn.Owner() != alice.Address() {
					t.Fatalf("no tunnel for %s", n)
				}
				if got := get(t, tn, "/x"); got != "hello from alice/x" {
					t.Fatalf("through the tunnel: %q", got)
				}
			}
		})
	}
	t.Run("unknown name is retried", func(t *testing.T) {
		_, hs := gateway(t, reg)
		dial(t, hs, "gw.test", "nobody", alice, hello).waitRetrying(t, 2, "not_found") // refused twice, and still trying
	})
}

// Bodies stream both ways: the provider answers each chunk of the request
// while the caller is still sending the next.
func TestStreamsBothWays(t *testing.T) {
	alice := chain.DevKey(1)
	s, hs := gateway(t, registry{"alice": alice})
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		rc.EnableFullDuplex()
		w.WriteHeader(200)
		rc.Flush()
		sc := bufio.NewScanner(r.Body)
		for sc.Scan() {
			fmt.Fprintf(w, "echo %s\n", sc.Text())
			rc.Flush()
		}
	})
	dial(t, hs, "gw.test", "alice", alice, echo).waitUp(t)
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", "http://alice/", pr)
	resp, err := s.Tunnel("alice").RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := bufio.NewReader(resp.Body)
	for i := range 5 {
		fmt.Fprintf(pw, "line %d\n", i)
		got, err := lines.ReadString('\n')
		if err != nil || got != fmt.Sprintf("echo line %d\n", i) {
			t.Fatalf("chunk %d: %q, %v", i, got, err)
		}
	}
	pw.Close()
	if rest, _ := io.ReadAll(lines); len(rest) != 0 {
		t.Fatalf("trailing %q", rest)
	}
}

// A tunnel that drops comes back by itself; a second instance with the
// same key shares the pool, and serves alone once the first stops.
func TestReconnect(t *testing.T) {
	alice := chain.DevKey(1)
	s, hs := gateway(t, registry{"alice": alice})
	c := dial(t, hs, "gw.test", "alice", alice, hello)
	c.waitUp(t)
	old := s.Tunnel("alice")
	old.Close()
	// The provider notices its connections closing and dials new ones
	// (which may log in before the last old one is seen to close, so
	// OnDown is not certain).
	waitFor(t, "a request through a new tunnel", func() bool {
		tn := s.Tunnel("alice")
		if tn == nil || tn == old {
			return false
		}
		req, _ := http.NewRequest("GET", "http://alice/again", nil)
		resp, err := tn.RoundTrip(req)
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b) == "hello from alice/again"
	})

	// A second instance with the same key joins the pool; when the first
	// stops, the second serves alone.
	second := dial(t, hs, "gw.test", "alice", alice, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "second")
	}))
	second.waitUp(t)
	tn := s.Tunnel("alice")
	waitFor(t, "both instances' idle connections", func() bool { return tn.Conns() >= 4 })
	c.stop()
	waitFor(t, "the first instance's connections to go", func() bool { return tn.Conns() == 2 })
	for range 4 {
		if got := get(t, s.Tunnel("alice"), "/"); got != "second" {
			t.Fatalf("after the first instance stopped: %q", got)
		}
	}
}

// Closing the server closes every connection and refuses new logins.
func TestClose(t *testing.T) {
	alice := chain.DevKey(1)
	s, hs := gateway(t, registry{"alice": alice, "alice2": alice})
	c := dial(t, hs, "gw.test", "", alice, hello) // every name: each connection in two tunnels
	c.waitUp(t)
	waitFor(t, "2 idle connections", func() bool { return s.Conns() == 2 })
	s.Close()
	if s.Len() != 0 || s.Conns() != 0 {
		t.Fatalf("after Close: %d names, %d connections", s.Len(), s.Conns())
	}
	for deadline := time.After(10 * time.Second); ; {
		select {
		case err := <-c.down:
			if !strings.Contains(err.Error(), "shutting down") {
				continue // the tunnel ending
			}
		case <-deadline:
			t.Fatal("no login refused in 10s")
		}
		break
	}
	if s.Conns() != 0 {
		t.Fatalf("%d connections after a refused login", s.Conns())
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s in 10s", what)
		}
	}
}

// blocker is a handler that holds each request until released, counting
// arrivals.
type blocker struct {
	arrived chan struct{}
	release chan struct{}
}

func newBlocker() *blocker {
	return &blocker{arrived: make(chan struct{}, 100), release: make(chan struct{})}
}

func (b *blocker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.arrived <- struct{}{}
	<-b.release
	io.WriteString(w, "done")
}

func (b *blocker) wait(t testing.TB, n int) {
	t.Helper()
	for i := range n {
		select {
		case <-b.arrived:
		case <-time.After(10 * time.Second):
			t.Fatalf("%d of %d requests reached the provider in 10s", i, n)
		}
	}
}

// fetch sends n GETs at once, reporting each one's body or error.
func fetch(tn *relayserver.Tunnel, n int) chan string {
	out := make(chan string, n)
	for range n {
		go func() {
			req, _ := http.NewRequest("GET", "http://alice/", nil)
			resp, err := tn.RoundTrip(req)
			if err != nil {
				out <- "error: " + err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			out <- string(b)
		}()
	}
	return out
}

// The provider keeps Idle connections waiting; each request takes one
// and a replacement is dialed, so more requests than Idle run at once.
func TestPool(t *testing.T) {
	alice := chain.DevKey(1)
	t.Run("replacement and more than idle at once", func(t *testing.T) {
		s, hs := gateway(t, registry{"alice": alice})
		b := newBlocker()
		dialConfig(t, relayclient.Config{Gateway: hs.URL, Host: "gw.test", Name: "alice", Key: alice, Handler: b, Idle: 2}).waitUp(t)
		tn := s.Tunnel("alice")
		waitFor(t, "2 idle connections", func() bool { return tn.Conns() == 2 })
		got := fetch(tn, 1)
		b.wait(t, 1)
		waitFor(t, "a replacement for the busy one", func() bool { return tn.Conns() == 3 })
		got2 := fetch(tn, 7)
		b.wait(t, 7) // all 8 in the handler at once
		waitFor(t, "8 busy and 2 idle connections", func() bool { return tn.Conns() == 10 })
		close(b.release)
		for range 8 {
			var r string
			select {
			case r = <-got:
			case r = <-got2:
			}
			if r != "done" {
				t.Fatalf("request: %q", r)
			}
		}
	})
	t.Run("cap", func(t *testing.T) {
		s, hs := gatewayConfig(t, registry{"alice": alice}, relayserver.Config{MaxConns: 3, QueueWait: 200 * time.Millisecond})
		b := newBlocker()
		c := dialConfig(t, relayclient.Config{Gateway: hs.URL, Host: "gw.test", Name: "alice", Key: alice, Handler: b, Idle: 2})
		c.waitUp(t)
		tn := s.Tunnel("alice")
		got := fetch(tn, 3)
		b.wait(t, 3)
		c.waitRetrying(t, 2, "unavailable") // the provider's replacements are refused, and it keeps trying
		if n := s.Conns(); n != 3 {
			t.Fatalf("%d connections, cap 3", n)
		}
		start := time.Now()
		req, _ := http.NewRequest("GET", "http://alice/", nil)
		_, err := tn.RoundTrip(req)
		var op *net.OpError
		if !errors.As(err, &op) || op.Op != "dial" || !errors.Is(err, wf.ErrUnavailable) {
			t.Fatalf("a request over the cap: %v, want a dial error matching ErrUnavailable", err)
		}
		if d := time.Since(start); d < 150*time.Millisecond {
			t.Fatalf("refused after %s, want a wait of QueueWait", d)
		}
		close(b.release)
		for range 3 {
			if r := <-got; r != "done" {
				t.Fatalf("request: %q", r)
			}
		}
		if r := <-fetch(tn, 1); r != "done" {
			t.Fatalf("after the burst: %q", r)
		}
	})
	t.Run("a moment without connections", func(t *testing.T) {
		// One connection at most, closed after each request: between a
		// request and the replacement's login the pool is empty, and the
		// tunnel must outlive that.
		s, hs := gateway(t, registry{"alice": alice})
		closing := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Connection", "close")
			io.WriteString(w, "done")
		})
		dialConfig(t, relayclient.Config{Gateway: hs.URL, Host: "gw.test", Name: "alice", Key: alice, Handler: closing, Idle: 1, MaxConns: 1}).waitUp(t)
		tn := s.Tunnel("alice")
		for i := range 5 {
			if r := <-fetch(tn, 1); r != "done" {
				t.Fatalf("request %d: %q", i, r)
			}
		}
		if s.Tunnel("alice") != tn {
			t.Fatal("the tunnel was replaced")
		}
	})
	t.Run("dead idle connection replaced", func(t *testing.T) {
		s, hs := gateway(t, registry{"alice": alice})
		var mu sync.Mutex
		var raw []net.Conn
		hc := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err == nil {
				mu.Lock()
				raw = append(raw, c)
				mu.Unlock()
			}
			return c, err
		}}}
		dialConfig(t, relayclient.Config{Gateway: hs.URL, Host: "gw.test", Name: "alice", Key: alice, Handler: hello, HTTPClient: hc}).waitUp(t)
		tn := s.Tunnel("alice")
		waitFor(t, "2 idle connections", func() bool { return tn.Conns() == 2 })
		mu.Lock()
		raw[0].Close() // as a network failure would, under both ends
		mu.Unlock()
		waitFor(t, "a third connection dialed", func() bool { mu.Lock(); defer mu.Unlock(); return len(raw) == 3 })
		waitFor(t, "2 live connections", func() bool { return tn.Conns() == 2 })
		for i := range 4 { // none of them gets the dead one
			if got := get(t, tn, "/"); got != "hello from alice/" {
				t.Fatalf("request %d: %q", i, got)
			}
		}
	})
}

// BenchmarkThroughput moves 1 MiB through a tunnel and through the same
// handler served directly on loopback (HTTP/1.1), alternating within each
// iteration (which goes first alternates too) so the machine's load weighs
// on both alike. echo sends 1 MiB and gets it back (MB/s count both
// directions); download gets 1 MiB that the handler writes at once, as a
// provider serves a block. Each reports both MB/s, the ratio of total
// times and the median of the per-iteration ratios, which a burst of
// load on a shared machine moves less.
//
//	go test -run '^$' -bench Throughput -benchtime 300x ./relay/relayserver/
func BenchmarkThroughput(b *testing.B) {
	body := bytes.Repeat([]byte{'x'}, 1<<20)
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.Copy(w, r.Body) })
	download := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body)
	})
	b.Run("echo", func(b *testing.B) { throughput(b, echo, body, body) })
	b.Run("download", func(b *testing.B) { throughput(b, download, nil, body) })
}

// throughput sends up (nil: a GET) to h directly and through a tunnel and
// checks that down comes back.
func throughput(b *testing.B, h http.Handler, up, down []byte) {
	alice := chain.DevKey(1)
	hs := httptest.NewServer(h)
	defer hs.Close()
	s, gw := gateway(b, registry{"alice": alice})
	dial(b, gw, "gw.test", "alice", alice, h).waitUp(b)
	buf := make([]byte, 128<<10)
	one := func(rt http.RoundTripper, url string) time.Duration {
		start := time.Now()
		method, body := "GET", io.Reader(nil)
		if up != nil {
			method, body = "POST", bytes.NewReader(up)
		}
		req, _ := http.NewRequest(method, url, body)
		resp, err := rt.RoundTrip(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.CopyBuffer(struct{ io.Writer }{io.Discard}, resp.Body, buf)
		resp.Body.Close()
		if n != int64(len(down)) {
			b.Fatalf("got %d bytes, want %d", n, len(down))
		}
		return time.Since(start)
	}
	tn := s.Tunnel("alice")
	routes := []struct {
		rt  http.RoundTripper
		url string
	}{{http.DefaultTransport, hs.URL}, {tn, "http://alice/"}}
	for _, r := range routes {
		one(r.rt, r.url)
	}
	var took [2]time.Duration
	var ratios []float64
	iter := 0
	for b.Loop() {
		var d [2]time.Duration
		for k := range routes {
			i := (k + iter) % len(routes)
			d[i] = one(routes[i].rt, routes[i].url)
			took[i] += d[i]
		}
		ratios = append(ratios, d[0].Seconds()/d[1].Seconds())
		iter++
	}
	slices.Sort(ratios)
	mbs := func(d time.Duration) float64 { return float64((len(up)+len(down))*b.N) / d.Seconds() / 1e6 }
	b.ReportMetric(mbs(took[0]), "direct-MB/s")
	b.ReportMetric(mbs(took[1]), "tunnel-MB/s")
	b.ReportMetric(took[0].Seconds()/took[1].Seconds(), "tunnel/direct")
	b.ReportMetric(ratios[len(ratios)/2], "tunnel/direct-p50")
}

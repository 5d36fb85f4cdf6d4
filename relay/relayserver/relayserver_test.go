package relayserver_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
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
	s, err := relayserver.New(relayserver.Config{Gateway: "gw.test", Owner: reg.owner, Names: reg.names})
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
	up   chan []string
	down chan error
	done chan error
}

// dial runs a relay client until the test ends.
func dial(t testing.TB, hs *httptest.Server, host, name string, key *chain.Key, h http.Handler) *conn {
	t.Helper()
	c := &conn{up: make(chan []string, 16), down: make(chan error, 16), done: make(chan error, 1)}
	rc, err := relayclient.New(relayclient.Config{
		Gateway: hs.URL, Host: host, Name: name, Key: key, Handler: h,
		MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		OnUp: func(ns []string) {
			select {
			case c.up <- ns:
			default:
			}
		},
		OnDown: func(err error) {
			select {
			case c.down <- err:
			default:
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() { c.done <- rc.Run(ctx); close(finished) }()
	t.Cleanup(func() { cancel(); <-finished })
	return c
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
		c := dial(t, hs, "gw.test", "nobody", alice, hello)
		for range 2 { // refused twice, and still trying
			select {
			case err := <-c.down:
				if !strings.Contains(err.Error(), "not_found") {
					t.Fatalf("down: %v", err)
				}
			case err := <-c.done:
				t.Fatalf("gave up: %v", err)
			case <-time.After(10 * time.Second):
				t.Fatal("no attempt in 10s")
			}
		}
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

// A tunnel that drops comes back by itself; a second connection for the
// same name stands by and takes over.
func TestReconnect(t *testing.T) {
	alice := chain.DevKey(1)
	s, hs := gateway(t, registry{"alice": alice})
	c := dial(t, hs, "gw.test", "alice", alice, hello)
	c.waitUp(t)
	s.Tunnel("alice").Close()
	select {
	case <-c.down:
	case <-time.After(10 * time.Second):
		t.Fatal("client did not notice the tunnel closing")
	}
	c.waitUp(t)
	if got := get(t, s.Tunnel("alice"), "/again"); got != "hello from alice/again" {
		t.Fatalf("after reconnect: %q", got)
	}

	second := dial(t, hs, "gw.test", "alice", alice, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "second")
	}))
	second.waitUp(t)
	if got := get(t, s.Tunnel("alice"), "/"); got != "second" {
		t.Fatalf("newest tunnel not preferred: %q", got)
	}
	s.Tunnel("alice").Close()
	if got := get(t, s.Tunnel("alice"), "/first"); got != "hello from alice/first" {
		t.Fatalf("older tunnel did not take over: %q", got)
	}
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

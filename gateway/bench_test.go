package gateway_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// request is one way of calling the same thing.
type request struct {
	name   string
	url    string
	host   string // Host header; empty: the URL's
	method string
	body   []byte
}

func (r request) do(b *testing.B, c *http.Client) int64 {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequest(r.method, r.url, body)
	if err != nil {
		b.Fatal(err)
	}
	if r.host != "" {
		req.Host = r.host
	}
	resp, err := c.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	n, _ := io.CopyBuffer(struct{ io.Writer }{io.Discard}, resp.Body, make([]byte, 128<<10))
	resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("%s: status %d", r.name, resp.StatusCode)
	}
	return n
}

func keepAlive() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
}

// BenchmarkLatency calls a small function (the AssemblyScript hello
// template) on a provider directly and through each of the gateway's
// routes, in turn within each iteration so that the machine's load weighs
// on all alike. It reports each route's median and 90th percentile, and
// the median of the per-iteration difference from the direct call: what
// the gateway adds.
//
//	go test -run '^$' -bench Latency -benchtime 2000x ./gateway/
func BenchmarkLatency(b *testing.B) {
	w := newWorld(b, gateway.Config{})
	alice := w.addDirect("alice", 1, 0)
	w.addTunnelled("carol", 3, 1_000_000) // priced out of smart routing
	fn := pack(b, templates.HelloWasm, nil)
	w.deploy(fn, "alice", "carol")
	path := "/" + fn.CID.String() + "/?name=bench"
	routes := []request{
		{name: "direct", url: alice.srv.URL + path},
		{name: "named", url: w.url + path, host: "alice." + domain},
		{name: "path", url: w.url + "/p/alice" + path, host: domain},
		{name: "smart", url: w.url + path, host: domain},
		{name: "tunnel", url: w.url + path, host: "carol." + domain},
	}
	clients := make([]*http.Client, len(routes))
	for i := range routes {
		routes[i].method = "GET"
		clients[i] = keepAlive()
		for range 20 { // warm connections, caches and probes
			routes[i].do(b, clients[i])
		}
	}
	lat := make([][]time.Duration, len(routes))
	added := make([][]time.Duration, len(routes))
	for b.Loop() {
		var direct time.Duration
		for i, r := range routes {
			start := time.Now()
			r.do(b, clients[i])
			d := time.Since(start)
			lat[i] = append(lat[i], d)
			if i == 0 {
				direct = d
			} else {
				added[i] = append(added[i], d-direct)
			}
		}
	}
	us := func(d time.Duration) float64 { return float64(d.Microseconds()) }
	for i, r := range routes {
		slices.Sort(lat[i])
		b.ReportMetric(us(lat[i][len(lat[i])/2]), r.name+"-p50-µs")
		b.ReportMetric(us(lat[i][len(lat[i])*9/10]), r.name+"-p90-µs")
		if i > 0 {
			slices.Sort(added[i])
			b.ReportMetric(us(added[i][len(added[i])/2]), r.name+"-added-p50-µs")
		}
	}
}

// BenchmarkThroughput downloads a 1 MiB raw block from a provider's
// trustless gateway directly, through the gateway to the provider's
// endpoint, and through the gateway and a tunnel, in turn within each
// iteration (the order rotating, so no route always runs right after
// another's garbage) so the machine's load weighs on all alike. No
// function runs, so the transport is what is measured (a function's own
// time would hide it); relayserver's BenchmarkThroughput measures the
// tunnel alone. Each route reports MB/s, its ratio to direct of total
// times, and the median of the per-iteration ratios, which a burst of
// load on a shared machine moves less.
//
//	go test -run '^$' -bench Throughput -benchtime 200x ./gateway/
func BenchmarkThroughput(b *testing.B) {
	w := newWorld(b, gateway.Config{})
	alice := w.addDirect("alice", 1, 0)
	carol := w.addTunnelled("carol", 3, 0)
	data := bytes.Repeat([]byte("0123456789abcdef"), 1<<16)
	sum := sha256.Sum256(data)
	block, err := wf.NewCIDv1(0x55, append([]byte{0x12, 0x20}, sum[:]...))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []*node{alice, carol} {
		if err := n.env.Store.Put(context.Background(), block, data); err != nil {
			b.Fatal(err)
		}
	}
	get := "/ipfs/" + block.String() + "?format=raw"
	routes := []request{
		{name: "direct", url: alice.srv.URL + get, method: "GET"},
		{name: "gateway-endpoint", url: w.url + get, host: "alice." + domain, method: "GET"},
		{name: "gateway-tunnel", url: w.url + get, host: "carol." + domain, method: "GET"},
	}
	clients := make([]*http.Client, len(routes))
	for i := range routes {
		clients[i] = keepAlive()
		routes[i].do(b, clients[i])
	}
	took := make([]time.Duration, len(routes))
	d := make([]time.Duration, len(routes))
	ratios := make([][]float64, len(routes)) // per iteration, direct's time over the route's
	iter := 0
	for b.Loop() {
		for k := range routes {
			i := (k + iter) % len(routes)
			start := time.Now()
			if n := routes[i].do(b, clients[i]); n != int64(len(data)) {
				b.Fatalf("%s: got %d bytes", routes[i].name, n)
			}
			d[i] = time.Since(start)
			took[i] += d[i]
		}
		for i := 1; i < len(routes); i++ {
			ratios[i] = append(ratios[i], d[0].Seconds()/d[i].Seconds())
		}
		iter++
	}
	for i, r := range routes {
		b.ReportMetric(float64(len(data)*b.N)/took[i].Seconds()/1e6, r.name+"-MB/s")
		if i > 0 {
			b.ReportMetric(took[0].Seconds()/took[i].Seconds(), r.name+"/direct")
			slices.Sort(ratios[i])
			b.ReportMetric(ratios[i][len(ratios[i])/2], r.name+"/direct-p50")
		}
	}
}

// BenchmarkFailover measures a GET that smart routing first sends to a
// provider that was just killed (connection refused) or hangs (answers
// nothing within ProviderTimeout, 200 ms here) before another answers.
// Each iteration registers a fresh cheapest provider, warms it up, then
// breaks it, so every measured request meets a failure the gateway has
// not seen yet.
//
//	go test -run '^$' -bench Failover -benchtime 20x ./gateway/
func BenchmarkFailover(b *testing.B) {
	const timeout = 200 * time.Millisecond
	for _, mode := range []string{"killed", "hung"} {
		b.Run(mode, func(b *testing.B) {
			w := newWorld(b, gateway.Config{ProviderTimeout: timeout, ProbeTimeout: 2 * time.Second})
			base := w.addDirect("base", 1, 1_000_000) // never chosen itself
			w.addDirect("good", 2, 1_000)
			fn := pack(b, templates.HelloWasm, nil)
			w.deploy(fn, "base", "good")
			r := request{url: w.url + "/" + fn.CID.String() + "/", host: domain, method: "GET"}
			c := keepAlive()
			var worst time.Duration
			lat := make([]time.Duration, 0, b.N)
			i := 0
			for b.Loop() {
				b.StopTimer()
				i++
				bad := w.alias(base, fmt.Sprintf("%s%d", mode, i), 0)
				if got := r.route(b, c); !strings.Contains(got, "provider="+bad.name) {
					b.Fatalf("warm-up went to %q", got)
				}
				if mode == "killed" {
					bad.srv.Close()
				} else {
					bad.hang.Store(true)
				}
				b.StartTimer()
				start := time.Now()
				got := r.route(b, c)
				d := time.Since(start)
				if !strings.Contains(got, "provider=good") || !strings.Contains(got, "failed="+bad.name+":") {
					b.Fatalf("route %q", got)
				}
				lat = append(lat, d)
				worst = max(worst, d)
				b.StopTimer()
				bad.hang.Store(false)
				bad.srv.Close()
				if _, err := w.sim.Client(bad.key).DeregisterProvider(w.ctx, bad.name); err != nil {
					b.Fatal(err)
				}
				w.sync()
				b.StartTimer()
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
		})
	}
}

// route does r and returns its X-WF-Route.
func (r request) route(b *testing.B, c *http.Client) string {
	req, _ := http.NewRequest(r.method, r.url, nil)
	req.Host = r.host
	resp, err := c.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("status %d", resp.StatusCode)
	}
	return resp.Header.Get(wf.RouteHeader)
}

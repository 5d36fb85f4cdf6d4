package jsrt_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// helloJS is the JavaScript starter's handler (templates/js).
const helloJS = `export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    let name = url.searchParams.get("name") || "";
    if (request.method === "POST") name = await request.text();
    if (!name) name = "world";
    return new Response("Hello, " + name + "!\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
  },
};`

// BenchmarkSandbox compares one request to the JS hello, as a provider
// runs it (a module derived from the engine, from a snapshot holding the
// evaluated worker) and with the script read and evaluated per request,
// with one to the AssemblyScript hello (templates.HelloWasm), in the same
// sandbox.
func BenchmarkSandbox(b *testing.B) {
	h := newHarness(b)
	ctx := context.Background()
	as, err := h.sb.Compile(ctx, "as-hello", templates.HelloWasm)
	if err != nil {
		b.Fatal(err)
	}
	pre, err := jsrt.Prelude([]byte(helloJS), nil)
	if err != nil {
		b.Fatal(err)
	}
	derived, err := jsrt.Derive(ctx, h.sb, h.mod, pre)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		mod     *sandbox.Module
		prelude []byte
	}{{"js", derived, nil}, {"js-prelude-per-request", h.mod, pre}, {"assemblyscript", as, nil}} {
		b.Run(c.name, func(b *testing.B) {
			var mem uint64
			for b.Loop() {
				resp, err := h.sb.Run(ctx, c.mod, &sandbox.Request{Path: "/", RawQuery: "name=bench", ScriptName: "/x", Host: "fn.example", Prelude: c.prelude})
				if err != nil || resp.Status != 200 {
					b.Fatal(err)
				}
				mem = resp.Memory
			}
			b.ReportMetric(float64(mem)/(1<<20), "MiB-linear-memory")
		})
	}
}

// TestMeasure (WF_BENCH=1) measures the JS hello, the AssemblyScript hello
// and, with WF_WORKERD, the same worker on workerd, all over HTTP on
// loopback in one run: p50 latency one request at a time, and requests per
// second with 4 at once.
func TestMeasure(t *testing.T) {
	if os.Getenv("WF_BENCH") == "" {
		t.Skip("set WF_BENCH=1")
	}
	env := wftest.New(t, wftest.Options{})
	js := env.Deploy(t, []byte(helloJS), jsSpec(t, jsrt.Builtin().CID))
	as := env.Deploy(t, templates.HelloWasm, wftest.Spec())
	targets := [][2]string{
		{"wf js (QuickJS-NG in the sandbox)", env.URL + "/" + js.String() + "/?name=bench"},
		{"wf assemblyscript", env.URL + "/" + as.String() + "/?name=bench"},
	}
	if bin := os.Getenv("WF_WORKERD"); bin != "" {
		targets = append(targets, [2]string{"workerd", startWorkerd(t, bin, helloJS) + "/?name=bench"})
	}
	for _, tg := range targets {
		p50, p99, rps := measure(t, tg[1])
		t.Logf("%-36s p50 %7.3f ms  p99 %7.3f ms  %6.0f req/s (4 at once)", tg[0], p50.Seconds()*1000, p99.Seconds()*1000, rps)
	}
	st := env.Sandbox.Stats()
	t.Logf("sandbox: %d modules, %d runs", st.Modules, st.Runs)
}

func measure(t *testing.T, url string) (p50, p99 time.Duration, rps float64) {
	get := func() {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", url, resp.StatusCode)
		}
	}
	for range 50 {
		get()
	}
	var lat []time.Duration
	for range 500 {
		s := time.Now()
		get()
		lat = append(lat, time.Since(s))
	}
	slices.Sort(lat)
	var n atomic.Int64
	var wg sync.WaitGroup
	const d = 3 * time.Second
	end := time.Now().Add(d)
	for range 4 {
		wg.Go(func() {
			for time.Now().Before(end) {
				get()
				n.Add(1)
			}
		})
	}
	wg.Wait()
	return lat[len(lat)/2], lat[len(lat)*99/100], float64(n.Load()) / d.Seconds()
}

// startWorkerd serves script on workerd and returns its URL.
func startWorkerd(t *testing.T, bin, script string) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "worker.js"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	conf := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "w", worker = (modules = [(name = "worker.js", esModule = embed "worker.js")], compatibilityDate = "2026-11-01"))],
  sockets = [(name = "s", address = "127.0.0.1:%d", http = (), service = "w")],
);
`, port)
	if err := os.WriteFile(filepath.Join(dir, "config.capnp"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "config.capnp")
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	for start := time.Now(); time.Since(start) < 20*time.Second; time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			return url
		}
	}
	t.Fatal("workerd did not start")
	return ""
}

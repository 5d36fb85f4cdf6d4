package jsrt_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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
// sandbox. With WF_ENGINE_BEFORE naming another engine.wasm (an earlier
// build: git show main:jsrt/engine.wasm), "js-before" runs the hello on
// it too, so a change to the engine is measured against its baseline in
// one process (-count alternates the two).
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
	type bench struct {
		name    string
		mod     *sandbox.Module
		prelude []byte
	}
	cases := []bench{{"js", derived, nil}, {"js-prelude-per-request", h.mod, pre}, {"assemblyscript", as, nil}}
	if path := os.Getenv("WF_ENGINE_BEFORE"); path != "" {
		wasm, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		old, err := h.sb.Compile(ctx, "engine-before", wasm)
		if err != nil {
			b.Fatal(err)
		}
		d, err := jsrt.Derive(ctx, h.sb, old, pre)
		if err != nil {
			b.Fatal(err)
		}
		cases = append([]bench{{"js-before", d, nil}}, cases...)
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var mem uint64
			cpu := cpuClock()
			for b.Loop() {
				resp, err := h.sb.Run(ctx, c.mod, &sandbox.Request{Path: "/", RawQuery: "name=bench", ScriptName: "/x", Host: "fn.example", Prelude: c.prelude})
				if err != nil || resp.Status != 200 {
					b.Fatal(err)
				}
				mem = resp.Memory
			}
			b.ReportMetric(float64(cpu().Microseconds())/float64(b.N), "cpu-us/op")
			b.ReportMetric(float64(mem)/(1<<20), "MiB-linear-memory")
			// The module's size estimate counts its idle instance's
			// written pages, which each reset copies back.
			b.ReportMetric(float64(c.mod.Size())/1024, "KiB-module")
		})
	}
}

// TestMeasure (WF_BENCH=1) measures the JS hello, the AssemblyScript hello
// and, with WF_WORKERD, the same worker on workerd, all over HTTP on
// loopback in one run: p50 latency one request at a time, and requests per
// second with 4 at once. With wrk on PATH it then runs rounds of wrk
// (4 connections, WF_BENCH_SECONDS each, default 3) against the JS hello,
// workerd and the AssemblyScript hello (the provider's own path, for
// reference), in an order that alternates between rounds,
// WF_BENCH_ROUNDS times (default 5), and reports each server's requests
// per second and its process CPU per request (user+sys from /proc, the
// provider's being this process's: nothing else runs in it meanwhile),
// medians over the rounds, and the median of the rounds' JS/workerd
// ratios. On a machine shared with other jobs, the CPU per request is the
// steadier figure.
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
	workerdPID := 0
	if bin := os.Getenv("WF_WORKERD"); bin != "" {
		var url string
		url, workerdPID = startWorkerd(t, bin, helloJS)
		targets = append(targets, [2]string{"workerd", url + "/?name=bench"})
	}
	for _, tg := range targets {
		p50, p99, rps := measure(t, tg[1])
		t.Logf("%-36s p50 %7.3f ms  p99 %7.3f ms  %6.0f req/s (4 at once)", tg[0], p50.Seconds()*1000, p99.Seconds()*1000, rps)
	}
	st := env.Sandbox.Stats()
	t.Logf("sandbox: %d modules, %d runs, %d snapshots, %d on reused instances", st.Modules, st.Runs, st.Snapshots, st.Reused)

	wrk, err := exec.LookPath("wrk")
	if err != nil || workerdPID == 0 {
		t.Log("no wrk on PATH or no WF_WORKERD: no rounds")
		return
	}
	rounds, secs := envInt("WF_BENCH_ROUNDS", 5), envInt("WF_BENCH_SECONDS", 3)
	servers := []struct {
		name, url string
		pid       int
	}{{"wf js", targets[0][1], os.Getpid()}, {"workerd", targets[2][1], workerdPID}, {"wf as", targets[1][1], os.Getpid()}}
	rps := make([][]float64, len(servers))
	cpu := make([][]float64, len(servers))
	for r := range rounds {
		order := []int{0, 1, 2}
		if r%2 == 1 {
			order = []int{1, 0, 2}
		}
		for _, i := range order {
			sv := servers[i]
			c0 := procCPU(t, sv.pid)
			n, d := runWrk(t, wrk, sv.url, secs)
			c1 := procCPU(t, sv.pid)
			rps[i] = append(rps[i], float64(n)/d.Seconds())
			cpu[i] = append(cpu[i], (c1-c0).Seconds()/float64(n))
			t.Logf("round %d %-8s %6.0f req/s  %6.1f us CPU/request", r+1, sv.name, rps[i][len(rps[i])-1], cpu[i][len(cpu[i])-1]*1e6)
		}
	}
	med := func(v []float64) float64 { v = slices.Clone(v); slices.Sort(v); return v[len(v)/2] }
	t.Logf("medians: wf js %.0f req/s %.1f us CPU/request; workerd %.0f req/s %.1f us CPU/request; wf as %.0f req/s %.1f us CPU/request",
		med(rps[0]), med(cpu[0])*1e6, med(rps[1]), med(cpu[1])*1e6, med(rps[2]), med(cpu[2])*1e6)
	t.Logf("wf js / workerd: %.2fx req/s (median of the rounds' ratios %.2fx); %.2fx by CPU per request (workerd's CPU/request over wf's)",
		med(rps[0])/med(rps[1]), med(ratios(rps[0], rps[1])), med(cpu[1])/med(cpu[0]))
}

// cpuClock returns a function giving this process's CPU time (user and
// system, every goroutine) since cpuClock was called: on a shared machine
// it says more than the wall time.
func cpuClock() func() time.Duration {
	var start syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &start)
	return func() time.Duration {
		var end syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &end)
		return time.Duration(end.Utime.Nano() - start.Utime.Nano() + end.Stime.Nano() - start.Stime.Nano())
	}
}

func ratios(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = a[i] / b[i]
	}
	return out
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// procCPU is process pid's user+sys CPU time so far (/proc/PID/stat).
func procCPU(t *testing.T, pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	// The fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)        // utime, field 14
	st, _ := strconv.ParseInt(f[12], 10, 64)        // stime, field 15
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ
}

// runWrk runs wrk against url with 4 connections for secs seconds and
// returns the requests it completed (all must be 2xx) and how long it ran.
func runWrk(t *testing.T, wrk, url string, secs int) (int, time.Duration) {
	start := time.Now()
	out, err := exec.Command(wrk, "-t1", "-c4", fmt.Sprintf("-d%ds", secs), url).CombinedOutput()
	d := time.Since(start)
	if err != nil {
		t.Fatalf("wrk: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("Non-2xx")) || bytes.Contains(out, []byte("Socket errors")) {
		t.Fatalf("wrk saw errors:\n%s", out)
	}
	m := regexp.MustCompile(`(\d+) requests in ([0-9.]+)(ms|s|m)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("wrk output:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	v, _ := strconv.ParseFloat(string(m[2]), 64)
	switch string(m[3]) {
	case "ms":
		d = time.Duration(v * float64(time.Millisecond))
	case "s":
		d = time.Duration(v * float64(time.Second))
	case "m":
		d = time.Duration(v * float64(time.Minute))
	}
	return n, d
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

// startWorkerd serves script on workerd and returns its URL and process.
func startWorkerd(t *testing.T, bin, script string) (string, int) {
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
			return url, cmd.Process.Pid
		}
	}
	t.Fatal("workerd did not start")
	return "", 0
}

package sandbox_test

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
)

func benchmarkRun(b *testing.B, sb *sandbox.Sandbox, mod *sandbox.Module, path string) {
	ctx := context.Background()
	var mem uint64
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		req := get(path, "a=1")
		req.Method = "POST"
		req.Body = strings.NewReader("benchmark body")
		resp, err := sb.Run(ctx, mod, req)
		if err != nil {
			b.Fatal(err)
		}
		mem = resp.Memory
	}
	b.ReportMetric(float64(mem)/(1<<20), "MiB-linear-memory")
}

// BenchmarkRun is one request to the Go guest's /echo: instantiate, Go
// runtime start, read stdin, JSON out, parse CGI.
func BenchmarkRun(b *testing.B) {
	sb, mod := sharedGuest(b)
	benchmarkRun(b, sb, mod, "/echo")
}

// BenchmarkRunParallel is BenchmarkRun with GOMAXPROCS requests at once.
func BenchmarkRunParallel(b *testing.B) {
	sb, mod := sharedGuest(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := sb.Run(ctx, mod, get("/echo", "")); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkRunHello is the WAGI docs' hand-written module: the sandbox's own
// cost per request, without a guest language runtime to start.
func BenchmarkRunHello(b *testing.B) {
	ctx := context.Background()
	sb := newSandbox(b, sandbox.Config{})
	mod, err := sb.Compile(ctx, "hello", wagiHello())
	if err != nil {
		b.Fatal(err)
	}
	benchmarkRun(b, sb, mod, "/")
}

// BenchmarkRunAssemblyScript is the AssemblyScript template's hello (15 KB,
// the language's own runtime and GC): a typical small guest.
func BenchmarkRunAssemblyScript(b *testing.B) {
	ctx := context.Background()
	sb := newSandbox(b, sandbox.Config{})
	mod, err := sb.Compile(ctx, "hello", templates.HelloWasm)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		resp, err := sb.Run(ctx, mod, &sandbox.Request{Method: "GET", RawQuery: "name=bench", ScriptName: "/hello", Host: "127.0.0.1"})
		if err != nil || string(resp.Body) != "Hello, bench!\n" {
			b.Fatalf("%v %q", err, resp.Body)
		}
	}
}

// BenchmarkCompileHit is the per-request cost of finding a compiled module.
func BenchmarkCompileHit(b *testing.B) {
	sb, _ := sharedGuest(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := sb.Compile(ctx, "guest", guestWasm); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunReactor is BenchmarkRun's request to the reactor's /echo (a
// net/http handler through package guest): an instance reset to the
// snapshot taken after _initialize, so no Go runtime start.
func BenchmarkRunReactor(b *testing.B) {
	sb, mod := reactorGuest(b, sandbox.Config{})
	benchmarkRun(b, sb, mod, "/echo")
	st := sb.Stats()
	b.ReportMetric(float64(st.Reused)/float64(st.Runs), "reused/run")
}

// BenchmarkRunReactorParallel is BenchmarkRunReactor with GOMAXPROCS
// requests at once.
func BenchmarkRunReactorParallel(b *testing.B) {
	sb, mod := reactorGuest(b, sandbox.Config{})
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := sb.Run(ctx, mod, get("/echo", "")); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// benchmarkColdStart is a provider restart with a warm compile cache: a new
// Sandbox, Compile from the disk caches, and the first request (for a
// reactor, its snapshot too).
func benchmarkColdStart(b *testing.B, wasm []byte, path string) {
	ctx := context.Background()
	dir := b.TempDir()
	warm, err := sandbox.New(ctx, sandbox.Config{CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := warm.Compile(ctx, "fn", wasm); err != nil {
		b.Fatal(err)
	}
	warm.Close(ctx)
	defer reportCPU(b)()
	for b.Loop() {
		sb, err := sandbox.New(ctx, sandbox.Config{CacheDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		mod, err := sb.Compile(ctx, "fn", wasm)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sb.Run(ctx, mod, get(path, "")); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		sb.Close(ctx)
		b.StartTimer()
	}
}

// BenchmarkColdStartReactor is the Go reactor's first request after a
// restart.
func BenchmarkColdStartReactor(b *testing.B) { benchmarkColdStart(b, reactorWasm, "/echo") }

// BenchmarkColdStartCommand is the Go WAGI command guest's.
func BenchmarkColdStartCommand(b *testing.B) { benchmarkColdStart(b, guestWasm, "/echo") }

// reportCPU reports the process's CPU time per op (user and system, every
// goroutine), which on a shared, loaded machine says more than the wall
// time. Call the function it returns when the loop is done.
func reportCPU(b *testing.B) func() {
	var start syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &start)
	return func() {
		var end syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &end)
		cpu := time.Duration(end.Utime.Nano() - start.Utime.Nano() + end.Stime.Nano() - start.Stime.Nano())
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-us/op")
	}
}

// BenchmarkRunReactorTemplate is the Go template's handler (templates/go:
// the query's name, a log line, a greeting), as wfbench's Go guest row
// runs it.
func BenchmarkRunReactorTemplate(b *testing.B) {
	sb, mod := reactorGuest(b, sandbox.Config{})
	ctx := context.Background()
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		resp, err := sb.Run(ctx, mod, get("/hello", "name=bench"))
		if err != nil || string(resp.Body) != "Hello, bench!\n" || !strings.Contains(string(resp.Log), "greeting bench") {
			b.Fatalf("%v %q %q", err, resp.Body, resp.Log)
		}
	}
}

package bench

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

var (
	coldStages = flag.Int("coldstages", 0, "TestColdStages runs this many restarts")
	coldData   = flag.String("colddata", "", "TestColdStages measures function -coldfn in this provider data directory instead of deploying")
	coldFn     = flag.String("coldfn", "", "the function for -colddata")
)

var stageNames = []string{"spec block", "signature", "code DAG complete", "read module", "compile (disk cache)", "run", "total"}

// TestColdStages splits the first request after a restart into the steps
// the provider takes (its load path: spec block, signature, code DAG
// check, module read, compile from the disk cache, run), for both guests,
// each run with a fresh Sandbox on the same compile cache as a restarted
// process has. It runs only with -coldstages N:
//
//	go test -run TestColdStages -v ./bench/ -args -coldstages=7
//
// With -colddata DIR -coldfn CID it measures one function of an existing
// provider data directory, once, in this fresh process (build the test
// binary with go test -c to profile it with -test.cpuprofile).
func TestColdStages(t *testing.T) {
	if *coldStages == 0 {
		t.Skip("measurement harness; run with -coldstages N")
	}
	ctx := context.Background()
	if *coldData != "" {
		st, err := diskstore.New(*coldData, diskstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		fn, err := wf.ParseCID(*coldFn)
		if err != nil {
			t.Fatal(err)
		}
		laps, cpus := runStages(t, st, filepath.Join(*coldData, "compile-cache"), fn)
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s in %s, fresh process (wall, thread CPU):", fn, *coldData)
		for i, n := range stageNames {
			fmt.Fprintf(&sb, "\n  %-22s %12s %12s", n, ms(laps[i]), ms(cpus[i]))
		}
		t.Log(sb.String())
		return
	}
	goG, err := BuildGo(ctx, filepath.Join(t.TempDir(), "go"), testWriter{t})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []Guest{AssemblyScript(), goG} {
		t.Run(g.Name, func(t *testing.T) {
			dir := t.TempDir()
			st, err := diskstore.New(filepath.Join(dir, "blocks"), diskstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			cache := filepath.Join(dir, "compile-cache")
			env := wftest.New(t, wftest.Options{Store: st, Sandbox: sandbox.Config{CacheDir: cache}})
			fn := env.Deploy(t, g.Wasm, wftest.Spec())
			stages := make([][]time.Duration, len(stageNames))
			cpu := make([][]time.Duration, len(stageNames))
			for range *coldStages {
				laps, cpus := runStages(t, st, cache, fn)
				for i := range laps {
					stages[i], cpu[i] = append(stages[i], laps[i]), append(cpu[i], cpus[i])
				}
			}
			var sb strings.Builder
			fmt.Fprintf(&sb, "%s guest (%d bytes), median of %d (wall, thread CPU):", g.Name, len(g.Wasm), *coldStages)
			for i, n := range stageNames {
				fmt.Fprintf(&sb, "\n  %-22s %12s %12s", n, ms(median(stages[i])), ms(median(cpu[i])))
			}
			t.Log(sb.String())
		})
	}
}

// runStages loads and runs fn as the provider's load path does, with a
// new Sandbox on the compile cache, returning each stage's time and the
// total, in wall time and in this thread's CPU time.
func runStages(t *testing.T, st wf.BlockGetter, cache string, fn wf.CID) (wall, cpu []time.Duration) {
	ctx := context.Background()
	sb, err := sandbox.New(ctx, sandbox.Config{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close(ctx)
	// Each stage's CPU time on this thread (threadCPU): the load path
	// runs on the calling goroutine, and the thread's time leaves out the
	// GC's background workers and every other process on the machine,
	// which make wall times on a shared machine noisy.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var laps, cpus []time.Duration
	var total, totalCPU time.Duration
	t0, c0 := time.Now(), threadCPU()
	lap := func() {
		d, c := time.Since(t0), threadCPU()-c0
		laps, cpus = append(laps, d), append(cpus, c)
		total, totalCPU = total+d, totalCPU+c
		t0, c0 = time.Now(), threadCPU()
	}
	b, err := st.Get(ctx, fn)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := spec.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	lap()
	if err := spec.Verify(ss, chain.Verifier{}); err != nil {
		t.Fatal(err)
	}
	lap()
	code := ss.Spec.Code.CID
	if err := dag.VerifyComplete(ctx, st, code); err != nil {
		t.Fatal(err)
	}
	lap()
	wasm, err := dag.ReadFile(ctx, st, code, ss.Spec.Code.Entry)
	if err != nil {
		t.Fatal(err)
	}
	lap()
	m, err := sb.Compile(ctx, code.String(), wasm)
	if err != nil {
		t.Fatal(err)
	}
	lap()
	resp, err := sb.Run(ctx, m, &sandbox.Request{Method: "GET", RawQuery: "name=bench", ScriptName: "/" + fn.String(), Host: "127.0.0.1"})
	if err != nil || !strings.Contains(string(resp.Body), "Hello, bench!") {
		t.Fatalf("run: %v %q", err, resp.Body)
	}
	lap()
	return append(laps, total), append(cpus, totalCPU)
}

// threadCPU is the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID, in
// nanoseconds; RUSAGE_THREAD counts in scheduler ticks here).
func threadCPU() time.Duration {
	var ts unix.Timespec
	unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts)
	return time.Duration(ts.Nano())
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

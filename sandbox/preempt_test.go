package sandbox_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
)

// preemptChildEnv names the guest a re-executed test binary runs for
// TestGCWhileGuestRuns.
const preemptChildEnv = "WF_SANDBOX_PREEMPT_CHILD"

// preemptGuests never end on their own and never call into Go: Go cannot
// preempt a goroutine in wazero's machine code, so only the exits the
// rewrite adds let a garbage collection (which stops every goroutine) go on.
func preemptGuests() map[string][]byte {
	// f(n): if n { f(n-1); f(n-1) }
	recurse := cat([]byte{0}, []byte{0x20, 0, 0x04, 0x40, 0x20, 0, 0x41, 1, 0x6b, 0x10, 1, 0x20, 0, 0x41, 1, 0x6b, 0x10, 1, 0x0b, 0x0b})
	return map[string][]byte{
		"loop": commandModule(1, "_start", nil, 0x03, 0x40, 0x0c, 0, 0x0b), // loop br 0 end
		"recursion": module(
			section(secType, funcType(nil, nil), funcType([]byte{i32}, nil)),
			section(secFunction, uleb(0), uleb(1)),
			section(secMemory, memory(1)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
			section(secCode, code(0x41, 60, 0x10, 1), cat(uleb(uint32(len(recurse))), recurse)),
		),
	}
}

// TestGCWhileGuestRuns checks a garbage collection finishes while a guest
// spins. Without a Go safe point in the guest, the collection waits for
// it, and so does everything else, including the timer that would stop
// it: the process hangs. So each guest runs in a child process, which the
// test kills if it does not finish.
func TestGCWhileGuestRuns(t *testing.T) {
	if name := os.Getenv(preemptChildEnv); name != "" {
		gcWhileGuestRuns(t, name)
		return
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for name := range preemptGuests() {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, exe, "-test.run=^TestGCWhileGuestRuns$", "-test.v")
			cmd.Env = append(os.Environ(), preemptChildEnv+"="+name)
			out, err := cmd.CombinedOutput()
			if ctx.Err() != nil {
				t.Fatalf("child still running after 20s: a garbage collection waited for the guest forever\n%s", out)
			}
			if err != nil || !strings.Contains(string(out), "\nPASS") {
				t.Fatalf("child: %v\n%s", err, out)
			}
			for _, line := range strings.Split(string(out), "\n") {
				if i := strings.Index(line, "runtime.GC"); i >= 0 {
					t.Log(line[i:])
				}
			}
		})
	}
}

func gcWhileGuestRuns(t *testing.T, name string) {
	wasm, ok := preemptGuests()[name]
	if !ok {
		t.Fatalf("no guest %q", name)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sb := newSandbox(t, sandbox.Config{})
	mod, err := sb.Compile(ctx, name, wasm)
	if err != nil {
		t.Fatal(err)
	}
	req := get("/", "")
	req.Limits.TimeoutMS = 3000
	done := make(chan error, 1)
	go func() {
		_, err := sb.Run(ctx, mod, req)
		done <- err
	}()
	time.Sleep(200 * time.Millisecond) // the guest is spinning by now
	for i := range 3 {
		start := time.Now()
		runtime.GC()
		d := time.Since(start)
		t.Logf("runtime.GC %d took %v", i, d)
		if d > 500*time.Millisecond {
			t.Errorf("runtime.GC took %v while the guest ran", d)
		}
	}
	select {
	case err := <-done:
		t.Fatalf("guest ended before it was cancelled: %v", err)
	default:
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("guest still running 5s after its context was cancelled")
	}
}

package sandbox_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
)

// guestWasm is testdata/guest built for wasip1, once per test run, and
// reactorWasm testdata/reactor, a reactor (-buildmode=c-shared).
var guestWasm, reactorWasm []byte

// cacheDir holds the compilation cache shared by the tests' Sandboxes, so
// the 2-3 MB guest is compiled to machine code once per run.
var cacheDir string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	flag.Parse()
	if os.Getenv(preemptChildEnv) != "" {
		return m.Run() // a child of TestGCWhileGuestRuns: no Go guest needed
	}
	dir, err := os.MkdirTemp("", "sandbox-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	cacheDir = filepath.Join(dir, "cache")

	out := filepath.Join(dir, "guest.wasm")
	start := time.Now()
	cmd := exec.Command("go", "build", "-o", out, "./testdata/guest")
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build guest: %v\n%s", err, b)
		return 1
	}
	if guestWasm, err = os.ReadFile(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// The reactor: a net/http handler through package guest.
	rout := filepath.Join(dir, "reactor.wasm")
	cmd = exec.Command("go", "build", "-buildmode=c-shared", "-o", rout, "./testdata/reactor")
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build reactor: %v\n%s", err, b)
		return 1
	}
	if reactorWasm, err = os.ReadFile(rout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if testing.Verbose() {
		fmt.Printf("built guest (%d bytes) in %v\n", len(guestWasm), time.Since(start).Round(time.Millisecond))
	}
	code := m.Run()
	if shared.sb != nil {
		shared.sb.Close(context.Background())
	}
	return code
}

var shared struct {
	once sync.Once
	sb   *sandbox.Sandbox
	mod  *sandbox.Module
	err  error
}

// sharedGuest returns a Sandbox with default limits and the guest compiled
// in it, shared by tests that do not need their own.
func sharedGuest(t testing.TB) (*sandbox.Sandbox, *sandbox.Module) {
	t.Helper()
	shared.once.Do(func() {
		ctx := context.Background()
		shared.sb, shared.err = sandbox.New(ctx, sandbox.Config{CacheDir: cacheDir})
		if shared.err != nil {
			return
		}
		start := time.Now()
		shared.mod, shared.err = shared.sb.Compile(ctx, "guest", guestWasm)
		t.Logf("compiled guest in %v", time.Since(start).Round(time.Millisecond))
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.sb, shared.mod
}

// newSandbox returns a Sandbox with cfg, closed when the test ends.
func newSandbox(t testing.TB, cfg sandbox.Config) *sandbox.Sandbox {
	t.Helper()
	sb, err := sandbox.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close(context.Background()) })
	return sb
}

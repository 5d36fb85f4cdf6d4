package sandbox_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// A busy loop is stopped at its CPU budget, long before its wall time
// limit, with an error that says which limit it hit.
func TestCPUBudget(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{CacheDir: cacheDir, CPU: sandbox.NewCPU(2, 1)})
	mod, err := sb.Compile(context.Background(), "guest", guestWasm)
	if err != nil {
		t.Fatal(err)
	}
	const budget = 300 * time.Millisecond
	req := get("/loop", "")
	req.CPUTime = budget
	start := time.Now()
	resp, err := sb.Run(context.Background(), mod, req)
	elapsed := time.Since(start)
	if !errors.Is(err, wf.ErrTimeout) || !strings.Contains(publicMessage(t, err), "CPU time budget") {
		t.Fatalf("err = %v, want ErrTimeout naming the CPU budget", err)
	}
	if elapsed > budget+time.Second || resp.CPUTime < budget {
		t.Errorf("stopped after %v with %v of CPU, budget %v", elapsed, resp.CPUTime, budget)
	}

	// Sleeping is not computing: a guest that sleeps past its CPU budget
	// finishes.
	req = get("/sleep", "ms=500")
	req.CPUTime = budget
	if resp, err = sb.Run(context.Background(), mod, req); err != nil {
		t.Fatalf("sleeper: %v", err)
	}
	if resp.CPUTime >= budget {
		t.Errorf("sleeper used %v of CPU", resp.CPUTime)
	}
}

// With two tokens, one per tenant at most, three busy loops of tenant A
// hold one token between them: tenant B's request runs at once on the
// other instead of waiting for a loop to end.
func TestCPUTokensFairByTenant(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{CacheDir: cacheDir, CPU: sandbox.NewCPU(2, 1)})
	mod, err := sb.Compile(context.Background(), "guest", guestWasm)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			req := get("/loop", "")
			req.Tenant = "A"
			sb.Run(ctx, mod, req)
		})
	}
	defer func() { cancel(); wg.Wait() }()
	time.Sleep(200 * time.Millisecond)
	for range 5 {
		req := get("/", "")
		req.Tenant = "B"
		start := time.Now()
		resp, err := sb.Run(context.Background(), mod, req)
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("tenant B waited %v beside tenant A's loops (CPU %v)", d, resp.CPUTime)
		}
	}
}

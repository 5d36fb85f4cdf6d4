package sandbox

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// CPU hands out the tokens guests run on: one per core by default. A Run
// holds a token while its guest computes, from instantiation to exit,
// and gives it back while the guest sleeps. Compiled wasm is not
// preempted by the Go scheduler, so without tokens every running guest
// competes for the cores: four busy loops on two cores left the
// provider's own goroutines (the HTTP server, other functions) a few
// percent of the CPU.
//
// Tokens are granted fairly by tenant (the provider's tenant is the
// function's owner): a tenant holds at most PerTenant tokens, and a freed
// token goes to the waiter whose tenant holds fewest, the oldest first
// among equals. The time a Run holds a token is its CPU time, the measure
// of Request.CPUTime: with no more tokens than cores it is the time the
// guest had a core to itself, or more when the host is busy with other
// work, never less.
//
// One CPU may be shared by several Sandboxes (a provider's public and
// private ones), so that together they run no more guests than there are
// tokens. It is safe for concurrent use.
//
// A guest on a token also holds one of Go's Ps (GOMAXPROCS) for as long as
// it runs, and shares it with every other goroutine only at its rare safe
// points: two busy guests on a two-core host left the HTTP server a third
// of its throughput even with a core free. ReserveProcs gives Go as many
// more Ps as there are tokens, so guests never take the Ps the rest of
// the process runs on, and the OS shares the cores between their threads.
type CPU struct {
	n, perTenant int

	mu      sync.Mutex
	held    int
	tenants map[string]int
	waiting []*cpuWaiter // in arrival order
}

type cpuWaiter struct {
	tenant  string
	ready   chan struct{}
	granted bool
}

// hostProcs is GOMAXPROCS as the process started: the cores Go may use
// (the host's, or its container's quota), before ReserveProcs.
var hostProcs = runtime.GOMAXPROCS(0)

// NewCPU returns a CPU with n tokens, at most perTenant of them per
// tenant. n <= 0 means one per core Go may use; perTenant <= 0 means half
// of n, at least 1.
func NewCPU(n, perTenant int) *CPU {
	if n <= 0 {
		n = hostProcs
	}
	if perTenant <= 0 {
		perTenant = max(1, n/2)
	}
	return &CPU{n: n, perTenant: min(perTenant, n), tenants: map[string]int{}}
}

// Tokens returns how many tokens c has in all and per tenant.
func (c *CPU) Tokens() (total, perTenant int) { return c.n, c.perTenant }

var reserve sync.Mutex

// ReserveProcs raises GOMAXPROCS to the host's cores plus c's tokens, if
// it is lower (see CPU). It changes the whole process, so the program that
// runs guests calls it, once it knows its CPU.
func (c *CPU) ReserveProcs() {
	reserve.Lock()
	defer reserve.Unlock()
	if want := hostProcs + c.n; runtime.GOMAXPROCS(0) < want {
		runtime.GOMAXPROCS(want)
	}
}

// acquire waits for a token for tenant until ctx ends.
func (c *CPU) acquire(ctx context.Context, tenant string) error {
	c.mu.Lock()
	if len(c.waiting) == 0 && c.held < c.n && c.tenants[tenant] < c.perTenant {
		// Free, and nobody waits: what dispatch would grant a lone waiter,
		// without the waiter and its channel.
		c.held++
		c.tenants[tenant]++
		c.mu.Unlock()
		return nil
	}
	w := &cpuWaiter{tenant: tenant, ready: make(chan struct{})}
	c.waiting = append(c.waiting, w)
	c.dispatch()
	c.mu.Unlock()
	select {
	case <-w.ready:
		return nil
	default:
	}
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if w.granted { // granted as ctx ended: give it back
		c.put(tenant)
		return ctx.Err()
	}
	for i, x := range c.waiting {
		if x == w {
			c.waiting = append(c.waiting[:i], c.waiting[i+1:]...)
			break
		}
	}
	return ctx.Err()
}

func (c *CPU) release(tenant string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.put(tenant)
}

// put returns tenant's token and grants what it can. c.mu is held.
func (c *CPU) put(tenant string) {
	c.held--
	if c.tenants[tenant]--; c.tenants[tenant] == 0 {
		delete(c.tenants, tenant)
	}
	c.dispatch()
}

// dispatch grants free tokens, fewest held by the tenant first. c.mu is
// held.
func (c *CPU) dispatch() {
	for c.held < c.n {
		best := -1
		for i, w := range c.waiting {
			if c.tenants[w.tenant] >= c.perTenant {
				continue
			}
			if best < 0 || c.tenants[w.tenant] < c.tenants[c.waiting[best].tenant] {
				best = i
			}
		}
		if best < 0 {
			return
		}
		w := c.waiting[best]
		c.waiting = append(c.waiting[:best], c.waiting[best+1:]...)
		c.held++
		c.tenants[w.tenant]++
		w.granted = true
		close(w.ready)
	}
}

// cpuTime is one Run's use of its CPU: it holds a token while the guest
// computes and counts the time against the Run's budget, calling over
// when the budget is spent. Its methods are called by the goroutine that
// runs the guest (over from a timer's).
type cpuTime struct {
	cpu    *CPU
	tenant string
	budget time.Duration // 0: none
	over   func()

	used     time.Duration
	since    time.Time
	holding  bool
	timer    *time.Timer
	exceeded atomic.Bool
}

// take waits for a token and starts counting.
func (t *cpuTime) take(ctx context.Context) error {
	if t.holding {
		return nil
	}
	if err := t.cpu.acquire(ctx, t.tenant); err != nil {
		return err
	}
	t.holding, t.since = true, time.Now()
	if t.budget > 0 {
		left := max(t.budget-t.used, 0)
		t.timer = time.AfterFunc(left, func() {
			t.exceeded.Store(true)
			t.over()
		})
	}
	return nil
}

// give stops counting and returns the token.
func (t *cpuTime) give() {
	if !t.holding {
		return
	}
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.used += time.Since(t.since)
	t.holding = false
	t.cpu.release(t.tenant)
}

package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/webfunctions/wf/wf"
)

// inflight counts the invocations being served, so that Drain can wait
// for them before the caller closes what they commit to (the ledger).
type inflight struct {
	mu      sync.Mutex
	n       int
	closing bool
	idle    chan struct{} // closed when n drops to 0 while closing
}

// enter counts one more invocation; false once draining has begun.
func (f *inflight) enter() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closing {
		return false
	}
	f.n++
	return true
}

func (f *inflight) leave() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n--; f.n == 0 && f.idle != nil {
		close(f.idle)
		f.idle = nil
	}
}

// Drain refuses invocations from now on (503, to be retried elsewhere)
// and waits until those being served have answered, or ctx ends. A node
// drains its provider before it closes the ledger, so a charge for a
// request in flight is recorded rather than lost; an HTTP server's
// Shutdown does the same for its own connections, but a tunnel's are
// closed without waiting. Drain is safe to call more than once.
func (p *Provider) Drain(ctx context.Context) error {
	f := &p.inflight
	f.mu.Lock()
	f.closing = true
	if f.n == 0 {
		f.mu.Unlock()
		return nil
	}
	if f.idle == nil {
		f.idle = make(chan struct{})
	}
	idle, n := f.idle, f.n
	f.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("provider: drain: %d invocations still running: %w", n, ctx.Err())
	}
}

var errDraining = wf.E(wf.ErrUnavailable, "the provider is shutting down; retry elsewhere", nil)

package sandbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/webfunctions/wf/wf"
)

// Prepare takes the snapshot of m, a reactor, if it has none yet, as its
// first Run would (reactor.go: instantiate, _initialize with an empty
// environment and stdin, keep memory and globals), so that a provider
// warming its functions after a restart leaves their first requests only
// their own work. It runs under the limits, CPU budget and tenant a Run's
// Request would give (Limits, CPUTime, Tenant); _initialize's log is
// dropped. A failure is returned and not kept: the next Run tries again,
// and its caller sees why. For a WASI command, and a module that already
// has its snapshot, it does nothing.
func (s *Sandbox) Prepare(ctx context.Context, m *Module, l wf.Limits, cpuBudget time.Duration, tenant string) error {
	if m == nil || m.s != s {
		return errors.New("sandbox: prepare: nil module or module from another Sandbox")
	}
	if m.reactor == nil || m.reactor.command {
		return nil
	}
	if !m.acquire() {
		return ErrReleased
	}
	defer m.release()
	lim := s.limits(l)
	if m.minPages > lim.pages {
		return wf.E(wf.ErrFunctionFailed, "function needs more memory than its limit",
			fmt.Errorf("sandbox: %s needs %d pages, limit %d", m.key, m.minPages, lim.pages))
	}
	rc := newRunContext(ctx, lim.timeout)
	defer rc.release()
	cpu := &cpuTime{cpu: s.cpu, tenant: tenant, budget: cpuBudget, over: rc.stop}
	defer cpu.give()
	// Close stops the initialisation too, and waits for it.
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errClosed
	}
	s.instances.Add(1)
	s.mu.Unlock()
	defer s.instances.Done()
	defer context.AfterFunc(s.closing, rc.stop)()
	if err := cpu.take(rc); err != nil {
		return fmt.Errorf("sandbox: prepare %s: wait for a CPU: %w", m.key, err)
	}
	_, err := s.snapshot(ctx, rc, m, lim, cpu, &stdio{err: &logWriter{max: s.cfg.MaxLogBytes}})
	return err
}

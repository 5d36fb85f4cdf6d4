package provider

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/webfunctions/wf/wf"
)

// DefaultFunctionShare and DefaultOwnerShare are the defaults of
// Config.MaxConcurrentPerFunction and Config.MaxConcurrentPerOwner, as
// shares of MaxConcurrent (rounded down, at least 1): half each, so one
// slow or hostile function, or one owner's many functions, can hold at
// most half the slots and the other half stays open to everyone else.
const (
	DefaultFunctionShare = 0.5
	DefaultOwnerShare    = 0.5
)

// scheduler hands out the slots functions run in. It bounds how many run
// at once in total, per function and per owner, and when a slot frees it
// goes to the waiter whose owner, then function, has the fewest running,
// the oldest first among equals, not strictly to the first that came: a
// request of a quiet function waiting behind a flood of another's gets
// the next slot. It is safe for concurrent use.
//
// It counts slots, not CPU: compiled guests are not preempted by the Go
// scheduler, so an owner allowed more running requests than the host has
// cores can still starve others of CPU for as long as its requests run.
// Bounding that is the CPU-time budget's job, not the scheduler's.
type scheduler struct {
	total, perFunction, perOwner int

	mu      sync.Mutex
	running int
	fns     map[wf.CID]int
	owners  map[wf.Address]int
	waiting []*waiter // in arrival order
}

// waiter is a request waiting for a slot; ready is closed when it has one.
type waiter struct {
	fn      wf.CID
	owner   wf.Address
	ready   chan struct{}
	granted bool
}

func newScheduler(total, perFunction, perOwner int) *scheduler {
	return &scheduler{
		total: total, perFunction: min(perFunction, total), perOwner: min(perOwner, total),
		fns: make(map[wf.CID]int), owners: make(map[wf.Address]int),
	}
}

// acquire waits at most timeout for a slot for fn of owner. It returns
// the slot's release, to be called once; or wf.ErrRateLimited after
// timeout; or ctx's error, wrapped.
func (s *scheduler) acquire(ctx context.Context, fn wf.CID, owner wf.Address, timeout time.Duration) (func(), error) {
	release := func() { s.release(fn, owner) }
	s.mu.Lock()
	if len(s.waiting) == 0 && s.running < s.total && s.fns[fn] < s.perFunction && s.owners[owner] < s.perOwner {
		// What dispatch would do for a lone waiter, without a waiter.
		s.running++
		s.fns[fn]++
		s.owners[owner]++
		s.mu.Unlock()
		return release, nil
	}
	w := &waiter{fn: fn, owner: owner, ready: make(chan struct{})}
	s.waiting = append(s.waiting, w)
	s.dispatch()
	s.mu.Unlock()
	select {
	case <-w.ready:
		return release, nil
	default:
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	var err error
	select {
	case <-w.ready:
		return release, nil
	case <-t.C:
	case <-ctx.Done():
		err = fmt.Errorf("provider: wait for a slot: %w", ctx.Err())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if w.granted { // granted as the wait ended: take it
		return release, nil
	}
	s.remove(w)
	if err != nil {
		return nil, err
	}
	switch {
	case s.fns[fn] >= s.perFunction:
		return nil, wf.E(wf.ErrRateLimited, fmt.Sprintf("this function is running %d requests at once, its maximum on this provider; retry shortly", s.perFunction), nil)
	case s.owners[owner] >= s.perOwner:
		return nil, wf.E(wf.ErrRateLimited, fmt.Sprintf("this function's owner is running %d requests at once, its maximum on this provider; retry shortly", s.perOwner), nil)
	default:
		return nil, wf.E(wf.ErrRateLimited, fmt.Sprintf("the provider is running %d functions at once, its maximum; retry shortly", s.total), nil)
	}
}

func (s *scheduler) release(fn wf.CID, owner wf.Address) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.running--
	if s.fns[fn]--; s.fns[fn] == 0 {
		delete(s.fns, fn)
	}
	if s.owners[owner]--; s.owners[owner] == 0 {
		delete(s.owners, owner)
	}
	s.dispatch()
}

// dispatch grants free slots to waiters, fewest running first. s.mu is held.
func (s *scheduler) dispatch() {
	for s.running < s.total {
		best := -1
		for i, w := range s.waiting {
			if s.fns[w.fn] >= s.perFunction || s.owners[w.owner] >= s.perOwner {
				continue
			}
			if best < 0 || s.before(w, s.waiting[best]) {
				best = i
			}
		}
		if best < 0 {
			return
		}
		w := s.waiting[best]
		s.waiting = append(s.waiting[:best], s.waiting[best+1:]...)
		s.running++
		s.fns[w.fn]++
		s.owners[w.owner]++
		w.granted = true
		close(w.ready)
	}
}

// before reports whether a should run before b, which came earlier.
func (s *scheduler) before(a, b *waiter) bool {
	if oa, ob := s.owners[a.owner], s.owners[b.owner]; oa != ob {
		return oa < ob
	}
	return s.fns[a.fn] < s.fns[b.fn]
}

func (s *scheduler) remove(w *waiter) {
	for i, x := range s.waiting {
		if x == w {
			s.waiting = append(s.waiting[:i], s.waiting[i+1:]...)
			return
		}
	}
}

// stats returns how many run and how many wait now.
func (s *scheduler) stats() (running, waiting int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running, len(s.waiting)
}

// share is n's share of total, rounded down, at least 1; a negative n is
// total (no cap of its own), zero is def's share.
func share(n, total int, def float64) int {
	switch {
	case n < 0:
		return total
	case n == 0:
		return max(1, int(float64(total)*def))
	}
	return n
}

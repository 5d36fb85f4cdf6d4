package sandbox

import (
	"context"
	"sync"
	"time"
)

// runContext is one run's context (Run, Prepare): the caller's, ended
// also by the function's time limit and by stop (output over its limit,
// CPU budget spent, the Sandbox closing), and carrying the run's
// environment, arguments and streams to the host functions (environ.go,
// stdio.go). It stands for context.WithTimeout, three context.WithValue
// layers and the context.AfterFunc that sets an instance's stop flag
// (callStopping): three allocations and 432 bytes fewer a run in
// BenchmarkRunAssemblyScript, and in a provider, where the parent is the
// request's context, no map of children made for it (watchAfter).
// Values it does not carry are the parent's, context.Cause among them:
// Cause gives the parent's cause, not why the run ended (nothing here
// asks).
type runContext struct {
	parent   context.Context
	deadline time.Time
	env      *environ // nil: the parent's, if any
	args     *environ
	streams  *stdio

	until time.Time // the run's own deadline
	timer *time.Timer

	mu      sync.Mutex
	done    chan struct{} // made by the first Done
	err     error
	after   []func()    // afterFunc's, nil once they have run
	unwatch func() bool // stops watching the parent; nil: not watched yet (tick)
}

// watchAfter is how long a run goes before it watches its parent (the
// request's context) for an end. Most runs are over sooner, and watching
// costs every request an entry in the parent's table of children (a map
// made for it) and the parent's Done channel; a parent that ends earlier
// ends the run about this late.
const watchAfter = time.Millisecond

// newRunContext returns parent's child that ends after timeout at the
// latest. Call release when the run is over.
func newRunContext(parent context.Context, timeout time.Duration) *runContext {
	until := time.Now().Add(timeout)
	c := &runContext{parent: parent, until: until, deadline: until}
	if d, ok := parent.Deadline(); ok && d.Before(until) {
		c.deadline = d
	}
	if err := parent.Err(); err != nil {
		c.err = err
		return c
	}
	c.mu.Lock() // tick reads c.timer, and may run before AfterFunc returns
	c.timer = time.AfterFunc(min(timeout, watchAfter), c.tick)
	c.mu.Unlock()
	return c
}

// tick is the timer's: the first watches the parent (after watchAfter)
// and waits for the deadline, the last ends the run at it.
func (c *runContext) tick() {
	left := time.Until(c.until)
	c.mu.Lock()
	if c.err != nil { // ended, or released (which ends it first)
		c.mu.Unlock()
		return
	}
	if left > 0 {
		if c.unwatch == nil {
			// A parent already ended runs this at once, on its own
			// goroutine, which waits for c.mu.
			c.unwatch = context.AfterFunc(c.parent, func() { c.end(c.parent.Err()) })
		}
		c.timer.Reset(left)
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	c.end(context.DeadlineExceeded)
}

// stop ends the run (context.Canceled): a context.CancelFunc.
func (c *runContext) stop() { c.end(context.Canceled) }

// release ends the run and stops its timer and its watch of the parent.
func (c *runContext) release() {
	c.stop()
	if c.timer != nil {
		c.timer.Stop()
	}
	c.mu.Lock() // after stop: a tick from now on returns, so unwatch is final
	unwatch := c.unwatch
	c.mu.Unlock()
	if unwatch != nil {
		unwatch()
	}
}

// end records why the run ended, closes Done and runs the afterFunc's,
// on this goroutine. Only the first call counts.
func (c *runContext) end(err error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	if c.done != nil {
		close(c.done)
	}
	after := c.after
	c.after = nil
	c.mu.Unlock()
	for _, f := range after {
		if f != nil {
			f()
		}
	}
}

// afterFunc runs f when the run ends, or at once if it has, on the
// goroutine that ends it (context.AfterFunc starts one for each).
// stop reports whether it kept f from running.
func (c *runContext) afterFunc(f func()) (stop func() bool) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		f()
		return func() bool { return false }
	}
	i := len(c.after)
	c.after = append(c.after, f)
	c.mu.Unlock()
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		if i >= len(c.after) || c.after[i] == nil {
			return false // run, or stopped already
		}
		c.after[i] = nil
		return true
	}
}

func (c *runContext) Deadline() (time.Time, bool) { return c.deadline, true }

func (c *runContext) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		c.done = make(chan struct{})
		if c.err != nil {
			close(c.done)
		}
	}
	return c.done
}

func (c *runContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *runContext) Value(key any) any {
	switch key.(type) {
	case environKey:
		if c.env != nil {
			return c.env
		}
	case argsKey:
		if c.args != nil {
			return c.args
		}
	case stdioKey:
		if c.streams != nil {
			return c.streams
		}
	}
	return c.parent.Value(key)
}

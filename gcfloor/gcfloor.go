// Package gcfloor keeps Go's collector from running more often than a heap
// of a given size needs.
//
// With GOGC's default of 100 the collector runs each time the heap grows by
// what was live after the last cycle. A node's live heap is small (a few
// MiB) while a request allocates several KiB, so under load it collected
// about 20 times a second, and collection was about an eighth of a small
// function's request (a provider with GOGC=400 took 0.88x the CPU per
// request of one with the default, measured side by side; RATIONALE.md, "The
// collector's floor"). Floor raises GOGC while the live heap is small, so
// the heap may grow to the floor before a cycle, and leaves it at 100 once
// the live heap is past half the floor: a large heap still grows only
// twice its live size.
package gcfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// DefaultFloor is the heap a node may grow to before a collection.
const DefaultFloor = 32 << 20

// maxPercent bounds GOGC however small the live heap is.
const maxPercent = 10000

// Start keeps the collector's goal at no less than floor bytes of heap, for
// the life of the process, unless GOGC is set in the environment (the
// operator's choice stands). It returns a function that stops adjusting and
// restores the GOGC in force before it.
func Start(floor uint64) (stop func()) {
	if _, set := os.LookupEnv("GOGC"); set || floor == 0 {
		return func() {}
	}
	t := &tuner{floor: floor, percent: 100, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	prev := debug.SetGCPercent(100)
	t.arm()
	return func() {
		t.stopped.Store(true)
		debug.SetGCPercent(prev)
	}
}

type tuner struct {
	floor   uint64
	percent int // the GOGC last set
	sample  []metrics.Sample
	stopped atomic.Bool
}

// arm runs adjust after the next collection: the cleanup of an object
// nothing refers to runs once a cycle has found it unreachable.
func (t *tuner) arm() {
	runtime.AddCleanup(new(sentinel), func(t *tuner) { t.adjust() }, t)
}

// sentinel holds pointers and is larger than 16 bytes, so the allocator
// never batches it with other objects (whose cleanup then might not run).
type sentinel struct{ _ [3]*byte }

// adjust sets GOGC so the next goal, live*(1+GOGC/100), is about the floor.
func (t *tuner) adjust() {
	if t.stopped.Load() {
		return
	}
	metrics.Read(t.sample)
	if p := Percent(t.floor, t.sample[0].Value.Uint64()); p != t.percent {
		t.percent = p
		debug.SetGCPercent(p)
	}
	t.arm()
}

// Percent is the GOGC at which a heap with live bytes live after a
// collection may grow to floor before the next: at least 100, at most
// maxPercent, rounded down to a multiple of 50 so small changes in the
// live heap do not reset it every cycle.
func Percent(floor, live uint64) int {
	if live == 0 || floor/live >= maxPercent/100 {
		return maxPercent
	}
	p := int(floor*100/live) - 100
	return max(p/50*50, 100)
}

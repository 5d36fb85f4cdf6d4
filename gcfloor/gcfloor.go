// Package gcfloor keeps Go's collector from running more often than a heap
// of a given size needs.
//
// With GOGC's default of 100 the collector runs each time the heap grows by
// what was live after the last cycle. A node's live heap is small (a few
// MiB) while a request allocates several KiB, so under load it collected
// about 20 times a second, and collection was about an eighth of a small
// function's request (a provider with GOGC=400 took 0.88x the CPU per
// request of one with the default, measured side by side; RATIONALE.md, "The
// collector's floor"). Start raises GOGC while the live heap is small, so
// the heap may grow to the floor before a cycle, and leaves it at 100 once
// the live heap is past half the floor: a large heap still grows only
// twice its live size.
package gcfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
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
	t := &tuner{floor: floor, percent: 100, sample: []metrics.Sample{
		{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/globals:bytes"}, {Name: "/gc/scan/stack:bytes"}}}
	prev := debug.SetGCPercent(100)
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.stopped = true
		debug.SetGCPercent(prev)
	}
}

type tuner struct {
	floor  uint64
	sample []metrics.Sample

	// mu orders adjust and stop: a cleanup runs on a goroutine of its own.
	mu      sync.Mutex
	percent int // the GOGC last set
	stopped bool
}

// arm runs adjust after the next collection: the cleanup of an object
// nothing refers to runs once a cycle has found it unreachable.
func (t *tuner) arm() {
	runtime.AddCleanup(new(sentinel), func(t *tuner) { t.adjust() }, t)
}

// sentinel holds pointers and is larger than 16 bytes, so the allocator
// never batches it with other objects (whose cleanup then might not run).
type sentinel struct{ _ [3]*byte }

// adjust sets GOGC so the next goal is about the floor.
func (t *tuner) adjust() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	metrics.Read(t.sample)
	live := t.sample[0].Value.Uint64()
	roots := t.sample[1].Value.Uint64() + t.sample[2].Value.Uint64()
	if p := Percent(t.floor, live, roots); p != t.percent {
		t.percent = p
		debug.SetGCPercent(p)
	}
	t.arm()
}

// Percent is the GOGC at which a heap with live bytes live after a
// collection, and roots bytes of globals and stacks to scan, may grow to
// floor before the next: the runtime's goal is live + (live + roots) *
// GOGC/100. At least 100, at most maxPercent, rounded down to a multiple
// of 50 so small changes in the live heap do not reset it every cycle.
func Percent(floor, live, roots uint64) int {
	if live >= floor {
		return 100
	}
	base := live + roots
	if base == 0 || (floor-live)/base >= maxPercent/100 {
		return maxPercent
	}
	p := int((floor - live) * 100 / base)
	return max(p/50*50, 100)
}

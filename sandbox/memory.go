package sandbox

import (
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero/experimental"
)

// linearMemory backs one instance's linear memory and enforces that
// instance's own page limit. wazero fixes a memory's maximum when a module is
// compiled, from the runtime-wide WithMemoryLimitPages; refusing growth here
// instead lets one compiled module run under a different limit per function
// without a runtime (and a decode) per limit. See doc.go.
type linearMemory struct {
	buf     []byte
	pool    *memPool
	limit   uint64 // bytes
	peak    uint64 // largest size handed out, for Response.Memory
	refused bool   // a grow was refused: the function hit its limit
	started bool   // the initial allocation is done
}

var _ experimental.LinearMemory = (*linearMemory)(nil)

// Reallocate implements experimental.LinearMemory. wazero calls it once with
// the minimum size at instantiation and again on every memory.grow.
// Returning nil makes memory.grow return -1. The first call is never
// refused: wazero cannot handle that, and the minimum is already within the
// provider's maximum and this Run's limit (checked by compile and Run).
func (m *linearMemory) Reallocate(size uint64) []byte {
	if size > m.limit && m.started {
		m.refused = true
		return nil
	}
	m.started = true
	m.peak = max(m.peak, size)
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size] // all of cap is zero past len: fresh, or cleared by put
		return m.buf
	}
	// Double like append, but never reserve past the limit. The old buffer
	// is left to the GC rather than pooled: growing past the reservation is
	// rare once Module.memHint has learnt the guest's size.
	c := min(max(size, 2*uint64(cap(m.buf))), max(size, m.limit))
	b := m.pool.get(c)[:size]
	copy(b, m.buf)
	m.buf = b
	return b
}

// Free implements experimental.LinearMemory. It does nothing: wazero may
// call it from another goroutine while the guest still runs (when the
// runtime closes), so Run, not Free, decides when buf can be reused.
func (m *linearMemory) Free() {}

// release hands buf back to the pool. Call it only once the instance can
// no longer run: after InstantiateModule has returned.
func (m *linearMemory) release() {
	m.pool.put(m.buf)
	m.buf = nil
}

// Pooled linear memories are 64 KiB (one page) to 16 MiB, in power-of-two
// classes. Larger ones are rare, and holding them would cost more idle
// memory than their allocation costs time.
const (
	minPoolShift = 16
	maxPoolShift = 24
)

// memPool recycles linear memories between instances, so a small guest's
// requests do not each leave a fresh buffer for the GC (measured: a sixth
// of a small guest's Run, and most of a provider's garbage per request).
//
// Isolation: put zeroes every byte an instance could have written (neither
// the guest nor wazero writes past len(buf), and past it the buffer is
// still zero), so get always returns all-zero memory, as make would. sync.Pool drops
// what stays unused across two garbage collections, so an idle provider
// does not keep the buffers (Go collects at least every two minutes).
type memPool struct {
	classes [maxPoolShift - minPoolShift + 1]sync.Pool // of *[]byte, len 0
	reused  atomic.Uint64                              // gets answered from the pool, for tests
}

// poolClass returns the pool index for a buffer of capacity c, and whether c
// is in a pooled class. Round up to get, down to put, so every buffer in
// class i holds at least 1<<(i+minPoolShift) bytes.
func poolClass(c uint64, up bool) (int, bool) {
	if c == 0 || c > 1<<maxPoolShift || (!up && c < 1<<minPoolShift) {
		return 0, false
	}
	shift := bits.Len64(c - 1) // ceil(log2 c)
	if !up {
		shift = bits.Len64(c) - 1 // floor(log2 c)
	}
	return max(shift, minPoolShift) - minPoolShift, true
}

// get returns a zeroed buffer of len 0 and cap at least c.
func (p *memPool) get(c uint64) []byte {
	i, ok := poolClass(c, true)
	if !ok {
		return make([]byte, 0, c)
	}
	if b, _ := p.classes[i].Get().(*[]byte); b != nil {
		p.reused.Add(1)
		return *b
	}
	return make([]byte, 0, uint64(1)<<(i+minPoolShift))
}

// put zeroes b[:len(b)] and keeps b for a later get. The caller must not
// use b afterwards.
func (p *memPool) put(b []byte) {
	i, ok := poolClass(uint64(cap(b)), false)
	if !ok {
		return
	}
	clear(b)
	b = b[:0]
	p.classes[i].Put(&b)
}

package sandbox

import "github.com/tetratelabs/wazero/experimental"

// linearMemory backs one instance's linear memory and enforces that
// instance's own page limit. wazero fixes a memory's maximum when a module is
// compiled, from the runtime-wide WithMemoryLimitPages; refusing growth here
// instead lets one compiled module run under a different limit per function
// without a runtime (and a decode) per limit. See doc.go.
type linearMemory struct {
	buf     []byte
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
// provider's maximum (checked at compile time) and, for an exported memory,
// within this Run's limit (checked by Run).
func (m *linearMemory) Reallocate(size uint64) []byte {
	if size > m.limit && m.started {
		m.refused = true
		return nil
	}
	m.started = true
	m.peak = max(m.peak, size)
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size] // wasm memory never shrinks, so the tail is still zero
		return m.buf
	}
	// Double like append, but never reserve past the limit.
	c := min(max(size, 2*uint64(cap(m.buf))), max(size, m.limit))
	b := make([]byte, size, c)
	copy(b, m.buf)
	m.buf = b
	return b
}

// Free implements experimental.LinearMemory; the Go GC reclaims buf.
func (m *linearMemory) Free() { m.buf = nil }

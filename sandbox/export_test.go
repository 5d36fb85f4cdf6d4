package sandbox

// MemoryReuses reports how many linear memories s's pool has handed out
// again, so tests can tell reuse happened.
func MemoryReuses(s *Sandbox) uint64 { return s.mem.reused.Load() }

// SLEB128 is sleb128, for tests' hand-made modules.
var SLEB128 = sleb128

// Instrument is instrument, returning the rewritten module and how many
// instructions it decoded.
func Instrument(wasm []byte) ([]byte, int, error) {
	m, err := instrument(wasm)
	if err != nil {
		return nil, 0, err
	}
	return m.wasm, m.instructions, nil
}

// DataSegments returns how many data segments a valid module has.
func DataSegments(wasm []byte) int {
	r := &reader{b: wasm, off: 8}
	for r.more() {
		id, body := r.byte(), r.bytes(r.u32())
		if id == idData {
			return int((&reader{b: body}).count())
		}
	}
	return 0
}

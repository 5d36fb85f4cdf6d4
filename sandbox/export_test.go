package sandbox

import (
	"bytes"
	"errors"
	"fmt"
)

// RewritePath is where s keeps the rewrite of the module compiled under
// key.
func RewritePath(s *Sandbox, key string) string { return s.rewritePath(key) }

// MemoryReuses reports how many linear memories s's pool has handed out
// again, so tests can tell reuse happened.
func MemoryReuses(s *Sandbox) uint64 { return s.mem.reused.Load() }

// CheckIdle checks that every idle instance of m's reactor is exactly in
// its snapshot's state: memory byte for byte the image (and zero past it,
// however far an earlier request grew it) and every global as saved. It
// returns how many instances it checked.
func CheckIdle(m *Module) (int, error) {
	r := m.reactor
	r.mu.Lock()
	defer r.mu.Unlock()
	img := r.snap.img
	want := make([]byte, img.size)
	if n, err := readImage(img, want); err != nil || n != len(want) {
		return 0, fmt.Errorf("read image: %d, %v", n, err)
	}
	for i, w := range r.idle {
		mem, ok := w.inst.Memory().Read(0, w.inst.Memory().Size())
		if !ok {
			return i, errors.New("read memory")
		}
		if !bytes.Equal(mem[:len(want)], want) {
			for p := 0; p < len(want); p += 4096 {
				if !bytes.Equal(mem[p:p+4096], want[p:p+4096]) {
					return i, fmt.Errorf("instance %d: memory differs from the snapshot at page %d", i, p/4096)
				}
			}
		}
		for j, b := range mem[len(want):] {
			if b != 0 {
				return i, fmt.Errorf("instance %d: byte %d past the snapshot is %d", i, len(want)+j, b)
			}
		}
		for j, g := range w.globals {
			if g.Get() != r.snap.globals[j] {
				return i, fmt.Errorf("instance %d: global %s is %d, snapshot %d", i, r.globals[j], g.Get(), r.snap.globals[j])
			}
		}
	}
	return len(r.idle), nil
}

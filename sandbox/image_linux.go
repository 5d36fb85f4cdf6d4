package sandbox

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/unix"
)

// image is a snapshot's linear memory in a sealed memfd. Every instance of
// the snapshot maps it copy-on-write (MAP_PRIVATE): starting an instance
// copies nothing, a request pays only for the pages it writes, and putting
// the memory back is one madvise, after which the kernel serves the
// snapshot's pages again. Zero pages are left as holes, so the image holds
// only what the snapshot wrote.
type image struct {
	fd   int
	size uint64 // bytes, a whole number of wasm pages
}

func newImage(b []byte) (*image, error) {
	fd, err := unix.MemfdCreate("wf-snapshot", unix.MFD_CLOEXEC|unix.MFD_ALLOW_SEALING)
	if err != nil {
		return nil, fmt.Errorf("sandbox: snapshot: memfd: %w", err)
	}
	im := &image{fd: fd, size: uint64(len(b))}
	if err := unix.Ftruncate(fd, int64(len(b))); err != nil {
		im.close()
		return nil, fmt.Errorf("sandbox: snapshot: %w", err)
	}
	const page = 4096
	for off := 0; off < len(b); {
		if allZero(b[off:min(off+page, len(b))]) {
			off += page
			continue
		}
		end := off + page
		for end < len(b) && !allZero(b[end:min(end+page, len(b))]) {
			end += page
		}
		end = min(end, len(b))
		for w := off; w < end; {
			n, err := unix.Pwrite(fd, b[w:end], int64(w))
			if err != nil {
				im.close()
				return nil, fmt.Errorf("sandbox: snapshot: %w", err)
			}
			w += n
		}
		off = end
	}
	// Sealed: nothing, this process included, can change a snapshot that
	// instances are mapping.
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_ADD_SEALS, unix.F_SEAL_WRITE|unix.F_SEAL_GROW|unix.F_SEAL_SHRINK|unix.F_SEAL_SEAL); err != nil {
		im.close()
		return nil, fmt.Errorf("sandbox: snapshot: seal: %w", err)
	}
	return im, nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func (im *image) close() { unix.Close(im.fd) }

// mapMemory returns a linear memory that starts as the image and may grow
// to reserve bytes (anonymous, zero pages past the image). Address space
// only: pages are allocated when written.
func (im *image) mapMemory(reserve uint64) (*imageMemory, error) {
	reserve = max(reserve, im.size)
	base, err := unix.Mmap(-1, 0, int(reserve), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
	if err != nil {
		return nil, fmt.Errorf("sandbox: map snapshot: %w", err)
	}
	if im.size > 0 {
		if _, err := unix.MmapPtr(im.fd, 0, unsafe.Pointer(&base[0]), uintptr(im.size), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_FIXED); err != nil {
			unix.Munmap(base)
			return nil, fmt.Errorf("sandbox: map snapshot: %w", err)
		}
	}
	return &imageMemory{mapping: base}, nil
}

// reset puts the first used bytes back as the image has them (and zero
// past it): the kernel drops the instance's private copies.
func (m *imageMemory) reset(used uint64) error {
	used = min((used+4095)&^4095, uint64(len(m.mapping)))
	if err := unix.Madvise(m.mapping[:used], unix.MADV_DONTNEED); err != nil {
		return fmt.Errorf("sandbox: reset memory: %w", err)
	}
	return nil
}

// unmap releases the memory. The instance using it must be closed.
func (m *imageMemory) unmap() {
	unix.Munmap(m.mapping)
	m.mapping = nil
}

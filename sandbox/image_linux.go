package sandbox

import (
	"encoding/binary"
	"fmt"
	"os"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// image is a snapshot's linear memory in a sealed memfd. Every instance of
// the snapshot maps it copy-on-write (MAP_PRIVATE): starting an instance
// copies nothing, and the pages an instance never writes stay the image's,
// shared. Zero pages are left as holes, so the image holds only what the
// snapshot wrote.
//
// Putting an instance's memory back (reset) copies the image over the pages
// the instance has written, found in /proc/self/pagemap: a page of a private
// file mapping that was written is an anonymous page. The pages stay the
// instance's own, so the next request writes them without a fault (a
// copy-on-write fault cost about 3.5 us on the test VM, and a Go request
// writes about 170 pages; a Go command, which starts its runtime every
// request, about 1,000). When more than maxCopyBytes have been written,
// reset hands them back with madvise instead, so an idle instance does not
// keep a large request's memory.
type image struct {
	fd       int
	size     uint64 // bytes, a whole number of wasm pages
	view     []byte // the image, mapped read-only and shared
	resident int64  // bytes written to the memfd (its zero pages are holes)
}

// pagemap is /proc/self/pagemap, opened once; nil if it cannot be read.
var pagemap = sync.OnceValue(func() *os.File {
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return nil
	}
	return f
})

// Bits of a pagemap entry (Documentation/admin-guide/mm/pagemap.rst).
const (
	pmPresent = 1 << 63
	pmSwapped = 1 << 62
	pmFile    = 1 << 61 // a file page or shared anonymous: not written here
)

var osPage = uint64(unix.Getpagesize())

// maxCopyBytes is the most written memory reset copies back rather than
// hands back to the kernel.
const maxCopyBytes = 16 << 20

// The first two resets and every trimEvery-th hand the written pages back
// instead of copying: the pages an instance has ever written only grow,
// and the first requests after a snapshot write far more than later ones
// (lazy initialisation: 690 pages for the test reactor's first request, 44
// for each later one), so without it every reset would copy those too
// (measured: 92-145 us per reset instead of about 30).
const trimEvery = 64

// ownPage reports whether a pagemap entry is a page the instance has
// written: anonymous (a private copy), in memory or swapped out.
func ownPage(e uint64) bool {
	return e&pmSwapped != 0 || e&pmPresent != 0 && e&pmFile == 0
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
		im.resident += int64(end - off)
		off = end
	}
	// Sealed: nothing, this process included, can change a snapshot that
	// instances are mapping.
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_ADD_SEALS, unix.F_SEAL_WRITE|unix.F_SEAL_GROW|unix.F_SEAL_SHRINK|unix.F_SEAL_SEAL); err != nil {
		im.close()
		return nil, fmt.Errorf("sandbox: snapshot: seal: %w", err)
	}
	if im.size > 0 {
		if im.view, err = unix.Mmap(fd, 0, int(im.size), unix.PROT_READ, unix.MAP_SHARED); err != nil {
			im.close()
			return nil, fmt.Errorf("sandbox: snapshot: map: %w", err)
		}
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

func (im *image) close() {
	if im.view != nil {
		unix.Munmap(im.view)
		im.view = nil
	}
	unix.Close(im.fd)
}

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
	return &imageMemory{mapping: base, img: im}, nil
}

// reset puts the first used bytes back as the image has them, and zero
// past it.
func (m *imageMemory) reset(used uint64) error {
	used = min((used+osPage-1)&^(osPage-1), uint64(len(m.mapping)))
	pages := used / osPage
	m.resets++
	if pm := pagemap(); pm != nil && m.img.view != nil && m.resets > 2 && m.resets%trimEvery != 0 {
		if uint64(cap(m.pm)) < 8*pages {
			m.pm = make([]byte, 8*pages)
		}
		buf := m.pm[:8*pages]
		at := int64(uintptr(unsafe.Pointer(&m.mapping[0])) / uintptr(osPage) * 8)
		if n, err := pm.ReadAt(buf, at); err == nil && n == len(buf) {
			written := 0
			for i := uint64(0); i < pages; i++ {
				if ownPage(binary.LittleEndian.Uint64(buf[8*i:])) {
					written++
				}
			}
			m.written = int64(written)
			if uint64(written)*osPage <= maxCopyBytes {
				for i := uint64(0); i < pages; i++ {
					if !ownPage(binary.LittleEndian.Uint64(buf[8*i:])) {
						continue
					}
					p := m.mapping[i*osPage : (i+1)*osPage]
					if off := i * osPage; off < m.img.size {
						copy(p, m.img.view[off:])
					} else {
						clear(p)
					}
				}
				return nil
			}
		}
	}
	// The kernel drops the instance's own pages: the image's come back.
	m.written = 0
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

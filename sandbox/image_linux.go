package sandbox

import (
	"encoding/binary"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
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

// The first two resets (and, where reset reads the pagemap entries rather
// than scanning, every trimEvery-th) hand the written pages back instead
// of copying: the pages an instance has ever written only grow,
// and the first requests after a snapshot write far more than later ones
// (lazy initialisation: 690 pages for the test reactor's first request, 44
// for each later one), so without it every reset would copy those too
// (measured: 92-145 us per reset instead of about 30).
const trimEvery = 64

// With PAGEMAP_SCAN, reset knows how many pages an instance owns, so it
// hands them back only when they have grown: past twice what it owned after
// its last trim (settled), plus trimSlack. An instance whose requests write
// the same pages keeps them for good, and no request takes copy-on-write
// faults for pages it writes every time (a trim every 64 resets cost the
// next request about 27 faults for the Go template's handler).
const trimSlack = 32

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
	if m.img.view != nil && m.resets > 2 {
		if ranges, written, ok := m.scanWritten(used); ok {
			m.written = int64(written)
			grown := m.settled > 0 && written > 2*m.settled+trimSlack
			if m.settled == 0 {
				m.settled = written
			}
			if written*osPage <= maxCopyBytes && !grown {
				for _, r := range ranges {
					m.restore(r[0], r[1])
				}
				return nil
			}
			m.settled = 0 // measured again at the next reset
		} else if pm := pagemap(); pm != nil && m.resets%trimEvery != 0 {
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
						if ownPage(binary.LittleEndian.Uint64(buf[8*i:])) {
							m.restore(i*osPage, (i+1)*osPage)
						}
					}
					return nil
				}
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

// restore copies the image's bytes [lo, hi) over the instance's, and zero
// past the image.
func (m *imageMemory) restore(lo, hi uint64) {
	if lo < m.img.size {
		n := copy(m.mapping[lo:hi], m.img.view[lo:min(hi, m.img.size)])
		lo += uint64(n)
	}
	if lo < hi {
		clear(m.mapping[lo:hi])
	}
}

// PAGEMAP_SCAN (Linux 6.7, Documentation/admin-guide/mm/pagemap.rst): the
// kernel walks the page table and answers only the ranges of pages that
// match, instead of an 8-byte entry for every page.
const (
	pagemapScan   = 0xc0606610 // _IOWR('f', 16, struct pm_scan_arg)
	pageIsFile    = 1 << 2
	pageIsPresent = 1 << 3
	pageIsSwapped = 1 << 4
	pageIsPFNZero = 1 << 5
)

// pmScanArg is struct pm_scan_arg.
type pmScanArg struct {
	size, flags, start, end, walkEnd, vec, vecLen, maxPages uint64
	inverted, mask, anyOf, returnMask                       uint64
}

// pageRegion is struct page_region.
type pageRegion struct{ start, end, categories uint64 }

// noScan is set once PAGEMAP_SCAN has failed: an older kernel, or a
// pagemap that refuses it. reset then reads the pagemap entries.
var noScan atomic.Bool

// scanWritten returns the ranges (offsets, page-aligned) of the first used
// bytes that the instance has written, and how many pages they hold: the
// pages that are its own (anonymous, in memory or swapped out), not the
// image's (a file page) nor the shared zero page (read, never written, and
// zero as the image or the memory past it is there). ok is false if the
// kernel cannot say.
func (m *imageMemory) scanWritten(used uint64) (ranges [][2]uint64, pages uint64, ok bool) {
	pm := pagemap()
	if pm == nil || noScan.Load() || used == 0 {
		return nil, 0, false
	}
	if m.regions == nil {
		m.regions = make([]pageRegion, 32)
	}
	base := uint64(uintptr(unsafe.Pointer(&m.mapping[0])))
	arg := pmScanArg{
		size:       uint64(unsafe.Sizeof(pmScanArg{})),
		start:      base,
		end:        base + used,
		inverted:   pageIsFile | pageIsPFNZero,
		mask:       pageIsFile | pageIsPFNZero,
		anyOf:      pageIsPresent | pageIsSwapped,
		returnMask: pageIsPresent | pageIsSwapped,
	}
	ranges = m.ranges[:0]
	for arg.start < arg.end {
		arg.vec, arg.vecLen = uint64(uintptr(unsafe.Pointer(&m.regions[0]))), uint64(len(m.regions))
		n, _, errno := unix.Syscall(unix.SYS_IOCTL, pm.Fd(), pagemapScan, uintptr(unsafe.Pointer(&arg)))
		if errno != 0 || n > uintptr(len(m.regions)) || arg.walkEnd <= arg.start && n == 0 {
			noScan.Store(errno != 0 && errno != unix.EINTR)
			return nil, 0, false
		}
		for _, r := range m.regions[:n] {
			if r.start < base || r.end > base+used || r.start >= r.end {
				return nil, 0, false
			}
			ranges = append(ranges, [2]uint64{r.start - base, r.end - base})
			pages += (r.end - r.start) / osPage
		}
		arg.start = arg.walkEnd
	}
	m.ranges = ranges
	return ranges, pages, true
}

// unmap releases the memory. The instance using it must be closed.
func (m *imageMemory) unmap() {
	unix.Munmap(m.mapping)
	m.mapping = nil
}

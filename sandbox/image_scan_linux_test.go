package sandbox

import (
	"bytes"
	"encoding/binary"
	"testing"
	"unsafe"
)

// TestScanWritten: PAGEMAP_SCAN names exactly the pages an instance wrote
// (in the image and past it), not those it only read, and agrees with the
// pagemap entries reset reads without it; a reset through it puts memory
// back to the image.
func TestScanWritten(t *testing.T) {
	img0 := make([]byte, 64<<10) // one wasm page: 16 OS pages
	for i := range img0 {
		if i/4096%3 != 2 { // every third page a hole
			img0[i] = byte(i*7 + 1)
		}
	}
	img, err := newImage(img0)
	if err != nil {
		t.Fatal(err)
	}
	defer img.close()
	m, err := img.mapMemory(4 << 20)
	if err != nil {
		t.Fatal(err)
	}
	defer m.unmap()
	used := uint64(256 << 10) // the image and 192 KiB past it
	written := map[uint64]bool{}
	var sum byte
	for p := uint64(0); p < used/osPage; p++ {
		switch p % 4 {
		case 0, 3: // written: in the image, in a hole, past it
			m.mapping[p*osPage+5] = 0xEE
			written[p] = true
		case 1: // read only: the image's page, a hole's, the zero page
			sum += m.mapping[p*osPage+9]
		}
	}
	_ = sum
	ranges, pages, ok := m.scanWritten(used)
	if !ok {
		if noScan.Load() {
			t.Skip("PAGEMAP_SCAN not supported here (Linux before 6.7)")
		}
		t.Fatal("scan failed")
	}
	got := map[uint64]bool{}
	for _, r := range ranges {
		if r[0]%osPage != 0 || r[1]%osPage != 0 || r[1] <= r[0] || r[1] > used {
			t.Fatalf("range %v", r)
		}
		for p := r[0] / osPage; p < r[1]/osPage; p++ {
			got[p] = true
		}
	}
	if pages != uint64(len(written)) || len(got) != len(written) {
		t.Fatalf("scan: %d pages in %d ranges, %d distinct; wrote %d", pages, len(ranges), len(got), len(written))
	}
	for p := range written {
		if !got[p] {
			t.Fatalf("page %d was written but not reported", p)
		}
	}
	// The pagemap entries say the same.
	buf := make([]byte, 8*used/osPage)
	at := int64(uintptr(unsafe.Pointer(&m.mapping[0])) / uintptr(osPage) * 8)
	if _, err := pagemap().ReadAt(buf, at); err != nil {
		t.Fatal(err)
	}
	for p := uint64(0); p < used/osPage; p++ {
		if own := ownPage(binary.LittleEndian.Uint64(buf[8*p:])); own != written[p] && !(own && !written[p] && p >= img.size/osPage) {
			t.Fatalf("page %d: pagemap says own %v, wrote %v", p, own, written[p])
		}
	}
	// A reset by the scan (not one of the first two, which drop pages).
	m.resets = 5
	if err := m.reset(used); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.mapping[:len(img0)], img0) {
		t.Fatal("image pages differ after reset")
	}
	// Past the image, the written pages must be zero again. The others are
	// not read: on some kernels (6.18 on this project's VMs) a read of a
	// page past the image after a scan gives the instance a page of its
	// own (zero, but no longer the zero page), which the next scan counts
	// as written: harmless to reset, fatal to the counts checked below.
	for p := uint64(len(img0)) / osPage; p < used/osPage; p++ {
		if !written[p] {
			continue
		}
		for i, c := range m.mapping[p*osPage : (p+1)*osPage] {
			if c != 0 {
				t.Fatalf("byte %d past the image is %d after reset", p*osPage+uint64(i), c)
			}
		}
	}
	if m.written != int64(len(written)) {
		t.Fatalf("written %d, want %d", m.written, len(written))
	}
	// The same pages again: copied back, kept.
	for p := range written {
		m.mapping[p*osPage+5] = 0xEE
	}
	if err := m.reset(used); err != nil || m.written != int64(len(written)) {
		t.Fatalf("%v: written %d, want %d", err, m.written, len(written))
	}
	// A request that writes far more (over twice as many, plus the
	// slack): its pages are handed back, not copied, and the memory is
	// the image again.
	used = 1 << 20 // the memory grew: 256 pages
	for p := uint64(0); p < used/osPage; p++ {
		m.mapping[p*osPage+7] = 0xDD
	}
	if err := m.reset(used); err != nil || m.written != 0 {
		t.Fatalf("%v: written %d after a trim", err, m.written)
	}
	if !bytes.Equal(m.mapping[:len(img0)], img0) {
		t.Fatal("image pages differ after a trim")
	}
	if _, pages, _ := m.scanWritten(used); pages != 0 {
		t.Fatalf("%d pages still the instance's after a trim", pages)
	}
}

// BenchmarkFindWritten compares the two ways reset finds written pages, on
// a 5 MiB memory (the test reactor's) with 44 pages written (its /echo).
func BenchmarkFindWritten(b *testing.B) {
	img0 := make([]byte, 5<<20)
	for i := 0; i < len(img0); i += 64 {
		img0[i] = 1
	}
	img, err := newImage(img0)
	if err != nil {
		b.Fatal(err)
	}
	defer img.close()
	m, err := img.mapMemory(64 << 20)
	if err != nil {
		b.Fatal(err)
	}
	defer m.unmap()
	var sum byte
	for i := range img0 {
		sum += m.mapping[i]
	}
	_ = sum
	for p := 0; p < 44; p++ {
		m.mapping[p*97*4096%len(img0)] = 2
	}
	used := uint64(len(img0))
	b.Run("scan", func(b *testing.B) {
		if _, _, ok := m.scanWritten(used); !ok && noScan.Load() {
			b.Skip("PAGEMAP_SCAN not supported here (Linux before 6.7)")
		}
		for b.Loop() {
			if _, n, ok := m.scanWritten(used); !ok || n != 44 {
				b.Fatal(n, ok)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		buf := make([]byte, 8*used/osPage)
		at := int64(uintptr(unsafe.Pointer(&m.mapping[0])) / uintptr(osPage) * 8)
		for b.Loop() {
			if _, err := pagemap().ReadAt(buf, at); err != nil {
				b.Fatal(err)
			}
			n := 0
			for i := 0; i < len(buf); i += 8 {
				if ownPage(binary.LittleEndian.Uint64(buf[i:])) {
					n++
				}
			}
			if n != 44 {
				b.Fatal(n)
			}
		}
	})
}

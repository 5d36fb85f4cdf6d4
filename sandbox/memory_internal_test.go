package sandbox

import "testing"

func TestPoolClass(t *testing.T) {
	tests := []struct {
		name   string
		c      uint64
		up     bool
		want   int
		wantOK bool
	}{
		{"zero", 0, true, 0, false},
		{"one page, get", 1 << 16, true, 0, true},
		{"one page, put", 1 << 16, false, 0, true},
		{"under a page, get", 100, true, 0, true},
		{"under a page, put", 100, false, 0, false},
		{"just over a page, get rounds up", 1<<16 + 1, true, 1, true},
		{"just over a page, put rounds down", 1<<16 + 1, false, 0, true},
		{"3 pages, get", 3 << 16, true, 2, true},
		{"3 pages, put", 3 << 16, false, 1, true},
		{"16 MiB", 16 << 20, true, maxPoolShift - minPoolShift, true},
		{"over 16 MiB, get", 16<<20 + 1, true, 0, false},
		{"over 16 MiB, put", 16<<20 + 1, false, 0, false},
		{"32 MiB, put", 32 << 20, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := poolClass(tt.c, tt.up)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("poolClass(%d, %v) = %d, %v; want %d, %v", tt.c, tt.up, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestPoolZeroes checks get never returns a byte put left behind, over
// the whole capacity, for every size class.
func TestPoolZeroes(t *testing.T) {
	var p memPool
	for shift := minPoolShift; shift <= maxPoolShift; shift++ {
		size := uint64(1) << shift
		b := p.get(size)
		if uint64(cap(b)) < size || len(b) != 0 {
			t.Fatalf("get(%d): len %d cap %d", size, len(b), cap(b))
		}
		b = b[:size-size/4] // a guest used most of it
		for i := range b {
			b[i] = 0xAB
		}
		p.put(b)
		got := p.get(size)
		got = got[:cap(got)]
		for i, c := range got {
			if c != 0 {
				t.Fatalf("class %d: byte %d is %#x after reuse", shift, i, c)
			}
		}
	}
	if p.reused.Load() == 0 { // sync.Pool may drop a Put, but not all nine
		t.Error("nothing was reused")
	}
}

package provider

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/wf"
)

// Many goroutines over more functions than the bound: the figures stay
// bounded, consistent and race-free (run with -race).
func TestFunctionStatsHammer(t *testing.T) {
	s := newFunctionStats(time.Now())
	const workers, each = 8, 1200
	var wg sync.WaitGroup
	hot := wf.SumCID(0x55, []byte("hot"))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				c := wf.SumCID(0x55, fmt.Appendf(nil, "%d-%d", w, i))
				s.ran(c, 200, time.Millisecond, nil, time.Now())
				s.ran(hot, 200, time.Millisecond, nil, time.Now())
				if i%100 == 0 {
					s.refused(hot, 402, time.Now())
					_ = s.of(hot)
				}
			}
		}()
	}
	wg.Wait()
	s.mu.RLock()
	n := len(s.fns)
	s.mu.RUnlock()
	if n > MaxStatsFunctions {
		t.Fatalf("%d functions kept, bound %d", n, MaxStatsFunctions)
	}
	got := s.of(hot)
	if want := uint64(workers*each + workers*each/100); got.Requests != want || got.ByStatus["200"] != workers*each || got.Refused != workers*each/100 || got.Latency.Count != workers*each {
		t.Fatalf("hot function: %+v (want %d requests)", got, want)
	}
}

// BenchmarkFunctionStatsRan is what recording one run costs the request
// path, to set beside BenchmarkInvoke.
func BenchmarkFunctionStatsRan(b *testing.B) {
	s := newFunctionStats(time.Now())
	c := wf.SumCID(0x55, []byte("f"))
	now := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s.ran(c, 200, 300*time.Microsecond, nil, now)
		}
	})
}

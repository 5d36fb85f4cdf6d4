package provider

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/webfunctions/wf/wf"
)

// job names a function and its owner in these tests: "f1/a" is function
// f1 of owner a.
type job string

func (j job) ids() (wf.CID, wf.Address) {
	fn, owner, _ := strings.Cut(string(j), "/")
	var a wf.Address
	copy(a[:], owner)
	return wf.SumCID(wf.CodecRaw, []byte(fn)), a
}

func (j job) acquire(s *scheduler, ctx context.Context, timeout time.Duration) (func(), error) {
	fn, owner := j.ids()
	return s.acquire(ctx, fn, owner, timeout)
}

// Which waiter gets a freed slot: the caps hold, and among the waiters
// that fit, the one whose owner, then function, runs fewest goes first,
// the oldest among equals.
func TestSchedOrder(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		total, perFn, perOwn int
		running              []job // hold slots, in this order
		waiting              []job // then wait, in this order
		release              int   // then the running job at this index ends
		want                 []job // waiters running after the release, in grant order
		stillWaiting         int
	}{
		{name: "fifo within one function", total: 1, perFn: 1, perOwn: 1,
			running: []job{"f/a"}, waiting: []job{"f/a", "f/a"}, release: 0,
			want: []job{"f/a"}, stillWaiting: 1},
		{name: "quiet function overtakes a flood", total: 2, perFn: 2, perOwn: 2,
			running: []job{"f/a", "f/a"}, waiting: []job{"f/a", "f/a", "f/a", "g/b"}, release: 0,
			want: []job{"g/b"}, stillWaiting: 3},
		{name: "quiet owner overtakes a busy owner's other function", total: 2, perFn: 2, perOwn: 2,
			running: []job{"f/a", "g/b"}, waiting: []job{"h/a", "k/c"}, release: 1,
			want: []job{"k/c"}, stillWaiting: 1},
		{name: "same owner: the function running fewest goes first", total: 3, perFn: 3, perOwn: 3,
			running: []job{"f/a", "f/a", "g/a"}, waiting: []job{"f/a", "h/a"}, release: 0,
			want: []job{"h/a"}, stillWaiting: 1},
		{name: "function cap leaves slots to others", total: 4, perFn: 2, perOwn: 4,
			running: []job{"f/a", "f/a"}, waiting: []job{"f/a", "f/a", "g/a"}, release: -1,
			want: []job{"g/a"}, stillWaiting: 2},
		{name: "owner cap spans its functions", total: 4, perFn: 4, perOwn: 2,
			running: []job{"f/a", "g/a"}, waiting: []job{"h/a", "k/b"}, release: -1,
			want: []job{"k/b"}, stillWaiting: 1},
		{name: "a freed capped slot goes to the same function", total: 4, perFn: 1, perOwn: 4,
			running: []job{"f/a", "g/b"}, waiting: []job{"f/a", "g/b"}, release: 0,
			want: []job{"f/a"}, stillWaiting: 1},
		{name: "nothing fits", total: 2, perFn: 1, perOwn: 1,
			running: []job{"f/a"}, waiting: []job{"g/a", "f/a"}, release: -1,
			stillWaiting: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := newScheduler(tc.total, tc.perFn, tc.perOwn)
				var releases []func()
				for _, j := range tc.running {
					rel, err := j.acquire(s, t.Context(), time.Second)
					if err != nil {
						t.Fatalf("%s: %v", j, err)
					}
					releases = append(releases, rel)
				}
				var mu sync.Mutex
				var granted []job
				for _, j := range tc.waiting {
					go func() {
						rel, err := j.acquire(s, t.Context(), time.Hour)
						if err != nil {
							return
						}
						mu.Lock()
						granted = append(granted, j)
						mu.Unlock()
						_ = rel // held until the bubble ends
					}()
					synctest.Wait() // each waits before the next comes
				}
				if tc.release >= 0 {
					releases[tc.release]()
				}
				synctest.Wait()
				mu.Lock()
				got := fmt.Sprint(granted)
				mu.Unlock()
				if want := fmt.Sprint(tc.want); got != want && !(len(tc.want) == 0 && got == "[]") {
					t.Errorf("granted %s, want %s", got, want)
				}
				if _, waiting := s.stats(); waiting != tc.stillWaiting {
					t.Errorf("%d still waiting, want %d", waiting, tc.stillWaiting)
				}
			})
		})
	}
}

// A waiter that gets no slot in time gets 429 naming the cap that held it;
// one whose caller goes away gets the context's error; neither keeps its
// place in the queue.
func TestSchedTimeout(t *testing.T) {
	for _, tc := range []struct {
		name    string
		running []job
		wait    job
		want    string
	}{
		{"provider full", []job{"f/a", "g/b"}, "h/c", "the provider is running 2 functions"},
		{"function cap", []job{"f/a"}, "f/a", "this function is running 1 requests"},
		{"owner cap", []job{"f/a"}, "g/a", "this function's owner is running 1 requests"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := newScheduler(2, 1, 1)
				for _, j := range tc.running {
					if _, err := j.acquire(s, t.Context(), 0); err != nil {
						t.Fatal(err)
					}
				}
				start := time.Now()
				_, err := tc.wait.acquire(s, t.Context(), 2*time.Second)
				if !errors.Is(err, wf.ErrRateLimited) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("got %v, want rate limited: %q", err, tc.want)
				}
				if took := time.Since(start); took != 2*time.Second {
					t.Errorf("waited %v, want the timeout", took)
				}
				if _, waiting := s.stats(); waiting != 0 {
					t.Errorf("%d still waiting after the timeout", waiting)
				}
			})
		})
	}
	t.Run("caller gone", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			s := newScheduler(1, 1, 1)
			if _, err := job("f/a").acquire(s, t.Context(), 0); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			time.AfterFunc(time.Second, cancel)
			if _, err := job("g/b").acquire(s, ctx, time.Minute); !errors.Is(err, context.Canceled) {
				t.Errorf("got %v, want context.Canceled", err)
			}
			if _, waiting := s.stats(); waiting != 0 {
				t.Errorf("%d still waiting after the caller left", waiting)
			}
		})
	})
}

func TestSchedShare(t *testing.T) {
	for _, tc := range []struct {
		n, total int
		want     int
	}{
		{0, 8, 4}, {0, 9, 4}, {0, 1, 1}, {0, 2, 1}, {-1, 8, 8}, {3, 8, 3}, {0, 64, 32},
	} {
		if got := share(tc.n, tc.total, 0.5); got != tc.want {
			t.Errorf("share(%d, %d, 0.5) = %d, want %d", tc.n, tc.total, got, tc.want)
		}
	}
}

// Many goroutines take and free slots of a few functions and owners at
// random; the caps always hold and every request is served.
func TestSchedHammer(t *testing.T) {
	const total, perFn, perOwn = 6, 3, 4
	s := newScheduler(total, perFn, perOwn)
	jobs := []job{"f/a", "g/a", "h/a", "k/b", "m/b", "n/c"}
	var mu sync.Mutex
	running, fns, owners := 0, map[job]int{}, map[byte]int{}
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 1))
			for range 300 {
				j := jobs[r.IntN(len(jobs))]
				owner := j[len(j)-1]
				ctx := context.Background()
				var cancel context.CancelFunc
				if r.IntN(10) == 0 { // some callers leave early
					ctx, cancel = context.WithTimeout(ctx, time.Duration(r.IntN(100))*time.Microsecond)
				}
				rel, err := j.acquire(s, ctx, time.Minute)
				if cancel != nil {
					cancel()
				}
				if err != nil {
					if !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("%s: %v", j, err)
					}
					continue
				}
				mu.Lock()
				running++
				fns[j]++
				owners[owner]++
				if running > total || fns[j] > perFn || owners[owner] > perOwn {
					t.Errorf("running %d, %s %d, owner %c %d: over a cap", running, j, fns[j], owner, owners[owner])
				}
				mu.Unlock()
				if r.IntN(2) == 0 {
					time.Sleep(time.Duration(r.IntN(50)) * time.Microsecond)
				}
				mu.Lock()
				running--
				fns[j]--
				owners[owner]--
				mu.Unlock()
				rel()
			}
		})
	}
	wg.Wait()
	if running, waiting := s.stats(); running != 0 || waiting != 0 {
		t.Errorf("after the hammer: %d running, %d waiting", running, waiting)
	}
}

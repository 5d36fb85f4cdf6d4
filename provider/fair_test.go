package provider_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// flood calls url from n goroutines, each again as soon as it is answered,
// until stop; it returns the statuses the callers saw.
func flood(url string, n int) (stop func() map[int]int) {
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	counts := map[int]int{}
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for ctx.Err() == nil {
				req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				counts[resp.StatusCode]++
				mu.Unlock()
			}
		})
	}
	return func() map[int]int { cancel(); wg.Wait(); return counts }
}

// Finding 6, scheduling: eight calls of a 5 s sleeper, or sixteen of a
// loop, held every slot of the global pool, and an innocent function of
// another owner got about one answer a second, or 429. Slots are now
// capped per function and per owner and handed out fewest-running first:
// with 16 or 64 callers of owner A's sleeper, owner B's function, called
// one request at a time, never gets 429 and keeps at least half the
// throughput it has on an idle provider.
func TestFairSchedulingUnderFlood(t *testing.T) {
	for _, callers := range []int{16, 64} {
		t.Run(fmt.Sprintf("%d callers", callers), func(t *testing.T) {
			env := wftest.New(t, wftest.Options{Provider: provider.Config{MaxConcurrent: 8}})
			slow := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec()) // owner A
			keyB, err := chain.GenerateKey()
			if err != nil {
				t.Fatal(err)
			}
			env.Key = keyB
			innocent := env.Deploy(t, templates.HelloWasm, wftest.Spec()) // owner B
			url := env.URL + "/" + innocent.String() + "/?name=x"

			hammer(t, url, 200*time.Millisecond) // warm up
			const window = 3 * time.Second
			idle, _ := hammer(t, url, window)

			stop := flood(env.URL+"/"+slow.String()+"/sleep?ms=5000", callers)
			defer stop()
			time.Sleep(500 * time.Millisecond) // the flood holds its slots, the rest wait
			loaded, slowest := hammer(t, url, window)
			attackers := stop()

			t.Logf("innocent function: idle %v, under %d callers of a 5 s sleeper %v (slowest %v); the callers saw %v",
				idle, callers, loaded, slowest, attackers)
			if loaded[http.StatusTooManyRequests] > 0 || len(loaded) != 1 || loaded[http.StatusOK] == 0 {
				t.Errorf("innocent function answered %v under the flood, want only 200s", loaded)
			}
			if loaded[http.StatusOK]*2 < idle[http.StatusOK] {
				t.Errorf("innocent function served %d in %v under the flood, less than half its idle %d", loaded[http.StatusOK], window, idle[http.StatusOK])
			}
		})
	}
}

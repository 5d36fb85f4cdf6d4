package devnet_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// TestHostileLoad is the reliability issue's hostile-load suite against a
// devnet node: owner A's callers attack with slow request bodies, calls of
// a 5 s sleeper, or busy loops, over 8, 16 and 64 connections, while owner
// B's innocent function is called one request at a time. Each must keep
// at least half the throughput it has on the idle node and never get 429,
// and the busy loops must be stopped at their CPU time budget (504).
//
// It runs 16 connections with 2 s windows by default (CI); WF_HOSTILE=1
// runs 8, 16 and 64 with 3 s windows and logs the figures
// (scripts/hostile runs it).
func TestHostileLoad(t *testing.T) {
	const cpuBudget = 500 * time.Millisecond
	conns, window := []int{16}, 2*time.Second
	if os.Getenv("WF_HOSTILE") != "" {
		conns, window = []int{8, 16, 64}, 3*time.Second
	}
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: t.TempDir(),
		Nodes: []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0", Node: node.Config{
			Provider: provider.Config{MaxConcurrent: 8, CPUTime: cpuBudget},
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	alpha := n.Node("alpha")
	deploy := func(module []byte, key *chain.Key) string {
		pkg, err := client.Pack(ctx, bytes.NewReader(module), wf.Spec{
			Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z",
		}, key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.New(alpha.URL).Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		return alpha.URL + "/" + pkg.CID.String()
	}
	hostile := deploy(wftest.GoGuest(t, "sandbox/testdata/guest"), n.Publisher) // owner A
	keyB, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	innocent := deploy(templates.HelloWasm, keyB) + "/?name=x" // owner B

	call(t, innocent, 300*time.Millisecond) // warm up
	attacks := []struct {
		name  string
		start func(conns int) (stop func() map[string]int)
	}{
		{"slow bodies", func(c int) func() map[string]int { return trickle(t, hostile+"/echo", c) }},
		{"sleepers", func(c int) func() map[string]int { return loop(hostile+"/sleep?ms=5000", c) }},
		{"busy loops", func(c int) func() map[string]int { return loop(hostile+"/loop", c) }},
	}
	var report strings.Builder
	for _, a := range attacks {
		for _, c := range conns {
			t.Run(fmt.Sprintf("%s/%d", a.name, c), func(t *testing.T) {
				idle, _ := call(t, innocent, window)
				stop := a.start(c)
				time.Sleep(500 * time.Millisecond) // the attack holds what it can
				loaded, slowest := call(t, innocent, window)
				if loaded[200]*2 < idle[200] {
					// The machine is shared (CI, other tests): a second
					// window tells a burst of someone else's load from a
					// starved function. Every answer of both must be a 200.
					t.Logf("innocent function: %v in the first window under attack; measuring again", loaded)
					again, s := call(t, innocent, window)
					for code, k := range others(loaded) {
						again[code] += k
					}
					loaded, slowest = again, max(slowest, s)
				}
				attackers := stop()
				// Idle again after the attack: the machine is shared, and
				// a rise in others' load during the run is not the attack's.
				if after, _ := call(t, innocent, window); after[200] < idle[200] {
					idle = after
				}
				line := fmt.Sprintf("%-11s %2d conns: innocent %6d idle -> %6d (%3.0f%%) under attack, slowest %v, other statuses %v; attackers saw %v",
					a.name, c, idle[200], loaded[200], 100*float64(loaded[200])/float64(max(1, idle[200])), slowest.Round(time.Millisecond), others(loaded), attackers)
				t.Log(line)
				report.WriteString(line + "\n")
				if loaded[http.StatusTooManyRequests] > 0 || len(loaded) != 1 {
					t.Errorf("innocent function answered %v under attack, want only 200s", loaded)
				}
				if loaded[200]*2 < idle[200] {
					t.Errorf("innocent function served %d under attack, less than half its idle %d", loaded[200], idle[200])
				}
				if a.name == "busy loops" && (attackers["504"] == 0 || attackers["200"] > 0) {
					t.Errorf("the busy loops answered %v, want 504s at their CPU budget of %v", attackers, cpuBudget)
				}
			})
		}
	}
	t.Logf("figures (window %v; idle is the lower of before and after the attack):\n%s", window, report.String())
}

// call calls url for d, one request at a time, and counts the statuses
// and the slowest call.
func call(t *testing.T, url string, d time.Duration) (map[int]int, time.Duration) {
	t.Helper()
	counts := map[int]int{}
	var slowest time.Duration
	for end := time.Now().Add(d); time.Now().Before(end); {
		start := time.Now()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		counts[resp.StatusCode]++
		slowest = max(slowest, time.Since(start))
	}
	return counts, slowest
}

func others(counts map[int]int) map[int]int {
	o := map[int]int{}
	for k, v := range counts {
		if k != 200 {
			o[k] = v
		}
	}
	return o
}

// loop calls url from n goroutines, each again as soon as it is answered;
// stop ends them and counts the statuses they saw.
func loop(url string, n int) (stop func() map[string]int) {
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	counts := map[string]int{}
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
				counts[strconv.Itoa(resp.StatusCode)]++
				mu.Unlock()
			}
		})
	}
	return func() map[string]int { cancel(); wg.Wait(); return counts }
}

// trickle opens n connections that each declare a 100,000-byte body for
// url and send a byte a second; stop closes them and counts their status
// lines.
func trickle(t *testing.T, url string, n int) (stop func() map[string]int) {
	t.Helper()
	u := strings.TrimPrefix(url, "http://")
	host, path, _ := strings.Cut(u, "/")
	done := make(chan struct{})
	var mu sync.Mutex
	answers := map[string]int{}
	var wg sync.WaitGroup
	for range n {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST /%s HTTP/1.1\r\nHost: %s\r\nContent-Length: 100000\r\n\r\n", path, host)
		wg.Go(func() {
			defer c.Close()
			answer := make(chan string, 1)
			go func() {
				line, _ := bufio.NewReader(c).ReadString('\n')
				answer <- strings.TrimSpace(line)
			}()
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			var a string
		wait:
			for {
				select {
				case <-done:
					c.Close()
					a = <-answer
					break wait
				case a = <-answer:
					break wait
				case <-tick.C:
					c.Write([]byte("x"))
				}
			}
			if a == "" {
				a = "none yet"
			}
			mu.Lock()
			answers[a]++
			mu.Unlock()
		})
	}
	return func() map[string]int { close(done); wg.Wait(); return answers }
}

package provider_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// slowloris opens n connections that each declare a 100,000-byte body on
// path and send it a byte every interval. It returns when every connection
// has sent its headers; stop closes them. Each connection's answer (the
// status line, or "" if none came before stop) arrives on answers.
func slowloris(t *testing.T, url, path string, n int, interval time.Duration) (answers <-chan string, stop func()) {
	t.Helper()
	addr := strings.TrimPrefix(url, "http://")
	done := make(chan struct{})
	out := make(chan string, n)
	var wg sync.WaitGroup
	var started sync.WaitGroup
	for range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		started.Add(1)
		wg.Go(func() {
			defer c.Close()
			fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", path)
			started.Done()
			answer := make(chan string, 1)
			go func() {
				line, _ := bufio.NewReader(c).ReadString('\n')
				answer <- strings.TrimSpace(line)
			}()
			tick := time.NewTicker(interval)
			defer tick.Stop()
			for {
				select {
				case <-done:
					c.Close()
					out <- <-answer
					return
				case a := <-answer:
					out <- a
					return
				case <-tick.C:
					c.Write([]byte("x")) // errors show up as an answer
				}
			}
		})
	}
	started.Wait()
	var once sync.Once
	return out, func() { once.Do(func() { close(done); wg.Wait(); close(out) }) }
}

// hammer calls url for d, one call at a time, and counts the statuses and
// the slowest call.
func hammer(t *testing.T, url string, d time.Duration) (map[int]int, time.Duration) {
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

// Finding 1: sixteen connections trickling request bodies once held every
// slot, and every function answered 429 (measured before the fix: 5 calls
// in 10 s, all 429). Bodies are now read before a slot is taken.
func TestSlowBodiesHoldNoSlot(t *testing.T) {
	// No rate check and a long deadline: the slow senders stay in their
	// upload for the whole test, so the test sees them holding nothing.
	env := wftest.New(t, wftest.Options{Provider: provider.Config{
		MaxConcurrent: 8, BodyTimeout: time.Minute, MinBodyRate: -1,
	}})
	echo := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	hello := env.Deploy(t, templates.HelloWasm, wftest.Spec())

	answers, stop := slowloris(t, env.URL, "/"+echo.String()+"/echo", 16, time.Second)
	defer stop()
	time.Sleep(300 * time.Millisecond)
	counts, slowest := hammer(t, env.URL+"/"+hello.String()+"/?name=x", 4*time.Second)
	t.Logf("innocent function during 16 slow uploads: %v, slowest %v", counts, slowest)
	if counts[http.StatusTooManyRequests] > 0 || counts[http.StatusOK] == 0 || len(counts) != 1 {
		t.Errorf("innocent function answered %v, want only 200s", counts)
	}
	if slowest > time.Second {
		t.Errorf("slowest innocent call took %v", slowest)
	}
	if n := metric(t, env.URL, "wf_running_functions"); n != "0" {
		t.Errorf("wf_running_functions = %s during the slow uploads, want 0", n)
	}
	stop()
	for a := range answers {
		if a != "" {
			t.Errorf("a slow sender was answered %q before it gave up", a)
		}
	}
}

// With the default rate, slow senders are cut off after the grace: 408,
// connection closed.
func TestSlowBodiesAreCutOff(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	echo := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())

	start := time.Now()
	answers, stop := slowloris(t, env.URL, "/"+echo.String()+"/echo", 16, 500*time.Millisecond)
	defer stop()
	for range 16 {
		select {
		case a := <-answers:
			if !strings.Contains(a, " 408 ") {
				t.Errorf("slow sender answered %q, want 408", a)
			}
		case <-time.After(provider.DefaultBodyGrace + 3*time.Second):
			t.Fatalf("slow senders still connected after %v", time.Since(start))
		}
	}
	if took := time.Since(start); took < provider.DefaultBodyGrace/2 {
		t.Errorf("cut off after %v, before the grace", took)
	}
	// An honest body, sent at once, still works.
	resp, body := call(t, "POST", env.URL+"/"+echo.String()+"/echo", strings.Repeat("y", 100000))
	if resp.StatusCode != 200 || !strings.Contains(string(body), "yyyy") {
		t.Fatalf("honest upload: %d %.100s", resp.StatusCode, body)
	}
}

// metric returns the value of an unlabelled Prometheus metric.
func metric(t *testing.T, url, name string) string {
	t.Helper()
	_, body := call(t, "GET", url+"/metrics", "")
	for line := range strings.Lines(string(body)) {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("no metric %s", name)
	return ""
}

// Finding 2: a caller's voucher reached the function as HTTP_X_WF_VOUCHER,
// so a function's owner could harvest its callers' vouchers. No X-WF-*
// header reaches a function, however it is spelled.
func TestWFHeadersNeverReachTheFunction(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	req, err := http.NewRequest("GET", env.URL+"/"+fn.String()+"/env", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{wf.VoucherHeader, wf.PriceHeader, wf.ReceiptHeader, wf.RouteHeader, wf.HopsHeader, wf.DurationHeader, "X-WF-Anything"} {
		req.Header.Add(name, "secret-"+name)
	}
	req.Header["x-wf-voucher"] = []string{"lower-case spelling"} // sent as is; the server canonicalizes it
	req.Header.Set("X-Custom", "kept")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct{ Env []string }
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	sawCustom := false
	for _, kv := range got.Env {
		if strings.HasPrefix(kv, "HTTP_X_WF_") || strings.Contains(kv, "secret-") || strings.Contains(kv, "lower-case spelling") {
			t.Errorf("the function saw %q", kv)
		}
		sawCustom = sawCustom || kv == "HTTP_X_CUSTOM=kept"
	}
	if !sawCustom {
		t.Errorf("other headers must still pass; env: %q", got.Env)
	}
}

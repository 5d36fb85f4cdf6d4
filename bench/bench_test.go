package bench

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/wftest"
)

func TestParseWrk(t *testing.T) {
	const report = `Running 2s test @ http://127.0.0.1:40000/?name=bench
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.33us  120.10us   3.01ms   88.12%
    Req/Sec    19.31k     1.02k   20.50k    85.00%
  Latency Distribution
     50%  398.00us
     75%  450.00us
     90%  520.00us
     99%    1.20ms
  38420 requests in 2.00s, 5.13MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  19210.55
Transfer/sec:      2.56MB
`
	l, err := parseWrk(report)
	if err != nil {
		t.Fatal(err)
	}
	want := load{RPS: 19210.55, P50: 398 * time.Microsecond, P99: 1200 * time.Microsecond, Requests: 38420, Failed: 7}
	if l != want {
		t.Errorf("parseWrk = %+v, want %+v", l, want)
	}
	if _, err := parseWrk("unable to connect to 127.0.0.1:1 Connection refused\n"); err == nil {
		t.Error("parseWrk accepted a report without figures")
	}
}

func TestWrkDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"48.00us", 48 * time.Microsecond},
		{"1.50ms", 1500 * time.Microsecond},
		{"2.00s", 2 * time.Second},
		{"1.00m", time.Minute},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := wrkDuration(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("wrkDuration(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
	if _, err := wrkDuration("3.00parsecs"); err == nil {
		t.Error("wrkDuration accepted an unknown unit")
	}
}

// The native handler, the AssemblyScript guest through a provider and the
// peers (with WF_WORKERD and WF_DENO) must answer alike, or the throughput
// ratio compares different work. Variants, and the module padded for the
// transfer section, must run as the original does under their own code
// CIDs.
func TestNativeMatchesGuest(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	native := httptest.NewServer(Native())
	defer native.Close()
	hello := AssemblyScript().Wasm
	fns := map[string]string{"native": native.URL + "/"}
	// The peers serve the same function in JavaScript, when their binaries
	// are named (scripts/install-workerd, scripts/install-deno).
	for name, startPeer := range map[string]func(context.Context, string, string, string) (*process, error){
		"WF_WORKERD": startWorkerd, "WF_DENO": startDeno} {
		if bin := os.Getenv(name); bin != "" {
			p, err := startPeer(context.Background(), "", bin, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer p.stop()
			fns[name] = p.URL + "/"
		}
	}
	codes := map[string]bool{}
	padded := padWasm(hello, transferSize)
	if len(padded) < transferSize {
		t.Fatalf("padWasm made %d bytes, want at least %d", len(padded), transferSize)
	}
	for name, wasm := range map[string][]byte{"guest": hello, "variant1": Variant(hello, 1), "variant2": Variant(hello, 2), "padded": padded} {
		fn := env.Deploy(t, wasm, wftest.Spec())
		fns[name] = env.URL + "/" + fn.String() + "/"
		codes[string(wasm)] = true
	}
	if len(codes) != 4 {
		t.Fatal("variants are not distinct modules")
	}
	for _, tc := range []struct{ name, method, query, body, want string }{
		{"query", "GET", "?name=bench", "", "Hello, bench!\n"},
		{"default", "GET", "", "", "Hello, world!\n"},
		{"post", "POST", "?name=ignored", "body", "Hello, body!\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for target, url := range fns {
				req, _ := http.NewRequest(tc.method, url+tc.query, strings.NewReader(tc.body))
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || string(b) != tc.want || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
					t.Errorf("%s: %s %q (%s), want 200 %q", target, resp.Status, b, resp.Header.Get("Content-Type"), tc.want)
				}
			}
		})
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []float64
		want float64
	}{
		{"empty", nil, 0},
		{"odd", []float64{3, 1, 2}, 2},
		{"even", []float64{4, 1, 3, 2}, 2.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := median(tc.in); got != tc.want {
				t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

package bench

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/webfunctions/wf/wf"
)

// TestLoadCountsItsCPU: wfbench load's result carries its own CPU per
// request (what tells whether the generator caps a row), and counts only
// the right greeting as served.
func TestLoadCountsItsCPU(t *testing.T) {
	fn, err := wf.ParseCID("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		greeting string
		ok       bool
	}{{"Hello, bench!\n", true}, {"Hello, nobody!\n", false}} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/"+fn.String()+"/" || r.URL.Query().Get("name") != "bench" {
				http.NotFound(w, r)
				return
			}
			io.WriteString(w, tc.greeting)
		}))
		l, err := Load(context.Background(), LoadConfig{URL: srv.URL, Function: fn, Conns: 2, Duration: 200 * time.Millisecond})
		srv.Close()
		if !tc.ok {
			if err == nil {
				t.Fatalf("%q: counted as served: %+v", tc.greeting, l)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if l.Failed != 0 || l.Requests == 0 || l.LoadCPUPerReq <= 0 || l.LoadCPUPerReq > 10*time.Millisecond {
			t.Fatalf("%+v: want requests, none failed, and the generator's CPU per request", l)
		}
	}
}

package provider_test

import (
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// The attack: a request flood, each request logged, fills the disk. With
// a byte budget the log grows by at most the budget over the flood, the
// failures among the requests still appear, and what was dropped is
// counted and reported.
func TestLogFloodStaysWithinBudget(t *testing.T) {
	const (
		requests   = 20000
		step       = time.Millisecond // simulated time between requests: 20 s in all
		rate       = 2000             // bytes per second, each class
		failEvery  = 50               // one request in 50 fails (502)
		burstSecs  = 10               // what a budget holds, in seconds of its rate
		summaryMax = 3 * 200          // "log lines dropped" lines, at most every 10 s
	)
	for _, tc := range []struct {
		name string
		rate int64
	}{
		{"no limit", -1},
		{"budget", rate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var clock atomic.Int64
			clock.Store(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).UnixNano())
			logs := &wftest.LogBuffer{}
			env := wftest.New(t, wftest.Options{Provider: provider.Config{
				Log:                      slog.New(slog.NewJSONHandler(logs, nil)),
				Now:                      func() time.Time { return time.Unix(0, clock.Load()) },
				LogBytesPerSecond:        tc.rate,
				FailureLogBytesPerSecond: tc.rate,
			}})
			hello := env.Deploy(t, templates.HelloWasm, wftest.Spec())
			failing := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
			before := len(logs.Bytes())

			h := env.Provider.Handler()
			start := time.Now()
			for i := range requests {
				clock.Add(int64(step))
				path := "/" + hello.String() + "/?name=flood"
				if i%failEvery == 0 {
					path = "/" + failing.String() + "/exit1"
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
				if want := map[bool]int{true: 502, false: 200}[i%failEvery == 0]; w.Code != want {
					t.Fatalf("request %d: %d, want %d: %s", i, w.Code, want, w.Body)
				}
			}
			elapsed := time.Since(start)
			out := string(logs.Bytes()[before:])
			failures := strings.Count(out, `"status":502`)
			t.Logf("%d requests in %v: %d log bytes, %d lines, %d failure lines", requests, elapsed.Round(time.Millisecond),
				len(out), strings.Count(out, "\n"), failures)
			if testing.Verbose() {
				for _, l := range strings.Split(out, "\n") {
					if strings.Contains(l, "dropped") || strings.Contains(l, "502") {
						t.Log(l)
						break
					}
				}
				t.Log(strings.SplitN(out, "\n", 2)[0])
				for _, l := range strings.Split(out, "\n") {
					if strings.Contains(l, "dropped") {
						t.Log(l)
					}
				}
			}
			if tc.rate < 0 {
				if failures != requests/failEvery {
					t.Fatalf("%d failure lines without a limit, want %d", failures, requests/failEvery)
				}
				return
			}
			simulated := requests * step.Seconds()
			budget := 2 * int(rate*(burstSecs+simulated))
			if len(out) > budget+summaryMax {
				t.Errorf("the flood wrote %d log bytes; the budget is %d", len(out), budget)
			}
			if failures < 100 {
				t.Errorf("only %d of %d failures logged", failures, requests/failEvery)
			}
			if !strings.Contains(out, `"msg":"log lines dropped"`) {
				t.Error("no summary of dropped lines")
			}
			_, body := call(t, "GET", env.URL+"/metrics", "")
			if !strings.Contains(string(body), `wf_log_lines_dropped_total{class="routine"}`) {
				t.Error("metrics lack wf_log_lines_dropped_total")
			}
		})
	}
}

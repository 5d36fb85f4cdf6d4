package provider

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// noTime drops the time from a line, so two lines written apart compare.
func noTime(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

// A request's lines read as they did when the request's logger was
// p.log.With("request_id", id): the id first, through the budget, in
// groups and with attributes added to the request's logger too, and each
// line costs the budget what it did (a budget of 25 bytes a second, 250
// at once, writes the same first lines either way).
func TestRequestHandlerWritesWhatWithDid(t *testing.T) {
	now := func() time.Time { return time.Unix(1e9, 0) }
	for _, rate := range []int64{-1, 25} {
		for _, mk := range []func(*bytes.Buffer) slog.Handler{
			func(b *bytes.Buffer) slog.Handler {
				return slog.NewTextHandler(b, &slog.HandlerOptions{ReplaceAttr: noTime})
			},
			func(b *bytes.Buffer) slog.Handler {
				return slog.NewJSONHandler(b, &slog.HandlerOptions{ReplaceAttr: noTime})
			},
		} {
			var want, got bytes.Buffer
			lines := func(buf *bytes.Buffer, log *slog.Logger) {
				log.Info("invoke", "function", "bafy", "status", 200, "duration", time.Millisecond, "upload", time.Duration(0))
				log.Error("record charge", "function", "bafy", "err", "boom", "a", 1, "b", 2, "c", 3)
				log.With("k", "v").Warn("with", "x", 1)
				log.WithGroup("g").Info("grouped", "y", 2)
				log.Debug("not enabled")
			}
			budget := func(buf *bytes.Buffer) slog.Handler {
				return newLogBudget(mk(buf), now, rate, rate, prometheus.NewRegistry()).handler()
			}
			lines(&want, slog.New(budget(&want)).With("request_id", "ab12"))
			lines(&got, slog.New(&requestHandler{inner: budget(&got), id: "ab12"}))
			if got.String() != want.String() {
				t.Errorf("lines differ:\n got %s\nwant %s", got.String(), want.String())
			}
			if n := bytes.Count(got.Bytes(), []byte("\n")); !bytes.Contains(got.Bytes(), []byte("ab12")) || rate < 0 && n != 4 || rate > 0 && (n == 0 || n == 4) {
				t.Errorf("budget %d: want lines with the id (four, or some dropped), got\n%s", rate, got.String())
			}
		}
	}
}

// logInvoke, which hands its record to the handler directly, writes the
// line log.Info wrote, with and without an error, through the request's
// handler and the budget.
func TestLogInvokeWritesWhatInfoDid(t *testing.T) {
	log := func(buf *bytes.Buffer) *slog.Logger {
		h := newLogBudget(slog.NewTextHandler(buf, &slog.HandlerOptions{ReplaceAttr: noTime}), time.Now, -1, -1, prometheus.NewRegistry()).handler()
		return slog.New(&requestHandler{inner: h, id: "ab12"})
	}
	var want, got bytes.Buffer
	boom := errors.New("boom")
	log(&want).Info("invoke", "function", "bafy", "status", 200, "duration", 1500*time.Microsecond, "upload", time.Duration(0))
	log(&want).Info("invoke", "function", "bafy", "status", 502, "duration", time.Millisecond, "upload", time.Second, "err", boom)
	logInvoke(context.Background(), log(&got), "bafy", 200, 1500*time.Microsecond, 0, nil)
	logInvoke(context.Background(), log(&got), "bafy", 502, time.Millisecond, time.Second, boom)
	if got.String() != want.String() || !strings.Contains(got.String(), "request_id=ab12 function=bafy status=200 duration=1.5ms") {
		t.Errorf("lines differ:\n got %s\nwant %s", got.String(), want.String())
	}
}

// serveHTTP sets the cid path value of an invocation itself; it must be
// the value ServeMux would have set.
func TestFirstSegmentIsServeMuxsValue(t *testing.T) {
	for _, target := range []string{
		"/bafyx", "/bafyx/", "/bafyx/a/b?q=1", "/%62afyx/a", "/%40owner/name/x", "/a%2Fb/c",
		"/%C3%A9t%C3%A9/", "/@0xabc/name", "/a%20b",
	} {
		var want, pattern string
		mux := http.NewServeMux()
		for _, p := range []string{invokePattern, invokePathPattern} {
			mux.HandleFunc(p, func(_ http.ResponseWriter, r *http.Request) { want, pattern = r.PathValue("cid"), r.Pattern })
		}
		r := httptest.NewRequest(http.MethodGet, target, nil)
		mux.ServeHTTP(httptest.NewRecorder(), r)
		if pattern == "" {
			t.Fatalf("%s: ServeMux routed it nowhere", target)
		}
		if got := firstSegment(r.URL.EscapedPath()); got != want {
			t.Errorf("%s: firstSegment %q, ServeMux %q", target, got, want)
		}
	}
}

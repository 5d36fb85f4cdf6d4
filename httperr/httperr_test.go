package httperr_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		status     int
		code, text string
	}{
		{"invalid", fmt.Errorf("provider: %w: bad cid", wf.ErrInvalid), 400, "invalid_request", "bad cid"},
		{"not found", fmt.Errorf("x: %w", wf.ErrNotFound), 404, "not_found", "not found"},
		{"payment", wf.ErrPaymentRequired, 402, "payment_required", "payment required"},
		{"forbidden", wf.ErrForbidden, 403, "forbidden", "forbidden"},
		{"too large", &http.MaxBytesError{Limit: 10}, 413, "too_large", "too large"},
		{"rate", wf.ErrRateLimited, 429, "rate_limited", "rate limited"},
		{"function", wf.E(wf.ErrFunctionFailed, "function trapped", errors.New("wasm trap at 0x1234 /secret/path")), 502, "function_failed", "function trapped"},
		{"timeout", wf.ErrTimeout, 504, "timeout", "timed out"},
		{"own status and code", fmt.Errorf("trustless: %w", &httperr.Error{Status: 406, Code: "not_acceptable", Message: "serves raw and car"}), 406, "not_acceptable", "serves raw and car"},
		{"caller went away", fmt.Errorf("sandbox: run: %w", context.Canceled), 499, "canceled", "canceled"},
		{"caller went away through a gateway", wf.E(wf.ErrUnavailable, "request canceled", context.Canceled), 499, "canceled", "request canceled"},
		{"internal hides detail", errors.New("open /var/lib/wf/secret: permission denied"), 500, "internal", "internal error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			httperr.Write(rec, nil, tc.err)
			if rec.Code != tc.status {
				t.Errorf("status %d, want %d", rec.Code, tc.status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("content type %q", ct)
			}
			if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("cache control %q: an error must not be cached", cc)
			}
			var b httperr.Body
			if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil {
				t.Fatal(err)
			}
			if b.Error.Code != tc.code || !strings.Contains(b.Error.Message, tc.text) {
				t.Errorf("body %+v, want code %s and message containing %q", b.Error, tc.code, tc.text)
			}
			if strings.Contains(rec.Body.String(), "/secret") || strings.Contains(rec.Body.String(), "0x1234") {
				t.Errorf("internal detail leaked: %s", rec.Body)
			}
		})
	}
}

// Kind undoes Status for every sentinel, so a client's errors.Is agrees
// with the server's mapping.
func TestKind(t *testing.T) {
	for _, sentinel := range []error{wf.ErrInvalid, wf.ErrUnauthorized, wf.ErrPaymentRequired, wf.ErrForbidden, wf.ErrNotFound,
		wf.ErrTooLarge, wf.ErrRateLimited, wf.ErrFunctionFailed, wf.ErrUnavailable, wf.ErrTimeout} {
		t.Run(sentinel.Error(), func(t *testing.T) {
			status, _ := httperr.Status(sentinel)
			if got := httperr.Kind(status); got != sentinel {
				t.Errorf("Kind(%d) = %v, want %v", status, got, sentinel)
			}
		})
	}
	for _, status := range []int{200, 500, 406} {
		if got := httperr.Kind(status); got != nil {
			t.Errorf("Kind(%d) = %v, want nil", status, got)
		}
	}
}

// Package httperr is the one place where errors become HTTP statuses and
// JSON error bodies: {"error": {"code": "...", "message": "..."}}.
//
// Callers return errors wrapping the sentinels of package wf. Messages of
// errors that wrap a sentinel describe the caller's own input and are shown;
// anything else is an internal failure: the caller sees a generic message
// and the detail goes to the log only.
package httperr

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/webfunctions/wf/wf"
)

// Body is the JSON error body.
type Body struct {
	Error Detail `json:"error"`
}

// Detail is the inside of Body. Extra carries machine-readable hints, such
// as what a payment is missing.
type Detail struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Extra   map[string]any `json:"details,omitempty"`
}

var kinds = []struct {
	err    error
	status int
	code   string
}{
	{wf.ErrInvalid, http.StatusBadRequest, "invalid_request"},
	{wf.ErrUnauthorized, http.StatusUnauthorized, "unauthorized"},
	{wf.ErrPaymentRequired, http.StatusPaymentRequired, "payment_required"},
	{wf.ErrForbidden, http.StatusForbidden, "forbidden"},
	{wf.ErrNotFound, http.StatusNotFound, "not_found"},
	{wf.ErrTooLarge, http.StatusRequestEntityTooLarge, "too_large"},
	{wf.ErrRateLimited, http.StatusTooManyRequests, "rate_limited"},
	{wf.ErrFunctionFailed, http.StatusBadGateway, "function_failed"},
	{wf.ErrUnavailable, http.StatusServiceUnavailable, "unavailable"},
	{wf.ErrTimeout, http.StatusGatewayTimeout, "timeout"},
}

// Error is an error that chooses its own status and code, for protocols
// whose clients branch on finer codes than wf's kinds (the trustless
// gateway's invalid_cid, unsupported_format, not_acceptable). Its Message
// is shown.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// StatusClientClosedRequest is the status of a request whose caller went
// away before the answer (nginx's 499): a client fault, logged and counted
// as one, not as a server failure.
const StatusClientClosedRequest = 499

// Status returns the HTTP status and error code for err.
func Status(err error) (int, string) {
	var mbe *http.MaxBytesError
	var own *Error
	switch {
	case errors.As(err, &own):
		return own.Status, own.Code
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, "too_large"
	case errors.Is(err, context.Canceled):
		// The caller went away (or half-closed through a gateway):
		// nothing failed on this side, and nobody reads the answer.
		return StatusClientClosedRequest, "canceled"
	case errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, wf.ErrTimeout):
		return http.StatusGatewayTimeout, "timeout"
	}
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			return k.status, k.code
		}
	}
	return http.StatusInternalServerError, "internal"
}

// Kind is Status read backwards, for clients: the wf sentinel that an
// error answer's status stands for, or nil for a status none maps to (500
// among them).
func Kind(status int) error {
	for _, k := range kinds {
		if k.status == status {
			return k.err
		}
	}
	return nil
}

// Message returns the text safe to show for err.
func Message(err error) string {
	var pub *wf.Error
	if errors.As(err, &pub) {
		return pub.Public
	}
	var own *Error
	if errors.As(err, &own) {
		return own.Message
	}
	switch status, _ := Status(err); status {
	case http.StatusInternalServerError:
		return "internal error; the request id identifies it in the provider's log"
	case StatusClientClosedRequest:
		return "the request was canceled: its caller closed the connection"
	}
	return trimKind(err.Error())
}

// trimKind drops a leading sentinel's text ("forbidden: ...", from
// fmt.Errorf("%w: ...", wf.ErrForbidden)): the answer's code says it
// already, and a client printing both would say it twice.
func trimKind(msg string) string {
	for again := true; again; {
		again = false
		for _, k := range kinds {
			if rest, ok := strings.CutPrefix(msg, k.err.Error()+": "); ok && rest != "" {
				msg, again = rest, true
			}
		}
	}
	return msg
}

// Write sends err as a JSON error and logs it: at error level for internal
// failures, at debug level otherwise.
func Write(w http.ResponseWriter, log *slog.Logger, err error) {
	WriteExtra(w, log, err, nil)
}

// WriteExtra is Write with machine-readable details in the body.
func WriteExtra(w http.ResponseWriter, log *slog.Logger, err error, extra map[string]any) {
	status, code := Status(err)
	if log != nil {
		level := slog.LevelDebug
		if status >= 500 && status != http.StatusBadGateway && status != http.StatusGatewayTimeout {
			level = slog.LevelError
		}
		log.Log(context.Background(), level, "request failed", "status", status, "err", err)
	}
	w.Header().Set("Cache-Control", "no-store")
	WriteJSON(w, status, Body{Error: Detail{Code: code, Message: Message(err), Extra: extra}})
}

// WriteJSON writes v as JSON with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

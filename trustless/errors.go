package trustless

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/webfunctions/wf/wf"
)

// apiError is an HTTP error response: status, a stable code callers can
// branch on, and a message safe to show.
type apiError struct {
	status  int
	code    string
	message string
}

func badRequest(code, msg string) *apiError {
	return &apiError{http.StatusBadRequest, code, msg}
}

// errorFor maps an error from the store or the DAG walk to a response. It is
// the one place where sentinels become statuses in this package.
func errorFor(err error) *apiError {
	switch {
	case errors.Is(err, wf.ErrNotFound):
		return &apiError{http.StatusNotFound, "not_found", "block not found"}
	case errors.Is(err, wf.ErrInvalid):
		return badRequest("invalid", "invalid request")
	case errors.Is(err, wf.ErrTooLarge):
		return &apiError{http.StatusRequestEntityTooLarge, "too_large", "too large"}
	case errors.Is(err, wf.ErrUnavailable):
		return &apiError{http.StatusServiceUnavailable, "unavailable", "temporarily unavailable"}
	}
	return &apiError{http.StatusInternalServerError, "internal", "internal error"}
}

func writeError(w http.ResponseWriter, e *apiError) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(e.status)
	var body struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	body.Error.Code, body.Error.Message = e.code, e.message
	json.NewEncoder(w).Encode(body)
}

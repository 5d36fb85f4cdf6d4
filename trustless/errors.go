package trustless

import (
	"errors"
	"net/http"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

func badRequest(code, msg string) *httperr.Error {
	return &httperr.Error{Status: http.StatusBadRequest, Code: code, Message: msg}
}

// errorFor turns an error from the store or the DAG walk into a response
// with httperr's status and code, and a message that names no internals.
func errorFor(err error) *httperr.Error {
	status, code := httperr.Status(err)
	msg := "internal error"
	switch {
	case errors.Is(err, wf.ErrNotFound):
		msg = "block not found"
	case errors.Is(err, wf.ErrInvalid):
		msg = "invalid request"
	case errors.Is(err, wf.ErrTooLarge):
		msg = "too large"
	case errors.Is(err, wf.ErrUnavailable):
		msg = "temporarily unavailable"
	}
	return &httperr.Error{Status: status, Code: code, Message: msg}
}

func writeError(w http.ResponseWriter, e *httperr.Error) { httperr.Write(w, nil, e) }

package client

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/webfunctions/wf/httperr"
)

// ResponseError is an error answer from a provider or a gateway: a status
// of 400 or more with a JSON error body ({"error": {"code": "...",
// "message": "..."}}, see package httperr), or, from the provider's own
// API (deploy, logs, info, blocks), any status other than the one
// expected. errors.Is matches the wf sentinel its status stands for
// (wf.ErrNotFound for 404, wf.ErrPaymentRequired for 402, ...; see
// httperr.Kind).
type ResponseError struct {
	StatusCode int
	// Code and Message are the JSON error body's ("payment_required",
	// and a sentence); both are empty when the body was not one.
	Code, Message string
	// Details are the body's machine-readable hints, such as what a
	// payment lacks on a 402; nil when it has none.
	Details map[string]any
	// Body is the body as read (a bounded prefix of it).
	Body []byte
	// Response is the answer, for its status line and headers (the price
	// on a 402, the request id on every one). Its body has been read into
	// Body and closed.
	Response *http.Response
}

// newResponseError makes the *ResponseError for resp, whose body b was
// read and closed.
func newResponseError(resp *http.Response, b []byte) *ResponseError {
	e := &ResponseError{StatusCode: resp.StatusCode, Body: b, Response: resp}
	resp.Body = http.NoBody
	var body httperr.Body
	if json.Unmarshal(b, &body) == nil {
		e.Code, e.Message, e.Details = body.Error.Code, body.Error.Message, body.Error.Extra
	}
	return e
}

// Error is one line: "402 payment_required: message", or the status and
// the start of the body when it was not a JSON error.
func (e *ResponseError) Error() string {
	if e.Message != "" {
		return fmt.Sprintf("%d %s: %s", e.StatusCode, e.Code, e.Message)
	}
	return fmt.Sprintf("HTTP %d: %.200s", e.StatusCode, e.Body)
}

// Is matches the wf sentinel of e's status, if any.
func (e *ResponseError) Is(target error) bool {
	k := httperr.Kind(e.StatusCode)
	return k != nil && k == target
}

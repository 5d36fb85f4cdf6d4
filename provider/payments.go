package provider

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// headerCharge is a charge that sets its response headers (the receipt)
// in the response's header itself (wf.BodyCharge's CommitBodies with the
// header to set, instead of a map of its own per paid request); payment's
// charges are. CommitHeader sets nothing when it fails.
type headerCharge interface {
	CommitHeader(ctx context.Context, id wf.RequestID, request, response wf.Hash, h http.Header) error
}

// charged reports whether an invocation that ended with err is paid for:
// every run that ended with the function's own outcome: a response of any
// status, a failure (502: trap, exit, bad or oversized output) or a timeout
// (504). Not charged: what the caller did wrong (413 body over the limit),
// failures of the provider itself (500, 503) and callers that went away.
func charged(err error) bool {
	if err == nil {
		return true
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, sandbox.ErrReleased) {
		return false
	}
	switch status, _ := httperr.Status(err); status {
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// writePaymentError writes a 402 (or whatever err maps to: 429 with
// Retry-After for an owner's period cap) with the details the payment
// error carries.
func writePaymentError(w http.ResponseWriter, ri reqInfo, err error) {
	var ra interface{ RetryAfter() time.Duration }
	if errors.As(err, &ra) && ra.RetryAfter() > 0 {
		w.Header().Set("Retry-After", strconv.FormatInt(int64((ra.RetryAfter()+time.Second-1)/time.Second), 10))
	}
	var d interface{ Details() map[string]any }
	if errors.As(err, &d) {
		httperr.WriteExtra(w, ri.log, err, d.Details())
		return
	}
	httperr.Write(w, ri.log, err)
}

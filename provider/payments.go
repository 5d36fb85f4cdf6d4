package provider

import (
	"context"
	"errors"
	"math/big"
	"net/http"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// Payments decides who pays for an invocation and records what it charged.
// Package payment implements it; a nil Config.Payments serves for free.
// Implementations must be safe for concurrent use.
type Payments interface {
	// Price is what one request costs, in the payment token's base units.
	// It is sent as X-WF-Price on every invocation response.
	Price() *big.Int
	// Authorize decides who pays for a request to fn, whose signed spec
	// names owner, from the request's headers, and reserves the price
	// before the function runs: two requests never both pass on the last
	// unit of a budget. Errors wrap wf.ErrPaymentRequired when the request
	// is not covered; they may have a Details() map[string]any method whose
	// result goes in the 402 body.
	Authorize(ctx context.Context, fn wf.CID, owner wf.Address, h http.Header) (Charge, error)
}

// Charge is one authorized request. Exactly one of Commit or Release is
// called.
type Charge interface {
	// Commit records the charge durably and returns the headers that prove
	// it (X-WF-Receipt). The response is released only after it returned;
	// an error means nothing was charged.
	Commit(ctx context.Context, id wf.RequestID) (http.Header, error)
	// Release gives the reservation back: the request is not charged.
	Release()
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

// writePaymentError writes a 402 (or whatever err maps to) with the
// details the payment error carries.
func writePaymentError(w http.ResponseWriter, ri reqInfo, err error) {
	var d interface{ Details() map[string]any }
	if errors.As(err, &d) {
		httperr.WriteExtra(w, ri.log, err, d.Details())
		return
	}
	httperr.Write(w, ri.log, err)
}

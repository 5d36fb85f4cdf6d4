package wf

import "context"

// Payments decides who pays for an invocation and records what it
// charged. Package payment's Meter implements it; package provider
// consumes it (a provider without one serves for free). Implementations
// must be safe for concurrent use.
type Payments interface {
	// Price is what one request costs. The provider sends it as
	// PriceHeader on every invocation response.
	Price() Amount
	// Authorize decides who pays for r, and reserves the price before
	// the function runs: two requests never both pass on the last unit of
	// a budget. It must not keep or change r. Errors wrap
	// ErrPaymentRequired when the request is not covered; they may have a
	// Details() map[string]any method whose result goes in the 402 body.
	Authorize(ctx context.Context, r *PaidRequest) (Charge, error)
}

// PaidRequest is what Payments.Authorize sees of an invocation: all that
// a caller's payment may be bound to.
type PaidRequest struct {
	Function CID
	Owner    Address // the signed spec's owner
	Method   string
	// Path is the function's own path, escaped as on the wire: what
	// follows /{cid} in the URL ("" or "/..."). RawQuery is the query
	// without '?'.
	Path, RawQuery string
	// Header is an http.Header, with canonical keys (wf spells it as its
	// map type so that importing wf does not link net/http).
	Header map[string][]string
	// Body is the whole request body, read before payment is checked.
	Body []byte
}

// Charge is one authorized request. The caller calls exactly one of
// Commit or Release, once.
type Charge interface {
	// Commit records the charge for request id durably and returns the
	// response headers that prove it (ReceiptHeader), canonical keys as in
	// an http.Header. The response is released only after it returned; an
	// error means nothing was charged.
	Commit(ctx context.Context, id RequestID) (map[string][]string, error)
	// Release gives the reservation back: the request is not charged.
	Release()
}

// A BodyCharge is a Charge whose receipt can also bind the request and
// response bodies (SHA-256 of each; receipt version 2), which makes a
// receipt evidence of what the provider answered. Providers commit with
// CommitBodies when the charge has it and the answer is known; it is
// Commit otherwise.
type BodyCharge interface {
	Charge
	CommitBodies(ctx context.Context, id RequestID, request, response Hash) (map[string][]string, error)
}

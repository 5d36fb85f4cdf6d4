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
	// Authorize decides who pays for a request to fn, whose signed spec
	// names owner, from the request's header h (an http.Header, with
	// canonical keys: wf spells it as its map type so that importing wf
	// does not link net/http), and reserves the price
	// before the function runs: two requests never both pass on the last
	// unit of a budget. Errors wrap ErrPaymentRequired when the request
	// is not covered; they may have a Details() map[string]any method whose
	// result goes in the 402 body.
	Authorize(ctx context.Context, fn CID, owner Address, h map[string][]string) (Charge, error)
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

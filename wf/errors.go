package wf

import "errors"

// Sentinel errors callers branch on with errors.Is. Each maps to one HTTP
// status in exactly one place (package httperr).
var (
	ErrNotFound        = errors.New("not found")               // 404
	ErrInvalid         = errors.New("invalid input")           // 400
	ErrTooLarge        = errors.New("too large")               // 413
	ErrForbidden       = errors.New("forbidden")               // 403
	ErrUnauthorized    = errors.New("unauthorized")            // 401
	ErrPaymentRequired = errors.New("payment required")        // 402
	ErrRateLimited     = errors.New("rate limited")            // 429
	ErrFunctionFailed  = errors.New("function failed")         // 502
	ErrTimeout         = errors.New("function timed out")      // 504
	ErrUnavailable     = errors.New("temporarily unavailable") // 503
)

// Error is an error with a message safe to show to callers. Detail stays in
// the provider's log; Public is what the JSON error body says.
type Error struct {
	Kind   error  // one of the sentinels above
	Public string // shown to the caller
	Err    error  // internal detail, logged only
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Public + ": " + e.Err.Error()
	}
	return e.Public
}

// Is makes errors.Is(e, e.Kind) true.
func (e *Error) Is(target error) bool { return target == e.Kind }

func (e *Error) Unwrap() error { return e.Err }

// E builds an *Error of the given kind whose public message is msg.
func E(kind error, msg string, detail error) error {
	return &Error{Kind: kind, Public: msg, Err: detail}
}

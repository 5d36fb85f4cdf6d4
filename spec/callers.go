package spec

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/webfunctions/wf/wf"
)

// CallersExtension names the owner's limits on a function's callers,
// which providers enforce (docs/spec.md, docs/trust.md). It is meant to
// be required: a node that ignored it would bill the owner without them.
const CallersExtension = "wf.callers"

// CallerPaysRequired is the one value of Callers.CallerPays.
const CallerPaysRequired = "required"

// Limits of a Rate, so that no window or count overflows anything.
const (
	MaxRateRequests = 1_000_000_000
	MaxRateSeconds  = 366 * 24 * 60 * 60 // a year
)

// Callers is the data of a wf.callers extension. Fields are in JSON key
// order, so the encoding is canonical.
type Callers struct {
	// CallerPays "required" refuses every request the owner would pay
	// for: each caller pays with a voucher (402 caller_pays_required).
	CallerPays string `json:"callerPays,omitempty"`
	// OwnerPays bounds the requests the owner pays for, from all callers
	// together, per window (429 owner_budget_window beyond it).
	OwnerPays *Rate `json:"ownerPays,omitempty"`
	// PerCaller bounds each caller's requests per window, whoever pays
	// (429 caller_rate_limited beyond it).
	PerCaller *Rate `json:"perCaller,omitempty"`
}

// Rate is Requests per window of Seconds.
type Rate struct {
	Requests int64 `json:"requests"`
	Seconds  int64 `json:"seconds"`
}

// Window is r's window as a duration.
func (r Rate) Window() time.Duration { return time.Duration(r.Seconds) * time.Second }

func (r Rate) String() string { return fmt.Sprintf("%d/%s", r.Requests, r.Window()) }

// Check refuses a rate with a count or window outside [1, max].
func (r *Rate) Check() error {
	switch {
	case r.Requests < 1 || r.Requests > MaxRateRequests:
		return fmt.Errorf("%w: requests %d must be 1 to %d", wf.ErrInvalid, r.Requests, MaxRateRequests)
	case r.Seconds < 1 || r.Seconds > MaxRateSeconds:
		return fmt.Errorf("%w: seconds %d must be 1 to %d (a year)", wf.ErrInvalid, r.Seconds, MaxRateSeconds)
	}
	return nil
}

// Check validates c: at least one limit, each in range, and no owner-paid
// window when callers must pay (it would never apply).
func (c *Callers) Check() error {
	if c.CallerPays != "" && c.CallerPays != CallerPaysRequired {
		return fmt.Errorf("%w: callerPays %q: the only value is %q", wf.ErrInvalid, truncate(c.CallerPays), CallerPaysRequired)
	}
	if c.CallerPays == "" && c.OwnerPays == nil && c.PerCaller == nil {
		return fmt.Errorf("%w: no limit: give perCaller, ownerPays or callerPays", wf.ErrInvalid)
	}
	if c.CallerPays != "" && c.OwnerPays != nil {
		return fmt.Errorf("%w: ownerPays with callerPays %q: the owner pays for nothing", wf.ErrInvalid, CallerPaysRequired)
	}
	for _, r := range []struct {
		name string
		r    *Rate
	}{{"ownerPays", c.OwnerPays}, {"perCaller", c.PerCaller}} {
		if r.r == nil {
			continue
		}
		if err := r.r.Check(); err != nil {
			return fmt.Errorf("%s: %w", r.name, err)
		}
	}
	return nil
}

// DecodeCallers decodes and checks wf.callers data strictly.
func DecodeCallers(data json.RawMessage) (*Callers, error) {
	var c Callers
	if err := DecodeExtension(data, &c); err != nil {
		return nil, err
	}
	if err := c.Check(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Extension is c as a spec extension, required.
func (c *Callers) Extension() (wf.Extension, error) {
	if err := c.Check(); err != nil {
		return wf.Extension{}, fmt.Errorf("spec: %s: %w", CallersExtension, err)
	}
	b, err := wf.EncodeJSON(c)
	if err != nil {
		return wf.Extension{}, err
	}
	return wf.Extension{Required: true, Data: b}, nil
}

// CallersType is wf.callers for a node's Registry; the provider enforces
// it.
var CallersType = ExtensionType{Name: CallersExtension, Check: func(data json.RawMessage) error {
	_, err := DecodeCallers(data)
	return err
}}

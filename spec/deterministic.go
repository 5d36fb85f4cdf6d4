package spec

import (
	"encoding/json"
	"fmt"

	"github.com/webfunctions/wf/wf"
)

// DeterministicExtension says a function answers the same request with
// the same response wherever it runs, so gateways may run it on several
// providers and compare (verified execution, docs/verification.md). It
// only informs: a provider runs the function alike whether or not it
// knows the extension; gateways act on it.
const DeterministicExtension = "wf.deterministic"

// Verification levels: how many providers one verified request runs on.
const (
	// MaxVerify bounds any verification level (a gateway asks at most
	// this many providers whether they hold a function, too).
	MaxVerify = 8
	// DefaultMaxVerify is the level a caller may ask for when the spec
	// sets no MaxVerify: each level is one more paid run.
	DefaultMaxVerify = 3
)

// Deterministic is the data of DeterministicExtension, in JSON key order
// so the encoding is canonical; {} declares determinism only.
type Deterministic struct {
	// MaxVerify caps the level a caller may ask for with X-WF-Verify
	// (the owner pays each run in owner-pays mode). 0: DefaultMaxVerify,
	// or Verify if that is higher.
	MaxVerify int `json:"maxVerify,omitempty"`
	// Verify is the level every request gets unless the caller asks for
	// more: 0 none (only on request), 2 or more runs on that many
	// providers. 1 is refused: one provider compares with nobody.
	Verify int `json:"verify,omitempty"`
}

// Check refuses levels out of range.
func (d *Deterministic) Check() error {
	switch {
	case d.Verify < 0 || d.Verify == 1 || d.Verify > MaxVerify:
		return fmt.Errorf("%w: verify %d must be 0 (on request only) or 2 to %d", wf.ErrInvalid, d.Verify, MaxVerify)
	case d.MaxVerify < 0 || d.MaxVerify > MaxVerify:
		return fmt.Errorf("%w: maxVerify %d must be 1 to %d (0: the default %d)", wf.ErrInvalid, d.MaxVerify, MaxVerify, DefaultMaxVerify)
	case d.MaxVerify != 0 && d.MaxVerify < d.Verify:
		return fmt.Errorf("%w: maxVerify %d is below verify %d", wf.ErrInvalid, d.MaxVerify, d.Verify)
	}
	return nil
}

// Max is the highest level a caller may ask for.
func (d *Deterministic) Max() int {
	if d.MaxVerify != 0 {
		return d.MaxVerify
	}
	return max(DefaultMaxVerify, d.Verify)
}

// DecodeDeterministic decodes and checks wf.deterministic data strictly.
func DecodeDeterministic(data json.RawMessage) (*Deterministic, error) {
	var d Deterministic
	if err := DecodeExtension(data, &d); err != nil {
		return nil, err
	}
	if err := d.Check(); err != nil {
		return nil, err
	}
	return &d, nil
}

// Extension is d as a spec extension. It only informs (see
// DeterministicExtension).
func (d *Deterministic) Extension() (wf.Extension, error) {
	if err := d.Check(); err != nil {
		return wf.Extension{}, fmt.Errorf("spec: %s: %w", DeterministicExtension, err)
	}
	b, err := wf.EncodeJSON(d)
	if err != nil {
		return wf.Extension{}, err
	}
	return wf.Extension{Data: b}, nil
}

// DeterministicOf returns what s declares of its determinism, and false
// when it declares none or its data is bad.
func DeterministicOf(s *wf.Spec) (*Deterministic, bool) {
	x, ok := s.Extensions[DeterministicExtension]
	if !ok {
		return nil, false
	}
	d, err := DecodeDeterministic(x.Data)
	if err != nil {
		return nil, false
	}
	return d, true
}

// DeterministicType is wf.deterministic for a node's Registry, so a node
// refuses a spec whose levels are out of range.
var DeterministicType = ExtensionType{Name: DeterministicExtension, Check: func(data json.RawMessage) error {
	_, err := DecodeDeterministic(data)
	return err
}}

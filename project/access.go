package project

import (
	"fmt"
	"slices"
	"strings"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Access is the [access] table: who may call the function, proved with a
// zero-knowledge credential (the spec's wf.access extension,
// docs/credentials.md). Its keys are the policy file's, in snake case.
//
//	[access]
//	setup = "bafkrei…"
//	issuers = ["0x…"]
//	max_session_seconds = 3600
//	disclose = [{ name = "org", slot = 0 }]
//	predicates = [{ slot = 0, op = "in", set = ["acme", "dev"] }, { slot = 1, op = "gte", int = 18 }]
//	rate = { requests = 100, seconds = 3600 }
//	revocation = { slot = 2, max_age_seconds = 3600 }   # instead of an "in"
type Access struct {
	Setup             string            `toml:"setup"`
	Issuers           []string          `toml:"issuers"`
	MaxSessionSeconds int64             `toml:"max_session_seconds"`
	Disclose          []AccessDisclose  `toml:"disclose,omitempty"`
	Predicates        []AccessPredicate `toml:"predicates,omitempty"`
	Rate              *AccessRate       `toml:"rate,omitempty"`
	Revocation        *AccessRevocation `toml:"revocation,omitempty"`
}

// AccessRevocation admits only credentials whose serial (in Slot) is in
// the issuer's valid set, signed at most MaxAgeSeconds ago.
type AccessRevocation struct {
	Slot          int   `toml:"slot"`
	MaxAgeSeconds int64 `toml:"max_age_seconds"`
}

// AccessDisclose is one slot the function sees, as WF_CRED_<NAME>.
type AccessDisclose struct {
	Name string `toml:"name"`
	Slot int    `toml:"slot"`
}

// AccessPredicate is one condition on a slot: op with int or string, or
// "in" with set.
type AccessPredicate struct {
	Slot   int      `toml:"slot"`
	Op     string   `toml:"op"`
	Int    *int64   `toml:"int,omitempty"`
	String *string  `toml:"string,omitempty"`
	Set    []string `toml:"set,omitempty"`
}

// AccessRate is each credential's requests per epoch of seconds.
type AccessRate struct {
	Requests int64 `toml:"requests"`
	Seconds  int64 `toml:"seconds"`
}

// AccessSpec is f's wf.access policy, nil when f has no [access] table,
// checked as the spec checks it.
func (f *File) AccessSpec() (*spec.Access, error) {
	a := f.Access
	if a == nil {
		return nil, nil
	}
	setup, err := wf.ParseCID(a.Setup)
	if err != nil {
		return nil, fmt.Errorf("%w: setup %q is not a CID (wf cred setup dev prints one): %v", wf.ErrInvalid, a.Setup, err)
	}
	out := &spec.Access{Issuers: a.Issuers, MaxSessionSeconds: a.MaxSessionSeconds, Setup: setup}
	for _, d := range a.Disclose {
		out.Disclose = append(out.Disclose, spec.Disclose{Name: d.Name, Slot: d.Slot})
	}
	for _, p := range a.Predicates {
		set := slices.Clone(p.Set)
		slices.Sort(set) // the spec wants the set sorted; a file lists it as it likes
		out.Predicates = append(out.Predicates, spec.Predicate{Slot: p.Slot, Op: p.Op, Int: p.Int, String: p.String, Set: set})
	}
	if a.Rate != nil {
		out.Rate = &spec.Rate{Requests: a.Rate.Requests, Seconds: a.Rate.Seconds}
	}
	if r := a.Revocation; r != nil {
		out.Revocation = &spec.Revocation{MaxAgeSeconds: r.MaxAgeSeconds, Slot: r.Slot}
	}
	if err := out.Check(); err != nil {
		return nil, err
	}
	return out, nil
}

// checkAccess is Validate's check of [access].
func (f *File) checkAccess(add func(error), bad func(key, format string, args ...any) error) {
	if _, err := f.AccessSpec(); err != nil {
		add(bad("access", "%s", strings.ReplaceAll(err.Error(), wf.ErrInvalid.Error()+": ", "")))
	}
}

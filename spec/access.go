package spec

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/webfunctions/wf/wf"
)

// AccessExtension is the owner's access policy: who may call the function,
// proved with a zero-knowledge credential (docs/credentials.md). It is
// required: a node that ignored it would run the function, and bill its
// owner, for anyone.
const AccessExtension = "wf.access"

// Bounds of an access policy. They follow the one circuit's shape
// (package cred): 8 attribute slots, 4 comparisons, one set of at most
// 2^16 values.
const (
	AccessSlots       = 8
	AccessComparisons = 4
	MaxAccessIssuers  = 16
	MaxAccessSet      = 1 << 16
	// MaxSessionSeconds bounds a session: a proof authorises a key for
	// minutes to hours, not for as long as the credential lasts.
	MaxSessionSeconds = 24 * 60 * 60
	maxAccessString   = 256
	maxAccessInt      = 1<<53 - 1
)

// Predicate operators.
const (
	OpEq  = "eq"
	OpNeq = "neq"
	OpLt  = "lt"
	OpLte = "lte"
	OpGt  = "gt"
	OpGte = "gte"
	OpIn  = "in"
)

// Access is the data of a wf.access extension. Fields are in JSON key
// order, so the encoding is canonical.
type Access struct {
	// Disclose names the slots whose values the function sees, as CGI
	// variables WF_CRED_<NAME>; every other slot stays hidden.
	Disclose []Disclose `json:"disclose,omitempty"`
	// Issuers are the issuer keys (package cred's IssuerKey text form)
	// whose credentials count; a presentation names the one it uses.
	Issuers []string `json:"issuers"`
	// MaxSessionSeconds bounds the session a proof authorises.
	MaxSessionSeconds int64 `json:"maxSessionSeconds"`
	// Predicates must all hold of the credential's slots: at most four
	// comparisons (eq, neq, lt, lte, gt, gte) and one "in".
	Predicates []Predicate `json:"predicates,omitempty"`
	// Rate, if set, bounds each credential's requests per epoch of
	// Seconds, anonymously: a presentation carries a nullifier that is the
	// same for one credential, function and epoch and unlinkable across
	// them (429 credential_rate_limited beyond it).
	Rate *Rate `json:"rate,omitempty"`
	// Revocation, if set, admits only credentials the issuer has not
	// revoked: the presentation proves that slot Slot (the issuer's
	// serial) is in the issuer's signed set of valid serials, signed at
	// most MaxAgeSeconds ago, and its session ends by then. It uses the
	// circuit's one set, so it cannot go with an "in" predicate.
	Revocation *Revocation `json:"revocation,omitempty"`
	// Setup is the CID of the trusted setup's verifying key that proofs
	// must verify under (docs/credentials.md, "Trusted setup").
	Setup wf.CID `json:"setup"`
}

// Revocation is how fresh the issuer's valid set must be, and where
// the credential's serial is. Fields are in JSON key order.
type Revocation struct {
	MaxAgeSeconds int64 `json:"maxAgeSeconds"`
	Slot          int   `json:"slot"`
}

// Bounds of Revocation.MaxAgeSeconds: how long a revoked credential may
// still open sessions.
const (
	MinRevocationAge = 60
	MaxRevocationAge = 7 * 24 * 60 * 60
)

// Disclose is one slot the function may see.
type Disclose struct {
	Name string `json:"name"` // the CGI variable is WF_CRED_ + upper(Name)
	Slot int    `json:"slot"`
}

// Predicate is one condition on a slot. Comparisons take Int or String
// (eq and neq) or Int (the orderings); "in" takes Set, strings or decimal
// integers as their slot holds them. Fields are in JSON key order.
type Predicate struct {
	Int    *int64   `json:"int,omitempty"`
	Op     string   `json:"op"`
	Set    []string `json:"set,omitempty"`
	Slot   int      `json:"slot"`
	String *string  `json:"string,omitempty"`
}

// Check validates a. It does not check issuer keys' points (package cred
// does, at the provider): spec stays free of curve code.
func (a *Access) Check() error {
	if len(a.Issuers) == 0 || len(a.Issuers) > MaxAccessIssuers {
		return fmt.Errorf("%w: issuers: 1 to %d issuer keys", wf.ErrInvalid, MaxAccessIssuers)
	}
	for i, k := range a.Issuers {
		if len(k) != 66 || !strings.HasPrefix(k, "0x") || strings.ToLower(k) != k {
			return fmt.Errorf("%w: issuers[%d]: want 0x and 64 lowercase hex digits", wf.ErrInvalid, i)
		}
		if slices.Contains(a.Issuers[:i], k) {
			return fmt.Errorf("%w: issuers[%d]: given twice", wf.ErrInvalid, i)
		}
	}
	if !a.Setup.Defined() {
		return fmt.Errorf("%w: setup: the CID of the verifying key is missing", wf.ErrInvalid)
	}
	if a.MaxSessionSeconds < 1 || a.MaxSessionSeconds > MaxSessionSeconds {
		return fmt.Errorf("%w: maxSessionSeconds %d must be 1 to %d", wf.ErrInvalid, a.MaxSessionSeconds, MaxSessionSeconds)
	}
	if a.Rate != nil {
		if err := a.Rate.Check(); err != nil {
			return fmt.Errorf("rate: %w", err)
		}
	}
	cmps, ins := 0, 0
	for i, p := range a.Predicates {
		if err := p.check(); err != nil {
			return fmt.Errorf("predicates[%d]: %w", i, err)
		}
		if p.Op == OpIn {
			ins++
		} else {
			cmps++
		}
	}
	if cmps > AccessComparisons || ins > 1 {
		return fmt.Errorf("%w: predicates: at most %d comparisons and one \"in\" (have %d and %d)", wf.ErrInvalid, AccessComparisons, cmps, ins)
	}
	if r := a.Revocation; r != nil {
		switch {
		case r.Slot < 0 || r.Slot >= AccessSlots:
			return fmt.Errorf("%w: revocation: slot %d must be 0 to %d", wf.ErrInvalid, r.Slot, AccessSlots-1)
		case r.MaxAgeSeconds < MinRevocationAge || r.MaxAgeSeconds > MaxRevocationAge:
			return fmt.Errorf("%w: revocation: maxAgeSeconds %d must be %d to %d", wf.ErrInvalid, r.MaxAgeSeconds, MinRevocationAge, MaxRevocationAge)
		case ins > 0:
			return fmt.Errorf("%w: revocation uses the policy's one set: drop the \"in\" predicate (or revocation)", wf.ErrInvalid)
		}
	}
	names := map[string]bool{}
	slots := map[int]bool{}
	for i, d := range a.Disclose {
		if d.Slot < 0 || d.Slot >= AccessSlots {
			return fmt.Errorf("%w: disclose[%d]: slot %d must be 0 to %d", wf.ErrInvalid, i, d.Slot, AccessSlots-1)
		}
		if !discloseName(d.Name) {
			return fmt.Errorf("%w: disclose[%d]: name %q: 1 to 32 of a-z, 0-9 and _, starting with a letter", wf.ErrInvalid, i, truncate(d.Name))
		}
		if names[d.Name] || slots[d.Slot] {
			return fmt.Errorf("%w: disclose[%d]: slot %d or name %s given twice", wf.ErrInvalid, i, d.Slot, d.Name)
		}
		names[d.Name], slots[d.Slot] = true, true
	}
	return nil
}

func (p *Predicate) check() error {
	if p.Slot < 0 || p.Slot >= AccessSlots {
		return fmt.Errorf("%w: slot %d must be 0 to %d", wf.ErrInvalid, p.Slot, AccessSlots-1)
	}
	if p.Int != nil && (*p.Int < 0 || *p.Int > maxAccessInt) {
		return fmt.Errorf("%w: int %d must be 0 to 2^53-1", wf.ErrInvalid, *p.Int)
	}
	if p.String != nil && (len(*p.String) > maxAccessString || !utf8.ValidString(*p.String)) {
		return fmt.Errorf("%w: string must be UTF-8, at most %d bytes", wf.ErrInvalid, maxAccessString)
	}
	switch p.Op {
	case OpEq, OpNeq:
		if (p.Int == nil) == (p.String == nil) || p.Set != nil {
			return fmt.Errorf("%w: %s takes exactly one of int and string", wf.ErrInvalid, p.Op)
		}
	case OpLt, OpLte, OpGt, OpGte:
		if p.Int == nil || p.String != nil || p.Set != nil {
			return fmt.Errorf("%w: %s takes int only", wf.ErrInvalid, p.Op)
		}
	case OpIn:
		if p.Int != nil || p.String != nil || len(p.Set) == 0 || len(p.Set) > MaxAccessSet {
			return fmt.Errorf("%w: in takes set only, 1 to %d values", wf.ErrInvalid, MaxAccessSet)
		}
		for i, v := range p.Set {
			if len(v) > maxAccessString || !utf8.ValidString(v) {
				return fmt.Errorf("%w: set[%d]: UTF-8, at most %d bytes", wf.ErrInvalid, i, maxAccessString)
			}
			if i > 0 && p.Set[i-1] >= v {
				return fmt.Errorf("%w: set: values must be sorted and distinct (%q after %q)", wf.ErrInvalid, truncate(v), truncate(p.Set[i-1]))
			}
		}
	default:
		return fmt.Errorf("%w: op %q: one of eq, neq, lt, lte, gt, gte, in", wf.ErrInvalid, truncate(p.Op))
	}
	return nil
}

func discloseName(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '_')) {
			return false
		}
	}
	return true
}

// DecodeAccess decodes and checks wf.access data strictly.
func DecodeAccess(data json.RawMessage) (*Access, error) {
	var a Access
	if err := DecodeExtension(data, &a); err != nil {
		return nil, err
	}
	if err := a.Check(); err != nil {
		return nil, err
	}
	return &a, nil
}

// Extension is a as a spec extension, required.
func (a *Access) Extension() (wf.Extension, error) {
	if err := a.Check(); err != nil {
		return wf.Extension{}, fmt.Errorf("spec: %s: %w", AccessExtension, err)
	}
	b, err := wf.EncodeJSON(a)
	if err != nil {
		return wf.Extension{}, err
	}
	return wf.Extension{Required: true, Data: b}, nil
}

// AccessCID is the CID of a policy's canonical encoding (a raw block):
// how errors and docs name the policy.
func AccessCID(data json.RawMessage) wf.CID { return wf.SumCID(wf.CodecRaw, data) }

// AccessType is wf.access for a node's Registry. Only a node that can
// verify credentials (package cred) registers it; every other node
// refuses such a function as unsupported.
var AccessType = ExtensionType{Name: AccessExtension, Check: func(data json.RawMessage) error {
	_, err := DecodeAccess(data)
	return err
}}

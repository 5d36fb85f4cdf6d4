// Package names reads, validates, encodes and signs function name records
// (wf.NameRecord), picks a record's target for a request, and keeps the
// records of many names with their history (Store).
//
// A signed record has one canonical JSON encoding and so one CID (CIDv1,
// json codec, sha2-256), as a spec does: Decode refuses any other byte
// form, unknown fields, trailing data and invalid fields. Sign and Verify
// take the owner's signature through wf.Signer and wf.Verifier, so this
// package stays pure data; package chain computes the EIP-712 digest.
// See docs/names.md.
package names

import (
	"bytes"
	"fmt"
	"regexp"
	"time"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// MaxSize bounds a signed record's encoding: ten targets of about 90
// bytes each, the name, the signature and a CI delegation with its
// provenance (at most about 4 KiB) fit in 8 KiB.
const MaxSize = 8 << 10

// MaxTargets is how many functions one record may split its requests
// between.
const MaxTargets = 10

// ValidName reports whether s is a DNS label: a-z, 0-9 and '-', 1 to 63
// characters, not starting or ending with '-'.
func ValidName(s string) bool { return wf.IsLabel(s) }

// sticky is a sticky key: the kind and an HTTP token for the cookie's or
// header's name.
var sticky = regexp.MustCompile("^(cookie|header):[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$")

// Sticky splits a record's sticky key into its kind ("cookie" or
// "header") and name; ok is false for the empty key.
func Sticky(key string) (kind, name string, ok bool) {
	if !sticky.MatchString(key) {
		return "", "", false
	}
	for i := 0; i < len(key); i++ {
		if key[i] == ':' {
			return key[:i], key[i+1:], true
		}
	}
	return "", "", false
}

// Validate checks a record's fields. It does not check the signature.
func Validate(r *wf.NameRecord) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: name record: %s", wf.ErrInvalid, fmt.Sprintf(format, args...))
	}
	if !ValidName(r.Name) {
		return bad("name %q must be a DNS label: 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-'", truncate(r.Name))
	}
	if r.Owner.IsZero() {
		return bad("owner is missing")
	}
	if len(r.Targets) == 0 || len(r.Targets) > MaxTargets {
		return bad("has %d targets; it needs 1 to %d", len(r.Targets), MaxTargets)
	}
	sum := 0
	for i, t := range r.Targets {
		if !spec.IsBlockCID(t.Function) {
			return bad("target: %s", spec.NotFunction(t.Function))
		}
		if t.Weight == 0 || t.Weight > 100 {
			return bad("target %s has weight %d; weights are 1 to 100", t.Function, t.Weight)
		}
		if i > 0 {
			switch prev := r.Targets[i-1].Function.String(); {
			case prev == t.Function.String():
				return bad("target %s is listed twice", t.Function)
			case prev > t.Function.String():
				return bad("targets must be sorted by function CID")
			}
		}
		sum += int(t.Weight)
	}
	if sum != 100 {
		return bad("weights sum to %d, not 100", sum)
	}
	if _, _, ok := Sticky(r.Sticky); r.Sticky != "" && !ok {
		return bad("sticky %q must be cookie:NAME or header:NAME with NAME an HTTP token of at most 64 characters", truncate(r.Sticky))
	}
	t, err := time.Parse(time.RFC3339, r.Created)
	if err != nil || t.UTC().Format(time.RFC3339) != r.Created {
		return bad("created %q must be RFC 3339 UTC with second precision, like %s", truncate(r.Created), spec.Now(time.Unix(0, 0)))
	}
	return nil
}

// Sort puts r's targets in canonical order (by function CID), which
// Validate requires.
func Sort(r *wf.NameRecord) {
	ts := r.Targets
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Function.String() < ts[j-1].Function.String(); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// Encode returns the canonical bytes of a signed record and their CID
// (CIDv1, json codec, sha2-256): encoding/json with fields in declaration
// order, no HTML escaping, no whitespace.
func Encode(sr *wf.SignedNameRecord) ([]byte, wf.CID, error) {
	if err := Validate(&sr.Record); err != nil {
		return nil, wf.CID{}, err
	}
	b, err := wf.EncodeJSON(sr)
	if err != nil {
		return nil, wf.CID{}, err
	}
	return b, wf.SumCID(wf.CodecJSON, b), nil
}

// Decode parses a signed record strictly: unknown fields, trailing data,
// invalid fields and non-canonical encodings (whitespace, escapes, field
// order, duplicate fields) are refused with errors wrapping
// wf.ErrInvalid. It does not check the signature.
func Decode(b []byte) (*wf.SignedNameRecord, error) {
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%w: name record is %d bytes, limit %d", wf.ErrTooLarge, len(b), MaxSize)
	}
	var sr wf.SignedNameRecord
	if err := wf.DecodeJSON(b, &sr); err != nil {
		return nil, fmt.Errorf("%w: name record: %v", wf.ErrInvalid, err)
	}
	if err := Validate(&sr.Record); err != nil {
		return nil, err
	}
	canon, err := wf.EncodeJSON(&sr)
	if err != nil {
		return nil, fmt.Errorf("%w: name record: %v", wf.ErrInvalid, err)
	}
	if !bytes.Equal(canon, b) {
		return nil, fmt.Errorf("%w: name record is not in canonical form (re-encode it with wf)", wf.ErrInvalid)
	}
	return &sr, nil
}

// Sign makes signer the owner of r, sorts its targets and signs it.
func Sign(r wf.NameRecord, signer wf.Signer) (*wf.SignedNameRecord, error) {
	r.Owner = signer.Address()
	r.Targets = append([]wf.Target(nil), r.Targets...)
	Sort(&r)
	if err := Validate(&r); err != nil {
		return nil, err
	}
	sig, err := signer.Sign(&r)
	if err != nil {
		return nil, fmt.Errorf("names: sign: %w", err)
	}
	return &wf.SignedNameRecord{Record: r, Signature: sig}, nil
}

// Verify checks that sr is signed by its owner, recovering the signer
// with v, or by the owner's CI delegate (see SignDelegated). Errors wrap
// wf.ErrForbidden: a record signed by anyone else is a forgery.
func Verify(sr *wf.SignedNameRecord, v wf.Verifier) error {
	signer, err := v.Recover(&sr.Record, sr.Signature)
	if err != nil {
		return wf.E(wf.ErrForbidden, "name record: the signature is not valid", err)
	}
	if signer == sr.Record.Owner {
		if sr.CI != nil { // one signed form per record
			return fmt.Errorf("%w: name record is signed by its owner and also carries a CI delegation", wf.ErrInvalid)
		}
		return nil
	}
	if sr.CI == nil {
		return fmt.Errorf("%w: name record is signed by %s, not its owner %s", wf.ErrForbidden, signer.Checksum(), sr.Record.Owner.Checksum())
	}
	c, err := spec.DecodeCI(sr.CI)
	if err != nil {
		return fmt.Errorf("name record: %w", err)
	}
	created, err := time.Parse(time.RFC3339, sr.Record.Created)
	if err != nil {
		return fmt.Errorf("%w: name record: created: %v", wf.ErrInvalid, err)
	}
	if err := spec.CheckDelegate(c, sr.Record.Owner, signer, spec.ScopeName, created, v); err != nil {
		return err
	}
	if sr.Record.Seq != uint64(created.Unix()) {
		return fmt.Errorf("%w: name record: a CI delegate's record must be numbered by its creation time (seq %d), not %d",
			wf.ErrForbidden, created.Unix(), sr.Record.Seq)
	}
	return nil
}

// SignDelegated signs r for c's owner with a CI job's key, under the
// owner's delegation c (scope name), made at created. Its sequence number
// is created's Unix time: the delegation's window bounds every record its
// key can ever sign, so the owner's next record after the window (see
// NextSeq) outranks them all, even if the job's key leaks later.
func SignDelegated(r wf.NameRecord, owner wf.Address, job wf.Signer, c *spec.CI, created time.Time) (*wf.SignedNameRecord, error) {
	data, err := wf.EncodeJSON(c)
	if err != nil {
		return nil, err
	}
	r.Owner = owner
	r.Created = spec.Now(created)
	r.Seq = uint64(created.Unix())
	r.Targets = append([]wf.Target(nil), r.Targets...)
	Sort(&r)
	if err := Validate(&r); err != nil {
		return nil, err
	}
	sig, err := job.Sign(&r)
	if err != nil {
		return nil, fmt.Errorf("names: sign: %w", err)
	}
	return &wf.SignedNameRecord{Record: r, Signature: sig, CI: data}, nil
}

// NextSeq is the sequence number of the owner's record after cur (nil
// for a new name), made at now: one more than cur's, and after a CI
// delegate's record at least now's Unix time, so it outranks whatever
// else that delegation's key could sign.
func NextSeq(cur *wf.SignedNameRecord, now time.Time) uint64 {
	if cur == nil {
		return 1
	}
	next := cur.Record.Seq + 1
	if cur.CI != nil && uint64(now.Unix()) > next {
		next = uint64(now.Unix())
	}
	return next
}

// BuiltFrom says which CI job moved sr's name ("" for the owner's own).
func BuiltFrom(sr *wf.SignedNameRecord) string {
	if sr.CI == nil {
		return ""
	}
	c, err := spec.DecodeCI(sr.CI)
	if err != nil {
		return ""
	}
	return c.BuiltFrom()
}

// Split returns targets for fns with equal weights that sum to 100, the
// first ones taking the remainder: three functions get 34, 33 and 33.
func Split(fns []wf.CID) []wf.Target {
	if len(fns) == 0 {
		return nil
	}
	ts := make([]wf.Target, len(fns))
	each, extra := 100/len(fns), 100%len(fns)
	for i, c := range fns {
		w := each
		if i < extra {
			w++
		}
		ts[i] = wf.Target{Function: c, Weight: uint8(w)}
	}
	return ts
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

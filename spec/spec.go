// Package spec reads, validates and encodes function specs (wf.Spec).
//
// A signed spec is stored as one block whose bytes are exactly its
// canonical JSON encoding, so one spec has exactly one CID: Decode rejects
// any other byte form of the same content, unknown fields, and trailing
// data. Sign and Verify take the owner's signature through wf.Signer and
// wf.Verifier: the Ethereum cryptography stays in package chain, which
// implements both, and this package stays pure data.
package spec

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// MaxSize bounds a spec block. Specs are small; env and grants are their
// largest parts.
const MaxSize = 256 << 10

// MaxGrants bounds the grants of a sealed spec (a hybrid grant is about
// 1.6 KB of base64, so 64 of them stay well inside MaxSize).
const MaxGrants = 64

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Validate checks a spec's fields. It does not check the signature.
func Validate(s *wf.Spec) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: spec: %s", wf.ErrInvalid, fmt.Sprintf(format, args...))
	}
	if s.Version < wf.SpecVersion || s.Version > wf.SpecVersionExtended {
		return bad("unsupported version %d (this node reads versions %d to %d)", s.Version, wf.SpecVersion, wf.SpecVersionExtended)
	}
	if want := VersionFor(s); s.Version != want {
		return bad("a spec %s has version %d, not %d", versionReason[want], want, s.Version)
	}
	if err := validateExtensions(s); err != nil {
		return err
	}
	if s.Runtime != wf.RuntimeWAGI {
		return bad("unsupported runtime %q (supported: %q)", s.Runtime, wf.RuntimeWAGI)
	}
	if !s.Code.CID.Defined() {
		return bad("code.cid is missing")
	}
	if c := s.Code.CID.Codec(); c != wf.CodecRaw && c != wf.CodecDagPB {
		return bad("code.cid must be a UnixFS (dag-pb or raw) CID, got codec 0x%x", c)
	}
	if e := s.Code.Entry; e != "" && (path.Clean(e) != e || strings.HasPrefix(e, "/") || strings.HasPrefix(e, "..")) {
		return bad("code.entry %q must be a clean relative path", e)
	}
	if s.Code.Layout != wf.KuboLayout {
		return bad("code.layout %+v is not supported (use %+v)", s.Code.Layout, wf.KuboLayout)
	}
	if s.Code.Encrypted && s.Sealed == nil {
		return bad("code.encrypted needs sealed grants")
	}
	if s.Code.Encrypted && s.Code.Entry != "" {
		return bad("encrypted code is one file; code.entry must be empty")
	}
	if err := validateSealed(s); err != nil {
		return err
	}
	for k, v := range s.Env {
		if !envName.MatchString(k) {
			return bad("env name %q must match %s", k, envName)
		}
		if strings.ContainsRune(v, 0) {
			return bad("env %s contains a NUL byte", k)
		}
	}
	l := s.Limits
	if l.TimeoutMS < 0 || l.MaxRequestBytes < 0 || l.MaxResponseBytes < 0 {
		return bad("limits must not be negative")
	}
	if s.Owner.IsZero() {
		return bad("owner is missing")
	}
	t, err := time.Parse(time.RFC3339, s.Created)
	if err != nil || t.UTC().Format(time.RFC3339) != s.Created {
		return bad("created %q must be RFC 3339 UTC with second precision, like %s", s.Created, Now(time.Unix(0, 0)))
	}
	return nil
}

// versionReason says what content calls for each version.
var versionReason = map[int]string{
	wf.SpecVersion:         "without sealed parts or extensions",
	wf.SpecVersionSealed:   "with sealed parts and no extensions",
	wf.SpecVersionExtended: "with extensions",
}

// validateSealed checks the sealed parts' structure; opening them is the
// provider's business (package seal).
func validateSealed(s *wf.Spec) error {
	sl := s.Sealed
	if sl == nil {
		return nil
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: spec: sealed: %s", wf.ErrInvalid, fmt.Sprintf(format, args...))
	}
	if sl.Format != seal.FormatVersion {
		return bad("unsupported format %d (this node reads %d)", sl.Format, seal.FormatVersion)
	}
	if c := sl.Secrets; c.Defined() && (c.Version() != 1 || c.Codec() != wf.CodecRaw || !bytes.HasPrefix(c.Multihash(), []byte{0x12, 0x20})) {
		return bad("secrets must be a CIDv1 of a raw sha2-256 block")
	}
	if !sl.Secrets.Defined() && !s.Code.Encrypted {
		return bad("nothing is sealed: set secrets or code.encrypted, or drop sealed")
	}
	if len(sl.Grants) == 0 || len(sl.Grants) > MaxGrants {
		return bad("has %d grants; it needs 1 to %d", len(sl.Grants), MaxGrants)
	}
	for i, g := range sl.Grants {
		if g.Key.IsZero() {
			return bad("grant %d has the zero key id", i)
		}
		if i > 0 && bytes.Compare(sl.Grants[i-1].Key[:], g.Key[:]) >= 0 {
			return bad("grants must be sorted by key with no key twice (grant %d)", i)
		}
		if err := seal.ParseGrant(g.Wrapped); err != nil {
			return fmt.Errorf("spec: sealed: grant %d: %w", i, err)
		}
	}
	return nil
}

// Now formats t as a spec's Created field.
func Now(t time.Time) string { return t.UTC().Truncate(time.Second).Format(time.RFC3339) }

// Canonical returns the canonical encoding of s: encoding/json with fields
// in declaration order, map keys sorted, no HTML escaping, no whitespace.
func Canonical(s *wf.Spec) ([]byte, error) { return wf.EncodeJSON(s) }

// Encode returns the canonical bytes of a signed spec and their CID
// (CIDv1, json codec, sha2-256).
func Encode(ss *wf.SignedSpec) ([]byte, wf.CID, error) {
	if err := Validate(&ss.Spec); err != nil {
		return nil, wf.CID{}, err
	}
	b, err := wf.EncodeJSON(ss)
	if err != nil {
		return nil, wf.CID{}, err
	}
	return b, wf.SumCID(wf.CodecJSON, b), nil
}

// IsBlockCID reports whether c has the shape of a spec block's CID
// (Encode's: CIDv1, json, sha2-256), so it can address a function.
func IsBlockCID(c wf.CID) bool {
	mh := c.Multihash()
	return c.Version() == 1 && c.Codec() == wf.CodecJSON && len(mh) == 34 && mh[0] == 0x12 && mh[1] == 0x20
}

// NotFunction says, in the user's terms, why c is not a function's
// address (it is not a spec block's CID: IsBlockCID). The commonest case
// is the code's CID, which wf pack and ipfs add print, pasted instead of
// the function's, which wf deploy prints.
func NotFunction(c wf.CID) string {
	switch c.Codec() {
	case wf.CodecRaw, wf.CodecDagPB:
		return fmt.Sprintf("%s is the CID of a file (the code, as wf pack and ipfs add print it), not a function's address: use the address wf deploy printed, which starts with bagaaiera", c)
	}
	return fmt.Sprintf("%s is not a function's address: that is the CID wf deploy prints, which starts with bagaaiera", c)
}

// ParseFunction parses s as a function's address, saying what to paste
// instead when s is another kind of CID. Errors wrap wf.ErrInvalid.
func ParseFunction(s string) (wf.CID, error) {
	c, err := wf.ParseCID(s)
	if err != nil {
		return wf.CID{}, err
	}
	if !IsBlockCID(c) {
		return wf.CID{}, wf.E(wf.ErrInvalid, NotFunction(c), nil)
	}
	return c, nil
}

// Decode parses a spec block strictly: unknown fields, trailing data,
// invalid fields and non-canonical encodings are rejected with errors
// wrapping wf.ErrInvalid. It does not check the signature.
func Decode(b []byte) (*wf.SignedSpec, error) {
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%w: spec is %d bytes, limit %d", wf.ErrTooLarge, len(b), MaxSize)
	}
	var ss wf.SignedSpec
	if err := wf.DecodeJSON(b, &ss); err != nil {
		return nil, fmt.Errorf("%w: spec: %v", wf.ErrInvalid, err)
	}
	if err := Validate(&ss.Spec); err != nil {
		return nil, err
	}
	canon, err := wf.EncodeJSON(&ss)
	if err != nil {
		return nil, fmt.Errorf("%w: spec: %v", wf.ErrInvalid, err)
	}
	if !bytes.Equal(canon, b) {
		return nil, fmt.Errorf("%w: spec is not in canonical form (re-encode it with wf)", wf.ErrInvalid)
	}
	return &ss, nil
}

// Sign makes signer the owner of s and signs it.
func Sign(s wf.Spec, signer wf.Signer) (*wf.SignedSpec, error) {
	s.Owner = signer.Address()
	sig, err := signer.Sign(&s)
	if err != nil {
		return nil, fmt.Errorf("spec: sign: %w", err)
	}
	return &wf.SignedSpec{Spec: s, Signature: sig}, nil
}

// Verify checks that ss is its owner's: signed by its owner, or, with a
// wf.ci extension, signed by the key its owner delegated to (see
// verifyDelegated), recovering signers with v. Errors wrap wf.ErrInvalid,
// or wf.ErrForbidden as a *DelegationError.
func Verify(ss *wf.SignedSpec, v wf.Verifier) error {
	signer, err := v.Recover(&ss.Spec, ss.Signature)
	if err != nil {
		return fmt.Errorf("spec: signature: %w", err)
	}
	c, err := CIOf(&ss.Spec)
	if err != nil {
		return err
	}
	if c != nil {
		return verifyDelegated(ss, signer, c, v)
	}
	if signer != ss.Spec.Owner {
		return fmt.Errorf("%w: spec signature is by %s, not the owner %s", wf.ErrInvalid, signer.Checksum(), ss.Spec.Owner.Checksum())
	}
	return nil
}

package spec

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/webfunctions/wf/wf"
)

// CIExtension carries a CI deploy's delegation and provenance
// (docs/ci.md): the spec is signed not by its owner but by a key a CI job
// generated, and the owner's signature over the delegation to that key
// makes it the owner's. It is required: a node that ignored it would see
// a spec its owner did not sign.
const CIExtension = "wf.ci"

// Scopes a delegation may carry (docs/ci.md). A spec needs ScopeDeploy.
const (
	ScopeDeploy = "deploy"
	ScopeGrant  = "grant"
	ScopeLogs   = "logs"
	ScopeName   = "name"
)

// AllScopes are the scopes in their one (sorted) order.
var AllScopes = []string{ScopeDeploy, ScopeGrant, ScopeLogs, ScopeName}

// MaxDelegation bounds a delegation's window: a delegation lives minutes,
// as long as a deploy step, not as long as a key.
const MaxDelegation = time.Hour

// maxProvenanceField bounds each provenance string.
const maxProvenanceField = 512

// CI is the data of a wf.ci extension. Fields are in JSON key order, so
// the encoding is canonical.
type CI struct {
	Delegation CIDelegation  `json:"delegation"`
	Provenance wf.Provenance `json:"provenance"`
}

// CIDelegation is the owner-signed part of CI, less what the spec already
// says (the owner) and what CI.Provenance says.
type CIDelegation struct {
	Delegate  wf.Address   `json:"delegate"`
	NotAfter  int64        `json:"notAfter"`
	NotBefore int64        `json:"notBefore"`
	Scopes    string       `json:"scopes"`
	Signature wf.Signature `json:"signature"`
}

// BuiltFrom says where c's function came from, for people:
// "acme/api@abc123def456 by .github/workflows/deploy.yml (run 42/1)".
func (c *CI) BuiltFrom() string {
	p := c.Provenance
	commit := p.Commit
	if len(commit) > 12 {
		commit = commit[:12]
	}
	wfile := p.Workflow
	// GitHub: OWNER/REPO/PATH@REF; GitLab: HOST/PROJECT//PATH@REF.
	if i := strings.LastIndex(wfile, "@"); i > 0 {
		wfile = wfile[:i]
	}
	if i := strings.Index(wfile, "//"); i >= 0 {
		wfile = wfile[i+2:]
	} else if rest, ok := strings.CutPrefix(wfile, p.Repository+"/"); ok {
		wfile = rest
	}
	return fmt.Sprintf("%s@%s by %s (run %s)", p.Repository, commit, wfile, p.Run)
}

// Message is the wf.Delegation the owner signed for c.
func (c *CI) Message(owner wf.Address) wf.Delegation {
	d := c.Delegation
	return wf.Delegation{Owner: owner, Delegate: d.Delegate, Scopes: d.Scopes, NotBefore: d.NotBefore, NotAfter: d.NotAfter, Provenance: c.Provenance}
}

// Has reports whether the delegation's scopes include scope.
func (d *CIDelegation) Has(scope string) bool {
	return slices.Contains(strings.Split(d.Scopes, ","), scope)
}

// CheckScopes refuses a scope list that is not a sorted, duplicate-free,
// comma-separated subset of AllScopes, so it has one spelling.
func CheckScopes(s string) error {
	list := strings.Split(s, ",")
	for i, x := range list {
		if !slices.Contains(AllScopes, x) {
			return fmt.Errorf("%w: scope %q: the scopes are %s", wf.ErrInvalid, truncate(x), strings.Join(AllScopes, ", "))
		}
		if i > 0 && list[i-1] >= x {
			return fmt.Errorf("%w: scopes %q must be sorted and each given once", wf.ErrInvalid, truncate(s))
		}
	}
	return nil
}

// Check validates c's form (not its signature; Verify does that).
func (c *CI) Check() error {
	d := c.Delegation
	if d.Delegate.IsZero() {
		return fmt.Errorf("%w: delegation: delegate is the zero address", wf.ErrInvalid)
	}
	if err := CheckScopes(d.Scopes); err != nil {
		return fmt.Errorf("delegation: %w", err)
	}
	if d.NotBefore <= 0 || d.NotAfter < d.NotBefore || time.Duration(d.NotAfter-d.NotBefore)*time.Second > MaxDelegation {
		return fmt.Errorf("%w: delegation: window [%d, %d] must be positive and at most %s", wf.ErrInvalid, d.NotBefore, d.NotAfter, MaxDelegation)
	}
	p := c.Provenance
	for _, f := range []struct{ name, v string }{
		{"commit", p.Commit}, {"issuer", p.Issuer}, {"ref", p.Ref}, {"repository", p.Repository}, {"run", p.Run}, {"workflow", p.Workflow},
	} {
		if f.v == "" || len(f.v) > maxProvenanceField || !utf8.ValidString(f.v) || strings.ContainsFunc(f.v, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			return fmt.Errorf("%w: provenance: %s must be 1 to %d bytes of printable UTF-8", wf.ErrInvalid, f.name, maxProvenanceField)
		}
	}
	return nil
}

// DecodeCI decodes and checks wf.ci data strictly.
func DecodeCI(data json.RawMessage) (*CI, error) {
	var c CI
	if err := DecodeExtension(data, &c); err != nil {
		return nil, err
	}
	if err := c.Check(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Extension is c as a spec extension, required.
func (c *CI) Extension() (wf.Extension, error) {
	if err := c.Check(); err != nil {
		return wf.Extension{}, fmt.Errorf("spec: %s: %w", CIExtension, err)
	}
	b, err := wf.EncodeJSON(c)
	if err != nil {
		return wf.Extension{}, err
	}
	return wf.Extension{Required: true, Data: b}, nil
}

// CIType is wf.ci for a node's Registry; Verify checks its signatures.
var CIType = ExtensionType{Name: CIExtension, Check: func(data json.RawMessage) error {
	_, err := DecodeCI(data)
	return err
}}

// CIOf returns s's wf.ci data, or nil when it has none.
func CIOf(s *wf.Spec) (*CI, error) {
	x, ok := s.Extensions[CIExtension]
	if !ok {
		return nil, nil
	}
	if !x.Required {
		return nil, fmt.Errorf("%w: spec: extension %s must be required", wf.ErrInvalid, CIExtension)
	}
	c, err := DecodeCI(x.Data)
	if err != nil {
		return nil, fmt.Errorf("spec: extension %s: %w", CIExtension, err)
	}
	return c, nil
}

// DelegationError is a delegated spec whose delegation does not make it
// its owner's. It wraps wf.ErrForbidden; Code is the error code servers
// answer with.
type DelegationError struct {
	Code, Message string
}

func (e *DelegationError) Error() string { return "spec: " + e.Message }
func (e *DelegationError) Unwrap() error { return wf.ErrForbidden }

// verifyDelegated checks a spec signed by signer under wf.ci data c: the
// delegation lets signer deploy for the spec's owner at the spec's
// created time. All of it is in the signed spec, so it checks the same
// offline, at any provider, at any later time.
func verifyDelegated(ss *wf.SignedSpec, signer wf.Address, c *CI, v wf.Verifier) error {
	created, err := time.Parse(time.RFC3339, ss.Spec.Created)
	if err != nil {
		return fmt.Errorf("%w: spec: created: %v", wf.ErrInvalid, err)
	}
	return CheckDelegate(c, ss.Spec.Owner, signer, ScopeDeploy, created, v)
}

// CheckDelegate checks that c lets signer act for owner within scope at
// time at: signer is the delegate, the scopes include scope, at lies in
// the delegation's window, and owner signed it (recovered with v). A
// spec's deploy is judged at its created time; a live request (a log
// read) at the provider's clock. Errors are *DelegationError.
func CheckDelegate(c *CI, owner, signer wf.Address, scope string, at time.Time, v wf.Verifier) error {
	d := c.Delegation
	if signer != d.Delegate {
		return &DelegationError{"delegation_key_mismatch", fmt.Sprintf("signed by %s, but the delegation in %s is to %s", signer.Checksum(), CIExtension, d.Delegate.Checksum())}
	}
	if !d.Has(scope) {
		return &DelegationError{"delegation_scope", fmt.Sprintf("the delegation's scopes %q do not include %s", d.Scopes, scope)}
	}
	if t := at.Unix(); t < d.NotBefore || t > d.NotAfter {
		return &DelegationError{"delegation_expired", fmt.Sprintf("%s is outside the delegation's window %s to %s",
			Now(at), Now(time.Unix(d.NotBefore, 0)), Now(time.Unix(d.NotAfter, 0)))}
	}
	who, err := v.Recover(c.Message(owner), d.Signature)
	if err != nil || who != owner {
		return &DelegationError{"delegation_forged", fmt.Sprintf("the delegation in %s is not signed by the owner %s", CIExtension, owner.Checksum())}
	}
	return nil
}

package chain

import (
	"errors"
	"testing"
	"time"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// delegatedSigner signs as the job key but names the owner, as a CI deploy
// does.
type delegatedSigner struct {
	job   *Key
	owner wf.Address
}

func (d delegatedSigner) Address() wf.Address                     { return d.owner }
func (d delegatedSigner) Sign(m wf.Message) (wf.Signature, error) { return d.job.Sign(m) }

func TestDelegatedSpec(t *testing.T) {
	owner, _ := GenerateKey()
	job, _ := GenerateKey()
	other, _ := GenerateKey()
	created := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	prov := wf.Provenance{Commit: "abc123", Issuer: "https://token.actions.githubusercontent.com", Ref: "refs/heads/main",
		Repository: "acme/api", Run: "42/1", Workflow: "acme/api/.github/workflows/deploy.yml@refs/heads/main"}
	// make builds a delegated spec; edit changes the delegation before the
	// owner signs it, after says who signs the delegation and the spec.
	make := func(t *testing.T, edit func(*spec.CI), delegSigner, specSigner *Key) *wf.SignedSpec {
		c := &spec.CI{Delegation: spec.CIDelegation{Delegate: job.Address(), Scopes: "deploy,logs",
			NotBefore: created.Add(-time.Minute).Unix(), NotAfter: created.Add(9 * time.Minute).Unix()}, Provenance: prov}
		if edit != nil {
			edit(c)
		}
		sig, err := delegSigner.Sign(c.Message(owner.Address()))
		if err != nil {
			t.Fatal(err)
		}
		c.Delegation.Signature = sig
		x, err := c.Extension()
		if err != nil {
			t.Fatal(err)
		}
		s := testSpec(t)
		s.Version = wf.SpecVersionExtended
		s.Created = spec.Now(created)
		s.Extensions = map[string]wf.Extension{spec.CIExtension: x}
		ss, err := spec.Sign(s, delegatedSigner{specSigner, owner.Address()})
		if err != nil {
			t.Fatal(err)
		}
		return ss
	}
	if err := spec.Verify(make(t, nil, owner, job), Verifier{}); err != nil {
		t.Fatalf("delegated spec refused: %v", err)
	}
	for _, tc := range []struct {
		name       string
		edit       func(*spec.CI)
		deleg, sig *Key
		code       string
	}{
		{"expired", func(c *spec.CI) {
			c.Delegation.NotBefore, c.Delegation.NotAfter = created.Add(-time.Hour).Unix(), created.Add(-time.Minute).Unix()
		}, owner, job, "delegation_expired"},
		{"not yet valid", func(c *spec.CI) {
			c.Delegation.NotBefore, c.Delegation.NotAfter = created.Add(time.Minute).Unix(), created.Add(2*time.Minute).Unix()
		}, owner, job, "delegation_expired"},
		{"forged delegation", nil, other, job, "delegation_forged"},
		{"spec signed by another key", nil, owner, other, "delegation_key_mismatch"},
		{"owner signs a delegated spec", nil, owner, owner, "delegation_key_mismatch"},
		{"no deploy scope", func(c *spec.CI) { c.Delegation.Scopes = "logs,name" }, owner, job, "delegation_scope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := spec.Verify(make(t, tc.edit, tc.deleg, tc.sig), Verifier{})
			var de *spec.DelegationError
			if !errors.As(err, &de) || de.Code != tc.code || !errors.Is(err, wf.ErrForbidden) {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
		})
	}
	t.Run("provenance changed after signing", func(t *testing.T) {
		c := &spec.CI{Delegation: spec.CIDelegation{Delegate: job.Address(), Scopes: "deploy",
			NotBefore: created.Add(-time.Minute).Unix(), NotAfter: created.Add(time.Minute).Unix()}, Provenance: prov}
		sig, _ := owner.Sign(c.Message(owner.Address()))
		c.Delegation.Signature = sig
		c.Provenance.Commit = "evil"
		x, _ := c.Extension()
		s := testSpec(t)
		s.Created = spec.Now(created)
		s.Extensions = map[string]wf.Extension{spec.CIExtension: x}
		ss, _ := spec.Sign(s, delegatedSigner{job, owner.Address()})
		var de *spec.DelegationError
		if err := spec.Verify(ss, Verifier{}); !errors.As(err, &de) || de.Code != "delegation_forged" {
			t.Fatalf("got %v", err)
		}
	})
}

func TestCIDigestsDiffer(t *testing.T) {
	d := wf.Delegation{Scopes: "deploy", NotBefore: 1, NotAfter: 2}
	a, err := Digest(d)
	if err != nil {
		t.Fatal(err)
	}
	d.Provenance.Run = "2"
	b, _ := Digest(d)
	p, _ := Digest(wf.KeyProof{})
	if a == b || a == p {
		t.Fatal("digests collide")
	}
}

package ci_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/ci/issuer"
	"github.com/webfunctions/wf/spec"
)

// BenchmarkCallerAdmit is what a provider spends admitting one CI call:
// an RS256 token verified against the issuer's cached keys and matched
// against the function's rules.
func BenchmarkCallerAdmit(b *testing.B) {
	is := serveIssuer(b)
	owner, _ := chain.GenerateKey()
	job := issuer.Job{Repository: "acme/api", RepositoryID: "1", Workflow: ".github/workflows/deploy.yml", Ref: "refs/heads/main", SHA: "abc", Run: "1"}
	tok, err := is.Sign(job.GitHub(ci.CallerAudience(owner.Address()), time.Now()))
	if err != nil {
		b.Fatal(err)
	}
	c := ci.NewCallers(ci.CallersConfig{Issuers: []string{is.URL()}})
	rules := &spec.CICallers{Rules: []spec.CICaller{{Platform: "github", Issuer: is.URL(), Repository: "acme/api", Ref: "refs/heads/main"}}}
	ctx := context.Background()
	if _, err := c.Admit(ctx, tok, owner.Address(), rules); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Admit(ctx, tok, owner.Address(), rules); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCallerTokenCache: a verified call token is remembered only until it
// expires (or grows too old), and only for the owner it was issued for.
func TestCallerTokenCache(t *testing.T) {
	is := serveIssuer(t)
	owner, _ := chain.GenerateKey()
	other, _ := chain.GenerateKey()
	job := issuer.Job{Repository: "acme/api", RepositoryID: "1", Workflow: ".github/workflows/deploy.yml", Ref: "refs/heads/main", SHA: "abc", Run: "1"}
	tok, err := is.Sign(job.GitHub(ci.CallerAudience(owner.Address()), time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	var off time.Duration
	c := ci.NewCallers(ci.CallersConfig{Issuers: []string{is.URL()}, Now: func() time.Time { return time.Now().Add(off) }})
	rules := &spec.CICallers{Rules: []spec.CICaller{{Platform: "github", Issuer: is.URL(), Repository: "acme/api", Ref: "refs/heads/main"}}}
	ctx := context.Background()
	for range 2 {
		if _, err := c.Admit(ctx, tok, owner.Address(), rules); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Admit(ctx, tok, other.Address(), rules); err == nil || !strings.Contains(err.Error(), "audience") {
		t.Fatalf("another owner's function: %v", err)
	}
	off = 16 * time.Minute // past the 15-minute age limit (and the issuer's 10-minute expiry)
	if _, err := c.Admit(ctx, tok, owner.Address(), rules); err == nil {
		t.Fatal("an expired token was admitted from the cache")
	}
}

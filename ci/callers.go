package ci

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// CallerHeader carries a CI job's identity token on a call to a function
// with wf.ci.callers (docs/ci.md, "CI jobs as callers"). It is not
// Authorization, which stays the caller's payment and log-read scheme.
const CallerHeader = "X-WF-CI-Token"

// CallerAudience is the audience a CI job requests its token with to
// call owner's functions: not the deploy signer's, so a token for one
// cannot be used for the other.
func CallerAudience(owner wf.Address) string { return "webfunctions-call:" + owner.String() }

// CallersConfig configures Callers. The zero value trusts GitHub's and
// GitLab.com's public issuers.
type CallersConfig struct {
	// Issuers are the issuers whose tokens a provider will verify (it
	// fetches their discovery documents and keys): a function cannot make
	// the provider fetch from an address of its owner's choosing. Default
	// GitHubIssuer and GitLabIssuer.
	Issuers []string
	// MaxTokenAge refuses tokens issued longer ago. Default 15 minutes: a
	// call token is a bearer credential, so it should be fresh.
	MaxTokenAge time.Duration
	// Skew is the clock difference tolerated with issuers. Default 1 minute.
	Skew time.Duration
	// Client fetches issuers' discovery documents and keys. Default
	// http.DefaultClient.
	Client *http.Client
	// Now is the clock. Default time.Now.
	Now func() time.Time
}

// Callers admits CI jobs calling functions whose spec has wf.ci.callers.
// It is safe for concurrent use.
type Callers struct {
	issuers []string
	tv      *tokenVerifier

	// Tokens verified, by SHA-256, until they expire: a job calls many
	// times with one token, and an RS256 verify is most of an admit.
	mu       sync.Mutex
	verified map[[32]byte]verifiedToken
}

type verifiedToken struct {
	claims *Claims
	exp    time.Time
}

// maxVerified bounds the verified-token cache.
const maxVerified = 4096

// NewCallers returns a Callers for cfg.
func NewCallers(cfg CallersConfig) *Callers {
	if len(cfg.Issuers) == 0 {
		cfg.Issuers = []string{GitHubIssuer, GitLabIssuer}
	}
	if cfg.MaxTokenAge == 0 {
		cfg.MaxTokenAge = 15 * time.Minute
	}
	if cfg.Skew == 0 {
		cfg.Skew = time.Minute
	}
	if cfg.Client == nil {
		cfg.Client = http.DefaultClient
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Callers{issuers: slices.Clone(cfg.Issuers), tv: &tokenVerifier{
		client: cfg.Client, now: cfg.Now, skew: cfg.Skew, maxAge: cfg.MaxTokenAge,
		keys: map[string]*oidc.RemoteKeySet{}, verifiers: map[string]*oidc.IDTokenVerifier{},
	}, verified: map[[32]byte]verifiedToken{}}
}

// Admit verifies the identity token raw presented to call a function of
// owner with the rules cc, and returns the claims of the job. A missing or
// invalid token is 401 with a code naming what is wrong; a valid token
// that matches no rule is 403 naming the claim that did not match. A
// token may be presented many times until it expires (a job calls more
// than once; GitLab gives one token per job): it is a bearer credential
// for the owner's functions that admit its job, and no more.
func (c *Callers) Admit(ctx context.Context, raw string, owner wf.Address, cc *spec.CICallers) (*Claims, error) {
	if raw == "" {
		return nil, unauthorized("ci_token_required", "this function admits only CI jobs: send the job's identity token, requested with audience %q, in %s (wf invoke --oidc does)",
			CallerAudience(owner), CallerHeader)
	}
	return c.Verify(ctx, raw, CallerAudience(owner), cc)
}

// Verify checks the identity token raw, issued for audience, against the
// rules cc and returns the claims of the job: Admit for any audience
// (a credential issuer's, package cred, asks for its own). Errors are
// Admit's: 401 for a token that does not verify, 403 for one that
// matches no rule or names no issuer this Callers trusts.
func (c *Callers) Verify(ctx context.Context, raw, audience string, cc *spec.CICallers) (*Claims, error) {
	pol := &Policy{Rules: make([]Rule, len(cc.Rules))}
	var issuers []string
	for i, r := range cc.Rules {
		pol.Rules[i] = Rule{Platform: r.Platform, Issuer: r.Issuer, Repository: r.Repository, RepositoryID: r.RepositoryID,
			Workflow: r.Workflow, Ref: r.Ref, Environment: r.Environment, Protected: r.Protected}
		if iss := pol.Rules[i].issuer(); slices.Contains(c.issuers, iss) && !slices.Contains(issuers, iss) {
			issuers = append(issuers, iss)
		}
	}
	if len(issuers) == 0 {
		return nil, deny(http.StatusForbidden, "ci_issuer_untrusted", "no rule names an issuer this node verifies (%s)", strings.Join(c.issuers, ", "))
	}
	claims, err := c.verify(ctx, raw, issuers, audience)
	if err != nil {
		return nil, err
	}
	if _, err := pol.Match(claims); err != nil {
		return nil, deny(http.StatusForbidden, "ci_caller_not_allowed", "no rule admits this job: %v", err)
	}
	return claims, nil
}

// AcceptedUntil is when c stops accepting the token whose verified
// claims are claims: its expiry or the end of its age limit, whichever
// comes first; zero if claims has neither time. A party holding tokens
// to single use (a credential issuer) need remember them no longer.
func (c *Callers) AcceptedUntil(claims *Claims) time.Time {
	var until time.Time
	if claims.Expires > 0 {
		until = time.Unix(int64(claims.Expires), 0)
	}
	if c.tv.maxAge > 0 && claims.IssuedAt > 0 {
		if age := time.Unix(int64(claims.IssuedAt), 0).Add(c.tv.maxAge); until.IsZero() || age.Before(until) {
			until = age
		}
	}
	return until
}

// Env is what a function admitted for c sees of its caller, as CGI
// variables: the matched job's identity, never the token.
func (c *Claims) Env() []string {
	repo, wfRef, run := c.Repository, c.JobWorkflowRef, c.RunID
	if c.ProjectPath != "" {
		repo, wfRef, run = c.ProjectPath, c.CIConfigRefURI, c.PipelineID
	}
	return []string{
		"WF_CI_ISSUER=" + c.Issuer,
		"WF_CI_REPOSITORY=" + repo,
		"WF_CI_REF=" + c.Ref,
		"WF_CI_SHA=" + c.SHA,
		"WF_CI_WORKFLOW=" + wfRef,
		"WF_CI_ENVIRONMENT=" + c.Environment,
		"WF_CI_RUN=" + run,
		"WF_CI_SUBJECT=" + c.Subject,
	}
}

// String is c for logs: repository, ref and workflow.
func (c *Claims) String() string {
	repo := c.Repository
	if c.ProjectPath != "" {
		repo = c.ProjectPath
	}
	return fmt.Sprintf("%s@%s", repo, c.Ref)
}

// verify is tv.verifyFor, remembered until the token expires. The key
// covers the audience and the issuers asked for, so a token verified for
// one owner's functions is not taken for another's.
func (c *Callers) verify(ctx context.Context, raw string, issuers []string, audience string) (*Claims, error) {
	key := sha256.Sum256([]byte(audience + "\x00" + strings.Join(issuers, " ") + "\x00" + raw))
	now := c.tv.now()
	c.mu.Lock()
	v, ok := c.verified[key]
	c.mu.Unlock()
	if ok && now.Before(v.exp) {
		return v.claims, nil
	}
	claims, exp, err := c.tv.verifyFor(ctx, raw, issuers, audience)
	if err != nil {
		return nil, err
	}
	// The token's own expiry, or its age limit, whichever comes first.
	if iat := time.Unix(int64(claims.IssuedAt), 0).Add(c.tv.maxAge); c.tv.maxAge > 0 && iat.Before(exp) {
		exp = iat
	}
	c.mu.Lock()
	if len(c.verified) >= maxVerified {
		for k, v := range c.verified {
			if !now.Before(v.exp) || len(c.verified) >= maxVerified {
				delete(c.verified, k)
			}
		}
	}
	c.verified[key] = verifiedToken{claims: claims, exp: exp}
	c.mu.Unlock()
	return claims, nil
}

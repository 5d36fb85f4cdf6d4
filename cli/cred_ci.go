package cli

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/cred"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// CI jobs as credential holders (docs/credentials.md, "Issuance after a
// CI identity"): wf cred issuer serve --ci-rules FILE issues to a job whose
// identity token, requested for the issuer's audience, matches a rule;
// the credential's slots are the job's identity, always in this order, so
// policies can name them.
var ciCredSlots = []string{"repository", "ref", "workflow", "environment"}

// ciCredAttrs are the attributes a CI job's credential carries: slot 0 its
// repository (GitHub OWNER/NAME, GitLab project path), 1 its ref
// (refs/heads/main), 2 its workflow (job_workflow_ref, ci_config_ref_uri),
// 3 its deployment environment ("" without one).
func ciCredAttrs(c *ci.Claims) []cred.Attr {
	repo, wfRef := c.Repository, c.JobWorkflowRef
	if c.ProjectPath != "" {
		repo, wfRef = c.ProjectPath, c.CIConfigRefURI
	}
	return []cred.Attr{
		cred.StringAttr(ciCredSlots[0], repo),
		cred.StringAttr(ciCredSlots[1], c.Ref),
		cred.StringAttr(ciCredSlots[2], wfRef),
		cred.StringAttr(ciCredSlots[3], c.Environment),
	}
}

// ciCredHolder names a CI identity as a revocable issuer's holder: the
// token's issuer, the repository, the workflow and the ref, so every run
// of one workflow on one ref is one holder (one valid credential at a
// time) while other workflows, refs and repositories are others. The
// environment is not part of it: jobs of one workflow run are one caller.
func ciCredHolder(c *ci.Claims) string {
	repo, wfRef := c.Repository, c.JobWorkflowRef
	if c.ProjectPath != "" {
		repo, wfRef = c.ProjectPath, c.CIConfigRefURI
	}
	return fmt.Sprintf("ci iss=%s repository=%s workflow=%s ref=%s", c.Issuer, repo, wfRef, c.Ref)
}

// loadCIRules reads a --ci-rules file: wf.ci.callers' JSON,
// {"rules":[{"platform":"github","repository":"acme/api","ref":"refs/heads/*",...}]}.
func loadCIRules(path string) (*spec.CICallers, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("--ci-rules: %v", err)
	}
	var cc spec.CICallers
	if err := wf.DecodeJSON(b, &cc); err != nil {
		return nil, usageErr("--ci-rules %s: %v", path, err)
	}
	if err := cc.Check(); err != nil {
		return nil, usageErr("--ci-rules %s: %v", path, err)
	}
	return &cc, nil
}

// ciTokenCheck is the issuer's check of CI identity tokens against rules:
// it trusts the public GitHub and GitLab issuers and any issuer a rule
// names (the rules are the issuer operator's own file).
func ciTokenCheck(rules *spec.CICallers) cred.TokenCheck {
	issuers := []string{ci.GitHubIssuer, ci.GitLabIssuer}
	for _, r := range rules.Rules {
		if r.Issuer != "" && !slices.Contains(issuers, r.Issuer) {
			issuers = append(issuers, r.Issuer)
		}
	}
	callers := ci.NewCallers(ci.CallersConfig{Issuers: issuers})
	return cred.TokenCheckFunc(func(ctx context.Context, token, audience string) (*cred.TokenIdentity, error) {
		claims, err := callers.Verify(ctx, token, audience, rules)
		if err != nil {
			return nil, err
		}
		attrs := ciCredAttrs(claims)
		for _, a := range attrs {
			if err := a.Check(); err != nil {
				return nil, fmt.Errorf("%w: the job's identity does not fit a credential: %v", wf.ErrForbidden, err)
			}
		}
		id := &cred.TokenIdentity{Holder: ciCredHolder(claims), Expiry: callers.AcceptedUntil(claims), Attrs: attrs}
		if claims.ID != "" {
			id.ID = claims.Issuer + " " + claims.ID
		}
		return id, nil
	})
}

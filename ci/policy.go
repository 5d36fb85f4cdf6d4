package ci

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path"
	"strings"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Platforms a Rule trusts.
const (
	GitHub = "github"
	GitLab = "gitlab"
)

// Default issuers.
const (
	GitHubIssuer = "https://token.actions.githubusercontent.com"
	GitLabIssuer = "https://gitlab.com"
)

// Rule trusts one CI identity: jobs of Workflow in Repository on a ref
// matching Ref (and, if set, in Environment) may act for the owner within
// Scopes. The zero Issuer means the platform's public one.
type Rule struct {
	Platform string `json:"platform"` // GitHub or GitLab
	Issuer   string `json:"issuer,omitempty"`
	// Repository is OWNER/NAME on GitHub, the project path on GitLab.
	Repository string `json:"repository"`
	// RepositoryID, if set, pins the repository's numeric id (GitHub
	// repository_id, GitLab project_id), so a repository deleted and
	// re-created under the same name by someone else is not trusted.
	RepositoryID string `json:"repositoryId,omitempty"`
	// Workflow is the workflow file's path in Repository
	// (.github/workflows/deploy.yml, .gitlab-ci.yml), matched against the
	// job's own workflow (GitHub job_workflow_ref, GitLab
	// ci_config_ref_uri) at the job's ref. A reusable workflow in another
	// repository is named in full, OWNER/REPO/PATH@REF, and matched as is.
	Workflow string `json:"workflow"`
	// Ref is a git ref pattern in full form (refs/heads/main,
	// refs/tags/v*), matched with path.Match.
	Ref string `json:"ref"`
	// Environment, if set, is the deployment environment the job must run
	// in (its protection rules then apply).
	Environment string `json:"environment,omitempty"`
	// Protected requires a protected ref (GitLab ref_protected).
	Protected bool `json:"protected,omitempty"`
	// Scopes are what the delegation allows, sorted (spec.AllScopes).
	Scopes string `json:"scopes"`
}

// issuer is r's issuer, defaulted.
func (r *Rule) issuer() string {
	switch {
	case r.Issuer != "":
		return r.Issuer
	case r.Platform == GitLab:
		return GitLabIssuer
	}
	return GitHubIssuer
}

// Check validates r.
func (r *Rule) Check() error {
	if r.Platform != GitHub && r.Platform != GitLab {
		return fmt.Errorf("%w: platform %q: github or gitlab", wf.ErrInvalid, r.Platform)
	}
	if u, err := url.Parse(r.issuer()); err != nil || u.Host == "" || !(u.Scheme == "https" || u.Scheme == "http" && loopback(u.Hostname())) {
		return fmt.Errorf("%w: issuer %q must be an https URL (http only on loopback, for tests and wf dev)", wf.ErrInvalid, r.Issuer)
	}
	if r.Repository == "" || strings.Count(r.Repository, "/") < 1 || strings.ContainsAny(r.Repository, " @:*") {
		return fmt.Errorf("%w: repository %q must be OWNER/NAME (GitLab: GROUP/PROJECT)", wf.ErrInvalid, r.Repository)
	}
	if r.Workflow == "" {
		return fmt.Errorf("%w: a workflow file is required (--workflow .github/workflows/deploy.yml, or .gitlab-ci.yml)", wf.ErrInvalid)
	}
	if !strings.HasPrefix(r.Ref, "refs/") {
		return fmt.Errorf("%w: ref %q must be a full ref pattern like refs/heads/main or refs/tags/v*", wf.ErrInvalid, r.Ref)
	}
	if _, err := path.Match(r.Ref, "refs/x"); err != nil {
		return fmt.Errorf("%w: ref pattern %q: %v", wf.ErrInvalid, r.Ref, err)
	}
	if err := spec.CheckScopes(r.Scopes); err != nil {
		return err
	}
	return nil
}

// Policy is the owner's list of trusted CI identities.
type Policy struct {
	Rules []Rule `json:"rules"`
}

// Check validates every rule.
func (p *Policy) Check() error {
	for i := range p.Rules {
		if err := p.Rules[i].Check(); err != nil {
			return fmt.Errorf("ci: rule %d: %w", i+1, err)
		}
	}
	return nil
}

// Issuers lists the issuers p trusts, each once.
func (p *Policy) Issuers() []string {
	var out []string
	seen := map[string]bool{}
	for i := range p.Rules {
		if is := p.Rules[i].issuer(); !seen[is] {
			seen[is] = true
			out = append(out, is)
		}
	}
	return out
}

// Load reads a policy file; a missing file is the empty policy.
func Load(file string) (*Policy, error) {
	b, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return &Policy{}, nil
	}
	if err != nil {
		return nil, err
	}
	var p Policy
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("ci: %s: %w", file, err)
	}
	if err := p.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &p, nil
}

// Save writes p to file (mode 0600: it decides who deploys as the owner).
func (p *Policy) Save(file string) error {
	if err := p.Check(); err != nil {
		return err
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// MismatchError is a verified token that no rule trusts; Claim names what
// differed from the closest rule (the first for the same repository).
type MismatchError struct {
	Claim, Got, Want string
}

func (e *MismatchError) Error() string {
	if e.Want == "" {
		return fmt.Sprintf("no trust rule for this token: %s is %q", e.Claim, e.Got)
	}
	return fmt.Sprintf("no trust rule matches this token: %s is %q, the rule for this repository wants %q", e.Claim, e.Got, e.Want)
}

func (e *MismatchError) Unwrap() error { return wf.ErrForbidden }

// Match returns the first rule that trusts c (from issuer iss, already
// verified), or a *MismatchError naming the claim that kept the closest
// rule from matching.
func (p *Policy) Match(c *Claims) (*Rule, error) {
	var first *MismatchError
	for i := range p.Rules {
		r := &p.Rules[i]
		err := r.match(c)
		if err == nil {
			return r, nil
		}
		if first == nil && err.Claim != "repository" && err.Claim != "iss" {
			first = err
		}
	}
	if first != nil {
		return nil, first
	}
	repo := c.Repository
	if c.ProjectPath != "" {
		repo = c.ProjectPath
	}
	return nil, &MismatchError{Claim: "repository", Got: repo}
}

func (r *Rule) match(c *Claims) *MismatchError {
	if c.Issuer != r.issuer() {
		return &MismatchError{"iss", c.Issuer, r.issuer()}
	}
	repo, repoID, sub, wantSub := c.Repository, c.RepositoryID, c.Subject, "repo:"+r.Repository+":"
	if r.Platform == GitLab {
		repo, repoID, wantSub = c.ProjectPath, c.ProjectID, "project_path:"+r.Repository+":"
	}
	if repo != r.Repository {
		return &MismatchError{"repository", repo, r.Repository}
	}
	// sub is what the issuer guarantees to be unique; the repository claim
	// must agree with it.
	if !strings.HasPrefix(sub, wantSub) {
		return &MismatchError{"sub", sub, wantSub + "..."}
	}
	if r.RepositoryID != "" && repoID != r.RepositoryID {
		return &MismatchError{"repository_id", repoID, r.RepositoryID}
	}
	ref := c.fullRef(r.Platform)
	if ok, _ := path.Match(r.Ref, ref); !ok {
		return &MismatchError{"ref", ref, r.Ref}
	}
	if r.Environment != "" && c.Environment != r.Environment {
		return &MismatchError{"environment", c.Environment, r.Environment}
	}
	if r.Protected && c.RefProtected != "true" {
		return &MismatchError{"ref_protected", c.RefProtected, "true"}
	}
	// A caller rule may leave the workflow out (a signer's rule may not:
	// Check requires it).
	if claim, got, want := r.workflow(c, ref); r.Workflow != "" && got != want {
		return &MismatchError{claim, got, want}
	}
	return nil
}

// workflow is the claim naming the job's own workflow file, its value,
// and the value r wants. GitHub's job_workflow_ref names the reusable
// workflow a job runs (workflow_ref would name its caller), so a rule
// names the file that really holds the deploy steps.
func (r *Rule) workflow(c *Claims, ref string) (claim, got, want string) {
	if r.Platform == GitLab {
		host := r.issuer()
		if u, err := url.Parse(host); err == nil {
			host = u.Host
		}
		want = host + "/" + r.Repository + "//" + strings.TrimPrefix(r.Workflow, "/") + "@" + ref
		if strings.Contains(r.Workflow, "@") {
			want = r.Workflow
		}
		return "ci_config_ref_uri", c.CIConfigRefURI, want
	}
	want = r.Repository + "/" + strings.TrimPrefix(r.Workflow, "/") + "@" + ref
	if strings.Contains(r.Workflow, "@") {
		want = r.Workflow
	}
	return "job_workflow_ref", c.JobWorkflowRef, want
}

// Provenance is what the delegation records of the job c describes.
func provenance(platform string, c *Claims) wf.Provenance {
	if platform == GitLab {
		return wf.Provenance{Commit: c.SHA, Issuer: c.Issuer, Ref: c.fullRef(GitLab), Repository: c.ProjectPath,
			Run: c.PipelineID + "/" + c.JobID, Workflow: c.CIConfigRefURI}
	}
	run := c.RunID
	if c.RunAttempt != "" {
		run += "/" + c.RunAttempt
	}
	return wf.Provenance{Commit: c.SHA, Issuer: c.Issuer, Ref: c.Ref, Repository: c.Repository, Run: run, Workflow: c.JobWorkflowRef}
}

func loopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

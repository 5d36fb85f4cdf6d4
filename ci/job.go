package ci

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Environment variables a runner offers the identity token through.
const (
	// GitHub Actions, with permissions: id-token: write.
	EnvGitHubRequestURL   = "ACTIONS_ID_TOKEN_REQUEST_URL"
	EnvGitHubRequestToken = "ACTIONS_ID_TOKEN_REQUEST_TOKEN"
	// EnvToken holds the token itself: GitLab's id_tokens (the shipped
	// template names it WF_ID_TOKEN), or any runner that mints one.
	EnvToken = "WF_ID_TOKEN"
	// EnvSigner is the owner's deploy signer URL.
	EnvSigner = "WF_CI_SIGNER"
)

// Detect reports whether getenv describes a CI job that can fetch an
// identity token.
func Detect(getenv func(string) string) bool {
	return getenv(EnvToken) != "" || getenv(EnvGitHubRequestURL) != "" && getenv(EnvGitHubRequestToken) != ""
}

// Token returns the job's identity token for audience: $WF_ID_TOKEN when
// set (GitLab id_tokens; their aud is set in .gitlab-ci.yml), else one
// requested from the GitHub Actions runner for audience.
func Token(ctx context.Context, hc *http.Client, getenv func(string) string, audience string) (string, error) {
	if t := getenv(EnvToken); t != "" {
		return strings.TrimSpace(t), nil
	}
	reqURL, bearer := getenv(EnvGitHubRequestURL), getenv(EnvGitHubRequestToken)
	if reqURL == "" || bearer == "" {
		return "", fmt.Errorf("ci: no identity token: set %s (GitLab id_tokens), or on GitHub Actions grant `permissions: id-token: write` so the runner sets %s", EnvToken, EnvGitHubRequestURL)
	}
	u, err := url.Parse(reqURL)
	if err != nil {
		return "", fmt.Errorf("ci: %s: %w", EnvGitHubRequestURL, err)
	}
	q := u.Query()
	q.Set("audience", audience)
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "bearer "+bearer)
	var out struct {
		Value string `json:"value"`
	}
	if err := do(hc, req, &out); err != nil {
		return "", fmt.Errorf("ci: request an identity token from the runner: %w", err)
	}
	if out.Value == "" {
		return "", errors.New("ci: the runner answered without a token")
	}
	return out.Value, nil
}

// Job is a CI job's delegated identity: a key it generated and the
// owner's delegation to it. It signs as the owner's delegate (Signer).
type Job struct {
	Key   *chain.Key
	Owner wf.Address
	CI    spec.CI
	// OwnerSealingKey is the owner's sealing key as its signer published
	// it (Info.SealingKey); nil if it published none.
	OwnerSealingKey *seal.PublicKey
}

// SignerInfo reads the signer's owner and audience.
func SignerInfo(ctx context.Context, hc *http.Client, signerURL string) (*Info, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(signerURL, "/")+InfoPath, nil)
	if err != nil {
		return nil, err
	}
	var info Info
	if err := do(hc, req, &info); err != nil {
		return nil, fmt.Errorf("ci: signer %s: %w", signerURL, err)
	}
	return &info, nil
}

// Delegate generates a key, proves it holds it, and asks the signer at
// signerURL, acting for owner, for a delegation against token. scopes
// ("" for the rule's) narrows what it asks for.
func Delegate(ctx context.Context, hc *http.Client, signerURL string, owner wf.Address, token, scopes string) (*Job, error) {
	key, err := chain.GenerateKey()
	if err != nil {
		return nil, err
	}
	proof, err := key.Sign(wf.KeyProof{Owner: owner, Token: TokenHash(token)})
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(Request{Token: token, Delegate: key.Address(), Proof: proof, Scopes: scopes})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(signerURL, "/")+DelegationPath, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	var res Response
	if err := do(hc, req, &res); err != nil {
		return nil, fmt.Errorf("ci: delegation from %s: %w", signerURL, err)
	}
	if res.Owner != owner || res.CI.Delegation.Delegate != key.Address() {
		return nil, fmt.Errorf("ci: the signer answered for owner %s and key %s, not %s and %s", res.Owner.Checksum(), res.CI.Delegation.Delegate.Checksum(), owner.Checksum(), key.Address().Checksum())
	}
	// Check the owner's signature now rather than at every provider.
	if who, err := (chain.Verifier{}).Recover(res.CI.Message(owner), res.CI.Delegation.Signature); err != nil || who != owner {
		return nil, fmt.Errorf("ci: the signer's delegation is not signed by %s", owner.Checksum())
	}
	return &Job{Key: key, Owner: owner, CI: res.CI}, nil
}

// Address implements wf.Signer: a job's specs are the owner's.
func (j *Job) Address() wf.Address { return j.Owner }

// Sign implements wf.Signer with the job's key.
func (j *Job) Sign(m wf.Message) (wf.Signature, error) { return j.Key.Sign(m) }

// Delegation is the wf.ci data requests signed by j carry (client.Delegated).
func (j *Job) Delegation() []byte {
	b, err := wf.EncodeJSON(j.CI)
	if err != nil {
		return nil
	}
	return b
}

var _ wf.Signer = (*Job)(nil)

// Apply makes s a delegated spec: it adds the wf.ci extension and dates
// it now, which must be inside the delegation's window.
func (j *Job) Apply(s *wf.Spec, now time.Time) error {
	d := j.CI.Delegation
	if t := now.Unix(); t < d.NotBefore || t > d.NotAfter {
		return fmt.Errorf("ci: the delegation is valid from %s to %s; it is %s", spec.Now(time.Unix(d.NotBefore, 0)), spec.Now(time.Unix(d.NotAfter, 0)), spec.Now(now))
	}
	x, err := j.CI.Extension()
	if err != nil {
		return err
	}
	if s.Extensions == nil {
		s.Extensions = map[string]wf.Extension{}
	}
	s.Extensions[spec.CIExtension] = x
	s.Created = spec.Now(now)
	return nil
}

// do sends req and decodes a 2xx JSON answer into v, or returns the
// server's JSON error with its code.
func do(hc *http.Client, req *http.Request, v any) error {
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		var e httperr.Body
		if json.Unmarshal(b, &e) == nil && e.Error.Code != "" {
			return &httperr.Error{Status: resp.StatusCode, Code: e.Error.Code, Message: e.Error.Message}
		}
		return fmt.Errorf("%s: %s", resp.Status, bytes.TrimSpace(b))
	}
	return json.Unmarshal(b, v)
}

// RequestGrant asks the owner's signer at signerURL to grant the sealed
// function fn, held by the provider at from, to the registered provider
// named provider, against token (used once); it returns the new spec's
// CID.
func RequestGrant(ctx context.Context, hc *http.Client, signerURL, token string, fn wf.CID, provider, from string) (wf.CID, error) {
	body, err := json.Marshal(GrantRequest{Token: token, Function: fn, Provider: provider, From: from})
	if err != nil {
		return wf.CID{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(signerURL, "/")+GrantPath, bytes.NewReader(body))
	if err != nil {
		return wf.CID{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	var res GrantResponse
	if err := do(hc, req, &res); err != nil {
		return wf.CID{}, fmt.Errorf("ci: grant from %s: %w", signerURL, err)
	}
	return res.Function, nil
}

package ci

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Config configures a Signer. Owner and Policy are required; the rest
// has defaults.
type Config struct {
	// Owner signs delegations: the account CI jobs deploy as.
	Owner wf.Signer
	// Policy is who is trusted. The Signer reads it on every request
	// through Policy, so an edited file takes effect without a restart.
	Policy func() (*Policy, error)
	// Audience is what identity tokens must be issued for (GitHub: the
	// audience the job requests; GitLab: id_tokens aud). Default
	// "webfunctions:" and the owner's address in lower case, so a token
	// for one owner's signer is useless at another's.
	Audience string
	// TTL is how long a delegation lasts. Default 10 minutes, at most
	// spec.MaxDelegation.
	TTL time.Duration
	// Skew is the clock difference tolerated with issuers and jobs
	// (issued-at in the future, the delegation's start). Default 1 minute.
	Skew time.Duration
	// MaxTokenAge refuses tokens issued longer ago. Default 1 hour; GitLab
	// mints id_tokens when a job starts, and a deploy comes later.
	MaxTokenAge time.Duration
	// Client fetches issuers' discovery documents and keys. Default
	// http.DefaultClient.
	Client *http.Client
	// Now is the clock. Default time.Now.
	Now func() time.Time
	// Log records each delegation and refusal. Default: discard.
	Log *slog.Logger
	// SealingKey, if set, is the owner's sealing public key (its
	// keyring's current key), published in Info so that a keyless deploy
	// seals secrets to the owner too, who can then reopen them and grant
	// them to other providers. Jobs trust it as they trust the signer's
	// URL: serve the signer over HTTPS.
	SealingKey *seal.PublicKey
	// Grant, if set, grants a sealed function of the owner's to another
	// provider for a job whose rule has the grant scope (POST
	// /v1/ci/grant): it must open the data key, which only the owner's
	// keyring can, so the owner's signer does it and the keyring never
	// leaves. It returns the new spec's CID.
	Grant func(ctx context.Context, g GrantRequest) (wf.CID, error)
	// UsedFile, if set, keeps the ids of used tokens on disk (one line
	// each, until they expire), so a restarted signer still refuses them.
	// Default: memory only.
	UsedFile string
}

// DefaultAudience is the audience a signer for owner expects by default.
func DefaultAudience(owner wf.Address) string { return "webfunctions:" + owner.String() }

// Signer is the owner's deploy signer: an http.Handler (see Handler).
// It does not listen on its own.
type Signer struct {
	cfg Config
	tv  *tokenVerifier
}

// New returns a Signer for cfg.
func New(cfg Config) (*Signer, error) {
	if cfg.Owner == nil || cfg.Policy == nil {
		return nil, errors.New("ci: Config.Owner and Config.Policy are required")
	}
	if cfg.Audience == "" {
		cfg.Audience = DefaultAudience(cfg.Owner.Address())
	}
	if cfg.TTL == 0 {
		cfg.TTL = 10 * time.Minute
	}
	if cfg.TTL < 0 || cfg.TTL > spec.MaxDelegation-time.Minute {
		return nil, fmt.Errorf("ci: TTL %s must be positive and under %s", cfg.TTL, spec.MaxDelegation)
	}
	if cfg.Skew == 0 {
		cfg.Skew = time.Minute
	}
	if cfg.MaxTokenAge == 0 {
		cfg.MaxTokenAge = time.Hour
	}
	if cfg.Client == nil {
		cfg.Client = http.DefaultClient
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	tv := &tokenVerifier{
		audience: cfg.Audience, client: cfg.Client, now: cfg.Now, skew: cfg.Skew, maxAge: cfg.MaxTokenAge,
		keys: map[string]*oidc.RemoteKeySet{}, verifiers: map[string]*oidc.IDTokenVerifier{}, used: map[string]time.Time{},
	}
	if cfg.UsedFile != "" {
		if err := tv.open(cfg.UsedFile); err != nil {
			return nil, err
		}
	}
	return &Signer{cfg: cfg, tv: tv}, nil
}

// Close releases the used-token file, if any.
func (s *Signer) Close() error {
	if s.tv.file != nil {
		return s.tv.file.Close()
	}
	return nil
}

// Paths the Handler serves.
const (
	InfoPath       = "/v1/ci/info"
	DelegationPath = "/v1/ci/delegation"
	GrantPath      = "/v1/ci/grant"
)

// GrantRequest is the body of POST /v1/ci/grant: a fresh identity token
// (used once, as for a delegation) and the grant the job asks for.
type GrantRequest struct {
	Token string `json:"token"`
	// Function is the sealed function (the owner's) to grant.
	Function wf.CID `json:"function"`
	// Provider is the registered name of the provider to grant; its
	// sealing key comes from the registry.
	Provider string `json:"provider"`
	// From is a provider URL that holds the function.
	From string `json:"from"`
}

// GrantResponse is the answer: the new spec's CID, and where it went.
type GrantResponse struct {
	Function wf.CID `json:"function"`
}

// Info is the answer to GET /v1/ci/info: whom the signer signs for and
// the audience a job requests its token with.
type Info struct {
	Owner    wf.Address `json:"owner"`
	Audience string     `json:"audience"`
	// SealingKey is the owner's sealing public key; nil when the signer
	// has none (keyless sealed deploys then cannot be reopened by the
	// owner).
	SealingKey *seal.PublicKey `json:"sealingKey,omitempty"`
}

// Request is the body of POST /v1/ci/delegation.
type Request struct {
	// Token is the job's OIDC identity token.
	Token string `json:"token"`
	// Delegate is the address of the key the job generated.
	Delegate wf.Address `json:"delegate"`
	// Proof is Delegate's signature over wf.KeyProof{owner, keccak(Token)}.
	Proof wf.Signature `json:"proof"`
	// Scopes optionally narrows the rule's scopes (sorted, comma-separated).
	Scopes string `json:"scopes,omitempty"`
}

// Response is the answer: the wf.ci extension data for the job's specs.
type Response struct {
	Owner wf.Address `json:"owner"`
	CI    spec.CI    `json:"ci"`
}

// maxRequest bounds a delegation request (tokens are a few KB).
const maxRequest = 64 << 10

// Handler serves GET /v1/ci/info and POST /v1/ci/delegation. Refusals
// are JSON errors: 401 for a token that does not verify (token_*), 403
// for one no rule trusts (not_trusted) or a proof that does not match
// (bad_proof), 400 for a malformed request.
func (s *Signer) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+InfoPath, func(w http.ResponseWriter, r *http.Request) {
		httperr.WriteJSON(w, http.StatusOK, Info{Owner: s.cfg.Owner.Address(), Audience: s.cfg.Audience, SealingKey: s.cfg.SealingKey})
	})
	mux.HandleFunc("POST "+DelegationPath, func(w http.ResponseWriter, r *http.Request) {
		res, err := s.delegate(r)
		if err != nil {
			httperr.Write(w, s.cfg.Log, err)
			return
		}
		p := res.CI.Provenance
		s.cfg.Log.Info("delegation", "delegate", res.CI.Delegation.Delegate.String(), "scopes", res.CI.Delegation.Scopes,
			"repository", p.Repository, "workflow", p.Workflow, "ref", p.Ref, "commit", p.Commit, "run", p.Run)
		httperr.WriteJSON(w, http.StatusOK, res)
	})
	if s.cfg.Grant != nil {
		mux.HandleFunc("POST "+GrantPath, func(w http.ResponseWriter, r *http.Request) {
			res, err := s.grant(r)
			if err != nil {
				httperr.Write(w, s.cfg.Log, err)
				return
			}
			httperr.WriteJSON(w, http.StatusOK, res)
		})
	}
	return mux
}

// grant checks a grant request's token and rule (scope grant) and has
// Config.Grant do it.
func (s *Signer) grant(r *http.Request) (*GrantResponse, error) {
	var req GrantRequest
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxRequest))
	if err != nil {
		return nil, fmt.Errorf("ci: read request: %w", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, fmt.Errorf("%w: ci: grant request: %v", wf.ErrInvalid, err)
	}
	if !spec.IsBlockCID(req.Function) || req.Provider == "" || strings.Contains(req.Provider, "/") || !strings.HasPrefix(req.From, "http") {
		return nil, fmt.Errorf("%w: ci: a grant needs the function's CID, a registered provider name and a provider URL that holds it", wf.ErrInvalid)
	}
	policy, err := s.cfg.Policy()
	if err != nil {
		return nil, fmt.Errorf("ci: policy: %w", err)
	}
	claims, exp, err := s.tv.verify(r.Context(), req.Token, policy.Issuers())
	if err != nil {
		return nil, err
	}
	rule, err := policy.Match(claims)
	if err != nil {
		return nil, deny(http.StatusForbidden, "not_trusted", "%v", err)
	}
	if !slices.Contains(strings.Split(rule.Scopes, ","), spec.ScopeGrant) {
		return nil, deny(http.StatusForbidden, "scope_exceeded", "scope grant is not granted to this workflow (its rule allows %s)", rule.Scopes)
	}
	if err := s.tv.consume(claims.Issuer, claims.ID, exp); err != nil {
		return nil, err
	}
	p := provenance(rule.Platform, claims)
	fn, err := s.cfg.Grant(r.Context(), req)
	if err != nil {
		return nil, fmt.Errorf("ci: grant %s to %s: %w", req.Function, req.Provider, err)
	}
	s.cfg.Log.Info("grant", "function", req.Function.String(), "provider", req.Provider, "new", fn.String(),
		"repository", p.Repository, "workflow", p.Workflow, "ref", p.Ref, "commit", p.Commit, "run", p.Run)
	return &GrantResponse{Function: fn}, nil
}

func (s *Signer) delegate(r *http.Request) (*Response, error) {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxRequest))
	if err != nil {
		return nil, fmt.Errorf("ci: read request: %w", err)
	}
	var req Request
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, fmt.Errorf("%w: ci: request: %v", wf.ErrInvalid, err)
	}
	if req.Delegate.IsZero() {
		return nil, fmt.Errorf("%w: ci: delegate is required: the address of the key the job generated", wf.ErrInvalid)
	}
	if req.Scopes != "" {
		if err := spec.CheckScopes(req.Scopes); err != nil {
			return nil, fmt.Errorf("ci: scopes: %w", err)
		}
	}
	policy, err := s.cfg.Policy()
	if err != nil {
		return nil, fmt.Errorf("ci: policy: %w", err)
	}
	claims, exp, err := s.tv.verify(r.Context(), req.Token, policy.Issuers())
	if err != nil {
		return nil, err
	}
	rule, err := policy.Match(claims)
	if err != nil {
		return nil, deny(http.StatusForbidden, "not_trusted", "%v", err)
	}
	owner := s.cfg.Owner.Address()
	proof := wf.KeyProof{Owner: owner, Token: TokenHash(req.Token)}
	if who, err := (chain.Verifier{}).Recover(proof, req.Proof); err != nil || who != req.Delegate {
		return nil, deny(http.StatusForbidden, "bad_proof", "the proof of possession is not %s's signature over this token for owner %s", req.Delegate.Checksum(), owner.Checksum())
	}
	scopes := rule.Scopes
	if req.Scopes != "" {
		for _, sc := range strings.Split(req.Scopes, ",") {
			if !slices.Contains(strings.Split(rule.Scopes, ","), sc) {
				return nil, deny(http.StatusForbidden, "scope_exceeded", "scope %s is not granted to this workflow (its rule allows %s)", sc, rule.Scopes)
			}
		}
		scopes = req.Scopes
	}
	// Single use last: a token refused for another reason stays usable
	// once it is fixed, and a used one never yields two delegations.
	if err := s.tv.consume(claims.Issuer, claims.ID, exp); err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	c := spec.CI{
		Delegation: spec.CIDelegation{Delegate: req.Delegate, Scopes: scopes,
			NotBefore: now.Add(-s.cfg.Skew).Unix(), NotAfter: now.Add(s.cfg.TTL).Unix()},
		Provenance: provenance(rule.Platform, claims),
	}
	if err := c.Check(); err != nil {
		return nil, deny(http.StatusForbidden, "not_trusted", "the token lacks what the provenance records: %v", err)
	}
	sig, err := s.cfg.Owner.Sign(c.Message(owner))
	if err != nil {
		return nil, fmt.Errorf("ci: sign delegation: %w", err)
	}
	c.Delegation.Signature = sig
	return &Response{Owner: owner, CI: c}, nil
}

// TokenHash is what a KeyProof binds: SHA-256 of the raw token.
func TokenHash(token string) [32]byte { return sha256.Sum256([]byte(token)) }

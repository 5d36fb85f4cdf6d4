package cred

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// TokenCheck is an issuer's check of an identity token instead of an
// account's signature: a CI job's OpenID Connect token (GitHub Actions,
// GitLab CI) verified by package ci and matched against the issuer's
// rules, wired by the command line (wf cred issuer serve --ci-rules). It
// returns who the token stands for and the attributes to issue, or an
// error carrying its HTTP status. audience is what the token must have
// been issued for: TokenAudience of this issuer, so a token for anything
// else (a deploy signer, a function's callers) is refused.
type TokenCheck interface {
	CheckToken(ctx context.Context, token, audience string) (*TokenIdentity, error)
}

// TokenCheckFunc adapts a function to TokenCheck.
type TokenCheckFunc func(ctx context.Context, token, audience string) (*TokenIdentity, error)

// CheckToken implements TokenCheck.
func (f TokenCheckFunc) CheckToken(ctx context.Context, token, audience string) (*TokenIdentity, error) {
	return f(ctx, token, audience)
}

// TokenIdentity is what a TokenCheck found in a valid identity token.
type TokenIdentity struct {
	// Holder names the identity the token stands for, the same for every
	// token it gets (a CI job's issuer, repository, workflow and ref): a
	// revocable issuer gives it one valid credential at a time, as it
	// does an account. Required.
	Holder string
	// ID is the token's unique id (its issuer and jti); "" keys the
	// token by its SHA-256.
	ID string
	// Expiry is when the check stops accepting the token: the issuer
	// remembers it as used until then. Zero: tokenMemory after its use.
	Expiry time.Time
	// Attrs are the attributes to issue.
	Attrs []Attr
}

// TokenAudience is the audience a CI job requests its identity token with
// to get a credential from the issuer with key k.
func TokenAudience(k IssuerKey) string { return "webfunctions-cred:" + k.String() }

// TokenIssueRequest is the body of POST /v1/issue-token.
type TokenIssueRequest struct {
	Commitment Commitment `json:"commitment"`
	Token      string     `json:"token"`
}

// maxTokenBody bounds POST /v1/issue-token (identity tokens are 1-2 KB).
const maxTokenBody = 16 << 10

// usedTokens remembers the tokens that got a credential until the check
// stops accepting them: one token, one credential. With a path it keeps
// them in a JSON file (0600 in a 0700 directory, replaced whole, the
// wallet's rules), written before the credential leaves, so neither a
// restart nor a crash makes a token usable twice; expired entries are
// dropped on every write, so the file holds about an hour of tokens.
type usedTokens struct {
	path string
	mu   sync.Mutex
	seen map[string]int64 // key → unix second it may be forgotten
}

// usedToken is one entry of the used-token file.
type usedToken struct {
	Key   string `json:"key"`
	Until int64  `json:"until"`
}

// load reads the entries of u's file still in force at now.
func (u *usedTokens) load(now time.Time) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.seen = map[string]int64{}
	if u.path == "" {
		return nil
	}
	b, err := os.ReadFile(u.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cred: used tokens: %w", err)
	}
	var list []usedToken
	if err := wf.DecodeJSON(b, &list); err != nil {
		return fmt.Errorf("cred: used tokens %s: %w", u.path, err)
	}
	for _, e := range list {
		if e.Until > now.Unix() {
			u.seen[e.Key] = e.Until
		}
	}
	return nil
}

func (u *usedTokens) saveLocked() error {
	list := make([]usedToken, 0, len(u.seen))
	for _, k := range slices.Sorted(maps.Keys(u.seen)) {
		list = append(list, usedToken{Key: k, Until: u.seen[k]})
	}
	b, err := wf.EncodeJSON(list)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(u.path), 0o700); err != nil {
		return err
	}
	return writeFile(u.path, b, 0o600)
}

// take records key as used until until (at least now); false if it was
// taken before and is still remembered.
func (u *usedTokens) take(key string, until, now time.Time) (bool, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.seen == nil {
		u.seen = map[string]int64{}
	}
	maps.DeleteFunc(u.seen, func(_ string, t int64) bool { return t <= now.Unix() })
	if _, ok := u.seen[key]; ok {
		return false, nil
	}
	u.seen[key] = max(until.Unix(), now.Unix()+1)
	if u.path != "" {
		if err := u.saveLocked(); err != nil {
			delete(u.seen, key)
			return false, fmt.Errorf("%w: record the used token: %v", wf.ErrUnavailable, err)
		}
	}
	return true, nil
}

// tokenKey is what the used-token file keeps of a token: its id, else
// its SHA-256 (never the token, a bearer secret while it lasts).
func tokenKey(id *TokenIdentity, token string) string {
	if id.ID != "" {
		return "id " + id.ID
	}
	h := sha256.Sum256([]byte(token))
	return "sha256 " + hex.EncodeToString(h[:])
}

// tokenMemory is how long a used token is remembered when its check
// gives no expiry: longer than the 15 minutes CI tokens are accepted for
// (ci.CallersConfig.MaxTokenAge) and their usual one-hour lifetime.
const tokenMemory = 2 * time.Hour

// tokenSkew keeps a token remembered a little past its expiry, for a
// check whose clock lags.
const tokenSkew = time.Minute

func (is *Issuer) serveIssueToken(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxTokenBody))
	if err != nil {
		httperr.Write(w, is.cfg.Log, fmt.Errorf("%w: body: %v", wf.ErrInvalid, err))
		return
	}
	var req TokenIssueRequest
	if err := wf.DecodeJSON(b, &req); err != nil {
		httperr.Write(w, is.cfg.Log, fmt.Errorf("%w: issue request: %v", wf.ErrInvalid, err))
		return
	}
	c, err := is.IssueForToken(r.Context(), &req)
	if err != nil {
		httperr.Write(w, is.cfg.Log, err)
		return
	}
	is.cfg.Log.Info("issued credential for an identity token", "attrs", len(c.Attrs), "expiry", c.Expiry)
	httperr.WriteJSON(w, http.StatusOK, c)
}

// IssueForToken checks req's identity token with the issuer's TokenCheck
// and signs its credential. Each token gets one credential; with a
// Registry, each identity (TokenIdentity.Holder) holds one valid
// credential at a time, as an account does.
func (is *Issuer) IssueForToken(ctx context.Context, req *TokenIssueRequest) (*Credential, error) {
	if is.cfg.Token == nil {
		return nil, fmt.Errorf("%w: this issuer does not issue for identity tokens", wf.ErrNotFound)
	}
	if req.Token == "" {
		return nil, fmt.Errorf("%w: issue request: token is missing", wf.ErrInvalid)
	}
	id, err := is.cfg.Token.CheckToken(ctx, req.Token, TokenAudience(is.cfg.Key.Public()))
	if err != nil {
		return nil, err
	}
	if id == nil || id.Holder == "" {
		return nil, errors.New("cred: the token check named no holder")
	}
	now := is.cfg.Now()
	until := now.Add(tokenMemory)
	if !id.Expiry.IsZero() {
		until = id.Expiry.Add(tokenSkew)
	}
	// Used before the registry: a token that got a serial must never get
	// another, and one refused by the registry is spent (a job asks for
	// a fresh one once the identity's credential is revoked).
	ok, err := is.tokens.take(tokenKey(id, req.Token), until, now)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%w: this identity token already got a credential (one each)", wf.ErrForbidden)
	}
	exp := now.Add(is.cfg.Validity)
	attrs, err := is.revocable(id.Attrs, id.Holder, exp, true) // the next run supersedes it
	if err != nil {
		return nil, err
	}
	return is.cfg.Key.Sign(req.Commitment, attrs, exp)
}

// RequestCredentialWithToken asks the issuer at url for a credential over
// secret's commitment, showing an identity token that token returns for
// the issuer's audience (in a CI job: ci.Token), and checks what comes
// back as RequestCredential does.
func RequestCredentialWithToken(ctx context.Context, hc *http.Client, url string, token func(audience string) (string, error), secret *Secret, want IssuerKey) (*Credential, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	url = strings.TrimSuffix(url, "/")
	var info IssuerInfo
	if err := getJSON(ctx, hc, "GET", url+"/v1/issuer", nil, &info); err != nil {
		return nil, err
	}
	if !want.IsZero() && !equalKey(want, info.Issuer) {
		return nil, fmt.Errorf("%w: the issuer at %s has key %s, not %s", wf.ErrForbidden, url, info.Issuer, want)
	}
	if info.TokenAudience == "" {
		return nil, fmt.Errorf("%w: the issuer at %s does not issue for identity tokens", wf.ErrNotFound, url)
	}
	if info.TokenAudience != TokenAudience(info.Issuer) {
		return nil, fmt.Errorf("%w: the issuer asks for audience %q, not its own %q", wf.ErrInvalid, info.TokenAudience, TokenAudience(info.Issuer))
	}
	tok, err := token(info.TokenAudience)
	if err != nil {
		return nil, err
	}
	return postIssue(ctx, hc, url+"/v1/issue-token", TokenIssueRequest{Commitment: secret.Commitment(), Token: tok}, info.Issuer, secret)
}

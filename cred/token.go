package cred

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
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
// returns the attributes to issue, or an error carrying its HTTP status.
// audience is what the token must have been issued for: TokenAudience of
// this issuer, so a token for anything else (a deploy signer, a
// function's callers) is refused.
type TokenCheck interface {
	TokenAttributes(ctx context.Context, token, audience string) ([]Attr, error)
}

// TokenCheckFunc adapts a function to TokenCheck.
type TokenCheckFunc func(ctx context.Context, token, audience string) ([]Attr, error)

// TokenAttributes implements TokenCheck.
func (f TokenCheckFunc) TokenAttributes(ctx context.Context, token, audience string) ([]Attr, error) {
	return f(ctx, token, audience)
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

// usedTokens remembers the tokens that got a credential, until they
// expire from the check's point of view (MaxRequestAge past first use is
// more than any CI token's freshness window): one token, one credential,
// so a job cannot multiply its rate limits with many secrets.
type usedTokens struct {
	mu   sync.Mutex
	seen map[[32]byte]time.Time
}

// take records token at now; false if it was taken before.
func (u *usedTokens) take(token string, now time.Time) bool {
	h := sha256.Sum256([]byte(token))
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.seen == nil {
		u.seen = map[[32]byte]time.Time{}
	}
	if len(u.seen) > 1<<16 {
		for k, until := range u.seen {
			if now.After(until) {
				delete(u.seen, k)
			}
		}
	}
	if until, ok := u.seen[h]; ok && !now.After(until) {
		return false
	}
	u.seen[h] = now.Add(tokenMemory)
	return true
}

// tokenMemory is how long a used token is remembered: longer than the
// 15 minutes CI tokens are accepted for (ci.CallersConfig.MaxTokenAge)
// and their usual one-hour lifetime.
const tokenMemory = 2 * time.Hour

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
// and signs its credential; each token gets one credential.
func (is *Issuer) IssueForToken(ctx context.Context, req *TokenIssueRequest) (*Credential, error) {
	if is.cfg.Token == nil {
		return nil, fmt.Errorf("%w: this issuer does not issue for identity tokens", wf.ErrNotFound)
	}
	if req.Token == "" {
		return nil, fmt.Errorf("%w: issue request: token is missing", wf.ErrInvalid)
	}
	attrs, err := is.cfg.Token.TokenAttributes(ctx, req.Token, TokenAudience(is.cfg.Key.Public()))
	if err != nil {
		return nil, err
	}
	now := is.cfg.Now()
	if !is.tokens.take(req.Token, now) {
		return nil, fmt.Errorf("%w: this identity token already got a credential (one each)", wf.ErrForbidden)
	}
	exp := now.Add(is.cfg.Validity)
	var who []string
	for _, a := range attrs {
		who = append(who, a.Name+"="+a.Value())
	}
	// Each token is its own holder (a job run gets one credential; the
	// next run its own): revoke a CI credential by its serial.
	th := sha256.Sum256([]byte(req.Token))
	holder := fmt.Sprintf("ci %s (token %x)", strings.Join(who, " "), th[:6])
	if attrs, err = is.revocable(attrs, holder, exp); err != nil {
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
	body, err := wf.EncodeJSON(TokenIssueRequest{Commitment: secret.Commitment(), Token: tok})
	if err != nil {
		return nil, err
	}
	var c Credential
	if err := getJSON(ctx, hc, "POST", url+"/v1/issue-token", body, &c); err != nil {
		return nil, err
	}
	switch {
	case !equalKey(c.Issuer, info.Issuer):
		return nil, fmt.Errorf("%w: the issuer signed with another key", wf.ErrInvalid)
	case c.Commitment != secret.Commitment():
		return nil, fmt.Errorf("%w: the issuer signed another commitment", wf.ErrInvalid)
	}
	if err := c.Verify(); err != nil {
		return nil, err
	}
	return &c, nil
}

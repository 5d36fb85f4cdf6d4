package ci

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/webfunctions/wf/httperr"
)

// alg is the one signing algorithm accepted: GitHub and GitLab sign with
// RS256, and accepting one algorithm closes alg confusion (none, HS256
// keyed with the public key).
const alg = "RS256"

// tokenVerifier checks identity tokens from the issuers a policy trusts.
type tokenVerifier struct {
	audience string
	client   *http.Client
	now      func() time.Time
	skew     time.Duration
	maxAge   time.Duration

	mu        sync.Mutex
	keys      map[string]*oidc.RemoteKeySet    // by issuer, after discovery
	verifiers map[string]*oidc.IDTokenVerifier // by issuer and audience
	used      map[string]time.Time             // issuer + " " + jti → when it may be forgotten
	file      *os.File                         // with Config.UsedFile: used, one line each
}

// deny is a refusal with its own error code.
func deny(status int, code, format string, a ...any) error {
	return &httperr.Error{Status: status, Code: code, Message: "ci: " + fmt.Sprintf(format, a...)}
}

func unauthorized(code, format string, a ...any) error {
	return deny(http.StatusUnauthorized, code, format, a...)
}

// header and claims read before the signature is checked, only to say
// precisely what is wrong; nothing is trusted until go-oidc verified it.
type unverified struct {
	Alg string `json:"alg"`
	Kid string `json:"kid"`
}

type unverifiedClaims struct {
	Iss string          `json:"iss"`
	Aud json.RawMessage `json:"aud"`
	Exp json.Number     `json:"exp"`
	Iat json.Number     `json:"iat"`
	Jti string          `json:"jti"`
}

func decodeSegment(s string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// verify checks raw against issuers and returns its claims. It does not
// mark the token used; consume does, once everything else passed.
func (v *tokenVerifier) verify(ctx context.Context, raw string, issuers []string) (*Claims, time.Time, error) {
	return v.verifyFor(ctx, raw, issuers, v.audience)
}

// verifyFor is verify for tokens issued for audience.
func (v *tokenVerifier) verifyFor(ctx context.Context, raw string, issuers []string, audience string) (*Claims, time.Time, error) {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return nil, time.Time{}, unauthorized("token_malformed", "the identity token is not a signed JWT (header.payload.signature)")
	}
	var h unverified
	var uc unverifiedClaims
	if decodeSegment(parts[0], &h) != nil || decodeSegment(parts[1], &uc) != nil {
		return nil, time.Time{}, unauthorized("token_malformed", "the identity token's header or claims are not base64url JSON")
	}
	if h.Alg != alg {
		return nil, time.Time{}, unauthorized("token_algorithm", "the identity token is signed with %q; only %s is accepted", h.Alg, alg)
	}
	if !slices.Contains(issuers, uc.Iss) {
		return nil, time.Time{}, unauthorized("token_issuer", "the identity token's issuer %q is not one this signer trusts (%s)", uc.Iss, strings.Join(issuers, ", "))
	}
	var aud []string
	if json.Unmarshal(uc.Aud, &aud) != nil {
		var one string
		json.Unmarshal(uc.Aud, &one)
		aud = []string{one}
	}
	if !slices.Contains(aud, audience) {
		return nil, time.Time{}, unauthorized("token_audience", "the identity token's audience %q is not %q (request the token with that audience)", aud, audience)
	}
	now := v.now()
	if exp, err := uc.Exp.Int64(); err != nil || !now.Before(time.Unix(exp, 0)) {
		return nil, time.Time{}, unauthorized("token_expired", "the identity token has expired")
	}
	iat, err := uc.Iat.Int64()
	switch {
	case err != nil:
		return nil, time.Time{}, unauthorized("token_issued_at", "the identity token has no issued-at time")
	case time.Unix(iat, 0).After(now.Add(v.skew)):
		return nil, time.Time{}, unauthorized("token_issued_at", "the identity token was issued in the future (%s, more than %s ahead of this signer's clock)", time.Unix(iat, 0).UTC().Format(time.RFC3339), v.skew)
	case v.maxAge > 0 && time.Unix(iat, 0).Before(now.Add(-v.maxAge)):
		return nil, time.Time{}, unauthorized("token_issued_at", "the identity token was issued more than %s ago", v.maxAge)
	}
	if uc.Jti == "" {
		return nil, time.Time{}, unauthorized("token_malformed", "the identity token has no token id (jti), so it cannot be held to single use")
	}
	verifier, err := v.verifier(ctx, uc.Iss, audience)
	if err != nil {
		return nil, time.Time{}, deny(http.StatusServiceUnavailable, "issuer_unavailable", "cannot read the issuer %s's keys: %v", uc.Iss, err)
	}
	tok, err := verifier.Verify(ctx, raw)
	if err != nil {
		var exp *oidc.TokenExpiredError
		if errors.As(err, &exp) {
			return nil, time.Time{}, unauthorized("token_expired", "the identity token has expired")
		}
		return nil, time.Time{}, unauthorized("token_signature", "the identity token's signature does not verify against the issuer's current keys (key id %q): %v", h.Kid, err)
	}
	var c Claims
	if err := tok.Claims(&c); err != nil {
		return nil, time.Time{}, unauthorized("token_malformed", "the identity token's claims: %v", err)
	}
	return &c, tok.Expiry, nil
}

// verifier is issuer's verifier for tokens for audience, after discovery
// (cached once it worked). go-oidc refetches the issuer's keys when a
// token names a key id it does not know, which is how key rotation
// reaches it; one key set per issuer serves every audience.
func (v *tokenVerifier) verifier(ctx context.Context, issuer, audience string) (*oidc.IDTokenVerifier, error) {
	v.mu.Lock()
	iv, ok := v.verifiers[issuer+" "+audience]
	ks := v.keys[issuer]
	v.mu.Unlock()
	if ok {
		return iv, nil
	}
	if ks == nil {
		var err error
		if ks, err = v.discover(ctx, issuer); err != nil {
			return nil, err
		}
	}
	iv = oidc.NewVerifier(issuer, ks, &oidc.Config{
		ClientID:             audience,
		SupportedSigningAlgs: []string{alg},
		Now:                  v.now,
	})
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.verifiers) >= maxVerifiers { // audiences are per owner: bound the cache
		clear(v.verifiers)
	}
	v.keys[issuer] = ks
	v.verifiers[issuer+" "+audience] = iv
	return iv, nil
}

// maxVerifiers bounds the cached (issuer, audience) verifiers.
const maxVerifiers = 4096

// discover reads issuer's discovery document and returns its key set.
func (v *tokenVerifier) discover(ctx context.Context, issuer string) (*oidc.RemoteKeySet, error) {
	// The key set outlives this request: its fetches use a background
	// context carrying only the client.
	bg := oidc.ClientContext(context.Background(), v.client)
	dctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, v.client), 10*time.Second)
	defer cancel()
	p, err := oidc.NewProvider(dctx, issuer)
	if err != nil {
		return nil, err
	}
	var meta struct {
		JWKS string `json:"jwks_uri"`
	}
	if err := p.Claims(&meta); err != nil {
		return nil, err
	}
	return oidc.NewRemoteKeySet(bg, meta.JWKS), nil
}

// consume marks the token issuer/jti used until it expires; a token seen
// before is refused.
func (v *tokenVerifier) consume(issuer, jti string, exp time.Time) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	now := v.now()
	for k, until := range v.used {
		if now.After(until) {
			delete(v.used, k)
		}
	}
	k := issuer + " " + jti
	if _, seen := v.used[k]; seen {
		return unauthorized("token_replayed", "this identity token (jti %q) was already used; each job's token gets one delegation", jti)
	}
	// Kept past expiry by the skew, so a signer whose clock lags still
	// remembers it while it could pass.
	until := exp.Add(v.skew)
	if v.file != nil {
		// On disk before the delegation leaves, so a crash cannot make a
		// token usable twice.
		line, _ := json.Marshal(usedLine{Key: k, Until: until.Unix()})
		if _, err := v.file.Write(append(line, '\n')); err != nil {
			return fmt.Errorf("ci: record used token: %w", err)
		}
		if err := v.file.Sync(); err != nil {
			return fmt.Errorf("ci: record used token: %w", err)
		}
	}
	v.used[k] = until
	return nil
}

// usedLine is one line of the used-token file.
type usedLine struct {
	Key   string `json:"k"`
	Until int64  `json:"u"`
}

// open loads the used tokens still unexpired from file, rewrites it with
// only those, and keeps it open for appending.
func (v *tokenVerifier) open(file string) error {
	b, err := os.ReadFile(file)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("ci: used tokens: %w", err)
	}
	now := v.now()
	var keep []byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		var u usedLine
		if len(l) == 0 || json.Unmarshal(l, &u) != nil || u.Key == "" {
			continue // a torn last line from a crash
		}
		if t := time.Unix(u.Until, 0); t.After(now) {
			v.used[u.Key] = t
			keep = append(append(keep, l...), '\n')
		}
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, keep, 0o600); err != nil {
		return fmt.Errorf("ci: used tokens: %w", err)
	}
	if err := os.Rename(tmp, file); err != nil {
		return fmt.Errorf("ci: used tokens: %w", err)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("ci: used tokens: %w", err)
	}
	v.file = f
	return nil
}

package cred

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// Defaults of IssuerConfig.
const (
	DefaultValidity = 30 * 24 * time.Hour
	// MaxRequestAge bounds how far ahead a request's expiry may be: a
	// signed request is good for minutes.
	MaxRequestAge = 10 * time.Minute
	maxIssueBody  = 4 << 10
)

// Check is what an issuer checks before it signs: given the account that
// signed the request, the attributes to issue, or an error (wrap
// wf.ErrForbidden for "not this account"). AllowList is one; an on-chain
// fact (an escrow deposit, a registered provider) read through package
// chain is another, wired by the command line.
type Check interface {
	Attributes(ctx context.Context, account wf.Address) ([]Attr, error)
}

// CheckFunc adapts a function to Check.
type CheckFunc func(ctx context.Context, account wf.Address) ([]Attr, error)

// Attributes implements Check.
func (f CheckFunc) Attributes(ctx context.Context, a wf.Address) ([]Attr, error) { return f(ctx, a) }

// AllowList is an admin's list: the accounts that may have a credential,
// each with its attributes.
type AllowList map[wf.Address][]Attr

// Attributes implements Check.
func (l AllowList) Attributes(_ context.Context, a wf.Address) ([]Attr, error) {
	attrs, ok := l[a]
	if !ok {
		return nil, fmt.Errorf("%w: account %s is not on the issuer's allow-list", wf.ErrForbidden, a.Checksum())
	}
	return slices.Clone(attrs), nil
}

// IssuerConfig configures an Issuer.
type IssuerConfig struct {
	Key   *IssuerSecret // required
	Check Check         // required: for account-signed requests
	// Token, if set, also issues to holders showing an identity token (a
	// CI job's) for TokenAudience(Key): POST /v1/issue-token.
	Token TokenCheck
	// UsedTokensFile, if set, keeps the identity tokens that got a
	// credential on disk (by id or hash, until they expire), so a
	// restarted issuer still refuses them. Default: memory only.
	UsedTokensFile string
	// Registry, if set, makes credentials revocable: each gets a serial
	// (the last slot, "serial") recorded here, and GET /v1/valid serves
	// the signed list of serials not revoked, signed anew every
	// ValidRefresh (default DefaultValidRefresh).
	Registry     *Registry
	ValidRefresh time.Duration
	Verifier     wf.Verifier // required: recovers request signers (chain.Verifier)
	// Validity is how long an issued credential lasts. Default
	// DefaultValidity.
	Validity time.Duration
	Log      *slog.Logger
	Now      func() time.Time
}

// Issuer signs credentials for accounts its Check admits. Its Handler
// serves:
//
//	GET  /v1/issuer  {"issuer":"0x…","validitySeconds":N}
//	POST /v1/issue   IssueRequest -> Credential
//	POST /v1/issue-token  TokenIssueRequest -> Credential (with a TokenCheck)
//	GET  /v1/valid   ValidList (with a Registry: the serials not revoked)
//
// It never sees the holder's secret, only its commitment. Without a
// Registry it keeps no record of what it issued (only the identity tokens
// it issued for, until they expire, so each gets one credential: in
// UsedTokensFile, else in memory); with one, each credential's serial,
// holder and expiry, so it can be revoked and each holder (an account, a
// CI identity) has one valid credential at a time.
type Issuer struct {
	cfg    IssuerConfig
	mux    *http.ServeMux
	tokens usedTokens

	validMu sync.Mutex
	valid   *ValidList // the last signed, with a Registry
}

// IssueRequest is the body of POST /v1/issue: a wf.CredentialRequest and
// its signature. Fields are in JSON key order.
type IssueRequest struct {
	Account    wf.Address   `json:"account"`
	Commitment Commitment   `json:"commitment"`
	Expires    int64        `json:"expires"`
	Signature  wf.Signature `json:"signature"`
}

// Message is the signed statement of r for issuer.
func (r *IssueRequest) Message(issuer IssuerKey) wf.CredentialRequest {
	return wf.CredentialRequest{Issuer: issuer.String(), Commitment: r.Commitment, Expires: r.Expires}
}

// NewIssuer returns an issuer.
func NewIssuer(cfg IssuerConfig) (*Issuer, error) {
	if cfg.Key == nil || cfg.Check == nil || cfg.Verifier == nil {
		return nil, errors.New("cred: issuer needs a key, a check and a verifier")
	}
	if cfg.Validity <= 0 {
		cfg.Validity = DefaultValidity
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.ValidRefresh <= 0 {
		cfg.ValidRefresh = DefaultValidRefresh
	}
	is := &Issuer{cfg: cfg, mux: http.NewServeMux(), tokens: usedTokens{path: cfg.UsedTokensFile}}
	if err := is.tokens.load(cfg.Now()); err != nil {
		return nil, err
	}
	is.mux.HandleFunc("GET /v1/issuer", is.serveInfo)
	is.mux.HandleFunc("POST /v1/issue", is.serveIssue)
	is.mux.HandleFunc("POST /v1/issue-token", is.serveIssueToken)
	is.mux.HandleFunc("GET /v1/valid", is.serveValid)
	return is, nil
}

// Handler serves the issuer's endpoints; it owns no listener.
func (is *Issuer) Handler() http.Handler { return is.mux }

func (is *Issuer) serveInfo(w http.ResponseWriter, r *http.Request) {
	info := IssuerInfo{Issuer: is.cfg.Key.Public(), Revocable: is.cfg.Registry != nil, ValiditySeconds: int64(is.cfg.Validity / time.Second)}
	if is.cfg.Token != nil {
		info.TokenAudience = TokenAudience(is.cfg.Key.Public())
	}
	httperr.WriteJSON(w, http.StatusOK, info)
}

func (is *Issuer) serveIssue(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxIssueBody))
	if err != nil {
		httperr.Write(w, is.cfg.Log, fmt.Errorf("%w: body: %v", wf.ErrInvalid, err))
		return
	}
	var req IssueRequest
	if err := wf.DecodeJSON(b, &req); err != nil {
		httperr.Write(w, is.cfg.Log, fmt.Errorf("%w: issue request: %v", wf.ErrInvalid, err))
		return
	}
	c, err := is.Issue(r.Context(), &req)
	if err != nil {
		httperr.Write(w, is.cfg.Log, err)
		return
	}
	is.cfg.Log.Info("issued credential", "account", req.Account.Checksum(), "expiry", c.Expiry)
	httperr.WriteJSON(w, http.StatusOK, c)
}

// Issue checks req and signs its credential.
func (is *Issuer) Issue(ctx context.Context, req *IssueRequest) (*Credential, error) {
	now := is.cfg.Now()
	exp := time.Unix(req.Expires, 0)
	switch {
	case req.Account.IsZero():
		return nil, fmt.Errorf("%w: issue request: account is missing", wf.ErrInvalid)
	case !now.Before(exp):
		return nil, fmt.Errorf("%w: issue request expired at %s", wf.ErrUnauthorized, exp.UTC().Format(time.RFC3339))
	case exp.After(now.Add(MaxRequestAge)):
		return nil, fmt.Errorf("%w: issue request: expires more than %s ahead", wf.ErrInvalid, MaxRequestAge)
	}
	signer, err := is.cfg.Verifier.Recover(req.Message(is.cfg.Key.Public()), req.Signature)
	if err != nil || signer != req.Account {
		return nil, fmt.Errorf("%w: issue request: not signed by %s for this issuer", wf.ErrUnauthorized, req.Account.Checksum())
	}
	attrs, err := is.cfg.Check.Attributes(ctx, req.Account)
	if err != nil {
		return nil, err
	}
	exp = now.Add(is.cfg.Validity)
	if attrs, err = is.revocable(attrs, req.Account.Checksum(), exp, false); err != nil {
		return nil, err
	}
	return is.cfg.Key.Sign(req.Commitment, attrs, exp)
}

// ParseAttrs parses "name=value" pairs: a value of digits is an integer,
// anything else a string ("org=acme", "age=30").
func ParseAttrs(pairs []string) ([]Attr, error) {
	var out []Attr
	for _, p := range pairs {
		name, value, ok := strings.Cut(p, "=")
		if !ok {
			return nil, fmt.Errorf("%w: attribute %q: want name=value", wf.ErrInvalid, truncate(p))
		}
		a := StringAttr(name, value)
		if n, ok := decimal(value); ok {
			a = IntAttr(name, n)
		}
		if err := a.Check(); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func decimal(s string) (int64, bool) {
	if s == "" || len(s) > 16 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	var n int64
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int64(r-'0')
	}
	return n, n <= maxInt
}

// AllowListEntry is one line of an allow-list file.
type AllowListEntry struct {
	Account wf.Address `json:"account"`
	Attrs   []Attr     `json:"attrs"`
}

// NewAllowList builds an AllowList from entries, checking attributes.
func NewAllowList(entries []AllowListEntry) (AllowList, error) {
	l := AllowList{}
	for _, e := range entries {
		if e.Account.IsZero() {
			return nil, fmt.Errorf("%w: allow-list: an entry has no account", wf.ErrInvalid)
		}
		c := Credential{Attrs: e.Attrs, Expiry: 1}
		if err := c.checkContents(); err != nil {
			return nil, fmt.Errorf("allow-list %s: %w", e.Account.Checksum(), err)
		}
		l[e.Account] = e.Attrs
	}
	return l, nil
}

// Entries lists l sorted by account.
func (l AllowList) Entries() []AllowListEntry {
	var out []AllowListEntry
	for _, a := range slices.SortedFunc(maps.Keys(l), func(x, y wf.Address) int { return strings.Compare(hex.EncodeToString(x[:]), hex.EncodeToString(y[:])) }) {
		out = append(out, AllowListEntry{Account: a, Attrs: l[a]})
	}
	return out
}

// IssuerInfo is GET /v1/issuer.
type IssuerInfo struct {
	Issuer          IssuerKey `json:"issuer"`
	Revocable       bool      `json:"revocable,omitempty"`     // with a Registry
	TokenAudience   string    `json:"tokenAudience,omitempty"` // with a TokenCheck
	ValiditySeconds int64     `json:"validitySeconds"`
}

// RequestCredential asks the issuer at url for a credential over secret's
// commitment, signing the request as signer, and checks what comes back:
// the issuer's key, the commitment and the signature. want, if not zero,
// is the issuer key the holder expects.
func RequestCredential(ctx context.Context, hc *http.Client, url string, signer wf.Signer, secret *Secret, want IssuerKey, now time.Time) (*Credential, error) {
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
	req := IssueRequest{Account: signer.Address(), Commitment: secret.Commitment(), Expires: now.Add(MaxRequestAge / 2).Unix()}
	sig, err := signer.Sign(req.Message(info.Issuer))
	if err != nil {
		return nil, fmt.Errorf("cred: sign the issue request: %w", err)
	}
	req.Signature = sig
	return postIssue(ctx, hc, url+"/v1/issue", req, info.Issuer, secret)
}

// postIssue posts an issue request to endpoint and returns the credential
// answered, checked: signed by issuer's key, over secret's commitment.
func postIssue(ctx context.Context, hc *http.Client, endpoint string, req any, issuer IssuerKey, secret *Secret) (*Credential, error) {
	body, err := wf.EncodeJSON(req)
	if err != nil {
		return nil, err
	}
	var c Credential
	if err := getJSON(ctx, hc, "POST", endpoint, body, &c); err != nil {
		return nil, err
	}
	switch {
	case !equalKey(c.Issuer, issuer):
		return nil, fmt.Errorf("%w: the issuer signed with another key", wf.ErrInvalid)
	case c.Commitment != secret.Commitment():
		return nil, fmt.Errorf("%w: the issuer signed another commitment", wf.ErrInvalid)
	}
	if err := c.Verify(); err != nil {
		return nil, err
	}
	return &c, nil
}

func getJSON(ctx context.Context, hc *http.Client, method, url string, body []byte, out any) error {
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(string(body))
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return fmt.Errorf("%w: issuer URL %s: %v", wf.ErrInvalid, url, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("%w: issuer: %v", wf.ErrUnavailable, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return fmt.Errorf("%w: issuer: %v", wf.ErrUnavailable, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e httperr.Body
		msg := strings.TrimSpace(string(b))
		if wf.DecodeJSON(b, &e) == nil && e.Error.Message != "" {
			msg = e.Error.Message
		}
		kind := httperr.Kind(resp.StatusCode)
		if kind == nil {
			kind = wf.ErrUnavailable
		}
		return fmt.Errorf("%w: issuer %s: %s", kind, method+" "+url, msg)
	}
	if err := wf.DecodeJSON(b, out); err != nil {
		return fmt.Errorf("%w: issuer answer: %v", wf.ErrInvalid, err)
	}
	return nil
}

// DepositCheck is an on-chain fact as a Check: an account whose escrow
// balance (read through Balance, e.g. chain.Client.Account) is at least
// Min gets Attrs, then its balance in token base units as slot "deposit"
// (capped at 2^53-1), so a policy can ask for deposit >= N.
type DepositCheck struct {
	Balance func(ctx context.Context, account wf.Address) (*big.Int, error)
	Min     *big.Int
	Attrs   []Attr
}

// Attributes implements Check.
func (d DepositCheck) Attributes(ctx context.Context, a wf.Address) ([]Attr, error) {
	bal, err := d.Balance(ctx, a)
	if err != nil {
		return nil, fmt.Errorf("%w: read %s's escrow balance: %v", wf.ErrUnavailable, a.Checksum(), err)
	}
	if bal.Cmp(d.Min) < 0 {
		return nil, fmt.Errorf("%w: account %s has %s in escrow, the issuer asks for %s", wf.ErrForbidden, a.Checksum(), bal, d.Min)
	}
	n := int64(maxInt)
	if bal.IsInt64() && bal.Int64() < n {
		n = bal.Int64()
	}
	return append(slices.Clone(d.Attrs), IntAttr("deposit", n)), nil
}

// AnyOf is the first of checks that admits an account (each is asked in
// order); refused by all, the last refusal.
type AnyOf []Check

// Attributes implements Check.
func (cs AnyOf) Attributes(ctx context.Context, a wf.Address) ([]Attr, error) {
	err := fmt.Errorf("%w: no check admits %s", wf.ErrForbidden, a.Checksum())
	for _, c := range cs {
		var attrs []Attr
		if attrs, err = c.Attributes(ctx, a); err == nil {
			return attrs, nil
		}
	}
	return nil, err
}

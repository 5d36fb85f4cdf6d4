package cred

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Defaults of VerifierConfig.
const (
	DefaultSkew        = 30 * time.Second
	DefaultMaxSessions = 100_000
	// replayWindow is how far out of order a session's sequence numbers
	// may arrive: concurrent requests of one caller.
	replayWindow = 64
)

// VerifierConfig configures a Verifier. Zero values take the defaults.
type VerifierConfig struct {
	// Keys are the setups whose proofs this provider accepts, by the CID
	// policies name. A policy naming another setup is refused (403).
	Keys []*VerifyingKey
	// Provider is this provider's address: a proof for another provider
	// is refused; one for any provider (zero) is accepted.
	Provider wf.Address
	// Skew is how far a presentation's NotBefore may lie in the future.
	Skew time.Duration
	// MaxSessions bounds the sessions (and nullifier counters) held in
	// memory; beyond it new presentations get 503 until old ones expire.
	MaxSessions int
	// FailedProofs and FailedBurst bound, per source address (IPv4, or an
	// IPv6 /64), the presentations whose proofs fail: per second
	// sustained, and at once. Beyond them a source's presentations get
	// 429 credential_verify_budget without their proof being checked.
	// Defaults DefaultFailedProofs and DefaultFailedBurst.
	FailedProofs float64
	FailedBurst  int
	// MaxVerifying is how many proofs are checked at once (default half
	// the CPUs, at least one); a presentation that finds them all busy for
	// 250 ms gets 503.
	MaxVerifying int
	Now          func() time.Time
}

// Verifier admits calls to functions with an access policy: a presentation
// (verified once, then its session key is cached) or a signature by a
// cached session key. It is safe for concurrent use. State is in memory: a
// restart asks every caller to present again.
type Verifier struct {
	cfg    VerifierConfig
	keys   map[wf.CID]*VerifyingKey
	budget *verifyBudget

	mu         sync.Mutex
	sessions   map[string]*session     // by session key
	nullifiers map[string]*nullCount   // by nullifier
	policies   map[wf.CID]*policyEntry // by function
}

type session struct {
	function  wf.CID
	pub       ed25519.PublicKey
	notAfter  time.Time
	env       map[string]string
	nullifier string // "" without a rate limit
	top       uint64 // highest sequence number seen
	seen      uint64 // bit i: top-i seen
}

type nullCount struct {
	epoch int64
	n     int64
	until time.Time // when the epoch ends
}

type policyEntry struct {
	data string
	p    *Policy
	err  error
}

// NewVerifier returns a verifier for cfg.
func NewVerifier(cfg VerifierConfig) *Verifier {
	if cfg.Skew == 0 {
		cfg.Skew = DefaultSkew
	}
	if cfg.MaxSessions == 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	v := &Verifier{cfg: cfg, keys: map[wf.CID]*VerifyingKey{}, sessions: map[string]*session{},
		nullifiers: map[string]*nullCount{}, policies: map[wf.CID]*policyEntry{},
		budget: newVerifyBudget(cfg.FailedProofs, cfg.FailedBurst, cfg.MaxVerifying)}
	for _, k := range cfg.Keys {
		v.keys[k.CID()] = k
	}
	return v
}

// Call is the part of a request a Verifier reads.
type Call struct {
	Function wf.CID
	Spec     *wf.Spec
	Method   string
	Path     string // PATH_INFO, escaped, as the function sees it
	RawQuery string
	Header   http.Header
	Body     []byte
	// Source is where the call came from (RemoteAddr): failed proofs are
	// counted against it (VerifierConfig.FailedProofs).
	Source string
}

// Refusal codes (the "code" of the JSON error body).
const (
	CodeRequired    = "credential_required"     // 401: no presentation, or the session is gone
	CodeMalformed   = "credential_malformed"    // 400
	CodeRefused     = "credential_refused"      // 403
	CodeRateLimited = "credential_rate_limited" // 429
	CodeReplayed    = "session_replayed"        // 403
)

// Error is a refused call: an httperr.Error with details for the caller.
type Error struct {
	Err     *httperr.Error
	Details map[string]any
}

func (e *Error) Error() string { return e.Err.Message }
func (e *Error) Unwrap() error { return e.Err }

// Code is the refusal's code.
func (e *Error) Code() string { return e.Err.Code }

// ErrorDetails returns the details for the JSON error body.
func (e *Error) ErrorDetails() map[string]any { return e.Details }

func refused(status int, code, format string, args ...any) *Error {
	return &Error{Err: &httperr.Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}}
}

// Admit implements provider.Gate: it decides the call r makes to fn
// (spec s) with PATH_INFO path and the request's whole body. undo, when
// not nil, gives back the rate unit the admission spent: the provider
// calls it when a later check refuses the call or the run is not
// charged, so a call that is refused costs its caller no unit.
func (v *Verifier) Admit(r *http.Request, fn wf.CID, s *wf.Spec, path string, body []byte) (env map[string]string, undo func(), err error) {
	return v.admit(&Call{Function: fn, Spec: s, Method: r.Method, Path: path, RawQuery: r.URL.RawQuery, Header: r.Header, Body: body, Source: r.RemoteAddr})
}

// AdmitCall decides c. Admitted, it returns the CGI variables of the disclosed
// slots (WF_CRED_<NAME>); refused, an *Error. A function without a policy
// is admitted with none.
func (v *Verifier) AdmitCall(c *Call) (map[string]string, error) {
	env, _, err := v.admit(c)
	return env, err
}

func (v *Verifier) admit(c *Call) (map[string]string, func(), error) {
	p, err := v.policy(c.Function, c.Spec)
	if err != nil || p == nil {
		return nil, nil, err
	}
	sh := c.Header.Get(SessionHeader)
	ch := c.Header.Get(CredentialHeader)
	if sh == "" && ch == "" {
		e := refused(http.StatusUnauthorized, CodeRequired,
			"this function needs a credential (access policy %s): get one from an issuer it trusts (wf cred issue), then call with wf invoke --cred NAME %s", p.CID, c.Function)
		e.Details = map[string]any{"policy": p.CID.String(), "issuers": p.Access.Issuers,
			"command": "wf invoke --cred NAME " + c.Function.String()}
		return nil, nil, e
	}
	if sh == "" {
		return nil, nil, refused(http.StatusBadRequest, CodeMalformed, "a presentation (%s) needs a session signature (%s) on the same request", CredentialHeader, SessionHeader)
	}
	pub, seq, sig, err := parseSessionHeader(sh)
	if err != nil {
		return nil, nil, err
	}
	now := v.cfg.Now()
	v.mu.Lock()
	s := v.sessions[string(pub)]
	v.mu.Unlock()
	if s == nil || !now.Before(s.notAfter) {
		if ch == "" {
			return nil, nil, refused(http.StatusUnauthorized, CodeRequired, "the session is unknown or over: present the credential again (wf invoke --cred does)")
		}
		if s, err = v.present(p, c, ch, pub, now); err != nil {
			return nil, nil, err
		}
	}
	if s.function != c.Function {
		return nil, nil, refused(http.StatusForbidden, CodeRefused, "the session was opened for function %s, not this one", s.function)
	}
	if !ed25519.Verify(s.pub, SessionMessage(c.Function, seq, c.Method, c.Path, c.RawQuery, c.Body), sig) {
		return nil, nil, refused(http.StatusForbidden, CodeRefused, "the session signature does not verify for this request")
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if !s.fresh(seq) {
		return nil, nil, refused(http.StatusForbidden, CodeReplayed, "sequence number %d was used or is too old: each request needs a new one", seq)
	}
	if s.nullifier != "" {
		r := p.Access.Rate
		nc := v.nullifiers[s.nullifier]
		if nc == nil { // its epoch ended (and was swept) since the lookup
			return nil, nil, refused(http.StatusUnauthorized, CodeRequired, "the session's rate epoch is over: present again")
		}
		if nc.n >= r.Requests {
			e := refused(http.StatusTooManyRequests, CodeRateLimited,
				"this credential has made the %d requests per %ds the policy allows; retry after %s", r.Requests, r.Seconds, nc.until.UTC().Format(time.RFC3339))
			e.Details = map[string]any{"requests": r.Requests, "seconds": r.Seconds, "retryAfter": int64(nc.until.Sub(now).Seconds()) + 1}
			return nil, nil, e
		}
		nc.n++
		s.mark(seq)
		return s.env, func() { v.refund(s.nullifier, nc) }, nil
	}
	s.mark(seq)
	return s.env, nil, nil
}

// refund gives back one unit of nc, the count of nullifier key, if it is
// still that nullifier's count (not swept and replaced since).
func (v *Verifier) refund(key string, nc *nullCount) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.nullifiers[key] == nc && nc.n > 0 {
		nc.n--
	}
}

// fresh reports whether seq has not been seen and is within the window.
func (s *session) fresh(seq uint64) bool {
	switch {
	case seq == 0:
		return false
	case seq > s.top:
		return true
	case s.top-seq >= replayWindow:
		return false
	}
	return s.seen&(1<<(s.top-seq)) == 0
}

func (s *session) mark(seq uint64) {
	if seq > s.top {
		shift := seq - s.top
		if shift >= replayWindow {
			s.seen = 0
		} else {
			s.seen <<= shift
		}
		s.top = seq
	}
	s.seen |= 1 << (s.top - seq)
}

// present verifies presentation header ch for c and opens its session.
func (v *Verifier) present(p *Policy, c *Call, ch string, pub ed25519.PublicKey, now time.Time) (*session, error) {
	if err := v.admitSource(c.Source, now); err != nil {
		return nil, err
	}
	pres, err := DecodePresentation(ch)
	if err != nil {
		return nil, err
	}
	if pres.Session != base64.RawURLEncoding.EncodeToString(pub) {
		return nil, refused(http.StatusForbidden, CodeRefused, "the session signature is by another key than the presentation's session key")
	}
	vk := v.keys[p.Access.Setup]
	if vk == nil {
		return nil, refused(http.StatusForbidden, CodeRefused, "this provider does not accept proofs of setup %s, which the policy names", p.Access.Setup)
	}
	if !p.trusts(pres.Issuer) {
		return nil, refused(http.StatusForbidden, CodeRefused, "issuer %s is not one the policy trusts", pres.Issuer)
	}
	if pres.Provider != nil && *pres.Provider != v.cfg.Provider {
		return nil, refused(http.StatusForbidden, CodeRefused, "the presentation is for provider %s, not this one", pres.Provider.Checksum())
	}
	nb, na := time.Unix(pres.NotBefore, 0), time.Unix(pres.NotAfter, 0)
	switch {
	case pres.NotAfter <= pres.NotBefore || pres.NotAfter-pres.NotBefore > p.Access.MaxSessionSeconds:
		return nil, refused(http.StatusForbidden, CodeRefused, "the session window is %ds; the policy allows 1 to %ds", pres.NotAfter-pres.NotBefore, p.Access.MaxSessionSeconds)
	case nb.After(now.Add(v.cfg.Skew)):
		return nil, refused(http.StatusForbidden, CodeRefused, "the presentation starts at %s, in the future", nb.UTC().Format(time.RFC3339))
	case !now.Before(na):
		return nil, refused(http.StatusUnauthorized, CodeRequired, "the presentation's session ended at %s: present again", na.UTC().Format(time.RFC3339))
	}
	if r := p.Access.Revocation; r != nil {
		if err := checkValidSet(pres.Valid, pres.Issuer, r, pres.NotAfter, now, v.cfg.Skew); err != nil {
			if e, ok := err.(*Error); ok && e.Err.Status == http.StatusForbidden {
				v.budget.failed(sourceOf(c.Source), now) // a bad signature costs a verify
			}
			return nil, err
		}
	}
	// Disclosed values: exactly the policy's slots.
	if len(pres.Disclosed) != len(p.Access.Disclose) {
		return nil, refused(http.StatusForbidden, CodeRefused, "the presentation discloses %d slots; the policy discloses %d", len(pres.Disclosed), len(p.Access.Disclose))
	}
	env := make(map[string]string, len(pres.Disclosed))
	for i, d := range p.Access.Disclose {
		got := pres.Disclosed[i]
		if got.Slot != d.Slot {
			return nil, refused(http.StatusForbidden, CodeRefused, "disclosed[%d] is slot %d; the policy discloses slot %d there", i, got.Slot, d.Slot)
		}
		env["WF_CRED_"+strings.ToUpper(d.Name)] = got.attr().Value()
	}
	var nullifier *big.Int
	var nkey string
	var until time.Time
	if r := p.Access.Rate; r != nil {
		epoch := now.Unix() / r.Seconds
		if pres.Epoch != epoch && pres.Epoch != pres.NotBefore/r.Seconds {
			return nil, refused(http.StatusForbidden, CodeRefused, "the presentation is for epoch %d; it is %d", pres.Epoch, epoch)
		}
		if pres.Epoch != epoch {
			return nil, refused(http.StatusUnauthorized, CodeRequired, "the presentation's rate epoch is over: present again")
		}
		until = time.Unix((epoch+1)*r.Seconds, 0)
		if na.After(until) {
			return nil, refused(http.StatusForbidden, CodeRefused, "a rate-limited session must end with its epoch, at %s", until.UTC().Format(time.RFC3339))
		}
		b, err := hexBytes(pres.Nullifier, 32)
		if err == nil {
			nullifier, err = fieldFromBytes(b)
		}
		if err != nil {
			return nil, refused(http.StatusBadRequest, CodeMalformed, "nullifier: %v", err)
		}
		nkey = pres.Nullifier
	} else if pres.Epoch != 0 || pres.Nullifier != "" {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "the policy has no rate limit: give no epoch or nullifier")
	}
	provider := wf.Address{}
	if pres.Provider != nil {
		provider = v.cfg.Provider
	}
	st, err := p.statement(c.Function, provider, pres, nullifier)
	if err != nil {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "%v", err)
	}
	proof, err := base64.RawURLEncoding.DecodeString(pres.Proof)
	if err != nil {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "proof: not unpadded base64url")
	}
	if err := v.checkProof(c.Source, now, func() error { return verifyProof(vk, proof, st) }); err != nil {
		return nil, err
	}

	s := &session{function: c.Function, pub: pub, notAfter: na, env: env, nullifier: nkey}
	v.mu.Lock()
	defer v.mu.Unlock()
	if old := v.sessions[string(pub)]; old != nil && now.Before(old.notAfter) {
		return old, nil // presented twice at once: one session
	}
	if len(v.sessions) >= v.cfg.MaxSessions {
		v.sweepLocked(now)
		if len(v.sessions) >= v.cfg.MaxSessions {
			return nil, fmt.Errorf("%w: too many open credential sessions; retry shortly", wf.ErrUnavailable)
		}
	}
	if nkey != "" {
		if nc := v.nullifiers[nkey]; nc == nil || nc.epoch != pres.Epoch {
			v.nullifiers[nkey] = &nullCount{epoch: pres.Epoch, until: until}
		}
	}
	v.sessions[string(pub)] = s
	return s, nil
}

// sweepLocked drops ended sessions and epochs.
func (v *Verifier) sweepLocked(now time.Time) {
	for k, s := range v.sessions {
		if !now.Before(s.notAfter) {
			delete(v.sessions, k)
		}
	}
	for k, nc := range v.nullifiers {
		if !now.Before(nc.until) {
			delete(v.nullifiers, k)
		}
	}
}

// policy returns fn's prepared policy, nil without one. Prepared policies
// are kept per function (a set's tree takes time to build).
func (v *Verifier) policy(fn wf.CID, s *wf.Spec) (*Policy, error) {
	x, ok := s.Extensions[spec.AccessExtension]
	if !ok {
		return nil, nil
	}
	v.mu.Lock()
	e := v.policies[fn]
	v.mu.Unlock()
	if e == nil || e.data != string(x.Data) {
		e = &policyEntry{data: string(x.Data)}
		e.p, e.err = NewPolicy(x.Data)
		v.mu.Lock()
		if len(v.policies) >= 4096 {
			clear(v.policies)
		}
		v.policies[fn] = e
		v.mu.Unlock()
	}
	return e.p, e.err
}

// DecodePresentation decodes a CredentialHeader value strictly.
func DecodePresentation(h string) (*Presentation, error) {
	if len(h) > base64.RawURLEncoding.EncodedLen(maxPresentation) {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "%s is over %d bytes", CredentialHeader, maxPresentation)
	}
	b, err := base64.RawURLEncoding.DecodeString(h)
	if err != nil {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "%s is not unpadded base64url", CredentialHeader)
	}
	var p Presentation
	if err := wf.DecodeJSON(b, &p); err != nil {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "%s: %v", CredentialHeader, err)
	}
	if len(p.Disclosed) > Slots {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "%s discloses %d slots, at most %d", CredentialHeader, len(p.Disclosed), Slots)
	}
	for i, d := range p.Disclosed {
		a := d.attr()
		if d.Slot < 0 || d.Slot >= Slots || a.Check() != nil {
			return nil, refused(http.StatusBadRequest, CodeMalformed, "%s: disclosed[%d] is not a slot and one value", CredentialHeader, i)
		}
	}
	if p.NotBefore < 0 || p.NotAfter < 0 || p.NotAfter > maxInt || p.Epoch < 0 || p.Epoch > maxInt {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "%s: times must be unix seconds", CredentialHeader)
	}
	if p.Issuer.IsZero() || p.Session == "" || p.Proof == "" {
		return nil, refused(http.StatusBadRequest, CodeMalformed, "%s: issuer, session and proof are required", CredentialHeader)
	}
	return &p, nil
}

// Encode is p as a CredentialHeader value.
func (p *Presentation) Encode() (string, error) {
	b, err := wf.EncodeJSON(p)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func parseSessionHeader(h string) (ed25519.PublicKey, uint64, []byte, error) {
	parts := strings.Split(h, ".")
	bad := refused(http.StatusBadRequest, CodeMalformed, "%s: want <key>.<sequence number>.<signature>, key and signature unpadded base64url", SessionHeader)
	if len(parts) != 3 {
		return nil, 0, nil, bad
	}
	pub, err1 := base64.RawURLEncoding.DecodeString(parts[0])
	seq, err2 := strconv.ParseUint(parts[1], 10, 64)
	sig, err3 := base64.RawURLEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || len(pub) != ed25519.PublicKeySize || len(sig) != ed25519.SignatureSize || seq == 0 {
		return nil, 0, nil, bad
	}
	return pub, seq, sig, nil
}

// SessionMessage is what a session key signs for one request: the
// function, the sequence number and the request itself (method, path as
// the function sees it, query, body hash).
func SessionMessage(fn wf.CID, seq uint64, method, path, rawQuery string, body []byte) []byte {
	bh := sha256.Sum256(body)
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], seq)
	m := []byte("wf-cred-session-v1\n")
	m = append(m, fn.String()...)
	m = append(m, '\n')
	m = append(m, hex.EncodeToString(n[:])...)
	m = append(m, '\n')
	m = append(m, method...)
	m = append(m, '\n')
	m = append(m, path...)
	m = append(m, '\n')
	m = append(m, rawQuery...)
	m = append(m, '\n')
	return append(m, hex.EncodeToString(bh[:])...)
}

// SessionKey is a holder's short-lived key: it signs each request of a
// session after the first presented its proof. Safe for concurrent use.
type SessionKey struct {
	priv ed25519.PrivateKey
	mu   sync.Mutex
	seq  uint64
}

// NewSessionKey makes a session key.
func NewSessionKey() (*SessionKey, error) {
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, fmt.Errorf("cred: session key: %w", err)
	}
	return &SessionKey{priv: priv}, nil
}

// Public is the key a presentation binds.
func (k *SessionKey) Public() ed25519.PublicKey { return k.priv.Public().(ed25519.PublicKey) }

// Sign returns the SessionHeader value for a request, with the next
// sequence number.
func (k *SessionKey) Sign(fn wf.CID, method, path, rawQuery string, body []byte) string {
	k.mu.Lock()
	k.seq++
	seq := k.seq
	k.mu.Unlock()
	sig := ed25519.Sign(k.priv, SessionMessage(fn, seq, method, path, rawQuery, body))
	return base64.RawURLEncoding.EncodeToString(k.Public()) + "." + strconv.FormatUint(seq, 10) + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// Session is a holder's session with one function: the presentation that
// opens it (sent with the first request) and the key that signs every
// request. Safe for concurrent use.
type Session struct {
	Function     wf.CID
	Key          *SessionKey
	Presentation string // CredentialHeader value
	NotAfter     time.Time

	mu   sync.Mutex
	sent bool
}

// OpenSession proves c (held with secret) for fn under p and returns the
// session: for provider (zero: any), from now for window.
func OpenSession(pk *ProvingKey, p *Policy, c *Credential, secret *Secret, fn wf.CID, provider wf.Address, now time.Time, window time.Duration) (*Session, error) {
	return OpenSessionValid(pk, p, c, secret, fn, provider, now, window, nil)
}

// OpenSessionValid is OpenSession with the issuer's valid list, which a
// policy that checks revocation needs (FetchValidList); the session then
// ends within the policy's maxAgeSeconds of the list.
func OpenSessionValid(pk *ProvingKey, p *Policy, c *Credential, secret *Secret, fn wf.CID, provider wf.Address, now time.Time, window time.Duration, valid *ValidList) (*Session, error) {
	key, err := NewSessionKey()
	if err != nil {
		return nil, err
	}
	nb := now.Add(-5 * time.Second) // the provider's clock may be a little behind
	if r := p.Access.Rate; r != nil {
		if start := time.Unix(now.Unix()/r.Seconds*r.Seconds, 0); nb.Before(start) {
			nb = start // the epoch is now's
		}
	}
	if max := time.Duration(p.Access.MaxSessionSeconds) * time.Second; window <= 0 || window > max {
		window = max
	}
	end := nb.Add(window)
	if r := p.Access.Rate; r != nil {
		// A rate-limited session ends with its epoch.
		if e := time.Unix((nb.Unix()/r.Seconds+1)*r.Seconds, 0); end.After(e) {
			end = e
		}
	}
	if exp := time.Unix(c.Expiry, 0); end.After(exp) {
		end = exp
	}
	if r := p.Access.Revocation; r != nil && valid != nil {
		if e := time.Unix(valid.Set.IssuedAt+r.MaxAgeSeconds, 0); end.After(e) {
			end = e
		}
	}
	pres, err := Prove(pk, p, c, secret, Request{Function: fn, Provider: provider, Session: key.Public(), NotBefore: nb, NotAfter: end, Valid: valid})
	if err != nil {
		return nil, err
	}
	enc, err := pres.Encode()
	if err != nil {
		return nil, err
	}
	return &Session{Function: fn, Key: key, Presentation: enc, NotAfter: time.Unix(pres.NotAfter, 0)}, nil
}

// Sign sets the session headers of one request on h: the signature, and
// the presentation until a request has been answered (Answered).
func (s *Session) Sign(h http.Header, method, path, rawQuery string, body []byte) {
	s.mu.Lock()
	sent := s.sent
	s.mu.Unlock()
	if !sent {
		h.Set(CredentialHeader, s.Presentation)
	}
	h.Set(SessionHeader, s.Key.Sign(s.Function, method, path, rawQuery, body))
}

// Answered records that the provider admitted a request of the session,
// so later requests carry only signatures.
func (s *Session) Answered() {
	s.mu.Lock()
	s.sent = true
	s.mu.Unlock()
}

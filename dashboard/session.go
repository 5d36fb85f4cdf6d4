package dashboard

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

const (
	sessionCookie = "wf_session"
	// loginCookie binds a sign-in attempt to the browser that started
	// it: SameSite=Strict keeps it off cross-site posts, so another site
	// cannot sign a visitor in as someone else (login CSRF).
	loginCookie = "wf_login"
	// loginWindow is how long a login nonce, and the signature over it,
	// stay good.
	loginWindow = 5 * time.Minute
	maxPending  = 10_000 // nonces outstanding: bounds what unauthenticated posts can allocate
)

type session struct {
	addr    wf.Address
	csrf    string
	expires time.Time
}

type pending struct {
	attempt string // the login cookie it was issued to
	origin  string
	expires time.Time
}

type sessionKey struct{}

func sessionOf(r *http.Request) *session {
	s, _ := r.Context().Value(sessionKey{}).(*session)
	return s
}

// token is 32 random bytes, URL-safe.
func token() string {
	var b [32]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// same compares secrets in constant time; empty never matches.
func same(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// origin is the dashboard's origin as the browser addressed it: what a
// login is bound to.
func origin(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

func setCookie(w http.ResponseWriter, r *http.Request, name, value string, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: int(ttl / time.Second),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

// signedIn passes requests with a live session to h, with the session in
// the context. Without one, pages redirect to /login and changes get 403.
// Every state-changing request (POST) must carry the session's CSRF token
// as the form field csrf or the X-CSRF-Token header: missing or wrong is
// 403.
func (d *Dashboard) signedIn(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var s *session
		if c, err := r.Cookie(sessionCookie); err == nil {
			d.mu.Lock()
			s = d.sessions[c.Value]
			if s != nil && !d.cfg.Now().Before(s.expires) {
				delete(d.sessions, c.Value)
				s = nil
			}
			d.mu.Unlock()
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if s == nil {
				d.fail(w, r, http.StatusForbidden, "Sign in first.")
				return
			}
			tok := r.Header.Get("X-CSRF-Token")
			if tok == "" && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
				tok = r.PostFormValue("csrf") // an upload brings it in the header: its body is read only once it checks
			}
			if !same(tok, s.csrf) {
				d.fail(w, r, http.StatusForbidden, "This form is missing its CSRF token or it is stale: reload the page and try again.")
				return
			}
		}
		if s == nil {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, s)))
	}
}

func (d *Dashboard) serveHome(w http.ResponseWriter, r *http.Request) {
	d.signedIn(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/functions", http.StatusSeeOther)
	})(w, r)
}

func (d *Dashboard) serveLoginPage(w http.ResponseWriter, r *http.Request) {
	attempt := token()
	setCookie(w, r, loginCookie, attempt, loginWindow)
	d.render(w, r, http.StatusOK, "login", page{Title: "Sign in", Data: map[string]any{
		"Attempt": attempt, "Dev": d.cfg.DevSigner != nil, "Origin": origin(r)}})
}

// attempt returns the sign-in attempt r belongs to: its login cookie,
// which the form must repeat (double submit).
func attempt(r *http.Request) (string, bool) {
	c, err := r.Cookie(loginCookie)
	if err != nil || !same(c.Value, r.PostFormValue("attempt")) {
		return "", false
	}
	return c.Value, true
}

// serveChallenge issues a one-time nonce and answers the typed data the
// wallet is to sign (eth_signTypedData_v4).
func (d *Dashboard) serveChallenge(w http.ResponseWriter, r *http.Request) {
	att, ok := attempt(r)
	if !ok {
		d.fail(w, r, http.StatusForbidden, "Start signing in from the sign-in page.")
		return
	}
	now := d.cfg.Now()
	m := wf.DashboardLogin{Origin: origin(r), Nonce: wf.NewNonce(), Expires: now.Add(loginWindow).Unix()}
	td, err := chain.TypedDataJSON(m)
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "This dashboard's address cannot be signed for: "+err.Error())
		return
	}
	d.mu.Lock()
	for n, p := range d.pending {
		if !now.Before(p.expires) {
			delete(d.pending, n)
		}
	}
	full := len(d.pending) >= maxPending
	if !full {
		d.pending[m.Nonce] = pending{attempt: att, origin: m.Origin, expires: time.Unix(m.Expires, 0)}
	}
	d.mu.Unlock()
	if full {
		w.Header().Set("Retry-After", "60")
		d.fail(w, r, http.StatusTooManyRequests, "Too many sign-ins are under way; try again in a minute.")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"nonce": m.Nonce, "expires": m.Expires, "typedData": json.RawMessage(td)})
}

// serveLogin checks the wallet's signature over the login it was issued
// and starts a session for the signer.
func (d *Dashboard) serveLogin(w http.ResponseWriter, r *http.Request) {
	att, ok := attempt(r)
	if !ok {
		d.fail(w, r, http.StatusForbidden, "Start signing in from the sign-in page.")
		return
	}
	nonce, err1 := wf.ParseNonce(r.PostFormValue("nonce"))
	sig, err2 := parseSig(r.PostFormValue("signature"))
	addr, err3 := wf.ParseAddress(r.PostFormValue("address"))
	if err1 != nil || err2 != nil || err3 != nil {
		d.fail(w, r, http.StatusBadRequest, "The sign-in needs a nonce, an address and a signature.")
		return
	}
	d.mu.Lock()
	p, ok := d.pending[nonce]
	delete(d.pending, nonce) // one try per nonce, right or wrong
	d.mu.Unlock()
	now := d.cfg.Now()
	if !ok || !same(p.attempt, att) || p.origin != origin(r) || !now.Before(p.expires) {
		d.fail(w, r, http.StatusForbidden, "This sign-in request is unknown, used or expired: sign in again.")
		return
	}
	m := wf.DashboardLogin{Origin: p.origin, Nonce: nonce, Expires: p.expires.Unix()}
	signer, err := d.cfg.Verifier.Recover(m, sig)
	if err != nil || signer != addr {
		d.fail(w, r, http.StatusForbidden, "The signature is not "+addr.Checksum()+"'s over this sign-in.")
		return
	}
	if !d.startSession(w, r, signer) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// serveDevLogin signs a login with the dev key, which the server holds
// (wf dev only), and signs in whoever that signature names, through the
// same check as a wallet's login.
func (d *Dashboard) serveDevLogin(w http.ResponseWriter, r *http.Request) {
	if d.cfg.DevSigner == nil {
		d.fail(w, r, http.StatusNotFound, "There is no dev login here.")
		return
	}
	if _, ok := attempt(r); !ok {
		d.fail(w, r, http.StatusForbidden, "Start signing in from the sign-in page.")
		return
	}
	m := wf.DashboardLogin{Origin: origin(r), Nonce: wf.NewNonce(), Expires: d.cfg.Now().Add(loginWindow).Unix()}
	sig, err := d.cfg.DevSigner.Sign(m)
	if err != nil {
		d.fail(w, r, http.StatusInternalServerError, "The dev key could not sign: "+err.Error())
		return
	}
	signer, err := d.cfg.Verifier.Recover(m, sig)
	if err != nil || signer != d.cfg.DevSigner.Address() {
		d.fail(w, r, http.StatusInternalServerError, "The dev key's signature does not check.")
		return
	}
	if d.startSession(w, r, signer) {
		http.Redirect(w, r, "/functions", http.StatusSeeOther)
	}
}

// startSession signs a in with a new session id (never one the browser
// brought: no fixation), or answers 503 when MaxSessions are live.
func (d *Dashboard) startSession(w http.ResponseWriter, r *http.Request, a wf.Address) bool {
	id, now := token(), d.cfg.Now()
	d.mu.Lock()
	if len(d.sessions) >= d.cfg.MaxSessions {
		for k, s := range d.sessions {
			if !now.Before(s.expires) {
				delete(d.sessions, k)
			}
		}
	}
	full := len(d.sessions) >= d.cfg.MaxSessions
	if !full {
		d.sessions[id] = &session{addr: a, csrf: token(), expires: now.Add(d.cfg.SessionTTL)}
	}
	d.mu.Unlock()
	if full {
		w.Header().Set("Retry-After", "300")
		d.fail(w, r, http.StatusServiceUnavailable, "Too many people are signed in here; try again later.")
		return false
	}
	setCookie(w, r, sessionCookie, id, d.cfg.SessionTTL)
	setCookie(w, r, loginCookie, "", -time.Second)
	d.cfg.Log.Info("sign in", "address", a.Checksum())
	return true
}

func (d *Dashboard) serveLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		d.mu.Lock()
		delete(d.sessions, c.Value)
		d.mu.Unlock()
	}
	setCookie(w, r, sessionCookie, "", -time.Second)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func parseSig(s string) (wf.Signature, error) {
	var sig wf.Signature
	err := sig.UnmarshalText([]byte(s))
	return sig, err
}

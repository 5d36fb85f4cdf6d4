package cred

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

var (
	setupOnce sync.Once
	devSetup  *Setup
	setupErr  error
)

// testSetup is the dev setup cached in the user's cache directory (made
// once, tens of seconds; loaded in well under a second after).
func testSetup(t testing.TB) *Setup {
	t.Helper()
	setupOnce.Do(func() { devSetup, setupErr = DevSetupIn(testSetupDir()) })
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return devSetup
}

var (
	fnA       = wf.SumCID(wf.CodecRaw, []byte("function a"))
	fnB       = wf.SumCID(wf.CodecRaw, []byte("function b"))
	providerA = wf.Address{0xaa, 1}
	providerB = wf.Address{0xbb, 2}
	t0        = time.Unix(1_800_000_000, 0)
)

type world struct {
	setup   *Setup
	issuer  *IssuerSecret
	secret  *Secret
	cred    *Credential
	access  spec.Access
	policy  *Policy
	now     time.Time
	spec    *wf.Spec
	verify  *Verifier
	session *SessionKey
}

func newWorld(t testing.TB, edit func(a *spec.Access)) *world {
	t.Helper()
	w := &world{setup: testSetup(t), now: t0}
	var err error
	if w.issuer, err = NewIssuerSecret(nil); err != nil {
		t.Fatal(err)
	}
	if w.secret, err = NewSecret(nil); err != nil {
		t.Fatal(err)
	}
	w.cred, err = w.issuer.Sign(w.secret.Commitment(), []Attr{
		StringAttr("org", "acme"), IntAttr("age", 30), StringAttr("email", "ada@acme.example"),
	}, t0.Add(30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	age := int64(18)
	w.access = spec.Access{
		Disclose:          []spec.Disclose{{Name: "org", Slot: 0}},
		Issuers:           []string{w.issuer.Public().String()},
		MaxSessionSeconds: 3600,
		Predicates:        []spec.Predicate{{Op: spec.OpGte, Slot: 1, Int: &age}, {Op: spec.OpIn, Slot: 0, Set: []string{"acme", "globex"}}},
		Setup:             w.setup.Verifying.CID(),
	}
	if edit != nil {
		edit(&w.access)
	}
	x, err := w.access.Extension()
	if err != nil {
		t.Fatal(err)
	}
	if w.policy, err = NewPolicy(x.Data); err != nil {
		t.Fatal(err)
	}
	w.spec = &wf.Spec{Extensions: map[string]wf.Extension{spec.AccessExtension: x}}
	w.verify = NewVerifier(VerifierConfig{Keys: []*VerifyingKey{w.setup.Verifying}, Provider: providerA, Now: func() time.Time { return w.now }})
	return w
}

// present proves for fn and returns the two headers of a first request.
func (w *world) present(t testing.TB, fn wf.CID, provider wf.Address, window time.Duration) (*Presentation, http.Header) {
	t.Helper()
	var err error
	if w.session, err = NewSessionKey(); err != nil {
		t.Fatal(err)
	}
	pres, err := Prove(w.setup.Proving, w.policy, w.cred, w.secret, Request{Function: fn, Provider: provider,
		Session: w.session.Public(), NotBefore: w.now, NotAfter: w.now.Add(window)})
	if err != nil {
		t.Fatal(err)
	}
	return pres, w.headers(t, fn, pres)
}

func (w *world) headers(t testing.TB, fn wf.CID, pres *Presentation) http.Header {
	h := http.Header{}
	if pres != nil {
		enc, err := pres.Encode()
		if err != nil {
			t.Fatal(err)
		}
		h.Set(CredentialHeader, enc)
	}
	h.Set(SessionHeader, w.session.Sign(fn, "GET", "/hello", "", nil))
	return h
}

func (w *world) call(fn wf.CID, h http.Header) (map[string]string, error) {
	return w.verify.AdmitCall(&Call{Function: fn, Spec: w.spec, Method: "GET", Path: "/hello", Header: h})
}

func wantCode(t *testing.T, err error, status int, code string) {
	t.Helper()
	gotStatus, gotCode := httperr.Status(err)
	if err == nil || gotStatus != status || gotCode != code {
		t.Fatalf("got %v (%d %s), want %d %s", err, gotStatus, gotCode, status, code)
	}
}

func TestPresentThenSession(t *testing.T) {
	w := newWorld(t, nil)
	_, err := w.call(fnA, http.Header{})
	wantCode(t, err, 401, CodeRequired)
	var ce *Error
	if !errors.As(err, &ce) || ce.Details["policy"] != w.policy.CID.String() || !strings.Contains(ce.Err.Message, "wf invoke --cred") {
		t.Fatalf("401 lacks the policy CID or the command: %v %v", err, ce.Details)
	}

	_, h := w.present(t, fnA, providerA, time.Hour)
	env, err := w.call(fnA, h)
	if err != nil {
		t.Fatal(err)
	}
	if len(env) != 1 || env["WF_CRED_ORG"] != "acme" {
		t.Fatalf("env %v, want only WF_CRED_ORG=acme", env)
	}
	// Later requests: a session signature alone.
	for range 3 {
		h := w.headers(t, fnA, nil)
		if env, err := w.call(fnA, h); err != nil || env["WF_CRED_ORG"] != "acme" {
			t.Fatalf("session request: %v %v", env, err)
		}
	}
	// A replayed signature is refused.
	h = w.headers(t, fnA, nil)
	if _, err := w.call(fnA, h); err != nil {
		t.Fatal(err)
	}
	_, err = w.call(fnA, h)
	wantCode(t, err, 403, CodeReplayed)
	// A signature over another request is refused.
	h = w.headers(t, fnA, nil)
	_, err = w.verify.AdmitCall(&Call{Function: fnA, Spec: w.spec, Method: "POST", Path: "/hello", Header: h})
	wantCode(t, err, 403, CodeRefused)
	// After the session's end: present again.
	w.now = w.now.Add(time.Hour)
	_, err = w.call(fnA, w.headers(t, fnA, nil))
	wantCode(t, err, 401, CodeRequired)
}

func TestRefusals(t *testing.T) {
	w := newWorld(t, nil)
	pres, _ := w.present(t, fnA, providerA, time.Hour)

	t.Run("another function", func(t *testing.T) {
		_, err := w.call(fnB, w.headers(t, fnB, pres))
		wantCode(t, err, 403, CodeRefused)
	})
	t.Run("another provider", func(t *testing.T) {
		other := newWorld(t, nil)
		other.verify = NewVerifier(VerifierConfig{Keys: []*VerifyingKey{w.setup.Verifying}, Provider: providerB, Now: func() time.Time { return w.now }})
		other.spec, other.session = w.spec, w.session
		_, err := other.call(fnA, other.headers(t, fnA, pres))
		wantCode(t, err, 403, CodeRefused)
	})
	t.Run("issuer not in the policy", func(t *testing.T) {
		o := newWorld(t, nil) // its own issuer, trusted by its own policy only
		opres, _ := o.present(t, fnA, providerA, time.Hour)
		w.session, o.session = o.session, w.session
		defer func() { w.session = o.session }()
		_, err := w.call(fnA, w.headers(t, fnA, opres))
		wantCode(t, err, 403, CodeRefused)
		// The holder learns it before proving.
		_, err = Prove(w.setup.Proving, w.policy, o.cred, o.secret, Request{Function: fnA, Session: o.session.Public(), NotBefore: t0, NotAfter: t0.Add(time.Minute)})
		wantCode(t, err, 403, "forbidden")
	})
	t.Run("fields of the presentation changed", func(t *testing.T) {
		globex := "globex"
		for name, edit := range map[string]func(p *Presentation){
			"disclosed value": func(p *Presentation) { p.Disclosed = []Disclosed{{Slot: 0, String: &globex}} },
			"notAfter":        func(p *Presentation) { p.NotAfter-- },
			"notBefore":       func(p *Presentation) { p.NotBefore++ },
			"provider: any":   func(p *Presentation) { p.Provider = nil },
		} {
			p2 := *pres
			edit(&p2)
			_, err := w.call(fnA, w.headers(t, fnA, &p2))
			if s, _ := httperr.Status(err); s != 403 {
				t.Errorf("%s changed: %v, want 403", name, err)
			}
		}
	})
	t.Run("session too long", func(t *testing.T) {
		p2 := *pres
		p2.NotAfter = p2.NotBefore + 7200
		_, err := w.call(fnA, w.headers(t, fnA, &p2))
		wantCode(t, err, 403, CodeRefused)
	})
	t.Run("expired session", func(t *testing.T) {
		o := newWorld(t, nil)
		_, h := o.present(t, fnA, providerA, time.Minute)
		o.now = o.now.Add(2 * time.Minute)
		_, err := o.call(fnA, h)
		wantCode(t, err, 401, CodeRequired)
	})
	t.Run("expired credential", func(t *testing.T) {
		w.now = w.cred.ExpiryTime().Add(-time.Minute)
		defer func() { w.now = t0 }()
		sk, _ := NewSessionKey()
		_, err := Prove(w.setup.Proving, w.policy, w.cred, w.secret, Request{Function: fnA, Session: sk.Public(), NotBefore: w.now, NotAfter: w.now.Add(time.Hour)})
		wantCode(t, err, 400, "invalid_request")
	})
	t.Run("unknown setup", func(t *testing.T) {
		v := NewVerifier(VerifierConfig{Provider: providerA, Now: func() time.Time { return w.now }})
		_, err := v.AdmitCall(&Call{Function: fnA, Spec: w.spec, Method: "GET", Path: "/hello", Header: w.headers(t, fnA, pres)})
		wantCode(t, err, 403, CodeRefused)
	})
}

// Every public input is bound: changing any one of them fails the proof.
func TestTamperedPublicInputs(t *testing.T) {
	w := newWorld(t, nil)
	pres, _ := w.present(t, fnA, providerA, time.Hour)
	st, err := w.policy.statement(fnA, providerA, pres, nil)
	if err != nil {
		t.Fatal(err)
	}
	proof, _ := base64.RawURLEncoding.DecodeString(pres.Proof)
	if err := verifyProof(w.setup.Verifying, proof, st); err != nil {
		t.Fatalf("untampered: %v", err)
	}
	vec := st.vector()
	if len(vec) != numPublic {
		t.Fatalf("%d public inputs, want %d", len(vec), numPublic)
	}
	for i := range vec {
		tampered := st.vector()
		var one = tampered[i]
		one.SetUint64(1)
		tampered[i].Add(&tampered[i], &one)
		pr, err := decodeProof(proof)
		if err != nil {
			t.Fatal(err)
		}
		if verifyVector(w.setup.Verifying, pr, tampered) == nil {
			t.Errorf("public input %d tampered, and the proof still verifies", i)
		}
	}
}

func TestRateLimit(t *testing.T) {
	w := newWorld(t, func(a *spec.Access) { a.Rate = &spec.Rate{Requests: 2, Seconds: 3600} })
	w.now = time.Unix(1_800_000_000/3600*3600, 0) // start of an epoch
	_, h := w.present(t, fnA, wf.Address{}, time.Hour)
	if _, err := w.call(fnA, h); err != nil {
		t.Fatal(err)
	}
	// A second session with the same credential shares the nullifier.
	_, h = w.present(t, fnA, wf.Address{}, time.Hour)
	r := &http.Request{Method: "GET", URL: &url.URL{}, Header: h, RemoteAddr: "192.0.2.1:4000"}
	_, undo, err := w.verify.Admit(r, fnA, w.spec, "/hello", nil)
	if err != nil || undo == nil {
		t.Fatalf("admit: %v, undo %v", err, undo != nil)
	}
	// The provider refused it later (payment, the owner's limits): the
	// unit comes back, and one more request fits.
	undo()
	if _, err := w.call(fnA, w.headers(t, fnA, nil)); err != nil {
		t.Fatalf("after an undo: %v", err)
	}
	_, err = w.call(fnA, w.headers(t, fnA, nil))
	wantCode(t, err, 429, CodeRateLimited)
	// The next epoch: a new nullifier.
	w.now = w.now.Add(time.Hour)
	_, h = w.present(t, fnA, wf.Address{}, time.Hour)
	if _, err := w.call(fnA, h); err != nil {
		t.Fatal(err)
	}
}

func FuzzDecodePresentation(f *testing.F) {
	f.Add("")
	f.Add(base64.RawURLEncoding.EncodeToString([]byte(`{"issuer":"0x00","notAfter":1,"notBefore":0,"proof":"AA","session":"AA"}`)))
	f.Add(base64.RawURLEncoding.EncodeToString([]byte(`{"disclosed":[{"slot":9,"int":1}]}`)))
	f.Add(base64.RawURLEncoding.EncodeToString([]byte(`{"issuer":"0x00","notAfter":1,"notBefore":0,"proof":"AA","session":"AA","valid":{"issuedAt":1,"issuer":"0x00","root":"0x00","signature":"0x00"}}`)))
	f.Fuzz(func(t *testing.T, h string) {
		p, err := DecodePresentation(h)
		if err != nil {
			if s, _ := httperr.Status(err); s != 400 {
				t.Fatalf("malformed presentation got status %d: %v", s, err)
			}
			return
		}
		if _, err := p.Encode(); err != nil {
			t.Fatal(err)
		}
	})
}

// testSetupDir is credtest.Dir (which this package's tests cannot import).
func testSetupDir() string {
	if d := os.Getenv("WF_CRED_TEST_SETUP"); d != "" {
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "wf-cred-setup")
}

// TestVerifyBudget: presentations whose proofs fail are counted per source
// address; beyond the burst the source gets 429 credential_verify_budget
// without its proof being checked, another source is still checked, and
// the budget refills with time.
func TestVerifyBudget(t *testing.T) {
	w := newWorld(t, nil)
	w.verify = NewVerifier(VerifierConfig{Keys: []*VerifyingKey{w.setup.Verifying}, Provider: providerA,
		FailedProofs: 1, FailedBurst: 3, Now: func() time.Time { return w.now }})
	bogus, _ := w.present(t, fnB, wf.Address{}, time.Hour) // a real proof, for another function
	from := func(src string, pres *Presentation) error {
		h := w.headers(t, fnA, pres)
		_, err := w.verify.AdmitCall(&Call{Function: fnA, Spec: w.spec, Method: "GET", Path: "/hello", Header: h, Source: src})
		return err
	}
	for range 3 {
		wantCode(t, from("192.0.2.7:1000", bogus), 403, CodeRefused)
	}
	err := from("192.0.2.7:2000", bogus)
	wantCode(t, err, 429, CodeVerifyBudget)
	var e *Error
	if !errors.As(err, &e) || e.Details["retryAfter"] != int64(1) {
		t.Errorf("budget refusal details: %v", err)
	}
	// The same /64 of IPv6 is one source; another address is checked.
	for range 3 {
		wantCode(t, from("[2001:db8::1]:1", bogus), 403, CodeRefused)
	}
	wantCode(t, from("[2001:db8::2]:1", bogus), 429, CodeVerifyBudget)
	wantCode(t, from("[2001:db8:0:1::1]:1", bogus), 403, CodeRefused)
	// A good presentation from the exhausted source waits for a token too.
	good, _ := w.present(t, fnA, wf.Address{}, time.Hour)
	wantCode(t, from("192.0.2.7:3000", good), 429, CodeVerifyBudget)
	w.now = w.now.Add(time.Second)
	if err := from("192.0.2.7:3000", good); err != nil {
		t.Fatalf("after a second: %v", err)
	}
}

// TestRevocation: with a policy that checks revocation, a holder proves
// its serial is in the issuer's signed valid set; a revoked credential
// cannot prove; a set older than the policy allows asks for a fresh
// presentation; a tampered, foreign or missing set is refused; a session
// cannot outlive its set's age.
func TestRevocation(t *testing.T) {
	w := newWorld(t, func(a *spec.Access) {
		a.Predicates = a.Predicates[:1] // no "in": revocation uses the set
		a.Revocation = &spec.Revocation{MaxAgeSeconds: 600, Slot: 3}
	})
	reg := &Registry{Path: filepath.Join(t.TempDir(), "issued.json")}
	is, err := NewIssuer(IssuerConfig{Key: w.issuer, Check: AllowList{}, Verifier: noVerifier{}, Registry: reg, Now: func() time.Time { return w.now }})
	if err != nil {
		t.Fatal(err)
	}
	attrs, err := is.revocable(w.cred.Attrs, "0xholder", t0.Add(24*time.Hour), false)
	if err != nil {
		t.Fatal(err)
	}
	if w.cred, err = w.issuer.Sign(w.secret.Commitment(), attrs, t0.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := is.revocable(nil, "0xother", t0.Add(24*time.Hour), false); err != nil {
		t.Fatal(err)
	}
	// One valid credential per holder.
	if _, err := is.revocable(nil, "0xHOLDER", t0.Add(24*time.Hour), false); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("a second credential for a holder: %v", err)
	}
	serial := *w.cred.Attrs[3].String
	list, err := is.validList()
	if err != nil || len(list.Serials) != 2 || list.Check() != nil {
		t.Fatalf("valid list: %v %+v", err, list)
	}
	prove := func(valid *ValidList, window time.Duration) (*Presentation, error) {
		var err error
		if w.session, err = NewSessionKey(); err != nil {
			t.Fatal(err)
		}
		return Prove(w.setup.Proving, w.policy, w.cred, w.secret, Request{Function: fnA, Session: w.session.Public(),
			NotBefore: w.now, NotAfter: w.now.Add(window), Valid: valid})
	}
	if _, err := prove(nil, time.Minute); err == nil {
		t.Fatal("proved without a valid list")
	}
	if _, err := prove(list, 11*time.Minute); err == nil {
		t.Fatal("proved a session that outlives its valid list's age")
	}
	pres, err := prove(list, 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	presKey := w.session
	if _, err := w.call(fnA, w.headers(t, fnA, pres)); err != nil {
		t.Fatalf("a valid credential: %v", err)
	}

	// Tampered, foreign or missing sets, each on a fresh verifier.
	other, err := NewIssuerSecret(nil)
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := other.SignValidList([]string{"another"}, w.now)
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(p *Presentation){
		"later time":      func(p *Presentation) { p.Valid.IssuedAt++ },
		"another root":    func(p *Presentation) { p.Valid.Root = foreign.Set.Root },
		"foreign issuer":  func(p *Presentation) { v := foreign.Set; p.Valid = &v },
		"foreign signed":  func(p *Presentation) { p.Valid.Signature = foreign.Set.Signature },
		"no set":          func(p *Presentation) { p.Valid = nil },
		"set from future": func(p *Presentation) { p.Valid.IssuedAt = w.now.Add(time.Hour).Unix() },
	} {
		tp := *pres
		v := *pres.Valid
		tp.Valid = &v
		edit(&tp)
		w.verify = NewVerifier(VerifierConfig{Keys: []*VerifyingKey{w.setup.Verifying}, Now: func() time.Time { return w.now }})
		_, err := w.call(fnA, w.headers(t, fnA, &tp))
		if s, _ := httperr.Status(err); err == nil || s < 400 || s >= 500 {
			t.Errorf("%s: got %v", name, err)
		}
	}
	// Revoked: the next list lacks the serial and the holder cannot prove.
	if n, err := reg.Revoke(serial, w.now); err != nil || n != 1 {
		t.Fatalf("revoke: %d %v", n, err)
	}
	w.now = w.now.Add(2 * time.Minute) // past the issuer's refresh
	fresh, err := is.validList()
	if err != nil || len(fresh.Serials) != 1 || slices.Contains(fresh.Serials, serial) {
		t.Fatalf("valid list after the revocation: %v %v", err, fresh.Serials)
	}
	if _, err := prove(fresh, time.Minute); err == nil || !strings.Contains(err.Error(), "revoked") {
		t.Fatalf("a revoked credential proved: %v", err)
	}
	// A session on the old list ends before the list is maxAgeSeconds
	// old: then the holder must present again, with a fresh list.
	w.now = time.Unix(list.Set.IssuedAt+601, 0)
	w.session = presKey
	_, err = w.call(fnA, w.headers(t, fnA, pres))
	wantCode(t, err, 401, CodeRequired)
}

// noVerifier recovers nothing (TestRevocation issues without requests).
type noVerifier struct{}

func (noVerifier) Recover(wf.Message, wf.Signature) (wf.Address, error) {
	return wf.Address{}, errors.New("no")
}

// TestIssueForToken: a revocable issuer gives a CI identity (the holder
// its TokenCheck names, whatever the token) one valid credential at a
// time, and a used token stays used across a restart until it expires.
func TestIssueForToken(t *testing.T) {
	dir := t.TempDir()
	key, err := NewIssuerSecret(nil)
	if err != nil {
		t.Fatal(err)
	}
	now := t0
	// Tokens are "holder/id"; an id of "-" leaves the token keyed by hash.
	check := TokenCheckFunc(func(_ context.Context, token, _ string) (*TokenIdentity, error) {
		holder, id, _ := strings.Cut(token, "/")
		if id == "-" {
			id = ""
		}
		return &TokenIdentity{Holder: "ci " + holder, ID: id, Expiry: t0.Add(time.Hour), Attrs: []Attr{StringAttr("repository", holder)}}, nil
	})
	reg := &Registry{Path: filepath.Join(dir, "issued.json")}
	used := filepath.Join(dir, "used-tokens.json")
	start := func() *Issuer {
		is, err := NewIssuer(IssuerConfig{Key: key, Check: AllowList{}, Verifier: noVerifier{}, Token: check, Registry: reg,
			UsedTokensFile: used, Validity: 24 * time.Hour, Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		return is
	}
	issue := func(is *Issuer, token string) error {
		secret, err := NewSecret(nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = is.IssueForToken(context.Background(), &TokenIssueRequest{Commitment: secret.Commitment(), Token: token})
		return err
	}
	is := start()
	if err := issue(is, "acme/1"); err != nil {
		t.Fatalf("a first token: %v", err)
	}
	first, err := reg.Valid(now)
	if err != nil || len(first) != 1 {
		t.Fatalf("valid serials after the first: %v %v", first, err)
	}
	// The identity's next run supersedes its credential: one valid at a
	// time, and the next run is not locked out until the first expires.
	if err := issue(is, "acme/2"); err != nil {
		t.Fatalf("a second token for the same identity: %v", err)
	}
	if err := issue(is, "other/-"); err != nil {
		t.Fatalf("another identity: %v", err)
	}
	valid, err := reg.Valid(now)
	if err != nil || len(valid) != 2 || slices.Contains(valid, first[0]) {
		t.Fatalf("valid serials: %v %v; want two, without the superseded %s", valid, err, first[0])
	}

	// Revoked, the identity gets one again, with a fresh token only.
	if n, err := reg.Revoke("ci acme", now); err != nil || n != 1 {
		t.Fatalf("revoke: %d %v", n, err)
	}
	is = start() // a restart
	for _, tok := range []string{"acme/1", "acme/2", "other/-"} {
		if err := issue(is, tok); !errors.Is(err, wf.ErrForbidden) || !strings.Contains(err.Error(), "already got a credential") {
			t.Fatalf("used token %s after a restart: %v", tok, err)
		}
	}
	if err := issue(is, "acme/3"); err != nil {
		t.Fatalf("a fresh token after the revocation: %v", err)
	}
	if fi, err := os.Stat(used); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("used-token file: %v %v", fi, err)
	}

	// Past the tokens' expiry the file forgets them.
	now = t0.Add(time.Hour + tokenSkew + time.Second)
	if _, err := reg.Revoke("ci acme", now); err != nil {
		t.Fatal(err)
	}
	if err := issue(start(), "acme/4"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(used)
	if err != nil || strings.Count(string(b), `"key"`) != 1 {
		t.Fatalf("used-token file after expiry: %s %v", b, err)
	}
}

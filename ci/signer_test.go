package ci_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/ci/issuer"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// world is two CI issuers (GitHub- and GitLab-shaped) and a stranger on
// loopback, the owner's deploy signer as a real HTTP server trusting one
// repository of each, and a real provider node.
type world struct {
	gh, gl, stranger *issuer.Issuer
	owner            *chain.Key
	signer           *ci.Signer
	signerURL        string
	audience         string
	node             *wftest.Env
	policy           *ci.Policy

	ghJob, glJob issuer.Job
}

func serveIssuer(t testing.TB) *issuer.Issuer {
	t.Helper()
	is, err := issuer.New("")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(is.Handler())
	t.Cleanup(srv.Close)
	is.SetURL(srv.URL)
	return is
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{gh: serveIssuer(t), gl: serveIssuer(t), stranger: serveIssuer(t)}
	var err error
	if w.owner, err = chain.GenerateKey(); err != nil {
		t.Fatal(err)
	}
	w.ghJob = issuer.Job{Repository: "acme/api", RepositoryID: "1001", Workflow: ".github/workflows/deploy.yml",
		Ref: "refs/heads/main", SHA: "abc123def4567890abc123def4567890abc123de", Run: "777"}
	w.glJob = issuer.Job{Repository: "acme/web", RepositoryID: "2002", Workflow: ".gitlab-ci.yml",
		Ref: "refs/heads/main", SHA: "fedcba9876543210fedcba9876543210fedcba98", Run: "888", Protected: true}
	policy := &ci.Policy{Rules: []ci.Rule{
		{Platform: ci.GitHub, Issuer: w.gh.URL(), Repository: "acme/api", RepositoryID: "1001",
			Workflow: ".github/workflows/deploy.yml", Ref: "refs/heads/main", Scopes: "deploy,logs"},
		{Platform: ci.GitLab, Issuer: w.gl.URL(), Repository: "acme/web", Workflow: ".gitlab-ci.yml",
			Ref: "refs/heads/*", Protected: true, Scopes: "deploy"},
	}}
	if err := policy.Check(); err != nil {
		t.Fatal(err)
	}
	w.policy = policy
	w.signer, err = ci.New(ci.Config{Owner: w.owner, Policy: func() (*ci.Policy, error) { return policy, nil }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(w.signer.Handler())
	t.Cleanup(srv.Close)
	w.signerURL = srv.URL
	w.audience = ci.DefaultAudience(w.owner.Address())
	w.node = wftest.New(t, wftest.Options{})
	return w
}

func (w *world) ghToken(t *testing.T, edit func(map[string]any)) string {
	t.Helper()
	c := w.ghJob.GitHub(w.audience, time.Now())
	if edit != nil {
		edit(c)
	}
	tok, err := w.gh.Sign(c)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func (w *world) glToken(t *testing.T, edit func(map[string]any)) string {
	t.Helper()
	u, _ := url.Parse(w.gl.URL())
	c := w.glJob.GitLab(u.Host, w.audience, time.Now())
	if edit != nil {
		edit(c)
	}
	tok, err := w.gl.Sign(c)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// wantRefused checks err is the JSON error status/code.
func wantRefused(t *testing.T, err error, status int, code string) {
	t.Helper()
	var he *httperr.Error
	var re *client.ResponseError
	switch {
	case errors.As(err, &he):
		if he.Status != status || he.Code != code {
			t.Fatalf("got %d %s (%s), want %d %s", he.Status, he.Code, he.Message, status, code)
		}
	case errors.As(err, &re):
		if re.StatusCode != status || re.Code != code {
			t.Fatalf("got %d %s (%s), want %d %s", re.StatusCode, re.Code, re.Message, status, code)
		}
	default:
		t.Fatalf("got %v, want %d %s", err, status, code)
	}
}

// deploy packs the guest as j's delegated spec created at created and
// uploads it to the node.
func (w *world) deploy(t *testing.T, j wf.Signer, ext *spec.CI, created time.Time) (wf.CID, error) {
	t.Helper()
	s := wftest.Spec()
	x, err := ext.Extension()
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions = map[string]wf.Extension{spec.CIExtension: x}
	s.Created = spec.Now(created)
	pkg, err := client.Pack(context.Background(), bytes.NewReader(wftest.GoGuest(t, "sandbox/testdata/guest")), s, j)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.node.Client.Deploy(context.Background(), pkg)
	return pkg.CID, err
}

func (w *world) notDeployed(t *testing.T, fn wf.CID) {
	t.Helper()
	if _, err := w.node.Store.Get(context.Background(), fn); !errors.Is(err, wf.ErrNotFound) {
		t.Fatalf("refused spec %s is stored (%v)", fn, err)
	}
}

func TestKeylessDeploy(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		token func() string
		repo  string
	}{
		{"github", func() string { return w.ghToken(t, nil) }, "acme/api"},
		{"gitlab", func() string { return w.glToken(t, nil) }, "acme/web"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			job, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), tc.token(), "")
			if err != nil {
				t.Fatal(err)
			}
			s := wftest.Spec()
			if err := job.Apply(&s, time.Now()); err != nil {
				t.Fatal(err)
			}
			pkg, err := client.Pack(ctx, bytes.NewReader(wftest.GoGuest(t, "sandbox/testdata/guest")), s, job)
			if err != nil {
				t.Fatal(err)
			}
			res, err := w.node.Client.Deploy(ctx, pkg)
			if err != nil {
				t.Fatalf("delegated deploy refused: %v", err)
			}
			if !strings.HasPrefix(res.BuiltFrom, tc.repo+"@") {
				t.Fatalf("builtFrom %q", res.BuiltFrom)
			}
			if res.Owner != w.owner.Address() {
				t.Fatalf("owner %s, want %s", res.Owner, w.owner.Address())
			}
			resp, err := http.Get(res.URL + "echo?x=1")
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("invoke: %s", resp.Status)
			}
			// Offline and forever: the spec read back verifies with no
			// signer and no issuer, long after the delegation expired.
			ss, err := w.node.Client.Spec(ctx, res.CID, chain.Verifier{})
			if err != nil {
				t.Fatal(err)
			}
			c, err := spec.CIOf(&ss.Spec)
			if err != nil || c == nil || c.Provenance.Repository != tc.repo {
				t.Fatalf("provenance %+v, %v", c, err)
			}
			if time.Unix(c.Delegation.NotAfter, 0).Sub(time.Now()) > 11*time.Minute {
				t.Fatalf("delegation lasts until %d: more than minutes", c.Delegation.NotAfter)
			}
		})
	}
}

// jwt assembles a token from raw parts (alg none, relabelled headers).
func jwt(header map[string]any, claims map[string]any, sig []byte) string {
	h, _ := json.Marshal(header)
	c, _ := json.Marshal(claims)
	e := base64.RawURLEncoding.EncodeToString
	return e(h) + "." + e(c) + "." + e(sig)
}

func TestTokensRefused(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	now := time.Now()
	ghClaims := func() map[string]any {
		c := w.ghJob.GitHub(w.audience, now)
		c["iss"] = w.gh.URL()
		return c
	}
	for _, tc := range []struct {
		name   string
		token  func(t *testing.T) string
		status int
		code   string
	}{
		{"wrong audience", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) { c["aud"] = "webfunctions:0x0000000000000000000000000000000000000001" })
		}, 401, "token_audience"},
		{"expired", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) {
				c["iat"], c["nbf"], c["exp"] = now.Add(-20*time.Minute).Unix(), now.Add(-20*time.Minute).Unix(), now.Add(-10*time.Minute).Unix()
			})
		}, 401, "token_expired"},
		{"future issued-at", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) { c["iat"] = now.Add(10 * time.Minute).Unix() })
		}, 401, "token_issued_at"},
		{"wrong workflow_ref", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) { c["job_workflow_ref"] = "acme/api/.github/workflows/other.yml@refs/heads/main" })
		}, 403, "not_trusted"},
		{"reusable workflow from another repository", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) {
				c["job_workflow_ref"] = "evil/tools/.github/workflows/deploy.yml@refs/heads/main"
			})
		}, 403, "not_trusted"},
		{"wrong ref", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) {
				c["ref"] = "refs/heads/feature"
				c["job_workflow_ref"] = "acme/api/.github/workflows/deploy.yml@refs/heads/feature"
			})
		}, 403, "not_trusted"},
		{"repository re-created (repository_id)", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) { c["repository_id"] = "9999" })
		}, 403, "not_trusted"},
		{"sub of another repository", func(t *testing.T) string {
			return w.ghToken(t, func(c map[string]any) { c["sub"] = "repo:evil/api:ref:refs/heads/main" })
		}, 403, "not_trusted"},
		{"gitlab unprotected ref", func(t *testing.T) string {
			return w.glToken(t, func(c map[string]any) { c["ref_protected"] = "false" })
		}, 403, "not_trusted"},
		{"gitlab wrong ci_config_ref_uri", func(t *testing.T) string {
			return w.glToken(t, func(c map[string]any) { c["ci_config_ref_uri"] = "gitlab.example/acme/web//other.yml@refs/heads/main" })
		}, 403, "not_trusted"},
		{"alg none", func(t *testing.T) string {
			return jwt(map[string]any{"alg": "none", "typ": "JWT"}, ghClaims(), nil)
		}, 401, "token_algorithm"},
		{"HS256 keyed with the issuer's public key", func(t *testing.T) string {
			pub, err := json.Marshal(jose.JSONWebKey{Key: w.gh.PublicKey()})
			if err != nil {
				t.Fatal(err)
			}
			tok, err := issuer.SignJWT(jose.SigningKey{Algorithm: jose.HS256, Key: pub}, ghClaims())
			if err != nil {
				t.Fatal(err)
			}
			return tok
		}, 401, "token_algorithm"},
		{"HMAC signature labelled RS256", func(t *testing.T) string {
			tok, err := issuer.SignJWT(jose.SigningKey{Algorithm: jose.HS256, Key: bytes.Repeat([]byte{7}, 32)}, ghClaims())
			if err != nil {
				t.Fatal(err)
			}
			parts := strings.Split(tok, ".")
			return jwt(map[string]any{"alg": "RS256", "typ": "JWT"}, ghClaims(), must(base64.RawURLEncoding.DecodeString(parts[2])))
		}, 401, "token_signature"},
		{"token from another issuer", func(t *testing.T) string {
			tok, err := w.stranger.Sign(w.ghJob.GitHub(w.audience, now))
			if err != nil {
				t.Fatal(err)
			}
			return tok
		}, 401, "token_issuer"},
		{"another issuer's key claiming the trusted issuer", func(t *testing.T) string {
			tok, err := w.stranger.Sign(ghClaims())
			if err != nil {
				t.Fatal(err)
			}
			return tok
		}, 401, "token_signature"},
		{"not a JWT", func(t *testing.T) string { return "hello" }, 401, "token_malformed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), tc.token(t), "")
			wantRefused(t, err, tc.status, tc.code)
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestTokenUsedOnce(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	tok := w.ghToken(t, nil)
	if _, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), tok, ""); err != nil {
		t.Fatal(err)
	}
	_, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), tok, "")
	wantRefused(t, err, 401, "token_replayed")
}

func TestKeyRotation(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	old := w.ghToken(t, nil)
	// The signer reads the keys once.
	if _, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), w.ghToken(t, nil), ""); err != nil {
		t.Fatal(err)
	}
	if err := w.gh.Rotate(true); err != nil {
		t.Fatal(err)
	}
	// A token under the new key id makes it refetch the keys.
	if _, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), w.ghToken(t, nil), ""); err != nil {
		t.Fatalf("token under the rotated key: %v", err)
	}
	// The retired key's tokens no longer verify.
	_, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), old, "")
	wantRefused(t, err, 401, "token_signature")
}

func TestRequestRefused(t *testing.T) {
	w := newWorld(t)
	post := func(t *testing.T, r ci.Request) error {
		b, _ := json.Marshal(r)
		resp, err := http.Post(w.signerURL+ci.DelegationPath, "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var e httperr.Body
		json.NewDecoder(resp.Body).Decode(&e)
		return &httperr.Error{Status: resp.StatusCode, Code: e.Error.Code, Message: e.Error.Message}
	}
	job, _ := chain.GenerateKey()
	other, _ := chain.GenerateKey()
	t.Run("proof by another key", func(t *testing.T) {
		tok := w.ghToken(t, nil)
		proof, _ := other.Sign(wf.KeyProof{Owner: w.owner.Address(), Token: ci.TokenHash(tok)})
		wantRefused(t, post(t, ci.Request{Token: tok, Delegate: job.Address(), Proof: proof}), 403, "bad_proof")
	})
	t.Run("proof for another token", func(t *testing.T) {
		tok := w.ghToken(t, nil)
		proof, _ := job.Sign(wf.KeyProof{Owner: w.owner.Address(), Token: ci.TokenHash(w.ghToken(t, nil))})
		wantRefused(t, post(t, ci.Request{Token: tok, Delegate: job.Address(), Proof: proof}), 403, "bad_proof")
	})
	t.Run("scope exceeded", func(t *testing.T) {
		_, err := ci.Delegate(context.Background(), nil, w.signerURL, w.owner.Address(), w.glToken(t, nil), "deploy,name")
		wantRefused(t, err, 403, "scope_exceeded")
	})
	t.Run("unknown field", func(t *testing.T) {
		resp, err := http.Post(w.signerURL+ci.DelegationPath, "application/json", strings.NewReader(`{"token":"x","admin":true}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Fatalf("got %s", resp.Status)
		}
	})
}

// asOwner signs with key but names owner, as a job does.
type asOwner struct {
	key   *chain.Key
	owner wf.Address
}

func (a asOwner) Address() wf.Address                     { return a.owner }
func (a asOwner) Sign(m wf.Message) (wf.Signature, error) { return a.key.Sign(m) }

func TestNodeRefusesDelegatedSpec(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	job, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), w.ghToken(t, nil), "")
	if err != nil {
		t.Fatal(err)
	}
	d := job.CI.Delegation
	t.Run("created after the delegation expired", func(t *testing.T) {
		fn, err := w.deploy(t, job, &job.CI, time.Unix(d.NotAfter+1, 0))
		wantRefused(t, err, 403, "delegation_expired")
		w.notDeployed(t, fn)
	})
	t.Run("signed by a key other than the delegate", func(t *testing.T) {
		other, _ := chain.GenerateKey()
		fn, err := w.deploy(t, asOwner{other, w.owner.Address()}, &job.CI, time.Now())
		wantRefused(t, err, 403, "delegation_key_mismatch")
		w.notDeployed(t, fn)
	})
	t.Run("delegation not by the owner", func(t *testing.T) {
		stranger, _ := chain.GenerateKey()
		c := job.CI
		c.Delegation.Signature, _ = stranger.Sign(c.Message(w.owner.Address()))
		fn, err := w.deploy(t, job, &c, time.Now())
		wantRefused(t, err, 403, "delegation_forged")
		w.notDeployed(t, fn)
	})
	t.Run("provenance rewritten", func(t *testing.T) {
		c := job.CI
		c.Provenance.Commit = "0000000000000000000000000000000000000000"
		fn, err := w.deploy(t, job, &c, time.Now())
		wantRefused(t, err, 403, "delegation_forged")
		w.notDeployed(t, fn)
	})
	t.Run("owner taken over by the delegate", func(t *testing.T) {
		fn, err := w.deploy(t, job.Key, &job.CI, time.Now())
		wantRefused(t, err, 403, "delegation_forged")
		w.notDeployed(t, fn)
	})
}

// TestTokenUsedOnceUnderRace sends one token from many goroutines at once:
// exactly one gets a delegation.
func TestTokenUsedOnceUnderRace(t *testing.T) {
	w := newWorld(t)
	tok := w.ghToken(t, nil)
	const n = 16
	errs := make(chan error, n)
	for range n {
		go func() {
			_, err := ci.Delegate(context.Background(), nil, w.signerURL, w.owner.Address(), tok, "")
			errs <- err
		}()
	}
	ok := 0
	for range n {
		err := <-errs
		if err == nil {
			ok++
			continue
		}
		wantRefused(t, err, 401, "token_replayed")
	}
	if ok != 1 {
		t.Fatalf("%d delegations from one token, want 1", ok)
	}
}

var _ client.Delegated = (*ci.Job)(nil)

// TestDelegateReadsLogs: a job whose delegation has the logs scope reads
// the logs of its owner's function; one without it, or past its window,
// or for another owner's function, is refused.
func TestDelegateReadsLogs(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	gh, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), w.ghToken(t, nil), "")
	if err != nil {
		t.Fatal(err)
	}
	fn, err := w.deploy(t, gh, &gh.CI, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(w.node.URL + "/" + fn.String() + "/echo")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	entries, err := w.node.Client.Logs(ctx, fn, gh)
	if err != nil {
		t.Fatalf("the delegate's log read: %v", err)
	}
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Path, "/echo") {
		t.Fatalf("entries %+v", entries)
	}

	t.Run("no logs scope", func(t *testing.T) {
		gl, err := ci.Delegate(ctx, nil, w.signerURL, w.owner.Address(), w.glToken(t, nil), "")
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.node.Client.Logs(ctx, fn, gl)
		wantRefused(t, err, 403, "delegation_scope")
	})
	t.Run("delegation expired", func(t *testing.T) {
		old := &ci.Job{Key: gh.Key, Owner: gh.Owner, CI: gh.CI}
		past := time.Now().Add(-time.Hour)
		old.CI.Delegation.NotBefore, old.CI.Delegation.NotAfter = past.Unix(), past.Add(10*time.Minute).Unix()
		old.CI.Delegation.Signature, _ = w.owner.Sign(old.CI.Message(w.owner.Address()))
		_, err := w.node.Client.Logs(ctx, fn, old)
		wantRefused(t, err, 403, "delegation_expired")
	})
	t.Run("another owner's function", func(t *testing.T) {
		other := wftest.Spec()
		pkg, err := client.Pack(ctx, bytes.NewReader(wftest.GoGuest(t, "sandbox/testdata/guest")), other, w.node.Key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.node.Client.Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		_, err = w.node.Client.Logs(ctx, pkg.CID, gh)
		wantRefused(t, err, 403, "delegation_forged")
	})
	t.Run("no delegation", func(t *testing.T) {
		_, err := w.node.Client.Logs(ctx, fn, asOwner{gh.Key, w.owner.Address()})
		wantRefused(t, err, 403, "forbidden")
	})
}

// TestUsedTokensSurviveRestart: with UsedFile, a signer started after
// another one used a token refuses it too.
func TestUsedTokensSurviveRestart(t *testing.T) {
	w := newWorld(t)
	file := filepath.Join(t.TempDir(), "used")
	start := func() (*ci.Signer, string) {
		s, err := ci.New(ci.Config{Owner: w.owner, Policy: func() (*ci.Policy, error) { return w.policy, nil }, UsedFile: file})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(s.Handler())
		t.Cleanup(srv.Close)
		return s, srv.URL
	}
	tok := w.ghToken(t, nil)
	first, url := start()
	if _, err := ci.Delegate(context.Background(), nil, url, w.owner.Address(), tok, ""); err != nil {
		t.Fatal(err)
	}
	first.Close()
	second, url := start()
	defer second.Close()
	_, err := ci.Delegate(context.Background(), nil, url, w.owner.Address(), tok, "")
	wantRefused(t, err, 401, "token_replayed")
	if _, err := ci.Delegate(context.Background(), nil, url, w.owner.Address(), w.ghToken(t, nil), ""); err != nil {
		t.Fatalf("a fresh token after the restart: %v", err)
	}
}

// TestGrantEndpoint: only a token whose rule has the grant scope gets the
// owner's signer to grant, once per token, and the grant asked is what
// the hook receives.
func TestGrantEndpoint(t *testing.T) {
	w := newWorld(t)
	var got []ci.GrantRequest
	w.policy.Rules[0].Scopes = "deploy,grant"
	s, err := ci.New(ci.Config{Owner: w.owner, Policy: func() (*ci.Policy, error) { return w.policy, nil },
		Grant: func(ctx context.Context, g ci.GrantRequest) (wf.CID, error) {
			got = append(got, g)
			return wf.SumCID(wf.CodecJSON, []byte(`"new"`)), nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	fn := wf.SumCID(wf.CodecJSON, []byte(`"sealed"`))
	ctx := context.Background()

	tok := w.ghToken(t, nil)
	newFn, err := ci.RequestGrant(ctx, nil, srv.URL, tok, fn, "beta", "http://127.0.0.1:1")
	if err != nil || newFn != wf.SumCID(wf.CodecJSON, []byte(`"new"`)) {
		t.Fatalf("grant: %v %s", err, newFn)
	}
	if len(got) != 1 || got[0].Function != fn || got[0].Provider != "beta" || got[0].From != "http://127.0.0.1:1" {
		t.Fatalf("the hook got %+v", got)
	}
	_, err = ci.RequestGrant(ctx, nil, srv.URL, tok, fn, "beta", "http://127.0.0.1:1")
	wantRefused(t, err, http.StatusUnauthorized, "token_replayed")
	// GitLab's rule has only deploy.
	_, err = ci.RequestGrant(ctx, nil, srv.URL, w.glToken(t, nil), fn, "beta", "http://127.0.0.1:1")
	wantRefused(t, err, http.StatusForbidden, "scope_exceeded")
	_, err = ci.RequestGrant(ctx, nil, srv.URL, w.ghToken(t, nil), fn, "http://evil", "http://127.0.0.1:1")
	wantRefused(t, err, http.StatusBadRequest, "invalid_request")
	if len(got) != 1 {
		t.Fatalf("refused grants reached the hook: %+v", got)
	}
	// Without a hook there is no grant endpoint.
	_, err = ci.RequestGrant(ctx, nil, w.signerURL, w.ghToken(t, nil), fn, "beta", "http://127.0.0.1:1")
	if err == nil {
		t.Fatal("a signer without Grant granted")
	}
}

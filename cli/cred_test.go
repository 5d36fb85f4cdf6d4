package cli_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/ci/issuer"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/cred"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
)

// TestDevCredentials: wf dev runs an issuer and a gated example; wf cred
// issue gets a credential for the dev key, wf cred list shows it without
// a password, wf invoke without --cred gets 401 and with it the
// function's answer; wf deploy --access puts a policy file in the spec and
// refuses a bad one.
func TestDevCredentials(t *testing.T) {
	home := t.TempDir()
	url, banner := startDev(t, home)
	m := regexp.MustCompile(`issuer at (http://\S+)`).FindStringSubmatch(banner)
	f := regexp.MustCompile(`wf invoke (\S+) '/\?name=you' --cred member`).FindStringSubmatch(banner)
	if m == nil || f == nil {
		t.Fatalf("the banner lacks the credential lines:\n%s", banner)
	}
	issuer, fn := m[1], f[1]
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "test password"}

	if _, err := wf(t, env, "invoke", fn, "/?name=you", "--provider", url); err == nil || !strings.Contains(err.Error(), "credential_required") {
		t.Fatalf("without a credential: %v", err)
	}
	if out, errOut, err := wfEnv(t, env, "cred", "issue", "member", "--issuer", issuer, "--key", "dev"); err != nil || !strings.Contains(out, "org=dev") {
		t.Fatalf("cred issue: %v %s %s", err, out, errOut)
	}
	if _, _, err := wfEnv(t, env, "cred", "issue", "member", "--issuer", issuer, "--key", "dev"); err == nil {
		t.Fatal("a second credential of the same name was saved")
	}
	out, err := wf(t, map[string]string{"WF_HOME": home}, "cred", "list")
	if err != nil || !strings.Contains(out, "member") || !strings.Contains(out, "org=dev") {
		t.Fatalf("cred list: %v\n%s", err, out)
	}
	st, err := os.Stat(filepath.Join(home, "credentials", "member.json"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("wallet file: %v %v", err, st)
	}
	if _, err := wf(t, map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "wrong"}, "invoke", fn, "--cred", "member", "--provider", url); err == nil {
		t.Fatal("a wrong password opened the credential")
	}
	out, err = wf(t, env, "invoke", fn, "/?name=you", "--cred", "member", "--provider", url)
	if err != nil || !strings.Contains(out, "Hello, you!") {
		t.Fatalf("with --cred: %v %q", err, out)
	}

	// wf cred present prints the two headers of one request.
	out, err = wf(t, env, "cred", "present", "member", fn, "/?name=curl", "--provider", url)
	m2 := regexp.MustCompile(`^-H X-WF-Credential:(\S+) -H X-WF-Session:(\S+)\n$`).FindStringSubmatch(out)
	if err != nil || m2 == nil {
		t.Fatalf("cred present: %v %q", err, out)
	}
	req, _ := http.NewRequest("GET", url+"/"+fn+"/?name=curl", nil)
	req.Header.Set("X-WF-Credential", m2[1])
	req.Header.Set("X-WF-Session", m2[2])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "Hello, curl!\n" {
		t.Fatalf("with wf cred present's headers: %d %s", resp.StatusCode, body)
	}

	// wf deploy --access.
	dir := t.TempDir()
	mod := filepath.Join(dir, "hello.wasm")
	os.WriteFile(mod, templates.HelloWasm, 0o644)
	var acc spec.Access
	if err := json.Unmarshal([]byte(`{"issuers":["0x`+strings.Repeat("0a", 32)+`"],"maxSessionSeconds":60,"setup":"`+fn+`"}`), &acc); err != nil {
		t.Fatal(err)
	}
	good, _ := json.MarshalIndent(acc, "", "  ")
	policy := filepath.Join(dir, "policy.json")
	os.WriteFile(policy, good, 0o644)
	out, errOut, err := wfEnv(t, env, "deploy", mod, "--access", policy, "--provider", url, "--key", "dev")
	if err != nil {
		t.Fatalf("deploy --access: %v %s", err, errOut)
	}
	x, ok := deployedSpec(t, url, out).Extensions[spec.AccessExtension]
	if !ok || !x.Required || !strings.Contains(string(x.Data), `"maxSessionSeconds":60`) {
		t.Fatalf("deployed spec's %s: %+v", spec.AccessExtension, x)
	}
	// The same policy as wf.toml's [access]; --access wins over it.
	toml := filepath.Join(dir, "wf.toml")
	os.WriteFile(toml, []byte(`[access]
setup = "`+fn+`"
issuers = ["0x`+strings.Repeat("0a", 32)+`"]
max_session_seconds = 120
disclose = [{ name = "org", slot = 0 }]
predicates = [{ slot = 0, op = "in", set = ["acme", "dev"] }, { slot = 1, op = "gte", int = 18 }]
`), 0o644)
	out, errOut, err = wfEnv(t, env, "deploy", mod, "--config", toml, "--provider", url, "--key", "dev")
	if err != nil {
		t.Fatalf("deploy with wf.toml [access]: %v %s", err, errOut)
	}
	x, ok = deployedSpec(t, url, out).Extensions[spec.AccessExtension]
	if !ok || !x.Required || !strings.Contains(string(x.Data), `"maxSessionSeconds":120`) || !strings.Contains(string(x.Data), `"set":["acme","dev"]`) {
		t.Fatalf("deployed spec's %s from wf.toml: %+v", spec.AccessExtension, x)
	}
	out, errOut, err = wfEnv(t, env, "deploy", mod, "--config", toml, "--access", policy, "--provider", url, "--key", "dev")
	if x, ok = deployedSpec(t, url, out).Extensions[spec.AccessExtension]; err != nil || !ok || !strings.Contains(string(x.Data), `"maxSessionSeconds":60`) {
		t.Fatalf("--access over wf.toml: %v %s %+v", err, errOut, x)
	}
	os.WriteFile(policy, []byte(`{"issuers":[],"maxSessionSeconds":60}`), 0o644)
	if _, _, err := wfEnv(t, env, "deploy", mod, "--access", policy, "--provider", url, "--key", "dev"); err == nil || !strings.Contains(err.Error(), "issuers") {
		t.Fatalf("a bad policy: %v", err)
	}
}

// TestCredIssuerCommands: wf cred issuer init makes a sealed key (and
// keeps it), allow puts an account on the list, serve signs for it and
// refuses another.
func TestCredIssuerCommands(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "issuer password"}
	out, err := wf(t, env, "cred", "issuer", "init")
	if err != nil || !strings.HasPrefix(out, "0x") {
		t.Fatalf("issuer init: %v %q", err, out)
	}
	if _, err := wf(t, env, "cred", "issuer", "init"); err == nil {
		t.Fatal("issuer init replaced a key")
	}
	if _, err := wf(t, env, "cred", "issuer", "allow", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "org=acme", "age=41"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
	go func() {
		done <- app.Run(ctx, []string{"cred", "issuer", "serve", "--listen", "127.0.0.1:0", "--revocable"})
	}()
	var issuer string
	select {
	case issuer = <-ready:
	case err := <-done:
		t.Fatalf("issuer serve: %v", err)
	}
	defer func() { cancel(); <-done }()
	holder := map[string]string{"WF_HOME": t.TempDir(), "WF_KEY_PASSWORD": "holder password"}
	out, errOut, err := wfEnv(t, holder, "cred", "issue", "acme", "--issuer", issuer, "--key", "dev", "--expect", strings.TrimSpace(strings.Split(mustRead(t, filepath.Join(home, "issuer", "key.json")), `"`)[3]))
	if err != nil || !strings.Contains(out, "0:org=acme 1:age=41 2:serial=") {
		t.Fatalf("cred issue: %v %q %s", err, out, errOut)
	}
	serial := strings.TrimSpace(strings.SplitN(out, "2:serial=", 2)[1])

	// --revocable: the serial is recorded and valid until revoked.
	valid := func() []string {
		t.Helper()
		resp, err := http.Get(issuer + "/v1/valid")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var l cred.ValidList
		if err := json.NewDecoder(resp.Body).Decode(&l); err != nil || l.Check() != nil {
			t.Fatalf("valid list: %v %v", err, l.Check())
		}
		return l.Serials
	}
	if v := valid(); len(v) != 1 || v[0] != serial {
		t.Fatalf("valid serials %v, want [%s]", v, serial)
	}
	if out, err := wf(t, env, "cred", "issuer", "issued"); err != nil || !strings.Contains(out, serial) || !strings.Contains(out, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266") {
		t.Fatalf("issuer issued: %v\n%s", err, out)
	}
	if _, err := wf(t, env, "cred", "issuer", "revoke", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"); err != nil {
		t.Fatalf("revoke by account: %v", err)
	}
	if _, err := wf(t, env, "cred", "issuer", "revoke", serial); err == nil {
		t.Fatal("revoked twice")
	}
	if out, _ := wf(t, env, "cred", "issuer", "issued"); strings.Contains(out, " -\n") {
		t.Fatalf("issued after the revocation:\n%s", out)
	}
	// Revoked, the account may get a new one (one valid at a time).
	if out, errOut, err := wfEnv(t, holder, "cred", "issue", "acme2", "--issuer", issuer, "--key", "dev"); err != nil || !strings.Contains(out, "2:serial=") || strings.Contains(out, serial) {
		t.Fatalf("a new credential after the revocation: %v %q %s", err, out, errOut)
	}
	if _, _, err := wfEnv(t, holder, "cred", "issue", "acme3", "--issuer", issuer, "--key", "dev"); err == nil || !strings.Contains(err.Error(), "already holds a valid credential") {
		t.Fatalf("a second valid credential: %v", err)
	}
	if _, _, err := wfEnv(t, holder, "cred", "issue", "other", "--issuer", issuer, "--key", "dev:3"); err == nil || !strings.Contains(err.Error(), "allow-list") {
		t.Fatalf("an account off the list: %v", err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCredIssueFromCI: an issuer started with --ci-rules issues to a CI
// job (GitHub Actions' environment, tokens from a local OIDC issuer) with
// no account key: the credential's slots are the job's repository, ref,
// workflow and environment. A job of another repository is refused; a
// token is good for one credential; a token for another audience is
// refused.
func TestCredIssueFromCI(t *testing.T) {
	is, err := issuer.New("")
	if err != nil {
		t.Fatal(err)
	}
	isrv := httptest.NewServer(is.Handler())
	defer isrv.Close()
	is.SetURL(isrv.URL)
	job := issuer.Job{Repository: "acme/api", RepositoryID: "42", Workflow: ".github/workflows/release.yml",
		Ref: "refs/heads/main", SHA: "0123456789abcdef0123456789abcdef01234567", Run: "77"}
	const bearer = "runner-secret"
	runner := httptest.NewServer(is.Runner(job, bearer))
	defer runner.Close()
	other := job
	other.Repository = "mallory/api"
	otherRunner := httptest.NewServer(is.Runner(other, bearer))
	defer otherRunner.Close()

	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "issuer password"}
	if _, err := wf(t, env, "cred", "issuer", "init"); err != nil {
		t.Fatal(err)
	}
	rules := filepath.Join(home, "ci-rules.json")
	os.WriteFile(rules, []byte(`{"rules":[{"platform":"github","issuer":"`+isrv.URL+`","repository":"acme/api","ref":"refs/heads/*","workflow":".github/workflows/release.yml"}]}`), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
	go func() {
		done <- app.Run(ctx, []string{"cred", "issuer", "serve", "--listen", "127.0.0.1:0", "--ci-rules", rules})
	}()
	var issuerURL string
	select {
	case issuerURL = <-ready:
	case err := <-done:
		t.Fatalf("issuer serve: %v", err)
	}
	defer func() { cancel(); <-done }()

	jobEnv := func(r *httptest.Server) map[string]string {
		return map[string]string{"WF_HOME": t.TempDir(), "WF_KEY_PASSWORD": "job password",
			"ACTIONS_ID_TOKEN_REQUEST_URL": r.URL + issuer.RunnerPath, "ACTIONS_ID_TOKEN_REQUEST_TOKEN": bearer}
	}
	out, errOut, err := wfEnv(t, jobEnv(runner), "cred", "issue", "release", "--issuer", issuerURL, "--oidc")
	want := "0:repository=acme/api 1:ref=refs/heads/main 2:workflow=acme/api/.github/workflows/release.yml@refs/heads/main 3:environment="
	if err != nil || strings.TrimSpace(out) != want {
		t.Fatalf("cred issue --oidc: %v\n%q\nwant %q\n%s", err, out, want, errOut)
	}
	if _, _, err := wfEnv(t, jobEnv(otherRunner), "cred", "issue", "release", "--issuer", issuerURL, "--oidc"); err == nil || !strings.Contains(err.Error(), "no rule admits this job") {
		t.Fatalf("another repository's job: %v", err)
	}

	// One token, one credential; a token for another audience gets none.
	var info struct{ TokenAudience string }
	resp, err := http.Get(issuerURL + "/v1/issuer")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	tok, err := is.Sign(job.GitHub(info.TokenAudience, time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	get := func(tok string) error {
		secret, err := cred.NewSecret(nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = cred.RequestCredentialWithToken(context.Background(), nil, issuerURL, func(string) (string, error) { return tok, nil }, secret, cred.IssuerKey{})
		return err
	}
	if err := get(tok); err != nil {
		t.Fatalf("a fresh token: %v", err)
	}
	if err := get(tok); err == nil || !strings.Contains(err.Error(), "already got a credential") {
		t.Fatalf("the same token again: %v", err)
	}
	wrong, err := is.Sign(job.GitHub("webfunctions-call:0x0000000000000000000000000000000000000001", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if err := get(wrong); err == nil || !strings.Contains(err.Error(), "audience") {
		t.Fatalf("a token for another audience: %v", err)
	}
}

// TestCredIssueFromCIRevocable: on a revocable issuer a CI identity
// (issuer, repository, workflow, ref) holds one valid credential however
// many tokens its runs request, another workflow is another holder, and a
// used token stays refused after the issuer restarts.
func TestCredIssueFromCIRevocable(t *testing.T) {
	is, err := issuer.New("")
	if err != nil {
		t.Fatal(err)
	}
	isrv := httptest.NewServer(is.Handler())
	defer isrv.Close()
	is.SetURL(isrv.URL)
	job := issuer.Job{Repository: "acme/api", RepositoryID: "42", Workflow: ".github/workflows/release.yml",
		Ref: "refs/heads/main", SHA: "0123456789abcdef0123456789abcdef01234567", Run: "77"}
	nightly := job
	nightly.Workflow = ".github/workflows/nightly.yml"

	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "issuer password"}
	if _, err := wf(t, env, "cred", "issuer", "init"); err != nil {
		t.Fatal(err)
	}
	rules := filepath.Join(home, "ci-rules.json")
	os.WriteFile(rules, []byte(`{"rules":[{"platform":"github","issuer":"`+isrv.URL+`","repository":"acme/api","ref":"refs/heads/*"}]}`), 0o644)
	serve := func() (string, func()) {
		ctx, cancel := context.WithCancel(context.Background())
		ready := make(chan string, 1)
		done := make(chan error, 1)
		app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
		go func() {
			done <- app.Run(ctx, []string{"cred", "issuer", "serve", "--listen", "127.0.0.1:0", "--ci-rules", rules, "--revocable"})
		}()
		select {
		case u := <-ready:
			return u, func() { cancel(); <-done }
		case err := <-done:
			t.Fatalf("issuer serve: %v", err)
		}
		return "", nil
	}
	issuerURL, stop := serve()
	var info struct{ TokenAudience string }
	resp, err := http.Get(issuerURL + "/v1/issuer")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	token := func(j issuer.Job) string {
		tok, err := is.Sign(j.GitHub(info.TokenAudience, time.Now()))
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	get := func(url, tok string) error {
		secret, err := cred.NewSecret(nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = cred.RequestCredentialWithToken(context.Background(), nil, url, func(string) (string, error) { return tok, nil }, secret, cred.IssuerKey{})
		return err
	}
	first := token(job)
	if err := get(issuerURL, first); err != nil {
		t.Fatalf("a first token: %v", err)
	}
	again := job
	again.Run = "78" // the next run of the same workflow
	if err := get(issuerURL, token(again)); err != nil {
		t.Fatalf("the next run of the same workflow (supersedes the first's credential): %v", err)
	}
	if err := get(issuerURL, token(nightly)); err != nil {
		t.Fatalf("another workflow: %v", err)
	}
	out, err := wf(t, env, "cred", "issuer", "issued")
	if err != nil || strings.Count(out, "ci iss="+isrv.URL+" repository=acme/api workflow=acme/api/.github/workflows/") != 3 {
		t.Fatalf("issued: %v\n%s", err, out)
	}

	// Restarted, the issuer still refuses the used token, even once the
	// identity's credential is revoked; a fresh token then gets one.
	stop()
	holder := "ci iss=" + isrv.URL + " repository=acme/api workflow=acme/api/.github/workflows/release.yml@refs/heads/main ref=refs/heads/main"
	if _, err := wf(t, env, "cred", "issuer", "revoke", holder); err != nil {
		t.Fatal(err)
	}
	issuerURL, stop = serve()
	defer stop()
	if err := get(issuerURL, first); err == nil || !strings.Contains(err.Error(), "already got a credential") {
		t.Fatalf("a used token after a restart: %v", err)
	}
	third := job
	third.Run = "79"
	if err := get(issuerURL, token(third)); err != nil {
		t.Fatalf("a fresh token after the revocation: %v", err)
	}
}

package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/ci/issuer"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	wfcore "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// TestKeylessDeployFromGitHubActions runs wf deploy with exactly the
// environment a GitHub Actions job with `id-token: write` has: the
// runner's token endpoint (here minting RS256 tokens from a local issuer
// with GitHub's claims) and WF_CI_SIGNER, the owner's signer started with
// wf ci signer serve. No key is given; the deploy is the owner's.
func TestKeylessDeployFromGitHubActions(t *testing.T) {
	is, err := issuer.New("")
	if err != nil {
		t.Fatal(err)
	}
	isrv := httptest.NewServer(is.Handler())
	defer isrv.Close()
	is.SetURL(isrv.URL)
	job := issuer.Job{Repository: "acme/api", RepositoryID: "42", Workflow: ".github/workflows/deploy.yml",
		Ref: "refs/heads/main", SHA: "0123456789abcdef0123456789abcdef01234567", Run: "1234"}
	const bearer = "runner-secret"
	runner := httptest.NewServer(is.Runner(job, bearer))
	defer runner.Close()

	home := t.TempDir()
	trust := filepath.Join(home, "trust.json")
	env := map[string]string{"WF_HOME": home}
	if _, err := wf(t, env, "ci", "trust", "add", "github", "--trust", trust, "--repo", "acme/api", "--ref", "refs/heads/main"); err == nil {
		t.Fatal("trust add without --workflow was accepted")
	}
	if _, err := wf(t, env, "ci", "trust", "add", "github", "--trust", trust, "--repo", "acme/api", "--repo-id", "42",
		"--workflow", ".github/workflows/deploy.yml", "--ref", "refs/heads/main", "--issuer", isrv.URL, "--scope", "deploy,logs"); err != nil {
		t.Fatal(err)
	}
	out, err := wf(t, env, "ci", "trust", "list", "--trust", trust)
	if err != nil || !strings.Contains(out, ".github/workflows/deploy.yml") {
		t.Fatalf("trust list: %v %q", err, out)
	}

	// wf ci signer serve, as the owner (the dev key).
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var sout bytes.Buffer
	app := &cli.App{Stdout: &sout, Stderr: &sout, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
	go func() {
		done <- app.Run(ctx, []string{"ci", "signer", "serve", "--listen", "127.0.0.1:0", "--trust", trust, "--key", "dev"})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("signer: %v", err)
		}
	}()
	var signerURL string
	select {
	case signerURL = <-ready:
	case err := <-done:
		t.Fatalf("signer stopped: %v\n%s", err, sout.String())
	case <-time.After(30 * time.Second):
		t.Fatal("signer did not start")
	}

	n := wftest.New(t, wftest.Options{})
	wasm := filepath.Join(t.TempDir(), "guest.wasm")
	if err := os.WriteFile(wasm, wftest.GoGuest(t, "sandbox/testdata/guest"), 0o644); err != nil {
		t.Fatal(err)
	}
	jobEnv := map[string]string{
		"WF_HOME":                        t.TempDir(), // no key here
		"ACTIONS_ID_TOKEN_REQUEST_URL":   runner.URL + issuer.RunnerPath + "?api-version=2.0",
		"ACTIONS_ID_TOKEN_REQUEST_TOKEN": bearer,
		ci.EnvSigner:                     signerURL,
	}
	out, err = wf(t, jobEnv, "deploy", wasm, "--provider", n.URL, "--json")
	if err != nil {
		t.Fatalf("keyless deploy: %v", err)
	}
	var res struct {
		CID, Owner, URL, BuiltFrom string
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if want := "acme/api@0123456789ab by .github/workflows/deploy.yml (run 1234/1)"; res.BuiltFrom != want {
		t.Fatalf("builtFrom %q, want %q", res.BuiltFrom, want)
	}
	dev, _ := chain.KeyFromHex(cli.DevKeyHex)
	if res.Owner != dev.Address().Checksum() {
		t.Fatalf("owner %s, want the signer's owner %s", res.Owner, dev.Address().Checksum())
	}
	fn, err := wfcore.ParseCID(res.CID)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := n.Client.Spec(context.Background(), fn, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := spec.CIOf(&ss.Spec)
	if err != nil || c == nil {
		t.Fatalf("no provenance: %v", err)
	}
	if p := c.Provenance; p.Repository != "acme/api" || p.Commit != job.SHA || p.Run != "1234/1" ||
		p.Workflow != "acme/api/.github/workflows/deploy.yml@refs/heads/main" || c.Delegation.Scopes != "deploy,logs" {
		t.Fatalf("provenance %+v, delegation %+v", p, c.Delegation)
	}
	// The job reads the function's logs as the owner's delegate.
	if resp, err := http.Get(res.URL + "echo"); err == nil {
		resp.Body.Close()
	}
	out, err = wf(t, jobEnv, "logs", res.CID, "--provider", n.URL, "--oidc", "--json")
	if err != nil || !strings.Contains(out, "/echo") {
		t.Fatalf("wf logs --oidc: %v %q", err, out)
	}

	// GitLab: the id_token in WF_ID_TOKEN. The rule is added while the
	// signer runs: it rereads the policy.
	if _, err := wf(t, env, "ci", "trust", "add", "gitlab", "--trust", trust, "--repo", "acme/web",
		"--ref", "refs/heads/main", "--protected", "--issuer", isrv.URL); err != nil {
		t.Fatal(err)
	}
	gl := issuer.Job{Repository: "acme/web", RepositoryID: "7", Workflow: ".gitlab-ci.yml", Ref: "refs/heads/main",
		SHA: "89abcdef0123456789abcdef0123456789abcdef", Run: "55", Protected: true}
	glTok, err := is.Sign(gl.GitLab(strings.TrimPrefix(isrv.URL, "http://"), ci.DefaultAudience(dev.Address()), time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	glEnv := map[string]string{"WF_HOME": t.TempDir(), ci.EnvToken: glTok, ci.EnvSigner: signerURL}
	out, err = wf(t, glEnv, "deploy", wasm, "--provider", n.URL, "--json", "--env", "X=gitlab")
	if err != nil {
		t.Fatalf("keyless deploy from GitLab: %v", err)
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if want := "acme/web@89abcdef0123 by .gitlab-ci.yml (run 55/551)"; res.BuiltFrom != want || res.Owner != dev.Address().Checksum() {
		t.Fatalf("gitlab deploy: builtFrom %q (want %q), owner %s", res.BuiltFrom, want, res.Owner)
	}
	// The same token twice: refused, nothing deployed.
	_, err = wf(t, glEnv, "deploy", wasm, "--provider", n.URL, "--json", "--env", "X=again")
	if err == nil || !strings.Contains(err.Error(), "already used") {
		t.Fatalf("a reused GitLab token: %v", err)
	}

	// Without the runner's token endpoint, --oidc says what is missing.
	_, err = wf(t, map[string]string{"WF_HOME": t.TempDir(), ci.EnvSigner: signerURL}, "deploy", wasm, "--provider", n.URL, "--oidc")
	if err == nil || !strings.Contains(err.Error(), "id-token: write") {
		t.Fatalf("deploy --oidc outside CI: %v", err)
	}
}

// TestDevKeylessDeployMovesName follows wf dev's banner: with the CI
// environment it prints, wf deploy of a project deploys as the owner with
// no key and moves the project's name with a record the job's key signed
// under the owner's delegation; the owner's next record outranks it.
func TestDevKeylessDeployMovesName(t *testing.T) {
	home := t.TempDir()
	url, banner := startDev(t, home)
	jobEnv := map[string]string{"WF_HOME": t.TempDir()}
	bannerEnv(banner, jobEnv)
	if jobEnv[ci.EnvSigner] == "" || jobEnv["ACTIONS_ID_TOKEN_REQUEST_URL"] == "" {
		t.Fatalf("wf dev's banner has no CI environment: %q", banner)
	}
	dir := filepath.Join(t.TempDir(), "hello")
	if _, err := wf(t, nil, "init", "--lang", "js", dir); err != nil {
		t.Fatal(err)
	}
	out, err := wf(t, jobEnv, "deploy", dir, "--provider", url, "--json")
	if err != nil {
		t.Fatalf("keyless deploy: %v", err)
	}
	var res struct{ CID, Owner, Name, BuiltFrom string }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	dev, _ := chain.KeyFromHex(cli.DevKeyHex)
	if res.Owner != dev.Address().Checksum() || res.Name != "hello" || !strings.HasPrefix(res.BuiltFrom, "dev/app@") {
		t.Fatalf("deploy: %+v", res)
	}
	if status, body := get(t, url+"/@"+res.Owner+"/hello/?name=ci", ""); status != 200 || !strings.Contains(body, "ci") {
		t.Fatalf("the name after a keyless deploy: %d %q", status, body)
	}
	out, err = wf(t, nil, "versions", "hello", "--owner", res.Owner, "--provider", url, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var hist []struct {
		Seq     uint64
		Targets []wfcore.Target
	}
	if err := json.Unmarshal([]byte(out), &hist); err != nil || len(hist) != 1 || hist[0].Targets[0].Function.String() != res.CID {
		t.Fatalf("versions: %v %s", err, out)
	}
	if now := uint64(time.Now().Unix()); hist[0].Seq > now || hist[0].Seq < now-120 {
		t.Fatalf("a job's record is numbered %d; want its creation time (about %d)", hist[0].Seq, now)
	}
	// A tag's job promotes: wf name set --oidc, as the owner's delegate.
	time.Sleep(time.Second)
	out, err = wf(t, jobEnv, "name", "set", "hello", res.CID, "--provider", url, "--oidc", "--json")
	if err != nil {
		t.Fatalf("wf name set --oidc: %v", err)
	}
	var promoted struct{ Seq uint64 }
	if err := json.Unmarshal([]byte(out), &promoted); err != nil || promoted.Seq <= hist[0].Seq {
		t.Fatalf("the job's promote: %v seq %d after the deploy's %d", err, promoted.Seq, hist[0].Seq)
	}
	// The owner moves it with its own key: the record outranks anything
	// the job's key could sign in its delegation's window...
	out, err = wf(t, nil, "name", "set", "hello", res.CID, "--provider", url, "--key", "dev", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var next struct{ Seq uint64 }
	if err := json.Unmarshal([]byte(out), &next); err != nil || next.Seq <= promoted.Seq+60 {
		t.Fatalf("the owner's next record: %v seq %d after the job's %d; want past its window", err, next.Seq, promoted.Seq)
	}
	// ...so a job cannot move it back within that window, and is told why.
	_, err = wf(t, jobEnv, "name", "set", "hello", res.CID, "--provider", url, "--oidc")
	if err == nil || !strings.Contains(err.Error(), "outranks that job's whole delegation window") {
		t.Fatalf("a job after the owner's correction: %v", err)
	}
}

// TestDevKeylessSealedDeploy: a CI job with its secret in the environment
// deploys a sealed function keylessly; the provider opens it (the
// function sees the secret), and the function is sealed to the owner's
// keyring too, which the signer published, so the owner can grant it.
func TestDevKeylessSealedDeploy(t *testing.T) {
	home := t.TempDir()
	url, banner := startDev(t, home)
	jobEnv := map[string]string{"WF_HOME": home, "API_KEY": "s3cret-value"} // home: where wf dev recorded its chain
	bannerEnv(banner, jobEnv)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "wf.toml"), []byte("secrets = [\"API_KEY\"]\nproviders = [\"dev\"]\n[build]\nlanguage = \"js\"\nentry = \"worker.js\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "worker.js"), []byte(`export default { fetch(req, env) { return new Response("length " + env.API_KEY.length); } };`), 0o644)
	out, err := wf(t, jobEnv, "deploy", dir, "--json")
	if err != nil {
		t.Fatalf("keyless sealed deploy: %v", err)
	}
	var res struct{ CID, URL string }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if status, body := get(t, url+"/"+res.CID+"/", ""); status != 200 || body != "length 12" {
		t.Fatalf("the sealed function: %d %q", status, body)
	}
	fn, _ := wfcore.ParseCID(res.CID)
	ss, err := client.New(url).Spec(context.Background(), fn, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	kr, err := seal.LoadKeyring(filepath.Join(home, "sealing-keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	if ss.Spec.Sealed == nil || !slices.ContainsFunc(ss.Spec.Sealed.Grants, func(g wfcore.Grant) bool { return g.Key == kr.Current().ID() }) {
		t.Fatalf("not sealed to the owner's keyring %s: %+v", kr.Current().ID(), ss.Spec.Sealed)
	}
	// The job has the owner's signer grant it to the tunnelled provider;
	// the new spec runs there, opened with the grant.
	out, err = wf(t, jobEnv, "secrets", "grant", res.CID, "--provider", "tunnel", "--from", url, "--oidc")
	if err != nil {
		t.Fatalf("grant --oidc: %v", err)
	}
	granted := strings.TrimSpace(out)
	if granted == res.CID || !strings.HasPrefix(granted, "baga") {
		t.Fatalf("grant printed %q", granted)
	}
	gw := regexp.MustCompile(`http://localhost:\d+`).FindString(banner)
	if status, body := get(t, gw+"/p/tunnel/"+granted+"/", ""); status != 200 || body != "length 12" {
		t.Fatalf("the granted function on the tunnelled provider: %d %q", status, body)
	}
	// --secrets (the store only a keyring opens) is refused keylessly.
	if _, err := wf(t, jobEnv, "deploy", dir, "--secrets"); err == nil || !strings.Contains(err.Error(), "keyless deploy") {
		t.Fatalf("--secrets keyless: %v", err)
	}
}

// bannerEnv adds to env the variables wf dev's banner exports for a CI
// job (its "export K=V ..." line).
func bannerEnv(banner string, env map[string]string) {
	for _, line := range strings.Split(banner, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "export "); ok {
			for _, kv := range strings.Fields(rest) {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = strings.Trim(v, "'")
			}
		}
	}
}

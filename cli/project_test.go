package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/seal/sealtest"
	"github.com/webfunctions/wf/templates"
	wfpkg "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// wfEnv runs one command line with an environment and returns stdout and
// stderr.
func wfEnv(t *testing.T, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &cli.App{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	err := app.Run(context.Background(), args)
	return out.String(), errOut.String(), err
}

// edit replaces each old with new in the file at path, once each.
func edit(t *testing.T, path string, oldNew ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			t.Fatalf("%s has no %q", path, oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// deployedSpec reads a function's spec back from the provider.
func deployedSpec(t *testing.T, provider, out string) *wfpkg.Spec {
	t.Helper()
	c, err := wfpkg.ParseCID(strings.TrimSpace(out))
	if err != nil {
		t.Fatalf("deploy printed %q: %v", out, err)
	}
	ss, err := client.New(provider).Spec(context.Background(), c, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	return &ss.Spec
}

// Done when: wf init, an edit of wf.toml (env, limits, provider), and
// wf deploy with no flags deploys a spec whose env and limits are the
// file's; a flag set on the command line wins over the file.
func TestInitEditDeployProjectFile(t *testing.T) {
	node := wftest.New(t, wftest.Options{})
	env := map[string]string{"WF_HOME": t.TempDir(), "WF_KEY_PASSWORD": "correct horse"}
	if _, errOut, err := wfEnv(t, env, "keys", "new"); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	dir := filepath.Join(t.TempDir(), "hello")
	if _, _, err := wfEnv(t, env, "init", "--lang", "go", dir); err != nil {
		t.Fatal(err)
	}
	toml := filepath.Join(dir, "wf.toml")
	edit(t, toml,
		`# providers = ["http://127.0.0.1:8080"]`, `providers = ["`+node.URL+`"]`,
		`# GREETING = "Hello"`, "GREETING = \"hi\"\nMODE = \"test\"",
		`# memory = "64MiB"`, `memory = "32MiB"`,
		`# timeout = "5s"`, `timeout = "1500ms"`,
		`# request_bytes = "1MiB"`, `request_bytes = "64KiB"`,
		`# response_bytes = "1MiB"`, `response_bytes = 100_000`,
	)
	t.Chdir(dir)
	out, errOut, err := wfEnv(t, env, "deploy")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	s := deployedSpec(t, node.URL, out)
	wantLimits := wfpkg.Limits{MemoryPages: 512, TimeoutMS: 1500, MaxRequestBytes: 64 << 10, MaxResponseBytes: 100_000}
	if s.Limits != wantLimits || len(s.Env) != 2 || s.Env["GREETING"] != "hi" || s.Env["MODE"] != "test" {
		t.Fatalf("deployed env %v limits %+v; want the file's, limits %+v", s.Env, s.Limits, wantLimits)
	}
	if got, err := wf(t, nil, "invoke", strings.TrimSpace(out), "--provider", node.URL, "-d", "gopher"); err != nil || got != "Hello, gopher!\n" {
		t.Fatalf("invoke: %q %v", got, err)
	}

	// Flags set on the command line win: limits one by one, env per
	// variable; what no flag sets stays the file's.
	out, errOut, err = wfEnv(t, env, "deploy", ".", "--timeout", "7s", "--memory", "64", "--env", "GREETING=yo")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	s = deployedSpec(t, node.URL, out)
	wantLimits.TimeoutMS, wantLimits.MemoryPages = 7000, 1024
	if s.Limits != wantLimits || s.Env["GREETING"] != "yo" || s.Env["MODE"] != "test" {
		t.Fatalf("with flags: env %v limits %+v, want limits %+v", s.Env, s.Limits, wantLimits)
	}

	// --config reads another file; paths stay relative to DIR.
	other := filepath.Join(t.TempDir(), "prod.toml")
	os.WriteFile(other, []byte("providers = [\""+node.URL+"\"]\n[env]\nGREETING = \"prod\"\n"), 0o644)
	out, errOut, err = wfEnv(t, env, "deploy", "--config", other)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if s = deployedSpec(t, node.URL, out); s.Env["GREETING"] != "prod" || s.Limits != (wfpkg.Limits{}) {
		t.Fatalf("--config: env %v limits %+v", s.Env, s.Limits)
	}
	if _, _, err := wfEnv(t, env, "deploy", "--config", filepath.Join(dir, "nope.toml")); err == nil || !strings.Contains(err.Error(), "nope.toml") {
		t.Fatalf("a missing --config: %v", err)
	}

	// An unknown key is refused with its line, before anything is built
	// or signed.
	edit(t, toml, `timeout = "1500ms"`, `timout = "1500ms"`)
	os.Remove(filepath.Join(dir, "main.wasm"))
	_, _, err = wfEnv(t, env, "deploy")
	b, _ := os.ReadFile(toml)
	line := 1 + strings.Count(string(b[:strings.Index(string(b), "timout")]), "\n")
	want := fmt.Sprintf(`wf.toml:%d: unknown key "limits.timout" (did you mean "limits.timeout"?)`, line)
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Fatalf("got %v, want …%s", err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "main.wasm")); err == nil {
		t.Fatal("deploy built the function with a bad wf.toml")
	}
	_, _, err = wfEnv(t, env, "build")
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Fatalf("build: got %v, want …%s", err, want)
	}
}

// wf build follows [build]: the module's output path, here.
func TestBuildReadsProjectFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "hello")
	if _, _, err := wfEnv(t, nil, "init", "--lang", "assemblyscript", dir); err != nil {
		t.Fatal(err)
	}
	// A build command of our own stands in for npm.
	edit(t, filepath.Join(dir, "wf.toml"),
		`# output = "main.wasm"`, `output = "dist/fn.wasm"`,
		`# command = "make wasm"`, `command = "mkdir -p dist && cp prebuilt.wasm dist/fn.wasm"`)
	os.WriteFile(filepath.Join(dir, "prebuilt.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644)
	out, errOut, err := wfEnv(t, nil, "build", dir)
	if err != nil || strings.TrimSpace(out) != filepath.Join(dir, "dist", "fn.wasm") {
		t.Fatalf("build printed %q: %v\n%s", out, err, errOut)
	}
	// Without wf.toml the directory builds as before (here: npm's build).
	out, _, err = wfEnv(t, nil, "build", dir, "--config", filepath.Join(dir, "missing.toml"))
	if err == nil || !strings.Contains(err.Error(), "missing.toml") {
		t.Fatalf("a missing --config: %q %v", out, err)
	}
}

// Secrets named in wf.toml are sealed with values from the environment
// ($NAME, else the file $NAME_FILE names, else wf secrets set) to every
// provider listed, and never written anywhere in plaintext.
func TestProjectSecretsAndProviders(t *testing.T) {
	p1, kr1 := sealingProvider(t)
	p2, kr2 := sealingProvider(t)
	home, dir := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.wasm"), templates.HelloWasm, 0o644)
	if _, _, err := wfIn(t, home, testSecrets["DB_PASSWORD"], "secrets", "set", "DB_PASSWORD", "--dir", dir); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "wf.toml"), []byte(`secrets = ["API_KEY", "DB_PASSWORD", "TOKEN"]
providers = ["`+p1+`", "`+p2+`"]
[build]
command = "true"
`), 0o644)
	keyFile := filepath.Join(t.TempDir(), "api-key")
	os.WriteFile(keyFile, []byte(testSecrets["API_KEY"]+"\n"), 0o600)
	const token = "tok-0a1b2c3d4e5f"
	env := map[string]string{"WF_HOME": home, "API_KEY_FILE": keyFile, "TOKEN": token}
	out, errOut, err := wfEnv(t, env, "deploy", dir, "--key", "dev", "--trust-endpoint-key") // bare URLs: no registry here
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	for _, p := range []struct {
		url string
		kr  *seal.Keyring
	}{{p1, kr1}, {p2, kr2}} {
		s := deployedSpec(t, p.url, out)
		if s.Sealed == nil || !s.Sealed.Secrets.Defined() {
			t.Fatalf("%s: nothing sealed: %+v", p.url, s)
		}
		dk, _, err := p.kr.OpenGrant(s.Sealed.Grants, s.Owner)
		if err != nil {
			t.Fatalf("%s cannot open its grant: %v", p.url, err)
		}
		_, block := get(t, p.url+"/ipfs/"+s.Sealed.Secrets.String()+"?format=raw", "")
		got, err := seal.OpenSecrets(dk, []byte(block))
		dk.Destroy()
		if err != nil || len(got) != 3 || got["API_KEY"] != testSecrets["API_KEY"] || got["DB_PASSWORD"] != testSecrets["DB_PASSWORD"] || got["TOKEN"] != token {
			t.Fatalf("%s: sealed secrets %d, %v", p.url, len(got), err)
		}
	}
	// A named secret with no value anywhere is an error naming it.
	os.WriteFile(filepath.Join(dir, "wf.toml"), []byte("secrets = [\"MISSING\"]\nproviders = [\""+p1+"\"]\n[build]\ncommand = \"true\"\n"), 0o644)
	if _, _, err := wfEnv(t, env, "deploy", dir, "--key", "dev"); err == nil || !strings.Contains(err.Error(), "secret MISSING has no value: set $MISSING or $MISSING_FILE") {
		t.Fatalf("got %v", err)
	}
	sealtest.ScanDir(t, home, testSecrets)
	sealtest.ScanDir(t, dir, testSecrets)
}

// A provider named in wf.toml by its registry name is found on chain: its
// endpoint for the upload, its sealing key for the grant.
func TestProjectRegistryProvider(t *testing.T) {
	d := newDevChain(t)
	p, kr := sealingProvider(t)
	ctx := context.Background()
	if _, err := d.as(2).RegisterProvider(ctx, chain.Provider{Name: "beta", Endpoint: p, SealingKey: kr.Current().Bytes(), PricePerRequest: usdc("0.01")}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.wasm"), templates.HelloWasm, 0o644)
	os.WriteFile(filepath.Join(dir, "wf.toml"), []byte("providers = [\"beta\"]\nencrypt_code = true\n[build]\ncommand = \"true\"\n"), 0o644)
	out, errOut, err := wfEnv(t, d.env, "deploy", dir, "--key", "dev")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	s := deployedSpec(t, p, out)
	if !s.Code.Encrypted {
		t.Fatal("the code is not encrypted")
	}
	dk, _, err := kr.OpenGrant(s.Sealed.Grants, s.Owner)
	if err != nil {
		t.Fatalf("the registered sealing key has no grant: %v", err)
	}
	dk.Destroy()
	os.WriteFile(filepath.Join(dir, "wf.toml"), []byte("providers = [\"nobody\"]\n[build]\ncommand = \"true\"\n"), 0o644)
	if _, _, err := wfEnv(t, d.env, "deploy", dir, "--key", "dev"); err == nil || !strings.Contains(err.Error(), `"nobody"`) {
		t.Fatalf("an unregistered name: %v", err)
	}
}

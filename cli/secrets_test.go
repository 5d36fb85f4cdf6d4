package cli_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/seal/sealtest"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	wfpkg "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// wfIn runs one command line with stdin and returns stdout and stderr.
func wfIn(t *testing.T, home, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &cli.App{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
		if k == "WF_HOME" {
			return home
		}
		return ""
	}}
	err := app.Run(context.Background(), args)
	return out.String(), errOut.String(), err
}

var testSecrets = map[string]string{"API_KEY": "sk-test-9d8c7b6a5f", "DB_PASSWORD": "correct horse battery staple"}

func TestSecretsSetListRm(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	if _, _, err := wfIn(t, home, testSecrets["API_KEY"]+"\n", "secrets", "set", "API_KEY", "--dir", dir); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(f, []byte(testSecrets["DB_PASSWORD"]), 0o600)
	if _, _, err := wfIn(t, home, "", "secrets", "set", "DB_PASSWORD", "--from-file", f, "--dir", dir); err != nil {
		t.Fatal(err)
	}
	if _, _, err := wfIn(t, home, "x", "secrets", "set", "TMP", "--dir", dir); err != nil {
		t.Fatal(err)
	}
	if _, _, err := wfIn(t, home, "", "secrets", "rm", "TMP", "--dir", dir); err != nil {
		t.Fatal(err)
	}
	out, _, err := wfIn(t, home, "", "secrets", "list", "--dir", dir)
	if err != nil || out != "API_KEY\nDB_PASSWORD\n" {
		t.Fatalf("list: %q %v", out, err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"value in argv", []string{"secrets", "set", "API_KEY", "hunter2", "--dir", dir}, "never come from arguments"},
		{"bad name", []string{"secrets", "set", "A-B", "--dir", dir}, "must match"},
		{"rm unknown", []string{"secrets", "rm", "NOPE", "--dir", dir}, "no secret NOPE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := wfIn(t, home, "v", tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
	st, err := os.Stat(filepath.Join(dir, ".wf", "secrets.json"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v %v", st, err)
	}
	// Only ciphertext at rest, next to the source and in WF_HOME.
	if n, _ := sealtest.ScanDir(t, dir, testSecrets); n == 0 {
		t.Fatal("scanned nothing")
	}
	sealtest.ScanDir(t, home, testSecrets)
}

func TestProviderInitAndRotate(t *testing.T) {
	home := t.TempDir()
	data := filepath.Join(home, "p")
	first, errOut, err := wfIn(t, home, "", "provider", "init", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "no provider Ethereum key") {
		t.Errorf("init does not mention the missing provider key: %s", errOut)
	}
	pk, err := seal.ParsePublicKeyText(strings.TrimSpace(first))
	if err != nil || pk.Suite() != seal.SuiteHybrid {
		t.Fatalf("init printed %q: %v", first, err)
	}
	again, _, err := wfIn(t, home, "", "provider", "init", "--data", data, "--suite", "x25519")
	if err != nil || again != first {
		t.Fatalf("a second init replaced the key: %v", err)
	}
	hexOut, _, _ := wfIn(t, home, "", "provider", "init", "--data", data, "--hex")
	if !strings.HasPrefix(hexOut, "0x") || len(strings.TrimSpace(hexOut)) != 2+2*len(pk.Bytes()) {
		t.Fatalf("--hex printed %.40q", hexOut)
	}
	rotated, _, err := wfIn(t, home, "", "provider", "rotate-sealing-key", "--data", data, "--suite", "x25519")
	if err != nil || rotated == first {
		t.Fatalf("rotate: %v", err)
	}
	kr, err := seal.LoadKeyring(filepath.Join(data, "sealing-keys.json"))
	if err != nil || len(kr.Keys()) != 2 || kr.Keys()[1].ID() != pk.ID() {
		t.Fatalf("after rotation: %v", err)
	}
	if _, _, err := wfIn(t, home, "", "provider", "rotate-sealing-key", "--data", data, "--retire", pk.ID().String()); err != nil {
		t.Fatal(err)
	}
	if kr, _ = seal.LoadKeyring(filepath.Join(data, "sealing-keys.json")); len(kr.Keys()) != 1 {
		t.Fatal("retire kept the key")
	}
}

// sealingProvider runs a real provider node with a sealing keyring.
func sealingProvider(t *testing.T) (string, *seal.Keyring) {
	t.Helper()
	kr, err := seal.NewKeyring(seal.SuiteHybrid, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Sealing: kr}})
	return env.URL, kr
}

func TestSealedDeployAndGrant(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.wasm"), templates.HelloWasm, 0o644)
	for k, v := range testSecrets {
		if _, _, err := wfIn(t, home, v, "secrets", "set", k, "--dir", dir); err != nil {
			t.Fatal(err)
		}
	}
	p1, kr1 := sealingProvider(t)
	p2, kr2 := sealingProvider(t)
	out, errOut, err := wfIn(t, home, "", "deploy", filepath.Join(dir, "main.wasm"), "--secrets", "--provider", p1, "--trust-endpoint-key", "--key", "dev")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	// No chain to check the key against: said so, not hidden.
	if !strings.Contains(errOut, "no registry to check") {
		t.Errorf("no warning that the key went unchecked:\n%s", errOut)
	}
	c1, err := wfpkg.ParseCID(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, err = wfIn(t, home, "", "secrets", "grant", c1.String(), "--provider", p2, "--trust-endpoint-key", "--from", p1, "--key", "dev")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	c2, err := wfpkg.ParseCID(strings.TrimSpace(out))
	if err != nil || c2 == c1 {
		t.Fatalf("grant printed %q: %v", out, err)
	}
	// The provider granted got the whole function and runs it.
	if status, body := get(t, p2+"/"+c2.String()+"/?name=granted", ""); status != 200 || !strings.Contains(body, "granted") {
		t.Fatalf("the provider granted answers %d %s (grant output:\n%s)", status, body, errOut)
	}
	s1, s2 := fetch(t, p1, c1), fetch(t, p1, c2)
	if s1.Code.CID != s2.Code.CID || s1.Sealed.Secrets != s2.Sealed.Secrets || len(s2.Sealed.Grants) != 3 {
		t.Fatalf("the grant changed the ciphertext blocks or did not add a grant: %+v", s2.Sealed)
	}
	for _, kr := range []*seal.Keyring{kr1, kr2} {
		dk, _, err := kr.OpenGrant(s2.Sealed.Grants, s2.Owner)
		if err != nil {
			t.Fatal(err)
		}
		dk.Destroy()
	}
	if _, _, err := kr2.OpenGrant(s1.Sealed.Grants, s1.Owner); err == nil {
		t.Fatal("provider 2 opens the spec from before its grant")
	}
	// With --upload only the spec block travels: a provider that has none
	// of the blocks refuses it as incomplete.
	p3, _ := sealingProvider(t)
	_, _, err = wfIn(t, home, "", "secrets", "grant", c1.String(), "--provider", p3, "--trust-endpoint-key", "--from", p1, "--upload", p3, "--key", "dev")
	if err == nil || !strings.Contains(err.Error(), "incomplete") {
		t.Fatalf("upload to a provider without the blocks: %v", err)
	}

	out, errOut, err = wfIn(t, home, "", "secrets", "revoke", c2.String(), "--provider", p2, "--trust-endpoint-key", "--from", p1, "--key", "dev")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	c3, err := wfpkg.ParseCID(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	s3 := fetch(t, p1, c3)
	if len(s3.Sealed.Grants) != 2 {
		t.Fatalf("revoke left %d grants", len(s3.Sealed.Grants))
	}
	if _, _, err := kr2.OpenGrant(s3.Sealed.Grants, s3.Owner); err == nil {
		t.Fatal("provider 2 still holds a grant after revoke")
	}
	sealtest.ScanDir(t, home, testSecrets)
	sealtest.ScanDir(t, dir, testSecrets)
}

func fetch(t *testing.T, base string, c wfpkg.CID) *wfpkg.Spec {
	t.Helper()
	resp, err := http.Get(base + "/ipfs/" + c.String() + "?format=raw")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	ss, err := spec.Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("%s: %v", c, err)
	}
	return &ss.Spec
}

// Package packaging holds what runs wf as a service: the systemd unit, the
// install script and the container recipe (docs/operators.md). Its test
// installs a real wf build into a staging root and checks what lands.
package packaging

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestInstallStaged(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no shell")
	}
	dir := t.TempDir()
	// The wf the container recipe builds (one build for both tests).
	b, err := os.ReadFile(filepath.Join(containerBuild(t), "wf"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "wf-linux-test")
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	sums := filepath.Join(dir, "SHA256SUMS")
	os.WriteFile(sums, []byte(hex.EncodeToString(sum[:])+"  wf-linux-test\n"), 0o644)

	root := filepath.Join(dir, "root")
	install := func(sumsFile string) (string, error) {
		cmd := exec.Command("sh", "install.sh", bin, "--name", "alice", "--public-url", "https://node.example.com", "--price", "0.0001", "--rpc", "https://rpc.example")
		cmd.Env = append(os.Environ(), "DESTDIR="+root, "SHA256SUMS="+sumsFile, "WF_KEY_PASSWORD=")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := install(sums)
	if err != nil {
		t.Fatalf("install.sh: %v\n%s", err, out)
	}
	for f, mode := range map[string]os.FileMode{
		"usr/local/bin/wf": 0o755, "etc/systemd/system/wf-provider.service": 0o644, "etc/wf/password": 0o600,
		"etc/wf/provider.toml": 0o600, "var/lib/wf/provider/key.json": 0o600, "var/lib/wf/provider/sealing-keys.json": 0o600,
	} {
		fi, err := os.Stat(filepath.Join(root, f))
		if err != nil || fi.Mode().Perm() != mode {
			t.Errorf("%s: %v, mode %v, want %v", f, err, fi.Mode().Perm(), mode)
		}
	}
	config, _ := os.ReadFile(filepath.Join(root, "etc/wf/provider.toml"))
	for _, want := range []string{`data = "/var/lib/wf/provider"`, `key = "/var/lib/wf/provider/key.json"`, `name = "alice"`,
		`public-url = "https://node.example.com"`, `price = "0.0001"`, `rpc = ["https://rpc.example"]`} {
		if !strings.Contains(string(config), want+"\n") {
			t.Errorf("config lacks %s:\n%s", want, config)
		}
	}
	if strings.Contains(string(config), root) {
		t.Errorf("config names the staging root:\n%s", config)
	}
	if !strings.Contains(out, "checksum of wf-linux-test matches") || !strings.Contains(out, "systemctl enable --now wf-provider") {
		t.Errorf("install.sh said:\n%s", out)
	}
	// The password made is the key's: the staged wf opens it.
	key := filepath.Join(root, "var/lib/wf/provider/key.json")
	show := exec.Command(filepath.Join(root, "usr/local/bin/wf"), "keys", "show", "--key", key, "--password-file", filepath.Join(root, "etc/wf/password"))
	show.Env = append(os.Environ(), "WF_HOME="+dir)
	if out, err := show.CombinedOutput(); err != nil || !strings.Contains(string(out), "0x") {
		t.Errorf("the installed key does not open with the installed password: %v\n%s", err, out)
	}
	// Again: everything is kept.
	before, _ := os.ReadFile(key)
	if out, err := install(sums); err != nil {
		t.Fatalf("second install.sh: %v\n%s", err, out)
	}
	if after, _ := os.ReadFile(key); string(after) != string(before) {
		t.Error("a second install replaced the node's key")
	}
	// A binary that is not the release's is refused before anything.
	bad := filepath.Join(dir, "BADSUMS")
	os.WriteFile(bad, []byte(strings.Repeat("0", 64)+"  wf-linux-test\n"), 0o644)
	if out, err := install(bad); err == nil || !strings.Contains(out, "does not match") {
		t.Errorf("a checksum mismatch: %v\n%s", err, out)
	}

	// The unit is valid for systemd, where its tools are at hand.
	if sa, err := exec.LookPath("systemd-analyze"); err == nil {
		unit, _ := os.ReadFile("systemd/wf-provider.service")
		staged := filepath.Join(dir, "wf-provider.service")
		os.WriteFile(staged, []byte(strings.ReplaceAll(string(unit), "/usr/local/bin/wf", filepath.Join(root, "usr/local/bin/wf"))), 0o644)
		if out, err := exec.Command(sa, "verify", staged).CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
			t.Errorf("systemd-analyze verify: %v\n%s", err, out)
		}
	}
}

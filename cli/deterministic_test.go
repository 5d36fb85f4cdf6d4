package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// TestDeployDeterministic: wf.toml's deterministic, verify and max_verify
// and the deploy flags over them put wf.deterministic in the spec, which
// gateways read for verified execution; bad levels are refused before
// anything is deployed.
func TestDeployDeterministic(t *testing.T) {
	node := wftest.New(t, wftest.Options{})
	dir := t.TempDir()
	mod := filepath.Join(dir, "hello.wasm")
	os.WriteFile(mod, templates.HelloWasm, 0o644)
	conf := filepath.Join(dir, "wf.toml")
	os.WriteFile(conf, []byte("deterministic = true\nverify = 2\n"), 0o644)
	plain := filepath.Join(dir, "plain.toml")
	os.WriteFile(plain, []byte(""), 0o644)
	deploy := func(config string, args ...string) (string, string, error) {
		return wfEnv(t, map[string]string{}, append([]string{"deploy", mod, "--provider", node.URL, "--key", "dev", "--config", config}, args...)...)
	}
	data := func(out string) (string, bool) {
		t.Helper()
		x, ok := deployedSpec(t, node.URL, out).Extensions[spec.DeterministicExtension]
		if ok && x.Required {
			t.Fatalf("%s is required; it only informs", spec.DeterministicExtension)
		}
		return string(x.Data), ok
	}
	for _, tc := range []struct {
		config string
		args   []string
		want   string // "" for no extension
	}{
		{plain, nil, ""},
		{plain, []string{"--deterministic"}, `{}`},
		{conf, nil, `{"verify":2}`},
		{conf, []string{"--verify", "3", "--max-verify", "5"}, `{"maxVerify":5,"verify":3}`},
		{conf, []string{"--deterministic=false"}, ""},
	} {
		out, errOut, err := deploy(tc.config, tc.args...)
		if err != nil {
			t.Fatalf("deploy %v: %v\n%s", tc.args, err, errOut)
		}
		got, ok := data(out)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("deploy %v (%s): %s %v, want %q", tc.args, filepath.Base(tc.config), got, ok, tc.want)
		}
	}
	for _, tc := range []struct {
		config string
		args   []string
		want   string
	}{
		{plain, []string{"--verify", "2"}, "need --deterministic"},
		{conf, []string{"--verify", "1"}, "verify 1 must be 0"},
		{conf, []string{"--verify", "9"}, "verify 9 must be 0"},
		{conf, []string{"--max-verify", "1"}, "maxVerify 1 is below verify 2"},
	} {
		if _, _, err := deploy(tc.config, tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("deploy %v: %v, want %q", tc.args, err, tc.want)
		}
	}
	os.WriteFile(conf, []byte("verify = 2\n"), 0o644)
	if _, _, err := deploy(conf); err == nil || !strings.Contains(err.Error(), "need deterministic = true") {
		t.Errorf("verify without deterministic in wf.toml: %v", err)
	}
}

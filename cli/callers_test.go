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

// TestDeployCallers: wf.toml's [callers] and the deploy flags over it put
// wf.callers in the spec, which the provider enforces; bad values are
// refused before anything is deployed.
func TestDeployCallers(t *testing.T) {
	node := wftest.New(t, wftest.Options{})
	dir := t.TempDir()
	mod := filepath.Join(dir, "hello.wasm")
	os.WriteFile(mod, templates.HelloWasm, 0o644)
	conf := filepath.Join(dir, "wf.toml")
	os.WriteFile(conf, []byte("[callers]\nrate = \"1/1h\"\n"), 0o644)
	env := map[string]string{}
	deploy := func(args ...string) (string, string, error) {
		return wfEnv(t, env, append([]string{"deploy", mod, "--provider", node.URL, "--key", "dev", "--config", conf}, args...)...)
	}
	data := func(out string) string {
		t.Helper()
		x, ok := deployedSpec(t, node.URL, out).Extensions[spec.CallersExtension]
		if !ok || !x.Required {
			t.Fatalf("no required %s in the deployed spec: %+v", spec.CallersExtension, x)
		}
		return string(x.Data)
	}

	out, errOut, err := deploy()
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if got := data(out); got != `{"perCaller":{"requests":1,"seconds":3600}}` {
		t.Fatalf("from [callers]: %s", got)
	}
	fn := strings.TrimSpace(out)
	if _, err := wf(t, nil, "invoke", fn, "--provider", node.URL); err != nil {
		t.Fatal(err)
	}
	if _, err := wf(t, nil, "invoke", fn, "--provider", node.URL); err == nil || !strings.Contains(err.Error(), "caller_rate_limited") {
		t.Fatalf("second invoke: %v, want 429 caller_rate_limited", err)
	}

	// Flags win over the file, each over its key.
	out, errOut, err = deploy("--owner-pays", "1000/24h", "--caller-rate", "60/1m")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if got := data(out); got != `{"ownerPays":{"requests":1000,"seconds":86400},"perCaller":{"requests":60,"seconds":60}}` {
		t.Fatalf("with flags: %s", got)
	}
	out, errOut, err = deploy("--caller-pays-only")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if got := data(out); got != `{"callerPays":"required","perCaller":{"requests":1,"seconds":3600}}` {
		t.Fatalf("--caller-pays-only: %s", got)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--caller-rate", "0/1m"}, `--caller-rate: "0/1m": "0" is not a count of requests`},
		{[]string{"--caller-rate", "60"}, "--caller-rate: 60 has no unit"},
		{[]string{"--owner-pays", "5/0s"}, `--owner-pays: "5/0s": "0s" is not a whole number of seconds`},
		{[]string{"--owner-pays", "-5/1h"}, `"-5" is not a count`},
		{[]string{"--owner-pays", "5/1h", "--caller-pays-only"}, "ownerPays with callerPays"},
	} {
		if _, _, err := deploy(tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("deploy %v: %v, want %q", tc.args, err, tc.want)
		}
	}
}

package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// wf logs shows each request's query; --status filters; --follow prints
// invocations made after it started, until its context ends.
func TestLogsFollowAndFilter(t *testing.T) {
	k, _ := chain.GenerateKey()
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Key: k}})
	home := t.TempDir()
	mod := filepath.Join(t.TempDir(), "hello.wasm")
	os.WriteFile(mod, templates.HelloWasm, 0o644)
	out, err := wf(t, map[string]string{"WF_HOME": home}, "deploy", mod, "--provider", env.URL, "--key", "dev")
	if err != nil {
		t.Fatal(err)
	}
	fn := cidRE.FindString(out)
	get(t, env.URL+"/"+fn+"/?name=first", "")

	logs, err := wf(t, nil, "logs", fn, "--provider", env.URL, "--key", "dev")
	if err != nil || !strings.Contains(logs, "/?name=first 200") {
		t.Fatalf("wf logs: %v\n%s", err, logs)
	}
	if logs, err := wf(t, nil, "logs", fn, "--provider", env.URL, "--key", "dev", "--status", "5xx,402"); err != nil || logs != "" {
		t.Errorf("--status 5xx,402 shows %q (%v), want nothing", logs, err)
	}
	if _, err := wf(t, nil, "logs", fn, "--provider", env.URL, "--key", "dev", "--status", "2yy"); err == nil {
		t.Error("--status 2yy accepted")
	}

	// By name: the signer's NAME, @OWNER/NAME, and the name in ./wf.toml.
	if _, err := wf(t, map[string]string{"WF_HOME": home}, "name", "set", "hello", fn, "--provider", env.URL, "--key", "dev"); err != nil {
		t.Fatal(err)
	}
	proj := t.TempDir()
	os.WriteFile(filepath.Join(proj, "wf.toml"), []byte("name = \"hello\"\n"), 0o644)
	devKey, err := chain.KeyFromHex(cli.DevKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"hello"}, {"@" + devKey.Address().Checksum() + "/hello"}, {"in the project"}} {
		if args[0] == "in the project" {
			t.Chdir(proj)
			args = nil
		}
		logs, err := wf(t, nil, append(append([]string{"logs"}, args...), "--provider", env.URL, "--key", "dev")...)
		if err != nil || !strings.Contains(logs, "/?name=first 200") {
			t.Errorf("wf logs %v: %v\n%s", args, err, logs)
		}
	}
	if _, err := wf(t, nil, "logs", "nosuchname", "--provider", env.URL, "--key", "dev"); err == nil || !strings.Contains(err.Error(), "nosuchname") {
		t.Errorf("wf logs of a name nobody set: %v", err)
	}
	t.Chdir(t.TempDir())
	if _, err := wf(t, nil, "logs", "--provider", env.URL, "--key", "dev"); err == nil || !strings.Contains(err.Error(), "no name in ./wf.toml") {
		t.Errorf("wf logs outside a project: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var buf wftest.LogBuffer
	app := &cli.App{Stdout: &buf, Stderr: &buf, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"logs", fn, "--provider", env.URL, "--key", "dev", "--follow", "--interval", "100ms"})
	}()
	waitFor(t, &buf, "name=first")
	get(t, env.URL+"/"+fn+"/?name=later", "")
	waitFor(t, &buf, "name=later")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("wf logs --follow ended with %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("wf logs --follow did not stop when its context ended")
	}
	if n := strings.Count(buf.String(), "name=first"); n != 1 {
		t.Errorf("--follow printed the first invocation %d times:\n%s", n, buf.String())
	}
}

func waitFor(t *testing.T, buf *wftest.LogBuffer, s string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(buf.String(), s); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q within 10 s:\n%s", s, buf.String())
		}
	}
}

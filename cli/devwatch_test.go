package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/wftest"
)

// TestDevWatch: wf dev --watch serves a Go project by its name, serves an
// edit after a save, shows a broken build while the last good version
// keeps serving, and serves the fix.
func TestDevWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go function three times")
	}
	home := t.TempDir()
	dir := filepath.Join(t.TempDir(), "hello")
	env := map[string]string{"WF_HOME": home}
	if _, err := wf(t, env, "init", "--lang", "go", dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out wftest.LogBuffer
	ready := make(chan string, 1)
	app := &cli.App{Stdout: &out, Stderr: &out, Getenv: func(k string) string { return env[k] }, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"dev", "--listen", "127.0.0.1:0", "--gateway-listen", "127.0.0.1:0", "--watch", dir})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("wf dev did not shut down cleanly: %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("wf dev exited: %v\n%s", err, out.String())
	case <-time.After(120 * time.Second):
		t.Fatalf("wf dev --watch did not start in 120 s:\n%s", out.String())
	}
	urls := regexp.MustCompile(`curl (http://\S+/@0x[0-9a-fA-F]{40}/hello/)`).FindAllStringSubmatch(out.String(), -1)
	if len(urls) != 2 {
		t.Fatalf("want the name's URL on the provider and through the gateway:\n%s", out.String())
	}
	direct, viaGateway := urls[0][1], urls[1][1]
	for _, u := range []string{direct, viaGateway} {
		if code, body := get(t, u+"?name=you", ""); code != 200 || body != "Hello, you!\n" {
			t.Fatalf("%s: %d %q\n%s", u, code, body, out.String())
		}
	}

	// waitFor polls the name until it answers want, and says how long that took.
	waitFor := func(u, want string, since time.Time) time.Duration {
		t.Helper()
		for time.Since(since) < 90*time.Second {
			if code, body := get(t, u+"?name=you", ""); code == 200 && body == want {
				return time.Since(since)
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s never answered %q:\n%s", u, want, out.String())
		return 0
	}
	mainGo := filepath.Join(dir, "main.go")
	src, err := os.ReadFile(mainGo)
	if err != nil {
		t.Fatal(err)
	}
	save := func(s string) time.Time {
		t.Helper()
		if err := os.WriteFile(mainGo, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return time.Now()
	}
	edited := strings.Replace(string(src), `"Hello, %s!\n"`, `"Howdy, %s!\n"`, 1)
	if edited == string(src) {
		t.Fatal("the template's greeting moved; update the test")
	}
	saved := save(edited)
	t.Logf("a save served after %v (direct)", waitFor(direct, "Howdy, you!\n", saved))
	waitFor(viaGateway, "Howdy, you!\n", saved)

	// A broken build is shown and the last good version keeps serving.
	before := len(out.String())
	save(edited + "\nfunc broken( {\n")
	deadline := time.Now().Add(90 * time.Second)
	for !strings.Contains(out.String()[before:], "build failed") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	shown := out.String()[before:]
	if !strings.Contains(shown, "build failed") || !strings.Contains(shown, "main.go") || !strings.Contains(shown, "still points where it did") {
		t.Fatalf("the broken build was not shown with the compiler's error:\n%s", shown)
	}
	if code, body := get(t, direct+"?name=you", ""); code != 200 || body != "Howdy, you!\n" {
		t.Fatalf("while the build is broken: %d %q", code, body)
	}

	saved = save(strings.Replace(string(src), `"Hello, %s!\n"`, `"Hi, %s!\n"`, 1))
	t.Logf("the fix served after %v", waitFor(direct, "Hi, you!\n", saved))
	// One save, one deploy: the build's own output (and go build's
	// temporary beside it) must not wake the watcher again.
	time.Sleep(time.Second)
	if n := strings.Count(out.String(), " changed\n"); n != 3 {
		t.Errorf("%d rebuilds for 3 saves:\n%s", n, out.String())
	}
	for _, l := range regexp.MustCompile(`serving \S+ as .*`).FindAllString(out.String(), -1) {
		t.Log(l)
	}
}

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

// The "done when": wf init --lang js hello && wf deploy hello
// answers curl on wf dev; TypeScript and a single worker file too.
func TestInitDeployInvokeJS(t *testing.T) {
	url, _ := startDev(t, t.TempDir())
	for _, lang := range []string{"js", "ts"} {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "hello")
			if _, err := wf(t, nil, "init", "--lang", lang, dir); err != nil {
				t.Fatal(err)
			}
			out, err := wf(t, nil, "deploy", dir, "--provider", url, "--key", "dev", "--env", "GREETING=Hi")
			if err != nil {
				t.Fatal(err)
			}
			fn := cidRE.FindString(out)
			if fn == "" {
				t.Fatalf("deploy printed no CID: %q", out)
			}
			out, err = wf(t, nil, "invoke", fn, "--provider", url, "-d", "gopher")
			if err != nil || out != "Hi, gopher!\n" {
				t.Fatalf("invoke: %v %q", err, out)
			}
			if status, body := get(t, url+"/"+fn+"/?name=you", ""); status != 200 || body != "Hi, you!\n" {
				t.Fatalf("GET: %d %q", status, body)
			}
			if _, err := os.Stat(filepath.Join(dir, "dist", "worker.js")); err != nil {
				t.Fatalf("no bundle written: %v", err)
			}
		})
	}
	t.Run("file", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "util.ts"), []byte(`export const shout = (s: string): string => s.toUpperCase();`), 0o644)
		worker := filepath.Join(dir, "worker.ts")
		os.WriteFile(worker, []byte(`import { shout } from "./util";
export default { fetch(req: Request): Response { return new Response(shout(new URL(req.url).pathname)); } };`), 0o644)
		out, err := wf(t, nil, "deploy", worker, "--provider", url, "--key", "dev")
		if err != nil {
			t.Fatal(err)
		}
		fn := cidRE.FindString(out)
		if status, body := get(t, url+"/"+fn+"/a/b", ""); status != 200 || !strings.Contains(body, "/A/B") {
			t.Fatalf("GET: %d %q", status, body)
		}
	})
}

// TestDevWatchJS: wf dev --watch serves a JavaScript project by name,
// serves an edit after a save, and the bundle it writes (dist/worker.js)
// does not wake the watcher again.
func TestDevWatchJS(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(t.TempDir(), "hello")
	env := map[string]string{"WF_HOME": home}
	if _, err := wf(t, env, "init", "--lang", "js", dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out wftest.LogBuffer
	ready := make(chan string, 1)
	app := &cli.App{Stdout: &out, Stderr: &out, Getenv: func(k string) string { return env[k] }, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"dev", "--listen", "127.0.0.1:0", "--gateway-listen", "127.0.0.1:0", "--dashboard-listen", "127.0.0.1:0", "--watch", dir})
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
	m := regexp.MustCompile(`curl (http://\S+/@0x[0-9a-fA-F]{40}/hello/)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no URL for the name:\n%s", out.String())
	}
	u := m[1]
	if code, body := get(t, u+"?name=you", ""); code != 200 || body != "Hello, you!\n" {
		t.Fatalf("%d %q\n%s", code, body, out.String())
	}
	index := filepath.Join(dir, "src", "index.js")
	src, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), `env.GREETING || "Hello"`, `env.GREETING || "Howdy"`, 1)
	if edited == string(src) {
		t.Fatal("the template's greeting moved; update the test")
	}
	if err := os.WriteFile(index, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if code, body := get(t, u+"?name=you", ""); code == 200 && body == "Howdy, you!\n" {
			t.Logf("a save served after %v", time.Since(start))
			break
		}
		if time.Since(start) > 60*time.Second {
			t.Fatalf("the edit was never served:\n%s", out.String())
		}
	}
	time.Sleep(time.Second)
	if n := strings.Count(out.String(), " changed\n"); n != 1 {
		t.Errorf("%d rebuilds for 1 save:\n%s", n, out.String())
	}
}

package cli_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
)

// syncBuffer is a bytes.Buffer safe for a command writing while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// wf runs one command line and returns its stdout.
func wf(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &cli.App{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	err := app.Run(context.Background(), args)
	if testing.Verbose() {
		t.Logf("wf %s\n%s%s", strings.Join(args, " "), out.String(), errOut.String())
	}
	return out.String(), err
}

var cidRE = regexp.MustCompile(`baga[a-z2-7]{50,}`)

// startDev runs `wf dev` until the test ends and returns its URL and stdout.
func startDev(t *testing.T, home string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	ready := make(chan string, 1)
	app := &cli.App{Stdout: &out, Stderr: io.Discard, Getenv: func(k string) string {
		if k == "WF_HOME" {
			return home
		}
		return ""
	}, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, []string{"dev", "--listen", "127.0.0.1:0"}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("wf dev did not shut down cleanly: %v", err)
		}
	})
	select {
	case url := <-ready:
		return url, out.String()
	case err := <-done:
		t.Fatalf("wf dev exited: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("wf dev did not start in 60s")
	}
	return "", ""
}

func get(t *testing.T, url string, body string) (int, string) {
	t.Helper()
	method := "GET"
	if body != "" {
		method = "POST"
	}
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestDevPrintsAWorkingCurlLine(t *testing.T) {
	url, out := startDev(t, t.TempDir())
	fn := cidRE.FindString(out)
	if fn == "" {
		t.Fatalf("no function CID in wf dev's output:\n%s", out)
	}
	line := regexp.MustCompile(`curl '([^']+)'`).FindStringSubmatch(out)
	if line == nil || !strings.HasPrefix(line[1], url+"/"+fn) {
		t.Fatalf("no curl line for %s in:\n%s", fn, out)
	}
	if status, body := get(t, line[1], ""); status != 200 || body != "Hello, you!\n" {
		t.Fatalf("the printed curl line answered %d %q", status, body)
	}
	logs, err := wf(t, nil, "logs", fn, "--provider", url, "--key", "dev")
	if err != nil || !strings.Contains(logs, "greeting you") {
		t.Fatalf("wf logs: %v\n%s", err, logs)
	}
}

func TestInitDeployInvokeGo(t *testing.T) {
	url, _ := startDev(t, t.TempDir())
	dir := filepath.Join(t.TempDir(), "hello")
	if _, err := wf(t, nil, "init", "--lang", "go", dir); err != nil {
		t.Fatal(err)
	}
	out, err := wf(t, nil, "deploy", dir, "--provider", url, "--key", "dev", "--env", "GREETING=hi", "--timeout", "5s")
	if err != nil {
		t.Fatal(err)
	}
	fn := cidRE.FindString(out)
	if fn == "" {
		t.Fatalf("deploy printed no CID: %q", out)
	}
	out, err = wf(t, nil, "invoke", fn, "--provider", url, "-d", "gopher")
	if err != nil || out != "Hello, gopher!\n" {
		t.Fatalf("invoke: %v %q", err, out)
	}
	// The deployed code CID is what `wf pack` computes for the module.
	code, err := wf(t, nil, "pack", filepath.Join(dir, "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	status, body := get(t, url+"/ipfs/"+strings.TrimSpace(code)+"?format=raw", "")
	if status != 200 || len(body) == 0 {
		t.Errorf("the provider does not serve the code block %s: %d", code, status)
	}
}

func TestPackIsKuboCompatible(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o644)
	out, err := wf(t, nil, "pack", empty)
	// `ipfs add --cid-version=1` of an empty file.
	if err != nil || strings.TrimSpace(out) != "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" {
		t.Fatalf("pack empty file: %v %q", err, out)
	}
	car := filepath.Join(dir, "out.car")
	if _, err := wf(t, nil, "pack", "--car", car, empty); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(car); err != nil || st.Size() == 0 {
		t.Fatalf("no CAR written: %v", err)
	}
}

func TestKeys(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "correct horse"}
	addr, err := wf(t, env, "keys", "new")
	if err != nil || !regexp.MustCompile(`^0x[0-9a-fA-F]{40}\n$`).MatchString(addr) {
		t.Fatalf("keys new: %v %q", err, addr)
	}
	st, err := os.Stat(filepath.Join(home, "key.json"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("keystore: %v mode %v", err, st.Mode())
	}
	if shown, err := wf(t, env, "keys", "show"); err != nil || shown != addr {
		t.Fatalf("keys show: %v %q, want %q", err, shown, addr)
	}
	if _, err := wf(t, env, "keys", "new"); err == nil {
		t.Fatal("keys new overwrote an existing key")
	}
	if out, err := wf(t, env, "keys", "export"); err == nil || strings.Contains(out, "0x") {
		t.Fatalf("export without --yes: %v %q", err, out)
	}
	if out, err := wf(t, env, "keys", "export", "--yes"); err != nil || len(strings.TrimSpace(out)) != 66 {
		t.Fatalf("export --yes: %v (%d chars)", err, len(out))
	}
	bad := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "wrong"}
	if _, err := wf(t, bad, "keys", "show"); err == nil || !strings.Contains(err.Error(), "wrong keystore password") {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := wf(t, map[string]string{"WF_HOME": home}, "keys", "show"); err == nil || !strings.Contains(err.Error(), "WF_KEY_PASSWORD") {
		t.Fatalf("no password: %v", err)
	}
}

func TestErrorsAreOneClearLine(t *testing.T) {
	home := t.TempDir()
	url, _ := startDev(t, t.TempDir())
	mod := filepath.Join(t.TempDir(), "bad.wasm")
	os.WriteFile(mod, []byte("\x00asm\x01\x00\x00\x00garbage"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"deploy without a key", []string{"deploy", mod, "--provider", url}, "wf keys new"},
		{"deploy invalid wasm", []string{"deploy", mod, "--provider", url, "--key", "dev"}, "400 invalid_request: invalid WebAssembly module"},
		{"invoke bad cid", []string{"invoke", "nonsense", "--provider", url}, "invalid CID"},
		{"invoke unknown function", []string{"invoke", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea", "--provider", url}, "404 not_found"},
		{"provider down", []string{"invoke", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea", "--provider", "http://127.0.0.1:1"}, "connection refused"},
		{"init unknown lang", []string{"init", "--lang", "cobol", t.TempDir() + "/x"}, "unknown language"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := wf(t, map[string]string{"WF_HOME": home}, tc.args...)
			if err == nil {
				t.Fatal("succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q: want one line mentioning %q", err, tc.want)
			}
		})
	}
}

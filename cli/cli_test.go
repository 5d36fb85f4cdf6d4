package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/payment"
	wfcore "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// wf runs one command line and returns its stdout.
func wf(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &cli.App{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	// A command that should end but serves instead (wf dev given a port it
	// should refuse) fails the test here rather than hanging the package.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	err := app.Run(ctx, args)
	if ctx.Err() != nil {
		t.Errorf("wf %s: still running after 5 minutes", strings.Join(args, " "))
	}
	if testing.Verbose() {
		t.Logf("wf %s\n%s%s", strings.Join(args, " "), out.String(), errOut.String())
	}
	return out.String(), err
}

var cidRE = regexp.MustCompile(`baga[a-z2-7]{50,}`)

// startDev runs `wf dev` until the test ends and returns its URL and stdout.
func startDev(t *testing.T, home string, extra ...string) (string, string) {
	t.Helper()
	url, out, _ := startDevStop(t, home, extra...)
	return url, out
}

// startDevStop is startDev, also returning a function that stops wf dev
// (at once; it is stopped when the test ends otherwise).
func startDevStop(t *testing.T, home string, extra ...string) (string, string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out wftest.LogBuffer
	ready := make(chan string, 1)
	app := &cli.App{Stdout: &out, Stderr: io.Discard, Getenv: func(k string) string {
		if k == "WF_HOME" {
			return home
		}
		return ""
	}, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, append([]string{"dev", "--listen", "127.0.0.1:0", "--gateway-listen", "127.0.0.1:0"}, extra...))
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("wf dev did not shut down cleanly: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	select {
	case url := <-ready:
		return url, out.String(), stop
	case err := <-done:
		done <- err // for stop
		t.Fatalf("wf dev exited: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("wf dev did not start in 60s")
	}
	return "", "", nil
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

// curlClient resolves localhost and *.localhost to loopback as curl does
// (RFC 6761); Go's resolver asks DNS for *.localhost.
var curlClient = &http.Client{Transport: &http.Transport{
	DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, port, err := net.SplitHostPort(addr); err == nil && (host == "localhost" || strings.HasSuffix(host, ".localhost")) {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	},
}}

// TestDevPrintsWorkingCurlLines: every curl line `wf dev` prints answers,
// directly and through its gateway (named, tunnelled, auto-routed), and is
// paid for with a receipt signed by the provider that ran it.
func TestDevPrintsWorkingCurlLines(t *testing.T) {
	url, out := startDev(t, t.TempDir())
	fn := cidRE.FindString(out)
	if fn == "" {
		t.Fatalf("no function CID in wf dev's output:\n%s", out)
	}
	m := regexp.MustCompile(`Through the gateway at (http://localhost:(\d+)),`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no gateway in wf dev's output:\n%s", out)
	}
	gw, port := m[1], m[2]
	providers := map[string]*chain.Key{"dev": chain.DevKey(1), "tunnel": chain.DevKey(2)}
	tests := []struct {
		name, url string
		provider  string // who must answer; "" for any
		via       string // X-WF-Route's via; "" for none (direct)
	}{
		{"direct", url + "/" + fn + "/?name=you", "dev", ""},
		{"named by path", gw + "/p/dev/" + fn + "/?name=you", "dev", "endpoint"},
		{"named by host", "http://dev.localhost:" + port + "/" + fn + "/?name=you", "dev", "endpoint"},
		{"tunnelled", gw + "/p/tunnel/" + fn + "/?name=you", "tunnel", "tunnel"},
		{"auto-routed", gw + "/" + fn + "/?name=you", "", "any"},
	}
	printed := regexp.MustCompile(`curl (?:-i )?'([^']+)'`).FindAllStringSubmatch(out, -1)
	if len(printed) != len(tests) {
		t.Fatalf("%d curl lines, want %d:\n%s", len(printed), len(tests), out)
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if printed[i][1] != tc.url {
				t.Fatalf("printed %s, want %s", printed[i][1], tc.url)
			}
			// Signed receipts on request: by default a provider signs one
			// in --receipt-every of a payer's receipts.
			req, err := http.NewRequest(http.MethodGet, tc.url, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set(payment.SignReceiptHeader, "1")
			resp, err := curlClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || string(body) != "Hello, you!\n" {
				t.Fatalf("answered %d %q", resp.StatusCode, body)
			}
			route := routeFields(resp.Header.Get(wfcore.RouteHeader))
			who := tc.provider
			switch {
			case tc.via == "":
				if len(route) != 0 {
					t.Errorf("a direct answer has X-WF-Route %v", route)
				}
			case tc.provider == "":
				who = route["provider"]
				if !strings.HasPrefix(route["reason"], "has-function") {
					t.Errorf("X-WF-Route %q: want a provider that has the function", resp.Header.Get(wfcore.RouteHeader))
				}
			case route["provider"] != tc.provider || route["via"] != tc.via:
				t.Errorf("X-WF-Route %q: want provider=%s via=%s", resp.Header.Get(wfcore.RouteHeader), tc.provider, tc.via)
			}
			key, ok := providers[who]
			if !ok {
				t.Fatalf("answered by %q", who)
			}
			if p := resp.Header.Get(wfcore.PriceHeader); p != "100" {
				t.Errorf("%s %q, want 100", wfcore.PriceHeader, p)
			}
			rc, err := payment.DecodeReceipt(resp.Header.Get(wfcore.ReceiptHeader))
			if err != nil {
				t.Fatal(err)
			}
			if err := payment.VerifyReceipt(rc, key.Address()); err != nil || rc.RequestID.String() != resp.Header.Get(wfcore.RequestIDHeader) {
				t.Errorf("receipt not signed by %s for this request: %v", who, err)
			}
		})
	}
	for _, p := range []string{url, gw + "/p/tunnel"} {
		logs, err := wf(t, nil, "logs", fn, "--provider", p, "--key", "dev")
		if err != nil || !strings.Contains(logs, "greeting you") {
			t.Errorf("wf logs --provider %s: %v\n%s", p, err, logs)
		}
	}
}

// TestDevRestartsWithANewLedger: a new chain (--reset-chain) gets a new
// ledger, so neither provider brings charges from the last run into it;
// a resumed chain keeps the ledger: the next charge continues the last
// run's cumulative amount (TestDevKeepsItsChain).
func TestDevRestartsWithANewLedger(t *testing.T) {
	home := t.TempDir()
	for run := range 2 {
		t.Run(fmt.Sprint("run ", run+1), func(t *testing.T) {
			_, out, stop := startDevStop(t, home, "--reset-chain")
			defer stop()
			lines := regexp.MustCompile(`curl '([^']+/p/[a-z]+/[^']+)'`).FindAllStringSubmatch(out, -1)
			if len(lines) != 2 {
				t.Fatalf("want a /p/dev/ and a /p/tunnel/ line in:\n%s", out)
			}
			for _, line := range lines {
				resp, err := curlClient.Get(line[1])
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				rc, err := payment.DecodeReceipt(resp.Header.Get(wfcore.ReceiptHeader))
				if err != nil || rc.Cumulative.Int64() != 100 {
					t.Errorf("%s: first charge of the run: receipt %+v: %v", line[1], rc, err)
				}
			}
		})
	}
}

// routeFields parses an X-WF-Route header.
func routeFields(h string) map[string]string {
	f := map[string]string{}
	for _, kv := range strings.Split(h, ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
			f[k] = v
		}
	}
	return f
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

// A project directory packs without its dependencies, history and
// sealed secrets, at any depth; --all takes everything, as ipfs add -r
// --hidden does.
func TestPackSkipsNodeModules(t *testing.T) {
	full, clean := t.TempDir(), t.TempDir()
	for _, d := range []string{full, clean} {
		os.MkdirAll(filepath.Join(d, "sub"), 0o755)
		os.WriteFile(filepath.Join(d, "a.txt"), []byte("a"), 0o644)
		os.WriteFile(filepath.Join(d, "sub", "b.txt"), []byte("b"), 0o644)
	}
	for _, junk := range []string{"node_modules/x/index.js", ".git/HEAD", ".wf/secrets.json", "sub/node_modules/y.js"} {
		p := filepath.Join(full, junk)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("junk"), 0o644)
	}
	pack := func(args ...string) string {
		t.Helper()
		out, err := wf(t, nil, append([]string{"pack"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(out)
	}
	skipped, cleanAll, fullAll := pack(full), pack("--all", clean), pack("--all", full)
	if skipped != cleanAll {
		t.Errorf("wf pack of a project = %s, want %s (the same without node_modules, .git, .wf)", skipped, cleanAll)
	}
	if fullAll == skipped {
		t.Error("--all left the skipped directories out")
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
	script := filepath.Join(t.TempDir(), "hello.sh")
	os.WriteFile(script, []byte("#!/bin/sh\necho hi\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		// Refused before the key is even looked for, so before any signing or upload.
		{"deploy a script", []string{"deploy", script, "--provider", url}, "is not a WebAssembly module"},
		{"secret with an empty value", []string{"secrets", "set", "API_KEY", "--dir", filepath.Dir(mod)}, "the value of API_KEY is empty"},
		{"secrets in a directory that is not there", []string{"secrets", "set", "API_KEY", "--dir", filepath.Join(home, "nope")}, "--dir " + filepath.Join(home, "nope") + ": no such directory"},
		{"deploy without a key", []string{"deploy", mod, "--provider", url}, "wf keys new"},
		{"deploy invalid wasm", []string{"deploy", mod, "--provider", url, "--key", "dev"}, "400 invalid_request: invalid WebAssembly module"},
		{"invoke bad cid", []string{"invoke", "nonsense", "--provider", url}, "is not a CID"},
		{"invoke the code's cid", []string{"invoke", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", "--provider", url}, "is the CID of a file (the code, as wf pack and ipfs add print it), not a function's address: use the address wf deploy printed"},
		{"logs of the code's cid", []string{"logs", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", "--provider", url, "--key", "dev"}, "is the CID of a file"},
		{"invoke unknown function", []string{"invoke", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea", "--provider", url}, "404 not_found"},
		{"provider down", []string{"invoke", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea", "--provider", "http://127.0.0.1:1"}, "connection refused"},
		{"init unknown lang", []string{"init", "--lang", "cobol", t.TempDir() + "/x"}, "unknown language"},
		// Refused before the key is looked for, so before building or uploading.
		{"provider without scheme", []string{"deploy", mod, "--provider", "127.0.0.1:8080"}, "--provider 127.0.0.1:8080: a provider's URL starts with http:// or https://, e.g. http://127.0.0.1:8080"},
		{"WF_PROVIDER down", []string{"invoke", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea"}, "nothing answers at http://127.0.0.1:1 (connection refused): that is WF_PROVIDER"},
		{"key dev:N in logs", []string{"logs", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea", "--provider", "http://127.0.0.1:1", "--key", "dev:3"}, "nothing answers at http://127.0.0.1:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := wf(t, map[string]string{"WF_HOME": home, "WF_PROVIDER": "http://127.0.0.1:1"}, tc.args...)
			if err == nil {
				t.Fatal("succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q: want one line mentioning %q", err, tc.want)
			}
		})
	}
}

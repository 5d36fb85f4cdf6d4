package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/templates"
	wfpkg "github.com/webfunctions/wf/wf"
)

// hostileGateway is a real HTTP server in front of real nodes that
// forwards everything (GATEWAY/p/NAME/... to node NAME, the rest to
// node def) but answers /v1/info with its own sealing key, and keeps
// every body it is sent.
type hostileGateway struct {
	*httptest.Server
	kr *seal.Keyring // the key it substitutes

	mu     sync.Mutex
	bodies [][]byte
}

func newHostileGateway(t *testing.T, nodes map[string]string, def string) *hostileGateway {
	t.Helper()
	kr, err := seal.NewKeyring(seal.SuiteHybrid, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	h := &hostileGateway{kr: kr}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target, path := nodes[def], r.URL.Path
		if rest, ok := strings.CutPrefix(path, "/p/"); ok {
			name, p, _ := strings.Cut(rest, "/")
			target, path = nodes[name], "/"+p
		}
		b, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		if len(b) > 0 {
			h.bodies = append(h.bodies, b)
		}
		h.mu.Unlock()
		u, _ := url.Parse(target)
		rp := httputil.NewSingleHostReverseProxy(u)
		rp.ModifyResponse = func(resp *http.Response) error {
			if path != "/v1/info" {
				return nil
			}
			var info map[string]any
			if err := json.NewDecoder(resp.Body).Decode(&info); err != nil {
				return err
			}
			resp.Body.Close()
			info["sealingKey"] = kr.Current().String()
			nb, _ := json.Marshal(info)
			resp.Body = io.NopCloser(bytes.NewReader(nb))
			resp.ContentLength = int64(len(nb))
			resp.Header.Del("Content-Length")
			return nil
		}
		r.URL.Path, r.URL.RawPath = path, ""
		r.Body = io.NopCloser(bytes.NewReader(b))
		r.ContentLength = int64(len(b))
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(h.Close)
	return h
}

// seen returns how many bodies the gateway was sent, and fails the test
// if its own key opens anything in them.
func (h *hostileGateway) seen(t *testing.T) int {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, b := range h.bodies {
		for _, v := range testSecrets {
			if bytes.Contains(b, []byte(v)) {
				t.Fatal("a secret crossed the gateway in plaintext")
			}
		}
	}
	return len(h.bodies)
}

// TestSealingKeyFromRegistry: a gateway in front of a registered provider
// that answers /v1/info with its own sealing key gets nothing it can open.
// A URL alone is refused without --trust-endpoint-key and, with it, the
// substituted key is refused as not the registry's; a registered name or
// a gateway URL naming the provider seals to the registered key, and
// through that same gateway the deploy and the grant work.
func TestSealingKeyFromRegistry(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	net, err := devnet.Start(ctx, devnet.Config{Dir: t.TempDir(), ChainListen: "127.0.0.1:0",
		Nodes: []devnet.NodeConfig{{Name: "beta", Listen: "127.0.0.1:0"}, {Name: "gamma", Listen: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	home, dir := t.TempDir(), t.TempDir()
	ct := net.Chain.Contracts()
	contracts := filepath.Join(home, "contracts-under-test.json")
	b, _ := json.Marshal(map[string]any{"chainId": 1337, "token": ct.Token, "registry": ct.Registry, "escrow": ct.Escrow})
	if err := os.WriteFile(contracts, b, 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"WF_HOME": home, "WF_RPC": net.RPC, "WF_CONTRACTS": contracts}
	run := func(args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		app := &cli.App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
		err := app.Run(ctx, args)
		return out.String(), errOut.String(), err
	}
	os.WriteFile(filepath.Join(dir, "main.wasm"), templates.HelloWasm, 0o644)
	for k, v := range testSecrets {
		app := &cli.App{Stdin: strings.NewReader(v), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }}
		if err := app.Run(ctx, []string{"secrets", "set", k, "--dir", dir}); err != nil {
			t.Fatal(err)
		}
	}
	beta, gamma := net.Node("beta"), net.Node("gamma")
	gw := newHostileGateway(t, map[string]string{"beta": beta.URL, "gamma": gamma.URL}, "beta")
	wasm := filepath.Join(dir, "main.wasm")

	refused := []struct {
		name string
		args []string
		want string
	}{
		{"deploy to a URL", []string{"deploy", wasm, "--secrets", "--provider", gw.URL, "--key", "dev"}, "--trust-endpoint-key"},
		{"deploy to a trusted URL whose key is not the registry's", []string{"deploy", wasm, "--secrets", "--provider", gw.URL, "--trust-endpoint-key", "--key", "dev"}, `provider "beta", which is registered to the address it states`},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := run(tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error mentioning %q", err, tc.want)
			}
			if n := gw.seen(t); n != 0 {
				t.Fatalf("the gateway was sent %d bodies", n)
			}
		})
	}

	// Sealed to the registered keys: through the gateway, and by name.
	notOpenable := func(t *testing.T, s *wfpkg.Spec, openers ...*seal.Keyring) {
		t.Helper()
		if _, _, err := gw.kr.OpenGrant(s.Sealed.Grants, s.Owner); !errors.Is(err, seal.ErrNoGrant) {
			t.Fatalf("the gateway's key opens the function: %v", err)
		}
		for _, kr := range openers {
			dk, _, err := kr.OpenGrant(s.Sealed.Grants, s.Owner)
			if err != nil {
				t.Fatalf("the registered provider cannot open it: %v", err)
			}
			dk.Destroy()
		}
	}
	out, errOut, err := run("deploy", wasm, "--secrets", "--provider", gw.URL+"/p/beta", "--key", "dev")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, `registry entry of "beta"`) || gw.seen(t) == 0 {
		t.Fatalf("not sealed to the registry's key through the gateway:\n%s", errOut)
	}
	c1, err := wfpkg.ParseCID(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	notOpenable(t, fetch(t, beta.URL, c1), beta.Sealing())

	out, errOut, err = run("deploy", wasm, "--secrets", "--encrypt-code", "--provider", "beta", "--key", "dev")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "from its registry entry") || !strings.Contains(errOut, beta.URL) {
		t.Fatalf("deploy by name did not seal to the registry's key and upload to the endpoint:\n%s", errOut)
	}
	c2, _ := wfpkg.ParseCID(strings.TrimSpace(out))
	notOpenable(t, fetch(t, beta.URL, c2), beta.Sealing())

	// Grants: the same rules.
	_, _, err = run("secrets", "grant", c1.String(), "--provider", gw.URL+"/", "--trust-endpoint-key", "--from", beta.URL, "--key", "dev")
	if err == nil || !strings.Contains(err.Error(), "does not match the registry") {
		t.Fatalf("grant to a trusted URL with a substituted key: %v", err)
	}
	_, _, err = run("secrets", "grant", c1.String(), "--provider", gw.URL, "--from", beta.URL, "--key", "dev")
	if err == nil || !strings.Contains(err.Error(), "--trust-endpoint-key") {
		t.Fatalf("grant to a URL: %v", err)
	}
	for _, target := range []string{gw.URL + "/p/gamma", "gamma"} {
		out, errOut, err = run("secrets", "grant", c1.String(), "--provider", target, "--from", beta.URL, "--upload", beta.URL, "--key", "dev")
		if err != nil {
			t.Fatalf("grant --provider %s: %v\n%s", target, err, errOut)
		}
		c3, _ := wfpkg.ParseCID(strings.TrimSpace(out))
		notOpenable(t, fetch(t, beta.URL, c3), beta.Sealing(), gamma.Sealing())
	}
}

// The sealed deploy `wf dev` prints works as printed, by name and through
// its gateway to the tunnelled provider: no flag needed beyond --rpc.
func TestDevSealedDeployLine(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	_, out := startDev(t, home)
	m := regexp.MustCompile(`wf deploy hello --secrets --provider dev --rpc (\S+) --key dev`).FindStringSubmatch(out)
	g := regexp.MustCompile(`--provider (\S+/p/tunnel):`).FindStringSubmatch(out)
	if m == nil || g == nil {
		t.Fatalf("no sealed deploy lines in wf dev's output:\n%s", out)
	}
	env := map[string]string{"WF_HOME": home}
	run := func(stdin string, args ...string) (string, string, error) {
		var o, e bytes.Buffer
		app := &cli.App{Stdin: strings.NewReader(stdin), Stdout: &o, Stderr: &e, Getenv: func(k string) string { return env[k] }}
		err := app.Run(context.Background(), args)
		return o.String(), e.String(), err
	}
	if _, _, err := run("sk-dev-0123456789", "secrets", "set", "API_KEY", "--dir", dir); err != nil {
		t.Fatal(err)
	}
	wasm := filepath.Join(dir, "main.wasm")
	os.WriteFile(wasm, templates.HelloWasm, 0o644)
	for _, target := range []string{"dev", g[1]} {
		out, errOut, err := run("", "deploy", wasm, "--secrets", "--provider", target, "--rpc", m[1], "--key", "dev")
		if err != nil || !cidRE.MatchString(out) {
			t.Fatalf("deploy --provider %s: %v\n%s%s", target, err, out, errOut)
		}
	}
	// A project with a name, deployed through the gateway's /p/tunnel as
	// the banner says: the name goes the same way (not to the answer's
	// tunnel.localhost URL, which this machine need not resolve).
	os.WriteFile(filepath.Join(dir, "wf.toml"), []byte("name = \"hello\"\n[build]\ncommand = \"true\"\n"), 0o644)
	out, errOut, err := run("", "deploy", dir, "--secrets", "--provider", g[1], "--rpc", m[1], "--key", "dev")
	if err != nil || !strings.Contains(errOut, "moved the name hello") {
		t.Fatalf("deploy a named project through %s: %v\n%s%s", g[1], err, out, errOut)
	}
}

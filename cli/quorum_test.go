package cli_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/templates"
	wfpkg "github.com/webfunctions/wf/wf"
)

// TestSealRefusesLyingRPC: `wf deploy --secrets --provider NAME` over three
// --rpc endpoints, one of which answers the registry entry with another
// sealing key, refuses to seal and names the endpoints; with all three
// honest (comma-separated this time) it seals to the registered key.
func TestSealRefusesLyingRPC(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	liar := &sim.RPCProxy{}
	net, err := devnet.Start(ctx, devnet.Config{Dir: t.TempDir(),
		ChainEndpoints: []func(http.Handler) http.Handler{nil, nil, func(h http.Handler) http.Handler { liar.Next = h; return liar }},
		Nodes:          []devnet.NodeConfig{{Name: "beta", Listen: "127.0.0.1:0"}}})
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
	env := map[string]string{"WF_HOME": home, "WF_CONTRACTS": contracts}
	run := func(args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		app := &cli.App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
		err := app.Run(ctx, args)
		return out.String(), errOut.String(), err
	}
	wasm := filepath.Join(dir, "main.wasm")
	os.WriteFile(wasm, templates.HelloWasm, 0o644)
	for k, v := range testSecrets {
		app := &cli.App{Stdin: strings.NewReader(v), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }}
		if err := app.Run(ctx, []string{"secrets", "set", k, "--dir", dir}); err != nil {
			t.Fatal(err)
		}
	}
	beta := net.Node("beta")
	theirs, err := seal.NewKeyring(seal.SuiteHybrid, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	real, fake := hex.EncodeToString(beta.Sealing().Current().Bytes()), hex.EncodeToString(theirs.Current().Bytes())
	if len(real) != len(fake) {
		t.Fatalf("keys of different sizes: %d, %d", len(real), len(fake))
	}
	liar.SetRewrite(func(method string, _ []json.RawMessage, r json.RawMessage) json.RawMessage {
		return json.RawMessage(strings.ReplaceAll(string(r), real, fake))
	})
	rpcs := net.RPCs
	_, _, err = run("deploy", wasm, "--secrets", "--provider", "beta", "--rpc", rpcs[0], "--rpc", rpcs[1], "--rpc", rpcs[2], "--key", "dev")
	if err == nil || !strings.Contains(err.Error(), "disagree") || !strings.Contains(err.Error(), strings.TrimPrefix(rpcs[2], "http://")) {
		t.Fatalf("deploy through a lying RPC: %v, want a disagreement naming %s", err, rpcs[2])
	}
	// 2 of 3 outvote the liar.
	out, errOut, err := run("deploy", wasm, "--secrets", "--provider", "beta", "--rpc", strings.Join(rpcs, ","), "--rpc-quorum", "2", "--key", "dev")
	if err != nil || !strings.Contains(errOut, "from its registry entry") {
		t.Fatalf("2 of 3: %v\n%s%s", err, out, errOut)
	}
	liar.SetRewrite(nil)
	env["WF_RPC"] = strings.Join(rpcs, ",")
	out, errOut, err = run("deploy", wasm, "--secrets", "--provider", "beta", "--key", "dev")
	if err != nil || !strings.Contains(errOut, "from its registry entry") {
		t.Fatalf("all honest: %v\n%s%s", err, out, errOut)
	}
	c, err := wfpkg.ParseCID(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	s := fetch(t, beta.URL, c)
	if _, _, err := theirs.OpenGrant(s.Sealed.Grants, s.Owner); err == nil {
		t.Fatal("the liar's key opens the function")
	}
	dk, _, err := beta.Sealing().OpenGrant(s.Sealed.Grants, s.Owner)
	if err != nil {
		t.Fatalf("beta cannot open it: %v", err)
	}
	dk.Destroy()
}

// TestGatewayStartRefusesForgedRoute: `wf gateway start` over three --rpc
// endpoints, one of which says an attacker owns beta from the start, starts
// and answers beta with 502 chain_disagreement; once the liar is honest the
// gateway routes beta.
func TestGatewayStartRefusesForgedRoute(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	liar := &sim.RPCProxy{}
	net, err := devnet.Start(ctx, devnet.Config{Dir: t.TempDir(),
		ChainEndpoints: []func(http.Handler) http.Handler{nil, nil, func(h http.Handler) http.Handler { liar.Next = h; return liar }},
		Nodes:          []devnet.NodeConfig{{Name: "beta", Listen: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	beta := net.Node("beta")
	owner, attacker := strings.ToLower(beta.Key.Address().Checksum()[2:]), strings.ToLower(net.Chain.Accounts()[0].Address().Checksum()[2:])
	liar.SetRewrite(func(method string, _ []json.RawMessage, r json.RawMessage) json.RawMessage {
		return json.RawMessage(strings.ReplaceAll(string(r), owner, attacker))
	})
	home := t.TempDir()
	ct := net.Chain.Contracts()
	contracts := filepath.Join(home, "contracts-under-test.json")
	b, _ := json.Marshal(map[string]any{"chainId": 1337, "token": ct.Token, "registry": ct.Registry, "escrow": ct.Escrow})
	if err := os.WriteFile(contracts, b, 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"WF_HOME": home, "WF_CONTRACTS": contracts}
	ready := make(chan string, 1)
	var stderr bytes.Buffer
	app := &cli.App{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(k string) string { return env[k] },
		Ready: func(u string) { ready <- u }}
	gctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- app.Run(gctx, []string{"gateway", "start", "--domain", "localhost", "--listen", "127.0.0.1:0", "--allow-private", "--poll", "50ms",
			"--rpc", strings.Join(net.RPCs, ","), "--log-level", "debug"})
	}()
	t.Cleanup(func() { stop(); <-done })
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("gateway start: %v\n%s", err, stderr.String())
	}
	u := strings.Replace(base, "127.0.0.1", "localhost", 1) + "/p/beta/v1/info"
	get := func() (int, string) {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if s, body := get(); s != http.StatusBadGateway || !strings.Contains(body, `"chain_disagreement"`) {
		t.Fatalf("forged owner: %d %s, want 502 chain_disagreement", s, body)
	}
	liar.SetRewrite(nil)
	deadline := time.Now().Add(10 * time.Second)
	for {
		s, body := get()
		if s == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("all honest: %d %s", s, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

package devnet_test

import (
	"bytes"
	"context"
	"net"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/wftest"
)

// TestNewcomerPath walks the README's path as a new user does, from an
// empty home directory and with no terminal, and asserts each fix of the
// newcomer's stumbles (issue 20): wf dev moves off a taken port and
// commands find it (provider and chain) without flags; a key made after
// wf dev started is funded with no faucet; wf init's next step names wf
// dev's provider; a deploy with your own key answers 402 with the fix
// printed by wf invoke, and a paid 200 after running the fix; the code
// CID pasted for the function's gets an error that says which is which;
// wf logs --follow shows the refused request and the paid one, with
// their queries, and then new ones as they come.
func TestNewcomerPath(t *testing.T) {
	if testing.Short() {
		t.Skip("runs wf dev")
	}
	home, work := t.TempDir(), t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "newcomer"} // no terminal
	run := func(args ...string) (string, error) {
		t.Helper()
		var out bytes.Buffer
		app := &cli.App{Stdout: &out, Stderr: &out, Getenv: func(k string) string { return env[k] }}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		err := app.Run(ctx, args)
		if err != nil {
			out.WriteString("\nerror: " + err.Error())
		}
		return out.String(), err
	}

	// Port 8080 taken (by this test, or by something else already).
	if ln, err := net.Listen("tcp", "127.0.0.1:8080"); err == nil {
		defer ln.Close()
	}
	// wf dev with every default: each taken default port moves.
	var devOut wftest.LogBuffer
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	dev := &cli.App{Stdout: &devOut, Stderr: &bytes.Buffer{}, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
	done := make(chan error, 1)
	go func() { done <- dev.Run(ctx, []string{"dev"}) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("wf dev: %v", err)
		}
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		done <- err
		t.Fatalf("wf dev stopped: %v", err)
	case <-time.After(90 * time.Second):
		t.Fatal("wf dev not ready in 90 s")
	}
	if strings.HasSuffix(url, ":8080") || !strings.Contains(devOut.String(), "WebFunctions dev provider: "+url) {
		t.Fatalf("wf dev on a taken port: %s\n%s", url, devOut.String())
	}

	// Your own key, made while wf dev runs: funded without a faucet.
	if out, err := run("keys", "new"); err != nil {
		t.Fatal(out)
	}
	fix := regexp.MustCompile(`wf escrow deposit (\S+) && wf escrow approve dev --budget (\S+)`)
	waitFor(t, &devOut, "Your own key")
	m := fix.FindStringSubmatch(devOut.String())
	if m == nil {
		t.Fatalf("wf dev does not say how to pay with your key:\n%s", devOut.String())
	}
	if who, err := run("whoami"); err != nil || !strings.Contains(who, "gas      10 ETH") || !strings.Contains(who, "wallet   1000.000000 USDC") {
		t.Fatalf("wf whoami (no --rpc): %v\n%s", err, who)
	}

	// wf init's next step is wf dev's provider, wherever it moved.
	dir := filepath.Join(work, "hello")
	out, err := run("init", "--lang", "js", dir)
	if err != nil || !strings.Contains(out, "next: wf deploy "+dir+" --provider "+url+" ") {
		t.Fatalf("wf init: %v\n%s", err, out)
	}
	// Deploy with your own key, no --provider: to wf dev's.
	out, err = run("deploy", dir)
	if err != nil {
		t.Fatal(out)
	}
	fn := regexp.MustCompile(`deployed (baga[a-z2-7]+)`).FindStringSubmatch(out)
	if fn == nil || !strings.Contains(out, url+"/") {
		t.Fatalf("wf deploy to wf dev's provider:\n%s", out)
	}
	// Not paid for yet: 402, and wf invoke prints the fix.
	out, err = run("invoke", fn[1], "/?name=unpaid")
	if err == nil || !strings.Contains(out, "402") || !strings.Contains(out, "fix: ") || !strings.Contains(out, "wf escrow approve") {
		t.Fatalf("wf invoke before paying: %v\n%s", err, out)
	}
	// The fix wf dev printed, as printed; then a paid 200.
	for _, args := range [][]string{{"escrow", "deposit", m[1]}, {"escrow", "approve", "dev", "--budget", m[2]}} {
		if out, err := run(args...); err != nil {
			t.Fatal(out)
		}
	}
	// The provider reads an owner's allowance again after its cache's
	// 2 s (payment.DefaultCacheTTL), serving a stale read for up to 2 s
	// more: the 402 above may be answered again for that long.
	for deadline := time.Now().Add(6 * time.Second); ; time.Sleep(250 * time.Millisecond) {
		out, err = run("invoke", fn[1], "/?name=paid")
		if err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil || !strings.Contains(out, "paid") {
		t.Fatalf("wf invoke after paying: %v\n%s", err, out)
	}

	// The code CID (what wf pack prints for the built file) pasted where
	// the function's belongs: the error says which is which and names the
	// function deployed with that code.
	out, err = run("pack", filepath.Join(dir, "dist", "worker.js"))
	code := regexp.MustCompile(`baf[a-z2-7]+`).FindString(out)
	if err != nil || code == "" {
		t.Fatalf("wf pack: %v\n%s", err, out)
	}
	out, err = run("invoke", code)
	if err == nil || !strings.Contains(out, "the CID of a file (the code") || !strings.Contains(out, "use the address wf deploy printed") || !strings.Contains(out, fn[1]) {
		t.Fatalf("wf invoke CODE-CID: %v\n%s", err, out)
	}

	// wf logs --follow: the refused request and the paid one, with their
	// queries, then a new one as it comes.
	var logs wftest.LogBuffer
	lctx, lcancel := context.WithCancel(context.Background())
	ldone := make(chan error, 1)
	la := &cli.App{Stdout: &logs, Stderr: &logs, Getenv: func(k string) string { return env[k] }}
	go func() { ldone <- la.Run(lctx, []string{"logs", fn[1], "--follow", "--interval", "100ms"}) }()
	waitFor(t, &logs, "/?name=unpaid 402")
	waitFor(t, &logs, "/?name=paid 200")
	if out, err := run("invoke", fn[1], "/?name=later"); err != nil {
		t.Fatal(out)
	}
	waitFor(t, &logs, "/?name=later 200")
	lcancel()
	if err := <-ldone; err != nil {
		t.Errorf("wf logs --follow: %v", err)
	}
}

func waitFor(t *testing.T, buf *wftest.LogBuffer, s string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(buf.String(), s); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q within 20 s:\n%s", s, buf.String())
		}
	}
}

package cli_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/templates"
	wfcore "github.com/webfunctions/wf/wf"
)

// A newcomer's own key on wf dev: wf dev funds it (ether for gas, USDC)
// and says how to pay, and a function deployed with it answers a paid
// 200 after the two commands the banner prints, with no faucet and no
// --rpc when the chain is on its default port.
func TestDevFundsYourOwnKey(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "pw-for-the-test"}
	if _, err := wf(t, env, "keys", "new"); err != nil {
		t.Fatal(err)
	}
	url, out := startDev(t, home)
	m := regexp.MustCompile(`Your own key (0x[0-9a-fA-F]{40}) .*\n.*\n  (wf escrow deposit [^&\n]*) && (wf escrow approve [^\n]*)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("wf dev says nothing about your own key:\n%s", out)
	}
	for _, line := range m[2:] {
		if _, err := wf(t, env, strings.Fields(line)[1:]...); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	// wf whoami shows what the key has and the approval just made.
	who, err := wf(t, env, "whoami")
	if err != nil || !strings.Contains(who, m[1]) || !strings.Contains(who, "wallet   900.000000 USDC") || !strings.Contains(who, " ETH\n") || !strings.Contains(who, "escrow   100.000000 USDC") ||
		!strings.Contains(who, "approved dev (") {
		t.Fatalf("wf whoami: %v\n%s", err, who)
	}
	mod := filepath.Join(t.TempDir(), "hello.wasm")
	os.WriteFile(mod, templates.HelloWasm, 0o644)
	out, err = wf(t, env, "deploy", mod, "--provider", url)
	if err != nil {
		t.Fatal(err)
	}
	fn := cidRE.FindString(out)
	if status, body := get(t, url+"/"+fn+"/?name=mine", ""); status != 200 || !strings.Contains(body, "mine") {
		t.Fatalf("a function deployed with your own key answers %d %s", status, body)
	}
}

// A key made while wf dev runs (the README's order: wf dev, then wf keys
// new in another terminal) is funded within a second or so, without a
// restart: wf whoami shows its ether and USDC.
func TestDevFundsAKeyMadeLater(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "pw-for-the-test"}
	startDev(t, home)
	if _, err := wf(t, env, "keys", "new"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		who, err := wf(t, env, "whoami")
		if err == nil && strings.Contains(who, "wallet   1000.000000 USDC") && strings.Contains(who, "gas      10 ETH") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a key made after wf dev started is not funded: %v\n%s", err, who)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// wf dev keeps its chain across restarts: your key's deposit and approval
// made on one run pay for your function on the next, with no funding,
// deposit or approval again; --reset-chain starts a new chain.
func TestDevKeepsItsChain(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "pw-for-the-test"}
	if _, err := wf(t, env, "keys", "new"); err != nil {
		t.Fatal(err)
	}
	// The example's charges: the dev provider's ledger goes on with the
	// chain, so a charge on the next run continues the cumulative amount
	// the publisher's receipts carry.
	charge := func(out string) int64 {
		t.Helper()
		m := regexp.MustCompile(`curl '(http://127\.0\.0\.1:\d+/baga[a-z2-7]+/)\?name=you'`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no example curl line in:\n%s", out)
		}
		resp, err := http.Get(m[1] + "?name=you")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		rc, err := payment.DecodeReceipt(resp.Header.Get(wfcore.ReceiptHeader))
		if err != nil {
			t.Fatalf("receipt: %v", err)
		}
		return rc.Cumulative.Int64()
	}
	_, out, stop := startDevStop(t, home)
	first := charge(out)
	for _, args := range [][]string{{"escrow", "deposit", "7"}, {"escrow", "approve", "dev", "--budget", "3"}} {
		if _, err := wf(t, env, args...); err != nil {
			t.Fatal(err)
		}
	}
	stop()

	url, out, stop := startDevStop(t, home)
	if next := charge(out); next != 2*first {
		t.Fatalf("the first charge after a restart is cumulative %d, want %d (the ledger went on)", next, 2*first)
	}
	if !strings.Contains(out, "Chain resumed from "+filepath.Join(home, "dev", "chain")) || !strings.Contains(out, "keeps on this chain what it had") {
		t.Fatalf("wf dev does not say it resumed its chain:\n%s", out)
	}
	who, err := wf(t, env, "whoami")
	if err != nil || !strings.Contains(who, "escrow   7.000000 USDC") || !strings.Contains(who, "wallet   993.000000 USDC") || !strings.Contains(who, "approved dev (") {
		t.Fatalf("after a restart: %v\n%s", err, who)
	}
	mod := filepath.Join(t.TempDir(), "hello.wasm")
	os.WriteFile(mod, templates.HelloWasm, 0o644)
	dep, err := wf(t, env, "deploy", mod, "--provider", url)
	if err != nil {
		t.Fatal(err)
	}
	if status, body := get(t, url+"/"+cidRE.FindString(dep)+"/?name=again", ""); status != 200 || !strings.Contains(body, "again") {
		t.Fatalf("paid by the escrow of the last run: %d %s", status, body)
	}
	stop()

	_, out, _ = startDevStop(t, home, "--reset-chain")
	if strings.Contains(out, "Chain resumed") {
		t.Fatalf("--reset-chain resumed:\n%s", out)
	}
	if who, err := wf(t, env, "whoami"); err != nil || !strings.Contains(who, "escrow   0.000000 USDC") {
		t.Fatalf("after --reset-chain: %v\n%s", err, who)
	}
}

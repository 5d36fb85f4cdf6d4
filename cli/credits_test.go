package cli_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wftest"
)

// TestDevCredits: on wf dev, provider "dev" (dev:1) grants a new user
// two requests' worth of credits from the command line; the user's first
// two paid requests are served on them (no receipt, the credits left in
// X-WF-Credits-Left), the third is charged to its own escrow; the node
// records the use on the contract by itself.
func TestDevCredits(t *testing.T) {
	home := t.TempDir()
	_, out := startDev(t, home)
	m := regexp.MustCompile(`curl '(http://127\.0\.0\.1:\d+)/(\w+)/\?name=you'`).FindStringSubmatch(out)
	r := regexp.MustCompile(`--rpc (http://\S+)`).FindStringSubmatch(out)
	if m == nil || r == nil {
		t.Fatalf("banner lacks the example or the chain:\n%s", out)
	}
	node, fn, rpc := m[1], m[2], r[1]
	env := map[string]string{"WF_HOME": home, "WF_RPC": rpc}
	user := chain.DevKey(7).Address().Checksum()
	if got := mustWF(t, env, "credits", "grant", user, "0.0002", "--key", "dev:1"); !strings.Contains(got, "granted 0.000200 USDC to "+user) {
		t.Fatalf("grant printed %q", got)
	}
	mustWF(t, env, "escrow", "deposit", "1", "--key", "dev:7")
	for i, want := range []string{"0.000100", "0", ""} {
		got := mustWF(t, env, "invoke", fn, "--provider", node, "--pay", "dev", "--key", "dev:7", "-i")
		left := regexp.MustCompile(`(?i)X-Wf-Credits-Left: (\d+)`).FindStringSubmatch(got)
		receipt := regexp.MustCompile(`(?i)X-Wf-Receipt:`).MatchString(got)
		switch {
		case want == "" && (left != nil || !receipt):
			t.Errorf("request %d, credits spent: want a receipt and no credits header:\n%s", i+1, got)
		case want != "" && (left == nil || receipt):
			t.Errorf("request %d: want credits left and no receipt:\n%s", i+1, got)
		case want == "0.000100" && left[1] != "100", want == "0" && left[1] != "0":
			t.Errorf("request %d: credits left %s, want %s", i+1, left[1], want)
		}
	}
	// The node records the use on the contract (every settle interval, 10s on wf dev).
	deadline := time.Now().Add(40 * time.Second)
	for {
		got := mustWF(t, env, "credits", "show", user, "dev")
		if strings.Contains(got, "0.000000 USDC of credits") && strings.Contains(got, "(0.000200 USDC spent)") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("credits show: %q", got)
		}
		time.Sleep(time.Second)
	}
}

// wf provider start --price serves on trial credits when a credits
// contract is known for its chain (here saved by wf contracts deploy
// --credits), names a wrong --credits address, and --credits off turns
// them off.
func TestProviderStartCredits(t *testing.T) {
	d := newDevChain(t)
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_RPC": d.url}
	mustWF(t, env, "contracts", "deploy", "--key", "dev:0", "--withdraw-delay", "1h", "--fee", "0.01", "--fee-sink", "rewards",
		"--rewards-auditor", chain.DevKey(6).Address().Checksum(), "--credits")
	start := func(extra ...string) *wftest.LogBuffer {
		logs := &wftest.LogBuffer{}
		args := append([]string{"provider", "start", "--price", "0.001", "--key", "dev:1", "--listen", "127.0.0.1:0", "--data", t.TempDir(),
			"--self-check", "off", "--no-renew"}, extra...)
		stop := runCommand(t, env, logs, args...)
		stop()
		return logs
	}
	if logs := start(); !strings.Contains(logs.String(), "trial credits on") {
		t.Errorf("a node on a chain with a saved credits contract did not serve credits:\n%s", logs)
	}
	if logs := start("--credits", "off"); strings.Contains(logs.String(), "trial credits on") {
		t.Errorf("--credits off:\n%s", logs)
	}
	_, _, err := wfErr(t, env, "provider", "start", "--price", "0.001", "--key", "dev:1", "--listen", "127.0.0.1:0", "--data", t.TempDir(),
		"--self-check", "off", "--credits", chain.DevKey(5).Address().Checksum())
	if err == nil || !strings.Contains(err.Error(), "no credits contract at") {
		t.Errorf("--credits naming an account: %v", err)
	}
}

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Joining a network: its contracts file is imported once, checked against
// the chain, and every command then finds the contracts with --rpc alone.
func TestContractsImport(t *testing.T) {
	d := newDevChain(t)
	file := d.env["WF_CONTRACTS"]
	env := map[string]string{"WF_HOME": t.TempDir()}
	if _, err := wf(t, env, "contracts", "show", "--rpc", d.url); err == nil || !strings.Contains(err.Error(), "no contracts known") {
		t.Fatalf("before import: %v", err)
	}
	out := mustWF(t, env, "contracts", "import", file, "--rpc", d.url)
	if !strings.Contains(out, "(0 providers)") || !strings.Contains(out, "saved in ") {
		t.Fatalf("import printed %q", out)
	}
	if out := mustWF(t, env, "contracts", "show", "--rpc", d.url); !strings.Contains(out, "chain     1337 at "+d.url) {
		t.Fatalf("show after import: %q", out)
	}

	var m map[string]any
	json.Unmarshal([]byte(readFile(t, file)), &m)
	write := func(change func(map[string]any)) string {
		c := map[string]any{}
		for k, v := range m {
			c[k] = v
		}
		change(c)
		b, _ := json.Marshal(c)
		p := filepath.Join(t.TempDir(), "c.json")
		os.WriteFile(p, b, 0o644)
		return p
	}
	for _, tc := range []struct {
		name   string
		change func(map[string]any)
		want   string
	}{
		{"another chain", func(c map[string]any) { c["chainId"] = 10 }, "the contracts are for chain 10, but the chain at"},
		{"no escrow there", func(c map[string]any) { c["escrow"] = addr(3) }, "no escrow contract at "},
		{"a typo", func(c map[string]any) { c["regsitry"] = c["registry"] }, "is not a contracts file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"WF_HOME": t.TempDir()}
			if _, err := wf(t, env, "contracts", "import", write(tc.change), "--rpc", d.url); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if _, err := os.Stat(filepath.Join(env["WF_HOME"], "contracts.json")); err == nil {
				t.Fatal("a refused import saved the addresses")
			}
		})
	}
}

// A key without ether is told how to get some, not go-ethereum's text alone.
func TestNoGasIsExplained(t *testing.T) {
	d := newDevChain(t)
	env := map[string]string{"WF_HOME": t.TempDir(), "WF_RPC": d.url, "WF_CONTRACTS": d.env["WF_CONTRACTS"], "WF_KEY_PASSWORD": "pw"}
	key := filepath.Join(env["WF_HOME"], "poor.json")
	mustWF(t, env, "keys", "new", "--key", key)
	_, err := wf(t, env, "send", "0.1", "ETH", addr(1), "--key", key)
	if err == nil || !strings.Contains(err.Error(), "the signing key has too little ether to pay for this transaction's gas") ||
		!strings.Contains(err.Error(), "wf send 0.01 ETH ADDRESS --key FUNDED") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("a send without gas: %v", err)
	}
}

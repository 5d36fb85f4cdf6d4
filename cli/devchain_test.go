package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsFindDevChain: wf dev's chain on a port of its own (as when
// 8545 is taken) is where wf commands with the same WF_HOME look, without
// --rpc, while wf dev runs; the record goes when it stops.
func TestCommandsFindDevChain(t *testing.T) {
	home := t.TempDir()
	startDev(t, home, "--chain-listen", "127.0.0.1:0")
	env := map[string]string{"WF_HOME": home}
	out, err := wf(t, env, "whoami", "--key", "dev")
	if err != nil || !strings.Contains(out, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266") || !strings.Contains(out, "escrow") {
		t.Fatalf("whoami against wf dev's moved chain: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(home, "dev-chain.json")); err != nil {
		t.Fatalf("no record of the dev chain: %v", err)
	}
}

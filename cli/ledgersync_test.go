package cli_test

import (
	"strings"
	"testing"
)

// TestLedgerSyncFlag: wf dev takes --ledger-sync as wf provider start
// does, and both refuse a negative interval before starting anything.
func TestLedgerSyncFlag(t *testing.T) {
	t.Setenv("WF_HOME", t.TempDir())
	for _, cmd := range [][]string{{"dev"}, {"provider", "start", "--price", "0.0001", "--key", "dev:1"}} {
		name := strings.Join(cmd[:1], " ")
		t.Run(name, func(t *testing.T) {
			help, _, err := run(append(append([]string{}, cmd...), "--help")...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(help, "--ledger-sync") {
				t.Fatalf("help lacks --ledger-sync:\n%s", help)
			}
			_, _, err = run(append(append([]string{}, cmd...), "--ledger-sync", "-1s")...)
			if err == nil || !strings.Contains(err.Error(), "--ledger-sync must not be negative") {
				t.Fatalf("--ledger-sync -1s: %v, want it refused", err)
			}
		})
	}
}

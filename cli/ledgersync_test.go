package cli_test

import (
	"strings"
	"testing"
)

// TestLedgerSyncFlag: wf dev takes --ledger-sync and --ledger-sum-owner as
// wf provider start does, and both refuse a negative interval, and sums
// without a sync to log them at, before starting anything.
func TestLedgerSyncFlag(t *testing.T) {
	t.Setenv("WF_HOME", t.TempDir())
	for _, cmd := range [][]string{{"dev"}, {"provider", "start", "--price", "0.0001", "--key", "dev:1"}} {
		name := strings.Join(cmd[:1], " ")
		t.Run(name, func(t *testing.T) {
			help, _, err := run(append(append([]string{}, cmd...), "--help")...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(help, "--ledger-sync") || !strings.Contains(help, "--ledger-sum-owner") {
				t.Fatalf("help lacks --ledger-sync or --ledger-sum-owner:\n%s", help)
			}
			_, _, err = run(append(append([]string{}, cmd...), "--ledger-sync", "-1s")...)
			if err == nil || !strings.Contains(err.Error(), "--ledger-sync must not be negative") {
				t.Fatalf("--ledger-sync -1s: %v, want it refused", err)
			}
			_, _, err = run(append(append([]string{}, cmd...), "--ledger-sync", "0", "--ledger-sum-owner")...)
			if err == nil || !strings.Contains(err.Error(), "needs --ledger-sync above zero") {
				t.Fatalf("--ledger-sync 0 --ledger-sum-owner: %v, want it refused", err)
			}
		})
	}
}

package ledger_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The ledger stores records of its own, so a change to the chain client's
// types cannot change what is on disk: of this module it imports only the
// vocabulary package wf.
func TestImportsOnlyWF(t *testing.T) {
	const mod = "github.com/webfunctions/wf/"
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, mod) && dep != mod+"wf" && dep != mod+"payment/ledger" {
			t.Errorf("ledger depends on %s", dep)
		}
	}
}

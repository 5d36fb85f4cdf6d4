package cli

import (
	"fmt"
	"strings"

	"github.com/webfunctions/wf/client"
)

// printFix prints, on stderr, the remedies a provider's error answer
// carries (a 402's "fix" and "orPayYourself"), which curl shows in the
// body and the one-line error would otherwise drop.
func (a *App) printFix(re *client.ResponseError) {
	for _, k := range []struct{ key, label string }{{"fix", "fix"}, {"orPayYourself", "or"}} {
		if s, ok := re.Details[k.key].(string); ok && s != "" {
			fmt.Fprintf(a.Stderr, "%s: %s\n", k.label, s)
		}
	}
}

// noGas rewrites a node's "insufficient funds for gas * price + value",
// which reaches here as go-ethereum's text, into what to do about it.
func noGas(err error) error {
	if err == nil || !strings.Contains(err.Error(), "insufficient funds for gas") {
		return err
	}
	return &userError{"the signing key has too little ether to pay for this transaction's gas (`wf whoami --key ...` shows its gas): " +
		"send it some from a funded key with `wf send 0.01 ETH ADDRESS --key FUNDED`; on geth --dev, `wf chain fund ADDRESS`; `wf dev` funds your own key at start " +
		"(the node said: " + oneLine(err.Error()) + ")", err}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

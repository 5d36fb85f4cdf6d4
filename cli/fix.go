package cli

import (
	"fmt"

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

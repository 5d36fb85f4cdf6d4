package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/spec"
)

func (a *App) statsCmd() *cobra.Command {
	var provider string
	var asJSON bool
	var kf *keyFlags
	cmd := &cobra.Command{
		Use:   "stats CID",
		Short: "your function's requests, errors, latency and cost on a provider",
		Long: `Show a function's traffic on a provider since the provider started:
requests (runs and refusals), errors (5xx), refusals (402 payment, 429
limits), counts by status, latency (mean, p50, p90, p99 as histogram
bucket bounds, and max) and what the charged runs came to. Only the
function's owner may read them; the read is signed like wf logs.

With --json, prints the provider's object (client.FunctionStats).`,
		Example: `  wf stats bagaaiera... --provider http://127.0.0.1:8080 --key dev`,
		Args:    argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := spec.ParseFunction(args[0])
			if err != nil {
				return err
			}
			signer, err := a.loadKey(kf.key, kf.passwordFile)
			if err != nil {
				return err
			}
			st, err := client.New(provider).Stats(cmd.Context(), c, signer)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(st)
			}
			a.printStats(st)
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&provider, "provider", a.defaultProvider(), "provider base `URL` (env WF_PROVIDER)")
	kf = addKeyFlags(fs, "owner")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *App) printStats(st *client.FunctionStats) {
	w := a.Stdout
	fmt.Fprintf(w, "function  %s, since %s\n", st.Function, st.Since.Local().Format("2006-01-02 15:04:05"))
	fmt.Fprintf(w, "requests  %d: %d ran, %d errors (5xx), %d refused (402, 429)\n", st.Requests, st.Requests-st.Refused, st.Errors, st.Refused)
	var codes []string
	for k := range st.ByStatus {
		codes = append(codes, k)
	}
	slices.Sort(codes)
	var parts []string
	for _, k := range codes {
		parts = append(parts, fmt.Sprintf("%s: %d", k, st.ByStatus[k]))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "status    %s\n", strings.Join(parts, ", "))
	}
	if l := st.Latency; l.Count > 0 {
		fmt.Fprintf(w, "latency   mean %.2f ms, p50 <= %g ms, p90 <= %g ms, p99 <= %g ms, max %.2f ms\n", l.MeanMS, l.P50MS, l.P90MS, l.P99MS, l.MaxMS)
	}
	fmt.Fprintf(w, "cost      %d charged, %s USDC\n", st.ChargedRequests, st.ChargedAmount.USDC())
}

package cli

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/wf"
)

// minaSponsorCmd is wf mina sponsor: owner-pays in MINA.
func (a *App) minaSponsorCmd() *cobra.Command {
	var mf *minaFlags
	var owner, providerURL string
	var life time.Duration
	var revoke bool
	cmd := &cobra.Command{
		Use:   "sponsor CHANNEL --owner ADDRESS --provider-url URL [--for DURATION | --revoke]",
		Short: "pay in MINA for an owner's functions from a channel (owner-pays)",
		Long: `Sign, with your Mina key (the channel's payer), that channel CHANNEL pays
for the requests to functions of --owner (the address that deployed them)
that carry no payment, and send it to the provider. The provider charges
each such request to the channel and settles with the zkApp's settle,
within the price cap per request and the budget the channel was opened
with (wf mina channel open --price-cap N --budget N), until the
sponsorship expires (--for, at most a year). A later sponsorship or
--revoke for the same channel and owner replaces this one; the provider
refuses an older one sent again.`,
		Example: `  wf mina channel open --provider-url http://127.0.0.1:8080 --deposit 1 --price-cap 1000000 --budget 500000000
  wf mina sponsor B62q... --owner 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 --provider-url http://127.0.0.1:8080 --for 720h
  wf mina sponsor B62q... --owner 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 --provider-url http://127.0.0.1:8080 --revoke`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			ch, err := mina.ParsePublicKey(args[0])
			if err != nil {
				return usageErr("CHANNEL: %v", err)
			}
			o, err := wf.ParseAddress(owner)
			if err != nil || o.IsZero() {
				return usageErr("--owner: the functions' owner, an address (0x...)")
			}
			if providerURL == "" {
				return usageErr("--provider-url is required")
			}
			if !revoke && (life <= 0 || life > minarail.MaxSponsorshipAge) {
				return usageErr("--for: a duration up to %v", minarail.MaxSponsorshipAge)
			}
			terms, err := minaTermsOf(ctx, providerURL)
			if err != nil {
				return err
			}
			network, err := mina.ParseNetwork(terms.Network)
			if err != nil {
				return err
			}
			k, err := a.loadMinaKey(a.minaKeyPath(mf), mf.passwordFile)
			if err != nil {
				return err
			}
			now := time.Now()
			var s *minarail.Sponsorship
			if revoke {
				s, err = minarail.SignRevocation(k, network, ch, o, now)
			} else {
				s, err = minarail.SignSponsorship(k, network, ch, o, now, now.Add(life))
			}
			if err != nil {
				return err
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(providerURL, "/")+minarail.SponsorPath, strings.NewReader(s.Encode()))
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("the provider refused the sponsorship: %d %s", resp.StatusCode, strings.TrimSpace(string(b)))
			}
			if revoke {
				fmt.Fprintf(a.Stdout, "channel %s no longer pays for %s's functions at %s\n", ch.Base58(), o.Checksum(), providerURL)
			} else {
				fmt.Fprintf(a.Stdout, "channel %s pays for %s's functions at %s until %s\n", ch.Base58(), o.Checksum(), providerURL, s.Expires.UTC().Format(time.RFC3339))
			}
			return nil
		},
	}
	fs := cmd.Flags()
	mf = a.addMinaFlags(fs, false)
	fs.StringVar(&owner, "owner", "", "the functions' owner `ADDRESS` (who deployed them)")
	fs.StringVar(&providerURL, "provider-url", "", "the provider's base `URL`")
	fs.DurationVar(&life, "for", 30*24*time.Hour, "how long the sponsorship lasts (`DURATION`, at most a year)")
	fs.BoolVar(&revoke, "revoke", false, "revoke the channel's sponsorship of --owner instead")
	return cmd
}

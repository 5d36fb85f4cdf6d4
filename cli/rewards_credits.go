package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// This file has `wf credits`: trial credits a provider grants a user
// (contracts/src/Credits.sol).

func (a *App) creditsContract(ctx context.Context, c *chain.Client, o *chainOpts, flag string) (*chain.Credits, error) {
	addr, err := a.extraContract(o, flag, "credits", "WF_CREDITS", func(d deployment) wf.Address { return d.Credits })
	if err != nil {
		return nil, err
	}
	return c.Credits(ctx, addr)
}

func (a *App) creditsCmd() *cobra.Command {
	return group("credits", "trial credits: a provider lets a user try it without funding an escrow",
		`A provider grants a user (an address) credits in USDC, usable only with that
provider and never withdrawable by either side. The provider's node spends
them before the user's own allowance; what is spent goes to the contract's
sink (not back to the provider).`,
		a.creditsDeployCmd(), a.creditsGrantCmd(), a.creditsShowCmd())
}

func (a *App) creditsDeployCmd() *cobra.Command {
	var sink string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:     "deploy --sink ADDRESS",
		Short:   "deploy a credits contract for this chain's token",
		Example: `  wf credits deploy --sink 0xTREASURY --key dev`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := addressFlag("sink", sink)
			if err != nil {
				return err
			}
			if s.IsZero() {
				return usageErr("--sink ADDRESS is required: where spent credits go")
			}
			c, _, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			addr, err := c.DeployCredits(ctx, s)
			if err != nil {
				return chain.Explain(err)
			}
			if err := a.remember(o, func(d *deployment) { d.Credits = addr }); err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "credits contract %s (saved for %s; or WF_CREDITS=%s)\n", addr.Checksum(), chain.RedactURL(a.rpcURL(o)), addr.Checksum())
			return nil
		},
	}
	cmd.Flags().StringVar(&sink, "sink", "", "`ADDRESS` spent credits go to (a treasury, the rewards pool's sponsor)")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

func (a *App) creditsGrantCmd() *cobra.Command {
	var addr string
	var o *chainOpts
	cmd := takesAmounts(&cobra.Command{
		Use:     "grant USER AMOUNT",
		Short:   "grant USER credits with you (the provider), in USDC from your wallet",
		Example: `  wf credits grant 0xUSER 1 --key $WF_HOME/provider/key.json`,
		Args:    argsBetween(2, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			user, err := wf.ParseAddress(args[0])
			if err != nil {
				return invalid("user %q: %v", args[0], err)
			}
			amt, err := amountArg(args[1])
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			c, key, err := a.connect(ctx, o, a.providerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			cr, err := a.creditsContract(ctx, c, o, addr)
			if err != nil {
				return err
			}
			r, err := cr.Grant(ctx, user, amt)
			if err != nil {
				return chain.Explain(err)
			}
			left, _, err := cr.Of(ctx, key.Address(), user)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "granted %s USDC to %s; %s USDC of credits left with you (%s)\n",
				wf.NewAmount(amt).USDC(), user.Checksum(), wf.NewAmount(left).USDC(), txNote(r))
			return nil
		},
	})
	cmd.Flags().StringVar(&addr, "credits", "", "credits contract `ADDRESS` (default $WF_CREDITS, else the one saved for this chain)")
	o = addChainFlags(cmd.Flags(), "$WF_HOME/provider/key.json")
	return cmd
}

func (a *App) creditsShowCmd() *cobra.Command {
	var addr string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "show USER PROVIDER",
		Short: "show the credits PROVIDER (a registered name or an address) granted USER",
		Args:  argsBetween(2, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			user, err := wf.ParseAddress(args[0])
			if err != nil {
				return invalid("user %q: %v", args[0], err)
			}
			ctx := cmd.Context()
			c, err := a.dial(ctx, o, nil)
			if err != nil {
				return err
			}
			defer c.Close()
			prov, _, err := resolveProvider(ctx, c, args[1])
			if err != nil {
				return err
			}
			cr, err := a.creditsContract(ctx, c, o, addr)
			if err != nil {
				return err
			}
			left, spent, err := cr.Of(ctx, prov, user)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "%s has %s USDC of credits with %s (%s USDC spent)\n",
				user.Checksum(), wf.NewAmount(left).USDC(), prov.Checksum(), wf.NewAmount(spent).USDC())
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "credits", "", "credits contract `ADDRESS` (default $WF_CREDITS, else the one saved for this chain)")
	o = addChainFlags(cmd.Flags(), "")
	return cmd
}

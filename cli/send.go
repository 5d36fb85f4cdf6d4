package cli

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

func (a *App) sendCmd() *cobra.Command {
	var o *chainOpts
	cmd := takesAmounts(&cobra.Command{
		Use:   "send AMOUNT ETH|USDC ADDRESS",
		Short: "send ether (for gas) or USDC from your key to an address",
		Long: `Send ether or the chain's USDC (the escrow's token) from your own key to
ADDRESS: ether pays a provider's or an auditor's gas, USDC funds another
key's escrow. The amount is in whole units (1.5 ETH, 20 USDC).`,
		Example: `  wf send 0.05 ETH 0xPROVIDER --key mine.json --rpc https://rpc.example
  wf send 20 USDC 0xFRIEND`,
		Args: argsBetween(3, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.send(cmd.Context(), args[0], args[1], args[2], o)
		},
	})
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

func (a *App) send(ctx context.Context, amt, unit, to string, o *chainOpts) error {
	addr, err := wf.ParseAddress(to)
	if err != nil {
		return fmt.Errorf("ADDRESS: %w", err)
	}
	var n *big.Int
	unit = strings.ToUpper(unit)
	switch unit {
	case "ETH", "ETHER":
		unit = "ETH"
		if n, err = chain.ParseEther(amt); err != nil {
			return fmt.Errorf("amount: %w", err)
		}
	case "USDC":
		if n, err = amountArg(amt); err != nil {
			return err
		}
	default:
		return usageErr("unit %q: want ETH or USDC (wf send 0.05 ETH 0xADDRESS)", unit)
	}
	if n.Sign() <= 0 {
		return invalid("amount %q: must be more than 0", amt)
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	var r chain.Receipt
	if unit == "ETH" {
		r, err = c.SendEther(ctx, addr, n)
	} else {
		r, err = c.TransferToken(ctx, addr, n)
	}
	if err != nil {
		return chain.Explain(err)
	}
	fmt.Fprintf(a.Stdout, "sent %s %s from %s to %s (%s)\n", amt, unit, key.Address().Checksum(), addr.Checksum(), txNote(r))
	return nil
}

package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/wf"
)

// This file has `wf stake`: providers' bonds and slashing by evidence
// (contracts/src/Stake.sol).

func (a *App) stakeContract(ctx context.Context, c *chain.Client, o *chainOpts, flag string) (*chain.Stake, error) {
	addr, err := a.extraContract(o, flag, "stake", "WF_STAKE", func(d deployment) wf.Address { return d.Stake })
	if err != nil {
		return nil, err
	}
	return c.Stake(ctx, addr)
}

func (a *App) stakeCmd() *cobra.Command {
	return group("stake", "providers' stake: bond it, unbond it after a delay, slash it with evidence",
		`A provider bonds USDC to be listed as staked; taking it back waits a delay,
during which it can still be slashed. Evidence that slashes is a receipt the
provider signed (version 2, binding the request and response bodies) for a
request to a registered sha256 canary, whose right answer the contract
computes itself: if the signed answer differs, the bond is slashed, half to
whoever reported it and half to the payer the receipt names.`,
		a.stakeDeployCmd(), a.stakeBondCmd(), a.stakeUnbondCmd(), a.stakeWithdrawCmd(), a.stakeShowCmd(), a.stakeCanaryCmd(), a.stakeSlashCmd())
}

// stakeFlags are the flags every stake command takes.
func stakeFlags(cmd *cobra.Command, addr *string, keyHelp string) *chainOpts {
	cmd.Flags().StringVar(addr, "stake", "", "stake contract `ADDRESS` (default $WF_STAKE, else the one saved for this chain)")
	return addChainFlags(cmd.Flags(), keyHelp)
}

func (a *App) stakeDeployCmd() *cobra.Command {
	var minS, slashS string
	var delay time.Duration
	var o *chainOpts
	cmd := &cobra.Command{
		Use:     "deploy",
		Short:   "deploy a stake contract for this chain's token (you become the governor who registers canaries)",
		Example: `  wf stake deploy --min 100 --slash 100 --delay 168h --key dev`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			min, err := positiveUSDC("min", minS)
			if err != nil {
				return err
			}
			slash, err := positiveUSDC("slash", slashS)
			if err != nil {
				return err
			}
			c, _, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			addr, err := c.DeployStake(ctx, chain.StakeConfig{MinStake: min, SlashAmount: slash, UnbondDelay: delay})
			if err != nil {
				return chain.Explain(err)
			}
			if err := a.remember(o, func(d *deployment) { d.Stake = addr }); err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "stake contract %s (saved for %s; or WF_STAKE=%s)\n", addr.Checksum(), chain.RedactURL(a.rpcURL(o)), addr.Checksum())
			return nil
		},
	}
	cmd.Flags().StringVar(&minS, "min", "100", "`USDC` a provider must bond to count as staked")
	cmd.Flags().StringVar(&slashS, "slash", "100", "`USDC` one piece of evidence slashes")
	cmd.Flags().DurationVar(&delay, "delay", 7*24*time.Hour, "how long an unbond waits (`DURATION`)")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

// stakeTx runs one transaction of the stake contract as the key's account.
func (a *App) stakeTx(cmd *cobra.Command, o *chainOpts, addr, what string, do func(context.Context, *chain.Stake) (chain.Receipt, error)) error {
	ctx := cmd.Context()
	c, key, err := a.connect(ctx, o, a.providerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	st, err := a.stakeContract(ctx, c, o, addr)
	if err != nil {
		return err
	}
	r, err := do(ctx, st)
	if err != nil {
		return chain.Explain(err)
	}
	b, err := st.BondOf(ctx, key.Address())
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "%s; bond %s USDC, staked: %v (%s)\n", what, wf.NewAmount(b.Amount).USDC(), b.Staked, txNote(r))
	return nil
}

func (a *App) stakeBondCmd() *cobra.Command {
	return a.stakeAmountCmd("bond AMOUNT", "bond USDC from the provider's wallet",
		func(amt string) string { return "bonded " + amt + " USDC" },
		func(ctx context.Context, st *chain.Stake, amt *big.Int) (chain.Receipt, error) {
			return st.Bond(ctx, amt)
		})
}

func (a *App) stakeUnbondCmd() *cobra.Command {
	return a.stakeAmountCmd("unbond AMOUNT", "ask to take AMOUNT of the bond back after the delay (it stops counting as stake now)",
		func(amt string) string { return "unbonding " + amt + " USDC; `wf stake withdraw` after the delay" },
		func(ctx context.Context, st *chain.Stake, amt *big.Int) (chain.Receipt, error) {
			return st.RequestUnbond(ctx, amt)
		})
}

// stakeAmountCmd is a stake command taking an amount of USDC: what
// says what was done (given the amount in USDC), send does it.
func (a *App) stakeAmountCmd(use, short string, what func(string) string, send func(context.Context, *chain.Stake, *big.Int) (chain.Receipt, error)) *cobra.Command {
	var addr string
	var o *chainOpts
	cmd := takesAmounts(&cobra.Command{
		Use:   use,
		Short: short,
		Args:  argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			amt, err := amountArg(args[0])
			if err != nil {
				return err
			}
			return a.stakeTx(cmd, o, addr, what(wf.NewAmount(amt).USDC()), func(ctx context.Context, st *chain.Stake) (chain.Receipt, error) {
				return send(ctx, st, amt)
			})
		},
	})
	o = stakeFlags(cmd, &addr, "$WF_HOME/provider/key.json")
	return cmd
}

func (a *App) stakeWithdrawCmd() *cobra.Command {
	var addr string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "withdraw",
		Short: "take back the unbonded amount once the delay has passed",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.stakeTx(cmd, o, addr, "withdrew the unbonded amount", func(ctx context.Context, st *chain.Stake) (chain.Receipt, error) {
				return st.Unbond(ctx)
			})
		},
	}
	o = stakeFlags(cmd, &addr, "$WF_HOME/provider/key.json")
	return cmd
}

func (a *App) stakeShowCmd() *cobra.Command {
	var addr string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "show PROVIDER",
		Short: "show a provider's bond (a registered name or an address)",
		Args:  argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, err := a.dial(ctx, o, nil)
			if err != nil {
				return err
			}
			defer c.Close()
			st, err := a.stakeContract(ctx, c, o, addr)
			if err != nil {
				return err
			}
			who, _, err := resolveProvider(ctx, c, args[0])
			if err != nil {
				return err
			}
			b, err := st.BondOf(ctx, who)
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintf(w, "provider\t%s\n", who.Checksum())
			fmt.Fprintf(w, "bond\t%s USDC\n", wf.NewAmount(b.Amount).USDC())
			fmt.Fprintf(w, "staked\t%v\n", b.Staked)
			if b.Unbonding.Sign() > 0 {
				fmt.Fprintf(w, "unbonding\t%s USDC; %s\n", wf.NewAmount(b.Unbonding).USDC(), readyAt(b.UnbondableAt, chainNow(ctx, c)))
			}
			return w.Flush()
		},
	}
	o = stakeFlags(cmd, &addr, "")
	return cmd
}

func (a *App) stakeCanaryCmd() *cobra.Command {
	var addr, saltS string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "canary FUNCTION",
		Short: "register a sha256 canary function (the governor only); keep the salt it prints",
		Long: `Register FUNCTION (its CID) as a sha256 canary: a function that answers a
request body B with the 32 bytes sha256(B). Only a salted hash goes on chain,
so providers cannot tell the canary from a customer's function; the salt is
revealed with the evidence (wf stake slash --salt).`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fn, err := wf.ParseCID(args[0])
			if err != nil {
				return invalid("function %q: %v", args[0], err)
			}
			salt, err := parseSalt(saltS)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			st, err := a.stakeContract(ctx, c, o, addr)
			if err != nil {
				return err
			}
			r, err := st.AddCanary(ctx, fn, salt)
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "canary %s registered with salt %s (%s)\n", fn, hex.EncodeToString(salt[:]), txNote(r))
			return nil
		},
	}
	cmd.Flags().StringVar(&saltS, "salt", "", "32-byte `HEX` salt (default: a random one, printed)")
	o = stakeFlags(cmd, &addr, payerKeyHelp)
	return cmd
}

// parseSalt parses a 32-byte hex salt; empty makes a random one.
func parseSalt(s string) ([32]byte, error) {
	var salt [32]byte
	if s == "" {
		rand.Read(salt[:])
		return salt, nil
	}
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(b) != 32 {
		return salt, invalid("--salt: want 32 bytes in hex")
	}
	return [32]byte(b), nil
}

func (a *App) stakeSlashCmd() *cobra.Command {
	var addr, receiptS, inputFile, saltS string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "slash --receipt X-WF-RECEIPT --input FILE --salt HEX",
		Short: "submit a provider's receipt for a wrong canary answer; half the slashed bond is yours",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if receiptS == "" || inputFile == "" || saltS == "" {
				return usageErr("--receipt, --input and --salt are required")
			}
			rc, err := payment.DecodeReceipt(strings.TrimSpace(receiptS))
			if err != nil {
				return err
			}
			input, err := os.ReadFile(inputFile)
			if err != nil {
				return err
			}
			salt, err := parseSalt(saltS)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			st, err := a.stakeContract(ctx, c, o, addr)
			if err != nil {
				return err
			}
			res, err := st.Slash(ctx, chain.Evidence{Receipt: rc.ChargeReceipt, Signature: rc.Signature, Input: input, Salt: salt})
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "slashed %s USDC of %s (%s)\n", wf.NewAmount(res.Amount).USDC(), res.Provider.Checksum(), txNote(res.Receipt))
			return nil
		},
	}
	cmd.Flags().StringVar(&receiptS, "receipt", "", "the answer's X-WF-Receipt header `VALUE`")
	cmd.Flags().StringVar(&inputFile, "input", "", "`FILE` holding the request body that was sent")
	cmd.Flags().StringVar(&saltS, "salt", "", "the canary's salt, `HEX` (wf stake canary printed it)")
	o = stakeFlags(cmd, &addr, payerKeyHelp)
	return cmd
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

func init() {
	register("escrow", command{"deposit|approve|revoke|balance|withdraw ...", "manage your USDC escrow: fund it and approve providers to charge it", (*App).cmdEscrow})
	register("voucher", command{"--provider NAME|ADDRESS --amount USDC --expires DURATION", "sign a payment voucher for a provider; prints the " + wf.VoucherHeader + " header value", (*App).cmdVoucher})
}

const payerKeyHelp = "$WF_HOME/key.json"

var escrowSubcommands = map[string]func(a *App, ctx context.Context, args []string) error{
	"deposit":  (*App).cmdEscrowDeposit,
	"approve":  (*App).cmdEscrowApprove,
	"revoke":   (*App).cmdEscrowRevoke,
	"balance":  (*App).cmdEscrowBalance,
	"withdraw": (*App).cmdEscrowWithdraw,
}

func (a *App) cmdEscrow(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageErr("wf escrow deposit|approve|revoke|balance|withdraw")
	}
	f, ok := escrowSubcommands[args[0]]
	if !ok {
		return usageErr("unknown escrow command %q (deposit, approve, revoke, balance, withdraw)", args[0])
	}
	return f(a, ctx, args[1:])
}

func (a *App) cmdEscrowDeposit(ctx context.Context, args []string) error {
	const usage = "AMOUNT [--for ADDRESS] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("escrow deposit", usage)
	forAddr := fs.String("for", "", "credit this account's escrow instead of your own")
	o := addChainFlags(fs, payerKeyHelp)
	amt, err := oneAmount(fs, args, usage)
	if err != nil {
		return err
	}
	payer, err := addressFlag("for", *forAddr)
	if err != nil {
		return err
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	if payer == (wf.Address{}) {
		payer = key.Address()
	}
	r, err := c.DepositFor(ctx, payer, amt)
	if err != nil {
		return explain(err)
	}
	acc, err := c.Account(ctx, payer)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "deposited %s USDC for %s; escrow balance %s USDC (%s)\n",
		wf.NewAmount(amt).USDC(), payer.Checksum(), wf.NewAmount(acc.Balance).USDC(), txNote(r))
	return nil
}

func (a *App) cmdEscrowApprove(ctx context.Context, args []string) error {
	const usage = "PROVIDER --budget USDC [--max-price USDC] [--allow-empty] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("escrow approve", usage)
	budgetS := fs.String("budget", "", "the most the provider may take in total, USDC (replaces any earlier budget)")
	maxS := fs.String("max-price", "", "the most the provider may take per request, USDC (default: its registered price)")
	allowEmpty := fs.Bool("allow-empty", false, "approve even though your escrow balance is 0")
	o := addChainFlags(fs, payerKeyHelp)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf escrow approve %s", usage)
	}
	budget, err := positiveUSDC("budget", *budgetS)
	if err != nil {
		return err
	}
	var maxPrice *big.Int
	if *maxS != "" {
		if maxPrice, err = positiveUSDC("max-price", *maxS); err != nil {
			return err
		}
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	prov, entry, err := resolveProvider(ctx, c, pos[0])
	if err != nil {
		return err
	}
	if maxPrice == nil {
		if entry == nil || entry.PricePerRequest.Sign() == 0 {
			return usageErr("--max-price USDC is required for %s (no registered price to default to)", pos[0])
		}
		maxPrice = entry.PricePerRequest
	}
	acc, err := c.Account(ctx, key.Address())
	if err != nil {
		return err
	}
	if acc.Balance.Sign() == 0 && !*allowEmpty {
		return wf.E(wf.ErrPaymentRequired, fmt.Sprintf("your escrow (%s) is empty, so the provider could not be paid: deposit first with `wf escrow deposit AMOUNT`, or pass --allow-empty", key.Address().Checksum()), nil)
	}
	r, err := c.Approve(ctx, prov, maxPrice, budget)
	if err != nil {
		return explain(err)
	}
	fmt.Fprintf(a.Stdout, "approved %s to take up to %s USDC, at most %s USDC per request (%s)\n",
		providerLabel(pos[0], prov), wf.NewAmount(budget).USDC(), wf.NewAmount(maxPrice).USDC(), txNote(r))
	if acc.Balance.Cmp(budget) < 0 {
		fmt.Fprintf(a.Stderr, "note: your escrow balance, %s USDC, is below the budget\n", wf.NewAmount(acc.Balance).USDC())
	}
	return nil
}

// providerLabel names a provider as the user did: an address as such, a
// registered name with its address.
func providerLabel(arg string, addr wf.Address) string {
	if a, err := wf.ParseAddress(arg); err == nil && a == addr {
		return addr.Checksum()
	}
	return fmt.Sprintf("%q (%s)", arg, addr.Checksum())
}

func (a *App) cmdEscrowRevoke(ctx context.Context, args []string) error {
	const usage = "PROVIDER [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("escrow revoke", usage)
	o := addChainFlags(fs, payerKeyHelp)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf escrow revoke %s", usage)
	}
	c, _, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	prov, _, err := resolveProvider(ctx, c, pos[0])
	if err != nil {
		return err
	}
	r, err := c.Revoke(ctx, prov)
	if err != nil {
		return explain(err)
	}
	fmt.Fprintf(a.Stdout, "revoked %s; vouchers you signed for it stay redeemable until they expire (%s)\n", providerLabel(pos[0], prov), txNote(r))
	return nil
}

func (a *App) cmdEscrowBalance(ctx context.Context, args []string) error {
	const usage = "[ADDRESS] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("escrow balance", usage)
	o := addChainFlags(fs, payerKeyHelp)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var who wf.Address
	switch len(pos) {
	case 0:
		key, err := a.signer(o, a.payerKeyPath())
		if err != nil {
			return err
		}
		who = key.Address()
	case 1:
		if who, err = wf.ParseAddress(pos[0]); err != nil {
			return err
		}
	default:
		return usageErr("wf escrow balance %s", usage)
	}
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	acc, err := c.Account(ctx, who)
	if err != nil {
		return err
	}
	wallet, err := c.TokenBalance(ctx, who)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "account    %s\nescrow     %s USDC\nwallet     %s USDC\n", who.Checksum(), wf.NewAmount(acc.Balance).USDC(), wf.NewAmount(wallet).USDC())
	if acc.PendingWithdrawal.Sign() > 0 {
		fmt.Fprintf(a.Stdout, "withdrawal %s USDC pending: %s\n", wf.NewAmount(acc.PendingWithdrawal).USDC(), readyAt(acc.WithdrawableAt, chainNow(ctx, c)))
	}
	// Allowances exist per provider address: look at the registered ones.
	ps, err := c.ListProviders(ctx)
	if err != nil {
		return err
	}
	names := map[wf.Address][]string{}
	for _, p := range ps {
		names[p.Owner] = append(names[p.Owner], p.Name)
	}
	owners := make([]wf.Address, 0, len(names))
	for owner := range names {
		owners = append(owners, owner)
	}
	sort.Slice(owners, func(i, j int) bool { return owners[i].String() < owners[j].String() })
	for _, p := range owners {
		al, err := c.Allowance(ctx, who, p)
		if err != nil {
			return err
		}
		if al.MaxPricePerRequest.Sign() == 0 {
			continue
		}
		fmt.Fprintf(a.Stdout, "approved   %s %v: budget left %s USDC, at most %s USDC per request\n",
			p.Checksum(), names[p], wf.NewAmount(al.Budget).USDC(), wf.NewAmount(al.MaxPricePerRequest).USDC())
	}
	return nil
}

func (a *App) cmdEscrowWithdraw(ctx context.Context, args []string) error {
	const usage = "[AMOUNT] [--cancel] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("escrow withdraw", usage)
	cancel := fs.Bool("cancel", false, "cancel the pending withdrawal")
	o := addChainFlags(fs, payerKeyHelp)
	pos, err := parseAmountArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 || (*cancel && len(pos) > 0) {
		return usageErr("wf escrow withdraw %s", usage)
	}
	var amt *big.Int
	if len(pos) == 1 {
		if amt, err = amountArg(pos[0]); err != nil {
			return err
		}
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	switch {
	case *cancel:
		r, err := c.CancelWithdraw(ctx)
		if err != nil {
			return explain(err)
		}
		fmt.Fprintf(a.Stdout, "cancelled the pending withdrawal (%s)\n", txNote(r))
	case amt != nil:
		// Step one: ask. The delay lets providers settle what they served.
		r, err := c.RequestWithdraw(ctx, amt)
		if err != nil {
			return explain(err)
		}
		acc, err := c.Account(ctx, key.Address())
		if err != nil {
			return err
		}
		delay, err := c.WithdrawDelay(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "requested a withdrawal of %s USDC (%s)\nProviders can still settle during the %s delay; %s with `wf escrow withdraw`.\n",
			wf.NewAmount(amt).USDC(), txNote(r), delay, readyAt(acc.WithdrawableAt, chainNow(ctx, c)))
	default:
		// Step two: complete.
		before, err := c.TokenBalance(ctx, key.Address())
		if err != nil {
			return err
		}
		r, err := c.Withdraw(ctx)
		if err != nil {
			var re *chain.RevertError
			if errors.As(err, &re) && re.Name == "WithdrawalNotReady" {
				if acc, aerr := c.Account(ctx, key.Address()); aerr == nil {
					return &userError{fmt.Sprintf("the withdrawal of %s USDC is not ready: %s", wf.NewAmount(acc.PendingWithdrawal).USDC(), readyAt(acc.WithdrawableAt, chainNow(ctx, c))), err}
				}
			}
			return explain(err)
		}
		after, err := c.TokenBalance(ctx, key.Address())
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "withdrew %s USDC to %s (%s)\n", wf.NewAmount(new(big.Int).Sub(after, before)).USDC(), key.Address().Checksum(), txNote(r))
	}
	return nil
}

func (a *App) cmdVoucher(ctx context.Context, args []string) error {
	const usage = "--provider NAME|ADDRESS --amount USDC --expires DURATION [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("voucher", usage)
	provS := fs.String("provider", "", "the provider the voucher pays: registered name or address")
	amtS := fs.String("amount", "", "cumulative USDC owed to this provider so far, including earlier vouchers")
	expires := fs.Duration("expires", 24*time.Hour, "how long the provider may redeem it")
	o := addChainFlags(fs, payerKeyHelp)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *provS == "" {
		return usageErr("wf voucher %s", usage)
	}
	amt, err := positiveUSDC("amount", *amtS)
	if err != nil {
		return err
	}
	if *expires <= 0 {
		return usageErr("--expires must be positive")
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	prov, _, err := resolveProvider(ctx, c, *provS)
	if err != nil {
		return err
	}
	exp := time.Now().Add(*expires).Truncate(time.Second)
	sv, err := c.SignVoucher(chain.Voucher{Provider: prov, CumulativeAmount: amt, Expiry: exp})
	if err != nil {
		return err
	}
	h, err := chain.EncodeVoucher(sv)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.Stdout, h)
	fmt.Fprintf(a.Stderr, "voucher from %s to %s for %s USDC in total, redeemable until %s\nsend it with: curl -H '%s: %s' ...\n",
		key.Address().Checksum(), providerLabel(*provS, prov), wf.NewAmount(amt).USDC(), exp.UTC().Format(time.RFC3339), wf.VoucherHeader, h)
	if acc, err := c.Account(ctx, key.Address()); err == nil && acc.Balance.Cmp(amt) < 0 {
		fmt.Fprintf(a.Stderr, "note: your escrow balance, %s USDC, does not cover it; the provider will refuse it until it does\n", wf.NewAmount(acc.Balance).USDC())
	}
	return nil
}

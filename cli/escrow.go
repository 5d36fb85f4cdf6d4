package cli

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

const payerKeyHelp = "$WF_HOME/key.json"

func (a *App) escrowCmd() *cobra.Command {
	return group("escrow", "manage your USDC escrow: fund it and approve providers to charge it",
		`Manage your USDC escrow: the on-chain account providers are paid from.
Deposit into it, approve providers to charge it up to a budget, see its
balance, and withdraw (after the escrow's delay, so providers can settle
what they served). Amounts are decimal USDC, 6 decimals at most.`,
		a.escrowDepositCmd(), a.escrowApproveCmd(), a.escrowRevokeCmd(), a.escrowBalanceCmd(), a.escrowWithdrawCmd())
}

func (a *App) escrowDepositCmd() *cobra.Command {
	var forAddr string
	var o *chainOpts
	cmd := takesAmounts(&cobra.Command{
		Use:   "deposit AMOUNT",
		Short: "move USDC from your wallet into your escrow (or another's)",
		Example: `  wf escrow deposit 12.5
  wf escrow deposit 5 --for 0xPAYER --key dev:1`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			amt, err := amountArg(args[0])
			if err != nil {
				return err
			}
			payer, err := addressFlag("for", forAddr)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
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
				return chain.Explain(err)
			}
			acc, err := c.Account(ctx, payer)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "deposited %s USDC for %s; escrow balance %s USDC (%s)\n",
				wf.NewAmount(amt).USDC(), payer.Checksum(), wf.NewAmount(acc.Balance).USDC(), txNote(r))
			return nil
		},
	})
	cmd.Flags().StringVar(&forAddr, "for", "", "credit the escrow of this `ADDRESS` instead of your own")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

func (a *App) escrowApproveCmd() *cobra.Command {
	var budgetS, maxS string
	var lim approveLimits
	var allowEmpty bool
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "approve PROVIDER --budget USDC",
		Short: "let a provider charge your escrow, up to a budget",
		Long: `Approve PROVIDER (a registered name or an address) to charge your escrow
up to --budget USDC in total, at most --max-price per request (default: its
registered price). A new approval replaces the earlier budget and limits.

--per-period AMOUNT/DURATION also caps what the provider takes per period
(e.g. 1/24h: at most 1 USDC a day); the escrow refuses more, and the
provider refuses requests it could not be paid for this period (429).
--meter ADDRESS names your metering key (run a gateway with --meter-key):
the provider is then paid only for requests that key counted, not for a
count it chooses.`,
		Example: `  wf escrow approve alpha --budget 10
  wf escrow approve 0xPROVIDER --budget 10 --max-price 0.001
  wf escrow approve alpha --budget 10 --per-period 1/24h --meter 0xGATEWAYKEY`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.escrowApprove(cmd.Context(), args[0], budgetS, maxS, lim, allowEmpty, o)
		},
	}
	cmd.Flags().StringVar(&lim.perPeriod, "per-period", "", "also cap what the provider takes per period: `USDC/DURATION`, e.g. 1/24h")
	cmd.Flags().StringVar(&lim.meter, "meter", "", "pay only for requests this metering key `ADDRESS` counted (wf gateway start --meter-key)")
	cmd.Flags().StringVar(&budgetS, "budget", "", "the most the provider may take in total, `USDC` (replaces any earlier budget)")
	cmd.Flags().StringVar(&maxS, "max-price", "", "the most the provider may take per request, `USDC` (default: its registered price)")
	cmd.Flags().BoolVar(&allowEmpty, "allow-empty", false, "approve even though your escrow balance is 0")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

// approveLimits are the flags of wf escrow approve beyond price and budget.
type approveLimits struct{ perPeriod, meter string }

// parse turns the flags into chain.Limits.
func (l approveLimits) parse() (chain.Limits, error) {
	var lim chain.Limits
	if l.perPeriod != "" {
		amt, dur, ok := strings.Cut(l.perPeriod, "/")
		if !ok {
			return lim, usageErr("--per-period wants USDC/DURATION, e.g. 1/24h")
		}
		n, err := positiveUSDC("per-period", amt)
		if err != nil {
			return lim, err
		}
		d, err := time.ParseDuration(dur)
		if err != nil || d < time.Second || d%time.Second != 0 {
			return lim, invalid("--per-period: the period %q must be a whole number of seconds, at least 1s (e.g. 1h, 24h)", dur)
		}
		lim.MaxPerPeriod, lim.Period = n, d
	}
	if l.meter != "" {
		m, err := wf.ParseAddress(l.meter)
		if err != nil || m.IsZero() {
			return lim, invalid("--meter %q is not an address", l.meter)
		}
		lim.Meter = m
	}
	return lim, nil
}

func (a *App) escrowApprove(ctx context.Context, provider, budgetS, maxS string, al approveLimits, allowEmpty bool, o *chainOpts) error {
	budget, err := positiveUSDC("budget", budgetS)
	if err != nil {
		return err
	}
	lim, err := al.parse()
	if err != nil {
		return err
	}
	var maxPrice *big.Int
	if maxS != "" {
		if maxPrice, err = positiveUSDC("max-price", maxS); err != nil {
			return err
		}
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	prov, entry, err := resolveProvider(ctx, c, provider)
	if err != nil {
		return err
	}
	if maxPrice == nil {
		if entry == nil || entry.PricePerRequest.Sign() == 0 {
			return usageErr("--max-price USDC is required for %s (no registered price to default to)", provider)
		}
		maxPrice = entry.PricePerRequest
	}
	acc, err := c.Account(ctx, key.Address())
	if err != nil {
		return err
	}
	if acc.Balance.Sign() == 0 && !allowEmpty {
		return wf.E(wf.ErrPaymentRequired, fmt.Sprintf("your escrow (%s) is empty, so the provider could not be paid: deposit first with `wf escrow deposit AMOUNT`, or pass --allow-empty", key.Address().Checksum()), nil)
	}
	r, err := c.ApproveLimits(ctx, prov, maxPrice, budget, lim)
	if err != nil {
		return chain.Explain(err)
	}
	fmt.Fprintf(a.Stdout, "approved %s to take up to %s USDC, at most %s USDC per request%s (%s)\n",
		providerLabel(provider, prov), wf.NewAmount(budget).USDC(), wf.NewAmount(maxPrice).USDC(), limitsText(lim), txNote(r))
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

func (a *App) escrowRevokeCmd() *cobra.Command {
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "revoke PROVIDER",
		Short: "stop a provider from charging your escrow",
		Long: `Revoke PROVIDER's approval (a registered name or an address). Vouchers you
signed for it stay redeemable until they expire.`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			prov, _, err := resolveProvider(ctx, c, args[0])
			if err != nil {
				return err
			}
			r, err := c.Revoke(ctx, prov)
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "revoked %s; vouchers you signed for it stay redeemable until they expire (%s)\n", providerLabel(args[0], prov), txNote(r))
			return nil
		},
	}
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

// balanceJSON is `wf escrow balance --json`.
type balanceJSON struct {
	Account    string          `json:"account"`
	Escrow     string          `json:"escrow"`
	Wallet     string          `json:"wallet"`
	Withdrawal *withdrawalJSON `json:"withdrawal"`
	Approved   []allowanceJSON `json:"approved"`
}

type withdrawalJSON struct {
	Amount         string    `json:"amount"`
	WithdrawableAt time.Time `json:"withdrawableAt"`
}

type allowanceJSON struct {
	Provider           string   `json:"provider"`
	Names              []string `json:"names"`
	Budget             string   `json:"budget"`
	MaxPricePerRequest string   `json:"maxPricePerRequest"`
	// Per-period cap, if any: what is left of it now and when it renews.
	MaxPerPeriod   string     `json:"maxPerPeriod,omitempty"`
	Period         string     `json:"period,omitempty"`
	LeftInPeriod   string     `json:"leftInPeriod,omitempty"`
	PeriodRenews   *time.Time `json:"periodRenews,omitempty"`
	Meter          string     `json:"meter,omitempty"`          // metering key, if any
	MeteredSettled *uint64    `json:"meteredSettled,omitempty"` // requests settled under it
}

// limitsText describes an approval's limits for people.
func limitsText(l chain.Limits) string {
	var s string
	if l.Capped() {
		s += fmt.Sprintf(", at most %s USDC per %s", wf.NewAmount(l.MaxPerPeriod).USDC(), l.Period)
	}
	if !l.Meter.IsZero() {
		s += ", only for requests metering key " + l.Meter.Checksum() + " counts"
	}
	return s
}

func (a *App) escrowBalanceCmd() *cobra.Command {
	var o *chainOpts
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "balance [ADDRESS]",
		Short: "show an escrow's balance, pending withdrawal and approved providers",
		Long: `Show the escrow balance and wallet USDC of ADDRESS (default: your key's
account), a pending withdrawal, and each registered provider it approved
with the budget left.

With --json, prints one object (amounts are decimal USDC strings with 6
decimals, like "12.500000"):
  account     string, the address (checksummed)
  escrow      string, the escrow balance
  wallet      string, the USDC the address holds outside the escrow
  withdrawal  object or null: amount, and withdrawableAt (RFC 3339)
  approved    array of objects: provider (address), names (its registered
              names), budget (left), maxPricePerRequest`,
		Example: `  wf escrow balance --key dev
  wf escrow balance 0xPAYER --json`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := a.escrowBalance(cmd.Context(), args, o)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(b.balanceJSON)
			}
			fmt.Fprintf(a.Stdout, "account    %s\nescrow     %s USDC\nwallet     %s USDC\n", b.Account, b.Escrow, b.Wallet)
			if w := b.Withdrawal; w != nil {
				fmt.Fprintf(a.Stdout, "withdrawal %s USDC pending: %s\n", w.Amount, readyAt(w.WithdrawableAt, b.now))
			}
			for _, al := range b.Approved {
				fmt.Fprintf(a.Stdout, "approved   %s %v: budget left %s USDC, at most %s USDC per request",
					al.Provider, al.Names, al.Budget, al.MaxPricePerRequest)
				if al.MaxPerPeriod != "" {
					fmt.Fprintf(a.Stdout, ", at most %s USDC per %s (%s left, renews %s)", al.MaxPerPeriod, al.Period, al.LeftInPeriod, al.PeriodRenews.Format(time.RFC3339))
				}
				if al.Meter != "" {
					fmt.Fprintf(a.Stdout, ", metered by %s (%d requests settled)", al.Meter, *al.MeteredSettled)
				}
				fmt.Fprintln(a.Stdout)
			}
			return nil
		},
	}
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	return cmd
}

// escrowBalance reads what `wf escrow balance` shows.
func (a *App) escrowBalance(ctx context.Context, args []string, o *chainOpts) (*balance, error) {
	var who wf.Address
	if len(args) == 1 {
		var err error
		if who, err = wf.ParseAddress(args[0]); err != nil {
			return nil, err
		}
	} else {
		key, err := a.signer(o, a.payerKeyPath())
		if err != nil {
			return nil, err
		}
		who = key.Address()
	}
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	acc, err := c.Account(ctx, who)
	if err != nil {
		return nil, err
	}
	wallet, err := c.TokenBalance(ctx, who)
	if err != nil {
		return nil, err
	}
	b := &balance{balanceJSON: balanceJSON{
		Account: who.Checksum(), Escrow: wf.NewAmount(acc.Balance).USDC(), Wallet: wf.NewAmount(wallet).USDC(),
		Approved: []allowanceJSON{},
	}}
	if acc.PendingWithdrawal.Sign() > 0 {
		b.Withdrawal = &withdrawalJSON{Amount: wf.NewAmount(acc.PendingWithdrawal).USDC(), WithdrawableAt: acc.WithdrawableAt.UTC()}
		b.now = chainNow(ctx, c)
	}
	// Allowances exist per provider address: look at the registered ones.
	ps, err := c.ListProviders(ctx)
	if err != nil {
		return nil, err
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
			return nil, err
		}
		if al.MaxPricePerRequest.Sign() == 0 {
			continue
		}
		aj := allowanceJSON{
			Provider: p.Checksum(), Names: names[p],
			Budget: wf.NewAmount(al.Budget).USDC(), MaxPricePerRequest: wf.NewAmount(al.MaxPricePerRequest).USDC(),
		}
		if al.Capped() {
			left, renews := al.Left(chainNow(ctx, c))
			renews = renews.UTC()
			aj.MaxPerPeriod, aj.Period, aj.LeftInPeriod, aj.PeriodRenews = wf.NewAmount(al.MaxPerPeriod).USDC(), al.Period.String(), wf.NewAmount(left).USDC(), &renews
		}
		if !al.Meter.IsZero() {
			n, err := c.Metered(ctx, who, p, al.Meter)
			if err != nil {
				return nil, err
			}
			aj.Meter, aj.MeteredSettled = al.Meter.Checksum(), &n
		}
		b.Approved = append(b.Approved, aj)
	}
	return b, nil
}

// balance is an escrow's state and the chain's time it was read at.
type balance struct {
	balanceJSON
	now time.Time
}

func (a *App) escrowWithdrawCmd() *cobra.Command {
	var cancel bool
	var o *chainOpts
	cmd := takesAmounts(&cobra.Command{
		Use:   "withdraw [AMOUNT]",
		Short: "request a withdrawal from your escrow, or complete or cancel it",
		Long: `Withdrawing takes two steps. wf escrow withdraw AMOUNT requests it; the
escrow's delay lets providers settle what they served meanwhile. Then wf
escrow withdraw, without an amount, moves it to your wallet. --cancel
drops the pending request.`,
		Example: `  wf escrow withdraw 2      # request
  wf escrow withdraw        # complete, after the delay
  wf escrow withdraw --cancel`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cancel && len(args) > 0 {
				return usageErr("--cancel takes no amount")
			}
			return a.escrowWithdraw(cmd.Context(), args, cancel, o)
		},
	})
	cmd.Flags().BoolVar(&cancel, "cancel", false, "cancel the pending withdrawal")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

func (a *App) escrowWithdraw(ctx context.Context, args []string, cancel bool, o *chainOpts) error {
	var amt *big.Int
	if len(args) == 1 {
		var err error
		if amt, err = amountArg(args[0]); err != nil {
			return err
		}
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	switch {
	case cancel:
		r, err := c.CancelWithdraw(ctx)
		if err != nil {
			return chain.Explain(err)
		}
		fmt.Fprintf(a.Stdout, "cancelled the pending withdrawal (%s)\n", txNote(r))
	case amt != nil:
		// Step one: ask. The delay lets providers settle what they served.
		r, err := c.RequestWithdraw(ctx, amt)
		if err != nil {
			return chain.Explain(err)
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
			return c.Explain(ctx, err)
		}
		after, err := c.TokenBalance(ctx, key.Address())
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "withdrew %s USDC to %s (%s)\n", wf.NewAmount(new(big.Int).Sub(after, before)).USDC(), key.Address().Checksum(), txNote(r))
	}
	return nil
}

func (a *App) voucherCmd() *cobra.Command {
	var method, data string
	var pf *payFlags
	cmd := &cobra.Command{
		Use:   "voucher --pay NAME|ADDRESS CID [PATH]",
		Short: "sign one paid request for a provider; print its " + wf.VoucherHeader + " header value",
		Long: `Sign the ` + wf.VoucherHeader + ` header for one request to function CID at PATH,
for sending with another HTTP client. The header pays for that request
only (method, function, path, query and body are signed with a session key
a voucher from your escrow authorizes, with a sequence number the provider
accepts once), so it is worth nothing to whoever sees it. Send the request
exactly as described, once. It shares the running total, session and
sequence numbers with wf invoke --pay, kept in $WF_HOME/pay.`,
		Example: `  curl -H "` + wf.VoucherHeader + `: $(wf voucher --pay alpha bafy.../hello)" https://alpha.example.com/bafy.../hello`,
		Args:    argsBetween(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if pf.provider == "" {
				return usageErr("--pay NAME|ADDRESS is required")
			}
			return a.voucher(cmd.Context(), args, method, data, pf)
		},
	}
	cmd.Flags().StringVarP(&method, "request", "X", "", "HTTP `METHOD` of the request (default GET, or POST with -d)")
	cmd.Flags().StringVarP(&data, "data", "d", "", "the request body `DATA`, or @FILE, or @- for stdin")
	pf = addPayFlags(cmd.Flags())
	return cmd
}

func (a *App) voucher(ctx context.Context, args []string, method, data string, pf *payFlags) error {
	fn, err := spec.ParseFunction(args[0])
	if err != nil {
		return err
	}
	target := "/"
	if len(args) == 2 {
		target = "/" + strings.TrimPrefix(args[1], "/")
	}
	u, err := url.Parse(target)
	if err != nil {
		return usageErr("PATH %q: %v", target, err)
	}
	var body []byte
	switch {
	case data == "@-":
		body, err = io.ReadAll(a.Stdin)
	case strings.HasPrefix(data, "@"):
		body, err = os.ReadFile(data[1:])
	default:
		body = []byte(data)
	}
	if err != nil {
		return err
	}
	if method == "" {
		method = http.MethodGet
		if data != "" {
			method = http.MethodPost
		}
	}
	pay, done, err := a.payer(ctx, pf)
	if err != nil {
		return err
	}
	defer done()
	h, err := pay.Header(fn, method, u.EscapedPath(), u.RawQuery, body)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.Stdout, h)
	fmt.Fprintf(a.Stderr, "signed %s /%s%s for provider %s; it pays for that request, once\n", method, fn, target, pay.Provider.Checksum())
	return nil
}

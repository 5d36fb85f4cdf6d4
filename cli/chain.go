package cli

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/wf"
)

func (a *App) chainCmd() *cobra.Command {
	return group("chain", "run a dev chain, write a genesis for geth --dev, fund dev accounts",
		`Development chains: run the embedded one on a JSON-RPC endpoint (start),
write a genesis that gives geth --dev today's fork rules (genesis), and send
ether from a dev node's unlocked account (fund).`,
		a.chainStartCmd(), a.chainGenesisCmd(), a.chainFundCmd())
}

func (a *App) chainStartCmd() *cobra.Command {
	var listen string
	var accounts int
	var delay time.Duration
	cmd := &cobra.Command{
		Use:   "start",
		Short: "run the embedded dev chain, with the contracts, on a JSON-RPC endpoint",
		Long: `Run go-ethereum's simulated chain with the token, registry and escrow
contracts deployed and funded dev accounts, on a JSON-RPC endpoint, until
interrupted. The addresses are saved for this URL, so other wf commands
given --rpc find them. The dev keys are public: keep it on loopback.`,
		Example: `  wf chain start
  wf chain start --listen 127.0.0.1:9545 --accounts 3 --withdraw-delay 10m`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.chainStart(cmd.Context(), listen, accounts, delay)
		},
	}
	cmd.Flags().StringVar(&listen, "listen", strings.TrimPrefix(defaultRPC, "http://"), "serve JSON-RPC on this `ADDR` (keep it on loopback: the dev keys are public)")
	cmd.Flags().IntVar(&accounts, "accounts", 10, "fund `N` dev accounts (--key dev:0 ... dev:N-1)")
	cmd.Flags().DurationVar(&delay, "withdraw-delay", time.Hour, "how long an escrow withdrawal waits")
	return cmd
}

func (a *App) chainStart(ctx context.Context, listen string, accounts int, delay time.Duration) error {
	if accounts < 1 || accounts > 1000 {
		return usageErr("--accounts must be between 1 and 1000")
	}
	if delay < time.Second {
		return usageErr("--withdraw-delay must be at least 1s")
	}
	net, err := devnet.Start(ctx, devnet.Config{
		Chain:       sim.Options{Accounts: accounts, WithdrawDelay: delay},
		ChainListen: listen,
		Log:         slog.New(slog.NewTextHandler(a.Stderr, nil)),
	})
	if err != nil {
		return err
	}
	defer net.Close(context.Background())
	dc := net.Chain
	// `--key dev` (the publisher's dev key everywhere in wf) gets ether and
	// USDC too.
	dev := devnet.Publisher()
	if err := dc.FundEther(ctx, dev.Address(), new(big.Int).Mul(big.NewInt(1000), ether)); err != nil {
		return err
	}
	if _, err := dc.Client(dc.Accounts()[0]).MintUSDC(ctx, dev.Address(), big.NewInt(1_000_000_000_000)); err != nil {
		return err
	}
	url := net.RPC
	ct := dc.Contracts()
	id := dc.Client(nil).ChainID()
	if err := a.saveDeployment(url, deployment{ChainID: id.Uint64(), Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow}); err != nil {
		return fmt.Errorf("save the contract addresses: %w", err)
	}
	fmt.Fprintf(a.Stdout, `WebFunctions dev chain: %s   chain id %s   (embedded, Osaka rules; Ctrl-C stops)
Contracts (saved in %s for this URL):
  token     %s   MockUSDC, 6 decimals, anyone can mint
  registry  %s
  escrow    %s   withdrawal delay %s
Dev accounts with 1,000,000 USDC each (their keys are public: dev only):
  --key dev    %s
`, url, id, a.contractsStore(), ct.Token.Checksum(), ct.Registry.Checksum(), ct.Escrow.Checksum(), delay,
		dev.Address().Checksum())
	for i, k := range dc.Accounts() {
		fmt.Fprintf(a.Stdout, "  --key dev:%-3d%s\n", i, k.Address().Checksum())
	}
	fmt.Fprintf(a.Stdout, "\nTry: wf providers --rpc %s\n", url)
	if a.Ready != nil {
		a.Ready(url)
	}
	<-ctx.Done()
	return nil
}

func (a *App) contractsCmd() *cobra.Command {
	return group("contracts", "deploy the registry and escrow to a chain, mint dev USDC, show the addresses",
		`The registry and escrow contracts: deploy them (with a development USDC
unless given a token), mint that development USDC, and show the addresses
wf uses for a chain. Addresses are remembered per --rpc URL in
$WF_HOME/contracts.json; --contracts FILE or $WF_CONTRACTS override them.`,
		a.contractsDeployCmd(), a.contractsMintCmd(), a.contractsShowCmd(), a.contractsImportCmd())
}

func (a *App) contractsDeployCmd() *cobra.Command {
	var token, out, bond, fee, feeSink string
	var delay, lease, grace time.Duration
	var inc *incentiveDeployFlags
	o := &chainOpts{}
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "deploy the registry and escrow (and a MockUSDC unless --token) to a chain",
		Example: `  wf contracts deploy --rpc http://127.0.0.1:8545 --key dev:0 --out contracts.json
  wf contracts deploy --rpc https://rpc.example --token 0xUSDC --key deployer.json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := chain.DeployOptions{WithdrawDelay: delay, Lease: lease, Grace: grace}
			if err := feeFlags(fee, feeSink, &opts); err != nil { // cli/rewards.go
				return err
			}
			if err := inc.apply(&opts); err != nil {
				return err
			}
			if bond != "" {
				var err error
				if opts.Bond, err = chain.ParseEther(bond); err != nil {
					return fmt.Errorf("--bond: %w", err)
				}
			}
			return a.contractsDeploy(cmd.Context(), token, out, opts, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&token, "token", "", "`ADDRESS` of the USDC-like ERC-20 the escrow holds (default: deploy a MockUSDC, for development)")
	fs.DurationVar(&delay, "withdraw-delay", 24*time.Hour, "how long an escrow withdrawal waits, so providers can settle first")
	fs.StringVar(&bond, "bond", chain.Ether(chain.DefaultBond), "`ETHER` deposited per registry name, paid back on release")
	fs.DurationVar(&lease, "lease", chain.DefaultLease, "how long a registration or renewal holds a name (at least 1h)")
	fs.DurationVar(&grace, "grace", chain.DefaultGrace, "how long after a lease ends before anyone may reclaim the name")
	fs.StringVar(&out, "out", "", "also write the addresses to this JSON `FILE` (for --contracts)")
	fs.StringVar(&fee, "fee", "0", "protocol fee the escrow takes of each payment, a `FRACTION` up to 0.1 (what caps rewards: wf rewards)")
	fs.StringVar(&feeSink, "fee-sink", "", "`ADDRESS` the protocol fee goes to (required with --fee), or rewards: a rewards pool deployed with the escrow (--rewards-auditor)")
	inc = addIncentiveDeployFlags(fs)
	addRPCFlag(fs, o, "the chain")
	addSignerFlags(fs, o, "keystore file of the deploying account (default "+payerKeyHelp+"), or dev:N")
	return cmd
}

func (a *App) contractsDeploy(ctx context.Context, token, out string, opts chain.DeployOptions, o *chainOpts) error {
	delay := opts.WithdrawDelay
	if delay < time.Second {
		return usageErr("--withdraw-delay must be at least 1s")
	}
	if opts.Lease < time.Hour || opts.Grace < 0 {
		return usageErr("--lease must be at least 1h and --grace not negative")
	}
	if token != "" {
		var err error
		if opts.Token, err = wf.ParseAddress(token); err != nil {
			return fmt.Errorf("--token: %w", err)
		}
	}
	key, err := a.signer(o, a.payerKeyPath())
	if err != nil {
		return err
	}
	rpc := a.rpcURL(o)
	ct, id, err := chain.DeployAt(ctx, rpc, key, opts)
	if err != nil {
		return dialError(rpc, chain.Explain(err))
	}
	d := deployment{ChainID: id.Uint64(), Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow, Rewards: ct.Rewards, Credits: ct.Credits}
	if err := a.saveDeployment(rpc, d); err != nil {
		return fmt.Errorf("save the contract addresses: %w", err)
	}
	if out != "" {
		if err := writeJSONFile(out, d); err != nil {
			return err
		}
	}
	tok := "(existing)"
	if opts.Token.IsZero() {
		tok = "(MockUSDC: anyone can mint; dev only)"
	}
	bond := opts.Bond
	if bond == nil {
		bond = chain.DefaultBond
	}
	fmt.Fprintf(a.Stdout, "chain     %s at %s\ntoken     %s %s\nregistry  %s (bond %s ether, lease %s, grace %s)\nescrow    %s (withdrawal delay %s)\nsaved in  %s\n",
		id, rpc, ct.Token.Checksum(), tok, ct.Registry.Checksum(), chain.Ether(bond), opts.Lease, opts.Grace, ct.Escrow.Checksum(), delay, a.contractsStore())
	if !ct.Rewards.IsZero() {
		fmt.Fprintf(a.Stdout, "rewards   %s (the escrow's %.2f%% fee funds it)\n", ct.Rewards.Checksum(), float64(opts.FeeBps)/100)
	}
	if !ct.Credits.IsZero() {
		fmt.Fprintf(a.Stdout, "credits   %s\n", ct.Credits.Checksum())
	}
	return nil
}

func (a *App) contractsMintCmd() *cobra.Command {
	var to string
	var o *chainOpts
	cmd := takesAmounts(&cobra.Command{
		Use:   "mint AMOUNT",
		Short: "mint development USDC (MockUSDC only) to an account",
		Example: `  wf contracts mint 100 --key dev
  wf contracts mint 5 --to 0xACCOUNT --key dev:1`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			amt, err := amountArg(args[0])
			if err != nil {
				return err
			}
			return a.contractsMint(cmd.Context(), amt, to, o)
		},
	})
	cmd.Flags().StringVar(&to, "to", "", "`ADDRESS` to mint to (default: the key's)")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

func (a *App) contractsMint(ctx context.Context, amt *big.Int, to string, o *chainOpts) error {
	dst, err := addressFlag("to", to)
	if err != nil {
		return err
	}
	c, key, err := a.connect(ctx, o, a.payerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	if dst == (wf.Address{}) {
		dst = key.Address()
	}
	r, err := c.MintUSDC(ctx, dst, amt)
	if err != nil {
		return err
	}
	bal, err := c.TokenBalance(ctx, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "minted %s USDC to %s; it holds %s USDC (%s)\n", wf.NewAmount(amt).USDC(), dst.Checksum(), wf.NewAmount(bal).USDC(), txNote(r))
	return nil
}

func (a *App) contractsShowCmd() *cobra.Command {
	var o *chainOpts
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show",
		Short: "show the chain and contract addresses wf uses, checked against the chain",
		Long: `Show the chain and the contracts wf uses for it (--rpc, --contracts), read
from the chain itself: the registry's provider count and the escrow's
withdrawal delay.

With --json, prints one object:
  chainId               number
  rpc                   string, the JSON-RPC URL
  token                 string, address (checksummed), as below
  registry              string
  escrow                string
  providers             number, registered providers
  withdrawDelaySeconds  number, the escrow's withdrawal delay`,
		Example: `  wf contracts show --rpc http://127.0.0.1:8545
  wf contracts show --contracts contracts.json --json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.contractsShow(cmd.Context(), asJSON, o)
		},
	}
	o = addChainFlags(cmd.Flags(), "")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	return cmd
}

func (a *App) contractsShow(ctx context.Context, asJSON bool, o *chainOpts) error {
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	ct := c.Contracts()
	delay, err := c.WithdrawDelay(ctx)
	if err != nil {
		return err
	}
	n, err := c.ProviderCount(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return a.printJSON(struct {
			ChainID              uint64 `json:"chainId"`
			RPC                  string `json:"rpc"`
			Token                string `json:"token"`
			Registry             string `json:"registry"`
			Escrow               string `json:"escrow"`
			Providers            uint64 `json:"providers"`
			WithdrawDelaySeconds int64  `json:"withdrawDelaySeconds"`
		}{c.ChainID().Uint64(), a.rpcURL(o), ct.Token.Checksum(), ct.Registry.Checksum(), ct.Escrow.Checksum(), uint64(n), int64(delay / time.Second)})
	}
	fmt.Fprintf(a.Stdout, "chain     %s at %s\ntoken     %s\nregistry  %s (%d providers)\nescrow    %s (withdrawal delay %s)\n",
		c.ChainID(), a.rpcURL(o), ct.Token.Checksum(), ct.Registry.Checksum(), n, ct.Escrow.Checksum(), delay)
	return nil
}

// ether is 10^18 wei.
var ether = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// cmdChainGenesis prints a genesis for `geth init` that gives geth --dev
// today's fork rules (geth --dev alone runs every future fork) and funds
// the dev keys, as `wf chain start` does.
func (a *App) chainGenesisCmd() *cobra.Command {
	var accounts int
	var extra []string
	cmd := &cobra.Command{
		Use:   "genesis",
		Short: "print a genesis for geth --dev with today's fork rules and funded dev keys",
		Long: `Print a genesis for geth init that gives geth --dev today's fork rules
(geth --dev alone runs every future fork) and funds --key dev, dev:0 ...
dev:N-1 and the --fund addresses, as wf chain start does.`,
		Example: `  wf chain genesis > genesis.json && geth --datadir d init genesis.json`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.chainGenesis(accounts, extra)
		},
	}
	cmd.Flags().IntVar(&accounts, "accounts", 10, "fund --key dev and dev:0 ... dev:`N`-1")
	cmd.Flags().StringArrayVar(&extra, "fund", nil, "also fund this `ADDRESS` (repeatable)")
	return cmd
}

// chainGenesis prints a genesis for `geth init` that gives geth --dev
// today's fork rules (geth --dev alone runs every future fork) and funds
// the dev keys, as `wf chain start` does.
func (a *App) chainGenesis(accounts int, extra []string) error {
	if accounts < 0 || accounts > 1000 {
		return usageErr("--accounts must be between 0 and 1000")
	}
	dev, err := chain.KeyFromHex(DevKeyHex)
	if err != nil {
		return err
	}
	wei := new(big.Int).Mul(big.NewInt(1_000_000), ether)
	alloc := map[wf.Address]*big.Int{sim.GethDevAccount: wei, dev.Address(): wei}
	for i := range accounts {
		alloc[chain.DevKey(i).Address()] = wei
	}
	for _, s := range extra {
		addr, err := wf.ParseAddress(s)
		if err != nil {
			return fmt.Errorf("--fund: %w", err)
		}
		alloc[addr] = wei
	}
	g, err := sim.GethGenesis(11_500_000, alloc)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.Stdout, "%s\n", g)
	return err
}

func (a *App) chainFundCmd() *cobra.Command {
	var amount int64
	o := &chainOpts{}
	cmd := &cobra.Command{
		Use:   "fund ADDRESS...",
		Short: "send ether to accounts from a dev node's unlocked account (geth --dev)",
		Long: `Send --ether ETH to each ADDRESS from a dev node's own unlocked account
(geth --dev), so keystore keys can pay for gas there.`,
		Example: `  wf chain fund 0xACCOUNT --ether 100 --rpc http://127.0.0.1:8545`,
		Args:    argsBetween(1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if amount <= 0 {
				return usageErr("--ether must be positive")
			}
			return a.chainFund(cmd.Context(), args, amount, o)
		},
	}
	cmd.Flags().Int64Var(&amount, "ether", 10, "`N` ether to send to each address")
	addRPCFlag(cmd.Flags(), o, "the dev node")
	return cmd
}

// chainFund gives ether to accounts from a dev node's own unlocked
// account (geth --dev), so keystore keys can pay for gas there.
func (a *App) chainFund(ctx context.Context, addrs []string, amount int64, o *chainOpts) error {
	var to []wf.Address
	for _, s := range addrs {
		addr, err := wf.ParseAddress(s)
		if err != nil {
			return err
		}
		to = append(to, addr)
	}
	rpc := a.rpcURL(o)
	if err := chain.FundFromNode(ctx, rpc, new(big.Int).Mul(big.NewInt(amount), ether), to...); err != nil {
		return dialError(rpc, err)
	}
	fmt.Fprintf(a.Stdout, "sent %d ETH to each of %d accounts\n", amount, len(to))
	return nil
}

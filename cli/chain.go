package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

func init() {
	register("chain", command{"start|genesis|fund ...", "run the embedded dev chain on a JSON-RPC endpoint; write a genesis for geth --dev with today's forks; fund accounts from a dev node", (*App).cmdChain})
	register("contracts", command{"deploy|mint|show [--rpc URL] ...", "deploy the registry and escrow to a chain, mint dev USDC, or show the addresses in use", (*App).cmdContracts})
}

func (a *App) cmdChain(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "start":
			return a.cmdChainStart(ctx, args[1:])
		case "genesis":
			return a.cmdChainGenesis(ctx, args[1:])
		case "fund":
			return a.cmdChainFund(ctx, args[1:])
		}
	}
	return usageErr("wf chain start|genesis|fund")
}

func (a *App) cmdChainStart(ctx context.Context, args []string) error {
	fs := a.subFlags("chain start", "[--listen ADDR] [--accounts N] [--withdraw-delay D]")
	listen := fs.String("listen", "127.0.0.1:8545", "address to serve JSON-RPC on (keep it on loopback: the dev keys are public)")
	accounts := fs.Int("accounts", 10, "number of funded dev accounts (--key dev:0 ... dev:N-1)")
	delay := fs.Duration("withdraw-delay", time.Hour, "how long an escrow withdrawal waits")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("unexpected arguments %q", pos)
	}
	if *accounts < 1 || *accounts > 1000 {
		return usageErr("--accounts must be between 1 and 1000")
	}
	if *delay < time.Second {
		return usageErr("--withdraw-delay must be at least 1s")
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	defer ln.Close()
	sim, err := chain.NewSimulated(ctx, chain.SimOptions{Accounts: *accounts, WithdrawDelay: *delay})
	if err != nil {
		return err
	}
	defer sim.Close()
	// `--key dev` (the publisher's dev key everywhere in wf) gets ether and
	// USDC too.
	dev, err := chain.KeyFromHex(DevKeyHex)
	if err != nil {
		return err
	}
	if err := sim.FundEther(ctx, dev.Address(), new(big.Int).Mul(big.NewInt(1000), ether)); err != nil {
		return err
	}
	if _, err := sim.Client(sim.Accounts()[0]).MintUSDC(ctx, dev.Address(), big.NewInt(1_000_000_000_000)); err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	ct := sim.Contracts()
	id := sim.Client(nil).ChainID()
	if err := a.saveDeployment(url, deployment{ChainID: id.Uint64(), Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow}); err != nil {
		return fmt.Errorf("save the contract addresses: %w", err)
	}
	srv := &http.Server{
		Handler:           sim.RPCHandler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(slog.NewTextHandler(a.Stderr, nil), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	fmt.Fprintf(a.Stdout, `WebFunctions dev chain: %s   chain id %s   (embedded, Osaka rules; Ctrl-C stops)
Contracts (saved in %s for this URL):
  token     %s   MockUSDC, 6 decimals, anyone can mint
  registry  %s
  escrow    %s   withdrawal delay %s
Dev accounts with 1,000,000 USDC each (their keys are public: dev only):
  --key dev    %s
`, url, id, a.contractsStore(), ct.Token.Checksum(), ct.Registry.Checksum(), ct.Escrow.Checksum(), *delay,
		dev.Address().Checksum())
	for i, k := range sim.Accounts() {
		fmt.Fprintf(a.Stdout, "  --key dev:%-3d%s\n", i, k.Address().Checksum())
	}
	fmt.Fprintf(a.Stdout, "\nTry: wf providers --rpc %s\n", url)
	if a.Ready != nil {
		a.Ready(url)
	}
	return awaitShutdown(ctx, srv, errc, 5*time.Second, nil)
}

func (a *App) cmdContracts(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageErr("wf contracts deploy|mint|show")
	}
	switch args[0] {
	case "deploy":
		return a.cmdContractsDeploy(ctx, args[1:])
	case "mint":
		return a.cmdContractsMint(ctx, args[1:])
	case "show":
		return a.cmdContractsShow(ctx, args[1:])
	}
	return usageErr("unknown contracts command %q (deploy, mint, show)", args[0])
}

func (a *App) cmdContractsDeploy(ctx context.Context, args []string) error {
	const usage = "[--token ADDRESS] [--withdraw-delay D] [--out FILE] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("contracts deploy", usage)
	token := fs.String("token", "", "the USDC-like ERC-20 the escrow holds (default: deploy a MockUSDC, for development)")
	delay := fs.Duration("withdraw-delay", 24*time.Hour, "how long an escrow withdrawal waits, so providers can settle first")
	out := fs.String("out", "", "also write the addresses to this JSON file (for --contracts)")
	o := &chainOpts{}
	fs.StringVar(&o.rpc, "rpc", "", "Ethereum JSON-RPC URL of the chain (default $WF_RPC or "+defaultRPC+")")
	fs.StringVar(&o.key, "key", "", "keystore file of the deploying account (default "+payerKeyHelp+"), or dev:N")
	fs.StringVar(&o.passwordFile, "password-file", "", "file holding the keystore password (default: $WF_KEY_PASSWORD or a prompt)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("unexpected arguments %q", pos)
	}
	if *delay < time.Second {
		return usageErr("--withdraw-delay must be at least 1s")
	}
	opts := chain.DeployOptions{WithdrawDelay: *delay}
	if *token != "" {
		if opts.Token, err = wf.ParseAddress(*token); err != nil {
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
		return dialError(rpc, explain(err))
	}
	d := deployment{ChainID: id.Uint64(), Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow}
	if err := a.saveDeployment(rpc, d); err != nil {
		return fmt.Errorf("save the contract addresses: %w", err)
	}
	if *out != "" {
		if err := writeJSONFile(*out, d); err != nil {
			return err
		}
	}
	tok := "(existing)"
	if opts.Token.IsZero() {
		tok = "(MockUSDC: anyone can mint; dev only)"
	}
	fmt.Fprintf(a.Stdout, "chain     %s at %s\ntoken     %s %s\nregistry  %s\nescrow    %s (withdrawal delay %s)\nsaved in  %s\n",
		id, rpc, ct.Token.Checksum(), tok, ct.Registry.Checksum(), ct.Escrow.Checksum(), *delay, a.contractsStore())
	return nil
}

func (a *App) cmdContractsMint(ctx context.Context, args []string) error {
	const usage = "AMOUNT [--to ADDRESS] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("contracts mint", usage)
	to := fs.String("to", "", "account to mint to (default: the key's)")
	o := addChainFlags(fs, payerKeyHelp)
	amt, err := oneAmount(fs, args, usage)
	if err != nil {
		return err
	}
	dst, err := addressFlag("to", *to)
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
		var re *chain.RevertError
		if errors.As(err, &re) {
			return &userError{"the token refused to mint: only the development MockUSDC mints (" + re.Error() + ")", err}
		}
		return err
	}
	bal, err := c.TokenBalance(ctx, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "minted %s USDC to %s; it holds %s USDC (%s)\n", wf.NewAmount(amt).USDC(), dst.Checksum(), wf.NewAmount(bal).USDC(), txNote(r))
	return nil
}

func (a *App) cmdContractsShow(ctx context.Context, args []string) error {
	fs := a.subFlags("contracts show", "[--rpc URL]")
	o := addChainFlags(fs, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("unexpected arguments %q", pos)
	}
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
	fmt.Fprintf(a.Stdout, "chain     %s at %s\ntoken     %s\nregistry  %s (%d providers)\nescrow    %s (withdrawal delay %s)\n",
		c.ChainID(), a.rpcURL(o), ct.Token.Checksum(), ct.Registry.Checksum(), n, ct.Escrow.Checksum(), delay)
	return nil
}

// ether is 10^18 wei.
var ether = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// cmdChainGenesis prints a genesis for `geth init` that gives geth --dev
// today's fork rules (geth --dev alone runs every future fork) and funds
// the dev keys, as `wf chain start` does.
func (a *App) cmdChainGenesis(ctx context.Context, args []string) error {
	fs := a.subFlags("chain genesis", "[--accounts N] [--fund ADDRESS]... > genesis.json")
	accounts := fs.Int("accounts", 10, "fund --key dev and dev:0 ... dev:N-1")
	var extra multiFlag
	fs.Var(&extra, "fund", "also fund this address (repeatable)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *accounts < 0 || *accounts > 1000 {
		return usageErr("wf chain genesis [--accounts N] [--fund ADDRESS]...")
	}
	dev, err := chain.KeyFromHex(DevKeyHex)
	if err != nil {
		return err
	}
	wei := new(big.Int).Mul(big.NewInt(1_000_000), ether)
	alloc := map[wf.Address]*big.Int{chain.GethDevAccount: wei, dev.Address(): wei}
	for i := range *accounts {
		alloc[chain.DevKey(i).Address()] = wei
	}
	for _, s := range extra {
		addr, err := wf.ParseAddress(s)
		if err != nil {
			return fmt.Errorf("--fund: %w", err)
		}
		alloc[addr] = wei
	}
	g, err := chain.DevGenesis(11_500_000, alloc)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.Stdout, "%s\n", g)
	return err
}

// cmdChainFund gives ether to accounts from a dev node's own unlocked
// account (geth --dev), so keystore keys can pay for gas there.
func (a *App) cmdChainFund(ctx context.Context, args []string) error {
	fs := a.subFlags("chain fund", "ADDRESS... [--ether N] [--rpc URL]")
	amount := fs.Int64("ether", 10, "ether to send to each address")
	o := &chainOpts{}
	fs.StringVar(&o.rpc, "rpc", "", "Ethereum JSON-RPC URL of the dev node (default $WF_RPC or "+defaultRPC+")")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || *amount <= 0 {
		return usageErr("wf chain fund ADDRESS... [--ether N] [--rpc URL]")
	}
	var to []wf.Address
	for _, s := range pos {
		addr, err := wf.ParseAddress(s)
		if err != nil {
			return err
		}
		to = append(to, addr)
	}
	rpc := a.rpcURL(o)
	if err := chain.FundFromNode(ctx, rpc, new(big.Int).Mul(big.NewInt(*amount), ether), to...); err != nil {
		return dialError(rpc, err)
	}
	fmt.Fprintf(a.Stdout, "sent %d ETH to each of %d accounts\n", *amount, len(to))
	return nil
}

package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// defaultRPC is where `wf chain start` listens by default.
const defaultRPC = "http://127.0.0.1:8545"

// chainOpts are the flags every chain command takes: which chain, which
// contracts on it, and for commands that sign, whose key.
type chainOpts struct {
	rpc                     []string // one or more endpoints of the same chain
	quorum                  int      // how many of them must agree (0: all)
	contractsFile           string
	token, registry, escrow string
	key, passwordFile       string
}

// addChainFlags adds --rpc, --contracts and the contract address flags to
// fs, and --key and --password-file if keyDefault is not empty (it names
// the default key in the help text).
func addChainFlags(fs *pflag.FlagSet, keyDefault string) *chainOpts {
	o := &chainOpts{}
	addRPCFlag(fs, o, "the chain")
	fs.IntVar(&o.quorum, "rpc-quorum", 0, "with several --rpc, how many must give the same answer for a read to be believed (default $WF_RPC_QUORUM, else all of them)")
	fs.StringVar(&o.contractsFile, "contracts", "", "JSON `FILE` with the contract addresses (default $WF_CONTRACTS, else what `wf contracts deploy` or `wf chain start` saved for this --rpc)")
	fs.StringVar(&o.token, "token", "", "token contract `ADDRESS` (overrides --contracts)")
	fs.StringVar(&o.registry, "registry", "", "registry contract `ADDRESS` (overrides --contracts)")
	fs.StringVar(&o.escrow, "escrow", "", "escrow contract `ADDRESS` (overrides --contracts)")
	if keyDefault != "" {
		addSignerFlags(fs, o, "keystore `FILE` to sign with (default "+keyDefault+"), or dev / dev:N for the public keys funded on a dev chain")
	}
	return o
}

// addRPCFlag adds --rpc, the JSON-RPC URLs of what (the chain, a dev
// node): repeated or comma-separated, reads are checked across all of them
// and transactions go to the first.
func addRPCFlag(fs *pflag.FlagSet, o *chainOpts, what string) {
	fs.StringSliceVar(&o.rpc, "rpc", nil, "Ethereum JSON-RPC `URL` of "+what+"; repeat or comma-separate independent endpoints to check every read against all of them (default $WF_RPC or "+defaultRPC+")")
}

// addSignerFlags adds --key and --password-file for a chain command that
// signs; keyDefault names the default key in the help text.
func addSignerFlags(fs *pflag.FlagSet, o *chainOpts, keyHelp string) {
	fs.StringVar(&o.key, "key", "", keyHelp)
	fs.StringVar(&o.passwordFile, "password-file", "", "`FILE` holding the keystore password (default: $WF_KEY_PASSWORD or a prompt)")
}

// rpcURL is the chain's first JSON-RPC URL, which transactions go to and
// saved contract addresses are keyed by.
func (a *App) rpcURL(o *chainOpts) string { return a.rpcURLs(o)[0] }

// rpcURLs are the chain's JSON-RPC URLs: --rpc, else $WF_RPC (commas
// separate several), else the chain of a wf dev running with this
// WF_HOME, else the default of `wf chain start`.
func (a *App) rpcURLs(o *chainOpts) []string {
	in := o.rpc
	if len(in) == 0 {
		in = strings.Split(a.Getenv("WF_RPC"), ",")
	}
	var us []string
	for _, u := range in {
		if u = strings.TrimRight(strings.TrimSpace(u), "/"); u != "" {
			us = append(us, u)
		}
	}
	if len(us) == 0 {
		us = []string{defaultRPC}
		if r := a.devChainRPC(); r != "" { // wf dev's, wherever it moved
			us = []string{r}
		}
	}
	return us
}

// logChainReads says, for a long-running command, how its chain reads are
// checked.
func (a *App) logChainReads(log *slog.Logger, o *chainOpts) {
	us := a.rpcURLs(o)
	if len(us) < 2 {
		log.Info("chain reads trust one endpoint; give several --rpc to check them", "rpc", chain.RedactURL(us[0]))
		return
	}
	k := len(us)
	if qo, err := a.quorumOptions(o); err == nil && qo.Quorum > 0 {
		k = qo.Quorum
	}
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = chain.RedactURL(u)
	}
	log.Info("chain reads checked across endpoints", "endpoints", strings.Join(names, ","), "must_agree", k)
}

// quorumOptions says how reads over several --rpc are checked: --rpc-quorum,
// else $WF_RPC_QUORUM, else all must agree.
func (a *App) quorumOptions(o *chainOpts) (chain.QuorumOptions, error) {
	k := o.quorum
	if k == 0 {
		if s := a.Getenv("WF_RPC_QUORUM"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return chain.QuorumOptions{}, usageErr("WF_RPC_QUORUM=%q: want a number", s)
			}
			k = n
		}
	}
	if n := len(a.rpcURLs(o)); k < 0 || k > n {
		return chain.QuorumOptions{}, usageErr("--rpc-quorum %d: want between 1 and the number of --rpc endpoints (%d)", k, n)
	}
	return chain.QuorumOptions{Quorum: k}, nil
}

// deployment is a set of contracts on one chain, as contract files hold it.
type deployment struct {
	ChainID  uint64     `json:"chainId"`
	Token    wf.Address `json:"token"`
	Registry wf.Address `json:"registry"`
	Escrow   wf.Address `json:"escrow"`
	// Attestations is the auditors' contract, where one is known (wf dev).
	Attestations wf.Address `json:"attestations,omitzero"`
	// Rewards and Stake are the rewards pool and the provider stake
	// contract, where known (wf rewards deploy, wf stake deploy, wf dev).
	Rewards wf.Address `json:"rewards,omitzero"`
	Stake   wf.Address `json:"stake,omitzero"`
	Credits wf.Address `json:"credits,omitzero"`
}

func (d deployment) contracts() chain.Contracts {
	return chain.Contracts{Token: d.Token, Registry: d.Registry, Escrow: d.Escrow}
}

// contractsStore is where deployments are remembered, by RPC URL.
func (a *App) contractsStore() string { return filepath.Join(a.home(), "contracts.json") }

func (a *App) loadStore() (map[string]deployment, error) {
	m := map[string]deployment{}
	b, err := os.ReadFile(a.contractsStore())
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", a.contractsStore(), err)
	}
	return m, nil
}

// saveDeployment remembers d as the contracts of the chain at rpc.
func (a *App) saveDeployment(rpc string, d deployment) error {
	m, err := a.loadStore()
	if err != nil {
		return err
	}
	m[rpc] = d
	return writeJSONFile(a.contractsStore(), m)
}

// writeJSONFile replaces path atomically. Addresses are public: mode 0644.
func writeJSONFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".contracts-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// deploymentFor finds the contracts for the chain at rpc: --contracts or
// $WF_CONTRACTS, else the saved deployment for rpc, then the address flags
// on top.
func (a *App) deploymentFor(rpc string, o *chainOpts) (deployment, error) {
	var d deployment
	file := o.contractsFile
	if file == "" {
		file = a.Getenv("WF_CONTRACTS")
	}
	switch {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return d, fmt.Errorf("contracts file: %w", err)
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return d, fmt.Errorf("contracts file %s: %w", file, err)
		}
	default:
		m, err := a.loadStore()
		if err != nil {
			return d, err
		}
		d = m[rpc]
		if d.Registry.IsZero() && o.token == "" && o.registry == "" && o.escrow == "" {
			k, ok, err := knownDeployment(rpc)
			if err != nil {
				return d, dialError(rpc, err)
			}
			if ok {
				d = k
			}
		}
	}
	for _, f := range []struct {
		flag, val string
		dst       *wf.Address
	}{{"token", o.token, &d.Token}, {"registry", o.registry, &d.Registry}, {"escrow", o.escrow, &d.Escrow}} {
		if f.val == "" {
			continue
		}
		addr, err := wf.ParseAddress(f.val)
		if err != nil {
			return d, usageErr("--%s: %v", f.flag, err)
		}
		*f.dst = addr
	}
	if d.Token.IsZero() && d.Registry.IsZero() && d.Escrow.IsZero() {
		return d, fmt.Errorf("no contracts known for the chain at %s: join its network with `wf contracts import FILE|URL --rpc %s`, deploy them with `wf contracts deploy --rpc %s` (or run `wf chain start`), or pass --contracts FILE", rpc, rpc, rpc)
	}
	return d, nil
}

// dial connects to the chain and its contracts, signing with key (nil:
// read-only).
func (a *App) dial(ctx context.Context, o *chainOpts, key *chain.Key) (*chain.Client, error) {
	rpc := a.rpcURL(o)
	d, err := a.deploymentFor(rpc, o)
	if err != nil {
		return nil, err
	}
	qo, err := a.quorumOptions(o)
	if err != nil {
		return nil, err
	}
	c, err := chain.DialEndpoints(ctx, a.rpcURLs(o), key, chain.Config{Contracts: d.contracts(), Quorum: qo})
	if err != nil {
		return nil, dialError(rpc, err)
	}
	if d.ChainID != 0 && c.ChainID().Uint64() != d.ChainID {
		c.Close()
		return nil, fmt.Errorf("the contracts are for chain %d, but the chain at %s is %s", d.ChainID, rpc, c.ChainID())
	}
	return c, nil
}

func dialError(rpc string, err error) error {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return &userError{fmt.Sprintf("no chain at %s (start one with `wf chain start`, or pass --rpc URL)", rpc), err}
	}
	return err
}

// signer loads the key o names: dev or dev:N (chain.DevKey), else a
// keystore file (default def).
func (a *App) signer(o *chainOpts, def string) (*chain.Key, error) {
	if k, ok, err := devKey(o.key); ok || err != nil {
		return k, err
	}
	path := o.key
	if path == "" {
		path = def
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no key at %s: create one with `wf keys new --key %s`, or use --key dev:N on a dev chain", path, path)
	}
	pw, err := a.password(o.passwordFile, false)
	if err != nil {
		return nil, err
	}
	return chain.LoadKeystore(path, pw)
}

// devKey parses "dev", the public development key every wf command takes
// (DevKeyHex), and "dev:N", the N-th account of the embedded dev chain
// (chain.DevKey). Both are funded by `wf chain start` and `wf dev`.
func devKey(s string) (*chain.Key, bool, error) {
	if s == "dev" {
		k, err := chain.KeyFromHex(DevKeyHex)
		return k, true, err
	}
	n, ok := strings.CutPrefix(s, "dev:")
	if !ok {
		return nil, false, nil
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i > 1<<20 {
		return nil, true, usageErr("--key %s: want dev:N with N a small non-negative number", s)
	}
	return chain.DevKey(i), true, nil
}

func (a *App) payerKeyPath() string    { return filepath.Join(a.home(), "key.json") }
func (a *App) providerKeyPath() string { return filepath.Join(a.home(), "provider", "key.json") }

// parseGwei parses a non-negative decimal amount of gwei into wei.
func parseGwei(s string) (*big.Int, error) { return wf.ParseDecimal(s, 9, "gwei") }

// positiveUSDC parses a required, positive amount flag.
func positiveUSDC(flagName, s string) (*big.Int, error) {
	if s == "" {
		return nil, usageErr("--%s AMOUNT (USDC) is required", flagName)
	}
	n, err := wf.ParseUSDC(s)
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", flagName, err)
	}
	if n.Sign() == 0 {
		return nil, invalid("--%s must be more than 0", flagName)
	}
	return n.Big(), nil
}

// amountArg parses a command's positional, positive amount.
func amountArg(s string) (*big.Int, error) {
	n, err := wf.ParseUSDC(s)
	if err != nil {
		return nil, err
	}
	if n.Sign() == 0 {
		return nil, invalid("amount %q: must be more than 0", s)
	}
	return n.Big(), nil
}

// resolveProvider takes a provider's registered name or its address; it
// returns the address and, for a name, the registry entry.
func resolveProvider(ctx context.Context, c *chain.Client, s string) (wf.Address, *chain.Provider, error) {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		addr, err := wf.ParseAddress(s)
		if err != nil {
			return wf.Address{}, nil, err
		}
		return addr, nil, nil
	}
	p, err := c.LookupProvider(ctx, s)
	if err != nil {
		return wf.Address{}, nil, chain.Explain(err)
	}
	return p.Owner, &p, nil
}

// invalid is a wf.ErrInvalid error whose text is only the message.
func invalid(format string, args ...any) error {
	return wf.E(wf.ErrInvalid, fmt.Sprintf(format, args...), nil)
}

// takesAmounts makes cmd, whose positional arguments are amounts, refuse
// "-1" as a negative amount rather than as an unknown flag.
func takesAmounts(cmd *cobra.Command) *cobra.Command {
	cmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		var ne *pflag.NotExistError
		if errors.As(err, &ne) {
			if s := ne.GetSpecifiedShortnames(); s != "" && (s[0] == '.' || (s[0] >= '0' && s[0] <= '9')) {
				return invalid("amount %q: must not be negative", "-"+s)
			}
		}
		return flagError(cmd, err)
	})
	return cmd
}

// addressFlag parses the address flag --name, the zero Address if unset.
func addressFlag(name, s string) (wf.Address, error) {
	if s == "" {
		return wf.Address{}, nil
	}
	a, err := wf.ParseAddress(s)
	if err != nil {
		return wf.Address{}, fmt.Errorf("--%s: %w", name, err)
	}
	return a, nil
}

// userError is an error with a message for people that still matches
// what it wraps: the cli's own hints about its commands and flags.
// Contract reverts are explained by chain.Explain.
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

// readyAt says when a withdrawal can be completed, given the chain's
// time now (its latest block's, which decides).
func readyAt(t, now time.Time) string {
	s := "it can be completed from " + t.UTC().Format(time.RFC3339)
	if d := t.Sub(now).Round(time.Second); d > 0 {
		s += fmt.Sprintf(" (in %s)", d)
	}
	return s
}

// chainNow is the chain's time, or this machine's if the chain does not
// say.
func chainNow(ctx context.Context, c *chain.Client) time.Time {
	if t, err := c.HeadTime(ctx); err == nil {
		return t
	}
	return time.Now()
}

// txNote describes a mined transaction for the user.
func txNote(r chain.Receipt) string {
	return fmt.Sprintf("tx %s, block %d, gas %d", r.TxHash, r.Block, r.GasUsed)
}

// connect loads the signing key (def is its default keystore) and dials
// the chain with it: what every command that sends a transaction does.
func (a *App) connect(ctx context.Context, o *chainOpts, def string) (*chain.Client, *chain.Key, error) {
	key, err := a.signer(o, def)
	if err != nil {
		return nil, nil, err
	}
	c, err := a.dial(ctx, o, key)
	if err != nil {
		return nil, nil, err
	}
	return c, key, nil
}

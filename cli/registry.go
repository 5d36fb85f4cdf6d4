package cli

import (
	"context"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"text/tabwriter"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// providerSubcommands are the `wf provider` subcommands that work on the
// on-chain registry. cmdProvider (provider.go) runs `start` itself and
// hands any name found here to its function, with the arguments after the
// name.
var providerSubcommands = map[string]func(a *App, ctx context.Context, args []string) error{
	"register":   (*App).cmdProviderRegister,
	"update":     (*App).cmdProviderUpdate,
	"show":       (*App).cmdProviderShow,
	"deregister": (*App).cmdProviderDeregister,
}

func init() {
	register("providers", command{"[--rpc URL]", "list the providers in the on-chain registry with their price and endpoint", (*App).cmdProviders})
}

// noSealingKey is registered when a provider has no sealing key yet (the
// registry refuses an empty one): one zero byte, which no HPKE public key
// is, so nothing can be sealed to it. `wf provider show` prints "none".
var noSealingKey = []byte{0}

// entryFlags are the registry fields a provider sets.
type entryFlags struct {
	endpoint, price, sealingKey, metadata string
}

func addEntryFlags(fs *flag.FlagSet) *entryFlags {
	e := &entryFlags{}
	fs.StringVar(&e.endpoint, "endpoint", "", "base URL callers reach the provider at, e.g. https://node.example.com")
	fs.StringVar(&e.price, "price", "", "price per request in USDC, e.g. 0.001 (6 decimals at most)")
	fs.StringVar(&e.sealingKey, "sealing-key", "", "hex HPKE public key secrets are sealed to (none yet if empty)")
	fs.StringVar(&e.metadata, "metadata", "", "CID of further metadata (optional)")
	return e
}

// apply sets the fields named in set on p, checking them.
func (e *entryFlags) apply(p *chain.Provider, set map[string]bool) error {
	if set["endpoint"] {
		u, err := url.Parse(e.endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return invalid("--endpoint %q: want an http(s) URL like https://node.example.com", e.endpoint)
		}
		p.Endpoint = strings.TrimRight(e.endpoint, "/")
	}
	if set["price"] {
		n, err := wf.ParseUSDC(e.price)
		if err != nil {
			return fmt.Errorf("--price: %w", err)
		}
		p.PricePerRequest = n.Big()
	}
	if set["sealing-key"] {
		if e.sealingKey == "" {
			p.SealingKey = noSealingKey
		} else {
			k, err := hex.DecodeString(strings.TrimPrefix(e.sealingKey, "0x"))
			if err != nil || len(k) == 0 {
				return invalid("--sealing-key: want hex bytes")
			}
			p.SealingKey = k
		}
	}
	if set["metadata"] {
		if e.metadata != "" {
			if _, err := wf.ParseCID(e.metadata); err != nil {
				return fmt.Errorf("--metadata: %w", err)
			}
		}
		p.MetadataCID = e.metadata
	}
	return nil
}

func flagsSet(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

const providerKeyHelp = "$WF_HOME/provider/key.json"

func (a *App) cmdProviderRegister(ctx context.Context, args []string) error {
	const usage = "NAME --endpoint URL --price USDC [--sealing-key HEX] [--metadata CID] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("provider register", usage)
	e := addEntryFlags(fs)
	o := addChainFlags(fs, providerKeyHelp)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf provider register %s", usage)
	}
	set := flagsSet(fs)
	if !set["endpoint"] || !set["price"] {
		return usageErr("wf provider register needs --endpoint URL and --price USDC")
	}
	set["sealing-key"] = true // empty: none yet
	p := chain.Provider{Name: pos[0]}
	if err := e.apply(&p, set); err != nil {
		return err
	}
	c, key, err := a.connect(ctx, o, a.providerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	r, err := c.RegisterProvider(ctx, p)
	if err != nil {
		return explain(err)
	}
	fmt.Fprintf(a.Stdout, "registered %q for %s: %s at %s USDC per request (%s)\n",
		p.Name, key.Address().Checksum(), p.Endpoint, wf.NewAmount(p.PricePerRequest).USDC(), txNote(r))
	return nil
}

func (a *App) cmdProviderUpdate(ctx context.Context, args []string) error {
	const usage = "NAME [--endpoint URL] [--price USDC] [--sealing-key HEX] [--metadata CID] [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("provider update", usage)
	e := addEntryFlags(fs)
	o := addChainFlags(fs, providerKeyHelp)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf provider update %s", usage)
	}
	set := flagsSet(fs)
	if !set["endpoint"] && !set["price"] && !set["sealing-key"] && !set["metadata"] {
		return usageErr("nothing to update: pass --endpoint, --price, --sealing-key or --metadata")
	}
	c, _, err := a.connect(ctx, o, a.providerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	// The registry replaces every field: start from the current entry.
	p, err := c.LookupProvider(ctx, pos[0])
	if err != nil {
		return explain(err)
	}
	if err := e.apply(&p, set); err != nil {
		return err
	}
	r, err := c.UpdateProvider(ctx, p)
	if err != nil {
		return explain(err)
	}
	fmt.Fprintf(a.Stdout, "updated %q: %s at %s USDC per request (%s)\n", p.Name, p.Endpoint, wf.NewAmount(p.PricePerRequest).USDC(), txNote(r))
	return nil
}

func (a *App) cmdProviderShow(ctx context.Context, args []string) error {
	const usage = "NAME [--rpc URL]"
	fs := a.subFlags("provider show", usage)
	o := addChainFlags(fs, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf provider show %s", usage)
	}
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	p, err := c.LookupProvider(ctx, pos[0])
	if err != nil {
		return explain(err)
	}
	sk := "none"
	if string(p.SealingKey) != string(noSealingKey) {
		sk = fmt.Sprintf("0x%x (%d bytes)", p.SealingKey, len(p.SealingKey))
	}
	md := p.MetadataCID
	if md == "" {
		md = "-"
	}
	fmt.Fprintf(a.Stdout, "name         %s\nowner        %s\nendpoint     %s\nprice        %s USDC per request\nsealing key  %s\nmetadata     %s\n",
		p.Name, p.Owner.Checksum(), p.Endpoint, wf.NewAmount(p.PricePerRequest).USDC(), sk, md)
	return nil
}

func (a *App) cmdProviderDeregister(ctx context.Context, args []string) error {
	const usage = "NAME [--key FILE|dev:N] [--rpc URL]"
	fs := a.subFlags("provider deregister", usage)
	o := addChainFlags(fs, providerKeyHelp)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf provider deregister %s", usage)
	}
	c, _, err := a.connect(ctx, o, a.providerKeyPath())
	if err != nil {
		return err
	}
	defer c.Close()
	r, err := c.DeregisterProvider(ctx, pos[0])
	if err != nil {
		return explain(err)
	}
	fmt.Fprintf(a.Stdout, "deregistered %q; the name is free again (%s)\n", pos[0], txNote(r))
	return nil
}

func (a *App) cmdProviders(ctx context.Context, args []string) error {
	fs := a.subFlags("providers", "[--rpc URL]")
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
	ps, err := c.ListProviders(ctx)
	if err != nil {
		return explain(err)
	}
	if len(ps) == 0 {
		fmt.Fprintf(a.Stdout, "no providers registered on chain %s\n", c.ChainID())
		return nil
	}
	tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tADDRESS\tPRICE (USDC)\tENDPOINT")
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Name, p.Owner.Checksum(), wf.NewAmount(p.PricePerRequest).USDC(), p.Endpoint)
	}
	return tw.Flush()
}

package cli

import (
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// noSealingKey is registered when a provider has no sealing key yet (the
// registry refuses an empty one): one zero byte, which no HPKE public key
// is, so nothing can be sealed to it. `wf provider show` prints "none".
var noSealingKey = []byte{0}

// entryFlags are the registry fields a provider sets.
type entryFlags struct {
	endpoint, price, sealingKey, metadata string
}

func addEntryFlags(fs *pflag.FlagSet) *entryFlags {
	e := &entryFlags{}
	fs.StringVar(&e.endpoint, "endpoint", "", "base `URL` callers reach the provider at, e.g. https://node.example.com; a node tunnelled to several gateways lists one URL on each, separated by spaces or commas")
	fs.StringVar(&e.price, "price", "", "price per request in `USDC`, e.g. 0.001 (6 decimals at most)")
	fs.StringVar(&e.sealingKey, "sealing-key", "", "`HEX` HPKE public key secrets are sealed to (none yet if empty)")
	fs.StringVar(&e.metadata, "metadata", "", "`CID` of further metadata (optional)")
	return e
}

// apply sets the fields named in set on p, checking them.
func (e *entryFlags) apply(p *chain.Provider, set map[string]bool) error {
	if set["endpoint"] {
		// Several URLs, separated by spaces or commas: one per gateway a
		// tunnelled provider keeps a tunnel to.
		var eps []string
		for _, ep := range strings.FieldsFunc(e.endpoint, func(r rune) bool { return r == ' ' || r == ',' }) {
			u, err := url.Parse(ep)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return invalid("--endpoint %q: want an http(s) URL like https://node.example.com", ep)
			}
			eps = append(eps, strings.TrimRight(ep, "/"))
		}
		if len(eps) == 0 {
			return invalid("--endpoint %q: want an http(s) URL like https://node.example.com", e.endpoint)
		}
		p.Endpoint = strings.Join(eps, " ")
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

// flagsSet says which of the flags names were given.
func flagsSet(fs *pflag.FlagSet, names ...string) map[string]bool {
	set := map[string]bool{}
	for _, n := range names {
		set[n] = fs.Changed(n)
	}
	return set
}

const providerKeyHelp = "$WF_HOME/provider/key.json"

func (a *App) providerRegisterCmd() *cobra.Command {
	var e *entryFlags
	var o *chainOpts
	var config string
	cmd := &cobra.Command{
		Use:   "register [NAME] --endpoint URL --price USDC | --config FILE",
		Short: "register a provider name in the on-chain registry",
		Long: `Register NAME in the on-chain registry for the provider's key: its
endpoint, price per request, sealing key and metadata. Gateways route
https://NAME.DOMAIN/ to the endpoint; payers approve the provider by name.
The name is first come, first served, and costs a bond in ether (the
registry's, fixed when it was deployed; 0.001 on a dev chain) that
'wf provider release' pays back. It is held for the registry's lease,
which a running node ('wf provider start' with the key) renews on its own
long before it ends, or 'wf provider renew'. A name not renewed by lease +
grace can be reclaimed by anyone ('wf provider reclaim'): 90% of the bond
goes back to the holder, 10% to whoever reclaimed it.`,
		Example: `  wf provider register alpha --endpoint https://alpha.example.com --price 0.001 \
      --sealing-key $(wf provider init --hex)
  wf provider register --config ~/.wf/provider/provider.toml`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var cfgName string
			if config != "" {
				var err error
				if cfgName, err = applyEntryConfig(cmd, config); err != nil {
					return err
				}
			}
			name, err := entryName(args, cfgName)
			if err != nil {
				return err
			}
			set := flagsSet(cmd.Flags(), "endpoint", "price", "sealing-key", "metadata")
			if !set["endpoint"] || !set["price"] {
				return usageErr("wf provider register needs --endpoint URL and --price USDC (or --config with public-url and price)")
			}
			set["sealing-key"] = true // empty: none yet
			p := chain.Provider{Name: name}
			if err := e.apply(&p, set); err != nil {
				return err
			}
			ctx := cmd.Context()
			c, key, err := a.connect(ctx, o, a.providerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			terms, err := c.RegistryTerms(ctx)
			if err != nil {
				return err
			}
			r, err := c.RegisterProviderBond(ctx, p, terms.Bond)
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "registered %q for %s: %s at %s USDC per request (%s)\n",
				p.Name, key.Address().Checksum(), p.Endpoint, wf.NewAmount(p.PricePerRequest).USDC(), txNote(r))
			fmt.Fprintf(a.Stdout, "bond: %s ether deposited, paid back by `wf provider release %s`\n", chain.Ether(terms.Bond), p.Name)
			if q, err := c.LookupProvider(ctx, p.Name); err == nil {
				fmt.Fprintf(a.Stdout, "lease: until %s; a running node renews it, or `wf provider renew %s`; reclaimable by anyone from %s\n",
					q.Expires.UTC().Format(time.RFC3339), p.Name, terms.Reclaimable(q).UTC().Format(time.RFC3339))
			}
			return nil
		},
	}
	e = addEntryFlags(cmd.Flags())
	o = addChainFlags(cmd.Flags(), providerKeyHelp)
	addEntryConfigFlag(cmd.Flags(), &config)
	return cmd
}

func (a *App) providerUpdateCmd() *cobra.Command {
	var e *entryFlags
	var o *chainOpts
	var mf, config string
	cmd := &cobra.Command{
		Use:   "update [NAME]",
		Short: "change a registered provider's endpoint, price, sealing key or metadata",
		Long: `Change the fields given of NAME's registry entry; the others stay as they
are. Only the key that registered NAME may.`,
		Example: `  wf provider update --config ~/.wf/provider/provider.toml   # the entry the node's config describes
  wf provider update alpha --price 0.0025
  wf provider update alpha --sealing-key $(wf provider init --hex)
  wf provider update alpha --manifest manifest.json`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var cfgName string
			if config != "" {
				var err error
				if cfgName, err = applyEntryConfig(cmd, config); err != nil {
					return err
				}
			}
			name, err := entryName(args, cfgName)
			if err != nil {
				return err
			}
			set := flagsSet(cmd.Flags(), "endpoint", "price", "sealing-key", "metadata", "manifest")
			if !set["endpoint"] && !set["price"] && !set["sealing-key"] && !set["metadata"] && !set["manifest"] {
				return usageErr("nothing to update: pass --endpoint, --price, --sealing-key, --metadata or --manifest")
			}
			if set["manifest"] {
				if set["metadata"] {
					return usageErr("--manifest sets the metadata CID: pass one of --manifest and --metadata")
				}
				if err := e.useManifest(mf); err != nil {
					return err
				}
				set["metadata"] = true
			}
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.providerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			// The registry replaces every field: start from the current entry.
			p, err := c.LookupProvider(ctx, name)
			if err != nil {
				return chain.Explain(err)
			}
			if err := e.apply(&p, set); err != nil {
				return err
			}
			r, err := c.UpdateProvider(ctx, p)
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "updated %q: %s at %s USDC per request (%s)\n", p.Name, p.Endpoint, wf.NewAmount(p.PricePerRequest).USDC(), txNote(r))
			return nil
		},
	}
	e = addEntryFlags(cmd.Flags())
	o = addChainFlags(cmd.Flags(), providerKeyHelp)
	cmd.Flags().StringVar(&mf, "manifest", "", "publish the provider manifest in `FILE`: its CID becomes the metadata CID (serve it with wf provider start --manifest FILE)")
	addEntryConfigFlag(cmd.Flags(), &config)
	return cmd
}

// providerJSON is a registry entry as --json prints it.
type providerJSON struct {
	Name       string `json:"name"`
	Owner      string `json:"owner"`
	Endpoint   string `json:"endpoint"`
	Price      string `json:"price"`
	SealingKey string `json:"sealingKey"`
	Metadata   string `json:"metadata"`
	Expires    string `json:"expires"`
}

// providerFieldsHelp documents providerJSON.
const providerFieldsHelp = `  name        string, the registered name
  owner       string, the provider's address (checksummed)
  endpoint    string, the base URL
  price       string, USDC per request, 6 decimals ("0.001000")
  sealingKey  string, 0x-hex public key; "" when none is registered
  metadata    string, CID of further metadata; "" when none
  expires     string, RFC 3339 UTC time the lease ends`

func toProviderJSON(p chain.Provider) providerJSON {
	j := providerJSON{Name: p.Name, Owner: p.Owner.Checksum(), Endpoint: p.Endpoint, Price: wf.NewAmount(p.PricePerRequest).USDC(), Metadata: p.MetadataCID,
		Expires: p.Expires.UTC().Format(time.RFC3339)}
	if string(p.SealingKey) != string(noSealingKey) {
		j.SealingKey = "0x" + hex.EncodeToString(p.SealingKey)
	}
	return j
}

func (a *App) providerShowCmd() *cobra.Command {
	var o *chainOpts
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "show a provider's registry entry",
		Long: `Show NAME's entry in the on-chain registry.

With --json, prints one object:
` + providerFieldsHelp,
		Example: `  wf provider show alpha --rpc http://127.0.0.1:8545`,
		Args:    argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, err := a.dial(ctx, o, nil)
			if err != nil {
				return err
			}
			defer c.Close()
			p, err := c.LookupProvider(ctx, args[0])
			if err != nil {
				return chain.Explain(err)
			}
			if asJSON {
				return a.printJSON(toProviderJSON(p))
			}
			sk := "none"
			if string(p.SealingKey) != string(noSealingKey) {
				sk = fmt.Sprintf("0x%x (%d bytes)", p.SealingKey, len(p.SealingKey))
			}
			md := p.MetadataCID
			if md == "" {
				md = "-"
			}
			fmt.Fprintf(a.Stdout, "name         %s\nowner        %s\nendpoint     %s\nprice        %s USDC per request\nsealing key  %s\nmetadata     %s\nexpires      %s\n",
				p.Name, p.Owner.Checksum(), p.Endpoint, wf.NewAmount(p.PricePerRequest).USDC(), sk, md, p.Expires.UTC().Format(time.RFC3339))
			if terms, err := c.RegistryTerms(ctx); err == nil {
				fmt.Fprintf(a.Stdout, "bond         %s ether; reclaimable by anyone from %s unless renewed\n",
					chain.Ether(terms.Bond), terms.Reclaimable(p).UTC().Format(time.RFC3339))
			}
			return nil
		},
	}
	o = addChainFlags(cmd.Flags(), "")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	return cmd
}

func (a *App) providerDeregisterCmd() *cobra.Command {
	var o *chainOpts
	cmd := &cobra.Command{
		Use:     "release NAME",
		Aliases: []string{"deregister"},
		Short:   "remove a provider's registry entry and get its bond back; the name is free again",
		Args:    argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.providerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			terms, err := c.RegistryTerms(ctx)
			if err != nil {
				return err
			}
			r, err := c.DeregisterProvider(ctx, args[0])
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "released %q; the name is free again and its bond of %s ether is paid back (%s)\n", args[0], chain.Ether(terms.Bond), txNote(r))
			return nil
		},
	}
	o = addChainFlags(cmd.Flags(), providerKeyHelp)
	return cmd
}

func (a *App) providerRenewCmd() *cobra.Command {
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "renew NAME",
		Short: "extend the lease on a registered provider name",
		Long: `Extend NAME's lease by the registry's lease, from now. A running node
('wf provider start' with the name's key) does this on its own once less
than half the lease is left; this command is for a name no node serves.`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.providerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			r, err := c.RenewProvider(ctx, args[0])
			if err != nil {
				return chain.Explain(err)
			}
			p, err := c.LookupProvider(ctx, args[0])
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "renewed %q until %s (%s)\n", args[0], p.Expires.UTC().Format(time.RFC3339), txNote(r))
			return nil
		},
	}
	o = addChainFlags(cmd.Flags(), providerKeyHelp)
	return cmd
}

func (a *App) providerReclaimCmd() *cobra.Command {
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "reclaim NAME",
		Short: "free a provider name whose lease lapsed past its grace; earns part of its bond",
		Long: `Free NAME for anyone to register when its holder has not renewed it for
the registry's lease plus grace. The former holder gets 90% of its bond
back and your key the other 10%. 'wf provider register' reclaims a lapsed
name on its own.`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.providerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			r, err := c.ReclaimProvider(ctx, args[0])
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "reclaimed %q; the name is free again (%s)\n", args[0], txNote(r))
			return nil
		},
	}
	o = addChainFlags(cmd.Flags(), providerKeyHelp)
	return cmd
}

func (a *App) providersCmd() *cobra.Command {
	var o *chainOpts
	var asJSON bool
	var stake string
	cmd := &cobra.Command{
		Use:   "providers",
		Short: "list the providers in the on-chain registry with their price and endpoint",
		Long: `List the providers registered on the chain: name, address, price per
request and endpoint, and whether it is staked (a bond in the stake
contract that a provably wrong answer loses) when a stake contract is known
(--stake, $WF_STAKE, or saved with this chain's contracts, as wf dev does).

With --json, prints an array (empty when none is registered) of objects:
` + providerFieldsHelp + `
  staked      bool, when a stake contract is known: bonded at its minimum, not unbonding`,
		Example: `  wf providers --rpc http://127.0.0.1:8545
  wf providers --json | jq -r '.[].endpoint'`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, err := a.dial(ctx, o, nil)
			if err != nil {
				return err
			}
			defer c.Close()
			ps, err := c.ListProviders(ctx)
			if err != nil {
				return chain.Explain(err)
			}
			staked, err := a.stakedOf(ctx, c, stake, ps) // cli/stake_discovery.go
			if err != nil {
				return err
			}
			if asJSON {
				type withStake struct {
					providerJSON
					Staked *bool `json:"staked,omitempty"`
				}
				out := make([]withStake, len(ps))
				for i, p := range ps {
					out[i].providerJSON = toProviderJSON(p)
					if s, ok := staked[p.Owner]; ok {
						out[i].Staked = &s
					}
				}
				return a.printJSON(out)
			}
			if len(ps) == 0 {
				fmt.Fprintf(a.Stdout, "no providers registered on chain %s\n", c.ChainID())
				return nil
			}
			tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
			if staked == nil {
				fmt.Fprintln(tw, "NAME\tADDRESS\tPRICE (USDC)\tENDPOINT")
			} else {
				fmt.Fprintln(tw, "NAME\tADDRESS\tPRICE (USDC)\tSTAKED\tENDPOINT")
			}
			for _, p := range ps {
				if staked == nil {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Name, p.Owner.Checksum(), wf.NewAmount(p.PricePerRequest).USDC(), p.Endpoint)
				} else {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%t\t%s\n", p.Name, p.Owner.Checksum(), wf.NewAmount(p.PricePerRequest).USDC(), staked[p.Owner], p.Endpoint)
				}
			}
			return tw.Flush()
		},
	}
	o = addChainFlags(cmd.Flags(), "")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	cmd.Flags().StringVar(&stake, "stake", "", stakeHelp)
	cmd.AddCommand(a.providersSearchCmd())
	return cmd
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// This file has `wf rewards`: the rewards pool (contracts/src/RewardsPool.sol)
// and its epoch job (package rewards).

// extraContract finds a contract beyond the three every deployment has:
// the flag, else the environment variable, else what the saved deployment
// for this chain remembers (pick).
func (a *App) extraContract(o *chainOpts, flag, flagName, env string, pick func(deployment) wf.Address) (wf.Address, error) {
	s := flag
	if s == "" {
		s = a.Getenv(env)
	}
	if s != "" {
		return addressFlag(flagName, s)
	}
	if d, err := a.deploymentFor(a.rpcURL(o), o); err == nil && !pick(d).IsZero() {
		return pick(d), nil
	}
	if m, err := a.loadStore(); err == nil {
		if d, ok := m[a.rpcURL(o)]; ok && !pick(d).IsZero() {
			return pick(d), nil
		}
	}
	return wf.Address{}, usageErr("no %s contract: pass --%s 0xADDR or set %s (wf dev prints it)", flagName, flagName, env)
}

// remember saves addr into the deployment saved for this chain, so later
// commands find it.
func (a *App) remember(o *chainOpts, set func(*deployment)) error {
	rpc := a.rpcURL(o)
	d, err := a.deploymentFor(rpc, o)
	if err != nil {
		return err
	}
	set(&d)
	return a.saveDeployment(rpc, d)
}

// poolAs connects as the key at keyPath (or --key) and opens the rewards
// pool (--pool, $WF_REWARDS, else the one saved for the chain). The caller
// closes the client.
func (a *App) poolAs(ctx context.Context, o *chainOpts, keyPath, pool string) (*chain.Client, *chain.Key, *chain.RewardsPool, error) {
	c, key, err := a.connect(ctx, o, keyPath)
	if err != nil {
		return nil, nil, nil, err
	}
	p, err := a.rewardsPool(ctx, c, o, pool)
	if err != nil {
		c.Close()
		return nil, nil, nil, err
	}
	return c, key, p, nil
}

func (a *App) rewardsPool(ctx context.Context, c *chain.Client, o *chainOpts, flag string) (*chain.RewardsPool, error) {
	addr, err := a.extraContract(o, flag, "pool", "WF_REWARDS", func(d deployment) wf.Address { return d.Rewards })
	if err != nil {
		return nil, err
	}
	return c.RewardsPool(ctx, addr)
}

func (a *App) rewardsCmd() *cobra.Command {
	return group("rewards", "rewards for good providers: a sponsor-funded pool paid out per epoch",
		`Rewards for good providers. Sponsors fund a pool; after each epoch the
auditors compute what each provider earned (what payers paid it through the
escrow in the epoch, times its audit score, zero below a threshold), sign
the Merkle root m-of-n and publish it; providers claim with a proof. The
pool never pays a provider more than a fixed fraction of the protocol fees
it paid through the escrow, so paying yourself to farm rewards loses money.
The pool can be the escrow's fee sink (wf dev's is), so those fees fund it;
what an epoch leaves unclaimed goes back to it (wf rewards recycle).`,
		a.rewardsDeployCmd(), a.rewardsFundCmd(), a.rewardsEpochCmd(), a.rewardsClaimCmd(), a.rewardsRecycleCmd(), a.rewardsShowCmd())
}

func (a *App) rewardsDeployCmd() *cobra.Command {
	var auditors []string
	var threshold int
	var epoch time.Duration
	var capS string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:     "deploy --auditor ADDRESS...",
		Short:   "deploy a rewards pool for this chain's escrow",
		Example: `  wf rewards deploy --auditor 0xA --auditor 0xB --auditor 0xC --threshold 2 --epoch 24h --cap 0.5 --key dev`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			capBps, err := fraction("cap", capS)
			if err != nil {
				return err
			}
			cfg := chain.RewardsConfig{Threshold: threshold, EpochLength: epoch, CapBps: capBps}
			for _, s := range auditors {
				ad, err := addressFlag("auditor", s)
				if err != nil {
					return err
				}
				cfg.Auditors = append(cfg.Auditors, ad)
			}
			if len(cfg.Auditors) == 0 {
				return usageErr("--auditor ADDRESS is required (repeatable)")
			}
			c, _, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			addr, err := c.DeployRewards(ctx, cfg)
			if err != nil {
				return chain.Explain(err)
			}
			if err := a.remember(o, func(d *deployment) { d.Rewards = addr }); err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "rewards pool %s (saved for %s; or WF_REWARDS=%s)\n", addr.Checksum(), chain.RedactURL(a.rpcURL(o)), addr.Checksum())
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&auditors, "auditor", nil, "`ADDRESS` of an auditor who signs epochs (repeatable)")
	cmd.Flags().IntVar(&threshold, "threshold", 0, "how many auditors must sign an epoch (default all)")
	cmd.Flags().DurationVar(&epoch, "epoch", 24*time.Hour, "epoch `LENGTH`")
	cmd.Flags().StringVar(&capS, "cap", "0.5", "a provider earns at most this `FRACTION` of the protocol fees it paid, below 1")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

// incentiveDeployFlags are wf contracts deploy's flags for a rewards
// pool deployed as the escrow's fee sink and a credits contract.
type incentiveDeployFlags struct {
	auditors []string
	epoch    time.Duration
	credits  bool
}

func addIncentiveDeployFlags(fs *pflag.FlagSet) *incentiveDeployFlags {
	f := &incentiveDeployFlags{}
	fs.StringArrayVar(&f.auditors, "rewards-auditor", nil, "with --fee-sink rewards: `ADDRESS` of an auditor who signs the pool's epochs (repeatable; all must sign)")
	fs.DurationVar(&f.epoch, "rewards-epoch", 24*time.Hour, "with --fee-sink rewards: the pool's epoch `LENGTH`")
	fs.BoolVar(&f.credits, "credits", false, "also deploy a trial credits contract (wf credits), whose spent credits go to the fee sink")
	return f
}

// apply sets o from f (after feeFlags).
func (f *incentiveDeployFlags) apply(o *chain.DeployOptions) error {
	o.Credits = f.credits
	if o.Rewards == nil {
		if len(f.auditors) > 0 {
			return usageErr("--rewards-auditor goes with --fee-sink rewards")
		}
		return nil
	}
	for _, s := range f.auditors {
		ad, err := addressFlag("rewards-auditor", s)
		if err != nil {
			return err
		}
		o.Rewards.Auditors = append(o.Rewards.Auditors, ad)
	}
	if len(o.Rewards.Auditors) == 0 {
		return usageErr("--fee-sink rewards needs --rewards-auditor ADDRESS (who signs the pool's epochs)")
	}
	o.Rewards.EpochLength = f.epoch
	return nil
}

// feeFlags sets the escrow's protocol fee from wf contracts deploy's
// --fee and --fee-sink; --fee-sink rewards deploys a rewards pool with the
// escrow as the sink (incentiveDeployFlags add its auditors).
func feeFlags(fee, sink string, o *chain.DeployOptions) error {
	f, err := strconv.ParseFloat(fee, 64)
	if err != nil || f < 0 || f > 0.1 {
		return invalid("--fee %q: want a fraction from 0 to 0.1, e.g. 0.01", fee)
	}
	o.FeeBps = uint16(f*10000 + 0.5)
	if sink == "rewards" {
		if o.FeeBps == 0 {
			return usageErr("--fee-sink rewards needs a --fee")
		}
		o.Rewards = &chain.RewardsConfig{}
		return nil
	}
	if o.FeeSink, err = addressFlag("fee-sink", sink); err != nil {
		return err
	}
	if (o.FeeBps == 0) != o.FeeSink.IsZero() {
		return usageErr("--fee and --fee-sink go together")
	}
	return nil
}

// fraction parses a fraction below 1 into basis points.
func fraction(name, s string) (uint16, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || f >= 1 {
		return 0, invalid("--%s %q: want a fraction above 0 and below 1, e.g. 0.5", name, s)
	}
	return uint16(f*10000 + 0.5), nil
}

func (a *App) rewardsFundCmd() *cobra.Command {
	var pool string
	var o *chainOpts
	cmd := takesAmounts(&cobra.Command{
		Use:   "fund AMOUNT",
		Short: "add USDC from your wallet to the rewards pool",
		Args:  argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			amt, err := amountArg(args[0])
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			c, _, p, err := a.poolAs(ctx, o, a.payerKeyPath(), pool)
			if err != nil {
				return err
			}
			defer c.Close()
			r, err := p.Fund(ctx, amt)
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "funded the pool with %s USDC (%s)\n", wf.NewAmount(amt).USDC(), txNote(r))
			return nil
		},
	})
	cmd.Flags().StringVar(&pool, "pool", "", "rewards pool `ADDRESS` (default $WF_REWARDS, else the one saved for this chain)")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

func (a *App) rewardsRecycleCmd() *cobra.Command {
	var pool string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "recycle N",
		Short: "return what epoch N left unclaimed to the pool, once its claims are over",
		Args:  argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			epoch, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return invalid("epoch %q: want a number", args[0])
			}
			ctx := cmd.Context()
			c, _, p, err := a.poolAs(ctx, o, a.payerKeyPath(), pool)
			if err != nil {
				return err
			}
			defer c.Close()
			pub, err := p.Epoch(ctx, epoch)
			if err != nil {
				return err
			}
			r, err := p.Recycle(ctx, epoch)
			if err != nil {
				return chain.Explain(err)
			}
			rest := new(big.Int).Sub(pub.Total, pub.Claimed)
			fmt.Fprintf(a.Stdout, "epoch %d: %s USDC unclaimed went back to the pool (%s)\n", epoch, wf.NewAmount(rest).USDC(), txNote(r))
			return nil
		},
	}
	cmd.Flags().StringVar(&pool, "pool", "", "rewards pool `ADDRESS` (default $WF_REWARDS, else the one saved for this chain)")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

// epochFile is where an epoch's allocation and signatures are kept.
func (a *App) epochFile(dir string, pool wf.Address, epoch uint64) string {
	if dir == "" {
		dir = filepath.Join(a.home(), "rewards", strings.ToLower(pool.Checksum()))
	}
	return filepath.Join(dir, fmt.Sprintf("epoch-%d.json", epoch))
}

func (a *App) rewardsEpochCmd() *cobra.Command {
	var pool, budgetS, dir, attestations string
	var trusted []string
	var minScore float64
	var noPublish bool
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "epoch [N] --budget USDC",
		Short: "compute an ended epoch's rewards, sign them as an auditor and publish once enough have signed",
		Long: `Compute epoch N's rewards (default: the last epoch that has ended) from the
chain: what each provider was paid through the escrow in the epoch, its
protocol fees, and its audit score (the best score an auditor gave one of
its names; the pool's auditors unless --trust-auditor). The result is
deterministic, so every auditor gets the same root. Your signature is added
to the epoch file (` + "`$WF_HOME/rewards/POOL/epoch-N.json`" + `, or --dir); bring the
other auditors' files together by running this with the same --dir, and
once the pool's threshold has signed the epoch is published. Providers
claim from the same file.`,
		Example: `  wf rewards epoch --budget 100 --key dev:6
  wf rewards epoch 3 --budget 100 --key dev:7 --dir ./epochs`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			budget, err := positiveUSDC("budget", budgetS)
			if err != nil {
				return err
			}
			c, key, p, err := a.poolAs(ctx, o, a.payerKeyPath(), pool)
			if err != nil {
				return err
			}
			defer c.Close()
			info, err := p.Info(ctx)
			if err != nil {
				return err
			}
			now, err := c.HeadTime(ctx)
			if err != nil {
				return err
			}
			var epoch uint64
			if len(args) == 1 {
				if epoch, err = strconv.ParseUint(args[0], 10, 64); err != nil {
					return invalid("epoch %q: want a number", args[0])
				}
			} else {
				cur := info.EpochAt(now)
				if cur == 0 {
					_, end := info.EpochBounds(0)
					return invalid("no epoch has ended yet: epoch 0 ends at %s", end.UTC().Format(time.RFC3339))
				}
				epoch = cur - 1
			}
			att, err := a.attestations(ctx, c, attestations)
			if err != nil {
				return err
			}
			sc := &rewards.AttestationScorer{Registry: c, Attestations: att, Auditors: info.Auditors, Schema: audit.Schema}
			_, sc.At = info.EpochBounds(epoch)
			if len(trusted) > 0 {
				sc.Auditors = nil
				for _, s := range trusted {
					ad, err := addressFlag("trust-auditor", s)
					if err != nil {
						return err
					}
					sc.Auditors = append(sc.Auditors, ad)
				}
			}
			ep, err := rewards.Compute(ctx, c, p, sc, epoch, rewards.Params{Budget: budget, MinScore: uint16(minScore*10000 + 0.5)})
			if err != nil {
				return chain.Explain(err)
			}
			file := a.epochFile(dir, p.Address(), epoch)
			if b, err := os.ReadFile(file); err == nil {
				old, err := rewards.Unmarshal(b)
				if err != nil {
					return fmt.Errorf("%s: %w", file, err)
				}
				if old.Root != ep.Root || old.Total.Cmp(ep.Total) != 0 {
					return fmt.Errorf("%s holds root %s, but the chain gives %s: check that every auditor used the same --budget and scores", file, old.Root, ep.Root)
				}
				ep.Signatures = old.Signatures
			} else if !errors.Is(err, os.ErrNotExist) {
				return err
			}
			isAuditor := false
			for _, ad := range info.Auditors {
				isAuditor = isAuditor || ad == key.Address()
			}
			if isAuditor {
				if err := ep.Sign(p, key); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(a.Stderr, "%s is not one of the pool's auditors: not signing\n", key.Address().Checksum())
			}
			if err := writeJSONFile(file, ep); err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "epoch %d: %d providers, %s USDC in all, root %s, %d of %d signatures; %s\n",
				epoch, len(ep.Shares), wf.NewAmount(ep.Total).USDC(), ep.Root, len(ep.Signatures), info.Threshold, file)
			pub, err := p.Epoch(ctx, epoch)
			if err != nil {
				return err
			}
			switch {
			case pub.Root != [32]byte{}:
				fmt.Fprintf(a.Stdout, "already published\n")
			case len(ep.Signatures) >= info.Threshold && !noPublish:
				r, err := ep.Publish(ctx, p)
				if err != nil {
					return chain.Explain(err)
				}
				fmt.Fprintf(a.Stdout, "published (%s); providers claim with `wf rewards claim %d`\n", txNote(r), epoch)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&pool, "pool", "", "rewards pool `ADDRESS` (default $WF_REWARDS, else the one saved for this chain)")
	cmd.Flags().StringVar(&budgetS, "budget", "", "what the epoch may pay in all, `USDC` (every auditor must use the same)")
	cmd.Flags().StringVar(&dir, "dir", "", "`DIR` of epoch files (default $WF_HOME/rewards/POOL)")
	cmd.Flags().StringVar(&attestations, "attestations", "", attestationsHelp)
	cmd.Flags().StringArrayVar(&trusted, "trust-auditor", nil, "score by this auditor's attestations (repeatable; default the pool's auditors)")
	cmd.Flags().Float64Var(&minScore, "min-score", 0.5, "audit `SCORE` (0 to 1) below which a provider earns nothing")
	cmd.Flags().BoolVar(&noPublish, "no-publish", false, "only sign, even with enough signatures")
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	return cmd
}

func (a *App) rewardsClaimCmd() *cobra.Command {
	var pool, dir, provider string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "claim [N]",
		Short: "claim a provider's rewards of epoch N (default: every published epoch in the epoch files not yet claimed)",
		Long: `Claim a provider's rewards from the epoch files (see wf rewards epoch).
Anyone may send the claim; the provider is paid. Claims go in epoch order:
claiming an epoch gives up earlier ones not yet claimed.`,
		Example: `  wf rewards claim --key $WF_HOME/provider/key.json
  wf rewards claim 3 --provider 0xPROVIDER --key dev`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, key, p, err := a.poolAs(ctx, o, a.providerKeyPath(), pool)
			if err != nil {
				return err
			}
			defer c.Close()
			who := key.Address()
			if provider != "" {
				if who, err = addressFlag("provider", provider); err != nil {
					return err
				}
			}
			st, err := p.Provider(ctx, who)
			if err != nil {
				return err
			}
			var epochs []uint64
			if len(args) == 1 {
				n, err := strconv.ParseUint(args[0], 10, 64)
				if err != nil {
					return invalid("epoch %q: want a number", args[0])
				}
				epochs = []uint64{n}
			} else {
				info, err := p.Info(ctx)
				if err != nil {
					return err
				}
				for e := st.ClaimedThrough; e < info.EpochAt(chainNow(ctx, c)); e++ {
					epochs = append(epochs, e)
				}
			}
			claimed := 0
			for _, e := range epochs {
				b, err := os.ReadFile(a.epochFile(dir, p.Address(), e))
				if errors.Is(err, os.ErrNotExist) && len(args) == 0 {
					continue
				}
				if err != nil {
					return err
				}
				ep, err := rewards.Unmarshal(b)
				if err != nil {
					return err
				}
				if _, err := ep.Share(who); err != nil {
					if len(args) == 1 {
						return err
					}
					continue
				}
				r, err := ep.Claim(ctx, p, who)
				if err != nil {
					return chain.Explain(err)
				}
				s, _ := ep.Share(who)
				fmt.Fprintf(a.Stdout, "epoch %d: %s USDC to %s (%s)\n", e, wf.NewAmount(s.Amount).USDC(), who.Checksum(), txNote(r))
				claimed++
			}
			if claimed == 0 {
				return invalid("nothing to claim for %s", who.Checksum())
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&pool, "pool", "", "rewards pool `ADDRESS` (default $WF_REWARDS, else the one saved for this chain)")
	cmd.Flags().StringVar(&dir, "dir", "", "`DIR` of epoch files (default $WF_HOME/rewards/POOL)")
	cmd.Flags().StringVar(&provider, "provider", "", "claim for this provider `ADDRESS` (default the key's)")
	o = addChainFlags(cmd.Flags(), "$WF_HOME/provider/key.json")
	return cmd
}

func (a *App) rewardsShowCmd() *cobra.Command {
	var pool, provider string
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "show",
		Short: "show the pool (funds, epochs, auditors) and a provider's rewards",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, err := a.dial(ctx, o, nil)
			if err != nil {
				return err
			}
			defer c.Close()
			p, err := a.rewardsPool(ctx, c, o, pool)
			if err != nil {
				return err
			}
			info, err := p.Info(ctx)
			if err != nil {
				return err
			}
			now := chainNow(ctx, c)
			cur := info.EpochAt(now)
			_, end := info.EpochBounds(cur)
			w := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintf(w, "pool\t%s\n", p.Address().Checksum())
			fmt.Fprintf(w, "available\t%s USDC for coming epochs (%s owed to published ones; sponsors put in %s, fees and recycled rests the rest)\n",
				wf.NewAmount(info.Available).USDC(), wf.NewAmount(info.Reserved).USDC(), wf.NewAmount(info.Funded).USDC())
			fmt.Fprintf(w, "epoch\t%d, ends %s (every %s)\n", cur, end.UTC().Format(time.RFC3339), info.EpochLength)
			fmt.Fprintf(w, "cap\t%.2f of the fees a provider paid\n", float64(info.CapBps)/10000)
			var as []string
			for _, ad := range info.Auditors {
				as = append(as, ad.Checksum())
			}
			fmt.Fprintf(w, "auditors\t%d of %s\n", info.Threshold, strings.Join(as, ", "))
			for e := cur; e > 0 && e+5 > cur; e-- {
				pub, err := p.Epoch(ctx, e-1)
				if err != nil {
					return err
				}
				if pub.Root == [32]byte{} {
					fmt.Fprintf(w, "epoch %d\tnot published\n", e-1)
					continue
				}
				state := "claimable until " + info.ClaimDeadline(e-1).UTC().Format(time.RFC3339)
				if pub.Recycled {
					state = "rest recycled"
				} else if !now.Before(info.ClaimDeadline(e - 1)) {
					state = "claims over (wf rewards recycle " + strconv.FormatUint(e-1, 10) + ")"
				}
				fmt.Fprintf(w, "epoch %d\t%s USDC, %s claimed, %s, root %s\n", e-1, wf.NewAmount(pub.Total).USDC(), wf.NewAmount(pub.Claimed).USDC(), state, wf.Hash(pub.Root))
			}
			if provider != "" {
				who, err := addressFlag("provider", provider)
				if err != nil {
					return err
				}
				st, err := p.Provider(ctx, who)
				if err != nil {
					return err
				}
				fees, err := c.FeesPaid(ctx, who, nil)
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "provider\t%s\n", who.Checksum())
				fmt.Fprintf(w, "rewarded\t%s USDC in all; protocol fees paid %s USDC\n", wf.NewAmount(st.Rewarded).USDC(), wf.NewAmount(fees).USDC())
				if st.ClaimedThrough > 0 {
					fmt.Fprintf(w, "last claim\tepoch %d\n", st.ClaimedThrough-1)
				}
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&pool, "pool", "", "rewards pool `ADDRESS` (default $WF_REWARDS, else the one saved for this chain)")
	cmd.Flags().StringVar(&provider, "provider", "", "also show this provider `ADDRESS`'s rewards")
	o = addChainFlags(cmd.Flags(), "")
	return cmd
}

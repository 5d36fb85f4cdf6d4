package cli

import (
	"context"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// stakeHelp documents where the stake contract is found for discovery.
const stakeHelp = "stake contract `ADDRESS` whose bonds count (default $WF_STAKE, else the one saved with this chain's contracts)"

// addStakeFlags adds --staked and --stake to discovery's flags.
func (t *trustFlags) addStakeFlags(fs *pflag.FlagSet) {
	fs.BoolVar(&t.staked, "staked", false, "only providers with a bond in the stake contract (at its minimum, not being unbonded), which a provably wrong answer to a canary loses")
	fs.StringVar(&t.stake, "stake", "", stakeHelp)
}

// discoveryStake finds the stake contract on c's chain for discovery: the
// flag, $WF_STAKE, or the one saved with this chain's contracts (matched
// by registry, as wf dev saves it). required says whether none is an
// error; otherwise it is nil.
func (a *App) discoveryStake(ctx context.Context, c *chain.Client, flag string, required bool) (*chain.Stake, error) {
	s := flag
	if s == "" {
		s = a.Getenv("WF_STAKE")
	}
	if s != "" {
		addr, err := addressFlag("stake", s)
		if err != nil {
			return nil, err
		}
		return c.Stake(ctx, addr)
	}
	if m, err := a.loadStore(); err == nil {
		for _, d := range m {
			if d.Registry == c.Contracts().Registry && !d.Stake.IsZero() {
				return c.Stake(ctx, d.Stake)
			}
		}
	}
	if required {
		return nil, usageErr("--staked needs the stake contract: pass --stake 0xADDR or set WF_STAKE (wf dev saves it)")
	}
	return nil, nil
}

// stakedOf reads whether each provider is staked; nil when no stake
// contract is known (the column is then left out).
func (a *App) stakedOf(ctx context.Context, c *chain.Client, flag string, ps []chain.Provider) (map[wf.Address]bool, error) {
	st, err := a.discoveryStake(ctx, c, flag, flag != "")
	if err != nil || st == nil {
		return nil, err
	}
	out := map[wf.Address]bool{}
	for _, p := range ps {
		if _, ok := out[p.Owner]; ok {
			continue
		}
		b, err := st.BondOf(ctx, p.Owner)
		if err != nil {
			return nil, chain.Explain(err)
		}
		out[p.Owner] = b.Staked
	}
	return out, nil
}

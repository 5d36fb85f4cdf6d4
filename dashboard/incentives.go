package dashboard

import (
	"context"
	"math/big"
	"sync"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Rewards reads a rewards pool; *chain.RewardsPool implements it.
type Rewards interface {
	Info(ctx context.Context) (chain.RewardsInfo, error)
	Provider(ctx context.Context, provider wf.Address) (chain.ProviderRewards, error)
}

// Stake reads providers' bonds; *chain.Stake implements it.
type Stake interface {
	BondOf(ctx context.Context, provider wf.Address) (chain.StakeBond, error)
}

var (
	_ Rewards = (*chain.RewardsPool)(nil)
	_ Stake   = (*chain.Stake)(nil)
)

// Incentives are the rewards pool and stake contracts a dashboard shows:
// an operator's bond and rewards on its console, and whether each
// provider is staked on the payments page. Either may be nil.
type Incentives struct {
	Rewards Rewards
	Stake   Stake
}

// SetIncentives sets (or replaces) the incentives shown: `wf dev`
// deploys them after its dashboard started. Safe for concurrent use.
func (d *Dashboard) SetIncentives(i Incentives) {
	d.mu.Lock()
	d.cfg.Incentives = i
	d.mu.Unlock()
}

func (d *Dashboard) incentives() Incentives {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cfg.Incentives
}

// incentivesView is an operator's bond and rewards.
type incentivesView struct {
	HasStake, HasRewards bool
	Bond                 chain.StakeBond
	BondErr              string
	Rewards              chain.ProviderRewards
	Pool                 chain.RewardsInfo
	Epoch                uint64
	PoolLeft             *big.Int // what the next epoch may pay
	RewardsErr           string
}

// incentivesOf reads provider's bond and rewards; nil when the dashboard
// knows neither contract.
func (d *Dashboard) incentivesOf(ctx context.Context, provider wf.Address) *incentivesView {
	in := d.incentives()
	if in.Rewards == nil && in.Stake == nil {
		return nil
	}
	v := &incentivesView{HasStake: in.Stake != nil, HasRewards: in.Rewards != nil}
	var wg sync.WaitGroup
	if in.Stake != nil {
		wg.Go(func() {
			b, err := in.Stake.BondOf(ctx, provider)
			v.Bond, v.BondErr = b, errText(err)
		})
	}
	if in.Rewards != nil {
		wg.Go(func() {
			info, err := in.Rewards.Info(ctx)
			if err == nil {
				var r chain.ProviderRewards
				r, err = in.Rewards.Provider(ctx, provider)
				v.Rewards, v.Pool, v.Epoch = r, info, info.EpochAt(d.cfg.Now())
				v.PoolLeft = info.Available
			}
			v.RewardsErr = errText(err)
		})
	}
	wg.Wait()
	return v
}

// stakedOf reads whether each provider is staked; nil without a stake
// contract. An unreadable bond shows as unknown.
func (d *Dashboard) stakedOf(ctx context.Context) []*chain.StakeBond {
	st := d.incentives().Stake
	if st == nil {
		return nil
	}
	out := make([]*chain.StakeBond, len(d.cfg.Providers))
	var wg sync.WaitGroup
	for i, p := range d.cfg.Providers {
		wg.Go(func() {
			if b, err := st.BondOf(ctx, p.Address); err == nil {
				out[i] = &b
			}
		})
	}
	wg.Wait()
	return out
}

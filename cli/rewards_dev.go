package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// wf dev's incentives: a protocol fee on the escrow, a sponsor-funded
// rewards pool with short epochs signed by the dev auditor, and the dev
// provider staked.
const (
	devFeeBps      = 100 // 1% of each payment, into the rewards pool
	devEpoch       = 2 * time.Minute
	devCapBps      = 5000
	devPoolFunding = 1_000_000_000 // 1,000 USDC
	devEpochBudget = 10_000_000    // 10 USDC
	devStake       = 100_000_000   // 100 USDC
)

// devRewardsConfig is the pool wf dev's chain deploys with its escrow, as
// the escrow's fee sink, signed by the dev auditor.
func devRewardsConfig() *chain.RewardsConfig {
	return &chain.RewardsConfig{Auditors: []wf.Address{devnet.AuditorKey().Address()}, Threshold: 1,
		EpochLength: devEpoch, CapBps: devCapBps, ClaimEpochs: 2}
}

// devIncentives is what devRewards set up.
type devIncentives struct {
	pool, stake wf.Address
}

// devRewards funds the pool the chain deployed with the escrow (as
// chain.DevKey(0), the sponsor; the escrow's fees come on top), deploys the stake contract (the auditor governs canaries) and bonds the
// dev provider, then runs the epoch job as the auditor in the background:
// after each epoch it computes, signs and publishes the epoch and claims
// every share for its provider. Errors of a background epoch are logged.
func (a *App) devRewards(ctx context.Context, net *devnet.Net, log *slog.Logger) (devIncentives, error) {
	var out devIncentives
	if net.Auditor == nil {
		return out, errors.New("dev: rewards need the dev auditor")
	}
	sponsor := net.Chain.Client(chain.DevKey(0))
	auditor := net.Chain.Client(devnet.AuditorKey())
	if out.pool = net.Chain.Contracts().Rewards; out.pool.IsZero() {
		return out, errors.New("dev: the dev chain has no rewards pool (sim.Options.Rewards)")
	}
	pool, err := sponsor.RewardsPool(ctx, out.pool)
	if err != nil {
		return out, err
	}
	if _, err := pool.Fund(ctx, big.NewInt(devPoolFunding)); err != nil {
		return out, fmt.Errorf("dev: fund the rewards pool: %w", err)
	}
	if out.stake, err = sponsor.DeployStake(ctx, chain.StakeConfig{MinStake: big.NewInt(devStake), SlashAmount: big.NewInt(devStake),
		UnbondDelay: time.Hour, Governor: auditor.Address()}); err != nil {
		return out, fmt.Errorf("dev: stake: %w", err)
	}
	prov := net.Chain.Client(net.Node("dev").Key)
	st, err := prov.Stake(ctx, out.stake)
	if err != nil {
		return out, err
	}
	if _, err := st.Bond(ctx, big.NewInt(devStake)); err != nil {
		return out, fmt.Errorf("dev: bond the dev provider's stake: %w", err)
	}
	// The auditor registers a sha256 canary and slashes a wrong answer itself.
	net.Auditor.UseStake(st.As(auditor))
	att, err := auditor.Attestations(ctx, net.Attestations)
	if err != nil {
		return out, err
	}
	go a.devEpochs(ctx, net, pool.As(auditor), att, log)
	return out, nil
}

// devEpochs runs each ended epoch's job until ctx ends.
func (a *App) devEpochs(ctx context.Context, net *devnet.Net, pool *chain.RewardsPool, att *chain.Attestations, log *slog.Logger) {
	info, err := pool.Info(ctx)
	if err != nil {
		log.Warn("rewards: pool", "err", err)
		return
	}
	for epoch := uint64(0); ; epoch++ {
		_, end := info.EpochBounds(epoch)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Until(end) + 2*time.Second):
		}
		net.Chain.Commit() // a block past the epoch's end, so the job sees it over
		a.devRecycle(ctx, pool, info, log)
		sc := &rewards.AttestationScorer{Registry: net.Chain.Client(nil), Attestations: att, Auditors: info.Auditors, Schema: audit.Schema, At: end}
		budget := big.NewInt(devEpochBudget)
		if now, err := pool.Info(ctx); err == nil && now.Available.Cmp(budget) < 0 {
			budget = now.Available
		}
		ep, err := rewards.Compute(ctx, net.Chain.Client(nil), pool, sc, epoch, rewards.Params{Budget: budget})
		if errors.Is(err, rewards.ErrNothingToPay) {
			log.Info("rewards epoch", "epoch", epoch, "paid", "nothing (no attested provider was paid through the escrow)")
			continue
		}
		if err == nil {
			err = ep.Sign(pool, devnet.AuditorKey())
		}
		if err == nil {
			_, err = ep.Publish(ctx, pool)
		}
		for _, s := range ep.Shares {
			if err != nil {
				break
			}
			_, err = ep.Claim(ctx, pool, s.Provider)
		}
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("rewards epoch", "epoch", epoch, "err", err)
			}
			continue
		}
		log.Info("rewards epoch", "epoch", epoch, "providers", len(ep.Shares), "paid", wf.NewAmount(ep.Total).USDC()+" USDC", "root", ep.Root.String())
	}
}

// devRecycle returns to the pool what epochs whose claim window is over
// left unclaimed (the dev job claims every share, so usually nothing).
func (a *App) devRecycle(ctx context.Context, pool *chain.RewardsPool, info chain.RewardsInfo, log *slog.Logger) {
	now := time.Now()
	for e := uint64(0); info.ClaimDeadline(e).Before(now); e++ {
		pub, err := pool.Epoch(ctx, e)
		if err != nil || pub.Root == [32]byte{} || pub.Recycled {
			continue
		}
		if _, err := pool.Recycle(ctx, e); err != nil {
			log.Warn("rewards recycle", "epoch", e, "err", err)
			continue
		}
		log.Info("rewards recycle", "epoch", e, "unclaimed", wf.NewAmount(new(big.Int).Sub(pub.Total, pub.Claimed)).USDC()+" USDC")
	}
}

// devRewardsBanner says where to watch rewards and stake.
func (a *App) devRewardsBanner(net *devnet.Net, in devIncentives) {
	fmt.Fprintf(a.Stdout, `
Rewards: the escrow takes %d%% of each payment into a pool (sponsored with %s USDC) that pays
  providers every %s by fees settled times audit score (at most half the fees
  they paid), signed by the auditor and claimed for them. Watch it:
  wf rewards show --provider %s
Stake: provider "dev" bonded %s USDC (wf stake show dev; wf providers shows who
  is staked). The auditor asks every paid provider a registered sha256 canary
  and slashes a wrong answer with its receipt itself (or: wf stake slash).
`, devFeeBps/100, wf.NewAmount(big.NewInt(devPoolFunding)).USDC(), devEpoch, net.Node("dev").Key.Address().Checksum(),
		wf.NewAmount(big.NewInt(devStake)).USDC())
}

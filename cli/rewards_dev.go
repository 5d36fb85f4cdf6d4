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
	devFeeBps      = 100 // 1% of each payment, to the sponsor (chain.DevKey(0))
	devEpoch       = 2 * time.Minute
	devCapBps      = 5000
	devPoolFunding = 1_000_000_000 // 1,000 USDC
	devEpochBudget = 10_000_000    // 10 USDC
	devStake       = 100_000_000   // 100 USDC
)

// devIncentives is what devRewards set up.
type devIncentives struct {
	pool, stake wf.Address
}

// devRewards deploys and funds the pool (as chain.DevKey(0), the sponsor),
// deploys the stake contract (the auditor governs canaries) and bonds the
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
	var err error
	if out.pool, err = sponsor.DeployRewards(ctx, chain.RewardsConfig{Auditors: []wf.Address{auditor.Address()}, Threshold: 1,
		EpochLength: devEpoch, CapBps: devCapBps}); err != nil {
		return out, fmt.Errorf("dev: rewards pool: %w", err)
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
		sc := &rewards.AttestationScorer{Registry: net.Chain.Client(nil), Attestations: att, Auditors: info.Auditors, Schema: audit.Schema, At: end}
		ep, err := rewards.Compute(ctx, net.Chain.Client(nil), pool, sc, epoch, rewards.Params{Budget: big.NewInt(devEpochBudget)})
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

// devRewardsBanner says where to watch rewards and stake.
func (a *App) devRewardsBanner(net *devnet.Net, in devIncentives) {
	fmt.Fprintf(a.Stdout, `
Rewards: the escrow takes %d%% of each payment; a pool funded with %s USDC pays
  providers every %s by fees settled times audit score (at most half the fees
  they paid), signed by the auditor and claimed for them. Watch it:
  wf rewards show --provider %s
Stake: provider "dev" bonded %s USDC (wf stake show dev); a receipt of a wrong
  answer to a registered sha256 canary slashes it (wf stake slash).
`, devFeeBps/100, wf.NewAmount(big.NewInt(devPoolFunding)).USDC(), devEpoch, net.Node("dev").Key.Address().Checksum(),
		wf.NewAmount(big.NewInt(devStake)).USDC())
}

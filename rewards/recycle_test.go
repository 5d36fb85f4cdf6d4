package rewards_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// TestFeesFundPoolAndRestRecycles deploys the pool with the escrow as its
// fee sink: the protocol fees of a payment land in the pool and an epoch
// can pay them out with no sponsor at all; what an epoch leaves unclaimed
// cannot be claimed after its window and goes back to the pool, once.
func TestFeesFundPoolAndRestRecycles(t *testing.T) {
	ctx := testCtx(t)
	auditor := chain.DevKey(8)
	s, err := sim.New(ctx, sim.Options{Accounts: 10, FeeBps: feeBps,
		Rewards: &chain.RewardsConfig{Auditors: []wf.Address{auditor.Address()}, EpochLength: time.Hour, CapBps: capBps, ClaimEpochs: 2}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ct := s.Contracts()
	if ct.Rewards.IsZero() {
		t.Fatal("no rewards pool deployed with the escrow")
	}
	pool, err := s.Client(nil).RewardsPool(ctx, ct.Rewards)
	if err != nil {
		t.Fatal(err)
	}
	w := &world{s: s, pool: pool, auditors: []*chain.Key{auditor}, sponsor: s.Accounts()[9], epochLen: time.Hour, gas: map[string]uint64{}}
	acc := s.Accounts()
	provA, provB, payer := acc[1], acc[2], acc[4]

	w.pay(t, payer, provA, usdc(1000))
	w.pay(t, payer, provB, usdc(1000))
	info, err := pool.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fees := usdc(2 * 1000 * feeBps / 10000) // 100 USDC
	if info.Available.Cmp(fees) != 0 || info.Funded.Sign() != 0 {
		t.Fatalf("pool holds %s available (sponsors %s), want the fees %s", info.Available, info.Funded, fees)
	}

	// Epoch 0 pays out of fees alone; only provA claims.
	w.close(t, 0)
	ep, err := computeOne(t, w, 0, usdc(40))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ep.Claim(ctx, pool.As(s.Client(payer)), provA.Address()); err != nil {
		t.Fatal(err)
	}
	shareB, err := ep.Share(provB.Address())
	if err != nil {
		t.Fatal(err)
	}
	// Too early to recycle: provB may still claim.
	_, err = pool.As(s.Client(payer)).Recycle(ctx, 0)
	wantRevert(t, err, "ClaimWindowOpen")

	// Two more epochs end: epoch 0's window is over.
	w.close(t, 2)
	_, err = ep.Claim(ctx, pool.As(s.Client(payer)), provB.Address())
	wantRevert(t, err, "ClaimWindowOver")
	before, err := pool.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pool.As(s.Client(payer)).Recycle(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gas recycle %d", r.GasUsed)
	after, err := pool.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := new(big.Int).Sub(after.Available, before.Available); got.Cmp(shareB.Amount) != 0 {
		t.Errorf("recycling gave the pool %s, want provB's unclaimed %s", got, shareB.Amount)
	}
	if after.Reserved.Sign() != 0 {
		t.Errorf("pool still reserves %s after the only epoch was claimed and recycled", after.Reserved)
	}
	pub, err := pool.Epoch(ctx, 0)
	if err != nil || !pub.Recycled {
		t.Fatalf("epoch 0 not marked recycled: %+v %v", pub, err)
	}
	_, err = pool.As(s.Client(payer)).Recycle(ctx, 0)
	wantRevert(t, err, "AlreadyRecycled")
	_, err = pool.As(s.Client(payer)).Recycle(ctx, 1)
	wantRevert(t, err, "UnknownEpoch")
}

// computeOne computes epoch e with every provider scored fully, signs it
// with w's auditors and publishes it.
func computeOne(t *testing.T, w *world, e uint64, budget *big.Int) (*rewards.Epoch, error) {
	t.Helper()
	ctx := testCtx(t)
	sc := scores{}
	for _, k := range w.s.Accounts() {
		sc[k.Address()] = chain.MaxScore
	}
	ep, err := rewards.Compute(ctx, w.s.Client(nil), w.pool, sc, e, rewards.Params{Budget: budget})
	if err != nil {
		return nil, err
	}
	for _, k := range w.auditors {
		if err := ep.Sign(w.pool, k); err != nil {
			return nil, err
		}
	}
	_, err = ep.Publish(ctx, w.pool.As(w.s.Client(w.sponsor)))
	return ep, err
}

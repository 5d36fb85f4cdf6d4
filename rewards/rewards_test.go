package rewards_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

func usdc(n int64) *big.Int { return big.NewInt(n * 1_000_000) }

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func wantRevert(t *testing.T, err error, name string) {
	t.Helper()
	var re *chain.RevertError
	if !errors.As(err, &re) || re.Name != name {
		t.Fatalf("got %v, want revert %s", err, name)
	}
}

type scores map[wf.Address]uint16

func (s scores) Score(_ context.Context, p wf.Address) (uint16, error) { return s[p], nil }

// world is a chain with a 5% escrow fee paid to a treasury, and a rewards
// pool signed 2-of-3 by auditors with hour-long epochs and a 50% cap.
type world struct {
	s         *sim.Chain
	pool      *chain.RewardsPool
	auditors  []*chain.Key
	sponsor   *chain.Key
	epochLen  time.Duration
	gas       map[string]uint64
	startTime time.Time
}

const (
	feeBps = 500
	capBps = 5000
)

func newWorld(t *testing.T) *world {
	ctx := testCtx(t)
	s, err := sim.New(ctx, sim.Options{Accounts: 10, FeeBps: feeBps, FeeSink: chain.DevKey(9).Address()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	acc := s.Accounts()
	w := &world{s: s, auditors: acc[6:9], sponsor: acc[9], epochLen: time.Hour, gas: map[string]uint64{}}
	var addrs []wf.Address
	for _, k := range w.auditors {
		addrs = append(addrs, k.Address())
	}
	c := s.Client(acc[0])
	addr, err := c.DeployRewards(ctx, chain.RewardsConfig{Auditors: addrs, Threshold: 2, EpochLength: w.epochLen, CapBps: capBps})
	if err != nil {
		t.Fatal(err)
	}
	if w.pool, err = c.RewardsPool(ctx, addr); err != nil {
		t.Fatal(err)
	}
	r, err := w.pool.As(s.Client(w.sponsor)).Fund(ctx, usdc(10_000))
	if err != nil {
		t.Fatal(err)
	}
	w.gas["fund"] = r.GasUsed
	return w
}

// pay makes payer pay provider amt through the escrow (deposit, approve, settle).
func (w *world) pay(t *testing.T, payer, provider *chain.Key, amt *big.Int) {
	t.Helper()
	ctx := testCtx(t)
	pc := w.s.Client(payer)
	if _, err := pc.Deposit(ctx, amt); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.Approve(ctx, provider.Address(), amt, amt); err != nil {
		t.Fatal(err)
	}
	r, err := w.s.Client(provider).Settle(ctx, payer.Address(), 1, amt)
	if err != nil {
		t.Fatal(err)
	}
	w.gas["settle (with fee)"] = r.GasUsed
}

// close moves the chain past the end of epoch e.
func (w *world) close(t *testing.T, e uint64) {
	t.Helper()
	ctx := testCtx(t)
	info, err := w.pool.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, end := info.EpochBounds(e)
	now, err := w.s.Client(nil).HeadTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := end.Sub(now) + time.Second; d > 0 {
		if err := w.s.AdjustTime(d); err != nil {
			t.Fatal(err)
		}
	}
}

// publish computes epoch e, has two auditors sign it and publishes it.
func (w *world) publish(t *testing.T, e uint64, sc rewards.Scorer, budget *big.Int) *rewards.Epoch {
	t.Helper()
	ctx := testCtx(t)
	c := w.s.Client(nil)
	ep, err := rewards.Compute(ctx, c, w.pool, sc, e, rewards.Params{Budget: budget})
	if err != nil {
		t.Fatal(err)
	}
	// Each auditor computes on its own and gets the same root.
	again, err := rewards.Compute(ctx, c, w.pool, sc, e, rewards.Params{Budget: budget})
	if err != nil || again.Root != ep.Root {
		t.Fatalf("recomputed root %x, first %x (%v)", again.Root, ep.Root, err)
	}
	for _, k := range w.auditors[:2] {
		if err := ep.Sign(w.pool, k); err != nil {
			t.Fatal(err)
		}
	}
	r, err := ep.Publish(ctx, w.pool.As(w.s.Client(w.sponsor)))
	if err != nil {
		t.Fatal(err)
	}
	w.gas["publishEpoch (2 signatures)"] = r.GasUsed
	return ep
}

func balance(t *testing.T, s *sim.Chain, a wf.Address) *big.Int {
	t.Helper()
	b, err := s.Client(nil).TokenBalance(testCtx(t), a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRewardsSelfDealerLoses runs three epochs with two honest providers
// serving real payers and a self-dealer paying itself ten times as much:
// the honest providers are rewarded by quality, the low-scored one gets
// nothing, and the self-dealer ends poorer than if it had not farmed.
func TestRewardsSelfDealerLoses(t *testing.T) {
	w := newWorld(t)
	ctx := testCtx(t)
	acc := w.s.Accounts()
	honestA, honestB, dealer, sloppy := acc[1], acc[2], acc[3], acc[0]
	payer1, payer2 := acc[4], acc[5]
	sc := scores{honestA.Address(): 9000, honestB.Address(): 6000, dealer.Address(): 9500, sloppy.Address(): 3000}

	start := map[wf.Address]*big.Int{}
	for _, k := range []*chain.Key{honestA, honestB, dealer, sloppy} {
		start[k.Address()] = balance(t, w.s, k.Address())
	}
	rewarded := map[wf.Address]*big.Int{}
	for e := uint64(0); e < 3; e++ {
		w.pay(t, payer1, honestA, usdc(100))
		w.pay(t, payer2, honestB, usdc(100))
		w.pay(t, payer2, sloppy, usdc(100))
		w.pay(t, dealer, dealer, usdc(1000))
		w.close(t, e)
		ep := w.publish(t, e, sc, usdc(1000))
		if _, err := ep.Share(sloppy.Address()); !errors.Is(err, wf.ErrNotFound) {
			t.Errorf("epoch %d: a provider scored below the threshold has a share (%v)", e, err)
		}
		for _, s := range ep.Shares {
			// The job never allots more than the cap ...
			if s.Amount.Cmp(s.Cap) > 0 {
				t.Errorf("epoch %d: %s allotted %s above its cap %s", e, s.Provider, s.Amount, s.Cap)
			}
			// ... and anyone may claim for a provider; the provider is paid.
			r, err := ep.Claim(ctx, w.pool.As(w.s.Client(payer1)), s.Provider)
			if err != nil {
				t.Fatalf("epoch %d: claim for %s: %v", e, s.Provider, err)
			}
			w.gas["claim"] = r.GasUsed
			if rewarded[s.Provider] == nil {
				rewarded[s.Provider] = new(big.Int)
			}
			rewarded[s.Provider].Add(rewarded[s.Provider], s.Amount)
		}
		sa, _ := ep.Share(honestA.Address())
		sb, _ := ep.Share(honestB.Address())
		if sa.Amount == nil || sb.Amount == nil || sa.Amount.Cmp(sb.Amount) < 0 {
			t.Errorf("epoch %d: the better-scored provider earned %v, the other %v", e, sa.Amount, sb.Amount)
		}
	}
	// The self-dealer paid 5% of 3 x 1000 USDC in fees and got at most half back.
	got := balance(t, w.s, dealer.Address())
	if got.Cmp(start[dealer.Address()]) >= 0 {
		t.Errorf("self-dealer ended with %s, not less than the %s it had (rewards %s)", got, start[dealer.Address()], rewarded[dealer.Address()])
	}
	loss := new(big.Int).Sub(start[dealer.Address()], got)
	t.Logf("self-dealer: paid itself 3000 USDC, rewards %s, net loss %s base units", rewarded[dealer.Address()], loss)
	pr, err := w.pool.Provider(ctx, dealer.Address())
	if err != nil {
		t.Fatal(err)
	}
	fees, err := w.s.Client(nil).FeesPaid(ctx, dealer.Address(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cap := new(big.Int).Div(new(big.Int).Mul(fees, big.NewInt(capBps)), big.NewInt(10000)); pr.Rewarded.Cmp(cap) > 0 {
		t.Errorf("self-dealer rewarded %s, above %d bps of its fees %s", pr.Rewarded, capBps, fees)
	}
	for _, k := range []*chain.Key{honestA, honestB} {
		if rewarded[k.Address()] == nil || rewarded[k.Address()].Sign() <= 0 {
			t.Errorf("honest provider %s earned nothing", k.Address())
		}
	}
	for what, g := range w.gas {
		t.Logf("gas %-28s %7d", what, g)
	}
}

// TestRewardsRefusals: the contract refuses wrong proofs, double claims,
// too few or repeated or foreign signatures, early epochs, and leaves the
// auditors signed above the fee cap or above the fees the escrow recorded.
func TestRewardsRefusals(t *testing.T) {
	w := newWorld(t)
	ctx := testCtx(t)
	acc := w.s.Accounts()
	prov, payer := acc[1], acc[4]
	pool := w.pool.As(w.s.Client(payer))

	w.pay(t, payer, prov, usdc(100)) // 5 USDC fee: the cap is 2.5 USDC
	// Too early.
	leaf := func(amt, fees *big.Int) chain.RewardLeaf {
		return chain.RewardLeaf{Epoch: 0, Provider: prov.Address(), Amount: amt, FeesCumulative: fees}
	}
	fees := usdc(5)
	good := leaf(big.NewInt(2_000_000), fees)
	overCap := leaf(big.NewInt(2_600_000), fees)
	overFees := leaf(big.NewInt(2_000_000), usdc(6))
	other := chain.RewardLeaf{Epoch: 0, Provider: acc[2].Address(), Amount: big.NewInt(1), FeesCumulative: big.NewInt(0)}
	tree, err := chain.NewMerkleTree([][32]byte{good.Hash(), overCap.Hash(), overFees.Hash(), other.Hash()})
	if err != nil {
		t.Fatal(err)
	}
	root := tree.Root()
	total := usdc(10)
	sign := func(ks ...*chain.Key) []wf.Signature {
		var out []wf.Signature
		for _, k := range ks {
			s, err := w.pool.SignEpoch(k, 0, root, total)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	a := w.auditors
	_, err = pool.PublishEpoch(ctx, 0, root, total, sign(a[0], a[1]))
	wantRevert(t, err, "EpochNotOver")
	w.close(t, 0)

	// The digest the contract computes is the one signed here.
	t.Run("signatures", func(t *testing.T) {
		_, err := pool.PublishEpoch(ctx, 0, root, total, sign(a[0]))
		wantRevert(t, err, "NotEnoughSignatures")
		_, err = pool.PublishEpoch(ctx, 0, root, total, sign(a[0], a[0]))
		wantRevert(t, err, "InvalidSigner")
		_, err = pool.PublishEpoch(ctx, 0, root, total, sign(a[0], acc[5]))
		wantRevert(t, err, "InvalidSigner")
		_, err = pool.PublishEpoch(ctx, 0, root, usdc(20_000), sign(a[0], a[1]))
		wantRevert(t, err, "InsufficientFunds")
		// Signed for another total.
		_, err = pool.PublishEpoch(ctx, 0, root, usdc(9), sign(a[0], a[1]))
		wantRevert(t, err, "InvalidSigner")
	})
	if _, err := pool.PublishEpoch(ctx, 0, root, total, sign(a[2], a[0])); err != nil {
		t.Fatal(err)
	}
	_, err = pool.PublishEpoch(ctx, 0, root, total, sign(a[0], a[1]))
	wantRevert(t, err, "EpochAlreadyPublished")

	proofOf := func(l chain.RewardLeaf) [][32]byte {
		p, err := tree.Proof(l.Hash())
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("wrong proof", func(t *testing.T) {
		// A larger amount with the good leaf's proof.
		_, err := pool.Claim(ctx, leaf(big.NewInt(2_400_000), fees), proofOf(good))
		wantRevert(t, err, "InvalidProof")
		// Another provider's proof.
		_, err = pool.Claim(ctx, good, proofOf(other))
		wantRevert(t, err, "InvalidProof")
	})
	t.Run("above the fee cap though signed", func(t *testing.T) {
		_, err := pool.Claim(ctx, overCap, proofOf(overCap))
		wantRevert(t, err, "RewardAboveFeeCap")
	})
	t.Run("fees overstated though signed", func(t *testing.T) {
		_, err := pool.Claim(ctx, overFees, proofOf(overFees))
		wantRevert(t, err, "FeesOverstated")
	})
	before := balance(t, w.s, prov.Address())
	if _, err := pool.Claim(ctx, good, proofOf(good)); err != nil {
		t.Fatal(err)
	}
	if d := new(big.Int).Sub(balance(t, w.s, prov.Address()), before); d.Cmp(good.Amount) != 0 {
		t.Errorf("provider received %s, want %s", d, good.Amount)
	}
	t.Run("double claim", func(t *testing.T) {
		_, err := pool.Claim(ctx, good, proofOf(good))
		wantRevert(t, err, "AlreadyClaimed")
	})
	_, err = pool.Claim(ctx, chain.RewardLeaf{Epoch: 1, Provider: prov.Address(), Amount: big.NewInt(1), FeesCumulative: fees}, nil)
	wantRevert(t, err, "UnknownEpoch")
}

// TestAllocate checks the arithmetic alone: weights, threshold, caps, the
// budget bound, and a consistent tree.
func TestAllocate(t *testing.T) {
	a, b, c := wf.Address{1}, wf.Address{2}, wf.Address{3}
	in := func(p wf.Address, settled, fees int64, score uint16) rewards.Input {
		return rewards.Input{Provider: p, Settled: big.NewInt(settled), FeesStart: big.NewInt(1000), FeesEnd: big.NewInt(1000 + fees), Score: score}
	}
	ep, err := rewards.Allocate(7, wf.Address{9}, []rewards.Input{
		in(a, 1000, 1000, 8000), // weight 8e6
		in(b, 1000, 1000, 4000), // below the threshold: 0
		in(c, 3000, 100, 8000),  // weight 24e6, capped at 50
	}, rewards.Params{Budget: big.NewInt(320), CapBps: 5000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[wf.Address]int64{a: 80, c: 50}
	if len(ep.Shares) != len(want) {
		t.Fatalf("%d shares, want %d", len(ep.Shares), len(want))
	}
	for _, s := range ep.Shares {
		if s.Amount.Int64() != want[s.Provider] {
			t.Errorf("%s: %s, want %d", s.Provider, s.Amount, want[s.Provider])
		}
	}
	if ep.Total.Int64() != 130 {
		t.Errorf("total %s, want 130", ep.Total)
	}
	if err := ep.Check(); err != nil {
		t.Fatal(err)
	}
	j, err := ep.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := rewards.Unmarshal(j)
	if err != nil || back.Root != ep.Root {
		t.Fatalf("round trip: %v", err)
	}
	back.Shares[0].Amount.Add(back.Shares[0].Amount, big.NewInt(1))
	if err := back.Check(); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("a changed share passed the check: %v", err)
	}
	if _, err := rewards.Allocate(7, wf.Address{9}, []rewards.Input{in(b, 1000, 1000, 4000)}, rewards.Params{Budget: big.NewInt(320), CapBps: 5000}); !errors.Is(err, rewards.ErrNothingToPay) {
		t.Errorf("nobody above the threshold: %v", err)
	}
	if _, err := rewards.Allocate(7, wf.Address{9}, []rewards.Input{in(a, 1, 1, 1), in(a, 1, 1, 1)}, rewards.Params{Budget: big.NewInt(1), CapBps: 5000}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("a provider twice: %v", err)
	}
}

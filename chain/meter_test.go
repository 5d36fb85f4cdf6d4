package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// A provider whose payer named a metering key settles only what that key
// counted: the attack of issue 11 (settle count=1000 having served 3) gets
// nothing, and neither does a count the provider signs itself or settling
// the same signed count twice.
func TestSettleMetered(t *testing.T) {
	s, payer, prov, other := escrowSetup(t)
	ctx := testCtx(t)
	meter := s.Client(s.Accounts()[0]) // the payer's gateway
	price := big.NewInt(1000)
	if _, err := payer.ApproveLimits(ctx, prov.Address(), price, usdc(100), chain.Limits{Meter: meter.Address()}); err != nil {
		t.Fatal(err)
	}
	al, err := prov.Allowance(ctx, payer.Address(), prov.Address())
	if err != nil || al.Meter != meter.Address() {
		t.Fatalf("allowance %+v, %v", al, err)
	}
	// The blind settle of today is refused outright.
	_, err = prov.Settle(ctx, payer.Address(), 1000, big.NewInt(1_000_000))
	wantRevert(t, err, "MeterRequired", wf.ErrPaymentRequired)

	three, err := meter.SignMeterCount(chain.MeterCount{Payer: payer.Address(), Provider: prov.Address(), Count: 3})
	if err != nil {
		t.Fatal(err)
	}
	before := balance(t, prov, prov.Address())
	_, err = prov.SettleMetered(ctx, payer.Address(), 1000, big.NewInt(1_000_000), three)
	wantRevert(t, err, "MeterCountExceeded", wf.ErrPaymentRequired)
	// The provider's own count, or another provider's, is not the meter's.
	forged, err := prov.SignMeterCount(chain.MeterCount{Payer: payer.Address(), Provider: prov.Address(), Count: 1000})
	if err != nil {
		t.Fatal(err)
	}
	_, err = prov.SettleMetered(ctx, payer.Address(), 1000, big.NewInt(1_000_000), forged)
	wantRevert(t, err, "InvalidMeterSignature", wf.ErrPaymentRequired)
	_, err = other.SettleMetered(ctx, payer.Address(), 3, big.NewInt(3000), three)
	wantRevert(t, err, "NotApproved", wf.ErrPaymentRequired)

	if _, err := prov.SettleMetered(ctx, payer.Address(), 2, big.NewInt(2000), three); err != nil {
		t.Fatal(err)
	}
	if _, err := prov.SettleMetered(ctx, payer.Address(), 1, big.NewInt(1000), three); err != nil {
		t.Fatal(err)
	}
	// Three settled: the same signature pays nothing more.
	_, err = prov.SettleMetered(ctx, payer.Address(), 1, big.NewInt(1000), three)
	wantRevert(t, err, "MeterCountExceeded", wf.ErrPaymentRequired)
	if got := new(big.Int).Sub(balance(t, prov, prov.Address()), before); got.Int64() != 3000 {
		t.Errorf("provider got %s for 3 metered requests, want 3000", got)
	}
	if n, err := prov.Metered(ctx, payer.Address(), prov.Address(), meter.Address()); err != nil || n != 3 {
		t.Errorf("metered %d, %v; want 3", n, err)
	}
	// Approving again (even without the meter and back) does not reset the
	// count, so the old signature stays spent.
	if _, err := payer.Approve(ctx, prov.Address(), price, usdc(100)); err != nil {
		t.Fatal(err)
	}
	_, err = prov.SettleMetered(ctx, payer.Address(), 1, big.NewInt(1000), three)
	wantRevert(t, err, "NotMetered", wf.ErrPaymentRequired)
	if _, err := payer.ApproveLimits(ctx, prov.Address(), price, usdc(100), chain.Limits{Meter: meter.Address()}); err != nil {
		t.Fatal(err)
	}
	_, err = prov.SettleMetered(ctx, payer.Address(), 1, big.NewInt(1000), three)
	wantRevert(t, err, "MeterCountExceeded", wf.ErrPaymentRequired)
	// A signature for one chain's escrow is not valid for another escrow.
	d1, _ := chain.MeterDigest(big.NewInt(1), s.Contracts().Escrow, three.MeterCount)
	d2, _ := chain.MeterDigest(big.NewInt(1), s.Contracts().Registry, three.MeterCount)
	if d1 == d2 {
		t.Error("the meter digest does not bind the escrow")
	}
	if got, err := chain.MeterSigner(s.Client(nil).ChainID(), s.Contracts().Escrow, three); err != nil || got != meter.Address() {
		t.Errorf("meter signer %s, %v", got, err)
	}
}

// A per-period cap: the provider takes at most maxPerPeriod in a period,
// whatever it claims, and the next period pays again.
func TestSettlePeriodCap(t *testing.T) {
	s, payer, prov, _ := escrowSetup(t)
	ctx := testCtx(t)
	price := big.NewInt(1000)
	lim := chain.Limits{MaxPerPeriod: big.NewInt(5000), Period: time.Hour}
	_, err := payer.ApproveLimits(ctx, prov.Address(), price, usdc(100), chain.Limits{MaxPerPeriod: big.NewInt(5000)})
	if err == nil {
		t.Fatal("a cap without a period was accepted")
	}
	if _, err := payer.ApproveLimits(ctx, prov.Address(), price, usdc(100), lim); err != nil {
		t.Fatal(err)
	}
	if _, err := prov.Settle(ctx, payer.Address(), 4, big.NewInt(4000)); err != nil {
		t.Fatal(err)
	}
	_, err = prov.Settle(ctx, payer.Address(), 1000, big.NewInt(1_000_000))
	wantRevert(t, err, "PeriodCapExceeded", wf.ErrPaymentRequired)
	_, err = prov.Settle(ctx, payer.Address(), 2, big.NewInt(2000))
	wantRevert(t, err, "PeriodCapExceeded", wf.ErrPaymentRequired)
	// Approving again with the same period does not open a new one.
	if _, err := payer.ApproveLimits(ctx, prov.Address(), price, usdc(100), lim); err != nil {
		t.Fatal(err)
	}
	_, err = prov.Settle(ctx, payer.Address(), 2, big.NewInt(2000))
	wantRevert(t, err, "PeriodCapExceeded", wf.ErrPaymentRequired)
	al, err := prov.Allowance(ctx, payer.Address(), prov.Address())
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.Client(nil).HeadTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	left, renews := al.Left(head)
	if left.Int64() != 1000 || !renews.Equal(al.PeriodStart.Add(time.Hour)) {
		t.Errorf("left %s renews %s; want 1000 at %s", left, renews, al.PeriodStart.Add(time.Hour))
	}
	if _, err := prov.Settle(ctx, payer.Address(), 1, big.NewInt(1000)); err != nil {
		t.Fatal(err)
	}
	// Across the boundary: a new period, the whole cap again.
	if err := s.AdjustTime(time.Hour + time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := prov.Settle(ctx, payer.Address(), 5, big.NewInt(5000)); err != nil {
		t.Fatalf("settle in the next period: %v", err)
	}
	_, err = prov.Settle(ctx, payer.Address(), 1, big.NewInt(1000))
	wantRevert(t, err, "PeriodCapExceeded", wf.ErrPaymentRequired)
	if al, _ := prov.Allowance(ctx, payer.Address(), prov.Address()); al.Budget.Cmp(new(big.Int).Sub(usdc(100), big.NewInt(6000))) != 0 {
		t.Errorf("budget %s", al.Budget)
	}
}

// An owner that lowers its period cap below what was already spent in the
// period gets PeriodCapExceeded, not an arithmetic panic (finding 2).
func TestSettlePeriodCapLowered(t *testing.T) {
	s, payer, prov, _ := escrowSetup(t)
	ctx := testCtx(t)
	price := big.NewInt(1000)
	if _, err := payer.ApproveLimits(ctx, prov.Address(), price, usdc(100), chain.Limits{MaxPerPeriod: big.NewInt(5000), Period: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if _, err := prov.Settle(ctx, payer.Address(), 4, big.NewInt(4000)); err != nil {
		t.Fatal(err)
	}
	if _, err := payer.ApproveLimits(ctx, prov.Address(), price, usdc(100), chain.Limits{MaxPerPeriod: big.NewInt(2000), Period: time.Hour}); err != nil {
		t.Fatal(err)
	}
	_, err := prov.Settle(ctx, payer.Address(), 1, big.NewInt(1000))
	wantRevert(t, err, "PeriodCapExceeded", wf.ErrPaymentRequired)
	al, err := prov.Allowance(ctx, payer.Address(), prov.Address())
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.Client(nil).HeadTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := al.Left(head); left.Sign() != 0 {
		t.Errorf("left %s, want 0", left)
	}
}

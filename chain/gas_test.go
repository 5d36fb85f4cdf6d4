package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
)

// TestGas logs the gas of the operations that matter for running costs,
// under today's fork rules (Osaka; see chain/sim), and checks loose
// ceilings so a regression shows. Run: go test -run TestGas -v ./chain/
func TestGas(t *testing.T) {
	// No USDC for the dev accounts, so the provider's first payment writes a
	// new token balance, as it would for a fresh provider on a real chain.
	s := newSim(t, sim.Options{Accounts: 3, USDC: big.NewInt(-1)})
	ctx := testCtx(t)
	payer, prov := s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2])
	if _, err := payer.MintUSDC(ctx, payer.Address(), usdc(1000)); err != nil {
		t.Fatal(err)
	}

	type row struct {
		what string
		gas  uint64
		max  uint64
	}
	var rows []row
	measure := func(what string, max uint64, r chain.Receipt, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		rows = append(rows, row{what, r.GasUsed, max})
	}

	p := provider("gasprovider")
	r, err := prov.RegisterProvider(ctx, p)
	measure("register (32-byte X25519 sealing key)", 300_000, r, err)
	r, err = prov.UpdateProvider(ctx, p)
	measure("update (same values)", 100_000, r, err)
	r, err = prov.RenewProvider(ctx, p.Name)
	measure("renew (the lease heartbeat)", 40_000, r, err)
	pq := provider("gasprovider-pq")
	pq.SealingKey = make([]byte, 1216) // ML-KEM-768 + X25519 public key
	for i := range pq.SealingKey {
		pq.SealingKey[i] = byte(i)
	}
	r, err = prov.RegisterProvider(ctx, pq)
	measure("register (1216-byte hybrid PQ sealing key)", 1_500_000, r, err)

	r, err = payer.Deposit(ctx, usdc(100)) // includes a token approve tx, not counted
	measure("deposit (first)", 100_000, r, err)
	r, err = payer.Deposit(ctx, usdc(100))
	measure("deposit (again)", 100_000, r, err)
	r, err = payer.Approve(ctx, prov.Address(), big.NewInt(1000), usdc(100))
	measure("approve", 60_000, r, err)

	r, err = prov.Settle(ctx, payer.Address(), 1000, big.NewInt(1_000_000))
	measure("settle 1000 requests (provider's first payment)", 100_000, r, err)
	r, err = prov.Settle(ctx, payer.Address(), 1000, big.NewInt(1_000_000))
	measure("settle 1000 requests (steady state)", 60_000, r, err)
	steady := r.GasUsed
	r, err = prov.Settle(ctx, payer.Address(), 1, big.NewInt(1000))
	measure("settle 1 request (steady state)", 60_000, r, err)
	// Only calldata differs (a non-zero byte costs 16 gas, a zero one 4).
	if d := int64(r.GasUsed) - int64(steady); d < -100 || d > 100 {
		t.Errorf("settle gas depends on the request count: %d for 1, %d for 1000", r.GasUsed, steady)
	}
	r, err = prov.Settle(ctx, payer.Address(), 1_000_000, big.NewInt(1_000_000))
	measure("settle 1,000,000 requests (steady state)", 60_000, r, err)

	// Vouchers: a second provider (first payment to it counted separately).
	prov2 := s.Client(s.Accounts()[0])
	exp := time.Now().Add(time.Hour)
	for i, what := range []string{"redeem voucher (first from this payer)", "redeem voucher (steady state)"} {
		sv, err := payer.SignVoucher(chain.Voucher{Provider: prov2.Address(), CumulativeAmount: big.NewInt(int64(1000 * (i + 1))), Expiry: exp})
		if err != nil {
			t.Fatal(err)
		}
		r, err = prov2.RedeemVoucher(ctx, sv)
		measure(what, 120_000, r, err)
	}
	// Up to what was served, of a voucher with headroom and a session key.
	sv, err := payer.SignVoucher(chain.Voucher{Provider: prov2.Address(), CumulativeAmount: big.NewInt(100_000), Expiry: exp, Session: [32]byte{0: 1, 31: 1}})
	if err != nil {
		t.Fatal(err)
	}
	r, err = prov2.RedeemVoucherUpTo(ctx, sv, big.NewInt(3000))
	measure("redeem voucher up to what was served (steady state)", 120_000, r, err)
	// Owner-pays with a period cap, then also a metering key (issue 11).
	lim := chain.Limits{MaxPerPeriod: usdc(10), Period: time.Hour}
	r, err = payer.ApproveLimits(ctx, prov2.Address(), big.NewInt(1000), usdc(100), lim)
	measure("approve with a period cap", 100_000, r, err)
	r, err = prov2.Settle(ctx, payer.Address(), 1000, big.NewInt(1_000_000))
	measure("settle 1000 requests, period cap (first in period)", 80_000, r, err)
	r, err = prov2.Settle(ctx, payer.Address(), 1000, big.NewInt(1_000_000))
	measure("settle 1000 requests, period cap (steady state)", 80_000, r, err)
	lim.Meter = payer.Address()
	if _, err := payer.ApproveLimits(ctx, prov2.Address(), big.NewInt(1000), usdc(100), lim); err != nil {
		t.Fatal(err)
	}
	for i, what := range []string{"settle 1000 metered requests, period cap (first under this meter)", "settle 1000 metered requests, period cap (steady state)"} {
		sm, err := payer.SignMeterCount(chain.MeterCount{Payer: payer.Address(), Provider: prov2.Address(), Count: uint64(1000 * (i + 1))})
		if err != nil {
			t.Fatal(err)
		}
		r, err = prov2.SettleMetered(ctx, payer.Address(), 1000, big.NewInt(1_000_000), sm)
		measure(what, 120_000, r, err)
	}
	r, err = payer.RequestWithdraw(ctx, usdc(1))
	measure("request withdrawal", 80_000, r, err)
	r, err = prov.DeregisterProvider(ctx, "gasprovider")
	measure("deregister (bond paid back)", 100_000, r, err)
	terms, err := prov.RegistryTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AdjustTime(terms.Lease + terms.Grace + time.Minute); err != nil {
		t.Fatal(err)
	}
	r, err = payer.ReclaimProvider(ctx, "gasprovider-pq")
	measure("reclaim a lapsed name (1216-byte key: clearing it is most of the cost)", 300_000, r, err)

	for _, x := range rows {
		t.Logf("gas %-50s %7d", x.what, x.gas)
		if x.gas > x.max {
			t.Errorf("%s used %d gas, ceiling %d", x.what, x.gas, x.max)
		}
	}
}

// BenchmarkSettle measures a settlement's round trip on the embedded chain
// (send, mine, receipt) and reports its gas.
func BenchmarkSettle(b *testing.B) {
	s := newSim(b, sim.Options{Accounts: 3})
	ctx := testCtx(b)
	payer, prov := s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2])
	if _, err := payer.Deposit(ctx, usdc(100_000)); err != nil {
		b.Fatal(err)
	}
	if _, err := payer.Approve(ctx, prov.Address(), big.NewInt(1000), usdc(100_000)); err != nil {
		b.Fatal(err)
	}
	var gas uint64
	for b.Loop() {
		r, err := prov.Settle(ctx, payer.Address(), 1000, big.NewInt(1_000_000))
		if err != nil {
			b.Fatal(err)
		}
		gas = r.GasUsed
	}
	b.ReportMetric(float64(gas), "gas/settle")
}

package payment_test

import (
	"encoding/json"
	"math/big"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// refusal is the error code and payment reason of a refused response.
func refusal(t *testing.T, r response) (code, reason string) {
	t.Helper()
	var b httperr.Body
	if err := json.Unmarshal([]byte(r.body), &b); err != nil {
		t.Fatalf("status %d body %q: %v", r.status, r.body, err)
	}
	reason, _ = b.Error.Extra["reason"].(string)
	return b.Error.Code, reason
}

// The owner's per-period cap: the meter refuses (429, before the function
// runs) what it could not settle in this period, settlement waits for the
// next period instead of reverting, and the next period pays again.
func TestOwnerPeriodCap(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner := f.payer()
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	f.deposit(owner, 1_000_000)
	oc := f.sim.Client(owner)
	lim := chain.Limits{MaxPerPeriod: big.NewInt(3 * price), Period: time.Hour}
	if _, err := oc.ApproveLimits(f.ctx, f.prov.Address(), big.NewInt(price), big.NewInt(100*price), lim); err != nil {
		t.Fatal(err)
	}
	key := ledger.Key{Mode: ledger.Owner, Payer: owner.Address()}
	served := func(n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			if r := f.invoke(fn, "/?name=you", nil); r.status != 200 {
				t.Fatalf("request %d: %d %s", i+1, r.status, r.body)
			}
		}
	}
	refused := func() {
		t.Helper()
		before := f.ledger.Account(key).Charged.Count
		r := f.invoke(fn, "/?name=you", nil)
		if r.status != http.StatusTooManyRequests {
			t.Fatalf("over the period cap: %d %s", r.status, r.body)
		}
		if code, reason := refusal(t, r); code != "rate_limited" || reason != "period_cap" {
			t.Errorf("over the period cap: %s/%s %s", code, reason, r.body)
		}
		if s, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || s < 1 || s > 3600 {
			t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
		}
		if r.header.Get(wf.ReceiptHeader) != "" || f.ledger.Account(key).Charged.Count != before {
			t.Error("a refused request was charged")
		}
	}
	settled := func(want uint64) {
		t.Helper()
		if err := f.meter.Settle(f.ctx); err != nil {
			t.Fatal(err)
		}
		if a := f.ledger.Account(key); a.Settled.Count != want || a.Pending().Count != a.Charged.Count-want {
			t.Fatalf("settled %d of %d, want %d", a.Settled.Count, a.Charged.Count, want)
		}
	}

	served(3)
	refused() // the three unsettled charges fill the period
	settled(3)
	refused() // and so do the settled ones

	// A new period: three more, settled only after the next boundary (in
	// the period after, whose cap they then use up).
	if err := f.sim.AdjustTime(time.Hour); err != nil {
		t.Fatal(err)
	}
	served(3)
	refused()
	if err := f.sim.AdjustTime(time.Hour); err != nil {
		t.Fatal(err)
	}
	settled(6)
	refused()

	// The owner lowers the cap within the period: the charges above it
	// wait for the next period rather than revert.
	if err := f.sim.AdjustTime(time.Hour); err != nil {
		t.Fatal(err)
	}
	served(3)
	lim.MaxPerPeriod = big.NewInt(2 * price)
	if _, err := oc.ApproveLimits(f.ctx, f.prov.Address(), big.NewInt(price), big.NewInt(100*price), lim); err != nil {
		t.Fatal(err)
	}
	settled(8)
	if err := f.sim.AdjustTime(time.Hour); err != nil {
		t.Fatal(err)
	}
	settled(9)
	for _, b := range must(f.ledger.Batches()) {
		if b.State != ledger.Settled {
			t.Errorf("batch %d of %d requests: %s (%s)", b.ID, b.Count, b.State, b.Error)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// An owner with a metering key pays only for requests that key counted:
// the provider refuses requests without a count signed by it, and the
// escrow pays no more than the count, whatever the provider claims.
func TestOwnerMetered(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner, meterKey := f.payer(), f.payer()
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	f.deposit(owner, 1_000_000)
	if _, err := f.sim.Client(owner).ApproveLimits(f.ctx, f.prov.Address(), big.NewInt(price), big.NewInt(100*price), chain.Limits{Meter: meterKey.Address()}); err != nil {
		t.Fatal(err)
	}
	c := f.sim.Client(nil)
	count := func(k *chain.Key, n uint64) http.Header {
		sm, err := chain.SignMeterCount(k, c.ChainID(), c.Contracts().Escrow, chain.MeterCount{Payer: owner.Address(), Provider: f.prov.Address(), Count: n})
		if err != nil {
			t.Fatal(err)
		}
		return http.Header{chain.MeterHeader: {chain.EncodeMeterHeader(sm)}}
	}
	key := ledger.Key{Mode: ledger.Owner, Payer: owner.Address()}
	for _, tc := range []struct {
		name   string
		h      http.Header
		reason string
	}{
		{"no count", nil, "meter_required"},
		{"a count the provider signed", count(f.prov, 1000), "bad_meter"},
		{"a count for another provider", func() http.Header {
			sm, _ := chain.SignMeterCount(meterKey, c.ChainID(), c.Contracts().Escrow, chain.MeterCount{Payer: owner.Address(), Provider: owner.Address(), Count: 1000})
			return http.Header{chain.MeterHeader: {chain.EncodeMeterHeader(sm)}}
		}(), "bad_meter"},
		{"garbage", http.Header{chain.MeterHeader: {"12.0x00"}}, "bad_meter"},
	} {
		r := f.invoke(fn, "/", tc.h)
		if code, reason := refusal(t, r); r.status != 402 || code != "payment_required" || reason != tc.reason {
			t.Errorf("%s: %d %s/%s %s", tc.name, r.status, code, reason, r.body)
		}
	}
	for i := uint64(1); i <= 3; i++ {
		if r := f.invoke(fn, "/", count(meterKey, i)); r.status != 200 {
			t.Fatalf("metered request %d: %d %s", i, r.status, r.body)
		}
	}
	// A count that does not cover one more request is refused.
	if r := f.invoke(fn, "/", count(meterKey, 3)); r.status != 402 {
		t.Fatalf("request beyond the count: %d %s", r.status, r.body)
	} else if _, reason := refusal(t, r); reason != "meter_count_low" {
		t.Errorf("reason %s", reason)
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	a := f.ledger.Account(key)
	if a.Settled.Count != 3 || a.Settled.Amount.Int64() != 3*price {
		t.Fatalf("settled %+v", a.Settled)
	}
	if n, err := c.Metered(f.ctx, owner.Address(), f.prov.Address(), meterKey.Address()); err != nil || n != 3 {
		t.Errorf("metered on-chain %d, %v", n, err)
	}
	// The attack of issue 11: the provider settles 1000 requests itself,
	// with the best count it holds or without one. Nothing is paid.
	p := f.sim.Client(f.prov)
	before, _ := c.TokenBalance(f.ctx, f.prov.Address())
	best := chain.SignedMeterCount{MeterCount: chain.MeterCount{Payer: owner.Address(), Provider: f.prov.Address(), Count: a.Meter.Count}, Signature: a.Meter.Signature}
	if _, err := p.SettleMetered(f.ctx, owner.Address(), 1000, big.NewInt(1000*price), best); err == nil {
		t.Error("settling 1000 requests with a count of 3 paid")
	}
	if _, err := p.Settle(f.ctx, owner.Address(), 1000, big.NewInt(1000*price)); err == nil {
		t.Error("settling 1000 requests without a count paid")
	}
	if after, _ := c.TokenBalance(f.ctx, f.prov.Address()); after.Cmp(before) != 0 {
		t.Errorf("the provider took %s more", new(big.Int).Sub(after, before))
	}
	// The next count pays the next request, and settles.
	if r := f.invoke(fn, "/", count(meterKey, 4)); r.status != 200 {
		t.Fatalf("4th metered request: %d %s", r.status, r.body)
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	if a := f.ledger.Account(key); a.Settled.Count != 4 {
		t.Errorf("settled %d, want 4", a.Settled.Count)
	}
}

// An owner that changes its metering key is not locked out: the new key's
// counts back the requests made under it, and the charges made under the
// old key (which the escrow can no longer settle) are set aside as
// stranded rather than counted against the new key (finding 1).
func TestOwnerMeterKeyChange(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner, keyA, keyB := f.payer(), f.payer(), f.payer()
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	f.deposit(owner, 1_000_000)
	approve := func(meter *chain.Key) {
		t.Helper()
		if _, err := f.sim.Client(owner).ApproveLimits(f.ctx, f.prov.Address(), big.NewInt(price), big.NewInt(100*price), chain.Limits{Meter: meter.Address()}); err != nil {
			t.Fatal(err)
		}
	}
	c := f.sim.Client(nil)
	count := func(k *chain.Key, n uint64) http.Header {
		sm, err := chain.SignMeterCount(k, c.ChainID(), c.Contracts().Escrow, chain.MeterCount{Payer: owner.Address(), Provider: f.prov.Address(), Count: n})
		if err != nil {
			t.Fatal(err)
		}
		return http.Header{chain.MeterHeader: {chain.EncodeMeterHeader(sm)}}
	}
	approve(keyA)
	for i := uint64(1); i <= 3; i++ {
		if r := f.invoke(fn, "/", count(keyA, i)); r.status != 200 {
			t.Fatalf("request %d under A: %d %s", i, r.status, r.body)
		}
	}
	approve(keyB)
	for i := uint64(1); i <= 2; i++ {
		if r := f.invoke(fn, "/", count(keyB, i)); r.status != 200 {
			t.Fatalf("request %d under B: %d %s", i, r.status, r.body)
		}
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	key := ledger.Key{Mode: ledger.Owner, Payer: owner.Address()}
	a := f.ledger.Account(key)
	if a.Settled.Count != 2 || a.Stranded.Count != 3 || a.Pending().Count != 0 {
		t.Fatalf("settled %d, stranded %d, pending %d; want 2, 3, 0", a.Settled.Count, a.Stranded.Count, a.Pending().Count)
	}
	if n, err := c.Metered(f.ctx, owner.Address(), f.prov.Address(), keyB.Address()); err != nil || n != 2 {
		t.Errorf("metered under B on-chain %d, %v", n, err)
	}
	// After settling, the next B count pays the next request.
	if r := f.invoke(fn, "/", count(keyB, 3)); r.status != 200 {
		t.Fatalf("3rd request under B after settling: %d %s", r.status, r.body)
	}
	if r := f.invoke(fn, "/", count(keyB, 3)); r.status != 402 {
		t.Fatalf("a count that does not cover the request: %d %s", r.status, r.body)
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	if a := f.ledger.Account(key); a.Settled.Count != 3 || a.Stranded.Count != 3 || f.meter.Stranded().Count != 3 {
		t.Errorf("settled %d, stranded %d; want 3, 3", a.Settled.Count, a.Stranded.Count)
	}
}

package chain_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Payouts lists a payer's settlements newest first, within the window and
// the limit, and no other payer's.
func TestPayouts(t *testing.T) {
	_, payer, prov, other := escrowSetup(t)
	ctx := testCtx(t)
	if _, err := payer.Approve(ctx, prov.Address(), big.NewInt(1000), usdc(1)); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Deposit(ctx, usdc(10)); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Approve(ctx, prov.Address(), big.NewInt(1000), usdc(1)); err != nil {
		t.Fatal(err)
	}
	var txs []chain.Hash
	for i, n := range []uint64{3, 5, 7} {
		r, err := prov.Settle(ctx, payer.Address(), n, big.NewInt(int64(n)*1000))
		if err != nil {
			t.Fatal(err)
		}
		txs = append(txs, r.TxHash)
		if _, err := prov.Settle(ctx, other.Address(), 1, big.NewInt(1000)); err != nil {
			t.Fatalf("other's settlement %d: %v", i, err)
		}
	}
	show := func(ps []chain.Payout) string {
		var s string
		for _, p := range ps {
			s += fmt.Sprintf("%s %d %s %s; ", p.Kind, p.Count, p.Amount, p.Provider.Checksum()[:8])
		}
		return s
	}
	all, err := payer.Payouts(ctx, payer.Address(), 1000, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("settlement 7 7000 %[1]s; settlement 5 5000 %[1]s; settlement 3 3000 %[1]s; ", prov.Address().Checksum()[:8])
	if got := show(all); got != want {
		t.Fatalf("payouts = %s\nwant       %s", got, want)
	}
	for i, p := range all {
		if p.Tx != txs[2-i] || p.Time.IsZero() || p.Block == 0 {
			t.Errorf("payout %d: tx %s at block %d, %v; want tx %s", i, p.Tx, p.Block, p.Time, txs[2-i])
		}
	}
	if two, err := payer.Payouts(ctx, payer.Address(), 1000, 2); err != nil || show(two) != show(all[:2]) {
		t.Errorf("limit 2: %s, %v", show(two), err)
	}
	// The last settlement of payer's was two blocks ago (other's came after).
	if recent, err := payer.Payouts(ctx, payer.Address(), 1, 10); err != nil || show(recent) != show(all[:1]) {
		t.Errorf("window 1: %s, %v", show(recent), err)
	}
	if none, err := payer.Payouts(ctx, wf.Address{1}, 1000, 10); err != nil || len(none) != 0 {
		t.Errorf("a stranger's payouts: %s, %v", show(none), err)
	}
}

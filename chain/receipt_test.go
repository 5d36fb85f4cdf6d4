package chain_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/wf"
)

func TestChargeReceipt(t *testing.T) {
	prov, other := chain.DevKey(1), chain.DevKey(2)
	fn, err := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	if err != nil {
		t.Fatal(err)
	}
	r := chain.ChargeReceipt{Function: fn, Payer: other.Address(), Mode: "owner", Amount: big.NewInt(100), Cumulative: big.NewInt(1200), RequestID: wf.RequestID{7: 7}}
	sig, err := chain.SignReceipt(prov, r)
	if err != nil {
		t.Fatal(err)
	}
	if err := chain.VerifyReceipt(r, sig, prov.Address()); err != nil {
		t.Fatal(err)
	}
	if err := chain.VerifyReceipt(r, sig, other.Address()); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("verified as another provider: %v", err)
	}
	tampered := []func(*chain.ChargeReceipt){
		func(r *chain.ChargeReceipt) { r.Payer = prov.Address() },
		func(r *chain.ChargeReceipt) { r.Mode = "caller" },
		func(r *chain.ChargeReceipt) { r.Amount = big.NewInt(99) },
		func(r *chain.ChargeReceipt) { r.Cumulative = big.NewInt(1100) },
		func(r *chain.ChargeReceipt) { r.RequestID[7] = 8 },
	}
	for i, change := range tampered {
		c := r
		change(&c)
		if err := chain.VerifyReceipt(c, sig, prov.Address()); err == nil {
			t.Errorf("tampered receipt %d verifies", i)
		}
	}
	if _, err := chain.ReceiptDigest(chain.ChargeReceipt{Function: fn, Mode: "owner", Amount: big.NewInt(1), Cumulative: big.NewInt(1)}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("receipt without payer: %v", err)
	}
}

// TestResumeTx: a settlement recorded but never sent (the process died) is
// sent by ResumeTx and mined once however often it is resumed; one whose
// nonce another transaction took is reported dead.
func TestResumeTx(t *testing.T) {
	s := newSim(t, sim.Options{})
	ctx := testCtx(t)
	payer, prov := s.Client(s.Accounts()[2]), s.Client(s.Accounts()[1])
	if _, err := payer.Deposit(ctx, usdc(10)); err != nil {
		t.Fatal(err)
	}
	if _, err := payer.Approve(ctx, prov.Address(), big.NewInt(1000), usdc(10)); err != nil {
		t.Fatal(err)
	}
	died := errors.New("process died before sending")
	var recorded chain.SignedTx
	_, err := prov.SettleRecorded(ctx, payer.Address(), 10, big.NewInt(5000), chain.RecordOptions{Record: func(tx chain.SignedTx) error {
		recorded = tx
		return died
	}})
	if !errors.Is(err, died) || len(recorded.Raw) == 0 {
		t.Fatalf("settle with a failing record: %v, recorded %d bytes", err, len(recorded.Raw))
	}
	for i := range 3 {
		r, err := prov.ResumeTx(ctx, []chain.SignedTx{recorded}, chain.RecordOptions{})
		if err != nil {
			t.Fatalf("resume %d: %v", i, err)
		}
		if r.TxHash != recorded.Hash {
			t.Fatalf("resume %d mined %s, recorded %s", i, r.TxHash, recorded.Hash)
		}
	}
	al, err := payer.Allowance(ctx, payer.Address(), prov.Address())
	if err != nil || al.Budget.Cmp(new(big.Int).Sub(usdc(10), big.NewInt(5000))) != 0 {
		t.Fatalf("budget %v %v: settled more or less than once", al.Budget, err)
	}

	// Recorded, not sent, and the nonce goes to another transaction.
	_, err = prov.SettleRecorded(ctx, payer.Address(), 1, big.NewInt(1000), chain.RecordOptions{Record: func(tx chain.SignedTx) error {
		recorded = tx
		return died
	}})
	if !errors.Is(err, died) {
		t.Fatal(err)
	}
	if _, err := prov.Settle(ctx, payer.Address(), 1, big.NewInt(500)); err != nil {
		t.Fatal(err)
	}
	if _, err := prov.ResumeTx(ctx, []chain.SignedTx{recorded}, chain.RecordOptions{}); !errors.Is(err, chain.ErrTxSuperseded) {
		t.Fatalf("resume of a superseded tx: %v", err)
	}
	if _, err := prov.ResumeTx(ctx, []chain.SignedTx{{Raw: []byte("junk")}}, chain.RecordOptions{}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("resume junk: %v", err)
	}
}

// Receipt signing is per charged response: go test -run ^$ -bench Receipt ./chain/
func BenchmarkReceiptDigest(b *testing.B) {
	fn, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	r := chain.ChargeReceipt{Function: fn, Payer: chain.DevKey(2).Address(), Mode: "owner", Amount: big.NewInt(100), Cumulative: big.NewInt(1200)}
	for b.Loop() {
		chain.ReceiptDigest(r)
	}
}

func BenchmarkSignReceipt(b *testing.B) {
	fn, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	r := chain.ChargeReceipt{Function: fn, Payer: chain.DevKey(2).Address(), Mode: "owner", Amount: big.NewInt(100), Cumulative: big.NewInt(1200)}
	k := chain.DevKey(1)
	for b.Loop() {
		chain.SignReceipt(k, r)
	}
}

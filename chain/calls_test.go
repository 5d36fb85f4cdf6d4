package chain_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Transactions prepared for a wallet do, once sent by the payer's key,
// what the Client's own methods do; WaitTx tells a hash of something else
// from them.
func TestWalletTxs(t *testing.T) {
	s, payer, prov, other := escrowSetup(t)
	ctx := testCtx(t)
	ro := s.Client(nil) // the dashboard holds no key

	tx, err := ro.ApproveTx(prov.Address(), big.NewInt(1000), usdc(5), chain.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := payer.SendTx(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ro.WaitTx(ctx, r.TxHash); err != nil || got.Block != r.Block {
		t.Fatalf("WaitTx = %+v, %v; want block %d", got, err, r.Block)
	}
	if a, err := ro.Allowance(ctx, payer.Address(), prov.Address()); err != nil || a.Budget.Cmp(usdc(5)) != 0 || a.MaxPricePerRequest.Int64() != 1000 {
		t.Fatalf("allowance after the wallet's approve: %+v, %v", a, err)
	}

	// other has tokens and no token allowance for the escrow: two
	// transactions, the second after the first.
	txs, err := ro.DepositTxs(ctx, other.Address(), usdc(3))
	if err != nil || len(txs) != 2 || txs[0].To != ro.Contracts().Token || txs[1].To != ro.Contracts().Escrow {
		t.Fatalf("deposit transactions %+v, %v", txs, err)
	}
	for _, tx := range txs {
		r, err := other.SendTx(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ro.WaitTx(ctx, r.TxHash); err != nil {
			t.Fatal(err)
		}
	}
	if b := escrowBalance(t, ro, other.Address()); b.Cmp(usdc(3)) != 0 {
		t.Fatalf("escrow balance %s after the wallet's deposit, want %s", b, usdc(3))
	}

	tx, err = ro.RequestWithdrawTx(usdc(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.SendTx(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if a, err := ro.Account(ctx, other.Address()); err != nil || a.PendingWithdrawal.Cmp(usdc(1)) != 0 {
		t.Fatalf("account after the wallet's withdrawal request: %+v, %v", a, err)
	}

	if _, err := other.SendTx(ctx, ro.CancelWithdrawTx()); err != nil {
		t.Fatal(err)
	}
	if a, err := ro.Account(ctx, other.Address()); err != nil || a.PendingWithdrawal.Sign() != 0 {
		t.Fatalf("account after the wallet cancelled the withdrawal: %+v, %v", a, err)
	}
	if _, err := other.SendTx(ctx, ro.WithdrawTx()); err == nil {
		t.Fatal("a withdrawal with none pending was sent")
	}

	// An ether transfer is mined but is none of the escrow's business.
	r, err = payer.SendEther(ctx, other.Address(), big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.WaitTx(ctx, r.TxHash); !errors.Is(err, chain.ErrNotOurs) {
		t.Fatalf("WaitTx of an ether transfer: %v, want ErrNotOurs", err)
	}

	for name, err := range map[string]error{
		"no price": func() error {
			_, err := ro.ApproveTx(prov.Address(), big.NewInt(0), usdc(1), chain.Limits{})
			return err
		}(),
		"no deposit":    func() error { _, err := ro.DepositTxs(ctx, other.Address(), big.NewInt(0)); return err }(),
		"no withdrawal": func() error { _, err := ro.RequestWithdrawTx(nil); return err }(),
	} {
		if !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if h, err := chain.ParseHash(r.TxHash.String()); err != nil || h != r.TxHash {
		t.Errorf("ParseHash(%s) = %s, %v", r.TxHash, h, err)
	}
	for _, bad := range []string{"", "0x12", r.TxHash.String()[2:] + "00", "0x" + string(make([]byte, 64)), "0xzz" + r.TxHash.String()[4:]} {
		if _, err := chain.ParseHash(bad); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("ParseHash(%q): %v, want ErrInvalid", bad, err)
		}
	}
}

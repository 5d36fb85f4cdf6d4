package payment

import (
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// TestRecordConversions: what the meter hands the ledger comes back as it
// was.
func TestRecordConversions(t *testing.T) {
	signed := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	v := chain.SignedVoucher{
		Voucher:   chain.Voucher{Payer: wf.Address{1}, Provider: wf.Address{2}, CumulativeAmount: big.NewInt(300), Expiry: signed.Add(time.Hour)},
		Signature: wf.Signature{0: 3, 64: 28},
	}
	if got := chainVoucher(*ledgerVoucher(&v)); !reflect.DeepEqual(got, v) {
		t.Errorf("voucher %+v came back as %+v", v, got)
	}
	if ledgerVoucher(nil) != nil {
		t.Error("no voucher became one")
	}
	txs := []chain.SignedTx{
		{Hash: chain.Hash{4, 31: 5}, Nonce: 6, Raw: []byte{7, 8}, Signed: signed},
		{Hash: chain.Hash{9}, Nonce: 6}, // recorded before replacements: no time
	}
	if got := chainTxs([]ledger.Tx{ledgerTx(txs[0]), ledgerTx(txs[1])}); !reflect.DeepEqual(got, txs) {
		t.Errorf("transactions %+v came back as %+v", txs, got)
	}
	r := chain.Receipt{TxHash: chain.Hash{10, 31: 11}, Block: 12, GasUsed: 13}
	if got := ledgerReceipt(r); chain.Hash(got.TxHash) != r.TxHash || got.Block != r.Block || got.GasUsed != r.GasUsed {
		t.Errorf("receipt %+v became %+v", r, got)
	}
}

package payment

import (
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
)

// The ledger stores records of its own, not the chain client's types:
// these convert between the two where the meter passes one to the other.

func ledgerVoucher(v *chain.SignedVoucher) *ledger.SignedVoucher {
	if v == nil {
		return nil
	}
	sess := v.Session
	return &ledger.SignedVoucher{Payer: v.Payer, Provider: v.Provider, CumulativeAmount: v.CumulativeAmount, Expiry: v.Expiry,
		Session: &sess, Signature: v.Signature}
}

func chainVoucher(v ledger.SignedVoucher) chain.SignedVoucher {
	var sess [32]byte
	if v.Session != nil {
		sess = *v.Session
	}
	return chain.SignedVoucher{
		Voucher:   chain.Voucher{Payer: v.Payer, Provider: v.Provider, CumulativeAmount: v.CumulativeAmount, Expiry: v.Expiry, Session: sess},
		Signature: v.Signature,
	}
}

func ledgerTx(tx chain.SignedTx) ledger.Tx {
	return ledger.Tx{Hash: ledger.Hash(tx.Hash), Nonce: tx.Nonce, Raw: tx.Raw, Signed: tx.Signed}
}

func chainTxs(txs []ledger.Tx) []chain.SignedTx {
	out := make([]chain.SignedTx, len(txs))
	for i, tx := range txs {
		out[i] = chain.SignedTx{Hash: chain.Hash(tx.Hash), Nonce: tx.Nonce, Raw: tx.Raw, Signed: tx.Signed}
	}
	return out
}

func ledgerReceipt(r chain.Receipt) ledger.Receipt {
	return ledger.Receipt{TxHash: ledger.Hash(r.TxHash), Block: r.Block, GasUsed: r.GasUsed}
}

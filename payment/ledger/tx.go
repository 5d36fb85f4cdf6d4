package ledger

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Txs are every transaction recorded for the batch, oldest first: Replaced,
// then Tx. Nil if none was.
func (b *Batch) Txs() []chain.SignedTx {
	if b.Tx == nil {
		return nil
	}
	return append(append([]chain.SignedTx(nil), b.Replaced...), *b.Tx)
}

// RecordTx records a signed transaction of batch id before it is sent: the
// first, or a replacement (same nonce), which becomes Tx while the one it
// replaces moves to Replaced. A first transaction with another nonce
// than the recorded one takes its place: the node refused that nonce, so
// the recorded one never reached a pool. A replacement with another nonce
// is refused.
func (l *Ledger) RecordTx(id uint64, stx chain.SignedTx) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	return l.db.Update(func(tx *bolt.Tx) error {
		b, err := getBatch(tx, id)
		if err != nil {
			return err
		}
		if b.State != Prepared && b.State != Sent {
			return fmt.Errorf("ledger: batch %d is %s", id, b.State)
		}
		switch {
		case b.Tx == nil || (b.Tx.Nonce != stx.Nonce && len(b.Replaced) == 0):
		case b.Tx.Hash == stx.Hash:
			return nil
		case b.Tx.Nonce != stx.Nonce:
			return fmt.Errorf("%w: ledger: batch %d: transaction %s has nonce %d, not the nonce %d of the ones recorded", wf.ErrInvalid, id, stx.Hash, stx.Nonce, b.Tx.Nonce)
		default:
			b.Replaced = append(b.Replaced, *b.Tx)
		}
		b.Tx, b.TxHash, b.State = &stx, stx.Hash, Sent
		return putBatch(tx, b)
	})
}

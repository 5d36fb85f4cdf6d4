package ledger

import (
	"encoding/hex"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/webfunctions/wf/wf"
)

// Hash is a transaction hash. It is stored as a JSON array of 32 numbers;
// a MarshalText method would change the stored format.
type Hash [32]byte

func (h Hash) String() string { return "0x" + hex.EncodeToString(h[:]) }

// Tx is a signed settlement transaction as recorded before it is sent.
// The fields' names and order are the stored format.
type Tx struct {
	Hash  Hash
	Nonce uint64
	Raw   []byte // the signed transaction as sent (EIP-2718 encoding)
	// Signed is when it was signed. Zero in records older than
	// replacements: the age is unknown.
	Signed time.Time `json:",omitzero"`
}

// Receipt says which transaction settled a batch, where, and at what cost.
type Receipt struct {
	TxHash  Hash
	Block   uint64
	GasUsed uint64
}

// Txs are every transaction recorded for the batch, oldest first: Replaced,
// then Tx. Nil if none was.
func (b *Batch) Txs() []Tx {
	if b.Tx == nil {
		return nil
	}
	return append(append([]Tx(nil), b.Replaced...), *b.Tx)
}

// RecordTx records a signed transaction of batch id before it is sent: the
// first, or a replacement (same nonce), which becomes Tx while the one it
// replaces moves to Replaced. A first transaction with another nonce
// than the recorded one takes its place: the node refused that nonce, so
// the recorded one never reached a pool. A replacement with another nonce
// is refused.
func (l *Ledger) RecordTx(id uint64, stx Tx) error {
	l.bmu.Lock()
	defer l.bmu.Unlock()
	l.dbmu.Lock()
	defer l.dbmu.Unlock()
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

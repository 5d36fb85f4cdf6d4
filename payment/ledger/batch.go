package ledger

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/big"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/webfunctions/wf/wf"
)

// State is where a settlement batch is.
type State string

const (
	Prepared State = "prepared" // intent recorded, nothing sent
	Sent     State = "sent"     // transaction recorded; it may or may not have reached the chain
	Settled  State = "settled"  // mined and succeeded
	Aborted  State = "aborted"  // not settled; its charges went back to pending
)

// Batch is one settlement: one on-chain transaction for Count requests of
// one payer.
type Batch struct {
	ID      uint64       `json:"id"`
	Mode    Mode         `json:"mode"`
	Payer   wf.Address   `json:"payer,omitzero"` // zero in mina mode
	Count   uint64       `json:"count"`
	Amount  *big.Int     `json:"amount"`
	Voucher *Voucher     `json:"voucher,omitempty"` // caller mode: the voucher redeemed
	UpTo    *big.Int     `json:"upTo,omitempty"`    // caller mode: redeemed up to this cumulative amount
	Meter   *MeterCount  `json:"meter,omitempty"`   // owner mode: the metering count it settles under
	Channel WideKey      `json:"channel,omitzero"`  // mina mode: the channel (Payer is zero)
	Rail    *RailVoucher `json:"rail,omitempty"`    // mina mode: the voucher redeemed, up to UpTo
	State   State        `json:"state"`
	Created time.Time    `json:"created"`

	// Tx is the latest transaction recorded; Replaced are the ones it
	// replaced (same nonce, lower fees), oldest first. Any of them may be
	// the one mined. Raw is dropped once the batch is settled or aborted.
	Tx       *Tx    `json:"tx,omitempty"`
	Replaced []Tx   `json:"replaced,omitempty"`
	TxHash   Hash   `json:"txHash"` // sent: Tx's; settled: the mined one's
	Block    uint64 `json:"block,omitempty"`
	GasUsed  uint64 `json:"gasUsed,omitempty"`
	Error    string `json:"error,omitempty"` // why it was aborted
}

// Key is the batch's account.
func (b *Batch) Key() Key { return Key{Mode: b.Mode, Payer: b.Payer, Channel: b.Channel} }

// Prepare records the intent to settle key's pending charges (for a
// Caller account: with its Best voucher, up to what was charged, never
// with an expired one) and
// moves them in flight. It
// returns nil if there is nothing to settle or a batch is already in
// flight.
func (l *Ledger) Prepare(key Key, now time.Time) (*Batch, error) {
	return l.PrepareLimited(key, now, Limit{})
}

// Limit bounds an Owner batch: at most Count requests (0: any) and at
// most Amount (nil: any). The pending charges above it stay pending, for
// a later batch (a new period, a higher metering count).
type Limit struct {
	Count  uint64
	Amount *big.Int
	// Meter is recorded with the batch: the count it settles under.
	Meter *MeterCount
}

// PrepareLimited is Prepare with an Owner batch bounded by lim.
func (l *Ledger) PrepareLimited(key Key, now time.Time, lim Limit) (*Batch, error) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	a := l.Account(key)
	if a.Batch != 0 {
		return nil, nil
	}
	b := &Batch{Mode: key.Mode, Payer: key.Payer, Channel: key.Channel, State: Prepared, Created: now.UTC()}
	switch key.Mode {
	case Mina:
		if !prepareRail(b, a) {
			return nil, nil
		}
	case Owner:
		p := a.Pending()
		b.Count, b.Amount = p.Count, new(big.Int).Set(amt(p.Amount))
		// Charges may differ in price: a part takes its share.
		part := func(n uint64) {
			if n < b.Count {
				b.Amount.Div(b.Amount.Mul(b.Amount, new(big.Int).SetUint64(n)), new(big.Int).SetUint64(b.Count))
				b.Count = n
			}
		}
		if lim.Count > 0 {
			part(lim.Count)
		}
		if lim.Amount != nil && b.Amount.Cmp(lim.Amount) > 0 && b.Count > 0 {
			n := new(big.Int).Div(new(big.Int).Mul(lim.Amount, new(big.Int).SetUint64(b.Count)), b.Amount)
			part(n.Uint64())
		}
		if b.Count == 0 {
			return nil, nil
		}
		b.Meter = lim.Meter
	case Caller:
		// Never an expired voucher: its redeem reverts. The best one
		// covers every charge (keepVoucher); if it expired, the one that
		// expires last redeems what it covers, and the charges above it
		// wait for a better one.
		var v Voucher
		switch {
		case a.Best != nil && a.Best.Expiry.After(now):
			v = *a.Best
		case a.Lasting != nil && a.Lasting.Expiry.After(now):
			v = *a.Lasting
		default:
			return nil, nil
		}
		upTo := new(big.Int).Set(amt(a.Charged.Amount))
		count := a.Charged.Count - a.Settled.Count
		if v.CumulativeAmount.Cmp(upTo) < 0 {
			upTo.Set(v.CumulativeAmount)
			// The requests it pays for, in proportion (for the record).
			pend := new(big.Int).Sub(amt(a.Charged.Amount), amt(a.Settled.Amount))
			part := new(big.Int).Sub(upTo, amt(a.Settled.Amount))
			if pend.Sign() > 0 && part.Sign() > 0 {
				count = new(big.Int).Div(new(big.Int).Mul(part, new(big.Int).SetUint64(count)), pend).Uint64()
			}
		}
		v.Count = a.Settled.Count + count
		b.Voucher = &v
		b.UpTo = upTo
		b.Count = count
		b.Amount = new(big.Int).Sub(upTo, amt(a.Settled.Amount))
	}
	if b.Amount.Sign() <= 0 {
		return nil, nil
	}
	b.ID = l.next
	a.InFlight = Totals{b.Count, b.Amount}
	a.Batch = b.ID
	err := l.save(map[Key]Account{key: a}, func(tx *bolt.Tx) error {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], b.ID+1)
		if err := tx.Bucket(bucketMeta).Put(keyNextBatch, n[:]); err != nil {
			return err
		}
		return putBatch(tx, b)
	})
	if err != nil {
		return nil, fmt.Errorf("ledger: prepare batch: %w", err)
	}
	l.next++
	return b, nil
}

// Confirm marks batch id settled by the mined transaction r.
func (l *Ledger) Confirm(id uint64, r Receipt) (*Batch, error) {
	return l.finish(id, func(b *Batch, a *Account) {
		b.State, b.TxHash, b.Block, b.GasUsed = Settled, r.TxHash, r.Block, r.GasUsed
		a.Settled = a.Settled.add(a.InFlight)
	})
}

// Abort marks batch id not settled (nothing was sent, or what was sent
// reverted or can never be mined); its charges go back to pending.
func (l *Ledger) Abort(id uint64, reason error) (*Batch, error) {
	return l.finish(id, func(b *Batch, a *Account) {
		b.State = Aborted
		if b.Meter != nil && a.Meter != nil && b.Meter.Meter != a.Meter.Meter {
			// Counted under a metering key the owner replaced since:
			// never settled now (Account.Stranded).
			a.Stranded = a.Stranded.add(a.InFlight)
		}
		if reason != nil {
			b.Error = reason.Error()
		}
	})
}

func (l *Ledger) finish(id uint64, f func(*Batch, *Account)) (*Batch, error) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	var out *Batch
	var m map[Key]Account
	err := l.db.View(func(tx *bolt.Tx) error {
		b, err := getBatch(tx, id)
		if err != nil {
			return err
		}
		if b.State == Settled || b.State == Aborted {
			return fmt.Errorf("ledger: batch %d is already %s", id, b.State)
		}
		a := l.Account(b.Key())
		if a.Batch != id {
			return fmt.Errorf("ledger: batch %d is not its account's batch in flight (%d)", id, a.Batch)
		}
		f(b, &a)
		a.InFlight, a.Batch = Totals{0, new(big.Int)}, 0
		if b.Tx != nil {
			b.Tx.Raw = nil // the hashes stay; the transactions are done with
		}
		for i := range b.Replaced {
			b.Replaced[i].Raw = nil
		}
		m = map[Key]Account{b.Key(): a}
		out = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := l.save(m, func(tx *bolt.Tx) error { return putBatch(tx, out) }); err != nil {
		return nil, err
	}
	return out, nil
}

// InFlightBatches returns the batches prepared or sent and not yet
// confirmed or aborted, oldest first.
func (l *Ledger) InFlightBatches() ([]*Batch, error) {
	return l.batches(func(b *Batch) bool { return b.State == Prepared || b.State == Sent })
}

// Batches returns every batch, oldest first.
func (l *Ledger) Batches() ([]*Batch, error) { return l.batches(func(*Batch) bool { return true }) }

func (l *Ledger) batches(keep func(*Batch) bool) ([]*Batch, error) {
	var out []*Batch
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketBatches).ForEach(func(k, v []byte) error {
			b := new(Batch)
			if err := json.Unmarshal(v, b); err != nil {
				return fmt.Errorf("ledger: batch %x: %w", k, err)
			}
			if keep(b) {
				out = append(out, b)
			}
			return nil
		})
	})
	return out, err
}

// Batch returns batch id.
func (l *Ledger) Batch(id uint64) (*Batch, error) {
	var b *Batch
	err := l.db.View(func(tx *bolt.Tx) (err error) { b, err = getBatch(tx, id); return })
	return b, err
}

func putBatch(tx *bolt.Tx, b *Batch) error {
	v, err := json.Marshal(b)
	if err != nil {
		return err
	}
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], b.ID)
	return tx.Bucket(bucketBatches).Put(k[:], v)
}

func getBatch(tx *bolt.Tx, id uint64) (*Batch, error) {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	v := tx.Bucket(bucketBatches).Get(k[:])
	if v == nil {
		return nil, fmt.Errorf("%w: ledger: batch %d", wf.ErrNotFound, id)
	}
	b := new(Batch)
	if err := json.Unmarshal(v, b); err != nil {
		return nil, fmt.Errorf("ledger: batch %d: %w", id, err)
	}
	return b, nil
}

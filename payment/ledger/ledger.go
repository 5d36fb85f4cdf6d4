// Package ledger is a provider's durable record of what it charged and what
// it settled, in a bbolt file.
//
// Per payer and payment mode an Account holds all-time totals: Charged
// (every charge recorded), Settled (confirmed on-chain), and InFlight (a
// settlement batch prepared or sent, outcome not yet known). Pending =
// Charged - Settled - InFlight is what the next batch takes. A settlement
// goes through Prepare (the intent, durable before anything is sent),
// RecordTx (the signed transaction, durable before it is sent; again for
// each replacement with higher fees, all of which the batch keeps), then
// Confirm or Abort; a process that dies in between finds the batch in
// InFlightBatches on restart and resolves it against the chain.
//
// Charge is group-committed to a write-ahead log beside the bbolt file
// (see wal.go): concurrent charges share one write and one flush, and each
// returns only once its own charge is on disk. Settlement steps are synced
// bbolt transactions that also checkpoint the log. A Ledger is safe for
// concurrent use; one process opens a file at a time (bbolt locks it).
package ledger

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Mode is who pays.
type Mode uint8

const (
	// Owner: the function owner's on-chain allowance for this provider.
	Owner Mode = 1
	// Caller: the caller's signed voucher.
	Caller Mode = 2
)

func (m Mode) String() string {
	switch m {
	case Owner:
		return "owner"
	case Caller:
		return "caller"
	}
	return fmt.Sprintf("mode(%d)", uint8(m))
}

// Key names an account: one payer in one mode.
type Key struct {
	Mode  Mode
	Payer wf.Address
}

func (k Key) bytes() []byte { return append([]byte{byte(k.Mode)}, k.Payer[:]...) }

func keyFrom(b []byte) (Key, error) {
	if len(b) != 21 || (Mode(b[0]) != Owner && Mode(b[0]) != Caller) {
		return Key{}, fmt.Errorf("ledger: bad account key %x", b)
	}
	return Key{Mode: Mode(b[0]), Payer: wf.Address(b[1:])}, nil
}

// Totals is a count of requests and their amount in token base units.
type Totals struct {
	Count  uint64   `json:"count"`
	Amount *big.Int `json:"amount"`
}

func (t Totals) add(o Totals) Totals {
	return Totals{Count: t.Count + o.Count, Amount: new(big.Int).Add(amt(t.Amount), amt(o.Amount))}
}

func (t Totals) sub(o Totals) Totals {
	return Totals{Count: t.Count - o.Count, Amount: new(big.Int).Sub(amt(t.Amount), amt(o.Amount))}
}

// IsZero reports whether t counts nothing.
func (t Totals) IsZero() bool { return t.Count == 0 && amt(t.Amount).Sign() == 0 }

func amt(a *big.Int) *big.Int {
	if a == nil {
		return new(big.Int)
	}
	return a
}

// Voucher is a caller's voucher kept for settlement, with the number of
// charges its cumulative amount covers.
type Voucher struct {
	chain.SignedVoucher
	Count uint64 `json:"count"` // charges covered once earned
}

// Account is one payer's record in one mode. Fields are copies: changing
// them changes nothing in the ledger.
type Account struct {
	Charged  Totals `json:"charged"`
	Settled  Totals `json:"settled"`
	InFlight Totals `json:"inFlight"`
	Batch    uint64 `json:"batch,omitempty"` // the in-flight batch, 0 if none
	// Earned is the caller's highest voucher whose cumulative amount the
	// charges have reached: what can be redeemed without taking more than
	// was served. Next is the lowest voucher above the charges, which
	// becomes Earned when they reach it.
	Earned *Voucher `json:"earned,omitempty"`
	Next   *Voucher `json:"next,omitempty"`
}

// Pending is what was charged and is neither settled nor in flight.
func (a Account) Pending() Totals { return a.Charged.sub(a.Settled).sub(a.InFlight) }

func (a Account) clone() Account {
	c := a
	c.Charged = Totals{a.Charged.Count, new(big.Int).Set(amt(a.Charged.Amount))}
	c.Settled = Totals{a.Settled.Count, new(big.Int).Set(amt(a.Settled.Amount))}
	c.InFlight = Totals{a.InFlight.Count, new(big.Int).Set(amt(a.InFlight.Amount))}
	if a.Earned != nil {
		v := *a.Earned
		c.Earned = &v
	}
	if a.Next != nil {
		v := *a.Next
		c.Next = &v
	}
	return c
}

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
	ID      uint64     `json:"id"`
	Mode    Mode       `json:"mode"`
	Payer   wf.Address `json:"payer"`
	Count   uint64     `json:"count"`
	Amount  *big.Int   `json:"amount"`
	Voucher *Voucher   `json:"voucher,omitempty"` // caller mode: the voucher redeemed
	State   State      `json:"state"`
	Created time.Time  `json:"created"`

	// Tx is the latest transaction recorded; Replaced are the ones it
	// replaced (same nonce, lower fees), oldest first. Any of them may be
	// the one mined. Raw is dropped once the batch is settled or aborted.
	Tx       *chain.SignedTx  `json:"tx,omitempty"`
	Replaced []chain.SignedTx `json:"replaced,omitempty"`
	TxHash   chain.Hash       `json:"txHash"` // sent: Tx's; settled: the mined one's
	Block    uint64           `json:"block,omitempty"`
	GasUsed  uint64           `json:"gasUsed,omitempty"`
	Error    string           `json:"error,omitempty"` // why it was aborted
}

// Key is the batch's account.
func (b *Batch) Key() Key { return Key{b.Mode, b.Payer} }

// Txs are every transaction recorded for the batch, oldest first: Replaced,
// then Tx. Nil if none was.
func (b *Batch) Txs() []chain.SignedTx {
	if b.Tx == nil {
		return nil
	}
	return append(append([]chain.SignedTx(nil), b.Replaced...), *b.Tx)
}

var (
	bucketAccounts = []byte("accounts")
	bucketBatches  = []byte("batches")
	bucketMeta     = []byte("meta")
	keyNextBatch   = []byte("nextBatch")
	keyBinding     = []byte("binding")
	keyWALSeq      = []byte("walSeq")
)

// Options configure Open.
type Options struct {
	// MaxGroup bounds how many charges share one write transaction.
	// Default 1024.
	MaxGroup int
	// NoSync skips fsync: only for benchmarks that measure everything else.
	NoSync bool
}

// Ledger is the durable record. See the package doc.
type Ledger struct {
	db       *bolt.DB
	maxGroup int

	wmu    sync.Mutex // serialises writers: memory is updated after disk, in order
	wal    *wal
	seq    uint64           // last charge logged
	dirty  map[Key]struct{} // accounts the log changed since the last checkpoint
	broken error            // a failed log write: no more charges

	mu       sync.RWMutex
	accounts map[Key]Account
	reserved map[Key]*big.Int // see Reserve
	next     uint64           // next batch id

	queue     chan *chargeOp
	closeOnce sync.Once
	closed    chan struct{}
	done      chan struct{}
}

// ErrClosed is returned by a closed Ledger.
var ErrClosed = errors.New("ledger: closed")

// Open opens or creates the ledger file at path.
func Open(path string, o Options) (*Ledger, error) {
	if o.MaxGroup <= 0 {
		o.MaxGroup = 1024
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second, NoSync: o.NoSync})
	if err != nil {
		return nil, fmt.Errorf("ledger: open %s: %w", path, err)
	}
	l := &Ledger{db: db, maxGroup: o.MaxGroup, accounts: make(map[Key]Account), dirty: make(map[Key]struct{}), reserved: make(map[Key]*big.Int),
		queue: make(chan *chargeOp, o.MaxGroup), closed: make(chan struct{}), done: make(chan struct{})}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketAccounts, bucketBatches, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketAccounts).ForEach(func(k, v []byte) error {
			key, err := keyFrom(k)
			if err != nil {
				return err
			}
			var a Account
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("ledger: account %x: %w", k, err)
			}
			l.accounts[key] = a.clone()
			return nil
		}); err != nil {
			return err
		}
		l.next = 1
		if v := tx.Bucket(bucketMeta).Get(keyNextBatch); len(v) == 8 {
			l.next = binary.BigEndian.Uint64(v)
		}
		if v := tx.Bucket(bucketMeta).Get(keyWALSeq); len(v) == 8 {
			l.seq = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("ledger: open %s: %w", path, err)
	}
	// Charges logged after the last checkpoint.
	w, recs, err := openWAL(path+".wal", o.NoSync)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("ledger: open log: %w", err)
	}
	l.wal = w
	for _, r := range recs {
		if r.Seq <= l.seq {
			continue
		}
		a := l.accounts[r.Charge.Key].clone()
		applyCharge(&a, r.Charge)
		l.accounts[r.Charge.Key] = a
		l.dirty[r.Charge.Key] = struct{}{}
		l.seq = r.Seq
	}
	if err := l.save(nil, nil); err != nil {
		w.close()
		db.Close()
		return nil, fmt.Errorf("ledger: open %s: %w", path, err)
	}
	go l.commitLoop()
	return l, nil
}

// save runs f and writes changed in one synced bbolt transaction that is
// also a checkpoint: the accounts the log changed are written with the
// log's sequence number, and the log starts a new round. The caller holds
// wmu.
func (l *Ledger) save(changed map[Key]Account, f func(tx *bolt.Tx) error) error {
	err := l.db.Update(func(tx *bolt.Tx) error {
		if f != nil {
			if err := f(tx); err != nil {
				return err
			}
		}
		all := make(map[Key]Account, len(changed)+len(l.dirty))
		for k := range l.dirty {
			all[k] = l.Account(k)
		}
		for k, a := range changed {
			all[k] = a
		}
		if err := putAccounts(tx, all); err != nil {
			return err
		}
		var s [8]byte
		binary.BigEndian.PutUint64(s[:], l.seq)
		return tx.Bucket(bucketMeta).Put(keyWALSeq, s[:])
	})
	if err != nil {
		return err
	}
	l.setAccounts(changed)
	clear(l.dirty)
	l.wal.reset()
	return nil
}

// Bind ties the ledger to what its amounts mean (a chain, an escrow, a
// provider account): the first call records binding, later ones fail if
// it differs, so a ledger is never settled against another chain.
func (l *Ledger) Bind(binding string) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	return l.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if old := b.Get(keyBinding); old != nil {
			if string(old) != binding {
				return fmt.Errorf("%w: ledger: this ledger is for %s, not %s", wf.ErrInvalid, old, binding)
			}
			return nil
		}
		return b.Put(keyBinding, []byte(binding))
	})
}

// Close waits for queued charges and closes the file.
func (l *Ledger) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	<-l.done
	l.wmu.Lock()
	err := l.save(nil, nil)
	l.wmu.Unlock()
	return errors.Join(err, l.wal.close(), l.db.Close())
}

// Account returns a copy of key's account (zero if it has none).
func (l *Ledger) Account(key Key) Account {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.accounts[key].clone()
}

// Accounts returns copies of all accounts.
func (l *Ledger) Accounts() map[Key]Account {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make(map[Key]Account, len(l.accounts))
	for k, a := range l.accounts {
		out[k] = a.clone()
	}
	return out
}

// Charge is one charged request.
type Charge struct {
	Key    Key
	Amount *big.Int
	// Voucher is the caller's voucher that authorized a Caller charge.
	Voucher *chain.SignedVoucher
	// Reserved says Amount was reserved with Reserve: recording the
	// charge releases the reservation in the same step.
	Reserved bool `json:"-"`
}

// Reserve sets amount aside for a request about to run on key's account,
// if check, called with the account and what is already reserved for it,
// returns nil; check's error is returned otherwise. check runs under the
// ledger's lock, so concurrent reservations see each other; it must not
// keep or change its arguments. Reservations live in memory only: a
// request that is running when the process dies is not charged. Release
// one with Unreserve, or by recording the charge with Charge.Reserved.
func (l *Ledger) Reserve(key Key, amount *big.Int, check func(a Account, reserved *big.Int) error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	r := l.reserved[key]
	if r == nil {
		r = new(big.Int)
	}
	a, ok := l.accounts[key]
	if !ok {
		a = Account{}.clone()
	}
	if err := check(a, r); err != nil {
		return err
	}
	l.reserved[key] = r.Add(r, amount)
	return nil
}

// Unreserve releases a reservation made with Reserve.
func (l *Ledger) Unreserve(key Key, amount *big.Int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.release(key, amount)
}

func (l *Ledger) release(key Key, amount *big.Int) {
	if r := l.reserved[key]; r != nil {
		if r.Sub(r, amount); r.Sign() <= 0 {
			delete(l.reserved, key)
		}
	}
}

type chargeOp struct {
	c    Charge
	cum  *big.Int // cumulative charged after this charge
	err  error
	done chan struct{}
}

// Charge records c durably and returns everything charged to c.Key so far,
// c included. It returns once c is on disk (fsync'd), sharing the write
// with concurrent calls. An error means c is not recorded.
func (l *Ledger) Charge(ctx context.Context, c Charge) (*big.Int, error) {
	if c.Amount == nil || c.Amount.Sign() <= 0 {
		return nil, fmt.Errorf("%w: ledger: charge must be positive", wf.ErrInvalid)
	}
	op := &chargeOp{c: c, done: make(chan struct{})}
	select {
	case l.queue <- op:
	case <-l.closed:
		return nil, ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// Once queued the charge is written whatever ctx does: the caller
	// waits so it never answers before its charge is durable.
	<-op.done
	return op.cum, op.err
}

func (l *Ledger) commitLoop() {
	defer close(l.done)
	ops := make([]*chargeOp, 0, l.maxGroup)
	for {
		ops = ops[:0]
		select {
		case op := <-l.queue:
			ops = append(ops, op)
		case <-l.closed:
			// Drain what was queued before Close.
			for {
				select {
				case op := <-l.queue:
					l.commit([]*chargeOp{op})
				default:
					return
				}
			}
		}
	drain:
		for len(ops) < l.maxGroup {
			select {
			case op := <-l.queue:
				ops = append(ops, op)
			default:
				break drain
			}
		}
		l.commit(ops)
	}
}

// commit logs a group of charges with one write and one flush.
func (l *Ledger) commit(ops []*chargeOp) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	changed := make(map[Key]Account)
	recs := make([]walRecord, len(ops))
	for i, op := range ops {
		a, ok := changed[op.c.Key]
		if !ok {
			a = l.Account(op.c.Key)
		}
		applyCharge(&a, op.c)
		op.cum = new(big.Int).Set(a.Charged.Amount)
		changed[op.c.Key] = a
		recs[i] = walRecord{Seq: l.seq + 1 + uint64(i), Charge: op.c}
	}
	err := l.broken
	if err == nil {
		if err = l.wal.append(recs); errors.Is(err, errWALFull) {
			if err = l.save(nil, nil); err == nil {
				err = l.wal.append(recs)
			}
		}
		if err != nil && !errors.Is(err, errWALFull) {
			// After a failed write or flush the file's state is unknown.
			l.broken = err
		}
	}
	if err == nil {
		l.seq += uint64(len(ops))
		for k := range changed {
			l.dirty[k] = struct{}{}
		}
		// The charges and the release of their reservations are one step
		// for Reserve: nothing is counted twice or not at all.
		l.mu.Lock()
		for k, a := range changed {
			l.accounts[k] = a
		}
		for _, op := range ops {
			if op.c.Reserved {
				l.release(op.c.Key, op.c.Amount)
			}
		}
		l.mu.Unlock()
	}
	for _, op := range ops {
		if err != nil {
			op.err, op.cum = fmt.Errorf("ledger: record charge: %w", err), nil
		}
		close(op.done)
	}
	if err == nil && l.wal.full() {
		l.save(nil, nil) // a failure leaves the log as it is; retried next time
	}
}

func applyCharge(a *Account, c Charge) {
	a.Charged = a.Charged.add(Totals{1, c.Amount})
	if c.Key.Mode == Caller && c.Voucher != nil {
		keepVoucher(a, c.Voucher)
	}
}

// keepVoucher keeps v if it is the best voucher to redeem now (Earned) or
// later (Next), and promotes Next once the charges reach it.
func keepVoucher(a *Account, v *chain.SignedVoucher) {
	charged := a.Charged.Amount
	if v.CumulativeAmount.Cmp(charged) <= 0 {
		if a.Earned == nil || v.CumulativeAmount.Cmp(a.Earned.CumulativeAmount) > 0 {
			a.Earned = &Voucher{SignedVoucher: *v, Count: a.Charged.Count}
		}
	} else if a.Next == nil || v.CumulativeAmount.Cmp(a.Next.CumulativeAmount) < 0 {
		a.Next = &Voucher{SignedVoucher: *v}
	}
	if a.Next != nil && a.Next.CumulativeAmount.Cmp(charged) <= 0 {
		if a.Earned == nil || a.Next.CumulativeAmount.Cmp(a.Earned.CumulativeAmount) > 0 {
			a.Earned = &Voucher{SignedVoucher: a.Next.SignedVoucher, Count: a.Charged.Count}
		}
		a.Next = nil
	}
}

func putAccounts(tx *bolt.Tx, accts map[Key]Account) error {
	b := tx.Bucket(bucketAccounts)
	for k, a := range accts {
		v, err := json.Marshal(a)
		if err != nil {
			return err
		}
		if err := b.Put(k.bytes(), v); err != nil {
			return err
		}
	}
	return nil
}

func (l *Ledger) setAccounts(accts map[Key]Account) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for k, a := range accts {
		l.accounts[k] = a
	}
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

// OpenAccount sets an account's opening totals: what was settled on-chain before
// this ledger knew the payer (a caller's voucher redeemed under an earlier
// ledger), so cumulative amounts continue from there. It does nothing to an
// account that has charges.
func (l *Ledger) OpenAccount(key Key, settled Totals) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	a := l.Account(key)
	if !a.Charged.IsZero() || settled.IsZero() {
		return nil
	}
	a.Charged, a.Settled = settled, settled
	if err := l.save(map[Key]Account{key: a}, nil); err != nil {
		return fmt.Errorf("ledger: open account: %w", err)
	}
	return nil
}

// Prepare records the intent to settle key's pending charges (for a
// Caller account: up to its Earned voucher) and moves them in flight. It
// returns nil if there is nothing to settle or a batch is already in
// flight.
func (l *Ledger) Prepare(key Key, now time.Time) (*Batch, error) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	a := l.Account(key)
	if a.Batch != 0 {
		return nil, nil
	}
	b := &Batch{Mode: key.Mode, Payer: key.Payer, State: Prepared, Created: now.UTC()}
	switch key.Mode {
	case Owner:
		p := a.Pending()
		b.Count, b.Amount = p.Count, p.Amount
	case Caller:
		if a.Earned == nil || a.Earned.CumulativeAmount.Cmp(a.Settled.Amount) <= 0 {
			return nil, nil
		}
		v := *a.Earned
		b.Voucher = &v
		b.Count = v.Count - a.Settled.Count
		b.Amount = new(big.Int).Sub(v.CumulativeAmount, a.Settled.Amount)
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

// Confirm marks batch id settled by the mined transaction r.
func (l *Ledger) Confirm(id uint64, r chain.Receipt) (*Batch, error) {
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

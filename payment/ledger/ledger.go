package ledger

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/webfunctions/wf/wf"
)

// The bbolt file: accounts maps an account's Key (mode, then payer) to
// its Account, batches maps a batch's ID (8 bytes, big endian) to its
// Batch, both as JSON; meta holds the next batch ID, the binding and the
// sequence number of the last charge checkpointed from the log.
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
	// SyncInterval says when a charge is flushed to the disk. Zero: before
	// Charge returns (one fdatasync shared by the charges committed
	// together), so a charge whose response left survives a power cut.
	// Positive: Charge returns once the charge is written to the log, and
	// the log is fdatasync'd at most SyncInterval later. A crash of the
	// process loses nothing (the kernel holds the write); a crash of the
	// machine loses the charges of at most the last SyncInterval, which the
	// provider served and can no longer collect: the provider alone bears
	// it, a payer is never charged more. Settlement steps and checkpoints
	// are synced either way. RATIONALE.md, "What a charge costs".
	SyncInterval time.Duration
	// SumOwnerCharges, with SyncInterval, logs an owner's plain charges
	// (no metering count) summed: they are counted in memory as they are
	// made, and each owner's since the last sync are written as one record
	// just before the log is synced, before any other record, and before
	// a settlement step. A crash of the process then loses what the
	// machine's crash loses with SyncInterval alone: the charges of at
	// most the last SyncInterval, the provider's loss, never the owner's
	// (owner-pays has no sequence numbers a replay could reuse); receipts
	// sent before such a crash may show a higher cumulative than those
	// after it. It spares each owner-paid request its own record.
	// RATIONALE.md, "What a charge costs".
	SumOwnerCharges bool
}

// Ledger is the durable record. See the package doc.
type Ledger struct {
	db       *bolt.DB
	maxGroup int

	wmu sync.Mutex // serialises writers: memory is updated after disk, in order
	// bmu serialises the settlement steps (Prepare, RecordTx, Confirm,
	// Abort), which write the bbolt file without holding wmu, so charges
	// go on while the disk flushes (saveSettlement). dbmu serialises
	// writes to the bbolt file; it is taken after wmu, never before.
	bmu, dbmu sync.Mutex
	undos     []undoStep // settlement steps whose write failed, to take back (guarded by dbmu)
	// settleWrite, if set, runs in each settlement step's bbolt
	// transaction; an error fails the write (tests: a slow or failing
	// disk).
	settleWrite func() error
	wal         *wal
	seq         uint64           // last charge logged
	dirty       map[Key]struct{} // accounts the log changed since the last checkpoint
	broken      error            // a failed log write: no more charges

	lazy     bool              // Options.SyncInterval > 0: the flusher syncs the log
	sumOwner bool              // Options.SumOwnerCharges, when lazy
	sums     map[Key]*ownerSum // owners' charges counted, not yet logged (under wmu)
	unsynced atomic.Bool       // the log was written since its last sync
	flushed  chan struct{}

	mu       sync.RWMutex
	accounts map[Key]Account
	reserved map[Key]*big.Int    // see Reserve
	inflight map[uint64]struct{} // ids of the batches prepared or sent
	next     uint64              // next batch id

	queue     chan *chargeOp
	closeOnce sync.Once
	closed    chan struct{}
	shut      bool // under wmu: Close checkpointed; nothing more is written
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
	if o.SyncInterval < 0 {
		db.Close()
		return nil, fmt.Errorf("%w: ledger: negative sync interval", wf.ErrInvalid)
	}
	l := &Ledger{db: db, maxGroup: o.MaxGroup, accounts: make(map[Key]Account), dirty: make(map[Key]struct{}), reserved: make(map[Key]*big.Int),
		inflight: make(map[uint64]struct{}),
		queue:    make(chan *chargeOp, o.MaxGroup), closed: make(chan struct{}), done: make(chan struct{}), flushed: make(chan struct{}),
		lazy: o.SyncInterval > 0 && !o.NoSync, sums: make(map[Key]*ownerSum)}
	l.sumOwner = o.SumOwnerCharges && l.lazy
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
		if err := tx.Bucket(bucketBatches).ForEach(func(k, v []byte) error {
			b := new(Batch)
			if err := json.Unmarshal(v, b); err != nil {
				return fmt.Errorf("ledger: batch %x: %w", k, err)
			}
			if (b.State == Prepared || b.State == Sent) && len(k) == 8 {
				l.inflight[binary.BigEndian.Uint64(k)] = struct{}{}
			}
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
	w, recs, err := openWAL(walPath(path), o.NoSync)
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
	if l.lazy {
		go l.flushLoop(o.SyncInterval)
	} else {
		close(l.flushed)
	}
	return l, nil
}

// flushLoop syncs the log every interval when charges were written to it
// since the last sync. It syncs without holding wmu, so charges keep
// being written while the disk flushes: a sync covers at least every
// write that returned before it started.
func (l *Ledger) flushLoop(interval time.Duration) {
	defer close(l.flushed)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-l.closed:
			return
		case <-t.C:
		}
		l.flushWAL()
	}
}

// flushWAL syncs the log if it was written since its last sync. A failed
// sync breaks the ledger as a failed write does: the file's state is
// unknown, so no more charges are taken.
func (l *Ledger) flushWAL() {
	if !l.unsynced.Swap(false) {
		return
	}
	if l.sumOwner {
		l.wmu.Lock()
		l.logSums()
		l.wmu.Unlock()
	}
	if err := fdatasync(l.wal.f); err != nil {
		l.wmu.Lock()
		if l.broken == nil {
			l.broken = fmt.Errorf("ledger: sync log: %w", err)
		}
		l.wmu.Unlock()
	}
}

// save runs f and writes changed in one synced bbolt transaction that is
// also a checkpoint: the accounts the log changed are written with the
// log's sequence number, and the log starts a new round. The caller holds
// wmu.
func (l *Ledger) save(changed map[Key]Account, f func(tx *bolt.Tx) error) error {
	l.dbmu.Lock()
	defer l.dbmu.Unlock()
	l.applyUndos() // before the accounts are written: the disk never had them
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
	clear(l.sums) // the checkpoint holds them
	l.wal.reset()
	return nil
}

// errNothing is a settlement step that finds nothing to do.
var errNothing = errors.New("ledger: nothing to do")

// saveSettlement is a settlement step on key's account: set changes the
// account (under wmu; an error stops the step), then the account and
// every account the log changed since the last checkpoint are written
// with f in one synced bbolt transaction, with the log's sequence number
// they reflect. The change is in memory before it is on disk, and wmu is
// let go before the disk flushes, so charges go on meanwhile (they are in
// the log beyond that sequence number, replayed after a crash); if the
// write fails, the change is taken back. Unlike a checkpoint it leaves
// the log as it is. The caller holds bmu.
func (l *Ledger) saveSettlement(key Key, set func(a *Account) error, f func(tx *bolt.Tx) error) error {
	l.wmu.Lock()
	// The step's sequence number covers the summed charges, which the
	// accounts written hold: logged now, replay skips them if the write
	// succeeds and applies them if it fails.
	l.logSums()
	pre := l.Account(key)
	post := pre.clone()
	if err := set(&post); err != nil {
		l.wmu.Unlock()
		return err
	}
	l.setAccounts(map[Key]Account{key: post})
	l.dirty[key] = struct{}{}
	snap := make(map[Key]Account, len(l.dirty))
	for k := range l.dirty {
		snap[k] = l.Account(k)
	}
	seq := l.seq
	l.dbmu.Lock()
	l.wmu.Unlock()
	err := l.db.Update(func(tx *bolt.Tx) error {
		if l.settleWrite != nil {
			if err := l.settleWrite(); err != nil {
				return err
			}
		}
		if err := f(tx); err != nil {
			return err
		}
		if err := putAccounts(tx, snap); err != nil {
			return err
		}
		var s [8]byte
		binary.BigEndian.PutUint64(s[:], seq)
		return tx.Bucket(bucketMeta).Put(keyWALSeq, s[:])
	})
	if err != nil {
		// Taken back before any checkpoint writes the account (save
		// applies the undos first), or here.
		l.undos = append(l.undos, undoStep{key, pre, post})
	}
	l.dbmu.Unlock()
	if err != nil {
		l.wmu.Lock()
		l.dbmu.Lock()
		l.applyUndos()
		l.dbmu.Unlock()
		l.wmu.Unlock()
	}
	return err
}

// undoStep is a settlement step whose write failed: key's account went
// from pre to post in memory only.
type undoStep struct {
	key       Key
	pre, post Account
}

// applyUndos takes back the settlement steps whose write failed: the
// settlement fields as they were, charges made meanwhile kept (Stranded
// less what the step added). The caller holds wmu and dbmu.
func (l *Ledger) applyUndos() {
	for i := len(l.undos) - 1; i >= 0; i-- {
		u := l.undos[i]
		a := l.Account(u.key)
		a.Settled, a.InFlight, a.Batch = u.pre.Settled, u.pre.InFlight, u.pre.Batch
		a.Stranded = a.Stranded.sub(u.post.Stranded.sub(u.pre.Stranded))
		l.setAccounts(map[Key]Account{u.key: a})
	}
	l.undos = nil
}

// Bind ties the ledger to what its amounts mean (a chain, an escrow, a
// provider account): the first call records binding, later ones fail if
// it differs, so a ledger is never settled against another chain.
func (l *Ledger) Bind(binding string) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	l.dbmu.Lock()
	defer l.dbmu.Unlock()
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
	<-l.flushed
	l.flushWAL() // what the last charges wrote, should the checkpoint fail
	l.wmu.Lock()
	err := l.save(nil, nil)
	l.shut = true // a charge written directly (lazy) after this is refused
	l.wmu.Unlock()
	return errors.Join(err, l.wal.close(), l.db.Close())
}

// Remove deletes the ledger at path, the bbolt file and its write-ahead
// log, as Open(path, ...) would find them; files already gone are not an
// error. It fails, removing nothing, if the ledger is open; it must not be
// opened while Remove runs.
func Remove(path string) error {
	db, err := bolt.Open(path, 0, &bolt.Options{ReadOnly: true, Timeout: time.Nanosecond})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return fmt.Errorf("ledger: remove %s: it is open", path)
	}
	if err == nil {
		db.Close()
	}
	// The log first: a log whose database is gone would be replayed into
	// a new one, bringing its charges back.
	for _, f := range []string{walPath(path), path} {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("ledger: %w", err)
		}
	}
	return nil
}

// walPath is where the write-ahead log of the ledger at path is.
func walPath(path string) string { return path + ".wal" }

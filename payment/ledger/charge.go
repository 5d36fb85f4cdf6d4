package ledger

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"runtime"

	"github.com/webfunctions/wf/wf"
)

// Charge is one charged request.
type Charge struct {
	Key    Key
	Amount *big.Int
	// Count is how many requests Amount is for; zero means one. Only the
	// log sets it, for an owner's charges summed (Options.SumOwnerCharges).
	Count uint64 `json:"n,omitempty"`
	// Voucher is the caller's voucher that authorized a Caller charge.
	Voucher *SignedVoucher
	// Session is the session key and sequence number that signed a Caller
	// charge's request, kept so a restart still refuses them.
	Session *SessionUse `json:",omitempty"`
	// Meter is the owner's metering key's signed count that came with an
	// Owner charge, kept so settlement can show it to the escrow.
	Meter *MeterCount `json:",omitempty"`
	// Rail is the voucher that authorized a Mina charge.
	Rail *RailVoucher `json:",omitempty"`
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
		a = zeroAccount // check neither keeps nor changes it
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

// zeroAccount is an account without charges, with its totals' amounts
// set (zero), as Reserve's check sees a payer new to the ledger.
var zeroAccount = Account{}.clone()

type chargeOp struct {
	c    Charge
	cum  *big.Int // cumulative charged after this charge
	err  error
	done chan struct{}
}

// Charge records c durably and returns everything charged to c.Key so far,
// c included. It returns once c is on disk (fsync'd), sharing the write
// with concurrent calls; with Options.SyncInterval, once c is written to
// the log (by the caller itself: there is no flush to share), which is
// synced at most that long later; with Options.SumOwnerCharges, an
// owner's plain charge once it is counted in memory, logged with the
// owner's others before that sync. An error means c is
// not recorded.
func (l *Ledger) Charge(ctx context.Context, c Charge) (*big.Int, error) {
	if c.Amount == nil || c.Amount.Sign() <= 0 {
		return nil, fmt.Errorf("%w: ledger: charge must be positive", wf.ErrInvalid)
	}
	if c.Count != 0 {
		return nil, fmt.Errorf("%w: ledger: a charge is for one request (Count is the log's)", wf.ErrInvalid)
	}
	if l.lazy {
		// Nothing to share but a copy into the mapped log: the charge is
		// written here, without handing it to the commit loop and back
		// (two goroutine switches per charge).
		select {
		case <-l.closed:
			return nil, ErrClosed
		default:
		}
		op := chargeOp{c: c}
		l.commit([]*chargeOp{&op})
		return op.cum, op.err
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
		// Let the requests that are running queue their charges too, so
		// one write takes them all: on a busy core a request otherwise
		// pays for a write of its own.
		runtime.Gosched()
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

// changedAccount is an account a group of charges changed, as it will be.
type changedAccount struct {
	key Key
	a   Account
}

// sessionRaise is a session mark a group of charges raises: the use of
// changed account number account.
type sessionRaise struct {
	account int
	use     *SessionUse
}

// commit logs a group of charges with one write and one flush.
func (l *Ledger) commit(ops []*chargeOp) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	// Accounts in l.accounts are never changed in place (every change
	// makes new totals, vouchers and session maps), so a shallow copy is
	// a copy. A group names few payers: a slice, not a map.
	var changedBuf [4]changedAccount
	changed := changedBuf[:0]
	var recsBuf [4]walRecord
	recs := recsBuf[:0]
	var raisesBuf [4]sessionRaise
	raises := raisesBuf[:0]
	// Only a group of one is summed (a lazy ledger commits each charge as
	// it comes): within a group a summed charge would be logged after a
	// later record of its owner.
	summed := l.sumOwner && len(ops) == 1 && summable(ops[0].c)
	for _, op := range ops {
		j := 0
		for j < len(changed) && changed[j].key != op.c.Key {
			j++
		}
		if j == len(changed) {
			l.mu.RLock()
			a, ok := l.accounts[op.c.Key]
			l.mu.RUnlock()
			if !ok {
				a = Account{}.clone() // a new payer's: zero totals, as stored before
			}
			changed = append(changed, changedAccount{key: op.c.Key, a: a})
		}
		a := &changed[j].a
		logged := op.c
		if v := op.c.Voucher; op.c.Key.Mode == Caller && v != nil && sameVoucher(a.Best, v) && sameVoucher(a.Lasting, v) {
			// Applying it again changes nothing, here and on replay (which
			// reaches this record with this same account): a session
			// sends the same voucher with every request, and it is most
			// of the record.
			logged.Voucher = nil
		}
		applied := op.c
		if u := op.c.Session; u != nil && (op.c.Key.Mode == Caller || op.c.Key.Mode == Mina) {
			// The session's mark is raised in place once the record is
			// written (below), not in a copy of the map per charge: the
			// rest of the charge does not read it.
			applied.Session = nil
			raises = append(raises, sessionRaise{j, u})
		}
		applyCharge(a, applied)
		op.cum = new(big.Int).Set(a.Charged.Amount)
		if !summed {
			recs = append(recs, walRecord{Charge: logged})
		}
	}
	err := l.broken
	if err == nil && l.shut {
		err = ErrClosed
	}
	if err == nil && !summed {
		err = l.logRecords(recs, !l.lazy)
	}
	if err == nil {
		if summed {
			c := ops[0].c
			t := l.sums[c.Key]
			if t == nil {
				t = new(ownerSum)
				l.sums[c.Key] = t
			}
			t.count++
			t.amount.Add(&t.amount, c.Amount) // in place: no allocation per charge
		}
		if l.lazy {
			l.unsynced.Store(true) // written or summed: the flusher syncs (and logs) them
		}
		for _, c := range changed {
			l.dirty[c.key] = struct{}{}
		}
		// The charges and the release of their reservations are one step
		// for Reserve: nothing is counted twice or not at all.
		l.mu.Lock()
		for _, r := range raises {
			raiseSession(&changed[r.account].a, r.use)
		}
		for _, c := range changed {
			l.accounts[c.key] = c.a
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
		if op.done != nil {
			close(op.done)
		}
	}
	if err == nil && l.wal.full() {
		l.save(nil, nil) // a failure leaves the log as it is; retried next time
	}
}

// ownerSum is an owner's charges counted since they were last logged.
type ownerSum struct {
	count  uint64
	amount big.Int
}

// summable reports whether c is an owner's charge with nothing to it but
// its amount, which Options.SumOwnerCharges sums in memory.
func summable(c Charge) bool {
	return c.Key.Mode == Owner && c.Key.Channel == (WideKey{}) &&
		c.Meter == nil && c.Voucher == nil && c.Session == nil && c.Rail == nil
}

// withSums returns the records of the owners' summed charges, one per
// owner, then recs, numbered from the last one logged. The caller holds
// wmu.
func (l *Ledger) withSums(recs []walRecord) []walRecord {
	out := recs
	if len(l.sums) > 0 {
		out = make([]walRecord, 0, len(l.sums)+len(recs))
		for k, t := range l.sums {
			out = append(out, walRecord{Charge: Charge{Key: k, Amount: new(big.Int).Set(&t.amount), Count: t.count}})
		}
		out = append(out, recs...)
	}
	for i := range out {
		out[i].Seq = l.seq + 1 + uint64(i)
	}
	return out
}

// logRecords writes the owners' summed charges, then recs, to the log
// (flushed if sync), checkpointing once if the log is full; a write it
// cannot make breaks the ledger (the file's state is then unknown), as
// does a full log it cannot checkpoint. The caller holds wmu.
func (l *Ledger) logRecords(recs []walRecord, sync bool) error {
	out := l.withSums(recs)
	err := l.wal.append(out, sync)
	if errors.Is(err, errWALFull) {
		if err = l.save(nil, nil); err == nil { // the checkpoint holds the sums
			out = l.withSums(recs)
			err = l.wal.append(out, sync)
		}
	}
	if err != nil {
		if !errors.Is(err, errWALFull) {
			l.broken = err
		}
		return err
	}
	if len(out) > 0 {
		l.seq = out[len(out)-1].Seq
	}
	clear(l.sums)
	return nil
}

// logSums writes the owners' summed charges to the log, unsynced. The
// caller holds wmu.
func (l *Ledger) logSums() {
	if len(l.sums) > 0 && l.broken == nil && !l.shut {
		l.logRecords(nil, false)
	}
}

func applyCharge(a *Account, c Charge) {
	if c.Key.Mode == Owner && c.Meter != nil && (a.Meter == nil || a.Meter.Meter != c.Meter.Meter) {
		// The first count by a new metering key: what is pending was
		// charged under another key (or none), which the escrow no
		// longer settles with.
		a.Stranded = a.Stranded.add(a.Pending())
	}
	a.Charged = a.Charged.add(Totals{max(c.Count, 1), c.Amount})
	if c.Key.Mode == Caller && c.Voucher != nil {
		keepVoucher(a, c.Voucher)
	}
	if c.Key.Mode == Mina && c.Rail != nil {
		keepRail(a, c.Rail)
	}
	if (c.Key.Mode == Caller || c.Key.Mode == Mina) && c.Session != nil {
		applySession(a, c.Session)
	}
	if c.Key.Mode == Owner && c.Meter != nil {
		keepMeter(a, c.Meter)
	}
}

// MeterCount is an owner's metering key's signature that this provider
// served Count of the owner's requests in all (chain.MeterCount).
type MeterCount struct {
	Meter     wf.Address   `json:"meter"`
	Count     uint64       `json:"count"`
	Signature wf.Signature `json:"sig"`
}

// keepMeter keeps m if it is the best count to settle with: the highest
// of the latest metering key (a new key's counts start over).
func keepMeter(a *Account, m *MeterCount) {
	if b := a.Meter; b == nil || b.Meter != m.Meter || m.Count > b.Count {
		c := *m
		a.Meter = &c
	}
}

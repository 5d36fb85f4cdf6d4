package rewards

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/webfunctions/wf/wf"
)

// creditBook is CreditPayments' record of what it served on credits: per
// payer, the contract's "spent" when the payer was first seen (base) and
// what was served since (served), so base+served-spent is what the chain
// does not count yet (a payer is in it only once it had credits, and
// leaves it at compaction once Flush found all its use recorded and no
// credits left: idle); and per voucher session, the sequence numbers used
// on credits until the voucher expires.
//
// On disk it is a log of JSON lines, each written and synced before the
// response it records leaves; opening it replays the log (a torn last
// line, from a crash mid-write, is dropped: its response never left) and
// rewrites it compacted, without expired sessions.
type creditBook struct {
	mu      sync.Mutex
	f       *os.File // nil: in memory
	path    string
	base    map[wf.Address]*big.Int
	served  map[wf.Address]*big.Int
	idle    map[wf.Address]bool // all served recorded on chain, and no credits left
	seen    map[[32]byte]*session
	pending map[[32]byte]map[uint64]bool // taken, not yet committed
}

type session struct {
	expiry int64
	seqs   map[uint64]bool
}

// bookLine is one line of the log.
type bookLine struct {
	// Base: the payer's base (it starts over: served since is 0).
	// Served: Amount served to Payer on Session's sequence number Seq.
	// Seen: Session's used sequence numbers (compaction).
	// Idle: Payer's use is all recorded and it has no credits left, until
	// it is served again (compaction drops it).
	Kind    string     `json:"k"`
	Payer   wf.Address `json:"p,omitzero"`
	Amount  *big.Int   `json:"n,omitempty"`
	Session string     `json:"s,omitempty"`
	Seq     uint64     `json:"q,omitempty"`
	Seqs    []uint64   `json:"qs,omitempty"`
	Expiry  int64      `json:"x,omitempty"`
}

func openCreditBook(path string, now time.Time) (*creditBook, error) {
	b := &creditBook{path: path, base: map[wf.Address]*big.Int{}, served: map[wf.Address]*big.Int{},
		idle: map[wf.Address]bool{}, seen: map[[32]byte]*session{}, pending: map[[32]byte]map[uint64]bool{}}
	if path == "" {
		return b, nil
	}
	if err := b.replay(); err != nil {
		return nil, err
	}
	b.prune(now)
	if err := b.compact(); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *creditBook) replay() error {
	data, err := os.ReadFile(b.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("rewards: credits record: %w", err)
	}
	lines := bytes.Split(data, []byte("\n"))
	for i, ln := range lines {
		if len(ln) == 0 {
			continue
		}
		var l bookLine
		if err := json.Unmarshal(ln, &l); err != nil {
			if i == len(lines)-1 { // torn by a crash mid-write: its response never left
				break
			}
			return fmt.Errorf("rewards: credits record %s line %d: %w", b.path, i+1, err)
		}
		if err := b.apply(l); err != nil {
			return fmt.Errorf("rewards: credits record %s line %d: %w", b.path, i+1, err)
		}
	}
	return nil
}

func (b *creditBook) apply(l bookLine) error {
	var sess [32]byte
	if l.Session != "" {
		s, err := hex.DecodeString(l.Session)
		if err != nil || len(s) != 32 {
			return fmt.Errorf("bad session %q", l.Session)
		}
		sess = [32]byte(s)
	}
	switch l.Kind {
	case "base":
		if l.Amount == nil || l.Amount.Sign() < 0 {
			return errors.New("base without an amount")
		}
		b.base[l.Payer], b.served[l.Payer] = l.Amount, new(big.Int)
		delete(b.idle, l.Payer)
	case "idle":
		if b.base[l.Payer] == nil {
			return errors.New("idle without a base")
		}
		b.idle[l.Payer] = true
	case "served":
		if l.Amount == nil || l.Amount.Sign() <= 0 || b.base[l.Payer] == nil {
			return errors.New("served without an amount or a base")
		}
		b.served[l.Payer].Add(b.served[l.Payer], l.Amount)
		delete(b.idle, l.Payer)
		b.mark(sess, l.Expiry, l.Seq)
	case "seen":
		for _, q := range l.Seqs {
			b.mark(sess, l.Expiry, q)
		}
	default:
		return fmt.Errorf("unknown kind %q", l.Kind)
	}
	return nil
}

func (b *creditBook) mark(sess [32]byte, expiry int64, seq uint64) {
	s := b.seen[sess]
	if s == nil {
		s = &session{seqs: map[uint64]bool{}}
		b.seen[sess] = s
	}
	s.expiry = max(s.expiry, expiry)
	s.seqs[seq] = true
}

// compact rewrites the log as one base line per payer that is not idle
// (base+served) and one seen line per live session, and keeps it open for
// appending.
func (b *creditBook) compact() error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for p := range b.idle {
		delete(b.base, p)
		delete(b.served, p)
		delete(b.idle, p)
	}
	for p, base := range b.base {
		folded := new(big.Int).Add(base, b.served[p])
		b.base[p], b.served[p] = folded, new(big.Int)
		enc.Encode(bookLine{Kind: "base", Payer: p, Amount: folded})
	}
	for id, s := range b.seen {
		qs := make([]uint64, 0, len(s.seqs))
		for q := range s.seqs {
			qs = append(qs, q)
		}
		slices.Sort(qs)
		enc.Encode(bookLine{Kind: "seen", Session: hex.EncodeToString(id[:]), Seqs: qs, Expiry: s.expiry})
	}
	tmp := b.path + ".tmp"
	if err := os.MkdirAll(filepath.Dir(b.path), 0o700); err != nil {
		return fmt.Errorf("rewards: credits record: %w", err)
	}
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("rewards: credits record: %w", err)
	}
	if _, err := f.Write(buf.Bytes()); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, b.path)
	}
	if err == nil {
		err = syncDir(filepath.Dir(b.path))
	}
	if err != nil {
		return fmt.Errorf("rewards: credits record: %w", err)
	}
	if b.f, err = os.OpenFile(b.path, os.O_APPEND|os.O_WRONLY, 0o600); err != nil {
		return fmt.Errorf("rewards: credits record: %w", err)
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// write appends l and syncs it. Called with b.mu held.
func (b *creditBook) write(l bookLine) error {
	if b.f == nil {
		return nil
	}
	line, err := json.Marshal(l)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(b.f)
	w.Write(line)
	w.WriteByte('\n')
	if err := w.Flush(); err != nil {
		return fmt.Errorf("rewards: credits record: %w", err)
	}
	if err := b.f.Sync(); err != nil {
		return fmt.Errorf("rewards: credits record: %w", err)
	}
	return nil
}

// noteBase notes payer's base, the contract's spent now, on first sight.
func (b *creditBook) noteBase(payer wf.Address, spent *big.Int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.base[payer] != nil {
		return nil
	}
	if err := b.write(bookLine{Kind: "base", Payer: payer, Amount: spent}); err != nil {
		return err
	}
	b.base[payer], b.served[payer] = new(big.Int).Set(spent), new(big.Int)
	return nil
}

// unrecorded is base+served-spent, at least 0.
func (b *creditBook) unrecorded(payer wf.Address, spent *big.Int) *big.Int {
	b.mu.Lock()
	defer b.mu.Unlock()
	base := b.base[payer]
	if base == nil {
		return new(big.Int)
	}
	x := new(big.Int).Add(base, b.served[payer])
	x.Sub(x, spent)
	if x.Sign() < 0 {
		x.SetInt64(0)
	}
	return x
}

// take claims a session's sequence number for a request about to be
// served on credits; false if it was used or is being used.
func (b *creditBook) take(sess [32]byte, seq uint64, expiry int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if s := b.seen[sess]; s != nil && s.seqs[seq] {
		return false
	}
	if b.pending[sess][seq] {
		return false
	}
	if b.pending[sess] == nil {
		b.pending[sess] = map[uint64]bool{}
	}
	b.pending[sess][seq] = true
	return true
}

// used reports whether sess's sequence number seq was served on credits.
func (b *creditBook) used(sess [32]byte, seq uint64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.seen[sess]
	return s != nil && s.seqs[seq]
}

// untake gives back a sequence number take claimed and serve did not record.
func (b *creditBook) untake(sess [32]byte, seq uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.pending[sess], seq)
	if len(b.pending[sess]) == 0 {
		delete(b.pending, sess)
	}
}

// serve records that payer was served amt on sess's sequence number seq.
func (b *creditBook) serve(payer wf.Address, amt *big.Int, sess [32]byte, seq uint64, expiry int64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.base[payer] == nil {
		return fmt.Errorf("rewards: credits of %s served before their base was read", payer.Checksum())
	}
	if err := b.write(bookLine{Kind: "served", Payer: payer, Amount: amt, Session: hex.EncodeToString(sess[:]), Seq: seq, Expiry: expiry}); err != nil {
		return err
	}
	b.served[payer].Add(b.served[payer], amt)
	delete(b.idle, payer)
	b.mark(sess, expiry, seq)
	delete(b.pending[sess], seq)
	if len(b.pending[sess]) == 0 {
		delete(b.pending, sess)
	}
	return nil
}

// payers are the payers with a base that are not idle.
func (b *creditBook) payers() []wf.Address {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]wf.Address, 0, len(b.base))
	for p := range b.base {
		if !b.idle[p] {
			out = append(out, p)
		}
	}
	return out
}

// markIdle marks payer idle, if the contract's count spent (read when its
// credits left were 0) covers all it was served: until it is served
// again, Flush skips it and compaction drops it.
func (b *creditBook) markIdle(payer wf.Address, spent *big.Int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	base := b.base[payer]
	if base == nil || b.idle[payer] || new(big.Int).Add(base, b.served[payer]).Cmp(spent) > 0 {
		return nil
	}
	if err := b.write(bookLine{Kind: "idle", Payer: payer}); err != nil {
		return err
	}
	b.idle[payer] = true
	return nil
}

// prune forgets the sequence numbers of sessions whose voucher expired
// (no request can name them again); the log sheds them at the next open.
func (b *creditBook) prune(now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for id, s := range b.seen {
		if s.expiry <= now.Unix() {
			delete(b.seen, id)
		}
	}
}

func (b *creditBook) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.f == nil {
		return nil
	}
	err := b.f.Close()
	b.f = nil
	return err
}

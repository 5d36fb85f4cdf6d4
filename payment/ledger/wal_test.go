package ledger

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/wf"
)

// crash drops l as a killed process would: no checkpoint, files closed.
func crash(t *testing.T, l *Ledger) {
	t.Helper()
	l.closeOnce.Do(func() { close(l.closed) })
	<-l.done
	<-l.flushed // a lazy ledger's flusher stops without syncing
	l.wal.close()
	l.db.Close()
}

func TestLogReplay(t *testing.T) {
	key := Key{Mode: Owner, Payer: wf.Address{7}}
	charge := func(l *Ledger, n int) {
		for range n {
			if _, err := l.Charge(context.Background(), Charge{Key: key, Amount: big.NewInt(3)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "l.db")
	l, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	charge(l, 10)
	// A checkpoint (a settlement step), then more charges only in the log.
	if _, err := l.Prepare(key, time.Now()); err != nil {
		t.Fatal(err)
	}
	charge(l, 5)
	crash(t, l)

	// A torn frame after the last record, as a write cut short leaves.
	f, err := os.OpenFile(path+".wal", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 16384)
	f.ReadAt(b, 0)
	end := 0
	for binary.BigEndian.Uint32(b[end:]) != 0 { // past the last frame logged
		end += 8 + int(binary.BigEndian.Uint32(b[end:]))
	}
	f.WriteAt([]byte{0, 0, 0, 50, 1, 2, 3, 4, '{', '"'}, int64(end))
	f.Close()

	for round := range 2 {
		l, err = Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := l.Account(key)
		if a.Charged.Count != 15 || a.Charged.Amount.Int64() != 45 || a.InFlight.Count != 10 || a.Pending().Count != 5 {
			t.Fatalf("round %d after the crash: %+v", round, a)
		}
		// Reopening again must not apply the log twice.
		crash(t, l)
	}
}

// TestLazySync: with a sync interval, a charge returns once written to the
// log; a killed process loses none of them (the kernel has the writes),
// and the flusher syncs the log within the interval.
func TestLazySync(t *testing.T) {
	key := Key{Mode: Caller, Payer: wf.Address{9}}
	path := filepath.Join(t.TempDir(), "l.db")
	l, err := Open(path, Options{SyncInterval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if !l.lazy {
		t.Fatal("SyncInterval did not make the ledger lazy")
	}
	done := make(chan error)
	for i := range 40 {
		go func() {
			_, err := l.Charge(context.Background(), Charge{Key: key, Amount: big.NewInt(int64(i%3 + 1)),
				Session: &SessionUse{Key: [32]byte{byte(i)}, Seq: uint64(i + 1), Expiry: time.Now().Add(time.Hour).Unix()}})
			done <- err
		}()
	}
	for range 40 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if !l.unsynced.Load() {
		t.Fatal("the charges were synced before Charge returned")
	}
	deadline := time.Now().Add(5 * time.Second)
	for l.unsynced.Load() {
		if time.Now().After(deadline) {
			t.Fatal("the flusher did not sync the log")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if _, err := l.Charge(context.Background(), Charge{Key: key, Amount: big.NewInt(5)}); err != nil {
		t.Fatal(err)
	}
	crash(t, l) // the last charge was never synced

	l, err = Open(path, Options{SyncInterval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a := l.Account(key)
	// 40 charges of 1, 2 or 3 (14, 13, 13 of them) and one of 5.
	if a.Charged.Count != 41 || a.Charged.Amount.Int64() != 14*1+13*2+13*3+5 {
		t.Fatalf("after the crash: charged %+v", a.Charged)
	}
	if len(a.Sessions) != 40 {
		t.Fatalf("after the crash: %d sessions, want 40", len(a.Sessions))
	}
	if _, err := Open(path+"2", Options{SyncInterval: -time.Second}); err == nil {
		t.Fatal("a negative sync interval was accepted")
	}
}

// The log's hand-written records are what encoding/json writes, and read
// back as the charge.
func TestWALRecordEncoding(t *testing.T) {
	exp := time.Now().Add(time.Hour).Unix()
	for i, r := range []walRecord{
		{Seq: 1, Charge: Charge{Key: Key{Mode: Owner, Payer: wf.Address{1, 2, 3}}, Amount: big.NewInt(100)}},
		{Seq: 1 << 60, Charge: Charge{Key: Key{Mode: Caller, Payer: wf.Address{0xff}}, Amount: new(big.Int).Lsh(big.NewInt(1), 200), Reserved: true}},
		{Seq: 3, Charge: Charge{Key: Key{Mode: Caller, Payer: wf.Address{9}}, Amount: big.NewInt(5), Session: &SessionUse{Key: [32]byte{1}, Seq: 4, Expiry: exp}}},
		{Seq: 4, Charge: Charge{Key: Key{Mode: Owner, Payer: wf.Address{9}}, Amount: big.NewInt(5), Meter: &MeterCount{Meter: wf.Address{7}, Count: 3}}},
		{Seq: 5, Charge: Charge{Key: Key{Mode: Caller, Payer: wf.Address{0xab, 19: 0xcd}}, Amount: new(big.Int).Lsh(big.NewInt(3), 100),
			Session: &SessionUse{Key: [32]byte{0, 255, 7, 31: 128}, Seq: 1<<64 - 1, Expiry: -5}}},
		{Seq: 9, Charge: Charge{Key: Key{Mode: Owner, Payer: wf.Address{4}}, Amount: big.NewInt(500), Count: 5}},   // summed
		{Seq: 6, Charge: Charge{Key: Key{Mode: Owner}, Amount: big.NewInt(1)}},                                     // zero payer: omitted
		{Seq: 7, Charge: Charge{Key: Key{Mode: Mina, Channel: WideKey{1}}, Amount: big.NewInt(1), Reserved: true}}, // a channel key
		{Seq: 8, Charge: Charge{Key: Key{Mode: Caller, Payer: wf.Address{9}}, Amount: big.NewInt(5), Session: &SessionUse{Key: [32]byte{1}, Seq: 4, Expiry: exp},
			Voucher: &SignedVoucher{Payer: wf.Address{9}, Provider: wf.Address{6}, CumulativeAmount: big.NewInt(10), Expiry: time.Unix(exp, 0).UTC()}}},
	} {
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.marshal()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("record %d:\n got %s\nwant %s", i, got, want)
		}
		var back walRecord
		if err := json.Unmarshal(got, &back); err != nil || back.Seq != r.Seq || back.Charge.Key != r.Charge.Key || back.Charge.Amount.Cmp(r.Charge.Amount) != 0 {
			t.Errorf("record %d: read back %+v, %v", i, back, err)
		}
	}
}

// A caller's repeated voucher is logged once: later records leave it out
// when applying it again would change nothing, and replay after a crash
// gives the account it had.
func TestRepeatedVoucherLoggedOnce(t *testing.T) {
	key := Key{Mode: Caller, Payer: wf.Address{5}}
	path := filepath.Join(t.TempDir(), "l.db")
	l, err := Open(path, Options{SyncInterval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	exp := time.Now().Add(time.Hour).Truncate(time.Second).UTC()
	sess := [32]byte{1}
	voucher := func(cum int64, expiry time.Time) *SignedVoucher {
		return &SignedVoucher{Payer: key.Payer, Provider: wf.Address{6}, CumulativeAmount: big.NewInt(cum), Expiry: expiry, Session: &sess, Signature: wf.Signature{byte(cum)}}
	}
	v1, v2 := voucher(50, exp), voucher(100, exp.Add(time.Minute))
	for i, v := range []*SignedVoucher{v1, v1, v1, v2, v2, v1, v2} {
		if _, err := l.Charge(context.Background(), Charge{Key: key, Amount: big.NewInt(5), Voucher: v,
			Session: &SessionUse{Key: sess, Seq: uint64(i + 1), Expiry: exp.Unix()}}); err != nil {
			t.Fatal(err)
		}
	}
	before := l.Account(key)
	crash(t, l)

	b, err := os.ReadFile(path + ".wal")
	if err != nil {
		t.Fatal(err)
	}
	var withVoucher int
	for off := 0; binary.BigEndian.Uint32(b[off:]) != 0; {
		n := int(binary.BigEndian.Uint32(b[off:]))
		var r walRecord
		if err := json.Unmarshal(b[off+8:off+8+n], &r); err != nil {
			t.Fatal(err)
		}
		if r.Charge.Voucher != nil {
			withVoucher++
		}
		off += 8 + n
	}
	// v1 first; v2 (a new Best and Lasting); v1 again (no longer both);
	// v2 again (still both): logged 3 times of 7.
	if withVoucher != 3 {
		t.Errorf("%d of 7 records carry the voucher, want 3", withVoucher)
	}
	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	after := l.Account(key)
	if !sameVoucher(after.Best, &before.Best.SignedVoucher) || !sameVoucher(after.Lasting, &before.Lasting.SignedVoucher) ||
		after.Charged.Count != 7 || len(after.Sessions) != 1 {
		t.Fatalf("replayed %+v, had %+v", after, before)
	}
}

// TestSumOwnerCharges: an owner's plain charges are logged summed, one
// record per owner, before any other record, at a sync and before a
// settlement step; a killed process loses only those since then, and
// replay gives the accounts the ledger had (a metering key's first count
// strands what was charged before it, summed or not).
func TestSumOwnerCharges(t *testing.T) {
	ctx := context.Background()
	a, b, c := Key{Mode: Owner, Payer: wf.Address{1}}, Key{Mode: Owner, Payer: wf.Address{2}}, Key{Mode: Caller, Payer: wf.Address{3}}
	path := filepath.Join(t.TempDir(), "l.db")
	l, err := Open(path, Options{SyncInterval: time.Hour, SumOwnerCharges: true})
	if err != nil {
		t.Fatal(err)
	}
	charge := func(ch Charge, n int) {
		t.Helper()
		for range n {
			if _, err := l.Charge(ctx, ch); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := l.Charge(ctx, Charge{Key: a, Amount: big.NewInt(3), Count: 2}); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("a charge with a Count of its own: %v, want wf.ErrInvalid", err)
	}
	charge(Charge{Key: a, Amount: big.NewInt(3)}, 30)
	charge(Charge{Key: b, Amount: big.NewInt(2)}, 20)
	if l.seq != 0 {
		t.Fatalf("plain owner charges logged one by one: %d records", l.seq)
	}
	charge(Charge{Key: a, Amount: big.NewInt(3), Meter: &MeterCount{Meter: wf.Address{9}, Count: 1}}, 1)
	if l.seq != 3 {
		t.Fatalf("%d records after a metered charge, want the two sums and it", l.seq)
	}
	charge(Charge{Key: c, Amount: big.NewInt(1)}, 5)
	charge(Charge{Key: b, Amount: big.NewInt(2)}, 10)
	l.flushWAL()
	if l.seq != 9 {
		t.Fatalf("%d records after the sync, want 9", l.seq)
	}
	want := map[Key]Account{a: l.Account(a), b: l.Account(b), c: l.Account(c)}
	if s := want[a].Stranded; s.Count != 30 || s.Amount.Int64() != 90 {
		t.Fatalf("the metering key's first count stranded %+v, want the 30 charges before it", s)
	}
	charge(Charge{Key: a, Amount: big.NewInt(3)}, 4) // in memory only
	crash(t, l)

	l, err = Open(path, Options{SyncInterval: time.Hour, SumOwnerCharges: true})
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range want {
		got := l.Account(k)
		if got.Charged.Count != w.Charged.Count || got.Charged.Amount.Cmp(w.Charged.Amount) != 0 ||
			got.Stranded.Count != w.Stranded.Count || amt(got.Stranded.Amount).Cmp(amt(w.Stranded.Amount)) != 0 {
			t.Fatalf("%v after the crash: %+v, want %+v", k, got, w)
		}
	}

	// A settlement step logs the sums first: its batch takes them, and a
	// crash right after it loses nothing.
	charge(Charge{Key: b, Amount: big.NewInt(2)}, 6)
	if _, err := l.Prepare(b, time.Now()); err != nil {
		t.Fatal(err)
	}
	l.flushWAL() // nothing left to log: logged again, replay would count them twice
	crash(t, l)
	l, err = Open(path, Options{SyncInterval: time.Hour, SumOwnerCharges: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Account(b); got.Charged.Count != 36 || got.Charged.Amount.Int64() != 72 || got.InFlight.Count != 36 {
		t.Fatalf("after a settlement step and a crash: %+v", got)
	}
	// Close logs and checkpoints them.
	charge(Charge{Key: a, Amount: big.NewInt(3)}, 7)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := l.Account(a); got.Charged.Count != want[a].Charged.Count+7 {
		t.Fatalf("after Close: %+v", got.Charged)
	}
}

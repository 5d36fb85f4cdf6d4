package names_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/wf"
)

func rec(t *testing.T, seq uint64, created string, targets ...wf.Target) *names.Record {
	t.Helper()
	r := record(targets...)
	r.Seq, r.Created = seq, created
	nr, err := names.NewRecord(signed(t, r))
	if err != nil {
		t.Fatal(err)
	}
	return nr
}

func TestStorePutAndReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := names.OpenStore(names.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a, b := wf.Target{Function: fn("a"), Weight: 100}, wf.Target{Function: fn("b"), Weight: 100}
	r1 := rec(t, 1, "2026-12-07T02:00:00Z", a)
	r2 := rec(t, 2, "2026-12-07T02:01:00Z", b)
	r2other := rec(t, 2, "2026-12-07T02:02:00Z", a)
	for _, step := range []struct {
		name    string
		r       *names.Record
		changed bool
		err     error
	}{
		{"first", r1, true, nil},
		{"newer", r2, true, nil},
		{"same again", r2, false, nil},
		{"older", r1, false, names.ErrStale},
		{"same seq, other content", r2other, false, names.ErrConflict},
	} {
		changed, err := s.Put(step.r)
		if changed != step.changed || !errors.Is(err, step.err) {
			t.Fatalf("%s: Put = %v, %v; want %v, %v", step.name, changed, err, step.changed, step.err)
		}
		if cur := s.Current(alice.addr, "hello"); cur.CID != r2.CID && step.name != "first" {
			t.Fatalf("%s: current is %s, want %s", step.name, cur.CID, r2.CID)
		}
	}
	// A crash in the middle of a write leaves a torn line: it is ignored.
	f, err := os.OpenFile(filepath.Join(dir, alice.addr.String(), "hello.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(`{"record":{"name":"hel`))
	f.Close()

	again, err := names.OpenStore(names.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h := again.History(alice.addr, "hello")
	if len(h) != 2 || h[0].CID != r2.CID || h[1].CID != r1.CID {
		t.Fatalf("history after reopen: %v", h)
	}
	if ns := again.Names(alice.addr); len(ns) != 1 || ns[0].CID != r2.CID {
		t.Fatalf("names after reopen: %v", ns)
	}
}

func TestStoreBounds(t *testing.T) {
	s, _ := names.OpenStore(names.Options{MaxNames: 2, MaxHistory: 2})
	a := wf.Target{Function: fn("a"), Weight: 100}
	for seq := uint64(1); seq <= 3; seq++ {
		if _, err := s.Put(rec(t, seq, "2026-12-07T02:00:00Z", a)); err != nil {
			t.Fatal(err)
		}
	}
	if h := s.History(alice.addr, "hello"); len(h) != 2 || h[0].Record.Seq != 3 {
		t.Fatalf("history kept %d records", len(h))
	}
	for _, n := range []string{"b", "c"} {
		r := record(a)
		r.Name = n
		nr, _ := names.NewRecord(signed(t, r))
		s.Put(nr)
	}
	if s.Current(alice.addr, "hello") != nil || s.Current(alice.addr, "c") == nil {
		t.Fatal("the least recently used name was not the one forgotten")
	}
}

// Concurrent puts of interleaved seqs: the highest wins, the history only
// rises, and every put is either accepted or refused as stale.
func TestStoreHammer(t *testing.T) {
	s, err := names.OpenStore(names.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	const n = 64
	recs := make([]*names.Record, n)
	for i := range recs {
		recs[i] = rec(t, uint64(i+1), "2026-12-07T02:00:00Z", wf.Target{Function: fn("a"), Weight: 100})
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < n; i += 8 {
				if _, err := s.Put(recs[(i*37)%n]); err != nil && !errors.Is(err, names.ErrStale) {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if cur := s.Current(alice.addr, "hello"); cur.Record.Seq != n {
		t.Fatalf("current seq %d, want %d", cur.Record.Seq, n)
	}
	h := s.History(alice.addr, "hello")
	for i := 1; i < len(h); i++ {
		if h[i].Record.Seq >= h[i-1].Record.Seq {
			t.Fatalf("history not strictly falling at %d: %d then %d", i, h[i-1].Record.Seq, h[i].Record.Seq)
		}
	}
	again, err := names.OpenStore(names.Options{Dir: s.Dir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.History(alice.addr, "hello")) != len(h) {
		t.Fatal("the files hold another history than memory")
	}
}

// A torn last line is cut off on open, so a record put after the restart
// starts its own line and it and every earlier good record survive the
// next restart.
func TestStoreTornLineCutOnOpen(t *testing.T) {
	dir := t.TempDir()
	s, err := names.OpenStore(names.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a := wf.Target{Function: fn("a"), Weight: 100}
	for seq := uint64(1); seq <= 2; seq++ {
		if _, err := s.Put(rec(t, seq, "2026-12-07T02:00:00Z", a)); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, alice.addr.String(), "hello.jsonl")
	r3 := rec(t, 3, "2026-12-07T02:00:00Z", a)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(r3.Raw[:len(r3.Raw)/2]) // the crash
	f.Close()

	s, err = names.OpenStore(names.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if cur := s.Current(alice.addr, "hello"); cur.Record.Seq != 2 {
		t.Fatalf("current seq %d after the crash, want 2", cur.Record.Seq)
	}
	if changed, err := s.Put(r3); !changed || err != nil {
		t.Fatalf("Put seq 3 = %v, %v", changed, err)
	}
	r4 := rec(t, 4, "2026-12-07T02:00:00Z", a)
	if _, err := s.Put(r4); err != nil {
		t.Fatal(err)
	}
	again, err := names.OpenStore(names.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h := again.History(alice.addr, "hello")
	if len(h) != 4 || h[0].CID != r4.CID || h[1].CID != r3.CID {
		t.Fatalf("history after the second restart has %d records, current seq %d; want 4, seq 4", len(h), h[0].Record.Seq)
	}
	if _, err := again.Put(r3); !errors.Is(err, names.ErrStale) {
		t.Fatalf("an old seq after restart: %v, want ErrStale", err)
	}
}

// An owner's flood of new names stops at MaxOwnerNames with ErrTooMany,
// changing nothing, while another owner still sets names; MaxTotalNames
// bounds the store as a whole. No name is forgotten.
func TestStoreNameCaps(t *testing.T) {
	dir := t.TempDir()
	s, err := names.OpenStore(names.Options{Dir: dir, MaxOwnerNames: 3, MaxTotalNames: 5})
	if err != nil {
		t.Fatal(err)
	}
	bob := fakeKey{wf.Address{0xb0}}
	put := func(k fakeKey, name string) error {
		r := record(wf.Target{Function: fn("a"), Weight: 100})
		r.Owner, r.Name = k.addr, name
		sr, err := names.Sign(r, k)
		if err != nil {
			t.Fatal(err)
		}
		nr, err := names.NewRecord(sr)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Put(nr)
		return err
	}
	for i := range 10 {
		err := put(alice, fmt.Sprintf("x-%d", i))
		if (i < 3) != (err == nil) || i >= 3 && !errors.Is(err, names.ErrTooMany) || i >= 3 && !errors.Is(err, wf.ErrRateLimited) {
			t.Fatalf("alice's name %d: %v", i, err)
		}
	}
	if n := len(s.Names(alice.addr)); n != 3 {
		t.Fatalf("alice holds %d names, want 3", n)
	}
	if _, err := os.Stat(filepath.Join(dir, alice.addr.String(), "x-3.jsonl")); !os.IsNotExist(err) {
		t.Fatalf("a refused name left a file: %v", err)
	}
	if err := put(bob, "y-0"); err != nil {
		t.Fatalf("bob's first name: %v", err)
	}
	if err := put(bob, "y-1"); err != nil {
		t.Fatalf("bob's second name: %v", err)
	}
	if err := put(fakeKey{wf.Address{0xc0}}, "z"); !errors.Is(err, names.ErrTooMany) {
		t.Fatalf("a name beyond MaxTotalNames: %v", err)
	}
	if s.Current(alice.addr, "x-0") == nil {
		t.Fatal("a held name was forgotten")
	}
}

// A long history keeps only MaxHistory records in memory, before and
// after a restart, and the current record is the newest.
func TestStoreLongHistoryBounded(t *testing.T) {
	dir := t.TempDir()
	opts := names.Options{Dir: dir, MaxHistory: 4}
	s, err := names.OpenStore(opts)
	if err != nil {
		t.Fatal(err)
	}
	var last *names.Record
	for seq := uint64(1); seq <= 50; seq++ {
		last = rec(t, seq, "2026-12-07T02:00:00Z", wf.Target{Function: fn("a"), Weight: 100})
		if _, err := s.Put(last); err != nil {
			t.Fatal(err)
		}
	}
	for i, st := range []*names.Store{s, nil} {
		if i == 1 {
			if st, err = names.OpenStore(opts); err != nil {
				t.Fatal(err)
			}
		}
		h := st.History(alice.addr, "hello")
		if len(h) != 4 || h[0].CID != last.CID || h[3].Record.Seq != 47 {
			t.Fatalf("pass %d: history holds %d records", i, len(h))
		}
		if cur := st.Current(alice.addr, "hello"); cur.CID != last.CID {
			t.Fatalf("pass %d: current seq %d, want 50", i, cur.Record.Seq)
		}
	}
}

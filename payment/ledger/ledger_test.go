package ledger_test

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

var (
	alice = ledger.Key{Mode: ledger.Owner, Payer: wf.Address{1}}
	bob   = ledger.Key{Mode: ledger.Caller, Payer: wf.Address{2}}
)

func open(t *testing.T, path string) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Open(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestChargesAreDurableAndGrouped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	l := open(t, path)
	const n = 200
	cums := make([]int64, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			c, err := l.Charge(context.Background(), ledger.Charge{Key: alice, Amount: big.NewInt(10)})
			if err != nil {
				t.Error(err)
				return
			}
			cums[i] = c.Int64()
		})
	}
	wg.Wait()
	// Every charge got its own cumulative amount: 10, 20, ... 2000.
	sort.Slice(cums, func(i, j int) bool { return cums[i] < cums[j] })
	for i, c := range cums {
		if c != int64(10*(i+1)) {
			t.Fatalf("cumulative amounts %v", cums)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l = open(t, path)
	defer l.Close()
	a := l.Account(alice)
	if a.Charged.Count != n || a.Charged.Amount.Int64() != 10*n || a.Pending().Count != n {
		t.Fatalf("after reopening: %+v", a)
	}
	if _, err := l.Charge(context.Background(), ledger.Charge{Key: alice, Amount: big.NewInt(0)}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("zero charge: %v", err)
	}
	if err := l.Bind("chain 1 escrow A"); err != nil {
		t.Fatal(err)
	}
	if err := l.Bind("chain 1 escrow A"); err != nil {
		t.Fatal(err)
	}
	if err := l.Bind("chain 2 escrow A"); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("bound to another chain: %v", err)
	}
}

func TestBatchLifecycle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	l := open(t, path)
	ctx := context.Background()
	for range 3 {
		l.Charge(ctx, ledger.Charge{Key: alice, Amount: big.NewInt(7)})
	}
	b, err := l.Prepare(alice, time.Now())
	if err != nil || b == nil || b.Count != 3 || b.Amount.Int64() != 21 || b.State != ledger.Prepared {
		t.Fatalf("prepare: %+v %v", b, err)
	}
	// Charges during the batch stay pending; a second batch waits.
	l.Charge(ctx, ledger.Charge{Key: alice, Amount: big.NewInt(7)})
	if b2, err := l.Prepare(alice, time.Now()); b2 != nil || err != nil {
		t.Fatalf("second batch in flight: %+v %v", b2, err)
	}
	if err := l.RecordTx(b.ID, ledger.Tx{Hash: ledger.Hash{1}, Nonce: 4, Raw: []byte{1, 2}}); err != nil {
		t.Fatal(err)
	}
	l.Close()

	// After a restart the batch is found in flight with its transaction.
	l = open(t, path)
	defer l.Close()
	in, err := l.InFlightBatches()
	if err != nil || len(in) != 1 || in[0].ID != b.ID || in[0].State != ledger.Sent || in[0].Tx.Nonce != 4 {
		t.Fatalf("in flight after reopening: %+v %v", in, err)
	}
	a := l.Account(alice)
	if a.InFlight.Count != 3 || a.Pending().Count != 1 || a.Batch != b.ID {
		t.Fatalf("account %+v", a)
	}
	if _, err := l.Confirm(b.ID, ledger.Receipt{TxHash: ledger.Hash{1}, Block: 9, GasUsed: 51000}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Confirm(b.ID, ledger.Receipt{}); err == nil {
		t.Error("confirmed twice")
	}
	a = l.Account(alice)
	if a.Settled.Count != 3 || a.Settled.Amount.Int64() != 21 || a.Pending().Count != 1 || a.Batch != 0 {
		t.Fatalf("after confirm: %+v", a)
	}
	// An aborted batch gives its charges back.
	b, _ = l.Prepare(alice, time.Now())
	if _, err := l.Abort(b.ID, errors.New("reverted")); err != nil {
		t.Fatal(err)
	}
	if a = l.Account(alice); a.Pending().Count != 1 || a.Settled.Count != 3 {
		t.Fatalf("after abort: %+v", a)
	}
	if all, _ := l.Batches(); len(all) != 2 || all[1].State != ledger.Aborted || all[1].Error != "reverted" {
		t.Fatalf("batches %+v", all)
	}
}

// TestVouchers: a caller's batch redeems its best voucher (of those
// expiring together, the highest ceiling) up to what was charged:
// settleable at any time, never above what was served.
func TestVouchers(t *testing.T) {
	l := open(t, filepath.Join(t.TempDir(), "l.db"))
	defer l.Close()
	ctx := context.Background()
	exp := time.Now().Add(time.Hour)
	v := func(cum int64) *ledger.SignedVoucher {
		return &ledger.SignedVoucher{Payer: bob.Payer, Provider: wf.Address{9}, CumulativeAmount: big.NewInt(cum), Expiry: exp}
	}
	l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(10), Voucher: v(10)})
	l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(10), Voucher: v(50)}) // headroom
	l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(10), Voucher: v(40)}) // lower: not kept
	a := l.Account(bob)
	if a.Best == nil || a.Best.CumulativeAmount.Int64() != 50 {
		t.Fatalf("account %+v", a)
	}
	b, err := l.Prepare(bob, time.Now())
	if err != nil || b == nil || b.Amount.Int64() != 30 || b.Count != 3 || b.UpTo.Int64() != 30 || b.Voucher.CumulativeAmount.Int64() != 50 {
		t.Fatalf("batch %+v %v", b, err)
	}
	l.Confirm(b.ID, ledger.Receipt{})
	if b, _ := l.Prepare(bob, time.Now()); b != nil {
		t.Fatalf("settled twice: %+v", b)
	}
	for range 2 {
		l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(10), Voucher: v(50)})
	}
	b, _ = l.Prepare(bob, time.Now())
	if b == nil || b.Amount.Int64() != 20 || b.Count != 2 || b.UpTo.Int64() != 50 {
		t.Fatalf("second batch: %+v", b)
	}
}

// TestSessions: the highest sequence number charged per session is
// durable, and past MaxSessions the earliest-expiring session is forgotten
// behind a floor that refuses it.
func TestSessions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	l := open(t, path)
	ctx := context.Background()
	use := func(key byte, seq uint64, expiry int64) {
		t.Helper()
		if _, err := l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(1), Session: &ledger.SessionUse{Key: [32]byte{key}, Seq: seq, Expiry: expiry}}); err != nil {
			t.Fatal(err)
		}
	}
	use(1, 5, 1000)
	use(1, 3, 1000) // out of order: the mark stays 5
	early := l.Account(bob)
	// Readers of copies while charges raise marks (the ledger raises its
	// own map in place: go test -race checks nobody else holds it).
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			for range l.Account(bob).Sessions {
			}
		}
	}()
	for i := range ledger.MaxSessions {
		use(byte(i+2), 1, int64(2000+i))
	}
	use(2, 7, 2000)
	close(stop)
	wg.Wait()
	if len(early.Sessions) != 1 || early.Sessions[ledger.SessionKey([32]byte{1})].Seq != 5 {
		t.Errorf("an earlier copy changed with the ledger: %+v", early.Sessions)
	}
	live := l.Account(bob)
	if m := live.Sessions[ledger.SessionKey([32]byte{2})]; m.Seq != 7 {
		t.Errorf("session 2 in memory: %+v, want seq 7", m)
	}
	l.Close()
	l = open(t, path)
	defer l.Close()
	a := l.Account(bob)
	if len(a.Sessions) != ledger.MaxSessions || a.SessionFloor != 1000 {
		t.Fatalf("%d sessions, floor %d; want %d and 1000 (session 1 forgotten)", len(a.Sessions), a.SessionFloor, ledger.MaxSessions)
	}
	if m := a.Sessions[ledger.SessionKey([32]byte{2})]; m.Seq != 7 || m.Expiry != 2000 {
		t.Errorf("session 2: %+v", m)
	}
	if len(live.Sessions) != len(a.Sessions) || live.SessionFloor != a.SessionFloor {
		t.Errorf("in memory %d sessions, floor %d; reopened %d, floor %d", len(live.Sessions), live.SessionFloor, len(a.Sessions), a.SessionFloor)
	}
	for k, m := range live.Sessions {
		if a.Sessions[k] != m {
			t.Errorf("session %s: in memory %+v, reopened %+v", k, m, a.Sessions[k])
		}
	}
}

// TestOpenV2 opens testdata/v2.db (see TestRecordsKeepTheirBytes), as the
// process that wrote it died with three charges only in the log.
func TestOpenV2(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata")); err != nil {
		t.Fatal(err)
	}
	l := open(t, filepath.Join(dir, "v2.db"))
	defer l.Close()
	carol := ledger.Key{Mode: ledger.Caller, Payer: wf.Address{3}}
	if a := l.Account(alice); a.Charged.Count != 8 || a.Settled.Count != 4 || a.InFlight.Count != 3 || a.Batch != 2 {
		t.Errorf("alice %+v", a)
	}
	if a := l.Account(carol); a.Charged.Count != 2 || a.Settled.Amount.Int64() != 20 || a.Pending().Count != 0 {
		t.Errorf("carol %+v", a)
	}
	a := l.Account(bob)
	if a.Charged.Count != 4 || a.Charged.Amount.Int64() != 40 || a.Best == nil {
		t.Fatalf("bob %+v", a)
	}
	// The charges replayed from the log keep their vouchers; the best is
	// the highest ceiling.
	expiry := time.Date(2026, 3, 5, 5, 6, 7, 0, time.UTC)
	if e := a.Best; e.CumulativeAmount.Int64() != 60 || e.Payer != bob.Payer || e.Provider != (wf.Address{9, 19: 9}) ||
		!e.Expiry.Equal(expiry) || e.Signature[1] != 60 || e.Session != nil {
		t.Errorf("best voucher %+v", e)
	}

	all, err := l.Batches()
	if err != nil || len(all) != 3 {
		t.Fatalf("batches %+v %v", all, err)
	}
	signed := func(h byte) time.Time { return time.Date(2026, 3, 4, 5, 6+int(h), 7, 0, time.UTC) }
	for _, c := range []struct {
		state  ledger.State
		hashes []byte
		raw    bool
	}{
		{ledger.Settled, []byte{1, 2}, false},
		{ledger.Sent, []byte{3, 4}, true},
		{ledger.Aborted, []byte{5}, false},
	} {
		b := all[0]
		all = all[1:]
		txs := b.Txs()
		if b.State != c.state || len(txs) != len(c.hashes) || b.TxHash != b.Tx.Hash {
			t.Errorf("batch %d: %s, %d transactions, hash %s; want %s, %d", b.ID, b.State, len(txs), b.TxHash, c.state, len(c.hashes))
			continue
		}
		for i, tx := range txs {
			h := c.hashes[i]
			if tx.Hash[0] != h || tx.Hash[1] != 0xee || tx.Hash[31] != h || !tx.Signed.Equal(signed(h)) || (tx.Raw != nil) != c.raw {
				t.Errorf("batch %d transaction %d: %+v", b.ID, i, tx)
			}
		}
		if b.ID == 1 && (b.Block != 9 || b.GasUsed != 51000) {
			t.Errorf("settled batch %+v", b)
		}
		if b.ID == 3 && (b.Voucher == nil || b.Voucher.CumulativeAmount.Int64() != 10 || b.Error != "execution reverted: voucher expired") {
			t.Errorf("aborted batch %+v", b)
		}
	}
	if err := l.Bind("chain 1337 escrow 0x5fbdb2315678afecb367f032d93f642f64180aa3 provider 0x0900000000000000000000000000000000000009"); err != nil {
		t.Error(err)
	}
}

func TestRemove(t *testing.T) {
	ctx := context.Background()
	// ledgerAt makes a closed ledger at path with a charge in its log.
	ledgerAt := func(t *testing.T, path string) {
		l := open(t, path)
		if _, err := l.Charge(ctx, ledger.Charge{Key: alice, Amount: big.NewInt(5)}); err != nil {
			t.Fatal(err)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	files := func(t *testing.T, dir string) int {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		return len(entries)
	}
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, path string)
	}{
		{"closed ledger", ledgerAt},
		{"nothing there", func(*testing.T, string) {}},
		{"only the log", func(t *testing.T, path string) {
			ledgerAt(t, path)
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "l.db")
			tc.setup(t, path)
			if err := ledger.Remove(path); err != nil {
				t.Fatal(err)
			}
			if n := files(t, dir); n != 0 {
				t.Fatalf("%d files left", n)
			}
			// Nothing of the old ledger comes back, from its log either.
			l := open(t, path)
			defer l.Close()
			if a := l.Account(alice); !a.Charged.IsZero() {
				t.Errorf("charges after removing: %+v", a)
			}
		})
	}
	t.Run("open ledger", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "l.db")
		ledgerAt(t, path)
		l := open(t, path)
		defer l.Close()
		if err := ledger.Remove(path); err == nil {
			t.Fatal("removed an open ledger")
		}
		if n := files(t, dir); n != 2 {
			t.Errorf("%d files left, want 2", n)
		}
		if a := l.Account(alice); a.Charged.Count != 1 {
			t.Errorf("account %+v", a)
		}
	})
}

// A batch never redeems with an expired voucher: a later voucher that
// covers the charges replaces a bigger one expiring sooner, and once every
// voucher that covers them expired, the one lasting longest settles what
// it covers.
func TestExpiredVoucherNeverRedeemed(t *testing.T) {
	l := open(t, filepath.Join(t.TempDir(), "l.db"))
	defer l.Close()
	ctx := context.Background()
	now := time.Now()
	v := func(cum int64, life time.Duration) *ledger.SignedVoucher {
		return &ledger.SignedVoucher{Payer: bob.Payer, Provider: wf.Address{9}, CumulativeAmount: big.NewInt(cum), Expiry: now.Add(life)}
	}
	l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(10), Voucher: v(1<<60, 20*time.Minute)})
	l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(10), Voucher: v(20, time.Hour)})
	if a := l.Account(bob); a.Best.CumulativeAmount.Int64() != 20 {
		t.Fatalf("best %+v, want the voucher that covers and lasts", a.Best)
	}
	// The big one pays for more than the small one covers, then expires
	// before it is redeemed: the small one settles what it covers.
	l.Charge(ctx, ledger.Charge{Key: bob, Amount: big.NewInt(10), Voucher: v(1<<60, 20*time.Minute)})
	if a := l.Account(bob); a.Best.CumulativeAmount.Int64() != 1<<60 {
		t.Fatalf("best %+v, want the only voucher that covers 30", a.Best)
	}
	b, err := l.Prepare(bob, now.Add(30*time.Minute))
	if err != nil || b == nil || b.UpTo.Int64() != 20 || b.Amount.Int64() != 20 || b.Voucher.CumulativeAmount.Int64() != 20 || b.Count != 2 {
		t.Fatalf("batch %+v %v", b, err)
	}
	l.Confirm(b.ID, ledger.Receipt{})
	if b, _ := l.Prepare(bob, now.Add(30*time.Minute)); b != nil {
		t.Fatalf("batch %+v beyond every unexpired voucher", b)
	}
	if b, _ := l.Prepare(bob, now.Add(2*time.Hour)); b != nil {
		t.Fatalf("batch %+v with expired vouchers", b)
	}
}

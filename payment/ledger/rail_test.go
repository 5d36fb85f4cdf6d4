package ledger_test

import (
	"context"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment/ledger"
)

// A Mina account is named by a 33-byte channel key; its charges, the
// voucher with the highest ceiling and its sessions' numbers survive a
// reopen (from the log, then from the checkpoint), and a batch redeems up
// to what was charged.
func TestMinaAccount(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	ch := ledger.WideKey{0: 7, 31: 9, 32: 1}
	key := ledger.Key{Mode: ledger.Mina, Channel: ch}
	other := ledger.Key{Mode: ledger.Mina, Channel: ledger.WideKey{0: 7, 31: 9}} // the same x, even y
	l := open(t, path)
	ctx := context.Background()
	ceilings := []int64{30, 50, 40}
	for i, c := range ceilings {
		_, err := l.Charge(ctx, ledger.Charge{Key: key, Amount: big.NewInt(10),
			Rail:    &ledger.RailVoucher{Ceiling: big.NewInt(c), Data: []byte{byte(i)}},
			Session: &ledger.SessionUse{Key: [32]byte{1}, Seq: uint64(i + 1), Expiry: 100}})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.Charge(ctx, ledger.Charge{Key: other, Amount: big.NewInt(5), Rail: &ledger.RailVoucher{Ceiling: big.NewInt(5)}}); err != nil {
		t.Fatal(err)
	}
	check := func(l *ledger.Ledger, when string) {
		t.Helper()
		a := l.Account(key)
		if a.Charged.Count != 3 || a.Charged.Amount.Int64() != 30 {
			t.Fatalf("%s: charged %+v", when, a.Charged)
		}
		if a.Rail == nil || a.Rail.Ceiling.Int64() != 50 || string(a.Rail.Data) != "\x01" {
			t.Fatalf("%s: kept voucher %+v, want the ceiling of 50", when, a.Rail)
		}
		if m := a.Sessions[ledger.SessionKey([32]byte{1})]; m.Seq != 3 {
			t.Fatalf("%s: session mark %+v", when, m)
		}
		if o := l.Account(other); o.Charged.Amount.Int64() != 5 {
			t.Fatalf("%s: the channel with the other parity was charged %v", when, o.Charged.Amount)
		}
	}
	check(l, "open")
	// Closing checkpoints; a crash would leave the log, which Open replays.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l = open(t, path)
	defer l.Close()
	check(l, "reopened")

	b, err := l.Prepare(key, time.Now())
	if err != nil || b == nil {
		t.Fatalf("prepare: %v %v", b, err)
	}
	if b.Key() != key || b.UpTo.Int64() != 30 || b.Amount.Int64() != 30 || b.Count != 3 || b.Rail.Ceiling.Int64() != 50 {
		t.Fatalf("batch %+v", b)
	}
	if again, err := l.Prepare(key, time.Now()); again != nil || err != nil {
		t.Fatalf("a second batch while one is in flight: %v %v", again, err)
	}
	if _, err := l.Confirm(b.ID, ledger.Receipt{TxHash: ledger.Hash{1}}); err != nil {
		t.Fatal(err)
	}
	a := l.Account(key)
	if a.Settled.Amount.Int64() != 30 || a.Pending().Count != 0 {
		t.Fatalf("after confirm: %+v", a)
	}
	// Nothing left to redeem: no batch.
	if b, err := l.Prepare(key, time.Now()); b != nil || err != nil {
		t.Fatalf("empty batch %v %v", b, err)
	}
	inflight, err := l.InFlightBatches()
	if err != nil || len(inflight) != 0 {
		t.Fatalf("in flight %v %v", inflight, err)
	}
}

package ledger

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/wf"
)

// TestSettlementDoesNotStallCharges: while a settlement step's bbolt
// write is on the disk, charges are recorded (in the log); a crash after
// both replays them on top of the batch; a write that fails is taken
// back, keeping the charges made meanwhile.
func TestSettlementDoesNotStallCharges(t *testing.T) {
	key := Key{Mode: Owner, Payer: wf.Address{3}}
	path := filepath.Join(t.TempDir(), "l.db")
	l, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	charge := func(n int) {
		t.Helper()
		for range n {
			if _, err := l.Charge(context.Background(), Charge{Key: key, Amount: big.NewInt(2)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	charge(10)

	// A slow write: charges go on meanwhile.
	entered, release := make(chan struct{}), make(chan struct{})
	l.settleWrite = func() error { close(entered); <-release; return nil }
	prepared := make(chan error, 1)
	go func() {
		b, err := l.Prepare(key, time.Now())
		if err == nil && (b == nil || b.Count != 10) {
			err = errors.New("the batch does not take the 10 charges")
		}
		prepared <- err
	}()
	<-entered
	done := make(chan struct{})
	go func() { charge(5); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("charges waited for the settlement's write")
	}
	close(release)
	if err := <-prepared; err != nil {
		t.Fatal(err)
	}
	l.settleWrite = nil
	crash(t, l)

	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := l.Account(key)
	if a.Charged.Count != 15 || a.InFlight.Count != 10 || a.Batch == 0 || a.Pending().Count != 5 {
		t.Fatalf("after the crash: %+v", a)
	}
	in, err := l.InFlightBatches()
	if err != nil || len(in) != 1 || in[0].ID != a.Batch {
		t.Fatalf("in flight after the crash: %v, %v", in, err)
	}

	// A failed write (confirming the batch) is taken back; a charge made
	// while it was on the disk stays.
	failing := make(chan struct{})
	l.settleWrite = func() error {
		charged := make(chan struct{})
		go func() { charge(1); close(charged) }()
		<-charged
		close(failing)
		return errors.New("disk on fire")
	}
	if _, err := l.Confirm(a.Batch, Receipt{Block: 7}); err == nil {
		t.Fatal("Confirm succeeded on a failing disk")
	}
	<-failing
	l.settleWrite = nil
	b := l.Account(key)
	if b.Charged.Count != 16 || b.Settled.Count != 0 || b.InFlight.Count != 10 || b.Batch != a.Batch {
		t.Fatalf("after the failed confirm: %+v", b)
	}
	if _, err := l.Confirm(a.Batch, Receipt{Block: 7}); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if c := l.Account(key); c.Charged.Count != 16 || c.Settled.Count != 10 || c.Pending().Count != 6 || c.Batch != 0 {
		t.Fatalf("after reopening: %+v", c)
	}
}

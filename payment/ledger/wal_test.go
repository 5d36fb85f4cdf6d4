package ledger

import (
	"context"
	"encoding/binary"
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
	b := make([]byte, 4096)
	f.ReadAt(b, 0)
	end := 0
	for range 5 { // the frames of the 5 charges logged since the checkpoint
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

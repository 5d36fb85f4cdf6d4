package ledger_test

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// The first count by a new metering key strands what is pending under the
// earlier one, and a batch under the earlier key that is aborted joins
// them; the new key's charges stay pending, and reopening agrees.
func TestMeterKeyChangeStrands(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	l := open(t, path)
	ctx := context.Background()
	a, b := wf.Address{0xa}, wf.Address{0xb}
	charge := func(meter wf.Address, n uint64) {
		t.Helper()
		if _, err := l.Charge(ctx, ledger.Charge{Key: alice, Amount: big.NewInt(10), Meter: &ledger.MeterCount{Meter: meter, Count: n}}); err != nil {
			t.Fatal(err)
		}
	}
	charge(a, 1)
	charge(a, 2)
	batch, err := l.PrepareLimited(alice, time.Now(), ledger.Limit{Count: 2, Meter: &ledger.MeterCount{Meter: a, Count: 2}})
	if err != nil || batch == nil {
		t.Fatal(batch, err)
	}
	charge(a, 3)
	charge(b, 1)
	if acc := l.Account(alice); acc.Stranded.Count != 1 || acc.Pending().Count != 1 || acc.InFlight.Count != 2 {
		t.Fatalf("stranded %d pending %d in flight %d; want 1 1 2", acc.Stranded.Count, acc.Pending().Count, acc.InFlight.Count)
	}
	if _, err := l.Abort(batch.ID, errors.New("reverted")); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		acc := l.Account(alice)
		if acc.Stranded.Count != 3 || acc.Stranded.Amount.Int64() != 30 || acc.Pending().Count != 1 || acc.Meter.Meter != b {
			t.Fatalf("%s: stranded %+v pending %d meter %s", when, acc.Stranded, acc.Pending().Count, acc.Meter.Meter)
		}
	}
	check("after the abort")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l = open(t, path)
	defer l.Close()
	check("after reopening")
}

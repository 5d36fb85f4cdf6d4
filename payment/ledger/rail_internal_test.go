package ledger

import (
	"context"
	"math/big"
	"path/filepath"
	"testing"
)

// A Mina charge only in the log (the process died before a checkpoint)
// is replayed on open: its zero Payer and wide key decode.
func TestMinaChargeReplayedFromLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	key := Key{Mode: Mina, Channel: WideKey{3, 32: 1}}
	l, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Charge(context.Background(), Charge{Key: key, Amount: big.NewInt(4), Rail: &RailVoucher{Ceiling: big.NewInt(9), Data: []byte("v")},
		Session: &SessionUse{Key: [32]byte{2}, Seq: 5, Expiry: 1}}); err != nil {
		t.Fatal(err)
	}
	crash(t, l)
	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a := l.Account(key)
	if a.Charged.Amount.Int64() != 4 || a.Rail == nil || a.Rail.Ceiling.Int64() != 9 || a.Sessions[SessionKey([32]byte{2})].Seq != 5 {
		t.Fatalf("replayed account %+v", a)
	}
}

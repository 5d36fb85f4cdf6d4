package ledger_test

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// TestRecordReplacements: a batch keeps every transaction recorded for its
// nonce, across a restart, until it is settled.
func TestRecordReplacements(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	l := open(t, path)
	for range 2 {
		l.Charge(context.Background(), ledger.Charge{Key: alice, Amount: big.NewInt(7)})
	}
	b, err := l.Prepare(alice, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	signed := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tx := func(h byte, nonce uint64) ledger.Tx {
		return ledger.Tx{Hash: ledger.Hash{h}, Nonce: nonce, Raw: []byte{h}, Signed: signed.Add(time.Duration(h) * time.Minute)}
	}
	steps := []struct {
		name string
		tx   ledger.Tx
		err  error
		want []byte // hashes' first bytes, oldest first
	}{
		{"first", tx(1, 4), nil, []byte{1}},
		{"first again with another nonce (the node refused 4)", tx(2, 5), nil, []byte{2}},
		{"replacement", tx(3, 5), nil, []byte{2, 3}},
		{"the same again", tx(3, 5), nil, []byte{2, 3}},
		{"second replacement", tx(4, 5), nil, []byte{2, 3, 4}},
		{"replacement with another nonce", tx(5, 6), wf.ErrInvalid, []byte{2, 3, 4}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if err := l.RecordTx(b.ID, s.tx); !errors.Is(err, s.err) || (err != nil) != (s.err != nil) {
				t.Fatalf("RecordTx: %v, want %v", err, s.err)
			}
			got, _ := l.Batch(b.ID)
			checkTxs(t, got, s.want)
		})
	}
	l.Close()

	l = open(t, path)
	defer l.Close()
	in, err := l.InFlightBatches()
	if err != nil || len(in) != 1 {
		t.Fatalf("in flight after reopening: %+v %v", in, err)
	}
	checkTxs(t, in[0], []byte{2, 3, 4})
	if got := in[0].Txs()[1]; !got.Signed.Equal(signed.Add(3*time.Minute)) || len(got.Raw) != 1 {
		t.Errorf("replaced transaction after reopening: %+v", got)
	}
	// Settled by the middle one: that is the batch's hash; no raw
	// transaction is kept.
	done, err := l.Confirm(b.ID, ledger.Receipt{TxHash: ledger.Hash{3}, Block: 9})
	if err != nil {
		t.Fatal(err)
	}
	if done.TxHash != (ledger.Hash{3}) {
		t.Errorf("settled by %s", done.TxHash)
	}
	for _, tx := range done.Txs() {
		if tx.Raw != nil {
			t.Errorf("raw transaction %s kept after settling", tx.Hash)
		}
	}
	if err := l.RecordTx(b.ID, tx(6, 5)); err == nil {
		t.Error("recorded a transaction for a settled batch")
	}
}

func checkTxs(t *testing.T, b *ledger.Batch, want []byte) {
	t.Helper()
	txs := b.Txs()
	if len(txs) != len(want) {
		t.Fatalf("%d transactions recorded, want %d", len(txs), len(want))
	}
	for i, tx := range txs {
		if tx.Hash[0] != want[i] {
			t.Errorf("transaction %d is %x, want %x", i, tx.Hash[0], want[i])
		}
	}
	if b.Tx.Hash[0] != want[len(want)-1] || b.TxHash != b.Tx.Hash || b.State != ledger.Sent {
		t.Errorf("latest %s, hash %s, state %s", b.Tx.Hash, b.TxHash, b.State)
	}
}

// TestOpenBeforeReplacements opens a data dir written before transactions
// could be replaced (testdata/v1.db: a settled batch, a batch in flight
// with its one transaction, and three charges only in the log, as the
// process died), and carries on with it.
func TestOpenBeforeReplacements(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "v1.db")
	l := open(t, path)
	defer l.Close()
	a := l.Account(alice)
	if a.Charged.Count != 8 || a.InFlight.Count != 5 || a.Pending().Count != 3 || a.Batch != 2 {
		t.Fatalf("account %+v", a)
	}
	in, err := l.InFlightBatches()
	if err != nil || len(in) != 1 || in[0].ID != 2 || in[0].State != ledger.Sent {
		t.Fatalf("in flight: %+v %v", in, err)
	}
	txs := in[0].Txs()
	if len(txs) != 1 || txs[0].Hash != (ledger.Hash{1}) || txs[0].Nonce != 4 || string(txs[0].Raw) != "\x01\x02" || !txs[0].Signed.IsZero() {
		t.Fatalf("transactions %+v", txs)
	}
	if err := l.RecordTx(2, ledger.Tx{Hash: ledger.Hash{9}, Nonce: 4, Raw: []byte{9}, Signed: time.Now()}); err != nil {
		t.Fatal(err)
	}
	b, _ := l.Batch(2)
	checkTxs(t, b, []byte{1, 9})
	if _, err := l.Confirm(2, ledger.Receipt{TxHash: ledger.Hash{1}, Block: 10}); err != nil {
		t.Fatal(err)
	}
	if a := l.Account(alice); a.Settled.Count != 5 || a.Pending().Count != 3 {
		t.Errorf("after confirm: %+v", a)
	}
	carol := ledger.Key{Mode: ledger.Owner, Payer: wf.Address{3}}
	all, _ := l.Batches()
	if a := l.Account(carol); a.Settled.Count != 2 || len(all) != 2 || all[0].State != ledger.Settled || all[0].TxHash != (ledger.Hash{2}) {
		t.Errorf("settled batch %+v, account %+v", all[0], a)
	}
}

package chain_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/wf"
)

// committer mines the manual-mining chain while an account has a
// transaction waiting, unless paused, so a test decides when a sent
// transaction can be mined. While only a transaction that pays too little
// waits, the blocks it mines are empty and lower the base fee by 12.5%
// each, until the transaction fits.
type committer struct {
	mu     sync.Mutex // held while deciding to mine and mining
	paused bool
	stop   chan struct{}
	done   chan struct{}
}

// pause returns once no block is being mined, and none will be until
// resume.
func (c *committer) pause()  { c.mu.Lock(); c.paused = true; c.mu.Unlock() }
func (c *committer) resume() { c.mu.Lock(); c.paused = false; c.mu.Unlock() }

func startCommitter(t *testing.T, s *sim.Chain) *committer {
	c := &committer{stop: make(chan struct{}), done: make(chan struct{})}
	waiting := func() bool {
		ctx := context.Background()
		for _, k := range s.Accounts() {
			a := common.Address(k.Address())
			pending, err1 := s.Backend().PendingNonceAt(ctx, a)
			mined, err2 := s.Backend().NonceAt(ctx, a, nil)
			if err1 == nil && err2 == nil && pending > mined {
				return true
			}
		}
		return false
	}
	go func() {
		defer close(c.done)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-c.stop:
				return
			case <-tick.C:
			}
			c.mu.Lock()
			if !c.paused && waiting() {
				s.Commit()
			}
			c.mu.Unlock()
		}
	}()
	t.Cleanup(func() { close(c.stop); <-c.done })
	return c
}

// recorder keeps what a RecordOptions.Record is called with; fail, if
// set, makes the n-th call (from 1) fail after recording, as a process
// that dies before sending.
type recorder struct {
	mu   sync.Mutex
	txs  []chain.SignedTx
	fail int
}

var errDied = errors.New("died before sending")

func (r *recorder) record(tx chain.SignedTx) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.txs = append(r.txs, tx)
	if len(r.txs) == r.fail {
		return errDied
	}
	return nil
}

func (r *recorder) all() []chain.SignedTx {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]chain.SignedTx(nil), r.txs...)
}

func (r *recorder) waitFor(t *testing.T, n int) []chain.SignedTx {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for len(r.all()) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d transactions recorded, waited for %d", len(r.all()), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
	return r.all()
}

func decodeTx(t *testing.T, raw []byte) *types.Transaction {
	t.Helper()
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(raw); err != nil {
		t.Fatal(err)
	}
	return tx
}

func baseFee(t *testing.T, s *sim.Chain) *big.Int {
	t.Helper()
	h, err := s.Backend().HeaderByNumber(testCtx(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h.BaseFee
}

// syncBuffer is a log destination for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}
func (b *syncBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.b.String() }

// replaceSetup is a manual-mining chain with a payer that allows the
// provider 10 USDC.
func replaceSetup(t *testing.T) (s *sim.Chain, cm *committer, payer, prov *chain.Client) {
	// Smaller blocks than the default 60M gas make Congest cheaper.
	s = newSim(t, sim.Options{ManualMining: true, BlockGasLimit: 10_000_000})
	cm = startCommitter(t, s)
	ctx := testCtx(t)
	payer, prov = s.Client(s.Accounts()[2]), s.Client(s.Accounts()[1])
	if _, err := payer.Deposit(ctx, usdc(10)); err != nil {
		t.Fatal(err)
	}
	if _, err := payer.Approve(ctx, prov.Address(), big.NewInt(1000), usdc(10)); err != nil {
		t.Fatal(err)
	}
	return s, cm, payer, prov
}

// settledOnce checks that the escrow paid amt from payer to the provider:
// once, whichever transaction did it.
func settledOnce(t *testing.T, payer, prov *chain.Client, amt int64) {
	t.Helper()
	al, err := payer.Allowance(testCtx(t), payer.Address(), prov.Address())
	if err != nil {
		t.Fatal(err)
	}
	if want := new(big.Int).Sub(usdc(10), big.NewInt(amt)); al.Budget.Cmp(want) != 0 {
		t.Fatalf("budget left %s, want %s: settled more or less than once", al.Budget, want)
	}
}

type settleResult struct {
	r   chain.Receipt
	err error
}

func settleAsync(ctx context.Context, prov *chain.Client, payer wf.Address, amt int64, o chain.RecordOptions) chan settleResult {
	done := make(chan settleResult, 1)
	go func() {
		r, err := prov.SettleRecorded(ctx, payer, 10, big.NewInt(amt), o)
		done <- settleResult{r, err}
	}()
	return done
}

// TestReplaceWhenBaseFeePassesFeeCap: a settlement the base fee rose above
// is replaced at once with fees for the new base fee, and the replacement
// is mined.
func TestReplaceWhenBaseFeePassesFeeCap(t *testing.T) {
	s, cm, payer, prov := replaceSetup(t)
	ctx := testCtx(t)
	cm.pause()
	rec := &recorder{}
	done := settleAsync(ctx, prov, payer.Address(), 5000, chain.RecordOptions{Record: rec.record, BumpAfter: time.Hour})
	t0 := decodeTx(t, rec.waitFor(t, 1)[0].Raw)
	if err := s.Congest(ctx, 10); err != nil {
		t.Fatal(err)
	}
	if bf := baseFee(t, s); bf.Cmp(t0.GasFeeCap()) <= 0 {
		t.Fatalf("base fee %s not above the fee cap %s", bf, t0.GasFeeCap())
	}
	txs := rec.waitFor(t, 2)
	t1 := decodeTx(t, txs[1].Raw)
	if t1.Nonce() != t0.Nonce() || !bytes.Equal(t1.Data(), t0.Data()) || *t1.To() != *t0.To() || t1.Gas() != t0.Gas() {
		t.Fatalf("the replacement is another transaction: %+v", t1)
	}
	if bf := baseFee(t, s); t1.GasFeeCap().Cmp(bf) <= 0 {
		t.Errorf("replacement fee cap %s not above the base fee %s", t1.GasFeeCap(), bf)
	}
	// Mine once the replacement is in the pool: empty blocks would lower
	// the base fee until the old one fits again.
	waitInPool(t, s, txs[1].Hash)
	cm.resume()
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.r.TxHash != txs[1].Hash || chain.Hash(t1.Hash()) != txs[1].Hash {
		t.Errorf("mined %s, want the replacement %s", res.r.TxHash, txs[1].Hash)
	}
	if n := len(rec.all()); n != 2 {
		t.Errorf("%d transactions signed, want 2", n)
	}
	settledOnce(t, payer, prov, 5000)
}

// TestReplaceAfterBumpAfter: a settlement not mined in BumpAfter is
// replaced, again and again, each paying more; the last is mined.
func TestReplaceAfterBumpAfter(t *testing.T) {
	_, cm, payer, prov := replaceSetup(t)
	ctx := testCtx(t)
	cm.pause()
	rec := &recorder{}
	done := settleAsync(ctx, prov, payer.Address(), 5000, chain.RecordOptions{Record: rec.record, BumpAfter: 50 * time.Millisecond})
	txs := rec.waitFor(t, 3)
	cm.resume()
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	txs = rec.all()
	for i := 1; i < len(txs); i++ {
		a, b := decodeTx(t, txs[i-1].Raw), decodeTx(t, txs[i].Raw)
		if b.Nonce() != a.Nonce() {
			t.Errorf("replacement %d has nonce %d, not %d", i, b.Nonce(), a.Nonce())
		}
		// At least the 10% a pool requires, on both.
		for _, p := range [][2]*big.Int{{a.GasTipCap(), b.GasTipCap()}, {a.GasFeeCap(), b.GasFeeCap()}} {
			if new(big.Int).Mul(p[1], big.NewInt(10)).Cmp(new(big.Int).Mul(p[0], big.NewInt(11))) < 0 {
				t.Errorf("replacement %d offers %s after %s", i, p[1], p[0])
			}
		}
		if !txs[i].Signed.After(txs[i-1].Signed) {
			t.Errorf("replacement %d signed at %v, before %v", i, txs[i].Signed, txs[i-1].Signed)
		}
	}
	// Whichever version the block took settles it: usually the latest, but
	// one more may be recorded and sent while the block is being built
	// (the bump timer keeps running), so any replacement may win.
	mined := slices.IndexFunc(txs, func(tx chain.SignedTx) bool { return tx.Hash == res.r.TxHash })
	if mined < 1 {
		t.Errorf("mined %s, version %d of %d; want a replacement, not the original", res.r.TxHash, mined, len(txs))
	}
	settledOnce(t, payer, prov, 5000)
}

// TestFeeCapLimitStopsReplacing: at the fee cap limit nothing is replaced;
// the transaction waits until the base fee falls, and is mined.
func TestFeeCapLimitStopsReplacing(t *testing.T) {
	s, cm, payer, prov := replaceSetup(t)
	ctx := testCtx(t)
	freshCap, err := chain.FeeCap(prov, ctx)
	if err != nil {
		t.Fatal(err)
	}
	cm.pause()
	var logs syncBuffer
	rec := &recorder{}
	done := settleAsync(ctx, prov, payer.Address(), 5000, chain.RecordOptions{Record: rec.record, BumpAfter: 20 * time.Millisecond,
		MaxFeeCap: freshCap, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	t0 := decodeTx(t, rec.waitFor(t, 1)[0].Raw)
	if t0.GasFeeCap().Cmp(freshCap) > 0 {
		t.Fatalf("fee cap %s above the limit %s", t0.GasFeeCap(), freshCap)
	}
	if err := s.Congest(ctx, 10); err != nil {
		t.Fatal(err)
	}
	// Due on time and on the base fee, many times over.
	time.Sleep(300 * time.Millisecond)
	if n := len(rec.all()); n != 1 {
		t.Fatalf("%d transactions signed above the fee cap limit", n)
	}
	if !strings.Contains(logs.String(), "fee cap limit is reached") {
		t.Errorf("no log of the limit:\n%s", logs.String())
	}
	// Empty blocks bring the base fee down until the transaction fits.
	cm.resume()
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.r.TxHash != rec.all()[0].Hash || len(rec.all()) != 1 {
		t.Errorf("mined %s; signed %d", res.r.TxHash, len(rec.all()))
	}
	settledOnce(t, payer, prov, 5000)
}

// TestReplacementRecordedNotSent: the process dies between recording a
// replacement and sending it. ResumeTx with both transactions finds the
// old one if it was mined meanwhile, and otherwise sends the replacement.
func TestReplacementRecordedNotSent(t *testing.T) {
	t.Run("old mined", func(t *testing.T) {
		_, cm, payer, prov := replaceSetup(t)
		ctx := testCtx(t)
		cm.pause()
		rec := &recorder{fail: 2}
		res := <-settleAsync(ctx, prov, payer.Address(), 5000, chain.RecordOptions{Record: rec.record, BumpAfter: 20 * time.Millisecond})
		if !errors.Is(res.err, errDied) {
			t.Fatalf("settle with a failing record: %v", res.err)
		}
		txs := rec.all()
		if len(txs) != 2 {
			t.Fatalf("%d recorded", len(txs))
		}
		// The old transaction is still in the pool, and is mined before
		// the process comes back.
		cm.resume()
		if _, err := chain.WaitMined(prov, ctx, common.Hash(txs[0].Hash)); err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			r, err := prov.ResumeTx(ctx, txs, chain.RecordOptions{Record: rec.record})
			if err != nil {
				t.Fatalf("resume %d: %v", i, err)
			}
			if r.TxHash != txs[0].Hash {
				t.Errorf("resume %d: mined %s, want the old %s", i, r.TxHash, txs[0].Hash)
			}
		}
		settledOnce(t, payer, prov, 5000)
	})
	t.Run("replacement sent", func(t *testing.T) {
		s, cm, payer, prov := replaceSetup(t)
		ctx := testCtx(t)
		cm.pause()
		rec := &recorder{fail: 2}
		done := settleAsync(ctx, prov, payer.Address(), 5000, chain.RecordOptions{Record: rec.record, BumpAfter: time.Hour})
		rec.waitFor(t, 1)
		if err := s.Congest(ctx, 10); err != nil { // the old one can no longer be mined
			t.Fatal(err)
		}
		if res := <-done; !errors.Is(res.err, errDied) {
			t.Fatalf("settle with a failing record: %v", res.err)
		}
		txs := rec.all()
		resumed := make(chan settleResult, 1)
		go func() {
			r, err := prov.ResumeTx(ctx, txs, chain.RecordOptions{Record: rec.record, BumpAfter: time.Hour})
			resumed <- settleResult{r, err}
		}()
		// Mine once the replacement is in the pool: empty blocks would
		// lower the base fee until the old one fits again.
		waitInPool(t, s, txs[1].Hash)
		cm.resume()
		res := <-resumed
		if res.err != nil {
			t.Fatal(res.err)
		}
		if res.r.TxHash != txs[1].Hash {
			t.Errorf("mined %s, want the replacement %s", res.r.TxHash, txs[1].Hash)
		}
		if n := len(rec.all()); n != 2 {
			t.Errorf("%d transactions signed, want 2", n)
		}
		settledOnce(t, payer, prov, 5000)
	})
	t.Run("superseded", func(t *testing.T) {
		s, cm, payer, prov := replaceSetup(t)
		ctx := testCtx(t)
		cm.pause()
		rec := &recorder{fail: 2}
		res := <-settleAsync(ctx, prov, payer.Address(), 5000, chain.RecordOptions{Record: rec.record, BumpAfter: 20 * time.Millisecond})
		if !errors.Is(res.err, errDied) {
			t.Fatal(res.err)
		}
		txs := rec.all()
		// Another transaction with the nonce, paying more than both.
		t1 := decodeTx(t, txs[1].Raw)
		other, err := chain.SignTx(prov, t1.Nonce(), common.Address{1}, 21_000, new(big.Int).Mul(t1.GasTipCap(), big.NewInt(2)), new(big.Int).Mul(t1.GasFeeCap(), big.NewInt(2)))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Backend().SendTransaction(ctx, other); err != nil {
			t.Fatal(err)
		}
		cm.resume()
		if _, err := chain.WaitMined(prov, ctx, other.Hash()); err != nil {
			t.Fatal(err)
		}
		if _, err := prov.ResumeTx(ctx, txs, chain.RecordOptions{Record: rec.record}); !errors.Is(err, chain.ErrTxSuperseded) {
			t.Fatalf("resume of superseded transactions: %v", err)
		}
		settledOnce(t, payer, prov, 0)
	})
	t.Run("not one nonce", func(t *testing.T) {
		s := newSim(t, sim.Options{})
		prov := s.Client(s.Accounts()[1])
		to := common.Address{1}
		var txs []chain.SignedTx
		for n := range uint64(2) {
			tx, err := chain.SignTx(prov, n, to, 21_000, big.NewInt(1), big.NewInt(1e9))
			if err != nil {
				t.Fatal(err)
			}
			stx, _ := chain.SignedTxOf(tx, time.Now())
			txs = append(txs, stx)
		}
		if _, err := prov.ResumeTx(testCtx(t), txs, chain.RecordOptions{}); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("resume of two nonces: %v", err)
		}
	})
}

func waitInPool(t *testing.T, s *sim.Chain, h chain.Hash) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, pending, err := s.Backend().TransactionByHash(testCtx(t), common.Hash(h)); err == nil && pending {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never reached the pool", h)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

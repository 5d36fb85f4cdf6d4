package chain

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/webfunctions/wf/wf"
)

func TestBumpFees(t *testing.T) {
	dyn := func(tip, feeCap int64) fees { return fees{tip: big.NewInt(tip), feeCap: big.NewInt(feeCap)} }
	legacy := func(price int64) fees { return fees{legacy: true, feeCap: big.NewInt(price)} }
	for _, tc := range []struct {
		name       string
		old, fresh fees
		max        int64
		want       fees
		ok         bool
	}{
		{"12.5% more", dyn(1000, 10_000), dyn(900, 9000), 1e18, dyn(1125, 11_250), true},
		{"rounded up", dyn(9, 17), dyn(1, 1), 1e18, dyn(11, 20), true},
		{"fresh fees when higher", dyn(1000, 10_000), dyn(2000, 30_000), 1e18, dyn(2000, 30_000), true},
		{"fresh tip, bumped cap", dyn(1000, 10_000), dyn(5000, 9000), 1e18, dyn(5000, 11_250), true},
		{"a zero tip goes up by 1 wei", dyn(0, 100), dyn(0, 100), 1e18, dyn(1, 113), true},
		{"one wei", dyn(1, 1), dyn(1, 1), 1e18, dyn(2, 2), true},
		{"tip above the cap lifts the cap", dyn(100, 100), dyn(500, 300), 1e18, dyn(500, 500), true},
		{"capped, still 10% more", dyn(1000, 10_000), dyn(1, 1), 11_000, dyn(1125, 11_000), true},
		{"capped below 10% more", dyn(1000, 10_000), dyn(1, 1), 10_999, dyn(1125, 10_999), false},
		{"at the cap", dyn(1000, 10_000), dyn(1, 1), 10_000, dyn(1125, 10_000), false},
		{"cap limits the tip too", dyn(1000, 1000), dyn(1, 1), 1050, dyn(1050, 1050), false},
		{"legacy", legacy(1000), legacy(900), 1e18, legacy(1125), true},
		{"legacy, fresh price", legacy(1000), legacy(4000), 1e18, legacy(4000), true},
		{"legacy capped", legacy(1000), legacy(4000), 1050, legacy(1050), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := bumpFees(tc.old, tc.fresh, big.NewInt(tc.max))
			if ok != tc.ok || got.legacy != tc.want.legacy || got.feeCap.Cmp(tc.want.feeCap) != 0 ||
				(tc.want.tip != nil && (got.tip == nil || got.tip.Cmp(tc.want.tip) != 0)) {
				t.Errorf("bumpFees = %+v %v, want %+v %v", got, ok, tc.want, tc.ok)
			}
			if ok && (got.feeCap.Cmp(tc.old.feeCap) <= 0 || (!got.legacy && got.tip.Cmp(tc.old.tip) <= 0)) {
				t.Errorf("a replacement that does not pay more: %+v", got)
			}
		})
	}
}

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

func startCommitter(t *testing.T, s *Simulated) *committer {
	c := &committer{stop: make(chan struct{}), done: make(chan struct{})}
	waiting := func() bool {
		ctx := context.Background()
		for _, k := range s.Accounts() {
			a := common.Address(k.Address())
			pending, err1 := s.base.backend.PendingNonceAt(ctx, a)
			mined, err2 := s.base.nonceAt(ctx, a)
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
	txs  []SignedTx
	fail int
}

var errDied = errors.New("died before sending")

func (r *recorder) record(tx SignedTx) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.txs = append(r.txs, tx)
	if len(r.txs) == r.fail {
		return errDied
	}
	return nil
}

func (r *recorder) all() []SignedTx {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]SignedTx(nil), r.txs...)
}

func (r *recorder) waitFor(t *testing.T, n int) []SignedTx {
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

func baseFee(t *testing.T, s *Simulated) *big.Int {
	t.Helper()
	h, err := s.base.backend.HeaderByNumber(testCtx(t), nil)
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
func replaceSetup(t *testing.T) (s *Simulated, cm *committer, payer, prov *Client) {
	// Smaller blocks than the default 60M gas make Congest cheaper.
	s = newSim(t, SimOptions{ManualMining: true, BlockGasLimit: 10_000_000})
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
func settledOnce(t *testing.T, payer, prov *Client, amt int64) {
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
	r   Receipt
	err error
}

func settleAsync(ctx context.Context, prov *Client, payer wf.Address, amt int64, o RecordOptions) chan settleResult {
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
	done := settleAsync(ctx, prov, payer.Address(), 5000, RecordOptions{Record: rec.record, BumpAfter: time.Hour})
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
	if res.r.TxHash != txs[1].Hash || Hash(t1.Hash()) != txs[1].Hash {
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
	done := settleAsync(ctx, prov, payer.Address(), 5000, RecordOptions{Record: rec.record, BumpAfter: 50 * time.Millisecond})
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
	if res.r.TxHash != txs[len(txs)-1].Hash {
		t.Errorf("mined %s, want the latest replacement %s", res.r.TxHash, txs[len(txs)-1].Hash)
	}
	settledOnce(t, payer, prov, 5000)
}

// TestFeeCapLimitStopsReplacing: at the fee cap limit nothing is replaced;
// the transaction waits until the base fee falls, and is mined.
func TestFeeCapLimitStopsReplacing(t *testing.T) {
	s, cm, payer, prov := replaceSetup(t)
	ctx := testCtx(t)
	fresh, err := prov.fees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cm.pause()
	var logs syncBuffer
	rec := &recorder{}
	done := settleAsync(ctx, prov, payer.Address(), 5000, RecordOptions{Record: rec.record, BumpAfter: 20 * time.Millisecond,
		MaxFeeCap: fresh.feeCap, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	t0 := decodeTx(t, rec.waitFor(t, 1)[0].Raw)
	if t0.GasFeeCap().Cmp(fresh.feeCap) > 0 {
		t.Fatalf("fee cap %s above the limit %s", t0.GasFeeCap(), fresh.feeCap)
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
		res := <-settleAsync(ctx, prov, payer.Address(), 5000, RecordOptions{Record: rec.record, BumpAfter: 20 * time.Millisecond})
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
		if _, err := prov.waitMined(ctx, common.Hash(txs[0].Hash)); err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			r, err := prov.ResumeTx(ctx, txs, RecordOptions{Record: rec.record})
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
		done := settleAsync(ctx, prov, payer.Address(), 5000, RecordOptions{Record: rec.record, BumpAfter: time.Hour})
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
			r, err := prov.ResumeTx(ctx, txs, RecordOptions{Record: rec.record, BumpAfter: time.Hour})
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
		_, cm, payer, prov := replaceSetup(t)
		ctx := testCtx(t)
		cm.pause()
		rec := &recorder{fail: 2}
		res := <-settleAsync(ctx, prov, payer.Address(), 5000, RecordOptions{Record: rec.record, BumpAfter: 20 * time.Millisecond})
		if !errors.Is(res.err, errDied) {
			t.Fatal(res.err)
		}
		txs := rec.all()
		// Another transaction with the nonce, paying more than both.
		t1 := decodeTx(t, txs[1].Raw)
		other, err := prov.signTx(t1.Nonce(), &common.Address{1}, nil, nil, 21_000, fees{tip: new(big.Int).Mul(t1.GasTipCap(), big.NewInt(2)), feeCap: new(big.Int).Mul(t1.GasFeeCap(), big.NewInt(2))})
		if err != nil {
			t.Fatal(err)
		}
		if err := prov.backend.SendTransaction(ctx, other); err != nil {
			t.Fatal(err)
		}
		cm.resume()
		if _, err := prov.waitMined(ctx, other.Hash()); err != nil {
			t.Fatal(err)
		}
		if _, err := prov.ResumeTx(ctx, txs, RecordOptions{Record: rec.record}); !errors.Is(err, ErrTxSuperseded) {
			t.Fatalf("resume of superseded transactions: %v", err)
		}
		settledOnce(t, payer, prov, 0)
	})
	t.Run("not one nonce", func(t *testing.T) {
		s := newSim(t, SimOptions{})
		prov := s.Client(s.Accounts()[1])
		to := common.Address{1}
		var txs []SignedTx
		for n := range uint64(2) {
			tx, err := prov.signTx(n, &to, nil, nil, 21_000, fees{tip: big.NewInt(1), feeCap: big.NewInt(1e9)})
			if err != nil {
				t.Fatal(err)
			}
			stx, _ := signedTx(tx, time.Now())
			txs = append(txs, stx)
		}
		if _, err := prov.ResumeTx(testCtx(t), txs, RecordOptions{}); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("resume of two nonces: %v", err)
		}
	})
}

func waitInPool(t *testing.T, s *Simulated, h Hash) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, pending, err := s.sim.Client().TransactionByHash(testCtx(t), common.Hash(h)); err == nil && pending {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never reached the pool", h)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

package payment_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// These tests run the settler on a chain that mines only when the test
// lets it, so a settlement transaction can be held unmined, priced out by
// a fee spike (sim.Chain.Congest), or mined while the provider is down.

// rpcInPool reports whether the node holds transaction h unmined.
func rpcInPool(t testing.TB, url string, h ledger.Hash) bool {
	t.Helper()
	body := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"eth_getTransactionByHash","params":["%s"]}`, h)
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Error(err)
		return false
	}
	defer resp.Body.Close()
	var out struct {
		Result *struct {
			BlockNumber *string `json:"blockNumber"`
		}
	}
	json.NewDecoder(resp.Body).Decode(&out)
	return out.Result != nil && out.Result.BlockNumber == nil
}

// stuckFixture is a provider with n owner-pays charges of one owner
// pending, on a chain that mines only when miner lets it.
type stuckFixture struct {
	*fixture
	rpc     string
	miner   *miner
	owner   *chain.Key
	n       int64
	balance *big.Int // the provider's token balance before settling
	logs    *wftest.LogBuffer
}

func newStuckFixture(t *testing.T, cfg payment.Config, n int64) *stuckFixture {
	t.Helper()
	logs := &wftest.LogBuffer{}
	cfg.Log = slog.New(slog.NewJSONHandler(logs, nil))
	// Blocks of 10M gas rather than 60M make Congest cheaper.
	f := newFixtureOn(t, cfg, sim.Options{Accounts: 4, ManualMining: true, BlockGasLimit: 10_000_000})
	srv := httptest.NewServer(f.sim.RPCHandler())
	t.Cleanup(srv.Close)
	owner := f.payer()
	s := &stuckFixture{fixture: f, rpc: srv.URL, owner: owner, n: n, logs: logs}
	s.miner = startMiner(t, f.sim, srv.URL, f.prov.Address(), owner.Address())
	t.Cleanup(s.miner.close)
	f.deposit(owner, 1_000_000)
	f.approve(owner, price, 100*price)
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	for i := range n {
		if r := f.invoke(fn, "/", nil); r.status != 200 {
			t.Fatalf("request %d: %d %s", i, r.status, r.body)
		}
	}
	s.balance, _ = f.sim.Client(nil).TokenBalance(f.ctx, f.prov.Address())
	return s
}

// settle runs Settle on m in the background.
func (s *stuckFixture) settle(m *payment.Meter) chan error {
	done := make(chan error, 1)
	go func() { done <- m.Settle(s.ctx) }()
	return done
}

// batch waits until the one batch has n transactions recorded.
func (s *stuckFixture) batch(n int) *ledger.Batch {
	s.t.Helper()
	var bs []*ledger.Batch
	waitFor(s.t, 20*time.Second, fmt.Sprintf("a batch with %d transactions", n), func() bool {
		bs, _ = s.ledger.Batches()
		return len(bs) == 1 && len(bs[0].Txs()) >= n
	})
	return bs[0]
}

// waitInPool waits until the node holds transaction h.
func (s *stuckFixture) waitInPool(h ledger.Hash) {
	s.t.Helper()
	waitFor(s.t, 10*time.Second, h.String()+" to reach the pool", func() bool { return rpcInPool(s.t, s.rpc, h) })
}

// restart closes the ledger and opens it again with a new Meter, as a
// provider process started anew.
func (s *stuckFixture) restart(cfg payment.Config) *payment.Meter {
	s.t.Helper()
	if err := s.ledger.Close(); err != nil {
		s.t.Fatal(err)
	}
	l, err := ledger.Open(s.path, ledger.Options{})
	if err != nil {
		s.t.Fatal(err)
	}
	s.ledger = l
	cfg.Chain, cfg.Key, cfg.Ledger, cfg.Price = s.sim.Client(s.prov), s.prov, l, big.NewInt(price)
	cfg.Log = slog.New(slog.NewJSONHandler(s.logs, nil))
	m, err := payment.New(cfg)
	if err != nil {
		s.t.Fatal(err)
	}
	return m
}

// settledOnce checks that the one batch was confirmed by the mined
// transaction minedTx (an index into the batch's transactions), that the
// ledger settled everything charged, and that the chain paid exactly that.
func (s *stuckFixture) settledOnce(minedTx, txs int) {
	t := s.t
	t.Helper()
	bs, err := s.ledger.Batches()
	if err != nil || len(bs) != 1 {
		t.Fatalf("batches %+v %v", bs, err)
	}
	b := bs[0]
	if b.State != ledger.Settled || len(b.Txs()) != txs || b.TxHash != b.Txs()[minedTx].Hash {
		t.Errorf("batch %s by %s; transactions %+v, want %d settled by #%d", b.State, b.TxHash, b.Txs(), txs, minedTx)
	}
	for _, tx := range b.Txs() {
		if tx.Nonce != b.Tx.Nonce {
			t.Errorf("transaction %s has nonce %d, not %d", tx.Hash, tx.Nonce, b.Tx.Nonce)
		}
	}
	a := s.ledger.Account(ledger.Key{Mode: ledger.Owner, Payer: s.owner.Address()})
	if a.Settled.Count != uint64(s.n) || a.Settled.Amount.Int64() != s.n*price || a.Pending().Count != 0 || a.Batch != 0 {
		t.Errorf("account %+v", a)
	}
	after, _ := s.sim.Client(nil).TokenBalance(s.ctx, s.prov.Address())
	if d := new(big.Int).Sub(after, s.balance); d.Int64() != s.n*price {
		t.Errorf("provider received %s, charged %d", d, s.n*price)
	}
	al, _ := s.sim.Client(nil).Allowance(s.ctx, s.owner.Address(), s.prov.Address())
	if al.Budget.Int64() != (100-s.n)*price {
		t.Errorf("budget left %s, want %d", al.Budget, (100-s.n)*price)
	}
}

// TestSettlerReplacesStuckSettlement: a settlement the base fee rose above
// is replaced at once, the replacement is mined, and the batch is settled
// once by it.
func TestSettlerReplacesStuckSettlement(t *testing.T) {
	s := newStuckFixture(t, payment.Config{BumpAfter: time.Hour}, 5)
	s.miner.hold()
	done := s.settle(s.meter)
	s.batch(1)
	if err := s.sim.Congest(s.ctx, 10); err != nil {
		t.Fatal(err)
	}
	b := s.batch(2)
	// Mine once the replacement is in the pool: empty blocks would lower
	// the base fee until the first one fits again.
	s.waitInPool(b.Tx.Hash)
	s.miner.release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	s.settledOnce(1, 2)
	if !strings.Contains(s.logs.String(), `"msg":"replacing transaction"`) {
		t.Errorf("no replacement logged:\n%s", s.logs)
	}
	// Nothing is left to settle.
	if err := s.meter.Settle(s.ctx); err != nil {
		t.Fatal(err)
	}
	s.settledOnce(1, 2)
}

// TestSettlerFeeCapLimit: at the fee cap limit the settler does not
// replace the settlement, and says so; restarted with a higher limit, it
// replaces it at once.
func TestSettlerFeeCapLimit(t *testing.T) {
	// A fee cap of 1 wei is below any base fee: the settlement waits.
	s := newStuckFixture(t, payment.Config{MaxFeeCap: big.NewInt(1), BumpAfter: 20 * time.Millisecond, SettleTimeout: 500 * time.Millisecond}, 3)
	s.miner.hold()
	// The settle timeout ends the wait for a receipt; on a loaded machine
	// it can end the RPC's pipe write first (os.ErrDeadlineExceeded).
	if err := <-s.settle(s.meter); !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("settle at a fee cap of 1 wei: %v", err)
	}
	b := s.batch(1)
	if !rpcInPool(t, s.rpc, b.Tx.Hash) {
		t.Fatal("the settlement is not in the pool")
	}
	if n := len(b.Txs()); n != 1 || b.State != ledger.Sent {
		t.Fatalf("batch %s with %d transactions", b.State, n)
	}
	if !strings.Contains(s.logs.String(), "fee cap limit is reached") {
		t.Errorf("the limit was not logged:\n%s", s.logs)
	}
	s.miner.release()
	m := s.restart(payment.Config{BumpAfter: time.Hour})
	if err := <-s.settle(m); err != nil {
		t.Fatal(err)
	}
	s.settledOnce(1, 2)
}

// TestSettlerDiesBetweenRecordAndSend: the provider records a replacement
// and dies before sending it. Restarted, it settles the batch once: by the
// replacement, which it sends, or by the old transaction if that was mined
// while it was down.
func TestSettlerDiesBetweenRecordAndSend(t *testing.T) {
	// diesAfter makes m die after recording its n-th transaction.
	diesAfter := func(m *payment.Meter, n int) {
		var recorded int
		payment.SetAfterRecord(m, func(uint64, chain.SignedTx) error {
			if recorded++; recorded >= n {
				return errDied
			}
			return nil
		})
	}
	t.Run("replacement sent after the restart", func(t *testing.T) {
		s := newStuckFixture(t, payment.Config{BumpAfter: time.Hour}, 4)
		s.miner.hold()
		diesAfter(s.meter, 2)
		done := s.settle(s.meter)
		s.batch(1)
		if err := s.sim.Congest(s.ctx, 10); err != nil { // the first can no longer be mined
			t.Fatal(err)
		}
		if err := <-done; err == nil || !strings.Contains(err.Error(), errDied.Error()) {
			t.Fatalf("settle dying after recording: %v", err)
		}
		if b := s.batch(2); b.State != ledger.Sent || rpcInPool(t, s.rpc, b.Tx.Hash) {
			t.Fatalf("batch %s; the replacement in the pool: %v", b.State, rpcInPool(t, s.rpc, b.Tx.Hash))
		}
		m := s.restart(payment.Config{BumpAfter: time.Hour})
		done = s.settle(m)
		b := s.batch(2)
		s.waitInPool(b.Tx.Hash)
		s.miner.release()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		s.settledOnce(1, 2)
	})
	t.Run("old one mined while down", func(t *testing.T) {
		s := newStuckFixture(t, payment.Config{BumpAfter: 20 * time.Millisecond}, 4)
		s.miner.hold()
		diesAfter(s.meter, 2)
		if err := <-s.settle(s.meter); err == nil || !strings.Contains(err.Error(), errDied.Error()) {
			t.Fatalf("settle dying after recording: %v", err)
		}
		b := s.batch(2)
		// The first is still in the pool and is mined while the provider
		// is down.
		s.miner.release()
		waitFor(t, 10*time.Second, "the first transaction to be mined", func() bool {
			return rpcNonce(t, s.rpc, s.prov.Address(), "latest") > b.Tx.Nonce
		})
		m := s.restart(payment.Config{BumpAfter: 20 * time.Millisecond})
		diesAfter(m, 1) // nothing more may be signed and sent
		if err := <-s.settle(m); err != nil {
			t.Fatal(err)
		}
		s.settledOnce(0, 2)
	})
}

var errDied = errors.New("the process died before sending")

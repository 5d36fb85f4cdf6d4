package payment_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// miner mines the manual-mining chain when accounts have transactions
// waiting, unless held, so a test decides when a sent transaction is
// mined. (Empty blocks would move the chain's clock a second each, far
// ahead of the vouchers' expiry.) While only a transaction that pays too
// little waits, the blocks it mines are empty and lower the base fee by
// 12.5% each.
type miner struct {
	mu   sync.Mutex // held while deciding to mine and mining
	held bool
	stop chan struct{}
	done chan struct{}
}

func startMiner(t *testing.T, ch *sim.Chain, rpc string, accounts ...wf.Address) *miner {
	m := &miner{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-m.stop:
				return
			case <-tick.C:
			}
			m.mu.Lock()
			for _, a := range accounts {
				if !m.held && rpcNonce(t, rpc, a, "pending") > rpcNonce(t, rpc, a, "latest") {
					ch.Commit()
					break
				}
			}
			m.mu.Unlock()
		}
	}()
	return m
}

// hold returns once no block is being mined, and none will be until
// release.
func (m *miner) hold()    { m.mu.Lock(); m.held = true; m.mu.Unlock() }
func (m *miner) release() { m.mu.Lock(); m.held = false; m.mu.Unlock() }

func (m *miner) close() { close(m.stop); <-m.done }

func rpcNonce(t *testing.T, url string, account wf.Address, tag string) uint64 {
	t.Helper()
	body := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"eth_getTransactionCount","params":["%s","%s"]}`, account, tag)
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Error(err)
		return 0
	}
	defer resp.Body.Close()
	var out struct{ Result string }
	json.NewDecoder(resp.Body).Decode(&out)
	var n uint64
	fmt.Sscanf(out.Result, "0x%x", &n)
	return n
}

// load sends requests to the current node until stopped: owner-pays
// clients, and one caller-pays client that signs the cumulative vouchers
// the provider asks for. It keeps every valid receipt.
type load struct {
	t        *testing.T
	url      atomic.Value // base URL of the node
	fn       wf.CID
	prov     wf.Address
	payer    *client.Payer
	mu       sync.Mutex
	receipts map[string]payment.Receipt // by request id
	stop     chan struct{}
	wg       sync.WaitGroup
}

func (l *load) keep(resp *http.Response) {
	rc, err := payment.DecodeReceipt(resp.Header.Get(wf.ReceiptHeader))
	if err != nil {
		l.t.Errorf("a 200 without a receipt: %v", err)
		return
	}
	// The node signs one in --receipt-every of a payer's receipts (its
	// default); the others are covered by the next signed cumulative.
	if err := payment.VerifyReceipt(rc, l.prov); err != nil && (rc.Signed() || !errors.Is(err, payment.ErrUnsigned)) {
		l.t.Error(err)
		return
	}
	l.mu.Lock()
	l.receipts[rc.RequestID.String()] = rc
	l.mu.Unlock()
}

func (l *load) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.receipts)
}

func (l *load) run(owners int) {
	l.stop = make(chan struct{})
	hc := &http.Client{Timeout: 10 * time.Second}
	get := func(h http.Header) (*http.Response, []byte, error) {
		req, _ := http.NewRequest("GET", l.url.Load().(string)+"/"+l.fn.String()+"/?name=load", nil)
		for k, v := range h {
			req.Header[k] = v
		}
		resp, err := hc.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp, b, err
	}
	stopped := func() bool {
		select {
		case <-l.stop:
			return true
		default:
			return false
		}
	}
	for range owners {
		l.wg.Go(func() {
			for !stopped() {
				resp, body, err := get(nil)
				if err != nil {
					time.Sleep(10 * time.Millisecond) // the node is down
					continue
				}
				if resp.StatusCode != 200 {
					l.t.Errorf("owner-pays request: %d %s", resp.StatusCode, body)
					return
				}
				l.keep(resp)
			}
		})
	}
	l.wg.Go(func() {
		// The Go client's Payer keeps the running total, catching up
		// when the provider charged a response it never sent (the node
		// died after recording it).
		pc := client.New("")
		pc.HTTP, pc.Pay = hc, l.payer
		for !stopped() {
			pc.BaseURL = l.url.Load().(string)
			resp, err := pc.Invoke(context.Background(), l.fn, client.Request{Path: "/?name=load"})
			var re *client.ResponseError
			switch {
			case errors.As(err, &re):
				l.t.Errorf("caller-pays request: %v", re)
				return
			case err != nil:
				time.Sleep(10 * time.Millisecond) // the node is down
			default:
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					l.t.Errorf("caller-pays request: %d", resp.StatusCode)
					return
				}
				l.keep(resp.Response)
			}
		}
	})
}

func (l *load) halt() { close(l.stop); l.wg.Wait() }

// waitFor polls cond for up to d.
func waitFor(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestKillDuringLoadAndSettlement runs the provider as its own process
// against the chain served over JSON-RPC from this one, SIGKILLs it during
// load and while a settlement transaction is in flight (mined while it is
// down; and mined only after it restarted), and checks that every charge is
// settled exactly once: on-chain payments == ledger == receipts handed out,
// up to the requests that were recorded but never answered because the
// process died in between.
func TestKillDuringLoadAndSettlement(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/wf and runs processes")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	net, err := devnet.Start(ctx, devnet.Config{Chain: sim.Options{Accounts: 4, ManualMining: true}, ChainListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer net.Close(context.Background())
	ch, rpc := net.Chain, net.RPC
	prov, owner, caller := ch.Accounts()[1], ch.Client(ch.Accounts()[2]), ch.Client(ch.Accounts()[3])
	mine := startMiner(t, ch, rpc, prov.Address(), owner.Address(), caller.Address())
	defer mine.close()
	for _, c := range []*chain.Client{owner, caller} {
		if _, err := c.Deposit(ctx, big.NewInt(100_000_000)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := owner.Approve(ctx, prov.Address(), big.NewInt(price), big.NewInt(100_000_000)); err != nil {
		t.Fatal(err)
	}
	reader := ch.Client(nil)
	balance0, _ := reader.TokenBalance(ctx, prov.Address())

	data := filepath.Join(t.TempDir(), "node")
	pc := devnet.ProcessConfig{Binary: wftest.WF(t), Dir: data, Key: "dev:1",
		Args: []string{"--price", "0.0001", "--settle-count", "100", "--settle-interval", "1h"}}
	startNode := func() *devnet.Process {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		p, err := net.StartProcess(sctx, pc)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(p.Kill)
		return p
	}

	n := startNode()
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), ch.Accounts()[2])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(n.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	payer := &client.Payer{Signer: ch.Accounts()[3], ChainID: reader.ChainID().Uint64(), Escrow: reader.Contracts().Escrow,
		Provider: prov.Address(), Headroom: wf.NewAmount(big.NewInt(50 * price))}
	l := &load{t: t, fn: pkg.CID, prov: prov.Address(), payer: payer, receipts: map[string]payment.Receipt{}}
	l.url.Store(n.URL)
	const clients = 6
	l.run(clients)

	// 1. Killed during load, with settlements going on.
	waitFor(t, 60*time.Second, "300 paid responses", func() bool { return l.count() >= 300 })
	n.Kill()
	kills := 1
	n = startNode()
	l.url.Store(n.URL)

	// 2. Killed with a settlement transaction sent, not yet mined; it is
	// mined while the node is down.
	inFlight := func() bool {
		return rpcNonce(t, rpc, prov.Address(), "pending") > rpcNonce(t, rpc, prov.Address(), "latest")
	}
	mine.hold()
	waitFor(t, 60*time.Second, "a settlement in flight", inFlight)
	n.Kill()
	kills++
	mine.release()
	waitFor(t, 10*time.Second, "the orphaned settlement to be mined", func() bool { return !inFlight() })
	n = startNode()
	l.url.Store(n.URL)
	waitFor(t, 30*time.Second, "the restarted node to resolve it", func() bool { return n.Logs.Count("settled") > 0 })
	if n.Logs.Count("resuming settlement") == 0 {
		t.Errorf("the restarted node did not resume the settlement it had sent:\n%s", n.Logs)
	}

	// 3. Killed with a settlement in flight that is mined only after the
	// restart: the new process sends the same transaction again.
	mine.hold()
	waitFor(t, 60*time.Second, "a settlement in flight", inFlight)
	n.Kill()
	kills++
	n = startNode()
	l.url.Store(n.URL)
	waitFor(t, 30*time.Second, "the restarted node to resume", func() bool { return n.Logs.Count("resuming settlement") > 0 })
	time.Sleep(100 * time.Millisecond)
	mine.release()
	waitFor(t, 30*time.Second, "the resumed settlement", func() bool { return n.Logs.Count("settled") > 0 })

	before := l.count()
	waitFor(t, 60*time.Second, "more paid responses", func() bool { return l.count() >= before+200 })
	l.halt()
	if err := n.Stop(60 * time.Second); err != nil { // settles what is pending
		t.Error(err)
	}
	defer func() {
		if t.Failed() {
			t.Logf("last node's log:\n%s", n.Logs)
		}
	}()

	// Ledger, chain and receipts agree.
	led, err := ledger.Open(filepath.Join(data, "ledger.db"), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer led.Close()
	if in, _ := led.InFlightBatches(); len(in) != 0 {
		t.Errorf("batches still in flight: %+v", in)
	}
	charged, settled := ledger.Totals{Amount: new(big.Int)}, ledger.Totals{Amount: new(big.Int)}
	for k, a := range led.Accounts() {
		if a.Pending().Count != 0 {
			t.Errorf("%v %s: %d charges left pending", k.Mode, k.Payer, a.Pending().Count)
		}
		charged.Count += a.Charged.Count
		charged.Amount.Add(charged.Amount, a.Charged.Amount)
		settled.Count += a.Settled.Count
		settled.Amount.Add(settled.Amount, a.Settled.Amount)
	}
	batches, _ := led.Batches()
	sum := new(big.Int)
	txs := map[ledger.Hash]bool{}
	nSettled := 0
	for _, b := range batches {
		if b.State == ledger.Settled {
			sum.Add(sum, b.Amount)
			if txs[b.TxHash] {
				t.Errorf("two batches settled by one transaction %s", b.TxHash)
			}
			txs[b.TxHash] = true
			nSettled++
		}
	}
	balance1, _ := reader.TokenBalance(ctx, prov.Address())
	paid := new(big.Int).Sub(balance1, balance0)
	al, _ := reader.Allowance(ctx, owner.Address(), prov.Address())
	redeemed, _ := reader.Redeemed(ctx, caller.Address(), prov.Address())
	onchain := new(big.Int).Add(new(big.Int).Sub(big.NewInt(100_000_000), al.Budget), redeemed)
	receipts := l.count()
	t.Logf("%d kills; %d receipts; ledger charged %d requests (%s), settled %d (%s) in %d batches; chain paid %s (settle %s + vouchers %s)",
		kills, receipts, charged.Count, charged.Amount, settled.Count, settled.Amount, nSettled, paid,
		new(big.Int).Sub(big.NewInt(100_000_000), al.Budget), redeemed)
	if paid.Cmp(settled.Amount) != 0 || onchain.Cmp(paid) != 0 || sum.Cmp(paid) != 0 || charged.Amount.Cmp(settled.Amount) != 0 {
		t.Errorf("chain paid %s (escrow says %s), batches sum to %s, ledger settled %s of %s charged", paid, onchain, sum, settled.Amount, charged.Amount)
	}
	// Every receipt is a distinct charge; a charge without a receipt is a
	// request the process recorded and died before answering.
	cums := map[string]bool{}
	for _, r := range l.receipts {
		k := r.Mode + r.Payer.String() + r.Cumulative.String()
		if cums[k] {
			t.Errorf("two receipts for cumulative %s of %s", r.Cumulative, r.Payer)
		}
		cums[k] = true
	}
	if uint64(receipts) > charged.Count || charged.Count > uint64(receipts+kills*(clients+1)) {
		t.Errorf("%d receipts for %d charges after %d kills of %d clients", receipts, charged.Count, kills, clients+1)
	}
}

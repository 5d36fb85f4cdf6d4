package rewards_test

import (
	"crypto/rand"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// creditsWorld is a provider with a real meter and a Credits contract on
// a simulated chain, and a user with an escrow deposit.
type creditsWorld struct {
	s          *sim.Chain
	prov, user *chain.Key
	pc         *chain.Client
	ledger     *ledger.Ledger
	meter      *payment.Meter
	cr         *chain.Credits
}

const worldPrice = 1000

func newCreditsWorld(t *testing.T) *creditsWorld {
	t.Helper()
	ctx := testCtx(t)
	s, err := sim.New(ctx, sim.Options{Accounts: 10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := &creditsWorld{s: s, prov: s.Accounts()[1], user: s.Accounts()[2]}
	w.pc = s.Client(w.prov)
	if w.ledger, err = ledger.Open(filepath.Join(t.TempDir(), "ledger.db"), ledger.Options{NoSync: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.ledger.Close() })
	if w.meter, err = payment.New(payment.Config{Chain: w.pc, Key: w.prov, Ledger: w.ledger, Price: big.NewInt(worldPrice)}); err != nil {
		t.Fatal(err)
	}
	addr, err := w.pc.DeployCredits(ctx, s.Accounts()[9].Address())
	if err != nil {
		t.Fatal(err)
	}
	if w.cr, err = w.pc.Credits(ctx, addr); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Client(w.user).Deposit(ctx, big.NewInt(10*worldPrice)); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *creditsWorld) payer() *client.Payer {
	return &client.Payer{Signer: w.user, ChainID: w.pc.ChainID().Uint64(), Escrow: w.s.Contracts().Escrow, Provider: w.prov.Address(),
		Headroom: wf.NewAmount(big.NewInt(5 * worldPrice))}
}

// charged is what the user's escrow was charged in all.
func (w *creditsWorld) charged() int64 {
	return w.ledger.Account(ledger.Key{Mode: ledger.Caller, Payer: w.user.Address()}).Charged.Amount.Int64()
}

// TestTrialCreditsKeyed: the Go client (client.Invoke with a Payer) asks
// for a keyed session from its first paid request and sends MACs once
// the provider accepts one. Its requests are served on credits while they
// last, the first of them opening the keyed session, the second a MAC:
// the escrow is charged only for the third.
func TestTrialCreditsKeyed(t *testing.T) {
	ctx := testCtx(t)
	w := newCreditsWorld(t)
	if _, err := w.cr.Grant(ctx, w.user.Address(), big.NewInt(2*worldPrice)); err != nil {
		t.Fatal(err)
	}
	pays := rewards.NewCreditPayments(w.meter, w.cr, w.prov.Address(), w.pc.ChainID(), w.s.Contracts().Escrow, nil)
	fn := wf.SumCID(wf.CodecRaw, []byte("function"))
	var mu sync.Mutex
	var macs []bool // per request: whether its voucher header was a MAC
	var id byte
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		pr := &wf.PaidRequest{Function: fn, Owner: wf.Address{1}, Method: r.Method, Path: strings.TrimPrefix(r.URL.EscapedPath(), "/"+fn.String()),
			RawQuery: r.URL.RawQuery, Header: r.Header, Body: body}
		mu.Lock()
		macs = append(macs, voucher.IsMAC(r.Header.Get(wf.VoucherHeader)))
		id++
		rid := wf.RequestID{0: id}
		mu.Unlock()
		rw.Header().Set(wf.PriceHeader, strconv.Itoa(worldPrice))
		ch, err := pays.Authorize(ctx, pr)
		if err != nil {
			t.Errorf("authorize: %v", err)
			http.Error(rw, err.Error(), http.StatusInternalServerError)
			return
		}
		h, err := ch.Commit(ctx, rid)
		if err != nil {
			t.Errorf("commit: %v", err)
			http.Error(rw, err.Error(), http.StatusInternalServerError)
			return
		}
		for k, vs := range h {
			rw.Header()[k] = vs
		}
		io.WriteString(rw, "ok")
	}))
	t.Cleanup(srv.Close)
	c := client.New(srv.URL)
	payer := w.payer()
	for i, want := range []string{"1000", "0", ""} {
		resp, err := c.Invoke(ctx, fn, client.Request{Path: "/", Query: map[string][]string{"n": {strconv.Itoa(i)}}, Pay: payer})
		if err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
		resp.Body.Close()
		left := resp.Header.Get(rewards.CreditsHeader)
		if left != want || (want == "") != (resp.Receipt() != "") {
			t.Errorf("request %d: credits left %q, receipt %q; want %q and a receipt only without credits", i+1, left, resp.Receipt(), want)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(macs) != 3 || macs[0] || !macs[1] || !macs[2] {
		t.Errorf("voucher headers were MACs: %v; want the open signed, then MACs", macs)
	}
	if got := w.charged(); got != worldPrice {
		t.Errorf("the escrow was charged %d in all, want one request's %d", got, worldPrice)
	}
	if err := pays.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if left, spent, err := w.cr.Of(ctx, w.prov.Address(), w.user.Address()); err != nil || left.Sign() != 0 || spent.Int64() != 2*worldPrice {
		t.Errorf("on chain: left %v spent %v (%v)", left, spent, err)
	}
}

// request is a signed paid POST of body to fn by payer.
func request(t *testing.T, payer *client.Payer, fn wf.CID, body string) *wf.PaidRequest {
	t.Helper()
	h, err := payer.Header(fn, "POST", "/", "", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return &wf.PaidRequest{Function: fn, Owner: wf.Address{1}, Method: "POST", Path: "/",
		Header: http.Header{http.CanonicalHeaderKey(wf.VoucherHeader): {h}}, Body: []byte(body)}
}

// TestTrialCreditsNoReplayOfCharged: a header the meter charged, sent
// again once the payer has credits (granted, and the wrapper's TTL
// passed), is refused as a replay, not served on credits; the credits
// are untouched.
func TestTrialCreditsNoReplayOfCharged(t *testing.T) {
	ctx := testCtx(t)
	w := newCreditsWorld(t)
	now := time.Now()
	pays := rewards.NewCreditPayments(w.meter, w.cr, w.prov.Address(), w.pc.ChainID(), w.s.Contracts().Escrow, func() time.Time { return now })
	payer := w.payer()
	fn := wf.SumCID(wf.CodecRaw, []byte("function"))
	pr := request(t, payer, fn, "one")
	ch, err := pays.Authorize(ctx, pr)
	if err != nil {
		t.Fatal(err)
	}
	h, err := ch.Commit(ctx, wf.RequestID{1})
	if err != nil || http.Header(h).Get(wf.ReceiptHeader) == "" {
		t.Fatalf("without credits: %v, %v; want a receipt", h, err)
	}
	if _, err := w.cr.Grant(ctx, w.user.Address(), big.NewInt(2*worldPrice)); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	if ch, err := pays.Authorize(ctx, pr); !errors.Is(err, wf.ErrPaymentRequired) {
		if ch != nil {
			ch.Release()
		}
		t.Fatalf("the charged header again, with credits: %v; want 402", err)
	}
	ch, err = pays.Authorize(ctx, request(t, payer, fn, "two"))
	if err != nil {
		t.Fatal(err)
	}
	h, err = ch.Commit(ctx, wf.RequestID{2})
	if got := http.Header(h).Get(rewards.CreditsHeader); err != nil || got != "1000" {
		t.Errorf("a new header: credits left %q (%v), want 1000", got, err)
	}
	if got := w.charged(); got != worldPrice {
		t.Errorf("the escrow was charged %d in all, want %d", got, worldPrice)
	}
}

// TestTrialCreditsRecordOnlyProven: headers naming made-up payers with
// junk signatures write nothing to the credits record (their payers'
// credits are not even read); a payer whose credits are used up and
// recorded on chain leaves the record at the next open, and is served on
// a later grant as before.
func TestTrialCreditsRecordOnlyProven(t *testing.T) {
	ctx := testCtx(t)
	w := newCreditsWorld(t)
	path := filepath.Join(t.TempDir(), "credits.log")
	open := func() *rewards.CreditPayments {
		p, err := rewards.OpenCreditPayments(rewards.CreditsConfig{Next: w.meter, Credits: w.cr, Provider: w.prov.Address(),
			ChainID: w.pc.ChainID(), Escrow: w.s.Contracts().Escrow, Path: path})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	record := func() string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	pays := open()
	before := record()
	fn := wf.SumCID(wf.CodecRaw, []byte("function"))
	for i := range 50 {
		var payer wf.Address
		var sig wf.Signature
		var rsig [64]byte
		rand.Read(payer[:])
		rand.Read(sig[:])
		rand.Read(rsig[:])
		v, err := voucher.Encode(voucher.Header{Voucher: wf.Voucher{ChainID: w.pc.ChainID().Uint64(), Escrow: w.s.Contracts().Escrow, Payer: payer,
			Provider: w.prov.Address(), Cumulative: wf.NewAmount(big.NewInt(1e6)), Expiry: time.Now().Add(time.Hour).Unix(), Session: [32]byte{byte(i + 1)}},
			Signature: sig, Seq: 1, RequestSig: rsig})
		if err != nil {
			t.Fatal(err)
		}
		pr := &wf.PaidRequest{Function: fn, Owner: wf.Address{1}, Method: "GET", Path: "/", Header: http.Header{http.CanonicalHeaderKey(wf.VoucherHeader): {v}}}
		if _, err := pays.Authorize(ctx, pr); !errors.Is(err, wf.ErrPaymentRequired) {
			t.Fatalf("junk header %d: %v, want 402", i, err)
		}
	}
	if after := record(); after != before {
		t.Fatalf("junk headers wrote to the credits record:\n%s", after)
	}

	// Used up and recorded: the payer leaves the record at the next open.
	payer := w.payer()
	serve := func(p *rewards.CreditPayments, body string) http.Header {
		t.Helper()
		ch, err := p.Authorize(ctx, request(t, payer, fn, body))
		if err != nil {
			t.Fatal(err)
		}
		h, err := ch.Commit(ctx, wf.RequestID{1})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if _, err := w.cr.Grant(ctx, w.user.Address(), big.NewInt(worldPrice)); err != nil {
		t.Fatal(err)
	}
	if got := serve(pays, "one").Get(rewards.CreditsHeader); got != "0" {
		t.Fatalf("credits left %q, want 0", got)
	}
	if err := pays.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	pays.Close()
	pays = open()
	t.Cleanup(func() { pays.Close() })
	if got := record(); strings.Contains(got, `"k":"base"`) {
		t.Errorf("a payer with nothing left to record or spend is still in the record:\n%s", got)
	}
	if _, err := w.cr.Grant(ctx, w.user.Address(), big.NewInt(worldPrice)); err != nil {
		t.Fatal(err)
	}
	if got := serve(pays, "two").Get(rewards.CreditsHeader); got != "0" {
		t.Fatalf("after a new grant: credits left %q, want 0", got)
	}
	if err := pays.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if left, spent, err := w.cr.Of(ctx, w.prov.Address(), w.user.Address()); err != nil || left.Sign() != 0 || spent.Int64() != 2*worldPrice {
		t.Errorf("on chain: left %v spent %v (%v); want 0 and %d", left, spent, err, 2*worldPrice)
	}
	if got := w.charged(); got != 0 {
		t.Errorf("the escrow was charged %d", got)
	}
}

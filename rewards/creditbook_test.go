package rewards_test

import (
	"errors"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// TestTrialCreditsSurviveRestart: what a node served on credits is in its
// record before the response leaves, so after a restart (a crash: no
// Flush, a torn line at the end) the header is still refused, the use is
// still recorded on chain by the next Flush, exactly once however often
// Flush runs, and the credits left are what they were.
func TestTrialCreditsSurviveRestart(t *testing.T) {
	ctx := testCtx(t)
	s, err := sim.New(ctx, sim.Options{Accounts: 10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prov, user, sink := s.Accounts()[1], s.Accounts()[2], s.Accounts()[9]
	pc := s.Client(prov)
	const price = 1000
	l, err := ledger.Open(filepath.Join(t.TempDir(), "ledger.db"), ledger.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	meter, err := payment.New(payment.Config{Chain: pc, Key: prov, Ledger: l, Price: big.NewInt(price)})
	if err != nil {
		t.Fatal(err)
	}
	addr, err := pc.DeployCredits(ctx, sink.Address())
	if err != nil {
		t.Fatal(err)
	}
	cr, err := pc.Credits(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cr.Grant(ctx, user.Address(), big.NewInt(3*price)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Client(user).Deposit(ctx, big.NewInt(10*price)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "credits.log")
	open := func() *rewards.CreditPayments {
		p, err := rewards.OpenCreditPayments(rewards.CreditsConfig{Next: meter, Credits: cr, Provider: prov.Address(),
			ChainID: pc.ChainID(), Escrow: s.Contracts().Escrow, Path: path})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	payer := &client.Payer{Signer: user, ChainID: pc.ChainID().Uint64(), Escrow: s.Contracts().Escrow, Provider: prov.Address(),
		Headroom: wf.NewAmount(big.NewInt(5 * price))}
	fn := wf.SumCID(wf.CodecRaw, []byte("function"))
	request := func(body string) *wf.PaidRequest {
		h, err := payer.Header(fn, "POST", "/", "", []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		return &wf.PaidRequest{Function: fn, Owner: wf.Address{1}, Method: "POST", Path: "/", Header: http.Header{http.CanonicalHeaderKey(wf.VoucherHeader): {h}}, Body: []byte(body)}
	}
	serve := func(p *rewards.CreditPayments, pr *wf.PaidRequest) http.Header {
		t.Helper()
		ch, err := p.Authorize(ctx, pr)
		if err != nil {
			t.Fatal(err)
		}
		h, err := ch.Commit(ctx, wf.RequestID{1})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}

	p := open()
	first, second := request("one"), request("two")
	serve(p, first)
	serve(p, second)
	// Crash: no Flush, no Close; a line torn mid-write at the end.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"k":"served","p":"0x`)
	f.Close()

	p = open()
	t.Cleanup(func() { p.Close() })
	for _, pr := range []*wf.PaidRequest{first, second} {
		if _, err := p.Authorize(ctx, pr); !errors.Is(err, wf.ErrPaymentRequired) {
			t.Errorf("a header served on credits before the restart: %v", err)
		}
	}
	if got := http.Header(serve(p, request("three"))).Get(rewards.CreditsHeader); got != "0" {
		t.Errorf("third request: credits left %q, want 0 (two were used before the restart)", got)
	}
	for range 2 {
		if err := p.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	left, spent, err := cr.Of(ctx, prov.Address(), user.Address())
	if err != nil || left.Sign() != 0 || spent.Int64() != 3*price {
		t.Errorf("on chain after two Flushes: left %v spent %v (%v); want 0 and %d", left, spent, err, 3*price)
	}
	// A fourth request is the allowance's: a receipt, not credits.
	h := serve(p, request("four"))
	if h.Get(wf.ReceiptHeader) == "" || h.Get(rewards.CreditsHeader) != "" {
		t.Errorf("fourth request: %v, want a receipt", h)
	}
}

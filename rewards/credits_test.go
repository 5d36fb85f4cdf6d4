package rewards_test

import (
	"errors"
	"math/big"
	"net/http"
	"path/filepath"
	"slices"
	"testing"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// TestTrialCredits: a provider grants a user two requests' worth of
// credits; the user's first two requests are served on them (no receipt,
// its allowance untouched), the third is charged to its own voucher by
// the real meter; a replayed header is refused; Flush records the use on
// chain, the tokens going to the sink, and the contract has no way to
// withdraw credits for either side.
func TestTrialCredits(t *testing.T) {
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
	r, err := cr.Grant(ctx, user.Address(), big.NewInt(2*price))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gas grant %d", r.GasUsed)
	uc := s.Client(user)
	if _, err := uc.Deposit(ctx, big.NewInt(10*price)); err != nil {
		t.Fatal(err)
	}
	pays := rewards.NewCreditPayments(meter, cr, prov.Address(), pc.ChainID(), s.Contracts().Escrow, nil)

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
	serve := func(pr *wf.PaidRequest, id byte) map[string][]string {
		t.Helper()
		ch, err := pays.Authorize(ctx, pr)
		if err != nil {
			t.Fatal(err)
		}
		h, err := ch.Commit(ctx, wf.RequestID{7: id})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	first := request("one")
	for i, want := range []string{"1000", "0"} {
		pr := first
		if i > 0 {
			pr = request("two")
		}
		h := serve(pr, byte(i+1))
		if got := http.Header(h).Values(rewards.CreditsHeader); !slices.Equal(got, []string{want}) || http.Header(h).Get(wf.ReceiptHeader) != "" {
			t.Errorf("request %d: credits left %v, receipt %q; want %s and none", i+1, got, http.Header(h).Get(wf.ReceiptHeader), want)
		}
	}
	if _, err := pays.Authorize(ctx, first); !errors.Is(err, wf.ErrPaymentRequired) {
		t.Errorf("a replayed header: %v", err)
	}
	h := serve(request("three"), 3)
	rc, err := payment.DecodeReceipt(http.Header(h).Get(wf.ReceiptHeader))
	if err != nil {
		t.Fatalf("the third request has no receipt: %v (%v)", err, h)
	}
	if rc.Cumulative.Int64() != price || rc.Payer != user.Address() {
		t.Errorf("the allowance was charged %s in all for %s; want one request's %d", rc.Cumulative, rc.Payer, price)
	}

	before, _ := pc.TokenBalance(ctx, sink.Address())
	if err := pays.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	left, spent, err := cr.Of(ctx, prov.Address(), user.Address())
	if err != nil || left.Sign() != 0 || spent.Int64() != 2*price {
		t.Errorf("on chain: left %v spent %v (%v)", left, spent, err)
	}
	after, _ := pc.TokenBalance(ctx, sink.Address())
	if d := new(big.Int).Sub(after, before); d.Int64() != 2*price {
		t.Errorf("sink received %s", d)
	}
	_, err = cr.Spend(ctx, user.Address(), big.NewInt(1))
	wantRevert(t, err, "InsufficientCredits")
	// Nothing in the contract moves credits back to either side.
	var fns []string
	for name, m := range bindings.NewCredits().GetABI().Methods {
		if !m.IsConstant() {
			fns = append(fns, name)
		}
	}
	slices.Sort(fns)
	if !slices.Equal(fns, []string{"grant", "spend"}) {
		t.Errorf("state-changing functions %v, want only grant and spend", fns)
	}
}

package dashboard

import (
	"context"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// waitForever is an escrow whose transactions are never mined.
type waitForever struct{}

func (waitForever) Account(context.Context, wf.Address) (chain.Account, error) {
	return chain.Account{}, nil
}
func (waitForever) Allowance(context.Context, wf.Address, wf.Address) (chain.Allowance, error) {
	return chain.Allowance{}, nil
}
func (waitForever) Payouts(context.Context, wf.Address, uint64, int) ([]chain.Payout, error) {
	return nil, nil
}
func (waitForever) ChainID() *big.Int { return big.NewInt(1337) }
func (waitForever) ApproveTx(wf.Address, *big.Int, *big.Int, chain.Limits) (chain.WalletTx, error) {
	return chain.WalletTx{}, nil
}
func (waitForever) DepositTxs(context.Context, wf.Address, *big.Int) ([]chain.WalletTx, error) {
	return nil, nil
}
func (waitForever) RequestWithdrawTx(*big.Int) (chain.WalletTx, error) { return chain.WalletTx{}, nil }
func (waitForever) CancelWithdrawTx() chain.WalletTx                   { return chain.WalletTx{} }
func (waitForever) WithdrawTx() chain.WalletTx                         { return chain.WalletTx{} }
func (waitForever) WaitTx(ctx context.Context, _ chain.Hash) (chain.Receipt, error) {
	<-ctx.Done()
	return chain.Receipt{}, ctx.Err()
}

// Waits for wallet transactions are bounded: past maxTxWaits at once a
// hash gets 503 at once instead of holding another request for txWait.
func TestTxWaitsBounded(t *testing.T) {
	d, err := New(Config{Escrow: waitForever{}})
	if err != nil {
		t.Fatal(err)
	}
	d.sessions["s"] = &session{addr: wf.Address{1}, csrf: "c", expires: time.Now().Add(time.Hour)}
	post := func(ctx context.Context) *httptest.ResponseRecorder {
		form := url.Values{"csrf": {"c"}, "hash": {"0x" + strings.Repeat("ab", 32)}}
		req := httptest.NewRequestWithContext(ctx, "POST", "/payments/tx", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: "s"})
		rec := httptest.NewRecorder()
		d.Handler().ServeHTTP(rec, req)
		return rec
	}
	for range maxTxWaits {
		d.txWaits <- struct{}{} // waits in progress
	}
	start := time.Now()
	if rec := post(t.Context()); rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("a wait past the bound: %d %s", rec.Code, rec.Body)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("the refusal waited")
	}
	<-d.txWaits
	// With a slot free the wait runs, here until the request ends.
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if rec := post(ctx); rec.Code == http.StatusServiceUnavailable {
		t.Fatalf("a wait with a slot free: %d", rec.Code)
	}
	if len(d.txWaits) != maxTxWaits-1 {
		t.Fatalf("%d slots taken after the wait, want %d", len(d.txWaits), maxTxWaits-1)
	}
}

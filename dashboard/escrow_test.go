package dashboard_test

import (
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/wf"
)

type txRequest struct {
	ChainID string `json:"chainId"`
	Txs     []struct{ To, Data, What string }
}

// sendAll sends the transactions prepared for form as key's wallet would,
// each once the one before is reported mined, and returns the last
// fragment the dashboard answered.
func (b *browser) sendAll(w *world, key *chain.Key, form url.Values) (int, string) {
	b.t.Helper()
	form.Set("csrf", b.csrf)
	status, body, _ := b.do("POST", "/payments/tx-request", form)
	if status != 200 {
		return status, body
	}
	var rq txRequest
	if err := json.Unmarshal([]byte(body), &rq); err != nil || len(rq.Txs) == 0 {
		b.t.Fatalf("tx-request answered %s: %v", body, err)
	}
	if want := "0x" + w.net.Chain.Client(nil).ChainID().Text(16); rq.ChainID != want {
		b.t.Errorf("chain id %s, want %s", rq.ChainID, want)
	}
	wallet := w.net.Chain.Client(key)
	for _, tx := range rq.Txs {
		to, err := wf.ParseAddress(tx.To)
		data, err2 := hex.DecodeString(strings.TrimPrefix(tx.Data, "0x"))
		if err != nil || err2 != nil || tx.What == "" {
			b.t.Fatalf("a transaction the wallet cannot send: %+v", tx)
		}
		r, err := wallet.SendTx(b.t.Context(), chain.WalletTx{To: to, Data: data, What: tx.What})
		if err != nil {
			b.t.Fatalf("the wallet sends %s: %v", tx.What, err)
		}
		form.Set("hash", r.TxHash.String())
		if status, body, _ = b.do("POST", "/payments/tx", form); status != 200 {
			return status, body
		}
	}
	return status, body
}

// Escrow changes are transactions the page prepares and the wallet sends:
// a provider's cap, a deposit, a withdrawal request. What the page then
// says is what the chain says. Bad amounts, unknown providers, a missing
// CSRF token and a hash of something else change nothing.
func TestEscrowByWallet(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	b := signIn(t, w.url, pub)

	status, body, _ := b.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, `data-action="cap"`, "Sign the cap for alpha", "Sign the deposit", "Ask to withdraw")

	status, body = b.sendAll(w, pub, url.Values{"action": {"cap"}, "provider": {"1"}, "budget": {"7.5"}, "price": {"0.002"}})
	wantPage(t, status, body, 200, "Mined in block", "provider <strong>beta</strong> can never take more than <strong>7.500000 USDC</strong>", "3750 requests")
	status, body, _ = b.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, "Provider <strong>beta</strong> can never take more than <strong>7.500000 USDC</strong>")
	if a, err := w.net.Chain.Client(nil).Allowance(t.Context(), pub.Address(), w.net.Node("beta").Key.Address()); err != nil ||
		a.Budget.Cmp(big.NewInt(7_500_000)) != 0 || a.MaxPricePerRequest.Int64() != 2000 {
		t.Fatalf("beta's allowance on the chain: %+v, %v", a, err)
	}

	if _, err := w.net.Chain.Client(pub).MintUSDC(t.Context(), pub.Address(), big.NewInt(5_000_000)); err != nil {
		t.Fatal(err)
	}
	// A per-day cap on alpha, then a budget change that keeps it; a
	// metering key set outside the page survives both.
	meter := wf.Address{0x4d}
	alpha := w.net.Node("alpha").Key.Address()
	if _, err := w.net.Chain.Client(pub).ApproveLimits(t.Context(), alpha, big.NewInt(1000), big.NewInt(50_000_000), chain.Limits{Meter: meter}); err != nil {
		t.Fatal(err)
	}
	status, body, _ = b.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, "Your metering key <code>"+meter.Checksum()[:10])
	status, body = b.sendAll(w, pub, url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"20"}, "price": {"0.001"}, "per_period": {"2"}, "period": {"24h"}})
	wantPage(t, status, body, 200, "provider <strong>alpha</strong> can never take more than <strong>20.000000 USDC</strong>", "at most 2.000000 USDC per 24h")
	status, body = b.sendAll(w, pub, url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"30"}, "price": {"0.001"}, "per_period": {"2"}, "period": {"keep"}})
	wantPage(t, status, body, 200, "<strong>30.000000 USDC</strong>", "at most 2.000000 USDC per 24h")
	if a, err := w.net.Chain.Client(nil).Allowance(t.Context(), pub.Address(), alpha); err != nil || a.Meter != meter || a.Period != 24*time.Hour ||
		a.MaxPerPeriod.Cmp(big.NewInt(2_000_000)) != 0 || a.Budget.Cmp(big.NewInt(30_000_000)) != 0 {
		t.Fatalf("alpha's allowance after the page's changes: %+v, %v", a, err)
	}
	status, body = b.sendAll(w, pub, url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"30"}, "price": {"0.001"}, "period": {"none"}})
	wantPage(t, status, body, 200, "<strong>30.000000 USDC</strong>")
	if strings.Contains(body, "per 24h") {
		t.Errorf("the period cap is still there after no period cap was asked for:\n%s", body)
	}
	if a, err := w.net.Chain.Client(nil).Allowance(t.Context(), pub.Address(), alpha); err != nil || a.Meter != meter || a.Capped() {
		t.Fatalf("alpha's allowance without a period cap: %+v, %v", a, err)
	}

	before, err := w.net.Chain.Client(nil).Account(t.Context(), pub.Address())
	if err != nil {
		t.Fatal(err)
	}
	status, body = b.sendAll(w, pub, url.Values{"action": {"deposit"}, "amount": {"2"}})
	want := new(big.Int).Add(before.Balance, big.NewInt(2_000_000))
	wantPage(t, status, body, 200, "The escrow now holds <strong>"+wf.NewAmount(want).USDC()+" USDC</strong>")
	status, body = b.sendAll(w, pub, url.Values{"action": {"withdraw"}, "amount": {"1"}})
	wantPage(t, status, body, 200, "1.000000 USDC of it asked to withdraw")
	status, body, _ = b.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, "Sign: withdraw 1.000000 USDC", "Sign: cancel the withdrawal")
	// Too early to finish: the escrow refuses when the wallet would send it.
	status, body, _ = b.do("POST", "/payments/tx-request", url.Values{"csrf": {b.csrf}, "action": {"finish-withdrawal"}})
	wantPage(t, status, body, 200, `"what":"withdraw"`)
	status, body = b.sendAll(w, pub, url.Values{"action": {"cancel-withdrawal"}})
	wantPage(t, status, body, 200, "The escrow now holds")
	if strings.Contains(body, "asked to withdraw") {
		t.Errorf("the withdrawal is still pending after the wallet cancelled it:\n%s", body)
	}

	for name, c := range map[string]struct {
		form url.Values
		want string
	}{
		"no action":         {url.Values{}, "Say what to change"},
		"unknown provider":  {url.Values{"action": {"cap"}, "provider": {"9"}, "budget": {"1"}, "price": {"0.001"}}, "Pick a provider"},
		"bad budget":        {url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"-1"}, "price": {"0.001"}}, "budget"},
		"no price":          {url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"1"}, "price": {"0"}}, "above zero"},
		"amount, no period": {url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"1"}, "price": {"0.001"}, "per_period": {"1"}}, "Pick the period"},
		"unknown period":    {url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"1"}, "price": {"0.001"}, "per_period": {"1"}, "period": {"90m"}}, "Pick a period"},
		"zero per period":   {url.Values{"action": {"cap"}, "provider": {"0"}, "budget": {"1"}, "price": {"0.001"}, "per_period": {"0"}, "period": {"24h"}}, "above zero"},
		"7 decimals":        {url.Values{"action": {"deposit"}, "amount": {"0.0000001"}}, "decimals"},
		"no withdrawal":     {url.Values{"action": {"withdraw"}, "amount": {""}}, "withdrawal"},
	} {
		c.form.Set("csrf", b.csrf)
		status, body, _ := b.do("POST", "/payments/tx-request", c.form)
		if status != 400 || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want 400 saying %q:\n%s", name, status, c.want, body)
		}
	}
	for _, path := range []string{"/payments/tx-request", "/payments/tx"} {
		status, body, _ := b.do("POST", path, url.Values{"action": {"deposit"}, "amount": {"1"}})
		wantPage(t, status, body, http.StatusForbidden, "CSRF")
	}
	r, err := w.net.Chain.Client(pub).SendEther(t.Context(), w.net.Node("alpha").Key.Address(), big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	status, body, _ = b.do("POST", "/payments/tx", url.Values{"csrf": {b.csrf}, "hash": {r.TxHash.String()}})
	wantPage(t, status, body, 400, "did not touch this dashboard&#39;s escrow")
	status, body, _ = b.do("POST", "/payments/tx", url.Values{"csrf": {b.csrf}, "hash": {"0x1234"}})
	wantPage(t, status, body, 400, "no transaction hash")

	// A receipt the payer brings: alpha's, for a request the publisher
	// pays for as owner, checks; altered or made up, it does not.
	// A signed receipt: providers sign one in many unless asked.
	req, _ := http.NewRequest(http.MethodGet, w.net.Node("alpha").URL+"/"+w.fn.String()+"/?name=receipt", nil)
	req.Header.Set(payment.SignReceiptHeader, "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	rc := resp.Header.Get(wf.ReceiptHeader)
	if resp.StatusCode != 200 || rc == "" {
		t.Fatalf("a charged request: %s, receipt %q", resp.Status, rc)
	}
	status, body, _ = b.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, `id="check-receipt"`)
	status, body, _ = b.do("POST", "/payments/receipt", url.Values{"csrf": {b.csrf}, "receipt": {rc}})
	wantPage(t, status, body, 200, "provider <strong>alpha</strong>", "the signature checks", "(you), paying as owner", w.fn.String(), "0.001000 USDC for this request")
	forged, err := payment.DecodeReceipt(rc)
	if err != nil {
		t.Fatal(err)
	}
	forged.Amount = big.NewInt(1)
	status, body, _ = b.do("POST", "/payments/receipt", url.Values{"csrf": {b.csrf}, "receipt": {payment.EncodeReceipt(forged)}})
	wantPage(t, status, body, 400, "No provider this dashboard knows signed this receipt")
	status, body, _ = b.do("POST", "/payments/receipt", url.Values{"csrf": {b.csrf}, "receipt": {"bm90IGEgcmVjZWlwdA"}})
	wantPage(t, status, body, 400, "That is not a receipt")
	status, body, _ = b.do("POST", "/payments/receipt", url.Values{"receipt": {rc}})
	wantPage(t, status, body, 403, "CSRF")

	// A caller pays with vouchers: its receipt is compared with what alpha
	// redeemed of them on the chain, before and after alpha settles.
	ctx := t.Context()
	caller, _ := chain.GenerateKey()
	if err := w.net.Chain.FundEther(ctx, caller.Address(), big.NewInt(1e18)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.net.Chain.Client(caller).MintUSDC(ctx, caller.Address(), big.NewInt(1_000_000)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.net.Chain.Client(caller).Deposit(ctx, big.NewInt(1_000_000)); err != nil {
		t.Fatal(err)
	}
	cc := client.New(w.net.Node("alpha").URL)
	ro := w.net.Chain.Client(nil)
	cc.Pay = &client.Payer{Signer: caller, ChainID: ro.ChainID().Uint64(), Escrow: ro.Contracts().Escrow, Provider: alpha}
	res, err := cc.Invoke(ctx, w.fn, client.Request{Path: "/?name=caller"})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Receipt() == "" {
		t.Fatal("a voucher-paid request without a receipt")
	}
	cb := signIn(t, w.url, caller)
	status, body, _ = cb.do("POST", "/payments/receipt", url.Values{"csrf": {cb.csrf}, "receipt": {res.Receipt()}})
	wantPage(t, status, body, 200, "(you), paying as caller", "Redeemed on the chain</dt><dd>0.000000 USDC", "the rest is still to be redeemed")
	if err := w.net.Node("alpha").Meter().Settle(ctx); err != nil {
		t.Fatal(err)
	}
	status, body, _ = cb.do("POST", "/payments/receipt", url.Values{"csrf": {cb.csrf}, "receipt": {res.Receipt()}})
	wantPage(t, status, body, 200, "Redeemed on the chain</dt><dd>0.001000 USDC")
	if strings.Contains(body, "still to be redeemed") {
		t.Errorf("after the redemption the page still says some is to be redeemed:\n%s", body)
	}
}

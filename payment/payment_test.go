package payment_test

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

const price = 100 // base units per request: 0.0001 USDC

// fixture is a dev chain, a paid provider on loopback and its ledger.
type fixture struct {
	t      testing.TB
	ctx    context.Context
	sim    *sim.Chain
	prov   *chain.Key
	meter  *payment.Meter
	ledger *ledger.Ledger
	path   string // of the ledger
	env    *wftest.Env
	next   int // next unused dev account

	mu       sync.Mutex
	sessions []*session // by voucher's "session:N"
}

// session is a caller's voucher with the session key that signs requests
// under it.
type session struct {
	v   wf.Voucher
	sig wf.Signature
	key voucher.Session
	seq uint64
}

func newFixture(t testing.TB, cfg payment.Config) *fixture {
	t.Helper()
	return newFixtureOn(t, cfg, sim.Options{Accounts: 24})
}

// newFixtureOn is newFixture on a chain with options o. With
// o.ManualMining, someone must mine for the fixture's transactions.
func newFixtureOn(t testing.TB, cfg payment.Config, o sim.Options) *fixture {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	net, err := devnet.Start(ctx, devnet.Config{Chain: o})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	ch := net.Chain
	f := &fixture{t: t, ctx: ctx, sim: ch, prov: ch.Accounts()[1], next: 2, path: filepath.Join(t.TempDir(), "ledger.db")}
	f.ledger, err = ledger.Open(f.path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.ledger.Close() })
	cfg.Chain, cfg.Key, cfg.Ledger = ch.Client(f.prov), f.prov, f.ledger
	if cfg.Price == nil {
		cfg.Price = big.NewInt(price)
	}
	if cfg.CacheTTL == 0 {
		cfg.CacheTTL = time.Nanosecond // read the chain every time: tests change it
	}
	if cfg.ReceiptEvery == 0 {
		cfg.ReceiptEvery = 1 // the tests check every receipt; TestReceiptSigning the default
	}
	f.meter, err = payment.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.env = wftest.New(t, wftest.Options{Provider: provider.Config{Key: f.prov, Payments: f.meter}})
	return f
}

// payer returns a fresh funded dev account.
func (f *fixture) payer() *chain.Key {
	k := f.sim.Accounts()[f.next]
	f.next++
	return k
}

func (f *fixture) deploy(owner *chain.Key, module []byte, s wf.Spec) wf.CID {
	f.t.Helper()
	f.env.Key = owner
	return f.env.Deploy(f.t, module, s)
}

func (f *fixture) deposit(k *chain.Key, amount int64) {
	f.t.Helper()
	if _, err := f.sim.Client(k).Deposit(f.ctx, big.NewInt(amount)); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) approve(k *chain.Key, maxPrice, budget int64) {
	f.t.Helper()
	if _, err := f.sim.Client(k).Approve(f.ctx, f.prov.Address(), big.NewInt(maxPrice), big.NewInt(budget)); err != nil {
		f.t.Fatal(err)
	}
}

// voucher signs a caller's voucher for provider with a new session key,
// and returns a name for it ("session:N") that voucherHeader and invoke
// turn into a header signed for each request.
func (f *fixture) voucher(k *chain.Key, provider wf.Address, cumulative int64, expiry time.Time) string {
	f.t.Helper()
	return f.signedAs(k, k.Address(), provider, cumulative, expiry)
}

// signedAs is voucher signed by k for the claimed payer.
func (f *fixture) signedAs(k *chain.Key, payer, provider wf.Address, cumulative int64, expiry time.Time) string {
	f.t.Helper()
	key, err := voucher.NewSession(rand.Reader)
	if err != nil {
		f.t.Fatal(err)
	}
	c := f.sim.Client(nil)
	v := wf.Voucher{ChainID: c.ChainID().Uint64(), Escrow: c.Contracts().Escrow, Payer: k.Address(), Provider: provider,
		Cumulative: wf.NewAmount(big.NewInt(cumulative)), Expiry: expiry.Unix(), Session: key.Public()}
	sig, err := k.Sign(v)
	if err != nil {
		f.t.Fatal(err)
	}
	v.Payer = payer
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions = append(f.sessions, &session{v: v, sig: sig, key: key})
	return fmt.Sprintf("session:%d", len(f.sessions)-1)
}

// sign returns the X-WF-Voucher value of session id for one request.
func (f *fixture) sign(id, method string, fn wf.CID, target string, body []byte) string {
	f.t.Helper()
	var n int
	if _, err := fmt.Sscanf(id, "session:%d", &n); err != nil {
		f.t.Fatal(err)
	}
	f.mu.Lock()
	s := f.sessions[n]
	s.seq++
	seq := s.seq
	f.mu.Unlock()
	u, err := url.Parse(target)
	if err != nil {
		f.t.Fatal(err)
	}
	rq := voucher.Request{Provider: s.v.Provider, Payer: s.v.Payer, Function: fn, Method: method, Path: u.EscapedPath(), RawQuery: u.RawQuery,
		BodyHash: voucher.BodyHash(body), Seq: seq}
	h, err := voucher.Encode(voucher.Header{Voucher: s.v, Signature: s.sig, Seq: seq, RequestSig: s.key.Sign(rq)})
	if err != nil {
		f.t.Fatal(err)
	}
	return h
}

type response struct {
	status int
	header http.Header
	body   string
}

func (f *fixture) invoke(fn wf.CID, path string, h http.Header) response {
	f.t.Helper()
	req, _ := http.NewRequest("GET", f.env.URL+"/"+fn.String()+path, nil)
	for k, v := range h {
		req.Header[k] = v
	}
	if id := req.Header.Get(testSession); id != "" {
		req.Header.Del(testSession)
		req.Header.Set(wf.VoucherHeader, f.sign(id, "GET", fn, path, nil))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(b)}
}

// receipt checks that r carries a valid receipt by the provider and
// returns it.
func (f *fixture) receipt(r response) payment.Receipt {
	f.t.Helper()
	if got := r.header.Get(wf.PriceHeader); got != "100" {
		f.t.Errorf("%s = %q, want 100", wf.PriceHeader, got)
	}
	rc, err := payment.DecodeReceipt(r.header.Get(wf.ReceiptHeader))
	if err != nil {
		f.t.Fatalf("receipt: %v (status %d, body %q)", err, r.status, r.body)
	}
	if err := payment.VerifyReceipt(rc, f.prov.Address()); err != nil {
		f.t.Fatalf("receipt: %v", err)
	}
	if rc.RequestID.String() != r.header.Get(wf.RequestIDHeader) {
		f.t.Errorf("receipt is for request %s, response is %q", rc.RequestID, r.header.Get(wf.RequestIDHeader))
	}
	return rc
}

// testSession asks invoke to sign the request with a fixture's session.
const testSession = "X-Test-Session"

// voucherHeader is the header of a request paid with v: a session name
// from voucher, signed by invoke for each request, or a raw header value.
func voucherHeader(v string) http.Header {
	if strings.HasPrefix(v, "session:") {
		return http.Header{testSession: {v}}
	}
	return http.Header{wf.VoucherHeader: {v}}
}

// A receipt has one encoding: DecodeReceipt refuses every other spelling
// of what the provider signed, so one receipt cannot be shown as several.
func TestDecodeReceiptRejects(t *testing.T) {
	prov := chain.DevKey(2)
	fn, err := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	if err != nil {
		t.Fatal(err)
	}
	// Request ids as providers make them: 8 random bytes in lower-case
	// hex, which may start with a zero byte.
	var good string
	for _, id := range []string{"ab000000000000cd", "00ab0000000000cd"} {
		rid, err := wf.ParseRequestID(id)
		if err != nil {
			t.Fatal(err)
		}
		r := payment.Receipt{ChargeReceipt: chain.ChargeReceipt{Function: fn, Payer: chain.DevKey(1).Address(), Mode: "caller",
			Amount: big.NewInt(100), Cumulative: big.NewInt(1100), RequestID: rid}}
		if r.Signature, err = chain.SignReceipt(prov, r.ChargeReceipt); err != nil {
			t.Fatal(err)
		}
		h := payment.EncodeReceipt(r)
		got, err := payment.DecodeReceipt(h)
		if err != nil {
			t.Fatalf("request %s: the provider's receipt fails: %v", id, err)
		}
		if err := payment.VerifyReceipt(got, prov.Address()); err != nil || got.RequestID != rid {
			t.Fatalf("request %s: decoded as %s, verify: %v", id, got.RequestID, err)
		}
		good = h
	}
	j, _ := base64.RawURLEncoding.DecodeString(good)
	rj := string(j)
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	edit := func(old, new string) string {
		if !strings.Contains(rj, old) {
			t.Fatalf("%s is not in %s", old, rj)
		}
		return enc(strings.Replace(rj, old, new, 1))
	}
	tests := []struct{ name, value string }{
		{"trailing garbage", enc(rj + "garbage{{{\xff")},
		{"trailing brace", enc(rj + "}")},
		{"second object", enc(rj + "{}")},
		{"request upper case", edit(`"00ab0000000000cd"`, `"00AB0000000000CD"`)},
		{"request zero-padded", edit(`"00ab0000000000cd"`, `"000000ab0000000000cd"`)},
		{"request without its zero byte", edit(`"00ab0000000000cd"`, `"ab0000000000cd"`)},
		{"request 32 bytes", edit(`"00ab0000000000cd"`, `"`+strings.Repeat("00", 24)+`00ab0000000000cd"`)},
		{"request odd length", edit(`"00ab0000000000cd"`, `"0ab0000000000cd"`)},
		{"amount with plus", edit(`"amount":"100"`, `"amount":"+100"`)},
		{"amount with leading zero", edit(`"amount":"100"`, `"amount":"0100"`)},
		{"negative amount", edit(`"amount":"100"`, `"amount":"-5"`)},
		{"cumulative with leading zeros", edit(`"cumulative":"1100"`, `"cumulative":"001100"`)},
		{"version 2", edit(`"v":1`, `"v":2`)},
		{"CRLF in base64", good[:10] + "\r\n" + good[10:]},
		{"too long", strings.Repeat("A", 4096)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if r, err := payment.DecodeReceipt(tc.value); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("DecodeReceipt = request %s, %v; want wf.ErrInvalid", r.RequestID, err)
			}
		})
	}

	// A huge header is refused before it is decoded.
	huge := strings.Repeat("A", 8<<20)
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	_, err = payment.DecodeReceipt(huge)
	runtime.ReadMemStats(&m1)
	if !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("8 MiB receipt: %v, want wf.ErrInvalid", err)
	}
	if n := m1.TotalAlloc - m0.TotalAlloc; n > 1<<20 {
		t.Errorf("refusing an 8 MiB receipt allocated %d bytes", n)
	}
}

func TestOwnerPays(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner := f.payer()
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	f.deposit(owner, 1_000_000)
	f.approve(owner, 150, 10*price)
	for i := 1; i <= 3; i++ {
		r := f.invoke(fn, "/?name=you", nil)
		if r.status != 200 || r.body != "Hello, you!\n" {
			t.Fatalf("invoke %d: %d %q", i, r.status, r.body)
		}
		rc := f.receipt(r)
		if rc.Payer != owner.Address() || rc.Mode != "owner" || rc.Function != fn || rc.Amount.Int64() != price || rc.Cumulative.Int64() != int64(i*price) {
			t.Errorf("receipt %d: %+v", i, rc)
		}
	}
	// A forged header cannot make someone else pay.
	other := f.payer()
	r := f.invoke(fn, "/", http.Header{"X-Wf-Payer": {other.Address().String()}})
	if rc := f.receipt(r); rc.Payer != owner.Address() {
		t.Errorf("payer %s, want the owner", rc.Payer)
	}
	a := f.ledger.Account(ledger.Key{Mode: ledger.Owner, Payer: owner.Address()})
	if a.Charged.Count != 4 || a.Charged.Amount.Int64() != 4*price || a.Pending().Count != 4 {
		t.Errorf("ledger account %+v", a)
	}

	// Settlement pays the provider from the owner's escrow.
	before, _ := f.sim.Client(nil).TokenBalance(f.ctx, f.prov.Address())
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := f.sim.Client(nil).TokenBalance(f.ctx, f.prov.Address())
	if d := new(big.Int).Sub(after, before); d.Int64() != 4*price {
		t.Errorf("provider received %s, want %d", d, 4*price)
	}
	al, _ := f.sim.Client(nil).Allowance(f.ctx, owner.Address(), f.prov.Address())
	if al.Budget.Int64() != 6*price {
		t.Errorf("budget left %s, want %d", al.Budget, 6*price)
	}
	// Settling again sends nothing.
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	if bs, _ := f.ledger.Batches(); len(bs) != 1 || bs[0].State != ledger.Settled || bs[0].Count != 4 {
		t.Errorf("batches %+v", bs)
	}
}

func TestPaymentRequired(t *testing.T) {
	f := newFixture(t, payment.Config{})
	future := time.Now().Add(time.Hour)
	tests := []struct {
		name   string
		reason string
		// setup funds whom it needs and returns the function, the request
		// headers, and how many requests succeed before the 402.
		setup func(t *testing.T) (wf.CID, http.Header, int)
	}{
		{"no allowance", "no_allowance", func(t *testing.T) (wf.CID, http.Header, int) {
			o := f.payer()
			f.deposit(o, 1_000_000)
			return f.deploy(o, templates.HelloWasm, wftest.Spec()), nil, 0
		}},
		{"price cap below price", "price_cap", func(t *testing.T) (wf.CID, http.Header, int) {
			o := f.payer()
			f.deposit(o, 1_000_000)
			f.approve(o, price-1, 1_000_000)
			return f.deploy(o, templates.HelloWasm, wftest.Spec()), nil, 0
		}},
		{"budget exhausted by pending charges", "budget_exhausted", func(t *testing.T) (wf.CID, http.Header, int) {
			o := f.payer()
			f.deposit(o, 1_000_000)
			f.approve(o, price, 2*price+price/2)
			return f.deploy(o, templates.HelloWasm, wftest.Spec()), nil, 2
		}},
		{"escrow balance too low", "insufficient_balance", func(t *testing.T) (wf.CID, http.Header, int) {
			o := f.payer()
			f.deposit(o, price)
			f.approve(o, price, 1_000_000)
			return f.deploy(o, templates.HelloWasm, wftest.Spec()), nil, 1
		}},
		{"revoked", "no_allowance", func(t *testing.T) (wf.CID, http.Header, int) {
			o := f.payer()
			f.deposit(o, 1_000_000)
			f.approve(o, price, 1_000_000)
			fn := f.deploy(o, templates.HelloWasm, wftest.Spec())
			if r := f.invoke(fn, "/", nil); r.status != 200 {
				t.Fatalf("before revoking: %d %s", r.status, r.body)
			}
			if _, err := f.sim.Client(o).Revoke(f.ctx, f.prov.Address()); err != nil {
				t.Fatal(err)
			}
			return fn, nil, 0
		}},
		{"malformed voucher header", "malformed_voucher", func(t *testing.T) (wf.CID, http.Header, int) {
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), voucherHeader("eyJub3QiOiJhIHZvdWNoZXIifQ"), 0
		}},
		{"two voucher headers", "malformed_voucher", func(t *testing.T) (wf.CID, http.Header, int) {
			c := f.payer()
			v := f.voucher(c, f.prov.Address(), price, future)
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), http.Header{wf.VoucherHeader: {v, v}}, 0
		}},
		{"voucher signed by someone else", "bad_signature", func(t *testing.T) (wf.CID, http.Header, int) {
			c, mallory := f.payer(), f.payer()
			v := f.signedAs(mallory, c.Address(), f.prov.Address(), price, future) // claims to be c
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), voucherHeader(v), 0
		}},
		{"voucher for another provider", "wrong_provider", func(t *testing.T) (wf.CID, http.Header, int) {
			c := f.payer()
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), voucherHeader(f.voucher(c, f.sim.Accounts()[0].Address(), price, future)), 0
		}},
		{"expired voucher", "voucher_expiring", func(t *testing.T) (wf.CID, http.Header, int) {
			c := f.payer()
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), voucherHeader(f.voucher(c, f.prov.Address(), price, time.Now().Add(-time.Minute))), 0
		}},
		{"voucher valid too long", "voucher_too_long", func(t *testing.T) (wf.CID, http.Header, int) {
			c := f.payer()
			f.deposit(c, 1_000_000)
			return f.deploy(c, templates.HelloWasm, wftest.Spec()), voucherHeader(f.voucher(c, f.prov.Address(), price, time.Now().Add(48*time.Hour))), 0
		}},
		{"voucher cumulative too low", "voucher_too_low", func(t *testing.T) (wf.CID, http.Header, int) {
			c := f.payer()
			f.deposit(c, 1_000_000)
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), voucherHeader(f.voucher(c, f.prov.Address(), price-1, future)), 0
		}},
		{"voucher replayed", "voucher_too_low", func(t *testing.T) (wf.CID, http.Header, int) {
			c := f.payer()
			f.deposit(c, 1_000_000)
			// Good for one request; the second must bring a higher one.
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), voucherHeader(f.voucher(c, f.prov.Address(), price, future)), 1
		}},
		{"voucher payer without escrow", "insufficient_balance", func(t *testing.T) (wf.CID, http.Header, int) {
			c := f.payer() // funded with tokens, nothing deposited
			return f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()), voucherHeader(f.voucher(c, f.prov.Address(), price, future)), 0
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fn, h, ok := tc.setup(t)
			for i := range ok {
				if r := f.invoke(fn, "/", h); r.status != 200 {
					t.Fatalf("request %d: %d %s", i, r.status, r.body)
				}
			}
			r := f.invoke(fn, "/", h)
			if r.status != http.StatusPaymentRequired {
				t.Fatalf("status %d, want 402: %s", r.status, r.body)
			}
			if r.header.Get(wf.ReceiptHeader) != "" {
				t.Error("a 402 carries a receipt")
			}
			if r.header.Get(wf.PriceHeader) != "100" {
				t.Errorf("402 without the price: %v", r.header)
			}
			var b httperr.Body
			if err := json.Unmarshal([]byte(r.body), &b); err != nil {
				t.Fatalf("body %q: %v", r.body, err)
			}
			d := b.Error.Extra
			if b.Error.Code != "payment_required" || d["reason"] != tc.reason || d["price"] != "100" || d["fix"] == nil || d["mode"] == nil {
				t.Errorf("body %s", r.body)
			}
			if tc.reason == "budget_exhausted" && (d["needed"] != "100" || d["available"] != "50") {
				t.Errorf("needed/available: %s", r.body)
			}
		})
	}
}

// An owner who approves the provider right after a refused call is
// served within refusalRecheck (250 ms), not after the cache's 2-4 s: a
// refusal from a cached read reads the chain again first.
func TestApproveAfterRefusal(t *testing.T) {
	f := newFixture(t, payment.Config{CacheTTL: time.Hour})
	o := f.payer()
	fn := f.deploy(o, templates.HelloWasm, wftest.Spec())
	fix := func() string {
		r := f.invoke(fn, "/", nil)
		var b httperr.Body
		if err := json.Unmarshal([]byte(r.body), &b); err != nil || r.status != 402 {
			t.Fatalf("before approving: %d %s", r.status, r.body)
		}
		s, _ := b.Error.Extra["fix"].(string)
		return s
	}
	// The fix names a deposit first while the escrow is empty, not after.
	if got := fix(); !strings.Contains(got, "wf escrow deposit <USDC> && wf escrow approve") {
		t.Errorf("fix with an empty escrow: %q", got)
	}
	f.deposit(o, 1_000_000)
	time.Sleep(300 * time.Millisecond)
	if got := fix(); strings.Contains(got, "deposit") || !strings.Contains(got, "wf escrow approve") {
		t.Errorf("fix with a funded escrow: %q", got)
	}
	f.approve(o, price, 1_000_000)
	time.Sleep(300 * time.Millisecond)
	if r := f.invoke(fn, "/", nil); r.status != 200 {
		t.Fatalf("300 ms after approving, with an hour's cache: %d %s", r.status, r.body)
	}
}

func TestCallerPays(t *testing.T) {
	f := newFixture(t, payment.Config{})
	fn := f.deploy(f.payer(), templates.HelloWasm, wftest.Spec()) // its owner approved nobody
	c := f.payer()
	f.deposit(c, 1_000_000)
	exp := time.Now().Add(time.Hour)
	cum := int64(0)
	for i := range 5 {
		cum += price
		r := f.invoke(fn, "/?name=caller", voucherHeader(f.voucher(c, f.prov.Address(), cum, exp)))
		if r.status != 200 {
			t.Fatalf("request %d: %d %s", i, r.status, r.body)
		}
		rc := f.receipt(r)
		if rc.Payer != c.Address() || rc.Mode != "caller" || rc.Cumulative.Int64() != cum {
			t.Fatalf("receipt %+v", rc)
		}
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	red, err := f.sim.Client(nil).Redeemed(f.ctx, c.Address(), f.prov.Address())
	if err != nil || red.Int64() != cum {
		t.Fatalf("redeemed %v %v, want %d", red, err, cum)
	}
	// A voucher with headroom authorizes several requests and is
	// redeemed up to what was served; the rest stays the payer's.
	head := f.voucher(c, f.prov.Address(), cum+3*price, exp)
	for range 2 {
		if r := f.invoke(fn, "/", voucherHeader(head)); r.status != 200 {
			t.Fatalf("%d %s", r.status, r.body)
		}
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	if red, _ := f.sim.Client(nil).Redeemed(f.ctx, c.Address(), f.prov.Address()); red.Int64() != cum+2*price {
		t.Fatalf("redeemed %s, want what was served, %d", red, cum+2*price)
	}
	if r := f.invoke(fn, "/", voucherHeader(head)); r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	if r := f.invoke(fn, "/", voucherHeader(head)); r.status != 402 {
		t.Fatalf("a spent voucher passed: %d", r.status)
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	if red, _ := f.sim.Client(nil).Redeemed(f.ctx, c.Address(), f.prov.Address()); red.Int64() != cum+3*price {
		t.Fatalf("redeemed %s, want %d", red, cum+3*price)
	}
}

// TestFailuresArePaid: a run that started is charged whatever the
// function did; what fails before the run is not.
func TestFailuresArePaid(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner := f.payer()
	f.deposit(owner, 1_000_000)
	f.approve(owner, price, 1_000_000)
	s := wftest.Spec()
	s.Limits.TimeoutMS = 300
	s.Limits.MaxRequestBytes = 10
	fn := f.deploy(owner, wftest.GoGuest(t, "sandbox/testdata/guest"), s)
	tests := []struct {
		name, path string
		status     int
		charged    bool
	}{
		{"ok", "/echo", 200, true},
		{"exit 1", "/exit1", 502, true},
		{"timeout", "/loop", 504, true},
		{"unknown function", "", 404, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			target := fn
			if tc.path == "" {
				target, _ = wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
			}
			before := f.ledger.Account(ledger.Key{Mode: ledger.Owner, Payer: owner.Address()}).Charged.Count
			r := f.invoke(target, tc.path, nil)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			after := f.ledger.Account(ledger.Key{Mode: ledger.Owner, Payer: owner.Address()}).Charged.Count
			if got := after - before; got != map[bool]uint64{true: 1, false: 0}[tc.charged] {
				t.Errorf("charged %d times", got)
			}
			if tc.charged {
				f.receipt(r)
			} else if r.header.Get(wf.ReceiptHeader) != "" {
				t.Error("receipt on an uncharged response")
			}
		})
	}
	t.Run("body too large", func(t *testing.T) {
		req, _ := http.NewRequest("POST", f.env.URL+"/"+fn.String()+"/echo", strings.NewReader(strings.Repeat("x", 100)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 413 || resp.Header.Get(wf.ReceiptHeader) != "" {
			t.Errorf("status %d receipt %q", resp.StatusCode, resp.Header.Get(wf.ReceiptHeader))
		}
	})
}

// TestLastUnitsOfBudget: concurrent requests never spend more than the
// budget, counting requests still running.
func TestLastUnitsOfBudget(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner := f.payer()
	f.deposit(owner, 1_000_000)
	const budget = 10
	f.approve(owner, price, budget*price)
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	caller := f.payer()
	f.deposit(caller, 1_000_000)
	// Caller-pays too: one voucher good for 10 requests.
	v := f.voucher(caller, f.prov.Address(), budget*price, time.Now().Add(time.Hour))

	for _, h := range []http.Header{nil, voucherHeader(v)} {
		var wg sync.WaitGroup
		var mu sync.Mutex
		codes := map[int]int{}
		for range 64 {
			wg.Go(func() {
				r := f.invoke(fn, "/", h)
				mu.Lock()
				codes[r.status]++
				mu.Unlock()
			})
		}
		wg.Wait()
		if codes[200] != budget || codes[402] != 64-budget {
			t.Errorf("voucher %v: statuses %v, want %d 200s", h != nil, codes, budget)
		}
	}
	for _, k := range []ledger.Key{{Mode: ledger.Owner, Payer: owner.Address()}, {Mode: ledger.Caller, Payer: caller.Address()}} {
		if a := f.ledger.Account(k); a.Charged.Amount.Int64() != budget*price {
			t.Errorf("%v charged %s", k.Mode, a.Charged.Amount)
		}
	}
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
}

// TestOneSettlementForThousandRequests: the settler sends one transaction
// for SettleCount requests.
func TestOneSettlementForThousandRequests(t *testing.T) {
	f := newFixture(t, payment.Config{SettleCount: 1000, SettleInterval: time.Hour, CacheTTL: time.Second})
	owner := f.payer()
	f.deposit(owner, 1_000_000)
	f.approve(owner, price, 1_000_000)
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	ctx, cancel := context.WithCancel(f.ctx)
	done := make(chan error, 1)
	go func() { done <- f.meter.Run(ctx) }()
	defer func() { cancel(); <-done }()

	before, _ := f.sim.Client(nil).TokenBalance(f.ctx, f.prov.Address())
	const n = 1000
	var wg sync.WaitGroup
	work := make(chan int)
	for range 8 {
		wg.Go(func() {
			for range work {
				if r := f.invoke(fn, "/", nil); r.status != 200 {
					t.Errorf("%d %s", r.status, r.body)
				}
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	deadline := time.Now().Add(30 * time.Second)
	var bs []*ledger.Batch
	for time.Now().Before(deadline) {
		if bs, _ = f.ledger.Batches(); len(bs) == 1 && bs[0].State == ledger.Settled {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(bs) != 1 || bs[0].State != ledger.Settled || bs[0].Count != n {
		t.Fatalf("batches %+v", bs)
	}
	after, _ := f.sim.Client(nil).TokenBalance(f.ctx, f.prov.Address())
	if d := new(big.Int).Sub(after, before); d.Int64() != n*price {
		t.Errorf("provider received %s for %d requests", d, n)
	}
	t.Logf("one settle transaction for %d requests: %s, %d gas", bs[0].Count, bs[0].TxHash, bs[0].GasUsed)
}

package payment_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// tap is what a gateway, a proxy or a log sees of the requests through it:
// it keeps the last voucher header.
type tap struct {
	mu   sync.Mutex
	last string
}

func (t *tap) RoundTrip(r *http.Request) (*http.Response, error) {
	t.mu.Lock()
	t.last = r.Header.Get(wf.VoucherHeader)
	t.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func (t *tap) header() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.last
}

// paidNet is a devnet with one paid provider (alpha) and a gateway, its
// contracts real on the simulated chain, and two functions.
type paidNet struct {
	t          *testing.T
	ctx        context.Context
	net        *devnet.Net
	alpha      *devnet.Node
	hello, env wf.CID
	reader     *chain.Client
}

func startPaidNet(t *testing.T) *paidNet {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: t.TempDir(), Chain: sim.Options{Accounts: 8}, Price: big.NewInt(price),
		Meter:    payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour},
		Nodes:    []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close(context.Background()) })
	p := &paidNet{t: t, ctx: ctx, net: n, alpha: n.Node("alpha"), reader: n.Chain.Client(nil)}
	deploy := func(module []byte, owner *chain.Key) wf.CID {
		pkg, err := client.Pack(ctx, bytes.NewReader(module), wftest.Spec(), owner)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.New(p.alpha.URL).Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		return pkg.CID
	}
	// hello's owner is the publisher, who approved alpha; env's owner is
	// an attacker who wants its callers' vouchers.
	p.hello = deploy(templates.HelloWasm, n.Publisher)
	p.env = deploy(wftest.GoGuest(t, "sandbox/testdata/guest"), n.Chain.Accounts()[7])
	return p
}

func (p *paidNet) deposit(k *chain.Key, amount int64) {
	p.t.Helper()
	if _, err := p.net.Chain.Client(k).Deposit(p.ctx, big.NewInt(amount)); err != nil {
		p.t.Fatal(err)
	}
}

func (p *paidNet) payer(k *chain.Key, headroom int64) *client.Payer {
	return &client.Payer{Signer: k, ChainID: p.reader.ChainID().Uint64(), Escrow: p.reader.Contracts().Escrow,
		Provider: p.alpha.Key.Address(), Headroom: wf.NewAmount(big.NewInt(headroom))}
}

// raw sends GET url with the voucher header v and returns the status and
// the 402's reason.
func raw(t *testing.T, url, v string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set(wf.VoucherHeader, v)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var body httperr.Body
	json.Unmarshal(b, &body)
	reason, _ := body.Error.Extra["reason"].(string)
	if resp.StatusCode == 200 || resp.Header.Get(wf.ReceiptHeader) != "" {
		t.Errorf("GET %s with a copied voucher: %d, receipt %q", url, resp.StatusCode, resp.Header.Get(wf.ReceiptHeader))
	}
	return resp.StatusCode, reason
}

// callerAccount is what alpha's ledger charged payer as a caller.
func (p *paidNet) callerAccount(payer wf.Address) ledger.Account {
	return p.alpha.Meter().Ledger().Account(ledger.Key{Mode: ledger.Caller, Payer: payer})
}

// Issue 11 item 3, issue 10 finding 2: a voucher header seen by a gateway,
// a log or the function pays for nothing but the one request it was made
// for, once: sent again, moved to another path or function, or through
// another route, it gets a 402 that says why, and nothing is charged.
func TestCopiedVoucherPaysNothing(t *testing.T) {
	p := startPaidNet(t)
	caller := p.net.Chain.Accounts()[5]
	p.deposit(caller, 1_000_000)
	pay := p.payer(caller, 20*price)
	seen := &tap{}
	direct := client.New(p.alpha.URL)
	direct.HTTP, direct.Pay = &http.Client{Transport: seen}, pay
	viaGW := client.New(p.net.Gateways[0].URL + "/p/alpha")
	viaGW.HTTP, viaGW.Pay = &http.Client{Transport: seen}, pay

	// The happy path, straight and through the gateway (which forwards
	// the signed path unchanged).
	for i, c := range []*client.Client{direct, viaGW} {
		resp, err := c.Invoke(p.ctx, p.hello, client.Request{Path: "/", Query: map[string][]string{"name": {"caller"}}})
		if err != nil {
			t.Fatalf("paid call %d: %v", i, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		rc, err := payment.DecodeReceipt(resp.Receipt())
		if err != nil || resp.StatusCode != 200 || !strings.Contains(string(b), "Hello, caller!") {
			t.Fatalf("paid call %d: %d %q, receipt %v", i, resp.StatusCode, b, err)
		}
		if rc.Payer != caller.Address() || rc.Mode != "caller" || rc.Cumulative.Int64() != int64(i+1)*price {
			t.Fatalf("receipt %+v", rc)
		}
	}
	before := p.callerAccount(caller.Address()).Charged
	copied := seen.header()
	// The second request rode the keyed session the first opened (its
	// answer's accept key crossed the gateway): a MAC, not a signature.
	if !voucher.IsMAC(copied) {
		t.Fatalf("the second request's header %.40q is not a keyed session's", copied)
	}
	fn := "/" + p.hello.String()
	for _, tc := range []struct {
		name, url, reason string
	}{
		{"the same request again", p.alpha.URL + fn + "/?name=caller", "replayed"},
		{"the same request through the gateway", p.net.Gateways[0].URL + "/p/alpha" + fn + "/?name=caller", "replayed"},
		{"another query", p.alpha.URL + fn + "/?name=mallory", "bad_request_mac"},
		{"another path", p.alpha.URL + fn + "/other?name=caller", "bad_request_mac"},
		{"another function", p.alpha.URL + "/" + p.env.String() + "/?name=caller", "bad_request_mac"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if status, reason := raw(t, tc.url, copied); status != 402 || reason != tc.reason {
				t.Errorf("status %d reason %q, want 402 %q", status, reason, tc.reason)
			}
		})
	}
	// A version 1 voucher (bearer cash) is refused with what to do.
	if status, reason := raw(t, p.alpha.URL+fn+"/", "eyJ2IjoxfQ"); status != 402 || reason != "malformed_voucher" {
		t.Errorf("v1 voucher: %d %q", status, reason)
	}

	// The attacker's function is paid by the caller; whatever it sees of
	// the request (never the header: X-WF-* are stripped) spends nothing
	// elsewhere.
	resp, err := direct.Invoke(p.ctx, p.env, client.Request{Path: "/env"})
	if err != nil {
		t.Fatal(err)
	}
	envOut, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if bytes.Contains(envOut, []byte("HTTP_X_WF_")) {
		t.Errorf("the function saw a protocol header: %.200s", envOut)
	}
	harvested := seen.header()
	if status, reason := raw(t, p.alpha.URL+"/"+p.env.String()+"/env", harvested); status != 402 || reason != "replayed" {
		t.Errorf("harvested header replayed: %d %q", status, reason)
	}
	if status, reason := raw(t, p.alpha.URL+fn+"/?name=attacker", harvested); status != 402 || reason != "bad_request_mac" {
		t.Errorf("harvested header on another function: %d %q", status, reason)
	}
	// A header intercepted before it reached the provider (a gateway
	// that holds it back) cannot be re-wrapped in the interceptor's own
	// voucher naming the same session key: the signature covers the payer.
	pending, err := pay.Header(p.hello, "GET", "/", "name=late", nil)
	if err != nil {
		t.Fatal(err)
	}
	ph, err := voucher.Decode(pending)
	if err != nil {
		t.Fatal(err)
	}
	mallory := p.net.Chain.Accounts()[7]
	p.deposit(mallory, 1_000_000)
	ph.Voucher.Payer = mallory.Address()
	if ph.Signature, err = mallory.Sign(ph.Voucher); err != nil {
		t.Fatal(err)
	}
	rewrapped, err := voucher.Encode(ph)
	if err != nil {
		t.Fatal(err)
	}
	if status, reason := raw(t, p.alpha.URL+fn+"/?name=late", rewrapped); status != 402 || reason != "bad_request_signature" {
		t.Errorf("re-wrapped header: %d %q", status, reason)
	}
	after := p.callerAccount(caller.Address()).Charged
	if after.Count != before.Count+1 {
		t.Errorf("the copies were charged: %d charges before, %d after one more paid call", before.Count, after.Count)
	}

	// The provider settles every paid call, and only those.
	bal0, _ := p.reader.TokenBalance(p.ctx, p.alpha.Key.Address())
	if err := p.alpha.Meter().Settle(p.ctx); err != nil {
		t.Fatal(err)
	}
	red, _ := p.reader.Redeemed(p.ctx, caller.Address(), p.alpha.Key.Address())
	bal1, _ := p.reader.TokenBalance(p.ctx, p.alpha.Key.Address())
	acct, _ := p.reader.Account(p.ctx, caller.Address())
	if red.Int64() != 3*price || new(big.Int).Sub(bal1, bal0).Int64() < 3*price || acct.Balance.Int64() != 1_000_000-3*price {
		t.Errorf("redeemed %s, provider got %s, caller's escrow %s; want 3 requests' worth", red, new(big.Int).Sub(bal1, bal0), acct.Balance)
	}
}

// handSession signs requests under one voucher by hand, as a caller that
// ignores the Go client would.
type handSession struct {
	v   wf.Voucher
	sig wf.Signature
	key voucher.Session
	seq uint64
}

func newSession(t *testing.T, k *chain.Key, c *chain.Client, provider wf.Address, ceiling int64) *handSession {
	t.Helper()
	key, err := voucher.NewSession(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	v := wf.Voucher{ChainID: c.ChainID().Uint64(), Escrow: c.Contracts().Escrow, Payer: k.Address(), Provider: provider,
		Cumulative: wf.NewAmount(big.NewInt(ceiling)), Expiry: time.Now().Add(time.Hour).Unix(), Session: key.Public()}
	sig, err := k.Sign(v)
	if err != nil {
		t.Fatal(err)
	}
	return &handSession{v: v, sig: sig, key: key}
}

// header signs GET /{fn}/ with the next sequence number.
func (s *handSession) header(t *testing.T, fn wf.CID) string {
	t.Helper()
	s.seq++
	rq := voucher.Request{Provider: s.v.Provider, Payer: s.v.Payer, Function: fn, Method: "GET", Path: "/", BodyHash: voucher.BodyHash(nil), Seq: s.seq}
	h, err := voucher.Encode(voucher.Header{Voucher: s.v, Signature: s.sig, Seq: s.seq, RequestSig: s.key.Sign(rq)})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Issue 10 finding 3: a caller that keeps sending one voucher with a large
// ceiling gets no more answers than the ceiling pays for, and the provider
// can settle every answer at any time, not only once the caller sends a
// voucher for exactly what it owes.
func TestLargeVoucherIsAlwaysSettleable(t *testing.T) {
	p := startPaidNet(t)
	caller := p.net.Chain.Accounts()[6]
	p.deposit(caller, 1_000_000)
	prov := p.alpha.Key.Address()
	s := newSession(t, caller, p.reader, prov, 8*price)
	url := p.alpha.URL + "/" + p.hello.String() + "/"
	get := func() int {
		req, _ := http.NewRequest("GET", url, nil)
		req.Header.Set(wf.VoucherHeader, s.header(t, p.hello))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	bal0, _ := p.reader.TokenBalance(p.ctx, prov)
	settle := func(want int64) {
		t.Helper()
		if err := p.alpha.Meter().Settle(p.ctx); err != nil {
			t.Fatal(err)
		}
		red, _ := p.reader.Redeemed(p.ctx, caller.Address(), prov)
		bal, _ := p.reader.TokenBalance(p.ctx, prov)
		acct, _ := p.reader.Account(p.ctx, caller.Address())
		if red.Int64() != want || new(big.Int).Sub(bal, bal0).Int64() != want || acct.Balance.Int64() != 1_000_000-want {
			t.Fatalf("redeemed %s, provider got %s, caller's escrow %s; want %d served and settled", red, new(big.Int).Sub(bal, bal0), acct.Balance, want)
		}
	}
	// Three answers, settled at once although the ceiling is far above.
	for range 3 {
		if st := get(); st != 200 {
			t.Fatalf("status %d", st)
		}
	}
	settle(3 * price)
	// The rest of the ceiling, and not one answer more.
	ok := 0
	for range 20 {
		if get() == 200 {
			ok++
		}
	}
	if ok != 5 {
		t.Errorf("%d more answers, want 5 (the ceiling is 8 requests)", ok)
	}
	settle(8 * price)
	if a := p.callerAccount(caller.Address()); a.Pending().Count != 0 || a.Settled.Amount.Int64() != 8*price {
		t.Errorf("ledger: %+v", a)
	}
}

// A restarted provider still refuses sequence numbers it charged before:
// they are in the ledger with the charges.
func TestReplayAfterRestart(t *testing.T) {
	f := newFixture(t, payment.Config{})
	fn := f.deploy(f.payer(), templates.HelloWasm, wftest.Spec())
	c := f.payer()
	f.deposit(c, 1_000_000)
	s := newSession(t, c, f.sim.Client(nil), f.prov.Address(), 100*price)
	var last string
	for range 3 {
		last = s.header(t, fn)
		if r := f.invoke(fn, "/", voucherHeader(last)); r.status != 200 {
			t.Fatalf("%d %s", r.status, r.body)
		}
	}
	// Restart: the ledger closed and opened again, a new meter over it.
	if err := f.ledger.Close(); err != nil {
		t.Fatal(err)
	}
	led, err := ledger.Open(f.path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { led.Close() })
	m, err := payment.New(payment.Config{Chain: f.sim.Client(f.prov), Key: f.prov, Ledger: led, Price: big.NewInt(price)})
	if err != nil {
		t.Fatal(err)
	}
	authorize := func(h string) error {
		hdr := http.Header{}
		hdr.Set(wf.VoucherHeader, h)
		ch, err := m.Authorize(f.ctx, &wf.PaidRequest{Function: fn, Method: "GET", Path: "/", Header: hdr})
		if err == nil {
			_, err = ch.Commit(f.ctx, wf.NewRequestID())
		}
		return err
	}
	var re *payment.RequiredError
	if err := authorize(last); !errors.As(err, &re) || re.Reason() != "replayed" {
		t.Fatalf("the last request again after a restart: %v, want replayed", err)
	}
	if err := authorize(s.header(t, fn)); err != nil {
		t.Fatalf("the next request after a restart: %v", err)
	}
	if a := led.Account(ledger.Key{Mode: ledger.Caller, Payer: c.Address()}); a.Charged.Count != 4 {
		t.Errorf("charged %d, want 4", a.Charged.Count)
	}
}

// A Payer that lost its running total (another machine, a wiped home)
// catches up from the provider's 402 and pays on: the caller never tracks
// the total by hand.
func TestPayerCatchesUp(t *testing.T) {
	p := startPaidNet(t)
	caller := p.net.Chain.Accounts()[4]
	p.deposit(caller, 1_000_000)
	call := func(pay *client.Payer) payment.Receipt {
		t.Helper()
		c := client.New(p.alpha.URL)
		c.Pay = pay
		resp, err := c.Invoke(p.ctx, p.hello, client.Request{Path: "/"})
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		rc, err := payment.DecodeReceipt(resp.Receipt())
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%d, receipt %v", resp.StatusCode, err)
		}
		return rc
	}
	first := p.payer(caller, 2*price)
	for range 3 {
		call(first)
	}
	fresh := p.payer(caller, 2*price) // knows nothing
	if rc := call(fresh); rc.Cumulative.Int64() != 4*price {
		t.Fatalf("receipt for cumulative %s, want %d", rc.Cumulative, 4*price)
	}
	if a := p.callerAccount(caller.Address()); a.Charged.Count != 4 {
		t.Errorf("charged %d, want 4 (the refused attempt is not charged)", a.Charged.Count)
	}
}

// One Payer shared by concurrent requests: each gets its own sequence
// number, arrival order does not matter, and every answer is paid once.
func TestPayerConcurrent(t *testing.T) {
	p := startPaidNet(t)
	caller := p.net.Chain.Accounts()[3]
	p.deposit(caller, 1_000_000)
	c := client.New(p.alpha.URL)
	c.Pay = p.payer(caller, 10*price) // several sessions over the run
	const n = 48
	var wg sync.WaitGroup
	var mu sync.Mutex
	cums := map[int64]bool{}
	for range n {
		wg.Go(func() {
			resp, err := c.Invoke(p.ctx, p.hello, client.Request{Path: "/"})
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			rc, err := payment.DecodeReceipt(resp.Receipt())
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			cums[rc.Cumulative.Int64()] = true
			mu.Unlock()
		})
	}
	wg.Wait()
	if len(cums) != n {
		t.Errorf("%d distinct receipts, want %d", len(cums), n)
	}
	if err := p.alpha.Meter().Settle(p.ctx); err != nil {
		t.Fatal(err)
	}
	if red, _ := p.reader.Redeemed(p.ctx, caller.Address(), p.alpha.Key.Address()); red.Int64() != n*price {
		t.Errorf("redeemed %s, want %d", red, n*price)
	}
}

// clock is a meter's clock that a test moves forward with the chain's.
type clock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *clock) advance(t *testing.T, f *fixture, d time.Duration) {
	t.Helper()
	c.mu.Lock()
	c.off += d
	c.mu.Unlock()
	if err := f.sim.AdjustTime(d); err != nil {
		t.Fatal(err)
	}
}

// A payer's voucher with a huge ceiling that expires soon must not leave
// what is served after it under later, smaller vouchers unsettleable: the
// provider never redeems with an expired voucher, and keeps the one that
// covers what was charged and lasts longest.
func TestExpiredBigVoucherStaysSettleable(t *testing.T) {
	clk := &clock{}
	f := newFixture(t, payment.Config{Now: clk.now})
	fn := f.deploy(f.payer(), templates.HelloWasm, wftest.Spec())
	c := f.payer()
	f.deposit(c, 1_000_000)
	prov := f.prov.Address()
	call := func(v string) {
		t.Helper()
		if r := f.invoke(fn, "/", voucherHeader(v)); r.status != 200 {
			t.Fatalf("%d %s", r.status, r.body)
		}
	}
	call(f.voucher(c, prov, 1<<60, clk.now().Add(payment.DefaultMinVoucherLife+2*time.Minute)))
	for i := int64(2); i <= 4; i++ {
		call(f.voucher(c, prov, i*price, clk.now().Add(time.Hour)))
	}
	clk.advance(t, f, payment.DefaultMinVoucherLife+5*time.Minute) // the big voucher expired
	call(f.voucher(c, prov, 5*price, clk.now().Add(time.Hour)))
	if err := f.meter.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	red, err := f.sim.Client(nil).Redeemed(f.ctx, c.Address(), prov)
	if err != nil {
		t.Fatal(err)
	}
	a := f.ledger.Account(ledger.Key{Mode: ledger.Caller, Payer: c.Address()})
	if red.Int64() != 5*price || a.Settled.Amount.Int64() != 5*price || a.Pending().Count != 0 {
		t.Errorf("redeemed %s, ledger settled %s with %d pending; want all 5 served settled", red, a.Settled.Amount, a.Pending().Count)
	}
}

// A payer's sessions cost the provider bounded memory: replay windows
// are kept for at most ledger.MaxSessions sessions per payer (requests
// that are authorized and never charged too), and forgetting one refuses
// it from then on, so it reopens no replay.
func TestSessionWindowsPerPayer(t *testing.T) {
	f := newFixture(t, payment.Config{})
	fn := f.deploy(f.payer(), templates.HelloWasm, wftest.Spec())
	c := f.payer()
	f.deposit(c, 1_000_000)
	authorize := func(h string) error {
		hdr := http.Header{}
		hdr.Set(wf.VoucherHeader, h)
		ch, err := f.meter.Authorize(f.ctx, &wf.PaidRequest{Function: fn, Method: "GET", Path: "/", Header: hdr})
		if err == nil {
			ch.Release() // the request failed before it ran: nothing charged
		}
		return err
	}
	exp := time.Now().Add(time.Hour).Unix()
	var sessions []*handSession
	for i := range ledger.MaxSessions + 10 {
		s := newSession(t, c, f.sim.Client(nil), f.prov.Address(), 100*price)
		s.v.Expiry = exp + int64(i)
		var err error
		if s.sig, err = c.Sign(s.v); err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, s)
		if err := authorize(s.header(t, fn)); err != nil {
			t.Fatalf("session %d: %v", i, err)
		}
	}
	if n := payment.SessionWindows(f.meter); n > ledger.MaxSessions {
		t.Errorf("%d replay windows in memory for one payer, want at most %d", n, ledger.MaxSessions)
	}
	// The first session was forgotten: its next request and its last one
	// again are refused, not accepted as new.
	var re *payment.RequiredError
	s0 := sessions[0]
	s0.seq--
	if err := authorize(s0.header(t, fn)); !errors.As(err, &re) || (re.Reason() != "session_retired" && re.Reason() != "replayed") {
		t.Errorf("a forgotten session's request again: %v, want refused", err)
	}
	// The latest session still works.
	if err := authorize(sessions[len(sessions)-1].header(t, fn)); err != nil {
		t.Errorf("the latest session: %v", err)
	}
}

// The payer a voucher header names for the owner's per-caller limits
// (Meter.Payer) is no one once its sequence number was used: a replayed
// header cannot spend the real payer's quota. Asking uses nothing.
func TestPayerOfReplayedHeader(t *testing.T) {
	f := newFixture(t, payment.Config{})
	fn := f.deploy(f.payer(), templates.HelloWasm, wftest.Spec())
	c := f.payer()
	f.deposit(c, 1_000_000)
	s := newSession(t, c, f.sim.Client(nil), f.prov.Address(), 100*price)
	req := func(h string) *wf.PaidRequest {
		hdr := http.Header{}
		hdr.Set(wf.VoucherHeader, h)
		return &wf.PaidRequest{Function: fn, Method: "GET", Path: "/", Header: hdr}
	}
	first := s.header(t, fn)
	for range 2 { // asking twice: Payer uses nothing
		if p, ok := f.meter.Payer(req(first)); !ok || p != c.Address() {
			t.Fatalf("fresh header: payer %v %v", p, ok)
		}
	}
	if r := f.invoke(fn, "/", voucherHeader(first)); r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	if p, ok := f.meter.Payer(req(first)); ok {
		t.Errorf("replayed header names payer %v", p)
	}
	// After a restart the ledger's mark says the same.
	m, err := payment.New(payment.Config{Chain: f.sim.Client(f.prov), Key: f.prov, Ledger: f.ledger, Price: big.NewInt(price)})
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := m.Payer(req(first)); ok {
		t.Errorf("replayed header after a restart names payer %v", p)
	}
	if p, ok := m.Payer(req(s.header(t, fn))); !ok || p != c.Address() {
		t.Errorf("next header after a restart: payer %v %v", p, ok)
	}
}

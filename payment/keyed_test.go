package payment_test

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// keyedCall sends GET path to fn with the X-WF-Voucher value v and returns
// the answer and the 402's reason, if any.
func (f *fixture) keyedCall(fn wf.CID, path, v string) (response, string) {
	f.t.Helper()
	r := f.invoke(fn, path, http.Header{wf.VoucherHeader: {v}})
	return r, reason(r)
}

func reason(r response) string {
	if r.status != http.StatusPaymentRequired {
		return ""
	}
	var b struct {
		Error struct {
			Details map[string]any `json:"details"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(r.body), &b); err != nil {
		return "undecodable: " + r.body
	}
	s, _ := b.Error.Details["reason"].(string)
	return s
}

// TestKeyedSession walks a keyed session by hand against a real provider
// and chain: a signed request with an exchange key opens it and gets the
// provider's accept key; later requests carry only a MAC, which pays for
// exactly the request it was made for, once; a key the provider never
// agreed (a gateway that swapped the accept key) and a session it does
// not hold are refused with reasons a client acts on.
func TestKeyedSession(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner, caller := f.payer(), f.payer()
	f.deposit(caller, 1_000_000)
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	id := f.voucher(caller, f.prov.Address(), 1_000_000, time.Now().Add(time.Hour))
	s := f.sessions[0]
	rq := func(path string, seq uint64) voucher.Request {
		u, _ := url.Parse(path)
		return voucher.Request{Provider: f.prov.Address(), Payer: caller.Address(), Function: fn, Method: "GET",
			Path: u.EscapedPath(), RawQuery: u.RawQuery, BodyHash: voucher.BodyHash(nil), Seq: seq}
	}
	_ = id

	// A plain signed request opens nothing.
	plain := f.invoke(fn, "/?name=a", http.Header{testSession: {"session:0"}})
	if plain.status != 200 || plain.header.Get(voucher.AcceptHeader) != "" {
		t.Fatalf("signed request without kx: %d, accept %q", plain.status, plain.header.Get(voucher.AcceptHeader))
	}

	// The open: seq 2, signed over the request and the exchange key.
	kx := s.key.ExchangePublic()
	open, err := voucher.Encode(voucher.Header{Voucher: s.v, Signature: s.sig, Seq: 2, KX: kx, RequestSig: s.key.SignOpen(rq("/?name=b", 2), kx)})
	if err != nil {
		t.Fatal(err)
	}
	// The same open with its kx stripped: the signature covered it.
	stripped, _ := voucher.Encode(voucher.Header{Voucher: s.v, Signature: s.sig, Seq: 2, RequestSig: s.key.SignOpen(rq("/?name=b", 2), kx)})
	if _, why := f.keyedCall(fn, "/?name=b", stripped); why != "bad_request_signature" {
		t.Fatalf("open without its kx: reason %q, want bad_request_signature", why)
	}
	r, why := f.keyedCall(fn, "/?name=b", open)
	if r.status != 200 {
		t.Fatalf("open: %d %s (%s)", r.status, r.body, why)
	}
	acc := r.header.Get(voucher.AcceptHeader)
	accept, err := voucher.ParseAccept(acc)
	if err != nil {
		t.Fatalf("open: accept header %q: %v", acc, err)
	}
	if rc := f.receipt(r); rc.Cumulative.Cmp(big.NewInt(2*price)) != 0 {
		t.Fatalf("open's receipt cumulative %s, want %d", rc.Cumulative, 2*price)
	}
	if n := payment.KeyedSessions(f.meter); n != 1 {
		t.Fatalf("%d keyed sessions, want 1", n)
	}
	key, err := s.key.MACKey(accept, f.prov.Address(), caller.Address())
	if err != nil {
		t.Fatal(err)
	}
	mac := func(k *voucher.MACKey, path string, seq uint64) string {
		return voucher.EncodeMAC(voucher.MACHeader{Session: s.v.Session, Seq: seq, Tag: k.Tag(rq(path, seq))})
	}

	// Within the session: a MAC pays.
	h3 := mac(key, "/?name=c", 3)
	if len(h3) > 100 {
		t.Errorf("keyed header is %d bytes, want at most 100", len(h3))
	}
	r, why = f.keyedCall(fn, "/?name=c", h3)
	if r.status != 200 || !strings.Contains(r.body, "c") {
		t.Fatalf("keyed request: %d %s (%s)", r.status, r.body, why)
	}
	if rc := f.receipt(r); rc.Cumulative.Cmp(big.NewInt(3*price)) != 0 || rc.Payer != caller.Address() || rc.Mode != "caller" {
		t.Fatalf("keyed receipt: cumulative %s payer %s mode %s", rc.Cumulative, rc.Payer, rc.Mode)
	}
	if r.header.Get(voucher.AcceptHeader) != "" {
		t.Error("a keyed request's answer carries an accept key")
	}

	for _, tc := range []struct{ name, path, header, want string }{
		{"replayed", "/?name=c", h3, "replayed"},
		{"another query", "/?name=d", mac(key, "/?name=c", 4), "bad_request_mac"},
		{"a key the provider never agreed", "/?name=d", func() string {
			mitm, _ := voucher.NewAcceptor(rand.Reader) // a gateway's own accept key
			k, err := s.key.MACKey(mitm.Public(), f.prov.Address(), caller.Address())
			if err != nil {
				t.Fatal(err)
			}
			return mac(k, "/?name=d", 4)
		}(), "bad_request_mac"},
		{"another payer's key", "/?name=d", func() string {
			k, _ := s.key.MACKey(accept, f.prov.Address(), owner.Address())
			return mac(k, "/?name=d", 4)
		}(), "bad_request_mac"},
		{"unknown session", "/?name=d", func() string {
			other, _ := voucher.NewSession(rand.Reader)
			k, _ := other.MACKey(accept, f.prov.Address(), caller.Address())
			return voucher.EncodeMAC(voucher.MACHeader{Session: other.Public(), Seq: 1, Tag: k.Tag(rq("/?name=d", 1))})
		}(), "session_unknown"},
		{"malformed", "/?name=d", "m1.x.1.y", "malformed_voucher"},
		{"seq zero", "/?name=d", strings.Replace(mac(key, "/?name=d", 4), ".4.", ".0.", 1), "malformed_voucher"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, why := f.keyedCall(fn, tc.path, tc.header)
			if r.status != http.StatusPaymentRequired || why != tc.want {
				t.Fatalf("%d, reason %q, want 402 %s (%s)", r.status, why, tc.want, r.body)
			}
			if r.header.Get(wf.ReceiptHeader) != "" {
				t.Fatal("a refused request carries a receipt")
			}
		})
	}
	// Nothing refused was charged; the next number still pays.
	r, why = f.keyedCall(fn, "/?name=e", mac(key, "/?name=e", 4))
	if r.status != 200 {
		t.Fatalf("after the refusals: %d (%s)", r.status, why)
	}
	if rc := f.receipt(r); rc.Cumulative.Cmp(big.NewInt(4*price)) != 0 {
		t.Fatalf("cumulative %s after refusals, want %d", rc.Cumulative, 4*price)
	}
	// A restart forgets the key: the session is unknown until opened again.
	payment.ForgetKeyed(f.meter)
	if _, why := f.keyedCall(fn, "/?name=f", mac(key, "/?name=f", 5)); why != "session_unknown" {
		t.Fatalf("after forgetting: reason %q, want session_unknown", why)
	}
}

// TestKeyedSessionSignedOnly: a provider with Config.SignedOnly accepts a
// signed request with an exchange key but never keys the session.
func TestKeyedSessionSignedOnly(t *testing.T) {
	f := newFixture(t, payment.Config{SignedOnly: true})
	owner, caller := f.payer(), f.payer()
	f.deposit(caller, 1_000_000)
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	f.voucher(caller, f.prov.Address(), 1_000_000, time.Now().Add(time.Hour))
	s := f.sessions[0]
	rq := voucher.Request{Provider: f.prov.Address(), Payer: caller.Address(), Function: fn, Method: "GET", Path: "/", BodyHash: voucher.BodyHash(nil), Seq: 1}
	kx := s.key.ExchangePublic()
	open, _ := voucher.Encode(voucher.Header{Voucher: s.v, Signature: s.sig, Seq: 1, KX: kx, RequestSig: s.key.SignOpen(rq, kx)})
	r, why := f.keyedCall(fn, "/", open)
	if r.status != 200 || r.header.Get(voucher.AcceptHeader) != "" || payment.KeyedSessions(f.meter) != 0 {
		t.Fatalf("signed-only open: %d (%s), accept %q", r.status, why, r.header.Get(voucher.AcceptHeader))
	}
}

// TestKeyedPayer: package client's Payer opens a keyed session with its
// first request and sends MACs after, through a proxy that records what
// crosses it; when the provider forgets the key the Payer signs again and
// the caller sees nothing. Every request is charged once.
func TestKeyedPayer(t *testing.T) {
	f := newFixture(t, payment.Config{})
	owner, caller := f.payer(), f.payer()
	f.deposit(caller, 1_000_000)
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	target, _ := url.Parse(f.env.URL)
	var mu sync.Mutex
	var seen []string // "signed", "signed+kx" or "keyed", per request
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := r.Header.Get(wf.VoucherHeader)
		kind := "keyed"
		if !voucher.IsMAC(v) {
			h, err := voucher.Decode(v)
			switch {
			case err != nil:
				kind = "bad"
			case h.KX != [32]byte{}:
				kind = "signed+kx"
			default:
				kind = "signed"
			}
		}
		mu.Lock()
		seen = append(seen, kind)
		mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c := client.New(srv.URL)
	c.Pay = &client.Payer{Signer: caller, ChainID: f.sim.Client(nil).ChainID().Uint64(), Escrow: f.sim.Client(nil).Contracts().Escrow, Provider: f.prov.Address()}
	call := func(i int) payment.Receipt {
		t.Helper()
		resp, err := c.Invoke(context.Background(), fn, client.Request{Path: "/?name=k"})
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		rc, err := payment.DecodeReceipt(resp.Receipt())
		if err != nil || resp.StatusCode != 200 || !strings.Contains(string(b), "k") {
			t.Fatalf("request %d: %d %q, receipt %v", i, resp.StatusCode, b, err)
		}
		return rc
	}
	for i := 1; i <= 4; i++ {
		if rc := call(i); rc.Cumulative.Cmp(big.NewInt(int64(i)*price)) != 0 {
			t.Fatalf("request %d: cumulative %s", i, rc.Cumulative)
		}
	}
	payment.ForgetKeyed(f.meter)
	for i := 5; i <= 6; i++ {
		if rc := call(i); rc.Cumulative.Cmp(big.NewInt(int64(i)*price)) != 0 {
			t.Fatalf("request %d: cumulative %s", i, rc.Cumulative)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	// The first request learns the price, under a session whose ceiling
	// assumed a price of 1; the second opens a new session at the real
	// price and keys it; after the provider forgot the key, one keyed
	// request is refused, signed again, and keyed again after.
	want := "signed+kx signed+kx keyed keyed keyed signed+kx keyed"
	if got := strings.Join(seen, " "); got != want {
		t.Fatalf("requests crossing the proxy: %s\nwant %s", got, want)
	}
}

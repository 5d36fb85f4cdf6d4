package payment_test

import (
	"context"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// BenchmarkPaymentOverhead measures the latency of the AssemblyScript
// hello function, one request at a time on a keep-alive connection, on a
// free provider and on paid ones in the same run, interleaved in rounds so
// the machine's noise falls on all alike:
//
//   - free: no payments
//   - owner-pays: the defaults (wf provider start's): authorization
//     against a cached allowance, the charge written to the ledger's log
//     before the response and synced within 50ms, one receipt in
//     DefaultReceiptEvery signed
//   - owner-pays-strict: every charge fsync'd and every receipt signed
//     before the response (--ledger-sync 0 --receipt-every 1)
//   - caller-pays: the defaults, with one session's voucher (its payer
//     signature recovered once, then remembered) and a session signature
//     over each request (Ed25519), its sequence number checked against
//     the replay window
//
// Run: go test -run '^$' -bench PaymentOverhead -benchtime 4000x -cpu 1 ./payment/
func BenchmarkPaymentOverhead(b *testing.B) {
	free := wftest.New(b, wftest.Options{})
	freeFn := free.Deploy(b, templates.HelloWasm, wftest.Spec())

	strict := newFixture(b, payment.Config{CacheTTL: time.Minute, SettleCount: 1 << 40, SettleInterval: time.Hour, ReceiptEvery: 1})
	owner := strict.payer()
	strict.deposit(owner, 1_000_000_000)
	strict.approve(owner, price, 1_000_000_000)
	strictFn := strict.deploy(owner, templates.HelloWasm, wftest.Spec())
	caller := strict.payer()
	strict.deposit(caller, 1_000_000_000)

	// The same chain and provider key with the defaults: a ledger synced
	// in the background, receipts signed one in DefaultReceiptEvery.
	meter, _ := chargeMeter(b, strict)
	paid := wftest.New(b, wftest.Options{Provider: provider.Config{Key: strict.prov, Payments: meter}})
	paid.Key = owner
	paidFn := paid.Deploy(b, templates.HelloWasm, wftest.Spec())

	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	sess := strict.voucher(caller, strict.prov.Address(), 1_000_000_000, time.Now().Add(time.Hour))
	targets := []struct {
		name string
		url  string
		hdr  func() http.Header
	}{
		{"free", free.URL + "/" + freeFn.String() + "/?name=bench", nil},
		{"owner-pays", paid.URL + "/" + paidFn.String() + "/?name=bench", nil},
		{"owner-pays-strict", strict.env.URL + "/" + strictFn.String() + "/?name=bench", nil},
		{"caller-pays", paid.URL + "/" + paidFn.String() + "/?name=bench", func() http.Header {
			h := http.Header{}
			h.Set(wf.VoucherHeader, strict.sign(sess, "GET", paidFn, "/?name=bench", nil))
			return h
		}},
	}
	do := func(url string, h http.Header) time.Duration {
		req, _ := http.NewRequest("GET", url, nil)
		for k, v := range h {
			req.Header[k] = v
		}
		start := time.Now()
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		d := time.Since(start)
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %d", url, resp.StatusCode)
		}
		return d
	}
	// Warm up: compile caches, connections, allowance caches.
	for _, t := range targets {
		for range 50 {
			var h http.Header
			if t.hdr != nil {
				h = t.hdr()
			}
			do(t.url, h)
		}
	}
	lat := make([][]time.Duration, len(targets))
	const round = 100
	b.ResetTimer()
	for i := 0; i < b.N; i += round {
		for j, t := range targets {
			for range min(round, b.N-i) {
				var h http.Header
				if t.hdr != nil {
					b.StopTimer()
					h = t.hdr() // signing is the client's cost, not the provider's
					b.StartTimer()
				}
				lat[j] = append(lat[j], do(t.url, h))
			}
		}
	}
	b.StopTimer()
	p := func(d []time.Duration, q float64) float64 {
		slices.Sort(d)
		return float64(d[int(q*float64(len(d)-1))].Microseconds())
	}
	base := p(lat[0], 0.5)
	for j, t := range targets {
		p50 := p(lat[j], 0.5)
		b.ReportMetric(p50, t.name+"-p50-us")
		b.ReportMetric(p(lat[j], 0.99), t.name+"-p99-us")
		if j > 0 {
			b.ReportMetric(100*(p50-base)/base, t.name+"-overhead-%")
		}
	}
}

// BenchmarkAuthorize is the authorization step alone (owner-pays, cached
// allowance): what runs before the function.
func BenchmarkAuthorize(b *testing.B) {
	f := newFixture(b, payment.Config{CacheTTL: time.Hour})
	owner := f.payer()
	f.deposit(owner, 1_000_000_000)
	f.approve(owner, price, 1_000_000_000)
	fn, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	ctx := context.Background()
	payer := owner.Address() // not in the loop: deriving an address from a key costs microseconds
	for b.Loop() {
		c, err := f.meter.Authorize(ctx, &wf.PaidRequest{Function: fn, Owner: payer, Method: "GET", Path: "/", Header: http.Header{}})
		if err != nil {
			b.Fatal(err)
		}
		c.Release()
	}
}

// BenchmarkAuthorizeCaller is the caller-pays authorization step alone:
// decoding the header, the session's signature over the request, the
// remembered voucher signature, the replay window and the reservation.
// Signing each request (the client's cost) is outside the timer.
func BenchmarkAuthorizeCaller(b *testing.B) {
	f := newFixture(b, payment.Config{CacheTTL: time.Hour})
	caller := f.payer()
	f.deposit(caller, 1_000_000_000)
	sess := f.voucher(caller, f.prov.Address(), 1_000_000_000, time.Now().Add(time.Hour))
	fn, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		h := http.Header{}
		h.Set(wf.VoucherHeader, f.sign(sess, "GET", fn, "/", nil))
		b.StartTimer()
		c, err := f.meter.Authorize(ctx, &wf.PaidRequest{Function: fn, Method: "GET", Path: "/", Header: h})
		if err != nil {
			b.Fatal(err)
		}
		c.Release()
	}
}

// BenchmarkAuthorizeCallerKeyed is BenchmarkAuthorizeCaller within a
// keyed session: decoding the short header, the session's MAC over the
// request (HMAC-SHA256), the replay window and the reservation. The
// session is opened once, by a signed request with an exchange key.
//
// Run: go test -run '^$' -bench 'AuthorizeCaller' ./payment/
func BenchmarkAuthorizeCallerKeyed(b *testing.B) {
	f := newFixture(b, payment.Config{CacheTTL: time.Hour})
	caller := f.payer()
	f.deposit(caller, 1_000_000_000)
	f.voucher(caller, f.prov.Address(), 1_000_000_000, time.Now().Add(time.Hour))
	s := f.sessions[0]
	fn, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	ctx := context.Background()
	rq := voucher.Request{Provider: f.prov.Address(), Payer: caller.Address(), Function: fn, Method: "GET", Path: "/", BodyHash: voucher.BodyHash(nil)}
	rq.Seq = 1
	key := openKeyed(b, f.meter, f, s, caller.Address(), rq)
	next := macHeaders(b, s.v.Session, key, rq)
	for range b.N {
		c, err := f.meter.Authorize(ctx, &wf.PaidRequest{Function: fn, Method: "GET", Path: "/", Header: next()})
		if err != nil {
			b.Fatal(err)
		}
		c.Release()
	}
}

// BenchmarkCharge is what payment adds to an owner-paid request in
// process, without HTTP: authorization against a cached allowance, the
// charge written to the ledger's log (synced within 50ms, as wf provider
// start does by default) and the receipt (one in DefaultReceiptEvery
// signed).
//
// Run: go test -run '^$' -bench 'Charge$' ./payment/
func BenchmarkCharge(b *testing.B) {
	for _, sum := range []bool{false, true} {
		name := "each"
		if sum {
			name = "summed" // ledger.Options.SumOwnerCharges
		}
		b.Run(name, func(b *testing.B) { benchmarkCharge(b, sum) })
	}
}

func benchmarkCharge(b *testing.B, sum bool) {
	f := newFixture(b, payment.Config{CacheTTL: time.Hour})
	meter, _ := chargeMeterOpt(b, f, ledger.Options{SyncInterval: 50 * time.Millisecond, SumOwnerCharges: sum})
	owner := f.payer()
	f.deposit(owner, 1_000_000_000)
	f.approve(owner, price, 1_000_000_000)
	fn, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	ctx := context.Background()
	payer := owner.Address()
	h := http.Header{}
	for b.Loop() {
		c, err := meter.Authorize(ctx, &wf.PaidRequest{Function: fn, Owner: payer, Method: "GET", Path: "/", Header: http.Header{}})
		if err != nil {
			b.Fatal(err)
		}
		commitCharge(b, ctx, c, h)
	}
}

// BenchmarkChargeCallerKeyed is BenchmarkCharge for caller-pays within a
// keyed session, on a payer whose account remembers MaxSessions
// sessions: the MAC checked, the charge (its session's mark) written to
// the log, the receipt. Making each request's MAC (the client's cost) is
// outside the timer.
//
// Run: go test -run '^$' -bench 'ChargeCallerKeyed' ./payment/
func BenchmarkChargeCallerKeyed(b *testing.B) {
	f := newFixture(b, payment.Config{CacheTTL: time.Hour})
	meter, led := chargeMeter(b, f)
	caller := f.payer()
	f.deposit(caller, 1_000_000_000)
	ctx := context.Background()
	// Sessions the payer used before, as a long-lived client leaves them.
	exp := time.Now().Add(time.Hour).Unix()
	for i := range ledger.MaxSessions - 1 {
		if _, err := led.Charge(ctx, ledger.Charge{Key: ledger.Key{Mode: ledger.Caller, Payer: caller.Address()}, Amount: big.NewInt(price),
			Session: &ledger.SessionUse{Key: [32]byte{byte(i), 1}, Seq: 1, Expiry: exp}}); err != nil {
			b.Fatal(err)
		}
	}
	f.voucher(caller, f.prov.Address(), 1_000_000_000, time.Now().Add(time.Hour))
	s := f.sessions[0]
	fn, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	rq := voucher.Request{Provider: f.prov.Address(), Payer: caller.Address(), Function: fn, Method: "GET", Path: "/", BodyHash: voucher.BodyHash(nil)}
	rq.Seq = 1
	key := openKeyed(b, meter, f, s, caller.Address(), rq)
	resp := http.Header{}
	next := macHeaders(b, s.v.Session, key, rq)
	for range b.N {
		c, err := meter.Authorize(ctx, &wf.PaidRequest{Function: fn, Method: "GET", Path: "/", Header: next()})
		if err != nil {
			b.Fatal(err)
		}
		commitCharge(b, ctx, c, resp)
	}
}

// macHeaders returns a function giving the keyed session's header for rq
// with the next sequence number, after rq's, each call. They are made
// 4,096 at a time with the timer stopped: the client's cost, and stopping
// the timer for each would time the runtime's memory statistics instead.
func macHeaders(b *testing.B, session [32]byte, key *voucher.MACKey, rq voucher.Request) func() http.Header {
	var made []http.Header
	return func() http.Header {
		if len(made) == 0 {
			b.StopTimer()
			for range 4096 {
				rq.Seq++
				made = append(made, http.Header{http.CanonicalHeaderKey(wf.VoucherHeader): {voucher.EncodeMAC(voucher.MACHeader{Session: session, Seq: rq.Seq, Tag: key.Tag(rq)})}})
			}
			b.StartTimer()
		}
		h := made[0]
		made = made[1:]
		return h
	}
}

// chargeMeter is a meter on f's chain charging price, with a ledger synced
// every 50 ms (as wf provider start does by default) and settlement out
// of the way.
func chargeMeter(b *testing.B, f *fixture) (*payment.Meter, *ledger.Ledger) {
	return chargeMeterOpt(b, f, ledger.Options{SyncInterval: 50 * time.Millisecond})
}

// chargeMeterOpt is chargeMeter with the ledger opened with o.
func chargeMeterOpt(b *testing.B, f *fixture, o ledger.Options) (*payment.Meter, *ledger.Ledger) {
	led, err := ledger.Open(filepath.Join(b.TempDir(), "default.db"), o)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { led.Close() })
	meter, err := payment.New(payment.Config{Chain: f.sim.Client(f.prov), Key: f.prov, Ledger: led, Price: big.NewInt(price),
		CacheTTL: time.Hour, SettleCount: 1 << 40, SettleInterval: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	return meter, led
}

// commitCharge commits c as the provider does: into the response's header
// h when the charge can (since issue 19), else through CommitBodies' map.
func commitCharge(b *testing.B, ctx context.Context, c wf.Charge, h http.Header) {
	type headerCharge interface {
		CommitHeader(context.Context, wf.RequestID, wf.Hash, wf.Hash, http.Header) error
	}
	var err error
	if hc, ok := c.(headerCharge); ok {
		clear(h)
		err = hc.CommitHeader(ctx, wf.NewRequestID(), wf.Hash{1}, wf.Hash{2}, h)
	} else {
		_, err = c.(wf.BodyCharge).CommitBodies(ctx, wf.NewRequestID(), wf.Hash{1}, wf.Hash{2})
	}
	if err != nil {
		b.Fatal(err)
	}
}

// openKeyed opens s's keyed session with meter for caller by the signed
// request rq (sequence 1), as client.Payer does, and returns the session's
// MAC key.
func openKeyed(b *testing.B, meter *payment.Meter, f *fixture, s *session, caller wf.Address, rq voucher.Request) *voucher.MACKey {
	ctx := context.Background()
	kx := s.key.ExchangePublic()
	open, err := voucher.Encode(voucher.Header{Voucher: s.v, Signature: s.sig, Seq: 1, KX: kx, RequestSig: s.key.SignOpen(rq, kx)})
	if err != nil {
		b.Fatal(err)
	}
	c, err := meter.Authorize(ctx, &wf.PaidRequest{Function: rq.Function, Method: rq.Method, Path: rq.Path, Header: http.Header{http.CanonicalHeaderKey(wf.VoucherHeader): {open}}})
	if err != nil {
		b.Fatal(err)
	}
	h, err := c.Commit(ctx, wf.NewRequestID())
	if err != nil {
		b.Fatal(err)
	}
	accept, err := voucher.ParseAccept(http.Header(h).Get(voucher.AcceptHeader))
	if err != nil {
		b.Fatal(err)
	}
	key, err := s.key.MACKey(accept, f.prov.Address(), caller)
	if err != nil {
		b.Fatal(err)
	}
	return key
}

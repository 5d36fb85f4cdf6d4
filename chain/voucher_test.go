package chain

import (
	"crypto/rand"
	"errors"
	"math/big"
	"testing"

	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// A voucher a wf.Signer signs (the Go client's way) is the one the escrow
// checks, and survives the header's round trip.
func TestWalletVoucherRoundTrip(t *testing.T) {
	payer, prov := DevKey(1), DevKey(2)
	escrow := DevKey(3).Address()
	sess, err := voucher.NewSession(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	m := wf.Voucher{ChainID: 1337, Escrow: escrow, Payer: payer.Address(), Provider: prov.Address(),
		Cumulative: wf.NewAmount(new(big.Int).Lsh(big.NewInt(1), 200)), Expiry: 1_900_000_000, Session: sess.Public()}
	sig, err := payer.Sign(m)
	if err != nil {
		t.Fatal(err)
	}
	fn := wf.SumCID(0x55, []byte("one"))
	rq := voucher.Request{Provider: prov.Address(), Payer: payer.Address(), Function: fn, Method: "POST", Path: "/x", RawQuery: "a=1", BodyHash: voucher.BodyHash([]byte("hi")), Seq: 9}
	h := voucher.Header{Voucher: m, Signature: sig, Seq: 9, RequestSig: sess.Sign(rq)}
	s, err := voucher.Encode(h)
	if err != nil {
		t.Fatal(err)
	}
	if len(s) > 900 {
		t.Errorf("header is %d bytes", len(s))
	}
	got, err := voucher.Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	sv := SignedVoucher{Voucher: FromMessage(got.Voucher), Signature: got.Signature}
	if err := VerifyVoucher(big.NewInt(1337), escrow, sv); err != nil {
		t.Fatalf("decoded voucher does not verify: %v", err)
	}
	if !voucher.Verify(got.Voucher.Session, rq, got.RequestSig) {
		t.Fatal("request signature does not verify")
	}
	// Anything else about the request, or another session, fails.
	for name, alter := range map[string]func(*voucher.Request){
		"method":   func(r *voucher.Request) { r.Method = "GET" },
		"path":     func(r *voucher.Request) { r.Path = "/y" },
		"query":    func(r *voucher.Request) { r.RawQuery = "a=2" },
		"body":     func(r *voucher.Request) { r.BodyHash[0] ^= 1 },
		"seq":      func(r *voucher.Request) { r.Seq++ },
		"fn":       func(r *voucher.Request) { r.Function = wf.SumCID(0x55, []byte("two")) },
		"provider": func(r *voucher.Request) { r.Provider = payer.Address() },
		"payer":    func(r *voucher.Request) { r.Payer = prov.Address() },
	} {
		r := rq
		alter(&r)
		if voucher.Verify(got.Voucher.Session, r, got.RequestSig) {
			t.Errorf("signature still verifies with another %s", name)
		}
	}
	moved := sv
	moved.Session[0] ^= 1
	if err := VerifyVoucher(big.NewInt(1337), escrow, moved); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("voucher with another session: %v", err)
	}
}

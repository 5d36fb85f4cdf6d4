package voucher_test

import (
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// Both ends of a keyed session derive the same key, and nobody else does:
// not with another acceptor's key, not for another payer or provider.
func TestKeyedSessionKeys(t *testing.T) {
	_, s, rq := header(t)
	a, err := voucher.NewAcceptor(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	prov, payer := rq.Provider, rq.Payer
	caller, err := s.MACKey(a.Public(), prov, payer)
	if err != nil {
		t.Fatal(err)
	}
	provider, err := a.MACKey(s.Public(), s.ExchangePublic(), prov, payer)
	if err != nil {
		t.Fatal(err)
	}
	tag := caller.Tag(rq)
	if !provider.Verify(rq, tag) {
		t.Fatal("the provider's key does not verify the caller's tag")
	}
	other := rq
	other.RawQuery = "x=1"
	if provider.Verify(other, tag) {
		t.Error("a tag verifies another request")
	}
	mitm, _ := voucher.NewAcceptor(rand.Reader)
	for name, k := range map[string]func() (*voucher.MACKey, error){
		"another acceptor": func() (*voucher.MACKey, error) { return s.MACKey(mitm.Public(), prov, payer) },
		"another payer":    func() (*voucher.MACKey, error) { return a.MACKey(s.Public(), s.ExchangePublic(), prov, wf.Address{9}) },
		"another provider": func() (*voucher.MACKey, error) { return a.MACKey(s.Public(), s.ExchangePublic(), wf.Address{9}, payer) },
	} {
		key, err := k()
		if err != nil {
			t.Fatal(err)
		}
		if key.Verify(rq, tag) {
			t.Errorf("%s: derives the session's key", name)
		}
	}
	// The all-zero point gives the all-zero secret: refused.
	if _, err := s.MACKey([32]byte{}, prov, payer); err == nil {
		t.Error("an all-zero accept key was taken")
	}
	// The open's signature covers kx: it is not a plain request signature,
	// and not one for another kx.
	kx := s.ExchangePublic()
	sig := s.SignOpen(rq, kx)
	if !voucher.VerifyOpen(s.Public(), rq, kx, sig) || voucher.Verify(s.Public(), rq, sig) || voucher.VerifyOpen(s.Public(), rq, mitm.Public(), sig) {
		t.Error("an open's signature verifies as something else")
	}
}

func TestMACHeaderRoundTrip(t *testing.T) {
	h := voucher.MACHeader{Session: [32]byte{1, 2, 3}, Seq: 18446744073709551615, Tag: [32]byte{31: 7}}
	enc := voucher.EncodeMAC(h)
	if !voucher.IsMAC(enc) || len(enc) > 130 || strings.ContainsAny(enc, "+/= ") {
		t.Fatalf("%q: want a short m1. header in base64url", enc)
	}
	if want := "m1." + base64.RawURLEncoding.EncodeToString(h.Session[:]) + ".18446744073709551615." + base64.RawURLEncoding.EncodeToString(h.Tag[:]); enc != want {
		t.Fatalf("EncodeMAC = %q, want %q", enc, want)
	}
	got, err := voucher.DecodeMAC(enc)
	if err != nil || got != h {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	good := strings.Split(enc, ".")
	for name, v := range map[string]string{
		"not keyed":     "eyJ2IjoyfQ",
		"too few parts": "m1." + good[1] + "." + good[2],
		"seq zero":      strings.Join([]string{"m1", good[1], "0", good[3]}, "."),
		"seq leading 0": strings.Join([]string{"m1", good[1], "07", good[3]}, "."),
		"seq signed":    strings.Join([]string{"m1", good[1], "+7", good[3]}, "."),
		"short session": strings.Join([]string{"m1", good[1][:20], "7", good[3]}, "."),
		"padded tag":    strings.Join([]string{"m1", good[1], "7", good[3] + "="}, "."),
		"extra part":    enc + ".x",
		"too long":      enc + strings.Repeat("A", 200),
		"line break":    strings.Join([]string{"m1", good[1], "7\n", good[3]}, "."),
	} {
		if _, err := voucher.DecodeMAC(v); err == nil {
			t.Errorf("%s: %q decoded", name, v)
		}
	}
}

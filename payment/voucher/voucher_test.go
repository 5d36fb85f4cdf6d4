package voucher_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

func header(t *testing.T) (voucher.Header, voucher.Session, voucher.Request) {
	t.Helper()
	s, err := voucher.NewSession(bytes.NewReader(bytes.Repeat([]byte{7}, 64)))
	if err != nil {
		t.Fatal(err)
	}
	rq := voucher.Request{Provider: wf.Address{2}, Payer: wf.Address{1}, Function: wf.SumCID(0x55, []byte("f")), Method: "GET", Path: "/", Seq: 1}
	return voucher.Header{
		Voucher: wf.Voucher{ChainID: 1337, Escrow: wf.Address{3}, Payer: wf.Address{1}, Provider: wf.Address{2},
			Cumulative: wf.NewAmount(new(big.Int).Lsh(big.NewInt(1), 200)), Expiry: 1_900_000_000, Session: s.Public()},
		Signature: wf.Signature{0: 1, 64: 27}, Seq: 1, RequestSig: s.Sign(rq),
	}, s, rq
}

func TestRoundTrip(t *testing.T) {
	h, s, rq := header(t)
	enc, err := voucher.Encode(h)
	if err != nil {
		t.Fatal(err)
	}
	if len(enc) > voucher.MaxHeader || strings.ContainsAny(enc, "+/= ") {
		t.Errorf("header %q: want compact unpadded base64url", enc)
	}
	got, err := voucher.Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	if got.Voucher.Cumulative.Cmp(h.Voucher.Cumulative) != 0 || got.Voucher.Session != s.Public() || got.Seq != 1 ||
		got.Signature != h.Signature || got.Voucher.Payer != h.Voucher.Payer || got.Voucher.Expiry != h.Voucher.Expiry {
		t.Fatalf("round trip changed it:\n got %+v\nwant %+v", got, h)
	}
	if !voucher.Verify(got.Voucher.Session, rq, got.RequestSig) {
		t.Fatal("request signature lost")
	}
	again, err := voucher.SessionFromSeed(s.Seed())
	if err != nil || again.Public() != s.Public() {
		t.Fatalf("session from its seed: %v", err)
	}
}

func TestDecodeRejects(t *testing.T) {
	h, _, _ := header(t)
	enc := func(mutate func(*voucher.Header)) string {
		c := h
		mutate(&c)
		// Encode refuses what Decode must refuse, so build the JSON by hand.
		s, err := voucher.Encode(h)
		if err != nil {
			t.Fatal(err)
		}
		if c.Seq == 0 {
			j, _ := base64.RawURLEncoding.DecodeString(s)
			return base64.RawURLEncoding.EncodeToString(bytes.Replace(j, []byte(`"seq":1`), []byte(`"seq":0`), 1))
		}
		return s
	}
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for name, v := range map[string]string{
		"empty":             "",
		"not base64":        "!!!",
		"padded":            b64("{}") + "=",
		"line break":        enc(func(*voucher.Header) {})[:10] + "\n" + enc(func(*voucher.Header) {})[10:],
		"version 1":         b64(`{"v":1,"payer":"0x01","provider":"0x02","amount":"1","expiry":1,"sig":"0x00"}`),
		"unknown key":       b64(`{"v":2,"x":1}`),
		"sequence zero":     enc(func(h *voucher.Header) { h.Seq = 0 }),
		"too long":          strings.Repeat("A", voucher.MaxHeader+1),
		"short session":     b64(`{"v":2,"chain":1,"escrow":"0x0300000000000000000000000000000000000000","payer":"0x0100000000000000000000000000000000000000","provider":"0x0200000000000000000000000000000000000000","amount":"1","expiry":1,"session":"AAAA","sig":"0x` + strings.Repeat("01", 65) + `","seq":1,"rsig":""}`),
		"not JSON":          b64("nope"),
		"JSON with garbage": b64(`{"v":2} x`),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := voucher.Decode(v); !errors.Is(err, wf.ErrInvalid) {
				t.Errorf("Decode: %v, want wf.ErrInvalid", err)
			}
		})
	}
	if _, err := voucher.Encode(voucher.Header{}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("Encode of nothing: %v", err)
	}
}

// TestBodyHashEmpty: the empty body's hash is a constant, and still
// SHA-256's of nothing; a body of one byte is hashed.
func TestBodyHashEmpty(t *testing.T) {
	const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	for _, b := range [][]byte{nil, {}} {
		if h := voucher.BodyHash(b); hex.EncodeToString(h[:]) != empty {
			t.Fatalf("BodyHash(%v) = %x, want %s", b, h, empty)
		}
	}
	if h := voucher.BodyHash([]byte{0}); h != sha256.Sum256([]byte{0}) || hex.EncodeToString(h[:]) == empty {
		t.Fatalf("BodyHash([0]) = %x", h)
	}
}

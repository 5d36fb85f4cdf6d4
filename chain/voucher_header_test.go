package chain

import (
	"encoding/base64"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/wf"
)

func TestVoucherHeaderRoundTrip(t *testing.T) {
	payer, prov := DevKey(1), DevKey(2)
	escrow := DevKey(3).Address()
	id := big.NewInt(1337)
	sv, err := SignVoucher(payer, id, escrow, Voucher{
		Provider:         prov.Address(),
		CumulativeAmount: new(big.Int).Lsh(big.NewInt(1), 200), // beyond int64 and float precision
		Expiry:           time.Unix(1_900_000_000, 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	h, err := EncodeVoucher(sv)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) > 600 || strings.ContainsAny(h, "+/= ") {
		t.Errorf("header value %q: want compact unpadded base64url", h)
	}
	got, err := DecodeVoucher(h)
	if err != nil {
		t.Fatal(err)
	}
	if got.Payer != sv.Payer || got.Provider != sv.Provider || got.CumulativeAmount.Cmp(sv.CumulativeAmount) != 0 ||
		!got.Expiry.Equal(sv.Expiry) || got.Signature != sv.Signature {
		t.Fatalf("round trip changed the voucher:\n got %+v\nwant %+v", got, sv)
	}
	if err := VerifyVoucher(id, escrow, got); err != nil {
		t.Fatalf("decoded voucher does not verify: %v", err)
	}
	// A voucher altered in transit decodes but no longer verifies.
	tampered := got
	tampered.CumulativeAmount = new(big.Int).Add(got.CumulativeAmount, big.NewInt(1))
	h2, err := EncodeVoucher(tampered)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeVoucher(h2)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyVoucher(id, escrow, back); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("tampered voucher: %v, want an invalid signature", err)
	}
}

func TestDecodeVoucherRejects(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	const (
		a   = `"0x1111111111111111111111111111111111111111"`
		b   = `"0x2222222222222222222222222222222222222222"`
		sig = `"0x` + "11111111111111111111111111111111111111111111111111111111111111112222222222222222222222222222222222222222222222222222222222222222" + `1b"`
	)
	good := `{"v":1,"payer":` + a + `,"provider":` + b + `,"amount":"1000","expiry":1900000000,"sig":` + sig + `}`
	if _, err := DecodeVoucher(enc(good)); err != nil {
		t.Fatalf("the well-formed base case fails: %v", err)
	}
	tests := []struct{ name, value string }{
		{"empty", ""},
		{"not base64", "!!!"},
		{"padded", base64.URLEncoding.EncodeToString([]byte(good))},
		{"spaces", " " + enc(good)},
		{"standard alphabet", base64.RawStdEncoding.EncodeToString([]byte(good + "\xfb\xff"))},
		{"not json", enc("voucher")},
		{"unknown field", enc(strings.Replace(good, `"v":1`, `"v":1,"chain":1`, 1))},
		{"version 2", enc(strings.Replace(good, `"v":1`, `"v":2`, 1))},
		{"no version", enc(strings.Replace(good, `"v":1,`, ``, 1))},
		{"amount as number", enc(strings.Replace(good, `"1000"`, `1000`, 1))},
		{"negative amount", enc(strings.Replace(good, `"1000"`, `"-1000"`, 1))},
		{"signed amount", enc(strings.Replace(good, `"1000"`, `"+1000"`, 1))},
		{"zero amount", enc(strings.Replace(good, `"1000"`, `"0"`, 1))},
		{"amount above 2^256", enc(strings.Replace(good, `"1000"`, `"`+strings.Repeat("9", 78)+`"`, 1))},
		{"no payer", enc(strings.Replace(good, `"payer":`+a+`,`, ``, 1))},
		{"bad address", enc(strings.Replace(good, a, `"0x11"`, 1))},
		{"no expiry", enc(strings.Replace(good, `"expiry":1900000000,`, ``, 1))},
		{"no signature", enc(strings.Replace(good, `,"sig":`+sig, ``, 1))},
		{"short signature", enc(strings.Replace(good, sig, `"0x1b"`, 1))},
		{"trailing data", enc(good + `{}`)},
		{"trailing brace", enc(good + `}garbage`)},
		{"trailing bracket", enc(good + `]`)},
		{"leading zeros", enc(strings.Replace(good, `"1000"`, `"0001000"`, 1))},
		{"zero then digits", enc(strings.Replace(good, `"1000"`, `"01000"`, 1))},
		{"CRLF in base64", enc(good)[:10] + "\r\n" + enc(good)[10:]},
		{"LF in base64", enc(good)[:10] + "\n" + enc(good)[10:]},
		{"too long", strings.Repeat("A", 2000)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := DecodeVoucher(tc.value); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("DecodeVoucher = %v, want wf.ErrInvalid", err)
			}
		})
	}
}

func TestEncodeVoucherRejectsIncomplete(t *testing.T) {
	if _, err := EncodeVoucher(SignedVoucher{}); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("EncodeVoucher of an empty voucher = %v, want wf.ErrInvalid", err)
	}
}

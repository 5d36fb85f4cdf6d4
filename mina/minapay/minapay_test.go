package minapay

import (
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/wf"
)

var now = time.Unix(1_800_000_000, 0)

type fixture struct {
	payer, provider, channel, other *mina.PrivateKey
	checker                         *Checker
	ch                              *Channel
	session                         ed25519.PrivateKey
	seq                             uint64
	req                             wf.PaidRequest
}

func key(t testing.TB, n int64) *mina.PrivateKey {
	k, err := mina.NewPrivateKey(big.NewInt(n))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func setup(t testing.TB) *fixture {
	f := &fixture{payer: key(t, 1001), provider: key(t, 1002), channel: key(t, 1003), other: key(t, 1004),
		session: ed25519.NewKeyFromSeed(make([]byte, 32)),
		req:     wf.PaidRequest{Method: "POST", Path: "/hello", RawQuery: "a=1", Body: []byte("body")}}
	var err error
	f.checker, err = NewChecker(Policy{Provider: f.provider.PublicKey(), Network: mina.Testnet, Price: 10,
		MinSlots: 20, MinLife: 10 * time.Minute, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	f.ch = &Channel{Address: f.channel.PublicKey(), Parties: mina.PartiesHash(f.payer.PublicKey(), f.provider.PublicKey()).String(),
		Network: mina.Testnet, Redeemed: 0, Balance: 1000, ExpirySlot: 500, Slot: 100}
	return f
}

// header signs a voucher for cumulative with signer, naming payer, and the
// fixture's request with the next sequence number.
func (f *fixture) header(t testing.TB, cumulative uint64, signer *mina.PrivateKey, edit func(*Header)) string {
	h := Header{Payer: f.payer.PublicKey(), Voucher: mina.Voucher{Network: mina.Testnet, Channel: f.channel.PublicKey(),
		Cumulative: cumulative, Expiry: uint64(now.Add(time.Hour).Unix())}}
	h.Voucher.Session = [32]byte(f.session.Public().(ed25519.PublicKey))
	f.seq++
	h.Seq = f.seq
	if edit != nil {
		edit(&h)
	}
	var err error
	if h.Signature, err = h.Voucher.Sign(signer); err != nil {
		t.Fatal(err)
	}
	r := f.request(h.Voucher.Channel, h.Seq)
	h.RequestSig = SignRequest(f.session, &r)
	return h.Encode()
}

func (f *fixture) request(channel *mina.PublicKey, seq uint64) Request {
	return Request{Channel: channel, Provider: f.provider.PublicKey(), Function: f.req.Function, Method: f.req.Method,
		Path: f.req.Path, RawQuery: f.req.RawQuery, BodyHash: sha256.Sum256(f.req.Body), Seq: seq}
}

// check checks raw for the fixture's request and, if it pays, uses its number.
func (f *fixture) check(raw string, owed uint64) (uint64, error) {
	v, err := f.checker.Decode([]string{raw})
	if err != nil {
		return 0, err
	}
	got, err := f.checker.Check(v, &f.req, f.ch, owed)
	if err != nil {
		return 0, err
	}
	return got, f.checker.Use(v)
}

func TestCheckPays(t *testing.T) {
	f := setup(t)
	owed := uint64(0)
	var raw string
	for i := range 10 {
		raw = f.header(t, 100, f.payer, nil)
		got, err := f.check(raw, owed)
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		if got != owed+10 {
			t.Fatalf("request %d: owed %d, want %d", i, got, owed+10)
		}
		owed = got
	}
	// a header resent (copied) pays nothing: its number was used
	if _, err := f.check(raw, owed-10); reason(err) != "seq_used" {
		t.Fatalf("resent header: %v", err)
	}
	// the ceiling is spent: the 11th request needs a new voucher
	if _, err := f.check(f.header(t, 100, f.payer, nil), owed); reason(err) != "voucher_too_low" {
		t.Fatalf("11th request: %v", err)
	}
	// what was redeemed on chain counts even if this provider lost track
	f.ch.Redeemed = 95
	if got, err := f.check(f.header(t, 200, f.payer, nil), 0); err != nil || got != 105 {
		t.Fatalf("after redeem: %d %v", got, err)
	}
	// a later request with the same voucher reuses the verified one
	v, err := f.checker.Decode([]string{f.header(t, 100, f.payer, nil)})
	if err != nil || !v.v.verified {
		t.Fatalf("voucher not remembered: %v", err)
	}
}

func reason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason()
	}
	return ""
}

func TestCheckRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, reason string
		raw          func(f *fixture) string
		owed         uint64
		change       func(f *fixture)
	}{
		{"signed by someone else", "bad_signature", func(f *fixture) string { return f.header(t, 100, f.other, nil) }, 0, nil},
		{"payer is not the channel's", "wrong_channel", func(f *fixture) string {
			return f.header(t, 100, f.other, func(h *Header) { h.Payer = f.other.PublicKey() })
		}, 0, nil},
		{"voucher for mainnet", "wrong_network", func(f *fixture) string {
			return f.header(t, 100, f.payer, func(h *Header) { h.Voucher.Network = mina.Mainnet })
		}, 0, nil},
		{"channel on mainnet", "wrong_channel", func(f *fixture) string { return f.header(t, 100, f.payer, nil) }, 0,
			func(f *fixture) { f.ch.Network = mina.Mainnet }},
		{"another provider's channel", "wrong_channel", func(f *fixture) string { return f.header(t, 100, f.payer, nil) }, 0,
			func(f *fixture) { f.ch.Parties = mina.PartiesHash(f.payer.PublicKey(), f.other.PublicKey()).String() }},
		{"another channel", "unknown_channel", func(f *fixture) string {
			return f.header(t, 100, f.payer, func(h *Header) { h.Voucher.Channel = f.other.PublicKey() })
		}, 0, nil},
		{"not above what is owed", "voucher_too_low", func(f *fixture) string { return f.header(t, 50, f.payer, nil) }, 45, nil},
		{"replayed at the amount owed", "voucher_too_low", func(f *fixture) string { return f.header(t, 50, f.payer, nil) }, 50, nil},
		{"not above what was redeemed", "voucher_too_low", func(f *fixture) string { return f.header(t, 50, f.payer, nil) }, 0,
			func(f *fixture) { f.ch.Redeemed = 45 }},
		{"over the balance", "over_balance", func(f *fixture) string { return f.header(t, 5000, f.payer, nil) }, 995, nil},
		{"voucher expires soon", "voucher_expired", func(f *fixture) string {
			return f.header(t, 100, f.payer, func(h *Header) { h.Voucher.Expiry = uint64(now.Add(time.Minute).Unix()) })
		}, 0, nil},
		{"channel expires soon", "channel_expiring", func(f *fixture) string { return f.header(t, 100, f.payer, nil) }, 0,
			func(f *fixture) { f.ch.Slot = 481 }},
		{"owed overflows", "voucher_too_low", func(f *fixture) string { return f.header(t, 1<<63, f.payer, nil) }, 1<<64 - 5, nil},
		{"request signed for another path", "bad_request_signature", func(f *fixture) string {
			raw := f.header(t, 100, f.payer, nil)
			f.req.Path = "/other"
			return raw
		}, 0, nil},
		{"request signed for another body", "bad_request_signature", func(f *fixture) string {
			raw := f.header(t, 100, f.payer, nil)
			f.req.Body = []byte("other")
			return raw
		}, 0, nil},
		{"request signed by another session", "bad_request_signature", func(f *fixture) string {
			return f.header(t, 100, f.payer, func(h *Header) { h.Voucher.Session[0] ^= 1 })
		}, 0, nil},
		{"request number changed", "bad_request_signature", func(f *fixture) string {
			h, _ := Decode(f.header(t, 100, f.payer, nil))
			h.Seq++
			return h.Encode()
		}, 0, nil},
		{"voucher valid too long", "voucher_too_long", func(f *fixture) string {
			return f.header(t, 100, f.payer, func(h *Header) { h.Voucher.Expiry = uint64(now.Add(48 * time.Hour).Unix()) })
		}, 0, nil},
		{"garbage", "malformed_voucher", func(*fixture) string { return "not a voucher" }, 0, nil},
		{"not base58", "malformed_voucher", func(f *fixture) string {
			return f.header(t, 100, f.payer, nil)[:40] + "!!"
		}, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := setup(t)
			if tc.change != nil {
				tc.change(f)
			}
			_, err := f.check(tc.raw(f), tc.owed)
			if !errors.Is(err, wf.ErrPaymentRequired) || reason(err) != tc.reason {
				t.Fatalf("err %v (reason %q), want %s", err, reason(err), tc.reason)
			}
			var e *Error
			errors.As(err, &e)
			if fix, _ := e.Details()["fix"].(string); fix == "" || e.Details()["rail"] != "mina" {
				t.Fatalf("details %v", e.Details())
			}
		})
	}
	f := setup(t)
	if _, err := f.checker.Decode(nil); reason(err) != "malformed_voucher" {
		t.Fatalf("no header: %v", err)
	}
	raw := f.header(t, 100, f.payer, nil)
	if _, err := f.checker.Decode([]string{raw, raw}); reason(err) != "malformed_voucher" {
		t.Fatalf("two headers: %v", err)
	}
	// a refused signature is not remembered
	bad := f.header(t, 100, f.other, nil)
	f.check(bad, 0)
	if v, err := f.checker.Decode([]string{bad}); err != nil || v.v.verified {
		t.Fatal("bad signature remembered")
	}
	// numbers: each once, and not below the window
	f = setup(t)
	f.seq = 5000
	if _, err := f.check(f.header(t, 100, f.payer, nil), 0); err != nil {
		t.Fatal(err)
	}
	f.seq = 5001 - Window - 1
	if _, err := f.check(f.header(t, 100, f.payer, nil), 10); reason(err) != "seq_used" {
		t.Fatalf("below the window: %v", err)
	}
	f.seq = 5001 - Window
	if _, err := f.check(f.header(t, 100, f.payer, nil), 10); err != nil {
		t.Fatalf("inside the window: %v", err)
	}
}

func TestDecodeStrict(t *testing.T) {
	f := setup(t)
	good := f.header(t, 100, f.payer, nil)
	h, err := Decode(good)
	if err != nil || h.Encode() != good {
		t.Fatalf("round trip: %v", err)
	}
	for name, s := range map[string]string{
		"too long":      strings.Repeat("A", MaxHeader+1),
		"unknown field": b64.EncodeToString([]byte(`{"v":1,"extra":1}`)),
		"version 2":     b64.EncodeToString([]byte(`{"v":2}`)),
		"padded":        good + "==",
		"leading zero amount": func() string {
			raw, _ := b64.DecodeString(good)
			return b64.EncodeToString([]byte(strings.Replace(string(raw), `"cumulative":"100"`, `"cumulative":"0100"`, 1)))
		}(),
		"trailing data": func() string {
			raw, _ := b64.DecodeString(good)
			return b64.EncodeToString(append(raw, []byte(" {}")...))
		}(),
	} {
		if _, err := Decode(s); err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
}

func FuzzDecode(f *testing.F) {
	fx := setup(f)
	f.Add(fx.header(f, 100, fx.payer, nil))
	f.Add("")
	f.Add(b64.EncodeToString([]byte(`{"v":1,"network":"testnet"}`)))
	f.Fuzz(func(t *testing.T, s string) {
		h, err := Decode(s)
		if err != nil {
			return
		}
		again, err := Decode(h.Encode())
		if err != nil || again.Encode() != h.Encode() {
			t.Fatalf("re-encoding changes the header: %v", err)
		}
	})
}

// BenchmarkCheck: a session's first request decodes and verifies the
// voucher; later requests reuse it and verify only the request signature.
func BenchmarkCheck(b *testing.B) {
	f := setup(b)
	raw := f.header(b, 100, f.payer, nil)
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			f.checker.vouchers = map[[32]byte]*voucher{}
			v, err := f.checker.Decode([]string{raw})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := f.checker.Check(v, &f.req, f.ch, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			v, err := f.checker.Decode([]string{raw})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := f.checker.Check(v, &f.req, f.ch, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// A session's numbers up to a floor (what a ledger charged before a
// restart) are refused; the ones above it are taken once each.
func TestFloor(t *testing.T) {
	f := setup(t)
	session := [32]byte(f.session.Public().(ed25519.PublicKey))
	if err := f.checker.Floor(session, 3, uint64(now.Add(time.Hour).Unix())); err != nil {
		t.Fatal(err)
	}
	for seq := uint64(1); seq <= 5; seq++ {
		f.seq = seq - 1
		_, err := f.check(f.header(t, 1000, f.payer, nil), 10*seq)
		if seq <= 3 && reason(err) != "seq_used" {
			t.Fatalf("number %d at or below the floor: %v", seq, err)
		}
		if seq > 3 && err != nil {
			t.Fatalf("number %d above the floor: %v", seq, err)
		}
	}
}

// Pay makes the header the checker takes; the request it signs is bound
// to the method, path, query and body.
func TestPay(t *testing.T) {
	f := setup(t)
	r := f.request(f.channel.PublicKey(), 1)
	h, err := Pay(f.payer, mina.Voucher{Network: mina.Testnet, Channel: f.channel.PublicKey(), Cumulative: 100,
		Expiry: uint64(now.Add(time.Hour).Unix())}, f.session, r)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.check(h, 0); err != nil {
		t.Fatal(err)
	}
	f.req.Body = []byte("another body")
	f.seq = 1
	h2, _ := Pay(f.payer, mina.Voucher{Network: mina.Testnet, Channel: f.channel.PublicKey(), Cumulative: 100,
		Expiry: uint64(now.Add(time.Hour).Unix())}, f.session, Request{Provider: f.provider.PublicKey(), Function: f.req.Function,
		Method: f.req.Method, Path: f.req.Path, RawQuery: f.req.RawQuery, BodyHash: sha256.Sum256([]byte("body")), Seq: 2})
	if _, err := f.check(h2, 10); reason(err) != "bad_request_signature" {
		t.Fatalf("a header for another body: %v", err)
	}
}

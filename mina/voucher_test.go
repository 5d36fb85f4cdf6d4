package mina

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"strconv"
	"testing"
)

// TestVoucherVectors: Go builds the same fields as the zkApp, signs the
// byte-identical voucher o1js made, verifies it, and refuses it for the other
// network, another channel or another amount. zkapp/test/channel.test.js
// redeems these same vouchers on the local chain.
func TestVoucherVectors(t *testing.T) {
	b, err := os.ReadFile("testdata/vouchers.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		PayerKey, Payer, ChannelKey, Channel, Parties string
		Vouchers                                      []struct {
			Network, Cumulative, Signature, Session, Expiry string
			Fields                                          []string
		}
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	payerKey, err := ParsePrivateKey(v.PayerKey)
	if err != nil {
		t.Fatal(err)
	}
	payer, err := ParsePublicKey(v.Payer)
	if err != nil || !payer.Equal(payerKey.PublicKey()) {
		t.Fatal("payer key mismatch", err)
	}
	channel, err := ParsePublicKey(v.Channel)
	if err != nil {
		t.Fatal(err)
	}
	if got := PartiesHash(payer, channel).String(); got != v.Parties {
		t.Errorf("PartiesHash = %s, o1js %s", got, v.Parties)
	}
	if PartiesHash(channel, payer).String() == v.Parties {
		t.Error("PartiesHash ignores the order")
	}
	otherChannel := payer
	if len(v.Vouchers) < 4 {
		t.Fatal("too few vouchers")
	}
	for i, c := range v.Vouchers {
		n, _ := ParseNetwork(c.Network)
		cum, err := strconv.ParseUint(c.Cumulative, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		exp, err := strconv.ParseUint(c.Expiry, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		sess, err := hex.DecodeString(c.Session)
		if err != nil || len(sess) != 32 {
			t.Fatal("bad session", err)
		}
		v := Voucher{Network: n, Channel: channel, Cumulative: cum, Expiry: exp}
		copy(v.Session[:], sess)
		fields := v.Fields()
		if len(fields) != len(c.Fields) {
			t.Fatalf("%d: %d fields, zkApp %d", i, len(fields), len(c.Fields))
		}
		for j := range fields {
			if fields[j].String() != c.Fields[j] {
				t.Fatalf("%d: field %d = %s, zkApp %s", i, j, fields[j], c.Fields[j])
			}
		}
		sig, err := ParseSignature(c.Signature)
		if err != nil {
			t.Fatal(err)
		}
		mine, err := v.Sign(payerKey)
		if err != nil {
			t.Fatal(err)
		}
		if mine.Base58() != c.Signature {
			t.Errorf("%d: Go signs %s, o1js %s", i, mine.Base58(), c.Signature)
		}
		if !v.Verify(payer, sig) {
			t.Errorf("%d: o1js voucher does not verify", i)
		}
		if v.Verify(channel, sig) {
			t.Errorf("%d: voucher verifies under another key", i)
		}
		for what, change := range map[string]func(w *Voucher){
			"network": func(w *Voucher) { w.Network = 1 - w.Network },
			"channel": func(w *Voucher) { w.Channel = otherChannel },
			"amount":  func(w *Voucher) { w.Cumulative++ },
			"session": func(w *Voucher) { w.Session[31] ^= 1 },
			"expiry":  func(w *Voucher) { w.Expiry++ },
		} {
			w := v
			change(&w)
			if w.Verify(payer, sig) {
				t.Errorf("%d: voucher verifies with another %s", i, what)
			}
		}
	}
}

func BenchmarkVerifyVoucher(b *testing.B) {
	k, _ := GenerateKey(nil)
	ch, _ := GenerateKey(nil)
	pk, chPk := k.PublicKey(), ch.PublicKey()
	v := Voucher{Network: Testnet, Channel: chPk, Cumulative: 12345, Expiry: 1900000000}
	sig, _ := v.Sign(k)
	for b.Loop() {
		if !v.Verify(pk, sig) {
			b.Fatal("does not verify")
		}
	}
}

package mina

import (
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
		PayerKey, Payer, ChannelKey, Channel string
		Vouchers                             []struct {
			Network, Cumulative, Signature string
			Fields                         []string
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
		fields := VoucherFields(n, channel, cum)
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
		mine, err := SignVoucher(payerKey, n, channel, cum)
		if err != nil {
			t.Fatal(err)
		}
		if mine.Base58() != c.Signature {
			t.Errorf("%d: Go signs %s, o1js %s", i, mine.Base58(), c.Signature)
		}
		if !VerifyVoucher(payer, n, channel, cum, sig) {
			t.Errorf("%d: o1js voucher does not verify", i)
		}
		if VerifyVoucher(payer, 1-n, channel, cum, sig) {
			t.Errorf("%d: voucher verifies for the other network", i)
		}
		if VerifyVoucher(payer, n, otherChannel, cum, sig) {
			t.Errorf("%d: voucher verifies for another channel", i)
		}
		if VerifyVoucher(payer, n, channel, cum+1, sig) {
			t.Errorf("%d: voucher verifies for another amount", i)
		}
		if VerifyVoucher(channel, n, channel, cum, sig) {
			t.Errorf("%d: voucher verifies under another key", i)
		}
	}
}

func BenchmarkVerifyVoucher(b *testing.B) {
	k, _ := GenerateKey(nil)
	ch, _ := GenerateKey(nil)
	pk, chPk := k.PublicKey(), ch.PublicKey()
	sig, _ := SignVoucher(k, Testnet, chPk, 12345)
	for b.Loop() {
		if !VerifyVoucher(pk, Testnet, chPk, 12345, sig) {
			b.Fatal("does not verify")
		}
	}
}

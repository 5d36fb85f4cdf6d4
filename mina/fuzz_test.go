package mina

import (
	"math/big"
	"testing"
)

// FuzzParse feeds garbage to every decoder: none may panic, and whatever
// decodes must re-encode to the same string.
func FuzzParse(f *testing.F) {
	v := loadVectors(f)
	for _, c := range v.Signatures[:4] {
		f.Add(c.PublicKey)
		f.Add(c.PrivateKey)
		f.Add(c.Signature)
	}
	f.Add("")
	f.Add("1111111111")
	f.Add("B62qiVGZQdBJJrxnzhvqp7LKe6jDiFcpU3cF5xHoZof5Pz9qiL85KL0")
	f.Fuzz(func(t *testing.T, s string) {
		if pk, err := ParsePublicKey(s); err == nil && pk.Base58() != s {
			t.Fatalf("public key %q re-encodes as %q", s, pk.Base58())
		}
		if k, err := ParsePrivateKey(s); err == nil && k.Base58() != s {
			t.Fatalf("private key %q re-encodes as %q", s, k.Base58())
		}
		if sig, err := ParseSignature(s); err == nil && sig.Base58() != s {
			t.Fatalf("signature %q re-encodes as %q", s, sig.Base58())
		}
		if b, err := base58Decode(s); err == nil && base58Encode(b) != s {
			t.Fatalf("base58 %q re-encodes as %q", s, base58Encode(b))
		}
	})
}

// FuzzVerify: arbitrary keys, messages and signatures never panic, and a
// signature made here verifies (the vectors and TestMinaSignerVerifiesGo
// check what must not verify; each verification here costs ~0.4 ms).
func FuzzVerify(f *testing.F) {
	f.Add([]byte{1}, []byte{2, 3}, []byte{4}, []byte{5}, uint8(0))
	f.Add([]byte{0xff, 0xff}, []byte{}, []byte{0}, []byte{0}, uint8(1))
	f.Fuzz(func(t *testing.T, key, msg, r, s []byte, net uint8) {
		n := Network(net % 2)
		var m []*big.Int
		for i := 0; i < len(msg) && i < 8*32; i += 32 {
			m = append(m, new(big.Int).SetBytes(msg[i:min(i+32, len(msg))]))
		}
		d := new(big.Int).SetBytes(key)
		d.Mod(d, &fq.big)
		if d.Sign() == 0 {
			d.SetInt64(1)
		}
		k, err := NewPrivateKey(d)
		if err != nil {
			t.Fatal(err)
		}
		pk := k.PublicKey()
		// garbage key and signature: never valid here, never a panic
		target := pk
		if pk2, err := NewPublicKey(new(big.Int).SetBytes(r), len(s)%2 == 1); err == nil {
			target = pk2
		}
		if sig, err := NewSignature(new(big.Int).SetBytes(r), new(big.Int).SetBytes(s)); err == nil {
			_ = Verify(target, m, sig, n)
		}
		sig, err := Sign(k, m, n)
		if err != nil {
			// only a message element >= p is refused
			for _, x := range m {
				if x.Cmp(&fp.big) >= 0 {
					return
				}
			}
			t.Fatal(err)
		}
		if !Verify(pk, m, sig, n) {
			t.Fatal("own signature does not verify")
		}
	})
}

func BenchmarkVerify(b *testing.B) {
	v := loadVectors(b)
	c := v.Signatures[len(v.Signatures)-1]
	pk, _ := ParsePublicKey(c.PublicKey)
	sig, _ := ParseSignature(c.Signature)
	msg := bigs(b, c.Fields)
	n, _ := ParseNetwork(c.Network)
	b.ReportMetric(float64(len(msg)), "fields")
	for b.Loop() {
		if !Verify(pk, msg, sig, n) {
			b.Fatal("does not verify")
		}
	}
}

func BenchmarkSign(b *testing.B) {
	k, _ := NewPrivateKey(big.NewInt(12345))
	msg := []*big.Int{big.NewInt(1), big.NewInt(2), big.NewInt(3), big.NewInt(4), big.NewInt(5)}
	for b.Loop() {
		if _, err := Sign(k, msg, Testnet); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePublicKey(b *testing.B) {
	s := loadVectors(b).Signatures[0].PublicKey
	for b.Loop() {
		if _, err := ParsePublicKey(s); err != nil {
			b.Fatal(err)
		}
	}
}

package mina

import (
	"encoding/json"
	"math/big"
	"os"
	"testing"
)

type vectors struct {
	Signatures []struct {
		PrivateKey, PublicKey, Network string
		Fields                         []string
		R, S, Signature                string
	}
	Poseidon []struct {
		Input []string
		Hash  string
	}
	PoseidonWithPrefix []struct {
		Prefix string
		Input  []string
		Hash   string
	}
}

func loadVectors(t testing.TB) vectors {
	b, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Signatures) == 0 || len(v.Poseidon) == 0 {
		t.Fatal("no vectors")
	}
	return v
}

func bigs(t testing.TB, ss []string) []*big.Int {
	out := make([]*big.Int, len(ss))
	for i, s := range ss {
		v, ok := new(big.Int).SetString(s, 10)
		if !ok {
			t.Fatalf("bad number %q", s)
		}
		out[i] = v
	}
	return out
}

func fes(t testing.TB, ss []string) []fe {
	m, err := fields(bigs(t, ss))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPoseidonVectors(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Poseidon {
		h := poseidonHash(fes(t, c.Input))
		if got := fp.toBig(&h).String(); got != c.Hash {
			t.Errorf("Poseidon(%v) = %s, mina-signer %s", c.Input, got, c.Hash)
		}
	}
	for _, c := range v.PoseidonWithPrefix {
		h := hashWithPrefix(c.Prefix, fes(t, c.Input))
		if got := fp.toBig(&h).String(); got != c.Hash {
			t.Errorf("hashWithPrefix(%q, %v) = %s, mina-signer %s", c.Prefix, c.Input, got, c.Hash)
		}
	}
}

func TestSignatureVectors(t *testing.T) {
	v := loadVectors(t)
	for i, c := range v.Signatures {
		n, err := ParseNetwork(c.Network)
		if err != nil {
			t.Fatal(err)
		}
		k, err := ParsePrivateKey(c.PrivateKey)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if got := k.Base58(); got != c.PrivateKey {
			t.Errorf("%d: private key re-encodes as %s", i, got)
		}
		pk := k.PublicKey()
		if got := pk.Base58(); got != c.PublicKey {
			t.Errorf("%d: public key %s, mina-signer %s", i, got, c.PublicKey)
		}
		parsed, err := ParsePublicKey(c.PublicKey)
		if err != nil || !parsed.Equal(pk) || parsed.pt != pk.pt {
			t.Errorf("%d: ParsePublicKey: %v", i, err)
		}
		msg := bigs(t, c.Fields)
		sig, err := Sign(k, msg, n)
		if err != nil {
			t.Fatal(err)
		}
		if sig.R().String() != c.R || sig.S().String() != c.S || sig.Base58() != c.Signature {
			t.Errorf("%d (%s, %d fields): Go signs (%s, %s), mina-signer (%s, %s)", i, c.Network, len(msg), sig.R(), sig.S(), c.R, c.S)
		}
		theirs, err := ParseSignature(c.Signature)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if !Verify(parsed, msg, theirs, n) {
			t.Errorf("%d: mina-signer's signature does not verify", i)
		}
		other := Mainnet
		if n == Mainnet {
			other = Testnet
		}
		if Verify(parsed, msg, theirs, other) {
			t.Errorf("%d: signature verifies on the other network", i)
		}
		// any change to the message, key or signature fails
		if len(msg) > 0 {
			bad := append([]*big.Int{}, msg...)
			bad[0] = new(big.Int).Add(bad[0], big.NewInt(1))
			if Verify(parsed, bad, theirs, n) {
				t.Errorf("%d: verifies a changed message", i)
			}
		}
		if Verify(parsed, append(msg, big.NewInt(0)), theirs, n) {
			t.Errorf("%d: verifies a longer message", i)
		}
		other2, _ := NewPrivateKey(big.NewInt(99))
		if Verify(other2.PublicKey(), msg, theirs, n) {
			t.Errorf("%d: verifies under another key", i)
		}
		s2, _ := NewSignature(theirs.R(), new(big.Int).Add(theirs.S(), big.NewInt(1)))
		if Verify(parsed, msg, s2, n) {
			t.Errorf("%d: verifies a changed s", i)
		}
	}
}

package seal

import (
	"bytes"
	"maps"
	"testing"

	"github.com/webfunctions/wf/wf"
)

// FuzzParseEnvelope: parsing and opening arbitrary bytes as a data
// envelope never panics, never allocates past the input, and only the
// sealer's exact bytes open under its key.
func FuzzParseEnvelope(f *testing.F) {
	dk := &DataKey{k: [32]byte{1, 2, 3}}
	// Fixed salts: each fuzz worker re-runs this setup and must get the
	// same bytes as the coordinator.
	pt, _ := encodeSecrets(map[string]string{"API_KEY": "secret-value"})
	good, err := sealDataSalt(dk, KindSecrets, make([]byte, 32), pt)
	if err != nil {
		f.Fatal(err)
	}
	code, _ := sealDataSalt(dk, KindCode, bytes.Repeat([]byte{7}, 32), []byte("\x00asm\x01\x00\x00\x00"))
	f.Add(good)
	f.Add(code)
	f.Add([]byte("WFSD\x01\x01\x00\x02"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := ParseEnvelope(b)
		if err != nil {
			if e != nil {
				t.Fatal("error with an envelope")
			}
			return
		}
		m, err := OpenSecrets(dk, b)
		if err == nil && !bytes.Equal(b, good) {
			t.Fatalf("forged secrets opened: %d entries", len(m))
		}
		w, err := OpenCode(dk, b)
		if err == nil && !bytes.Equal(b, code) {
			t.Fatalf("forged code opened: %d bytes", len(w))
		}
	})
}

// FuzzDecodeSecrets: the secrets plaintext parser never panics, and what
// it accepts re-encodes to the same bytes (one set of secrets, one
// encoding).
func FuzzDecodeSecrets(f *testing.F) {
	good, _ := encodeSecrets(map[string]string{"A": "1", "B_2": "two"})
	empty, _ := encodeSecrets(nil)
	f.Add(good)
	f.Add(empty)
	f.Add(make([]byte, 256))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeSecrets(b)
		if err != nil {
			return
		}
		again, err := encodeSecrets(m)
		if err != nil {
			t.Fatalf("decoded secrets do not encode: %v", err)
		}
		if !bytes.Equal(again, b) {
			t.Fatal("accepted a non-canonical encoding")
		}
		back, _ := decodeSecrets(again)
		if !maps.Equal(back, m) {
			t.Fatal("round trip changed the secrets")
		}
	})
}

// FuzzParseKeyMaterial: public keys, grants and private keys parse without
// panics; an accepted public key re-encodes to its input.
func FuzzParseKeyMaterial(f *testing.F) {
	for _, s := range []Suite{SuiteHybrid, SuiteX25519} {
		k, err := GenerateKey(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(k.Public().Bytes())
		g, err := Grant(&DataKey{}, k.Public(), wf.Address{1})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(g.Wrapped)
		priv, _ := k.marshal()
		f.Add(priv)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if pk, err := ParsePublicKey(b); err == nil && !bytes.Equal(pk.Bytes(), b) {
			t.Fatal("public key does not re-encode to its input")
		}
		ParseGrant(b)
		parsePrivateKey(b)
	})
}

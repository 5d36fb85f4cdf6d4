package mina

import (
	"bytes"
	"errors"
	"testing"
)

func TestKeystore(t *testing.T) {
	k, err := GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := EncryptKey(k, "pw", ScryptLightN)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(k.Base58())) {
		t.Fatal("the private key is in the file in plaintext")
	}
	got, err := DecryptKey(b, "pw")
	if err != nil || got.Base58() != k.Base58() {
		t.Fatalf("decrypt: %v", err)
	}
	if pk, err := KeystorePublicKey(b); err != nil || !pk.Equal(k.PublicKey()) {
		t.Fatalf("public key %v %v", pk, err)
	}
	if _, err := DecryptKey(b, "other"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	// Another public key in the file (bound as additional data) does not open.
	other, _ := GenerateKey(nil)
	swapped := bytes.Replace(b, []byte(k.PublicKey().Base58()), []byte(other.PublicKey().Base58()), 1)
	if _, err := DecryptKey(swapped, "pw"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("swapped public key: %v", err)
	}
}

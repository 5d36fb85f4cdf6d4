package mina

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/crypto/scrypt"
)

// A keystore is a private key encrypted under a password, as JSON:
// {"version":1,"publicKey":"B62…","kdf":{"name":"scrypt","n","r","p","salt"},
// "nonce","ciphertext"}: scrypt derives a 32-byte key, AES-256-GCM seals
// the base58 private key with the public key as additional data (so a
// file's public key cannot be swapped without the password).

// Scrypt costs: Standard for keys people keep, Light for tests.
const (
	ScryptStandardN = 1 << 18
	ScryptLightN    = 1 << 12
)

type keystore struct {
	Version    int    `json:"version"`
	PublicKey  string `json:"publicKey"`
	KDF        kdf    `json:"kdf"`
	Nonce      []byte `json:"nonce"`
	Ciphertext []byte `json:"ciphertext"`
}

type kdf struct {
	Name string `json:"name"`
	N    int    `json:"n"`
	R    int    `json:"r"`
	P    int    `json:"p"`
	Salt []byte `json:"salt"`
}

// EncryptKey returns k encrypted under password with scrypt cost n.
func EncryptKey(k *PrivateKey, password string, n int) ([]byte, error) {
	ks := keystore{Version: 1, PublicKey: k.PublicKey().Base58(), KDF: kdf{Name: "scrypt", N: n, R: 8, P: 1, Salt: make([]byte, 32)}}
	rand.Read(ks.KDF.Salt)
	aead, err := ks.aead(password)
	if err != nil {
		return nil, err
	}
	ks.Nonce = make([]byte, aead.NonceSize())
	rand.Read(ks.Nonce)
	ks.Ciphertext = aead.Seal(nil, ks.Nonce, []byte(k.Base58()), []byte(ks.PublicKey))
	return json.MarshalIndent(ks, "", "  ")
}

func (ks *keystore) aead(password string) (cipher.AEAD, error) {
	if ks.KDF.Name != "scrypt" || ks.KDF.N < 2 || ks.KDF.N > 1<<22 || ks.KDF.R < 1 || ks.KDF.R > 32 || ks.KDF.P < 1 || ks.KDF.P > 16 || len(ks.KDF.Salt) < 16 {
		return nil, errors.New("mina: keystore: unsupported key derivation")
	}
	dk, err := scrypt.Key([]byte(password), ks.KDF.Salt, ks.KDF.N, ks.KDF.R, ks.KDF.P, 32)
	if err != nil {
		return nil, fmt.Errorf("mina: keystore: %w", err)
	}
	block, err := aes.NewCipher(dk)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// ErrWrongPassword is a keystore that does not open with the password given.
var ErrWrongPassword = errors.New("mina: keystore: wrong password (or a damaged file)")

// DecryptKey opens a keystore made by EncryptKey.
func DecryptKey(b []byte, password string) (*PrivateKey, error) {
	var ks keystore
	if err := json.Unmarshal(b, &ks); err != nil {
		return nil, fmt.Errorf("mina: keystore: %w", err)
	}
	if ks.Version != 1 {
		return nil, fmt.Errorf("mina: keystore: version %d", ks.Version)
	}
	aead, err := ks.aead(password)
	if err != nil {
		return nil, err
	}
	if len(ks.Nonce) != aead.NonceSize() {
		return nil, errors.New("mina: keystore: bad nonce")
	}
	plain, err := aead.Open(nil, ks.Nonce, ks.Ciphertext, []byte(ks.PublicKey))
	if err != nil {
		return nil, ErrWrongPassword
	}
	k, err := ParsePrivateKey(string(plain))
	if err != nil {
		return nil, fmt.Errorf("mina: keystore: %w", err)
	}
	if k.PublicKey().Base58() != ks.PublicKey {
		return nil, errors.New("mina: keystore: the key is not the public key the file names")
	}
	return k, nil
}

// KeystorePublicKey reads the public key a keystore names, without the password.
func KeystorePublicKey(b []byte) (*PublicKey, error) {
	var ks keystore
	if err := json.Unmarshal(b, &ks); err != nil {
		return nil, fmt.Errorf("mina: keystore: %w", err)
	}
	return ParsePublicKey(ks.PublicKey)
}

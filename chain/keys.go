package chain

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/webfunctions/wf/wf"
)

// Key is a secp256k1 private key: a publisher's, payer's or provider's
// Ethereum identity. Keys cannot be compared with == and never print their
// secret.
type Key struct {
	_  [0]func() // not comparable
	pk *ecdsa.PrivateKey
}

// GenerateKey makes a new random key.
func GenerateKey() (*Key, error) {
	pk, err := crypto.GenerateKey()
	if err != nil {
		return nil, fmt.Errorf("chain: generate key: %w", err)
	}
	return &Key{pk: pk}, nil
}

// KeyFromHex parses a 32-byte hex private key (with or without 0x).
func KeyFromHex(s string) (*Key, error) {
	if len(s) > 2 && s[:2] == "0x" {
		s = s[2:]
	}
	pk, err := crypto.HexToECDSA(s)
	if err != nil {
		return nil, fmt.Errorf("%w: private key: %v", wf.ErrInvalid, err)
	}
	return &Key{pk: pk}, nil
}

// DevKey is the i-th deterministic development key: the private key is
// keccak256("webfunctions dev account <i>"). Everyone can compute it, so it
// must hold nothing of value outside a dev chain.
func DevKey(i int) *Key {
	pk, err := crypto.ToECDSA(crypto.Keccak256([]byte("webfunctions dev account " + strconv.Itoa(i))))
	if err != nil {
		panic(err) // a keccak output is a valid key with overwhelming probability
	}
	return &Key{pk: pk}
}

// Address is the key's Ethereum address.
func (k *Key) Address() wf.Address { return wf.Address(crypto.PubkeyToAddress(k.pk.PublicKey)) }

// Hex returns the private key in hex. Only `wf keys export` should call it.
func (k *Key) Hex() string { return fmt.Sprintf("0x%x", crypto.FromECDSA(k.pk)) }

// String never reveals the secret.
func (k *Key) String() string { return "chain.Key(" + k.Address().Checksum() + ")" }

// Keystore scrypt cost. Standard is geth's default; Light is for tests and
// dev chains where a 1 s unlock would only slow things down.
const (
	ScryptStandard = keystore.StandardScryptN
	ScryptLight    = keystore.LightScryptN
)

// SaveKeystore writes k to path as an Ethereum v3 keystore file (the format
// geth, clef and most wallets import), encrypted with password, mode 0600.
// It refuses to overwrite an existing file.
func SaveKeystore(path string, k *Key, password string, scryptN int) error {
	j, err := keystore.EncryptKey(&keystore.Key{Id: uuid.New(), Address: common.Address(k.Address()), PrivateKey: k.pk},
		password, scryptN, keystore.StandardScryptP)
	if err != nil {
		return fmt.Errorf("chain: encrypt key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("chain: save key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("chain: save key: %w", err)
	}
	if _, err := f.Write(j); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("chain: save key: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("chain: save key: %w", err)
	}
	return f.Close()
}

// ErrBadPassword is returned by LoadKeystore for a wrong password.
var ErrBadPassword = errors.New("wrong keystore password")

// LoadKeystore reads a v3 keystore file. It refuses files readable by
// group or others, as ssh does for private keys.
func LoadKeystore(path, password string) (*Key, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("chain: load key: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("chain: load key: %s has mode %o; it must not be readable by others (chmod 600)", path, st.Mode().Perm())
	}
	j, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("chain: load key: %w", err)
	}
	k, err := keystore.DecryptKey(j, password)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, fmt.Errorf("chain: load key %s: %w", path, ErrBadPassword)
	}
	if err != nil {
		return nil, fmt.Errorf("chain: load key %s: %w", path, err)
	}
	return &Key{pk: k.PrivateKey}, nil
}

package cred

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/crypto/scrypt"

	"github.com/webfunctions/wf/wf"
)

// Box is a secret encrypted under a password: scrypt (N=2^15, r=8, p=1)
// derives an AES-256-GCM key. The files holders and issuers keep follow
// the keystore's rules: mode 0600 in a 0700 directory, secrets never in
// plaintext.
type Box struct {
	KDF        string `json:"kdf"`
	N          int    `json:"n"`
	R          int    `json:"r"`
	P          int    `json:"p"`
	Salt       []byte `json:"salt"`
	Nonce      []byte `json:"nonce"`
	Ciphertext []byte `json:"ciphertext"`
}

const boxN, boxR, boxP = 1 << 15, 8, 1

// ErrWrongPassword is a Box that does not open.
var ErrWrongPassword = errors.New("cred: wrong password (or a damaged file)")

// SealBox encrypts secret under password.
func SealBox(password string, secret []byte) (*Box, error) {
	if password == "" {
		return nil, fmt.Errorf("%w: cred: an empty password", wf.ErrInvalid)
	}
	b := &Box{KDF: "scrypt", N: boxN, R: boxR, P: boxP, Salt: make([]byte, 16)}
	if _, err := rand.Read(b.Salt); err != nil {
		return nil, err
	}
	aead, err := b.aead(password)
	if err != nil {
		return nil, err
	}
	b.Nonce = make([]byte, aead.NonceSize())
	if _, err := rand.Read(b.Nonce); err != nil {
		return nil, err
	}
	b.Ciphertext = aead.Seal(nil, b.Nonce, secret, []byte(b.KDF))
	return b, nil
}

// Open decrypts the box.
func (b *Box) Open(password string) ([]byte, error) {
	if b == nil || b.KDF != "scrypt" || b.N < 1<<14 || b.N > 1<<20 || b.R != boxR || b.P != boxP || len(b.Salt) != 16 {
		return nil, fmt.Errorf("%w: cred: unsupported secret box", wf.ErrInvalid)
	}
	aead, err := b.aead(password)
	if err != nil {
		return nil, err
	}
	if len(b.Nonce) != aead.NonceSize() {
		return nil, fmt.Errorf("%w: cred: secret box nonce", wf.ErrInvalid)
	}
	out, err := aead.Open(nil, b.Nonce, b.Ciphertext, []byte(b.KDF))
	if err != nil {
		return nil, ErrWrongPassword
	}
	return out, nil
}

func (b *Box) aead(password string) (cipher.AEAD, error) {
	key, err := scrypt.Key([]byte(password), b.Salt, b.N, b.R, b.P, 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// Held is a credential in a holder's wallet, with its secret.
type Held struct {
	Name       string
	Credential *Credential
	Secret     *Secret // nil when listed without the password
	IssuerURL  string
}

// heldFile is a wallet file. Fields are in JSON key order.
type heldFile struct {
	Credential *Credential `json:"credential"`
	IssuerURL  string      `json:"issuerUrl,omitempty"`
	Secret     *Box        `json:"secret"`
}

// Wallet keeps a holder's credentials in Dir, one NAME.json each.
type Wallet struct {
	Dir string
}

var walletName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

func (w Wallet) path(name string) (string, error) {
	if !walletName.MatchString(name) || strings.Contains(name, "..") {
		return "", fmt.Errorf("%w: credential name %q: 1 to 64 of a-z, 0-9, '.', '_', '-'", wf.ErrInvalid, truncate(name))
	}
	return filepath.Join(w.Dir, name+".json"), nil
}

// Save stores h, its secret sealed under password; it refuses to
// replace a credential of the same name.
func (w Wallet) Save(h *Held, password string) error {
	path, err := w.path(h.Name)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%w: credential %s exists (wf cred remove it first)", wf.ErrInvalid, h.Name)
	}
	box, err := SealBox(password, h.Secret.Bytes())
	if err != nil {
		return err
	}
	b, err := wf.EncodeJSON(heldFile{Credential: h.Credential, IssuerURL: h.IssuerURL, Secret: box})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(w.Dir, 0o700); err != nil {
		return fmt.Errorf("cred: wallet: %w", err)
	}
	return writeFile(path, b, 0o600)
}

// Load reads the credential name; with a password it opens its secret
// too, else Secret is nil.
func (w Wallet) Load(name, password string) (*Held, error) {
	path, err := w.path(name)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: no credential named %s in %s (wf cred list)", wf.ErrNotFound, name, w.Dir)
	}
	if err != nil {
		return nil, fmt.Errorf("cred: wallet: %w", err)
	}
	var f heldFile
	if err := wf.DecodeJSON(b, &f); err != nil || f.Credential == nil {
		return nil, fmt.Errorf("%w: cred: %s does not decode: %v", wf.ErrInvalid, path, err)
	}
	h := &Held{Name: name, Credential: f.Credential, IssuerURL: f.IssuerURL}
	if password != "" {
		raw, err := f.Secret.Open(password)
		if err != nil {
			return nil, fmt.Errorf("credential %s: %w", name, err)
		}
		if h.Secret, err = SecretFromBytes(raw); err != nil {
			return nil, err
		}
		if h.Secret.Commitment() != h.Credential.Commitment {
			return nil, fmt.Errorf("%w: credential %s: its secret does not match its commitment", wf.ErrInvalid, name)
		}
	}
	return h, nil
}

// List returns the wallet's credentials without their secrets, by name.
func (w Wallet) List() ([]*Held, error) {
	ents, err := os.ReadDir(w.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cred: wallet: %w", err)
	}
	var out []*Held
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || e.IsDir() || !walletName.MatchString(name) {
			continue
		}
		h, err := w.Load(name, "")
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// SaveIssuerKey writes an issuer's key sealed under password to path
// (mode 0600); it refuses to replace one.
func SaveIssuerKey(path string, k *IssuerSecret, password string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%w: issuer key %s exists; it is kept", wf.ErrInvalid, path)
	}
	box, err := SealBox(password, k.Bytes())
	if err != nil {
		return err
	}
	b, err := wf.EncodeJSON(struct {
		Issuer IssuerKey `json:"issuer"`
		Secret *Box      `json:"secret"`
	}{k.Public(), box})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cred: issuer key: %w", err)
	}
	return writeFile(path, b, 0o600)
}

// LoadIssuerKey reads a key saved with SaveIssuerKey.
func LoadIssuerKey(path, password string) (*IssuerSecret, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cred: issuer key: %w", err)
	}
	var f struct {
		Issuer IssuerKey `json:"issuer"`
		Secret *Box      `json:"secret"`
	}
	if err := wf.DecodeJSON(b, &f); err != nil {
		return nil, fmt.Errorf("%w: cred: issuer key %s: %v", wf.ErrInvalid, path, err)
	}
	raw, err := f.Secret.Open(password)
	if err != nil {
		return nil, fmt.Errorf("issuer key %s: %w", path, err)
	}
	k, err := IssuerSecretFromBytes(raw)
	if err != nil {
		return nil, err
	}
	if k.Public() != f.Issuer {
		return nil, fmt.Errorf("%w: cred: issuer key %s: the key does not match its public half", wf.ErrInvalid, path)
	}
	return k, nil
}

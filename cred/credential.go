package cred

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/mimc"
	"github.com/consensys/gnark-crypto/ecc/bn254/twistededwards/eddsa"

	"github.com/webfunctions/wf/wf"
)

// Limits of a credential's contents.
const (
	maxAttrName   = 64
	maxAttrString = 256
)

// IssuerKey is an issuer's public key: a point on BN254's twisted Edwards
// curve, compressed. Its text form is 0x and 64 hex digits. The zero value
// is invalid.
type IssuerKey [32]byte

// IsZero reports whether k is the invalid zero key.
func (k IssuerKey) IsZero() bool { return k == IssuerKey{} }

func (k IssuerKey) String() string { return "0x" + hex.EncodeToString(k[:]) }

// MarshalText implements encoding.TextMarshaler.
func (k IssuerKey) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses a point
// off the curve, outside the prime-order subgroup or the identity.
func (k *IssuerKey) UnmarshalText(b []byte) error {
	p, err := ParseIssuerKey(string(b))
	if err != nil {
		return err
	}
	*k = p
	return nil
}

// ParseIssuerKey parses an issuer key's text form and checks the point.
func ParseIssuerKey(s string) (IssuerKey, error) {
	h, ok := strings.CutPrefix(s, "0x")
	b, err := hex.DecodeString(h)
	if !ok || err != nil || len(b) != 32 {
		return IssuerKey{}, fmt.Errorf("%w: issuer key %q: want 0x and 64 hex digits", wf.ErrInvalid, truncate(s))
	}
	var pub eddsa.PublicKey
	if _, err := pub.SetBytes(b); err != nil {
		return IssuerKey{}, fmt.Errorf("%w: issuer key %s: %v", wf.ErrInvalid, truncate(s), err)
	}
	return IssuerKey(b), nil
}

func (k IssuerKey) public() (*eddsa.PublicKey, error) {
	var pub eddsa.PublicKey
	if _, err := pub.SetBytes(k[:]); err != nil {
		return nil, fmt.Errorf("%w: issuer key %s: %v", wf.ErrInvalid, k, err)
	}
	return &pub, nil
}

// Commitment is the field element a holder's secret commits to: what an
// issuer signs instead of an identity. Text form: 0x and 64 hex digits.
type Commitment [32]byte

func (c Commitment) String() string { return "0x" + hex.EncodeToString(c[:]) }

// MarshalText implements encoding.TextMarshaler.
func (c Commitment) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Commitment) UnmarshalText(b []byte) error {
	h, ok := strings.CutPrefix(string(b), "0x")
	raw, err := hex.DecodeString(h)
	if !ok || err != nil || len(raw) != 32 {
		return fmt.Errorf("%w: commitment: want 0x and 64 hex digits", wf.ErrInvalid)
	}
	if _, err := fieldFromBytes(raw); err != nil {
		return fmt.Errorf("%w: commitment: %v", wf.ErrInvalid, err)
	}
	*c = Commitment(raw)
	return nil
}

func (c Commitment) field() *big.Int { return new(big.Int).SetBytes(c[:]) }

// Secret is a holder's secret: a random field element that never leaves
// the holder. Two Secrets cannot be compared with ==.
type Secret struct {
	_ [0]func() // not comparable
	x *big.Int
}

// NewSecret draws a secret from rand (crypto/rand if nil).
func NewSecret(r io.Reader) (*Secret, error) {
	if r == nil {
		r = rand.Reader
	}
	// 64 bytes reduced modulo the field: the bias is below 2^-250.
	b := make([]byte, 64)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, fmt.Errorf("cred: secret: %w", err)
	}
	x := new(big.Int).Mod(new(big.Int).SetBytes(b), fr.Modulus())
	if x.Sign() == 0 {
		return nil, fmt.Errorf("cred: secret: the source gave zero")
	}
	return &Secret{x: x}, nil
}

// SecretFromBytes reads a secret saved with Bytes.
func SecretFromBytes(b []byte) (*Secret, error) {
	x, err := fieldFromBytes(b)
	if err != nil {
		return nil, fmt.Errorf("%w: cred: secret: %v", wf.ErrInvalid, err)
	}
	return &Secret{x: x}, nil
}

// Bytes is the secret's 32-byte encoding, for the holder's encrypted file.
func (s *Secret) Bytes() []byte { return fieldBytes(s.x) }

// Commitment is the commitment an issuer signs for this secret.
func (s *Secret) Commitment() Commitment { return Commitment(fieldBytes(mimcHash(s.x))) }

// Attr is one attribute slot's value: a string (hashed into the slot) or
// a non-negative integer up to 2^53-1 (itself, so it can be compared).
// Fields are in JSON key order, so the encoding is canonical.
type Attr struct {
	Int    *int64  `json:"int,omitempty"`
	Name   string  `json:"name"`
	String *string `json:"string,omitempty"`
}

// IntAttr and StringAttr make attributes.
func IntAttr(name string, n int64) Attr     { return Attr{Name: name, Int: &n} }
func StringAttr(name string, s string) Attr { return Attr{Name: name, String: &s} }

// Check validates a's name and value.
func (a Attr) Check() error {
	if a.Name == "" || len(a.Name) > maxAttrName || !isAttrName(a.Name) {
		return fmt.Errorf("%w: attribute name %q: 1 to %d of a-z, 0-9 and _, starting with a letter", wf.ErrInvalid, truncate(a.Name), maxAttrName)
	}
	switch {
	case (a.Int == nil) == (a.String == nil):
		return fmt.Errorf("%w: attribute %s: give exactly one of int and string", wf.ErrInvalid, a.Name)
	case a.Int != nil && (*a.Int < 0 || *a.Int > maxInt):
		return fmt.Errorf("%w: attribute %s: int %d must be 0 to 2^53-1", wf.ErrInvalid, a.Name, *a.Int)
	case a.String != nil && (len(*a.String) > maxAttrString || !utf8.ValidString(*a.String)):
		return fmt.Errorf("%w: attribute %s: string must be UTF-8, at most %d bytes", wf.ErrInvalid, a.Name, maxAttrString)
	}
	return nil
}

func isAttrName(s string) bool {
	for i, r := range s {
		ok := r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '_')
		if !ok {
			return false
		}
	}
	return true
}

// Field is the slot's field element.
func (a Attr) Field() *big.Int {
	if a.Int != nil {
		return big.NewInt(*a.Int)
	}
	return StringField(*a.String)
}

// Value is the attribute's value as text (what a function sees).
func (a Attr) Value() string {
	if a.Int != nil {
		return fmt.Sprint(*a.Int)
	}
	return *a.String
}

// Credential is what an issuer signs and a holder keeps: attributes by
// slot (at most Slots), an expiry (unix seconds) and the holder's
// commitment, under the issuer's key. Fields are in JSON key order.
type Credential struct {
	Attrs      []Attr     `json:"attrs"`
	Commitment Commitment `json:"commitment"`
	Expiry     int64      `json:"expiry"`
	Issuer     IssuerKey  `json:"issuer"`
	Signature  string     `json:"signature"` // 0x-hex EdDSA (R, S), 64 bytes
}

// message is the field element the issuer signs.
func (c *Credential) message() *big.Int {
	xs := []*big.Int{c.Commitment.field(), big.NewInt(c.Expiry)}
	for i := range Slots {
		xs = append(xs, c.slot(i))
	}
	return mimcHash(xs...)
}

// slot is slot i's field element, 0 when empty.
func (c *Credential) slot(i int) *big.Int {
	if i < len(c.Attrs) {
		return c.Attrs[i].Field()
	}
	return new(big.Int)
}

// Slot returns the slot of the attribute named name, or -1.
func (c *Credential) Slot(name string) int {
	for i, a := range c.Attrs {
		if a.Name == name {
			return i
		}
	}
	return -1
}

// checkContents validates c's attributes and expiry, not its signature.
func (c *Credential) checkContents() error {
	if len(c.Attrs) > Slots {
		return fmt.Errorf("%w: credential: %d attributes, at most %d", wf.ErrInvalid, len(c.Attrs), Slots)
	}
	seen := map[string]bool{}
	for _, a := range c.Attrs {
		if err := a.Check(); err != nil {
			return fmt.Errorf("credential: %w", err)
		}
		if seen[a.Name] {
			return fmt.Errorf("%w: credential: attribute %s twice", wf.ErrInvalid, a.Name)
		}
		seen[a.Name] = true
	}
	if c.Expiry <= 0 || c.Expiry > maxInt {
		return fmt.Errorf("%w: credential: expiry %d is not a time", wf.ErrInvalid, c.Expiry)
	}
	return nil
}

// Verify checks c's contents and its issuer's signature.
func (c *Credential) Verify() error {
	if err := c.checkContents(); err != nil {
		return err
	}
	pub, err := c.Issuer.public()
	if err != nil {
		return err
	}
	sig, err := hexBytes(c.Signature, 64)
	if err != nil {
		return fmt.Errorf("%w: credential: signature: %v", wf.ErrInvalid, err)
	}
	ok, err := pub.Verify(sig, fieldBytes(c.message()), mimc.NewMiMC())
	if err != nil || !ok {
		return fmt.Errorf("%w: credential: the issuer's signature does not verify", wf.ErrInvalid)
	}
	return nil
}

// ExpiryTime is c's expiry as a time.
func (c *Credential) ExpiryTime() time.Time { return time.Unix(c.Expiry, 0) }

// Expired reports whether c has expired at now.
func (c *Credential) Expired(now time.Time) bool { return now.Unix() >= c.Expiry }

// IssuerSecret is an issuer's signing key. Two cannot be compared with ==.
type IssuerSecret struct {
	_    [0]func()
	priv *eddsa.PrivateKey
}

// NewIssuerSecret makes an issuer key from rand (crypto/rand if nil).
func NewIssuerSecret(r io.Reader) (*IssuerSecret, error) {
	if r == nil {
		r = rand.Reader
	}
	priv, err := eddsa.GenerateKey(r)
	if err != nil {
		return nil, fmt.Errorf("cred: issuer key: %w", err)
	}
	return &IssuerSecret{priv: priv}, nil
}

// IssuerSecretFromBytes reads a key saved with Bytes.
func IssuerSecretFromBytes(b []byte) (*IssuerSecret, error) {
	var priv eddsa.PrivateKey
	if n, err := priv.SetBytes(b); err != nil || n != len(b) {
		return nil, fmt.Errorf("%w: cred: issuer key does not decode", wf.ErrInvalid)
	}
	return &IssuerSecret{priv: &priv}, nil
}

// Bytes encodes the key, for the issuer's encrypted file.
func (k *IssuerSecret) Bytes() []byte { return k.priv.Bytes() }

// Public is the key's public half, which policies name.
func (k *IssuerSecret) Public() IssuerKey { return IssuerKey(k.priv.Public().Bytes()) }

// Sign issues a credential over commitment with attrs until expiry.
func (k *IssuerSecret) Sign(commitment Commitment, attrs []Attr, expiry time.Time) (*Credential, error) {
	c := &Credential{Attrs: attrs, Commitment: commitment, Expiry: expiry.Unix(), Issuer: k.Public()}
	if err := c.checkContents(); err != nil {
		return nil, err
	}
	sig, err := k.priv.Sign(fieldBytes(c.message()), mimc.NewMiMC())
	if err != nil {
		return nil, fmt.Errorf("cred: sign: %w", err)
	}
	c.Signature = "0x" + hex.EncodeToString(sig)
	return c, nil
}

func hexBytes(s string, n int) ([]byte, error) {
	h, ok := strings.CutPrefix(s, "0x")
	b, err := hex.DecodeString(h)
	if !ok || err != nil || len(b) != n {
		return nil, fmt.Errorf("want 0x and %d hex digits", 2*n)
	}
	return b, nil
}

// equalKey compares issuer keys in constant time.
func equalKey(a, b IssuerKey) bool { return subtle.ConstantTimeCompare(a[:], b[:]) == 1 }

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

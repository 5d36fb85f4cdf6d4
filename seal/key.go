package seal

import (
	"crypto/ecdh"
	"crypto/hpke"
	"encoding/base64"
	"encoding/binary"
	"fmt"

	"github.com/webfunctions/wf/wf"
)

// FormatVersion is the version of every byte format in this package and of
// wf.Sealed.Format.
const FormatVersion = 1

// Suite is an HPKE ciphersuite: KEM, KDF and AEAD identifiers from the
// IANA HPKE registry.
type Suite struct {
	KEM, KDF, AEAD uint16
}

// The suites a sealing key may use. Each is fully named by its identifiers,
// which every encoded key and grant carries.
var (
	// SuiteHybrid is ML-KEM-768 + X25519 (X-Wing, draft-ietf-hpke-pq),
	// HKDF-SHA256, AES-256-GCM: safe if either ML-KEM or X25519 holds.
	SuiteHybrid = Suite{KEM: 0x647a, KDF: 0x0001, AEAD: 0x0002}
	// SuiteX25519 is DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM:
	// a 32-byte public key, but no post-quantum protection.
	SuiteX25519 = Suite{KEM: 0x0020, KDF: 0x0001, AEAD: 0x0002}
)

// suiteParams are what a supported suite needs beyond its identifiers.
type suiteParams struct {
	name           string
	kem            hpke.KEM
	pubLen, encLen int
}

func (s Suite) params() (suiteParams, bool) {
	switch s {
	case SuiteHybrid:
		return suiteParams{"mlkem768x25519", hpke.MLKEM768X25519(), 1216, 1120}, true
	case SuiteX25519:
		return suiteParams{"x25519", hpke.DHKEM(ecdh.X25519()), 32, 32}, true
	}
	return suiteParams{}, false
}

// String names the suite as the CLI's --suite flag does.
func (s Suite) String() string {
	if p, ok := s.params(); ok {
		return p.name
	}
	return fmt.Sprintf("suite(0x%04x,0x%04x,0x%04x)", s.KEM, s.KDF, s.AEAD)
}

// ParseSuite parses a suite name: "mlkem768x25519" (or "hybrid") or
// "x25519".
func ParseSuite(name string) (Suite, error) {
	switch name {
	case "mlkem768x25519", "hybrid":
		return SuiteHybrid, nil
	case "x25519":
		return SuiteX25519, nil
	}
	return Suite{}, fmt.Errorf("%w: unknown sealing suite %q (use mlkem768x25519 or x25519)", wf.ErrInvalid, name)
}

// header is the 11-byte prefix of encoded keys and grants:
// magic(4) version(1) kem(2) kdf(2) aead(2).
const headerLen = 11

func appendHeader(b []byte, magic string, s Suite) []byte {
	b = append(b, magic...)
	b = append(b, FormatVersion)
	b = binary.BigEndian.AppendUint16(b, s.KEM)
	b = binary.BigEndian.AppendUint16(b, s.KDF)
	return binary.BigEndian.AppendUint16(b, s.AEAD)
}

// parseHeader checks magic and version and returns a supported suite.
func parseHeader(b []byte, magic, what string) (Suite, suiteParams, error) {
	if len(b) < headerLen || string(b[:4]) != magic {
		return Suite{}, suiteParams{}, fmt.Errorf("%w: seal: not a %s (bad magic)", wf.ErrInvalid, what)
	}
	if b[4] != FormatVersion {
		return Suite{}, suiteParams{}, fmt.Errorf("%w: seal: %s format version %d is not supported (this node reads %d)", wf.ErrInvalid, what, b[4], FormatVersion)
	}
	s := Suite{
		KEM:  binary.BigEndian.Uint16(b[5:]),
		KDF:  binary.BigEndian.Uint16(b[7:]),
		AEAD: binary.BigEndian.Uint16(b[9:]),
	}
	p, ok := s.params()
	if !ok {
		return Suite{}, suiteParams{}, fmt.Errorf("%w: seal: %s uses unsupported %v", wf.ErrInvalid, what, s)
	}
	return s, p, nil
}

const (
	magicPublic  = "WFPK"
	magicPrivate = "WFSK"
	magicGrant   = "WFGR"
	magicData    = "WFSD"
)

// PublicKey is a provider's (or publisher's) sealing public key. Its
// encoding (Bytes) is what the registry and /v1/info publish; its ID, the
// SHA-256 of that encoding, names it in grants.
type PublicKey struct {
	suite Suite
	enc   []byte // the full encoding, header included
	pk    hpke.PublicKey
	id    wf.KeyID
}

// ParsePublicKey parses an encoded sealing public key:
// "WFPK" 0x01 kem kdf aead key, with the key's length fixed by the KEM.
func ParsePublicKey(b []byte) (*PublicKey, error) {
	s, p, err := parseHeader(b, magicPublic, "sealing public key")
	if err != nil {
		return nil, err
	}
	if len(b) != headerLen+p.pubLen {
		return nil, fmt.Errorf("%w: seal: %s public key is %d bytes, want %d", wf.ErrInvalid, s, len(b)-headerLen, p.pubLen)
	}
	pk, err := p.kem.NewPublicKey(b[headerLen:])
	if err != nil {
		return nil, fmt.Errorf("%w: seal: %s public key: %v", wf.ErrInvalid, s, err)
	}
	enc := append([]byte(nil), b...)
	return &PublicKey{suite: s, enc: enc, pk: pk, id: wf.KeyIDOf(enc)}, nil
}

// ParsePublicKeyText parses the base64 text form (String).
func ParsePublicKeyText(s string) (*PublicKey, error) {
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: seal: sealing public key is not base64: %v", wf.ErrInvalid, err)
	}
	// Strict still skips '\r' and '\n'; a key has one text form.
	if base64.StdEncoding.EncodeToString(b) != s {
		return nil, fmt.Errorf("%w: seal: sealing public key is not canonical base64 (line breaks?)", wf.ErrInvalid)
	}
	return ParsePublicKey(b)
}

func newPublicKey(s Suite, pk hpke.PublicKey) *PublicKey {
	enc := append(appendHeader(nil, magicPublic, s), pk.Bytes()...)
	return &PublicKey{suite: s, enc: enc, pk: pk, id: wf.KeyIDOf(enc)}
}

// Bytes returns the encoding; the caller must not modify it.
func (k *PublicKey) Bytes() []byte { return k.enc }

// ID is the SHA-256 of Bytes.
func (k *PublicKey) ID() wf.KeyID { return k.id }

// Suite is the key's HPKE suite.
func (k *PublicKey) Suite() Suite { return k.suite }

// String returns the standard base64 of Bytes.
func (k *PublicKey) String() string { return base64.StdEncoding.EncodeToString(k.enc) }

// MarshalText implements encoding.TextMarshaler (base64), so a PublicKey
// can go straight into /v1/info's JSON.
func (k *PublicKey) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *PublicKey) UnmarshalText(b []byte) error {
	p, err := ParsePublicKeyText(string(b))
	if err != nil {
		return err
	}
	*k = *p
	return nil
}

// PrivateKey is a sealing private key. It is not comparable and never
// printed; only a Keyring file holds its encoding.
type PrivateKey struct {
	_     [0]func() // not comparable with ==
	suite Suite
	sk    hpke.PrivateKey
	pub   *PublicKey
}

// GenerateKey returns a new private key of suite s.
func GenerateKey(s Suite) (*PrivateKey, error) {
	p, ok := s.params()
	if !ok {
		return nil, fmt.Errorf("%w: seal: unsupported %v", wf.ErrInvalid, s)
	}
	sk, err := p.kem.GenerateKey()
	if err != nil {
		return nil, fmt.Errorf("seal: generate %v key: %w", s, err)
	}
	return &PrivateKey{suite: s, sk: sk, pub: newPublicKey(s, sk.PublicKey())}, nil
}

// Public returns the public half.
func (k *PrivateKey) Public() *PublicKey { return k.pub }

// ID is Public().ID().
func (k *PrivateKey) ID() wf.KeyID { return k.pub.id }

// String names the key without revealing it.
func (k *PrivateKey) String() string {
	return fmt.Sprintf("seal.PrivateKey(%s %s)", k.suite, k.pub.id.String()[:16])
}

// GoString keeps %#v from printing the key material.
func (k *PrivateKey) GoString() string { return k.String() }

// marshal encodes the private key for a keyring file:
// "WFSK" 0x01 kem kdf aead seed.
func (k *PrivateKey) marshal() ([]byte, error) {
	raw, err := k.sk.Bytes()
	if err != nil {
		return nil, fmt.Errorf("seal: encode private key: %w", err)
	}
	return append(appendHeader(nil, magicPrivate, k.suite), raw...), nil
}

func parsePrivateKey(b []byte) (*PrivateKey, error) {
	s, p, err := parseHeader(b, magicPrivate, "sealing private key")
	if err != nil {
		return nil, err
	}
	sk, err := p.kem.NewPrivateKey(b[headerLen:])
	if err != nil {
		// The message of crypto/hpke does not contain key bytes.
		return nil, fmt.Errorf("%w: seal: %s private key: %v", wf.ErrInvalid, s, err)
	}
	return &PrivateKey{suite: s, sk: sk, pub: newPublicKey(s, sk.PublicKey())}, nil
}

package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"fmt"

	"github.com/webfunctions/wf/wf"
)

// DataKey is the random 32-byte key that encrypts one spec's sealed parts.
// It is not comparable; Destroy zeroes it once it is no longer needed
// (best effort: the Go runtime may have copied it).
type DataKey struct {
	_ [0]func()
	k [32]byte
}

// NewDataKey returns a fresh random data key.
func NewDataKey() *DataKey {
	dk := &DataKey{}
	rand.Read(dk.k[:]) // never fails (crypto/rand, Go 1.24+)
	return dk
}

// Destroy zeroes the key. A destroyed key opens nothing.
func (dk *DataKey) Destroy() {
	if dk != nil {
		clear(dk.k[:])
	}
}

// String hides the key.
func (dk *DataKey) String() string { return "seal.DataKey(redacted)" }

// GoString hides the key from %#v.
func (dk *DataKey) GoString() string { return dk.String() }

// Kind says what a data envelope holds; it is in the header, the AAD and
// the key derivation, so one kind cannot be opened as another.
type Kind byte

const (
	KindSecrets Kind = 1 // environment variables (names and values)
	KindCode    Kind = 2 // a WebAssembly module
)

func (k Kind) String() string {
	switch k {
	case KindSecrets:
		return "secrets"
	case KindCode:
		return "code"
	}
	return fmt.Sprintf("kind(%d)", byte(k))
}

// Data envelope layout (docs/sealing.md):
//
//	magic "WFSD" | version 0x01 | kind (1) | aead id (2) | salt (32) | commit (32) | ciphertext+tag
const (
	dataHeaderLen = 4 + 1 + 1 + 2 + 32 + 32
	aeadAES256GCM = 0x0002
	gcmTagLen     = 16
	// MaxCodeBytes bounds a sealed module's plaintext.
	MaxCodeBytes = 256 << 20
)

// Envelope is a parsed data envelope. Parsing checks only the structure;
// Open authenticates.
type Envelope struct {
	Kind       Kind
	salt       []byte
	commit     []byte
	header     []byte // the AAD
	ciphertext []byte
}

// ParseEnvelope parses a data envelope strictly. It never allocates more
// than len(b) and never panics (FuzzParseEnvelope).
func ParseEnvelope(b []byte) (*Envelope, error) {
	if len(b) < 4 || string(b[:4]) != magicData {
		return nil, fmt.Errorf("%w: seal: not a sealed data block (bad magic)", wf.ErrInvalid)
	}
	if len(b) < dataHeaderLen+gcmTagLen {
		return nil, fmt.Errorf("%w: seal: sealed data block is truncated (%d bytes)", wf.ErrInvalid, len(b))
	}
	if b[4] != FormatVersion {
		return nil, fmt.Errorf("%w: seal: sealed data format version %d is not supported (this node reads %d)", wf.ErrInvalid, b[4], FormatVersion)
	}
	k := Kind(b[5])
	var max int
	switch k {
	case KindSecrets:
		max = MaxSecretsBytes
	case KindCode:
		max = MaxCodeBytes
	default:
		return nil, fmt.Errorf("%w: seal: unknown sealed data %v", wf.ErrInvalid, k)
	}
	if id := binary.BigEndian.Uint16(b[6:]); id != aeadAES256GCM {
		return nil, fmt.Errorf("%w: seal: sealed data uses unsupported AEAD 0x%04x", wf.ErrInvalid, id)
	}
	if len(b)-dataHeaderLen-gcmTagLen > max {
		return nil, fmt.Errorf("%w: seal: sealed %v is %d bytes, limit %d", wf.ErrTooLarge, k, len(b)-dataHeaderLen-gcmTagLen, max)
	}
	return &Envelope{
		Kind:       k,
		salt:       b[8:40],
		commit:     b[40:72],
		header:     b[:dataHeaderLen],
		ciphertext: b[dataHeaderLen:],
	}, nil
}

// derive returns the AES-256 key, the GCM nonce and the key commitment for
// one envelope. The salt is fresh per envelope, so a data key may seal any
// number of envelopes without nonce reuse.
func derive(dk *DataKey, k Kind, salt []byte) (key, nonce, commit []byte, err error) {
	info := "webfunctions seal v1 data " + k.String()
	out, err := hkdf.Key(sha256.New, dk.k[:], salt, info, 32+12+32)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("seal: derive: %w", err)
	}
	return out[:32], out[32:44], out[44:], nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// sealData encrypts plaintext as a data envelope of kind k under dk.
func sealData(dk *DataKey, k Kind, plaintext []byte) ([]byte, error) {
	salt := make([]byte, 32)
	rand.Read(salt)
	return sealDataSalt(dk, k, salt, plaintext)
}

// sealDataSalt is sealData with a given salt; only tests choose it.
func sealDataSalt(dk *DataKey, k Kind, salt, plaintext []byte) ([]byte, error) {
	key, nonce, commit, err := derive(dk, k, salt)
	if err != nil {
		return nil, err
	}
	defer clear(key)
	aead, err := newGCM(key)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	out := make([]byte, 0, dataHeaderLen+len(plaintext)+gcmTagLen)
	out = append(out, magicData...)
	out = append(out, FormatVersion, byte(k))
	out = binary.BigEndian.AppendUint16(out, aeadAES256GCM)
	out = append(out, salt...)
	out = append(out, commit...)
	return aead.Seal(out, nonce, plaintext, out[:dataHeaderLen]), nil
}

// open authenticates and decrypts e under dk. want is the kind the caller
// expects.
func (e *Envelope) open(dk *DataKey, want Kind) ([]byte, error) {
	if e.Kind != want {
		return nil, fmt.Errorf("%w: seal: block holds sealed %v, not %v", wf.ErrInvalid, e.Kind, want)
	}
	key, nonce, commit, err := derive(dk, e.Kind, e.salt)
	if err != nil {
		return nil, err
	}
	defer clear(key)
	// The commitment makes the envelope key-committing (GCM alone is not)
	// and tells a wrong data key apart from damaged ciphertext.
	if subtle.ConstantTimeCompare(commit, e.commit) != 1 {
		return nil, fmt.Errorf("%w: seal: sealed %v was not sealed under this data key", wf.ErrInvalid, e.Kind)
	}
	aead, err := newGCM(key)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	pt, err := aead.Open(nil, nonce, e.ciphertext, e.header)
	if err != nil {
		return nil, fmt.Errorf("%w: seal: sealed %v does not authenticate (tampered or damaged)", wf.ErrInvalid, e.Kind)
	}
	return pt, nil
}

// SealCode encrypts a module under dk. Pack the result as the code DAG
// (kubo layout, like a plain module) and set Code.Encrypted.
func SealCode(dk *DataKey, wasm []byte) ([]byte, error) {
	if len(wasm) > MaxCodeBytes {
		return nil, fmt.Errorf("%w: seal: module is %d bytes, limit %d", wf.ErrTooLarge, len(wasm), MaxCodeBytes)
	}
	return sealData(dk, KindCode, wasm)
}

// OpenCode decrypts a module sealed by SealCode.
func OpenCode(dk *DataKey, sealed []byte) ([]byte, error) {
	e, err := ParseEnvelope(sealed)
	if err != nil {
		return nil, err
	}
	return e.open(dk, KindCode)
}

package wf

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Multicodec codes used by WebFunctions.
const (
	CodecRaw    uint64 = 0x55   // raw bytes: UnixFS leaves
	CodecDagPB  uint64 = 0x70   // UnixFS nodes
	CodecJSON   uint64 = 0x0200 // signed spec blocks
	HashSHA2256 uint64 = 0x12
)

// CID is a content identifier (https://github.com/multiformats/cid) held in
// its binary form. It is a comparable value; the zero CID is invalid.
type CID struct{ b string }

var (
	b32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)
	// ErrBadCID is returned for strings or bytes that are not a valid CID.
	// errors.Is(ErrBadCID, ErrInvalid) holds.
	ErrBadCID error = badCID{}
)

type badCID struct{}

func (badCID) Error() string        { return "invalid CID" }
func (badCID) Is(target error) bool { return target == ErrInvalid }

// Defined reports whether c is a valid (non-zero) CID.
func (c CID) Defined() bool { return c.b != "" }

// Bytes returns the binary form of c.
func (c CID) Bytes() []byte { return []byte(c.b) }

// Version is 0 or 1.
func (c CID) Version() int {
	if len(c.b) == 34 && c.b[0] == 0x12 && c.b[1] == 0x20 {
		return 0
	}
	return 1
}

// Codec is the multicodec of the content (dag-pb for CIDv0).
func (c CID) Codec() uint64 {
	if !c.Defined() || c.Version() == 0 {
		return CodecDagPB
	}
	_, n := binary.Uvarint([]byte(c.b))
	codec, _ := binary.Uvarint([]byte(c.b[n:]))
	return codec
}

// Multihash returns the multihash part of c.
func (c CID) Multihash() []byte {
	if c.Version() == 0 {
		return []byte(c.b)
	}
	_, n1 := binary.Uvarint([]byte(c.b))
	_, n2 := binary.Uvarint([]byte(c.b[n1:]))
	return []byte(c.b[n1+n2:])
}

// String returns the canonical text form: base32 multibase for CIDv1,
// base58btc for CIDv0, as kubo prints them.
func (c CID) String() string {
	if !c.Defined() {
		return "<undefined CID>"
	}
	if c.Version() == 0 {
		return base58Encode([]byte(c.b))
	}
	return "b" + b32.EncodeToString([]byte(c.b))
}

// AppendText implements encoding.TextAppender: String appended to b,
// without String's allocations for a CIDv1 (a paid provider writes its
// function's CID into every receipt).
func (c CID) AppendText(b []byte) ([]byte, error) {
	if !c.Defined() {
		return b, ErrBadCID
	}
	if c.Version() == 0 {
		return append(b, base58Encode([]byte(c.b))...), nil
	}
	var raw [128]byte // the CIDs this package makes are 36-38 bytes
	return b32.AppendEncode(append(b, 'b'), append(raw[:0], c.b...)), nil
}

// MarshalText implements encoding.TextMarshaler.
func (c CID) MarshalText() ([]byte, error) {
	if !c.Defined() {
		return nil, ErrBadCID
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *CID) UnmarshalText(b []byte) error {
	p, err := ParseCID(string(b))
	if err != nil {
		return err
	}
	*c = p
	return nil
}

// NewCIDv1 builds a CIDv1 from a codec and a multihash.
func NewCIDv1(codec uint64, multihash []byte) (CID, error) {
	if err := checkMultihash(multihash); err != nil {
		return CID{}, err
	}
	b := binary.AppendUvarint([]byte{1}, codec)
	return CID{string(append(b, multihash...))}, nil
}

// SumCID returns the CIDv1 of b under codec with a sha2-256 multihash:
// the address a block gets when it is written (a raw leaf, a spec block,
// a sealed secrets block).
func SumCID(codec uint64, b []byte) CID {
	sum := sha256.Sum256(b)
	c := binary.AppendUvarint([]byte{1}, codec)
	c = append(c, byte(HashSHA2256), sha256.Size)
	return CID{string(append(c, sum[:]...))}
}

// CIDFromBytes parses the binary form of a CID. It accepts exactly one CID
// with nothing after it.
func CIDFromBytes(b []byte) (CID, error) {
	if len(b) == 34 && b[0] == 0x12 && b[1] == 0x20 {
		return CID{string(b)}, nil
	}
	v, n := uvarint(b)
	if n <= 0 || v != 1 {
		return CID{}, fmt.Errorf("%w: unsupported version", ErrBadCID)
	}
	_, m := uvarint(b[n:])
	if m <= 0 {
		return CID{}, fmt.Errorf("%w: bad codec", ErrBadCID)
	}
	if err := checkMultihash(b[n+m:]); err != nil {
		return CID{}, err
	}
	return CID{string(b)}, nil
}

// uvarint reads a minimally encoded unsigned varint, as the multiformats
// spec requires: otherwise one CID would have several binary forms.
func uvarint(b []byte) (uint64, int) {
	v, n := binary.Uvarint(b)
	if n <= 0 || n > 9 || n != len(binary.AppendUvarint(nil, v)) {
		return 0, -1
	}
	return v, n
}

func checkMultihash(mh []byte) error {
	code, n := uvarint(mh)
	if n <= 0 {
		return fmt.Errorf("%w: bad multihash code", ErrBadCID)
	}
	size, m := uvarint(mh[n:])
	if m <= 0 || size > 128 {
		return fmt.Errorf("%w: bad multihash length", ErrBadCID)
	}
	if uint64(len(mh)-n-m) != size {
		return fmt.Errorf("%w: multihash digest is %d bytes, header says %d", ErrBadCID, len(mh)-n-m, size)
	}
	if code == HashSHA2256 && size != 32 {
		return fmt.Errorf("%w: sha2-256 digest must be 32 bytes", ErrBadCID)
	}
	return nil
}

// ParseCID parses the text form of a CID: CIDv0 (base58btc, "Qm...") or
// CIDv1 in base32 ("b...", or "B..." all upper case) or base58btc ("z...").
// Each CID has exactly one text form per base: non-canonical base32
// (unused trailing bits set, mixed case, line breaks) is refused, so a
// function has one address, not several that rules keyed on the URL would
// tell apart.
func ParseCID(s string) (CID, error) {
	if len(s) < 2 || len(s) > 256 {
		return CID{}, notCID(s, "it is too "+map[bool]string{true: "short", false: "long"}[len(s) < 2]+cidHint, nil)
	}
	if len(s) == 46 && strings.HasPrefix(s, "Qm") {
		b, err := base58Decode(s)
		if err != nil {
			return CID{}, notCID(s, "it has a character no CID has; copy it again", err)
		}
		return CIDFromBytes(b)
	}
	var (
		b   []byte
		err error
	)
	switch s[0] {
	case 'b':
		b, err = base32Decode(s[1:], 'a')
	case 'B':
		b, err = base32Decode(s[1:], 'A')
	case 'z':
		b, err = base58Decode(s[1:])
	default:
		return CID{}, notCID(s, "a CID starts with b"+cidHint, fmt.Errorf("unsupported multibase prefix %q", s[0]))
	}
	if err != nil {
		return CID{}, notCID(s, "it has a character no CID has, or is cut short; copy it again", err)
	}
	if len(b) > 0 && b[0] == 0x12 {
		return CID{}, notCID(s, "an old-style (v0) CID is written Qm... without a prefix", nil)
	}
	c, err := CIDFromBytes(b)
	if err != nil {
		return CID{}, notCID(s, "it does not decode to a CID; copy it again", err)
	}
	return c, nil
}

// cidHint says what the CIDs users handle look like.
const cidHint = " (a function's address, which wf deploy prints, looks like bagaaiera...; a file's, which wf pack prints, like bafy...)"

// badCIDError says, in the user's terms first, why a string is not a
// CID; the technical reason, if any, follows in brackets.
type badCIDError struct {
	in, why string
	detail  error
}

func notCID(in, why string, detail error) error { return &badCIDError{truncate(in), why, detail} }

func (e *badCIDError) Error() string {
	msg := fmt.Sprintf("%q is not a CID: %s", e.in, e.why)
	if e.detail != nil {
		msg += " [" + e.detail.Error() + "]"
	}
	return msg
}

func (e *badCIDError) Is(target error) bool { return target == ErrBadCID || target == ErrInvalid }

// base32Decode decodes RFC 4648 base32 without padding, in lower case
// (a = 'a') or upper case (a = 'A'), accepting only the canonical form.
// encoding/base32 alone would skip '\r' and '\n' anywhere, ignore bytes
// after a partial last quantum, drop a character no byte count needs and
// ignore the unused bits of the last character: "bafkqaaa", "bafkqaab"
// and "bafkqaaa\xff" would all name one CID, "bafkqaakb" and "bafkqaakba"
// another.
func base32Decode(s string, a byte) ([]byte, error) {
	var buf [256]byte // ParseCID's length limit
	in := buf[:len(s)]
	var last byte // the last character's 5 bits
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= a && c <= a+25:
			in[i], last = c-a+'a', c-a
		case c >= '2' && c <= '7':
			in[i], last = c, c-'2'+26
		default:
			return nil, fmt.Errorf("invalid base32 character at %d", i+2)
		}
	}
	if r := len(s) % 8; r == 1 || r == 3 || r == 6 {
		// No byte count encodes to these lengths; encoding/base32 would
		// drop the extra character.
		return nil, errors.New("base32 text of an impossible length")
	}
	if unused := len(s) * 5 % 8; last&(1<<unused-1) != 0 {
		return nil, errors.New("non-canonical base32 (unused bits set in the last character)")
	}
	out := make([]byte, b32.DecodedLen(len(in)))
	n, err := b32.Decode(out, in)
	return out[:n], err
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

const b58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

func base58Encode(b []byte) string {
	x := new(big.Int).SetBytes(b)
	var out []byte
	mod, base := new(big.Int), big.NewInt(58)
	for x.Sign() > 0 {
		x.DivMod(x, base, mod)
		out = append(out, b58Alphabet[mod.Int64()])
	}
	for _, c := range b {
		if c != 0 {
			break
		}
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

func base58Decode(s string) ([]byte, error) {
	x, base := new(big.Int), big.NewInt(58)
	zeros := 0
	for i := 0; i < len(s) && s[i] == '1'; i++ {
		zeros++
	}
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(b58Alphabet, s[i])
		if d < 0 {
			return nil, errors.New("invalid base58 character")
		}
		x.Mul(x, base).Add(x, big.NewInt(int64(d)))
	}
	return append(make([]byte, zeros), x.Bytes()...), nil
}

package wf

import (
	"encoding/hex"
	"fmt"
	"strings"
)

// Address is a 20-byte Ethereum account address: the identity of publishers,
// payers and providers. The zero Address is invalid.
type Address [20]byte

// IsZero reports whether a is the invalid zero address.
func (a Address) IsZero() bool { return a == Address{} }

// String returns the lowercase 0x-prefixed hex form, as specs, vouchers and
// receipts carry it. Show people Checksum.
func (a Address) String() string { return "0x" + hex.EncodeToString(a[:]) }

// Checksum returns the EIP-55 mixed-case form that wallets and block
// explorers print ("0xF39Fd6e5..."): String with each letter upper-cased
// where the Keccak-256 of String's 40 hex digits has a nibble of 8 or more,
// so a mistyped letter shows.
func (a Address) Checksum() string {
	var b [42]byte
	copy(b[:], "0x")
	hex.Encode(b[2:], a[:])
	h := keccak256(b[2:])
	for i, c := range b[2:] {
		nibble := h[i/2] >> 4
		if i%2 == 1 {
			nibble = h[i/2] & 0xf
		}
		if c >= 'a' && nibble >= 8 {
			b[2+i] = c - 'a' + 'A'
		}
	}
	return string(b[:])
}

// MarshalText implements encoding.TextMarshaler: the lower-case String.
func (a Address) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Address) UnmarshalText(b []byte) error {
	p, err := ParseAddress(string(b))
	if err != nil {
		return err
	}
	*a = p
	return nil
}

// ParseAddress parses a 0x-prefixed 40-digit hex address in any case: the
// mixed case of Checksum is not checked.
func ParseAddress(s string) (Address, error) {
	var a Address
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") || len(s) != 42 {
		return a, fmt.Errorf("%w: address %q must be 0x followed by 40 hex digits", ErrInvalid, truncate(s))
	}
	if _, err := hex.Decode(a[:], []byte(s[2:])); err != nil {
		return a, fmt.Errorf("%w: address %q: %v", ErrInvalid, s, err)
	}
	if a.IsZero() {
		return a, fmt.Errorf("%w: zero address", ErrInvalid)
	}
	return a, nil
}

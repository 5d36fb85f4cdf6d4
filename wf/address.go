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

// String returns the lowercase 0x-prefixed hex form. (The EIP-55 checksummed
// form needs keccak; package chain provides it.)
func (a Address) String() string { return "0x" + hex.EncodeToString(a[:]) }

// MarshalText implements encoding.TextMarshaler.
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

// ParseAddress parses a 0x-prefixed 40-digit hex address (any case).
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

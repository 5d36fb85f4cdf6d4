package wf

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// Nonce is 32 random bytes a verifier chooses so that a signature made for
// it cannot be replayed: gateways challenge providers' endpoints and
// tunnel logins with one (see EndpointChallenge and TunnelLogin).
type Nonce [32]byte

// NewNonce returns a nonce from crypto/rand.
func NewNonce() Nonce {
	var n Nonce
	rand.Read(n[:]) // crypto/rand.Read never fails (Go 1.24+)
	return n
}

// ParseNonce parses 64 hex digits (an optional 0x prefix is allowed).
func ParseNonce(s string) (Nonce, error) {
	var n Nonce
	if len(s) > 2 && (s[:2] == "0x" || s[:2] == "0X") {
		s = s[2:]
	}
	if len(s) != 2*len(n) {
		return n, fmt.Errorf("%w: nonce must be %d hex digits", ErrInvalid, 2*len(n))
	}
	if _, err := hex.Decode(n[:], []byte(s)); err != nil {
		return n, fmt.Errorf("%w: nonce: %v", ErrInvalid, err)
	}
	return n, nil
}

// String is the nonce in lower-case hex without a prefix.
func (n Nonce) String() string { return hex.EncodeToString(n[:]) }

// MarshalText implements encoding.TextMarshaler.
func (n Nonce) MarshalText() ([]byte, error) { return []byte(n.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (n *Nonce) UnmarshalText(b []byte) error {
	p, err := ParseNonce(string(b))
	if err != nil {
		return err
	}
	*n = p
	return nil
}

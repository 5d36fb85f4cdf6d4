package wf

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// RequestID names one request a provider or gateway answered: 8 random
// bytes, sent as HeaderRequestID in 16 lower-case hex digits and tagging
// the request's log lines and log entry. A provider's receipt signs it,
// so it has exactly one text form: ParseRequestID refuses upper case,
// padding and any other length, which would let one signed receipt be
// shown for several requests. The zero RequestID is invalid.
type RequestID [8]byte

// NewRequestID returns a request id from crypto/rand.
func NewRequestID() RequestID {
	var id RequestID
	rand.Read(id[:]) // crypto/rand.Read never fails (Go 1.24+)
	return id
}

// IsZero reports whether id is the invalid zero RequestID.
func (id RequestID) IsZero() bool { return id == RequestID{} }

// String returns the 16 lower-case hex digits.
func (id RequestID) String() string { return hex.EncodeToString(id[:]) }

// ParseRequestID parses exactly 16 lower-case hex digits.
func ParseRequestID(s string) (RequestID, error) {
	var id RequestID
	if len(s) != 2*len(id) {
		return id, fmt.Errorf("%w: request id %q must be %d lower-case hex digits", ErrInvalid, truncate(s), 2*len(id))
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return id, fmt.Errorf("%w: request id %q must be %d lower-case hex digits", ErrInvalid, s, 2*len(id))
		}
	}
	hex.Decode(id[:], []byte(s))
	return id, nil
}

// MarshalText implements encoding.TextMarshaler.
func (id RequestID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (id *RequestID) UnmarshalText(b []byte) error {
	p, err := ParseRequestID(string(b))
	if err != nil {
		return err
	}
	*id = p
	return nil
}

package wf

import (
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// SpecVersion is the version of the spec format this code reads and writes.
const SpecVersion = 1

// RuntimeWAGI is a WASI preview 1 module speaking WAGI 1.0 CGI: request in
// environment variables and stdin, CGI response on stdout, log on stderr.
const RuntimeWAGI = "wagi"

// Spec describes a deployed function. Its signed, canonical encoding is a
// block whose CID is the function's address. See docs/spec.md.
type Spec struct {
	Version int               `json:"version"`
	Runtime string            `json:"runtime"`
	Code    Code              `json:"code"`
	Env     map[string]string `json:"env,omitempty"`
	Limits  Limits            `json:"limits"`
	Owner   Address           `json:"owner"`
	// Created is RFC 3339 in UTC with second precision, so the canonical
	// encoding is unambiguous.
	Created string `json:"created"`
}

// Code locates the function's code.
type Code struct {
	// CID is the root of a UnixFS DAG: the module file itself, or a
	// directory holding it.
	CID CID `json:"cid"`
	// Entry is the module's path inside a directory; empty when CID is the
	// module file.
	Entry string `json:"entry,omitempty"`
	// Layout records how the DAG was built so anyone can recompute CID.
	Layout Layout `json:"layout"`
}

// Layout records UnixFS import settings.
type Layout struct {
	Chunker    string `json:"chunker"`    // e.g. "size-262144"
	MaxLinks   int    `json:"maxLinks"`   // links per node, 174 in kubo
	RawLeaves  bool   `json:"rawLeaves"`  // leaves as raw blocks
	CIDVersion int    `json:"cidVersion"` // 1
	Hash       string `json:"hash"`       // "sha2-256"
}

// KuboLayout is `ipfs add --cid-version=1` with kubo's defaults.
var KuboLayout = Layout{Chunker: "size-262144", MaxLinks: 174, RawLeaves: true, CIDVersion: 1, Hash: "sha2-256"}

// Limits bound one invocation. Zero means the provider's default; every
// value is capped by the provider's maxima.
type Limits struct {
	MemoryPages      uint32 `json:"memoryPages,omitempty"`      // 64 KiB wasm pages
	TimeoutMS        int64  `json:"timeoutMs,omitempty"`        // wall time
	MaxRequestBytes  int64  `json:"maxRequestBytes,omitempty"`  // request body
	MaxResponseBytes int64  `json:"maxResponseBytes,omitempty"` // stdout, headers included
}

// Timeout returns TimeoutMS as a duration.
func (l Limits) Timeout() time.Duration { return time.Duration(l.TimeoutMS) * time.Millisecond }

// Signature is a 65-byte Ethereum signature (r, s, v with v in {27, 28}).
type Signature [65]byte

// String returns the 0x-prefixed hex form.
func (s Signature) String() string { return "0x" + hex.EncodeToString(s[:]) }

// MarshalText implements encoding.TextMarshaler.
func (s Signature) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Signature) UnmarshalText(b []byte) error {
	str := string(b)
	if !strings.HasPrefix(str, "0x") || len(str) != 2+130 {
		return fmt.Errorf("%w: signature must be 0x followed by 130 hex digits", ErrInvalid)
	}
	if _, err := hex.Decode(s[:], b[2:]); err != nil {
		return fmt.Errorf("%w: signature: %v", ErrInvalid, err)
	}
	return nil
}

// SignedSpec is the block a function's CID addresses: the spec and the
// owner's EIP-712 signature over it.
type SignedSpec struct {
	Spec      Spec      `json:"spec"`
	Signature Signature `json:"signature"`
}

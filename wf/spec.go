package wf

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// SpecVersion is the version of a spec without sealed parts.
const SpecVersion = 1

// SpecVersionSealed is the version of a spec with sealed parts (Sealed set).
// Version 2 is version 1 plus the sealed fields, so a node that reads only
// version 1 refuses a sealed spec by its version instead of running it
// without its secrets or with ciphertext as code.
const SpecVersionSealed = 2

// SpecVersionExtended is the version of a spec that carries extensions
// (Extensions not empty), sealed or not. It is the last version bump the
// format needs: later features add extensions, not fields, and a node
// refuses a spec with a required extension it does not know (docs/spec.md).
const SpecVersionExtended = 3

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
	// Sealed holds the encrypted parts and who may open them; nil when the
	// function has none. See docs/sealing.md.
	Sealed *Sealed `json:"sealed,omitempty"`
	// Extensions add to what the spec says, keyed by extension name; nil
	// for specs of versions 1 and 2. See docs/spec.md, "Extensions".
	Extensions map[string]Extension `json:"extensions,omitempty"`
	// Created is RFC 3339 in UTC with second precision, so the canonical
	// encoding is unambiguous.
	Created string `json:"created"`
}

// Extension is one extension's part of a spec. A node that does not
// understand a Required extension refuses the spec; one that only informs
// may be ignored. Data is the extension's canonical JSON value (see
// docs/spec.md), absent for an extension that is only a flag.
type Extension struct {
	Required bool            `json:"required,omitempty"`
	Data     json.RawMessage `json:"data,omitempty"`
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
	// Encrypted means the DAG is one file holding the module sealed under
	// the spec's data key (see Sealed); the provider opens it in memory.
	Encrypted bool `json:"encrypted,omitempty"`
}

// Sealed lists a function's encrypted parts and the grants that open them.
// One random data key encrypts the secrets and, if Code.Encrypted, the
// code; each grant wraps that data key to one provider's sealing key, so
// granting another provider changes only the spec block.
type Sealed struct {
	// Format is the sealing format version (docs/sealing.md): 1.
	Format int `json:"format"`
	// Secrets is a raw block holding the sealed environment variables
	// (names and values); zero when the function has no secrets.
	Secrets CID `json:"secrets,omitzero"`
	// Grants are sorted by Key, one per sealing key.
	Grants []Grant `json:"grants"`
}

// Grant is the data key wrapped (HPKE) to one sealing public key.
type Grant struct {
	Key     KeyID  `json:"key"`     // which sealing key opens Wrapped
	Wrapped []byte `json:"wrapped"` // a grant envelope, base64 in JSON
}

// KeyID names a sealing public key: the SHA-256 of its encoding (see
// KeyIDOf). The zero KeyID is invalid.
type KeyID [32]byte

// KeyIDOf returns the KeyID of a sealing public key's encoding, as the
// registry and /v1/info publish it; an empty encoding (no key) has the
// invalid zero KeyID.
func KeyIDOf(enc []byte) KeyID {
	if len(enc) == 0 {
		return KeyID{}
	}
	return sha256.Sum256(enc)
}

// IsZero reports whether id is the invalid zero KeyID.
func (id KeyID) IsZero() bool { return id == KeyID{} }

// String returns the lowercase hex form.
func (id KeyID) String() string { return hex.EncodeToString(id[:]) }

// MarshalText implements encoding.TextMarshaler.
func (id KeyID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: 64 lowercase hex
// digits, so one KeyID has one text form.
func (id *KeyID) UnmarshalText(b []byte) error {
	p, err := ParseKeyID(string(b))
	if err != nil {
		return err
	}
	*id = p
	return nil
}

// ParseKeyID parses the 64-digit lowercase hex form of a KeyID.
func ParseKeyID(s string) (KeyID, error) {
	var id KeyID
	if len(s) != 64 || strings.ToLower(s) != s {
		return id, fmt.Errorf("%w: sealing key id %q must be 64 lowercase hex digits", ErrInvalid, truncate(s))
	}
	if _, err := hex.Decode(id[:], []byte(s)); err != nil {
		return id, fmt.Errorf("%w: sealing key id: %v", ErrInvalid, err)
	}
	return id, nil
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

package wf

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Verified execution (docs/verification.md): a gateway runs one request on
// k providers and answers only if they agree. What they agree on is a
// ResponseHash; what each provider signs, with its registered key, is a
// result receipt over the function, the RequestHash and the ResponseHash
// (chain.ResultReceipt), carried in ResultHeader.

// Hash is a SHA-256 digest of the verified-execution hashes.
type Hash [32]byte

func (h Hash) String() string { return "0x" + hex.EncodeToString(h[:]) }

// MarshalText implements encoding.TextMarshaler: the 0x-prefixed hex.
func (h Hash) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (h *Hash) UnmarshalText(b []byte) error {
	s, ok := strings.CutPrefix(string(b), "0x")
	if !ok || len(s) != 64 {
		return fmt.Errorf("%w: hash: want 0x and 64 hex digits", ErrInvalid)
	}
	if _, err := hex.Decode(h[:], []byte(s)); err != nil {
		return fmt.Errorf("%w: hash: %v", ErrInvalid, err)
	}
	return nil
}

// field writes b with its length first, so no two field lists hash alike.
func field(h interface{ Write([]byte) (int, error) }, b []byte) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
	h.Write(b)
}

// RequestHash identifies a request to function fn as the function sees
// it: its method, its escaped path below the function (PATH_INFO), its raw
// query and its body. Request headers are not part of it: the gateway
// that compares answers sends the same ones to every provider.
func RequestHash(fn CID, method, pathInfo, rawQuery string, body []byte) Hash {
	h := sha256.New()
	field(h, []byte("wf.request.v1"))
	field(h, fn.Bytes())
	field(h, []byte(method))
	field(h, []byte(pathInfo))
	field(h, []byte(rawQuery))
	b := sha256.Sum256(body)
	field(h, b[:])
	return Hash(h.Sum(nil))
}

// ResultHeaderExcluded reports whether response header name (canonical
// form) is left out of a ResponseHash: the protocol's own X-WF-* headers
// (receipts and prices differ per provider), the request id, and what
// the HTTP layer sets or strips on the way (Date, framing, hop-by-hop).
// Every other header is what the function answered and is compared.
func ResultHeaderExcluded(name string) bool {
	if len(name) >= len(HeaderPrefix) && strings.EqualFold(name[:len(HeaderPrefix)], HeaderPrefix) {
		return true
	}
	switch strings.ToLower(name) {
	case "date", "content-length", "x-request-id", "connection", "keep-alive", "proxy-connection",
		"transfer-encoding", "trailer", "te", "upgrade", "proxy-authenticate", "proxy-authorization":
		return true
	}
	return false
}

// ResponseHash identifies an answer: its status, its headers but those
// ResultHeaderExcluded leaves out (names compared case-blind, values in
// order), and its body.
func ResponseHash(status int, header map[string][]string, body []byte) Hash {
	keys := make([]string, 0, len(header))
	for k := range header {
		if !ResultHeaderExcluded(k) {
			keys = append(keys, k)
		}
	}
	// By lower-case name, then spelling, so a header sent in two
	// spellings hashes the same whatever the map's order.
	slices.SortFunc(keys, func(a, b string) int {
		if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	h := sha256.New()
	field(h, []byte("wf.response.v1"))
	field(h, fmt.Appendf(nil, "%d", status))
	for i := 0; i < len(keys); {
		n := strings.ToLower(keys[i])
		var vs []string
		for ; i < len(keys) && strings.ToLower(keys[i]) == n; i++ {
			vs = append(vs, header[keys[i]]...)
		}
		field(h, []byte(n))
		field(h, fmt.Appendf(nil, "%d", len(vs)))
		for _, v := range vs {
			field(h, []byte(v))
		}
	}
	b := sha256.Sum256(body)
	field(h, b[:])
	return Hash(h.Sum(nil))
}

// Package voucher is the caller-pays wire format: the X-WF-Voucher header
// that carries a payer's voucher (wf.Voucher) together with a signature
// over the one request it pays for, made by the voucher's session key.
//
// A voucher alone is not spendable: it names an Ed25519 session key, and
// the provider serves a request only if the header also carries that key's
// signature over the request (Request: provider, function, method, path,
// query, body hash and a sequence number) and the sequence number was not
// used before. Whoever copies a header (a gateway, a log, a proxy, the
// function) holds neither the session key nor an unused sequence number,
// so the copy pays for nothing.
//
// The package imports only wf and the standard library, so the Go client
// can pay without linking go-ethereum. Package chain computes the
// voucher's EIP-712 digest; package payment checks headers.
package voucher

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/webfunctions/wf/wf"
)

// Version is the header format this package writes and reads. Version 1,
// a bare voucher, was bearer cash and is refused.
const Version = 2

// MaxHeader bounds what Decode reads; an encoded header is about 600
// bytes.
const MaxHeader = 2048

// Request is what a session key signs for one request.
type Request struct {
	// Provider is the provider paid; Payer the voucher's payer, so the
	// signature cannot travel with another payer's voucher that names the
	// same session key.
	Provider, Payer wf.Address
	Function        wf.CID
	// Method is the HTTP method; Path is the function's own path, escaped
	// as on the wire (what follows /{cid} in the URL, "/" at least), and
	// RawQuery the query without '?'.
	Method, Path, RawQuery string
	// BodyHash is the SHA-256 of the request body (of nothing: no body).
	BodyHash [32]byte
	// Seq is the request's sequence number in its session, from 1. A
	// provider accepts each number once.
	Seq uint64
}

// domain separates request signatures from anything else an Ed25519 key
// might sign.
const domain = "WebFunctions request v1\x00"

// Bytes is the message the session key signs: the domain, the provider's
// and the payer's addresses, the sequence number (8 bytes big-endian), the
// function's CID, method, path and query (each with a 4-byte big-endian
// length) and the body's hash.
func (r Request) Bytes() []byte {
	return r.AppendBytes(make([]byte, 0, len(domain)+40+8+16+64+len(r.Method)+len(r.Path)+len(r.RawQuery)+32))
}

// AppendBytes appends Bytes to dst.
func (r Request) AppendBytes(dst []byte) []byte {
	b := append(dst, domain...)
	b = append(b, r.Provider[:]...)
	b = append(b, r.Payer[:]...)
	b = binary.BigEndian.AppendUint64(b, r.Seq)
	// The CID's text, written in place after its length.
	at := len(b)
	b = append(b, 0, 0, 0, 0)
	if r.Function.Defined() {
		b, _ = r.Function.AppendText(b)
	} else {
		b = append(b, r.Function.String()...)
	}
	binary.BigEndian.PutUint32(b[at:], uint32(len(b)-at-4))
	for _, s := range [...]string{r.Method, r.Path, r.RawQuery} {
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	return append(b, r.BodyHash[:]...)
}

// BodyHash is the SHA-256 of body, as Request.BodyHash wants it.
func BodyHash(body []byte) [32]byte {
	if len(body) == 0 {
		return emptyHash // most paid requests (GETs) have no body
	}
	return sha256.Sum256(body)
}

var emptyHash = sha256.Sum256(nil)

// Session is a short-lived Ed25519 key that a voucher authorizes to sign
// requests. Its zero value is not usable.
type Session struct{ priv ed25519.PrivateKey }

// NewSession makes a session key from rand (crypto/rand.Reader in
// production).
func NewSession(rand io.Reader) (Session, error) {
	_, priv, err := ed25519.GenerateKey(rand)
	if err != nil {
		return Session{}, fmt.Errorf("voucher: new session key: %w", err)
	}
	return Session{priv}, nil
}

// SessionFromSeed is the session whose 32-byte seed Seed returned.
func SessionFromSeed(seed []byte) (Session, error) {
	if len(seed) != ed25519.SeedSize {
		return Session{}, fmt.Errorf("%w: voucher: a session seed is %d bytes", wf.ErrInvalid, ed25519.SeedSize)
	}
	return Session{ed25519.NewKeyFromSeed(seed)}, nil
}

// Seed is the session's private seed, to keep it across processes.
func (s Session) Seed() []byte { return s.priv.Seed() }

// Public is the key a voucher names as its session.
func (s Session) Public() [32]byte { return [32]byte(s.priv.Public().(ed25519.PublicKey)) }

// Sign signs r.
func (s Session) Sign(r Request) [64]byte { return [64]byte(ed25519.Sign(s.priv, r.Bytes())) }

// Verify reports whether sig is session's signature over r.
func Verify(session [32]byte, r Request, sig [64]byte) bool {
	return ed25519.Verify(session[:], r.Bytes(), sig[:])
}

// Header is the content of one X-WF-Voucher header: the payer's signed
// voucher and the session's signature over request number Seq.
type Header struct {
	Voucher    wf.Voucher
	Signature  wf.Signature // the payer's, over Voucher (EIP-712)
	Seq        uint64
	RequestSig [64]byte // the session's, over the Request (with KX: SignOpen's)
	// KX, if set, opens a keyed session (mac.go): the session's exchange
	// key, covered by RequestSig.
	KX [32]byte
}

type wire struct {
	V         int          `json:"v"`
	ChainID   uint64       `json:"chain"`
	Escrow    wf.Address   `json:"escrow"`
	Payer     wf.Address   `json:"payer"`
	Provider  wf.Address   `json:"provider"`
	Amount    string       `json:"amount"`
	Expiry    int64        `json:"expiry"`
	Session   string       `json:"session"`
	Signature wf.Signature `json:"sig"`
	Seq       uint64       `json:"seq"`
	ReqSig    string       `json:"rsig"`
	KX        string       `json:"kx,omitempty"`
}

var (
	b64       = base64.RawURLEncoding
	b64Strict = base64.RawURLEncoding.Strict()
)

// Encode returns h as an X-WF-Voucher value: unpadded base64url of
//
//	{"v":2,"chain":<id>,"escrow":"0x…","payer":"0x…","provider":"0x…",
//	 "amount":"<ceiling, base units>","expiry":<unix s>,"session":"<base64url, 32 bytes>",
//	 "sig":"0x<65 bytes>","seq":<n>,"rsig":"<base64url, 64 bytes>"[,"kx":"<base64url, 32 bytes>"]}
func Encode(h Header) (string, error) {
	if err := check(h); err != nil {
		return "", err
	}
	var kx string
	if h.KX != ([32]byte{}) {
		kx = b64.EncodeToString(h.KX[:])
	}
	j, err := json.Marshal(wire{
		V: Version, ChainID: h.Voucher.ChainID, Escrow: h.Voucher.Escrow, Payer: h.Voucher.Payer, Provider: h.Voucher.Provider,
		Amount: h.Voucher.Cumulative.String(), Expiry: h.Voucher.Expiry, Session: b64.EncodeToString(h.Voucher.Session[:]),
		Signature: h.Signature, Seq: h.Seq, ReqSig: b64.EncodeToString(h.RequestSig[:]), KX: kx,
	})
	if err != nil {
		return "", fmt.Errorf("voucher: encode: %w", err)
	}
	return b64.EncodeToString(j), nil
}

// Decode parses an X-WF-Voucher value made by Encode. It checks the form
// only: the caller still checks the payer's signature, the request
// signature, the sequence number, the provider, chain, escrow and expiry.
// Errors wrap wf.ErrInvalid.
func Decode(s string) (Header, error) {
	if len(s) > MaxHeader {
		return Header{}, fmt.Errorf("%w: voucher: longer than %d bytes", wf.ErrInvalid, MaxHeader)
	}
	// Strict still skips '\r' and '\n'; refuse them so a header is one value.
	if strings.ContainsAny(s, "\r\n") {
		return Header{}, fmt.Errorf("%w: voucher: line break in the header value", wf.ErrInvalid)
	}
	j, err := b64Strict.DecodeString(s)
	if err != nil {
		return Header{}, fmt.Errorf("%w: voucher: not unpadded base64url: %v", wf.ErrInvalid, err)
	}
	var v struct {
		V int `json:"v"`
	}
	if err := json.Unmarshal(j, &v); err != nil {
		return Header{}, fmt.Errorf("%w: voucher: %v", wf.ErrInvalid, err)
	}
	if v.V != Version {
		return Header{}, fmt.Errorf("%w: voucher: version %d, want %d (a version 1 voucher is not bound to a request; sign requests with a session key: wf invoke --pay, or package client's Payer)", wf.ErrInvalid, v.V, Version)
	}
	var w wire
	if err := wf.DecodeJSON(j, &w); err != nil {
		return Header{}, fmt.Errorf("%w: voucher: %v", wf.ErrInvalid, err)
	}
	amt, err := wf.ParseAmount(w.Amount)
	if err != nil {
		return Header{}, fmt.Errorf("voucher: %w", err)
	}
	h := Header{
		Voucher: wf.Voucher{ChainID: w.ChainID, Escrow: w.Escrow, Payer: w.Payer, Provider: w.Provider,
			Cumulative: amt, Expiry: w.Expiry},
		Signature: w.Signature, Seq: w.Seq,
	}
	if err := fixed(h.Voucher.Session[:], w.Session, "session"); err != nil {
		return Header{}, err
	}
	if err := fixed(h.RequestSig[:], w.ReqSig, "rsig"); err != nil {
		return Header{}, err
	}
	if w.KX != "" {
		if err := fixed(h.KX[:], w.KX, "kx"); err != nil {
			return Header{}, err
		}
	}
	if err := check(h); err != nil {
		return Header{}, err
	}
	return h, nil
}

func fixed(dst []byte, s, what string) error {
	// Decoded through buffers on the stack: a keyed request's header
	// holds two of these.
	var src [128]byte
	var out [96]byte
	if len(s) > len(src) || b64.DecodedLen(len(s)) != len(dst) || len(dst) > len(out) {
		return fmt.Errorf("%w: voucher: %s must be %d bytes in unpadded base64url", wf.ErrInvalid, what, len(dst))
	}
	n, err := b64Strict.Decode(out[:], append(src[:0], s...))
	if err != nil || n != len(dst) {
		return fmt.Errorf("%w: voucher: %s must be %d bytes in unpadded base64url", wf.ErrInvalid, what, len(dst))
	}
	copy(dst, out[:n])
	return nil
}

func check(h Header) error {
	v := h.Voucher
	switch {
	case v.ChainID == 0 || v.Escrow.IsZero():
		return fmt.Errorf("%w: voucher: needs a chain id and an escrow", wf.ErrInvalid)
	case v.Payer.IsZero() || v.Provider.IsZero():
		return fmt.Errorf("%w: voucher: needs a payer and a provider", wf.ErrInvalid)
	case v.Cumulative.Sign() <= 0 || v.Cumulative.Big().BitLen() > 256:
		return fmt.Errorf("%w: voucher: amount must be positive", wf.ErrInvalid)
	case v.Expiry <= 0:
		return fmt.Errorf("%w: voucher: needs an expiry", wf.ErrInvalid)
	case v.Session == [32]byte{}:
		return fmt.Errorf("%w: voucher: needs a session key", wf.ErrInvalid)
	case h.Signature == wf.Signature{}:
		return fmt.Errorf("%w: voucher: no signature", wf.ErrInvalid)
	case h.Seq == 0:
		return fmt.Errorf("%w: voucher: sequence numbers start at 1", wf.ErrInvalid)
	}
	return nil
}

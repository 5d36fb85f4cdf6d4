package voucher

// Keyed sessions: after one signed request, the rest of a session is
// authenticated with a MAC (RATIONALE.md, "Caller-pays without a signature
// per request").
//
// The request that opens a session is signed by the session key as any
// other, and the signature also covers KX, an X25519 public key derived
// from the session's seed. The provider answers with AcceptHeader, its own
// X25519 public key. Both sides then hold the same MACKey: HKDF-SHA256
// over the Diffie-Hellman secret of the two keys, bound to the session,
// both exchange keys, the provider and the payer. Later requests carry a
// Tag (HMAC-SHA256 over the same Request bytes a signature covers) instead
// of a signature and the voucher: a MACHeader, about 100 bytes.
//
// Only the two ends can compute the key: the provider's half needs the
// provider's exchange key, the caller's half the session seed. A gateway
// that swaps the provider's AcceptHeader for its own learns a key the
// provider does not hold (the caller's KX was signed with the request, so
// it cannot be swapped), so it can only make the caller's later requests
// fail, which a gateway can do anyway by dropping them.

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/webfunctions/wf/wf"
)

// AcceptHeader is on the answer to a request that opened a keyed session:
// the provider's X25519 public key, unpadded base64url. A provider without
// keyed sessions never sends it, and its callers keep signing each request.
const AcceptHeader = "X-WF-Session"

// macPrefix starts a MACHeader's encoding. A version 2 header is base64url
// and has no '.', so the two cannot be confused.
const macPrefix = "m1."

// openDomain separates the signature of a request that opens a keyed
// session from a plain request signature: the same session key signs both.
const openDomain = "WebFunctions request v1 open\x00"

// openBytes is what the session key signs for a request opening a keyed
// session: openDomain, kx, then Bytes without its domain.
func (r Request) openBytes(kx [32]byte) []byte {
	b := r.Bytes()
	out := make([]byte, 0, len(openDomain)+32+len(b)-len(domain))
	out = append(out, openDomain...)
	out = append(out, kx[:]...)
	return append(out, b[len(domain):]...)
}

// SignOpen signs r as the request opening a keyed session whose exchange
// key is kx (s.ExchangePublic()).
func (s Session) SignOpen(r Request, kx [32]byte) [64]byte {
	return [64]byte(ed25519.Sign(s.priv, r.openBytes(kx)))
}

// VerifyOpen reports whether sig is session's signature over r opening a
// keyed session with exchange key kx.
func VerifyOpen(session [32]byte, r Request, kx [32]byte, sig [64]byte) bool {
	return ed25519.Verify(session[:], r.openBytes(kx), sig[:])
}

// exchange is the session's X25519 key: derived from its seed, so a
// client that keeps the seed keeps it too.
func (s Session) exchange() *ecdh.PrivateKey {
	k, err := hkdf.Key(sha256.New, s.priv.Seed(), nil, "WebFunctions session exchange v1", 32)
	if err != nil {
		panic(err) // 32 bytes of SHA-256 HKDF cannot fail
	}
	priv, err := ecdh.X25519().NewPrivateKey(k)
	if err != nil {
		panic(err) // any 32 bytes are an X25519 key
	}
	return priv
}

// ExchangePublic is the X25519 public key a request opening a keyed
// session carries (Header.KX).
func (s Session) ExchangePublic() [32]byte { return [32]byte(s.exchange().PublicKey().Bytes()) }

// MACKey is a keyed session's shared key. It is not comparable.
type MACKey struct {
	_ [0]func()
	k [32]byte
	// macs keeps crypto/hmac states keyed with k, each with a buffer for
	// the request's bytes: a provider checks a tag per keyed request, and
	// a state made per tag costs the key schedule and its allocations.
	macs sync.Pool
}

// macState is one HMAC-SHA256 state under a MACKey and its scratch space.
type macState struct {
	h   hash.Hash
	buf []byte
	sum [sha256.Size]byte
}

// Tag is the MAC of r under k: HMAC-SHA256 (RFC 2104).
func (k *MACKey) Tag(r Request) [32]byte {
	st, _ := k.macs.Get().(*macState)
	if st == nil {
		st = &macState{h: hmac.New(sha256.New, k.k[:])}
	} else {
		st.h.Reset()
	}
	st.buf = r.AppendBytes(st.buf[:0])
	st.h.Write(st.buf)
	tag := [32]byte(st.h.Sum(st.sum[:0]))
	k.macs.Put(st)
	return tag
}

// Verify reports, in constant time, whether tag is r's MAC under k.
func (k *MACKey) Verify(r Request, tag [32]byte) bool {
	want := k.Tag(r)
	return hmac.Equal(want[:], tag[:])
}

func deriveMAC(shared []byte, session, kx, accept [32]byte, provider, payer wf.Address) (*MACKey, error) {
	info := make([]byte, 0, 32+3*32+2*20)
	info = append(info, "WebFunctions session mac v1\x00"...)
	info = append(info, session[:]...)
	info = append(info, kx[:]...)
	info = append(info, accept[:]...)
	info = append(info, provider[:]...)
	info = append(info, payer[:]...)
	k, err := hkdf.Key(sha256.New, shared, nil, string(info), 32)
	if err != nil {
		return nil, fmt.Errorf("voucher: derive session key: %w", err)
	}
	return &MACKey{k: [32]byte(k)}, nil
}

// MACKey is the key of the keyed session s opened with a provider whose
// AcceptHeader was accept. An accept that is not an X25519 key (one that
// gives the all-zero secret) is an error.
func (s Session) MACKey(accept [32]byte, provider, payer wf.Address) (*MACKey, error) {
	pub, err := ecdh.X25519().NewPublicKey(accept[:])
	if err != nil {
		return nil, fmt.Errorf("%w: voucher: session accept key: %v", wf.ErrInvalid, err)
	}
	priv := s.exchange()
	shared, err := priv.ECDH(pub)
	if err != nil {
		return nil, fmt.Errorf("%w: voucher: session accept key: %v", wf.ErrInvalid, err)
	}
	return deriveMAC(shared, s.Public(), [32]byte(priv.PublicKey().Bytes()), accept, provider, payer)
}

// Acceptor is a provider's side of keyed sessions: an X25519 key, made
// per process (a restart forgets every session's key; callers open again).
type Acceptor struct{ priv *ecdh.PrivateKey }

// NewAcceptor makes an acceptor from rand (crypto/rand.Reader in
// production).
func NewAcceptor(rand io.Reader) (*Acceptor, error) {
	priv, err := ecdh.X25519().GenerateKey(rand)
	if err != nil {
		return nil, fmt.Errorf("voucher: session acceptor key: %w", err)
	}
	return &Acceptor{priv}, nil
}

// Public is the AcceptHeader value's key.
func (a *Acceptor) Public() [32]byte { return [32]byte(a.priv.PublicKey().Bytes()) }

// Header is the AcceptHeader value.
func (a *Acceptor) Header() string { pub := a.Public(); return b64.EncodeToString(pub[:]) }

// MACKey is the key of the keyed session that session opened with
// exchange key kx for payer, as the caller derives it.
func (a *Acceptor) MACKey(session, kx [32]byte, provider, payer wf.Address) (*MACKey, error) {
	pub, err := ecdh.X25519().NewPublicKey(kx[:])
	if err != nil {
		return nil, fmt.Errorf("%w: voucher: session exchange key: %v", wf.ErrInvalid, err)
	}
	shared, err := a.priv.ECDH(pub)
	if err != nil {
		return nil, fmt.Errorf("%w: voucher: session exchange key: %v", wf.ErrInvalid, err)
	}
	return deriveMAC(shared, session, kx, a.Public(), provider, payer)
}

// ParseAccept reads an AcceptHeader value.
func ParseAccept(s string) ([32]byte, error) {
	var k [32]byte
	if err := fixed(k[:], s, "session accept key"); err != nil {
		return k, err
	}
	return k, nil
}

// MACHeader is an X-WF-Voucher value for a request within a keyed
// session: the session, the request's sequence number and its Tag.
type MACHeader struct {
	Session [32]byte
	Seq     uint64
	Tag     [32]byte
}

// IsMAC reports whether an X-WF-Voucher value is a MACHeader's encoding
// (else it is a Header's).
func IsMAC(s string) bool { return strings.HasPrefix(s, macPrefix) }

// EncodeMAC returns h as an X-WF-Voucher value:
// "m1.<session, base64url>.<seq, decimal>.<tag, base64url>".
func EncodeMAC(h MACHeader) string {
	// Built in a stack buffer (a client encodes one per request): the
	// string is the only allocation.
	var buf [len(macPrefix) + 43 + 1 + 20 + 1 + 43]byte
	b := append(buf[:0], macPrefix...)
	b = b64.AppendEncode(b, h.Session[:])
	b = append(b, '.')
	b = strconv.AppendUint(b, h.Seq, 10)
	b = append(b, '.')
	b = b64.AppendEncode(b, h.Tag[:])
	return string(b)
}

// DecodeMAC parses an EncodeMAC value. It checks the form only. Errors
// wrap wf.ErrInvalid.
func DecodeMAC(s string) (MACHeader, error) {
	var h MACHeader
	rest, ok := strings.CutPrefix(s, macPrefix)
	if !ok || len(s) > 160 {
		return h, fmt.Errorf("%w: voucher: not a keyed-session header", wf.ErrInvalid)
	}
	sess, rest, ok1 := strings.Cut(rest, ".")
	seq, tag, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 {
		return h, fmt.Errorf("%w: voucher: a keyed-session header is m1.SESSION.SEQ.TAG", wf.ErrInvalid)
	}
	if err := fixed(h.Session[:], sess, "session"); err != nil {
		return h, err
	}
	if err := fixed(h.Tag[:], tag, "tag"); err != nil {
		return h, err
	}
	n, err := strconv.ParseUint(seq, 10, 64)
	if err != nil || n == 0 || (len(seq) > 1 && seq[0] == '0') {
		return h, fmt.Errorf("%w: voucher: a keyed-session header's sequence number is a decimal from 1", wf.ErrInvalid)
	}
	h.Seq = n
	return h, nil
}

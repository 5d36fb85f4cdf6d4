// Package minapay is the provider's check of a payment in MINA: the
// X-WF-Mina-Voucher header, which carries a payer's voucher for a
// PaymentChannel zkApp (see mina/zkapp and docs/mina.md) and the voucher's
// session key's signature over the one request it pays for, checked
// against the channel's state.
//
// It is the per-request part of the Mina rail of issue 18, in the shape of
// the EVM path (payment/voucher): a voucher is a cumulative ceiling naming
// an Ed25519 session key; each request carries that key's signature over
// the channel, the provider, the function, method, path, query, body hash
// and a sequence number used once. The Mina signature is verified once per
// voucher and remembered. Charging the durable ledger, receipts and
// redemption are not here yet.
package minapay

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/wf"
)

// HeaderName carries a Mina voucher and a request signature.
const HeaderName = "X-WF-Mina-Voucher"

// Version is the header format this package writes and reads.
const Version = 1

// MaxHeader bounds what Decode reads; an encoded header is about 550 bytes.
const MaxHeader = 1024

// Header is a payer's signed voucher and one request's session signature.
type Header struct {
	Payer     *mina.PublicKey
	Voucher   mina.Voucher
	Signature mina.Signature // the payer's, over Voucher
	// Seq is the request's number in its session, from 1; RequestSig the
	// session key's signature over Request with this Seq.
	Seq        uint64
	RequestSig [64]byte
}

type wire struct {
	V          int    `json:"v"`
	Network    string `json:"network"`
	Channel    string `json:"channel"`
	Payer      string `json:"payer"`
	Cumulative string `json:"cumulative"`
	Session    string `json:"session"`
	Expiry     uint64 `json:"expiry"`
	Signature  string `json:"signature"`
	Seq        uint64 `json:"seq"`
	Request    string `json:"request"`
}

var b64 = base64.RawURLEncoding

// Encode returns the header value: unpadded base64url of a JSON object.
func (h *Header) Encode() string {
	w := wire{V: Version, Network: h.Voucher.Network.String(), Channel: h.Voucher.Channel.Base58(),
		Payer: h.Payer.Base58(), Cumulative: strconv.FormatUint(h.Voucher.Cumulative, 10),
		Session: b64.EncodeToString(h.Voucher.Session[:]), Expiry: h.Voucher.Expiry,
		Signature: h.Signature.Base58(), Seq: h.Seq, Request: b64.EncodeToString(h.RequestSig[:])}
	b, _ := json.Marshal(w)
	return b64.EncodeToString(b)
}

func decodeWire(s string) (wire, error) {
	var w wire
	if len(s) > MaxHeader {
		return w, fmt.Errorf("header longer than %d bytes", MaxHeader)
	}
	raw, err := b64.DecodeString(s)
	if err != nil {
		return w, errors.New("not unpadded base64url")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return w, fmt.Errorf("not the voucher's JSON: %v", err)
	}
	if dec.More() {
		return w, errors.New("trailing data after the voucher")
	}
	if w.V != Version {
		return w, fmt.Errorf("version %d, want %d", w.V, Version)
	}
	return w, nil
}

// voucherKey identifies the payer-signed part of a header, whatever the request.
func (w *wire) voucherKey() [32]byte {
	h := sha256.New()
	for _, s := range []string{w.Network, w.Channel, w.Payer, w.Cumulative, w.Session, strconv.FormatUint(w.Expiry, 10), w.Signature} {
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(s)))
		h.Write(l[:])
		h.Write([]byte(s))
	}
	return [32]byte(h.Sum(nil))
}

// request reads the per-request part.
func (w *wire) request(h *Header) error {
	sig, err := b64.DecodeString(w.Request)
	if err != nil || len(sig) != 64 {
		return errors.New("request is not a 64-byte base64url signature")
	}
	if w.Seq == 0 {
		return errors.New("seq must be 1 or more")
	}
	h.Seq = w.Seq
	copy(h.RequestSig[:], sig)
	return nil
}

// Decode parses a header value made by Encode. It checks the form (sizes,
// keys on the curve, numbers in range, no unknown fields), not the signatures.
func Decode(s string) (*Header, error) {
	w, err := decodeWire(s)
	if err != nil {
		return nil, err
	}
	h, err := w.voucher()
	if err != nil {
		return nil, err
	}
	if err := w.request(h); err != nil {
		return nil, err
	}
	return h, nil
}

func (w *wire) voucher() (*Header, error) {
	var h Header
	var err error
	if h.Voucher.Network, err = mina.ParseNetwork(w.Network); err != nil {
		return nil, err
	}
	if h.Voucher.Channel, err = mina.ParsePublicKey(w.Channel); err != nil {
		return nil, fmt.Errorf("channel: %v", err)
	}
	if h.Payer, err = mina.ParsePublicKey(w.Payer); err != nil {
		return nil, fmt.Errorf("payer: %v", err)
	}
	// canonical decimal only: one encoding per amount
	if h.Voucher.Cumulative, err = strconv.ParseUint(w.Cumulative, 10, 64); err != nil || strconv.FormatUint(h.Voucher.Cumulative, 10) != w.Cumulative {
		return nil, errors.New("cumulative is not a decimal nanomina amount")
	}
	sess, err := b64.DecodeString(w.Session)
	if err != nil || len(sess) != 32 {
		return nil, errors.New("session is not 32 bytes of base64url")
	}
	copy(h.Voucher.Session[:], sess)
	h.Voucher.Expiry = w.Expiry
	if h.Signature, err = mina.ParseSignature(w.Signature); err != nil {
		return nil, fmt.Errorf("signature: %v", err)
	}
	return &h, nil
}

// Request is what a session key signs for one request.
type Request struct {
	Channel, Provider      *mina.PublicKey
	Function               wf.CID
	Method, Path, RawQuery string // as in wf.PaidRequest
	BodyHash               [32]byte
	Seq                    uint64
}

// domain separates these signatures from the EVM path's and anything else.
const domain = "WebFunctions MINA request v1\x00"

// Bytes is the message the session key signs: the domain, then the
// channel, provider, function, method, path and query (each with a 4-byte
// big-endian length), the body's SHA-256 and the sequence number (8 bytes
// big-endian).
func (r *Request) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString(domain)
	for _, s := range []string{r.Channel.Base58(), r.Provider.Base58(), r.Function.String(), r.Method, r.Path, r.RawQuery} {
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(s)))
		b.Write(l[:])
		b.WriteString(s)
	}
	b.Write(r.BodyHash[:])
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], r.Seq)
	b.Write(n[:])
	return b.Bytes()
}

// SignRequest is the client's side: the session key's signature over r.
func SignRequest(session ed25519.PrivateKey, r *Request) [64]byte {
	return [64]byte(ed25519.Sign(session, r.Bytes()))
}

// Channel is what the provider knows of a channel's account, read through
// the settler: its state fields and balance, and the chain's current slot.
type Channel struct {
	Address *mina.PublicKey
	// Parties is the state field Poseidon(payer, provider), decimal.
	Parties  string
	Network  mina.Network
	Redeemed uint64 // nanomina redeemed by vouchers
	Balance  uint64 // nanomina in the account now
	// ExpirySlot is the first global slot at which redeem stops working;
	// Slot is the current one.
	ExpirySlot, Slot uint32
}

// Policy is one provider's terms for MINA.
type Policy struct {
	Provider *mina.PublicKey
	Network  mina.Network
	Price    uint64 // nanomina per request
	// MinSlots is how many slots the channel must still have before its
	// expiry for the provider to serve from it: time to redeem (Mina's
	// slots are 3 minutes; 20 slots is an hour).
	MinSlots uint32
	// MinLife and MaxLife bound how long a voucher must and may still be
	// valid; MaxLife also bounds how long a session's numbers are kept.
	MinLife, MaxLife time.Duration
	Now              func() time.Time
}

// Defaults of Policy.
const (
	DefaultMinLife = 10 * time.Minute
	DefaultMaxLife = 24 * time.Hour
)

// MaxCached bounds the remembered vouchers; when full the memory starts afresh.
const MaxCached = 1 << 14

// MaxSessions bounds the sessions whose used numbers are kept; sessions
// whose voucher expired are dropped first.
const MaxSessions = 1 << 16

// Window is how many numbers below a session's highest used one are still
// accepted (once each).
const Window = 1024

// Checker checks headers against channels. Decoding a voucher (two square
// roots) and verifying its Mina signature cost about 0.7 ms of CPU, so each
// voucher is decoded and verified once and remembered: a session's requests
// share one voucher and differ in their Ed25519 request signature (~50 us).
type Checker struct {
	policy   Policy
	mu       sync.Mutex
	vouchers map[[32]byte]*voucher // by voucherKey; signature verified
	sessions map[[32]byte]*window
}

type voucher struct {
	*Header         // the payer-signed part; Seq and RequestSig unset
	parties  string // PartiesHash(payer, provider), decimal
	verified bool
}

type window struct {
	floor  uint64 // every number up to it counts as used (charged before a restart)
	max    uint64
	used   map[uint64]struct{} // numbers in (max-Window, max]
	expiry uint64              // the voucher's, unix seconds
}

// Voucher is a decoded header, as Checker.Decode returns it.
type Voucher struct {
	Header // the whole header, this request's part included
	v      *voucher
	key    [32]byte
}

// NewChecker returns a checker for policy.
func NewChecker(p Policy) (*Checker, error) {
	if p.Provider == nil {
		return nil, errors.New("minapay: the provider's Mina key is required")
	}
	if p.Price == 0 {
		return nil, errors.New("minapay: a price above 0 is required")
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.MinLife == 0 {
		p.MinLife = DefaultMinLife
	}
	if p.MaxLife == 0 {
		p.MaxLife = DefaultMaxLife
	}
	if p.MaxLife <= p.MinLife {
		return nil, errors.New("minapay: MaxLife must be above MinLife")
	}
	return &Checker{policy: p, vouchers: map[[32]byte]*voucher{}, sessions: map[[32]byte]*window{}}, nil
}

// Error is a request the header does not pay for. It wraps
// wf.ErrPaymentRequired; Details say what is missing and how to fix it.
type Error struct {
	msg     string
	details map[string]any
}

func (e *Error) Error() string           { return e.msg }
func (e *Error) Is(target error) bool    { return target == wf.ErrPaymentRequired }
func (e *Error) Details() map[string]any { return e.details }

// Reason is the error's code, such as "voucher_too_low".
func (e *Error) Reason() string { s, _ := e.details["reason"].(string); return s }

// Refuse returns a payment error with this checker's details, for a
// refusal decided outside Check (such as a channel whose account does not
// run the PaymentChannel code).
func (c *Checker) Refuse(reason, msg, fix string) *Error { return c.refuse(reason, msg, fix) }

// Price is the policy's price per request, in nanomina.
func (c *Checker) Price() uint64 { return c.policy.Price }

// Floor records that every number up to seq of session was used, by a
// process before this one: a rail calls it with the highest number its
// durable ledger charged, the first time it sees the session, so a header
// charged before a restart is not accepted again. It fails, as Use does,
// when the table of sessions is full of unexpired ones.
func (c *Checker) Floor(session [32]byte, seq uint64, expiry uint64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	w := c.sessions[session]
	if w == nil {
		if len(c.sessions) >= MaxSessions {
			return fmt.Errorf("%w: minapay: too many open sessions", wf.ErrUnavailable)
		}
		w = &window{used: map[uint64]struct{}{}}
		c.sessions[session] = w
	}
	w.floor = max(w.floor, seq)
	w.max = max(w.max, seq)
	w.expiry = max(w.expiry, expiry)
	return nil
}

func (c *Checker) refuse(code, msg, fix string, extra ...any) *Error {
	d := map[string]any{"mode": "caller", "rail": "mina", "provider": c.policy.Provider.Base58(),
		"network": c.policy.Network.String(), "price": strconv.FormatUint(c.policy.Price, 10), "reason": code, "fix": fix}
	for i := 0; i+1 < len(extra); i += 2 {
		d[extra[i].(string)] = extra[i+1]
	}
	return &Error{msg: "payment required: " + msg, details: d}
}

// Decode reads the request's header values: exactly one is required.
func (c *Checker) Decode(values []string) (*Voucher, error) {
	if len(values) != 1 {
		return nil, c.refuse("malformed_voucher", "send exactly one "+HeaderName+" header",
			"pay in MINA: wf mina voucher URL prints the header")
	}
	bad := func(err error) error {
		return c.refuse("malformed_voucher", "the "+HeaderName+" header is malformed: "+err.Error(),
			"make the header with wf mina voucher")
	}
	w, err := decodeWire(values[0])
	if err != nil {
		return nil, bad(err)
	}
	key := w.voucherKey()
	c.mu.Lock()
	v, ok := c.vouchers[key]
	c.mu.Unlock()
	if !ok {
		h, err := w.voucher()
		if err != nil {
			return nil, bad(err)
		}
		v = &voucher{Header: h, parties: mina.PartiesHash(h.Payer, c.policy.Provider).String()}
	}
	out := &Voucher{Header: *v.Header, v: v, key: key}
	if err := w.request(&out.Header); err != nil {
		return nil, bad(err)
	}
	return out, nil
}

// Check decides whether the header pays for request pr: one more request
// of Price on top of owed (what this provider already charged on the
// channel, redeemed or not) given the channel's state ch. It returns the
// new amount owed. It does not use the sequence number: Use does, when the
// request is charged.
func (c *Checker) Check(h *Voucher, pr *wf.PaidRequest, ch *Channel, owed uint64) (uint64, error) {
	p := &c.policy
	v := &h.Voucher
	if v.Network != p.Network {
		return 0, c.refuse("wrong_network", fmt.Sprintf("the voucher is for %s; this provider takes %s", v.Network, p.Network),
			"sign the voucher for "+p.Network.String())
	}
	if ch == nil || ch.Address == nil || !ch.Address.Equal(v.Channel) {
		return 0, c.refuse("unknown_channel", "the voucher's channel "+v.Channel.Base58()+" is not a channel this provider can read",
			"open a channel to this provider: wf mina channel open --provider "+p.Provider.Base58())
	}
	if ch.Network != p.Network || ch.Parties != h.v.parties {
		return 0, c.refuse("wrong_channel", "channel "+v.Channel.Base58()+" is not between payer "+h.Payer.Base58()+" and this provider on "+p.Network.String(),
			"open a channel to this provider: wf mina channel open --provider "+p.Provider.Base58())
	}
	if !c.verify(h) {
		return 0, c.refuse("bad_signature", "the voucher is not signed by payer "+h.Payer.Base58(),
			"sign the voucher with the payer's key: wf mina voucher")
	}
	now := p.Now()
	exp := time.Unix(int64(min(v.Expiry, 1<<62)), 0)
	if exp.Before(now.Add(p.MinLife)) {
		return 0, c.refuse("voucher_expired", fmt.Sprintf("the voucher expires at %d (unix seconds), before %s from now", v.Expiry, p.MinLife),
			"sign a new voucher: wf mina voucher")
	}
	if exp.After(now.Add(p.MaxLife)) {
		return 0, c.refuse("voucher_too_long", fmt.Sprintf("the voucher expires at %d (unix seconds), more than %s from now", v.Expiry, p.MaxLife),
			"sign a voucher with a shorter expiry: wf mina voucher")
	}
	req := Request{Channel: v.Channel, Provider: p.Provider, Function: pr.Function, Method: pr.Method,
		Path: pr.Path, RawQuery: pr.RawQuery, BodyHash: sha256.Sum256(pr.Body), Seq: h.Seq}
	if !ed25519.Verify(v.Session[:], req.Bytes(), h.RequestSig[:]) {
		return 0, c.refuse("bad_request_signature", "the request is not signed by the voucher's session key (it signs provider, function, method, path, query, body and seq)",
			"make each request's header with wf mina voucher URL (it signs method, path, query and body)")
	}
	if !c.unused(v.Session, h.Seq) {
		return 0, c.refuse("seq_used", fmt.Sprintf("request number %d of this session was used", h.Seq),
			"a header pays once: make a new one with wf mina voucher URL")
	}
	if uint64(ch.Slot)+uint64(p.MinSlots) >= uint64(ch.ExpirySlot) {
		return 0, c.refuse("channel_expiring", fmt.Sprintf("the channel expires at slot %d; now %d, this provider needs %d slots to redeem", ch.ExpirySlot, ch.Slot, p.MinSlots),
			"open a new channel: wf mina channel open --provider "+p.Provider.Base58())
	}
	base := max(owed, ch.Redeemed)
	need := base + p.Price
	if need < base {
		return 0, c.refuse("voucher_too_low", "the amount owed overflows", "open a new channel")
	}
	if v.Cumulative < need {
		return 0, c.refuse("voucher_too_low", fmt.Sprintf("the voucher covers %d nanomina in all; this request needs %d", v.Cumulative, need),
			"sign a voucher for at least the amount needed: wf mina voucher URL --amount <nanomina>",
			"needed", strconv.FormatUint(need, 10))
	}
	if need-ch.Redeemed > ch.Balance {
		return 0, c.refuse("over_balance", fmt.Sprintf("the channel holds %d nanomina; %d would be owed", ch.Balance, need-ch.Redeemed),
			"top up the channel: wf mina channel topup "+v.Channel.Base58()+" <MINA>",
			"available", strconv.FormatUint(ch.Balance, 10))
	}
	return need, nil
}

// verify checks the Mina signature, once per voucher.
func (c *Checker) verify(h *Voucher) bool {
	c.mu.Lock()
	ok := h.v.verified
	c.mu.Unlock()
	if ok {
		return true
	}
	if !h.v.Header.Voucher.Verify(h.v.Header.Payer, h.v.Header.Signature) {
		return false
	}
	c.mu.Lock()
	h.v.verified = true
	if len(c.vouchers) >= MaxCached {
		clear(c.vouchers)
	}
	c.vouchers[h.key] = h.v
	c.mu.Unlock()
	return true
}

func (w *window) unused(seq uint64) bool {
	if w == nil {
		return true
	}
	if seq+Window <= w.max || seq <= w.floor {
		return false
	}
	_, used := w.used[seq]
	return !used
}

// unused reports whether seq was not used in session (nor fell below its window).
func (c *Checker) unused(session [32]byte, seq uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sessions[session].unused(seq)
}

// Use records the header's sequence number as used: call it when the
// request is charged. It fails if the number was used meanwhile, or if the
// table of sessions is full of unexpired ones.
func (c *Checker) Use(h *Voucher) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := h.Voucher.Session
	w := c.sessions[s]
	if !w.unused(h.Seq) {
		return c.refuse("seq_used", fmt.Sprintf("request number %d of this session was used", h.Seq),
			"a header pays once: make a new one with wf mina voucher URL")
	}
	if w == nil {
		if len(c.sessions) >= MaxSessions {
			now := uint64(c.policy.Now().Unix())
			for k, o := range c.sessions {
				if o.expiry < now {
					delete(c.sessions, k)
				}
			}
			if len(c.sessions) >= MaxSessions {
				return fmt.Errorf("%w: minapay: too many open sessions", wf.ErrUnavailable)
			}
		}
		w = &window{used: map[uint64]struct{}{}}
		c.sessions[s] = w
	}
	w.expiry = max(w.expiry, h.Voucher.Expiry)
	w.used[h.Seq] = struct{}{}
	if h.Seq > w.max {
		w.max = h.Seq
		for n := range w.used {
			if n+Window <= w.max {
				delete(w.used, n)
			}
		}
	}
	return nil
}

// Pay is the payer's side: the header value for request r (whose Channel
// is set to v's and whose Seq the caller numbers from 1), with v signed by
// payer and r by the session key (v.Session is set to its public key).
func Pay(payer *mina.PrivateKey, v mina.Voucher, session ed25519.PrivateKey, r Request) (string, error) {
	if v.Channel == nil || r.Provider == nil || r.Seq == 0 {
		return "", errors.New("minapay: a channel, the provider's key and a sequence number from 1 are required")
	}
	v.Session = [32]byte(session.Public().(ed25519.PublicKey))
	sig, err := v.Sign(payer)
	if err != nil {
		return "", err
	}
	r.Channel = v.Channel
	h := Header{Payer: payer.PublicKey(), Voucher: v, Signature: sig, Seq: r.Seq, RequestSig: SignRequest(session, &r)}
	return h.Encode(), nil
}

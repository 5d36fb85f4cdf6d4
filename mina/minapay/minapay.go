// Package minapay is the provider's check of a payment in MINA: the
// X-WF-Mina-Voucher header (a payer's voucher for a PaymentChannel zkApp,
// see mina/zkapp and docs/mina.md) decoded strictly and checked against the
// channel's state, with the Mina signature verified once per header value.
//
// It is the first part of the Mina rail of issue 18: it decides whether a
// request is covered and returns 402-style errors that say what is missing
// and how to fix it. Binding each request with the voucher's session key,
// charging the durable ledger, receipts and redemption are not here yet.
package minapay

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/wf"
)

// HeaderName carries a Mina voucher on a request.
const HeaderName = "X-WF-Mina-Voucher"

// Version is the header format this package writes and reads.
const Version = 1

// MaxHeader bounds what Decode reads; an encoded header is about 450 bytes.
const MaxHeader = 1024

// Header is a payer's signed voucher.
type Header struct {
	Payer     *mina.PublicKey
	Voucher   mina.Voucher
	Signature mina.Signature
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
}

var b64 = base64.RawURLEncoding

// Encode returns the header value: unpadded base64url of a JSON object.
func (h *Header) Encode() string {
	w := wire{V: Version, Network: h.Voucher.Network.String(), Channel: h.Voucher.Channel.Base58(),
		Payer: h.Payer.Base58(), Cumulative: strconv.FormatUint(h.Voucher.Cumulative, 10),
		Session: b64.EncodeToString(h.Voucher.Session[:]), Expiry: h.Voucher.Expiry,
		Signature: h.Signature.Base58()}
	b, _ := json.Marshal(w)
	return b64.EncodeToString(b)
}

// Decode parses a header value made by Encode. It checks the form (sizes,
// keys on the curve, numbers in range, no unknown fields), not the signature.
func Decode(s string) (*Header, error) {
	if len(s) > MaxHeader {
		return nil, fmt.Errorf("header longer than %d bytes", MaxHeader)
	}
	raw, err := b64.DecodeString(s)
	if err != nil {
		return nil, errors.New("not unpadded base64url")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var w wire
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("not the voucher's JSON: %v", err)
	}
	if dec.More() {
		return nil, errors.New("trailing data after the voucher")
	}
	if w.V != Version {
		return nil, fmt.Errorf("version %d, want %d", w.V, Version)
	}
	var h Header
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

// Channel is what the provider knows of a channel's account, read through
// the settler: its state fields and balance, and the chain's current slot.
type Channel struct {
	Address *mina.PublicKey
	// Parties is the state field Poseidon(payer, provider).
	Parties  string // decimal
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
	// MinLife is how long the voucher must still be valid.
	MinLife time.Duration
	Now     func() time.Time
}

// Checker checks headers against channels. Decoding a header (two square
// roots for the keys) and verifying its Mina signature cost about a
// millisecond, so each distinct header value is decoded and verified once
// and remembered: a session's requests reuse one voucher.
type Checker struct {
	policy Policy
	mu     sync.Mutex
	valid  map[[32]byte]*Voucher // by sha256 of the header value; signature verified
}

// Voucher is a decoded header value, as Checker.Decode returns it.
type Voucher struct {
	*Header
	key      [32]byte // sha256 of the header value
	verified bool
	parties  string // PartiesHash(payer, provider), decimal
}

// MaxCached bounds the remembered signatures; when full the memory starts afresh.
const MaxCached = 1 << 14

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
	return &Checker{policy: p, valid: map[[32]byte]*Voucher{}}, nil
}

// Error is a request the voucher does not pay for. It wraps
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
			"pay in MINA: wf mina voucher --channel <channel> prints the header")
	}
	key := sha256.Sum256([]byte(values[0]))
	c.mu.Lock()
	v, ok := c.valid[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	h, err := Decode(values[0])
	if err != nil {
		return nil, c.refuse("malformed_voucher", "the "+HeaderName+" header is malformed: "+err.Error(),
			"make the header with wf mina voucher")
	}
	return &Voucher{Header: h, key: key, parties: mina.PartiesHash(h.Payer, c.policy.Provider).String()}, nil
}

// Check decides whether the voucher pays for one more request of Price on
// top of owed (what this provider already charged on the channel, redeemed
// or not) given the channel's state ch. It returns the new amount owed. It
// changes nothing the caller sees: the caller reserves and records.
func (c *Checker) Check(h *Voucher, ch *Channel, owed uint64) (uint64, error) {
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
	if ch.Network != p.Network || ch.Parties != h.parties {
		return 0, c.refuse("wrong_channel", "channel "+v.Channel.Base58()+" is not between payer "+h.Payer.Base58()+" and this provider on "+p.Network.String(),
			"open a channel to this provider: wf mina channel open --provider "+p.Provider.Base58())
	}
	if !c.verify(h) {
		return 0, c.refuse("bad_signature", "the voucher is not signed by payer "+h.Payer.Base58(),
			"sign the voucher with the payer's key: wf mina voucher")
	}
	now := p.Now()
	if time.Unix(int64(min(v.Expiry, 1<<62)), 0).Before(now.Add(p.MinLife)) {
		return 0, c.refuse("voucher_expired", fmt.Sprintf("the voucher expires at %d (unix seconds), before %s from now", v.Expiry, p.MinLife),
			"sign a new voucher: wf mina voucher")
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
			"sign a voucher for at least the amount needed: wf mina voucher --amount <nanomina>",
			"needed", strconv.FormatUint(need, 10))
	}
	if need-ch.Redeemed > ch.Balance {
		return 0, c.refuse("over_balance", fmt.Sprintf("the channel holds %d nanomina; %d would be owed", ch.Balance, need-ch.Redeemed),
			"top up the channel: wf mina channel topup "+v.Channel.Base58()+" <MINA>",
			"available", strconv.FormatUint(ch.Balance, 10))
	}
	return need, nil
}

// verify checks the Mina signature, once per distinct header value.
func (c *Checker) verify(h *Voucher) bool {
	if h.verified {
		return true
	}
	if !h.Voucher.Verify(h.Payer, h.Signature) {
		return false
	}
	h.verified = true
	c.mu.Lock()
	if len(c.valid) >= MaxCached {
		clear(c.valid)
	}
	c.valid[h.key] = h // not changed after this
	c.mu.Unlock()
	return true
}

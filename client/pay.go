package client

import (
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sync"
	"time"

	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// Payer pays a provider per request from the payer's escrow (caller-pays),
// keeping the running total, session keys and sequence numbers so its user
// never does. Set it as Request.Pay (or Client.Pay).
//
// Each session is a fresh Ed25519 key that one voucher, signed by Signer,
// authorizes up to a ceiling: what the payer owes the provider so far plus
// Headroom. Every request carries the voucher and the session key's
// signature over that request and a new sequence number (package
// payment/voucher), so a copied header pays for nothing. A new session
// starts when the ceiling would not cover the next request or the voucher
// nears its expiry. The provider redeems up to what it served, so the
// headroom is the most it could take without serving.
//
// A Payer is safe for concurrent use, and so is its Store across
// processes if the Store says so.
type Payer struct {
	// Signer is the payer's account; it signs one voucher per session.
	// Its address is read once, at the first request: set Signer before
	// and do not change it (a Payer's state is one payer's).
	Signer wf.Signer
	// ChainID and Escrow name the escrow contract the vouchers are for;
	// Provider is the provider's address (from the chain's registry, not
	// from the provider: a voucher for a gateway's address would pay the
	// gateway).
	ChainID  uint64
	Escrow   wf.Address
	Provider wf.Address
	// Headroom is how far past what is owed a session's voucher reaches.
	// Default: 100 requests at the provider's price.
	Headroom wf.Amount
	// SessionLife is how long a session's voucher is valid. Default 1h; a
	// session is replaced once less than 15 minutes are left (providers
	// want 10 by default, and refuse more than 24h).
	SessionLife time.Duration
	// Store keeps the state between requests. Default: memory.
	Store PayStore

	Rand io.Reader        // default crypto/rand
	Now  func() time.Time // default time.Now

	mu    sync.Mutex
	addr  *wf.Address // the Signer's, once read
	mem   *MemoryPayStore
	sess  sessionCache
	mac   macCache
	learn sync.Mutex // held by the one request in flight while the price is unknown
}

// PayState is a payer's running state with one provider.
type PayState struct {
	// Owed is the cumulative amount the provider charged, as far as the
	// payer knows: requests in flight count until they come back
	// uncharged. It never needs to be exact: the provider accepts a
	// voucher whose ceiling covers what it charged, and says how much
	// that is when one does not (then Owed catches up).
	Owed wf.Amount `json:"owed"`
	// Price is the provider's price as last seen; zero before.
	Price wf.Amount `json:"price"`
	// The current session: its key's seed, the voucher's ceiling, expiry
	// and signature, and the last sequence number used.
	Session   []byte       `json:"session,omitempty"`
	Ceiling   wf.Amount    `json:"ceiling"`
	Expiry    int64        `json:"expiry,omitempty"`
	Signature wf.Signature `json:"sig"`
	Seq       uint64       `json:"seq,omitempty"`
	// Accept is the provider's voucher.AcceptHeader for the current
	// session, once an answer carried it: later requests then carry a MAC
	// (voucher.MACHeader) instead of a signature and the voucher.
	Accept string `json:"accept,omitempty"`
}

// PayStore keeps a Payer's state.
type PayStore interface {
	// Update calls f with the state and keeps what f leaves in it if f
	// returns nil. Calls must not interleave: a store shared by several
	// processes locks across them.
	Update(f func(*PayState) error) error
}

// MemoryPayStore is a PayStore in memory. The zero value is ready.
type MemoryPayStore struct {
	mu sync.Mutex
	s  PayState
}

// Update implements PayStore.
func (m *MemoryPayStore) Update(f func(*PayState) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.s
	s.Session = append([]byte(nil), m.s.Session...)
	if err := f(&s); err != nil {
		return err
	}
	m.s = s
	return nil
}

const renewBefore = 15 * time.Minute

func (p *Payer) store() PayStore {
	if p.Store != nil {
		return p.Store
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mem == nil {
		p.mem = new(MemoryPayStore)
	}
	return p.mem
}

func (p *Payer) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// payerAddress is the Signer's address, read once: a chain.Key derives
// it from its public key (a Keccak hash and an encoding, microseconds)
// on every call, and each request needs it.
func (p *Payer) payerAddress() wf.Address {
	p.mu.Lock()
	a := p.addr
	p.mu.Unlock()
	if a != nil {
		return *a
	}
	addr := p.Signer.Address()
	p.mu.Lock()
	p.addr = &addr
	p.mu.Unlock()
	return addr
}

// payment is one request's authorization, to settle with its answer.
type payment struct {
	header  string
	price   wf.Amount // counted in Owed
	session [32]byte  // its session's public key
	opens   bool      // signed with an exchange key: an answer's AcceptHeader keys the session
}

// sessionCache is the last session key made from its seed: making it
// costs a scalar multiplication, and every request of a session needs it.
type sessionCache struct {
	seed []byte
	sess voucher.Session
}

// session is the session key of seed.
func (p *Payer) session(seed []byte) (voucher.Session, error) {
	p.mu.Lock()
	c := p.sess
	p.mu.Unlock()
	if c.seed != nil && subtle.ConstantTimeCompare(c.seed, seed) == 1 {
		return c.sess, nil
	}
	sess, err := voucher.SessionFromSeed(seed)
	if err != nil {
		return voucher.Session{}, err
	}
	p.mu.Lock()
	p.sess = sessionCache{append([]byte(nil), seed...), sess}
	p.mu.Unlock()
	return sess, nil
}

// macCache is the last keyed session's MAC key, so a request within it
// costs an HMAC, not an X25519 exchange.
type macCache struct {
	session [32]byte
	accept  string
	key     *voucher.MACKey
}

// macKey is the key of session sess keyed by accept.
func (p *Payer) macKey(sess voucher.Session, accept string) (*voucher.MACKey, error) {
	pub := sess.Public()
	p.mu.Lock()
	c := p.mac
	p.mu.Unlock()
	if c.key != nil && c.session == pub && c.accept == accept {
		return c.key, nil
	}
	a, err := voucher.ParseAccept(accept)
	if err != nil {
		return nil, err
	}
	k, err := sess.MACKey(a, p.Provider, p.payerAddress())
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.mac = macCache{pub, accept, k}
	p.mu.Unlock()
	return k, nil
}

// authorize counts the request in the running total and signs it (or,
// in a keyed session, authenticates it with the session's MAC key). fresh
// forces a new session; keyed asks to open a keyed session when the
// request is signed.
func (p *Payer) authorize(rq voucher.Request, fresh, keyed bool) (payment, error) {
	if p.Signer == nil || p.ChainID == 0 || p.Escrow.IsZero() || p.Provider.IsZero() {
		return payment{}, fmt.Errorf("%w: client: a Payer needs a Signer, ChainID, Escrow and Provider", wf.ErrInvalid)
	}
	var h voucher.Header
	var seed []byte
	var price wf.Amount
	var accept string
	err := p.store().Update(func(s *PayState) error {
		price = s.Price
		if price.Sign() <= 0 {
			price = wf.NewAmount(big.NewInt(1)) // learnt from the first answer
		}
		need := add(s.Owed, price)
		now := p.now()
		// Renewed at half the headroom, not at none: requests in flight
		// under this session may reach the provider after later ones.
		if fresh || len(s.Session) == 0 || s.Expiry < now.Add(renewBefore).Unix() ||
			s.Ceiling.Cmp(add(need, half(p.headroom(price)))) < 0 {
			if err := p.newSession(s, price, now); err != nil {
				return err
			}
		}
		s.Seq++
		s.Owed = need
		seed, accept = s.Session, s.Accept
		h = voucher.Header{
			Voucher: wf.Voucher{ChainID: p.ChainID, Escrow: p.Escrow, Payer: p.payerAddress(), Provider: p.Provider,
				Cumulative: s.Ceiling, Expiry: s.Expiry},
			Signature: s.Signature, Seq: s.Seq,
		}
		return nil
	})
	if err != nil {
		return payment{}, err
	}
	sess, err := p.session(seed)
	if err != nil {
		return payment{}, err
	}
	h.Voucher.Session = sess.Public()
	rq.Provider, rq.Payer, rq.Seq = p.Provider, p.payerAddress(), h.Seq
	if accept != "" && keyed {
		if k, err := p.macKey(sess, accept); err == nil {
			v := voucher.EncodeMAC(voucher.MACHeader{Session: h.Voucher.Session, Seq: h.Seq, Tag: k.Tag(rq)})
			return payment{header: v, price: price, session: h.Voucher.Session}, nil
		}
		// An accept key that is no X25519 key: sign, as if never keyed.
	}
	if keyed {
		h.KX = sess.ExchangePublic()
		h.RequestSig = sess.SignOpen(rq, h.KX)
	} else {
		h.RequestSig = sess.Sign(rq)
	}
	v, err := voucher.Encode(h)
	if err != nil {
		return payment{}, err
	}
	return payment{header: v, price: price, session: h.Voucher.Session, opens: keyed}, nil
}

func (p *Payer) newSession(s *PayState, price wf.Amount, now time.Time) error {
	r := p.Rand
	if r == nil {
		r = rand.Reader
	}
	sess, err := voucher.NewSession(r)
	if err != nil {
		return err
	}
	head := p.headroom(price)
	life := p.SessionLife
	if life <= 0 {
		life = time.Hour
	}
	v := wf.Voucher{ChainID: p.ChainID, Escrow: p.Escrow, Payer: p.payerAddress(), Provider: p.Provider,
		Cumulative: add(s.Owed, head), Expiry: now.Add(life).Unix(), Session: sess.Public()}
	sig, err := p.Signer.Sign(v)
	if err != nil {
		return fmt.Errorf("client: sign voucher: %w", err)
	}
	s.Session, s.Ceiling, s.Expiry, s.Signature, s.Seq, s.Accept = sess.Seed(), v.Cumulative, v.Expiry, sig, 0, ""
	return nil
}

// headroom is Headroom or its default, at least one request.
func (p *Payer) headroom(price wf.Amount) wf.Amount {
	head := p.Headroom
	if head.Sign() <= 0 {
		head = wf.NewAmount(new(big.Int).Mul(price.Big(), big.NewInt(100)))
	}
	if head.Cmp(price) < 0 {
		head = price
	}
	return head
}

// errReadOnly ends an Update that only reads: nothing is saved.
var errReadOnly = errors.New("client: read only")

// priceKnown reports whether an answer said the provider's price.
func (p *Payer) priceKnown() bool {
	known := false
	p.store().Update(func(s *PayState) error { known = s.Price.Sign() > 0; return errReadOnly })
	return known
}

// retry says how answered wants a request retried.
type retry int

const (
	noRetry   retry = iota
	retryNew        // with a new session (and a corrected total)
	retrySign       // signed again in the same session: the provider lost its key
)

// answered settles pay with the provider's answer: a request that came
// back without a receipt was not charged and leaves the running total;
// the price is learnt; an AcceptHeader keys the session pay opened. It
// reports whether and how to retry once.
func (p *Payer) answered(pay payment, price wf.Amount, charged bool, accept string, re *ResponseError) (again retry, err error) {
	err = p.store().Update(func(s *PayState) error {
		if price.Sign() > 0 {
			s.Price = price
		}
		cur := false
		if len(s.Session) == ed25519SeedSize {
			if sess, err := p.session(s.Session); err == nil {
				cur = sess.Public() == pay.session
			}
		}
		if cur && pay.opens && accept != "" && s.Accept == "" {
			s.Accept = accept
		}
		if !charged {
			s.Owed = sub(s.Owed, pay.price)
		}
		if re == nil || re.StatusCode != 402 {
			return nil
		}
		switch reason, _ := re.Details["reason"].(string); reason {
		case "voucher_too_low":
			// The provider charged more than this payer counted (state
			// lost, or another process): catch up.
			if n, ok := re.Details["needed"].(string); ok {
				if needed, err := wf.ParseAmount(n); err == nil {
					if owed := sub(needed, price); owed.Cmp(s.Owed) > 0 {
						s.Owed = owed
					}
				}
			}
			s.Session, again = nil, retryNew
		case "replayed", "session_retired", "voucher_expiring":
			s.Session, again = nil, retryNew
		case "session_unknown", "bad_request_mac":
			if cur {
				s.Accept = ""
			}
			again = retrySign
		}
		return nil
	})
	return again, err
}

const ed25519SeedSize = 32

func half(a wf.Amount) wf.Amount { return wf.NewAmount(new(big.Int).Rsh(a.Big(), 1)) }

func add(a, b wf.Amount) wf.Amount { return wf.NewAmount(new(big.Int).Add(a.Big(), b.Big())) }

func sub(a, b wf.Amount) wf.Amount {
	d := new(big.Int).Sub(a.Big(), b.Big())
	if d.Sign() < 0 {
		d.SetInt64(0)
	}
	return wf.NewAmount(d)
}

// Header signs one request and returns its wf.VoucherHeader value, for a
// request sent by another HTTP client (curl). The request counts in the
// running total as charged. path is the function's path as escaped on the
// wire (what follows /{cid}), rawQuery the query without '?'; the request
// must be sent exactly as described, once.
func (p *Payer) Header(fn wf.CID, method, path, rawQuery string, body []byte) (string, error) {
	pay, err := p.authorize(voucher.Request{Function: fn, Method: method, Path: path, RawQuery: rawQuery, BodyHash: voucher.BodyHash(body)}, false, false)
	return pay.header, err
}

// Package minarail is a provider's second payment rail: requests paid in
// MINA through PaymentChannel zkApps (issue 18). Rail is a wf.Payments that
// wraps another (the EVM meter, or none): a request carrying
// X-WF-Mina-Voucher is checked (package mina/minapay) against its channel's
// state, read through the settler (package mina/settler) and cached
// briefly, reserved and charged in a durable ledger (payment/ledger, Mina
// accounts named by the channel), and answered with a receipt signed by
// the provider's Mina key (X-WF-Mina-Receipt); every other request goes to
// the wrapped Payments.
//
// Run redeems what was charged, per channel, in batches sized for Mina: a
// redeem transaction per channel when SettleCount charges are pending or
// the oldest has waited SettleInterval (defaults: 1,000 and one hour;
// Mina takes few zkApp transactions per block, a block every few
// minutes), or sooner when the channel nears its expiry. The crash-safe
// order is the EVM path's: the batch (what to redeem, with which voucher,
// up to which cumulative amount) is recorded before the transaction is
// built; the transaction is recorded before it is sent; after a crash the
// batch is resolved against the channel's state. The zkApp pays only the
// difference between a redeem's amount and what was redeemed, and a
// redeem's preconditions name the state it was proven against, so a batch
// sent twice is paid once.
package minarail

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/textproto"
	"strconv"
	"sync"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// ReceiptHeader carries the provider's signed receipt of a MINA charge.
const ReceiptHeader = "X-WF-Mina-Receipt"

// PriceHeader is the MINA price per request (nanomina), on every response
// a Rail charged.
const PriceHeader = "X-WF-Mina-Price"

// voucherKey and evmVoucherKey are the headers' canonical keys, as
// wf.PaidRequest.Header has them.
var (
	voucherKey    = textproto.CanonicalMIMEHeaderKey(minapay.HeaderName)
	evmVoucherKey = textproto.CanonicalMIMEHeaderKey(wf.VoucherHeader)
)

// Settler is what the rail needs of the settler service;
// *settler.Client is one.
type Settler interface {
	Channel(ctx context.Context, address *mina.PublicKey) (*settler.State, error)
	Redeem(ctx context.Context, r settler.Redeem) (*settler.Tx, error)
	Settle(ctx context.Context, s settler.Settle) (*settler.Tx, error)
	Send(ctx context.Context, tx *settler.Tx) (string, error)
	Tx(ctx context.Context, hash string) (*settler.Status, error)
}

// Config configures a Rail. Key, Price, Ledger and Settler are required.
type Config struct {
	// Next pays for requests without a Mina voucher that no sponsorship
	// paid for; nil refuses them with a 402 that says how to pay in MINA.
	Next wf.Payments
	// Key is the provider's Mina key: the channels' provider, and the
	// signer of receipts.
	Key     *mina.PrivateKey
	Network mina.Network
	Price   uint64 // nanomina per request
	// Ledger records the charges. Use a ledger of its own for the rail
	// (New binds it to the network and the provider's key).
	Ledger  *ledger.Ledger
	Settler Settler
	// StateTTL is how long a channel's state is reused; default 5 s.
	// The amounts checked against it are the ledger's, so a stale state
	// only delays seeing a top-up or the channel's expiry.
	StateTTL time.Duration
	// SettleCount and SettleInterval: a channel is redeemed when this
	// many charges are pending or the oldest has waited this long.
	// Defaults 1,000 and 1 hour.
	SettleCount    int
	SettleInterval time.Duration
	// MinSlots is how many slots a channel must have before its expiry
	// to be served from; redemption is forced at half of it. Default 20
	// (an hour of 3-minute slots).
	MinSlots uint32
	// Poll is how often Run looks at the accounts and waits for a sent
	// transaction; default 10 s.
	Poll time.Duration
	Now  func() time.Time
	Log  *slog.Logger
	// Sponsors is the file that keeps owner-pays sponsorships (Sponsor)
	// across restarts; empty keeps them in memory only.
	Sponsors string
	// AfterPrepare, when set, is called once a batch is recorded and
	// before anything is sent: a fault hook for crash tests.
	AfterPrepare func(*ledger.Batch)
}

// Defaults of Config.
const (
	DefaultStateTTL       = 5 * time.Second
	DefaultSettleCount    = 1000
	DefaultSettleInterval = time.Hour
	DefaultMinSlots       = 20
	DefaultPoll           = 10 * time.Second
)

// Rail is the MINA rail. It is safe for concurrent use.
type Rail struct {
	cfg     Config
	pub     *mina.PublicKey
	checker *minapay.Checker
	log     *slog.Logger

	mu         sync.Mutex
	states     map[[33]byte]*cached
	seen       map[[32]byte]struct{}         // sessions whose ledger mark was given to the checker
	first      map[ledger.Key]time.Time      // when an account's oldest pending charge was made (this process)
	retryAt    map[ledger.Key]time.Time      // no batch before (after an aborted one)
	sponsors   map[wf.Address][]*Sponsorship // owner-pays: the owner's unrevoked sponsorships, most recently issued first
	statements map[pair]*Sponsorship         // the newest sponsorship or revocation per channel and owner
	sponsorSem chan struct{}

	settleMu sync.Mutex
}

type cached struct {
	at    time.Time
	state *settler.State
	err   error
}

var _ wf.Payments = (*Rail)(nil)

// New returns a rail for cfg and binds its ledger to the network and the
// provider's key.
func New(cfg Config) (*Rail, error) {
	if cfg.Key == nil || cfg.Ledger == nil || cfg.Settler == nil {
		return nil, fmt.Errorf("%w: minarail: Key, Ledger and Settler are required", wf.ErrInvalid)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.StateTTL == 0 {
		cfg.StateTTL = DefaultStateTTL
	}
	if cfg.SettleCount == 0 {
		cfg.SettleCount = DefaultSettleCount
	}
	if cfg.SettleInterval == 0 {
		cfg.SettleInterval = DefaultSettleInterval
	}
	if cfg.MinSlots == 0 {
		cfg.MinSlots = DefaultMinSlots
	}
	if cfg.Poll == 0 {
		cfg.Poll = DefaultPoll
	}
	pub := cfg.Key.PublicKey()
	checker, err := minapay.NewChecker(minapay.Policy{Provider: pub, Network: cfg.Network, Price: cfg.Price, MinSlots: cfg.MinSlots, Now: cfg.Now})
	if err != nil {
		return nil, err
	}
	if err := cfg.Ledger.Bind("mina:" + cfg.Network.String() + ":" + pub.Base58()); err != nil {
		return nil, fmt.Errorf("minarail: %w", err)
	}
	r := &Rail{cfg: cfg, pub: pub, checker: checker, log: cfg.Log, states: map[[33]byte]*cached{},
		seen: map[[32]byte]struct{}{}, first: map[ledger.Key]time.Time{}, retryAt: map[ledger.Key]time.Time{},
		sponsors: map[wf.Address][]*Sponsorship{}, statements: map[pair]*Sponsorship{}, sponsorSem: make(chan struct{}, sponsorsChecking)}
	if err := r.loadSponsors(); err != nil {
		return nil, err
	}
	return r, nil
}

// Provider is the provider's Mina public key.
func (r *Rail) Provider() *mina.PublicKey { return r.pub }

// Price is the wrapped Payments' price (token base units: X-WF-Price and
// /v1/info's "price"), or zero when there is none: a MINA-only provider
// has no token price. The MINA price is MinaPrice, in X-WF-Mina-Price and
// /v1/info's "mina".
func (r *Rail) Price() wf.Amount {
	if r.cfg.Next != nil {
		return r.cfg.Next.Price()
	}
	return wf.NewAmount(new(big.Int))
}

// MinaPrice is the price of one request in nanomina.
func (r *Rail) MinaPrice() wf.Amount { return wf.NewAmount(new(big.Int).SetUint64(r.cfg.Price)) }

// MinaInfo is what a provider lists of its MINA terms in /v1/info.
func (r *Rail) MinaInfo() map[string]any {
	return map[string]any{"network": r.cfg.Network.String(), "provider": r.pub.Base58(),
		"price": strconv.FormatUint(r.cfg.Price, 10), "header": minapay.HeaderName, "minSlots": r.cfg.MinSlots}
}

// WideKey is how the ledger names a channel.
func WideKey(p *mina.PublicKey) ledger.WideKey {
	var k ledger.WideKey
	x := p.X().FillBytes(make([]byte, 32))
	for i := range 32 { // little-endian, as Mina writes field elements
		k[i] = x[31-i]
	}
	if p.IsOdd() {
		k[32] = 1
	}
	return k
}

// ChannelKey is the ledger account of a channel.
func ChannelKey(p *mina.PublicKey) ledger.Key {
	return ledger.Key{Mode: ledger.Mina, Channel: WideKey(p)}
}

// state returns the channel's state, read through the settler at most
// once per StateTTL.
func (r *Rail) state(ctx context.Context, ch *mina.PublicKey, fresh bool) (*settler.State, error) {
	k := [33]byte(WideKey(ch))
	now := r.cfg.Now()
	r.mu.Lock()
	c := r.states[k]
	r.mu.Unlock()
	if c != nil && !fresh && now.Sub(c.at) < r.cfg.StateTTL {
		return c.state, c.err
	}
	st, err := r.cfg.Settler.Channel(ctx, ch)
	if err != nil && !errors.Is(err, wf.ErrNotFound) {
		return nil, err // the settler is down: not cached
	}
	r.mu.Lock()
	if len(r.states) >= 1<<14 {
		clear(r.states)
	}
	r.states[k] = &cached{at: now, state: st, err: err}
	r.mu.Unlock()
	return st, err
}

// Authorize implements wf.Payments.
func (r *Rail) Authorize(ctx context.Context, pr *wf.PaidRequest) (wf.Charge, error) {
	values := pr.Header[voucherKey]
	if len(values) == 0 {
		// Sponsorships pay only for requests that carry no payment at
		// all: a caller's X-WF-Voucher is the wrapped Payments' to charge.
		if _, evm := pr.Header[evmVoucherKey]; !evm {
			if c, ok, err := r.authorizeSponsored(ctx, pr); ok {
				return c, err
			}
		}
		if r.cfg.Next != nil {
			return r.cfg.Next.Authorize(ctx, pr)
		}
		return nil, r.checker.Refuse("payment_required", "this provider takes MINA: send an "+minapay.HeaderName+" header",
			"open a channel (wf mina channel open --provider "+r.pub.Base58()+"), then wf mina voucher prints the header")
	}
	h, err := r.checker.Decode(values)
	if err != nil {
		return nil, err
	}
	ch := h.Voucher.Channel
	st, err := r.state(ctx, ch, false)
	var mc *minapay.Channel
	switch {
	case errors.Is(err, wf.ErrNotFound):
		// mc stays nil: Check refuses with unknown_channel
	case err != nil:
		return nil, fmt.Errorf("minarail: channel %s: %w", ch.Base58(), err)
	default:
		if mc, err = st.MinapayChannel(); err != nil {
			return nil, r.checker.Refuse("wrong_channel", "account "+ch.Base58()+" is not a PaymentChannel this provider knows: "+err.Error(),
				"open a channel to this provider: wf mina channel open --provider "+r.pub.Base58())
		}
	}
	key := ChannelKey(ch)
	acct := r.cfg.Ledger.Account(key)
	if acct.Charged.IsZero() && mc != nil && mc.Redeemed > 0 {
		// Redeemed before this ledger knew the channel: cumulative
		// amounts continue from there.
		if err := r.cfg.Ledger.OpenAccount(key, ledger.Totals{Amount: new(big.Int).SetUint64(mc.Redeemed)}); err != nil {
			return nil, fmt.Errorf("minarail: %w", err)
		}
		acct = r.cfg.Ledger.Account(key)
	}
	if err := r.floor(h, acct); err != nil {
		return nil, err
	}
	owed := charged(acct)
	if _, err := r.checker.Check(h, pr, mc, owed); err != nil {
		return nil, err
	}
	// The amounts again under the ledger's lock, with what other requests
	// reserved: two requests never both pass on the last unit.
	price := new(big.Int).SetUint64(r.cfg.Price)
	err = r.cfg.Ledger.Reserve(key, price, func(a ledger.Account, reserved *big.Int) error {
		total := new(big.Int).Add(amt(a.Charged.Amount), reserved)
		if !total.IsUint64() {
			return r.checker.Refuse("voucher_too_low", "the amount owed overflows", "open a new channel")
		}
		base := max(total.Uint64(), mc.Redeemed)
		need := base + r.cfg.Price
		if need < base || h.Voucher.Cumulative < need {
			return r.checker.Refuse("voucher_too_low", fmt.Sprintf("the voucher covers %d nanomina in all; with the requests running this one needs %d", h.Voucher.Cumulative, need),
				"sign a voucher for at least the amount needed: wf mina voucher URL --amount <nanomina>")
		}
		if need-mc.Redeemed > mc.Balance {
			return r.checker.Refuse("over_balance", fmt.Sprintf("the channel holds %d nanomina; %d would be owed", mc.Balance, need-mc.Redeemed),
				"top up the channel: wf mina channel topup "+ch.Base58()+" <MINA>")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := r.checker.Use(h); err != nil {
		r.cfg.Ledger.Unreserve(key, price)
		return nil, err
	}
	return &charge{r: r, h: h, key: key, channel: ch, fn: pr.Function, price: price,
		rail: &ledger.RailVoucher{Ceiling: new(big.Int).SetUint64(h.Voucher.Cumulative), Data: encodeVoucher(h)}}, nil
}

// floor gives the checker the ledger's highest charged number of h's
// session, the first time this process sees the session.
func (r *Rail) floor(h *minapay.Voucher, a ledger.Account) error {
	s := h.Voucher.Session
	r.mu.Lock()
	_, seen := r.seen[s]
	r.mu.Unlock()
	if seen {
		return nil
	}
	if int64(min(h.Voucher.Expiry, 1<<62)) <= a.SessionFloor {
		return r.checker.Refuse("seq_used", "this session's numbers were forgotten", "sign a new voucher: wf mina voucher")
	}
	if m, ok := a.Sessions[ledger.SessionKey(s)]; ok {
		if err := r.checker.Floor(s, m.Seq, uint64(max(m.Expiry, 0))); err != nil {
			return err
		}
	}
	r.mu.Lock()
	if len(r.seen) >= minapay.MaxSessions {
		clear(r.seen) // floors already given stay in the checker
	}
	r.seen[s] = struct{}{}
	r.mu.Unlock()
	return nil
}

func charged(a ledger.Account) uint64 {
	c := amt(a.Charged.Amount)
	if !c.IsUint64() {
		return 1<<64 - 1
	}
	return c.Uint64()
}

func amt(a *big.Int) *big.Int {
	if a == nil {
		return new(big.Int)
	}
	return a
}

// stored is a voucher as the ledger keeps it (RailVoucher.Data).
type stored struct {
	Network    string `json:"network"`
	Payer      string `json:"payer"`
	Cumulative uint64 `json:"cumulative"`
	Session    []byte `json:"session"`
	Expiry     uint64 `json:"expiry"`
	Signature  string `json:"signature"`
}

func encodeVoucher(h *minapay.Voucher) []byte {
	b, _ := json.Marshal(stored{Network: h.Voucher.Network.String(), Payer: h.Payer.Base58(), Cumulative: h.Voucher.Cumulative,
		Session: h.Voucher.Session[:], Expiry: h.Voucher.Expiry, Signature: h.Signature.Base58()})
	return b
}

func decodeVoucher(channel *mina.PublicKey, b []byte) (*settler.Redeem, error) {
	var s stored
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("minarail: stored voucher: %w", err)
	}
	var r settler.Redeem
	var err error
	if r.Voucher.Network, err = mina.ParseNetwork(s.Network); err != nil {
		return nil, err
	}
	if r.Payer, err = mina.ParsePublicKey(s.Payer); err != nil {
		return nil, err
	}
	if r.Signature, err = mina.ParseSignature(s.Signature); err != nil {
		return nil, err
	}
	if len(s.Session) != 32 {
		return nil, errors.New("minarail: stored voucher: session is not 32 bytes")
	}
	r.Voucher.Channel, r.Voucher.Cumulative, r.Voucher.Expiry = channel, s.Cumulative, s.Expiry
	copy(r.Voucher.Session[:], s.Session)
	return &r, nil
}

// charge is a caller's (h set) or an owner's (h nil) reserved charge.
type charge struct {
	r       *Rail
	h       *minapay.Voucher
	key     ledger.Key
	channel *mina.PublicKey
	rail    *ledger.RailVoucher
	fn      wf.CID
	price   *big.Int
	once    sync.Once
}

func (c *charge) Commit(ctx context.Context, id wf.RequestID) (map[string][]string, error) {
	var headers map[string][]string
	err := errors.New("minarail: charge committed or released twice")
	c.once.Do(func() {
		r := c.r
		lc := ledger.Charge{Key: c.key, Amount: c.price, Reserved: true, Rail: c.rail}
		if c.h != nil {
			v := c.h.Voucher
			lc.Session = &ledger.SessionUse{Key: v.Session, Seq: c.h.Seq, Expiry: int64(min(v.Expiry, 1<<62))}
		}
		var cum *big.Int
		cum, err = r.cfg.Ledger.Charge(ctx, lc)
		if err != nil {
			r.cfg.Ledger.Unreserve(c.key, c.price)
			return
		}
		r.mu.Lock()
		if _, ok := r.first[c.key]; !ok {
			r.first[c.key] = r.cfg.Now()
		}
		r.mu.Unlock()
		rc := Receipt{Network: r.cfg.Network, Channel: c.channel, Function: c.fn, Request: id,
			Amount: c.price.Uint64(), Cumulative: cum.Uint64()}
		var enc string
		if enc, err = rc.Sign(r.cfg.Key); err != nil {
			return // charged; the receipt is what failed (never: the key is valid)
		}
		headers = map[string][]string{textproto.CanonicalMIMEHeaderKey(ReceiptHeader): {enc},
			textproto.CanonicalMIMEHeaderKey(PriceHeader): {strconv.FormatUint(r.cfg.Price, 10)}}
	})
	return headers, err
}

func (c *charge) Release() {
	c.once.Do(func() { c.r.cfg.Ledger.Unreserve(c.key, c.price) })
}

// receiptDigest is a field element naming the function and the request.
func receiptDigest(fn wf.CID, id wf.RequestID) *big.Int {
	s := sha256.Sum256([]byte(fn.String() + "\x00" + id.String()))
	s[0] &= 0x3f // below the field's modulus (2^254 < p)
	return new(big.Int).SetBytes(s[:])
}

package payment

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// Config configures a Meter. Chain, Key, Ledger and Price are required.
type Config struct {
	// Chain is the provider's chain client; it signs settlements as Key.
	Chain *chain.Client
	// Key is the provider's key: its address is the provider vouchers and
	// allowances name, and it signs receipts.
	Key *chain.Key
	// Ledger records charges and settlements.
	Ledger *ledger.Ledger
	// Price is what one request costs, in token base units.
	Price *big.Int

	// CacheTTL is how long an owner's allowance and escrow balance read
	// from the chain are used before reading them again. Charges made
	// meanwhile are counted locally, so a longer TTL only delays noticing
	// a payer's own changes (a new approve, a revoke). Past it, requests
	// go on with what they have for up to another CacheTTL while it is
	// read again in the background. Default 2s.
	CacheTTL time.Duration
	// MinVoucherLife is how long a voucher must still be valid when it is
	// accepted, so it can be redeemed before it expires. Default 10m.
	MinVoucherLife time.Duration
	// MaxVoucherLife is how long a voucher may still be valid when it is
	// accepted: a session's replay window is kept until its voucher
	// expires, so the payer must not choose how long. Default 24h.
	MaxVoucherLife time.Duration
	// SettleCount settles a payer's pending charges once there are this
	// many. Default 10,000 (RATIONALE.md, "Fewer signatures and settlements
	// at high rates").
	SettleCount uint64
	// SettleInterval settles pending charges at the latest this long after
	// the oldest was charged. Default 1m.
	SettleInterval time.Duration
	// SettleTimeout bounds the wait for one settlement transaction; an
	// unfinished one is resumed later. Default 2m.
	SettleTimeout time.Duration
	// BumpAfter is how long a settlement transaction may stay unmined
	// before it is replaced by one with the same nonce and higher fees
	// (12.5% more tip and fee cap, or what a new transaction would pay now
	// if higher), which is recorded in the ledger before it is sent; one
	// whose fee cap the base fee passed is replaced at once. Until it is
	// mined, every later settlement waits behind it. Default 3m
	// (chain.DefaultBumpAfter); negative: only on the base fee.
	BumpAfter time.Duration
	// MaxFeeCap is the most a settlement transaction offers per unit of
	// gas, in wei (fee cap, or gas price on a chain without a base fee), so
	// a fee spike cannot drain the provider's ether: at the limit,
	// replacing stops and settlements wait for the base fee to fall.
	// Default 500 gwei.
	MaxFeeCap *big.Int

	// ReceiptEvery and ReceiptInterval say which charged responses carry
	// a signed receipt. A receipt's Cumulative is everything charged to
	// its payer so far, so one signed receipt vouches for every charge
	// before it: a provider may sign one in ReceiptEvery of a payer's
	// receipts, and the first after ReceiptInterval without one, and send
	// the others unsigned (the charge and cumulative, no "sig"), which the
	// next signed one covers. A request with SignReceiptHeader always gets
	// a signed receipt. ReceiptEvery 1 signs every receipt. Defaults
	// DefaultReceiptEvery and DefaultReceiptInterval; RATIONALE.md, "What
	// a charge costs".
	ReceiptEvery    int
	ReceiptInterval time.Duration

	// SignedOnly refuses keyed sessions: every caller-pays request must
	// carry the session key's signature (an Ed25519 verify each, about
	// 50us), and the Meter never sends voucher.AcceptHeader. By default a
	// signed request with an exchange key opens a keyed session whose
	// later requests carry a MAC (RATIONALE.md, "Caller-pays without a
	// signature per request").
	SignedOnly bool

	Log *slog.Logger     // default: discard
	Now func() time.Time // default time.Now
}

// Meter authorizes, charges and settles paid requests. See the package
// doc. It is safe for concurrent use.
type Meter struct {
	cfg      Config
	log      *slog.Logger
	provider wf.Address
	chainID  *big.Int
	escrow   wf.Address
	price    *big.Int
	priceA   wf.Amount // price, as Price returns it

	mu      sync.Mutex
	chainSt map[ledger.Key]*onChain
	opened  map[wf.Address]bool      // callers whose on-chain redeemed amount was read
	first   map[ledger.Key]time.Time // when the oldest pending charge was made
	retryAt map[ledger.Key]time.Time // after a refused settlement
	fetch   singleflight.Group

	sessions map[[32]byte]*window // replay windows of session keys seen
	payers   map[wf.Address]*payerSessions
	sweepAt  int                 // len(sessions) at which expired windows are dropped
	vouchers map[voucherKey]bool // payer signatures checked (true) or refused (false)

	acceptor     *voucher.Acceptor // nil: Config.SignedOnly
	acceptHeader string
	keyed        map[[32]byte]*keyedSession // by session key

	wake     chan struct{}
	settleMu sync.Mutex

	fixOnce sync.Once
	fixMsg  string

	signedMu sync.Mutex
	signed   map[ledger.Key]receiptMark // per payer, the last signed receipt

	// afterRecord, if set, runs after each settlement transaction is
	// recorded and before it is sent; an error stops the send (tests: a
	// process that dies in between).
	afterRecord func(batch uint64, tx chain.SignedTx) error
}

// onChain is a payer's escrow state as last read.
type onChain struct {
	at            time.Time
	maxPrice      *big.Int // allowance's price cap; 0: no allowance
	budget        *big.Int // allowance's remaining budget
	balance       *big.Int // escrow balance less any pending withdrawal
	settledBefore *big.Int // what the ledger had settled before the read

	// Owner mode, the allowance's limits (chain.Limits).
	allowance chain.Allowance
	skew      time.Duration // the chain's clock less ours at the read (periods run on the chain's)
	metered   uint64        // requests settled under allowance.Meter on-chain
	settledN  uint64        // what the ledger had settled before the read, in requests
}

// periodLeft is what the owner's period cap still allows at now and when
// its period renews; nil if the allowance has no period cap.
func (oc *onChain) periodLeft(now time.Time) (*big.Int, time.Time) {
	return oc.allowance.Left(now.Add(oc.skew))
}

var _ wf.Payments = (*Meter)(nil)

// refusalRecheck: a cached owner state older than this that would refuse
// (no allowance, price cap) is read again first.
const refusalRecheck = 250 * time.Millisecond

// Defaults of Config.
const (
	DefaultCacheTTL       = 2 * time.Second
	DefaultMinVoucherLife = 10 * time.Minute
	DefaultMaxVoucherLife = 24 * time.Hour
	DefaultSettleCount    = 10000
	DefaultSettleInterval = time.Minute
	DefaultSettleTimeout  = 2 * time.Minute

	DefaultReceiptEvery    = 1024
	DefaultReceiptInterval = time.Second
)

// SignReceiptHeader on a paid request asks for a signed receipt in the
// answer, whatever Config.ReceiptEvery says.
const SignReceiptHeader = "X-WF-Sign-Receipt"

// New returns a Meter over cfg.Ledger. Start settling with Run.
func New(cfg Config) (*Meter, error) {
	if cfg.Chain == nil || cfg.Key == nil || cfg.Ledger == nil {
		return nil, errors.New("payment: Config.Chain, Key and Ledger are required")
	}
	if cfg.Price == nil || cfg.Price.Sign() <= 0 {
		return nil, fmt.Errorf("%w: payment: the price must be positive", wf.ErrInvalid)
	}
	if cfg.Chain.Address() != cfg.Key.Address() {
		return nil, errors.New("payment: the chain client must sign as the provider's key")
	}
	binding := fmt.Sprintf("chain %s escrow %s provider %s", cfg.Chain.ChainID(), cfg.Chain.Contracts().Escrow, cfg.Key.Address())
	if err := cfg.Ledger.Bind(binding); err != nil {
		return nil, err
	}
	if cfg.CacheTTL == 0 {
		cfg.CacheTTL = DefaultCacheTTL
	}
	if cfg.MinVoucherLife == 0 {
		cfg.MinVoucherLife = DefaultMinVoucherLife
	}
	if cfg.MaxVoucherLife == 0 {
		cfg.MaxVoucherLife = DefaultMaxVoucherLife
	}
	if cfg.MaxVoucherLife <= cfg.MinVoucherLife {
		return nil, fmt.Errorf("%w: payment: the longest voucher life must exceed the shortest", wf.ErrInvalid)
	}
	if cfg.SettleCount == 0 {
		cfg.SettleCount = DefaultSettleCount
	}
	if cfg.SettleInterval == 0 {
		cfg.SettleInterval = DefaultSettleInterval
	}
	if cfg.SettleTimeout == 0 {
		cfg.SettleTimeout = DefaultSettleTimeout
	}
	if cfg.ReceiptEvery < 0 || cfg.ReceiptInterval < 0 {
		return nil, fmt.Errorf("%w: payment: negative receipt signing interval", wf.ErrInvalid)
	}
	if cfg.ReceiptEvery == 0 {
		cfg.ReceiptEvery = DefaultReceiptEvery
	}
	if cfg.ReceiptInterval == 0 {
		cfg.ReceiptInterval = DefaultReceiptInterval
	}
	if cfg.MaxFeeCap != nil && cfg.MaxFeeCap.Sign() <= 0 {
		return nil, fmt.Errorf("%w: payment: the fee cap limit must be positive", wf.ErrInvalid)
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	m := &Meter{
		cfg: cfg, log: cfg.Log, provider: cfg.Key.Address(),
		chainID: cfg.Chain.ChainID(), escrow: cfg.Chain.Contracts().Escrow,
		price:    new(big.Int).Set(cfg.Price),
		priceA:   wf.NewAmount(cfg.Price),
		chainSt:  make(map[ledger.Key]*onChain),
		opened:   make(map[wf.Address]bool),
		first:    make(map[ledger.Key]time.Time),
		retryAt:  make(map[ledger.Key]time.Time),
		sessions: make(map[[32]byte]*window),
		payers:   make(map[wf.Address]*payerSessions),
		sweepAt:  1024,
		vouchers: make(map[voucherKey]bool),
		wake:     make(chan struct{}, 1),
		signed:   make(map[ledger.Key]receiptMark),
		keyed:    make(map[[32]byte]*keyedSession),
	}
	if !cfg.SignedOnly {
		a, err := voucher.NewAcceptor(rand.Reader)
		if err != nil {
			return nil, err
		}
		m.acceptor, m.acceptHeader = a, a.Header()
	}
	// Charges pending from an earlier run are due at once.
	for k, a := range cfg.Ledger.Accounts() {
		if a.Pending().Count > 0 {
			m.first[k] = time.Time{}
		}
	}
	return m, nil
}

// Price implements wf.Payments.
func (m *Meter) Price() wf.Amount { return m.priceA }

// Ledger is the ledger the Meter records in.
func (m *Meter) Ledger() *ledger.Ledger { return m.cfg.Ledger }

// Provider is the provider's address.
func (m *Meter) Provider() wf.Address { return m.provider }

// Authorize implements wf.Payments.
func (m *Meter) Authorize(ctx context.Context, r *wf.PaidRequest) (wf.Charge, error) {
	if vs := r.Header[voucherHeaderKey]; len(vs) > 0 {
		return m.authorizeCaller(ctx, r, vs)
	}
	return m.authorizeOwner(ctx, r)
}

func (m *Meter) authorizeOwner(ctx context.Context, r *wf.PaidRequest) (wf.Charge, error) {
	fn, owner := r.Function, r.Owner
	key := ledger.Key{Mode: ledger.Owner, Payer: owner}
	oc, err := m.onChain(ctx, key)
	if err != nil {
		return nil, err
	}
	if oc.maxPrice.Cmp(m.price) < 0 && m.cfg.Now().Sub(oc.at) >= refusalRecheck {
		// A refusal from a cached read: the owner may have just approved
		// us (wf escrow approve, then a call). Read again, at most once per
		// refusalRecheck per owner, rather than refuse for up to 2 CacheTTL.
		if v, err, _ := m.fetch.Do(key.Mode.String()+key.Payer.String(), func() (any, error) {
			return m.readChain(ctx, key)
		}); err == nil {
			oc = v.(*onChain)
		}
	}
	// Built only for a 402: checksummed addresses cost microseconds.
	approve := func() string {
		deposit := "" // an empty escrow cannot be approved from: say so in the same line
		if oc.balance.Cmp(m.price) < 0 {
			deposit = "wf escrow deposit <USDC> && "
		}
		return fmt.Sprintf("the function owner %s runs: %swf escrow approve %s --budget <USDC> --max-price %s",
			owner.Checksum(), deposit, m.provider.Checksum(), wf.NewAmount(m.price).USDC())
	}
	req := func(code, msg string, extra map[string]any) error {
		d := map[string]any{"mode": "owner", "payer": owner.Checksum(), "provider": m.provider.Checksum(),
			"price": m.price.String(), "reason": code}
		for k, v := range extra {
			d[k] = v
		}
		return &RequiredError{msg: msg, details: d}
	}
	switch {
	case oc.maxPrice.Sign() == 0:
		return nil, req("no_allowance", "the function owner has not approved this provider to charge it, and the request carries no voucher",
			map[string]any{"fix": approve(), "orPayYourself": fmt.Sprintf("pay as the caller: wf invoke --pay %s ...", m.provider.Checksum())})
	case oc.maxPrice.Cmp(m.price) < 0:
		return nil, req("price_cap", fmt.Sprintf("the owner's price cap %s is below this provider's price %s", oc.maxPrice, m.price),
			map[string]any{"maxPricePerRequest": oc.maxPrice.String(), "fix": approve()})
	}
	var mc *ledger.MeterCount
	if meter := oc.allowance.Meter; !meter.IsZero() {
		if mc, err = m.meterCount(r, meter, req); err != nil {
			return nil, err
		}
	}
	now := m.cfg.Now()
	switched := false
	err = m.cfg.Ledger.Reserve(key, m.price, func(a ledger.Account, reserved *big.Int) error {
		// Charged since the read, and running now: the chain does not
		// know them.
		exposure := new(big.Int).Sub(a.Charged.Amount, oc.settledBefore)
		if a.Stranded.Amount != nil {
			exposure.Sub(exposure, a.Stranded.Amount)
		}
		exposure.Add(exposure, reserved)
		budget := new(big.Int).Sub(oc.budget, exposure)
		if budget.Cmp(m.price) < 0 {
			return req("budget_exhausted", "the owner's budget for this provider is used up (including charges not yet settled)",
				map[string]any{"needed": m.price.String(), "available": nonNeg(budget).String(), "fix": approve()})
		}
		if left, renews := oc.periodLeft(now); left != nil {
			if avail := new(big.Int).Sub(left, exposure); avail.Cmp(m.price) < 0 {
				retry := max(renews.Sub(now.Add(oc.skew)), time.Second)
				e := req("period_cap", fmt.Sprintf("the owner's spending cap for this provider (%s per %s) is reached for this period, counting charges not yet settled; it renews at %s",
					oc.allowance.MaxPerPeriod, oc.allowance.Period, renews.UTC().Format(time.RFC3339)),
					map[string]any{"needed": m.price.String(), "available": nonNeg(avail).String(), "maxPerPeriod": oc.allowance.MaxPerPeriod.String(),
						"periodSeconds": int64(oc.allowance.Period / time.Second), "renewsAt": renews.Unix()}).(*RequiredError)
				e.kind, e.retry = wf.ErrRateLimited, retry
				return e
			}
		}
		if mc != nil {
			// Every charge not settled at the read, those running and this
			// one must be covered by what the metering key signed.
			best := mc.Count
			if b := a.Meter; b != nil && b.Meter == mc.Meter && b.Count > best {
				best = b.Count
			}
			backed := uint64(0)
			if best > oc.metered {
				backed = best - oc.metered
			}
			// Only charges under this key: those under an earlier key
			// (or none) are stranded when its first count is charged.
			var unsettled uint64
			if b := a.Meter; b != nil && b.Meter == mc.Meter {
				unsettled = a.Charged.Count - a.Stranded.Count
				unsettled -= min(oc.settledN, unsettled)
			} else if a.Pending().Count > 0 {
				switched = true
			}
			need := unsettled + new(big.Int).Div(reserved, m.price).Uint64() + 1
			if need > backed {
				return req("meter_count_low", fmt.Sprintf("the owner's metering key %s has counted %d requests to this provider, %d of them settled; this one would be the %dth unsettled",
					mc.Meter.Checksum(), best, oc.metered, need), map[string]any{"meter": mc.Meter.Checksum(), "count": best, "settled": oc.metered,
					"fix": "send the request through the gateway holding the owner's metering key"})
			}
		}
		balance := new(big.Int).Sub(oc.balance, exposure)
		if balance.Cmp(m.price) < 0 {
			return req("insufficient_balance", "the owner's escrow balance does not cover this request",
				map[string]any{"needed": m.price.String(), "available": nonNeg(balance).String(),
					"fix": fmt.Sprintf("the function owner %s runs: wf escrow deposit <USDC>", owner.Checksum())})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if switched {
		m.log.Warn("the owner changed its metering key: charges pending under the earlier key are stranded, never settled",
			"payer", owner.Checksum(), "meter", mc.Meter.Checksum())
	}
	return &charge{m: m, key: key, fn: fn, meter: mc, sign: wantsSigned(r)}, nil
}

// meterCount reads r's metering count (chain.MeterHeader) and checks that
// meter, the owner's metering key, signed it for this provider.
func (m *Meter) meterCount(r *wf.PaidRequest, meter wf.Address, req func(string, string, map[string]any) error) (*ledger.MeterCount, error) {
	fix := fmt.Sprintf("the function owner pays only for requests its metering key %s counts: send the request through the owner's gateway (wf gateway start --meter-key), or pay as the caller: wf invoke --pay %s ...",
		meter.Checksum(), m.provider.Checksum())
	vs := r.Header[meterKey]
	if len(vs) != 1 {
		return nil, req("meter_required", "the function owner requires a count signed by its metering key with each request it pays for ("+chain.MeterHeader+")",
			map[string]any{"meter": meter.Checksum(), "fix": fix})
	}
	sm, err := chain.DecodeMeterHeader(vs[0], r.Owner, m.provider)
	if err == nil {
		var signer wf.Address
		if signer, err = chain.MeterSigner(m.chainID, m.escrow, sm); err == nil && signer != meter {
			err = fmt.Errorf("signed by %s, not the owner's metering key %s", signer.Checksum(), meter.Checksum())
		}
	}
	if err != nil {
		return nil, req("bad_meter", "the metering count is not valid: "+err.Error(), map[string]any{"meter": meter.Checksum(), "fix": fix})
	}
	return &ledger.MeterCount{Meter: meter, Count: sm.Count, Signature: sm.Signature}, nil
}

// Payer is the payer whose voucher pays for r, when r carries one
// voucher for this provider whose payer and session signatures hold and
// whose sequence number is not used yet (a replayed header names no
// one). It reserves and uses nothing: the provider names the caller by it
// before authorizing (the owner's per-caller limits, wf.callers).
func (m *Meter) Payer(r *wf.PaidRequest) (wf.Address, bool) {
	vs := r.Header[voucherHeaderKey]
	if len(vs) == 0 {
		return wf.Address{}, false
	}
	h, err := m.proveCaller(r, vs)
	if err != nil || !m.seqUnused(h.Voucher.Payer, h.Voucher.Session, h.Voucher.Expiry, h.Seq) {
		return wf.Address{}, false
	}
	return h.Voucher.Payer, true
}

// seqUnused reports whether useSeq would accept seq now, without using it.
func (m *Meter) seqUnused(payer wf.Address, session [32]byte, expiry int64, seq uint64) bool {
	m.mu.Lock()
	w := m.sessions[session]
	ps := m.payers[payer]
	var ok bool
	switch {
	case w == nil:
		ok = ps == nil || expiry > ps.floor
	case seq > w.high:
		ok = true
	case w.high-seq < windowBits:
		i, mask := w.bit(w.high - seq)
		ok = w.seen[i]&mask == 0
	}
	m.mu.Unlock()
	if w != nil || !ok {
		return ok
	}
	// A session not seen in this process: what the ledger charged.
	a := m.cfg.Ledger.Account(ledger.Key{Mode: ledger.Caller, Payer: payer})
	return expiry > a.SessionFloor && seq > a.Sessions[ledger.SessionKey(session)].Seq
}

// callerRequired builds a caller-mode 402.
func (m *Meter) callerRequired(code, msg string, payer wf.Address, extra map[string]any) error {
	d := map[string]any{"mode": "caller", "provider": m.provider.Checksum(), "price": m.price.String(), "reason": code}
	if !payer.IsZero() {
		d["payer"] = payer.Checksum()
	}
	for k, v := range extra {
		d[k] = v
	}
	return &RequiredError{msg: msg, details: d}
}

// callerFix is the fix a caller-mode 402 suggests; it names only what
// the Meter was made with, so it is built once (checksummed addresses
// cost microseconds, on every paid request when built per request).
func (m *Meter) callerFix() string {
	m.fixOnce.Do(func() { m.fixMsg = m.buildCallerFix() })
	return m.fixMsg
}

func (m *Meter) buildCallerFix() string {
	return fmt.Sprintf("send %s with a voucher for provider %s on chain %s (escrow %s) and this request signed by its session key: wf invoke --pay %s, or package client's Payer",
		wf.VoucherHeader, m.provider.Checksum(), m.chainID, m.escrow.Checksum(), m.provider.Checksum())
}

// proveCaller checks that values are one voucher for this provider, its
// session's signature of r and its payer's signature of the voucher.
func (m *Meter) proveCaller(r *wf.PaidRequest, values []string) (voucher.Header, error) {
	h, _, err := m.proveCallerSession(r, values)
	return h, err
}

// proveCallerSession is proveCaller, also returning the keyed session
// that authenticated the request (nil for a signed request).
func (m *Meter) proveCallerSession(r *wf.PaidRequest, values []string) (voucher.Header, *keyedSession, error) {
	req, fix := m.callerRequired, m.callerFix()
	if len(values) != 1 {
		return voucher.Header{}, nil, req("malformed_voucher", "send exactly one "+wf.VoucherHeader+" header", wf.Address{}, map[string]any{"fix": fix})
	}
	if voucher.IsMAC(values[0]) {
		return m.proveKeyed(r, values[0])
	}
	h, err := m.proveSigned(r, values[0])
	return h, nil, err
}

// proveSigned is proveCaller for a signed request's header value.
func (m *Meter) proveSigned(r *wf.PaidRequest, value string) (voucher.Header, error) {
	req, fix := m.callerRequired, m.callerFix()
	h, err := voucher.Decode(value)
	if err != nil {
		return voucher.Header{}, req("malformed_voucher", "the voucher header is malformed: "+err.Error(), wf.Address{}, map[string]any{"fix": fix})
	}
	v := h.Voucher
	switch {
	case v.Provider != m.provider:
		return h, req("wrong_provider", fmt.Sprintf("the voucher is for provider %s, not this one", v.Provider.Checksum()), v.Payer, map[string]any{"fix": fix})
	case m.chainID.Cmp(new(big.Int).SetUint64(v.ChainID)) != 0 || v.Escrow != m.escrow:
		return h, req("wrong_escrow", fmt.Sprintf("the voucher is for escrow %s on chain %d, not %s on chain %s", v.Escrow.Checksum(), v.ChainID, m.escrow.Checksum(), m.chainID), v.Payer, map[string]any{"fix": fix})
	}
	// The request signature first: it is the cheaper check, and what a
	// copied header fails.
	rq := voucher.Request{Provider: m.provider, Payer: v.Payer, Function: r.Function, Method: r.Method, Path: r.Path, RawQuery: r.RawQuery,
		BodyHash: voucher.BodyHash(r.Body), Seq: h.Seq}
	signed := false
	if h.KX != ([32]byte{}) {
		signed = voucher.VerifyOpen(v.Session, rq, h.KX, h.RequestSig)
	} else {
		signed = voucher.Verify(v.Session, rq, h.RequestSig)
	}
	if !signed {
		return h, req("bad_request_signature", "the voucher's session key did not sign this request (method, function, path, query, body and sequence number): a voucher header pays only for the request it was made for",
			v.Payer, map[string]any{"fix": fix})
	}
	if !m.checkVoucher(h) {
		return h, req("bad_signature", "the voucher's signature is not the payer's for this chain and escrow", v.Payer, map[string]any{"fix": fix})
	}
	return h, nil
}

func (m *Meter) authorizeCaller(ctx context.Context, r *wf.PaidRequest, values []string) (wf.Charge, error) {
	req, fix := m.callerRequired, m.callerFix()
	h, ks, err := m.proveCallerSession(r, values)
	if err != nil {
		return nil, err
	}
	v := h.Voucher
	var sv *chain.SignedVoucher
	var logged *ledger.SignedVoucher
	if ks != nil {
		sv, logged = ks.signed, ks.logged
	} else {
		sv = &chain.SignedVoucher{Voucher: chain.FromMessage(v), Signature: h.Signature}
		logged = ledgerVoucher(sv)
	}
	if err := m.checkLife(*sv); err != nil {
		return nil, err
	}
	minLife := m.cfg.Now().Add(m.cfg.MinVoucherLife)
	key := ledger.Key{Mode: ledger.Caller, Payer: sv.Payer}
	if err := m.openCaller(ctx, sv.Payer); err != nil {
		return nil, err
	}
	oc, err := m.onChain(ctx, key)
	if err != nil {
		return nil, err
	}
	var mark ledger.SessionMark
	err = m.cfg.Ledger.Reserve(key, m.price, func(a ledger.Account, reserved *big.Int) error {
		if v.Expiry <= a.SessionFloor {
			return req("session_retired", "this provider no longer remembers the voucher's session; sign a new voucher with a new session key",
				sv.Payer, map[string]any{"fix": fix})
		}
		// The sessions map is keyed by hex (ledger.SessionKey), written
		// here on the stack: indexing with string(b) does not allocate.
		var sk [2 * len(v.Session)]byte
		hex.Encode(sk[:], v.Session[:])
		mark = a.Sessions[string(sk[:])]
		need := new(big.Int).Add(a.Charged.Amount, m.price)
		need.Add(need, reserved)
		// Covered by this voucher, or by the payer's best voucher already
		// in the ledger (what settlement redeems with), if that one stays
		// valid long enough: a client's concurrent requests signed under
		// an older session may arrive after newer ones were charged.
		ceiling := sv.CumulativeAmount
		if b := a.Best; b != nil && b.CumulativeAmount.Cmp(ceiling) > 0 && !b.Expiry.Before(minLife) {
			ceiling = b.CumulativeAmount
		}
		if ceiling.Cmp(need) < 0 {
			return req("voucher_too_low", fmt.Sprintf("the voucher's cumulative amount %s does not cover %s (everything charged so far plus this request)", sv.CumulativeAmount, need),
				sv.Payer, map[string]any{"needed": need.String(), "cumulative": sv.CumulativeAmount.String(), "fix": fix})
		}
		// The escrow must hold what the voucher will be redeemed for.
		owed := new(big.Int).Sub(need, oc.settledBefore)
		if oc.balance.Cmp(owed) < 0 {
			return req("insufficient_balance", "the payer's escrow balance does not cover what its vouchers owe this provider",
				sv.Payer, map[string]any{"needed": owed.String(), "available": oc.balance.String(), "fix": "the payer runs: wf escrow deposit <USDC>"})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	switch m.useSeq(sv.Payer, v.Session, v.Expiry, h.Seq, mark) {
	case seqRetired:
		m.unreserve(key)
		return nil, req("session_retired", "this provider no longer remembers the voucher's session; sign a new voucher with a new session key",
			sv.Payer, map[string]any{"fix": fix})
	case seqUsed:
		m.unreserve(key)
		return nil, req("replayed", fmt.Sprintf("sequence number %d of this session was already used: a voucher header pays for one request, once", h.Seq),
			sv.Payer, map[string]any{"seq": h.Seq, "fix": fix})
	}
	c := &charge{m: m, key: key, fn: r.Function, voucher: logged, sign: wantsSigned(r),
		session: &ledger.SessionUse{Key: v.Session, Seq: h.Seq, Expiry: v.Expiry}}
	if h.KX != ([32]byte{}) && m.acceptor != nil {
		c.open = &keyedOpen{header: h}
	}
	return c, nil
}

// checkLife refuses a voucher that expires too soon to be redeemed, or
// later than a session's replay window is kept.
func (m *Meter) checkLife(sv chain.SignedVoucher) error {
	req, fix := m.callerRequired, m.callerFix()
	now := m.cfg.Now()
	if min := now.Add(m.cfg.MinVoucherLife); sv.Expiry.Before(min) {
		return req("voucher_expiring", fmt.Sprintf("the voucher expires at %s; it must be valid until at least %s", sv.Expiry.UTC().Format(time.RFC3339), min.UTC().Format(time.RFC3339)),
			sv.Payer, map[string]any{"expiry": sv.Expiry.Unix(), "minExpiry": min.Unix(), "fix": fix})
	}
	if max := now.Add(m.cfg.MaxVoucherLife); sv.Expiry.After(max) {
		return req("voucher_too_long", fmt.Sprintf("the voucher expires at %s; this provider accepts vouchers valid for at most %s (until %s): sign one that expires sooner",
			sv.Expiry.UTC().Format(time.RFC3339), m.cfg.MaxVoucherLife, max.UTC().Format(time.RFC3339)),
			sv.Payer, map[string]any{"expiry": sv.Expiry.Unix(), "maxExpiry": max.Unix(), "fix": fix})
	}
	return nil
}

// voucherKey is a voucher with its payer signature, as checked.
type voucherKey struct {
	chainID                 uint64
	escrow, payer, provider wf.Address
	cum                     string
	expiry                  int64
	session                 [32]byte
	sig                     wf.Signature
}

// maxVouchers bounds the memory of checked vouchers; a session sends one.
const maxVouchers = 4096

// checkVoucher reports whether h's voucher is signed by its payer,
// remembering the answer: a session sends the same voucher with each
// request, and recovering the signer costs more than the rest of the
// check.
func (m *Meter) checkVoucher(h voucher.Header) bool {
	v := h.Voucher
	k := voucherKey{v.ChainID, v.Escrow, v.Payer, v.Provider, v.Cumulative.String(), v.Expiry, v.Session, h.Signature}
	m.mu.Lock()
	ok, known := m.vouchers[k]
	m.mu.Unlock()
	if known {
		return ok
	}
	sv := chain.SignedVoucher{Voucher: chain.FromMessage(v), Signature: h.Signature}
	ok = chain.VerifyVoucher(m.chainID, m.escrow, sv) == nil
	m.mu.Lock()
	if len(m.vouchers) >= maxVouchers {
		clear(m.vouchers)
	}
	m.vouchers[k] = ok
	m.mu.Unlock()
	return ok
}

func nonNeg(x *big.Int) *big.Int {
	if x.Sign() < 0 {
		return new(big.Int)
	}
	return x
}

func (m *Meter) unreserve(key ledger.Key) { m.cfg.Ledger.Unreserve(key, m.price) }

// onChain returns the payer's escrow state (and for an owner its
// allowance for us). A state older than CacheTTL is read again: in the
// background while it is younger than twice CacheTTL, the requests going
// on with the one they have (charges made meanwhile are counted locally
// either way), so a chain read never stalls a payer's requests while its
// reads succeed; older than that, or never read, they wait for the read.
func (m *Meter) onChain(ctx context.Context, key ledger.Key) (*onChain, error) {
	m.mu.Lock()
	oc := m.chainSt[key]
	m.mu.Unlock()
	if oc != nil {
		age := m.cfg.Now().Sub(oc.at)
		if age < m.cfg.CacheTTL {
			return oc, nil
		}
		if age < 2*m.cfg.CacheTTL {
			m.fetch.DoChan(key.Mode.String()+key.Payer.String(), func() (any, error) {
				return m.readChain(context.WithoutCancel(ctx), key)
			})
			return oc, nil
		}
	}
	v, err, _ := m.fetch.Do(key.Mode.String()+key.Payer.String(), func() (any, error) {
		return m.readChain(ctx, key)
	})
	if err != nil {
		return nil, wf.E(wf.ErrUnavailable, "the provider cannot reach the chain to check payment", err)
	}
	return v.(*onChain), nil
}

// readChain reads key's payer's escrow state and caches it.
func (m *Meter) readChain(ctx context.Context, key ledger.Key) (*onChain, error) {
	payer := key.Payer
	// What the ledger settled before the read is surely reflected in
	// it; batches confirmed later only make the read conservative.
	settled := m.cfg.Ledger.Account(key).Settled.Amount
	at := m.cfg.Now()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	acct, err := m.cfg.Chain.Account(ctx, payer)
	if err != nil {
		return nil, fmt.Errorf("payment: escrow account of %s: %w", payer, err)
	}
	oc := &onChain{at: at, settledBefore: settled, balance: new(big.Int).Sub(acct.Balance, acct.PendingWithdrawal)}
	if key.Mode == ledger.Owner {
		oc.settledN = m.cfg.Ledger.Account(key).Settled.Count
		al, err := m.cfg.Chain.Allowance(ctx, payer, m.provider)
		if err != nil {
			return nil, fmt.Errorf("payment: allowance of %s: %w", payer, err)
		}
		oc.maxPrice, oc.budget, oc.allowance = al.MaxPricePerRequest, al.Budget, al
		if al.Capped() {
			head, err := m.cfg.Chain.HeadTime(ctx)
			if err != nil {
				return nil, fmt.Errorf("payment: chain time: %w", err)
			}
			oc.skew = head.Sub(at)
		}
		if !al.Meter.IsZero() {
			if oc.metered, err = m.cfg.Chain.Metered(ctx, payer, m.provider, al.Meter); err != nil {
				return nil, fmt.Errorf("payment: metered count of %s: %w", payer, err)
			}
		}
	}
	m.mu.Lock()
	m.chainSt[key] = oc
	m.mu.Unlock()
	return oc, nil
}

// Forget drops what the Meter read from the chain about payer, so the next
// request reads it again.
func (m *Meter) Forget(payer wf.Address) {
	m.mu.Lock()
	delete(m.chainSt, ledger.Key{Mode: ledger.Owner, Payer: payer})
	delete(m.chainSt, ledger.Key{Mode: ledger.Caller, Payer: payer})
	m.mu.Unlock()
}

// openCaller makes a caller's account start from what it already redeemed
// to this provider on-chain (under an earlier ledger), once per process.
func (m *Meter) openCaller(ctx context.Context, payer wf.Address) error {
	m.mu.Lock()
	done := m.opened[payer]
	m.mu.Unlock()
	if done {
		return nil
	}
	_, err, _ := m.fetch.Do("open "+payer.String(), func() (any, error) {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		r, err := m.cfg.Chain.Redeemed(ctx, payer, m.provider)
		if err != nil {
			return nil, err
		}
		key := ledger.Key{Mode: ledger.Caller, Payer: payer}
		if r.Sign() > 0 {
			if err := m.cfg.Ledger.OpenAccount(key, ledger.Totals{Amount: r}); err != nil {
				return nil, err
			}
		}
		m.mu.Lock()
		m.opened[payer] = true
		m.mu.Unlock()
		return nil, nil
	})
	if err != nil {
		return wf.E(wf.ErrUnavailable, "the provider cannot reach the chain to check payment", err)
	}
	return nil
}

// window is a session's replay window: the highest sequence number used
// and which of the windowBits-1 below it were.
type window struct {
	payer  wf.Address
	expiry int64
	high   uint64
	seen   [windowBits / 64]uint64 // bit i: high-i was used
}

// windowBits is how far out of order a session's requests may arrive: a
// client with more requests in flight at once than this sees the oldest
// refused as replays.
const windowBits = 1024

func (w *window) bit(i uint64) (word int, mask uint64) { return int(i / 64), 1 << (i % 64) }

// shift moves the window up by d.
func (w *window) shift(d uint64) {
	if d >= windowBits {
		w.seen = [windowBits / 64]uint64{}
		return
	}
	words, bits := int(d/64), d%64
	for i := len(w.seen) - 1; i >= 0; i-- {
		var v uint64
		if j := i - words; j >= 0 {
			v = w.seen[j] << bits
			if bits > 0 && j > 0 {
				v |= w.seen[j-1] >> (64 - bits)
			}
		}
		w.seen[i] = v
	}
}

// payerSessions are the sessions of one payer with a replay window.
type payerSessions struct {
	keys  map[[32]byte]struct{}
	floor int64 // sessions whose voucher expires by then are refused
}

// useSeq results.
const (
	seqOK      = iota
	seqUsed    // already used, or too old to tell
	seqRetired // a session this payer's window cap forgot or refuses
)

// useSeq marks sequence number seq of payer's session used, reporting
// seqUsed if it was already, or is too old to tell (windowBits or more
// below the highest). A session first seen in this process starts from
// mark, what the ledger charged: everything up to it counts as used, so a
// restart replays nothing charged. A payer keeps at most
// ledger.MaxSessions windows, as the ledger does: past it the one whose
// voucher expires first is forgotten and every session expiring by then
// is refused (seqRetired), so forgetting never reopens a replay.
func (m *Meter) useSeq(payer wf.Address, session [32]byte, expiry int64, seq uint64, mark ledger.SessionMark) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.sessions[session]
	if w == nil {
		if len(m.sessions) >= m.sweepAt {
			now := m.cfg.Now().Unix()
			for k, w := range m.sessions {
				if w.expiry < now {
					delete(m.sessions, k)
					delete(m.payers[w.payer].keys, k)
				}
			}
			for p, ps := range m.payers {
				if len(ps.keys) == 0 && ps.floor < now {
					delete(m.payers, p)
				}
			}
			m.sweepAt = max(1024, 2*len(m.sessions))
		}
		ps := m.payers[payer]
		if ps == nil {
			ps = &payerSessions{keys: make(map[[32]byte]struct{})}
			m.payers[payer] = ps
		}
		if expiry <= ps.floor {
			return seqRetired
		}
		if len(ps.keys) >= ledger.MaxSessions {
			var old [32]byte
			oldExp := int64(-1)
			for k := range ps.keys {
				if e := m.sessions[k].expiry; oldExp < 0 || e < oldExp {
					old, oldExp = k, e
				}
			}
			if expiry <= oldExp {
				return seqRetired
			}
			delete(m.sessions, old)
			delete(ps.keys, old)
			ps.floor = max(ps.floor, oldExp)
		}
		w = &window{payer: payer, expiry: expiry, high: mark.Seq}
		for i := range w.seen {
			w.seen[i] = ^uint64(0)
		}
		m.sessions[session] = w
		ps.keys[session] = struct{}{}
	}
	if seq > w.high {
		w.shift(seq - w.high)
		w.seen[0] |= 1
		w.high = seq
		return seqOK
	}
	if w.high-seq >= windowBits {
		return seqUsed
	}
	i, mask := w.bit(w.high - seq)
	if w.seen[i]&mask != 0 {
		return seqUsed
	}
	w.seen[i] |= mask
	return seqOK
}

// charge is one authorized request.
type charge struct {
	m       *Meter
	key     ledger.Key
	fn      wf.CID
	voucher *ledger.SignedVoucher // caller mode: the voucher, as the ledger records it
	session *ledger.SessionUse
	meter   *ledger.MeterCount // owner mode with a metering key: the count that came with the request
	sign    bool               // the request asked for a signed receipt
	open    *keyedOpen         // the request opens a keyed session
	once    sync.Once
}

// errSpent is a second Commit's, or a Commit's after Release.
var errSpent = errors.New("payment: charge already committed or released")

// Release implements wf.Charge.
func (c *charge) Release() { c.once.Do(func() { c.m.unreserve(c.key) }) }

var _ wf.BodyCharge = (*charge)(nil)

// Commit implements wf.Charge.
func (c *charge) Commit(ctx context.Context, id wf.RequestID) (map[string][]string, error) {
	err := errSpent
	h := http.Header{}
	c.once.Do(func() { err = c.m.commit(ctx, c, id, nil, h) })
	return h, err
}

// CommitBodies implements wf.BodyCharge: Commit with a version 2 receipt.
func (c *charge) CommitBodies(ctx context.Context, id wf.RequestID, request, response wf.Hash) (map[string][]string, error) {
	h := http.Header{}
	err := c.CommitHeader(ctx, id, request, response, h)
	return h, err
}

// CommitHeader is CommitBodies setting the receipt (and a keyed
// session's accept) in h, the response's header, instead of a map of its
// own: a provider commits one charge per paid response.
func (c *charge) CommitHeader(ctx context.Context, id wf.RequestID, request, response wf.Hash, h http.Header) error {
	err := errSpent
	c.once.Do(func() { err = c.m.commit(ctx, c, id, &[2]wf.Hash{request, response}, h) })
	return err
}

// The headers commit sets, in canonical form: set directly, without
// Header.Set's canonicalisation.
var (
	receiptKey = http.CanonicalHeaderKey(wf.ReceiptHeader)
	acceptKey  = http.CanonicalHeaderKey(voucher.AcceptHeader)
)

// The request headers payment reads, in canonical form: a request's
// header (net/http's, and wf.PaidRequest's) is keyed so, and Header.Get
// would canonicalise the name again on every request.
var (
	voucherHeaderKey = http.CanonicalHeaderKey(wf.VoucherHeader)
	signKey          = http.CanonicalHeaderKey(SignReceiptHeader)
	meterKey         = http.CanonicalHeaderKey(chain.MeterHeader)
)

// commit records c and sets its receipt header in h; bodies, if not nil,
// are the request's and response's SHA-256 for a version 2 receipt.
func (m *Meter) commit(ctx context.Context, c *charge, id wf.RequestID, bodies *[2]wf.Hash, h http.Header) error {
	if id.IsZero() {
		m.unreserve(c.key)
		return fmt.Errorf("%w: payment: commit without a request id", wf.ErrInvalid)
	}
	cum, err := m.cfg.Ledger.Charge(ctx, ledger.Charge{Key: c.key, Amount: m.price, Voucher: c.voucher, Session: c.session, Meter: c.meter, Reserved: true})
	if err != nil {
		m.unreserve(c.key)
		return err
	}
	m.mu.Lock()
	if _, ok := m.first[c.key]; !ok {
		m.first[c.key] = m.cfg.Now()
	}
	m.mu.Unlock()
	if m.cfg.Ledger.PendingCount(c.key) >= m.cfg.SettleCount {
		select {
		case m.wake <- struct{}{}:
		default:
		}
	}
	r := Receipt{ChargeReceipt: chain.ChargeReceipt{Function: c.fn, Payer: c.key.Payer, Mode: c.key.Mode.String(),
		Amount: m.price, Cumulative: cum, RequestID: id}}
	if bodies != nil {
		r.Version, r.RequestBody, r.ResponseBody = 2, bodies[0], bodies[1]
	}
	// The charge is recorded whatever happens now; a receipt that cannot
	// be signed is logged, not a reason to withhold the response.
	if m.signNow(c.key, cum, c.sign) {
		if r.Signature, err = chain.SignReceipt(m.cfg.Key, r.ChargeReceipt); err != nil {
			m.log.Error("sign receipt", "err", err)
			return nil
		}
	}
	h[receiptKey] = []string{EncodeReceipt(r)}
	if c.open != nil {
		m.accept(c.open, h)
	}
	return nil
}

// receiptMark is a payer's last signed receipt.
type receiptMark struct {
	at       time.Time
	unsigned int      // receipts sent unsigned since
	cum      *big.Int // its cumulative
}

// signNow reports whether the receipt with cumulative cum for key is to
// be signed (Config.ReceiptEvery), and if so marks it signed. A receipt
// below the last signed cumulative (a concurrent charge that got its
// number earlier) is covered by it and never needs signing on its own.
func (m *Meter) signNow(key ledger.Key, cum *big.Int, asked bool) bool {
	if m.cfg.ReceiptEvery <= 1 {
		return true
	}
	now := m.cfg.Now()
	m.signedMu.Lock()
	defer m.signedMu.Unlock()
	mk, ok := m.signed[key]
	if !asked && ok && cum.Cmp(mk.cum) <= 0 {
		return false
	}
	if !asked && ok && mk.unsigned+1 < m.cfg.ReceiptEvery && now.Sub(mk.at) < m.cfg.ReceiptInterval {
		mk.unsigned++
		m.signed[key] = mk
		return false
	}
	if !ok || cum.Cmp(mk.cum) > 0 {
		m.signed[key] = receiptMark{at: now, cum: cum}
	}
	return true
}

// wantsSigned reports whether r asks for a signed receipt.
func wantsSigned(r *wf.PaidRequest) bool {
	vs := r.Header[signKey]
	return len(vs) > 0 && vs[0] != ""
}

// RequiredError is a request that is not paid for. It wraps
// wf.ErrPaymentRequired; Details say what is missing and how to fix it.
type RequiredError struct {
	msg     string
	details map[string]any
	kind    error         // nil: wf.ErrPaymentRequired; wf.ErrRateLimited: a period cap
	retry   time.Duration // when kind is wf.ErrRateLimited: when to try again
}

func (e *RequiredError) Error() string { return e.msg }

// Is matches wf.ErrPaymentRequired, or wf.ErrRateLimited (429) for a
// request refused until the owner's period cap renews.
func (e *RequiredError) Is(target error) bool {
	if e.kind != nil {
		return target == e.kind
	}
	return target == wf.ErrPaymentRequired
}

// RetryAfter is how long until the request may be paid for (a period cap
// renewing); 0 if waiting does not help.
func (e *RequiredError) RetryAfter() time.Duration { return e.retry }

func (e *RequiredError) Details() map[string]any { return e.details }
func (e *RequiredError) Reason() string          { s, _ := e.details["reason"].(string); return s }

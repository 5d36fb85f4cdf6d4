package rewards

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// CreditsHeader tells a caller served on trial credits what is left of
// them, in token base units.
const CreditsHeader = "X-WF-Credits-Left"

// CreditsConfig configures CreditPayments.
type CreditsConfig struct {
	// Next charges what credits do not cover: the provider's meter
	// (payment.Meter), which also proves who sent a request served on
	// credits (Prover).
	Next wf.Payments
	// Credits is the Credits contract (chain.Credits), called as the
	// provider: Flush records use on it.
	Credits  *chain.Credits
	Provider wf.Address
	// ChainID and Escrow are what vouchers must name, as Next's do.
	ChainID *big.Int
	Escrow  wf.Address
	// Path is the file that records each request served on credits
	// (durably, before its response leaves), so a restart neither forgets
	// what to record on chain nor accepts a sequence number again. Empty
	// keeps the record in memory only (tests).
	Path string
	// TTL is how long a payer's credits as read from the chain are reused
	// before reading them again (default 30s). A grant shows within it.
	TTL time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Prover is what CreditPayments needs of Next besides charging: the
// meter's own proof of a caller's voucher header (a signed request, one
// opening a keyed session, or a keyed session's MAC, whose voucher only
// the meter holds), its replay window, and the keyed session a request served on credits
// opens. payment.Meter is one.
type Prover interface {
	// Prove authenticates r's voucher header, charging nothing; the error
	// is the 402 Next would answer.
	Prove(r *wf.PaidRequest) (voucher.Header, error)
	// Claim uses h's sequence number in its session's replay window, as
	// a charge does, refusing one used already (by a charge or a claim):
	// no header is served twice, once on credits and once charged.
	Claim(h voucher.Header) error
	// Open keeps the keyed session h opens, if any, setting what its
	// answer carries in answer.
	Open(h voucher.Header, answer http.Header)
}

// CreditPayments is a wf.Payments that spends a caller's trial credits
// (chain.Credits: granted by this provider, usable only with it) before
// its own allowance, which Next charges. The caller is identified as the
// meter identifies it, by a voucher header its session key signed for
// this very request (Next, a Prover, checks it); a header that does not prove a payer goes to Next,
// which explains what is wrong. A request served on credits has no
// receipt (nothing was paid: it cannot entitle a rating).
//
// A payer without credits costs one more decode of its voucher header and
// two map lookups than Next alone while its credits as last read say so;
// once every TTL its header is proven here too, before its credits are
// read. Nothing is written for a payer until it has credits.
//
// Each request served on credits is written to Path before its response
// leaves. What was served is kept as a cumulative per payer against the
// contract's own cumulative "spent" as of the payer's first sight, so
// Flush records exactly what is missing on chain, and a crash between a
// Spend transaction and anything written here neither loses nor doubles
// a use. It is safe for concurrent use; Close it when done.
type CreditPayments struct {
	cfg    CreditsConfig
	prover Prover
	book   *creditBook

	mu       sync.Mutex
	accounts map[wf.Address]*creditAccount
	flushMu  sync.Mutex // one Flush at a time
}

// creditAccount is one payer's credits with this provider.
type creditAccount struct {
	// left and spent as last read from the contract, at readAt.
	left, spent *big.Int
	readAt      time.Time
	reserved    *big.Int // authorized, not yet committed or released
}

var _ wf.Payments = (*CreditPayments)(nil)

// OpenCreditPayments opens the record at cfg.Path (creating it) and
// returns the credits wrapper around cfg.Next.
func OpenCreditPayments(cfg CreditsConfig) (*CreditPayments, error) {
	if cfg.Next == nil || cfg.Credits == nil || cfg.ChainID == nil || cfg.Provider.IsZero() || cfg.Escrow.IsZero() {
		return nil, fmt.Errorf("%w: rewards: credits need Next, Credits, Provider, ChainID and Escrow", wf.ErrInvalid)
	}
	prover, ok := cfg.Next.(Prover)
	if !ok {
		return nil, fmt.Errorf("%w: rewards: credits need a Next that proves voucher headers (payment.Meter)", wf.ErrInvalid)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TTL <= 0 {
		cfg.TTL = 30 * time.Second
	}
	book, err := openCreditBook(cfg.Path, cfg.Now())
	if err != nil {
		return nil, err
	}
	return &CreditPayments{cfg: cfg, prover: prover, book: book, accounts: map[wf.Address]*creditAccount{}}, nil
}

// NewCreditPayments is OpenCreditPayments with the record in memory only.
func NewCreditPayments(next wf.Payments, credits *chain.Credits, provider wf.Address, chainID *big.Int, escrow wf.Address, now func() time.Time) *CreditPayments {
	p, err := OpenCreditPayments(CreditsConfig{Next: next, Credits: credits, Provider: provider, ChainID: chainID, Escrow: escrow, Now: now})
	if err != nil {
		panic(err) // only on missing arguments or a Next that is no Prover: a programming error
	}
	return p
}

// Close closes the record. Flush first to record use on chain now rather
// than after the next start.
func (p *CreditPayments) Close() error { return p.book.close() }

// Price implements wf.Payments.
func (p *CreditPayments) Price() wf.Amount { return p.cfg.Next.Price() }

// Payer names the payer r's voucher proves, as Next does (provider's
// per-caller limits).
func (p *CreditPayments) Payer(r *wf.PaidRequest) (wf.Address, bool) {
	if pp, ok := p.cfg.Next.(interface {
		Payer(*wf.PaidRequest) (wf.Address, bool)
	}); ok {
		return pp.Payer(r)
	}
	return wf.Address{}, false
}

// header decodes r's voucher header, if it is one for this provider.
// proven reports that it was proven too: a keyed session's MAC header
// names only its session, whose voucher (and payer) the meter holds.
func (p *CreditPayments) header(r *wf.PaidRequest) (h voucher.Header, proven, ok bool) {
	values := http.Header(r.Header).Values(wf.VoucherHeader)
	if len(values) != 1 {
		return voucher.Header{}, false, false
	}
	if voucher.IsMAC(values[0]) {
		h, err := p.prover.Prove(r)
		return h, err == nil, err == nil
	}
	h, err := voucher.Decode(values[0])
	if err != nil {
		return h, false, false
	}
	v := h.Voucher
	ok = v.Provider == p.cfg.Provider && p.cfg.ChainID.Cmp(new(big.Int).SetUint64(v.ChainID)) == 0 && v.Escrow == p.cfg.Escrow && v.Expiry > p.cfg.Now().Unix()
	return h, false, ok
}

// available is what payer may still spend here: the contract's credits
// less what was served but not yet recorded on chain, less reservations.
// Called with p.mu held.
func (p *CreditPayments) available(payer wf.Address, a *creditAccount) *big.Int {
	x := new(big.Int).Sub(a.left, p.book.unrecorded(payer, a.spent))
	return x.Sub(x, a.reserved)
}

// account returns payer's credits, reading the contract when they are
// older than TTL (outside the lock) and noting its base when it first
// has some: a payer without credits leaves nothing in the record.
func (p *CreditPayments) account(ctx context.Context, payer wf.Address) (*creditAccount, error) {
	p.mu.Lock()
	a := p.accounts[payer]
	fresh := a != nil && p.cfg.Now().Sub(a.readAt) < p.cfg.TTL
	p.mu.Unlock()
	if fresh {
		return a, nil
	}
	left, spent, err := p.cfg.Credits.Of(ctx, p.cfg.Provider, payer)
	if err == nil && left.Sign() > 0 {
		err = p.book.noteBase(payer, spent)
	}
	if err != nil {
		if a != nil { // the chain is away: what was last read still holds
			return a, nil
		}
		return nil, fmt.Errorf("rewards: credits of %s: %w", payer.Checksum(), err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if a = p.accounts[payer]; a == nil {
		a = &creditAccount{reserved: new(big.Int)}
		p.accounts[payer] = a
	}
	a.left, a.spent, a.readAt = left, spent, p.cfg.Now()
	return a, nil
}

// Authorize implements wf.Payments: credits first, then Next.
func (p *CreditPayments) Authorize(ctx context.Context, r *wf.PaidRequest) (wf.Charge, error) {
	price := p.Price().Big()
	h, proven, ok := p.header(r)
	if !ok || price.Sign() == 0 {
		return p.cfg.Next.Authorize(ctx, r)
	}
	// A header once served on credits is refused before Next sees it: Next
	// does not know its sequence number was used.
	if p.book.used(h.Voucher.Session, h.Seq) {
		return nil, wf.E(wf.ErrPaymentRequired, fmt.Sprintf("sequence number %d of this session was already used", h.Seq), nil)
	}
	payer := h.Voucher.Payer
	if p.short(payer, price) {
		return p.cfg.Next.Authorize(ctx, r)
	}
	// Proven before its payer's credits are read or anything is written
	// for it: a header naming any address must cost the node nothing.
	if !proven {
		var err error
		if h, err = p.prover.Prove(r); err != nil {
			return p.cfg.Next.Authorize(ctx, r)
		}
	}
	a, err := p.account(ctx, payer)
	if err != nil {
		// Credits are a bonus: without them the payer's allowance pays.
		return p.cfg.Next.Authorize(ctx, r)
	}
	p.mu.Lock()
	avail := p.available(payer, a)
	if avail.Cmp(price) < 0 {
		p.mu.Unlock()
		return p.cfg.Next.Authorize(ctx, r)
	}
	if !p.book.take(h.Voucher.Session, h.Seq, h.Voucher.Expiry) {
		p.mu.Unlock()
		return nil, wf.E(wf.ErrPaymentRequired, fmt.Sprintf("sequence number %d of this session was already used", h.Seq), nil)
	}
	// Only now, served on credits for sure: the meter's window refuses a
	// header it charged (or claimed) before, and will refuse this one.
	if err := p.prover.Claim(h); err != nil {
		p.book.untake(h.Voucher.Session, h.Seq)
		p.mu.Unlock()
		return nil, err
	}
	a.reserved.Add(a.reserved, price)
	p.mu.Unlock()
	return &creditCharge{p: p, a: a, h: h, payer: payer, session: h.Voucher.Session, seq: h.Seq, expiry: h.Voucher.Expiry,
		price: price, left: avail.Sub(avail, price)}, nil
}

// short reports whether payer's credits as read within TTL do not cover
// price: its request goes to Next at once, without a proof here.
func (p *CreditPayments) short(payer wf.Address, price *big.Int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	a := p.accounts[payer]
	return a != nil && p.cfg.Now().Sub(a.readAt) < p.cfg.TTL && p.available(payer, a).Cmp(price) < 0
}

type creditCharge struct {
	p       *CreditPayments
	a       *creditAccount
	h       voucher.Header // as proven: it may open a keyed session
	payer   wf.Address
	session [32]byte
	seq     uint64
	expiry  int64
	price   *big.Int
	left    *big.Int
	once    sync.Once
}

// Commit records the use durably before the response leaves.
func (c *creditCharge) Commit(ctx context.Context, id wf.RequestID) (map[string][]string, error) {
	err := errors.New("credits: charge already committed or released")
	var h map[string][]string
	c.once.Do(func() {
		err = c.p.book.serve(c.payer, c.price, c.session, c.seq, c.expiry)
		c.p.mu.Lock()
		c.a.reserved.Sub(c.a.reserved, c.price)
		if err != nil {
			c.p.book.untake(c.session, c.seq)
		}
		c.p.mu.Unlock()
		if err != nil {
			err = fmt.Errorf("%w: credits: %v", wf.ErrUnavailable, err)
			return
		}
		answer := http.Header{http.CanonicalHeaderKey(CreditsHeader): {c.left.String()}}
		c.p.prover.Open(c.h, answer)
		h = answer
	})
	return h, err
}

func (c *creditCharge) Release() {
	c.once.Do(func() {
		c.p.mu.Lock()
		c.a.reserved.Sub(c.a.reserved, c.price)
		c.p.book.untake(c.session, c.seq)
		c.p.mu.Unlock()
	})
}

// Flush records on chain what each payer was served on credits and the
// contract does not count yet. It is idempotent: what it sends is read
// against the contract's own count.
func (p *CreditPayments) Flush(ctx context.Context) error {
	p.flushMu.Lock()
	defer p.flushMu.Unlock()
	var errs []error
	for _, payer := range p.book.payers() {
		left, spent, err := p.cfg.Credits.Of(ctx, p.cfg.Provider, payer)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n := p.book.unrecorded(payer, spent)
		if n.Sign() > 0 {
			if _, err := p.cfg.Credits.Spend(ctx, payer, n); err != nil {
				errs = append(errs, fmt.Errorf("rewards: record credits of %s: %w", payer.Checksum(), err))
				continue
			}
			left, spent = new(big.Int).Sub(left, n), new(big.Int).Add(spent, n)
		}
		p.mu.Lock()
		if a := p.accounts[payer]; a != nil {
			a.left, a.spent, a.readAt = left, spent, p.cfg.Now()
		}
		p.mu.Unlock()
		if left.Sign() == 0 {
			// All recorded and none left: no need to read it again, and
			// the next compaction forgets it.
			if err := p.book.markIdle(payer, spent); err != nil {
				errs = append(errs, err)
			}
		}
	}
	p.book.prune(p.cfg.Now())
	return errors.Join(errs...)
}

// Unrecorded is what payer was served on credits that the contract does
// not count yet, given its count spent.
func (p *CreditPayments) Unrecorded(payer wf.Address, spent *big.Int) *big.Int {
	return p.book.unrecorded(payer, spent)
}

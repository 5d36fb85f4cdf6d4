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

// CreditPayments is a wf.Payments that spends a caller's trial credits
// (chain.Credits: granted by this provider, usable only with it) before
// its own allowance, which Next charges. The caller is identified as the
// meter identifies it, by a voucher header its session key signed for
// this very request; a header that does not prove a payer goes to Next,
// which explains what is wrong. A request served on credits has no
// receipt (nothing was paid: it cannot entitle a rating).
//
// What it spent is recorded on chain by Flush (the tokens go to the
// Credits contract's sink, not to the provider). Sequence numbers used
// on credits are remembered in memory only: a restart forgets them, and
// a copied header could then be charged once through Next.
type CreditPayments struct {
	next     wf.Payments
	credits  *chain.Credits
	provider wf.Address
	chainID  *big.Int
	escrow   wf.Address
	now      func() time.Time

	mu       sync.Mutex
	used     map[wf.Address]*big.Int // spent here, not yet recorded on chain
	reserved map[wf.Address]*big.Int
	seen     map[[32]byte]map[uint64]bool // session -> sequence numbers served on credits
}

var _ wf.Payments = (*CreditPayments)(nil)

// NewCreditPayments spends credits granted by provider in credits (called
// as the provider, for Flush) before next; vouchers must name chainID and
// escrow, as next's do.
func NewCreditPayments(next wf.Payments, credits *chain.Credits, provider wf.Address, chainID *big.Int, escrow wf.Address, now func() time.Time) *CreditPayments {
	if now == nil {
		now = time.Now
	}
	return &CreditPayments{next: next, credits: credits, provider: provider, chainID: chainID, escrow: escrow, now: now,
		used: map[wf.Address]*big.Int{}, reserved: map[wf.Address]*big.Int{}, seen: map[[32]byte]map[uint64]bool{}}
}

// Price implements wf.Payments.
func (p *CreditPayments) Price() wf.Amount { return p.next.Price() }

// payer is the payer a voucher header proves for r, if it does.
func (p *CreditPayments) payer(r *wf.PaidRequest) (voucher.Header, bool) {
	values := http.Header(r.Header).Values(wf.VoucherHeader)
	if len(values) != 1 {
		return voucher.Header{}, false
	}
	h, err := voucher.Decode(values[0])
	if err != nil {
		return h, false
	}
	v := h.Voucher
	if v.Provider != p.provider || p.chainID.Cmp(new(big.Int).SetUint64(v.ChainID)) != 0 || v.Escrow != p.escrow || v.Expiry <= p.now().Unix() {
		return h, false
	}
	rq := voucher.Request{Provider: p.provider, Payer: v.Payer, Function: r.Function, Method: r.Method, Path: r.Path, RawQuery: r.RawQuery,
		BodyHash: voucher.BodyHash(r.Body), Seq: h.Seq}
	if !voucher.Verify(v.Session, rq, h.RequestSig) {
		return h, false
	}
	sv := chain.SignedVoucher{Voucher: chain.FromMessage(v), Signature: h.Signature}
	return h, chain.VerifyVoucher(p.chainID, p.escrow, sv) == nil
}

func get(m map[wf.Address]*big.Int, a wf.Address) *big.Int {
	x := m[a]
	if x == nil {
		x = new(big.Int)
		m[a] = x
	}
	return x
}

// Authorize implements wf.Payments: credits first, then Next.
func (p *CreditPayments) Authorize(ctx context.Context, r *wf.PaidRequest) (wf.Charge, error) {
	h, ok := p.payer(r)
	if !ok {
		return p.next.Authorize(ctx, r)
	}
	payer, session := h.Voucher.Payer, h.Voucher.Session
	left, _, err := p.credits.Of(ctx, p.provider, payer)
	if err != nil {
		return nil, fmt.Errorf("%w: credits: %v", wf.ErrUnavailable, err)
	}
	price := p.Price().Big()
	p.mu.Lock()
	if p.seen[session][h.Seq] {
		p.mu.Unlock()
		return nil, wf.E(wf.ErrPaymentRequired, fmt.Sprintf("sequence number %d of this session was already used", h.Seq), nil)
	}
	avail := new(big.Int).Sub(left, get(p.used, payer))
	avail.Sub(avail, get(p.reserved, payer))
	if avail.Cmp(price) < 0 || price.Sign() == 0 {
		p.mu.Unlock()
		return p.next.Authorize(ctx, r)
	}
	get(p.reserved, payer).Add(p.reserved[payer], price)
	if p.seen[session] == nil {
		p.seen[session] = map[uint64]bool{}
	}
	p.seen[session][h.Seq] = true
	p.mu.Unlock()
	return &creditCharge{p: p, payer: payer, price: price, left: avail.Sub(avail, price)}, nil
}

type creditCharge struct {
	p     *CreditPayments
	payer wf.Address
	price *big.Int
	left  *big.Int
	once  sync.Once
}

func (c *creditCharge) Commit(ctx context.Context, id wf.RequestID) (map[string][]string, error) {
	err := errors.New("credits: charge already committed or released")
	var h map[string][]string
	c.once.Do(func() {
		c.p.mu.Lock()
		c.p.reserved[c.payer].Sub(c.p.reserved[c.payer], c.price)
		get(c.p.used, c.payer).Add(c.p.used[c.payer], c.price)
		c.p.mu.Unlock()
		h, err = http.Header{http.CanonicalHeaderKey(CreditsHeader): {c.left.String()}}, nil
	})
	return h, err
}

func (c *creditCharge) Release() {
	c.once.Do(func() {
		c.p.mu.Lock()
		c.p.reserved[c.payer].Sub(c.p.reserved[c.payer], c.price)
		c.p.mu.Unlock()
	})
}

// Flush records on chain what each user spent since the last Flush.
func (p *CreditPayments) Flush(ctx context.Context) error {
	p.mu.Lock()
	todo := map[wf.Address]*big.Int{}
	for u, n := range p.used {
		if n.Sign() > 0 {
			todo[u] = new(big.Int).Set(n)
		}
	}
	p.mu.Unlock()
	var errs []error
	for u, n := range todo {
		if _, err := p.credits.Spend(ctx, u, n); err != nil {
			errs = append(errs, err)
			continue
		}
		p.mu.Lock()
		p.used[u].Sub(p.used[u], n)
		p.mu.Unlock()
	}
	return errors.Join(errs...)
}

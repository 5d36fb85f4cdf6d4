package minarail

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// A Sponsorship is owner-pays in MINA: the payer of Channel says that the
// channel pays for the requests to functions of Owner (the functions'
// signed owner, an EVM address) that carry no payment (neither an
// X-WF-Mina-Voucher nor an X-WF-Voucher), from Issued until Expires. The
// provider charges them to the channel and settles with the zkApp's
// settle, which it signs itself, within the price cap per request and the
// budget the payer set when opening the channel (as Escrow.settle within
// an owner's approval). Only the channel's payer can sign one: the money
// is theirs; the owner loses nothing by being paid for.
//
// With Revoke set it is a revocation: the channel no longer pays for the
// owner (Expires is zero). Of the statements about one channel and owner
// the provider keeps the most recently issued: a newer one replaces an
// older one, and an older one sent again is refused.
type Sponsorship struct {
	Network   mina.Network
	Channel   *mina.PublicKey
	Payer     *mina.PublicKey
	Owner     wf.Address
	Issued    time.Time // to the millisecond
	Expires   time.Time // at most MaxSponsorshipAge after Issued; zero for a revocation
	Revoke    bool
	Signature mina.Signature
}

// MaxSponsorshipAge bounds a sponsorship's life (Expires - Issued), and so
// how long a provider keeps the newest statement about a channel and an
// owner to refuse older ones: every sponsorship issued before it has
// expired by then.
const MaxSponsorshipAge = 366 * 24 * time.Hour

// maxSkew is how far ahead of the provider's clock a statement may be
// issued.
const maxSkew = 10 * time.Minute

// The tags are the little-endian integers of their strings. Version 1
// ("wf-mina-sponsor-v1": network, channel and owner only) never expired,
// so anyone could send an old one again; it is no longer taken.
var (
	sponsorTag = tagOf("wf-mina-sponsor-v2")
	revokeTag  = tagOf("wf-mina-unsponsor-v1")
)

func tagOf(s string) *big.Int {
	b := make([]byte, len(s))
	for i := range len(s) {
		b[len(s)-1-i] = s[i]
	}
	return new(big.Int).SetBytes(b)
}

// Fields are [tag, network, channel.x, channel.isOdd, owner, issued,
// expires] (times in Unix milliseconds; a revocation's tag and no
// expires), signed by the payer with the network's own prefix (checked
// off-chain).
func (s *Sponsorship) Fields() []*big.Int {
	var net, odd int64
	if s.Network == mina.Mainnet {
		net = 1
	}
	if s.Channel.IsOdd() {
		odd = 1
	}
	tag := sponsorTag
	if s.Revoke {
		tag = revokeTag
	}
	f := []*big.Int{tag, big.NewInt(net), s.Channel.X(), big.NewInt(odd), new(big.Int).SetBytes(s.Owner[:]), big.NewInt(s.Issued.UnixMilli())}
	if !s.Revoke {
		f = append(f, big.NewInt(s.Expires.UnixMilli()))
	}
	return f
}

// SignSponsorship makes a sponsorship of owner's functions by channel from
// issued (now) until expires, signed by its payer.
func SignSponsorship(payer *mina.PrivateKey, n mina.Network, channel *mina.PublicKey, owner wf.Address, issued, expires time.Time) (*Sponsorship, error) {
	s := &Sponsorship{Network: n, Channel: channel, Payer: payer.PublicKey(), Owner: owner,
		Issued: time.UnixMilli(issued.UnixMilli()), Expires: time.UnixMilli(expires.UnixMilli())}
	if err := s.check(); err != nil {
		return nil, err
	}
	var err error
	s.Signature, err = mina.Sign(payer, s.Fields(), n)
	return s, err
}

// SignRevocation makes a revocation, issued (now), of the sponsorships of
// owner's functions by channel issued before, signed by its payer.
func SignRevocation(payer *mina.PrivateKey, n mina.Network, channel *mina.PublicKey, owner wf.Address, issued time.Time) (*Sponsorship, error) {
	s := &Sponsorship{Network: n, Channel: channel, Payer: payer.PublicKey(), Owner: owner, Issued: time.UnixMilli(issued.UnixMilli()), Revoke: true}
	if err := s.check(); err != nil {
		return nil, err
	}
	var err error
	s.Signature, err = mina.Sign(payer, s.Fields(), n)
	return s, err
}

// check is what a statement must be, whoever reads it.
func (s *Sponsorship) check() error {
	switch {
	case s.Owner.IsZero():
		return fmt.Errorf("%w: mina sponsorship: no owner", wf.ErrInvalid)
	case s.Issued.UnixMilli() <= 0:
		return fmt.Errorf("%w: mina sponsorship: no issue time", wf.ErrInvalid)
	case s.Revoke && !s.Expires.IsZero():
		return fmt.Errorf("%w: mina sponsorship: a revocation has no expiry", wf.ErrInvalid)
	case !s.Revoke && !s.Expires.After(s.Issued):
		return fmt.Errorf("%w: mina sponsorship: expires before it is issued", wf.ErrInvalid)
	case !s.Revoke && s.Expires.Sub(s.Issued) > MaxSponsorshipAge:
		return fmt.Errorf("%w: mina sponsorship: lasts more than %v", wf.ErrInvalid, MaxSponsorshipAge)
	}
	return nil
}

type sponsorWire struct {
	V         int    `json:"v"`
	Network   string `json:"network"`
	Channel   string `json:"channel"`
	Payer     string `json:"payer"`
	Owner     string `json:"owner"`
	Issued    int64  `json:"issued"`            // Unix milliseconds
	Expires   int64  `json:"expires,omitempty"` // Unix milliseconds
	Revoke    bool   `json:"revoke,omitempty"`
	Signature string `json:"signature"`
}

// Encode is the sponsorship as unpadded base64url of its JSON.
func (s *Sponsorship) Encode() string {
	w := sponsorWire{V: 2, Network: s.Network.String(), Channel: s.Channel.Base58(), Payer: s.Payer.Base58(),
		Owner: s.Owner.String(), Issued: s.Issued.UnixMilli(), Revoke: s.Revoke, Signature: s.Signature.Base58()}
	if !s.Revoke {
		w.Expires = s.Expires.UnixMilli()
	}
	b, _ := json.Marshal(w)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeSponsorWire(enc string) (*sponsorWire, error) {
	if len(enc) > 2048 {
		return nil, fmt.Errorf("%w: mina sponsorship: too long", wf.ErrInvalid)
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(strings.TrimSpace(enc))
	if err != nil {
		return nil, fmt.Errorf("%w: mina sponsorship: not unpadded base64url", wf.ErrInvalid)
	}
	var w sponsorWire
	if err := wf.DecodeJSON(b, &w); err != nil {
		return nil, fmt.Errorf("%w: mina sponsorship: %v", wf.ErrInvalid, err)
	}
	return &w, nil
}

// ErrSponsorshipV1 is DecodeSponsorship's error for a version-1
// sponsorship (wf before sponsorships expired).
var ErrSponsorshipV1 = fmt.Errorf("%w: mina sponsorship: version 1 never expires and is no longer taken; sign a new one with this wf: wf mina sponsor", wf.ErrInvalid)

// DecodeSponsorship reads Encode's form (a sponsorship or a revocation)
// and checks the payer's signature; whether it has expired is the
// reader's to check.
func DecodeSponsorship(enc string) (*Sponsorship, error) {
	w, err := decodeSponsorWire(enc)
	if err != nil {
		return nil, err
	}
	if w.V == 1 {
		return nil, ErrSponsorshipV1
	}
	if w.V != 2 {
		return nil, fmt.Errorf("%w: mina sponsorship: version %d", wf.ErrInvalid, w.V)
	}
	s := &Sponsorship{Issued: time.UnixMilli(w.Issued), Revoke: w.Revoke}
	if w.Expires != 0 {
		s.Expires = time.UnixMilli(w.Expires)
	}
	var errs []error
	var e error
	s.Network, e = mina.ParseNetwork(w.Network)
	errs = append(errs, e)
	s.Channel, e = mina.ParsePublicKey(w.Channel)
	errs = append(errs, e)
	s.Payer, e = mina.ParsePublicKey(w.Payer)
	errs = append(errs, e)
	s.Owner, e = wf.ParseAddress(w.Owner)
	errs = append(errs, e)
	s.Signature, e = mina.ParseSignature(w.Signature)
	errs = append(errs, e)
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("%w: mina sponsorship: %v", wf.ErrInvalid, err)
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	if !mina.Verify(s.Payer, s.Fields(), s.Signature, s.Network) {
		return nil, fmt.Errorf("%w: mina sponsorship: not signed by payer %s", wf.ErrInvalid, s.Payer.Base58())
	}
	return s, nil
}

// payerOf is the payer of the sponsorship an owner-pays charge recorded
// (ledger.RailVoucher.Data), version 1 included: charges made before
// sponsorships expired are still settled. The zkApp checks the payer
// against the channel's parties.
func payerOf(data []byte) (*mina.PublicKey, error) {
	w, err := decodeSponsorWire(string(data))
	if err != nil {
		return nil, err
	}
	if w.V != 1 && w.V != 2 {
		return nil, fmt.Errorf("%w: mina sponsorship: version %d", wf.ErrInvalid, w.V)
	}
	p, err := mina.ParsePublicKey(w.Payer)
	if err != nil {
		return nil, fmt.Errorf("%w: mina sponsorship: %v", wf.ErrInvalid, err)
	}
	return p, nil
}

// OwnerKey is the ledger account of a channel's owner-pays charges: the
// channel's key with bit 1 of its last byte set, apart from its
// caller-pays account (ChannelKey), as the zkApp keeps redeemed and settled
// apart.
func OwnerKey(ch *mina.PublicKey) ledger.Key {
	k := WideKey(ch)
	k[32] |= 2
	return ledger.Key{Mode: ledger.Mina, Channel: k}
}

func isOwner(k ledger.WideKey) bool { return k[32]&2 != 0 }

// Sponsor checks s, a sponsorship or a revocation, and keeps it in
// Config.Sponsors across restarts. A sponsorship is checked against its
// channel (the PaymentChannel code, between its payer and this provider,
// on this network, with a budget and a price cap that cover this
// provider's price); until it expires the owner's requests that carry no
// payment are charged to it. A revocation is checked against the
// channel's parties only (a spent channel can still be revoked). Of the
// statements about one channel and owner the most recently issued is
// kept (for MaxSponsorshipAge): an older one is refused, the same one again
// changes nothing. An owner may have several sponsors (anyone may pay for
// an owner's calls): the MaxSponsors most recently issued are tried,
// skipping those out of budget, balance or time; when none can pay, the
// request goes on to Config.Next as if the owner had none.
func (r *Rail) Sponsor(ctx context.Context, s *Sponsorship) error {
	if s.Network != r.cfg.Network {
		return fmt.Errorf("%w: minarail: the sponsorship is for %s; this provider takes %s", wf.ErrInvalid, s.Network, r.cfg.Network)
	}
	now := r.cfg.Now()
	switch {
	case s.Issued.After(now.Add(maxSkew)):
		return fmt.Errorf("%w: minarail: the sponsorship is issued at %s, ahead of this provider's clock (%s)", wf.ErrInvalid,
			s.Issued.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	case !s.Revoke && !now.Before(s.Expires):
		return fmt.Errorf("%w: minarail: the sponsorship expired at %s", wf.ErrInvalid, s.Expires.UTC().Format(time.RFC3339))
	case s.Revoke && now.Sub(s.Issued) > MaxSponsorshipAge:
		return nil // every sponsorship issued before it has expired
	}
	r.mu.Lock()
	done, err := r.supersede(s, now)
	r.mu.Unlock()
	if done || err != nil {
		return err
	}
	// Anyone may send one (with a key of their own): a few at a time,
	// each a read of the channel through the settler.
	select {
	case r.sponsorSem <- struct{}{}:
		defer func() { <-r.sponsorSem }()
	default:
		return fmt.Errorf("%w: minarail: sponsorships are being checked; try again", wf.ErrUnavailable)
	}
	st, err := r.state(ctx, s.Channel, true)
	if err != nil {
		return fmt.Errorf("minarail: sponsorship: channel %s: %w", s.Channel.Base58(), err)
	}
	if s.Revoke {
		if _, err := r.parties(s, st); err != nil {
			return err
		}
	} else {
		if _, _, err := r.ownerTerms(s, st); err != nil {
			return err
		}
		if b, err := strconv.ParseUint(st.Balance, 10, 64); err != nil || b < r.cfg.Price {
			return r.checker.Refuse("over_balance", "channel "+s.Channel.Base58()+" holds less than one request's price",
				"top up the channel: wf mina channel topup "+s.Channel.Base58()+" <MINA>")
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if done, err := r.supersede(s, now); done || err != nil { // again: another may have come meanwhile
		return err
	}
	r.prune(now)
	// Bounded: a channel names at most MaxSponsored owners (one channel
	// cannot fill the table), the table MaxSponsorships in all.
	k := pairOf(s)
	owners := 0
	for x := range r.statements {
		if x.channel == k.channel && x.owner != s.Owner {
			owners++
		}
	}
	if owners >= MaxSponsored {
		return fmt.Errorf("%w: minarail: channel %s already names %d owners, the most one channel may (revocations count for a year after they were issued)",
			wf.ErrInvalid, s.Channel.Base58(), MaxSponsored)
	}
	if _, ok := r.statements[k]; !ok && len(r.statements) >= MaxSponsorships {
		return fmt.Errorf("%w: minarail: this provider holds %d sponsorships, the most it keeps", wf.ErrUnavailable, MaxSponsorships)
	}
	r.statements[k] = s
	r.index(s, now)
	err = r.saveSponsors()
	if s.Revoke {
		r.log.Info("owner-pays in MINA revoked", "owner", s.Owner.Checksum(), "channel", s.Channel.Base58(), "payer", s.Payer.Base58())
	} else {
		r.log.Info("owner-pays in MINA", "owner", s.Owner.Checksum(), "channel", s.Channel.Base58(), "payer", s.Payer.Base58(), "expires", s.Expires)
	}
	return err
}

// pair names the statements about one channel and owner.
type pair struct {
	channel ledger.WideKey
	owner   wf.Address
}

func pairOf(s *Sponsorship) pair { return pair{WideKey(s.Channel), s.Owner} }

// supersede compares s with the kept statement about its channel and
// owner: done when it is the same one (indexed again, as it is kept), an
// error when it is older or another issued at the same time. r.mu is
// held.
func (r *Rail) supersede(s *Sponsorship, now time.Time) (done bool, err error) {
	old := r.statements[pairOf(s)]
	switch {
	case old == nil || old.Issued.Before(s.Issued):
		return false, nil
	case old.Issued.Equal(s.Issued) && old.Revoke == s.Revoke && old.Expires.Equal(s.Expires):
		r.index(old, now)
		return true, nil
	}
	what := "sponsorship"
	if old.Revoke {
		what = "revocation"
	}
	return false, fmt.Errorf("%w: minarail: a %s of channel %s for owner %s issued at %s replaced this one, issued at %s: sign a new one (wf mina sponsor)",
		wf.ErrInvalid, what, s.Channel.Base58(), s.Owner.Checksum(), old.Issued.UTC().Format(time.RFC3339Nano), s.Issued.UTC().Format(time.RFC3339Nano))
}

// index puts s in its owner's list of sponsors in place of its channel's
// previous one (a revocation only removes that), most recently issued
// first, and drops the expired. r.mu is held.
func (r *Rail) index(s *Sponsorship, now time.Time) {
	var list []*Sponsorship
	for _, o := range r.sponsors[s.Owner] {
		if !o.Channel.Equal(s.Channel) && now.Before(o.Expires) {
			list = append(list, o)
		}
	}
	if !s.Revoke {
		list = append(list, s)
	}
	slices.SortStableFunc(list, func(a, b *Sponsorship) int { return b.Issued.Compare(a.Issued) })
	if len(list) == 0 {
		delete(r.sponsors, s.Owner)
		return
	}
	r.sponsors[s.Owner] = list
}

// prune forgets the statements issued more than MaxSponsorshipAge ago
// (every sponsorship issued before them has expired) and the expired
// sponsorships. r.mu is held.
func (r *Rail) prune(now time.Time) {
	for k, s := range r.statements {
		if now.Sub(s.Issued) > MaxSponsorshipAge {
			delete(r.statements, k)
		}
	}
	for o, list := range r.sponsors {
		list = slices.DeleteFunc(list, func(s *Sponsorship) bool { return !now.Before(s.Expires) })
		if len(list) == 0 {
			delete(r.sponsors, o)
		} else {
			r.sponsors[o] = list
		}
	}
}

// parties checks that s's channel is a PaymentChannel between its payer
// and this provider on this network.
func (r *Rail) parties(s *Sponsorship, st *settler.State) (*minapay.Channel, error) {
	fix := "open a channel to this provider with a budget: wf mina channel open --provider " + r.pub.Base58() + " --budget N --price-cap N, then wf mina sponsor"
	mc, err := st.MinapayChannel()
	if err != nil {
		return nil, r.checker.Refuse("wrong_channel", err.Error(), fix)
	}
	if mc.Network != r.cfg.Network || mc.Parties != mina.PartiesHash(s.Payer, r.pub).String() {
		return nil, r.checker.Refuse("wrong_channel", "channel "+s.Channel.Base58()+" is not between payer "+s.Payer.Base58()+" and this provider on "+r.cfg.Network.String(), fix)
	}
	return mc, nil
}

// ownerTerms checks a sponsorship's channel and returns its budget and
// price cap; refusals are payment errors naming what to fix.
func (r *Rail) ownerTerms(s *Sponsorship, st *settler.State) (*struct{ budget, priceCap, settled, settledCount uint64 }, *mina.PublicKey, error) {
	fix := "open a channel to this provider with a budget: wf mina channel open --provider " + r.pub.Base58() + " --budget N --price-cap N, then wf mina sponsor"
	if _, err := r.parties(s, st); err != nil {
		return nil, nil, err
	}
	var t struct{ budget, priceCap, settled, settledCount uint64 }
	var errs []error
	for _, f := range []struct {
		s string
		v *uint64
	}{{st.Budget, &t.budget}, {st.PriceCap, &t.priceCap}, {st.Settled, &t.settled}, {st.SettledCount, &t.settledCount}} {
		var e error
		*f.v, e = strconv.ParseUint(f.s, 10, 64)
		errs = append(errs, e)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, fmt.Errorf("minarail: channel %s: %w", s.Channel.Base58(), err)
	}
	if t.priceCap < r.cfg.Price {
		return nil, nil, r.checker.Refuse("over_price_cap", fmt.Sprintf("channel %s pays at most %d nanomina per request; this provider charges %d", s.Channel.Base58(), t.priceCap, r.cfg.Price), fix)
	}
	if t.budget <= t.settled {
		return nil, nil, r.checker.Refuse("over_budget", fmt.Sprintf("channel %s has no owner-pays budget left (%d of %d settled)", s.Channel.Base58(), t.settled, t.budget), fix)
	}
	return &t, s.Channel, nil
}

// Bounds of the sponsorships a rail keeps: tried per owner (the most
// recently issued), owners named per channel and statements in all
// (refused beyond).
const (
	MaxSponsors      = 16
	MaxSponsored     = 64
	MaxSponsorships  = 1 << 16
	sponsorsChecking = 4 // sponsorships checked at once
)

// authorizeSponsored charges a request without a voucher to the first of
// its owner's sponsoring channels that can pay. ok is false when none can
// (the owner has none, or each refused with a payment error): the request
// goes on to the next payment method as if there were no sponsorship, so
// a spent sponsorship, which anyone can make for any owner, never stands
// in the way of the owner's allowance.
func (r *Rail) authorizeSponsored(ctx context.Context, pr *wf.PaidRequest) (c wf.Charge, ok bool, err error) {
	r.mu.Lock()
	list := r.sponsors[pr.Owner]
	r.mu.Unlock()
	now, tried := r.cfg.Now(), 0
	for _, s := range list {
		if !now.Before(s.Expires) {
			continue
		}
		if tried++; tried > MaxSponsors {
			break
		}
		c, err = r.authorizeOwner(ctx, pr, s)
		if err == nil || !errors.Is(err, wf.ErrPaymentRequired) {
			return c, true, err
		}
		r.log.Debug("owner-pays in MINA: sponsor refused", "owner", pr.Owner.Checksum(), "channel", s.Channel.Base58(), "err", err)
	}
	return nil, false, nil
}

// authorizeOwner charges a request without a voucher to its owner's
// sponsoring channel.
func (r *Rail) authorizeOwner(ctx context.Context, pr *wf.PaidRequest, s *Sponsorship) (wf.Charge, error) {
	ch := s.Channel
	st, err := r.state(ctx, ch, false)
	if err != nil {
		if errors.Is(err, wf.ErrNotFound) {
			return nil, r.checker.Refuse("unknown_channel", "the owner's channel "+ch.Base58()+" is not a channel this provider can read",
				"the owner opens a channel: wf mina channel open --provider "+r.pub.Base58()+" --budget N, then wf mina sponsor")
		}
		return nil, fmt.Errorf("minarail: channel %s: %w", ch.Base58(), err)
	}
	t, _, err := r.ownerTerms(s, st)
	if err != nil {
		return nil, err
	}
	mc, _ := st.MinapayChannel()
	if uint64(mc.Slot)+uint64(r.cfg.MinSlots) >= uint64(mc.ExpirySlot) {
		return nil, r.checker.Refuse("channel_expiring", fmt.Sprintf("the owner's channel expires at slot %d; now %d, this provider needs %d slots to settle", mc.ExpirySlot, mc.Slot, r.cfg.MinSlots),
			"the owner opens a new channel: wf mina channel open --provider "+r.pub.Base58()+" --budget N, then wf mina sponsor")
	}
	key := OwnerKey(ch)
	if acct := r.cfg.Ledger.Account(key); acct.Charged.IsZero() && t.settled > 0 {
		// Settled before this ledger knew the channel: cumulative
		// amounts and counts continue from there.
		if err := r.cfg.Ledger.OpenAccount(key, ledger.Totals{Count: t.settledCount, Amount: new(big.Int).SetUint64(t.settled)}); err != nil {
			return nil, fmt.Errorf("minarail: %w", err)
		}
	}
	// What callers' vouchers are owed and not yet redeemed comes out of
	// the same balance.
	callerOwed := uint64(0)
	if c := charged(r.cfg.Ledger.Account(ChannelKey(ch))); c > mc.Redeemed {
		callerOwed = c - mc.Redeemed
	}
	price := new(big.Int).SetUint64(r.cfg.Price)
	err = r.cfg.Ledger.Reserve(key, price, func(a ledger.Account, reserved *big.Int) error {
		total := new(big.Int).Add(amt(a.Charged.Amount), reserved)
		total.Add(total, price)
		if !total.IsUint64() || total.Uint64() > t.budget {
			return r.checker.Refuse("over_budget", fmt.Sprintf("the owner's channel %s pays at most %d nanomina in all; %s would be owed", ch.Base58(), t.budget, total),
				"the owner opens a channel with a larger budget: wf mina channel open --budget N, then wf mina sponsor")
		}
		if total.Uint64()-t.settled+callerOwed > mc.Balance {
			return r.checker.Refuse("over_balance", fmt.Sprintf("the owner's channel holds %d nanomina", mc.Balance),
				"top up the channel: wf mina channel topup "+ch.Base58()+" <MINA>")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &charge{r: r, key: key, channel: ch, fn: pr.Function, price: price,
		rail: &ledger.RailVoucher{Ceiling: new(big.Int).SetUint64(t.budget), Data: []byte(s.Encode())}}, nil
}

// buildSettle signs and builds the settle transaction of owner-pays batch
// b: up to b.UpTo over the account's settled count plus b.Count requests.
func (r *Rail) buildSettle(ctx context.Context, ch *mina.PublicKey, b *ledger.Batch) (*settler.Tx, error) {
	payer, err := payerOf(b.Rail.Data)
	if err != nil {
		return nil, err
	}
	count := r.cfg.Ledger.Account(b.Key()).Settled.Count + b.Count
	sig, err := mina.SignSettle(r.cfg.Key, r.cfg.Network, ch, b.UpTo.Uint64(), count)
	if err != nil {
		return nil, err
	}
	return r.cfg.Settler.Settle(ctx, settler.Settle{Channel: ch, Payer: payer, Provider: r.pub, Amount: b.UpTo.Uint64(), Count: count, Signature: sig})
}

// sponsorsFile is Config.Sponsors: the kept statements, one per channel
// and owner. Version 1 was a list of version-1 sponsorships.
type sponsorsFile struct {
	V          int      `json:"v"`
	Statements []string `json:"statements"`
}

// loadSponsors reads Config.Sponsors. A version-1 file is dropped (with a
// warning): its sponsorships never expire, and their payers sign new ones.
func (r *Rail) loadSponsors() error {
	if r.cfg.Sponsors == "" {
		return nil
	}
	b, err := os.ReadFile(r.cfg.Sponsors)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var old []string
	if json.Unmarshal(b, &old) == nil {
		r.log.Warn("owner-pays in MINA: dropped the version-1 sponsorships, which never expire; their payers sign new ones (wf mina sponsor)",
			"file", r.cfg.Sponsors, "dropped", len(old))
		return nil
	}
	var f sponsorsFile
	if err := wf.DecodeJSON(b, &f); err != nil {
		return fmt.Errorf("minarail: %s: %w", r.cfg.Sponsors, err)
	}
	if f.V != 2 {
		return fmt.Errorf("minarail: %s: version %d", r.cfg.Sponsors, f.V)
	}
	now := r.cfg.Now()
	for _, enc := range f.Statements {
		s, err := DecodeSponsorship(enc)
		if err != nil {
			return fmt.Errorf("minarail: %s: %w", r.cfg.Sponsors, err)
		}
		if now.Sub(s.Issued) > MaxSponsorshipAge {
			continue
		}
		r.statements[pairOf(s)] = s
		if !s.Revoke && now.Before(s.Expires) {
			r.index(s, now)
		}
	}
	return nil
}

// saveSponsors writes Config.Sponsors (fsync, then rename); r.mu is held.
func (r *Rail) saveSponsors() error {
	if r.cfg.Sponsors == "" {
		return nil
	}
	f := sponsorsFile{V: 2, Statements: []string{}}
	for _, s := range r.statements {
		f.Statements = append(f.Statements, s.Encode())
	}
	slices.Sort(f.Statements)
	b, _ := json.Marshal(f)
	tmp := r.cfg.Sponsors + ".tmp"
	file, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = file.Write(b)
	if err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp, r.cfg.Sponsors)
}

// SponsorPath is where a provider takes sponsorships (POST, the encoded
// sponsorship as the body).
const SponsorPath = "/v1/mina/sponsors"

// SponsorHandler serves POST SponsorPath: anyone may send one (it is
// signed by the channel's payer, who alone spends from it).
func (r *Rail) SponsorHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost {
			httperr.Write(w, r.log, fmt.Errorf("%w: POST a sponsorship (wf mina sponsor)", wf.ErrInvalid))
			return
		}
		b, err := io.ReadAll(io.LimitReader(req.Body, 4096))
		if err != nil {
			httperr.Write(w, r.log, fmt.Errorf("%w: %v", wf.ErrInvalid, err))
			return
		}
		s, err := DecodeSponsorship(string(b))
		if err == nil {
			err = r.Sponsor(req.Context(), s)
		}
		if err != nil {
			httperr.Write(w, r.log, err)
			return
		}
		out := map[string]any{"owner": s.Owner.Checksum(), "channel": s.Channel.Base58()}
		if s.Revoke {
			out["revoked"] = true
		} else {
			out["expires"] = s.Expires.UTC().Format(time.RFC3339)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	})
}

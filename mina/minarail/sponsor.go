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
	"strconv"
	"strings"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// A Sponsorship is owner-pays in MINA: the payer of Channel says that the
// channel pays for the requests to functions of Owner (the functions'
// signed owner, an EVM address) that carry no payment (neither an
// X-WF-Mina-Voucher nor an X-WF-Voucher). The provider
// charges them to the channel and settles with the zkApp's settle, which
// it signs itself, within the price cap per request and the budget the
// payer set when opening the channel (as Escrow.settle within an owner's
// approval). Only the channel's payer can sign one: the money is theirs;
// the owner loses nothing by being paid for.
type Sponsorship struct {
	Network   mina.Network
	Channel   *mina.PublicKey
	Payer     *mina.PublicKey
	Owner     wf.Address
	Signature mina.Signature
}

// sponsorTag is the little-endian integer of "wf-mina-sponsor-v1".
var sponsorTag = tagOf("wf-mina-sponsor-v1")

func tagOf(s string) *big.Int {
	b := make([]byte, len(s))
	for i := range len(s) {
		b[len(s)-1-i] = s[i]
	}
	return new(big.Int).SetBytes(b)
}

// Fields are [tag, network, channel.x, channel.isOdd, owner], signed by the
// payer with the network's own prefix (checked off-chain).
func (s *Sponsorship) Fields() []*big.Int {
	var net, odd int64
	if s.Network == mina.Mainnet {
		net = 1
	}
	if s.Channel.IsOdd() {
		odd = 1
	}
	return []*big.Int{sponsorTag, big.NewInt(net), s.Channel.X(), big.NewInt(odd), new(big.Int).SetBytes(s.Owner[:])}
}

// SignSponsorship makes a sponsorship of owner's functions by channel,
// signed by its payer.
func SignSponsorship(payer *mina.PrivateKey, n mina.Network, channel *mina.PublicKey, owner wf.Address) (*Sponsorship, error) {
	s := &Sponsorship{Network: n, Channel: channel, Payer: payer.PublicKey(), Owner: owner}
	var err error
	s.Signature, err = mina.Sign(payer, s.Fields(), n)
	return s, err
}

type sponsorWire struct {
	V         int    `json:"v"`
	Network   string `json:"network"`
	Channel   string `json:"channel"`
	Payer     string `json:"payer"`
	Owner     string `json:"owner"`
	Signature string `json:"signature"`
}

// Encode is the sponsorship as unpadded base64url of its JSON.
func (s *Sponsorship) Encode() string {
	b, _ := json.Marshal(sponsorWire{V: 1, Network: s.Network.String(), Channel: s.Channel.Base58(), Payer: s.Payer.Base58(),
		Owner: s.Owner.String(), Signature: s.Signature.Base58()})
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeSponsorship reads Encode's form and checks the payer's signature.
func DecodeSponsorship(enc string) (*Sponsorship, error) {
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
	if w.V != 1 {
		return nil, fmt.Errorf("%w: mina sponsorship: version %d", wf.ErrInvalid, w.V)
	}
	s := &Sponsorship{}
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
	if s.Owner.IsZero() {
		return nil, fmt.Errorf("%w: mina sponsorship: no owner", wf.ErrInvalid)
	}
	if !mina.Verify(s.Payer, s.Fields(), s.Signature, s.Network) {
		return nil, fmt.Errorf("%w: mina sponsorship: not signed by payer %s", wf.ErrInvalid, s.Payer.Base58())
	}
	return s, nil
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

// Sponsor checks s against its channel (the PaymentChannel code, between
// its payer and this provider, on this network, with a budget and a price
// cap that cover this provider's price) and, from then on, charges the
// owner's requests that carry no payment to it. It is kept in
// Config.Sponsors across restarts. An owner may have several (anyone may
// pay for an owner's calls): they are tried most recent first, skipping
// those out of budget, balance or time, up to MaxSponsors per owner, the
// oldest dropped beyond. When none can pay, the request goes on to
// Config.Next as if the owner had none.
func (r *Rail) Sponsor(ctx context.Context, s *Sponsorship) error {
	if s.Network != r.cfg.Network {
		return fmt.Errorf("%w: minarail: the sponsorship is for %s; this provider takes %s", wf.ErrInvalid, s.Network, r.cfg.Network)
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
	if _, _, err := r.ownerTerms(s, st); err != nil {
		return err
	}
	if b, err := strconv.ParseUint(st.Balance, 10, 64); err != nil || b < r.cfg.Price {
		return r.checker.Refuse("over_balance", "channel "+s.Channel.Base58()+" holds less than one request's price",
			"top up the channel: wf mina channel topup "+s.Channel.Base58()+" <MINA>")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	// Bounded: a channel sponsors at most MaxSponsored owners (one channel
	// cannot fill the table), the table MaxSponsorships in all.
	owners, total := 0, 0
	for o, ss := range r.sponsors {
		for _, x := range ss {
			total++
			if x.Channel.Equal(s.Channel) && o != s.Owner {
				owners++
			}
		}
	}
	if owners >= MaxSponsored {
		return fmt.Errorf("%w: minarail: channel %s already sponsors %d owners, the most one channel may", wf.ErrInvalid, s.Channel.Base58(), MaxSponsored)
	}
	if total >= MaxSponsorships {
		return fmt.Errorf("%w: minarail: this provider holds %d sponsorships, the most it keeps", wf.ErrUnavailable, MaxSponsorships)
	}
	list := []*Sponsorship{s}
	for _, o := range r.sponsors[s.Owner] {
		if !o.Channel.Equal(s.Channel) && len(list) < MaxSponsors {
			list = append(list, o)
		}
	}
	r.sponsors[s.Owner] = list
	err = r.saveSponsors()
	r.log.Info("owner-pays in MINA", "owner", s.Owner.Checksum(), "channel", s.Channel.Base58(), "payer", s.Payer.Base58())
	return err
}

// ownerTerms checks a sponsorship's channel and returns its budget and
// price cap; refusals are payment errors naming what to fix.
func (r *Rail) ownerTerms(s *Sponsorship, st *settler.State) (*struct{ budget, priceCap, settled, settledCount uint64 }, *mina.PublicKey, error) {
	fix := "open a channel to this provider with a budget: wf mina channel open --provider " + r.pub.Base58() + " --budget N --price-cap N, then wf mina sponsor"
	mc, err := st.MinapayChannel()
	if err != nil {
		return nil, nil, r.checker.Refuse("wrong_channel", err.Error(), fix)
	}
	if mc.Network != r.cfg.Network || mc.Parties != mina.PartiesHash(s.Payer, r.pub).String() {
		return nil, nil, r.checker.Refuse("wrong_channel", "channel "+s.Channel.Base58()+" is not between payer "+s.Payer.Base58()+" and this provider on "+r.cfg.Network.String(), fix)
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

// Bounds of the sponsorships a rail keeps: per owner (the oldest dropped
// beyond), owners per channel and in all (refused beyond).
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
	for _, s := range list {
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
	s, err := DecodeSponsorship(string(b.Rail.Data))
	if err != nil {
		return nil, err
	}
	count := r.cfg.Ledger.Account(b.Key()).Settled.Count + b.Count
	sig, err := mina.SignSettle(r.cfg.Key, r.cfg.Network, ch, b.UpTo.Uint64(), count)
	if err != nil {
		return nil, err
	}
	return r.cfg.Settler.Settle(ctx, settler.Settle{Channel: ch, Payer: s.Payer, Provider: r.pub, Amount: b.UpTo.Uint64(), Count: count, Signature: sig})
}

// loadSponsors reads Config.Sponsors.
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
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("minarail: %s: %w", r.cfg.Sponsors, err)
	}
	for _, enc := range list {
		s, err := DecodeSponsorship(enc)
		if err != nil {
			return fmt.Errorf("minarail: %s: %w", r.cfg.Sponsors, err)
		}
		r.sponsors[s.Owner] = append(r.sponsors[s.Owner], s)
	}
	return nil
}

// saveSponsors writes Config.Sponsors (fsync, then rename); r.mu is held.
func (r *Rail) saveSponsors() error {
	if r.cfg.Sponsors == "" {
		return nil
	}
	var list []string
	for _, ss := range r.sponsors {
		for _, s := range ss { // most recent first, as loadSponsors reads them
			list = append(list, s.Encode())
		}
	}
	b, _ := json.Marshal(list)
	tmp := r.cfg.Sponsors + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
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
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"owner": s.Owner.Checksum(), "channel": s.Channel.Base58()})
	})
}

package minarail_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// A sponsorship and a revocation round-trip, and are refused when
// anything they sign is changed, on the other network, malformed, or of
// version 1 (which never expired).
func TestSponsorship(t *testing.T) {
	payer, other, channel := newKey(t), newKey(t), newKey(t).PublicKey()
	owner := wf.Address{1, 2, 3}
	issued := time.UnixMilli(1_800_000_000_123)
	s, err := minarail.SignSponsorship(payer, mina.Testnet, channel, owner, issued, issued.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	got, err := minarail.DecodeSponsorship(s.Encode())
	if err != nil || got.Owner != owner || !got.Channel.Equal(channel) || !got.Payer.Equal(payer.PublicKey()) || got.Network != mina.Testnet ||
		!got.Issued.Equal(issued) || !got.Expires.Equal(issued.Add(time.Hour)) || got.Revoke {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	rv, err := minarail.SignRevocation(payer, mina.Testnet, channel, owner, issued)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := minarail.DecodeSponsorship(rv.Encode()); err != nil || !got.Revoke || !got.Expires.IsZero() || !got.Issued.Equal(issued) {
		t.Fatalf("revocation round trip: %+v %v", got, err)
	}
	if _, err := minarail.SignSponsorship(payer, mina.Testnet, channel, owner, issued, issued.Add(minarail.MaxSponsorshipAge+time.Millisecond)); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("a sponsorship longer than %v: %v", minarail.MaxSponsorshipAge, err)
	}
	editOf := func(enc string, f func(m map[string]any)) string {
		b, _ := base64.RawURLEncoding.DecodeString(enc)
		var m map[string]any
		json.Unmarshal(b, &m)
		f(m)
		b, _ = json.Marshal(m)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	edit := func(f func(m map[string]any)) string { return editOf(s.Encode(), f) }
	for name, enc := range map[string]string{
		"another owner":       edit(func(m map[string]any) { m["owner"] = wf.Address{9}.String() }),
		"another channel":     edit(func(m map[string]any) { m["channel"] = other.PublicKey().Base58() }),
		"another payer":       edit(func(m map[string]any) { m["payer"] = other.PublicKey().Base58() }),
		"mainnet":             edit(func(m map[string]any) { m["network"] = "mainnet" }),
		"zero owner":          edit(func(m map[string]any) { m["owner"] = wf.Address{}.String() }),
		"unknown field":       edit(func(m map[string]any) { m["x"] = 1 }),
		"version":             edit(func(m map[string]any) { m["v"] = 3 }),
		"issued earlier":      edit(func(m map[string]any) { m["issued"] = issued.UnixMilli() - 1 }),
		"expires later":       edit(func(m map[string]any) { m["expires"] = issued.Add(2 * time.Hour).UnixMilli() }),
		"no expiry":           edit(func(m map[string]any) { delete(m, "expires") }),
		"made revocation":     edit(func(m map[string]any) { m["revoke"] = true; delete(m, "expires") }),
		"revocation later":    editOf(rv.Encode(), func(m map[string]any) { m["issued"] = issued.UnixMilli() + 1 }),
		"revocation expiring": editOf(rv.Encode(), func(m map[string]any) { m["expires"] = issued.Add(time.Hour).UnixMilli() }),
		"bad key":             edit(func(m map[string]any) { m["payer"] = "B62qnotakey" }),
		"padded":              s.Encode() + "=",
		"empty":               "",
	} {
		if _, err := minarail.DecodeSponsorship(enc); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
	v1 := edit(func(m map[string]any) { m["v"] = 1; delete(m, "issued"); delete(m, "expires") })
	if _, err := minarail.DecodeSponsorship(v1); !errors.Is(err, minarail.ErrSponsorshipV1) || !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("version 1: %v", err)
	}
}

func FuzzDecodeSponsorship(f *testing.F) {
	payer := newKey(f)
	now := time.Now()
	s, _ := minarail.SignSponsorship(payer, mina.Mainnet, payer.PublicKey(), wf.Address{7}, now, now.Add(time.Hour))
	f.Add(s.Encode())
	s, _ = minarail.SignRevocation(payer, mina.Mainnet, payer.PublicKey(), wf.Address{7}, now)
	f.Add(s.Encode())
	f.Add("")
	f.Add("e30")
	f.Fuzz(func(t *testing.T, enc string) {
		s, err := minarail.DecodeSponsorship(enc)
		if err != nil {
			return
		}
		again, err := minarail.DecodeSponsorship(s.Encode())
		if err != nil || again.Owner != s.Owner || !again.Channel.Equal(s.Channel) || !again.Issued.Equal(s.Issued) || !again.Expires.Equal(s.Expires) || again.Revoke != s.Revoke {
			t.Fatalf("re-encoded sponsorship: %v", err)
		}
	})
}

// The rail's sponsorships: bounded per channel (refused), kept across a
// restart, and the most recently issued pays first. The settler is a fake answering one state for every
// channel (the zkApp's own checks run in TestEndToEnd/owner_pays).
func TestSponsorLimits(t *testing.T) {
	payer, provider := newKey(t), newKey(t)
	st := settler.State{Address: newKey(t).PublicKey().Base58(), Parties: mina.PartiesHash(payer.PublicKey(), provider.PublicKey()).String(),
		PriceCap: "1000", Budget: "1000000", Redeemed: "0", Settled: "0", SettledCount: "0", Balance: "1000000", Expiry: 1_000_000, Code: true}
	dir := t.TempDir()
	open := func() (*minarail.Rail, *ledger.Ledger) {
		l, err := ledger.Open(filepath.Join(dir, "l.db"), ledger.Options{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		r, err := minarail.New(minarail.Config{Key: provider, Network: mina.Testnet, Price: 1000, Ledger: l, Settler: stateOnly{st},
			Sponsors: filepath.Join(dir, "sponsors.json")})
		if err != nil {
			t.Fatal(err)
		}
		return r, l
	}
	r, l := open()
	ctx := context.Background()
	issued := time.Now()
	sponsor := func(ch *mina.PublicKey, owner wf.Address) error {
		issued = issued.Add(time.Millisecond)
		s, err := minarail.SignSponsorship(payer, mina.Testnet, ch, owner, issued, issued.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		return r.Sponsor(ctx, s)
	}
	one := newKey(t).PublicKey()
	for i := range minarail.MaxSponsored {
		if err := sponsor(one, wf.Address{1, byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sponsor(one, wf.Address{2}); err == nil || !strings.Contains(err.Error(), "already names") {
		t.Fatalf("one channel past %d owners: %v", minarail.MaxSponsored, err)
	}
	if err := sponsor(one, wf.Address{1, 0}); err != nil {
		t.Fatalf("a newer sponsorship of an owner the channel sponsors: %v", err)
	}
	owner := wf.Address{3}
	var last *mina.PublicKey
	for range minarail.MaxSponsors + 4 {
		last = newKey(t).PublicKey()
		if err := sponsor(last, owner); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	r, l = open()
	defer l.Close()
	fn, _ := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	c, err := r.Authorize(ctx, &wf.PaidRequest{Function: fn, Owner: owner, Method: "GET", Path: "/"})
	if err != nil {
		t.Fatal(err)
	}
	h, err := c.Commit(ctx, wf.NewRequestID())
	if err != nil {
		t.Fatal(err)
	}
	if rc, err := minarail.DecodeReceipt(h["X-Wf-Mina-Receipt"][0]); err != nil || !rc.Channel.Equal(last) {
		t.Fatalf("after a restart the most recent sponsor pays: %+v %v", rc, err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "sponsors.json"))
	var kept struct{ Statements []string }
	json.Unmarshal(b, &kept)
	if len(kept.Statements) != minarail.MaxSponsored+minarail.MaxSponsors+4 {
		t.Fatalf("kept %d sponsorships, want %d", len(kept.Statements), minarail.MaxSponsored+minarail.MaxSponsors+4)
	}
}

// next is the wrapped Payments of the fall-through tests: it pays for
// everything and counts what it authorized.
type next struct{ n int }

func (p *next) Price() wf.Amount { return wf.NewAmount(big.NewInt(1)) }
func (p *next) Authorize(context.Context, *wf.PaidRequest) (wf.Charge, error) {
	p.n++
	return nextCharge{}, nil
}

type nextCharge struct{}

func (nextCharge) Commit(context.Context, wf.RequestID) (map[string][]string, error) { return nil, nil }
func (nextCharge) Release()                                                          {}

// A sponsorship pays only for requests that carry no payment: one with an
// X-WF-Voucher goes to the wrapped Payments (the EVM meter) and charges
// nothing to the channel. A spent sponsorship (a budget of one request)
// stands aside: the next request goes on to the wrapped Payments (the
// owner's allowance) as if there were none, and without them it gets the
// rail's plain payment_required.
func TestSponsorFallsThrough(t *testing.T) {
	payer, provider := newKey(t), newKey(t)
	st := settler.State{Address: newKey(t).PublicKey().Base58(), Parties: mina.PartiesHash(payer.PublicKey(), provider.PublicKey()).String(),
		PriceCap: "1000", Budget: "1000", Redeemed: "0", Settled: "0", SettledCount: "0", Balance: "1000000", Expiry: 1_000_000, Code: true}
	ctx := context.Background()
	fn, _ := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	owner := wf.Address{3}
	for _, tc := range []struct {
		name string
		next *next
	}{{"with next", &next{}}, {"alone", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ledger.Open(filepath.Join(t.TempDir(), "l.db"), ledger.Options{NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			cfg := minarail.Config{Key: provider, Network: mina.Testnet, Price: 1000, Ledger: l, Settler: stateOnly{st}}
			if tc.next != nil {
				cfg.Next = tc.next
			}
			r, err := minarail.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			ch := newKey(t).PublicKey()
			s, err := minarail.SignSponsorship(payer, mina.Testnet, ch, owner, time.Now(), time.Now().Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Sponsor(ctx, s); err != nil {
				t.Fatal(err)
			}
			call := func(h map[string][]string) (map[string][]string, error) {
				c, err := r.Authorize(ctx, &wf.PaidRequest{Function: fn, Owner: owner, Method: "GET", Path: "/", Header: h})
				if err != nil {
					return nil, err
				}
				return c.Commit(ctx, wf.NewRequestID())
			}
			charged := func() uint64 { return amtOf(l.Account(minarail.OwnerKey(ch))) }
			if tc.next != nil {
				if h, err := call(map[string][]string{"X-Wf-Voucher": {"anything"}}); err != nil || h != nil || tc.next.n != 1 || charged() != 0 {
					t.Fatalf("a request with X-WF-Voucher: %v %v, next %d, channel charged %d", h, err, tc.next.n, charged())
				}
			}
			if h, err := call(nil); err != nil || h["X-Wf-Mina-Receipt"] == nil || charged() != 1000 {
				t.Fatalf("the sponsored request: %v %v, channel charged %d", h, err, charged())
			}
			h, err := call(nil)
			if tc.next != nil {
				if err != nil || h != nil || tc.next.n != 2 {
					t.Fatalf("past the sponsorship's budget: %v %v, next %d", h, err, tc.next.n)
				}
			} else if reason(err) != "payment_required" {
				t.Fatalf("past the sponsorship's budget, no next: %v", err)
			}
			if charged() != 1000 {
				t.Fatalf("channel charged %d", charged())
			}
		})
	}
}

func amtOf(a ledger.Account) uint64 {
	if a.Charged.Amount == nil {
		return 0
	}
	return a.Charged.Amount.Uint64()
}

// A sponsorship pays until it expires; a newer one replaces an older one,
// which is then refused when sent again (before and after a restart);
// the payer's revocation ends it and cannot be undone by sending the
// revoked sponsorship again; a revocation not by the channel's payer is
// refused. Expired sponsorships and those issued ahead of the provider's
// clock are refused.
func TestSponsorExpiryReplayRevoke(t *testing.T) {
	payer, provider := newKey(t), newKey(t)
	st := settler.State{Address: newKey(t).PublicKey().Base58(), Parties: mina.PartiesHash(payer.PublicKey(), provider.PublicKey()).String(),
		PriceCap: "1000", Budget: "1000000", Redeemed: "0", Settled: "0", SettledCount: "0", Balance: "1000000", Expiry: 1_000_000, Code: true}
	ctx := context.Background()
	fn, _ := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	owner := wf.Address{3}
	ch := newKey(t).PublicKey()
	t0 := time.UnixMilli(1_800_000_000_000)
	now := t0
	dir := t.TempDir()
	nx := &next{}
	var l *ledger.Ledger
	open := func() *minarail.Rail {
		if l != nil {
			l.Close()
		}
		var err error
		if l, err = ledger.Open(filepath.Join(dir, "l.db"), ledger.Options{NoSync: true}); err != nil {
			t.Fatal(err)
		}
		r, err := minarail.New(minarail.Config{Next: nx, Key: provider, Network: mina.Testnet, Price: 1000, Ledger: l, Settler: stateOnly{st},
			Sponsors: filepath.Join(dir, "sponsors.json"), Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := open()
	defer func() { l.Close() }()
	sign := func(issued, expires time.Duration) *minarail.Sponsorship {
		s, err := minarail.SignSponsorship(payer, mina.Testnet, ch, owner, t0.Add(issued), t0.Add(expires))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// paid reports whether a request was charged to the channel (else
	// the wrapped Payments paid).
	paid := func() bool {
		t.Helper()
		before, n := amtOf(l.Account(minarail.OwnerKey(ch))), nx.n
		c, err := r.Authorize(ctx, &wf.PaidRequest{Function: fn, Owner: owner, Method: "GET", Path: "/"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Commit(ctx, wf.NewRequestID()); err != nil {
			t.Fatal(err)
		}
		switch after := amtOf(l.Account(minarail.OwnerKey(ch))); {
		case after == before+1000 && nx.n == n:
			return true
		case after == before && nx.n == n+1:
			return false
		default:
			t.Fatalf("charged %d then %d, next %d then %d", before, after, n, nx.n)
			return false
		}
	}
	for name, s := range map[string]*minarail.Sponsorship{
		"expired":          sign(-2*time.Hour, -time.Hour),
		"expiring now":     sign(-time.Hour, 0),
		"issued in future": sign(time.Hour, 2*time.Hour),
	} {
		if err := r.Sponsor(ctx, s); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}

	long, short := sign(0, time.Hour), sign(time.Millisecond, 10*time.Minute)
	if err := r.Sponsor(ctx, long); err != nil {
		t.Fatal(err)
	}
	if !paid() {
		t.Fatal("the sponsorship did not pay")
	}
	if err := r.Sponsor(ctx, short); err != nil {
		t.Fatal(err)
	}
	if err := r.Sponsor(ctx, short); err != nil {
		t.Fatalf("the same sponsorship again: %v", err)
	}
	if err := r.Sponsor(ctx, long); err == nil || !strings.Contains(err.Error(), "replaced") {
		t.Fatalf("the older sponsorship sent again: %v", err)
	}
	now = t0.Add(11 * time.Minute)
	if paid() {
		t.Fatal("paid past the newest sponsorship's expiry")
	}
	r = open()
	if err := r.Sponsor(ctx, long); err == nil || !strings.Contains(err.Error(), "replaced") {
		t.Fatalf("after a restart, the older sponsorship sent again: %v", err)
	}
	if paid() {
		t.Fatal("after a restart, paid past the newest sponsorship's expiry")
	}

	renewed := sign(12*time.Minute, time.Hour)
	if err := r.Sponsor(ctx, renewed); err != nil {
		t.Fatal(err)
	}
	if !paid() {
		t.Fatal("the renewed sponsorship did not pay")
	}
	stranger := newKey(t)
	forged, _ := minarail.SignRevocation(stranger, mina.Testnet, ch, owner, t0.Add(13*time.Minute))
	if err := r.Sponsor(ctx, forged); reason(err) != "wrong_channel" {
		t.Fatalf("a revocation not by the channel's payer: %v", err)
	}
	if !paid() {
		t.Fatal("a forged revocation stopped the sponsorship")
	}
	revoke, err := minarail.SignRevocation(payer, mina.Testnet, ch, owner, t0.Add(13*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Sponsor(ctx, revoke); err != nil {
		t.Fatal(err)
	}
	if err := r.Sponsor(ctx, revoke); err != nil {
		t.Fatalf("the same revocation again: %v", err)
	}
	if paid() {
		t.Fatal("paid after the revocation")
	}
	if err := r.Sponsor(ctx, renewed); err == nil || !strings.Contains(err.Error(), "revocation") {
		t.Fatalf("the revoked sponsorship sent again: %v", err)
	}
	r = open()
	if err := r.Sponsor(ctx, renewed); err == nil || !strings.Contains(err.Error(), "revocation") {
		t.Fatalf("after a restart, the revoked sponsorship sent again: %v", err)
	}
	if paid() {
		t.Fatal("after a restart, paid after the revocation")
	}
	if err := r.Sponsor(ctx, sign(14*time.Minute, time.Hour)); err != nil || !paid() {
		t.Fatalf("a sponsorship issued after the revocation: %v", err)
	}
}

// A version-1 sponsorships file (sponsorships that never expire) is
// dropped: the rail starts with none.
func TestSponsorsFileV1(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sponsors.json")
	if err := os.WriteFile(path, []byte(`["eyJ2IjoxfQ"]`), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(filepath.Join(dir, "l.db"), ledger.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	r, err := minarail.New(minarail.Config{Key: newKey(t), Network: mina.Testnet, Price: 1000, Ledger: l, Settler: stateOnly{}, Sponsors: path})
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	if _, err := r.Authorize(context.Background(), &wf.PaidRequest{Function: fn, Owner: wf.Address{3}, Method: "GET", Path: "/"}); reason(err) != "payment_required" {
		t.Fatalf("after a version-1 file: %v", err)
	}
}

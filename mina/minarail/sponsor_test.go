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

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// A sponsorship round-trips, and is refused when anything it signs is
// changed, on the other network, or malformed.
func TestSponsorship(t *testing.T) {
	payer, other, channel := newKey(t), newKey(t), newKey(t).PublicKey()
	owner := wf.Address{1, 2, 3}
	s, err := minarail.SignSponsorship(payer, mina.Testnet, channel, owner)
	if err != nil {
		t.Fatal(err)
	}
	got, err := minarail.DecodeSponsorship(s.Encode())
	if err != nil || got.Owner != owner || !got.Channel.Equal(channel) || !got.Payer.Equal(payer.PublicKey()) || got.Network != mina.Testnet {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	edit := func(f func(m map[string]any)) string {
		b, _ := base64.RawURLEncoding.DecodeString(s.Encode())
		var m map[string]any
		json.Unmarshal(b, &m)
		f(m)
		b, _ = json.Marshal(m)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	for name, enc := range map[string]string{
		"another owner":   edit(func(m map[string]any) { m["owner"] = wf.Address{9}.String() }),
		"another channel": edit(func(m map[string]any) { m["channel"] = other.PublicKey().Base58() }),
		"another payer":   edit(func(m map[string]any) { m["payer"] = other.PublicKey().Base58() }),
		"mainnet":         edit(func(m map[string]any) { m["network"] = "mainnet" }),
		"zero owner":      edit(func(m map[string]any) { m["owner"] = wf.Address{}.String() }),
		"unknown field":   edit(func(m map[string]any) { m["x"] = 1 }),
		"version":         edit(func(m map[string]any) { m["v"] = 2 }),
		"bad key":         edit(func(m map[string]any) { m["payer"] = "B62qnotakey" }),
		"padded":          s.Encode() + "=",
		"empty":           "",
	} {
		if _, err := minarail.DecodeSponsorship(enc); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func FuzzDecodeSponsorship(f *testing.F) {
	payer := newKey(f)
	s, _ := minarail.SignSponsorship(payer, mina.Mainnet, payer.PublicKey(), wf.Address{7})
	f.Add(s.Encode())
	f.Add("")
	f.Add("e30")
	f.Fuzz(func(t *testing.T, enc string) {
		s, err := minarail.DecodeSponsorship(enc)
		if err != nil {
			return
		}
		again, err := minarail.DecodeSponsorship(s.Encode())
		if err != nil || again.Owner != s.Owner || !again.Channel.Equal(s.Channel) {
			t.Fatalf("re-encoded sponsorship: %v", err)
		}
	})
}

// The rail's sponsorships: bounded per owner (oldest dropped) and per
// channel (refused), kept across a restart most recent first, and the most
// recent pays first. The settler is a fake answering one state for every
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
	sponsor := func(ch *mina.PublicKey, owner wf.Address) error {
		s, err := minarail.SignSponsorship(payer, mina.Testnet, ch, owner)
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
	if err := sponsor(one, wf.Address{2}); err == nil || !strings.Contains(err.Error(), "already sponsors") {
		t.Fatalf("one channel past %d owners: %v", minarail.MaxSponsored, err)
	}
	if err := sponsor(one, wf.Address{1, 0}); err != nil {
		t.Fatalf("the same sponsorship again: %v", err)
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
	var kept []string
	json.Unmarshal(b, &kept)
	if len(kept) != minarail.MaxSponsored+minarail.MaxSponsors {
		t.Fatalf("kept %d sponsorships, want %d", len(kept), minarail.MaxSponsored+minarail.MaxSponsors)
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
			s, err := minarail.SignSponsorship(payer, mina.Testnet, ch, owner)
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

package chain_test

import (
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/wf"
)

func etherBalance(t *testing.T, s *sim.Chain, a wf.Address) *big.Int {
	t.Helper()
	b, err := s.Backend().BalanceAt(testCtx(t), common.Address(a), nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wei(ether float64) *big.Int {
	f, _ := new(big.Float).Mul(big.NewFloat(ether), big.NewFloat(1e18)).Int(nil)
	return f
}

// TestMassSquatCost is issue 11 item 7's squatter: with the production
// bond (chain.DefaultBond, 0.05 ether), an account holding 1 ether gets
// fewer than 20 names however many it tries, so a thousand cost 50 ether
// locked; everything it held comes back only by releasing the names.
func TestMassSquatCost(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 2, Bond: chain.DefaultBond})
	ctx := testCtx(t)
	terms, err := s.Client(nil).RegistryTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if terms.Bond.Cmp(chain.DefaultBond) != 0 || terms.Lease != chain.DefaultLease || terms.Grace != chain.DefaultGrace || terms.BountyBPS != 1000 {
		t.Fatalf("terms %+v", terms)
	}
	squatter, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FundEther(ctx, squatter.Address(), wei(1)); err != nil {
		t.Fatal(err)
	}
	c := s.Client(squatter)
	// Without the bond, nothing.
	if _, err := c.RegisterProviderBond(ctx, provider("free"), big.NewInt(0)); err == nil {
		t.Fatal("registered without a bond")
	} else {
		wantRevert(t, err, "WrongBond", wf.ErrInvalid)
	}
	var got []string
	for i := range 40 {
		name := fmt.Sprintf("squat%d", i)
		if _, err := c.RegisterProvider(ctx, provider(name)); err != nil {
			break
		}
		got = append(got, name)
	}
	if len(got) >= 20 || len(got) == 0 {
		t.Fatalf("1 ether registered %d names at a bond of %s ether", len(got), chain.Ether(terms.Bond))
	}
	reg := etherBalance(t, s, s.Contracts().Registry)
	if want := new(big.Int).Mul(terms.Bond, big.NewInt(int64(len(got)))); reg.Cmp(want) != 0 {
		t.Fatalf("registry holds %s ether for %d names", chain.Ether(reg), len(got))
	}
	thousand := new(big.Int).Mul(terms.Bond, big.NewInt(1000))
	t.Logf("1 ether squatted %d names; 1000 names lock %s ether", len(got), chain.Ether(thousand))

	// Released, every bond comes back.
	before := etherBalance(t, s, squatter.Address())
	var gas uint64
	for _, name := range got {
		r, err := c.DeregisterProvider(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		gas += r.GasUsed
	}
	after := etherBalance(t, s, squatter.Address())
	back := new(big.Int).Sub(after, before)
	want := new(big.Int).Mul(terms.Bond, big.NewInt(int64(len(got))))
	// Less the gas of the releases, at most a few gwei each.
	if back.Cmp(want) > 0 || new(big.Int).Sub(want, back).Cmp(new(big.Int).Mul(big.NewInt(int64(gas)), big.NewInt(10_000_000_000))) > 0 {
		t.Fatalf("releasing %d names paid back %s ether, want %s less gas", len(got), chain.Ether(back), chain.Ether(want))
	}
	if reg := etherBalance(t, s, s.Contracts().Registry); reg.Sign() != 0 {
		t.Fatalf("registry still holds %s ether", chain.Ether(reg))
	}
}

// TestLeaseExpiryAndReclaim moves the chain's clock: a renewed name stays
// its holder's; one not renewed for lease + grace is reclaimed by anyone,
// the former holder getting 90% of its bond back and the reclaimer 10%,
// and is then free to register.
func TestLeaseExpiryAndReclaim(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 4, Bond: wei(1)})
	ctx := testCtx(t)
	holder, other, third := s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2]), s.Client(s.Accounts()[3])
	terms, err := holder.RegistryTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res := chain.NewResolver(s.Client(nil), chain.ResolverOptions{})
	if err := res.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"lapsed", "kept"} {
		if _, err := holder.RegisterProvider(ctx, provider(n)); err != nil {
			t.Fatal(err)
		}
	}
	p, err := holder.LookupProvider(ctx, "kept")
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Until(p.Expires) - terms.Lease; d < -time.Minute || d > time.Minute {
		t.Fatalf("expires %s, lease %s", p.Expires, terms.Lease)
	}
	if terms.RenewDue(p, time.Now()) {
		t.Error("renewal due right after registering")
	}
	// Too early: during the lease and during the grace.
	_, err = other.ReclaimProvider(ctx, "lapsed")
	wantRevert(t, err, "NotReclaimable", wf.ErrInvalid)
	if err := s.AdjustTime(terms.Lease - time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := holder.RenewProvider(ctx, "kept"); err != nil {
		t.Fatal(err)
	}
	if _, err := other.RenewProvider(ctx, "lapsed"); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("a stranger renewed: %v", err)
	}
	if err := s.AdjustTime(terms.Grace + 2*time.Hour); err != nil {
		t.Fatal(err)
	}
	// "lapsed" ended its lease grace + 1h ago; "kept" was renewed.
	_, err = other.ReclaimProvider(ctx, "kept")
	wantRevert(t, err, "NotReclaimable", wf.ErrInvalid)
	_, err = other.RegisterProvider(ctx, provider("kept"))
	wantRevert(t, err, "NameTaken", wf.ErrInvalid)

	before := etherBalance(t, s, holder.Address())
	r, err := other.ReclaimProvider(ctx, "lapsed")
	if err != nil {
		t.Fatal(err)
	}
	gotBack := new(big.Int).Sub(etherBalance(t, s, holder.Address()), before)
	if want := wei(0.9); gotBack.Cmp(want) != 0 {
		t.Errorf("the former holder got %s ether back, want 0.9", chain.Ether(gotBack))
	}
	var bounty bool
	for _, l := range logs(t, s, r) {
		if l.Topics[0] == bindings.NewRegistry().GetABI().Events["ProviderReclaimed"].ID && common.BytesToAddress(l.Topics[2].Bytes()) == common.Address(other.Address()) {
			bounty = true
		}
	}
	if !bounty {
		t.Error("no ProviderReclaimed event naming the reclaimer")
	}
	if _, err := holder.LookupProvider(ctx, "lapsed"); !errors.Is(err, wf.ErrNotFound) {
		t.Fatalf("lookup after reclaim: %v", err)
	}
	if err := res.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if chain.ResolverHas(res, "lapsed") || !chain.ResolverHas(res, "kept") {
		t.Error("the resolver did not follow the reclaim")
	}
	if _, err := other.RegisterProvider(ctx, provider("lapsed")); err != nil {
		t.Fatalf("the reclaimed name is not free: %v", err)
	}

	// Registering a lapsed name reclaims it in the same transaction.
	if err := s.AdjustTime(terms.Lease + terms.Grace + time.Hour); err != nil {
		t.Fatal(err)
	}
	before = etherBalance(t, s, holder.Address())
	if _, err := third.RegisterProvider(ctx, provider("kept")); err != nil {
		t.Fatalf("register over a lapsed name: %v", err)
	}
	if got := new(big.Int).Sub(etherBalance(t, s, holder.Address()), before); got.Cmp(wei(0.9)) != 0 {
		t.Errorf("the former holder got %s ether back, want 0.9", chain.Ether(got))
	}
	if p, err := third.LookupProvider(ctx, "kept"); err != nil || p.Owner != third.Address() {
		t.Fatalf("kept is %+v, %v", p, err)
	}
	if err := res.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err := res.Lookup(ctx, "kept"); err != nil || p.Owner != third.Address() {
		t.Fatalf("resolver: kept is %+v, %v", p, err)
	}
	// Bonds held: "lapsed" (other) and "kept" (third).
	if reg := etherBalance(t, s, s.Contracts().Registry); reg.Cmp(wei(2)) != 0 {
		t.Errorf("registry holds %s ether, want 2", chain.Ether(reg))
	}
}

func TestEther(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "1": "0.000000000000000001", "50000000000000000": "0.05", "1000000000000000000": "1", "12500000000000000000": "12.5"} {
		n, _ := new(big.Int).SetString(in, 10)
		if got := chain.Ether(n); got != want {
			t.Errorf("Ether(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestParseEther(t *testing.T) {
	for in, want := range map[string]string{"0.05": "50000000000000000", "2": "2000000000000000000", ".5": "500000000000000000", "0.000000000000000001": "1"} {
		n, err := chain.ParseEther(in)
		if err != nil || n.String() != want {
			t.Errorf("ParseEther(%q) = %v, %v; want %s", in, n, err, want)
		}
	}
	for _, in := range []string{"", ".", "-1", "1e3", "0.0000000000000000001", "1.2.3", " 1"} {
		if _, err := chain.ParseEther(in); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("ParseEther(%q): %v", in, err)
		}
	}
}

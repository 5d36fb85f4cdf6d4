package rewards_test

import (
	"crypto/sha256"
	"math/big"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// TestDiscoveryWeighsRatings: two providers with the same attested score
// and price; paying users rate one well and the other badly, and
// discovery ranks the well-rated one first (and the other first without
// ratings, by name).
func TestDiscoveryWeighsRatings(t *testing.T) {
	ctx := testCtx(t)
	s, err := sim.New(ctx, sim.Options{Accounts: 6})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	acc := s.Accounts()
	auditor := s.Client(acc[0])
	attAddr, err := auditor.DeployAttestations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	att, err := auditor.Attestations(ctx, attAddr)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]*chain.Key{"aaa": acc[1], "bbb": acc[2]}
	for name, k := range names {
		if _, err := s.Client(k).RegisterProvider(ctx, chain.Provider{Name: name, Endpoint: "https://" + name + ".example", SealingKey: []byte{1}, PricePerRequest: big.NewInt(5)}); err != nil {
			t.Fatal(err)
		}
		if _, err := att.Attest(ctx, chain.Attestation{Provider: name, Owner: k.Address(), Schema: audit.Schema, ManifestHash: sha256.Sum256(nil),
			ReportCID: "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Score: 8000}); err != nil {
			t.Fatal(err)
		}
	}
	idx := rewards.NewRatingIndex(memstore.New(), nil)
	srv := httptest.NewServer(idx.Handler())
	defer srv.Close()
	// Three payers each rate aaa 1 and bbb 5, with receipts of their requests.
	for i, payer := range acc[3:6] {
		for _, p := range []struct {
			k     *chain.Key
			score uint8
		}{{names["aaa"], 1}, {names["bbb"], 5}} {
			r, err := rewards.NewRating(payer, p.k.Address(), receiptFor(t, p.k, payer.Address(), byte(i+1)), p.score, "", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := idx.Add(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
	}
	crit := discovery.Criteria{AttestedBy: []wf.Address{acc[0].Address()}}
	first := func(src *discovery.Source) string {
		cs, err := discovery.Search(ctx, discovery.ClientLister{Client: s.Client(nil)}, src, crit)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 2 || cs[0].Excluded != "" || cs[1].Excluded != "" {
			t.Fatalf("candidates %+v", cs)
		}
		return cs[0].Provider.Name
	}
	if got := first(&discovery.Source{Attestations: att}); got != "aaa" {
		t.Errorf("without ratings %s comes first, want aaa (by name)", got)
	}
	if got := first(&discovery.Source{Attestations: att, Ratings: rewards.RatingWeights(srv.URL, nil, 0)}); got != "bbb" {
		t.Errorf("with ratings %s comes first, want the well-rated bbb", got)
	}
}

// TestDiscoveryStaked: of two registered providers only one bonded the
// stake contract's minimum; discovery marks it staked and, with
// Criteria.Staked, admits only it; once it asks to unbond it is no
// longer staked.
func TestDiscoveryStaked(t *testing.T) {
	ctx := testCtx(t)
	s, err := sim.New(ctx, sim.Options{Accounts: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	acc := s.Accounts()
	addr, err := s.Client(acc[0]).DeployStake(ctx, chain.StakeConfig{MinStake: usdc(100), SlashAmount: usdc(100), UnbondDelay: time.Hour, Governor: acc[0].Address()})
	if err != nil {
		t.Fatal(err)
	}
	for name, k := range map[string]*chain.Key{"bonded": acc[1], "loose": acc[2]} {
		if _, err := s.Client(k).RegisterProvider(ctx, chain.Provider{Name: name, Endpoint: "https://" + name + ".example", SealingKey: []byte{1}, PricePerRequest: big.NewInt(5)}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Client(acc[1]).Stake(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Bond(ctx, usdc(100)); err != nil {
		t.Fatal(err)
	}
	search := func(c discovery.Criteria) map[string]discovery.Candidate {
		src := &discovery.Source{Stake: st}
		cs, err := discovery.Search(ctx, discovery.ClientLister{Client: s.Client(nil)}, src, c)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]discovery.Candidate{}
		for _, x := range cs {
			out[x.Provider.Name] = x
		}
		return out
	}
	got := search(discovery.Criteria{})
	if !got["bonded"].Staked || got["loose"].Staked || got["loose"].Excluded != "" {
		t.Fatalf("without the criterion: %+v", got)
	}
	got = search(discovery.Criteria{Staked: true})
	if got["bonded"].Excluded != "" || got["loose"].Excluded != "unstaked" {
		t.Fatalf("with Staked: bonded %q, loose %q", got["bonded"].Excluded, got["loose"].Excluded)
	}
	if _, err := st.RequestUnbond(ctx, usdc(100)); err != nil {
		t.Fatal(err)
	}
	if got = search(discovery.Criteria{Staked: true}); got["bonded"].Excluded != "unstaked" {
		t.Fatalf("a provider unbonding still counts as staked: %+v", got["bonded"])
	}
}

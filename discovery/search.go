package discovery

import (
	"cmp"
	"context"
	"slices"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/spec"
)

// Lister lists the registry; *chain.Client and *chain.Resolver (cached)
// implement it.
type Lister interface {
	List(ctx context.Context) ([]chain.Provider, error)
}

// ClientLister lists through a chain client.
type ClientLister struct{ *chain.Client }

// List lists every registered provider.
func (c ClientLister) List(ctx context.Context) ([]chain.Provider, error) {
	return c.Client.ListProviders(ctx)
}

// Search lists the registry and evaluates every provider against c:
// eligible ones first, by attested score (highest first; weighed by
// ratings when the Source has them, see Candidate.Rating), then price
// (lowest first), then name; the excluded after them, each with its
// reason.
func Search(ctx context.Context, reg Lister, s *Source, c Criteria) ([]Candidate, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	ps, err := reg.List(ctx)
	if err != nil {
		return nil, err
	}
	cs := s.Candidates(ctx, ps, c)
	slices.SortStableFunc(cs, func(a, b Candidate) int {
		if (a.Excluded == "") != (b.Excluded == "") {
			if a.Excluded == "" {
				return -1
			}
			return 1
		}
		if sa, sb := a.ranked(), b.ranked(); sa != sb {
			return cmp.Compare(sb, sa)
		}
		if d := cmpPrice(a, b); d != 0 {
			return d
		}
		return cmp.Compare(a.Provider.Name, b.Provider.Name)
	})
	return cs, nil
}

// ranked is the attested score weighed by ratings: times 0.5 to 1.5
// (1 for a neutral or absent rating). Without a score it is the score.
func (c Candidate) ranked() float64 {
	if !c.Rated || c.Score < 0 {
		return c.Score
	}
	return c.Score * (0.5 + c.Rating)
}

func cmpPrice(a, b Candidate) int {
	pa, pb := a.Provider.PricePerRequest, b.Provider.PricePerRequest
	switch {
	case pa == nil && pb == nil:
		return 0
	case pa == nil:
		return -1
	case pb == nil:
		return 1
	}
	return pa.Cmp(pb)
}

// Filter admits providers to a gateway's smart routing by Criteria (it
// implements gateway.Filter).
type Filter struct {
	Source   *Source
	Criteria Criteria
}

// Admit returns, for each of ps, "" to admit it or why it is excluded.
func (f *Filter) Admit(ctx context.Context, ps []chain.Provider) []string {
	cs := f.Source.Candidates(ctx, ps, f.Criteria)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Excluded
	}
	return out
}

// PlacementCriteria are the criteria of a function's wf.placement.
func PlacementCriteria(p *spec.Placement) Criteria {
	return Criteria{AttestedBy: p.AttestedBy, AllOf: p.AllOf, MinScore: float64(p.MinScore) / 100,
		MaxPrice: p.Price(), Region: p.Region}
}

// AdmitPlacement returns, for each of ps, "" if it meets the function's
// placement p or why not (it implements gateway.PlacementFilter).
func (f *Filter) AdmitPlacement(ctx context.Context, ps []chain.Provider, p *spec.Placement) []string {
	c := PlacementCriteria(p)
	if err := c.Validate(); err != nil { // an unknown region: nobody meets it
		out := make([]string, len(ps))
		for i := range out {
			out[i] = "placement invalid"
		}
		return out
	}
	cs := f.Source.Candidates(ctx, ps, c)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Excluded
	}
	return out
}

package cli

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// placementFlags are wf deploy's placement: the owner's requirements on
// providers (wf.placement, honoured by gateways) and --replicas, which
// chooses that many providers by them.
type placementFlags struct {
	replicas     int
	attestations string
	auditors     []string
	allOf        bool
	minScore     float64
	region       string
	maxPrice     string
}

func addPlacementFlags(fs *pflag.FlagSet) *placementFlags {
	p := &placementFlags{}
	fs.IntVar(&p.replicas, "replicas", 0, "choose `N` providers from the registry that meet the placement below (best attested score, then price) and deploy to each (default: wf.toml's [placement] replicas)")
	fs.StringArrayVar(&p.auditors, "attested-by", nil, "placement: only providers this auditor `ADDRESS` attested (repeatable; any of them, or all with --all-of); gateways honour it")
	fs.BoolVar(&p.allOf, "all-of", false, "placement: require an attestation from every --attested-by auditor")
	fs.Float64Var(&p.minScore, "min-score", 0, "placement: least attested `SCORE`, 0 to 1 (needs --attested-by)")
	fs.StringVar(&p.region, "region", "", "placement: `REGION` or prefix the provider's manifest must state, e.g. eu")
	fs.StringVar(&p.maxPrice, "max-price", "", "placement: highest price per request in `USDC`, e.g. 0.001")
	fs.StringVar(&p.attestations, "attestations", "", attestationsHelp)
	return p
}

// placement is the flags set over pf's [placement]: the spec's
// wf.placement (nil when nothing is required) and the replicas.
func (p *placementFlags) placement(set func(string) bool, pf *project.File) (*spec.Placement, int, error) {
	c := pf.Placement
	if set("replicas") {
		c.Replicas = p.replicas
	}
	if set("attested-by") {
		c.AttestedBy = p.auditors
	}
	if set("all-of") {
		c.AllOf = p.allOf
	}
	if set("min-score") {
		c.MinScore = p.minScore
	}
	if set("region") {
		c.Region = p.region
	}
	if set("max-price") {
		c.MaxPrice = p.maxPrice
	}
	if c.Replicas < 0 || c.Replicas > 16 {
		return nil, 0, usageErr("--replicas %d must be 1 to 16", c.Replicas)
	}
	if c.MinScore < 0 || c.MinScore > 1 {
		return nil, 0, usageErr("--min-score %g must be between 0 and 1", c.MinScore)
	}
	sp := &spec.Placement{AllOf: c.AllOf, MinScore: int(math.Round(c.MinScore * 100)), Region: c.Region}
	for _, s := range c.AttestedBy {
		addr, err := addressFlag("attested-by", s)
		if err != nil {
			return nil, 0, err
		}
		sp.AttestedBy = append(sp.AttestedBy, addr)
	}
	if c.MaxPrice != "" {
		n, err := wf.ParseUSDC(c.MaxPrice)
		if err != nil {
			return nil, 0, usageErr("--max-price: %v", err)
		}
		sp.MaxPrice = n.Big().String()
	}
	if len(sp.AttestedBy) == 0 && sp.MaxPrice == "" && sp.Region == "" {
		if sp.MinScore > 0 || sp.AllOf {
			return nil, 0, usageErr("--min-score and --all-of need --attested-by ADDRESS")
		}
		return nil, c.Replicas, nil
	}
	if _, err := sp.Extension(); err != nil { // sorts and checks
		return nil, 0, usageErr("%s", strings.TrimPrefix(err.Error(), "spec: "+spec.PlacementExtension+": "+wf.ErrInvalid.Error()+": "))
	}
	if err := discovery.PlacementCriteria(sp).Validate(); err != nil {
		return nil, 0, usageErr("%s", strings.TrimPrefix(err.Error(), wf.ErrInvalid.Error()+": discovery: "))
	}
	return sp, c.Replicas, nil
}

// chooseProviders picks n registered providers that meet sp (any, with
// nil), best attested score first, then lowest price, and says where and
// why on stderr; fewer than n eligible is an error naming why each other
// one is not.
func (a *App) chooseProviders(ctx context.Context, sf *sealFlags, pfl *placementFlags, sp *spec.Placement, n int) ([]string, error) {
	c, err := a.dialRegistry(ctx, sf.o)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	crit := discovery.Criteria{}
	src := &discovery.Source{AllowPrivate: true} // the user's own command line
	if sp != nil {
		crit = discovery.PlacementCriteria(sp)
		if len(sp.AttestedBy) > 0 {
			if src.Attestations, err = a.attestations(ctx, c, pfl.attestations); err != nil {
				return nil, err
			}
		}
	}
	cs, err := discovery.Search(ctx, discovery.ClientLister{Client: c}, src, crit)
	if err != nil {
		return nil, err
	}
	var names, excluded []string
	for _, cand := range cs {
		switch {
		case cand.Excluded != "":
			excluded = append(excluded, cand.Provider.Name+" ("+cand.Excluded+")")
		case len(names) < n:
			names = append(names, cand.Provider.Name)
			why := "price " + wf.NewAmount(cand.Provider.PricePerRequest).USDC() + " USDC"
			if cand.Score >= 0 {
				why = fmt.Sprintf("score %.2f, %s", cand.Score, why)
			}
			if cand.Manifest != nil && cand.Manifest.Region != "" {
				why += ", " + cand.Manifest.Region
			}
			fmt.Fprintf(a.Stderr, "placing on %s (%s)\n", cand.Provider.Name, why)
		}
	}
	if len(names) < n {
		return nil, fmt.Errorf("%w: --replicas %d, but %d providers meet the placement; not: %s", wf.ErrUnavailable, n, len(names), strings.Join(excluded, ", "))
	}
	return names, nil
}

package gateway

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Filter admits providers to smart routing: a gateway that trusts some
// auditors routes only to providers they attested (package discovery
// implements it). Path and subdomain routes name their provider and are
// not filtered.
type Filter interface {
	// Admit returns, for each of ps, "" to admit it or a short reason
	// it is excluded ("unattested", "score 0.40<0.90"). It is called for
	// every smart-routed request, so it must answer from caches.
	Admit(ctx context.Context, ps []chain.Provider) []string
}

// admit keeps the providers r.filter admits. note is what X-WF-Route adds
// to the chosen provider's reason: the excluded ones and why. With every
// provider excluded, the error says why for each.
func (r *router) admit(ctx context.Context, ps []chain.Provider) (_ []chain.Provider, note string, _ error) {
	if r.filter == nil {
		return ps, "", nil
	}
	why := r.filter.Admit(ctx, ps)
	kept := ps[:0:0]
	var out []string
	for i, p := range ps {
		if why[i] == "" {
			kept = append(kept, p)
		} else {
			out = append(out, p.Name+"("+why[i]+")")
		}
	}
	sort.Strings(out)
	if len(out) > 0 {
		note = "; excluded=" + strings.Join(out, ",")
	}
	if len(kept) == 0 && len(ps) > 0 {
		return nil, "", &detailedError{
			err: wf.E(wf.ErrUnavailable, fmt.Sprintf(
				"no provider meets this gateway's requirements (trusted auditors, minimum score): %s", strings.Join(out, ", ")), nil),
			details: map[string]any{"excluded": out},
			route:   "provider=none; reason=filtered" + note,
		}
	}
	return kept, note, nil
}

// exclusions is why each of ps is excluded from smart routing ("" for
// admitted ones), for /v1/providers; all "" without a filter.
func (r *router) exclusions(ctx context.Context, ps []chain.Provider) []string {
	if r.filter == nil {
		return make([]string, len(ps))
	}
	return r.filter.Admit(ctx, ps)
}

// PlacementFilter judges providers against a function's own requirements
// (wf.placement: its owner's auditors, maximum price, region); package
// discovery implements it. It is called for every smart-routed request to
// such a function, so it must answer from caches.
type PlacementFilter interface {
	// AdmitPlacement returns, for each of ps, "" if it meets p or why not.
	AdmitPlacement(ctx context.Context, ps []chain.Provider, p *spec.Placement) []string
}

// place keeps the observations of providers that meet the function's
// placement p; note names the others and why. With none left, or no
// PlacementFilter to judge, the error says so: a function is never routed
// against its owner's placement.
func (r *router) place(ctx context.Context, ps []chain.Provider, os []observation, p *spec.Placement) ([]observation, string, error) {
	if r.placement == nil {
		return nil, "", &detailedError{
			err:   &httperr.Error{Status: http.StatusServiceUnavailable, Code: "placement_unchecked", Message: "this function's owner requires providers by placement (wf.placement: auditors, price, region), and this gateway cannot judge them; call a provider directly or use a gateway with discovery"},
			route: "provider=none; reason=placement-unchecked",
		}
	}
	why := r.placement.AdmitPlacement(ctx, ps, p)
	excluded := make(map[string]string)
	for i, pr := range ps {
		if why[i] != "" {
			excluded[pr.Name] = why[i]
		}
	}
	kept := os[:0:0]
	var out []string
	for _, o := range os {
		if w, ok := excluded[o.name]; ok {
			out = append(out, o.name+"("+w+")")
			continue
		}
		kept = append(kept, o)
	}
	sort.Strings(out)
	var note string
	if len(out) > 0 {
		note = "; placement-excluded=" + strings.Join(out, ",")
	}
	if len(kept) == 0 {
		return nil, "", &detailedError{
			err: &httperr.Error{Status: http.StatusServiceUnavailable, Code: "placement_unmet",
				Message: "no reachable provider meets this function's placement (its owner's auditors, price, region): " + strings.Join(out, ", ")},
			details: map[string]any{"excluded": out},
			route:   "provider=none; reason=placement" + note,
		}
	}
	return kept, note, nil
}

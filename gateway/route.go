package gateway

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// router chooses the providers to try for a function: those reachable
// now (resolve), for a sealed function only those it grants (specs, keys),
// ranked (scorer) by what health measured of them and by whether they hold
// the function (probes). It holds no lock of its own; each part has its
// own.
type router struct {
	list     lister
	resolve  resolveFunc
	timeout  time.Duration // bounds resolving (ProbeTimeout)
	attempts int           // providers tried per request (MaxAttempts)
	scorer   scorer
	health   *health
	probes   *prober
	specs    *specCache
	keys     *keyCache
	filter   Filter // nil: every provider may be routed to (filter.go)
	// placement judges functions' wf.placement; nil: such functions are
	// not routed.
	placement PlacementFilter
}

// maxAsked is how many providers are asked whether they hold a function;
// maxAskedForSpec how many more when none of those has its spec.
const (
	maxAsked        = 8
	maxAskedForSpec = 24
)

// observations returns what ranking needs of ts: their measurements now,
// and their sealing key ids in keys (nil: none looked up).
func (r *router) observations(ts []target, keys map[string]wf.KeyID) []observation {
	os := make([]observation, len(ts))
	for i, t := range ts {
		os[i] = observation{name: t.name, price: t.price, key: keys[t.name]}
	}
	r.health.fill(os)
	return os
}

// candidates returns the providers to try for function c, best first, at
// most r.attempts. A sealed function's candidates are only the providers
// whose registered sealing key it grants; with none reachable, the error
// says which providers it grants.
//
// Which providers are up, and which are asked whether they hold c, is
// decided on the measurements from before this request's presence
// probes; their order on those from after.
func (r *router) candidates(ctx context.Context, c wf.CID) ([]target, error) {
	return r.candidatesUpTo(ctx, c, r.attempts)
}

// candidatesUpTo is candidates, but at most n of them.
func (r *router) candidatesUpTo(ctx context.Context, c wf.CID, n int) ([]target, error) {
	ps, err := r.list.List(ctx)
	if err != nil {
		return nil, err
	}
	ps, note, err := r.admit(ctx, ps)
	if err != nil {
		return nil, err
	}
	ts := r.reachable(ctx, ps)
	if len(ts) == 0 {
		return nil, wf.E(wf.ErrUnavailable, "no provider is reachable through this gateway", nil)
	}
	at := make(map[string]int, len(ts)) // index in ts, by name
	for i, t := range ts {
		at[t.name] = i
	}
	pick := func(names []string) []target {
		out := make([]target, len(names))
		for i, n := range names {
			out[i] = ts[at[n]]
		}
		return out
	}
	// While nobody is known to hold it, a "no" from before a deploy must
	// not send requests to non-holders for 30 s.
	r.probes.forgetAbsent(c)
	has := map[string]bool{}
	asked := map[string]bool{}
	acc, known := r.specs.access(c)
	if !known {
		// Read the spec from the best few; who served it is also who
		// holds it.
		ranked := r.scorer.rank(up(r.observations(ts, nil)))
		first := best(ranked, maxAsked, nil)
		has = r.probes.holders(ctx, c, pick(first), true)
		for _, n := range first {
			asked[n] = true
		}
		if acc, known = r.specs.access(c); !known {
			// None of the best few has it: ask more before routing, so
			// that a sealed function or an owner's placement is known
			// wherever it is held. Once per function (the spec is cached);
			// bounded, as a request for a CID nobody has asks them all.
			rest := best(ranked, maxAskedForSpec, asked)
			maps.Copy(has, r.probes.holders(ctx, c, pick(rest), true))
			for _, n := range rest {
				asked[n] = true
			}
			acc, _ = r.specs.access(c) // still unknown if nobody served it: public
		}
	}
	var keys map[string]wf.KeyID
	if acc.sealed {
		keys = r.keys.ids(ps)
	}
	os := r.observations(ts, keys)
	if acc.sealed {
		if os = granted(acc, os); len(os) == 0 {
			return nil, unroutable(acc, c, keys)
		}
	}
	if acc.placement != nil {
		var pnote string
		if os, pnote, err = r.place(ctx, ps, os, acc.placement); err != nil {
			return nil, err
		}
		note += pnote
	}
	os = up(os)
	// Ask only the best few whether they hold the function; the rest
	// count as may-fetch.
	maps.Copy(has, r.probes.holders(ctx, c, pick(best(r.scorer.rank(os), maxAsked, asked)), false))
	// Rank again: the answers were measurements too.
	for i := range os {
		os[i].has = has[os[i].name]
	}
	r.health.fill(os)
	rs := r.scorer.order(os, n, acc.sealed)
	out := make([]target, len(rs))
	for i, x := range rs {
		t := ts[at[x.name]]
		t.has, t.reason = x.has, x.reason+note
		out[i] = t
	}
	return out, nil
}

// reachable resolves the providers that can be reached now: live tunnels
// and endpoints that proved ownership. Endpoints not challenged yet are
// challenged concurrently, waiting at most r.timeout. A provider marked
// down for want of the route it now has is up again (health.revive).
func (r *router) reachable(ctx context.Context, ps []chain.Provider) []target {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	ts := make([]target, len(ps))
	ok := make([]bool, len(ps))
	var wg sync.WaitGroup
	sem := make(chan struct{}, checkers)
	for i, p := range ps {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			t, err := r.resolve(ctx, p)
			ts[i], ok[i] = t, err == nil
			if err == nil {
				r.health.revive(p.Name, t.rt)
			}
		})
	}
	wg.Wait()
	out := ts[:0]
	for i, t := range ts {
		if ok[i] {
			out = append(out, t)
		}
	}
	return out
}

// keyCache remembers the id of each provider's registered sealing key.
// It is safe for concurrent use.
type keyCache struct {
	mu   sync.Mutex
	keys map[string]keyID // by provider name
}

// keyID is a provider's registered sealing key id and the key it was
// computed from, so a registry change is noticed.
type keyID struct {
	enc string
	id  wf.KeyID
}

func newKeyCache() *keyCache { return &keyCache{keys: make(map[string]keyID)} }

// ids returns the key ids of the providers' registered sealing keys, by
// name.
func (k *keyCache) ids(ps []chain.Provider) map[string]wf.KeyID {
	ids := make(map[string]wf.KeyID, len(ps))
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, p := range ps {
		e, ok := k.keys[p.Name]
		if !ok || e.enc != string(p.SealingKey) {
			e = keyID{enc: string(p.SealingKey), id: sealingKeyID(p)}
			k.keys[p.Name] = e
		}
		ids[p.Name] = e.id
	}
	return ids
}

// retain forgets the providers not in ps, the registered ones.
func (k *keyCache) retain(ps []chain.Provider) {
	names := make(map[string]bool, len(ps))
	for _, p := range ps {
		names[p.Name] = true
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for n := range k.keys {
		if !names[n] {
			delete(k.keys, n)
		}
	}
}

// unroutable is the error for sealed function c when no provider it
// grants is reachable, keys being the sealing key ids of every registered
// provider: 403 when no registered provider holds a grant, 503
// when some do but none of them can be reached now. Its details list the
// granted providers and key ids.
func unroutable(a access, c wf.CID, keys map[string]wf.KeyID) error {
	names := []string{}
	for name, id := range keys {
		if a.granted(id) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	ids := make([]string, len(a.grants))
	for i, k := range a.grants {
		ids[i] = k.String()
	}
	de := &detailedError{
		details: map[string]any{"function": c.String(), "sealed": true, "grantedProviders": names, "grantedKeys": ids},
	}
	if len(names) == 0 {
		de.route = "provider=none; reason=not-granted"
		de.err = wf.E(wf.ErrForbidden, fmt.Sprintf(
			"function %s is sealed: only providers it grants can open it, and none registered with this gateway's registry holds a grant; its owner adds one with `wf secrets grant %s --provider NAME`", c, c), nil)
	} else {
		de.route = "provider=none; reason=granted-unreachable"
		de.err = wf.E(wf.ErrUnavailable, fmt.Sprintf(
			"function %s is sealed: only providers it grants can open it (%s), and none of them is reachable through this gateway now", c, strings.Join(names, ", ")), nil)
	}
	return de
}

// sealingKeyID is the key id of p's registered sealing key: the SHA-256 of
// its encoding, as seal.PublicKey.ID computes it and grants name it (about
// 2.5 µs for a hybrid key, hence keyCache). An entry without a
// key has the invalid zero id.
func sealingKeyID(p chain.Provider) wf.KeyID {
	return wf.KeyIDOf(p.SealingKey)
}

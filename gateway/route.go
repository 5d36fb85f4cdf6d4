package gateway

import (
	"context"
	"fmt"
	"io"
	"maps"
	"math"
	"math/big"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// router keeps what the gateway measured of each provider and which
// providers hold which functions, and ranks providers for a function.
type router struct {
	g *Gateway

	mu     sync.Mutex
	stats  map[string]*pstats          // by provider name
	probes map[wf.CID]map[string]probe // function -> provider -> answer
	specs  map[wf.CID]access           // function -> what its spec allows
	keys   map[string]keyID            // by provider name
}

// keyID is a provider's registered sealing key id and the key it was
// computed from, so a registry change is noticed.
type keyID struct {
	enc string
	id  wf.KeyID
}

// pstats are one provider's measurements.
type pstats struct {
	latency float64 // EWMA of seconds to first byte; 0: none yet
	success float64 // EWMA of answered without a 5xx or transport error
	down    bool    // last health check or request failed to connect
	lastErr string
	checked time.Time
}

type probe struct {
	has bool
	at  time.Time
}

const (
	ewmaWeight = 0.3
	// Presence of a function at a provider rarely changes (content is
	// immutable); absence may end with a deploy.
	hasTTL     = 5 * time.Minute
	hasNotTTL  = 30 * time.Second
	maxProbed  = 10_000 // functions remembered
	checkers   = 8      // concurrent health checks and endpoint challenges
	maxAsked   = 8      // providers asked whether they hold a function
	defaultLat = 0.05   // seconds assumed for a provider never measured
)

func newRouter(g *Gateway) *router {
	return &router{g: g, stats: make(map[string]*pstats), probes: make(map[wf.CID]map[string]probe),
		specs: make(map[wf.CID]access), keys: make(map[string]keyID)}
}

func (r *router) statsOf(name string) *pstats {
	s := r.stats[name]
	if s == nil {
		s = &pstats{success: 1}
		r.stats[name] = s
	}
	return s
}

// observe records one exchange with a provider.
func (r *router) observe(name string, d time.Duration, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.statsOf(name)
	v := 0.0
	if ok {
		v = 1
		sec := d.Seconds()
		if s.latency == 0 {
			s.latency = sec
		} else {
			s.latency += ewmaWeight * (sec - s.latency)
		}
		s.down = false
	}
	s.success += ewmaWeight * (v - s.success)
}

// markDown records a failed health check.
func (r *router) markDown(name string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.statsOf(name)
	s.down, s.lastErr, s.checked = true, err.Error(), r.g.cfg.Now()
	s.success += ewmaWeight * (0 - s.success)
}

// score is a provider's expected cost in milliseconds: latency divided by
// the chance of success, plus its price expressed in milliseconds.
func (r *router) score(s *pstats, price *big.Int) float64 {
	lat := s.latency
	if lat == 0 {
		lat = defaultLat
	}
	ms := lat * 1000 / math.Max(s.success, 0.05)
	if price != nil && price.Sign() > 0 {
		p, _ := new(big.Float).SetInt(price).Float64()
		ms += p / r.g.cfg.PricePerMillisecond
	}
	return ms
}

// ranked is a provider with its score, for ordering candidates.
type ranked struct {
	t     target
	score float64
	s     pstats
}

// rank orders ts: those has says hold the function first, then by score.
func (r *router) rank(ts []target, has map[string]bool) []ranked {
	rs := make([]ranked, len(ts))
	r.mu.Lock()
	for i, t := range ts {
		t.has = has[t.name]
		s := r.statsOf(t.name)
		rs[i] = ranked{t: t, score: r.score(s, t.price), s: *s}
	}
	r.mu.Unlock()
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].t.has != rs[j].t.has {
			return rs[i].t.has
		}
		return rs[i].score < rs[j].score
	})
	return rs
}

// up drops the providers known to be down, unless nobody is left.
func (r *router) up(ts []target) []target {
	r.mu.Lock()
	defer r.mu.Unlock()
	up := ts[:0:0]
	for _, t := range ts {
		if !r.statsOf(t.name).down {
			up = append(up, t)
		}
	}
	if len(up) == 0 {
		return ts
	}
	return up
}

// best returns the targets of the first n of rs, skipping those in skip.
func best(rs []ranked, n int, skip map[string]bool) []target {
	out := make([]target, 0, min(len(rs), n))
	for _, x := range rs {
		if len(out) == n {
			break
		}
		if !skip[x.t.name] {
			out = append(out, x.t)
		}
	}
	return out
}

// candidates returns the providers to try for function c, best first, at
// most MaxAttempts. A sealed function's candidates are only the providers
// whose registered sealing key it grants; with none reachable, the error
// says which providers it grants.
func (r *router) candidates(ctx context.Context, c wf.CID) ([]target, error) {
	ps, err := r.g.cfg.Registry.List(ctx)
	if err != nil {
		return nil, err
	}
	ts := r.reachable(ctx, ps)
	if len(ts) == 0 {
		return nil, wf.E(wf.ErrUnavailable, "no provider is reachable through this gateway", nil)
	}
	has := map[string]bool{}
	asked := map[string]bool{}
	acc, known := r.access(c)
	if !known {
		// Read the spec from the best few; who served it is also who
		// holds it.
		first := best(r.rank(r.up(ts), nil), maxAsked, nil)
		has = r.holders(ctx, c, first, true)
		for _, t := range first {
			asked[t.name] = true
		}
		acc, _ = r.access(c) // still unknown if nobody served it: public
	}
	if acc.sealed {
		if ts = r.granted(acc, ts, ps); len(ts) == 0 {
			return nil, r.unroutable(acc, c, ps)
		}
	}
	ts = r.up(ts)
	// Ask only the best few whether they hold the function; the rest
	// count as may-fetch.
	maps.Copy(has, r.holders(ctx, c, best(r.rank(ts, nil), maxAsked, asked), false))
	// Rank again: the answers were measurements too.
	rs := r.rank(ts, has)
	n := min(len(rs), r.g.cfg.MaxAttempts)
	out := make([]target, n)
	for i := range n {
		t := rs[i].t
		why := "has-function"
		switch {
		case acc.sealed && t.has:
			why = "granted"
		case acc.sealed:
			why = "granted-may-fetch"
		case !t.has:
			why = "may-fetch" // holds it not, as far as we know; it may fetch it from peers
		}
		if i > 0 {
			why = "next-" + why
		}
		price := "0"
		if t.price != nil {
			price = t.price.String()
		}
		t.reason = fmt.Sprintf("%s; score-ms=%.2f; latency-ms=%.2f; success=%.2f; price=%s",
			why, rs[i].score, rs[i].s.latency*1000, rs[i].s.success, price)
		out[i] = t
	}
	return out, nil
}

// reachable resolves the providers that can be reached now: live tunnels
// and endpoints that proved ownership. Endpoints not challenged yet are
// challenged concurrently, waiting at most ProbeTimeout.
func (r *router) reachable(ctx context.Context, ps []chain.Provider) []target {
	ctx, cancel := context.WithTimeout(ctx, r.g.cfg.ProbeTimeout)
	defer cancel()
	ts := make([]target, len(ps))
	ok := make([]bool, len(ps))
	var wg sync.WaitGroup
	sem := make(chan struct{}, checkers)
	for i, p := range ps {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			t, err := r.g.resolve(ctx, p)
			ts[i], ok[i] = t, err == nil
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

// holders tells which of ts hold function c: from earlier answers, else by
// asking each (HEAD /ipfs/<c>?format=raw, the trustless gateway every
// provider serves). With readSpec it GETs the block instead, from every
// provider not known to lack it, to learn c's spec (see learn). It waits
// for the answers until a provider says yes and the others had twice as
// long to, or until ProbeTimeout; answers arriving later are kept for the
// next request.
func (r *router) holders(ctx context.Context, c wf.CID, ts []target, readSpec bool) map[string]bool {
	now := r.g.cfg.Now()
	has := make(map[string]bool, len(ts))
	var ask []target
	r.mu.Lock()
	known := r.probes[c]
	for _, t := range ts {
		p, ok := known[t.name]
		ttl := hasNotTTL
		if p.has {
			ttl = hasTTL
		}
		if ok && now.Sub(p.at) < ttl && !(readSpec && p.has) {
			has[t.name] = p.has
		} else {
			ask = append(ask, t)
		}
	}
	r.mu.Unlock()
	if len(ask) == 0 {
		return has
	}
	type answer struct {
		name string
		has  bool
	}
	answers := make(chan answer, len(ask))
	for _, t := range ask {
		go func() {
			h := r.probe(c, t, readSpec)
			answers <- answer{t.name, h}
		}()
	}
	start := time.Now()
	timeout := time.NewTimer(r.g.cfg.ProbeTimeout)
	defer timeout.Stop()
	var grace <-chan time.Time
	for range ask {
		select {
		case a := <-answers:
			has[a.name] = a.has
			if a.has && grace == nil {
				grace = time.After(max(time.Since(start), time.Millisecond))
			}
			continue
		case <-grace:
		case <-timeout.C:
		case <-ctx.Done():
		}
		break
	}
	return has
}

// probe asks t whether it holds c and records the answer. With get it
// reads the block too and learns c's spec from it; a block that does not
// hash to c counts as not held.
func (r *router) probe(c wf.CID, t target, get bool) bool {
	ctx, cancel := context.WithTimeout(context.Background(), r.g.cfg.ProbeTimeout)
	defer cancel()
	u := *t.base
	u.Path = u.Path + "/ipfs/" + c.String()
	u.RawPath = ""
	u.RawQuery = "format=raw"
	method := http.MethodHead
	if get {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return false
	}
	start := time.Now()
	resp, err := t.rt.RoundTrip(req)
	if err != nil {
		r.markDown(t.name, err)
		return false
	}
	r.observe(t.name, time.Since(start), resp.StatusCode < 500)
	h := resp.StatusCode == http.StatusOK
	if h && get {
		b, err := io.ReadAll(io.LimitReader(resp.Body, spec.MaxSize+1))
		h = err == nil && r.learn(c, t.name, b)
	}
	resp.Body.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.probes[c]
	if m == nil {
		makeRoom(r.probes)
		m = make(map[string]probe)
		r.probes[c] = m
	}
	m[t.name] = probe{has: h, at: r.g.cfg.Now()}
	return h
}

// access is what smart routing needs of a function's spec: whether it is
// sealed and, if so, which sealing keys its grants name. Specs are
// immutable, so it is learned once per CID.
type access struct {
	sealed bool
	grants []wf.KeyID // as in the spec: sorted, one per key
}

// granted reports whether a grant names the sealing key id.
func (a access) granted(id wf.KeyID) bool {
	return !id.IsZero() && slices.Contains(a.grants, id)
}

// keyIDs returns the key ids of the providers' registered sealing keys,
// by name.
func (r *router) keyIDs(ps []chain.Provider) map[string]wf.KeyID {
	ids := make(map[string]wf.KeyID, len(ps))
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range ps {
		k, ok := r.keys[p.Name]
		if !ok || k.enc != string(p.SealingKey) {
			k = keyID{enc: string(p.SealingKey), id: sealingKeyID(p)}
			r.keys[p.Name] = k
		}
		ids[p.Name] = k.id
	}
	return ids
}

// granted keeps the targets whose registered sealing key a grant of a
// names: the only providers that can open the function.
func (r *router) granted(a access, ts []target, ps []chain.Provider) []target {
	keys := r.keyIDs(ps)
	var out []target
	for _, t := range ts {
		if a.granted(keys[t.name]) {
			out = append(out, t)
		}
	}
	return out
}

// unroutable is the error for sealed function c when no provider it
// grants is reachable: 403 when no registered provider holds a grant, 503
// when some do but none of them can be reached now. Its details list the
// granted providers and key ids.
func (r *router) unroutable(a access, c wf.CID, ps []chain.Provider) error {
	names := []string{}
	for name, id := range r.keyIDs(ps) {
		if a.granted(id) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	keys := make([]string, len(a.grants))
	for i, k := range a.grants {
		keys[i] = k.String()
	}
	de := &detailedError{
		details: map[string]any{"function": c.String(), "sealed": true, "grantedProviders": names, "grantedKeys": keys},
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
// 2.5 µs for a hybrid key, hence the cache in keyIDs). An entry without a
// key has the invalid zero id.
func sealingKeyID(p chain.Provider) wf.KeyID {
	return wf.KeyIDOf(p.SealingKey)
}

// access returns what is known of c's spec. A CID that cannot address a
// spec is known to be no sealed function.
func (r *router) access(c wf.CID) (access, bool) {
	if !spec.IsBlockCID(c) {
		return access{}, true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	a, ok := r.specs[c]
	return a, ok
}

// learn records the block b that provider name served for c, and reports
// whether it is c's: bytes that do not hash to c say nothing of the
// function. The owner's signature is not checked: the CID fixes the bytes,
// and providers refuse a badly signed spec whatever the gateway decides.
func (r *router) learn(c wf.CID, name string, b []byte) bool {
	if wf.SumCID(wf.CodecJSON, b) != c {
		r.g.metrics.specs.WithLabelValues("mismatch").Inc()
		r.g.log.Warn("provider served a block that does not hash to its CID", "provider", name, "cid", c)
		return false
	}
	var a access
	result := "public"
	switch ss, err := spec.Decode(b); {
	case err != nil:
		// No provider runs it; routed as public, one will say why.
		result = "invalid"
	case ss.Spec.Sealed != nil:
		result = "sealed"
		a.sealed = true
		for _, g := range ss.Spec.Sealed.Grants {
			a.grants = append(a.grants, g.Key)
		}
	}
	r.g.metrics.specs.WithLabelValues(result).Inc()
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.specs[c]; !ok {
		makeRoom(r.specs)
		r.specs[c] = a
	}
	return true
}

// makeRoom drops an arbitrary entry of a per-function table that holds
// maxProbed, so a new one fits: cheap and good enough.
func makeRoom[V any](m map[wf.CID]V) {
	if len(m) < maxProbed {
		return
	}
	for k := range m {
		delete(m, k)
		return
	}
}

// notHere reports whether resp, from target t of route rt, says t cannot
// run the function before anything ran, so that a request of any method
// may go on to the next provider: a JSON 404 from a provider not known to
// hold the function, or a JSON 403 for a function that is sealed or whose
// spec the gateway has not read (a provider without a grant refuses it
// so). Such a 403 is no failure of the provider: attempt counts any
// answer under 500 as a success.
func (g *Gateway) notHere(rt *route, t *target, resp *http.Response) bool {
	if rt.kind != "smart" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		return false
	}
	switch resp.StatusCode {
	case http.StatusNotFound:
		return !t.has
	case http.StatusForbidden:
		a, known := g.router.access(rt.cid)
		return a.sealed || !known
	}
	return false
}

// checkAll health-checks every registered provider (GET /healthz through
// its tunnel or proven endpoint) and forgets providers that left the
// registry.
func (r *router) checkAll(ctx context.Context) {
	ps, err := r.g.cfg.Registry.List(ctx)
	if err != nil {
		r.g.log.Warn("health check: list providers", "err", err)
		return
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, checkers)
	for _, p := range ps {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			r.check(ctx, p)
		})
	}
	wg.Wait()
	names := make(map[string]bool, len(ps))
	for _, p := range ps {
		names[p.Name] = true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for n := range r.stats {
		if !names[n] {
			delete(r.stats, n)
		}
	}
	for n := range r.keys {
		if !names[n] {
			delete(r.keys, n)
		}
	}
}

func (r *router) check(ctx context.Context, p chain.Provider) {
	ctx, cancel := context.WithTimeout(ctx, r.g.cfg.ProbeTimeout)
	defer cancel()
	t, err := r.g.resolve(ctx, p)
	if err != nil {
		r.markDown(p.Name, err)
		return
	}
	u := *t.base
	u.Path += "/healthz"
	u.RawPath = ""
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		r.markDown(p.Name, err)
		return
	}
	start := time.Now()
	resp, err := t.rt.RoundTrip(req)
	if err != nil {
		r.markDown(p.Name, err)
		return
	}
	discard(resp)
	if resp.StatusCode != http.StatusOK {
		r.markDown(p.Name, fmt.Errorf("health check answered %s", resp.Status))
		return
	}
	r.observe(p.Name, time.Since(start), true)
	r.mu.Lock()
	s := r.statsOf(p.Name)
	s.lastErr, s.checked = "", r.g.cfg.Now()
	r.mu.Unlock()
}

// providerReport is what /v1/providers shows of one provider.
type providerReport struct {
	Name      string     `json:"name"`
	Owner     wf.Address `json:"owner"`
	Endpoint  string     `json:"endpoint"`
	Tunnel    bool       `json:"tunnel"`
	Price     string     `json:"pricePerRequest"`
	Up        bool       `json:"up"`
	LatencyMS float64    `json:"latencyMs"`
	Success   float64    `json:"success"`
	LastError string     `json:"lastError,omitempty"`
}

func (r *router) report(ps []chain.Provider) []providerReport {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]providerReport, 0, len(ps))
	for _, p := range ps {
		s := pstats{success: 1}
		if st := r.stats[p.Name]; st != nil {
			s = *st
		}
		price := "0"
		if p.PricePerRequest != nil {
			price = p.PricePerRequest.String()
		}
		tn := r.g.tunnels != nil && r.g.tunnels.Tunnel(p.Name) != nil
		out = append(out, providerReport{Name: p.Name, Owner: p.Owner, Endpoint: p.Endpoint, Tunnel: tn, Price: price,
			Up: !s.down, LatencyMS: math.Round(s.latency*1e6) / 1e3, Success: math.Round(s.success*1e3) / 1e3, LastError: s.lastErr})
	}
	return out
}

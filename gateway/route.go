package gateway

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// router keeps what the gateway measured of each provider and which
// providers hold which functions, and ranks providers for a function.
type router struct {
	g *Gateway

	mu     sync.Mutex
	stats  map[string]*pstats          // by provider name
	probes map[wf.CID]map[string]probe // function -> provider -> answer
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
	return &router{g: g, stats: make(map[string]*pstats), probes: make(map[wf.CID]map[string]probe)}
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

// candidates returns the providers to try for function c, best first, at
// most MaxAttempts.
func (r *router) candidates(ctx context.Context, c wf.CID) ([]target, error) {
	ps, err := r.g.cfg.Registry.List(ctx)
	if err != nil {
		return nil, err
	}
	ts := r.reachable(ctx, ps)
	if len(ts) == 0 {
		return nil, wf.E(wf.ErrUnavailable, "no provider is reachable through this gateway", nil)
	}
	// Skip providers known to be down, unless nothing else is left.
	r.mu.Lock()
	up := ts[:0:0]
	for _, t := range ts {
		if !r.statsOf(t.name).down {
			up = append(up, t)
		}
	}
	r.mu.Unlock()
	if len(up) > 0 {
		ts = up
	}
	type ranked struct {
		t     target
		score float64
		s     pstats
	}
	rs := make([]ranked, len(ts))
	r.mu.Lock()
	for i, t := range ts {
		s := r.statsOf(t.name)
		rs[i] = ranked{t: t, score: r.score(s, t.price), s: *s}
	}
	r.mu.Unlock()
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].score < rs[j].score })
	// Ask only the best few whether they hold the function; the rest
	// count as may-fetch.
	ask := make([]target, 0, min(len(rs), maxAsked))
	for _, x := range rs[:min(len(rs), maxAsked)] {
		ask = append(ask, x.t)
	}
	has := r.holders(ctx, c, ask)
	// Rank again: the answers were measurements too.
	r.mu.Lock()
	for i := range rs {
		rs[i].t.has = has[rs[i].t.name]
		s := r.statsOf(rs[i].t.name)
		rs[i].score, rs[i].s = r.score(s, rs[i].t.price), *s
	}
	r.mu.Unlock()
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].t.has != rs[j].t.has {
			return rs[i].t.has
		}
		return rs[i].score < rs[j].score
	})
	n := min(len(rs), r.g.cfg.MaxAttempts)
	out := make([]target, n)
	for i := range n {
		t := rs[i].t
		why := "has-function"
		if !t.has {
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
// provider serves). It waits for the answers until a provider says yes
// and the others had twice as long to, or until ProbeTimeout; answers
// arriving later are kept for the next request.
func (r *router) holders(ctx context.Context, c wf.CID, ts []target) map[string]bool {
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
		if ok && now.Sub(p.at) < ttl {
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
			h := r.probe(c, t)
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

// probe asks t whether it holds c and records the answer.
func (r *router) probe(c wf.CID, t target) bool {
	ctx, cancel := context.WithTimeout(context.Background(), r.g.cfg.ProbeTimeout)
	defer cancel()
	u := *t.base
	u.Path = u.Path + "/ipfs/" + c.String()
	u.RawPath = ""
	u.RawQuery = "format=raw"
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u.String(), nil)
	if err != nil {
		return false
	}
	start := time.Now()
	resp, err := t.rt.RoundTrip(req)
	if err != nil {
		r.markDown(t.name, err)
		return false
	}
	resp.Body.Close()
	r.observe(t.name, time.Since(start), resp.StatusCode < 500)
	h := resp.StatusCode == http.StatusOK
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.probes[c]
	if m == nil {
		if len(r.probes) >= maxProbed {
			for k := range r.probes { // drop an arbitrary one; cheap and good enough
				delete(r.probes, k)
				break
			}
		}
		m = make(map[string]probe)
		r.probes[c] = m
	}
	m[t.name] = probe{has: h, at: r.g.cfg.Now()}
	return h
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

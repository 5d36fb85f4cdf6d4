package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
)

const (
	ewmaWeight = 0.3
	checkers   = 8 // concurrent health checks and endpoint challenges
)

// lister lists the registered providers (Registry.List).
type lister interface {
	List(ctx context.Context) ([]chain.Provider, error)
}

// resolveFunc finds how to reach a registry entry now: its tunnel or its
// proven endpoint (Gateway.resolve).
type resolveFunc func(ctx context.Context, p chain.Provider) (target, error)

// recorder takes what an exchange with a provider showed of its health.
type recorder interface {
	// observe records an exchange that took d to the first byte; ok
	// says it was answered without a 5xx.
	observe(name string, d time.Duration, ok bool)
	// markDown records a failure to connect through via (the target's
	// RoundTripper; nil: not known), until an exchange that connects or
	// a new route (revive).
	markDown(name string, via http.RoundTripper, err error)
}

var _ recorder = (*health)(nil)

// pstats are one provider's measurements.
type pstats struct {
	latency float64 // EWMA of seconds to first byte; 0: none yet
	success float64 // EWMA of answered without a 5xx or transport error
	down    bool    // last health check or request failed to connect
	lastErr string
	checked time.Time
	// Why it is down, so that a new way to reach it brings it back at
	// once (revive) instead of at the next health check: it could not be
	// resolved (no tunnel, no proven endpoint), or connecting through
	// downVia failed.
	unresolved bool
	downVia    http.RoundTripper
}

// health keeps what the gateway measured of each provider, from requests,
// presence probes and its own checks (GET /healthz), and marks providers
// down and up. It is safe for concurrent use.
type health struct {
	list    lister
	resolve resolveFunc
	timeout time.Duration // bounds one check
	now     func() time.Time
	log     *slog.Logger

	mu    sync.Mutex
	stats map[string]*pstats // by provider name
}

func newHealth(list lister, resolve resolveFunc, timeout time.Duration, now func() time.Time, log *slog.Logger) *health {
	return &health{list: list, resolve: resolve, timeout: timeout, now: now, log: log, stats: make(map[string]*pstats)}
}

// statsOf returns name's measurements, made on first use. h.mu is held.
func (h *health) statsOf(name string) *pstats {
	s := h.stats[name]
	if s == nil {
		s = &pstats{success: 1}
		h.stats[name] = s
	}
	return s
}

func (h *health) observe(name string, d time.Duration, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.record(h.statsOf(name), d, ok)
}

// record adds one exchange to s. h.mu is held.
func (h *health) record(s *pstats, d time.Duration, ok bool) {
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

func (h *health) markDown(name string, via http.RoundTripper, err error) {
	h.down(name, false, via, err)
}

// markUnresolved records that name could not be resolved: it has no
// tunnel and no proven endpoint.
func (h *health) markUnresolved(name string, err error) {
	h.down(name, true, nil, err)
}

func (h *health) down(name string, unresolved bool, via http.RoundTripper, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.statsOf(name)
	s.down, s.lastErr, s.checked = true, err.Error(), h.now()
	s.unresolved, s.downVia = unresolved, via
	s.success += ewmaWeight * (0 - s.success)
}

// revive records that name was just resolved to a route through via. A
// provider that was down for want of a route, or because another route
// failed (a tunnel since replaced), is up again: a new tunnel has logged
// in, or an endpoint has just answered its ownership challenge. A
// provider that started after the gateway is so routable as soon as it
// can be reached, not at the next health check.
func (h *health) revive(name string, via http.RoundTripper) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.stats[name]
	if s != nil && s.down && (s.unresolved || s.downVia != nil && s.downVia != via) {
		s.down, s.unresolved, s.downVia = false, false, nil
	}
}

// get returns name's measurements; a provider never measured has had
// every request succeed.
func (h *health) get(name string) pstats {
	h.mu.Lock()
	defer h.mu.Unlock()
	if s := h.stats[name]; s != nil {
		return *s
	}
	return pstats{success: 1}
}

// fill sets the measurements of each of os, all as of one moment.
func (h *health) fill(os []observation) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i := range os {
		o := &os[i]
		if s := h.stats[o.name]; s != nil {
			o.latency, o.success, o.down = s.latency, s.success, s.down
		} else {
			o.latency, o.success, o.down = 0, 1, false
		}
	}
}

// run checks every registered provider now and then every interval until
// ctx ends. After each round that could list the registry, checked (if
// not nil) gets the registered providers, so that what is kept of each
// elsewhere can be forgotten too when one leaves.
func (h *health) run(ctx context.Context, every time.Duration, checked func(registered []chain.Provider)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if ps, ok := h.checkAll(ctx); ok && checked != nil {
			checked(ps)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// checkAll health-checks every registered provider (GET /healthz through
// its tunnel or proven endpoint), at most checkers at once, and forgets
// providers that left the registry. It returns the registered providers,
// or false when the registry could not be listed.
func (h *health) checkAll(ctx context.Context) ([]chain.Provider, bool) {
	ps, err := h.list.List(ctx)
	if err != nil {
		h.log.Warn("health check: list providers", "err", err)
		return nil, false
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, checkers)
	for _, p := range ps {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			h.check(ctx, p)
		})
	}
	wg.Wait()
	names := make(map[string]bool, len(ps))
	for _, p := range ps {
		names[p.Name] = true
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for n := range h.stats {
		if !names[n] {
			delete(h.stats, n)
		}
	}
	return ps, true
}

// check health-checks p: down unless it can be resolved and answers 200.
func (h *health) check(ctx context.Context, p chain.Provider) {
	ctx, cancel := context.WithTimeout(ctx, h.timeout)
	defer cancel()
	t, err := h.resolve(ctx, p)
	if err != nil {
		h.markUnresolved(p.Name, err)
		return
	}
	u := *t.base
	u.Path += "/healthz"
	u.RawPath = ""
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		h.markDown(p.Name, t.rt, err)
		return
	}
	start := time.Now()
	resp, err := t.rt.RoundTrip(req)
	if err != nil {
		h.markDown(p.Name, t.rt, err)
		return
	}
	discard(resp)
	if resp.StatusCode != http.StatusOK {
		h.markDown(p.Name, t.rt, fmt.Errorf("health check answered %s", resp.Status))
		return
	}
	d := time.Since(start)
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.statsOf(p.Name)
	h.record(s, d, true)
	s.lastErr, s.checked = "", h.now()
}

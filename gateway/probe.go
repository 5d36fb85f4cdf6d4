package gateway

import (
	"context"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Presence of a function at a provider rarely changes (content is
// immutable); absence may end with a deploy. While nobody is known to
// hold a function, absences older than hasNotRecheck are asked again, so
// that a deploy after a "no" is seen on the next request, not 30 s later
// (forgetAbsent).
const (
	hasTTL        = 5 * time.Minute
	hasNotTTL     = 30 * time.Second
	hasNotRecheck = 2 * time.Second
)

// prober asks providers whether they hold a function and remembers their
// answers, for at most max functions. Asking reads the spec block too when
// the spec is not known yet (specs learns it), and what each exchange
// showed of a provider's health goes to health. It is safe for concurrent
// use.
type prober struct {
	timeout time.Duration // bounds one question, and waiting for answers
	now     func() time.Time
	health  recorder
	specs   *specCache
	max     int

	mu     sync.Mutex
	probes map[wf.CID]map[string]probe // function -> provider -> answer
}

// probe is one provider's answer for one function.
type probe struct {
	has bool
	at  time.Time
}

func newProber(timeout time.Duration, now func() time.Time, health recorder, specs *specCache) *prober {
	return &prober{timeout: timeout, now: now, health: health, specs: specs, max: maxFunctions,
		probes: make(map[wf.CID]map[string]probe)}
}

// holders tells which of ts hold function c: from earlier answers, else by
// asking each (HEAD /ipfs/<c>?format=raw, the trustless gateway every
// provider serves). With readSpec it GETs the block instead, from every
// provider not known to lack it, to learn c's spec (see specCache.learn).
// It waits for the answers until a provider says yes and the others had
// twice as long to, or until the timeout or ctx ends; answers arriving
// later are kept for the next request.
func (p *prober) holders(ctx context.Context, c wf.CID, ts []target, readSpec bool) map[string]bool {
	now := p.now()
	has := make(map[string]bool, len(ts))
	var ask []target
	p.mu.Lock()
	known := p.probes[c]
	for _, t := range ts {
		a, ok := known[t.name]
		ttl := hasNotTTL
		if a.has {
			ttl = hasTTL
		}
		if ok && now.Sub(a.at) < ttl && !(readSpec && a.has) {
			has[t.name] = a.has
		} else {
			ask = append(ask, t)
		}
	}
	p.mu.Unlock()
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
			h := p.ask(c, t, readSpec)
			answers <- answer{t.name, h}
		}()
	}
	start := time.Now()
	timeout := time.NewTimer(p.timeout)
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

// ask asks t whether it holds c and records the answer. With get it
// reads the block too and learns c's spec from it; a block that does not
// hash to c counts as not held.
func (p *prober) ask(c wf.CID, t target, get bool) bool {
	ctx, cancel := context.WithTimeout(context.Background(), p.timeout)
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
		p.health.markDown(t.name, t.rt, err)
		return false
	}
	p.health.observe(t.name, time.Since(start), resp.StatusCode < 500)
	h := resp.StatusCode == http.StatusOK
	if h && get {
		b, err := io.ReadAll(io.LimitReader(resp.Body, spec.MaxSize+1))
		h = err == nil && p.specs.learn(c, t.name, b)
	}
	resp.Body.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	m := p.probes[c]
	if m == nil {
		makeRoom(p.probes, p.max)
		m = make(map[string]probe)
		p.probes[c] = m
	}
	m[t.name] = probe{has: h, at: p.now()}
	return h
}

// forgetAbsent forgets the "does not hold c" answers older than
// hasNotRecheck, so that they are asked again, unless a provider is known
// to hold c.
func (p *prober) forgetAbsent(c wf.CID) {
	now := p.now()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, a := range p.probes[c] {
		if a.has && now.Sub(a.at) < hasTTL {
			return
		}
	}
	for name, a := range p.probes[c] {
		if !a.has && now.Sub(a.at) >= hasNotRecheck {
			delete(p.probes[c], name)
		}
	}
}

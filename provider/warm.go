package provider

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/webfunctions/wf/wf"
)

// The warm-up: with Config.WarmFile, the provider keeps on disk the list
// of the functions it has loaded, most recently used first, and a new
// Provider loads them again in the background (the spec checked, the
// module compiled from the compile cache, a reactor's snapshot taken:
// sandbox.Prepare), so that a restart's first
// request to a function finds it loaded instead of paying for wazero's
// validation and its cached code (about 60-70 ms of CPU for a Go function:
// docs/go.md "Cold start").
//
// The warm-up is bounded and yields to requests:
//   - it loads one function at a time, on one goroutine;
//   - only what the list names and whose spec the store holds (code
//     blocks gone since are fetched from peers as a request's load would
//     fetch them), at most MaxLoaded functions and MaxLoadedBytes of
//     modules: each warmed function goes to the back of the LRU, so it
//     never displaces one a request loaded, and the warm-up stops at the
//     first that does not fit;
//   - a request for a function being warmed shares its load (one load per
//     function), so it waits no longer than its own load would take; a
//     request for another function loads it at once, beside the warm-up;
//   - while requests wait for a slot, or for a function to load, it
//     starts no load, and while requests are served it waits up to a
//     second for a gap (one load it has begun goes on: a compile cannot be
//     stopped), so on a busy or single-core provider a request competes
//     with at most one of the warm-up's loads;
//   - it stops at the first function that was not in the compile cache
//     (the cache was deleted, or a backup restored): full compiles take
//     seconds each for Go, and are left to the requests that need them;
//   - functions whose code is encrypted are not listed: they compile with
//     no disk cache (a full compile), so they are left to their first
//     request.

// warmPause is how often the warm-up looks again for a gap in the
// requests (warmGap), and warmMaxYield the longest it waits for one while
// requests are served but none waits.
const (
	warmPause    = 5 * time.Millisecond
	warmMaxYield = time.Second
)

// warmSaveDelay gathers the loads of a burst into one write of the list.
const warmSaveDelay = time.Second

// warmState is the warm-up's part of a Provider.
type warmState struct {
	stop    context.CancelFunc
	done    chan struct{} // closed when the warm-up has finished
	pending prometheus.Gauge
	// requestLoads counts the loads requests are waiting for.
	requestLoads atomic.Int64
	// Under Provider.mu: requests waiting for each function's load (by
	// CID bytes), so a warm-up's load a request joined goes to the front.
	wanted map[string]int
	write  sync.Mutex // one write of the list at a time
	// Under Provider.mu: a write of the list is scheduled; the listed
	// functions the warm-up has not reached yet (kept in the list).
	saving bool
	timer  *time.Timer
	rest   []string
}

// warmList is Config.WarmFile's content.
type warmList struct {
	// Functions are function CIDs, most recently used first.
	Functions []string `json:"functions"`
}

// startWarm loads Config.WarmFile's functions in the background; Close
// stops it and waits.
func (p *Provider) startWarm() {
	p.warm.done = make(chan struct{})
	p.warm.pending = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "wf_warmup_pending_functions",
		Help: "Functions the warm-up after start has yet to load (Config.WarmFile).",
	})
	p.reg.MustRegister(p.warm.pending)
	if p.cfg.WarmFile == "" {
		close(p.warm.done)
		return
	}
	// The list is read here, so the pending gauge counts it from the start.
	list, err := readWarmList(p.cfg.WarmFile)
	if err != nil {
		p.log.Warn("warm-up: read the list", "file", p.cfg.WarmFile, "err", err)
	}
	if len(list) > p.cfg.MaxLoaded {
		list = list[:p.cfg.MaxLoaded]
	}
	p.setWarmRest(list)
	ctx, cancel := context.WithCancel(context.Background())
	p.warm.stop = cancel
	go func() {
		defer close(p.warm.done)
		defer cancel()
		start := time.Now()
		n, err := p.warmUp(ctx, list)
		switch {
		case err != nil && ctx.Err() == nil:
			p.log.Warn("warm-up", "loaded", n, "err", err)
		case n > 0:
			p.log.Info("warm-up", "loaded", n, "listed", len(list), "took", time.Since(start).Round(time.Millisecond))
		}
	}()
}

// WarmDone is closed when the warm-up has finished (at once without
// Config.WarmFile). Tests and benchmarks wait on it.
func (p *Provider) WarmDone() <-chan struct{} { return p.warm.done }

// readWarmList reads the list; a missing file is an empty list.
func readWarmList(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var l warmList
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, err
	}
	return l.Functions, nil
}

// warmUp loads the listed functions, returning how many it loaded.
func (p *Provider) warmUp(ctx context.Context, list []string) (int, error) {
	defer func() {
		// Stopped (Close): the functions not reached stay listed for the
		// next start; done: the list is what is loaded now.
		if ctx.Err() == nil {
			p.setWarmRest(nil)
		}
	}()
	loaded := 0
	for i, s := range list {
		p.setWarmRest(list[i:])
		if !p.warmRoom() {
			break
		}
		if err := p.warmGap(ctx); err != nil {
			return loaded, err
		}
		if err := ctx.Err(); err != nil {
			return loaded, err
		}
		c, err := wf.ParseCID(s)
		if err != nil {
			continue
		}
		if ok, err := p.cfg.Store.Has(ctx, c); err != nil || !ok {
			continue // deleted since, or never stored here
		}
		f, err := p.loadFunction(ctx, c, true)
		if err != nil {
			p.log.Debug("warm-up: load", "function", s, "err", err)
			continue
		}
		if f.module.Rewritten() {
			// The module was not in the compile cache (deleted, or a
			// restored backup): the rest likely are not either, and full
			// compiles (seconds each for Go) are left to their requests.
			p.log.Info("warm-up: the compile cache is cold; the rest load on their first request", "function", s)
			loaded++
			break
		}
		// A reactor's snapshot too, as its first request would take it.
		sp := &f.spec.Spec
		if err := f.sb.Prepare(ctx, f.module, sp.Limits, p.cpuBudget(sp), sp.Owner.String()); err != nil {
			p.log.Debug("warm-up: snapshot", "function", s, "err", err)
		}
		p.mu.Lock()
		_, kept := p.loaded[c]
		p.mu.Unlock()
		if !kept {
			break // it did not fit: the bounds are reached
		}
		loaded++
	}
	return loaded, nil
}

// warmGap waits until the provider is quiet enough to load a function:
// no request waiting for a slot or for its own function's load (however
// long that takes: the provider is busy), and no request being served
// (for at most warmMaxYield, so steady traffic delays the warm-up but does
// not stop it).
func (p *Provider) warmGap(ctx context.Context) error {
	yield := time.Now().Add(warmMaxYield)
	for {
		_, waiting := p.slots.stats()
		if waiting == 0 && p.warm.requestLoads.Load() == 0 && (!p.inflight.busy() || time.Now().After(yield)) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(warmPause):
		}
	}
}

// busy reports whether an invocation is being served.
func (f *inflight) busy() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n > 0
}

// setWarmRest records the functions the warm-up has yet to reach.
func (p *Provider) setWarmRest(rest []string) {
	p.mu.Lock()
	p.warm.rest = rest
	p.mu.Unlock()
	p.warm.pending.Set(float64(len(rest)))
}

// warmRoom reports whether the loaded functions leave room for another.
func (p *Provider) warmRoom() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.lru.Len() < p.cfg.MaxLoaded && p.loadedBytesLocked() < p.cfg.MaxLoadedBytes
}

// warmChanged schedules a write of the list after a load; p.mu is held.
func (p *Provider) warmChanged() {
	if p.cfg.WarmFile == "" || p.warm.saving {
		return
	}
	p.warm.saving = true
	p.warm.timer = time.AfterFunc(warmSaveDelay, func() {
		p.mu.Lock()
		p.warm.saving = false
		p.mu.Unlock()
		p.saveWarm()
	})
}

// saveWarm writes the list of loaded functions, most recently used first.
// A failure is logged: the list only speeds up the next start.
func (p *Provider) saveWarm() {
	if p.cfg.WarmFile == "" {
		return
	}
	p.warm.write.Lock()
	defer p.warm.write.Unlock()
	var l warmList
	seen := map[string]bool{}
	p.mu.Lock()
	for el := p.lru.Front(); el != nil; el = el.Next() {
		if f := el.Value.(*function); f.sb == p.cfg.Sandbox { // not decrypted code
			l.Functions = append(l.Functions, f.cid.String())
			seen[f.cid.String()] = true
		}
	}
	// Those the warm-up has not reached stay listed, after the loaded.
	for _, s := range p.warm.rest {
		if !seen[s] && len(l.Functions) < p.cfg.MaxLoaded {
			l.Functions = append(l.Functions, s)
			seen[s] = true
		}
	}
	p.mu.Unlock()
	if err := writeFileAtomic(p.cfg.WarmFile, l); err != nil {
		p.log.Warn("save the warm-up list", "err", err)
	}
}

// writeFileAtomic writes v as JSON to path through a file beside it, so a
// reader sees the old list or the new one, never half of one.
func writeFileAtomic(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-warm-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), path)
	}
	if werr != nil {
		os.Remove(f.Name())
	}
	return werr
}

// stopWarm stops the warm-up, waits for it (a load it started may take as
// long as a compile, at most until ctx ends) and writes the list a last
// time.
func (p *Provider) stopWarm(ctx context.Context) {
	if p.warm.stop != nil {
		p.warm.stop()
	}
	select {
	case <-p.warm.done:
	case <-ctx.Done():
	}
	p.mu.Lock()
	t := p.warm.timer
	p.mu.Unlock()
	if t != nil {
		t.Stop()
	}
	p.saveWarm()
}

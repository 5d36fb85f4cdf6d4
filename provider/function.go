package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// function is a loaded function: its verified spec and compiled module.
type function struct {
	cid    wf.CID
	name   string // cid.String(), for every request's log line
	tenant string // spec.Spec.Owner.String(), the sandbox's tenant
	spec   *wf.SignedSpec
	module *sandbox.Module
	sb     *sandbox.Sandbox  // the one that compiled module
	env    map[string]string // the spec's env plus opened secrets
	js     bool              // a JavaScript function (js.go)
	redact *seal.Redactor    // removes the secrets from logs and errors

	// wf.callers rules, decoded on first use (see callers.go).
	callersOnce  sync.Once
	callersRules *spec.Callers
	callersErr   error

	// wf.ci.callers rules, decoded on first use (see cicallers.go).
	ciOnce  sync.Once
	ciRules *spec.CICallers
	ciErr   error

	mu   sync.Mutex
	logs []LogEntry // ring, oldest first once full
	next int
}

// LogEntry is one invocation as `wf logs` shows it.
type LogEntry = wf.LogEntry

func (f *function) record(e LogEntry, max int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.logs) < max {
		f.logs = append(f.logs, e)
		return
	}
	f.logs[f.next] = e
	f.next = (f.next + 1) % max
}

func (f *function) recent() []LogEntry {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append(append([]LogEntry(nil), f.logs[f.next:]...), f.logs[:f.next]...)
}

// function returns the loaded function for c, loading it on first use.
func (p *Provider) function(ctx context.Context, c wf.CID) (*function, error) {
	return p.loadFunction(ctx, c, false)
}

// loadFunction is function; a load for the warm-up (warm.go) goes to the
// back of the LRU, so it never displaces a function a request loaded: past
// the bounds it is the one dropped.
func (p *Provider) loadFunction(ctx context.Context, c wf.CID, warm bool) (*function, error) {
	p.mu.Lock()
	if el, ok := p.loaded[c]; ok {
		if !warm {
			p.lru.MoveToFront(el)
		}
		p.mu.Unlock()
		p.metrics.loadHit.Inc()
		return el.Value.(*function), nil
	}
	p.mu.Unlock()
	p.metrics.loads.WithLabelValues("miss").Inc()
	key := string(c.Bytes())
	if !warm { // the warm-up starts no load while a request's runs
		p.warm.requestLoads.Add(1)
		defer p.warm.requestLoads.Add(-1)
		p.mu.Lock()
		if p.warm.wanted == nil {
			p.warm.wanted = map[string]int{}
		}
		p.warm.wanted[key]++
		p.mu.Unlock()
		defer func() {
			p.mu.Lock()
			if p.warm.wanted[key]--; p.warm.wanted[key] == 0 {
				delete(p.warm.wanted, key)
			}
			p.mu.Unlock()
		}()
	}

	// One load per CID however many requests arrive at once; the load
	// outlives any one caller's cancellation.
	v, err, _ := p.loadGroup.Do(key, func() (any, error) {
		ctx := context.WithoutCancel(ctx)
		ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		f, err := p.load(ctx, c)
		if err != nil {
			return nil, err
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		// A warm-up's load no request has joined goes to the back.
		if warm && p.warm.wanted[key] == 0 {
			p.loaded[c] = p.lru.PushBack(f)
		} else {
			p.loaded[c] = p.lru.PushFront(f)
		}
		p.warmChanged()
		for p.lru.Len() > p.cfg.MaxLoaded || p.lru.Len() > 1 && p.loadedBytesLocked() > p.cfg.MaxLoadedBytes {
			old := p.lru.Remove(p.lru.Back()).(*function)
			delete(p.loaded, old.cid)
			if !p.sharedLocked(old.module) { // every JS function shares its engine's module
				old.sb.Release(old.module)
			}
		}
		return f, nil
	})
	if err != nil {
		return nil, err
	}
	if !warm { // a request that joined after the load was placed
		p.mu.Lock()
		if el, ok := p.loaded[c]; ok {
			p.lru.MoveToFront(el)
		}
		p.mu.Unlock()
	}
	return v.(*function), nil
}

// loadedBytesLocked is the memory the loaded functions' modules hold, each
// module once (Config.MaxLoadedBytes); p.mu is held.
func (p *Provider) loadedBytesLocked() int64 {
	seen := make(map[*sandbox.Module]bool, p.lru.Len())
	var n int64
	for el := p.lru.Front(); el != nil; el = el.Next() {
		if m := el.Value.(*function).module; !seen[m] {
			seen[m] = true
			n += m.Size()
		}
	}
	return n
}

// load reads, verifies and compiles the function c from the store,
// fetching its blocks from peers first if they are missing.
func (p *Provider) load(ctx context.Context, c wf.CID) (*function, error) {
	if !spec.IsBlockCID(c) {
		return nil, wf.E(wf.ErrNotFound, p.notFunction(ctx, c), nil)
	}
	if err := p.ensure(ctx, c); err != nil {
		if errors.Is(err, wf.ErrNotFound) {
			return nil, fmt.Errorf("%w: function %s is not deployed here (nor at its peers)", wf.ErrNotFound, c)
		}
		return nil, err
	}
	b, err := p.cfg.Store.Get(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("provider: load %s: %w", c, err)
	}
	ss, err := p.verify(b)
	if err != nil {
		return nil, err
	}
	wasm, err := p.code(ctx, ss)
	if err != nil {
		return nil, err
	}
	f := &function{cid: c, name: c.String(), tenant: ss.Spec.Owner.String(), spec: ss, sb: p.cfg.Sandbox, env: ss.Spec.Env}
	if ss.Spec.Sealed != nil {
		if wasm, err = p.unseal(ctx, f, wasm); err != nil {
			return nil, err
		}
	}
	if f.module, f.js, err = compileFunction(ctx, f.sb, &ss.Spec, wasm, f.env); err != nil {
		return nil, fmt.Errorf("provider: compile %s: %w", c, err)
	}
	return f, nil
}

// unseal opens a sealed function's secrets into f's env and, when its code
// is encrypted, decrypts the module, all in memory. Decrypted modules
// compile in the private sandbox, whose compile cache is memory only.
func (p *Provider) unseal(ctx context.Context, f *function, wasm []byte) ([]byte, error) {
	s := &f.spec.Spec
	if p.opener == nil {
		return nil, wf.E(wf.ErrForbidden, "this provider has no sealing keys, so it cannot run sealed functions", nil)
	}
	if sc := s.Sealed.Secrets; sc.Defined() {
		if err := p.ensure(ctx, sc); err != nil {
			return nil, err
		}
	}
	if s.Code.Encrypted {
		var err error
		if wasm, err = p.opener.Code(ctx, f.cid, s, wasm); err != nil {
			return nil, err
		}
		f.sb = p.private
	}
	secrets, err := p.opener.Secrets(ctx, f.cid, s)
	if err != nil {
		return nil, err
	}
	if f.env, err = seal.MergeEnv(s.Env, secrets); err != nil {
		return nil, err
	}
	f.redact = seal.NewRedactor(secrets)
	return wasm, nil
}

// ensure makes sure block c is in the store, fetching it from peers if not.
func (p *Provider) ensure(ctx context.Context, c wf.CID) error {
	ok, err := p.cfg.Store.Has(ctx, c)
	if err != nil {
		return fmt.Errorf("provider: %w", err)
	}
	if ok {
		return nil
	}
	return p.fetch(ctx, "block", c)
}

// fetch pulls what (a block or a whole DAG) rooted at c from the peers
// into the store, every block verified; a node without peers, or whose
// peers lack it, answers not found.
func (p *Provider) fetch(ctx context.Context, what string, c wf.CID) error {
	if p.cfg.Fetcher == nil {
		return fmt.Errorf("%w: %s %s is missing", wf.ErrNotFound, what, c)
	}
	if err := p.cfg.Fetcher.Fetch(ctx, c, p.cfg.Store); err != nil {
		return fmt.Errorf("%w: %s %s is missing and could not be fetched", wf.ErrNotFound, what, c)
	}
	return nil
}

// verify decodes a spec block, checks its owner's signature and that this
// node understands every extension the spec requires.
func (p *Provider) verify(b []byte) (*wf.SignedSpec, error) {
	ss, err := spec.Decode(b)
	if err != nil {
		return nil, err
	}
	if err := spec.Verify(ss, chain.Verifier{}); err != nil {
		var de *spec.DelegationError
		if errors.As(err, &de) {
			return nil, &httperr.Error{Status: http.StatusForbidden, Code: de.Code, Message: de.Error()}
		}
		return nil, err
	}
	if err := p.cfg.Extensions.Admit(&ss.Spec); err != nil {
		var un *spec.UnsupportedError
		if errors.As(err, &un) {
			return nil, &httperr.Error{Status: http.StatusBadRequest, Code: "unsupported_extension", Message: un.Error()}
		}
		return nil, err
	}
	return ss, nil
}

// code reads the function's module from its code DAG.
func (p *Provider) code(ctx context.Context, ss *wf.SignedSpec) ([]byte, error) {
	root := ss.Spec.Code.CID
	if err := dag.VerifyComplete(ctx, p.cfg.Store, root); err != nil {
		if p.cfg.Fetcher == nil || !errors.Is(err, wf.ErrNotFound) {
			return nil, fmt.Errorf("provider: code %s: %w", root, err)
		}
		if err := p.fetch(ctx, "code", root); err != nil {
			return nil, err
		}
	}
	wasm, err := dag.ReadFile(ctx, p.cfg.Store, root, ss.Spec.Code.Entry)
	if err != nil {
		return nil, fmt.Errorf("provider: read code %s/%s: %w", root, ss.Spec.Code.Entry, err)
	}
	return wasm, nil
}

// unload drops f so the next request reloads it; used when its module was
// released under it (another function with the same code was evicted).
func (p *Provider) unload(f *function) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if el, ok := p.loaded[f.cid]; ok && el.Value == f {
		p.lru.Remove(el)
		delete(p.loaded, f.cid)
	}
}

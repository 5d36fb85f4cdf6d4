package provider

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// OwnedFunction is one function in GET /v1/functions?owner=: what its
// signed spec says publicly (anyone can fetch the spec block from
// /ipfs/{cid}), and whether it is loaded now.
type OwnedFunction struct {
	CID     wf.CID     `json:"cid"`
	Owner   wf.Address `json:"owner"`
	Created string     `json:"created,omitempty"`
	Code    wf.CID     `json:"code"`
	Sealed  bool       `json:"sealed,omitempty"`
	Loaded  bool       `json:"loaded"`
}

// cidLister is a store that can list what it holds: memstore and
// diskstore can. A store that cannot is listed through its loaded
// functions only.
type cidLister interface{ CIDs() []wf.CID }

// serveOwned lists the functions deployed here whose owner is ?owner=:
// every stored spec block whose owner signature checks (the spec blocks
// are public already, at /ipfs/{cid}, so the list reveals nothing new
// and needs no signature). Per-function figures beyond it (logs) need the
// owner's signature, at /v1/logs/{cid}. The store is scanned on each
// request: fine for a node's thousands of functions; an index can come
// when a node holds millions.
func (p *Provider) serveOwned(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	if q := r.URL.Query().Get("code"); q != "" {
		code, err := wf.ParseCID(q)
		if err != nil {
			httperr.Write(w, ri.log, fmt.Errorf("%w: code: %v", wf.ErrInvalid, err))
			return
		}
		httperr.WriteJSON(w, http.StatusOK, map[string]any{"code": code, "functions": p.withCode(r.Context(), code, 16)})
		return
	}
	q := r.URL.Query().Get("owner")
	if q == "" {
		httperr.Write(w, ri.log, fmt.Errorf("%w: say whose functions: GET /v1/functions?owner=0x... (or ?code=CID: the functions running that code)", wf.ErrInvalid))
		return
	}
	owner, err := wf.ParseAddress(q)
	if err != nil {
		httperr.Write(w, ri.log, fmt.Errorf("%w: owner: %v", wf.ErrInvalid, err))
		return
	}
	found := map[wf.CID]*OwnedFunction{}
	p.mu.Lock()
	for c, el := range p.loaded {
		if f := el.Value.(*function); f.spec.Spec.Owner == owner {
			found[c] = owned(c, f.spec, true)
		}
	}
	p.mu.Unlock()
	if l, ok := p.cfg.Store.(cidLister); ok {
		for _, c := range l.CIDs() {
			if _, ok := found[c]; ok || !spec.IsBlockCID(c) {
				continue
			}
			f, ok := p.ownedSpec(r.Context(), c, owner)
			if ok && f.Owner == owner {
				found[c] = f
			}
		}
	}
	out := make([]*OwnedFunction, 0, len(found))
	for _, f := range found {
		out = append(out, f)
	}
	// Newest first; the CID breaks ties so the order is stable.
	slices.SortFunc(out, func(a, b *OwnedFunction) int {
		if c := strings.Compare(b.Created, a.Created); c != 0 {
			return c
		}
		return strings.Compare(a.CID.String(), b.CID.String())
	})
	httperr.WriteJSON(w, http.StatusOK, map[string]any{"owner": owner, "functions": out})
}

// notFunction says why c is not a function's address (spec.NotFunction)
// and, when c is the code of functions deployed here, names them with
// their owners: the address the user meant to paste.
func (p *Provider) notFunction(ctx context.Context, c wf.CID) string {
	msg := spec.NotFunction(c)
	fs := p.withCode(ctx, c, 3)
	if len(fs) == 0 {
		return msg
	}
	named := make([]string, len(fs))
	for i, f := range fs {
		named[i] = fmt.Sprintf("%s (owner %s)", f.CID, f.Owner)
	}
	return msg + "; functions deployed here with this code: " + strings.Join(named, ", ")
}

// withCode lists up to max validly signed functions stored here whose
// code is code. Only a code block stored here starts the store's scan, so
// asking about random CIDs costs a lookup.
func (p *Provider) withCode(ctx context.Context, code wf.CID, max int) []*OwnedFunction {
	out := []*OwnedFunction{}
	l, ok := p.cfg.Store.(cidLister)
	if !ok {
		return out
	}
	if has, err := p.cfg.Store.Has(ctx, code); err != nil || !has {
		return out
	}
	for _, c := range l.CIDs() {
		if !spec.IsBlockCID(c) {
			continue
		}
		f, ok := p.ownedSpec(ctx, c, wf.Address{})
		if !ok || f.Code != code {
			continue
		}
		if f, ok = p.ownedSpec(ctx, c, f.Owner); ok { // checks its signature
			out = append(out, f)
		}
		if len(out) == max {
			break
		}
	}
	return out
}

// specMemo remembers what stored blocks say about ownership: a CID names
// its content, so whether block c is a validly signed spec, and whose, never
// changes, for any provider. It saves the listing a store read, a decode
// and a signature check per spec on every request. Bounded: it starts
// over when full.
var specMemo = struct {
	sync.Mutex
	m map[wf.CID]memoEntry
}{m: map[wf.CID]memoEntry{}}

// memoEntry is what a stored block says: nothing (f nil: not a spec), or
// a spec of f.Owner whose signature was checked or not yet (only specs of
// an owner someone listed pay for the check).
type memoEntry struct {
	f        *OwnedFunction
	verified bool
}

const maxSpecMemo = 1 << 17

// ownedSpec returns what stored block c says as a function (Loaded
// false), or false when it is not a validly signed spec or is gone. Every
// spec's owner is remembered, so listing one owner never decodes another
// owner's specs twice; only specs of owner are signature-checked.
func (p *Provider) ownedSpec(ctx context.Context, c wf.CID, owner wf.Address) (*OwnedFunction, bool) {
	specMemo.Lock()
	e, seen := specMemo.m[c]
	specMemo.Unlock()
	switch {
	case seen && e.f == nil:
		return nil, false
	case seen && (e.verified || e.f.Owner != owner):
		g := *e.f
		return &g, true // the caller keeps only owner's
	}
	b, err := p.cfg.Store.Get(ctx, c)
	if err != nil {
		return nil, false // deleted since it was listed
	}
	ss, err := spec.Decode(b)
	if err != nil {
		remember(c, memoEntry{})
		return nil, false
	}
	f := owned(c, ss, false)
	if ss.Spec.Owner != owner {
		remember(c, memoEntry{f: f})
		return f, true
	}
	if err := spec.Verify(ss, chain.Verifier{}); err != nil {
		remember(c, memoEntry{})
		return nil, false
	}
	remember(c, memoEntry{f: f, verified: true})
	g := *f
	return &g, true
}

func remember(c wf.CID, e memoEntry) {
	specMemo.Lock()
	defer specMemo.Unlock()
	if len(specMemo.m) >= maxSpecMemo {
		clear(specMemo.m)
	}
	specMemo.m[c] = e
}

func owned(c wf.CID, ss *wf.SignedSpec, loaded bool) *OwnedFunction {
	return &OwnedFunction{CID: c, Owner: ss.Spec.Owner, Created: ss.Spec.Created, Code: ss.Spec.Code.CID,
		Sealed: ss.Spec.Sealed != nil, Loaded: loaded}
}

// LoadedFunctions lists the functions loaded now (spec verified, module
// compiled), most recently used first: for an operator's console running
// in the node's process. The list is not served over HTTP: which
// functions are hot is the operator's to know.
func (p *Provider) LoadedFunctions() []wf.CID {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]wf.CID, 0, p.lru.Len())
	for el := p.lru.Front(); el != nil; el = el.Next() {
		out = append(out, el.Value.(*function).cid)
	}
	return out
}

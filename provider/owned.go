package provider

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

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
	q := r.URL.Query().Get("owner")
	if q == "" {
		httperr.Write(w, ri.log, fmt.Errorf("%w: say whose functions: GET /v1/functions?owner=0x...", wf.ErrInvalid))
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
			b, err := p.cfg.Store.Get(r.Context(), c)
			if err != nil {
				continue // deleted since it was listed
			}
			// A cheap look at the owner first: only the owner's specs
			// pay for a signature check.
			ss, err := spec.Decode(b)
			if err != nil || ss.Spec.Owner != owner {
				continue
			}
			if ss, err = p.verify(b); err != nil {
				continue
			}
			found[c] = owned(c, ss, false)
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

func owned(c wf.CID, ss *wf.SignedSpec, loaded bool) *OwnedFunction {
	return &OwnedFunction{CID: c, Owner: ss.Spec.Owner, Created: ss.Spec.Created, Code: ss.Spec.Code.CID,
		Sealed: ss.Spec.Sealed != nil, Loaded: loaded}
}

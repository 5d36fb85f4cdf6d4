package provider

import (
	"fmt"
	"net/http"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// serveChallenge answers a gateway's endpoint-ownership challenge
// (chain.ChallengePath): it signs the gateway's nonce with the provider's
// key, so a gateway routes a registered name here only if this node holds
// the name's registered address. Signing for anyone is safe: the proof
// type is only ever accepted as evidence about this endpoint, never as a
// tunnel login (see wf.EndpointChallenge).
func (p *Provider) serveChallenge(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	if p.cfg.Key == nil {
		httperr.Write(w, ri.log, fmt.Errorf("%w: this provider has no identity key", wf.ErrNotFound))
		return
	}
	q := r.URL.Query()
	n, err := wf.ParseNonce(q.Get("nonce"))
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	proof, err := chain.Prove(p.cfg.Key, wf.EndpointChallenge{Gateway: q.Get("gateway"), Nonce: n})
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httperr.WriteJSON(w, http.StatusOK, proof)
}

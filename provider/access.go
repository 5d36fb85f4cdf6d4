package provider

import (
	"maps"
	"net/http"
	"net/netip"
	"sync"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Gate decides who may call functions whose spec carries an access policy
// (the wf.access extension, docs/credentials.md). The provider consults it
// for such functions only, after the body is read and before the owner's
// caller limits, payment and a slot: a refused call is never run and never
// charged. cred.Verifier implements it; a provider without a Gate refuses
// those functions (their extension is unsupported).
//
// Admit returns the variables the function may see for an admitted call
// (the disclosed attributes), or an error carrying its HTTP status
// (an *httperr.Error, optionally with ErrorDetails). fn is the function,
// s its spec, path its PATH_INFO (escaped) and body the whole request
// body. undo, if not nil, takes back what the admission spent (a
// per-epoch rate unit): the provider calls it, once, when a later check
// (the owner's caller limits, payment, a slot) refuses the call or its
// run is not charged. No charge, no rate unit. Implementations are safe
// for concurrent use.
type Gate interface {
	Admit(r *http.Request, fn wf.CID, s *wf.Spec, path string, body []byte) (env map[string]string, undo func(), err error)
}

// detailed is an error with details for the JSON error body.
type detailed interface{ ErrorDetails() map[string]any }

// admitAccess applies the function's access policy, if it has one.
// undo is never nil: a no-op when there is nothing to take back.
func (p *Provider) admitAccess(r *http.Request, f *function, a address, body []byte) (map[string]string, func(), error) {
	if _, ok := f.spec.Spec.Extensions[spec.AccessExtension]; !ok {
		return nil, noUndo, nil
	}
	if p.cfg.Access == nil {
		return nil, noUndo, &httperr.Error{Status: http.StatusForbidden, Code: "credential_unsupported",
			Message: "the function has an access policy and this provider does not verify credentials"}
	}
	if addr, tunneled := callerIP(r); tunneled && addr.IsValid() {
		// The gate budgets failed proofs per caller address: through this
		// provider's tunnel that is the gateway's X-Forwarded-For entry,
		// not the tunnel's end.
		rr := *r
		rr.RemoteAddr = netip.AddrPortFrom(addr, 0).String()
		r = &rr
	}
	env, undo, err := p.cfg.Access.Admit(r, f.cid, &f.spec.Spec, a.path, body)
	if err != nil || undo == nil {
		return env, noUndo, err
	}
	var once sync.Once
	return env, func() { once.Do(undo) }, nil
}

func noUndo() {}

// writeAccessError answers a call the gate refused.
func writeAccessError(w http.ResponseWriter, ri reqInfo, err error) {
	if d, ok := err.(detailed); ok && d.ErrorDetails() != nil {
		httperr.WriteExtra(w, ri.log, err, d.ErrorDetails())
		return
	}
	httperr.Write(w, ri.log, err)
}

// withAccess returns reg with wf.access added when the provider has a
// gate to honour it.
func withAccess(reg spec.Registry, g Gate) spec.Registry {
	if g == nil {
		return reg
	}
	if _, ok := reg[spec.AccessExtension]; ok {
		return reg
	}
	out := maps.Clone(reg)
	if out == nil {
		out = spec.Registry{}
	}
	out[spec.AccessExtension] = spec.AccessType
	return out
}

// guestEnv is the function's own environment with the gate's variables
// on top: what the owner set cannot pose as a disclosed attribute.
func guestEnv(own, gate map[string]string) map[string]string {
	if len(gate) == 0 {
		return own
	}
	out := make(map[string]string, len(own)+len(gate))
	maps.Copy(out, own)
	maps.Copy(out, gate)
	return out
}

// preludeFor is the prelude a JavaScript function runs with for a caller
// who proved callerEnv (disclosed attributes, a CI job's claims): the
// worker's env argument is its own env with those variables over it, as
// a WebAssembly function sees them among its CGI variables. Without
// caller variables, or for a WebAssembly function, it is f's prelude.
func (f *function) preludeFor(callerEnv map[string]string) ([]byte, error) {
	if f.prelude == nil || len(callerEnv) == 0 {
		return f.prelude, nil
	}
	return jsrt.Prelude(f.script, guestEnv(f.env, callerEnv))
}

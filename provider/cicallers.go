package provider

import (
	"net/http"
	"strings"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/spec"
)

// admitCI admits r to f when f's spec has wf.ci.callers: the request must
// carry a CI job's identity token (ci.CallerHeader) that verifies against
// an issuer this provider trusts and matches one of the function's rules.
// It runs before payment, limits and the run, so a refused request costs
// nobody anything. It returns the matched job's claims (WF_CI_*), which
// the function sees over its own env, never the token; nil without
// wf.ci.callers.
func (p *Provider) admitCI(r *http.Request, f *function) (map[string]string, error) {
	x, ok := f.spec.Spec.Extensions[spec.CICallersExtension]
	if !ok {
		return nil, nil
	}
	f.ciOnce.Do(func() { f.ciRules, f.ciErr = spec.DecodeCICallers(x.Data) })
	if f.ciErr != nil {
		return nil, f.ciErr
	}
	claims, err := p.cfg.CICallers.Admit(r.Context(), r.Header.Get(ci.CallerHeader), f.spec.Spec.Owner, f.ciRules)
	if err != nil {
		return nil, err
	}
	env := make(map[string]string, 8)
	for _, kv := range claims.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	info(r).log.Debug("ci caller admitted", "function", f.cid.String(), "job", claims.String())
	return env, nil
}

package provider

import (
	"maps"
	"net/http"
	"strings"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/spec"
)

// admitCI admits r to f when f's spec has wf.ci.callers: the request must
// carry a CI job's identity token (ci.CallerHeader) that verifies against
// an issuer this provider trusts and matches one of the function's rules.
// It runs before payment, limits and the run, so a refused request costs
// nobody anything. It returns the environment the function runs with:
// f's own plus the matched job's claims (WF_CI_*), never the token.
func (p *Provider) admitCI(r *http.Request, f *function) (map[string]string, error) {
	x, ok := f.spec.Spec.Extensions[spec.CICallersExtension]
	if !ok {
		return f.cgiEnv(), nil
	}
	f.ciOnce.Do(func() { f.ciRules, f.ciErr = spec.DecodeCICallers(x.Data) })
	if f.ciErr != nil {
		return nil, f.ciErr
	}
	claims, err := p.cfg.CICallers.Admit(r.Context(), r.Header.Get(ci.CallerHeader), f.spec.Spec.Owner, f.ciRules)
	if err != nil {
		return nil, err
	}
	env := maps.Clone(f.cgiEnv())
	if env == nil {
		env = map[string]string{}
	}
	for _, kv := range claims.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v // the claims win over the spec's env
	}
	info(r).log.Debug("ci caller admitted", "function", f.cid.String(), "job", claims.String())
	return env, nil
}

package provider

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// MaxLogsAuthWindow bounds how far ahead a log-read signature may expire.
const MaxLogsAuthWindow = time.Hour

// serveLogs returns a function's recent invocations to its owner. The
// request carries `Authorization: WF-Sig expires=<unix>,sig=<0x...>`, the
// owner's signature over a wf.LogsRequest (function, expires).
func (p *Provider) serveLogs(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	c, err := wf.ParseCID(r.PathValue("cid"))
	if err != nil {
		httperr.Write(w, ri.log, fmt.Errorf("%w: %v", wf.ErrInvalid, err))
		return
	}
	signer, err := p.logsSigner(r, c)
	if err != nil {
		w.Header().Set("WWW-Authenticate", `WF-Sig realm="logs"`)
		httperr.Write(w, ri.log, err)
		return
	}
	f, err := p.function(r.Context(), c)
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	if signer != f.spec.Spec.Owner {
		httperr.Write(w, ri.log, fmt.Errorf("%w: only the function's owner may read its logs", wf.ErrForbidden))
		return
	}
	httperr.WriteJSON(w, http.StatusOK, map[string]any{"function": c, "entries": f.recent()})
}

func (p *Provider) logsSigner(r *http.Request, c wf.CID) (wf.Address, error) {
	unauth := func(msg string) (wf.Address, error) {
		return wf.Address{}, fmt.Errorf("%w: %s", wf.ErrUnauthorized, msg)
	}
	auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "WF-Sig ")
	if !ok {
		return unauth("send Authorization: WF-Sig expires=<unix>,sig=<owner signature> (wf logs does this)")
	}
	var expires int64
	var sig wf.Signature
	var haveSig bool
	for _, kv := range strings.Split(auth, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		switch k {
		case "expires":
			expires, _ = strconv.ParseInt(v, 10, 64)
		case "sig":
			if err := sig.UnmarshalText([]byte(v)); err != nil {
				return unauth("malformed signature")
			}
			haveSig = true
		}
	}
	now := p.cfg.Now()
	if !haveSig || expires == 0 {
		return unauth("Authorization needs expires and sig")
	}
	if exp := time.Unix(expires, 0); exp.Before(now) || exp.After(now.Add(MaxLogsAuthWindow)) {
		return unauth("signature expired or expires too far ahead (at most 1h)")
	}
	signer, err := chain.Verifier{}.Recover(wf.LogsRequest{Function: c, Expires: expires}, sig)
	if err != nil {
		return unauth("bad signature")
	}
	return signer, nil
}

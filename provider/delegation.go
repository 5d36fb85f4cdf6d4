package provider

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// delegated checks that the signer of an owner's signed request (a log
// read) acts for owner within scope under the CI delegation its
// Authorization header carries as delegation=<base64url of wf.ci data>
// (docs/ci.md). It is judged at this provider's clock: a live request, not
// a stored spec. Without a delegation, the signer is simply not the owner.
func (p *Provider) delegated(r *http.Request, owner, signer wf.Address, scope string) error {
	notOwner := fmt.Errorf("%w: only the function's owner (or its CI delegate, with scope %s) may do this, with a signature for this provider (%s)",
		wf.ErrForbidden, scope, p.address().Checksum())
	auth, _ := strings.CutPrefix(r.Header.Get("Authorization"), "WF-Sig ")
	var enc string
	for _, kv := range strings.Split(auth, ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(kv), "delegation="); ok {
			enc = v
		}
	}
	if enc == "" {
		return notOwner
	}
	data, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil {
		return fmt.Errorf("%w: the delegation is not base64url", wf.ErrInvalid)
	}
	c, err := spec.DecodeCI(data)
	if err != nil {
		return fmt.Errorf("delegation: %w", err)
	}
	if err := spec.CheckDelegate(c, owner, signer, scope, p.cfg.Now(), chain.Verifier{}); err != nil {
		var de *spec.DelegationError
		if errors.As(err, &de) {
			return &httperr.Error{Status: http.StatusForbidden, Code: de.Code, Message: de.Error()}
		}
		return err
	}
	return nil
}

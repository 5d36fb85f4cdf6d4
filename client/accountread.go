package client

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/webfunctions/wf/wf"
)

// AccountPath is where a provider answers a signed wf.AccountRead of
// scope: GET /v1/payer (provider.PayerHoldings) and GET /v1/console
// (provider.Console).
func AccountPath(scope string) string {
	if scope == wf.ScopeOperator {
		return "/v1/console"
	}
	return "/v1/payer"
}

// ReadAccountSigned reads what the provider whose address is provider
// holds under scope (wf.ScopePayer: the signer's own accounts;
// wf.ScopeOperator: the node's console, for its own key only), with sig
// over wf.AccountRead{scope, provider, expires} made elsewhere (a
// browser's wallet), decoding the JSON answer into out.
func (c *Client) ReadAccountSigned(ctx context.Context, scope string, provider wf.Address, expires int64, sig wf.Signature, out any) error {
	req, err := signedRead(ctx, c.BaseURL+AccountPath(scope), provider, expires, sig, nil)
	if err != nil {
		return err
	}
	if err := c.do(req, http.StatusOK, out); err != nil {
		return fmt.Errorf("%s read: %w", scope, err)
	}
	return nil
}

// ReadAccount is ReadAccountSigned signed by signer, good for LogsWindow,
// for the provider this client reaches (its address from /v1/info).
func (c *Client) ReadAccount(ctx context.Context, scope string, signer wf.Signer, out any) error {
	info, err := c.Info(ctx)
	if err != nil {
		return err
	}
	expires := time.Now().Add(LogsWindow).Unix()
	sig, err := signer.Sign(wf.AccountRead{Scope: scope, Provider: info.Address, Expires: expires})
	if err != nil {
		return fmt.Errorf("%s read: %w", scope, err)
	}
	return c.ReadAccountSigned(ctx, scope, info.Address, expires, sig, out)
}

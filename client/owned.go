package client

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/webfunctions/wf/wf"
)

// Function is one function a provider holds, as GET /v1/functions?owner=
// lists it: what its public spec block says, and whether the provider has
// it loaded now.
type Function struct {
	CID     wf.CID     `json:"cid"`
	Owner   wf.Address `json:"owner"`
	Created string     `json:"created"` // RFC 3339, the spec's
	Code    wf.CID     `json:"code"`
	Sealed  bool       `json:"sealed"`
	Loaded  bool       `json:"loaded"`
}

// Functions lists the functions owner has deployed at the provider,
// newest first. The list is public (spec blocks are); a provider that
// predates it answers a *ResponseError matching wf.ErrNotFound.
func (c *Client) Functions(ctx context.Context, owner wf.Address) ([]Function, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/functions?owner="+url.QueryEscape(owner.Checksum()), nil)
	if err != nil {
		return nil, err
	}
	var res struct {
		Functions []Function `json:"functions"`
	}
	if err := c.do(req, http.StatusOK, &res); err != nil {
		return nil, fmt.Errorf("functions of %s at %s: %w", owner.Checksum(), c.BaseURL, err)
	}
	return res.Functions, nil
}

// LogsSigned reads fn's recent invocations with a log-read signature made
// elsewhere: sig is the owner's over wf.LogsRequest{fn, provider,
// expires}, made in the owner's wallet, which a dashboard forwards
// without ever holding the key. LogsFrom is the same for a Signer at
// hand.
func (c *Client) LogsSigned(ctx context.Context, fn wf.CID, provider wf.Address, expires int64, sig wf.Signature) ([]wf.LogEntry, error) {
	return c.logsSigned(ctx, fn, provider, expires, sig, nil)
}

// Delegated is a wf.Signer that acts for its Address under a CI
// delegation (package ci's Job): requests it signs carry Delegation, the
// wf.ci extension data, so that providers can check it (docs/ci.md).
type Delegated interface {
	wf.Signer
	Delegation() []byte
}

func (c *Client) logsSigned(ctx context.Context, fn wf.CID, provider wf.Address, expires int64, sig wf.Signature, delegation []byte) ([]wf.LogEntry, error) {
	req, err := signedRead(ctx, c.BaseURL+"/v1/logs/"+fn.String(), provider, expires, sig, delegation)
	if err != nil {
		return nil, err
	}
	var res struct {
		Entries []wf.LogEntry `json:"entries"`
	}
	if err := c.do(req, http.StatusOK, &res); err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	return res.Entries, nil
}

// signedRead is a GET of url carrying an owner's signed read (a
// wf.LogsRequest): logs and stats are read the same way.
func signedRead(ctx context.Context, url string, provider wf.Address, expires int64, sig wf.Signature, delegation []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	auth := "WF-Sig expires=" + strconv.FormatInt(expires, 10)
	if !provider.IsZero() {
		auth += ",provider=" + provider.Checksum()
	}
	auth += ",sig=" + sig.String()
	if len(delegation) > 0 {
		auth += ",delegation=" + base64.RawURLEncoding.EncodeToString(delegation)
	}
	req.Header.Set("Authorization", auth)
	return req, nil
}

// FunctionsWithCode lists the functions at the provider whose code is
// code (a file's CID, as wf pack prints it): what to use where code was
// pasted instead of a function's address. At most 16, any owner.
func (c *Client) FunctionsWithCode(ctx context.Context, code wf.CID) ([]Function, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/functions?code="+url.QueryEscape(code.String()), nil)
	if err != nil {
		return nil, err
	}
	var res struct {
		Functions []Function `json:"functions"`
	}
	if err := c.do(req, http.StatusOK, &res); err != nil {
		return nil, fmt.Errorf("functions with code %s: %w", code, err)
	}
	return res.Functions, nil
}

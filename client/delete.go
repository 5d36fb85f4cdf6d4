package client

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/webfunctions/wf/wf"
)

// DeleteResult is a provider's answer to a delete.
type DeleteResult struct {
	CID wf.CID `json:"cid"`
	// Blocks and Bytes are what the provider removed from its store:
	// blocks another stored function uses stay.
	Blocks int   `json:"blocks"`
	Bytes  int64 `json:"bytes"`
	// Used is what the owner's deploys still take there.
	Used int64 `json:"used"`
}

// Delete asks the provider to delete function fn, signing the request as
// its owner for the provider's address as its /v1/info states it. Anyone
// else gets a *ResponseError matching wf.ErrForbidden; a function the
// provider does not store, wf.ErrNotFound. Other providers keep their
// copies: a provider owes nobody storage, and nobody can make all of them
// forget a function.
func (c *Client) Delete(ctx context.Context, fn wf.CID, owner wf.Signer) (*DeleteResult, error) {
	info, err := c.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("delete: %w", err)
	}
	return c.DeleteFrom(ctx, fn, info.Address, owner)
}

// DeleteFrom is Delete for the provider whose address is provider: the
// signed wf.DeleteRequest is good at that provider only, for LogsWindow.
func (c *Client) DeleteFrom(ctx context.Context, fn wf.CID, provider wf.Address, owner wf.Signer) (*DeleteResult, error) {
	expires := time.Now().Add(LogsWindow).Unix()
	sig, err := owner.Sign(wf.DeleteRequest{Function: fn, Provider: provider, Expires: expires})
	if err != nil {
		return nil, fmt.Errorf("delete: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, c.BaseURL+"/v1/functions/"+fn.String(), nil)
	if err != nil {
		return nil, err
	}
	auth := "WF-Sig expires=" + strconv.FormatInt(expires, 10)
	if !provider.IsZero() {
		auth += ",provider=" + provider.Checksum()
	}
	req.Header.Set("Authorization", auth+",sig="+sig.String())
	var res DeleteResult
	if err := c.do(req, http.StatusOK, &res); err != nil {
		return nil, fmt.Errorf("delete: %w", err)
	}
	return &res, nil
}

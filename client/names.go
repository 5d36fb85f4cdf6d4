package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/wf"
)

// NameResult is a provider's or gateway's answer to SetName.
type NameResult struct {
	CID     wf.CID     `json:"cid"` // the record's
	Owner   wf.Address `json:"owner"`
	Name    string     `json:"name"`
	Seq     uint64     `json:"seq"`
	Changed bool       `json:"changed"` // false: it was the current record already
}

// SetName posts a signed name record (see names.Sign) to the provider or
// gateway. A record that is not newer than the current one comes back as
// a *ResponseError: 409 with code "stale_record" or "seq_conflict".
func (c *Client) SetName(ctx context.Context, sr *wf.SignedNameRecord) (*NameResult, error) {
	b, _, err := names.Encode(sr)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/names", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	var res NameResult
	if err := c.do(req, http.StatusOK, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// Name fetches the current record of owner's name. With a Verifier
// (package chain's) it checks the owner's signature.
func (c *Client) Name(ctx context.Context, owner wf.Address, name string, v wf.Verifier) (*names.Record, error) {
	if !names.ValidName(name) {
		return nil, fmt.Errorf("%w: %q is not a name (a DNS label)", wf.ErrInvalid, name)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/names/"+owner.String()+"/"+name, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, names.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, newResponseError(resp, b)
	}
	rec, err := check(b, v)
	if err != nil {
		return nil, err
	}
	if rec.Record.Owner != owner || rec.Record.Name != name {
		return nil, fmt.Errorf("%w: %s answered the record of %s/%s", wf.ErrInvalid, c.BaseURL, rec.Record.Owner, rec.Record.Name)
	}
	return rec, nil
}

// NameHistory fetches every record of owner's name the server holds,
// newest (current) first.
func (c *Client) NameHistory(ctx context.Context, owner wf.Address, name string, v wf.Verifier) ([]*names.Record, error) {
	if !names.ValidName(name) {
		return nil, fmt.Errorf("%w: %q is not a name (a DNS label)", wf.ErrInvalid, name)
	}
	return c.records(ctx, "/v1/names/"+owner.String()+"/"+name+"/history", v)
}

// Names fetches the current records of owner's names, by name.
func (c *Client) Names(ctx context.Context, owner wf.Address, v wf.Verifier) ([]*names.Record, error) {
	return c.records(ctx, "/v1/names/"+owner.String(), v)
}

func (c *Client) records(ctx context.Context, path string, v wf.Verifier) ([]*names.Record, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+path, nil)
	if err != nil {
		return nil, err
	}
	var list struct {
		Records []json.RawMessage `json:"records"`
	}
	if err := c.do(req, http.StatusOK, &list); err != nil {
		return nil, err
	}
	out := make([]*names.Record, len(list.Records))
	for i, b := range list.Records {
		rec, err := check(b, v)
		if err != nil {
			return nil, err
		}
		out[i] = rec
	}
	return out, nil
}

// check decodes a record strictly and, with v, checks its signature.
func check(b []byte, v wf.Verifier) (*names.Record, error) {
	sr, err := names.Decode(b)
	if err != nil {
		return nil, err
	}
	if v != nil {
		if err := names.Verify(sr, v); err != nil {
			return nil, err
		}
	}
	return &names.Record{SignedNameRecord: sr, Raw: b, CID: wf.SumCID(wf.CodecJSON, b)}, nil
}

// InvokeName calls owner's name as Invoke calls a function:
// Method BaseURL/@{owner}/{name}{Path}. The name's current record picks
// the function; Response.Function says which.
func (c *Client) InvokeName(ctx context.Context, owner wf.Address, name string, r Request) (*Response, error) {
	if !names.ValidName(name) {
		return nil, fmt.Errorf("%w: %q is not a name (a DNS label)", wf.ErrInvalid, name)
	}
	if cmpOr(r.Pay, c.Pay) != nil {
		// A paid request is signed over its function's CID, which the
		// provider picks for a name.
		return nil, fmt.Errorf("%w: a caller-paid call by name is not supported yet: resolve the name (Client.Name) and Invoke the CID", wf.ErrInvalid)
	}
	req, err := c.newInvoke(ctx, "/@"+owner.String()+"/"+url.PathEscape(name), r, r.Body)
	if err != nil {
		if rc, ok := r.Body.(io.Closer); ok {
			rc.Close()
		}
		return nil, err
	}
	return c.doInvoke(req)
}

// Function is the function a name routed the request to, from
// wf.FunctionHeader; false on a call by CID.
func (r *Response) Function() (wf.CID, bool) {
	c, err := wf.ParseCID(r.Header.Get(wf.FunctionHeader))
	return c, err == nil
}

// Package client talks to a provider node over HTTP: it packs and signs
// functions into deploy CARs, uploads them, invokes functions and reads
// their logs. The cli and the tests use it; so can any Go program.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// Client is a provider's HTTP API.
type Client struct {
	BaseURL string       // e.g. http://127.0.0.1:8080
	HTTP    *http.Client // default http.DefaultClient
}

// New returns a Client for the provider at baseURL.
func New(baseURL string) *Client { return &Client{BaseURL: strings.TrimSuffix(baseURL, "/")} }

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

// DeployResult is the provider's answer to a deploy.
type DeployResult struct {
	CID   wf.CID     `json:"cid"`
	Owner wf.Address `json:"owner"`
	Code  wf.CID     `json:"code"`
	URL   string     `json:"url"`
}

// Deploy uploads a packed function.
func (c *Client) Deploy(ctx context.Context, p *Package) (*DeployResult, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/car", bytes.NewReader(p.CAR))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/vnd.ipld.car")
	var res DeployResult
	if err := c.do(req, http.StatusCreated, &res); err != nil {
		return nil, fmt.Errorf("deploy to %s: %w", c.BaseURL, err)
	}
	if res.CID != p.CID {
		return nil, fmt.Errorf("deploy to %s: provider stored %s, expected %s", c.BaseURL, res.CID, p.CID)
	}
	return &res, nil
}

// Logs reads a function's recent invocations, signing the request (a
// wf.LogsRequest valid for five minutes) as the function's owner.
func (c *Client) Logs(ctx context.Context, fn wf.CID, owner wf.Signer) ([]wf.LogEntry, error) {
	expires := time.Now().Add(5 * time.Minute).Unix()
	sig, err := owner.Sign(wf.LogsRequest{Function: fn, Expires: expires})
	if err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/logs/"+fn.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "WF-Sig expires="+strconv.FormatInt(expires, 10)+",sig="+sig.String())
	var res struct {
		Entries []wf.LogEntry `json:"entries"`
	}
	if err := c.do(req, http.StatusOK, &res); err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	return res.Entries, nil
}

// do sends req and decodes a JSON answer, turning error bodies into
// one-line errors.
func (c *Client) do(req *http.Request, want int, v any) error {
	resp, err := c.http().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != want {
		return ResponseError(resp.StatusCode, b)
	}
	return json.Unmarshal(b, v)
}

// ResponseError turns an error response into a one-line error.
func ResponseError(status int, body []byte) error {
	var e httperr.Body
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		return fmt.Errorf("%d %s: %s", status, e.Error.Code, e.Error.Message)
	}
	return fmt.Errorf("HTTP %d: %.200s", status, body)
}

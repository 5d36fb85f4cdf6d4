package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// Request is one call of a function. The zero Request is GET /.
type Request struct {
	// Method defaults to GET, or POST when Body is set.
	Method string
	// Path is the function's own path, what follows /{cid} in its URL;
	// "/" when empty. It may carry a query, as typed: "/search?q=go".
	Path string
	// Query is added to Path's query.
	Query url.Values
	// Header is sent as given (net/http sets Host and framing itself).
	Header http.Header
	// Body is sent as the request body. Invoke closes it if it is an
	// io.Closer, even on errors, as http.Client.Do does.
	Body io.Reader
	// Pay, when set (here or as Client.Pay), pays for the request as the
	// caller: it signs this request with its session key and sends the
	// voucher as wf.VoucherHeader, and takes the answer into its running
	// total. The body is read into memory first, to be signed. A 402 that
	// a new session fixes (a running total behind the provider's, a
	// session the provider no longer knows) is retried once. Neither set:
	// the function's owner pays, or nobody on a free provider.
	Pay *Payer
}

// Response is a function's answer. The caller reads and closes Body.
type Response struct {
	*http.Response
}

// Price is what the provider charges per request, from wf.PriceHeader:
// false when the answer does not say (a free provider) or says it in a
// form that is not a decimal integer.
func (r *Response) Price() (wf.Amount, bool) {
	a, err := wf.ParseAmount(r.Header.Get(wf.PriceHeader))
	return a, err == nil
}

// Receipt is the provider's signed receipt for this request, from
// wf.ReceiptHeader; empty when the request was not charged. Package
// payment decodes and checks it (DecodeReceipt, VerifyReceipt).
func (r *Response) Receipt() string { return r.Header.Get(wf.ReceiptHeader) }

// maxErrorBody bounds what Invoke reads of an answer that may be a JSON
// error body; the provider's are far smaller.
const maxErrorBody = 64 << 10

// Invoke calls function fn at c: Method BaseURL/{fn}{Path}. Whatever the
// function answers comes back as a Response, a status of 400 or more
// included. What the provider or a gateway answers in the function's
// place, a JSON error body with a status of 400 or more (unknown
// function, payment required, the function failed or timed out, limits),
// comes back as a *ResponseError, its body read and closed. A function
// that answers such a body itself is read the same way.
func (c *Client) Invoke(ctx context.Context, fn wf.CID, r Request) (*Response, error) {
	if pay := cmpOr(r.Pay, c.Pay); pay != nil {
		return c.invokePaid(ctx, fn, r, pay)
	}
	req, err := c.newInvoke(ctx, "/"+fn.String(), r, r.Body)
	if err != nil {
		if rc, ok := r.Body.(io.Closer); ok {
			rc.Close()
		}
		return nil, err
	}
	return c.doInvoke(req)
}

func cmpOr(a, b *Payer) *Payer {
	if a != nil {
		return a
	}
	return b
}

// newInvoke makes the request for the function at BaseURL+at (/{cid} or
// /@{owner}/{name}).
func (c *Client) newInvoke(ctx context.Context, at string, r Request, body io.Reader) (*http.Request, error) {
	path := r.Path
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	if len(r.Query) > 0 {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + r.Query.Encode()
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet
		if r.Body != nil {
			method = http.MethodPost
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+at+path, body)
	if err != nil {
		return nil, err
	}
	if r.Header != nil {
		req.Header = r.Header.Clone()
	}
	return req, nil
}

// invokePaid is Invoke with a Payer.
func (c *Client) invokePaid(ctx context.Context, fn wf.CID, r Request, pay *Payer) (*Response, error) {
	var body []byte
	if r.Body != nil {
		var err error
		body, err = io.ReadAll(r.Body)
		if rc, ok := r.Body.(io.Closer); ok {
			rc.Close()
		}
		if err != nil {
			return nil, err
		}
	}
	// Until an answer says the price, one request at a time: the running
	// total counts each request at the price.
	if !pay.priceKnown() {
		pay.learn.Lock()
		if pay.priceKnown() {
			pay.learn.Unlock()
		} else {
			defer pay.learn.Unlock()
		}
	}
	fresh := false
	for attempt := 0; ; attempt++ {
		var rd io.Reader
		if r.Body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := c.newInvoke(ctx, "/"+fn.String(), r, rd)
		if err != nil {
			return nil, err
		}
		// What the provider sees after /{cid}: the signed path.
		esc, seg := req.URL.EscapedPath(), "/"+fn.String()
		rest := ""
		if i := strings.Index(esc, seg); i >= 0 {
			rest = esc[i+len(seg):]
		}
		p, err := pay.authorize(voucher.Request{Function: fn, Method: req.Method, Path: rest, RawQuery: req.URL.RawQuery,
			BodyHash: voucher.BodyHash(body)}, fresh, true)
		if err != nil {
			return nil, err
		}
		req.Header.Set(wf.VoucherHeader, p.header)
		resp, err := c.doInvoke(req)
		var re *ResponseError
		var h http.Header
		switch {
		case errors.As(err, &re):
			h = re.Response.Header
		case err != nil:
			// Unknown whether it ran: counted as charged, which only
			// raises the next voucher's ceiling.
			return nil, err
		default:
			h = resp.Header
		}
		price, _ := wf.ParseAmount(h.Get(wf.PriceHeader))
		again, perr := pay.answered(p, price, h.Get(wf.ReceiptHeader) != "", h.Get(voucher.AcceptHeader), re)
		if perr != nil {
			if resp != nil {
				resp.Body.Close()
			}
			return nil, perr
		}
		// A few times: under many concurrent requests, the session a retry
		// opens can itself fall behind what the others were charged.
		if again != noRetry && attempt < 3 {
			fresh = again == retryNew
			continue
		}
		return resp, err
	}
}

// doInvoke sends req and sorts the answer into a Response or a *ResponseError.
func (c *Client) doInvoke(req *http.Request) (*Response, error) {
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 400 || !isJSON(resp.Header.Get("Content-Type")) {
		return &Response{resp}, nil
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	var body httperr.Body
	if json.Unmarshal(b, &body) == nil && body.Error.Code != "" {
		resp.Body.Close()
		return nil, newResponseError(resp, b)
	}
	// The function's own JSON: give back what was read.
	resp.Body = &prefixed{io.MultiReader(bytes.NewReader(b), resp.Body), resp.Body}
	return &Response{resp}, nil
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/json"
}

// prefixed is a body of which a prefix was read ahead.
type prefixed struct {
	io.Reader
	io.Closer
}

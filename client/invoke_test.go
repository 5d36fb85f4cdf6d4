package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// echoed is what the test guest's /echo answers: the request as the
// function saw it.
type echoed struct {
	Method, Path, Query, Body string
	Env                       map[string]string
}

func TestInvoke(t *testing.T) {
	ctx := context.Background()
	guest := wftest.GoGuest(t, "sandbox/testdata/guest")
	free := wftest.New(t, wftest.Options{})
	paid := wftest.New(t, wftest.Options{Provider: provider.Config{Payments: newMeter(100, "v-ok")}})
	freeFn, paidFn := free.Deploy(t, guest, wftest.Spec()), paid.Deploy(t, guest, wftest.Spec())
	unknown := wf.SumCID(wf.CodecJSON, []byte(`{"not":"deployed"}`))

	tests := []struct {
		name   string
		env    *wftest.Env
		fn     wf.CID
		req    client.Request
		status int    // of the Response; 0 when an error is wanted
		want   string // error text
		kind   error  // error sentinel
		check  func(*testing.T, *client.Response, []byte)
	}{
		{name: "query", env: free, fn: freeFn, req: client.Request{Path: "/echo", Query: url.Values{"name": {"you"}}}, status: 200,
			check: wantEcho("GET", "/echo", "name=you", "")},
		{name: "query in path and Query", env: free, fn: freeFn, req: client.Request{Path: "echo?a=1", Query: url.Values{"b": {"2"}}}, status: 200,
			check: wantEcho("GET", "/echo", "a=1&b=2", "")},
		{name: "body makes a POST", env: free, fn: freeFn, req: client.Request{Path: "/echo", Body: strings.NewReader("gopher")}, status: 200,
			check: wantEcho("POST", "/echo", "", "gopher")},
		{name: "method", env: free, fn: freeFn, req: client.Request{Method: "PUT", Path: "/echo", Body: strings.NewReader("x")}, status: 200,
			check: wantEcho("PUT", "/echo", "", "x")},
		{name: "headers", env: free, fn: freeFn, req: client.Request{Path: "/echo", Header: http.Header{"X-Thing": {"v1"}}}, status: 200,
			check: func(t *testing.T, _ *client.Response, b []byte) {
				if e := decodeEcho(t, b); e.Env["HTTP_X_THING"] != "v1" {
					t.Errorf("the function saw X-Thing as %q", e.Env["HTTP_X_THING"])
				}
			}},
		{name: "free: no price, no receipt", env: free, fn: freeFn, req: client.Request{Path: "/echo"}, status: 200,
			check: func(t *testing.T, r *client.Response, _ []byte) {
				if p, ok := r.Price(); ok || r.Receipt() != "" {
					t.Errorf("price %v %v, receipt %q from a free provider", p, ok, r.Receipt())
				}
			}},
		{name: "the function's own 404", env: free, fn: freeFn, req: client.Request{}, status: 404,
			check: func(t *testing.T, _ *client.Response, b []byte) {
				if !strings.Contains(string(b), "no route") {
					t.Errorf("body %q", b)
				}
			}},
		{name: "the function's own JSON error status", env: free, fn: freeFn, req: client.Request{Path: "/echo", Query: url.Values{"status": {"418"}}}, status: 418,
			check: wantEcho("GET", "/echo", "status=418", "")},
		{name: "unknown function", env: free, fn: unknown, want: "404 not_found", kind: wf.ErrNotFound},
		{name: "function failed", env: free, fn: freeFn, req: client.Request{Path: "/exit1"}, want: "502 function_failed", kind: wf.ErrFunctionFailed},
		{name: "voucher pays", env: paid, fn: paidFn, req: client.Request{Path: "/echo", Header: http.Header{wf.VoucherHeader: {"v-ok"}}}, status: 200,
			check: func(t *testing.T, r *client.Response, _ []byte) {
				if p, ok := r.Price(); !ok || p.String() != "100" {
					t.Errorf("price %v %v, want 100", p, ok)
				}
				if want := "receipt-" + r.Header.Get(wf.RequestIDHeader); r.Receipt() != want {
					t.Errorf("receipt %q, want %q", r.Receipt(), want)
				}
			}},
		{name: "no voucher", env: paid, fn: paidFn, req: client.Request{Path: "/echo"}, want: "402 payment_required", kind: wf.ErrPaymentRequired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := tc.env.Client.Invoke(ctx, tc.fn, tc.req)
			if tc.status == 0 {
				wantErr(t, err, tc.want, tc.kind)
				var re *client.ResponseError
				if !errors.As(err, &re) || re.Response == nil || re.Code == "" {
					t.Fatalf("error %#v is not a *ResponseError with its response", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, b)
			}
			if tc.check != nil {
				tc.check(t, resp, b)
			}
		})
	}
}

// A 402 says what is missing and what a request costs.
func TestInvokePaymentRequired(t *testing.T) {
	guest := wftest.GoGuest(t, "sandbox/testdata/guest")
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Payments: newMeter(100, "v-ok")}})
	fn := env.Deploy(t, guest, wftest.Spec())
	_, err := env.Client.Invoke(context.Background(), fn, client.Request{Path: "/echo", Header: http.Header{wf.VoucherHeader: {"v-forged"}}})
	var re *client.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want a *ResponseError", err)
	}
	if re.StatusCode != 402 || re.Details["missing"] != "voucher" || re.Response.Header.Get(wf.PriceHeader) != "100" {
		t.Fatalf("402 with details %v and price %q", re.Details, re.Response.Header.Get(wf.PriceHeader))
	}
	if !strings.Contains(string(re.Body), `"payment_required"`) {
		t.Fatalf("body %q", re.Body)
	}
}

func TestInvokeNoProvider(t *testing.T) {
	_, err := client.New("http://127.0.0.1:1").Invoke(context.Background(), wf.SumCID(wf.CodecJSON, nil), client.Request{})
	wantErr(t, err, "connection refused", nil)
}

func decodeEcho(t *testing.T, b []byte) echoed {
	t.Helper()
	var e echoed
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("echo answered %q: %v", b, err)
	}
	return e
}

func wantEcho(method, path, query, body string) func(*testing.T, *client.Response, []byte) {
	return func(t *testing.T, _ *client.Response, b []byte) {
		t.Helper()
		e := decodeEcho(t, b)
		if e.Method != method || e.Path != path || e.Query != query || e.Body != body {
			t.Errorf("the function saw %s %s ? %q body %q, want %s %s ? %q body %q", e.Method, e.Path, e.Query, e.Body, method, path, query, body)
		}
	}
}

package export

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Lambda speaks the AWS Lambda Runtime API (2018-06-01) to the runtime
// endpoint API (AWS_LAMBDA_RUNTIME_API, "host:port"): it takes each
// invocation, turns its event into an HTTP request for Handler, and posts
// back the answer in the event's own format. It serves Lambda's
// provided.al2023 runtime and Vercel's functions (Lambda functions with
// their own proxy event).
type Lambda struct {
	API     string
	Handler http.Handler
	Client  *http.Client // nil: a client without timeouts (next blocks until an event comes)
	Log     *slog.Logger // nil: discard
}

func (l *Lambda) base() string { return "http://" + l.API + "/2018-06-01/runtime" }

func (l *Lambda) client() *http.Client {
	if l.Client != nil {
		return l.Client
	}
	return &http.Client{}
}

func (l *Lambda) log() *slog.Logger {
	if l.Log != nil {
		return l.Log
	}
	return slog.New(slog.DiscardHandler)
}

// Serve takes invocations until ctx ends or the Runtime API fails. A bad
// event is answered with an invocation error and does not stop it.
func (l *Lambda) Serve(ctx context.Context) error {
	for {
		if err := l.next(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
	}
}

// InitError reports a failed start (a function that does not verify) to
// the Runtime API, which then fails the invocation with it.
func (l *Lambda) InitError(ctx context.Context, err error) error {
	return l.post(ctx, l.base()+"/init/error", "Runtime.InitError", errorBody("Runtime.InitError", err))
}

func (l *Lambda) next(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, l.base()+"/invocation/next", nil)
	if err != nil {
		return err
	}
	resp, err := l.client().Do(req)
	if err != nil {
		return fmt.Errorf("export: runtime API: next invocation: %w", err)
	}
	event, err := io.ReadAll(io.LimitReader(resp.Body, maxEvent+1))
	resp.Body.Close()
	if err != nil {
		return fmt.Errorf("export: runtime API: read event: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("export: runtime API: next invocation: %s", resp.Status)
	}
	id := resp.Header.Get("Lambda-Runtime-Aws-Request-Id")
	if id == "" || strings.ContainsAny(id, "/?#") {
		return fmt.Errorf("export: runtime API: invocation without a usable request id %q", id)
	}
	at := l.base() + "/invocation/" + url.PathEscape(id)
	if len(event) > maxEvent {
		return l.post(ctx, at+"/error", "Runtime.BadEvent", errorBody("Runtime.BadEvent", fmt.Errorf("event over %d bytes", maxEvent)))
	}
	ictx := ctx
	if ms, err := strconv.ParseInt(resp.Header.Get("Lambda-Runtime-Deadline-Ms"), 10, 64); err == nil && ms > 0 {
		var cancel context.CancelFunc
		ictx, cancel = context.WithDeadline(ctx, time.UnixMilli(ms))
		defer cancel()
	}
	out, err := Invoke(ictx, l.Handler, event)
	if err != nil {
		l.log().Info("bad event", "request", id, "err", err)
		return l.post(ctx, at+"/error", "Runtime.BadEvent", errorBody("Runtime.BadEvent", err))
	}
	err = l.post(ctx, at+"/response", "", out)
	var se *statusError
	if errors.As(err, &se) && se.code == http.StatusRequestEntityTooLarge {
		// Lambda failed this invocation (Function.ResponseSizeTooLarge);
		// the runtime goes on to the next.
		l.log().Info("response over Lambda's payload limit", "request", id, "bytes", len(out))
		return nil
	}
	return err
}

// statusError is a Runtime API answer other than 2xx.
type statusError struct {
	url    string
	code   int
	status string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("export: runtime API: post %s: %s", e.url, e.status)
}

// maxEvent is Lambda's payload limit for a synchronous invocation.
const maxEvent = 6 << 20

func errorBody(typ string, err error) []byte {
	b, _ := json.Marshal(map[string]any{"errorMessage": err.Error(), "errorType": typ, "stackTrace": []string{}})
	return b
}

func (l *Lambda) post(ctx context.Context, u, errType string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if errType != "" {
		req.Header.Set("Lambda-Runtime-Function-Error-Type", errType)
	}
	resp, err := l.client().Do(req)
	if err != nil {
		return fmt.Errorf("export: runtime API: post %s: %w", u, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return &statusError{u, resp.StatusCode, resp.Status}
	}
	return nil
}

// httpV2Event is the API Gateway HTTP API payload 2.0, which Lambda
// Function URLs send too.
type httpV2Event struct {
	Version         string            `json:"version"`
	RawPath         string            `json:"rawPath"`
	RawQueryString  string            `json:"rawQueryString"`
	Cookies         []string          `json:"cookies"`
	Headers         map[string]string `json:"headers"`
	Body            string            `json:"body"`
	IsBase64Encoded bool              `json:"isBase64Encoded"`
	RequestContext  struct {
		DomainName string `json:"domainName"`
		HTTP       struct {
			Method   string `json:"method"`
			Path     string `json:"path"`
			Protocol string `json:"protocol"`
			SourceIP string `json:"sourceIp"`
		} `json:"http"`
	} `json:"requestContext"`
}

type httpV2Response struct {
	StatusCode      int               `json:"statusCode"`
	Headers         map[string]string `json:"headers,omitempty"`
	Cookies         []string          `json:"cookies,omitempty"`
	Body            string            `json:"body"`
	IsBase64Encoded bool              `json:"isBase64Encoded"`
}

// vercelRequest is what Vercel's proxy event carries, JSON in its body.
type vercelRequest struct {
	Host     string                     `json:"host"`
	Path     string                     `json:"path"`
	Method   string                     `json:"method"`
	Headers  map[string]json.RawMessage `json:"headers"` // a string or an array of strings
	Encoding string                     `json:"encoding"`
	Body     string                     `json:"body"`
}

type vercelResponse struct {
	StatusCode int                 `json:"statusCode"`
	Headers    map[string][]string `json:"headers"`
	Encoding   string              `json:"encoding"`
	Body       string              `json:"body"`
}

// Invoke runs h for one Lambda event and returns the response event: an
// API Gateway HTTP API 2.0 or Function URL event gets a 2.0 response; a
// REST API, HTTP API 1.0 or load balancer event (httpMethod) a 1.0
// response with multiValueHeaders; Vercel's proxy event (its request as
// JSON in body) Vercel's response. ctx's deadline is the invocation's. Errors are for events
// that are neither.
func Invoke(ctx context.Context, h http.Handler, event []byte) ([]byte, error) {
	var probe struct {
		Version        string          `json:"version"`
		HTTPMethod     string          `json:"httpMethod"`
		Action         string          `json:"Action"`
		Body           json.RawMessage `json:"body"`
		RequestContext struct {
			HTTP struct {
				Method string `json:"method"`
			} `json:"http"`
		} `json:"requestContext"`
	}
	if err := json.Unmarshal(event, &probe); err != nil {
		return nil, fmt.Errorf("event is not a JSON object: %w", err)
	}
	switch {
	case probe.Version == "2.0" && probe.RequestContext.HTTP.Method != "":
		return invokeV2(ctx, h, event)
	case probe.HTTPMethod != "":
		return invokeV1(ctx, h, event)
	case probe.Action == "Invoke" || (probe.Version == "" && len(probe.Body) > 0 && probe.RequestContext.HTTP.Method == ""):
		return invokeVercel(ctx, h, probe.Body)
	}
	return nil, errors.New("unsupported event: this runtime answers HTTP events only " +
		"(a Function URL, an API Gateway REST or HTTP API, an Application Load Balancer, or Vercel)")
}

func invokeV2(ctx context.Context, h http.Handler, event []byte) ([]byte, error) {
	var e httpV2Event
	if err := json.Unmarshal(event, &e); err != nil {
		return nil, fmt.Errorf("HTTP API event: %w", err)
	}
	body, err := eventBody(e.Body, e.IsBase64Encoded)
	if err != nil {
		return nil, err
	}
	path := e.RawPath
	if path == "" {
		path = e.RequestContext.HTTP.Path
	}
	r, err := newRequest(ctx, e.RequestContext.HTTP.Method, path, e.RawQueryString, body)
	if err != nil {
		return nil, err
	}
	for k, v := range e.Headers {
		r.Header.Set(k, v) // API Gateway joined repeated values with ","
	}
	if len(e.Cookies) > 0 {
		r.Header.Set("Cookie", strings.Join(e.Cookies, "; "))
	}
	r.Host = cmpOr(r.Header.Get("Host"), e.RequestContext.DomainName, "localhost")
	r.RemoteAddr = e.RequestContext.HTTP.SourceIP
	if p := e.RequestContext.HTTP.Protocol; p != "" {
		r.Proto = p
	}
	if r.Header.Get("X-Forwarded-Proto") == "" {
		r.Header.Set("X-Forwarded-Proto", "https") // Function URLs and API Gateway are https only
	}
	rec := serve(h, r)
	out := httpV2Response{StatusCode: rec.Code, Headers: map[string]string{}}
	for k, vs := range rec.Header() {
		if k == "Set-Cookie" {
			out.Cookies = vs
			continue
		}
		out.Headers[k] = strings.Join(vs, ",")
	}
	out.Body, out.IsBase64Encoded = encodeBody(rec.Body.Bytes())
	return json.Marshal(out)
}

// httpV1Event is the proxy event of API Gateway REST APIs, of HTTP APIs
// with payload format 1.0, and of Application Load Balancers.
type httpV1Event struct {
	Path                            string              `json:"path"`
	HTTPMethod                      string              `json:"httpMethod"`
	Headers                         map[string]string   `json:"headers"`
	MultiValueHeaders               map[string][]string `json:"multiValueHeaders"`
	QueryStringParameters           map[string]string   `json:"queryStringParameters"`
	MultiValueQueryStringParameters map[string][]string `json:"multiValueQueryStringParameters"`
	Body                            string              `json:"body"`
	IsBase64Encoded                 bool                `json:"isBase64Encoded"`
	RequestContext                  struct {
		DomainName string `json:"domainName"`
		Identity   struct {
			SourceIP string `json:"sourceIp"`
		} `json:"identity"`
	} `json:"requestContext"`
}

type httpV1Response struct {
	StatusCode        int                 `json:"statusCode"`
	MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
	Body              string              `json:"body"`
	IsBase64Encoded   bool                `json:"isBase64Encoded"`
}

// invokeV1 answers a payload 1.0 event. Its query comes decoded, by
// parameter: it is encoded again in key order, so a function sees the
// same parameters but not necessarily the caller's spelling.
func invokeV1(ctx context.Context, h http.Handler, event []byte) ([]byte, error) {
	var e httpV1Event
	if err := json.Unmarshal(event, &e); err != nil {
		return nil, fmt.Errorf("REST API event: %w", err)
	}
	body, err := eventBody(e.Body, e.IsBase64Encoded)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	for k, v := range e.QueryStringParameters {
		q.Set(k, v)
	}
	for k, vs := range e.MultiValueQueryStringParameters {
		q[k] = vs
	}
	p := (&url.URL{Path: e.Path}).EscapedPath()
	r, err := newRequest(ctx, e.HTTPMethod, p, q.Encode(), body)
	if err != nil {
		return nil, err
	}
	for k, v := range e.Headers {
		r.Header.Set(k, v)
	}
	for k, vs := range e.MultiValueHeaders {
		r.Header.Del(k)
		for _, v := range vs {
			r.Header.Add(k, v)
		}
	}
	r.Host = cmpOr(r.Header.Get("Host"), e.RequestContext.DomainName, "localhost")
	r.RemoteAddr = cmpOr(e.RequestContext.Identity.SourceIP, firstHop(r.Header.Get("X-Forwarded-For")))
	if r.Header.Get("X-Forwarded-Proto") == "" {
		r.Header.Set("X-Forwarded-Proto", "https")
	}
	rec := serve(h, r)
	out := httpV1Response{StatusCode: rec.Code, MultiValueHeaders: rec.Header()}
	out.Body, out.IsBase64Encoded = encodeBody(rec.Body.Bytes())
	return json.Marshal(out)
}

func invokeVercel(ctx context.Context, h http.Handler, raw json.RawMessage) ([]byte, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("Vercel event: body is not a string: %w", err)
	}
	var vr vercelRequest
	if err := json.Unmarshal([]byte(s), &vr); err != nil {
		return nil, fmt.Errorf("Vercel event: %w", err)
	}
	body, err := eventBody(vr.Body, vr.Encoding == "base64")
	if err != nil {
		return nil, err
	}
	path, query, _ := strings.Cut(vr.Path, "?")
	r, err := newRequest(ctx, vr.Method, path, query, body)
	if err != nil {
		return nil, err
	}
	for k, raw := range vr.Headers {
		var one string
		var many []string
		switch {
		case json.Unmarshal(raw, &one) == nil:
			r.Header.Add(k, one)
		case json.Unmarshal(raw, &many) == nil:
			for _, v := range many {
				r.Header.Add(k, v)
			}
		default:
			return nil, fmt.Errorf("Vercel event: header %q is neither a string nor strings", k)
		}
	}
	r.Host = cmpOr(vr.Host, r.Header.Get("Host"), "localhost")
	r.RemoteAddr = cmpOr(r.Header.Get("X-Real-Ip"), firstHop(r.Header.Get("X-Forwarded-For")))
	if r.Header.Get("X-Forwarded-Proto") == "" {
		r.Header.Set("X-Forwarded-Proto", "https")
	}
	rec := serve(h, r)
	b, err := json.Marshal(vercelResponse{StatusCode: rec.Code, Headers: rec.Header(), Encoding: "base64",
		Body: base64.StdEncoding.EncodeToString(rec.Body.Bytes())})
	return b, err
}

func newRequest(ctx context.Context, method, path, query string, body []byte) (*http.Request, error) {
	if method == "" {
		return nil, errors.New("event has no HTTP method")
	}
	if path == "" || path[0] != '/' {
		path = "/" + path
	}
	u, err := url.Parse(path)
	if err != nil || u.Path == "" && u.RawPath == "" || u.Host != "" || u.Scheme != "" {
		return nil, fmt.Errorf("event path %q is not a URL path", path)
	}
	u.RawQuery = query
	r, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	r.RequestURI = u.RequestURI()
	return r, nil
}

func eventBody(s string, b64 bool) ([]byte, error) {
	if !b64 {
		return []byte(s), nil
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("event body is not base64: %w", err)
	}
	return b, nil
}

// encodeBody returns b as the event's body: as is when it is UTF-8 text,
// else in base64.
func encodeBody(b []byte) (string, bool) {
	if utf8.Valid(b) {
		return string(b), false
	}
	return base64.StdEncoding.EncodeToString(b), true
}

// recorder collects a handler's answer for an event's response.
type recorder struct {
	Code   int
	header http.Header
	Body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.Code, r.wrote = code, true
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.Body.Write(p)
}

func serve(h http.Handler, r *http.Request) *recorder {
	rec := &recorder{Code: http.StatusOK, header: http.Header{}}
	h.ServeHTTP(rec, r)
	if rec.header.Get("Content-Type") == "" && rec.Body.Len() > 0 {
		rec.header.Set("Content-Type", http.DetectContentType(rec.Body.Bytes())) // as net/http would
	}
	return rec
}

func firstHop(xff string) string {
	first, _, _ := strings.Cut(xff, ",")
	return strings.TrimSpace(first)
}

func cmpOr(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

package gateway

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// target is where one attempt at a request goes.
type target struct {
	name   string
	via    string // "tunnel" or "endpoint"
	rt     http.RoundTripper
	base   *url.URL // scheme, host and path prefix of the provider
	price  *big.Int
	has    bool   // known to hold the function (smart routing)
	reason string // why it was chosen, for X-WF-Route
}

// route is one request's routing state, shared by the proxy's hooks
// through the request context.
type route struct {
	kind      string // "named" or "smart"
	cid       wf.CID // the function smart routing chose for
	path      string // escaped path to forward, below the provider's base
	prefix    string // what the caller's path had before path ("/p/<name>"), sent as X-Forwarded-Prefix
	targets   []target
	retryable bool
	body      *limitedBody
	verify    *verification // verified execution (kofn.go), nil if not asked

	// set by roundTrip
	chosen  *target
	attempt int
	failed  []string // name:kind of the attempts that failed
}

type routeKey struct{}

func routeOf(ctx context.Context) *route {
	r, _ := ctx.Value(routeKey{}).(*route)
	return r
}

// header is the X-WF-Route value: who answered, through what, and why.
func (rt *route) header() string {
	var b strings.Builder
	if rt.chosen != nil {
		fmt.Fprintf(&b, "provider=%s; via=%s; reason=%s; attempt=%d", rt.chosen.name, rt.chosen.via, rt.chosen.reason, rt.attempt)
	} else {
		b.WriteString("provider=none")
	}
	if len(rt.failed) > 0 {
		b.WriteString("; failed=" + strings.Join(rt.failed, ","))
	}
	return b.String()
}

const (
	// maxHops bounds wf.HopsHeader.
	maxHops = 4
	// retryBodyMax is the largest body kept in memory so an attempt can
	// be replayed on another provider.
	retryBodyMax = 1 << 20
)

// spoofable are forwarding headers a caller could forge to pass as
// someone else; they are dropped and the gateway sets its own
// (X-Forwarded-For, -Host, -Proto) from the connection.
var spoofable = []string{
	"Forwarded", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Forwarded-Ssl",
	"X-Real-Ip", "X-Client-Ip", "True-Client-Ip", "Cf-Connecting-Ip", "Fastly-Client-Ip",
	"X-Cluster-Client-Ip", "X-Original-Forwarded-For", wf.RouteHeader,
}

func (g *Gateway) newProxy() *httputil.ReverseProxy {
	return &httputil.ReverseProxy{
		// Rewrite (unlike Director) drops X-Forwarded-For/-Host/-Proto from
		// the inbound request and the hop-by-hop headers, including those
		// named in Connection.
		Rewrite: func(pr *httputil.ProxyRequest) {
			rt := routeOf(pr.In.Context())
			pr.SetXForwarded()
			h := pr.Out.Header
			for _, k := range spoofable {
				h.Del(k)
			}
			h.Set(wf.HopsHeader, strconv.Itoa(hops(pr.In)+1))
			if rt.prefix != "" {
				// The provider scopes a function's cookies to the path
				// the browser sees, which starts with this.
				h.Set("X-Forwarded-Prefix", rt.prefix)
			}
			pr.Out.URL.Path, _ = url.PathUnescape(rt.path)
			pr.Out.URL.RawPath = rt.path
			pr.Out.URL.RawQuery = pr.In.URL.RawQuery
		},
		Transport:      roundTripFunc(g.roundTrip),
		ModifyResponse: g.modifyResponse,
		ErrorHandler:   g.proxyError,
		BufferPool:     bufPool{},
		ErrorLog:       slog.NewLogLogger(g.log.Handler(), slog.LevelDebug),
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func hops(r *http.Request) int {
	n, _ := strconv.Atoi(r.Header.Get(wf.HopsHeader))
	return max(n, 0)
}

// forwardNamed forwards to the provider registered as name.
func (g *Gateway) forwardNamed(w http.ResponseWriter, r *http.Request, name, prefix, path string, start time.Time) {
	if r.Header.Get(wf.VerifyHeader) != "" {
		g.count("named", start, g.writeErrorStatus(w, r, fmt.Errorf("%w: %s compares several providers; a route to the one provider %s cannot; use /<cid>/ or /@<owner>/<name>/", wf.ErrInvalid, wf.VerifyHeader, name)))
		return
	}
	p, err := g.cfg.Registry.Lookup(r.Context(), name)
	if err != nil {
		g.count("named", start, g.writeErrorStatus(w, r, err))
		return
	}
	t, err := g.resolve(r.Context(), p)
	if err != nil {
		g.count("named", start, g.writeErrorStatus(w, r, err))
		return
	}
	t.reason = "named"
	g.forward(w, r, &route{kind: "named", prefix: prefix, path: path, targets: []target{t}, retryable: idempotent(r)}, start)
}

// forwardSmart forwards to the best providers for function c.
func (g *Gateway) forwardSmart(w http.ResponseWriter, r *http.Request, c wf.CID, path string, start time.Time) {
	want, err := parseVerify(r.Header.Values(wf.VerifyHeader))
	if err != nil {
		g.count("smart", start, g.writeErrorStatus(w, r, err))
		return
	}
	ts, err := g.router.candidates(r.Context(), c)
	if err != nil {
		g.count("smart", start, g.writeErrorStatus(w, r, err))
		return
	}
	rt := &route{kind: "smart", cid: c, path: path, targets: ts, retryable: idempotent(r)}
	if err := g.planVerify(r.Context(), r, rt, want, 1); err != nil {
		g.count("smart", start, g.writeErrorStatus(w, r, err))
		return
	}
	g.forward(w, r, rt, start)
}

// idempotent reports whether a request may be sent again after a failure
// that may have reached the function.
func idempotent(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return true
	}
	return r.Header.Get("Idempotency-Key") != ""
}

func (g *Gateway) forward(w http.ResponseWriter, r *http.Request, rt *route, start time.Time) {
	if hops(r) >= maxHops {
		g.count(rt.kind, start, g.writeErrorStatus(w, r, fmt.Errorf("%w: request went through %d gateways; is there a routing loop?", wf.ErrUnavailable, hops(r))))
		return
	}
	if r.ContentLength > g.cfg.MaxRequestBytes {
		w.Header().Set("Connection", "close")
		g.count(rt.kind, start, g.writeErrorStatus(w, r, fmt.Errorf("%w: request body is %d bytes; this gateway forwards at most %d", wf.ErrTooLarge, r.ContentLength, g.cfg.MaxRequestBytes)))
		return
	}
	// A client trickling its body or reading the response slowly holds a
	// connection at most RequestTimeout.
	deadline := start.Add(g.cfg.RequestTimeout)
	rc := http.NewResponseController(w)
	// The server resets the read deadline for the next request's headers
	// itself; a body left unread past it is not drained but dropped with
	// the connection. The write deadline leaves a second for an error
	// answer and must be undone for the next request.
	rc.SetReadDeadline(deadline)
	rc.SetWriteDeadline(deadline.Add(time.Second))
	defer rc.SetWriteDeadline(time.Time{})
	ctx, cancel := context.WithDeadline(r.Context(), deadline)
	defer cancel()
	r = r.WithContext(context.WithValue(ctx, routeKey{}, rt))
	if r.Body != nil && r.Body != http.NoBody {
		rt.body = &limitedBody{rc: r.Body, left: g.cfg.MaxRequestBytes}
		r.Body = rt.body
	}
	sw := &statusWriter{ResponseWriter: w}
	defer func() { g.count(rt.kind, start, sw.status) }() // also when the copy aborts
	g.proxy.ServeHTTP(sw, r)
}

// roundTrip sends the request to the route's targets in turn until one
// answers acceptably.
func (g *Gateway) roundTrip(req *http.Request) (*http.Response, error) {
	rt := routeOf(req.Context())
	if rt.verify != nil {
		return g.roundTripVerified(req) // kofn.go
	}
	replay := req.Body == nil || req.Body == http.NoBody
	var body []byte
	if !replay && len(rt.targets) > 1 {
		b, err := io.ReadAll(io.LimitReader(req.Body, retryBodyMax+1))
		if err != nil {
			return nil, err
		}
		if len(b) <= retryBodyMax {
			req.Body.Close()
			body, replay = b, true
		} else {
			req.Body = struct {
				io.Reader
				io.Closer
			}{io.MultiReader(bytes.NewReader(b), req.Body), req.Body}
		}
	}
	var (
		fallback *http.Response // a 5xx kept in case nobody does better
		fbTarget int
		lastErr  error
		mayRetry bool // whether the last failure allows another attempt
	)
	for i := range rt.targets {
		t := &rt.targets[i]
		if i > 0 {
			if !replay || !mayRetry || req.Context().Err() != nil {
				break
			}
			g.metrics.retries.Inc()
		}
		out := outFor(req, t, body)
		resp, kind, err := g.attempt(t, out)
		if err != nil && callerFailed(out) {
			return nil, err // the caller's body failed, not the provider
		}
		if err != nil {
			rt.failed = append(rt.failed, t.name+":"+kind)
			lastErr = err
			// A request that never left (refused connection, no tunnel
			// connection free) may go to another provider whatever its
			// method; one that may have reached a function only if it is
			// idempotent.
			mayRetry = rt.retryable || neverSent(err)
			continue
		}
		// A provider without the function (404) or without a grant for
		// it (403) answers before running anything, so any method may go
		// on to the next.
		notHere := g.notHere(rt, t, resp)
		if i+1 < len(rt.targets) && replay && (resp.StatusCode >= 500 && rt.retryable || notHere) {
			mayRetry = true
			rt.failed = append(rt.failed, t.name+":status-"+strconv.Itoa(resp.StatusCode))
			if fallback != nil {
				discard(fallback)
			}
			fallback, fbTarget = resp, i
			continue
		}
		if fallback != nil {
			discard(fallback)
		}
		rt.chosen, rt.attempt = t, i+1
		return resp, nil
	}
	if fallback != nil {
		rt.chosen, rt.attempt = &rt.targets[fbTarget], fbTarget+1
		return fallback, nil
	}
	if lastErr == nil {
		lastErr = wf.E(wf.ErrUnavailable, "no provider could be tried", nil)
	}
	return nil, lastErr
}

// outFor is req as sent to t, with body (if not nil) as its body.
func outFor(req *http.Request, t *target, body []byte) *http.Request {
	out := req.Clone(req.Context())
	if body != nil {
		out.Body = io.NopCloser(bytes.NewReader(body))
		out.ContentLength = int64(len(body))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	out.URL.Scheme, out.URL.Host = t.base.Scheme, t.base.Host
	if bp := strings.TrimSuffix(t.base.EscapedPath(), "/"); bp != "" {
		out.URL.Path = strings.TrimSuffix(t.base.Path, "/") + out.URL.Path
		out.URL.RawPath = bp + out.URL.RawPath
	}
	if t.via == "endpoint" {
		out.Host = "" // the endpoint's own host; the caller's is in X-Forwarded-Host
	}
	return out
}

// notHere reports whether resp, from target t of route rt, says t cannot
// run the function before anything ran, so that a request of any method
// may go on to the next provider: a JSON 404 from a provider not known to
// hold the function, or a JSON 403 for a function that is sealed or whose
// spec the gateway has not read (a provider without a grant refuses it
// so). Such a 403 is no failure of the provider: attempt counts any
// answer under 500 as a success.
func (g *Gateway) notHere(rt *route, t *target, resp *http.Response) bool {
	if rt.kind != "smart" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		return false
	}
	switch resp.StatusCode {
	case http.StatusNotFound:
		return !t.has
	case http.StatusForbidden:
		a, known := g.specs.access(rt.cid)
		return a.sealed || !known
	}
	return false
}

// attempt sends out to t, giving it ProviderTimeout to start answering.
// The body may take longer: the request's deadline bounds that.
func (g *Gateway) attempt(t *target, out *http.Request) (*http.Response, string, error) {
	ctx, cancel := context.WithCancel(out.Context())
	var timedOut atomic.Bool
	timer := time.AfterFunc(g.cfg.ProviderTimeout, func() { timedOut.Store(true); cancel() })
	start := time.Now()
	metered := g.cfg.Meter.stamp(out, g.cfg.Registry, t.name, g.meterOwner(routeOf(out.Context()))) // meter.go
	resp, err := t.rt.RoundTrip(out.WithContext(ctx))
	metered(resp, err)
	timer.Stop()
	elapsed := time.Since(start)
	if err != nil {
		cancel()
		kind := "error"
		switch {
		case timedOut.Load():
			kind = "timeout"
			err = &providerTimeout{name: t.name, after: g.cfg.ProviderTimeout}
		case neverSent(err):
			kind = "connect"
		}
		if out.Context().Err() == nil && !callerFailed(out) { // not the caller's doing
			if kind == "connect" {
				g.health.markDown(t.name, t.rt, err) // until a health check, a probe or a new route finds it back
			} else {
				g.health.observe(t.name, elapsed, false)
			}
			g.metrics.failures.WithLabelValues(t.name, kind).Inc()
		}
		return nil, kind, err
	}
	g.health.observe(t.name, elapsed, resp.StatusCode < 500)
	if resp.StatusCode >= 500 {
		g.metrics.failures.WithLabelValues(t.name, "status").Inc()
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
	return resp, "", nil
}

// callerFailed reports whether the caller's body broke the attempt.
func callerFailed(out *http.Request) bool {
	rt := routeOf(out.Context())
	return rt.body != nil && (rt.body.exceeded.Load() || rt.body.readErr() != nil)
}

// neverSent reports whether err means the request did not reach the
// provider: the connection (or a tunnel connection) could not be had.
func neverSent(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

type providerTimeout struct {
	name  string
	after time.Duration
}

func (e *providerTimeout) Error() string {
	return fmt.Sprintf("provider %s did not answer within %s", e.name, e.after)
}

func discard(r *http.Response) {
	io.Copy(io.Discard, io.LimitReader(r.Body, 64<<10))
	r.Body.Close()
}

// cancelBody ends an attempt's context once its body is done with.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

var errResponseTooLarge = errors.New("response too large")

func (g *Gateway) modifyResponse(resp *http.Response) error {
	rt := routeOf(resp.Request.Context())
	if resp.ContentLength > g.cfg.MaxResponseBytes {
		return errResponseTooLarge
	}
	if resp.Body != nil && resp.Body != http.NoBody {
		resp.Body = &limitedBody{rc: resp.Body, left: g.cfg.MaxResponseBytes}
	}
	resp.Header.Set(wf.RouteHeader, rt.header())
	if rt.chosen != nil {
		reason, _, _ := strings.Cut(rt.chosen.reason, ";")
		g.metrics.routes.WithLabelValues(rt.chosen.name, rt.chosen.via, reason).Inc()
	}
	return nil
}

// proxyError answers for a request no provider answered.
func (g *Gateway) proxyError(w http.ResponseWriter, r *http.Request, err error) {
	rt := routeOf(r.Context())
	w.Header().Set(wf.RouteHeader, rt.header())
	var pt *providerTimeout
	var de *detailedError
	switch {
	case errors.As(err, &de):
		// The gateway's own answer (verified execution), already clear.
	case rt.body != nil && rt.body.exceeded.Load():
		w.Header().Set("Connection", "close")
		err = fmt.Errorf("%w: request body exceeds this gateway's limit of %d bytes", wf.ErrTooLarge, g.cfg.MaxRequestBytes)
	case errors.Is(err, errResponseTooLarge):
		err = wf.E(wf.ErrFunctionFailed, fmt.Sprintf("the provider's response exceeds this gateway's limit of %d bytes", g.cfg.MaxResponseBytes), err)
	case rt.body != nil && rt.body.readErr() != nil:
		// The caller's body stopped: too slow (read deadline) or gone.
		w.Header().Set("Connection", "close")
		err = wf.E(wf.ErrTimeout, fmt.Sprintf("the request body did not arrive within %s", g.cfg.RequestTimeout), rt.body.readErr())
	case errors.Is(r.Context().Err(), context.DeadlineExceeded):
		err = wf.E(wf.ErrTimeout, fmt.Sprintf("the request did not complete within %s", g.cfg.RequestTimeout), err)
	case r.Context().Err() != nil:
		// The caller went away; the answer is for the log only.
		err = wf.E(wf.ErrUnavailable, "request canceled", err)
	case errors.As(err, &pt):
		err = wf.E(wf.ErrTimeout, pt.Error(), err)
	default:
		name := "the provider"
		if len(rt.targets) == 1 {
			name = "provider " + rt.targets[0].name
		} else if len(rt.targets) > 1 {
			name = "no provider"
		}
		err = wf.E(wf.ErrUnavailable, name+" could not be reached", err)
	}
	g.writeError(w, r, err)
}

// writeErrorStatus writes err and returns the status sent.
func (g *Gateway) writeErrorStatus(w http.ResponseWriter, r *http.Request, err error) int {
	g.writeError(w, r, err)
	s, _ := httperr.Status(err)
	return s
}

func (g *Gateway) count(route string, start time.Time, status int) {
	if status == 0 {
		status = http.StatusOK
	}
	g.metrics.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	g.metrics.duration.WithLabelValues(route).Observe(g.cfg.Now().Sub(start).Seconds())
}

// limitedBody fails reads past left bytes and remembers that it did, and
// any other read error.
type limitedBody struct {
	rc       io.ReadCloser
	left     int64
	exceeded atomic.Bool
	err      atomic.Pointer[error]
}

// readErr is the error the underlying body failed with, other than EOF.
func (b *limitedBody) readErr() error {
	if p := b.err.Load(); p != nil {
		return *p
	}
	return nil
}

var errBodyTooLarge = errors.New("body exceeds the gateway's limit")

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, errBodyTooLarge
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	if int64(n) > b.left {
		b.exceeded.Store(true)
		n, b.left = int(b.left), -1
		return n, errBodyTooLarge
	}
	b.left -= int64(n)
	if err != nil && err != io.EOF {
		b.err.CompareAndSwap(nil, &err)
	}
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }

// statusWriter records the status sent. Unwrap keeps
// http.ResponseController (flush, hijack, deadlines) working through it.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush lets the proxy stream responses of unknown length.
func (w *statusWriter) Flush() { http.NewResponseController(w.ResponseWriter).Flush() }

// copyBuffer is the proxy's copy buffer: fewer, larger reads and writes
// cost fewer system calls on large bodies (128 KiB measured about a third
// faster than 32 KiB for 1 MiB bodies over the HTTP/2 tunnel of the time).
const copyBuffer = 128 << 10

type bufPool struct{}

var buffers = sync.Pool{New: func() any { b := make([]byte, copyBuffer); return &b }}

func (bufPool) Get() []byte  { return *buffers.Get().(*[]byte) }
func (bufPool) Put(b []byte) { buffers.Put(&b) }

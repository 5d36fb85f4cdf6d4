package provider

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// Response headers a function may not set: hop-by-hop headers, framing
// the server computes, and the provider's own headers.
var reservedHeaders = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Proxy-Authenticate": true, "Proxy-Authorization": true,
	"Te": true, "Trailer": true, "Transfer-Encoding": true, "Upgrade": true,
	"Content-Length": true, wf.RequestIDHeader: true,
}

// priceKey and durationKey are wf.PriceHeader and wf.DurationHeader in
// canonical form.
var (
	priceKey    = http.CanonicalHeaderKey(wf.PriceHeader)
	durationKey = http.CanonicalHeaderKey(wf.DurationHeader)
)

// durationValue is X-WF-Duration's value for d: milliseconds with three
// decimals and "ms", as strconv.FormatFloat(ms, 'f', 3, 64)+"ms" writes
// it, in one allocation.
func durationValue(d time.Duration) string {
	var b [32]byte
	return string(append(strconv.AppendFloat(b[:0], d.Seconds()*1000, 'f', 3, 64), "ms"...))
}

func (p *Provider) serveInvoke(w http.ResponseWriter, r *http.Request) {
	p.serveInvokeSegment(w, r, r.PathValue("cid"))
}

// serveInvokeSegment serves an invocation whose path's first segment,
// unescaped, is seg (the route's cid path value).
func (p *Provider) serveInvokeSegment(w http.ResponseWriter, r *http.Request, seg string) {
	ri := info(r)
	if !p.inflight.enter() {
		w.Header().Set("Retry-After", "1")
		httperr.Write(w, ri.log, errDraining)
		return
	}
	defer p.inflight.leave()
	if p.price != nil {
		w.Header()[priceKey] = p.price
	}
	if isNameSegment(seg) {
		if r.PathValue("cid") != seg {
			r.SetPathValue("cid", seg) // serveNameInvoke reads it
		}
		p.serveNameInvoke(w, r) // /@<owner>/<name>/..., see names.go
		return
	}
	c, err := p.cids.parse(seg)
	if err != nil {
		httperr.Write(w, ri.log, fmt.Errorf("%w: %q is not a function CID: %v", wf.ErrInvalid, seg, err))
		return
	}
	p.invoke(w, r, address{cid: c, script: "/" + seg, path: functionPath(r.URL.EscapedPath()), cookie: cookiePath(r)})
}

// address is how a request named its function: by CID, or by a name
// whose record picked cid.
type address struct {
	cid    wf.CID
	owner  wf.Address // by name: the name's owner, who must own cid
	script string     // SCRIPT_NAME: "/<cid>" or "/@<owner>/<name>"
	path   string     // PATH_INFO: the escaped path after script
	cookie string     // the path the function's cookies are scoped to
}

// invoke runs the function a addresses for r.
func (p *Provider) invoke(w http.ResponseWriter, r *http.Request, a address) {
	ri := info(r)
	c := a.cid
	f, err := p.function(r.Context(), c)
	if err == nil && !a.owner.IsZero() && f.spec.Spec.Owner != a.owner {
		err = fmt.Errorf("%w: function %s is not owned by the name's owner %s", wf.ErrInvalid, c, a.owner.Checksum())
	}
	if err != nil {
		p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
		httperr.Write(w, ri.log, err)
		return
	}
	lim := p.cfg.Sandbox.Effective(f.spec.Spec.Limits)
	if r.ContentLength > lim.MaxRequestBytes {
		p.metrics.invocations.WithLabelValues("too_large").Inc()
		httperr.Write(w, ri.log, fmt.Errorf("%w: request body is %d bytes; this function accepts at most %d", wf.ErrTooLarge, r.ContentLength, lim.MaxRequestBytes))
		return
	}
	// The body comes in first, under its own deadline and minimum rate,
	// so a slow sender holds neither a slot nor a payment reservation.
	body, upload, err := p.readBody(w, r, lim.MaxRequestBytes)
	p.metrics.upload.Observe(upload.Seconds())
	if err != nil {
		p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
		httperr.Write(w, ri.log, err)
		return
	}
	pr := &wf.PaidRequest{Function: c, Owner: f.spec.Spec.Owner, Method: r.Method,
		Path: a.path, RawQuery: r.URL.RawQuery, Header: r.Header, Body: body}
	ciEnv, err := p.admitCI(r, f) // wf.ci.callers: only matching CI jobs
	if err != nil {
		p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
		p.recordRefusal(f, r, err)
		httperr.Write(w, ri.log, err)
		return
	}
	gateEnv, undoGate, err := p.admitAccess(r, f, a, body) // wf.access: credentials, before anything is spent
	if err != nil {
		p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
		p.recordRefusal(f, r, err)
		writeAccessError(w, ri, err)
		return
	}
	if err := p.admitCaller(r, f, pr); err != nil { // the owner's wf.callers limits
		undoGate()
		p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
		p.recordRefusal(f, r, err)
		writeLimitError(w, ri, err)
		return
	}
	var charge wf.Charge
	if p.cfg.Payments != nil {
		if charge, err = p.cfg.Payments.Authorize(r.Context(), pr); err != nil {
			undoGate()
			p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
			p.recordRefusal(f, r, err)
			writePaymentError(w, ri, err)
			return
		}
	}
	release, err := p.slots.acquire(r.Context(), c, f.spec.Spec.Owner, p.cfg.QueueTimeout)
	if err != nil {
		undoGate()
		if charge != nil {
			charge.Release()
		}
		p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
		w.Header().Set("Retry-After", "1")
		httperr.Write(w, ri.log, err)
		return
	}
	start := p.cfg.Now()
	callerEnv := guestEnv(ciEnv, gateEnv) // what the caller proved, for the function
	resp, err := p.run(r, f, a, body, callerEnv)
	if errors.Is(err, sandbox.ErrReleased) {
		p.unload(f)
		// On a failed reload f stays the old function: its redactor still
		// applies and the charge is released below.
		var nf *function
		if nf, err = p.function(r.Context(), c); err == nil {
			f = nf
			resp, err = p.run(r, f, a, body, callerEnv)
		}
	}
	// The slot is free before the answer is written: a caller that reads
	// it slowly holds only its own connection.
	release()
	err = f.redact.Err(err) // a function's secrets never reach logs or callers
	if !charged(err) {
		undoGate() // not charged: the caller's rate unit comes back too
	}
	if charge != nil {
		// The charge is durable before any of the response leaves.
		if !charged(err) {
			charge.Release()
		} else if cerr := commitCharge(context.WithoutCancel(r.Context()), charge, ri.id, body, answered(resp, err), w.Header()); cerr != nil {
			ri.log.Error("record charge", "function", c.String(), "err", cerr)
			undoGate()
			httperr.Write(w, nil, wf.E(wf.ErrUnavailable, "the provider could not record the charge; nothing was charged", cerr))
			return
		}
	}
	elapsed := p.cfg.Now().Sub(start)
	p.metrics.duration.Observe(elapsed.Seconds())
	if err == nil {
		p.metrics.invokedOK.Inc()
	} else {
		p.metrics.invocations.WithLabelValues(outcome(err)).Inc()
	}
	p.recordRun(c, resp, err, elapsed, charge != nil && charged(err))

	entry := LogEntry{Time: start.UTC(), RequestID: ri.id, Method: r.Method, Path: r.URL.Path,
		Query: f.logQuery(r.URL.RawQuery), DurationMS: float64(elapsed.Microseconds()) / 1000}
	if resp != nil {
		entry.Log = f.redact.Redact(string(resp.Log))
	}
	if err != nil {
		entry.Status, _ = httperr.Status(err)
		entry.Error = httperr.Message(err)
		f.record(entry, p.cfg.LogEntries)
		logInvoke(r.Context(), ri.log, f.name, entry.Status, elapsed, upload, err)
		httperr.Write(w, nil, pointAtLogs(err, c))
		return
	}
	entry.Status = resp.Status
	f.record(entry, p.cfg.LogEntries)
	logInvoke(r.Context(), ri.log, f.name, resp.Status, elapsed, upload, nil)

	h := w.Header()
	for k, vs := range resp.Header {
		if k = http.CanonicalHeaderKey(k); !reservedHeaders[k] && !strings.HasPrefix(k, wf.HeaderPrefix) {
			h[k] = vs
		}
	}
	isolate(h, a.cookie)
	h["Content-Length"] = []string{strconv.Itoa(len(resp.Body))}
	h[durationKey] = []string{durationValue(elapsed)}
	sent := resp.Body
	if r.Method == http.MethodHead {
		sent = nil
	}
	if r.Header.Get(wf.AttestHeader) != "" {
		p.attest(h, c, r, a, body, resp.Status, sent)
	}
	w.WriteHeader(resp.Status)
	if sent != nil {
		p.writeAnswer(w, sent)
	}
}

// attest signs a result receipt for the answer about to be sent (status,
// h, sent) to request r, which a gateway asked for to compare answers
// (verified execution, docs/verification.md). Without a key, or if
// signing fails, the answer goes without one: the gateway counts it as
// unattested.
func (p *Provider) attest(h http.Header, c wf.CID, r *http.Request, a address, body []byte, status int, sent []byte) {
	if p.cfg.Key == nil {
		return
	}
	if _, ok := h["Content-Type"]; !ok && len(sent) > 0 {
		// What net/http would add after the hash otherwise.
		h.Set("Content-Type", http.DetectContentType(sent))
	}
	rr := chain.ResultReceipt{Function: c,
		Request:  wf.RequestHash(c, r.Method, a.path, r.URL.RawQuery, body),
		Response: wf.ResponseHash(status, h, sent)}
	sig, err := chain.SignResult(p.cfg.Key, rr)
	if err != nil {
		info(r).log.Error("sign result receipt", "function", c.String(), "err", err)
		return
	}
	h.Set(wf.ResultHeader, chain.FormatResultHeader(rr, sig))
}

// outcome is the metrics label for an invocation's result.
func outcome(err error) string {
	if err == nil {
		return "ok"
	}
	_, code := httperr.Status(err)
	return code
}

func scheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	return "http"
}

// run runs f for r; callerEnv is what the caller proved (a CI job's
// claims, a credential's disclosed attributes), over f's own env.
func (p *Provider) run(r *http.Request, f *function, a address, body []byte, callerEnv map[string]string) (*sandbox.Response, error) {
	return f.sb.Run(r.Context(), f.module, &sandbox.Request{
		Method:     r.Method,
		Path:       a.path,
		Scheme:     scheme(r),
		RawQuery:   r.URL.RawQuery,
		ScriptName: a.script,
		Host:       r.Host,
		RemoteAddr: r.RemoteAddr,
		Proto:      r.Proto,
		Header:     r.Header, // the sandbox drops X-WF-* and credentials
		BodyBytes:  body,
		Env:        guestEnv(f.cgiEnv(), callerEnv),
		Limits:     f.spec.Spec.Limits,
		CPUTime:    p.cpuBudget(&f.spec.Spec),
		Tenant:     f.tenant,
	})
}

// functionPath is the escaped request path after its first segment, the
// function's CID. The segment is cut whatever its spelling: "/%62afy…" is
// the same CID as "/bafy…" (the mux unescapes segments; RFC 3986 makes
// them equivalent), so the function sees the same PATH_INFO either way.
func functionPath(escaped string) string {
	rest := strings.TrimPrefix(escaped, "/")
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:]
	}
	return ""
}

// answered is resp if the function answered (err nil), else nil.
func answered(resp *sandbox.Response, err error) *sandbox.Response {
	if err != nil {
		return nil
	}
	return resp
}

// commitCharge commits charge for request id and sets its headers (the
// receipt) in h; with the function's answer resp (nil if it failed) and a
// charge that can, the receipt binds the request and response bodies
// (version 2: evidence of what was answered). Nothing is set in h when
// the commit fails.
func commitCharge(ctx context.Context, charge wf.Charge, id wf.RequestID, body []byte, resp *sandbox.Response, h http.Header) error {
	if resp != nil {
		if hc, ok := charge.(headerCharge); ok {
			return hc.CommitHeader(ctx, id, sha256.Sum256(body), sha256.Sum256(resp.Body), h)
		}
	}
	var set map[string][]string
	var err error
	if bc, ok := charge.(wf.BodyCharge); ok && resp != nil {
		set, err = bc.CommitBodies(ctx, id, sha256.Sum256(body), sha256.Sum256(resp.Body))
	} else {
		set, err = charge.Commit(ctx, id)
	}
	if err == nil {
		for k, v := range set {
			h[k] = v
		}
	}
	return err
}

// logInvoke writes an invocation's line: what log.Info would write, but
// handed to the handler directly, its values not boxed, and without the
// caller's program counter, which Logger takes (runtime.Callers, about a
// fifth of a dropped line's cost) for handlers that print the source, and
// none here does.
func logInvoke(ctx context.Context, log *slog.Logger, fn string, status int, elapsed, upload time.Duration, err error) {
	h := log.Handler()
	if !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	r := slog.NewRecord(time.Now(), slog.LevelInfo, "invoke", 0)
	r.AddAttrs(slog.String("function", fn), slog.Int("status", status), slog.Duration("duration", elapsed), slog.Duration("upload", upload))
	if err != nil {
		r.AddAttrs(slog.Any("err", err))
	}
	h.Handle(ctx, r)
}

// cidCache remembers the CIDs that recent invocation paths named: parsing
// one (base32, then the CID's varints and multihash) cost every request
// about 0.7 us, a map lookup a tenth of that. Only valid CIDs are kept, at
// most maxCachedCIDs (then it starts over), so a caller cannot grow it.
type cidCache struct {
	mu sync.RWMutex
	m  map[string]wf.CID
}

const maxCachedCIDs = 4096

func (c *cidCache) parse(s string) (wf.CID, error) {
	c.mu.RLock()
	v, ok := c.m[s]
	c.mu.RUnlock()
	if ok {
		return v, nil
	}
	v, err := wf.ParseCID(s)
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedCIDs {
		c.m = make(map[string]wf.CID)
	}
	c.m[strings.Clone(s)] = v // not the request's path it is cut from
	c.mu.Unlock()
	return v, nil
}

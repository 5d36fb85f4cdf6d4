package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/sys"

	"github.com/webfunctions/wf/wf"
)

const (
	pageSize   = 65536    // bytes in a wasm page
	maxMemHint = 16 << 20 // most linear memory reserved up front from past runs
	// minYieldSleep is the shortest guest sleep for which the guest gives
	// its CPU token back.
	minYieldSleep = time.Millisecond
)

// Request is one HTTP request for a function, already routed: the provider
// has stripped the "/<cid>" prefix and checked access and payment.
type Request struct {
	Method string // REQUEST_METHOD; "" means GET
	// Path is the URL path after the function prefix, starting with '/'
	// and still percent-encoded as on the wire (X_RAW_PATH_INFO);
	// PATH_INFO is its decoded form. "" when the URL is the prefix itself.
	Path       string
	RawQuery   string // QUERY_STRING, without "?"
	ScriptName string // SCRIPT_NAME, "/<cid>"
	Host       string // the Host header: HTTP_HOST, SERVER_NAME and SERVER_PORT
	RemoteAddr string // "ip:port" or "ip"; REMOTE_ADDR and REMOTE_HOST get the ip
	Proto      string // SERVER_PROTOCOL; "" means HTTP/1.1
	// Scheme is "http" or "https", for X_FULL_URL and the default
	// SERVER_PORT; "" means http.
	Scheme string
	// Header becomes HTTP_* variables, except credentials and hop-by-hop
	// headers (see doc.go). Host is taken from the Host field.
	Header http.Header
	// Body is the request body, read to its end (up to the limit) before
	// the function starts; nil means empty. Run does not close it.
	Body io.Reader
	// BodyBytes, if not nil, is the body already read (a provider reads
	// it first, under its own deadline): Run takes it as it is, without a
	// copy, and does not read Body.
	BodyBytes []byte
	// Prelude is read on stdin before Body, and counts in neither
	// CONTENT_LENGTH nor the body limit (package jsrt's engine takes a
	// script here when it was not given one by Derive).
	Prelude []byte
	// Env is the function's own environment from its spec. It may not
	// override CGI variables, and request headers may not override it.
	Env map[string]string
	// Limits are the function's limits; zero fields mean the provider's
	// maxima, and larger values are capped by them.
	Limits wf.Limits
	// CPUTime is the CPU time the run may use (see CPU); past it the guest
	// is stopped and Run fails with ErrTimeout. 0 means no budget but the
	// wall time limit.
	CPUTime time.Duration
	// Tenant is who the run is for (the provider uses the function's
	// owner): CPU tokens are shared fairly between tenants.
	Tenant string
}

// Response is what a function answered, or on error what is known of it.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
	// Log is the function's stderr, at most Config.MaxLogBytes of it,
	// meant for the function's owner, not the caller.
	Log []byte
	// Duration is the wall time from instantiation to exit.
	Duration time.Duration
	// Memory is the largest size the instance's linear memory reached, in
	// bytes.
	Memory uint64
	// CPUTime is how long the run held a CPU token (see CPU).
	CPUTime time.Duration
}

// limits are one Run's effective limits.
type limits struct {
	pages    uint32
	timeout  time.Duration
	reqBytes int64
	outBytes int64
}

func (s *Sandbox) limits(l wf.Limits) limits {
	capped := func(v, max int64) int64 {
		if v <= 0 || v > max {
			return max
		}
		return v
	}
	return limits{
		pages:    uint32(capped(int64(l.MemoryPages), int64(s.cfg.MaxMemoryPages))),
		timeout:  time.Duration(capped(int64(l.Timeout()), int64(s.cfg.MaxTimeout))),
		reqBytes: capped(l.MaxRequestBytes, s.cfg.MaxRequestBytes),
		outBytes: capped(l.MaxResponseBytes, s.cfg.MaxResponseBytes),
	}
}

// Run runs one request in a fresh instance of m and parses its CGI answer.
//
// Errors: a body over the limit wraps wf.ErrTooLarge; a run past the time
// limit wraps wf.ErrTimeout; a trap, a memory limit hit, a non-zero exit,
// output over the limit or a malformed CGI response wraps
// wf.ErrFunctionFailed. These are *wf.Error values whose public message is
// safe to show callers. If ctx ends first, the error wraps ctx.Err(). When
// the function ran, the Response is non-nil even on error, and carries its
// Log, Duration and Memory.
func (s *Sandbox) Run(ctx context.Context, m *Module, req *Request) (*Response, error) {
	if m == nil || m.s != s || req == nil {
		return nil, errors.New("sandbox: run: nil request or module from another Sandbox")
	}
	if s.isClosed() {
		return nil, errClosed
	}
	if !m.acquire() {
		return nil, ErrReleased
	}
	defer m.release()
	lim := s.limits(req.Limits)

	body := req.BodyBytes
	if body == nil && req.Body != nil {
		var err error
		body, err = io.ReadAll(io.LimitReader(req.Body, lim.reqBytes+min(1, math.MaxInt64-lim.reqBytes)))
		if err != nil {
			return nil, fmt.Errorf("sandbox: read request body: %w", err)
		}
	}
	if int64(len(body)) > lim.reqBytes {
		return nil, wf.E(wf.ErrTooLarge, fmt.Sprintf("request body over %d bytes", lim.reqBytes), nil)
	}
	if m.minPages > lim.pages {
		return nil, wf.E(wf.ErrFunctionFailed, "function needs more memory than its limit",
			fmt.Errorf("sandbox: %s needs %d pages, limit %d", m.key, m.minPages, lim.pages))
	}
	env, err := cgiEnv(req, len(body), s.cfg.ServerSoftware)
	if err != nil {
		return nil, err
	}
	defer env.recycle()
	args, err := cgiArgs(req)
	if err != nil {
		return nil, err
	}

	rc := newRunContext(ctx, lim.timeout)
	defer rc.release()
	cancel := rc.stop // one method value for its three uses
	cpu := &cpuTime{cpu: s.cpu, tenant: req.Tenant, budget: req.CPUTime, over: cancel}
	defer cpu.give()
	stdout := &limitedWriter{max: lim.outBytes, cancel: cancel}
	stderr := &logWriter{max: s.cfg.MaxLogBytes}
	// The run's context also carries what the host functions read.
	rc.env, rc.args = env, args
	rc.streams = &stdio{in: stdin(req.Prelude, body), out: stdout, err: stderr}

	// Close stops this instance too, and waits for it.
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, errClosed
	}
	s.instances.Add(1)
	s.mu.Unlock()
	defer s.instances.Done()
	defer context.AfterFunc(s.closing, cancel)()

	if err := cpu.take(rc); err != nil {
		switch {
		case s.isClosed():
			return nil, errClosed
		case ctx.Err() != nil:
			return nil, fmt.Errorf("sandbox: run %s: wait for a CPU: %w", m.key, ctx.Err())
		}
		return nil, wf.E(wf.ErrTimeout, fmt.Sprintf("no CPU was free for the function within its time limit of %v", lim.timeout),
			fmt.Errorf("sandbox: run %s: wait for a CPU: %w", m.key, err))
	}
	s.runs.Add(1)
	start := time.Now()
	var (
		runErr  error
		peak    uint64
		refused bool
	)
	if m.reactor != nil && m.reactor.use() {
		runErr, peak, refused = s.serve(ctx, rc, m, lim, cpu)
	} else {
		runErr, peak, refused = s.start(ctx, rc, m, lim, cpu)
		if m.reactor != nil {
			m.reactor.started.Store(true)
		}
	}
	cpu.give()
	dur := time.Since(start)
	resp := &Response{Log: stderr.bytes(), Duration: dur, Memory: peak, CPUTime: cpu.used}
	timedOut := errors.Is(rc.Err(), context.DeadlineExceeded)
	if err := s.runError(ctx, m, lim, runErr, timedOut, cpu, stdout, refused); err != nil {
		return resp, err
	}
	status, hdr, out, err := ParseCGIResponse(stdout.buf.Bytes())
	if err != nil {
		return resp, wf.E(wf.ErrFunctionFailed, "function returned a malformed CGI response",
			fmt.Errorf("sandbox: %s: %w", m.key, err))
	}
	resp.Status, resp.Header, resp.Body = status, hdr, out
	return resp, nil
}

// start runs a WASI command: a fresh instance of m, its start functions
// and _start, with runCtx's environment and streams. It returns how the
// run ended, the largest its memory grew and whether a grow was refused.
func (s *Sandbox) start(ctx context.Context, runCtx *runContext, m *Module, lim limits, cpu *cpuTime) (runErr error, peak uint64, refused bool) {
	mem := &linearMemory{pool: &s.mem, limit: uint64(lim.pages) * pageSize}
	allocCtx := experimental.WithMemoryAllocator(runCtx, experimental.MemoryAllocatorFunc(
		func(capacity, _ uint64) experimental.LinearMemory {
			// Reserve what the last run reached, so a guest that always
			// grows the same way (Go's runtime does) is not copied as it grows.
			mem.buf = s.mem.get(min(max(capacity, m.memHint.Load()), mem.limit))
			return mem
		}))

	mc := s.modCfg.
		WithNanosleep(func(ns int64) { guestSleep(runCtx, cpu, ns) })

	inst, runErr := s.rt.InstantiateModule(allocCtx, m.compiled, mc)
	if runErr == nil {
		runErr = callExports(runCtx, allocCtx, m.stop, inst, m.start, "_start")
	}
	if inst != nil {
		inst.Close(ctx)
	}
	// The instance is gone (its start function has returned and it is
	// closed), so nothing can touch its memory any more.
	mem.release()
	if runErr == nil && !mem.refused {
		// Capped: one big run should not make every later run reserve as much.
		m.memHint.Store(min(mem.peak, maxMemHint))
	}
	return runErr, mem.peak, mem.refused
}

// guestSleep is the guest's nanosleep. A sleeping guest needs no core: its
// token goes to another while it sleeps, unless the sleep is too short to
// be worth the hand-over.
func guestSleep(runCtx context.Context, cpu *cpuTime, ns int64) {
	d := time.Duration(ns)
	if d < minYieldSleep {
		sleep(runCtx, d)
		return
	}
	cpu.give()
	sleep(runCtx, d)
	// If this fails, runCtx has ended and the guest stops at its next
	// check.
	cpu.take(runCtx)
}

// stdin is the guest's standard input: the prelude, if any, then the body.
func stdin(prelude, body []byte) io.Reader {
	if len(prelude) == 0 {
		return bytes.NewReader(body)
	}
	return io.MultiReader(bytes.NewReader(prelude), bytes.NewReader(body))
}

// callExports calls inst's exports named in order ("" is skipped),
// stopping them when runCtx ends (callStopping).
func callExports(runCtx *runContext, callCtx context.Context, stop string, inst api.Module, names ...string) error {
	flag, ok := inst.ExportedGlobal(stop).(api.MutableGlobal)
	if !ok {
		return errors.New("sandbox: no stop global")
	}
	var fns []api.Function
	for _, name := range names {
		if name == "" {
			continue
		}
		fn := inst.ExportedFunction(name)
		if fn == nil {
			return fmt.Errorf("sandbox: no export %s", name)
		}
		fns = append(fns, fn)
	}
	return callStopping(runCtx, callCtx, flag, fns)
}

// callStopping calls fns in order, stopping them when runCtx ends: it sets
// the global flag, which the instrumented code checks (internal/wasm).
func callStopping(runCtx *runContext, callCtx context.Context, flag api.MutableGlobal, fns []api.Function) error {
	var mu sync.Mutex
	running := true
	set := func() {
		mu.Lock()
		defer mu.Unlock()
		if running {
			flag.Set(1)
		}
	}
	halt := runCtx.afterFunc(set)
	defer func() {
		if !halt() {
			// The flag may be being set: wait for that, so nothing
			// writes to the instance once it is closed.
			mu.Lock()
			running = false
			mu.Unlock()
		}
	}()
	for _, fn := range fns {
		if _, err := fn.Call(callCtx); err != nil {
			return err
		}
	}
	return nil
}

// runError maps how an instance ended to the errors Run documents.
func (s *Sandbox) runError(ctx context.Context, m *Module, lim limits, err error, timedOut bool, cpu *cpuTime, out *limitedWriter, refused bool) error {
	if out.exceeded {
		// Checked first: the cancel that stopped the guest looks like a
		// context cancellation below.
		return wf.E(wf.ErrFunctionFailed, fmt.Sprintf("function output over %d bytes", lim.outBytes),
			fmt.Errorf("sandbox: %s: stdout over %d bytes", m.key, lim.outBytes))
	}
	if s.isClosed() {
		// Close stopped the guest (or would have): its response, if any,
		// may be cut off, even if it exited 0.
		return errClosed
	}
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("sandbox: run %s: %w", m.key, cerr)
	}
	var werr *wf.Error
	if errors.As(err, &werr) && !timedOut && !cpu.exceeded.Load() {
		return err // said already (a reactor that failed to initialise)
	}
	detail := fmt.Errorf("sandbox: run %s: %w", m.key, err)
	var exit *sys.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 0 {
		return nil
	}
	if cpu.exceeded.Load() {
		return wf.E(wf.ErrTimeout, fmt.Sprintf("function used its CPU time budget of %v", cpu.budget), detail)
	}
	if timedOut || (exit != nil && exit.ExitCode() == sys.ExitCodeDeadlineExceeded) {
		return wf.E(wf.ErrTimeout, fmt.Sprintf("function ran over %v", lim.timeout), detail)
	}
	if refused {
		return wf.E(wf.ErrFunctionFailed, fmt.Sprintf("function ran out of memory (limit %d pages)", lim.pages), detail)
	}
	if exit != nil {
		return wf.E(wf.ErrFunctionFailed, fmt.Sprintf("function exited with status %d", exit.ExitCode()), detail)
	}
	return wf.E(wf.ErrFunctionFailed, "function trapped", detail)
}

// sleep is the guest's nanosleep. It wakes at the deadline so a sleeping
// guest is stopped on time, not when its sleep ends.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// limitedWriter is the guest's stdout. Past max it fails and cancels the
// instance: a guest that ignores write errors would otherwise spin until the
// deadline.
type limitedWriter struct {
	buf      bytes.Buffer
	max      int64
	cancel   context.CancelFunc
	exceeded bool
}

var errOutputLimit = errors.New("output limit reached")

func (w *limitedWriter) Write(p []byte) (int, error) {
	if w.exceeded || int64(w.buf.Len())+int64(len(p)) > w.max {
		w.exceeded = true
		w.cancel()
		return 0, errOutputLimit
	}
	return w.buf.Write(p)
}

// logWriter is the guest's stderr: it keeps the first max bytes and
// silently drops the rest, so logging never fails a function.
type logWriter struct {
	buf     bytes.Buffer
	max     int
	dropped int64
}

func (w *logWriter) Write(p []byte) (int, error) {
	n := min(len(p), w.max-w.buf.Len())
	w.buf.Write(p[:n])
	w.dropped += int64(len(p) - n)
	return len(p), nil
}

func (w *logWriter) bytes() []byte {
	if w.dropped > 0 {
		fmt.Fprintf(&w.buf, "\n[log truncated: %d bytes dropped]\n", w.dropped)
	}
	return w.buf.Bytes()
}

// Request headers never passed to a function: credentials (RFC 3875
// section 4.1.18; WAGI drops Authorization too), Proxy (HTTP_PROXY is read
// as proxy configuration by many HTTP clients: "httpoxy") and hop-by-hop
// headers. The protocol's X-WF-* headers are dropped too (headerVar):
// X-WF-Voucher authorises payment, and a function that saw its callers'
// vouchers could spend their headroom on other functions.
var droppedRequestHeaders = map[string]bool{
	"Authorization":       true,
	"Proxy-Authorization": true,
	"Proxy":               true,
	"Connection":          true,
	"Keep-Alive":          true,
	"Proxy-Connection":    true,
	"Te":                  true,
	"Trailer":             true,
	"Transfer-Encoding":   true,
	"Upgrade":             true,
}

// cgiVar is one environment variable from the function's Env or the
// request. rank orders sources for the same name: the lowest wins. Run's
// own CGI variables beat every rank.
type cgiVar struct {
	k, v string
	rank uint8
}

const (
	rankEnv    = iota // the function's Env
	rankHeader        // request headers
	rankHost          // HTTP_HOST from Request.Host when no header set it
)

// cgiEnv returns the function's environment, sorted by name, laid out as
// WASI's environ_get writes it. Precedence: CGI variables over the
// function's Env over request headers.
func cgiEnv(req *Request, contentLength int, software string) (*environ, error) {
	// The request's and the function's own variables, sorted below and
	// merged with the CGI variables, which are already in order.
	var stack [8]cgiVar
	vars := stack[:0]
	for k, v := range req.Env {
		if k == "" || strings.ContainsAny(k, "=\x00") || strings.IndexByte(v, 0) >= 0 {
			// The spec is at fault, not the caller: a 502, not a 400.
			return nil, wf.E(wf.ErrFunctionFailed, "function environment is invalid", fmt.Errorf("sandbox: env %q", k))
		}
		vars = append(vars, cgiVar{k, v, rankEnv})
	}
	for name, vals := range req.Header {
		key, ok := headerVar(name)
		if !ok || len(vals) == 0 {
			continue
		}
		sep := ", "
		if key == "HTTP_COOKIE" {
			sep = "; "
		}
		v := strings.Join(vals, sep)
		if strings.IndexByte(v, 0) >= 0 {
			continue
		}
		vars = append(vars, cgiVar{key, v, rankHeader})
	}
	if req.Host != "" {
		vars = append(vars, cgiVar{"HTTP_HOST", req.Host, rankHost})
	}

	scheme := req.Scheme
	if scheme == "" {
		scheme = "http"
	}
	serverName, serverPort := req.Host, ""
	if h, p, err := net.SplitHostPort(req.Host); err == nil {
		serverName, serverPort = h, p
	}
	if serverPort == "" {
		serverPort = "80"
		if scheme == "https" {
			serverPort = "443"
		}
	}
	remote := req.RemoteAddr
	if h, _, err := net.SplitHostPort(remote); err == nil {
		remote = h
	}
	pathInfo, err := url.PathUnescape(req.Path)
	if err != nil {
		pathInfo = req.Path
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	proto := req.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	fullURL := scheme + "://" + req.Host + req.ScriptName + req.Path
	if req.RawQuery != "" {
		fullURL += "?" + req.RawQuery
	}
	cgi := [...][2]string{ // sorted by name, for the merge below
		{"AUTH_TYPE", ""},
		{"CONTENT_LENGTH", strconv.Itoa(contentLength)},
		{"CONTENT_TYPE", req.Header.Get("Content-Type")},
		{"GATEWAY_INTERFACE", "CGI/1.1"},
		{"PATH_INFO", pathInfo},
		{"PATH_TRANSLATED", pathInfo},
		{"QUERY_STRING", req.RawQuery},
		{"REMOTE_ADDR", remote},
		{"REMOTE_HOST", remote},
		{"REMOTE_USER", ""},
		{"REQUEST_METHOD", method},
		{"SCRIPT_NAME", req.ScriptName},
		{"SERVER_NAME", serverName},
		{"SERVER_PORT", serverPort},
		{"SERVER_PROTOCOL", proto},
		{"SERVER_SOFTWARE", software},
		{"X_FULL_URL", fullURL},
		{"X_MATCHED_ROUTE", req.ScriptName + "/..."},
		{"X_RAW_PATH_INFO", req.Path},
		{"X_RELATIVE_PATH", strings.TrimPrefix(pathInfo, "/")},
	}
	size := 0
	for _, kv := range cgi {
		if strings.IndexByte(kv[1], 0) >= 0 {
			return nil, wf.E(wf.ErrInvalid, "request contains a NUL byte", fmt.Errorf("sandbox: %s", kv[0]))
		}
		size += len(kv[0]) + len(kv[1]) + 2
	}
	for _, kv := range vars {
		size += len(kv.k) + len(kv.v) + 2
	}
	// By name, then rank: the winner of each name comes first.
	slices.SortFunc(vars, func(a, b cgiVar) int {
		if c := strings.Compare(a.k, b.k); c != 0 {
			return c
		}
		return int(a.rank) - int(b.rank)
	})

	e := environs.Get().(*environ)
	if cap(e.buf) < size {
		e.buf = make([]byte, 0, size)
	}
	last := ""
	add := func(k, v string) {
		if e.n > 0 && k == last {
			return // a lower-ranked source for the same name
		}
		e.buf = append(e.buf, k...)
		e.buf = append(e.buf, '=')
		e.buf = append(e.buf, v...)
		e.buf = append(e.buf, 0)
		e.n++
		last = k
	}
	i := 0
	for _, kv := range vars {
		for ; i < len(cgi) && cgi[i][0] <= kv.k; i++ {
			add(cgi[i][0], cgi[i][1]) // on equal names, CGI first: it wins
		}
		add(kv.k, kv.v)
	}
	for ; i < len(cgi); i++ {
		add(cgi[i][0], cgi[i][1])
	}
	return e, nil
}

// headerVar maps a header name to its CGI variable, or reports that the
// header is not passed. Names with anything but letters, digits and '-'
// are dropped: "X_User" and "X-User" would otherwise both be HTTP_X_USER,
// letting a caller spoof a header a front proxy vouched for.
func headerVar(name string) (string, bool) {
	if droppedRequestHeaders[http.CanonicalHeaderKey(name)] || name == "" ||
		len(name) >= len(wf.HeaderPrefix) && strings.EqualFold(name[:len(wf.HeaderPrefix)], wf.HeaderPrefix) {
		return "", false
	}
	b := make([]byte, 0, len("HTTP_")+len(name))
	b = append(b, "HTTP_"...)
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z':
			b = append(b, c-'a'+'A')
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b = append(b, c)
		case c == '-':
			b = append(b, '_')
		default:
			return "", false
		}
	}
	return string(b), true
}

// cgiArgs builds argv as WAGI does: the request's URL path, then the query
// split on '&', still encoded. Empty terms are dropped: WASI cannot carry
// an empty argument through wazero.
func cgiArgs(req *Request) (*environ, error) {
	for _, s := range [...]string{req.ScriptName, req.Path, req.RawQuery} {
		if strings.IndexByte(s, 0) >= 0 {
			return nil, wf.E(wf.ErrInvalid, "request contains a NUL byte", errors.New("sandbox: argv"))
		}
	}
	// Laid out at once as the guest reads them ("arg\x00" back to back),
	// in one buffer.
	a := &environ{buf: make([]byte, 0, len(req.ScriptName)+len(req.Path)+len(req.RawQuery)+3)}
	if req.ScriptName == "" && req.Path == "" {
		a.buf = append(a.buf, '/')
	}
	a.buf = append(append(a.buf, req.ScriptName...), req.Path...)
	a.buf = append(a.buf, 0)
	a.n = 1
	for q := req.RawQuery; q != ""; {
		var t string
		t, q, _ = strings.Cut(q, "&")
		if t != "" {
			a.buf = append(append(a.buf, t...), 0)
			a.n++
		}
	}
	return a, nil
}

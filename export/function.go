package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// Function is an embedded function, verified: its address, its signed
// spec, and what the sandbox compiles and runs.
type Function struct {
	CID  wf.CID
	Spec *wf.SignedSpec
	// Key and Wasm are what the sandbox compiles: the code, or for a
	// JavaScript function the engine its spec names (keyed by the
	// engine's CID).
	Key  string
	Wasm []byte
	// Prelude is a JavaScript function's script and env for its engine;
	// nil for a WebAssembly function.
	Prelude []byte
	// Env is what the function gets as its environment: the spec's, and
	// what AddEnv adds.
	Env map[string]string

	script []byte // a JavaScript function's code, for a new Prelude
}

// EnvPrefix marks the runner's environment variables that reach the
// function: WF_ENV_API_KEY=... on Lambda, Cloud Run or Vercel is API_KEY
// to the function (how an exported function gets the secrets a sealed
// spec would have carried).
const EnvPrefix = "WF_ENV_"

// AddEnv adds extra to f's environment. The spec's own variables win: the
// owner signed them.
func (f *Function) AddEnv(extra map[string]string) error {
	if len(extra) == 0 {
		return nil
	}
	env := make(map[string]string, len(f.Env)+len(extra))
	for k, v := range extra {
		if k == "" || strings.ContainsAny(k, "=\x00") || strings.Contains(v, "\x00") {
			return fmt.Errorf("%w: environment variable %q", wf.ErrInvalid, k)
		}
		env[k] = v
	}
	for k, v := range f.Env {
		env[k] = v
	}
	f.Env = env
	if f.script != nil {
		p, err := jsrt.Prelude(f.script, env)
		if err != nil {
			return err
		}
		f.Prelude = p
	}
	return nil
}

// EnvFrom picks the variables named with EnvPrefix from environ (as
// os.Environ lists them), the prefix cut.
func EnvFrom(environ []string) map[string]string {
	out := map[string]string{}
	for _, kv := range environ {
		k, v, ok := strings.Cut(kv, "=")
		if name, has := strings.CutPrefix(k, EnvPrefix); ok && has && name != "" {
			out[name] = v
		}
	}
	return out
}

// Load reads the CAR that Pack made and Extract found, and checks it the
// way a provider checks a deploy: every block against its CID, the code
// DAG complete, the spec canonical and signed by its owner (or by a
// delegate the owner signed for) as v finds it, and every extension one
// this runner honours. Errors wrap wf.ErrInvalid or wf.ErrForbidden.
func Load(ctx context.Context, car []byte, v wf.Verifier) (*Function, error) {
	st := memstore.New()
	roots, err := dag.ImportCAR(ctx, bytes.NewReader(car), st, dag.Limits{MaxBytes: MaxPayload + 1<<20})
	if err != nil {
		return nil, fmt.Errorf("export: embedded function: %w", err)
	}
	if len(roots) != 1 || !spec.IsBlockCID(roots[0]) {
		return nil, fmt.Errorf("%w: export: the embedded CAR must have one root, the function's spec", wf.ErrInvalid)
	}
	c := roots[0]
	b, err := st.Get(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("%w: export: the embedded CAR lacks its spec block %s", wf.ErrInvalid, c)
	}
	ss, err := spec.Decode(b)
	if err != nil {
		return nil, err
	}
	if err := spec.Verify(ss, v); err != nil {
		return nil, fmt.Errorf("export: function %s: %w", c, err)
	}
	if err := exportable(&ss.Spec); err != nil {
		return nil, fmt.Errorf("export: function %s: %w", c, err)
	}
	if err := dag.VerifyComplete(ctx, st, ss.Spec.Code.CID); err != nil {
		return nil, fmt.Errorf("export: function %s: code: %w", c, err)
	}
	code, err := dag.ReadFile(ctx, st, ss.Spec.Code.CID, ss.Spec.Code.Entry)
	if err != nil {
		return nil, fmt.Errorf("export: function %s: code: %w", c, err)
	}
	f := &Function{CID: c, Spec: ss, Key: ss.Spec.Code.CID.String(), Wasm: code, Env: ss.Spec.Env}
	if engine, ok := spec.JSEngine(&ss.Spec); ok {
		e, err := jsrt.Lookup(engine)
		if err != nil {
			return nil, err
		}
		if f.Prelude, err = jsrt.Prelude(code, ss.Spec.Env); err != nil {
			return nil, err
		}
		f.script = code
		f.Key, f.Wasm = e.CID.String(), e.Wasm
	}
	return f, nil
}

// Honoured are the extensions a runner honours: wf.cpu (the run's CPU
// budget), wf.js (the engine), wf.ci (checked with the signature),
// wf.deterministic (it only informs), and wf.callers, whose limits guard
// the owner's bill, which an exported function does not touch. Any other
// extension a spec requires stops export and start: an access policy
// such as wf.ci.callers is one a runner cannot check, and running the
// function for anyone would break it. Extensions that only inform are
// ignored.
var Honoured = []string{spec.CPUExtension, spec.CallersExtension, spec.CIExtension, spec.DeterministicExtension, spec.JSExtension}

func registry() spec.Registry {
	var types []spec.ExtensionType
	for _, t := range spec.Builtin() {
		if slices.Contains(Honoured, t.Name) {
			types = append(types, t)
		}
	}
	return spec.NewRegistry(types...)
}

// Server serves one Function over HTTP, mounted at the root: the path a
// caller asks for is the function's PATH_INFO, as /CID/PATH is on a
// provider. It is an http.Handler for Cloud Run ($PORT) and the handler
// behind Lambda's events.
type Server struct {
	fn      *Function
	sb      *sandbox.Sandbox
	mod     *sandbox.Module
	log     *slog.Logger
	timeout time.Duration // the function's effective wall-time limit
	cpu     time.Duration // its wf.cpu budget; 0 for none
}

// Margin is kept from a Lambda invocation's deadline so that a run cut at
// it still has time to send its 504 before the platform ends the process.
const Margin = 200 * time.Millisecond

// NewServer compiles f in sb. log gets one line per request and the
// function's stderr (its console); nil discards them.
func NewServer(ctx context.Context, sb *sandbox.Sandbox, f *Function, log *slog.Logger) (*Server, error) {
	m, err := sb.Compile(ctx, f.Key, f.Wasm)
	if err != nil {
		return nil, fmt.Errorf("export: compile %s: %w", f.CID, err)
	}
	if f.Prelude != nil {
		// The worker evaluated once, into the snapshot each request starts
		// from (jsrt.Derive), as on a provider.
		if m, err = jsrt.Derive(ctx, sb, m, f.Prelude); err != nil {
			return nil, fmt.Errorf("export: %s: %w", f.CID, err)
		}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	srv := &Server{fn: f, sb: sb, mod: m, log: log, timeout: sb.Effective(f.Spec.Spec.Limits).Timeout()}
	if b, ok := spec.CPUBudget(&f.Spec.Spec); ok {
		srv.cpu = min(b, srv.timeout)
	}
	return srv, nil
}

// reserved are response headers a function may not set (as on a provider).
var reserved = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Proxy-Authenticate": true, "Proxy-Authorization": true,
	"Te": true, "Trailer": true, "Transfer-Encoding": true, "Upgrade": true, "Content-Length": true,
}

// ServeHTTP runs the function for r in a fresh instance. A deadline on r's
// context (a Lambda invocation's) shortens the function's time limit to
// what is left of it, less Margin.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(wf.FunctionHeader, s.fn.CID.String())
	lim := s.fn.Spec.Spec.Limits
	if dl, ok := r.Context().Deadline(); ok {
		left := time.Until(dl) - Margin
		if left <= 0 {
			httperr.Write(w, s.log, wf.E(wf.ErrTimeout, "the invocation's deadline passed before the function started", nil))
			return
		}
		if left < s.timeout {
			lim.TimeoutMS = max(1, left.Milliseconds())
		}
	}
	start := time.Now()
	resp, err := s.sb.Run(r.Context(), s.mod, &sandbox.Request{
		Method:     r.Method,
		Path:       r.URL.EscapedPath(),
		RawQuery:   r.URL.RawQuery,
		Scheme:     scheme(r),
		Host:       r.Host,
		RemoteAddr: r.RemoteAddr,
		Proto:      r.Proto,
		Header:     r.Header, // the sandbox drops X-WF-* as it does for a provider
		Body:       r.Body,
		Env:        s.cgiEnv(),
		Limits:     lim,
		CPUTime:    s.cpu,
		Tenant:     s.fn.Spec.Spec.Owner.String(),
	})
	elapsed := time.Since(start)
	if resp != nil && len(resp.Log) > 0 {
		s.log.Info("function log", "log", string(resp.Log))
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = wf.E(wf.ErrTimeout, "the function ran past the invocation's deadline", err)
		}
		status, _ := httperr.Status(err)
		s.log.Info("invoke", "method", r.Method, "path", r.URL.Path, "status", status, "duration", elapsed, "err", err)
		httperr.Write(w, nil, err)
		return
	}
	s.log.Info("invoke", "method", r.Method, "path", r.URL.Path, "status", resp.Status, "duration", elapsed)
	h := w.Header()
	for k, vs := range resp.Header {
		if k = http.CanonicalHeaderKey(k); !reserved[k] && !strings.HasPrefix(k, wf.HeaderPrefix) {
			h[k] = vs
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(resp.Body)))
	w.WriteHeader(resp.Status)
	if r.Method != http.MethodHead {
		w.Write(resp.Body)
	}
}

// cgiEnv is the function's env as CGI variables; a JavaScript function
// has it in its prelude instead.
func (s *Server) cgiEnv() map[string]string {
	if s.fn.Prelude != nil {
		return nil
	}
	return s.fn.Env
}

func scheme(r *http.Request) string {
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		return "https"
	}
	return "http"
}

package provider

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"github.com/webfunctions/wf/payment/ledger"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/sync/singleflight"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

// Fetcher pulls a whole DAG from elsewhere (peer providers, IPFS gateways)
// into dst, verifying every block. trustless.Fetcher implements it.
type Fetcher interface {
	Fetch(ctx context.Context, root wf.CID, dst wf.BlockPutter) error
}

// Config configures a Provider. Zero values take the documented defaults.
type Config struct {
	Store   wf.BlockStore    // required: where deployed blocks live
	Sandbox *sandbox.Sandbox // required: runs the functions
	Fetcher Fetcher          // optional: source of functions not deployed here
	// Key is the provider's Ethereum identity: it is registered on-chain,
	// receives payments and signs receipts and ownership challenges.
	// Optional until payments or gateways are used.
	Key *chain.Key
	// Payments meters invocations (authorize, charge, receipt); nil
	// serves them for free. See wf.Payments.
	Payments wf.Payments
	// PaymentStats, when set, is read (at most once a second) when
	// /metrics is scraped, for the wf_payment_* and wf_settlement_*
	// metrics (provider/metrics_payments.go).
	PaymentStats func(context.Context) (PaymentStats, error)
	// Ledger is the payments' ledger, for the signed account reads
	// (/v1/payer, /v1/console); when nil, Payments' own Ledger method,
	// if it has one (a payment.Meter's), is used. Wrappers of the meter
	// (trial credits, the MINA rail) hide that method: set it.
	Ledger *ledger.Ledger
	// Sealing holds this node's sealing keys, which open the secrets and
	// encrypted code of sealed functions granted to it (package seal). Nil
	// refuses sealed functions with 403.
	Sealing *seal.Keyring
	// PrivateSandbox compiles decrypted code; required with Sealing. Its
	// compile cache must be memory only, so no decrypted module reaches
	// disk.
	PrivateSandbox *sandbox.Sandbox
	// Extensions are the spec extensions this node understands besides
	// the project's own (spec.Builtin), which every node does. A spec
	// with a required extension outside them is refused (400
	// unsupported_extension).
	Extensions spec.Registry
	// CICallers verifies the CI jobs that call functions with
	// wf.ci.callers (docs/ci.md). Default: ci.NewCallers with GitHub's and
	// GitLab.com's public issuers; a node fetches keys from no other.
	CICallers *ci.Callers
	// Access verifies callers' credentials for functions with an access
	// policy (see Gate); with one, the node understands wf.access too.
	// Nil refuses those functions.
	Access Gate

	// Log is where the node logs (default: discard). The line each
	// invocation writes carries no source position, even for a handler
	// with AddSource (logInvoke).
	Log *slog.Logger

	// MaxUploadBytes bounds one POST /v1/car. Default 256 MiB.
	MaxUploadBytes int64
	// OwnerQuotaBytes bounds the bytes one owner's deploys may keep in the
	// store, each function counted whole (docs/storage.md); a deploy past
	// it gets 413 storage_quota and stores nothing. Default
	// DefaultOwnerQuotaBytes; -1 is no bound.
	OwnerQuotaBytes int64
	// MaxStoreBytes bounds the store's total size: a deploy that would
	// pass it gets 503 storage_full. Zero is no bound but the disk (a
	// full disk gives storage_full too).
	MaxStoreBytes int64
	// WarmFile, when set, keeps the list of loaded functions (most
	// recently used first) so that a new Provider loads them again in the
	// background at start, bounded by MaxLoaded and MaxLoadedBytes and
	// pausing while requests wait (warm.go). "" warms nothing.
	WarmFile string
	// StorageDir keeps the owners' storage charges (one small file per
	// deployed function) so quotas survive restarts; "" keeps them in
	// memory only.
	StorageDir string
	// MaxUploads bounds the CAR uploads read at once; more get 429 at
	// once. Each stages up to MaxUploadBytes in memory once its spec
	// block has passed, so MaxUploads × MaxUploadBytes bounds what
	// deploys hold. Default DefaultMaxUploads.
	MaxUploads int
	// UploadTimeout bounds the time one POST /v1/car may take to arrive;
	// MinBodyRate and BodyGrace apply to it as to other bodies. Default
	// DefaultUploadTimeout.
	UploadTimeout time.Duration
	// MaxLoaded is how many functions stay loaded (spec parsed, module
	// compiled) in memory; the least recently used are dropped and
	// reloaded from the store and the compile cache. Default 256.
	MaxLoaded int
	// MaxLoadedBytes bounds the same loaded functions by the memory their
	// compiled modules hold (sandbox.Module.Size: machine code, and a Go
	// reactor's snapshot and idle instances), each module counted once;
	// the least recently used are dropped until they fit (one always
	// stays). A Go function holds about 30 MB, an AssemblyScript one about
	// 130 KB. Default 512 MiB.
	MaxLoadedBytes int64
	// MaxConcurrent bounds functions running at once, so that many
	// concurrent memory-hungry requests cannot exhaust the host: each may
	// use up to the sandbox's memory maximum. Requests beyond it wait up
	// to QueueTimeout, then get 429. Default 4 per CPU, at least 8.
	MaxConcurrent int
	// MaxConcurrentPerFunction and MaxConcurrentPerOwner bound the slots
	// one function, and all the functions of one owner (the spec's
	// owner), may hold at once, so that no function or owner can take
	// every slot. When a slot frees, it goes to the waiting request whose
	// owner, then function, has the fewest running, so a quiet function is
	// not queued behind a flood of another's requests. Defaults
	// DefaultFunctionShare and DefaultOwnerShare of MaxConcurrent (at
	// least 1); a negative value is no cap but MaxConcurrent.
	MaxConcurrentPerFunction int
	MaxConcurrentPerOwner    int
	// QueueTimeout is how long a request waits for a free slot. Default 2s.
	QueueTimeout time.Duration
	// CPUTime is the CPU time a request may use by default, and MaxCPUTime
	// the most a function may ask for; a guest past its budget is stopped
	// and its caller gets 504. CPU time is the time the guest holds one of
	// the sandbox's CPU tokens (sandbox.CPU), which an owner's guests
	// share fairly with others'. Defaults DefaultCPUTime and
	// DefaultMaxCPUTime.
	CPUTime, MaxCPUTime time.Duration
	// BodyTimeout, MinBodyRate and BodyGrace bound how a request body may
	// arrive. The body is read whole before its request takes a slot: it
	// must be in within BodyTimeout, and after BodyGrace it must have come
	// at MinBodyRate bytes per second on average, or the request gets 408
	// and its connection is closed. Defaults DefaultBodyTimeout,
	// DefaultMinBodyRate and DefaultBodyGrace; a negative MinBodyRate
	// checks no rate.
	BodyTimeout time.Duration
	MinBodyRate int64
	BodyGrace   time.Duration
	// WriteTimeout bounds how long a function's answer may take to be
	// read by its caller: it must be out within WriteTimeout, and within
	// BodyGrace plus its size at MinBodyRate, or the connection is closed,
	// so a caller that never reads holds neither a goroutine nor the
	// answer's memory for long. Default DefaultWriteTimeout.
	WriteTimeout time.Duration
	// LogBytesPerSecond and FailureLogBytesPerSecond are the log's byte
	// budgets, so that a request flood cannot fill the disk: failures
	// (warnings, errors, answers of status 500 or more, such as failed
	// and timed-out functions) spend the second, every other line the
	// first, so successes never crowd out failures. Each budget holds ten
	// seconds of its rate for bursts. Lines over budget are dropped,
	// counted in wf_log_lines_dropped_total and summarised in a "log lines
	// dropped" warning at most every ten seconds. Sizes are estimated
	// generously from the records, not measured from the output. Defaults
	// DefaultLogBytesPerSecond and DefaultFailureLogBytesPerSecond; a
	// negative value is no limit.
	LogBytesPerSecond        int64
	FailureLogBytesPerSecond int64
	// LogEntries is how many recent invocations are kept per loaded
	// function for `wf logs`. Default 50.
	LogEntries int
	// Name and Version are shown in /v1/info.
	Name, Version string
	// Manifest is the provider's manifest block (package manifest),
	// served in /v1/info with its CID; nil: none.
	Manifest []byte
	// PublicURL is this provider's base URL, used in deploy answers.
	PublicURL string

	// Names stores name records (names.OpenStore); nil keeps them in
	// memory only.
	Names *names.Store
	// Peers are other providers (base URLs) asked for names this one
	// lacks and told of records it accepts. See docs/names.md.
	Peers []string
	// NameTTL is how old the peers' last answer for a name may get before
	// a request for it asks them again, in the background. Default
	// DefaultNameTTL.
	NameTTL time.Duration
	// Rand picks a name's target by weight; default a randomly seeded
	// PCG. Tests seed it.
	Rand rand.Source

	Now func() time.Time // default time.Now
}

// DefaultMaxUploadBytes is Config.MaxUploadBytes's default: 256 MiB.
const DefaultMaxUploadBytes = 256 << 20

// DefaultMaxUploads is Config.MaxUploads's default: 2, so signed uploads
// stage at most 512 MiB at the default size limit. Deploys are rare; a
// publisher that meets 429 retries.
const DefaultMaxUploads = 2

// DefaultUploadTimeout is Config.UploadTimeout's default: 10 minutes, so
// the largest upload needs about 450 KB/s.
const DefaultUploadTimeout = 10 * time.Minute

// DefaultLogBytesPerSecond is Config.LogBytesPerSecond's default: 8 KiB/s,
// about 40 invocation lines a second, at most 675 MiB a day.
const DefaultLogBytesPerSecond = 8 << 10

// DefaultFailureLogBytesPerSecond is Config.FailureLogBytesPerSecond's
// default: 16 KiB/s, at most 1.3 GiB a day.
const DefaultFailureLogBytesPerSecond = 16 << 10

// Provider serves functions. It is safe for concurrent use.
type Provider struct {
	cfg     Config
	log     *slog.Logger // cfg.Log within the log budget
	logs    *logBudget
	mux     *http.ServeMux
	metrics *metrics
	reg     *prometheus.Registry

	// opener opens sealed specs; private compiles decrypted modules with
	// no on-disk cache, so their machine code never reaches the disk.
	opener  *seal.Opener
	private *sandbox.Sandbox

	slots    *scheduler    // the slots functions run in
	inflight inflight      // invocations being served, for Drain
	uploads  chan struct{} // one per CAR upload allowed at once
	usage    *usage        // owners' storage charges

	names     *names.Store
	nameState *nameState

	callers *callerLimits // wf.callers windows

	price []string // X-WF-Price's value when Payments is set (every response; never changed)

	manifest atomic.Pointer[[]byte] // set by SetManifest; nil: Config.Manifest

	cids      cidCache // invocation paths' first segments, parsed
	loadGroup singleflight.Group
	warm      warmState // warm.go
	mu        sync.Mutex
	loaded    map[wf.CID]*list.Element // of *function
	lru       *list.List
}

// New returns a Provider.
func New(cfg Config) (*Provider, error) {
	if cfg.Store == nil || cfg.Sandbox == nil {
		return nil, errors.New("provider: Config.Store and Config.Sandbox are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxUploadBytes == 0 {
		cfg.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if cfg.OwnerQuotaBytes == 0 {
		cfg.OwnerQuotaBytes = DefaultOwnerQuotaBytes
	}
	if cfg.MaxUploads <= 0 {
		cfg.MaxUploads = DefaultMaxUploads
	}
	if cfg.UploadTimeout <= 0 {
		cfg.UploadTimeout = DefaultUploadTimeout
	}
	if cfg.MaxLoaded == 0 {
		cfg.MaxLoaded = 256
	}
	if cfg.MaxLoadedBytes == 0 {
		cfg.MaxLoadedBytes = 512 << 20
	}
	if cfg.MaxConcurrent == 0 {
		cfg.MaxConcurrent = max(8, 4*runtime.NumCPU())
	}
	cfg.MaxConcurrentPerFunction = share(cfg.MaxConcurrentPerFunction, cfg.MaxConcurrent, DefaultFunctionShare)
	cfg.MaxConcurrentPerOwner = share(cfg.MaxConcurrentPerOwner, cfg.MaxConcurrent, DefaultOwnerShare)
	if cfg.QueueTimeout == 0 {
		cfg.QueueTimeout = 2 * time.Second
	}
	if err := cfg.limitDefaults(); err != nil {
		return nil, err
	}
	if err := checkManifest(cfg.Manifest); err != nil {
		return nil, err
	}
	if cfg.CICallers == nil {
		cfg.CICallers = ci.NewCallers(ci.CallersConfig{})
	}
	if cfg.Extensions == nil { // the project's own; an empty Registry understands none
		cfg.Extensions = DefaultExtensions()
	}
	cfg.Extensions = withAccess(cfg.Extensions, cfg.Access)
	if cfg.BodyTimeout <= 0 {
		cfg.BodyTimeout = DefaultBodyTimeout
	}
	if cfg.MinBodyRate == 0 {
		cfg.MinBodyRate = DefaultMinBodyRate
	}
	if cfg.BodyGrace <= 0 {
		cfg.BodyGrace = DefaultBodyGrace
	}
	if cfg.LogBytesPerSecond == 0 {
		cfg.LogBytesPerSecond = DefaultLogBytesPerSecond
	}
	if cfg.FailureLogBytesPerSecond == 0 {
		cfg.FailureLogBytesPerSecond = DefaultFailureLogBytesPerSecond
	}
	if cfg.LogEntries == 0 {
		cfg.LogEntries = 50
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.NameTTL <= 0 {
		cfg.NameTTL = DefaultNameTTL
	}
	if cfg.Names == nil {
		cfg.Names, _ = names.OpenStore(names.Options{}) // memory only: cannot fail
	}
	p := &Provider{
		cfg:     cfg,
		mux:     http.NewServeMux(),
		reg:     prometheus.NewRegistry(),
		loaded:  make(map[wf.CID]*list.Element),
		lru:     list.New(),
		slots:   newScheduler(cfg.MaxConcurrent, cfg.MaxConcurrentPerFunction, cfg.MaxConcurrentPerOwner),
		uploads: make(chan struct{}, cfg.MaxUploads),
		callers: newCallerLimits(cfg.Now),
	}
	if cfg.Payments != nil {
		p.price = []string{cfg.Payments.Price().String()}
	}
	p.names, p.nameState = cfg.Names, newNameState(cfg.Rand)
	var err error
	if p.usage, err = openUsage(cfg.StorageDir); err != nil {
		return nil, err
	}
	p.logs = newLogBudget(cfg.Log.Handler(), cfg.Now, cfg.LogBytesPerSecond, cfg.FailureLogBytesPerSecond, p.reg)
	p.log = slog.New(p.logs.handler())
	if cfg.Sealing != nil {
		if p.opener, err = seal.NewOpener(seal.OpenerConfig{Keyring: cfg.Sealing, Blocks: cfg.Store, Name: cfg.PublicURL}); err != nil {
			return nil, fmt.Errorf("provider: %w", err)
		}
		if p.private = cfg.PrivateSandbox; p.private == nil {
			return nil, errors.New("provider: Config.PrivateSandbox is required with Sealing")
		}
	}
	p.metrics = newMetrics(p.reg, cfg)
	p.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "wf_running_functions",
		Help: "Functions running now, each holding one of MaxConcurrent slots.",
	}, func() float64 { running, _ := p.slots.stats(); return float64(running) }))
	p.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "wf_waiting_requests",
		Help: "Requests waiting for a slot to run their function.",
	}, func() float64 { _, waiting := p.slots.stats(); return float64(waiting) }))
	p.reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))

	p.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		httperr.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	p.mux.Handle("GET /metrics", promhttp.HandlerFor(p.reg, promhttp.HandlerOpts{}))
	p.mux.HandleFunc("GET /v1/info", p.serveInfo)
	p.mux.HandleFunc("POST /v1/car", p.serveDeploy)
	p.mux.HandleFunc("GET /v1/logs/{cid}", p.serveLogs)
	p.mux.HandleFunc("GET /v1/stats/{cid}", p.serveStats)
	p.mux.HandleFunc("GET /v1/functions", p.serveOwned)
	p.mux.HandleFunc("GET /v1/payer", p.servePayer)     // accountread.go
	p.mux.HandleFunc("GET /v1/console", p.serveConsole) // accountread.go
	p.mux.HandleFunc("DELETE /v1/functions/{cid}", p.serveDelete)
	p.mux.HandleFunc("GET "+chain.ChallengePath, p.serveChallenge)
	p.routeNames()
	p.mux.Handle("/ipfs/", trustless.NewHandler(cfg.Store, trustless.Options{Logger: p.log}))
	p.mux.HandleFunc(invokePattern, p.serveInvoke)
	p.mux.HandleFunc(invokePathPattern, p.serveInvoke)
	p.mux.HandleFunc("/v1/", func(w http.ResponseWriter, r *http.Request) {
		httperr.Write(w, nil, fmt.Errorf("%w: no such API endpoint %s %s", wf.ErrNotFound, r.Method, r.URL.Path))
	})
	p.mux.HandleFunc("GET /{$}", p.serveIndex)
	p.mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", "GET, HEAD")
		httperr.Write(w, nil, errMethod(r))
	})
	p.startWarm()
	return p, nil
}

// Close drains (see Drain), releases what New made and reports log lines
// dropped since the last summary. The configured Store and sandboxes are the caller's to
// close.
func (p *Provider) Close(ctx context.Context) error {
	p.stopWarm(ctx)
	err := p.Drain(ctx)
	p.logs.flush(ctx)
	return err
}

// Handler returns the provider's HTTP handler.
func (p *Provider) Handler() http.Handler { return http.HandlerFunc(p.serveHTTP) }

type ctxKey struct{}

// serveHTTP tags every request with an id and a logger that carries it.
func (p *Provider) serveHTTP(w http.ResponseWriter, r *http.Request) {
	id := wf.NewRequestID()
	ids := id.String()
	w.Header()[wf.RequestIDHeader] = []string{ids} // wf.RequestIDHeader is canonical
	st := &requestState{h: requestHandler{inner: p.log.Handler(), id: ids}}
	st.info = reqInfo{id: id, log: slog.New(&st.h)}
	log := st.info.log
	r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, st))
	// What ServeMux would answer itself (a redirect to the clean path, 404,
	// 405) it would answer in plain text or HTML; these answer in JSON.
	if r.Method == http.MethodConnect {
		w.Header().Set("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
		httperr.Write(w, log, errMethod(r))
		return
	}
	if esc := r.URL.EscapedPath(); !isClean(esc) {
		redirectClean(w, r, cleanPath(esc))
		return
	}
	switch _, pattern := p.mux.Handler(r); pattern {
	case "":
		httperr.Write(w, log, fmt.Errorf("%w: no route for %s %s", wf.ErrNotFound, r.Method, r.URL.Path))
	case invokePattern, invokePathPattern:
		// The route is found: rather than have ServeMux find it again for
		// every invocation, take the one path value it would set (cid).
		r.Pattern = pattern
		p.serveInvokeSegment(w, r, firstSegment(r.URL.EscapedPath()))
	default:
		p.mux.ServeHTTP(w, r)
	}
}

// The invocation routes.
const (
	invokePattern     = "/{cid}"
	invokePathPattern = "/{cid}/{path...}"
)

// firstSegment is the value ServeMux gives a pattern's first wildcard for
// the escaped path p: its first segment, unescaped (as it is, if it does
// not unescape).
func firstSegment(p string) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if u, err := url.PathUnescape(seg); err == nil {
		return u
	}
	return seg
}

func errMethod(r *http.Request) error {
	return &httperr.Error{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
		Message: r.Method + " is not served here"}
}

// cleanPath is the path ServeMux redirects p to: without empty, "." and
// ".." segments, keeping a final slash.
func cleanPath(p string) string {
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if p[len(p)-1] == '/' && np != "/" {
		np += "/"
	}
	return np
}

// isClean reports whether cleanPath(p) == p, without building it (which
// costs every request an allocation): p starts with '/' and has no empty,
// "." or ".." segment but a last empty one (a trailing slash).
func isClean(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	for rest := p[1:]; ; {
		seg, more, found := strings.Cut(rest, "/")
		if seg == "." || seg == ".." || seg == "" && found {
			return false
		}
		if !found {
			return true
		}
		rest = more
	}
}

// redirectClean sends a request for a non-canonical path ("//", "/./x",
// "/a/../b") to the clean one, as ServeMux would (307: the method and body
// are kept), but with a JSON body.
func redirectClean(w http.ResponseWriter, r *http.Request, clean string) {
	loc := clean
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.Header().Set("Cache-Control", "no-store")
	httperr.WriteJSON(w, http.StatusTemporaryRedirect, httperr.Body{Error: httperr.Detail{
		Code: "non_canonical_path", Message: "the path is not canonical; the same request to " + clean + " is"}})
}

// requestState is what serveHTTP keeps for a request, in one allocation.
type requestState struct {
	h    requestHandler
	info reqInfo
}

type reqInfo struct {
	id  wf.RequestID
	log *slog.Logger
}

func info(r *http.Request) reqInfo {
	if st, ok := r.Context().Value(ctxKey{}).(*requestState); ok {
		return st.info
	}
	return reqInfo{log: slog.New(slog.DiscardHandler)}
}

func (p *Provider) serveInfo(w http.ResponseWriter, r *http.Request) {
	lim := p.cfg.Sandbox.Limits()
	info := map[string]any{
		"name":         p.cfg.Name,
		"version":      p.cfg.Version,
		"runtimes":     []string{wf.RuntimeWAGI},
		"specVersions": []int{wf.SpecVersion, wf.SpecVersionExtended},
		"extensions":   p.cfg.Extensions.Names(),
		"jsEngines":    jsEngines(),
		"limits": map[string]any{
			"maxMemoryPages":   lim.MemoryPages,
			"maxTimeoutMs":     lim.TimeoutMS,
			"cpuTimeMs":        p.cfg.CPUTime.Milliseconds(),
			"maxCpuTimeMs":     p.cfg.MaxCPUTime.Milliseconds(),
			"maxRequestBytes":  lim.MaxRequestBytes,
			"maxResponseBytes": lim.MaxResponseBytes,
			"maxUploadBytes":   p.cfg.MaxUploadBytes,
			"ownerQuotaBytes":  p.cfg.OwnerQuotaBytes,
			"maxStoreBytes":    p.cfg.MaxStoreBytes,
		},
	}
	if p.cfg.Key != nil {
		info["address"] = p.cfg.Key.Address().Checksum()
	}
	if p.cfg.Payments != nil {
		info["price"] = p.cfg.Payments.Price().String() // token base units per request
		if m, ok := p.cfg.Payments.(interface{ MinaInfo() map[string]any }); ok {
			info["mina"] = m.MinaInfo() // a second rail: its network, key and price in nanomina
		}
	}
	if p.cfg.Sealing != nil {
		info["specVersions"] = []int{wf.SpecVersion, wf.SpecVersionSealed, wf.SpecVersionExtended}
		info["sealingKey"] = p.cfg.Sealing.Current() // base64, see package seal
	}
	p.manifestInfo(info)
	httperr.WriteJSON(w, http.StatusOK, info)
}

func (p *Provider) serveIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "WebFunctions provider %s\n\nInvoke a function: curl %s/<cid>/\nInvoke a name:     curl %s/@<owner>/<name>/\nNode info:         curl %s/v1/info\n",
		p.cfg.Name, p.cfg.PublicURL, p.cfg.PublicURL, p.cfg.PublicURL)
}

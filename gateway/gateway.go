package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/http/httputil"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/relay/relayserver"
	"github.com/webfunctions/wf/wf"
)

// Registry is what the gateway reads from the on-chain provider registry.
// chain.Resolver implements it with a cache kept fresh from chain events.
// Lookup of an unknown name returns an error matching wf.ErrNotFound.
type Registry interface {
	Lookup(ctx context.Context, name string) (chain.Provider, error)
	List(ctx context.Context) ([]chain.Provider, error)
}

// Config configures a Gateway. Only Registry is required; zero values take
// the documented defaults.
type Config struct {
	// Domain is the gateway's DNS name: <name>.Domain routes to a
	// provider and Domain itself serves path routes and smart routing.
	// Empty serves every host as Domain (path routes only).
	Domain   string
	Registry Registry
	Log      *slog.Logger     // default: discard
	Now      func() time.Time // default time.Now

	// MaxRequestBytes bounds a request body. Default 32 MiB.
	MaxRequestBytes int64
	// MaxResponseBytes bounds a response body. Default 64 MiB.
	MaxResponseBytes int64
	// RequestTimeout bounds a whole exchange, bodies included. Default 2 min.
	RequestTimeout time.Duration
	// ProviderTimeout bounds how long one provider may take to start
	// answering; smart routing then tries the next. Default 30 s.
	ProviderTimeout time.Duration
	// HeaderTimeout bounds reading a request's headers (Server). Default 10 s.
	HeaderTimeout time.Duration

	// RateLimit is the sustained requests per second allowed per client
	// address (IPv6: per /64), with bursts of RateBurst. Defaults 50 and
	// 100; a negative RateLimit turns limiting off.
	RateLimit float64
	RateBurst int
	// TrustedProxies are the load balancers and reverse proxies in front
	// of the gateway. The client address, which rate limits key on and
	// the X-Forwarded-For sent to providers carries, is the connection's;
	// when the connection comes from a trusted prefix it is instead the
	// right-most X-Forwarded-For entry not itself in a trusted prefix.
	// Nobody else's X-Forwarded-For is read. Default none: run at the
	// edge.
	TrustedProxies []netip.Prefix

	// VerifyTTL is how long a proven endpoint stays trusted before it is
	// challenged again; a registry change re-challenges at once. Default
	// 10 min.
	VerifyTTL time.Duration
	// HealthInterval is how often Run checks every provider. Default 15 s.
	HealthInterval time.Duration
	// ProbeTimeout bounds asking providers whether they hold a function
	// and health checks. Default 1 s.
	ProbeTimeout time.Duration
	// MaxAttempts is how many providers smart routing tries for one
	// request. Default 3.
	MaxAttempts int
	// PricePerMillisecond is how many token base units of price per
	// request weigh as much as one millisecond of latency when ranking
	// providers. Default 100 (with USDC: $0.0001 per ms).
	PricePerMillisecond float64

	// AllowPrivateEndpoints lets registered endpoints resolve to loopback,
	// private and link-local addresses. Off by default, so that a
	// registration cannot aim the gateway at its own network; tests and
	// private deployments turn it on.
	AllowPrivateEndpoints bool
	// DisableTunnels refuses provider tunnels.
	DisableTunnels bool

	// Meter, if set, signs a metering count on each owner-paid request
	// (meter.go), for owners who named its key in their escrow approval.
	Meter *Meter
	// Filter, if set, admits providers to smart routing (filter.go):
	// `wf gateway start --trust-auditor` sets one. nil admits all.
	Filter Filter
	// Placement, if set, judges providers against a function's own
	// requirements (its spec's wf.placement). Without it, a function
	// that has any is not routed (503 placement_unchecked), never routed
	// against its owner's wishes.
	Placement PlacementFilter
}

// Gateway routes requests to providers. It is safe for concurrent use.
type Gateway struct {
	cfg     Config
	log     *slog.Logger
	gwName  string // the name endpoint challenges are signed for
	tunnels *relayserver.Server
	direct  *http.Transport
	verify  *verifier
	health  *health
	specs   *specCache
	router  *router
	limit   *limiter
	proxies proxies
	metrics *metrics
	reg     *prometheus.Registry
	proxy   *httputil.ReverseProxy
	mux     *http.ServeMux // the bare domain's own routes

	names *nameCache // name records (names.go)

	verifying chan struct{} // slots for verified requests (kofn.go)

	closeOnce sync.Once
}

// The defaults of Config's zero values.
const (
	DefaultMaxRequestBytes     = 32 << 20
	DefaultMaxResponseBytes    = 64 << 20
	DefaultRequestTimeout      = 2 * time.Minute
	DefaultProviderTimeout     = 30 * time.Second
	DefaultHeaderTimeout       = 10 * time.Second
	DefaultRateLimit           = 50
	DefaultRateBurst           = 100
	DefaultVerifyTTL           = 10 * time.Minute
	DefaultHealthInterval      = 15 * time.Second
	DefaultProbeTimeout        = time.Second
	DefaultMaxAttempts         = 3
	DefaultPricePerMillisecond = 100
)

// New returns a Gateway. Call Run to keep provider health fresh.
func New(cfg Config) (*Gateway, error) {
	if cfg.Registry == nil {
		return nil, errors.New("gateway: Config.Registry is required")
	}
	cfg.Domain = strings.ToLower(strings.TrimSuffix(cfg.Domain, "."))
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.RequestTimeout, DefaultRequestTimeout)
	def(&cfg.ProviderTimeout, DefaultProviderTimeout)
	def(&cfg.HeaderTimeout, DefaultHeaderTimeout)
	def(&cfg.VerifyTTL, DefaultVerifyTTL)
	def(&cfg.HealthInterval, DefaultHealthInterval)
	def(&cfg.ProbeTimeout, DefaultProbeTimeout)
	if cfg.MaxRequestBytes <= 0 {
		cfg.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = DefaultRateLimit
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = DefaultRateBurst
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.PricePerMillisecond <= 0 {
		cfg.PricePerMillisecond = DefaultPricePerMillisecond
	}
	proxies, err := newProxies(cfg.TrustedProxies)
	if err != nil {
		return nil, err
	}
	g := &Gateway{cfg: cfg, log: cfg.Log, proxies: proxies, reg: prometheus.NewRegistry(), mux: http.NewServeMux(),
		verifying: make(chan struct{}, maxVerifying)}
	g.names = newNameCache()
	g.gwName = cfg.Domain
	if g.gwName == "" {
		g.gwName = "gateway"
	}
	g.direct = newDirectTransport(cfg.AllowPrivateEndpoints)
	g.metrics = newMetrics(g.reg)
	g.verify = newVerifier(g)
	g.health = newHealth(cfg.Registry, g.resolve, cfg.ProbeTimeout, cfg.Now, cfg.Log)
	g.specs = newSpecCache(cfg.Log, g.metrics.specs)
	g.router = &router{
		list: cfg.Registry, resolve: g.resolve, timeout: cfg.ProbeTimeout, attempts: cfg.MaxAttempts,
		scorer: scorer{pricePerMS: cfg.PricePerMillisecond},
		health: g.health, specs: g.specs, keys: newKeyCache(),
		probes: newProber(cfg.ProbeTimeout, cfg.Now, g.health, g.specs),
		filter: cfg.Filter, placement: cfg.Placement,
	}
	if cfg.RateLimit > 0 {
		g.limit = newLimiter(cfg.RateLimit, cfg.RateBurst, cfg.Now)
	}
	if !cfg.DisableTunnels {
		ts, err := relayserver.New(relayserver.Config{
			Gateway:  cfg.Domain,
			Verifier: chain.Verifier{},
			Owner: func(ctx context.Context, name string) (wf.Address, error) {
				p, err := cfg.Registry.Lookup(ctx, name)
				return p.Owner, err
			},
			Names: g.namesOf,
			Log:   cfg.Log.With("part", "relay"),
		})
		if err != nil {
			return nil, err
		}
		g.tunnels = ts
		g.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "wf_gateway_tunnels",
			Help: "Provider names served through live tunnels.",
		}, func() float64 { return float64(ts.Len()) }))
		g.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "wf_gateway_tunnel_connections",
			Help: "Live tunnel connections, idle and busy.",
		}, func() float64 { return float64(ts.Conns()) }))
		g.mux.Handle(relay.Path, ts.Handler())
	}
	g.proxy = g.newProxy()
	g.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		httperr.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	g.mux.Handle("GET /metrics", promhttp.HandlerFor(g.reg, promhttp.HandlerOpts{}))
	g.mux.HandleFunc("GET /v1/providers", g.serveProviders)
	g.routeNames()
	g.mux.HandleFunc("GET /{$}", g.serveIndex)
	return g, nil
}

// namesOf lists the registered names addr holds.
func (g *Gateway) namesOf(ctx context.Context, addr wf.Address) ([]string, error) {
	ps, err := g.cfg.Registry.List(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range ps {
		if p.Owner == addr {
			names = append(names, p.Name)
		}
	}
	return names, nil
}

// Handler returns the gateway's HTTP handler.
func (g *Gateway) Handler() http.Handler { return http.HandlerFunc(g.serveHTTP) }

// Server returns an http.Server for Handler with the timeouts the gateway
// relies on against slow clients: header reads are bounded by
// HeaderTimeout here, bodies and responses by RequestTimeout in the
// handler. The caller sets TLS and serves it on its own listener.
func (g *Gateway) Server() *http.Server {
	return &http.Server{
		Handler:           g.Handler(),
		ReadHeaderTimeout: g.cfg.HeaderTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(g.log.Handler(), slog.LevelDebug),
	}
}

// Run checks the health of every registered provider every
// HealthInterval until ctx ends.
func (g *Gateway) Run(ctx context.Context) {
	g.health.run(ctx, g.cfg.HealthInterval, g.router.keys.retain)
}

// Close ends every tunnel and closes idle connections to providers.
func (g *Gateway) Close() error {
	g.closeOnce.Do(func() {
		if g.tunnels != nil {
			g.tunnels.Close()
		}
		g.direct.CloseIdleConnections()
	})
	return nil
}

// hostKind is what a request's host names.
type hostKind int

const (
	hostUnknown hostKind = iota
	hostBare             // the gateway's own domain
	hostName             // <name>.domain
)

// classify reads the request's host.
func (g *Gateway) classify(r *http.Request) (hostKind, string) {
	host := strings.ToLower(r.Host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(host, ".")
	d := g.cfg.Domain
	switch {
	case d == "" || host == d:
		return hostBare, ""
	case strings.HasSuffix(host, "."+d):
		label := host[:len(host)-len(d)-1]
		if validName(label) {
			return hostName, label
		}
	}
	return hostUnknown, host
}

// validName reports whether s can be a registry name: a DNS label of
// a-z, 0-9 and inner hyphens, as the registry contract enforces.
func validName(s string) bool { return wf.IsLabel(s) }

func (g *Gateway) serveHTTP(w http.ResponseWriter, r *http.Request) {
	start := g.cfg.Now()
	key := r.RemoteAddr
	if peer, ok := parseAddr(r.RemoteAddr); ok {
		c := g.proxies.client(peer, r.Header.Values("X-Forwarded-For"))
		key = clientKey(c)
		if c != peer {
			// Forwarded by a trusted proxy: what follows (the
			// X-Forwarded-For sent to providers, tunnel logs) sees the
			// client, not the proxy.
			r = r.WithContext(r.Context())
			r.RemoteAddr = netip.AddrPortFrom(c, 0).String()
		}
	} else if host, _, err := net.SplitHostPort(key); err == nil {
		key = host
	}
	if g.limit != nil {
		if ok, retry := g.limit.allow(key); !ok {
			g.metrics.rateLimited.Inc()
			w.Header().Set("Retry-After", fmt.Sprint(int(retry.Seconds())+1))
			g.writeError(w, r, fmt.Errorf("%w: too many requests from your address; retry in %s", wf.ErrRateLimited, retry.Round(time.Millisecond)))
			return
		}
	}
	kind, name := g.classify(r)
	switch kind {
	case hostName:
		g.forwardNamed(w, r, name, "", r.URL.EscapedPath(), start)
		return
	case hostUnknown:
		g.writeError(w, r, fmt.Errorf("%w: host %q is not served by this gateway", wf.ErrNotFound, name))
		return
	}
	p := r.URL.EscapedPath()
	if rest, ok := strings.CutPrefix(p, "/p/"); ok {
		name, path, _ := strings.Cut(rest, "/")
		if !validName(name) {
			g.writeError(w, r, fmt.Errorf("%w: %q is not a provider name", wf.ErrInvalid, name))
			return
		}
		g.forwardNamed(w, r, name, "/p/"+name, "/"+path, start)
		return
	}
	if seg, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/"); seg != "" {
		if strings.HasPrefix(seg, "@") {
			g.forwardName(w, r, p, start) // /@<owner>/<name>/..., see names.go
			return
		}
		if c, err := wf.ParseCID(seg); err == nil {
			g.forwardSmart(w, r, c, p, start)
			return
		}
	}
	if _, pattern := g.mux.Handler(r); pattern == "" {
		g.writeError(w, r, fmt.Errorf("%w: no route for %s %s: use https://<provider>.%s/<cid>/, /p/<provider>/<cid>/ or /<cid>/", wf.ErrNotFound, r.Method, r.URL.Path, g.domainOr("<gateway>")))
		return
	}
	g.mux.ServeHTTP(w, r)
}

func (g *Gateway) domainOr(s string) string {
	if g.cfg.Domain != "" {
		return g.cfg.Domain
	}
	return s
}

// writeError sends err as the gateway's own JSON error.
func (g *Gateway) writeError(w http.ResponseWriter, r *http.Request, err error) {
	id := wf.NewRequestID().String()
	w.Header().Set(wf.RequestIDHeader, id)
	var extra map[string]any
	if de := (*detailedError)(nil); errors.As(err, &de) {
		extra = de.details
		if de.route != "" {
			w.Header().Set(wf.RouteHeader, de.route)
		}
	}
	httperr.WriteExtra(w, g.log.With("request_id", id, "host", r.Host, "path", r.URL.Path), err, extra)
}

// detailedError is an error of the gateway's own with details for the
// JSON body's "details" and an X-WF-Route saying why nobody was tried.
type detailedError struct {
	err     error
	details map[string]any
	route   string
}

func (e *detailedError) Error() string { return e.err.Error() }
func (e *detailedError) Unwrap() error { return e.err }

func (g *Gateway) serveIndex(w http.ResponseWriter, r *http.Request) {
	httperr.WriteJSON(w, http.StatusOK, map[string]any{
		"gateway": "WebFunctions",
		"domain":  g.cfg.Domain,
		"routes": []string{
			"https://<provider>." + g.domainOr("<domain>") + "/<cid>/...",
			"/p/<provider>/<cid>/...",
			"/<cid>/...  (any provider holding the function)",
			"/@<owner>/<name>/...  (a function name, by its record's weights; see /v1/names)",
			"/v1/providers",
		},
	})
}

func (g *Gateway) serveProviders(w http.ResponseWriter, r *http.Request) {
	ps, err := g.cfg.Registry.List(r.Context())
	if err != nil {
		g.writeError(w, r, err)
		return
	}
	out := make([]providerReport, 0, len(ps))
	excluded, onlyEligible := g.router.exclusions(r.Context(), ps), r.URL.Query().Get("eligible") == "true"
	for i, p := range ps {
		if onlyEligible && excluded[i] != "" {
			continue
		}
		s := g.health.get(p.Name)
		price := "0"
		if p.PricePerRequest != nil {
			price = p.PricePerRequest.String()
		}
		tn := g.tunnels != nil && g.tunnels.Tunnel(p.Name) != nil
		out = append(out, providerReport{Name: p.Name, Owner: p.Owner, Endpoint: p.Endpoint, Tunnel: tn, Price: price,
			Up: !s.down, LatencyMS: math.Round(s.latency*1e6) / 1e3, Success: math.Round(s.success*1e3) / 1e3, LastError: s.lastErr,
			Excluded: excluded[i]})
	}
	httperr.WriteJSON(w, http.StatusOK, map[string]any{"providers": out})
}

// providerReport is what /v1/providers shows of one provider.
type providerReport struct {
	Name      string     `json:"name"`
	Owner     wf.Address `json:"owner"`
	Endpoint  string     `json:"endpoint"`
	Tunnel    bool       `json:"tunnel"`
	Price     string     `json:"pricePerRequest"`
	Up        bool       `json:"up"`
	LatencyMS float64    `json:"latencyMs"`
	Success   float64    `json:"success"`
	LastError string     `json:"lastError,omitempty"`
	// Excluded says why smart routing skips it (Config.Filter); ?eligible=true lists only the others.
	Excluded string `json:"excluded,omitempty"`
}

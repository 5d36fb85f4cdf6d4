package dashboard

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// Provider is one provider node the dashboard reads.
type Provider struct {
	Name    string
	URL     string     // its API, e.g. http://127.0.0.1:8080
	Address wf.Address // its registered key: who may open its console
	// SealingKey, if set, is the sealing key the registry holds for it
	// (its encoding): secrets are sealed to it only when its /v1/info
	// publishes the same key. Unset, the /v1/info key is trusted as the
	// rest of what this configured provider says.
	SealingKey []byte
	// Registered says the provider came from the registry: then secrets
	// are sealed only to its registered SealingKey, and one that
	// registered none gets none (as wf secrets does).
	Registered bool
	// Ledger is the node's payment ledger when the dashboard runs in the
	// node's process (wf dev); nil shows what the node's public metrics
	// say and no per-payer figures.
	Ledger Ledger
	// Loaded, likewise in the node's process, lists the functions it has
	// loaded; nil leaves them out of the console.
	Loaded Loaded
}

// Loaded is what the console reads of the functions a node has loaded;
// *provider.Provider implements it.
type Loaded interface {
	LoadedFunctions() []wf.CID // most recently used first
}

// Ledger is what the operator's console reads of a node's ledger;
// *ledger.Ledger implements it.
type Ledger interface {
	Accounts() map[ledger.Key]ledger.Account
}

// Escrow reads payers' escrow accounts and allowances; *chain.Client
// implements it.
type Escrow interface {
	Account(ctx context.Context, payer wf.Address) (chain.Account, error)
	Allowance(ctx context.Context, payer, provider wf.Address) (chain.Allowance, error)
	Payouts(ctx context.Context, payer wf.Address, window uint64, limit int) ([]chain.Payout, error)
}

var _ Escrow = (*chain.Client)(nil)

// Config configures a Dashboard. The zero value serves pages about no
// providers and no chain.
type Config struct {
	Providers []Provider
	// Gateways are shown on the gateways page, from their public
	// figures.
	Gateways []GatewayRef
	// Escrow, if set, fills the payments page.
	Escrow Escrow
	// CISigners are the owners' CI deploy signers the dashboard runs
	// beside (wf dev's): each owner sees the policy of its own on the CI
	// page. A signer's policy is its owner's private configuration, so a
	// dashboard elsewhere shows none.
	CISigners []CISigner
	// Audits, if set, puts what auditors attested about a node on its
	// operator's console.
	Audits *Audits
	// Incentives, if set, shows the rewards pool and stake: an
	// operator's bond and rewards, and whether providers are staked.
	// SetIncentives sets them later.
	Incentives Incentives
	// Credentials, if set, lists the credentials held in the wallet the
	// dashboard runs beside (wf dev's); the credentials page shows them to
	// the dev login only. SetCredentials sets it later.
	Credentials func() ([]HeldCredential, error)
	// TxURL, if set, links a transaction on the payments page: the
	// transaction's hash is appended (e.g. https://etherscan.io/tx/).
	TxURL string
	// DevSigner, if set, offers a "dev login" that signs in as it,
	// signing on the server. Only `wf dev` sets it, with the public dev
	// key: it must never hold a key of value.
	DevSigner wf.Signer
	// Verifier checks wallet signatures. Default chain.Verifier{}.
	Verifier wf.Verifier
	// Hosts, if set, are the only Host headers served (host:port, as the
	// browser addresses the dashboard); others get 421. It stops DNS
	// rebinding: a page of another site that resolves its own name to
	// this dashboard's address cannot use it. Unset serves any Host.
	Hosts []string
	// SessionTTL is how long a sign-in lasts. Default 12h.
	SessionTTL time.Duration
	// MaxSessions bounds the live sessions: anyone can make keys and
	// sign in, so memory must not grow with them. Past it, sign-ins get
	// 503 until sessions expire; live ones are never evicted. Default
	// 100,000.
	MaxSessions int
	// MaxUpload bounds a module deployed through the page. Default 32 MiB;
	// up to eight uploads wait in memory for their wallet's signature.
	MaxUpload int64
	// HTTP reaches the providers. Default: a client with a 5 s timeout.
	HTTP *http.Client
	Log  *slog.Logger     // default: discard
	Now  func() time.Time // default time.Now
}

// Dashboard serves the pages. It is safe for concurrent use.
type Dashboard struct {
	cfg      Config
	pages    map[string]*template.Template
	fragment *template.Template // parts pages fetch and insert
	mux      *http.ServeMux

	mu       sync.Mutex
	sessions map[string]*session   // by cookie value
	pending  map[wf.Nonce]pending  // login nonces issued and not yet used
	rates    map[string]rateSample // last metrics sample per provider URL
	uploads  map[string]*upload    // modules waiting for their wallet's signature
	txWaits  chan struct{}         // a slot per wallet transaction being waited for
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// New returns a Dashboard.
func New(cfg Config) (*Dashboard, error) {
	if cfg.Verifier == nil {
		cfg.Verifier = chain.Verifier{}
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 100_000
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 32 << 20
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 5 * time.Second}
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	d := &Dashboard{cfg: cfg, mux: http.NewServeMux(), pages: map[string]*template.Template{},
		sessions: map[string]*session{}, pending: map[wf.Nonce]pending{}, rates: map[string]rateSample{}, uploads: map[string]*upload{},
		txWaits: make(chan struct{}, maxTxWaits)}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if n == "templates/layout.html" || strings.HasPrefix(n, "templates/frag_") {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/frag_console.html", n)
		if err != nil {
			return nil, fmt.Errorf("dashboard: %w", err)
		}
		d.pages[strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")] = t
	}
	if d.fragment, err = template.New("frag").Funcs(funcs).ParseFS(templateFS, "templates/frag_*.html"); err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	static, _ := fs.Sub(staticFS, "static")
	d.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	d.mux.HandleFunc("GET /static/seal.wasm", serveSealWasm)
	d.mux.HandleFunc("GET /{$}", d.serveHome)
	d.mux.HandleFunc("GET /login", d.serveLoginPage)
	d.mux.HandleFunc("POST /login/challenge", d.serveChallenge)
	d.mux.HandleFunc("POST /login", d.serveLogin)
	d.mux.HandleFunc("POST /login/dev", d.serveDevLogin)
	d.mux.HandleFunc("POST /logout", d.signedIn(d.serveLogout))
	d.mux.HandleFunc("GET /functions", d.signedIn(d.serveFunctions))
	d.mux.HandleFunc("GET /functions/{cid}", d.signedIn(d.serveFunction))
	d.mux.HandleFunc("POST /functions/{cid}/logs-request", d.signedIn(d.serveLogsRequest))
	d.mux.HandleFunc("POST /functions/{cid}/logs", d.signedIn(d.serveLogs))
	d.mux.HandleFunc("GET /functions/{cid}/secrets", d.signedIn(d.serveSecrets))
	d.mux.HandleFunc("POST /functions/{cid}/secrets", d.limitBody(maxSecretsBody, d.signedIn(d.serveSecretsPrepare)))
	d.mux.HandleFunc("POST /deploy/prepare", d.limitBody(d.cfg.MaxUpload+64<<10, d.signedIn(d.serveDeployPrepare)))
	d.mux.HandleFunc("POST /deploy", d.signedIn(d.serveDeploy))
	d.mux.HandleFunc("GET /names", d.signedIn(d.serveNames))
	d.mux.HandleFunc("GET /names/{name}", d.signedIn(d.serveName))
	d.mux.HandleFunc("POST /names/{name}/record-request", d.signedIn(d.serveRecordRequest))
	d.mux.HandleFunc("POST /names/{name}/record", d.signedIn(d.serveRecord))
	d.mux.HandleFunc("GET /payments", d.signedIn(d.servePayments))
	d.mux.HandleFunc("POST /payments/tx-request", d.signedIn(d.serveTxRequest))
	d.mux.HandleFunc("POST /payments/tx", d.signedIn(d.serveTx))
	d.mux.HandleFunc("POST /payments/receipt", d.limitBody(16<<10, d.signedIn(d.serveReceipt)))
	d.mux.HandleFunc("GET /admin", d.signedIn(d.serveAdmin))
	d.mux.HandleFunc("POST /account-request", d.signedIn(d.serveAccountRequest))
	d.mux.HandleFunc("POST /account", d.signedIn(d.serveAccount))
	d.mux.HandleFunc("GET /gateways", d.signedIn(d.serveGateways))
	d.mux.HandleFunc("GET /ci", d.signedIn(d.serveCI))
	d.mux.HandleFunc("GET /credentials", d.signedIn(d.serveCredentials))
	return d, nil
}

// LoopbackHosts are the names a browser on this machine reaches a
// loopback server on port by: what a loopback dashboard serves
// (Config.Hosts), and nothing a rebinding DNS name can pass for.
func LoopbackHosts(port int) []string {
	p := strconv.Itoa(port)
	return []string{"127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p}
}

// Handler returns the dashboard's HTTP handler.
func (d *Dashboard) Handler() http.Handler { return http.HandlerFunc(d.serveHTTP) }

// csp is every answer's Content-Security-Policy (the secrets page adds
// WebAssembly to it).
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

// serveHTTP sets the headers every answer carries: scripts only from
// this origin (no inline script can run, so injected markup cannot act),
// no framing (clickjacking), no referrer beyond the origin.
func (d *Dashboard) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if len(d.cfg.Hosts) > 0 && !slices.Contains(d.cfg.Hosts, strings.ToLower(r.Host)) {
		http.Error(w, "this dashboard is not served under the name "+r.Host, http.StatusMisdirectedRequest)
		return
	}
	d.mux.ServeHTTP(w, r)
}

// limitBody caps what h may read of a request's body.
func (d *Dashboard) limitBody(n int64, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		h(w, r)
	}
}

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=300")
		h.ServeHTTP(w, r)
	})
}

// page is what every template gets.
type page struct {
	Title   string
	Nav     string     // the nav entry to mark current
	User    wf.Address // zero when signed out
	CSRF    string
	IsAdmin bool // the user is a provider's operator
	Data    any
}

func (d *Dashboard) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	if s := sessionOf(r); s != nil {
		p.User, p.CSRF = s.addr, s.csrf
		p.IsAdmin = d.operatorOf(s.addr) != nil
	}
	t := d.pages[name]
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		d.cfg.Log.Error("render", "page", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// fail renders an error page: 403 and 404 say what is wrong, anything
// else is logged and shown as a failure to read.
func (d *Dashboard) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	d.render(w, r, status, "error", page{Title: http.StatusText(status), Data: msg})
}

func (d *Dashboard) operatorOf(a wf.Address) *Provider {
	for i, p := range d.cfg.Providers {
		if !p.Address.IsZero() && p.Address == a {
			return &d.cfg.Providers[i]
		}
	}
	return nil
}

func (d *Dashboard) client(p *Provider) *client.Client {
	return &client.Client{BaseURL: strings.TrimSuffix(p.URL, "/"), HTTP: d.cfg.HTTP}
}

var errNoProvider = errors.New("no such provider")

var funcs = template.FuncMap{
	"usdc": func(x *big.Int) string {
		if x == nil {
			return "0.000000"
		}
		return wf.NewAmount(x).USDC()
	},
	"cmpBig": cmpBig,
	"short": func(s string) string {
		if len(s) <= 18 {
			return s
		}
		return s[:10] + "…" + s[len(s)-6:]
	},
	"ms":  func(f float64) string { return fmt.Sprintf("%.1f ms", f) },
	"pct": func(f float64) float64 { return 100 * f },
	"ratio": func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	},
	"ago": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") },
	// movedBy says which CI job signed a name record, "" for the owner.
	"movedBy": func(r *names.Record) string { return names.BuiltFrom(r.SignedNameRecord) },
	"period": func(d time.Duration) string {
		if d > 0 && d%time.Hour == 0 {
			return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
		}
		return d.String()
	},
}

// Package node assembles one provider node from a data directory: the
// block store, the sandbox and its compile cache, the sealing keyring, the
// payment ledger and meter, the provider's HTTP handler and, for a node
// behind NAT, its reverse tunnel to a gateway. It owns the directory
// layout and the order in which the parts open and close.
//
// A Node does not listen: serve Handler() however suits (wf provider
// start, devnet, a test's httptest server), and Close it after the server
// has drained, so that every charge served is recorded before the ledger
// closes.
package node

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

// The data directory's layout. Blocks live at its top level (diskstore's
// own fan-out directories), beside these.
const (
	// KeyFile is the provider's keystore (its Ethereum identity), written
	// by `wf provider init`. The node never reads it: a keystore needs a
	// password, so the caller loads it and passes Config.Key.
	KeyFile = "key.json"
	// SealingKeyringFile holds the sealing keys that open secrets granted
	// to this node.
	SealingKeyringFile = "sealing-keys.json"
	// CompileCacheDir holds compiled modules, so a restart does not
	// recompile every function.
	CompileCacheDir = "compile-cache"
	// LedgerFile records every charge before its response leaves.
	LedgerFile = "ledger.db"
	// NamesDir holds the name records this node accepted, with their
	// history (package names).
	NamesDir = "names"
)

// Config says how to open a node. Dir is required; the zero value of
// everything else is a free node with default limits.
type Config struct {
	// Dir is the data directory; it is created if missing.
	Dir string
	// PublicURL is the node's base URL as callers see it (deploy answers
	// name it). Required.
	PublicURL string
	// Version is the software version shown in /v1/info and to functions
	// as SERVER_SOFTWARE.
	Version string
	Log     *slog.Logger // default: discard

	// Key is the node's Ethereum identity: registered on-chain, paid, and
	// the signer of receipts and ownership proofs. Required for payments
	// and tunnels.
	Key *chain.Key
	// Peers are trustless gateways or other providers that functions not
	// deployed here are fetched from (every block verified).
	Peers []string
	// KeyLockDir, when set, holds a lock per key (named by its address)
	// besides the data directory's, so a second node with the same key on
	// this machine is refused (ErrLocked) even from another data
	// directory. A command that runs one node per key can set it to the
	// user's cache directory; tests and devnet, whose keys are fixed and
	// shared by test processes running at once, leave it empty.
	KeyLockDir string
	// CreateSealing makes a sealing keyring when Dir has none (wf dev);
	// otherwise `wf provider init` makes it and a node without one refuses
	// sealed functions.
	CreateSealing bool

	// Payments, when set, charges every request (see Payments).
	Payments *Payments
	// Mina, when set, also takes payments in MINA (see Mina).
	Mina *Mina
	// Tunnels, when set, serve the node through gateways over reverse
	// tunnels, for a node that callers cannot reach directly. Tunnels to
	// several gateways (its registry endpoint listing one URL on each)
	// leave no one gateway able to cut it off.
	Tunnels []Tunnel
	// Renew, when set, renews the leases on the key's registry names
	// while the node runs.
	Renew *Renew

	// Store replaces the on-disk block store (tests use a memstore).
	Store wf.BlockStore
	// Sandbox and Provider tune the parts beyond the defaults; the node
	// fills in what it owns (the store, the sandbox, the URL) and, unless
	// set here, the compile cache, sealing keys, key, payments and log.
	Sandbox  sandbox.Config
	Provider provider.Config
}

// Node is one open provider node.
type Node struct {
	cfg      Config
	log      *slog.Logger
	store    wf.BlockStore
	sandbox  *sandbox.Sandbox
	private  *sandbox.Sandbox // decrypted code: compile cache in memory only
	sealing  *seal.Keyring
	provider *provider.Provider
	payments *payments // nil: free
	mina     *minaRail // nil: no MINA rail
	tunnels  []*tunnel
	renew    *renewer // nil: leases not renewed
	unlocks  []func() error
}

// Open opens the node in cfg.Dir. The caller serves Handler and calls
// Close.
func Open(ctx context.Context, cfg Config) (_ *Node, err error) {
	if cfg.Dir == "" {
		return nil, fmt.Errorf("%w: node: no data directory", wf.ErrInvalid)
	}
	if cfg.PublicURL == "" {
		return nil, fmt.Errorf("%w: node: no public URL", wf.ErrInvalid)
	}
	if cfg.Payments != nil && cfg.Key == nil {
		return nil, fmt.Errorf("%w: node: payments need the node's key", wf.ErrInvalid)
	}
	if len(cfg.Tunnels) > 0 && cfg.Key == nil {
		return nil, fmt.Errorf("%w: node: a tunnel needs the node's key: the gateway checks it holds the registered name", wf.ErrInvalid)
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	n := &Node{cfg: cfg, log: log}
	defer func() {
		if err != nil {
			n.Close(context.WithoutCancel(ctx))
		}
	}()
	if err := n.lockAll(cfg); err != nil {
		return nil, err
	}
	n.store = cfg.Store
	if n.store == nil {
		if n.store, err = diskstore.New(cfg.Dir, diskstore.Options{}); err != nil {
			return nil, fmt.Errorf("node: block store: %w", err)
		}
	}
	sc := cfg.Sandbox
	if sc.CacheDir == "" {
		sc.CacheDir = filepath.Join(cfg.Dir, CompileCacheDir)
	}
	if sc.CPU == nil {
		// One set of CPU tokens for both sandboxes: together they run no
		// more guests at once than the host has cores.
		sc.CPU = sandbox.NewCPU(0, 0)
		sc.CPU.ReserveProcs()
	}
	if sc.ServerSoftware == "" && cfg.Version != "" {
		sc.ServerSoftware = "WebFunctions/" + cfg.Version
	}
	if n.sandbox, err = sandbox.New(ctx, sc); err != nil {
		return nil, fmt.Errorf("node: sandbox: %w", err)
	}
	pc := cfg.Provider
	if n.sealing = pc.Sealing; n.sealing == nil {
		if n.sealing, err = OpenSealing(cfg.Dir, cfg.CreateSealing); err != nil {
			return nil, fmt.Errorf("node: sealing keys: %w", err)
		}
	}
	pc.Store, pc.Sandbox, pc.Sealing = n.store, n.sandbox, n.sealing
	if n.sealing != nil {
		// Decrypted code is compiled apart, with a compile cache in memory
		// only, so no plaintext module reaches disk.
		ps := sc
		ps.CacheDir = ""
		if n.private, err = sandbox.New(ctx, ps); err != nil {
			return nil, fmt.Errorf("node: sandbox for sealed code: %w", err)
		}
		pc.PrivateSandbox = n.private
	}
	if pc.Log == nil {
		pc.Log = log
	}
	pc.PublicURL = cfg.PublicURL
	if pc.Name == "" {
		pc.Name = "wf"
	}
	if pc.Version == "" {
		pc.Version = cfg.Version
	}
	if cfg.Key != nil {
		pc.Key = cfg.Key
	}
	if pc.Names == nil {
		if pc.Names, err = names.OpenStore(names.Options{Dir: filepath.Join(cfg.Dir, NamesDir),
			MaxHistory: 32, MaxOwnerNames: 1000, MaxTotalNames: 100_000}); err != nil { // bounds: docs/names.md
			return nil, fmt.Errorf("node: %w", err)
		}
	}
	pc.StorageDir = cmp.Or(pc.StorageDir, filepath.Join(cfg.Dir, "storage")) // owners' storage charges
	pc.WarmFile = cmp.Or(pc.WarmFile, filepath.Join(cfg.Dir, "warm.json"))   // loaded again at start (provider/warm.go)
	if pc.Peers == nil {
		pc.Peers = cfg.Peers // asked for names too
	}
	if len(cfg.Peers) > 0 && pc.Fetcher == nil {
		pc.Fetcher = &trustless.Fetcher{Gateways: cfg.Peers}
	}
	if cfg.Payments != nil {
		if n.payments, err = startPayments(ctx, log, cfg.Dir, cfg.Key, *cfg.Payments); err != nil {
			return nil, err
		}
		pc.Payments = n.payments.charger()
		pc.Ledger = n.payments.ledger // the charger may wrap the meter (trial credits)
		pc.PaymentStats = (&paymentStats{p: n.payments, chain: cfg.Payments.Meter.Chain}).read
	}
	if cfg.Mina != nil {
		if n.mina, err = startMina(ctx, log, cfg.Dir, *cfg.Mina, pc.Payments, pc.Manifest); err != nil {
			return nil, err
		}
		pc.Payments = n.mina.rail
	}
	if n.provider, err = provider.New(pc); err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	for _, tc := range cfg.Tunnels {
		t, err := startTunnel(ctx, tc, provider.Tunneled(n.Handler()), cfg.Key, log)
		if err != nil {
			return nil, err
		}
		n.tunnels = append(n.tunnels, t)
	}
	if cfg.Renew != nil {
		n.renew = startRenew(ctx, *cfg.Renew, log)
	}
	return n, nil
}

// Handler serves the node's HTTP API and its functions.
func (n *Node) Handler() http.Handler {
	if n.mina == nil {
		return n.provider.Handler()
	}
	// The MINA rail's owner-pays sponsorships (POST), beside the provider
	// (no ServeMux: it would redirect function paths it finds unclean).
	ph, sh := n.provider.Handler(), n.mina.rail.SponsorHandler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == minarail.SponsorPath {
			sh.ServeHTTP(w, r)
			return
		}
		ph.ServeHTTP(w, r)
	})
}

// URL is the node's public base URL.
func (n *Node) URL() string { return n.cfg.PublicURL }

// Dir is the node's data directory.
func (n *Node) Dir() string { return n.cfg.Dir }

// Key is the node's identity, or nil.
func (n *Node) Key() *chain.Key { return n.cfg.Key }

// Provider, Sandbox, Store and Sealing are the node's parts, for tests and
// tools that look inside; Meter is nil on a free node.
func (n *Node) Provider() *provider.Provider { return n.provider }
func (n *Node) Sandbox() *sandbox.Sandbox    { return n.sandbox }
func (n *Node) Store() wf.BlockStore         { return n.store }
func (n *Node) Sealing() *seal.Keyring       { return n.sealing }
func (n *Node) Meter() *payment.Meter {
	if n.payments == nil {
		return nil
	}
	return n.payments.meter
}

// DrainTimeout bounds how long Close waits for invocations in flight.
const DrainTimeout = 40 * time.Second

// Close stops the provider, the tunnel, payments (settling what it can
// within ctx) and the sandbox, in that order. The provider first waits for
// the invocations in flight, within ctx and DrainTimeout, and refuses new
// ones with 503: a tunnel closes its connections without waiting for
// their handlers, so a request served through it would otherwise lose
// its charge with the ledger. Serve nothing after Close.
func (n *Node) Close(ctx context.Context) error {
	var errs []error
	if n.provider != nil {
		dctx, cancel := context.WithTimeout(ctx, DrainTimeout)
		errs = append(errs, n.provider.Close(dctx))
		cancel()
		n.provider = nil
	}
	for _, t := range n.tunnels {
		t.stop()
	}
	n.tunnels = nil
	if n.renew != nil {
		n.renew.stop()
		n.renew = nil
	}
	if n.mina != nil {
		errs = append(errs, n.mina.stop())
		n.mina = nil
	}
	if n.payments != nil {
		errs = append(errs, n.payments.stop(ctx))
		n.payments = nil
	}
	for _, sb := range []**sandbox.Sandbox{&n.private, &n.sandbox} {
		if *sb != nil {
			errs = append(errs, (*sb).Close(ctx))
			*sb = nil
		}
	}
	for _, unlock := range n.unlocks {
		unlock()
	}
	n.unlocks = nil
	return errors.Join(errs...)
}

// OpenSealing loads the sealing keyring in dir; with create, it makes one
// when there is none. Without create and without a keyring it returns nil.
func OpenSealing(dir string, create bool) (*seal.Keyring, error) {
	path := filepath.Join(dir, SealingKeyringFile)
	if seal.KeyringExists(path) {
		return seal.LoadKeyring(path)
	}
	if !create {
		return nil, nil
	}
	kr, err := seal.NewKeyring(seal.SuiteHybrid, time.Now())
	if err != nil {
		return nil, err
	}
	return kr, kr.Save(path)
}

// Server returns an http.Server for Handler with the timeouts a node
// relies on against slow clients. The caller serves it on its own
// listener, shuts it down, and then closes the node.
//
// It sets no ReadTimeout or WriteTimeout. Request bodies are bounded where
// they are read, by the provider (Config.BodyTimeout and MinBodyRate set
// the connection's read deadline while the body comes in). A server-wide
// ReadTimeout would instead cancel the request's context when it passes
// during the server's background read, that is while a function runs or
// a CAR streams from /ipfs/, and WriteTimeout, which counts from the
// request's headers, would cut off functions that run up to their 30 s
// limit after a slow body, and large CAR downloads.
func (n *Node) Server() *http.Server {
	return &http.Server{
		Handler:           n.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(n.log.Handler(), slog.LevelWarn),
	}
}

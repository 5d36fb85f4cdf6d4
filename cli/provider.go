package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

type providerFlags struct {
	// payments, if set, starts payments once the node's URL is known.
	payments func(ctx context.Context, log *slog.Logger, url, data string) (*paid, error)

	listen, data, publicURL, logLevel, logFormat string
	peers                                        multiFlag
	maxMemoryMiB                                 int
	maxTimeout                                   time.Duration
	maxUpload                                    int64

	paid *paid // set by runProvider when payments are on

	// tunnel is a gateway URL to serve through a reverse tunnel, for a
	// node that callers cannot reach directly (behind NAT).
	tunnel string
	key    *chain.Key // the node's identity when payments do not load it

	// createSealing makes a sealing keyring in the data directory when
	// there is none (wf dev); otherwise `wf provider init` makes it.
	createSealing bool
}

func (a *App) providerFlags(name, defaultData string) (*providerFlags, *flag.FlagSet, func([]string) ([]string, error)) {
	fs := a.flags(name)
	pf := &providerFlags{}
	fs.StringVar(&pf.listen, "listen", "127.0.0.1:8080", "address to serve HTTP on")
	fs.StringVar(&pf.data, "data", defaultData, "data directory (blocks, compile cache)")
	fs.StringVar(&pf.publicURL, "public-url", "", "this node's URL as callers see it (default http://LISTEN)")
	fs.Var(&pf.peers, "peer", "trustless gateway or provider URL to fetch missing functions from (repeatable)")
	fs.IntVar(&pf.maxMemoryMiB, "max-memory", 128, "largest memory a function may use, MiB")
	fs.DurationVar(&pf.maxTimeout, "max-timeout", 30*time.Second, "longest wall time a request may run")
	fs.Int64Var(&pf.maxUpload, "max-upload", 256<<20, "largest CAR upload, bytes")
	fs.StringVar(&pf.logLevel, "log-level", "info", "debug, info, warn or error")
	fs.StringVar(&pf.logFormat, "log-format", "text", "text or json")
	return pf, fs, func(args []string) ([]string, error) { return parse(fs, args) }
}

func (a *App) cmdProvider(ctx context.Context, args []string) error {
	if len(args) > 0 {
		if sub, ok := providerSubcommands[args[0]]; ok {
			return sub(a, ctx, args[1:])
		}
	}
	if len(args) == 0 || args[0] != "start" {
		return usageErr("wf provider start|register|update|show|deregister ...")
	}
	pf, fs, parse := a.providerFlags("provider start", filepath.Join(a.home(), "provider"))
	o := addChainFlags(fs, "$WF_HOME/provider/key.json")
	sf := addSettleFlags(fs, "", time.Minute)
	fs.StringVar(&pf.tunnel, "tunnel", "", "serve this node through the gateway at URL over a reverse tunnel (for nodes behind NAT; needs --key)")
	if _, err := parse(args[1:]); err != nil {
		return err
	}
	pf.payments = a.providerPayments(o, sf)
	if pf.tunnel != "" && pf.payments == nil {
		// A free node still proves its registered name to the gateway.
		key, err := a.signer(o, a.providerKeyPath())
		if err != nil {
			return err
		}
		pf.key = key
	}
	return a.runProvider(ctx, pf, nil)
}

// runProvider serves a provider until ctx ends, then shuts down
// gracefully. started, if set, runs once the node is serving.
func (a *App) runProvider(ctx context.Context, pf *providerFlags, started func(ctx context.Context, url string) error) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(pf.logLevel)); err != nil {
		return usageErr("--log-level: %v", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	var log *slog.Logger
	switch pf.logFormat {
	case "json":
		log = slog.New(slog.NewJSONHandler(a.Stderr, opts))
	case "text":
		log = slog.New(slog.NewTextHandler(a.Stderr, opts))
	default:
		return usageErr("--log-format must be text or json")
	}
	if err := os.MkdirAll(pf.data, 0o700); err != nil {
		return err
	}
	store, err := diskstore.New(pf.data, diskstore.Options{})
	if err != nil {
		return err
	}
	sb, err := sandbox.New(ctx, sandbox.Config{
		CacheDir:       filepath.Join(pf.data, "compile-cache"),
		MaxMemoryPages: uint32(pf.maxMemoryMiB) * 16,
		MaxTimeout:     pf.maxTimeout,
		ServerSoftware: "WebFunctions/" + Version,
	})
	if err != nil {
		return err
	}
	defer sb.Close(context.Background())
	sealing, err := sealingKeyring(pf.data, pf.createSealing)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", pf.listen)
	if err != nil {
		return err
	}
	url := pf.publicURL
	if url == "" {
		url = "http://" + ln.Addr().String()
	}
	cfg := provider.Config{
		Store: store, Sandbox: sb, Log: log,
		MaxUploadBytes: pf.maxUpload, Name: "wf", Version: Version, PublicURL: url,
		Sealing: sealing, Key: pf.key,
	}
	if pf.payments != nil {
		pay, err := pf.payments(ctx, log, url, pf.data)
		if err != nil {
			ln.Close()
			return err
		}
		// Runs after the server has drained: every charge is recorded.
		defer pay.stop()
		cfg.Key, cfg.Payments = pay.key, pay.meter
		pf.paid = pay
	}
	if len(pf.peers) > 0 {
		cfg.Fetcher = &trustless.Fetcher{Gateways: pf.peers}
	}
	p, err := provider.New(cfg)
	if err != nil {
		ln.Close()
		return err
	}
	defer p.Close(context.Background())
	if pf.tunnel != "" {
		if err := a.startTunnel(ctx, pf.tunnel, p.Handler(), cfg.Key, log); err != nil {
			ln.Close()
			return err
		}
	}
	srv := &http.Server{
		Handler:           p.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("provider serving", "url", url, "data", pf.data)
	if started != nil {
		if err := started(ctx, url); err != nil {
			srv.Close()
			return err
		}
	}
	if a.Ready != nil {
		a.Ready(url)
	}
	return awaitShutdown(ctx, srv, errc, 10*time.Second, func(context.Context) { log.Info("shutting down") })
}

// devCreated is the example's fixed creation time, so `wf dev` gives the
// example the same CID on every run and machine.
const devCreated = "2026-01-01T00:00:00Z"

// devGatewayListen is where `wf dev` serves its gateway unless told
// otherwise: `wf gateway start`'s default address.
const devGatewayListen = "127.0.0.1:8081"

// devDomain is the dev gateway's domain: curl (and browsers) resolve
// <name>.localhost to loopback (RFC 6761), so named routes need no DNS.
// Go's resolver does not, which is why the banner leads with /p/<name>/.
const devDomain = "localhost"

func (a *App) cmdDev(ctx context.Context, args []string) error {
	pf, fs, parse := a.providerFlags("dev", filepath.Join(a.home(), "dev"))
	sf := addSettleFlags(fs, devPrice, 10*time.Second)
	chainListen := fs.String("chain-listen", "127.0.0.1:0", "address to serve the embedded chain's JSON-RPC on (for wf escrow, wf providers ... --rpc)")
	gatewayListen := fs.String("gateway-listen", devGatewayListen, "address to serve the dev gateway (domain localhost) on; the default falls back to any free port when taken")
	if _, err := parse(args); err != nil {
		return err
	}
	gatewaySet := false
	fs.Visit(func(f *flag.Flag) { gatewaySet = gatewaySet || f.Name == "gateway-listen" })
	pf.payments = a.devPayments(*chainListen, sf)
	pf.createSealing = true
	return a.runProvider(ctx, pf, func(ctx context.Context, url string) error {
		dev := pf.paid.dev
		ln, err := net.Listen("tcp", *gatewayListen)
		if err != nil && !gatewaySet {
			ln, err = net.Listen("tcp", "127.0.0.1:0") // the banner says which port
		}
		if err != nil {
			return fmt.Errorf("dev: gateway: %w", err)
		}
		gw, err := a.startDevGateway(ctx, pf, dev, ln)
		if err != nil {
			return err
		}
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{
			Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: devCreated,
		}, dev.publisher)
		if err != nil {
			return err
		}
		res, err := client.New(url).Deploy(ctx, pkg)
		if err != nil {
			return fmt.Errorf("dev: deploy the example: %w", err)
		}
		// The real path: through the gateway and down the tunnel.
		if _, err := client.New(gw+"/p/tunnel").Deploy(ctx, pkg); err != nil {
			return fmt.Errorf("dev: deploy the example to the tunnelled provider: %w", err)
		}
		fn := res.CID.String()
		fmt.Fprintf(a.Stdout, `
WebFunctions dev provider: %s   (data in %s; Ctrl-C stops)
Example function (AssemblyScript, owner %s, the public dev key):
  %s
Payments: each request costs %s USDC, paid from the owner's escrow (it approved
each provider for %s USDC); settlements show in the log. Chain: %s

Try it:
  curl '%s?name=you'
  curl -d 'WebFunctions' %s
  wf logs %s --provider %s --key dev
`, url, pf.data, dev.publisher.Address().Checksum(), fn, sf.price,
			strings.TrimSuffix(wf.NewAmount(dev.budget).USDC(), ".000000"), dev.rpc, res.URL, res.URL, fn, url)
		fmt.Fprintf(a.Stdout, `
Through the gateway at %[1]s, which routes by the on-chain registry:
  curl '%[1]s/p/dev/%[2]s/?name=you'
  curl 'http://dev.%[3]s/%[2]s/?name=you'
      provider "dev" by name (curl resolves *.localhost; Go programs use /p/dev/)
  curl '%[1]s/p/tunnel/%[2]s/?name=you'
      provider "tunnel": it has no listener and serves over a tunnel it dialed to the gateway
  curl -i '%[1]s/%[2]s/?name=you'
      auto-routed to a provider holding the function; X-WF-Route says which and why

Write your own: wf init --lang go hello && wf deploy hello --provider %[4]s --key dev
`, gw, fn, strings.TrimPrefix(gw, "http://"), url)
		return nil
	})
}

// startDevGateway serves `wf dev`'s gateway on ln for domain localhost,
// reading the dev chain's registry, and starts the second dev provider,
// "tunnel" (dev:2). That one has no listener, as if behind NAT: it
// registers the endpoint http://tunnel.localhost:PORT (on the gateway's
// domain, so tunnel only), is paid like the first and serves through a
// reverse tunnel to the gateway. Everything stops with the dev chain. It
// returns the gateway's base URL once the tunnel is up.
func (a *App) startDevGateway(ctx context.Context, pf *providerFlags, dev *devChain, ln net.Listener) (string, error) {
	port := ln.Addr().(*net.TCPAddr).Port
	base := fmt.Sprintf("http://%s:%d", devDomain, port)
	log := dev.log.With("component", "gateway")
	gw, res, err := newGateway(ctx, dev.sim.Client(nil), time.Second, gateway.Config{
		Domain: devDomain, Log: log,
		// Every caller is on loopback: one address, not to be throttled.
		RateLimit: -1,
		// The providers are on loopback too.
		AllowPrivateEndpoints: true,
	})
	if err != nil {
		ln.Close()
		return "", err
	}
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	go res.Run(bg)
	srv := gw.Server()
	go srv.Serve(ln)
	dev.onStop(func() {
		cancel()
		gw.Close() // tunnels are hijacked connections Shutdown does not wait for
		sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer scancel()
		srv.Shutdown(sctx)
	})
	log.Info("gateway serving", "url", base)

	data := filepath.Join(pf.data, "tunnel")
	if err := os.MkdirAll(data, 0o700); err != nil {
		return "", err
	}
	sealing, err := sealingKeyring(data, true)
	if err != nil {
		return "", err
	}
	key := chain.DevKey(2)
	endpoint := fmt.Sprintf("http://tunnel.%s:%d", devDomain, port)
	plog := dev.log.With("node", "tunnel")
	pay, err := dev.addProvider(ctx, plog, key, "tunnel", endpoint, data)
	if err != nil {
		return "", err
	}
	dev.onStop(pay.stop)
	// The gateway accepts the tunnel's login once it knows the name.
	if err := res.Sync(ctx); err != nil {
		return "", err
	}
	store, err := diskstore.New(data, diskstore.Options{})
	if err != nil {
		return "", err
	}
	sb, err := sandbox.New(ctx, sandbox.Config{
		CacheDir:       filepath.Join(data, "compile-cache"),
		MaxMemoryPages: uint32(pf.maxMemoryMiB) * 16,
		MaxTimeout:     pf.maxTimeout,
		ServerSoftware: "WebFunctions/" + Version,
	})
	if err != nil {
		return "", err
	}
	dev.onStop(func() { sb.Close(context.Background()) })
	p, err := provider.New(provider.Config{
		Store: store, Sandbox: sb, Log: plog,
		MaxUploadBytes: pf.maxUpload, Name: "wf", Version: Version, PublicURL: endpoint,
		Sealing: sealing, Key: key, Payments: pay.meter,
	})
	if err != nil {
		return "", err
	}
	dev.onStop(func() { p.Close(context.Background()) })
	tctx, tcancel := context.WithCancel(bg)
	dev.onStop(tcancel) // first: the tunnel ends before its provider closes
	if err := a.startTunnel(tctx, base+"#tunnel", p.Handler(), key, plog); err != nil {
		return "", err
	}
	// Health checks start once both providers serve, so neither starts
	// out marked down.
	go gw.Run(bg)
	return base, nil
}

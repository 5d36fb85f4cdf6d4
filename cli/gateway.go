package cli

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/crypto/acme/autocert"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/wf"
)

func (a *App) gatewayCmd() *cobra.Command {
	return group("gateway", "run a gateway that routes <name>.DOMAIN to registered providers",
		`Run a gateway: https://<name>.DOMAIN/<cid>/ reaches the provider registered
as name, https://DOMAIN/<cid>/ the best provider holding the function, and
providers behind NAT serve through reverse tunnels to it.`,
		a.gatewayStartCmd())
}

// gatewayFlags are the flags of `wf gateway start`.
type gatewayFlags struct {
	domain, listen, certFile, keyFile       string
	acmeEmail, acmeCache, acmeHTTP, acmeDir string
	acmeRoots                               string
	rate                                    float64
	burst                                   int
	maxBody                                 int64
	providerTimeout, requestTimeout, poll   time.Duration
	allowPrivate                            bool
	trusted                                 []string
	logLevel                                string
	meterKey, meterPassword, meterFile      string
	trust                                   *trustFlags // smart routing only to audited providers (cli/audit.go)
}

func (a *App) gatewayStartCmd() *cobra.Command {
	var f gatewayFlags
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "start --domain D",
		Short: "run a gateway for DOMAIN, following the on-chain registry",
		Long: `Run a gateway for --domain D until interrupted: https://<name>.D/<cid>/
reaches the provider registered as name, https://D/<cid>/ the best provider
holding the function (with failover). It reads the registry from the chain
(--rpc, --registry or --contracts) and follows its changes. Point *.D and D
at this host; serve TLS with a wildcard certificate (--tls-cert, --tls-key)
or certificates from an ACME CA (--acme-email).`,
		Example: `  wf gateway start --domain fn.example --acme-email ops@fn.example --acme-http :80
  wf gateway start --domain localhost --listen 127.0.0.1:8081 --rpc http://127.0.0.1:8545 --allow-private`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			// *.localhost is loopback (RFC 6761): a gateway for it is a
			// local one, whose providers are on loopback too.
			if !cmd.Flags().Changed("allow-private") && isLocalhost(f.domain) {
				f.allowPrivate = true
			}
			return a.gatewayStart(cmd.Context(), &f, o)
		},
	}
	fs := cmd.Flags()
	o = addChainFlags(fs, "")
	fs.StringVar(&f.domain, "domain", "", "the gateway's DNS name `D`: <name>.D routes to providers (required; point *.D and D at this host)")
	fs.StringVar(&f.listen, "listen", "", "serve on this `ADDR` (default :443 with TLS, else "+devGatewayListen+")")
	fs.StringVar(&f.certFile, "tls-cert", "", "TLS certificate `FILE` (PEM; a wildcard certificate for D and *.D)")
	fs.StringVar(&f.keyFile, "tls-key", "", "TLS private key `FILE` (PEM)")
	fs.StringVar(&f.acmeEmail, "acme-email", "", "get certificates from an ACME CA (Let's Encrypt) for D and each registered <name>.D, with this contact `EMAIL` address")
	fs.StringVar(&f.acmeCache, "acme-cache", "", "`DIR` for the ACME account and certificates (default $WF_HOME/acme)")
	fs.StringVar(&f.acmeHTTP, "acme-http", "", "also serve ACME HTTP-01 challenges and redirects to https on this `ADDR`, e.g. :80")
	fs.StringVar(&f.acmeDir, "acme-directory", "", "ACME directory `URL` (default Let's Encrypt production)")
	fs.StringVar(&f.acmeRoots, "acme-ca-roots", "", "PEM `FILE` of the root certificates to trust for --acme-directory's HTTPS (a private ACME CA; default the system's)")
	fs.Float64Var(&f.rate, "rate", gateway.DefaultRateLimit, "requests per second allowed per client address (negative: no limit)")
	fs.IntVar(&f.burst, "burst", gateway.DefaultRateBurst, "burst of requests allowed per client address")
	fs.Int64Var(&f.maxBody, "max-body", gateway.DefaultMaxRequestBytes, "largest request body, `BYTES`")
	fs.DurationVar(&f.providerTimeout, "provider-timeout", gateway.DefaultProviderTimeout, "time a provider has to start answering before another is tried")
	fs.DurationVar(&f.requestTimeout, "request-timeout", gateway.DefaultRequestTimeout, "longest a whole request may take, bodies included")
	fs.DurationVar(&f.poll, "poll", 2*time.Second, "how often to read new registry events")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "route to endpoints on loopback and private addresses (private deployments, tests; on by default for --domain localhost)")
	fs.StringArrayVar(&f.trusted, "trusted-proxy", nil, "`CIDR` (or address) of a load balancer in front of the gateway, whose X-Forwarded-For is believed for the client address: rate limits, X-Forwarded-For to providers (repeatable)")
	fs.StringVar(&f.meterKey, "meter-key", "", "sign a metering count on each owner-paid request with this key (`KEYSTORE` file, or dev:N); owners who approve its address with wf escrow approve --meter pay only for what it counts")
	fs.StringVar(&f.meterPassword, "meter-password-file", "", "`FILE` holding the metering keystore's password (default: $WF_KEY_PASSWORD or a prompt)")
	fs.StringVar(&f.meterFile, "meter-counts", "", "`FILE` the metering counts are kept in (default $WF_HOME/gateway/meter-<address>.json)")
	addLogFlags(fs, &f.logLevel, nil)
	f.trust = addTrustFlags(fs, "trust-auditor", false)
	return cmd
}

// openMeter opens the metering key and counts --meter-key names, or
// returns nil without one.
func (a *App) openMeter(f *gatewayFlags, c *chain.Client) (*gateway.Meter, error) {
	if f.meterKey == "" {
		return nil, nil
	}
	key, err := a.signer(&chainOpts{key: f.meterKey, passwordFile: f.meterPassword}, f.meterKey)
	if err != nil {
		return nil, fmt.Errorf("--meter-key: %w", err)
	}
	path := f.meterFile
	if path == "" {
		path = filepath.Join(a.home(), "gateway", "meter-"+key.Address().String()+".json")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	return gateway.NewMeter(gateway.MeterConfig{Key: key, ChainID: c.ChainID(), Escrow: c.Contracts().Escrow, Path: path,
		Metered: func(ctx context.Context, owner, provider wf.Address) (uint64, error) {
			return c.Metered(ctx, owner, provider, key.Address())
		}})
}

func (a *App) gatewayStart(ctx context.Context, f *gatewayFlags, o *chainOpts) error {
	if f.domain == "" {
		return usageErr("--domain is required")
	}
	if (f.certFile == "") != (f.keyFile == "") {
		return usageErr("--tls-cert and --tls-key go together")
	}
	if f.certFile != "" && f.acmeEmail != "" {
		return usageErr("use either --tls-cert/--tls-key or --acme-email")
	}
	proxies, err := parsePrefixes(f.trusted)
	if err != nil {
		return err
	}
	tlsOn := f.certFile != "" || f.acmeEmail != ""
	listen := f.listen
	if listen == "" {
		listen = devGatewayListen
		if tlsOn {
			listen = ":443"
		}
	}
	log, err := a.logger(f.logLevel, "text")
	if err != nil {
		return err
	}

	client, err := a.dialRegistry(ctx, o)
	if err != nil {
		return err
	}
	defer client.Close()
	a.logChainReads(log, o)
	meter, err := a.openMeter(f, client)
	if err != nil {
		return err
	}
	if meter != nil {
		defer meter.Close()
		log.Info("metering owner-paid requests", "meter", meter.Address().Checksum())
	}
	filter, err := a.gatewayFilter(ctx, client, f.trust, f.allowPrivate)
	if err != nil {
		return err
	}
	placement := a.placementFilter(ctx, client, f.trust, filter, f.allowPrivate, log)
	gw, err := node.OpenGateway(ctx, node.GatewayConfig{Registry: client, Poll: f.poll, Gateway: gateway.Config{
		Domain: f.domain, Log: log, Meter: meter, Filter: filter, Placement: placement,
		MaxRequestBytes: f.maxBody, ProviderTimeout: f.providerTimeout, RequestTimeout: f.requestTimeout,
		RateLimit: f.rate, RateBurst: f.burst, TrustedProxies: proxies, AllowPrivateEndpoints: f.allowPrivate,
	}})
	if err != nil {
		return err
	}
	defer gw.Close()
	res := gw.Resolver
	bg, stop := context.WithCancel(ctx)
	defer stop()
	go gw.Run(bg)

	srv := gw.Server()
	var acmeSrv *http.Server
	switch {
	case f.certFile != "":
		cert, err := tls.LoadX509KeyPair(f.certFile, f.keyFile)
		if err != nil {
			return fmt.Errorf("TLS certificate: %w", err)
		}
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}}
	case f.acmeEmail != "":
		cache := f.acmeCache
		if cache == "" {
			cache = filepath.Join(a.home(), "acme")
		}
		m := &autocert.Manager{
			Prompt:     autocert.AcceptTOS,
			Email:      f.acmeEmail,
			Cache:      autocert.DirCache(cache),
			HostPolicy: acmePolicy(strings.ToLower(f.domain), res),
		}
		var err error
		if m.Client, err = acmeClient(f.acmeDir, f.acmeRoots); err != nil {
			return err
		}
		srv.TLSConfig = m.TLSConfig()
		srv.TLSConfig.MinVersion = tls.VersionTLS12
		if f.acmeHTTP != "" {
			acmeSrv = &http.Server{Addr: f.acmeHTTP, Handler: m.HTTPHandler(nil), ReadHeaderTimeout: 10 * time.Second}
		}
	}

	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	if srv.TLSConfig != nil {
		ln = tls.NewListener(ln, srv.TLSConfig)
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	if acmeSrv != nil {
		go func() { errc <- acmeSrv.ListenAndServe() }()
	}
	scheme := "http"
	if tlsOn {
		scheme = "https"
	}
	base := scheme + "://" + ln.Addr().String()
	// The domain's URLs carry the port when it is not the scheme's own,
	// so each line printed works as it is.
	host := f.domain + portSuffix(scheme, ln.Addr())
	log.Info("gateway serving", "domain", f.domain, "listen", ln.Addr().String(), "providers", scheme+"://<name>."+host+"/<cid>/", "allow_private", f.allowPrivate)
	fmt.Fprintf(a.Stdout, "WebFunctions gateway for %s on %s\n  named:  %s://<name>.%s/<cid>/   (or %s://%s/p/<name>/<cid>/)\n  any:    %s://%s/<cid>/\n  tunnel: wf provider start --tunnel %s://%s\n",
		f.domain, base, scheme, host, scheme, host, scheme, host, scheme, host)
	if !isLocalhost(f.domain) {
		// The gateway routes by Host: until DNS points the domain here,
		// name it in the request.
		fmt.Fprintf(a.Stdout, "  (point %s and *.%s at this host; before that: curl -H 'Host: <name>.%s' %s/<cid>/)\n", f.domain, f.domain, f.domain, base)
	}
	if !f.allowPrivate {
		a.warnPrivateEndpoints(ctx, log, client)
	}
	if a.Ready != nil {
		a.Ready(base)
	}
	return awaitShutdown(ctx, srv, errc, 10*time.Second, func(sctx context.Context) {
		log.Info("shutting down")
		gw.Close() // tunnels are hijacked connections Shutdown does not wait for
		if acmeSrv != nil {
			acmeSrv.Shutdown(sctx)
		}
	})
}

// parsePrefixes reads --trusted-proxy values: CIDR prefixes, or single
// addresses.
func parsePrefixes(ss []string) ([]netip.Prefix, error) {
	var ps []netip.Prefix
	for _, s := range ss {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			a, aerr := netip.ParseAddr(s)
			if aerr != nil {
				return nil, usageErr("--trusted-proxy %q: not a CIDR prefix (10.0.0.0/8, fd00::/8) or an address", s)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// dialRegistry connects read-only to the registry: through the full
// contract set when one is known, else to --registry alone (a gateway
// needs nothing else from the chain).
func (a *App) dialRegistry(ctx context.Context, o *chainOpts) (*chain.Client, error) {
	rpc := a.rpcURL(o)
	d, err := a.deploymentFor(rpc, o)
	if err != nil {
		return nil, err
	}
	if d.Registry.IsZero() {
		return nil, usageErr("no registry address: pass --registry 0xADDR or --contracts FILE")
	}
	if !d.Token.IsZero() && !d.Escrow.IsZero() {
		return a.dial(ctx, o, nil)
	}
	qo, err := a.quorumOptions(o)
	if err != nil {
		return nil, err
	}
	c, err := chain.DialRegistryEndpoints(ctx, a.rpcURLs(o), d.Registry, chain.Config{Quorum: qo})
	if err != nil {
		return nil, dialError(rpc, err)
	}
	return c, nil
}

// acmePolicy allows certificates for the domain itself and for
// <name>.domain when name is registered, so nobody can make the gateway
// request certificates (and use up the CA's rate limits) for random names.
func acmePolicy(domain string, reg gateway.Registry) autocert.HostPolicy {
	return func(ctx context.Context, host string) error {
		host = strings.ToLower(host)
		if host == domain {
			return nil
		}
		name, ok := strings.CutSuffix(host, "."+domain)
		if !ok || strings.Contains(name, ".") {
			return fmt.Errorf("gateway: %q is not under %s", host, domain)
		}
		if _, err := reg.Lookup(ctx, name); err != nil {
			return fmt.Errorf("gateway: no certificate for %q: %w", host, err)
		}
		return nil
	}
}

// isLocalhost reports whether domain is localhost or under it (RFC 6761:
// always loopback).
func isLocalhost(domain string) bool {
	d := strings.TrimSuffix(strings.ToLower(domain), ".")
	return d == "localhost" || strings.HasSuffix(d, ".localhost")
}

// portSuffix is ":PORT" of addr unless it is scheme's default port.
func portSuffix(scheme string, addr net.Addr) string {
	_, port, err := net.SplitHostPort(addr.String())
	if err != nil || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		return ""
	}
	return ":" + port
}

// warnPrivateEndpoints says at start which registered providers a gateway
// without --allow-private will answer 503 for, and why.
func (a *App) warnPrivateEndpoints(ctx context.Context, log *slog.Logger, c *chain.Client) {
	ps, err := c.ListProviders(ctx)
	if err != nil {
		return
	}
	var private []string
	for _, p := range ps {
		for _, ep := range p.Endpoints() {
			u, err := url.Parse(ep)
			if err != nil {
				continue
			}
			h := u.Hostname()
			ip, err := netip.ParseAddr(h)
			if isLocalhost(h) || (err == nil && !ip.Unmap().IsGlobalUnicast()) || (err == nil && (ip.IsPrivate() || ip.IsLoopback())) {
				private = append(private, p.Name+" ("+ep+")")
			}
		}
	}
	if len(private) > 0 {
		log.Warn("registered providers on private addresses are not routed to: their requests get 503; start with --allow-private for a private deployment", "providers", strings.Join(private, ", "))
		fmt.Fprintf(a.Stderr, "WARNING: %d registered provider(s) on private addresses will not be routed to (503): %s\n  for a private deployment: wf gateway start --allow-private ...\n", len(private), strings.Join(private, ", "))
	}
}

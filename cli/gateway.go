package cli

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/acme"
	"golang.org/x/crypto/acme/autocert"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/node"
)

func init() {
	register("gateway", command{
		"start --domain D [--listen ADDR] [--rpc URL] [--registry 0xADDR | --contracts FILE] [--tls-cert F --tls-key F | --acme-email E [--acme-cache DIR]] [--trusted-proxy CIDR]...",
		"run a gateway: https://<name>.D/<cid>/ reaches the provider registered as name, https://D/<cid>/ the best one holding the function",
		(*App).cmdGateway,
	})
}

func (a *App) cmdGateway(ctx context.Context, args []string) error {
	const usage = "start --domain D [--listen ADDR] [--rpc URL] [--registry 0xADDR | --contracts FILE] [--tls-cert F --tls-key F | --acme-email E [--acme-cache DIR]] [--trusted-proxy CIDR]..."
	if len(args) == 0 || args[0] != "start" {
		return usageErr("wf gateway %s", usage)
	}
	fs := a.subFlags("gateway start", usage)
	o := addChainFlags(fs, "")
	domain := fs.String("domain", "", "the gateway's DNS name D: <name>.D routes to providers (required; point *.D and D at this host)")
	listen := fs.String("listen", "", "address to serve on (default :443 with TLS, else 127.0.0.1:8081)")
	certFile := fs.String("tls-cert", "", "TLS certificate file (PEM; a wildcard certificate for D and *.D)")
	keyFile := fs.String("tls-key", "", "TLS private key file (PEM)")
	acmeEmail := fs.String("acme-email", "", "get certificates from an ACME CA (Let's Encrypt) for D and each registered <name>.D, with this contact address")
	acmeCache := fs.String("acme-cache", "", "directory for ACME account and certificates (default $WF_HOME/acme)")
	acmeHTTP := fs.String("acme-http", "", "also serve ACME HTTP-01 challenges and redirects to https on this address, e.g. :80")
	acmeDir := fs.String("acme-directory", "", "ACME directory URL (default Let's Encrypt production)")
	rate := fs.Float64("rate", 50, "requests per second allowed per client address (negative: no limit)")
	burst := fs.Int("burst", 100, "burst of requests allowed per client address")
	maxBody := fs.Int64("max-body", 32<<20, "largest request body, bytes")
	providerTimeout := fs.Duration("provider-timeout", 30*time.Second, "time a provider has to start answering before another is tried")
	requestTimeout := fs.Duration("request-timeout", 2*time.Minute, "longest a whole request may take, bodies included")
	poll := fs.Duration("poll", 2*time.Second, "how often to read new registry events")
	allowPrivate := fs.Bool("allow-private", false, "route to endpoints on loopback and private addresses (private deployments, tests)")
	var trusted multiFlag
	fs.Var(&trusted, "trusted-proxy", "CIDR (or address) of a load balancer in front of the gateway, whose X-Forwarded-For is believed for the client address: rate limits, X-Forwarded-For to providers (repeatable)")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	if _, err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *domain == "" {
		return usageErr("--domain is required")
	}
	if (*certFile == "") != (*keyFile == "") {
		return usageErr("--tls-cert and --tls-key go together")
	}
	if *certFile != "" && *acmeEmail != "" {
		return usageErr("use either --tls-cert/--tls-key or --acme-email")
	}
	proxies, err := parsePrefixes(trusted)
	if err != nil {
		return err
	}
	tlsOn := *certFile != "" || *acmeEmail != ""
	if *listen == "" {
		*listen = "127.0.0.1:8081"
		if tlsOn {
			*listen = ":443"
		}
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return usageErr("--log-level: %v", err)
	}
	log := slog.New(slog.NewTextHandler(a.Stderr, &slog.HandlerOptions{Level: level}))

	client, err := a.dialRegistry(ctx, o)
	if err != nil {
		return err
	}
	defer client.Close()
	gw, err := node.OpenGateway(ctx, node.GatewayConfig{Registry: client, Poll: *poll, Gateway: gateway.Config{
		Domain: *domain, Log: log,
		MaxRequestBytes: *maxBody, ProviderTimeout: *providerTimeout, RequestTimeout: *requestTimeout,
		RateLimit: *rate, RateBurst: *burst, TrustedProxies: proxies, AllowPrivateEndpoints: *allowPrivate,
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
	case *certFile != "":
		cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
		if err != nil {
			return fmt.Errorf("TLS certificate: %w", err)
		}
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}}
	case *acmeEmail != "":
		cache := *acmeCache
		if cache == "" {
			cache = filepath.Join(a.home(), "acme")
		}
		m := &autocert.Manager{
			Prompt:     autocert.AcceptTOS,
			Email:      *acmeEmail,
			Cache:      autocert.DirCache(cache),
			HostPolicy: acmePolicy(strings.ToLower(*domain), res),
		}
		if *acmeDir != "" {
			m.Client = &acme.Client{DirectoryURL: *acmeDir}
		}
		srv.TLSConfig = m.TLSConfig()
		srv.TLSConfig.MinVersion = tls.VersionTLS12
		if *acmeHTTP != "" {
			acmeSrv = &http.Server{Addr: *acmeHTTP, Handler: m.HTTPHandler(nil), ReadHeaderTimeout: 10 * time.Second}
		}
	}

	ln, err := net.Listen("tcp", *listen)
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
	log.Info("gateway serving", "domain", *domain, "listen", ln.Addr().String(), "providers", "https://<name>."+*domain+"/<cid>/")
	fmt.Fprintf(a.Stdout, "WebFunctions gateway for %s on %s\n  named:  %s://<name>.%s/<cid>/   (or %s/p/<name>/<cid>/)\n  any:    %s://%s/<cid>/\n  tunnel: wf provider start --tunnel %s://%s\n",
		*domain, base, scheme, *domain, base, scheme, *domain, scheme, *domain)
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
	c, err := chain.DialRegistry(ctx, rpc, d.Registry, chain.Config{})
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

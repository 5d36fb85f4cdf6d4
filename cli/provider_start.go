package cli

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/crypto/acme"
	"golang.org/x/crypto/acme/autocert"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/node"
)

// startOpts are `wf provider start`'s operator flags: the config file,
// the registry name checked at start, and TLS.
type startOpts struct {
	config, name, selfCheck                 string
	certFile, keyFile                       string
	acmeEmail, acmeCache, acmeHTTP, acmeDir string
	acmeRoots                               string
	listenSet, renew                        bool
	usedConfig                              string // the config file read, if any
	credits                                 string // --credits (cli/credits_start.go)
}

func addStartFlags(fs *pflag.FlagSet, so *startOpts) {
	fs.StringVar(&so.config, "config", "", "read settings from this TOML `FILE`, one key per flag (default DATA/"+ConfigFileName+" when it exists; `wf provider init` writes it); flags given win")
	fs.StringVar(&so.name, "name", "", "the registry `NAME` this node serves as; the self-check compares its entry (default: every name the key holds)")
	fs.StringVar(&so.selfCheck, "self-check", checkRefuse, "at start, compare the registry entry (endpoint, price, sealing key) and the key's gas with this node: `MODE` refuse (a disagreement stops the start), warn or off")
	fs.StringVar(&so.certFile, "tls-cert", "", "serve HTTPS with this certificate `FILE` (PEM, full chain)")
	fs.StringVar(&so.keyFile, "tls-key", "", "the certificate's private key `FILE` (PEM)")
	fs.StringVar(&so.acmeEmail, "acme-email", "", "serve HTTPS with a certificate for --public-url's host from an ACME CA (Let's Encrypt), with this contact `EMAIL`")
	fs.StringVar(&so.acmeCache, "acme-cache", "", "`DIR` for the ACME account and certificates (default DATA/acme)")
	fs.StringVar(&so.acmeHTTP, "acme-http", "", "also serve ACME HTTP-01 challenges and redirects to https on this `ADDR`, e.g. :80")
	fs.StringVar(&so.acmeDir, "acme-directory", "", "ACME directory `URL` (default Let's Encrypt production)")
	fs.StringVar(&so.acmeRoots, "acme-ca-roots", "", "PEM `FILE` of the root certificates to trust for --acme-directory's HTTPS (a private ACME CA; default the system's)")
}

func (so *startOpts) check() error {
	switch so.selfCheck {
	case checkRefuse, checkWarn, checkOff:
	default:
		return usageErr("--self-check %q: want refuse, warn or off", so.selfCheck)
	}
	if (so.certFile == "") != (so.keyFile == "") {
		return usageErr("--tls-cert and --tls-key go together")
	}
	if so.certFile != "" && so.acmeEmail != "" {
		return usageErr("use either --tls-cert/--tls-key or --acme-email")
	}
	return nil
}

// scheme is the node's scheme by its TLS flags.
func (so *startOpts) scheme() string {
	if so.certFile != "" || so.acmeEmail != "" {
		return "https"
	}
	return "http"
}

// loadStartConfig applies --config, or DATA/provider.toml when it exists
// (data is --data as given or defaulted), to fs.
func (a *App) loadStartConfig(fs *pflag.FlagSet, config, data string, used *string) error {
	if config == "" {
		if p := defaultConfigPath(data); fileExists(p) {
			config = p
		}
	}
	if config == "" {
		return nil
	}
	if err := applyConfig(fs, config, false); err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "config %s\n", config)
	*used = config
	return nil
}

// startSelfCheck runs the self-check for a node with a key, on the chain
// the node pays through or, for a free node with --name, read-only.
func (a *App) startSelfCheck(ctx context.Context, log *slog.Logger, n *node.Node, nf *nodeFlags, o *chainOpts, cfg node.Config, so *startOpts, tunnels []string, renew bool) error {
	if so.selfCheck == checkOff || cfg.Key == nil {
		return nil
	}
	var c *chain.Client
	if cfg.Payments != nil {
		c = cfg.Payments.Meter.Chain
	} else {
		var err error
		if c, err = a.dial(ctx, o, nil); err != nil {
			if so.name == "" {
				log.Warn("self-check skipped: no chain", "err", err)
				return nil
			}
			return a.reportChecks(log, so.selfCheck, []finding{{severe: true, msg: fmt.Sprintf("cannot read the registry to check %q: %v", so.name, err)}})
		}
		defer c.Close()
	}
	in := checkInput{addr: cfg.Key.Address(), name: so.name, sealing: n.Sealing(), data: nf.data, renew: renew}
	if len(tunnels) == 0 {
		in.publicURL = cfg.PublicURL
	}
	if cfg.Payments != nil {
		in.price = cfg.Payments.Meter.Price
	}
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	fs := selfCheck(cctx, c, in)
	if so.usedConfig != "" && slices.ContainsFunc(fs, func(f finding) bool { return f.severe }) {
		fs = append(fs, finding{msg: "to make the registry entry what this node's config says", fix: "wf provider update --config " + so.usedConfig})
	}
	return a.reportChecks(log, so.selfCheck, fs)
}

// providerTLS sets srv's TLS configuration from the flags; with ACME it
// returns the HTTP-01 server to run too, if --acme-http asks for one.
func (a *App) providerTLS(srv *http.Server, so *startOpts, publicURL, data string) (*http.Server, error) {
	switch {
	case so.certFile != "":
		cert, err := tls.LoadX509KeyPair(so.certFile, so.keyFile)
		if err != nil {
			return nil, fmt.Errorf("TLS certificate: %w", err)
		}
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}}
	case so.acmeEmail != "":
		u, err := url.Parse(publicURL)
		if err != nil || u.Scheme != "https" || u.Hostname() == "" {
			return nil, usageErr("--acme-email needs --public-url https://HOST: the certificate is for that host")
		}
		cache := so.acmeCache
		if cache == "" {
			cache = filepath.Join(data, "acme")
		}
		m := &autocert.Manager{
			Prompt:     autocert.AcceptTOS,
			Email:      so.acmeEmail,
			Cache:      autocert.DirCache(cache),
			HostPolicy: autocert.HostWhitelist(u.Hostname()),
		}
		if m.Client, err = acmeClient(so.acmeDir, so.acmeRoots); err != nil {
			return nil, err
		}
		srv.TLSConfig = m.TLSConfig()
		srv.TLSConfig.MinVersion = tls.VersionTLS12
		if so.acmeHTTP != "" {
			return &http.Server{Addr: so.acmeHTTP, Handler: m.HTTPHandler(nil), ReadHeaderTimeout: 10 * time.Second}, nil
		}
	}
	return nil, nil
}

// acmeClient is the ACME client for directory (nil: autocert's default,
// Let's Encrypt) trusting the PEM roots in rootsFile for its HTTPS ("":
// the system's), for a private ACME CA.
func acmeClient(directory, rootsFile string) (*acme.Client, error) {
	if rootsFile == "" {
		if directory == "" {
			return nil, nil
		}
		return &acme.Client{DirectoryURL: directory}, nil
	}
	if directory == "" {
		return nil, usageErr("--acme-ca-roots is for a private CA: give its --acme-directory too")
	}
	pem, err := os.ReadFile(rootsFile)
	if err != nil {
		return nil, fmt.Errorf("--acme-ca-roots: %w", err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		return nil, usageErr("--acme-ca-roots %s holds no PEM certificate", rootsFile)
	}
	return &acme.Client{DirectoryURL: directory, HTTPClient: &http.Client{Timeout: time.Minute, Transport: &http.Transport{
		Proxy: http.ProxyFromEnvironment, TLSClientConfig: &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12},
	}}}, nil
}

// listenError says what to do when the address is taken.
func listenError(addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return &userError{fmt.Sprintf("%s is taken by another program: serve elsewhere with --listen HOST:PORT (or listen = \"HOST:PORT\" in the config file)", addr), err}
	}
	return err
}

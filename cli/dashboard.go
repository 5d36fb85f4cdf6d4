package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/cred"
	"github.com/webfunctions/wf/dashboard"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/wf"
)

// devDashboardListen is where `wf dev` and `wf dashboard serve` serve the
// dashboard unless told otherwise.
const devDashboardListen = "127.0.0.1:8082"

func (a *App) dashboardCmd() *cobra.Command {
	return group("dashboard", "serve the web dashboard for publishers and provider operators",
		`Serve the web dashboard: publishers sign in with their browser wallet and see
their functions across providers, invocations and spending caps; a provider's
operator, signed in with the provider's key, sees its console.`,
		a.dashboardServeCmd())
}

func (a *App) dashboardServeCmd() *cobra.Command {
	var (
		listen, logLevel, attestations       string
		providers, hosts, gateways, auditors []string
	)
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "serve the dashboard over a chain's registered providers, or the ones named",
		Long: `Serve the dashboard until interrupted. It reads the providers from the
chain's registry (--rpc, --contracts) unless --provider names them, and the
escrow from the chain. Users sign in with their own wallet (EIP-1193); the
dashboard never holds a key. Put it behind TLS for anything but loopback.`,
		Example: `  wf dashboard serve --rpc http://127.0.0.1:8545
  wf dashboard serve --provider http://127.0.0.1:8080 --gateway http://127.0.0.1:8081 --listen 127.0.0.1:9000`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.dashboardServe(cmd.Context(), listen, logLevel, providers, hosts, gateways, o, cmd.Flags().Changed("provider"), attestations, auditors)
		},
	}
	fs := cmd.Flags()
	o = addChainFlags(fs, "")
	fs.StringVar(&listen, "listen", devDashboardListen, "serve on this `ADDR`")
	fs.StringArrayVar(&providers, "provider", nil, "a provider's `URL` to show (repeatable; default: every provider in the registry)")
	fs.StringArrayVar(&gateways, "gateway", nil, "a gateway's `URL` to show on the gateways page (repeatable)")
	fs.StringArrayVar(&auditors, "attested-by", nil, "auditor `ADDRESS` whose attestations about a node its operator's console shows (repeatable)")
	fs.StringVar(&attestations, "attestations", "", attestationsHelp)
	fs.StringArrayVar(&hosts, "host", nil, "serve only requests for this `HOST:PORT`, as browsers address the dashboard (repeatable; on loopback the loopback names are always served, and nothing else unless given)")
	addLogFlags(fs, &logLevel, nil)
	return cmd
}

// devDashboardIncentives shows wf dev's rewards pool and stake contracts
// on its dashboard (deployed after the dashboard started), and the
// holder wallet under WF_HOME on its credentials page.
func (a *App) devDashboardIncentives(ctx context.Context, net *devnet.Net, pool, stake wf.Address) error {
	if net.Dashboard == nil {
		return nil
	}
	net.Dashboard.Dashboard.SetCredentials(a.heldCredentials)
	c := net.Chain.Client(nil)
	p, err := c.RewardsPool(ctx, pool)
	if err != nil {
		return err
	}
	st, err := c.Stake(ctx, stake)
	if err != nil {
		return err
	}
	net.Dashboard.Dashboard.SetIncentives(dashboard.Incentives{Rewards: p, Stake: st})
	return nil
}

// heldCredentials lists the holder wallet under WF_HOME for the
// dashboard's credentials page: names, issuers, attribute names and
// expiry, never a secret (the list reads none).
func (a *App) heldCredentials() ([]dashboard.HeldCredential, error) {
	held, err := cred.Wallet{Dir: a.credDir()}.List() // none yet: nil, nil
	if err != nil {
		return nil, err
	}
	out := make([]dashboard.HeldCredential, 0, len(held))
	for _, h := range held {
		c := dashboard.HeldCredential{Name: h.Name, IssuerURL: h.IssuerURL}
		if h.Credential != nil {
			c.Issuer, c.Expires = h.Credential.Issuer.String(), time.Unix(h.Credential.Expiry, 0)
			for _, at := range h.Credential.Attrs {
				c.Attributes = append(c.Attributes, at.Name)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// registeredSealingKey is a registry entry's sealing key, nil for none
// (empty, or the one byte 0 the registry stores for none).
func registeredSealingKey(b []byte) []byte {
	if len(b) == 0 || len(b) == 1 && b[0] == 0 {
		return nil
	}
	return b
}

func (a *App) dashboardServe(ctx context.Context, listen, logLevel string, urls, hosts, gateways []string, o *chainOpts, named bool,
	attestations string, auditors []string) error {
	log, err := a.logger(logLevel, "text")
	if err != nil {
		return err
	}
	cfg := dashboard.Config{Log: log}
	var trusted []wf.Address
	for _, s := range auditors {
		addr, err := addressFlag("attested-by", s)
		if err != nil {
			return err
		}
		trusted = append(trusted, addr)
	}
	for _, u := range gateways {
		u = strings.TrimRight(u, "/")
		cfg.Gateways = append(cfg.Gateways, dashboard.GatewayRef{Name: strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), URL: u})
	}
	c, err := a.dial(ctx, o, nil)
	switch {
	case err == nil:
		defer c.Close()
		cfg.Escrow = c
		// The rewards pool and stake contracts, when this chain's
		// deployment (wf dev's) or WF_REWARDS / WF_STAKE name them.
		if pool, err := a.rewardsPool(ctx, c, o, ""); err == nil {
			cfg.Incentives.Rewards = pool
		}
		if st, err := a.stakeContract(ctx, c, o, ""); err == nil {
			cfg.Incentives.Stake = st
		}
		if len(trusted) > 0 {
			att, err := a.attestations(ctx, c, attestations)
			if err != nil {
				return err
			}
			cfg.Audits = &dashboard.Audits{Attestations: att, Registry: c, Auditors: trusted}
		}
	case !named:
		return fmt.Errorf("dashboard: no providers named and no chain to read them from: %w", err)
	case len(trusted) > 0:
		return fmt.Errorf("dashboard: --attested-by reads attestations from the chain: %w", err)
	default:
		log.Warn("no chain: the payments page stays empty", "err", err)
	}
	if named {
		for _, u := range urls {
			u = strings.TrimRight(u, "/")
			info, err := client.New(u).Info(ctx)
			if err != nil {
				return fmt.Errorf("dashboard: provider %s: %w", u, err)
			}
			name := info.Name
			if name == "" {
				name = u
			}
			cfg.Providers = append(cfg.Providers, dashboard.Provider{Name: name, URL: u, Address: info.Address})
		}
	} else {
		reg, err := c.ListProviders(ctx)
		if err != nil {
			return fmt.Errorf("dashboard: %w", err)
		}
		for _, p := range reg {
			cfg.Providers = append(cfg.Providers, dashboard.Provider{Name: p.Name, URL: strings.Fields(p.Endpoint + " ")[0], Address: p.Owner,
				SealingKey: registeredSealingKey(p.SealingKey), Registered: true})
		}
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	defer ln.Close()
	// On loopback, only the loopback names: a site that rebinds its own
	// name to 127.0.0.1 gets 421.
	if addr := ln.Addr().(*net.TCPAddr); addr.IP.IsLoopback() {
		cfg.Hosts = dashboard.LoopbackHosts(addr.Port)
	}
	for _, h := range hosts {
		cfg.Hosts = append(cfg.Hosts, strings.ToLower(h))
	}
	d, err := dashboard.New(cfg)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: d.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(a.Stdout, "WebFunctions dashboard: %s   (%d providers; Ctrl-C stops)\n", url, len(cfg.Providers))
	if a.Ready != nil {
		a.Ready(url)
	}
	return awaitShutdown(ctx, srv, errc, 5*time.Second, nil)
}

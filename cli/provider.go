package cli

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// nodeFlags are the flags of every command that runs provider nodes.
type nodeFlags struct {
	listen, data, publicURL, logLevel, logFormat string
	peers                                        []string
	maxMemoryMiB                                 int
	maxTimeout                                   time.Duration
	maxUpload, ownerQuota, maxStore              int64
	manifest                                     []byte         // wf provider start --manifest
	debugAddr                                    string         // wf provider start --debug-addr
	credSetups                                   []string       // wf provider start --cred-setup (cli/cred.go)
	listenSet                                    bool           // --listen given: wf dev does not move it
	mina                                         *minaNodeFlags // wf provider start --mina-settler (cli/mina.go)
	chainListenSet                               bool           // --chain-listen given: likewise
}

func addNodeFlags(fs *pflag.FlagSet, defaultData string) *nodeFlags {
	nf := &nodeFlags{}
	fs.StringVar(&nf.listen, "listen", defaultListen, "serve HTTP on this `ADDR` (host:port)")
	fs.StringVar(&nf.data, "data", defaultData, "data `DIR` (blocks, compile cache)")
	fs.StringVar(&nf.publicURL, "public-url", "", "this node's `URL` as callers see it (default http://LISTEN)")
	fs.StringArrayVar(&nf.peers, "peer", nil, "trustless gateway or provider `URL` to fetch missing functions from (repeatable)")
	fs.IntVar(&nf.maxMemoryMiB, "max-memory", sandbox.DefaultMaxMemoryPages/16, "largest memory a function may use, `MiB`")
	fs.DurationVar(&nf.maxTimeout, "max-timeout", sandbox.DefaultMaxTimeout, "longest wall time a request may run")
	fs.Int64Var(&nf.maxUpload, "max-upload", provider.DefaultMaxUploadBytes, "largest CAR upload, `BYTES`")
	fs.Int64Var(&nf.ownerQuota, "owner-quota", provider.DefaultOwnerQuotaBytes, "`BYTES` one owner's deployed functions may take in the store, -1 for no bound (docs/storage.md)")
	fs.Int64Var(&nf.maxStore, "max-store", 0, "`BYTES` the whole block store may take before deploys are refused, 0 for the disk")
	addLogFlags(fs, &nf.logLevel, &nf.logFormat)
	return nf
}

// addLogFlags adds --log-level and, if format is set, --log-format.
func addLogFlags(fs *pflag.FlagSet, level, format *string) {
	fs.StringVar(level, "log-level", "info", "log `LEVEL`: debug, info, warn or error")
	if format != nil {
		fs.StringVar(format, "log-format", "text", "log `FORMAT`: text or json")
	}
}

// logger is the logger the flags ask for, writing to stderr.
func (a *App) logger(level, format string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, usageErr("--log-level: %v", err)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(a.Stderr, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(a.Stderr, opts)), nil
	}
	return nil, usageErr("--log-format must be text or json")
}

// config is the node configuration the flags describe, for a node in
// dir; the caller adds identity, payments and tunnel.
func (nf *nodeFlags) config(log *slog.Logger) node.Config {
	return node.Config{
		Dir: nf.data, PublicURL: nf.publicURL, Version: version(), Log: log, Peers: nf.peers,
		Sandbox:  sandbox.Config{MaxMemoryPages: uint32(nf.maxMemoryMiB) * 16, MaxTimeout: nf.maxTimeout},
		Provider: provider.Config{MaxUploadBytes: nf.maxUpload, OwnerQuotaBytes: nf.ownerQuota, MaxStoreBytes: nf.maxStore},
	}
}

func (a *App) providerCmd() *cobra.Command {
	return group("provider", "run a provider node, make its sealing keys, manage its registry entry",
		`Make a provider node's keys and config file (init), run it (start: it
checks its registry entry first), look at it (status), back it up and
restore it (backup, restore), rotate the keys sealed functions are
encrypted to (rotate-sealing-key), and manage the node's entry in the
on-chain registry (register, update, renew, show, release, reclaim).
docs/operators.md walks through it.`,
		a.providerStartCmd(), a.providerInitCmd(), a.providerStatusCmd(), a.providerRotateCmd(),
		a.providerRegisterCmd(), a.providerUpdateCmd(), a.providerRenewCmd(), a.providerShowCmd(), a.providerDeregisterCmd(),
		a.providerReclaimCmd(), a.providerGCCmd(), a.providerBackupCmd(), a.providerRestoreCmd())
}

func (a *App) providerStartCmd() *cobra.Command {
	var (
		nf      *nodeFlags
		o       *chainOpts
		sf      *settleFlags
		tunnels []string
		noRenew bool
		mf      string
		debug   string
		so      startOpts
	)
	cmd := &cobra.Command{
		Use:   "start",
		Short: "run a provider node: deploy, invoke, logs and blocks over HTTP",
		Long: `Run a provider node: it accepts deploys, serves functions at /CID/, their
blocks as a trustless gateway, and owners' logs, until interrupted.

With --price the node charges every request through the on-chain escrow
and settles the charges in batches; it then needs the chain (--rpc,
--contracts) and its key (--key, default $WF_HOME/provider/key.json).
With --tunnel it serves through a gateway's reverse tunnel instead of
being reachable itself (for nodes behind NAT): it then opens no listener
unless --listen is given, and it exits with an error, having opened
nothing, when the gateway refuses its login (the key does not hold the
name).

A node with a key (--price or --tunnel) renews the leases on the registry
names its key holds while it runs, checking every hour and renewing once
less than half a lease is left (one cheap transaction a lease), so they
are never reclaimable while it runs; --no-renew turns that off.`,
		Example: `  wf provider start --listen 0.0.0.0:8080 --public-url https://node.example.com
  wf provider start --price 0.0001 --rpc https://rpc.example --key provider.json
  wf provider start --tunnel https://fn.example --key provider.json
  wf provider start --tunnel https://gw1.example#alice --tunnel https://gw2.example#alice --key provider.json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.loadStartConfig(cmd.Flags(), so.config, nf.data, &so.usedConfig); err != nil {
				return err
			}
			if mf != "" {
				b, err := readManifest(mf)
				if err != nil {
					return err
				}
				nf.manifest = b
			}
			nf.debugAddr = debug
			so.listenSet, so.renew = cmd.Flags().Changed("listen"), !noRenew
			return a.providerStart(cmd.Context(), nf, o, sf, tunnels, &so)
		},
	}
	fs := cmd.Flags()
	nf = addNodeFlags(fs, filepath.Join(a.home(), "provider"))
	o = addChainFlags(fs, "$WF_HOME/provider/key.json")
	sf = addSettleFlags(fs, "", payment.DefaultSettleInterval)
	sf.addLedgerSyncFlag(fs)
	fs.BoolVar(&noRenew, "no-renew", false, "do not renew the leases on the key's registry names while running")
	fs.StringArrayVar(&tunnels, "tunnel", nil, "serve this node through the gateway at `URL` over a reverse tunnel (for nodes behind NAT; needs --key); URL#NAME serves one registered name. Repeat for tunnels to several gateways, and register an endpoint on each (--endpoint 'https://NAME.GW1 https://NAME.GW2') so no one gateway can cut the node off. No listener unless --listen is given")
	fs.StringArrayVar(&nf.credSetups, "cred-setup", nil, "verify credentials (wf.access, docs/credentials.md) under the trusted setup whose verifying.key is in `DIR` (repeatable)")
	fs.StringVar(&mf, "manifest", "", "serve the provider manifest in `FILE` in /v1/info (publish its CID with wf provider update NAME --manifest FILE)")
	addStartFlags(fs, &so)
	addCreditsFlag(fs, &so.credits)
	nf.mina = a.addMinaNodeFlags(fs)
	fs.StringVar(&debug, "debug-addr", "", "serve Go's profiler (/debug/pprof/) on this `ADDR`, e.g. 127.0.0.1:6060; off by default")
	return cmd
}

func (a *App) providerStart(ctx context.Context, nf *nodeFlags, o *chainOpts, sf *settleFlags, tunnels []string, so *startOpts) error {
	listenSet, renew := so.listenSet, so.renew
	if err := so.check(); err != nil {
		return err
	}
	log, err := a.logger(nf.logLevel, nf.logFormat)
	if err != nil {
		return err
	}
	cfg := nf.config(log)
	cfg.Provider.Manifest = nf.manifest
	if cfg.Mina, err = a.minaNode(nf.mina, o.passwordFile); err != nil {
		return err
	}
	if nf.debugAddr != "" {
		_, stop, err := serveDebug(ctx, nf.debugAddr, log)
		if err != nil {
			return err
		}
		defer stop()
	}
	if sf.price != "" || len(tunnels) > 0 || so.name != "" {
		// A free node still proves its registered name to the gateway,
		// and the self-check compares the name's owner with its key.
		if cfg.Key, err = a.signer(o, a.providerKeyPath()); err != nil {
			return err
		}
	}
	if sf.price != "" {
		mc, err := sf.meter()
		if err != nil {
			return err
		}
		if mc.Chain, err = a.dial(ctx, o, cfg.Key); err != nil {
			return err
		}
		defer mc.Chain.Close() // after the node, which settles on it
		a.logChainReads(log, o)
		cfg.Payments = &node.Payments{Meter: mc, LedgerSync: sf.ledgerSync, LedgerSumOwner: sf.ledgerSumOwner}
		if cfg.Payments.Credits, err = a.providerCredits(o, so.credits, log); err != nil {
			return err
		}
	}
	if cfg.Key != nil && renew {
		rc := (*chain.Client)(nil)
		if cfg.Payments != nil {
			rc = cfg.Payments.Meter.Chain
		} else if rc, err = a.dial(ctx, o, cfg.Key); err != nil {
			log.Warn("no chain: the leases on this key's names are not renewed", "err", err)
			rc = nil
		} else {
			defer rc.Close()
		}
		if rc != nil {
			cfg.Renew = &node.Renew{Chain: rc, OnRenew: func(name string, expires time.Time) {
				fmt.Fprintf(a.Stdout, "renewed %q until %s\n", name, expires.UTC().Format(time.RFC3339))
			}}
		}
	}
	if err := a.credGate(&cfg, nf.credSetups); err != nil {
		return err
	}
	// A tunnelled node is reached through its gateway: it listens only
	// when asked to, and only once the gateway accepted its login, so a
	// refused login leaves nothing open or running.
	var ln net.Listener
	if len(tunnels) > 0 {
		for _, tn := range tunnels {
			cfg.Tunnels = append(cfg.Tunnels, node.Tunnel{Gateway: tn, OnUp: func(gw string, names []string) {
				fmt.Fprintf(a.Stdout, "tunnel to %s up, serving %s\n", gw, strings.Join(names, ", "))
			}})
		}
		if cfg.PublicURL == "" {
			cfg.PublicURL = tunnelURL(tunnels[0])
		}
	} else {
		if ln, err = net.Listen("tcp", nf.listen); err != nil {
			return listenError(nf.listen, err)
		}
		if cfg.PublicURL == "" {
			cfg.PublicURL = so.scheme() + "://" + ln.Addr().String()
		}
	}
	n, err := node.Open(ctx, cfg)
	if err != nil {
		if ln != nil {
			ln.Close()
		}
		return err
	}
	defer n.Close(context.Background()) // after the server has drained: every charge is recorded
	if err := a.startSelfCheck(ctx, log, n, nf, o, cfg, so, tunnels, renew); err != nil {
		if ln != nil {
			ln.Close()
		}
		return err
	}
	if len(tunnels) > 0 && listenSet {
		if ln, err = net.Listen("tcp", nf.listen); err != nil {
			return err
		}
	}
	if ln == nil {
		log.Info("provider serving through its tunnel only", "url", cfg.PublicURL, "data", cfg.Dir)
		if a.Ready != nil {
			a.Ready(cfg.PublicURL)
		}
		<-ctx.Done()
		log.Info("shutting down")
		return nil
	}
	srv := n.Server()
	acmeSrv, err := a.providerTLS(srv, so, cfg.PublicURL, cfg.Dir)
	if err != nil {
		ln.Close()
		return err
	}
	if srv.TLSConfig != nil {
		ln = tls.NewListener(ln, srv.TLSConfig)
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	if acmeSrv != nil {
		go func() { errc <- acmeSrv.ListenAndServe() }()
		defer acmeSrv.Close()
	}
	log.Info("provider serving", "url", cfg.PublicURL, "listen", ln.Addr().String(), "data", cfg.Dir, "tls", srv.TLSConfig != nil)
	if so.selfCheck != checkOff && cfg.Key != nil && (so.name != "" || cfg.Payments != nil) {
		go probeEndpoint(ctx, log, cfg.PublicURL, cfg.Key.Address())
	}
	if a.Ready != nil {
		a.Ready(cfg.PublicURL)
	}
	return awaitShutdown(ctx, srv, errc, 10*time.Second, func(context.Context) { log.Info("shutting down") })
}

// tunnelURL is where callers reach a node tunnelled to the gateway at
// gw: GATEWAY/p/NAME for gw's fragment NAME, else the gateway, which
// routes to whichever provider holds a function.
func tunnelURL(gw string) string {
	base, name, _ := strings.Cut(gw, "#")
	base = strings.TrimSuffix(base, "/")
	if name == "" {
		return base
	}
	return base + "/p/" + name
}

// devCreated is the example's fixed creation time, so `wf dev` gives the
// example the same CID on every run and machine.
const devCreated = "2026-01-01T00:00:00Z"

// devGatewayListen is where `wf dev` serves its gateway unless told
// otherwise: `wf gateway start`'s default address.
const devGatewayListen = "127.0.0.1:8081"

func (a *App) devCmd() *cobra.Command {
	var (
		nf                         *nodeFlags
		sf                         *settleFlags
		chainListen, gatewayListen string
		dashboardListen, watchDir  string
		resetChain                 bool
	)
	cmd := &cobra.Command{
		Use:   "dev",
		Short: "run a local chain, providers and a gateway, with a paid example function",
		Long: `Run the whole system on loopback until interrupted: an embedded chain with
the contracts, a paid provider with an example function deployed, a second
provider with no listener that serves through a reverse tunnel, and a
gateway that routes by the on-chain registry. It prints the curl lines to
try. --key dev signs as the example's owner, whose escrow pays.`,
		Example: `  wf dev
  wf dev --watch hello          # redeploy hello/ on every save, at /@<dev key>/hello/
  wf dev --listen 127.0.0.1:9000 --gateway-listen 127.0.0.1:9001 --price 0.001`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			nf.listenSet = cmd.Flags().Changed("listen")
			nf.chainListenSet = cmd.Flags().Changed("chain-listen")
			if !cmd.Flags().Changed("data") {
				nf.data = a.devData(watchDir)
			}
			if resetChain {
				if err := os.RemoveAll(filepath.Join(nf.data, devChainDir)); err != nil {
					return fmt.Errorf("dev: --reset-chain: %w", err)
				}
			}
			return a.dev(cmd.Context(), nf, sf, chainListen, gatewayListen, cmd.Flags().Changed("gateway-listen"), watchDir,
				dashboardListen, cmd.Flags().Changed("dashboard-listen"))
		},
	}
	fs := cmd.Flags()
	nf = addNodeFlags(fs, "")
	fs.Lookup("data").Usage = "data `DIR`: the chain, each node's blocks and ledger (default PROJECT/.wf/dev for --watch PROJECT or a wf.toml in the working directory, else $WF_HOME/dev)"
	fs.BoolVar(&resetChain, "reset-chain", false, "start a new chain instead of resuming the one in the data directory (deposits and approvals made on it are gone; functions and names stay on the providers)")
	sf = addSettleFlags(fs, devPrice, devSettleInterval)
	sf.addLedgerSyncFlag(fs)
	nf.mina = addDevMinaFlags(fs)
	fs.StringVar(&chainListen, "chain-listen", strings.TrimPrefix(defaultRPC, "http://"), "serve the embedded chain's JSON-RPC on this `ADDR` (the default is where wf commands look for a chain, so they need no --rpc; a taken default moves to a free port)")
	fs.MarkHidden("public-url") // refused: wf dev serves on loopback
	fs.StringVar(&watchDir, "watch", "", "build and deploy the project in `DIR` (its wf.toml), name it, and redeploy on every save; a broken build is shown and the last good version keeps serving")
	fs.StringVar(&gatewayListen, "gateway-listen", devGatewayListen, "serve the dev gateway (domain localhost) on this `ADDR`; the default falls back to any free port when taken")
	fs.StringVar(&dashboardListen, "dashboard-listen", devDashboardListen, "serve the web dashboard on this `ADDR`; the default falls back to any free port when taken")
	return cmd
}

func (a *App) dev(ctx context.Context, nf *nodeFlags, sf *settleFlags, chainListen, gatewayListen string, gatewaySet bool, watchDir, dashboardListen string, dashboardSet bool) error {
	log, err := a.logger(nf.logLevel, nf.logFormat)
	if err != nil {
		return err
	}
	log = slog.New(newCanaryQuiet(log.Handler(), devnet.AuditorKey().Address()))
	mc, err := sf.meter()
	if err != nil {
		return err
	}
	if nf.publicURL != "" {
		return usageErr("wf dev serves on loopback: --public-url is for wf provider start")
	}
	// devnet fills in each node's directory, URL, key and payments.
	devNode := nf.config(nil)
	creds, err := a.devCreds() // wf.access: a dev setup and an issuer
	if err != nil {
		return fmt.Errorf("dev: credentials: %w", err)
	}
	tunnelNode := devNode
	tunnelNode.Peers = nil // only the listening node fetches from --peer
	// Manifests that match what each serves: the dev auditor checks them.
	devNode.Provider.Manifest = devManifest("dev", devNode, mc.Price, false)
	tunnelNode.Provider.Manifest = devManifest("tunnel", tunnelNode, mc.Price, true)
	devChain := &chainOpts{} // the dev chain, for the CI signer's grants
	devCI, err := a.devCI(devChain)
	if err != nil {
		return err
	}
	var devMina *devMina
	if nf.mina != nil && nf.mina.dev {
		if devMina, err = a.startDevMina(ctx, nf.mina, log); err != nil {
			return err
		}
		defer devMina.stop()
		devNode.Mina = devMina.node
	}
	net, err := devnet.Start(ctx, devnet.Config{
		Dir: nf.data, Log: log, Version: version(),
		ChainListen: chainListen, ChainListenFallback: !nf.chainListenSet,
		// Kept across restarts: escrow deposits and approvals survive.
		Chain: sim.Options{FeeBps: devFeeBps, Rewards: devRewardsConfig(), Credits: true, Dir: filepath.Join(nf.data, devChainDir)}, // rewards (cli/rewards_dev.go)
		Price: mc.Price, Meter: mc, LedgerSync: sf.ledgerSync, LedgerSumOwner: sf.ledgerSumOwner,
		Nodes: []devnet.NodeConfig{
			// A taken default port moves to a free one (the banner says
			// where); a port asked for with --listen does not.
			{Name: "dev", Listen: nf.listen, ListenFallback: !nf.listenSet, Node: devNode},
			// No listener, as if behind NAT: it serves through a reverse
			// tunnel to the gateway.
			{Name: "tunnel", Tunnel: 0, Node: tunnelNode},
		},
		// The gateway routes automatically only to providers the dev
		// auditor attested (devAudit).
		Gateways:    []devnet.GatewayConfig{{Listen: gatewayListen, ListenFallback: !gatewaySet, Criteria: &discovery.Criteria{}}},
		Auditor:     devAuditor(),
		CI:          devCI,
		Credentials: creds,
		// The publisher is the public dev key: a dev login may sign as it.
		Dashboard: &devnet.DashboardConfig{Listen: dashboardListen, ListenFallback: !dashboardSet, DevLogin: true},
	})
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) || errors.Is(err, node.ErrLocked) {
			return fmt.Errorf("dev: %w\n(another wf dev running? stop it, or run this one beside it with --listen 127.0.0.1:0 --gateway-listen 127.0.0.1:0 --dashboard-listen 127.0.0.1:0 --data DIR)", err)
		}
		return fmt.Errorf("dev: %w", err)
	}
	defer net.Close(context.Background())
	devChain.rpc = []string{net.RPC}
	ct := net.Chain.Contracts()
	inc, err := a.devRewards(ctx, net, log)
	if err != nil {
		return err
	}
	if err := a.devDashboardIncentives(ctx, net, inc.pool, inc.stake); err != nil {
		return err
	}
	if err := a.saveDeployment(net.RPC, deployment{ChainID: net.Chain.Client(nil).ChainID().Uint64(), Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow,
		Attestations: net.Attestations, Rewards: inc.pool, Stake: inc.stake, Credits: ct.Credits}); err != nil {
		return err
	}
	forget, err := a.recordDevChain(net.RPC, net.Node("dev").URL) // wf commands find this chain and provider without --rpc or --provider
	if err != nil {
		return err
	}
	defer forget()
	own, ownFunded := a.fundOwnKey(ctx, net, log)
	log.Info("dev chain", "rpc", net.RPC, "provider", net.Node("dev").Key.Address().Checksum(),
		"publisher", net.Publisher.Address().Checksum(), "budget", wf.NewAmount(net.Budget).USDC()+" USDC")

	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: devCreated,
	}, net.Publisher)
	if err != nil {
		return err
	}
	dev, gw := net.Node("dev"), net.Gateways[0].URL
	res, err := client.New(dev.URL).Deploy(ctx, pkg)
	if err != nil {
		return fmt.Errorf("dev: deploy the example: %w", err)
	}
	// The real path: through the gateway and down the tunnel.
	if _, err := client.New(net.Node("tunnel").URL).Deploy(ctx, pkg); err != nil {
		return fmt.Errorf("dev: deploy the example to the tunnelled provider: %w", err)
	}
	fn := res.CID.String()
	fmt.Fprintf(a.Stdout, `
WebFunctions dev provider: %s   (data in %s; Ctrl-C stops)%s
Example function (AssemblyScript, owner %s, the public dev key):
  %s
Payments: each request costs %s USDC, paid from the owner's escrow (it approved
each provider for %s USDC); settlements show in the log. Chain: %s

Try it:
  curl '%s?name=you'
  curl -d 'WebFunctions' %s
  wf logs %s --provider %s --key dev
`, dev.URL, dev.Dir(), a.resumedLine(net, nf.data), net.Publisher.Address().Checksum(), fn, sf.price,
		strings.TrimSuffix(wf.NewAmount(net.Budget).USDC(), ".000000"), net.RPC, res.URL, res.URL, fn, dev.URL)
	fmt.Fprintf(a.Stdout, `
Dashboard: %s   (sign in with a browser wallet, or "Dev login" as the owner;
  sign in with a provider's key for its operator console)
`, net.Dashboard.URL)
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
  or run wf dev --watch hello instead: it serves hello/ by name and redeploys on every save
With secrets, sealed to the key the registry holds for the provider you name:
  wf secrets set API_KEY --dir hello && wf deploy hello --secrets --provider dev --rpc %[5]s --key dev
  (or --provider %[1]s/p/tunnel: through the gateway, still sealed to the registry's key)
`, gw, fn, strings.TrimPrefix(gw, "http://"), dev.URL, net.RPC)
	if own != "" {
		a.ownKeyBanner(own, !ownFunded)
	}
	a.devAuditBanner(net)
	a.devRewardsBanner(net, inc)
	a.devCIBanner(net, dev.URL)
	if devMina != nil {
		if err := a.devMinaBanner(ctx, devMina, dev.URL, res.URL, log); err != nil {
			return fmt.Errorf("dev: MINA: %w", err)
		}
	}
	if err := a.devCredExample(ctx, net, dev.URL); err != nil {
		return err
	}
	kctx, stopKeys := context.WithCancel(ctx)
	var keys sync.WaitGroup
	keys.Go(func() { a.fundNewKeys(kctx, net, log, own) }) // a key made from now on
	defer func() { stopKeys(); keys.Wait() }()
	ready := func() {
		// The banner is out; ready waits for the first audit (in the
		// background since start), so auto-routing has attested providers.
		select {
		case <-net.AuditorSwept():
		case <-ctx.Done():
		}
		if a.Ready != nil {
			a.Ready(dev.URL)
		}
	}
	if watchDir != "" {
		if err := a.devWatch(ctx, net, watchDir, ready); err != nil {
			return err
		}
	} else {
		ready()
	}
	<-ctx.Done()
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return net.Close(sctx)
}

// What wf dev gives the user's own key on its chain.
const (
	devFundEther = "10"
	devFundUSDC  = "1000"
)

// fundOwnKey gives the user's own publisher key ($WF_HOME/key.json, read
// for its address only: no password) ether for gas and USDC on wf dev's
// chain, so that a deploy with it can be paid for without a faucet. It
// answers the key's address, or "" when there is no key or funding
// failed (logged: wf dev works without it), and whether it was funded now
// (not on an earlier run of a resumed chain).
func (a *App) fundOwnKey(ctx context.Context, net *devnet.Net, log *slog.Logger) (string, bool) {
	if _, err := os.Stat(a.payerKeyPath()); err != nil {
		return "", false // no key of your own yet
	}
	addr, err := keystoreAddress(a.payerKeyPath())
	if err != nil {
		log.Warn("your key is not funded", "err", err)
		return "", false
	}
	if net.Chain.Resumed() {
		// Funded on an earlier run of this chain: it keeps what it has.
		if eth, err := net.Chain.Client(nil).EtherBalance(ctx, addr); err == nil && eth.Sign() > 0 {
			return addr.Checksum(), false
		}
	}
	accts := net.Chain.Accounts()
	from := net.Chain.Client(accts[len(accts)-1]) // an account no node signs with
	eth, _ := new(big.Int).SetString(devFundEther+"000000000000000000", 10)
	usdc, _ := new(big.Int).SetString(devFundUSDC+"000000", 10)
	if _, err := from.SendEther(ctx, addr, eth); err != nil {
		log.Warn("fund your key with ether", "address", addr.Checksum(), "err", err)
		return "", false
	}
	if _, err := from.MintUSDC(ctx, addr, usdc); err != nil {
		log.Warn("fund your key with USDC", "address", addr.Checksum(), "err", err)
		return "", false
	}
	return addr.Checksum(), true
}

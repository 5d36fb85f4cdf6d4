// Package devnet starts a whole WebFunctions network from one Config: an
// embedded chain with the contracts deployed, provider nodes (listening on
// loopback, or reachable only through a gateway's reverse tunnel), and
// gateways that route by the chain's registry. `wf dev` runs one, and so
// does every test that needs more than one part: nothing else assembles
// chains, nodes and gateways.
//
// Everything runs in this process, on real listeners on loopback.
package devnet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// PublisherKeyHex is the public development publisher key (`--key dev`):
// the first well-known development account of Hardhat and Anvil. Everyone
// knows it, so it must hold nothing of value outside a dev chain.
const PublisherKeyHex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

// Publisher returns the development publisher key.
func Publisher() *chain.Key {
	k, err := chain.KeyFromHex(PublisherKeyHex)
	if err != nil {
		panic(err) // a constant
	}
	return k
}

// DefaultBudget is what the publisher approves each paid node for: 100 USDC.
var DefaultBudget = big.NewInt(100_000_000)

// Config describes a network. The zero value is a chain with nothing on it.
type Config struct {
	// Dir holds each node's data directory, Dir/<node name>. Required
	// when there are nodes.
	Dir     string
	Log     *slog.Logger // default: discard
	Version string

	// Chain configures the embedded chain (accounts, withdrawal delay).
	Chain sim.Options
	// ChainListen, if set, also serves the chain's JSON-RPC there, for
	// wf commands and other processes.
	ChainListen string
	// ChainListenFallback serves the chain on any free port when
	// ChainListen is taken.
	ChainListenFallback bool
	// ChainEndpoints, if set, serve the chain's JSON-RPC on that many more
	// loopback ports, each through its wrapper (nil: as is; a lying or
	// lagging sim.RPCProxy in tests): Net.RPCs. Gateways and nodes with
	// CheckedReads read the chain through all of them.
	ChainEndpoints []func(http.Handler) http.Handler

	// Price, if set, makes every node charge this many token base units
	// per request, paid from the publisher's escrow: the publisher is
	// funded, deposits Budget and approves each node for Budget.
	Price *big.Int
	// Meter tunes every paid node's meter (settle count and interval,
	// ...); Chain, Key, Ledger, Price and Log are filled in.
	Meter payment.Config
	// LedgerSync is every paid node's node.Payments.LedgerSync: zero
	// syncs each charge before its response, positive at most this long
	// after.
	LedgerSync time.Duration
	// LedgerSumOwner is every paid node's node.Payments.LedgerSumOwner.
	LedgerSumOwner bool
	// Budget is the publisher's deposit and each node's approval.
	// Default DefaultBudget.
	Budget *big.Int
	// Publisher pays for functions it owns. Default: Publisher().
	Publisher *chain.Key

	Nodes    []NodeConfig
	Gateways []GatewayConfig
	// Dashboard, if set, also serves a web dashboard (devnet/dashboard.go).
	Dashboard *DashboardConfig
	// Auditor, if set, deploys an Attestations contract and runs an
	// auditor (devnet/audit.go).
	Auditor *AuditorConfig
	// CI, if set, also runs a local CI issuer, runner and deploy signer
	// for the publisher (devnet/ci.go).
	CI *CIConfig
	// Credentials, if set, makes every node verify zero-knowledge
	// credentials and runs an issuer (devnet/cred.go).
	Credentials *CredConfig
}

// NodeConfig is one provider node.
type NodeConfig struct {
	// Name is the node's registered name and its data directory's.
	Name string
	// Listen is the address the node serves on ("127.0.0.1:0" for any
	// port). Empty: the node has no listener and serves only through a
	// reverse tunnel to Tunnel.
	Listen string
	// ListenFallback retries on any free port when Listen is taken.
	ListenFallback bool
	// Tunnel is the index of the gateway a node without a listener
	// tunnels to.
	Tunnel int
	// Tunnels, if set, are the indices of the gateways a node without a
	// listener tunnels to, instead of Tunnel; its registered endpoint lists
	// its URL on each, in this order. Give the gateways distinct domains
	// (g1.localhost, ...): a gateway takes an endpoint on its own domain
	// for a tunnel to itself.
	Tunnels []int
	// Key is the node's identity. Default: chain.DevKey(i+1) for the i-th
	// node.
	Key *chain.Key
	// Node tunes the node (limits, sandbox and provider settings); Dir,
	// PublicURL, Key, Payments and Tunnel are filled in, and Renew (the
	// node renews its name's lease) unless set, with Chain filled in. A
	// Node.Provider.Manifest is registered as the entry's metadata CID.
	Node node.Config
	// CheckedReads, if set, has a paid node read escrow state (accounts,
	// allowances) through every endpoint of Net.RPCs, checked as these
	// options say, instead of in process.
	CheckedReads *chain.QuorumOptions
	// Wrap, if set, wraps the node's handler on its listener: tests put
	// a fault-injecting proxy in front of an honest node this way.
	Wrap func(http.Handler) http.Handler
}

// GatewayConfig is one gateway.
type GatewayConfig struct {
	Listen string // default "127.0.0.1:0"
	// Gateway tunes the gateway; Registry is filled in and, unless set,
	// Domain is "localhost", every caller may send any number of requests
	// (they all share loopback's address) and loopback endpoints are
	// allowed.
	Gateway gateway.Config
	// ListenFallback retries on any free port when Listen is taken.
	ListenFallback bool
	// Poll is how often the gateway reads new registry events. Default 1s.
	Poll time.Duration
	// ManualHealth leaves health checks to the caller (gateway.Run), for
	// tests that decide when providers are checked.
	ManualHealth bool
	// CheckedReads, if set, has the gateway read the registry through
	// every endpoint of Net.RPCs, checked against each other as these
	// options say, instead of in process.
	CheckedReads *chain.QuorumOptions
	// Wrap, if set, wraps the gateway's handler: tests make a gateway
	// hostile with it (dropping a provider's traffic, answering for it).
	Wrap func(http.Handler) http.Handler
	// Criteria, if set, admit providers to smart routing (package
	// discovery) by the network's Attestations; empty AttestedBy trusts
	// the network's auditor.
	Criteria *discovery.Criteria
}

// tunnels are the gateways a node without a listener tunnels to.
func (nc NodeConfig) tunnels() []int {
	if len(nc.Tunnels) > 0 {
		return nc.Tunnels
	}
	return []int{nc.Tunnel}
}

// Net is a running network.
type Net struct {
	Chain     *sim.Chain
	RPC       string   // the chain's JSON-RPC URL, if served
	RPCs      []string // the endpoints of Config.ChainEndpoints
	Publisher *chain.Key
	Budget    *big.Int
	Nodes     []*Node
	Gateways  []*Gateway
	Dashboard *Dashboard // nil unless Config.Dashboard
	CI        *CI        // nil unless Config.CI
	Creds     *Creds     // nil unless Config.Credentials
	// Auditor and Attestations are the auditor and its contract; nil and
	// zero unless Config.Auditor.
	Auditor      *audit.Auditor
	Attestations wf.Address

	log        *slog.Logger
	stops      []func(context.Context) // run newest first by Close
	auditorKey *chain.Key              // set with Config.Auditor
	firstSweep chan struct{}           // closed after the background auditor's first sweep
}

// Node is a running node of a Net.
type Node struct {
	Name     string
	Key      *chain.Key
	URL      string // where it is reached: its listener, or its gateway's /p/<name>
	Endpoint string // what the registry says
	*node.Node

	sealing  *seal.Keyring // made at registration
	manifest []byte        // registered as its metadata
}

// Gateway is a running gateway of a Net.
type Gateway struct {
	URL      string // http://<domain>:<port>
	Addr     string // the listener's address, for clients that set Host themselves
	Domain   string
	Resolver *chain.Resolver
	// Discovery is what the gateway's Criteria read; nil without them.
	Discovery *discovery.Source
	*gateway.Gateway
}

// Start starts the network described by cfg. Close it when done; if ctx
// ends first, nothing stops on its own.
func Start(ctx context.Context, cfg Config) (_ *Net, err error) {
	n := &Net{log: cfg.Log, Publisher: cfg.Publisher, Budget: cfg.Budget}
	if n.log == nil {
		n.log = slog.New(slog.DiscardHandler)
	}
	if n.Publisher == nil {
		n.Publisher = Publisher()
	}
	if n.Budget == nil {
		n.Budget = DefaultBudget
	}
	defer func() {
		if err != nil {
			n.Close(context.WithoutCancel(ctx))
		}
	}()
	for i, nc := range cfg.Nodes {
		if nc.Name == "" {
			return nil, fmt.Errorf("devnet: node %d has no name", i)
		}
		for _, gi := range nc.tunnels() {
			if nc.Listen == "" && (gi < 0 || gi >= len(cfg.Gateways)) {
				return nil, fmt.Errorf("devnet: node %s has no listener and no gateway %d to tunnel to", nc.Name, gi)
			}
		}
	}
	if len(cfg.Nodes) > 0 && cfg.Dir == "" {
		return nil, errors.New("devnet: no data directory for the nodes")
	}
	if err := n.startChain(ctx, cfg); err != nil {
		return nil, err
	}

	// Listeners first: endpoints are registered before anything serves.
	gls := make([]net.Listener, len(cfg.Gateways))
	for i, gc := range cfg.Gateways {
		if gls[i], err = listen(gc.Listen, gc.ListenFallback); err != nil {
			return nil, fmt.Errorf("devnet: gateway %d: %w", i, err)
		}
		n.onStop(func(context.Context) { gls[i].Close() })
		domain := gc.Gateway.Domain
		if domain == "" {
			domain = "localhost"
		}
		n.Gateways = append(n.Gateways, &Gateway{Domain: domain, Addr: gls[i].Addr().String(),
			URL: fmt.Sprintf("http://%s:%d", domain, gls[i].Addr().(*net.TCPAddr).Port)})
	}
	nls := make([]net.Listener, len(cfg.Nodes))
	for i, nc := range cfg.Nodes {
		key := nc.Key
		if key == nil {
			key = chain.DevKey(i + 1)
		}
		nd := &Node{Name: nc.Name, Key: key, manifest: nc.Node.Provider.Manifest}
		if nc.Listen != "" {
			if nls[i], err = listen(nc.Listen, nc.ListenFallback); err != nil {
				return nil, fmt.Errorf("devnet: node %s: %w", nc.Name, err)
			}
			n.onStop(func(context.Context) { nls[i].Close() })
			nd.URL = "http://" + nls[i].Addr().String()
			nd.Endpoint = nd.URL
		} else {
			var eps []string
			for _, gi := range nc.tunnels() {
				eps = append(eps, fmt.Sprintf("http://%s.%s", nc.Name, n.Gateways[gi].URL[len("http://"):]))
			}
			nd.Endpoint = strings.Join(eps, " ")
			nd.URL = n.Gateways[nc.tunnels()[0]].URL + "/p/" + nc.Name
		}
		n.Nodes = append(n.Nodes, nd)
	}

	if err := n.register(ctx, cfg); err != nil {
		return nil, err
	}
	if err := n.deployAttestations(ctx, cfg); err != nil {
		return nil, err
	}
	for i, gc := range cfg.Gateways {
		if err := n.startGateway(ctx, gc, n.Gateways[i], gls[i]); err != nil {
			return nil, err
		}
	}
	// CI first: its issuer is one the nodes trust for CI callers.
	if cfg.CI != nil {
		if err := n.startCI(cfg.CI); err != nil {
			return nil, err
		}
	}
	for i, nc := range cfg.Nodes {
		if err := n.startNode(ctx, cfg, nc, n.Nodes[i], nls[i]); err != nil {
			return nil, err
		}
	}
	if cfg.Dashboard != nil { // after the CI: it shows the CI signer's policy
		if err := n.startDashboard(ctx, cfg.Dashboard); err != nil {
			return nil, err
		}
	}
	if cfg.Credentials != nil {
		if err := n.startCreds(cfg.Credentials); err != nil {
			return nil, err
		}
	}
	if err := n.startAuditor(ctx, cfg); err != nil {
		return nil, err
	}
	// Health checks start once every node serves, so none starts out
	// marked down.
	hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var checks sync.WaitGroup
	n.onStop(func(context.Context) { cancel(); checks.Wait() })
	for i, g := range n.Gateways {
		if !cfg.Gateways[i].ManualHealth {
			checks.Go(func() { g.Run(hctx) })
		}
	}
	return n, nil
}

// listen listens on addr, or on any free loopback port if addr is taken
// and fallback is set.
func listen(addr string, fallback bool) (net.Listener, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil && fallback {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	return ln, err
}

func (n *Net) startChain(ctx context.Context, cfg Config) error {
	c, err := sim.New(ctx, cfg.Chain)
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	n.Chain = c
	n.onStop(func(context.Context) { c.Close() })
	if cfg.ChainListen != "" {
		ln, err := listen(cfg.ChainListen, cfg.ChainListenFallback)
		if err != nil {
			return fmt.Errorf("devnet: chain: %w", err)
		}
		srv := &http.Server{
			Handler:           c.RPCHandler(),
			ReadHeaderTimeout: 10 * time.Second,
			ErrorLog:          slog.NewLogLogger(n.log.Handler(), slog.LevelWarn),
		}
		go srv.Serve(ln)
		n.onStop(func(context.Context) { srv.Close() })
		n.RPC = "http://" + ln.Addr().String()
	}
	for i, wrap := range cfg.ChainEndpoints {
		var h http.Handler = c.RPCHandler()
		if wrap != nil {
			h = wrap(h)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fmt.Errorf("devnet: chain endpoint %d: %w", i, err)
		}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(n.log.Handler(), slog.LevelWarn)}
		go srv.Serve(ln)
		n.onStop(func(context.Context) { srv.Close() })
		n.RPCs = append(n.RPCs, "http://"+ln.Addr().String())
	}
	return nil
}

// reader is the chain client a gateway or node reads through: in process,
// or (o set) over every endpoint of n.RPCs, checked against each other.
func (n *Net) reader(ctx context.Context, key *chain.Key, o *chain.QuorumOptions) (*chain.Client, error) {
	if o == nil {
		return n.Chain.Client(key), nil
	}
	if len(n.RPCs) == 0 {
		return nil, errors.New("devnet: checked reads need Config.ChainEndpoints")
	}
	c, err := chain.DialEndpoints(ctx, n.RPCs, key, chain.Config{Contracts: n.Chain.Contracts(), Quorum: *o,
		PollInterval: 2 * time.Millisecond, MaxPollInterval: 100 * time.Millisecond})
	if err != nil {
		return nil, fmt.Errorf("devnet: dial the chain endpoints: %w", err)
	}
	n.onStop(func(context.Context) { c.Close() })
	return c, nil
}

// register funds the publisher, has it deposit the budget once (one
// deposit pays every node; each has its own approval) and registers and
// approves every node.
func (n *Net) register(ctx context.Context, cfg Config) error {
	c := n.Chain
	if cfg.Price != nil {
		if err := c.FundEther(ctx, n.Publisher.Address(), ether); err != nil {
			return fmt.Errorf("devnet: fund the publisher: %w", err)
		}
		if err := n.depositFor(ctx, n.Publisher.Address(), n.Budget); err != nil {
			return fmt.Errorf("devnet: fund the publisher's escrow: %w", err)
		}
	}
	price := cfg.Price
	if price == nil {
		price = new(big.Int)
	}
	for _, nd := range n.Nodes {
		sealing, err := node.OpenSealing(filepath.Join(cfg.Dir, nd.Name), true)
		if err != nil {
			return fmt.Errorf("devnet: node %s: sealing keys: %w", nd.Name, err)
		}
		nd.sealing = sealing // the node opens with the keys it registered
		entry := chain.Provider{
			Name: nd.Name, Endpoint: nd.Endpoint, PricePerRequest: price,
			SealingKey: sealing.Current().Bytes(), MetadataCID: manifestCID(nd.manifest),
		}
		register := c.Client(nd.Key).RegisterProvider
		if c.Resumed() {
			// Registered on an earlier run: its entry is brought up to
			// date (the endpoint's port may have moved).
			if old, err := c.Client(nil).LookupProvider(ctx, nd.Name); err == nil && old.Owner == nd.Key.Address() {
				register = c.Client(nd.Key).UpdateProvider
			}
		}
		if _, err := register(ctx, entry); err != nil {
			return fmt.Errorf("devnet: register node %s: %w", nd.Name, err)
		}
		if cfg.Price != nil {
			if _, err := c.Client(n.Publisher).Approve(ctx, nd.Key.Address(), price, n.Budget); err != nil {
				return fmt.Errorf("devnet: approve node %s: %w", nd.Name, err)
			}
		}
	}
	return nil
}

// depositFor gives payer's escrow account budget from the deployer's
// USDC: all of it on a new chain, and on a chain resumed from an earlier
// run (sim.Options.Dir) only what it lacks of budget, so restarts do not
// pile deposits up.
func (n *Net) depositFor(ctx context.Context, payer wf.Address, budget *big.Int) error {
	c := n.Chain
	amt := budget
	if c.Resumed() {
		acct, err := c.Client(nil).Account(ctx, payer)
		if err != nil {
			return err
		}
		if acct.Balance.Cmp(budget) >= 0 {
			return nil
		}
		amt = new(big.Int).Sub(budget, acct.Balance)
	}
	_, err := c.Client(c.Accounts()[0]).DepositFor(ctx, payer, amt)
	return err
}

func (n *Net) startGateway(ctx context.Context, gc GatewayConfig, g *Gateway, ln net.Listener) error {
	if gc.Poll <= 0 {
		gc.Poll = time.Second
	}
	cfg := gc.Gateway
	cfg.Domain = g.Domain
	if cfg.Log == nil {
		cfg.Log = n.log.With("component", "gateway")
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = -1 // every caller is on loopback: one address
	}
	cfg.AllowPrivateEndpoints = true
	if gc.Criteria != nil {
		f, err := n.gatewayFilter(ctx, *gc.Criteria, gc.Poll, cfg.Now)
		if err != nil {
			return err
		}
		cfg.Filter, g.Discovery = f, f.Source
	}
	if cfg.Placement == nil { // functions' own wf.placement
		src := g.Discovery
		if src == nil {
			src = &discovery.Source{TTL: gc.Poll, Now: cfg.Now, AllowPrivate: true}
			if !n.Attestations.IsZero() {
				att, err := n.Chain.Client(nil).Attestations(ctx, n.Attestations)
				if err != nil {
					return fmt.Errorf("devnet: %w", err)
				}
				src.Attestations = att
			}
			g.Discovery = src
		}
		cfg.Placement = &discovery.Filter{Source: src}
	}
	reg, err := n.reader(ctx, nil, gc.CheckedReads)
	if err != nil {
		return err
	}
	gw, err := node.OpenGateway(ctx, node.GatewayConfig{Registry: reg, Poll: gc.Poll, Gateway: cfg})
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	g.Gateway, g.Resolver = gw.Gateway, gw.Resolver
	srv := gw.Server()
	if gc.Wrap != nil {
		srv.Handler = gc.Wrap(srv.Handler)
	}
	go srv.Serve(ln)
	n.onStop(func(ctx context.Context) {
		gw.Close() // tunnels are hijacked connections Shutdown does not wait for
		srv.Shutdown(ctx)
	})
	cfg.Log.Info("gateway serving", "url", g.URL)
	return nil
}

func (n *Net) startNode(ctx context.Context, cfg Config, nc NodeConfig, nd *Node, ln net.Listener) error {
	c := nc.Node
	c.Dir = filepath.Join(cfg.Dir, nd.Name)
	c.PublicURL = strings.Fields(nd.Endpoint)[0]
	c.Key = nd.Key
	if c.Provider.Sealing == nil {
		c.Provider.Sealing = nd.sealing
	}
	if n.CI != nil && c.Provider.CICallers == nil {
		c.Provider.CICallers = ci.NewCallers(ci.CallersConfig{Issuers: []string{ci.GitHubIssuer, ci.GitLabIssuer, n.CI.URL}})
	}
	if cfg.Credentials != nil && c.Provider.Access == nil {
		c.Provider.Access = cfg.Credentials.gate(nd.Key)
	}
	if c.Version == "" {
		c.Version = cfg.Version
	}
	if c.Log == nil {
		c.Log = n.log.With("node", nd.Name)
	}
	if cfg.Price != nil {
		mc := cfg.Meter
		reader, err := n.reader(ctx, nd.Key, nc.CheckedReads)
		if err != nil {
			return err
		}
		mc.Chain, mc.Price = reader, cfg.Price
		// A new chain gets a new ledger; a chain resumed from an earlier
		// run (sim.Options.Dir) keeps it: its charges are owed on it.
		// A chain that lost its last blocks (killed, not stopped) may have
		// lost settlements the ledger counts as confirmed: start anew.
		fresh := !n.Chain.Resumed() || n.Chain.LostBlocks() > 0
		c.Payments = &node.Payments{Meter: mc, FreshLedger: fresh, LedgerSync: cfg.LedgerSync, LedgerSumOwner: cfg.LedgerSumOwner}
		if cr := n.Chain.Contracts().Credits; !cr.IsZero() { // sim.Options.Credits: trial credits before the allowance
			c.Payments.Credits = &node.Credits{Contract: cr}
		}
	}
	if ln == nil {
		for _, gi := range nc.tunnels() {
			c.Tunnels = append(c.Tunnels, node.Tunnel{Gateway: n.Gateways[gi].URL + "#" + nd.Name})
		}
	}
	if c.Renew == nil {
		c.Renew = &node.Renew{}
	}
	r := *c.Renew
	if r.Chain == nil {
		r.Chain = n.Chain.Client(nd.Key)
	}
	if len(r.Names) == 0 {
		r.Names = []string{nd.Name}
	}
	c.Renew = &r
	nn, err := node.Open(ctx, c)
	if err != nil {
		return fmt.Errorf("devnet: node %s: %w", nd.Name, err)
	}
	nd.Node = nn
	if ln == nil {
		n.onStop(func(ctx context.Context) { nn.Close(ctx) })
		return nil
	}
	srv := nn.Server()
	if nc.Wrap != nil {
		srv.Handler = nc.Wrap(srv.Handler)
	}
	go srv.Serve(ln)
	n.onStop(func(ctx context.Context) {
		srv.Shutdown(ctx) // drained first: every charge served is recorded
		nn.Close(ctx)
	})
	c.Log.Info("provider serving", "url", nd.URL, "data", c.Dir)
	return nil
}

// onStop has Close run f, before what was added earlier.
func (n *Net) onStop(f func(context.Context)) { n.stops = append(n.stops, f) }

// Close stops everything, newest first: nodes (after their servers have
// drained, settling what they served), gateways, then the chain. ctx
// bounds the graceful part.
func (n *Net) Close(ctx context.Context) error {
	for i := len(n.stops) - 1; i >= 0; i-- {
		n.stops[i](ctx)
	}
	n.stops = nil
	return nil
}

// Node returns the node called name, or nil.
func (n *Net) Node(name string) *Node {
	for _, nd := range n.Nodes {
		if nd.Name == name {
			return nd
		}
	}
	return nil
}

// ether is 10^18 wei: what the publisher gets for gas.
var ether = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

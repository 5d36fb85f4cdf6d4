package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// settleFlags are how a paid provider prices and settles.
type settleFlags struct {
	price          string
	settleCount    uint64
	settleInterval time.Duration
	cacheTTL       time.Duration
	bumpAfter      time.Duration
	maxFee         string
}

func addSettleFlags(fs *flag.FlagSet, defaultPrice string, defaultInterval time.Duration) *settleFlags {
	s := &settleFlags{}
	fs.StringVar(&s.price, "price", defaultPrice, "price per request in USDC (e.g. 0.0001); set, the node charges every request and needs a chain")
	fs.Uint64Var(&s.settleCount, "settle-count", 1000, "settle a payer's charges on-chain once this many are pending")
	fs.DurationVar(&s.settleInterval, "settle-interval", defaultInterval, "settle pending charges at the latest this long after the first")
	fs.DurationVar(&s.cacheTTL, "allowance-ttl", 2*time.Second, "how long a payer's on-chain allowance and balance are reused before reading them again")
	fs.DurationVar(&s.bumpAfter, "settle-bump-after", chain.DefaultBumpAfter, "replace a settlement transaction still unmined after this long with one paying higher fees (same nonce)")
	fs.StringVar(&s.maxFee, "max-fee", "500", "the most a settlement transaction pays per unit of gas, in gwei (fee cap); replacing stops there")
	return s
}

// paid is a running payment setup: the provider's key and meter, and what
// stops it.
type paid struct {
	key   *chain.Key
	meter *payment.Meter
	stop  func()    // stops settling, settles what it can, closes the ledger
	dev   *devChain // wf dev: the embedded chain the other dev parts use
}

// startPayments opens the ledger in dataDir, starts the meter's settler on
// client (which signs as key) and returns them.
func startPayments(ctx context.Context, log *slog.Logger, sf *settleFlags, client *chain.Client, key *chain.Key, dataDir string) (*paid, error) {
	price, err := positiveUSDC("price", sf.price)
	if err != nil {
		return nil, err
	}
	if sf.settleCount == 0 || sf.settleInterval <= 0 {
		return nil, usageErr("--settle-count and --settle-interval must be positive")
	}
	maxFee, err := parseGwei(sf.maxFee)
	if err != nil {
		return nil, fmt.Errorf("--max-fee: %w", err)
	}
	if maxFee.Sign() == 0 || sf.bumpAfter <= 0 {
		return nil, usageErr("--max-fee and --settle-bump-after must be positive")
	}
	led, err := ledger.Open(filepath.Join(dataDir, "ledger.db"), ledger.Options{})
	if err != nil {
		return nil, err
	}
	m, err := payment.New(payment.Config{
		Chain: client, Key: key, Ledger: led, Price: price,
		CacheTTL: sf.cacheTTL, SettleCount: sf.settleCount, SettleInterval: sf.settleInterval,
		BumpAfter: sf.bumpAfter, MaxFeeCap: maxFee,
		Log: log.With("component", "settle"),
	})
	if err != nil {
		led.Close()
		return nil, err
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() { defer close(done); m.Run(runCtx) }()
	charged, settled := m.Totals()
	log.Info("payments on", "provider", key.Address().Checksum(), "price", price.String()+" base units",
		"chain", client.ChainID().String(), "escrow", client.Contracts().Escrow.Checksum(),
		"charged", charged.Count, "settled", settled.Count)
	return &paid{key: key, meter: m, stop: func() {
		cancel()
		<-done
		// What was served is settled now rather than at the next start.
		sctx, scancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer scancel()
		if err := m.Settle(sctx); err != nil {
			log.Warn("settle at shutdown", "err", err)
		}
		led.Close()
	}}, nil
}

// providerPayments sets up payments for `wf provider start` when --price
// is set: the chain at --rpc, the provider key, the ledger in the data
// directory.
func (a *App) providerPayments(o *chainOpts, sf *settleFlags) func(ctx context.Context, log *slog.Logger, url, data string) (*paid, error) {
	if sf.price == "" {
		return nil
	}
	return func(ctx context.Context, log *slog.Logger, url, data string) (*paid, error) {
		key, err := a.signer(o, a.providerKeyPath())
		if err != nil {
			return nil, err
		}
		c, err := a.dial(ctx, o, key)
		if err != nil {
			return nil, err
		}
		p, err := startPayments(ctx, log, sf, c, key, data)
		if err != nil {
			c.Close()
			return nil, err
		}
		stop := p.stop
		p.stop = func() { stop(); c.Close() }
		return p, nil
	}
}

// devPrice is what a request costs on `wf dev`: 0.0001 USDC.
const devPrice = "0.0001"

// devPayments starts the embedded chain for `wf dev`, serves its JSON-RPC
// on chainListen, registers the dev provider (dev:1) as "dev" and has the
// dev publisher (--key dev) deposit and approve it, so functions deployed
// with --key dev are paid for by their owner. The returned paid's dev field
// lets the rest of `wf dev` add parts that stop with the chain.
func (a *App) devPayments(chainListen string, sf *settleFlags) func(ctx context.Context, log *slog.Logger, url, data string) (*paid, error) {
	return func(ctx context.Context, log *slog.Logger, url, data string) (*paid, error) {
		if _, err := positiveUSDC("price", sf.price); err != nil {
			return nil, err
		}
		publisher, err := chain.KeyFromHex(DevKeyHex)
		if err != nil {
			return nil, err
		}
		sim, err := chain.NewSimulated(ctx, chain.SimOptions{})
		if err != nil {
			return nil, err
		}
		dev := &devChain{sim: sim, publisher: publisher, budget: big.NewInt(100_000_000), sf: sf, log: log} // 100 USDC
		fail := func(err error) (*paid, error) {
			dev.close()
			return nil, err
		}
		ln, err := net.Listen("tcp", chainListen)
		if err != nil {
			return fail(err)
		}
		srv := &http.Server{Handler: sim.RPCHandler(), ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		dev.onStop(func() { srv.Close() })
		dev.rpc = "http://" + ln.Addr().String()
		ct := sim.Contracts()
		if err := a.saveDeployment(dev.rpc, deployment{ChainID: sim.Client(nil).ChainID().Uint64(), Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow}); err != nil {
			return fail(err)
		}

		if err := sim.FundEther(ctx, publisher.Address(), ether); err != nil {
			return fail(err)
		}
		// One deposit pays for every dev provider; each has its own approval.
		if _, err := sim.Client(sim.Accounts()[0]).DepositFor(ctx, publisher.Address(), dev.budget); err != nil {
			return fail(fmt.Errorf("dev: fund the publisher's escrow: %w", err))
		}
		prov := chain.DevKey(1)
		p, err := dev.addProvider(ctx, log, prov, "dev", url, data)
		if err != nil {
			return fail(err)
		}
		log.Info("dev chain", "rpc", dev.rpc, "provider", prov.Address().Checksum(),
			"publisher", publisher.Address().Checksum(), "budget", wf.NewAmount(dev.budget).USDC()+" USDC")
		p.dev = dev
		stop := p.stop
		p.stop = func() {
			stop()
			dev.close()
		}
		return p, nil
	}
}

// devChain is `wf dev`'s embedded chain with what runs on it: the dev
// publisher's escrow and the parts that stop with the chain.
type devChain struct {
	sim       *chain.Simulated
	rpc       string     // the chain's JSON-RPC URL
	publisher *chain.Key // --key dev: owns the example and pays for it
	budget    *big.Int   // what the publisher approves each provider for
	sf        *settleFlags
	log       *slog.Logger
	stops     []func()
}

// onStop has close run f, after the functions added later.
func (d *devChain) onStop(f func()) { d.stops = append(d.stops, f) }

// close stops what was added with onStop, newest first, then the chain.
func (d *devChain) close() {
	for i := len(d.stops) - 1; i >= 0; i-- {
		d.stops[i]()
	}
	d.stops = nil
	d.sim.Close()
}

// addProvider registers key as name at endpoint with the sealing keyring
// in data (which must exist), has the dev publisher approve it and starts
// its payments, logging to log, with a new ledger in data.
func (d *devChain) addProvider(ctx context.Context, log *slog.Logger, key *chain.Key, name, endpoint, data string) (*paid, error) {
	price, err := positiveUSDC("price", d.sf.price)
	if err != nil {
		return nil, err
	}
	sealing, err := sealingKeyring(data, false)
	if err != nil || sealing == nil {
		return nil, fmt.Errorf("dev: no sealing keyring in %s: %v", data, err)
	}
	if _, err := d.sim.Client(key).RegisterProvider(ctx, chain.Provider{
		Name: name, Endpoint: endpoint, PricePerRequest: price,
		SealingKey: sealing.Current().Bytes(),
	}); err != nil {
		return nil, fmt.Errorf("dev: register provider %s: %w", name, err)
	}
	if _, err := d.sim.Client(d.publisher).Approve(ctx, key.Address(), price, d.budget); err != nil {
		return nil, fmt.Errorf("dev: approve provider %s: %w", name, err)
	}
	// The chain is new on every run: so is the ledger, write-ahead log
	// included (replayed into a new file, it would bring old charges back).
	for _, f := range []string{"ledger.db", "ledger.db.wal"} {
		os.Remove(filepath.Join(data, f))
	}
	return startPayments(ctx, log, d.sf, d.sim.Client(key), key, data)
}

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
)

// settleFlags are how a paid provider prices and settles.
type settleFlags struct {
	price          string
	settleCount    uint64
	settleInterval time.Duration
	cacheTTL       time.Duration
}

func addSettleFlags(fs *flag.FlagSet, defaultPrice string, defaultInterval time.Duration) *settleFlags {
	s := &settleFlags{}
	fs.StringVar(&s.price, "price", defaultPrice, "price per request in USDC (e.g. 0.0001); set, the node charges every request and needs a chain")
	fs.Uint64Var(&s.settleCount, "settle-count", 1000, "settle a payer's charges on-chain once this many are pending")
	fs.DurationVar(&s.settleInterval, "settle-interval", defaultInterval, "settle pending charges at the latest this long after the first")
	fs.DurationVar(&s.cacheTTL, "allowance-ttl", 2*time.Second, "how long a payer's on-chain allowance and balance are reused before reading them again")
	return s
}

// paid is a running payment setup: the provider's key and meter, and what
// stops it.
type paid struct {
	key      *chain.Key
	meter    *payment.Meter
	chainURL string // wf dev: the embedded chain's JSON-RPC
	stop     func() // stops settling, settles what it can, closes the ledger
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
	led, err := ledger.Open(filepath.Join(dataDir, "ledger.db"), ledger.Options{})
	if err != nil {
		return nil, err
	}
	m, err := payment.New(payment.Config{
		Chain: client, Key: key, Ledger: led, Price: price,
		CacheTTL: sf.cacheTTL, SettleCount: sf.settleCount, SettleInterval: sf.settleInterval,
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
	log.Info("payments on", "provider", chain.ChecksumAddress(key.Address()), "price", price.String()+" base units",
		"chain", client.ChainID().String(), "escrow", chain.ChecksumAddress(client.Contracts().Escrow),
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
// on chainListen, registers the dev provider (dev:1) and has the dev
// publisher (--key dev) deposit and approve it, so functions deployed with
// --key dev are paid for by their owner.
func (a *App) devPayments(chainListen string, sf *settleFlags) func(ctx context.Context, log *slog.Logger, url, data string) (*paid, error) {
	return func(ctx context.Context, log *slog.Logger, url, data string) (*paid, error) {
		price, err := positiveUSDC("price", sf.price)
		if err != nil {
			return nil, err
		}
		sim, err := chain.NewSimulated(ctx, chain.SimOptions{})
		if err != nil {
			return nil, err
		}
		var cleanup []func()
		fail := func(err error) (*paid, error) {
			for i := len(cleanup) - 1; i >= 0; i-- {
				cleanup[i]()
			}
			sim.Close()
			return nil, err
		}
		ln, err := net.Listen("tcp", chainListen)
		if err != nil {
			return fail(err)
		}
		srv := &http.Server{Handler: sim.RPCHandler(), ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		cleanup = append(cleanup, func() { srv.Close() })
		rpc := "http://" + ln.Addr().String()
		ct := sim.Contracts()
		if err := a.saveDeployment(rpc, deployment{ChainID: sim.Client(nil).ChainID().Uint64(), Token: ct.Token, Registry: ct.Registry, Escrow: ct.Escrow}); err != nil {
			return fail(err)
		}

		prov := chain.DevKey(1)
		publisher, err := chain.KeyFromHex(DevKeyHex)
		if err != nil {
			return fail(err)
		}
		sealing, err := sealingKeyring(data, false)
		if err != nil || sealing == nil {
			return fail(fmt.Errorf("dev: no sealing keyring in %s: %v", data, err))
		}
		if _, err := sim.Client(prov).RegisterProvider(ctx, chain.Provider{
			Name: "dev", Endpoint: url, PricePerRequest: price,
			SealingKey: sealing.Current().Bytes(),
		}); err != nil {
			return fail(fmt.Errorf("dev: register the provider: %w", err))
		}
		ether := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
		if err := sim.FundEther(ctx, publisher.Address(), ether); err != nil {
			return fail(err)
		}
		budget := big.NewInt(100_000_000) // 100 USDC
		if _, err := sim.Client(sim.Accounts()[0]).DepositFor(ctx, publisher.Address(), budget); err != nil {
			return fail(fmt.Errorf("dev: fund the publisher's escrow: %w", err))
		}
		if _, err := sim.Client(publisher).Approve(ctx, prov.Address(), price, budget); err != nil {
			return fail(fmt.Errorf("dev: approve the provider: %w", err))
		}
		// The chain is new on every run: so is the ledger.
		os.Remove(filepath.Join(data, "ledger.db"))
		p, err := startPayments(ctx, log, sf, sim.Client(prov), prov, data)
		if err != nil {
			return fail(err)
		}
		log.Info("dev chain", "rpc", rpc, "provider", chain.ChecksumAddress(prov.Address()),
			"publisher", chain.ChecksumAddress(publisher.Address()), "budget", formatUSDC(budget)+" USDC")
		p.chainURL = rpc
		stop := p.stop
		p.stop = func() {
			stop()
			fail(nil)
		}
		return p, nil
	}
}

package sim

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Options configures New. The zero value is a useful dev chain.
type Options struct {
	// Accounts is the number of prefunded dev accounts (chain.DevKey(0)
	// ...). Default 10.
	Accounts int
	// USDC is the amount of MockUSDC minted to each dev account, in base
	// units. Default 1,000,000 USDC (10^12); negative mints none.
	USDC *big.Int
	// WithdrawDelay is the escrow's withdrawal delay. Default 1 hour; tests
	// move the chain's clock with AdjustTime.
	WithdrawDelay time.Duration
	// ManualMining turns off automatic block production once the contracts
	// are deployed: transactions are then mined only by Commit, and Client
	// methods that send one block until another goroutine commits. By
	// default a block is mined as soon as transactions arrive, batching
	// those that arrive together.
	ManualMining bool
	// BlockGasLimit overrides go-ethereum's default block gas limit.
	BlockGasLimit uint64
	// Bond, Lease and Grace are the registry's terms for names
	// (chain.DeployOptions). Default bond DevBond, small next to what dev
	// accounts hold; lease and grace as chain.Deploy's.
	Bond         *big.Int
	Lease, Grace time.Duration
	// FeeBps is the escrow's protocol fee (chain.DeployOptions), paid to
	// FeeSink (default the deployer, chain.DevKey(0)). Default none.
	FeeBps  uint16
	FeeSink wf.Address
	// Rewards deploys a rewards pool with the escrow, as its fee sink
	// (chain.DeployOptions.Rewards; FeeSink must be zero).
	Rewards *chain.RewardsConfig
	// Credits deploys a trial credits contract with them
	// (chain.DeployOptions.Credits).
	Credits bool
	// Dir, if set, keeps the chain in this directory: a Chain opened on
	// a directory a Chain was closed (or killed) on resumes at its last
	// block with the same contracts and every balance, deposit and
	// approval (Resumed), and deploys and mints nothing; the options
	// that configure the deployment (accounts' USDC, WithdrawDelay, Bond,
	// Lease, Grace, FeeBps, FeeSink) are then those of its first run.
	// Empty: the chain lives in memory.
	Dir string
}

// DevBond is the registry bond of a dev chain: 0.001 ether.
var DevBond = big.NewInt(1_000_000_000_000_000)

// Chain is an embedded development chain: go-ethereum's simulated backend
// running real contracts in-process, with the Registry, Escrow and MockUSDC
// deployed and dev accounts funded with ether and USDC.
//
// It runs the fork rules of Ethereum mainnet today (Osaka), not every
// future fork go-ethereum knows of, so gas figures measured on it are
// realistic. Its chain id is 1337. Its methods are safe for concurrent use.
// Close it when done.
type Chain struct {
	sim       *simulated.Backend
	backend   *backend
	base      *chain.Client
	accounts  []*chain.Key
	contracts chain.Contracts
	congester *congester

	dir     string // Options.Dir
	resumed bool
	lost    int      // blocks a resumed chain lost
	height  uint64   // the last block's number, when kept in a directory (c.mu)
	heads   *os.File // the heads file, appended to (c.mu)
	headErr error    // the first failure to record the last block (c.mu)

	mu   sync.Mutex // serialises block production
	kick chan struct{}
	done chan struct{}
	stop sync.Once
	wg   sync.WaitGroup
}

// New starts a development chain and deploys the contracts from
// chain.DevKey(0).
func New(ctx context.Context, o Options) (*Chain, error) {
	if o.Accounts <= 0 {
		o.Accounts = 10
	}
	if o.USDC == nil {
		o.USDC = big.NewInt(1_000_000_000_000)
	}
	if o.WithdrawDelay == 0 {
		o.WithdrawDelay = time.Hour
	}
	ether := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	rich := new(big.Int).Mul(big.NewInt(1_000_000), ether)
	alloc := types.GenesisAlloc{}
	c := &Chain{kick: make(chan struct{}, 1), done: make(chan struct{}), congester: newCongester(), dir: o.Dir}
	for i := range o.Accounts {
		k := chain.DevKey(i)
		c.accounts = append(c.accounts, k)
		alloc[common.Address(k.Address())] = types.Account{Balance: rich}
	}
	alloc[c.congester.from] = types.Account{Balance: rich}
	opts := []func(*node.Config, *ethconfig.Config){todaysForks}
	if o.BlockGasLimit > 0 {
		opts = append(opts, simulated.WithBlockGasLimit(o.BlockGasLimit))
	}
	if o.Dir != "" {
		opts = append(opts, persistOption(o.Dir))
	}
	sb, err := newBackend(alloc, opts)
	if err != nil {
		return nil, fmt.Errorf("sim: open the chain: %w", err)
	}
	c.sim = sb
	c.backend = &backend{Client: c.sim.Client(), kick: c.kick}
	if o.Dir != "" {
		if c.resumed, err = c.resume(); err != nil {
			c.sim.Close()
			return nil, fmt.Errorf("sim: the chain in %s does not resume (remove the directory for a new chain): %w", o.Dir, err)
		}
	}
	c.wg.Add(1)
	go c.mine()
	if err := c.setup(ctx, o); err != nil {
		c.Close()
		return nil, err
	}
	if o.ManualMining {
		c.stopMining()
	}
	return c, nil
}

func (c *Chain) setup(ctx context.Context, o Options) error {
	if c.resumed {
		base, err := chain.New(ctx, c.backend, nil, c.clientConfig(c.contracts))
		if err != nil {
			return fmt.Errorf("sim: %w", err)
		}
		c.base = base
		return nil
	}
	bond := o.Bond
	if bond == nil {
		bond = DevBond
	}
	sink := o.FeeSink
	if o.FeeBps != 0 && sink.IsZero() && o.Rewards == nil {
		sink = c.accounts[0].Address()
	}
	contracts, err := chain.Deploy(ctx, c.backend, c.accounts[0], chain.DeployOptions{WithdrawDelay: o.WithdrawDelay,
		Bond: bond, Lease: o.Lease, Grace: o.Grace, FeeBps: o.FeeBps, FeeSink: sink, Rewards: o.Rewards, Credits: o.Credits})
	if err != nil {
		return fmt.Errorf("sim: %w", err)
	}
	base, err := chain.New(ctx, c.backend, nil, c.clientConfig(contracts))
	if err != nil {
		return fmt.Errorf("sim: %w", err)
	}
	c.base, c.contracts = base, contracts
	if c.dir != "" {
		// Written after the deployment, whose blocks' hashes are recorded
		// as they are mined: a chain killed before this starts anew.
		if err := c.saveContracts(); err != nil {
			return fmt.Errorf("sim: %w", err)
		}
	}
	if o.USDC.Sign() <= 0 {
		return nil
	}
	// Mint concurrently: the nonce sequence keeps them apart and they share blocks.
	deployer := c.Client(c.accounts[0])
	errs := make([]error, len(c.accounts))
	var wg sync.WaitGroup
	for i, k := range c.accounts {
		wg.Go(func() { _, errs[i] = deployer.MintUSDC(ctx, k.Address(), o.USDC) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sim: %w", err)
	}
	return nil
}

// clientConfig is the configuration of the Chain's clients.
func (c *Chain) clientConfig(ct chain.Contracts) chain.Config {
	// A dev chain answers in milliseconds: poll receipts accordingly.
	return chain.Config{Contracts: ct, PollInterval: 2 * time.Millisecond, MaxPollInterval: 100 * time.Millisecond}
}

// Resumed reports whether the chain was reopened from Options.Dir rather
// than made new.
func (c *Chain) Resumed() bool { return c.resumed }

// mine produces a block whenever transactions arrive, until done closes. A
// slow tick also mines anything that arrived unannounced.
func (c *Chain) mine() {
	defer c.wg.Done()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	pending, _ := c.sim.Client().(interface {
		PendingTransactionCount(context.Context) (uint, error)
	})
	for {
		select {
		case <-c.done:
			return
		case <-c.kick:
		case <-tick.C:
			if pending == nil {
				continue
			}
			if n, err := pending.PendingTransactionCount(context.Background()); err != nil || n == 0 {
				continue
			}
		}
		c.Commit()
	}
}

func (c *Chain) stopMining() {
	c.stop.Do(func() { close(c.done) })
	c.wg.Wait()
}

// Commit mines a block with the pending transactions.
func (c *Chain) Commit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.saveHead(c.sim.Commit())
}

// AdjustTime moves the chain's clock forward by d (whole seconds), mining
// the pending transactions first and then an empty block at the new time.
func (c *Chain) AdjustTime(d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.saveHead(c.sim.Commit())
	if err := c.sim.AdjustTime(d); err != nil {
		return fmt.Errorf("sim: adjust time: %w", err)
	}
	c.saveCurrentHead()
	return nil
}

// Client returns a Client signing with k (nil: read-only). Clients of one
// Chain share nonce sequences, so any number may send concurrently.
func (c *Chain) Client(k *chain.Key) *chain.Client { return c.base.As(k) }

// Accounts are the prefunded dev keys, chain.DevKey(0) first; it deployed
// the contracts.
func (c *Chain) Accounts() []*chain.Key { return c.accounts }

// Contracts are the deployed contracts' addresses.
func (c *Chain) Contracts() chain.Contracts { return c.contracts }

// Backend is the go-ethereum client that the Chain's Clients use, for
// what they do not offer (raw transactions, nonces, headers, the
// transaction pool) and for chain.New and chain.Deploy. A transaction sent
// through it is mined as soon as a Client's would be.
func (c *Chain) Backend() simulated.Client { return c.backend }

// Close stops the chain.
func (c *Chain) Close() error {
	c.stopMining()
	c.mu.Lock()
	err := c.headErr
	if c.heads != nil {
		err = errors.Join(err, c.heads.Close())
		c.heads = nil
	}
	c.mu.Unlock()
	return errors.Join(err, c.sim.Close())
}

// FundEther sends wei of ether from chain.DevKey(0) to account and waits
// until it is mined, so keys the genesis did not fund (such as the
// well-known Anvil account that `--key dev` selects) can pay for gas.
func (c *Chain) FundEther(ctx context.Context, account wf.Address, wei *big.Int) error {
	if _, err := c.Client(c.accounts[0]).SendEther(ctx, account, wei); err != nil {
		return fmt.Errorf("sim: fund: %w", err)
	}
	// The transaction pool catches up with a new block on a background
	// goroutine, so a transaction the funded account sends at once could
	// still be checked against its old balance of 0 ("insufficient funds",
	// seen in CI). Mining one more block first waits for that catch-up:
	// go-ethereum's simulated beacon syncs the pool before each block.
	c.Commit()
	return nil
}

// backend announces each sent transaction to the block producer.
type backend struct {
	simulated.Client
	kick chan struct{}
}

func (b *backend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := b.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	select {
	case b.kick <- struct{}{}:
	default:
	}
	return nil
}

var (
	_ chain.Backend    = (*backend)(nil)
	_ simulated.Client = (*backend)(nil)
)

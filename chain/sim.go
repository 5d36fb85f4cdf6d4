package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// SimOptions configures NewSimulated. The zero value is a useful dev chain.
type SimOptions struct {
	// Accounts is the number of prefunded dev accounts (DevKey(0) ...).
	// Default 10.
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
}

// Simulated is an embedded development chain: go-ethereum's simulated
// backend running real contracts in-process, with the Registry, Escrow and
// MockUSDC deployed and dev accounts funded with ether and USDC.
//
// It runs the fork rules of Ethereum mainnet today (Osaka), not every
// future fork go-ethereum knows of, so gas figures measured on it are
// realistic. Its chain id is 1337. Close it when done.
type Simulated struct {
	sim       *simulated.Backend
	base      *Client
	accounts  []*Key
	contracts Contracts

	mu   sync.Mutex // serialises block production
	kick chan struct{}
	done chan struct{}
	stop sync.Once
	wg   sync.WaitGroup
}

// DevKey is the i-th deterministic development key: the private key is
// keccak256("webfunctions dev account <i>"). Everyone can compute it, so it
// must hold nothing of value outside a dev chain.
func DevKey(i int) *Key {
	pk, err := crypto.ToECDSA(crypto.Keccak256([]byte("webfunctions dev account " + strconv.Itoa(i))))
	if err != nil {
		panic(err) // a keccak output is a valid key with overwhelming probability
	}
	return &Key{pk: pk}
}

// NewSimulated starts a development chain and deploys the contracts from
// DevKey(0).
func NewSimulated(ctx context.Context, o SimOptions) (*Simulated, error) {
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
	alloc := types.GenesisAlloc{}
	s := &Simulated{kick: make(chan struct{}, 1), done: make(chan struct{})}
	for i := range o.Accounts {
		k := DevKey(i)
		s.accounts = append(s.accounts, k)
		alloc[common.Address(k.Address())] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1_000_000), ether)}
	}
	opts := []func(*node.Config, *ethconfig.Config){todaysForks}
	if o.BlockGasLimit > 0 {
		opts = append(opts, simulated.WithBlockGasLimit(o.BlockGasLimit))
	}
	s.sim = simulated.NewBackend(alloc, opts...)
	backend := &simBackend{Client: s.sim.Client(), kick: s.kick}
	id, err := backend.ChainID(ctx)
	if err != nil {
		s.sim.Close()
		return nil, fmt.Errorf("chain: simulated chain id: %w", err)
	}
	// A dev chain answers in milliseconds: poll receipts accordingly.
	s.base = newClient(backend, id, nil, Config{PollInterval: 2 * time.Millisecond, MaxPollInterval: 100 * time.Millisecond})
	s.wg.Add(1)
	go s.mine()
	if err := s.setup(ctx, o); err != nil {
		s.Close()
		return nil, err
	}
	if o.ManualMining {
		s.stopMining()
	}
	return s, nil
}

func (s *Simulated) setup(ctx context.Context, o SimOptions) error {
	deployer := s.base.As(s.accounts[0])
	contracts, err := deployer.deploy(ctx, DeployOptions{WithdrawDelay: o.WithdrawDelay})
	if err != nil {
		return err
	}
	s.contracts = contracts
	s.base.contracts = contracts
	if o.USDC.Sign() <= 0 {
		return nil
	}
	// Mint concurrently: the nonce sequence keeps them apart and they share blocks.
	errs := make([]error, len(s.accounts))
	var wg sync.WaitGroup
	for i, k := range s.accounts {
		wg.Go(func() { _, errs[i] = deployer.MintUSDC(ctx, k.Address(), o.USDC) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// todaysForks replaces the simulated backend's genesis rules, which switch
// on every fork go-ethereum knows (including unscheduled ones that reprice
// storage), with mainnet's current rules: everything up to Osaka.
func todaysForks(_ *node.Config, ec *ethconfig.Config) {
	cfg := *params.AllDevChainProtocolChanges
	cfg.AmsterdamTime = nil
	cfg.BogotaTime = nil
	cfg.UBTTime = nil
	ec.Genesis.Config = &cfg
}

// mine produces a block whenever transactions arrive, until done closes. A
// slow tick also mines anything that arrived unannounced.
func (s *Simulated) mine() {
	defer s.wg.Done()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	pending, _ := s.sim.Client().(interface {
		PendingTransactionCount(context.Context) (uint, error)
	})
	for {
		select {
		case <-s.done:
			return
		case <-s.kick:
		case <-tick.C:
			if pending == nil {
				continue
			}
			if n, err := pending.PendingTransactionCount(context.Background()); err != nil || n == 0 {
				continue
			}
		}
		s.Commit()
	}
}

func (s *Simulated) stopMining() {
	s.stop.Do(func() { close(s.done) })
	s.wg.Wait()
}

// Commit mines a block with the pending transactions.
func (s *Simulated) Commit() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sim.Commit()
}

// AdjustTime moves the chain's clock forward by d (whole seconds), mining
// the pending transactions first and then an empty block at the new time.
func (s *Simulated) AdjustTime(d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sim.Commit()
	if err := s.sim.AdjustTime(d); err != nil {
		return fmt.Errorf("chain: adjust time: %w", err)
	}
	return nil
}

// Client returns a Client signing with k (nil: read-only). Clients of one
// Simulated share nonce sequences, so any number may send concurrently.
func (s *Simulated) Client(k *Key) *Client { return s.base.As(k) }

// Accounts are the prefunded dev keys, DevKey(0) first; DevKey(0) deployed
// the contracts.
func (s *Simulated) Accounts() []*Key { return s.accounts }

// Contracts are the deployed contracts' addresses.
func (s *Simulated) Contracts() Contracts { return s.contracts }

// Close stops the chain.
func (s *Simulated) Close() error {
	s.stopMining()
	return s.sim.Close()
}

// simBackend announces each sent transaction to the block producer.
type simBackend struct {
	simulated.Client
	kick chan struct{}
}

func (b *simBackend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := b.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	select {
	case b.kick <- struct{}{}:
	default:
	}
	return nil
}

var _ Backend = (*simBackend)(nil)

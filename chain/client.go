package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// Backend is what a Client needs from a chain: an ethclient.Client, or the
// embedded development chain's (chain/sim).
type Backend interface {
	bind.ContractBackend
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
	ChainID(ctx context.Context) (*big.Int, error)
}

// Contracts are the deployed addresses a Client works with.
type Contracts struct {
	Token    wf.Address `json:"token"`    // the USDC-like ERC-20 the escrow holds
	Registry wf.Address `json:"registry"` // provider registry
	Escrow   wf.Address `json:"escrow"`   // payment escrow
	// Rewards is the rewards pool deployed with the escrow as its fee sink
	// (DeployOptions.Rewards), if one was.
	Rewards wf.Address `json:"rewards,omitzero"`
	// Credits is the trial credits contract deployed with them
	// (DeployOptions.Credits), if one was.
	Credits wf.Address `json:"credits,omitzero"`
}

// Config configures a Client. Only Contracts is required.
type Config struct {
	Contracts Contracts

	// PollInterval is the first wait before asking again for a receipt; it
	// grows by half each time up to MaxPollInterval. Defaults: 10 ms and 1 s,
	// so a transaction on a dev chain is seen within milliseconds and one on
	// a 12 s chain costs about 20 requests.
	PollInterval    time.Duration
	MaxPollInterval time.Duration

	// Quorum says how the reads of a Client dialled with several
	// endpoints (DialEndpoints) are checked against each other.
	Quorum QuorumOptions
}

// ErrNoKey is returned by transaction methods of a read-only Client.
var ErrNoKey = errors.New("chain: client has no key to sign with")

// Client calls the WebFunctions contracts as one account. It is safe for
// concurrent use. Clients made with As share the connection and, per
// account, the nonce sequence.
type Client struct {
	*conn
	key *Key // nil: read-only
}

// conn is what Clients for different keys share.
type conn struct {
	backend   Backend
	chainID   *big.Int
	contracts Contracts
	poll      [2]time.Duration
	close     func() error

	registry *bindings.Registry
	escrow   *bindings.Escrow
	token    *bindings.MockUSDC

	mu     sync.Mutex
	nonces map[wf.Address]*nonceSeq
}

// Dial connects to the JSON-RPC endpoint at rpcURL (http, https, ws, wss or
// an IPC path) and checks that cfg.Contracts are deployed there. key may be
// nil for a read-only client. Close the client to close the connection.
func Dial(ctx context.Context, rpcURL string, key *Key, cfg Config) (*Client, error) {
	ec, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return nil, fmt.Errorf("chain: dial %s: %w", rpcURL, err)
	}
	c, err := New(ctx, ec, key, cfg)
	if err != nil {
		ec.Close()
		return nil, err
	}
	c.close = func() error { ec.Close(); return nil }
	return c, nil
}

// DialEndpoints is Dial over one or more endpoints of the same chain. With
// more than one, reads are checked across them (Quorum, cfg.Quorum) and
// transactions go to the first.
func DialEndpoints(ctx context.Context, urls []string, key *Key, cfg Config) (*Client, error) {
	if len(urls) == 1 {
		return Dial(ctx, urls[0], key, cfg)
	}
	q, err := DialQuorum(ctx, urls, cfg.Quorum)
	if err != nil {
		return nil, err
	}
	c, err := New(ctx, q, key, cfg)
	if err != nil {
		q.Close()
		return nil, err
	}
	c.close = func() error { q.Close(); return nil }
	return c, nil
}

// New makes a Client on an existing backend and checks that cfg.Contracts
// are deployed there. Closing the Client does not close backend.
func New(ctx context.Context, backend Backend, key *Key, cfg Config) (*Client, error) {
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain: chain id: %w", err)
	}
	for _, a := range []struct {
		name string
		addr wf.Address
	}{{"token", cfg.Contracts.Token}, {"registry", cfg.Contracts.Registry}, {"escrow", cfg.Contracts.Escrow}} {
		if a.addr.IsZero() {
			return nil, fmt.Errorf("%w: chain: no %s contract address", wf.ErrInvalid, a.name)
		}
		code, err := backend.CodeAt(ctx, common.Address(a.addr), nil)
		if err != nil {
			return nil, fmt.Errorf("chain: check %s contract: %w", a.name, err)
		}
		if len(code) == 0 {
			return nil, fmt.Errorf("%w: chain: no %s contract at %s on chain %s", wf.ErrInvalid, a.name, a.addr.Checksum(), id)
		}
	}
	return newClient(backend, id, key, cfg), nil
}

func newClient(backend Backend, chainID *big.Int, key *Key, cfg Config) *Client {
	p := [2]time.Duration{cfg.PollInterval, cfg.MaxPollInterval}
	if p[0] <= 0 {
		p[0] = 10 * time.Millisecond
	}
	if p[1] <= 0 {
		p[1] = time.Second
	}
	if p[1] < p[0] {
		p[1] = p[0]
	}
	return &Client{key: key, conn: &conn{
		backend:   backend,
		chainID:   chainID,
		contracts: cfg.Contracts,
		poll:      p,
		registry:  bindings.NewRegistry(),
		escrow:    bindings.NewEscrow(),
		token:     bindings.NewMockUSDC(),
		nonces:    make(map[wf.Address]*nonceSeq),
	}}
}

// As returns a Client for key on the same connection.
func (c *Client) As(key *Key) *Client { return &Client{conn: c.conn, key: key} }

// Close closes the connection if the Client opened it (Dial). Clients made
// with As share it.
func (c *Client) Close() error {
	if c.close != nil {
		return c.close()
	}
	return nil
}

// Address is the account the Client signs as; the zero Address for a
// read-only Client.
func (c *Client) Address() wf.Address {
	if c.key == nil {
		return wf.Address{}
	}
	return c.key.Address()
}

// ChainID is the chain's EIP-155 id.
func (c *Client) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// Contracts are the addresses the Client works with.
func (c *Client) Contracts() Contracts { return c.contracts }

// Hash is a transaction hash.
type Hash [32]byte

func (h Hash) String() string { return common.Hash(h).Hex() }

// Receipt tells where and at what cost a transaction was mined.
type Receipt struct {
	TxHash  Hash
	Block   uint64
	GasUsed uint64
}

// call runs a read-only call against the latest block.
func (c *conn) call(ctx context.Context, to wf.Address, data []byte, what string) ([]byte, error) {
	addr := common.Address(to)
	out, err := c.backend.CallContract(ctx, ethereum.CallMsg{To: &addr, Data: data}, nil)
	if err != nil {
		return nil, callError(what, err)
	}
	return out, nil
}

// transact sends a transaction calling to with data and waits for it to be
// mined. A transaction that would revert fails before it is sent, with the
// decoded reason, and uses no nonce.
func (c *Client) transact(ctx context.Context, to wf.Address, data []byte, what string) (Receipt, error) {
	addr := common.Address(to)
	r, err := c.sendAndWait(ctx, &addr, nil, data, what)
	if r == nil {
		return Receipt{}, err
	}
	return Receipt{TxHash: Hash(r.TxHash), Block: r.BlockNumber.Uint64(), GasUsed: r.GasUsed}, err
}

// SendEther sends wei of the chain's native currency from the Client's
// account to to and waits until the transfer is mined, for instance to give
// a fresh key what it needs to pay for gas.
func (c *Client) SendEther(ctx context.Context, to wf.Address, wei *big.Int) (Receipt, error) {
	if err := amount("ether", wei, 256); err != nil {
		return Receipt{}, err
	}
	addr := common.Address(to)
	r, err := c.sendAndWait(ctx, &addr, wei, nil, "send ether to "+to.Checksum())
	if r == nil {
		return Receipt{}, err
	}
	return Receipt{TxHash: Hash(r.TxHash), Block: r.BlockNumber.Uint64(), GasUsed: r.GasUsed}, err
}

// sendAndWait sends a transaction with value wei (nil: none) and data to to
// (nil: create a contract) and waits for its receipt. A receipt comes back
// with the error of a reverted one.
func (c *Client) sendAndWait(ctx context.Context, to *common.Address, value *big.Int, data []byte, what string) (*types.Receipt, error) {
	if c.key == nil {
		return nil, fmt.Errorf("chain: %s: %w", what, ErrNoKey)
	}
	msg, gas, fees, err := c.prepare(ctx, to, value, data, what)
	if err != nil {
		return nil, err
	}
	tx, err := c.nonceSeq(wf.Address(msg.From)).send(ctx, c.backend, msg.From, func(nonce uint64) (*types.Transaction, error) {
		return c.signTx(nonce, to, value, data, gas, fees)
	})
	if err != nil {
		return nil, fmt.Errorf("chain: %s: send: %w", what, err)
	}
	r, err := c.waitMined(ctx, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("chain: %s: tx %s: %w", what, tx.Hash().Hex(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("chain: %s: tx %s: %w", what, tx.Hash().Hex(), c.replayRevert(ctx, msg, r.BlockNumber))
	}
	return r, nil
}

// replayRevert finds why a mined transaction reverted by running it again:
// on the state after its block (which includes the transactions before it
// that made it fail), then on the state before. The reason can still be lost;
// the error matches ErrReverted either way.
func (c *conn) replayRevert(ctx context.Context, msg ethereum.CallMsg, block *big.Int) error {
	for _, at := range []*big.Int{block, new(big.Int).Sub(block, common.Big1)} {
		if _, err := c.backend.CallContract(ctx, msg, at); err != nil {
			if re := asRevert(err); re != nil {
				return re
			}
		}
	}
	return &RevertError{msg: "transaction reverted"}
}

// prepare prices a transaction from the Client's key sending value (nil:
// none) and data to to: the call it makes (to replay a revert), its gas
// with headroom, and its fees. A call that would revert fails here, with
// the decoded reason.
func (c *Client) prepare(ctx context.Context, to *common.Address, value *big.Int, data []byte, what string) (ethereum.CallMsg, uint64, fees, error) {
	msg := ethereum.CallMsg{From: common.Address(c.key.Address()), To: to, Value: value, Data: data}
	gas, err := c.backend.EstimateGas(ctx, msg)
	if err != nil {
		return msg, 0, fees{}, callError(what, err)
	}
	// Headroom for state that changes between estimate and inclusion (a
	// storage slot going from zero to non-zero costs 20k more).
	gas += gas/4 + 25_000
	f, err := c.fees(ctx)
	if err != nil {
		return msg, 0, fees{}, fmt.Errorf("chain: %s: %w", what, err)
	}
	return msg, gas, f, nil
}

// signTx signs a transaction from the Client's key.
func (c *Client) signTx(nonce uint64, to *common.Address, value *big.Int, data []byte, gas uint64, f fees) (*types.Transaction, error) {
	var inner types.TxData
	if f.legacy {
		inner = &types.LegacyTx{Nonce: nonce, GasPrice: f.feeCap, Gas: gas, To: to, Value: value, Data: data}
	} else {
		inner = &types.DynamicFeeTx{ChainID: c.chainID, Nonce: nonce, GasTipCap: f.tip, GasFeeCap: f.feeCap, Gas: gas, To: to, Value: value, Data: data}
	}
	return types.SignNewTx(c.key.pk, types.LatestSignerForChainID(c.chainID), inner)
}

// fees are what a transaction offers per unit of gas: an EIP-1559 tip and
// fee cap, or (legacy) a gas price in feeCap.
type fees struct {
	legacy      bool
	tip, feeCap *big.Int
}

// fees prices a transaction: the suggested tip plus twice the current base
// fee, which stays valid through six full blocks of base-fee increases.
func (c *conn) fees(ctx context.Context) (fees, error) {
	head, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return fees{}, fmt.Errorf("latest header: %w", err)
	}
	return c.feesAt(ctx, head)
}

// feesAt is fees with head as the latest block.
func (c *conn) feesAt(ctx context.Context, head *types.Header) (fees, error) {
	if head.BaseFee == nil {
		price, err := c.backend.SuggestGasPrice(ctx)
		if err != nil {
			return fees{}, fmt.Errorf("gas price: %w", err)
		}
		return fees{legacy: true, feeCap: price}, nil
	}
	tip, err := c.backend.SuggestGasTipCap(ctx)
	if err != nil {
		return fees{}, fmt.Errorf("gas tip: %w", err)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	return fees{tip: tip, feeCap: feeCap}, nil
}

func (c *conn) nonceSeq(a wf.Address) *nonceSeq {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.nonces[a]
	if n == nil {
		n = new(nonceSeq)
		c.nonces[a] = n
	}
	return n
}

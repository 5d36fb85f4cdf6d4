package chain

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// What the external tests (package chain_test, which run on chain/sim)
// reach inside the package for.

var (
	Transact   = (*Client).transact
	Call       = (*Client).call
	WaitMined  = (*Client).waitMined
	SignedTxOf = signedTx
)

// FeeCap is the fee cap c offers a new transaction now.
func FeeCap(c *Client, ctx context.Context) (*big.Int, error) {
	f, err := c.fees(ctx)
	return f.feeCap, err
}

// SignTx signs, as c, a transaction with nonce to to carrying nothing,
// with a gas limit and EIP-1559 fees.
func SignTx(c *Client, nonce uint64, to common.Address, gas uint64, tip, feeCap *big.Int) (*types.Transaction, error) {
	return c.signTx(nonce, &to, nil, nil, gas, fees{tip: tip, feeCap: feeCap})
}

// ResolverHas reports whether r's cache holds name.
func ResolverHas(r *Resolver, name string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	_, ok := r.byName[name]
	return ok
}

package chain

import (
	"context"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/wf"
)

// EtherBalance returns account's ether balance in wei at the latest
// block, through one endpoint; a client reading through several (Quorum)
// cannot say.
func (c *Client) EtherBalance(ctx context.Context, account wf.Address) (*big.Int, error) {
	type balancer interface {
		BalanceAt(ctx context.Context, a common.Address, block *big.Int) (*big.Int, error)
	}
	b, ok := c.backend.(balancer) // an ethclient or the embedded chain; not a Quorum
	if !ok {
		return nil, errors.New("chain: this connection cannot read ether balances")
	}
	return b.BalanceAt(ctx, common.Address(account), nil)
}

package chain

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/wf"
)

// TransferToken sends amt of the escrow's token (USDC base units) from
// the client's key to to: an ERC-20 transfer, which any USDC-like token
// has, so it works for the real token as for the dev MockUSDC.
func (c *Client) TransferToken(ctx context.Context, to wf.Address, amt *big.Int) (Receipt, error) {
	if err := amount("transfer", amt, 256); err != nil {
		return Receipt{}, err
	}
	return c.transact(ctx, c.contracts.Token, c.token.PackTransfer(common.Address(to), amt), "transfer tokens to "+to.Checksum())
}

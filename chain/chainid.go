package chain

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/ethclient"
)

// ChainIDAt asks the JSON-RPC endpoint at rpcURL which chain it serves,
// before any contract is known: how a deployment is looked up by chain id.
func ChainIDAt(ctx context.Context, rpcURL string) (uint64, error) {
	ec, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return 0, fmt.Errorf("chain: dial %s: %w", rpcURL, err)
	}
	defer ec.Close()
	id, err := ec.ChainID(ctx)
	if err != nil {
		return 0, fmt.Errorf("chain: chain id at %s: %w", rpcURL, err)
	}
	if !id.IsUint64() {
		return 0, fmt.Errorf("chain: chain id %s at %s is out of range", id, rpcURL)
	}
	return id.Uint64(), nil
}

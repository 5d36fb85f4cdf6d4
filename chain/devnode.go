package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/webfunctions/wf/wf"
)

// FundFromNode sends wei from the node's own first account (eth_accounts)
// to each address in to, with eth_sendTransaction, and waits until the
// transfers are mined. Only a development node (geth --dev) has such an
// unlocked, funded account; this is how tests and scripts give ether to
// fresh keys there.
func FundFromNode(ctx context.Context, rpcURL string, wei *big.Int, to ...wf.Address) error {
	rc, err := rpc.DialContext(ctx, rpcURL)
	if err != nil {
		return fmt.Errorf("chain: dial %s: %w", rpcURL, err)
	}
	defer rc.Close()
	var accounts []common.Address
	if err := rc.CallContext(ctx, &accounts, "eth_accounts"); err != nil {
		return fmt.Errorf("chain: node accounts: %w", err)
	}
	if len(accounts) == 0 {
		return fmt.Errorf("chain: the node at %s has no account of its own to fund from (is it geth --dev?)", rpcURL)
	}
	ec := ethclient.NewClient(rc)
	id, err := ec.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("chain: chain id: %w", err)
	}
	c := newClient(ec, id, nil, Config{})
	// Sent one by one, then waited for: the node assigns nonces to its own
	// account. geth --dev can hand out a nonce its pool still holds while it
	// mines a block ("replacement transaction underpriced"): ask again.
	// (Waiting for each transfer before the next does not work: geth --dev
	// can leave a lone transaction unmined until another arrives.)
	hashes := make([]common.Hash, 0, len(to))
	for _, a := range to {
		var h common.Hash
		tx := map[string]any{"from": accounts[0], "to": common.Address(a), "value": (*hexutil.Big)(wei)}
		for attempt := 0; ; attempt++ {
			err := rc.CallContext(ctx, &h, "eth_sendTransaction", tx)
			if err == nil {
				break
			}
			if !isNonceError(err) || attempt == 20 {
				return fmt.Errorf("chain: fund %s: %w", a.Checksum(), err)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
		hashes = append(hashes, h)
	}
	for i, h := range hashes {
		r, err := c.waitMined(ctx, h)
		if err != nil {
			return fmt.Errorf("chain: fund %s: %w", to[i].Checksum(), err)
		}
		if r.Status != 1 {
			return fmt.Errorf("chain: fund %s: transfer %s failed", to[i].Checksum(), h.Hex())
		}
	}
	return nil
}

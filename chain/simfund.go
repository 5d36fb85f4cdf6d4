package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/webfunctions/wf/wf"
)

// FundEther sends wei of ether from DevKey(0) to account and waits until
// it is mined, so keys the genesis did not fund (such as the well-known
// Anvil account that `--key dev` selects) can pay for gas on the dev chain.
func (s *Simulated) FundEther(ctx context.Context, account wf.Address, wei *big.Int) error {
	c := s.Client(s.accounts[0])
	from, to := common.Address(c.Address()), common.Address(account)
	what := "fund " + account.Checksum()
	gas, err := c.backend.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &to, Value: wei})
	if err != nil {
		return callError(what, err)
	}
	fees, err := c.fees(ctx)
	if err != nil {
		return fmt.Errorf("chain: %s: %w", what, err)
	}
	tx, err := c.nonceSeq(wf.Address(from)).send(ctx, c.backend, from, func(nonce uint64) (*types.Transaction, error) {
		return c.signTx(nonce, &to, wei, nil, gas, fees)
	})
	if err != nil {
		return fmt.Errorf("chain: %s: %w", what, err)
	}
	if _, err := c.waitMined(ctx, tx.Hash()); err != nil {
		return fmt.Errorf("chain: %s: %w", what, err)
	}
	// The transaction pool catches up with a new block on a background
	// goroutine, so a transaction the funded account sends at once could
	// still be checked against its old balance of 0 ("insufficient funds",
	// seen in CI). Mining one more block first waits for that catch-up:
	// go-ethereum's simulated beacon syncs the pool before each block.
	s.Commit()
	return nil
}

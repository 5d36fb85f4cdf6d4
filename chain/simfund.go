package chain

import (
	"context"
	"math/big"

	"github.com/webfunctions/wf/wf"
)

// FundEther sends wei of ether from DevKey(0) to account and waits until
// it is mined, so keys the genesis did not fund (such as the well-known
// Anvil account that `--key dev` selects) can pay for gas on the dev chain.
func (s *Simulated) FundEther(ctx context.Context, account wf.Address, wei *big.Int) error {
	if _, err := s.Client(s.accounts[0]).SendEther(ctx, account, wei); err != nil {
		return err
	}
	// The transaction pool catches up with a new block on a background
	// goroutine, so a transaction the funded account sends at once could
	// still be checked against its old balance of 0 ("insufficient funds",
	// seen in CI). Mining one more block first waits for that catch-up:
	// go-ethereum's simulated beacon syncs the pool before each block.
	s.Commit()
	return nil
}

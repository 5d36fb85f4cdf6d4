package chain

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/webfunctions/wf/wf"
)

// Congest mines blocks that transactions of DevKey(0) fill to the gas
// limit, tipping 100 gwei and a wei more each block so they go before
// anything else pending. Each
// full block raises the base fee of the next by 12.5%, so after n of them
// the base fee is 1.125^(n-1) times that of the first (which fell by 12.5%
// if the block before it was empty), and the other pending transactions
// wait: what a fee spike looks like to a sender. No other block is mined
// meanwhile; with automatic mining, pending transactions that still pay
// enough are mined right after.
func (s *Simulated) Congest(ctx context.Context, blocks int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.Client(s.accounts[0])
	from := common.Address(c.Address())
	// Transfers to itself with calldata of non-zero bytes, up to a
	// transaction well within the pools' 128 KiB limit. Each must use all
	// the gas it asks for, or a block has room left: under EIP-7623 (Prague)
	// such calldata costs its floor price, 10 gas a token, 4 tokens a byte.
	const (
		base    = 21_000
		perByte = 40
		chunk   = 100_000
	)
	data := bytes.Repeat([]byte{0xff}, chunk)
	for i := range blocks {
		// A wei more than the block before: a replacement priced by the
		// tips of past blocks still goes after these.
		tip := big.NewInt(100_000_000_000 + int64(i))
		head, err := c.backend.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("chain: congest: %w", err)
		}
		f := fees{tip: tip, feeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))}
		// Transactions whose gas limits add up to the block's, each using
		// what it asks for, so nothing else fits.
		left := head.GasLimit
		var last *types.Transaction
		for left >= base {
			n := min(uint64(chunk), (left-base)/perByte)
			gas := base + n*perByte
			last, err = c.nonceSeq(wf.Address(from)).send(ctx, c.backend, from, func(nonce uint64) (*types.Transaction, error) {
				return c.signTx(nonce, &from, nil, data[:n], gas, f)
			})
			if err != nil {
				return fmt.Errorf("chain: congest: %w", err)
			}
			left -= gas
		}
		// The pool makes a transaction it took minable in the background;
		// the block is built from those that are.
		for {
			n, err := c.backend.PendingNonceAt(ctx, from)
			if err != nil {
				return fmt.Errorf("chain: congest: %w", err)
			}
			if n > last.Nonce() {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("chain: congest: %w", ctx.Err())
			case <-time.After(time.Millisecond):
			}
		}
		s.sim.Commit()
		mined, err := c.backend.HeaderByNumber(ctx, nil)
		if err != nil {
			return fmt.Errorf("chain: congest: %w", err)
		}
		if mined.GasUsed+perByte < mined.GasLimit {
			return fmt.Errorf("chain: congest: block %d used %d of %d gas", mined.Number, mined.GasUsed, mined.GasLimit)
		}
	}
	return nil
}

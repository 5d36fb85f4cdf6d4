package sim

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// congester is the account whose transactions fill Congest's blocks. It
// is funded in the genesis and is none of Accounts, so it shares no nonce
// sequence with Clients: Congest signs and numbers its transactions
// itself, while Clients of any dev account keep sending.
type congester struct {
	key  *ecdsa.PrivateKey
	from common.Address
}

func newCongester() *congester {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("webfunctions dev chain congestion")))
	if err != nil {
		panic(err) // a keccak output is a valid key with overwhelming probability
	}
	return &congester{key: k, from: crypto.PubkeyToAddress(k.PublicKey)}
}

// Congest mines blocks that transactions of an account of its own fill to
// the gas limit, tipping 100 gwei and a wei more each block so they go
// before anything else pending. Each full block raises the base fee of the
// next by 12.5%, so after n of them the base fee is 1.125^(n-1) times that
// of the first (which fell by 12.5% if the block before it was empty), and
// the other pending transactions wait: what a fee spike looks like to a
// sender. No other block is mined meanwhile; with automatic mining,
// pending transactions that still pay enough are mined right after.
func (c *Chain) Congest(ctx context.Context, blocks int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.congest(ctx, blocks); err != nil {
		return fmt.Errorf("sim: congest: %w", err)
	}
	return nil
}

func (c *Chain) congest(ctx context.Context, blocks int) error {
	b, from := c.backend, c.congester.from
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
	id, err := b.ChainID(ctx)
	if err != nil {
		return err
	}
	signer := types.LatestSignerForChainID(id)
	nonce, err := b.PendingNonceAt(ctx, from)
	if err != nil {
		return err
	}
	for i := range blocks {
		// A wei more than the block before: a replacement priced by the
		// tips of past blocks still goes after these.
		tip := big.NewInt(100_000_000_000 + int64(i))
		head, err := b.HeaderByNumber(ctx, nil)
		if err != nil {
			return err
		}
		feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		// Transactions whose gas limits add up to the block's, each using
		// what it asks for, so nothing else fits.
		for left := head.GasLimit; left >= base; {
			n := min(uint64(chunk), (left-base)/perByte)
			gas := base + n*perByte
			tx, err := types.SignNewTx(c.congester.key, signer, &types.DynamicFeeTx{
				ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: &from, Data: data[:n],
			})
			if err != nil {
				return err
			}
			if err := b.SendTransaction(ctx, tx); err != nil {
				return err
			}
			nonce++
			left -= gas
		}
		// The pool makes a transaction it took minable in the background;
		// the block is built from those that are.
		for {
			n, err := b.PendingNonceAt(ctx, from)
			if err != nil {
				return err
			}
			if n >= nonce {
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Millisecond):
			}
		}
		c.saveHead(c.sim.Commit())
		mined, err := b.HeaderByNumber(ctx, nil)
		if err != nil {
			return err
		}
		if mined.GasUsed+perByte < mined.GasLimit {
			return fmt.Errorf("block %d used %d of %d gas", mined.Number, mined.GasUsed, mined.GasLimit)
		}
	}
	return nil
}

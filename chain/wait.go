package chain

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// waitMined polls for the receipt of hash: first after poll[0], then at
// intervals growing by half up to poll[1], until ctx is done. (go-ethereum's
// bind.WaitMined polls once a second, which dominates the latency of a dev
// chain that mines in milliseconds.)
func (c *conn) waitMined(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	d := c.poll[0]
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
		r, err := c.backend.TransactionReceipt(ctx, hash)
		if err == nil {
			// A receipt can be visible before the node's head moves to its
			// block; calls and gas estimates run against the head, so wait
			// until they see this transaction's effects.
			if h, herr := c.backend.HeaderByNumber(ctx, nil); herr == nil && h.Number.Cmp(r.BlockNumber) >= 0 {
				return r, nil
			}
			t.Reset(c.poll[0])
			continue
		}
		if !notMinedYet(err) {
			return nil, err
		}
		d += d / 2
		d = min(d, c.poll[1])
		t.Reset(d)
	}
}

// notMinedYet reports a receipt lookup that found nothing: not found, or
// (a node still indexing transactions after a restart says so instead)
// not indexed yet. Both mean "ask again".
func notMinedYet(err error) bool {
	return errors.Is(err, ethereum.NotFound) || strings.Contains(err.Error(), "indexing is in progress")
}

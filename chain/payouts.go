package chain

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/wf"
)

// Payout is one payment out of a payer's escrow to a provider: a
// settlement of owner-paid requests, or a voucher redemption.
type Payout struct {
	Provider wf.Address
	Kind     string   // "settlement" or "voucher"
	Count    uint64   // requests settled; 0 for a voucher
	Amount   *big.Int // what the provider received
	Block    uint64
	Time     time.Time
	Tx       Hash
}

// Payouts reads what payer's escrow paid out over the last window blocks
// (the whole chain if it is shorter), newest first and at most limit of
// them. It reads logs in ranges RPC nodes accept.
func (c *Client) Payouts(ctx context.Context, payer wf.Address, window uint64, limit int) ([]Payout, error) {
	head, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: payouts: head: %w", err)
	}
	h := head.Number.Uint64()
	from := uint64(0)
	if h > window {
		from = h - window
	}
	ev := c.escrow.GetABI().Events
	settled, redeemed := ev["Settled"].ID, ev["VoucherRedeemed"].ID
	payerTopic := common.BytesToHash(common.Address(payer).Bytes())
	var out []Payout
	// Newest ranges first, so a long history stops early at limit.
	for to := h; ; {
		lo := from
		if to+1 > eventRange && to+1-eventRange > from {
			lo = to + 1 - eventRange
		}
		logs, err := c.backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(lo),
			ToBlock:   new(big.Int).SetUint64(to),
			Addresses: []common.Address{common.Address(c.contracts.Escrow)},
			Topics:    [][]common.Hash{{settled, redeemed}, {payerTopic}},
		})
		if err != nil {
			return nil, fmt.Errorf("chain: payouts: logs %d-%d: %w", lo, to, err)
		}
		var got []Payout
		for i := range logs {
			l := &logs[i]
			if l.Removed || len(l.Topics) == 0 {
				continue
			}
			p := Payout{Block: l.BlockNumber, Tx: Hash(l.TxHash)}
			switch l.Topics[0] {
			case settled:
				e, err := c.escrow.UnpackSettledEvent(l)
				if err != nil {
					return nil, fmt.Errorf("chain: payouts: %w", err)
				}
				p.Provider, p.Kind, p.Count, p.Amount = wf.Address(e.Provider), "settlement", e.Count, e.Amount
			case redeemed:
				e, err := c.escrow.UnpackVoucherRedeemedEvent(l)
				if err != nil {
					return nil, fmt.Errorf("chain: payouts: %w", err)
				}
				p.Provider, p.Kind, p.Amount = wf.Address(e.Provider), "voucher", e.Amount
			}
			got = append(got, p)
		}
		slices.Reverse(got)
		out = append(out, got...)
		if len(out) >= limit || lo == from {
			break
		}
		to = lo - 1
	}
	if len(out) > limit {
		out = out[:limit]
	}
	times := map[uint64]time.Time{}
	for i := range out {
		t, ok := times[out[i].Block]
		if !ok {
			hd, err := c.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(out[i].Block))
			if err != nil {
				return nil, fmt.Errorf("chain: payouts: block %d: %w", out[i].Block, err)
			}
			t = time.Unix(int64(hd.Time), 0)
			times[out[i].Block] = t
		}
		out[i].Time = t
	}
	return out, nil
}

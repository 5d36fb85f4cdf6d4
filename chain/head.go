package chain

import (
	"context"
	"fmt"
	"time"
)

// HeadTime is the timestamp of the chain's latest block: the clock that
// withdrawal delays and voucher expiries are checked against, which on a
// dev chain can run ahead of the wall clock.
func (c *Client) HeadTime(ctx context.Context) (time.Time, error) {
	h, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return time.Time{}, fmt.Errorf("chain: latest header: %w", err)
	}
	return time.Unix(int64(h.Time), 0), nil
}

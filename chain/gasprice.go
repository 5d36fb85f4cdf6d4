package chain

import (
	"context"
	"math/big"
)

// GasPrice is the most a transaction sent now offers per unit of gas: the
// fee cap transactions of this client use (the suggested tip plus twice
// the base fee), or the gas price on a chain without a base fee. What a
// settlement costs at most is its gas times this.
func (c *Client) GasPrice(ctx context.Context) (*big.Int, error) {
	f, err := c.fees(ctx)
	if err != nil {
		return nil, err
	}
	return new(big.Int).Set(f.feeCap), nil
}

package client

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/webfunctions/wf/wf"
)

// FunctionStats are a function's traffic figures on one provider since it
// started, for the function's owner (GET /v1/stats/{cid};
// provider.FunctionStats is the server's side).
type FunctionStats struct {
	Function        wf.CID            `json:"function"`
	Since           time.Time         `json:"since"`
	Requests        uint64            `json:"requests"` // runs and refusals
	Errors          uint64            `json:"errors"`   // runs answering 5xx
	Refused         uint64            `json:"refused"`  // 402 and 429 before running
	ByStatus        map[string]uint64 `json:"byStatus"`
	Latency         LatencyStats      `json:"latency"`
	ChargedRequests uint64            `json:"chargedRequests"`
	ChargedAmount   wf.Amount         `json:"chargedAmount"` // token base units
}

// LatencyStats summarise run times in milliseconds; quantiles are
// histogram bucket bounds.
type LatencyStats struct {
	Count  uint64            `json:"count"`
	MeanMS float64           `json:"meanMs"`
	P50MS  float64           `json:"p50Ms"`
	P90MS  float64           `json:"p90Ms"`
	P99MS  float64           `json:"p99Ms"`
	MaxMS  float64           `json:"maxMs"`
	Bucket map[string]uint64 `json:"buckets"`
}

// Stats reads fn's traffic figures on the provider, signed by its owner
// as a log read is (for the address the provider's /v1/info states; see
// Logs and LogsFrom for why a trusted address is better).
func (c *Client) Stats(ctx context.Context, fn wf.CID, owner wf.Signer) (*FunctionStats, error) {
	info, err := c.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	expires := time.Now().Add(LogsWindow).Unix()
	sig, err := owner.Sign(wf.LogsRequest{Function: fn, Provider: info.Address, Expires: expires})
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	var delegation []byte
	if d, ok := owner.(Delegated); ok {
		delegation = d.Delegation()
	}
	req, err := signedRead(ctx, c.BaseURL+"/v1/stats/"+fn.String(), info.Address, expires, sig, delegation)
	if err != nil {
		return nil, err
	}
	var st FunctionStats
	if err := c.do(req, http.StatusOK, &st); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	return &st, nil
}

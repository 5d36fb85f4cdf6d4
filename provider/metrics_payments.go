package provider

import (
	"context"
	"math/big"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// PaymentStats is what a paid node has charged and settled, read when
// /metrics is scraped (Config.PaymentStats). Amounts are in token base
// units (USDC has 6 decimals); nil amounts count as zero.
type PaymentStats struct {
	Charged, Pending, Settled, Stranded Tally
	// Settlements counts settlement transactions mined, Failures those
	// aborted (their charges went back to pending), FeeBumps the
	// replacements of a stuck transaction with one paying more.
	Settlements, Failures, FeeBumps uint64
	// GasUsed is the gas of every settlement mined.
	GasUsed uint64
	// LastSettled is when the latest settlement was recorded as mined
	// (zero: never).
	LastSettled time.Time
	// Balance is the node key's ether (wei) left for gas, nil if unknown.
	Balance *big.Int
}

// Tally is a number of requests and what they came to.
type Tally struct {
	Count  uint64
	Amount *big.Int
}

// paymentCollector turns PaymentStats into metrics at each scrape, reading
// them at most once a second so that a busy scraper cannot turn into a
// stream of ledger and chain reads.
type paymentCollector struct {
	read func(context.Context) (PaymentStats, error)

	mu   sync.Mutex
	at   time.Time
	last PaymentStats
	ok   bool
}

var (
	payCount  = prometheus.NewDesc("wf_payment_requests", "Paid requests by state: charged (ever), pending (not yet settled), settled, stranded (charged under an owner's earlier metering key, unsettleable).", []string{"state"}, nil)
	payAmount = prometheus.NewDesc("wf_payment_amount_base_units", "What the paid requests came to, in token base units (USDC: 6 decimals), by state as wf_payment_requests.", []string{"state"}, nil)
	paySettle = prometheus.NewDesc("wf_settlements_total", "Settlement transactions by outcome: mined, failed (aborted; charges back to pending), fee_bump (a stuck transaction replaced with higher fees).", []string{"outcome"}, nil)
	payGas    = prometheus.NewDesc("wf_settlement_gas_used_total", "Gas used by mined settlements.", nil, nil)
	payLast   = prometheus.NewDesc("wf_last_settlement_timestamp_seconds", "Unix time the latest settlement was mined; 0 if none yet.", nil, nil)
	payBal    = prometheus.NewDesc("wf_gas_balance_wei", "The node key's ether balance, which pays for settlements and lease renewals, in wei.", nil, nil)
	payUp     = prometheus.NewDesc("wf_payment_stats_up", "1 if the payment figures could be read at the last scrape, else 0 (the figures are then the last read).", nil, nil)
)

func (c *paymentCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{payCount, payAmount, paySettle, payGas, payLast, payBal, payUp} {
		ch <- d
	}
}

func (c *paymentCollector) Collect(ch chan<- prometheus.Metric) {
	s, ok := c.stats()
	up := 0.0
	if ok {
		up = 1
	}
	ch <- prometheus.MustNewConstMetric(payUp, prometheus.GaugeValue, up)
	for _, t := range []struct {
		state string
		t     Tally
		kind  prometheus.ValueType
	}{{"charged", s.Charged, prometheus.CounterValue}, {"pending", s.Pending, prometheus.GaugeValue},
		{"settled", s.Settled, prometheus.CounterValue}, {"stranded", s.Stranded, prometheus.GaugeValue}} {
		// One metric family has one type: gauges throughout, as pending
		// goes down when settled goes up.
		ch <- prometheus.MustNewConstMetric(payCount, prometheus.GaugeValue, float64(t.t.Count), t.state)
		ch <- prometheus.MustNewConstMetric(payAmount, prometheus.GaugeValue, bigFloat(t.t.Amount), t.state)
	}
	ch <- prometheus.MustNewConstMetric(paySettle, prometheus.CounterValue, float64(s.Settlements), "mined")
	ch <- prometheus.MustNewConstMetric(paySettle, prometheus.CounterValue, float64(s.Failures), "failed")
	ch <- prometheus.MustNewConstMetric(paySettle, prometheus.CounterValue, float64(s.FeeBumps), "fee_bump")
	ch <- prometheus.MustNewConstMetric(payGas, prometheus.CounterValue, float64(s.GasUsed))
	last := 0.0
	if !s.LastSettled.IsZero() {
		last = float64(s.LastSettled.UnixNano()) / 1e9
	}
	ch <- prometheus.MustNewConstMetric(payLast, prometheus.GaugeValue, last)
	if s.Balance != nil {
		ch <- prometheus.MustNewConstMetric(payBal, prometheus.GaugeValue, bigFloat(s.Balance))
	}
}

// stats reads the figures, or reuses those read less than a second ago;
// on a failed read it keeps the last ones and says so.
func (c *paymentCollector) stats() (PaymentStats, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok && time.Since(c.at) < time.Second {
		return c.last, true
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := c.read(ctx)
	if err != nil {
		c.ok = false
		return c.last, false
	}
	c.last, c.at, c.ok = s, time.Now(), true
	return s, true
}

func bigFloat(x *big.Int) float64 {
	if x == nil {
		return 0
	}
	f, _ := new(big.Float).SetInt(x).Float64()
	return f
}

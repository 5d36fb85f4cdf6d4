package provider

import (
	"math/big"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// MaxStatsFunctions bounds how many functions a node keeps traffic figures
// for; past it the one idle longest is forgotten.
const MaxStatsFunctions = 4096

// latencyBucketsMS are the upper bounds of the latency histogram an owner
// reads, in milliseconds; runs above the last fall in +Inf.
var latencyBucketsMS = []float64{0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000, 60000}

// FunctionStats is what a function's owner reads of its traffic on one
// node, since the node started (GET /v1/stats/{cid}, signed as a log
// read): per-function figures stay off the public /metrics, which would
// tell anyone who calls which function how often.
type FunctionStats struct {
	Function wf.CID    `json:"function"`
	Since    time.Time `json:"since"` // when the node began counting
	// Requests that reached the function: runs (any status) and those
	// refused before running (payment 402, caller limits 429).
	Requests uint64 `json:"requests"`
	// Errors are runs that failed (status 500 and above: the function's
	// own 5xx, a trap, a timeout).
	Errors   uint64            `json:"errors"`
	Refused  uint64            `json:"refused"`
	ByStatus map[string]uint64 `json:"byStatus"`
	Latency  LatencyStats      `json:"latency"`
	// Charged is how many runs were charged and what they came to, in
	// token base units (decimal string).
	ChargedRequests uint64 `json:"chargedRequests"`
	ChargedAmount   string `json:"chargedAmount"`
}

// LatencyStats summarise the wall time of runs, in milliseconds.
// Quantiles are the upper bound of the histogram bucket they fall in.
type LatencyStats struct {
	Count  uint64            `json:"count"`
	MeanMS float64           `json:"meanMs"`
	P50MS  float64           `json:"p50Ms"`
	P90MS  float64           `json:"p90Ms"`
	P99MS  float64           `json:"p99Ms"`
	MaxMS  float64           `json:"maxMs"`
	Bucket map[string]uint64 `json:"buckets"` // "le" bound in ms -> runs
}

type fnStats struct {
	mu                        sync.Mutex // the figures below
	requests, errors, refused uint64
	status                    map[int]uint64
	buckets                   []uint64 // len(latencyBucketsMS)+1
	sumMS, maxMS              float64
	charged                   uint64
	amount                    big.Int
	last                      time.Time
}

// functionStats are the per-function figures of a node. The map is read
// under a shared lock and each function's figures have their own, so
// requests for different functions never wait for each other here.
type functionStats struct {
	since time.Time
	mu    sync.RWMutex
	fns   map[wf.CID]*fnStats
}

func newFunctionStats(now time.Time) *functionStats {
	return &functionStats{since: now, fns: map[wf.CID]*fnStats{}}
}

// get returns c's figures, locked, making them (and forgetting the
// longest idle function when full). The caller unlocks f.mu.
func (s *functionStats) get(c wf.CID, now time.Time) *fnStats {
	s.mu.RLock()
	f := s.fns[c]
	s.mu.RUnlock()
	if f != nil {
		f.mu.Lock()
		f.last = now
		return f
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f = s.fns[c]; f == nil {
		if len(s.fns) >= MaxStatsFunctions {
			var oldest wf.CID
			var at time.Time
			for k, v := range s.fns {
				v.mu.Lock()
				last := v.last
				v.mu.Unlock()
				if at.IsZero() || last.Before(at) {
					oldest, at = k, last
				}
			}
			delete(s.fns, oldest)
		}
		f = &fnStats{status: map[int]uint64{}, buckets: make([]uint64, len(latencyBucketsMS)+1)}
		s.fns[c] = f
	}
	f.mu.Lock()
	f.last = now
	return f
}

// ran records a run of c that answered status in d, charged price if
// price is not nil.
func (s *functionStats) ran(c wf.CID, status int, d time.Duration, price *big.Int, now time.Time) {
	ms := float64(d.Microseconds()) / 1000
	f := s.get(c, now)
	defer f.mu.Unlock()
	f.requests++
	f.status[status]++
	if status >= 500 {
		f.errors++
	}
	i := 0
	for i < len(latencyBucketsMS) && ms > latencyBucketsMS[i] {
		i++
	}
	f.buckets[i]++
	f.sumMS += ms
	f.maxMS = max(f.maxMS, ms)
	if price != nil {
		f.charged++
		f.amount.Add(&f.amount, price)
	}
}

// refused records a request for c refused with status before it ran.
func (s *functionStats) refused(c wf.CID, status int, now time.Time) {
	f := s.get(c, now)
	defer f.mu.Unlock()
	f.requests++
	f.refused++
	f.status[status]++
}

// of returns c's figures.
func (s *functionStats) of(c wf.CID) FunctionStats {
	out := FunctionStats{Function: c, Since: s.since.UTC(), ByStatus: map[string]uint64{}, ChargedAmount: "0",
		Latency: LatencyStats{Bucket: map[string]uint64{}}}
	s.mu.RLock()
	f := s.fns[c]
	s.mu.RUnlock()
	if f == nil {
		return out
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out.Requests, out.Errors, out.Refused = f.requests, f.errors, f.refused
	for st, n := range f.status {
		out.ByStatus[strconv.Itoa(st)] = n
	}
	out.ChargedRequests, out.ChargedAmount = f.charged, f.amount.String()
	var runs uint64
	for _, n := range f.buckets {
		runs += n
	}
	l := &out.Latency
	l.Count, l.MaxMS = runs, f.maxMS
	if runs == 0 {
		return out
	}
	l.MeanMS = f.sumMS / float64(runs)
	quantile := func(q float64) float64 {
		want := uint64(q*float64(runs) + 0.999999)
		var seen uint64
		for i, n := range f.buckets {
			seen += n
			if seen >= want {
				if i < len(latencyBucketsMS) {
					return min(latencyBucketsMS[i], f.maxMS)
				}
				return f.maxMS
			}
		}
		return f.maxMS
	}
	l.P50MS, l.P90MS, l.P99MS = quantile(0.5), quantile(0.9), quantile(0.99)
	for i, n := range f.buckets {
		le := "+Inf"
		if i < len(latencyBucketsMS) {
			le = strconv.FormatFloat(latencyBucketsMS[i], 'f', -1, 64)
		}
		if n > 0 {
			l.Bucket[le] = n
		}
	}
	return out
}

// serveStats returns a function's traffic figures on this node to its
// owner (or a delegate with the logs scope): the same signed read as
// GET /v1/logs/{cid}, a wf.LogsRequest for this provider.
func (p *Provider) serveStats(w http.ResponseWriter, r *http.Request) {
	c, _, ok := p.ownerRead(w, r)
	if !ok {
		return
	}
	httperr.WriteJSON(w, http.StatusOK, p.metrics.fns.of(c))
}

// recordRun adds a run of c to its owner's figures: the answer's status
// (or the failure's), its wall time, and the price if it was charged.
func (p *Provider) recordRun(c wf.CID, resp *sandbox.Response, err error, d time.Duration, charged bool) {
	status := http.StatusOK
	if err != nil {
		status, _ = httperr.Status(err)
	} else if resp != nil {
		status = resp.Status
	}
	var price *big.Int
	if charged && p.cfg.Payments != nil {
		price = p.cfg.Payments.Price().Big()
	}
	p.metrics.fns.ran(c, status, d, price, p.cfg.Now())
}

package dashboard

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// metrics are the figures the console shows, read from a provider's
// public /metrics (Prometheus text format).
type metrics struct {
	Invocations float64            // total runs
	Outcomes    map[string]float64 // by outcome
	Rate        string             // runs per second since the last view, or "" on the first
	P50, P95    float64            // latency in ms, from the histogram's buckets
	MeanMS      float64
	Running     float64
	Waiting     float64 // the queue
	CacheHits   float64
	CacheMisses float64
	Deploys     float64
}

// bucket is one cumulative histogram bucket: n runs took at most le.
type bucket struct{ le, n float64 }

type rateSample struct {
	at    time.Time
	total float64
}

func (d *Dashboard) health(ctx context.Context, p *Provider) error {
	return d.ping(ctx, strings.TrimSuffix(p.URL, "/")+"/healthz")
}

// scrape reads the provider's /metrics and works out the console's
// figures; the request rate is the change since the previous scrape.
func (d *Dashboard) scrape(ctx context.Context, p *Provider) (metrics, error) {
	m := metrics{Outcomes: map[string]float64{}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(p.URL, "/")+"/metrics", nil)
	if err != nil {
		return m, err
	}
	resp, err := d.cfg.HTTP.Do(req)
	if err != nil {
		return m, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return m, fmt.Errorf("/metrics answered %s", resp.Status)
	}
	var buckets []bucket
	var sum, count float64
	sc := bufio.NewScanner(io.LimitReader(resp.Body, 8<<20))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		name, labels, v, ok := sample(sc.Text())
		if !ok {
			continue
		}
		switch name {
		case "wf_invocations_total":
			m.Invocations += v
			m.Outcomes[label(labels, "outcome")] += v
		case "wf_invocation_duration_seconds_bucket":
			le, err := strconv.ParseFloat(label(labels, "le"), 64)
			if err == nil {
				buckets = append(buckets, bucket{le, v})
			}
		case "wf_invocation_duration_seconds_sum":
			sum = v
		case "wf_invocation_duration_seconds_count":
			count = v
		case "wf_running_functions":
			m.Running = v
		case "wf_waiting_requests":
			m.Waiting = v
		case "wf_function_cache_total":
			if label(labels, "result") == "hit" {
				m.CacheHits += v
			} else {
				m.CacheMisses += v
			}
		case "wf_deploys_total":
			m.Deploys += v
		}
	}
	if err := sc.Err(); err != nil {
		return m, fmt.Errorf("/metrics: %w", err)
	}
	if count > 0 {
		m.MeanMS = 1000 * sum / count
		slices.SortFunc(buckets, func(a, b bucket) int { return cmpFloat(a.le, b.le) })
		m.P50 = 1000 * quantile(0.5, count, buckets)
		m.P95 = 1000 * quantile(0.95, count, buckets)
	}
	now := d.cfg.Now()
	d.mu.Lock()
	prev, seen := d.rates[p.URL]
	d.rates[p.URL] = rateSample{now, m.Invocations}
	d.mu.Unlock()
	if dt := now.Sub(prev.at).Seconds(); seen && dt > 0 && m.Invocations >= prev.total {
		m.Rate = strconv.FormatFloat((m.Invocations-prev.total)/dt, 'f', 2, 64) + "/s"
	}
	return m, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// quantile interpolates the q-quantile within cumulative buckets, as
// Prometheus's histogram_quantile does.
func quantile(q, count float64, bs []bucket) float64 {
	rank := q * count
	prevLe, prevN := 0.0, 0.0
	for _, b := range bs {
		s := b
		if s.n >= rank {
			if math.IsInf(s.le, 1) {
				return prevLe
			}
			if s.n == prevN {
				return s.le
			}
			return prevLe + (s.le-prevLe)*(rank-prevN)/(s.n-prevN)
		}
		prevLe, prevN = s.le, s.n
	}
	return prevLe
}

// sample parses one line of the text format: name{labels} value.
func sample(line string) (name, labels string, v float64, ok bool) {
	if line == "" || line[0] == '#' {
		return "", "", 0, false
	}
	rest := line
	if i := strings.IndexByte(line, '{'); i >= 0 {
		j := strings.LastIndexByte(line, '}')
		if j < i {
			return "", "", 0, false
		}
		name, labels, rest = line[:i], line[i+1:j], line[j+1:]
	} else {
		var found bool
		name, rest, found = strings.Cut(line, " ")
		if !found {
			return "", "", 0, false
		}
	}
	f := strings.Fields(rest)
	if len(f) == 0 {
		return "", "", 0, false
	}
	v, err := strconv.ParseFloat(f[0], 64)
	return name, labels, v, err == nil
}

// label returns the value of key in a label set like a="x",b="y".
func label(labels, key string) string {
	for _, kv := range strings.Split(labels, ",") {
		k, v, _ := strings.Cut(kv, "=")
		if strings.TrimSpace(k) == key {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}

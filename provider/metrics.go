package provider

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	invocations *prometheus.CounterVec
	duration    prometheus.Histogram
	upload      prometheus.Histogram
	deploys     *prometheus.CounterVec
	loads       *prometheus.CounterVec
	// The commonest series, looked up once (a label lookup hashes the
	// label on every request).
	invokedOK, loadHit prometheus.Counter
	fns                *functionStats // per function, for owners (GET /v1/stats/{cid})
}

// newMetrics registers the node's metrics on reg; with cfg.PaymentStats,
// the payment figures too.
func newMetrics(reg prometheus.Registerer, cfg Config) *metrics {
	m := &metrics{
		invocations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_invocations_total",
			Help: "Function invocations by outcome (ok or an error code).",
		}, []string{"outcome"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "wf_invocation_duration_seconds",
			Help:    "Wall time of function runs, including instantiation.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2.5, 14), // 100us .. ~15min
		}),
		upload: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "wf_request_body_seconds",
			Help:    "Time to receive invocation request bodies, before a slot is taken.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2.5, 14),
		}),
		deploys: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_deploys_total",
			Help: "CAR uploads by outcome.",
		}, []string{"outcome"}),
		loads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_function_cache_total",
			Help: "Function lookups: hit (loaded in memory) or miss (read, verified and compiled or taken from the compile cache).",
		}, []string{"result"}),
	}
	reg.MustRegister(m.invocations, m.duration, m.upload, m.deploys, m.loads)
	m.invokedOK, m.loadHit = m.invocations.WithLabelValues("ok"), m.loads.WithLabelValues("hit")
	now := time.Now
	if cfg.Now != nil {
		now = cfg.Now
	}
	m.fns = newFunctionStats(now())
	if cfg.PaymentStats != nil {
		reg.MustRegister(&paymentCollector{read: cfg.PaymentStats})
	}
	return m
}

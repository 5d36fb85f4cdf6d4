package gateway

import "github.com/prometheus/client_golang/prometheus"

// metrics are the gateway's Prometheus series. Provider names label some:
// their number is bounded by the registry, which costs gas to grow.
type metrics struct {
	requests      *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	routes        *prometheus.CounterVec
	failures      *prometheus.CounterVec
	retries       prometheus.Counter
	rateLimited   prometheus.Counter
	verifications *prometheus.CounterVec
	specs         *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_gateway_requests_total",
			Help: "Forwarded requests by route (named or smart) and status.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wf_gateway_request_duration_seconds",
			Help:    "Time to answer a forwarded request, to the end of the response headers or the error.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2.5, 14),
		}, []string{"route"}),
		routes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_gateway_route_choices_total",
			Help: "Which provider answered, through what, and why it was chosen (named, has-function, may-fetch, granted, granted-may-fetch, next-...).",
		}, []string{"provider", "via", "reason"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_gateway_provider_failures_total",
			Help: "Failed attempts by provider and kind (connect, timeout, error, status).",
		}, []string{"provider", "kind"}),
		retries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "wf_gateway_retries_total",
			Help: "Attempts sent to another provider after one failed.",
		}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "wf_gateway_rate_limited_total",
			Help: "Requests refused by the per-client rate limit.",
		}),
		verifications: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_gateway_endpoint_challenges_total",
			Help: "Endpoint ownership challenges by result (ok, refused, unreachable).",
		}, []string{"result"}),
		specs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wf_gateway_function_specs_total",
			Help: "Function spec blocks read from providers for smart routing, by result (public, sealed, invalid, mismatch: bytes that do not hash to the CID).",
		}, []string{"result"}),
	}
	reg.MustRegister(m.requests, m.duration, m.routes, m.failures, m.retries, m.rateLimited, m.verifications, m.specs)
	return m
}

package provider

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// The provider's log is a resource a caller can spend: every invocation
// writes a line, so a request flood would fill the disk. logBudget bounds
// it with two byte budgets, token buckets refilled at a rate per second
// and holding ten seconds' worth: one for failures (warnings, errors, and
// answers with status 500 or more, among them failed and timed-out
// functions) and one for everything else, so a flood of successes never
// crowds out the failures. Lines over budget are dropped and counted, in
// wf_log_lines_dropped_total and in a "log lines dropped" warning written
// at most every logDropSummaryInterval (when the next line is logged, and
// at Close).
type logBudget struct {
	base    slog.Handler // the configured handler, for the summary
	now     func() time.Time
	dropped [2]prometheus.Counter // wf_log_lines_dropped_total, by class

	mu          sync.Mutex
	buckets     [2]bucket // by class
	unreported  [2]int64  // lines dropped since the last summary
	lastSummary time.Time
}

// Line classes, each with its own budget.
const (
	routine = iota
	failure
)

var classNames = [2]string{"routine", "failure"}

// logBurstSeconds is how many seconds of its rate a budget holds, so a
// short burst after a quiet spell is logged whole.
const logBurstSeconds = 10

// logDropSummaryInterval is the least time between two "log lines
// dropped" summaries.
const logDropSummaryInterval = 10 * time.Second

// bucket is a token bucket of bytes; a negative rate never runs out.
type bucket struct {
	rate, tokens float64
	last         time.Time
}

func (b *bucket) take(now time.Time, n int) bool {
	if b.rate < 0 {
		return true
	}
	capacity := b.rate * logBurstSeconds
	if b.last.IsZero() {
		b.tokens = capacity
	} else if d := now.Sub(b.last).Seconds(); d > 0 {
		b.tokens = min(capacity, b.tokens+d*b.rate)
	}
	b.last = now
	if b.tokens < float64(n) {
		return false
	}
	b.tokens -= float64(n)
	return true
}

func newLogBudget(base slog.Handler, now func() time.Time, routineRate, failureRate int64, reg prometheus.Registerer) *logBudget {
	b := &logBudget{base: base, now: now}
	dropped := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "wf_log_lines_dropped_total",
		Help: "Log lines not written because their class (routine or failure) was over its byte budget.",
	}, []string{"class"})
	for class, name := range classNames {
		b.dropped[class] = dropped.WithLabelValues(name)
	}
	b.buckets[routine].rate = float64(routineRate)
	b.buckets[failure].rate = float64(failureRate)
	reg.MustRegister(dropped)
	return b
}

// handler returns the budgeted handler over base.
func (b *logBudget) handler() slog.Handler { return &budgetHandler{inner: b.base, b: b} }

// allow takes size bytes from class's budget, reporting whether the line
// may be written, and returns a summary of earlier drops when one is due.
func (b *logBudget) allow(class, size int) (ok bool, summary *slog.Record) {
	now := b.now()
	b.mu.Lock()
	defer b.mu.Unlock()
	ok = b.buckets[class].take(now, size)
	if !ok {
		b.unreported[class]++
		b.dropped[class].Inc()
	}
	if b.unreported != [2]int64{} && now.Sub(b.lastSummary) >= logDropSummaryInterval {
		summary = b.summaryLocked(now)
	}
	return ok, summary
}

func (b *logBudget) summaryLocked(now time.Time) *slog.Record {
	r := slog.NewRecord(now, slog.LevelWarn, "log lines dropped", 0)
	r.AddAttrs(slog.Int64("routine", b.unreported[routine]), slog.Int64("failure", b.unreported[failure]))
	if !b.lastSummary.IsZero() {
		r.AddAttrs(slog.String("since", now.Sub(b.lastSummary).Round(time.Second).String()))
	}
	b.unreported = [2]int64{}
	b.lastSummary = now
	return &r
}

// flush writes a summary of drops not yet reported.
func (b *logBudget) flush(ctx context.Context) {
	b.mu.Lock()
	var r *slog.Record
	if b.unreported != [2]int64{} {
		r = b.summaryLocked(b.now())
	}
	b.mu.Unlock()
	if r != nil && b.base.Enabled(ctx, r.Level) {
		b.base.Handle(ctx, *r)
	}
}

// budgetHandler is a slog.Handler that writes a record only if its
// class's budget holds it. fixed estimates the bytes its attributes and
// groups add to every line.
type budgetHandler struct {
	inner slog.Handler
	b     *logBudget
	fixed int
}

func (h *budgetHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *budgetHandler) Handle(ctx context.Context, r slog.Record) error {
	class := routine
	size := h.fixed + lineOverhead + len(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		size += attrSize(a)
		if a.Key == "status" && a.Value.Kind() == slog.KindInt64 && a.Value.Int64() >= 500 {
			class = failure
		}
		return true
	})
	if r.Level >= slog.LevelWarn {
		class = failure
	}
	ok, summary := h.b.allow(class, size)
	if summary != nil && h.b.base.Enabled(ctx, summary.Level) {
		h.b.base.Handle(ctx, *summary)
	}
	if !ok {
		return nil
	}
	return h.inner.Handle(ctx, r)
}

func (h *budgetHandler) WithAttrs(as []slog.Attr) slog.Handler {
	n := h.fixed
	for _, a := range as {
		n += attrSize(a)
	}
	return &budgetHandler{inner: h.inner.WithAttrs(as), b: h.b, fixed: n}
}

func (h *budgetHandler) WithGroup(name string) slog.Handler {
	return &budgetHandler{inner: h.inner.WithGroup(name), b: h.b, fixed: h.fixed + len(name) + 4}
}

// lineOverhead and attrSize estimate, generously, what a line costs in
// slog's text or JSON form: the time, level and message keys, and per
// attribute its key, value, quotes and separators. The budget is
// accounted in these estimates, not in bytes written, since the handler
// that writes them is the caller's.
const lineOverhead = 72

func attrSize(a slog.Attr) int {
	a.Value = a.Value.Resolve()
	if a.Value.Kind() == slog.KindGroup {
		n := len(a.Key) + 4
		for _, g := range a.Value.Group() {
			n += attrSize(g)
		}
		return n
	}
	return len(a.Key) + valueSize(a.Value) + 6
}

// valueSize estimates a value's written length, generously, without
// formatting numbers and durations (a line over budget is not written, so
// estimating it must cost little).
func valueSize(v slog.Value) int {
	switch v.Kind() {
	case slog.KindInt64:
		n := v.Int64()
		if n < 0 {
			return 1 + digits(uint64(-n))
		}
		return digits(uint64(n))
	case slog.KindUint64:
		return digits(v.Uint64())
	case slog.KindDuration:
		return 16 // "999.999999ms"; "1m30.123456789s" is 15
	case slog.KindFloat64:
		return 24
	case slog.KindBool:
		return 5
	case slog.KindTime:
		return 35
	}
	s := v.String()
	return len(s) + len(s)/8 // an eighth for escapes
}

// digits is the number of decimal digits of n.
func digits(n uint64) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

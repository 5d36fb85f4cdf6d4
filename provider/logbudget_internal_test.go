package provider

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// countHandler counts the records it is given.
type countHandler struct{ n *atomic.Int64 }

func (h countHandler) Enabled(context.Context, slog.Level) bool  { return true }
func (h countHandler) Handle(context.Context, slog.Record) error { h.n.Add(1); return nil }
func (h countHandler) WithAttrs([]slog.Attr) slog.Handler        { return h }
func (h countHandler) WithGroup(string) slog.Handler             { return h }

// Many goroutines logging at once, with the clock stopped, get exactly
// the budget's burst between them; every other line is counted dropped.
func TestLogBudgetHammer(t *testing.T) {
	var written atomic.Int64
	now := time.Unix(1_800_000_000, 0)
	reg := prometheus.NewRegistry()
	b := newLogBudget(countHandler{&written}, func() time.Time { return now }, 1000, -1, reg)
	log := slog.New(b.handler()).With("request_id", "0123456789abcdef")
	const goroutines, lines = 8, 1000
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range lines {
				log.Info("invoke", "status", 200)
				log.Error("failed", "status", 500) // failures have no limit here
			}
		})
	}
	wg.Wait()
	dropped := droppedLines(t, reg, "routine")
	failures := int64(goroutines * lines)
	routine := written.Load() - failures - 1 // and one summary
	if routine+int64(dropped) != goroutines*lines {
		t.Fatalf("%d routine lines written and %v dropped, want %d in all", routine, dropped, goroutines*lines)
	}
	if perLine := 72 + len("invoke") + attrSize(slog.String("request_id", "0123456789abcdef")) + attrSize(slog.Int("status", 200)); routine != int64(1000*logBurstSeconds/perLine) {
		t.Fatalf("%d routine lines written, want the burst's %d", routine, 1000*logBurstSeconds/perLine)
	}
	if droppedLines(t, reg, "failure") != 0 {
		t.Fatal("failure lines dropped without a limit")
	}
}

func droppedLines(t *testing.T, reg *prometheus.Registry, class string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "wf_log_lines_dropped_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "class" && l.GetValue() == class {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

// BenchmarkInvokeLine is the line every invocation logs, through the
// request's handler and the budget, once the budget is spent (dropped: a
// busy provider's usual case) and while it holds (written, to a text
// handler on io.Discard).
//
// Run: go test -run '^$' -bench InvokeLine -benchmem ./provider/
func BenchmarkInvokeLine(b *testing.B) {
	for _, c := range []struct {
		name string
		rate int64
	}{{"dropped", 1}, {"written", -1}} {
		b.Run(c.name, func(b *testing.B) {
			now := time.Unix(1_800_000_000, 0)
			lb := newLogBudget(slog.NewTextHandler(io.Discard, nil), func() time.Time { return now }, c.rate, -1, prometheus.NewRegistry())
			h := requestHandler{inner: lb.handler(), id: "0123456789abcdef"}
			ri := reqInfo{log: slog.New(&h)}
			ctx := context.Background()
			for b.Loop() {
				logInvoke(ctx, ri.log, "bagaaierakozndu5anqo3saglk5nr5wl5zptn4spdlvxjngvwdi4flk77ao5a", 200, 1234567*time.Nanosecond, 0, nil)
			}
		})
	}
}

package provider

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

func limitCode(err error) string {
	var le *limitError
	if errors.As(err, &le) {
		return le.err.Code
	}
	return fmt.Sprint(err)
}

// TestCallerWindows: a window refuses beyond its count until it closes,
// then reopens; the owner-paid window counts only owner-paid requests; a
// refused request counts against nothing.
func TestCallerWindows(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	l := newCallerLimits(func() time.Time { return now })
	c := wf.CID{}
	rules := &spec.Callers{PerCaller: &spec.Rate{Requests: 2, Seconds: 10}, OwnerPays: &spec.Rate{Requests: 3, Seconds: 100}}
	admit := func(id string, ownerPaid bool) string {
		if err := l.admit(c, rules, id, ownerPaid); err != nil {
			return limitCode(err)
		}
		return "ok"
	}
	for i, want := range []string{"ok", "ok", "caller_rate_limited", "caller_rate_limited"} {
		if got := admit("a", true); got != want {
			t.Fatalf("a's request %d: %s, want %s", i, got, want)
		}
	}
	if got := admit("b", true); got != "ok" {
		t.Fatalf("b: %s", got)
	}
	if got := admit("c", true); got != "owner_budget_window" {
		t.Fatalf("c after the owner paid for 3: %s", got)
	}
	if got := admit("c", false); got != "ok" {
		t.Fatalf("c paying: %s", got)
	}
	now = now.Add(10 * time.Second) // a's window closes; the owner's does not
	if got := admit("a", false); got != "ok" {
		t.Fatalf("a after its window: %s", got)
	}
	if got := admit("a", true); got != "owner_budget_window" {
		t.Fatalf("a owner-paid: %s", got)
	}
	// That refusal counted against nothing: a has one request left.
	if got := admit("a", false); got != "ok" {
		t.Fatalf("a's second in its new window: %s", got)
	}
	now = now.Add(90 * time.Second)
	if got := admit("d", true); got != "ok" {
		t.Fatalf("after the owner's window: %s", got)
	}
	err := l.admit(c, rules, "d", true)
	if err != nil {
		t.Fatal(err)
	}
	err = l.admit(c, rules, "d", true)
	var le *limitError
	if !errors.As(err, &le) || le.retry != 10*time.Second || le.details["retryAfter"] != int64(10) {
		t.Fatalf("retry: %v", err)
	}
}

// TestCallerLimitsBounded: the state keeps at most maxF functions and maxC
// callers per function.
func TestCallerLimitsBounded(t *testing.T) {
	l := newCallerLimits(time.Now)
	l.maxF, l.maxC = 3, 5
	rules := &spec.Callers{PerCaller: &spec.Rate{Requests: 1, Seconds: 60}}
	for f := range 10 {
		c := wf.SumCID(wf.CodecRaw, []byte(fmt.Sprint(f)))
		for i := range 20 {
			l.admit(c, rules, fmt.Sprint(i), false)
		}
	}
	if len(l.fns) != 3 || l.lru.Len() != 3 {
		t.Fatalf("%d functions remembered, want 3", len(l.fns))
	}
	for _, e := range l.fns {
		if fw := e.Value.(*funcWindows); len(fw.callers) != 5 || fw.lru.Len() != 5 {
			t.Fatalf("%d callers remembered, want 5", len(fw.callers))
		}
	}
}

// TestCallerLimitsHammer: concurrent requests never pass beyond a count.
func TestCallerLimitsHammer(t *testing.T) {
	l := newCallerLimits(time.Now)
	rules := &spec.Callers{PerCaller: &spec.Rate{Requests: 50, Seconds: 3600}, OwnerPays: &spec.Rate{Requests: 120, Seconds: 3600}}
	var passed, perA atomic.Int64
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				id := fmt.Sprint("caller", (g+i)%4)
				if l.admit(wf.CID{}, rules, id, true) == nil {
					passed.Add(1)
					if id == "caller0" {
						perA.Add(1)
					}
				}
			}
		}()
	}
	wg.Wait()
	if passed.Load() != 120 || perA.Load() > 50 {
		t.Fatalf("%d passed (want 120), caller0 %d (at most 50)", passed.Load(), perA.Load())
	}
}

// BenchmarkCallerAdmit is the wf.callers hook's work per request but
// naming the caller and decoding the rules (once per loaded function):
// count.
func BenchmarkCallerAdmit(b *testing.B) {
	x, err := (&spec.Callers{PerCaller: &spec.Rate{Requests: spec.MaxRateRequests, Seconds: 60}, OwnerPays: &spec.Rate{Requests: spec.MaxRateRequests, Seconds: 86400}}).Extension()
	if err != nil {
		b.Fatal(err)
	}
	l := newCallerLimits(time.Now)
	c := wf.SumCID(wf.CodecRaw, []byte("f"))
	rules, err := spec.DecodeCallers(x.Data)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = fmt.Sprint("ip 10.0.", i/256, ".", i%256)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := l.admit(c, rules, ids[i%len(ids)], true); err != nil {
			b.Fatal(err)
		}
	}
}

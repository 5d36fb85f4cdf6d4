package sandbox

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A run's context ends as context.WithTimeout's child would: at its
// deadline, with its parent (and the parent's error), or when stopped;
// only the first reason counts, Done closes, and the functions given to
// afterFunc run once unless stopped first.
func TestRunContextEndsAsWithTimeout(t *testing.T) {
	type key struct{}
	for _, c := range []struct {
		name string
		end  func(rc *runContext, cancelParent context.CancelFunc)
		want error
	}{
		{"deadline", func(*runContext, context.CancelFunc) {}, context.DeadlineExceeded},
		{"parent", func(_ *runContext, cancel context.CancelFunc) { cancel() }, context.Canceled},
		{"stop", func(rc *runContext, _ context.CancelFunc) { rc.stop() }, context.Canceled},
	} {
		t.Run(c.name, func(t *testing.T) {
			parent, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, "v"))
			defer cancel()
			rc := newRunContext(parent, 50*time.Millisecond)
			defer rc.release()
			if d, ok := rc.Deadline(); !ok || time.Until(d) > 50*time.Millisecond {
				t.Errorf("deadline %v %v", d, ok)
			}
			var ran, kept atomic.Int32
			rc.afterFunc(func() { ran.Add(1) })
			stop := rc.afterFunc(func() { kept.Add(1) })
			if !stop() || stop() {
				t.Error("stop: want true once, then false")
			}
			if rc.Err() != nil || rc.Value(key{}) != "v" || rc.Value(environKey{}) != nil {
				t.Fatalf("before the end: err %v, values %v %v", rc.Err(), rc.Value(key{}), rc.Value(environKey{}))
			}
			c.end(rc, cancel)
			select {
			case <-rc.Done():
			case <-time.After(5 * time.Second):
				t.Fatal("Done not closed")
			}
			if !errors.Is(rc.Err(), c.want) {
				t.Errorf("err %v, want %v", rc.Err(), c.want)
			}
			rc.stop() // a later reason does not replace the first
			if !errors.Is(rc.Err(), c.want) || ran.Load() != 1 || kept.Load() != 0 {
				t.Errorf("after a second end: err %v, afterFunc ran %d, stopped one ran %d", rc.Err(), ran.Load(), kept.Load())
			}
			late := false
			if rc.afterFunc(func() { late = true })(); !late {
				t.Error("afterFunc after the end did not run at once")
			}
		})
	}
}

// A run whose parent has already ended starts ended, with the parent's
// error and its earlier deadline.
func TestRunContextOfAnEndedParent(t *testing.T) {
	parent, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	rc := newRunContext(parent, time.Hour)
	defer rc.release()
	pd, _ := parent.Deadline()
	if d, _ := rc.Deadline(); !d.Equal(pd) || !errors.Is(rc.Err(), context.DeadlineExceeded) {
		t.Errorf("deadline %v (parent's %v), err %v", d, pd, rc.Err())
	}
	<-rc.Done()
}

// Runs shorter and longer than watchAfter, released at any moment, their
// parents cancelled at any moment: every run ends, its afterFunc runs at
// most once, and (under -race) nothing races.
func TestRunContextReleaseRacesTheTimer(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			parent, cancel := context.WithCancel(context.Background())
			rc := newRunContext(parent, time.Duration(i%20)*100*time.Microsecond)
			var ran atomic.Int32
			stop := rc.afterFunc(func() { ran.Add(1) })
			time.Sleep(time.Duration(i%7) * 200 * time.Microsecond)
			if i%3 == 0 {
				cancel()
			}
			if i%2 == 0 {
				stop()
			}
			rc.release()
			cancel()
			<-rc.Done()
			if rc.Err() == nil || ran.Load() > 1 {
				t.Errorf("run %d: err %v, afterFunc ran %d times", i, rc.Err(), ran.Load())
			}
		})
	}
	wg.Wait()
}

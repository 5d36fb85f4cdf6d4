package payment_test

import (
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// TestAllowanceRefreshInBackground: an owner's allowance read more than
// CacheTTL ago (but less than twice) is read again in the background while
// requests go on with the one they have; older than twice CacheTTL, a
// request waits for the read.
func TestAllowanceRefreshInBackground(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	const ttl = time.Minute
	f := newFixture(t, payment.Config{CacheTTL: ttl, Now: clock})
	owner := f.payer()
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	f.deposit(owner, 1_000_000)
	f.approve(owner, price, 1_000_000)
	if r := f.invoke(fn, "/", nil); r.status != 200 {
		t.Fatalf("first request: %d %s", r.status, r.body)
	}
	// The owner revokes; within the TTL the provider does not know yet.
	if _, err := f.sim.Client(owner).Revoke(f.ctx, f.prov.Address()); err != nil {
		t.Fatal(err)
	}
	if r := f.invoke(fn, "/", nil); r.status != 200 {
		t.Fatalf("within the TTL: %d %s", r.status, r.body)
	}
	// Past the TTL: this request goes on with the cached allowance and
	// starts a read; a later one sees the revoke.
	advance(ttl + time.Second)
	if r := f.invoke(fn, "/", nil); r.status != 200 {
		t.Fatalf("past the TTL, the stale allowance was not used: %d %s", r.status, r.body)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		r := f.invoke(fn, "/", nil)
		if r.status == 402 {
			break
		}
		if r.status != 200 || time.Now().After(deadline) {
			t.Fatalf("the background read never showed the revoke: %d %s", r.status, r.body)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Approved again, and twice the TTL later: the request waits for the
	// read and is served.
	f.approve(owner, price, 1_000_000)
	advance(2 * ttl)
	if r := f.invoke(fn, "/", nil); r.status != 200 {
		t.Fatalf("past twice the TTL, the request did not wait for a fresh read: %d %s", r.status, r.body)
	}
}

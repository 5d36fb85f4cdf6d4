package cred

import (
	"net/http"
	"net/netip"
	"runtime"
	"sync"
	"time"
)

// Defaults of the verify budget (VerifierConfig).
const (
	// DefaultFailedProofs is how many failed proofs a source may send per
	// second, sustained, before its presentations are refused unverified.
	DefaultFailedProofs = 2.0
	// DefaultFailedBurst is how many it may send at once.
	DefaultFailedBurst = 10
	// maxSources bounds the sources remembered; beyond it the full
	// buckets (sources that have not failed lately) are forgotten.
	maxSources = 1 << 16
	// verifyWait is how long a presentation waits for a verifying slot
	// before it is told to come back (503).
	verifyWait = 250 * time.Millisecond
)

// CodeVerifyBudget is the refusal of a presentation that was not verified
// because its source has sent too many proofs that failed (429), or
// because every verifying slot is busy (503).
const CodeVerifyBudget = "credential_verify_budget"

// verifyBudget bounds the CPU a flood of bogus presentations can cost: a
// pairing check is about 1.5 ms of CPU, and a proof made of valid curve
// points that proves nothing is cheap to make. Each source (an IPv4
// address, an IPv6 /64) has a token bucket of failed proofs: a failure
// takes a token, and a source with none left gets 429 before its proof is
// decoded. Proofs that verify cost their source nothing (they open a
// session, bounded by MaxSessions, and each took its holder about a second
// of proving). Independently, at most slots proofs are checked at once, so
// a flood from many sources leaves the other cores to admitted calls.
type verifyBudget struct {
	rate  float64 // tokens per second
	burst float64
	slots chan struct{}

	mu      sync.Mutex
	sources map[netip.Prefix]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newVerifyBudget(rate float64, burst, slots int) *verifyBudget {
	if rate <= 0 {
		rate = DefaultFailedProofs
	}
	if burst <= 0 {
		burst = DefaultFailedBurst
	}
	if slots <= 0 {
		slots = max(1, runtime.GOMAXPROCS(0)/2)
	}
	return &verifyBudget{rate: rate, burst: float64(burst), slots: make(chan struct{}, slots), sources: map[netip.Prefix]*bucket{}}
}

// sourceOf is the bucket key of a RemoteAddr: an IPv4 address, or the /64
// of an IPv6 one (one host's share); an unparsable address shares the
// zero prefix's bucket.
func sourceOf(remoteAddr string) netip.Prefix {
	ap, err := netip.ParseAddrPort(remoteAddr)
	if err != nil {
		a, err := netip.ParseAddr(remoteAddr)
		if err != nil {
			return netip.Prefix{}
		}
		ap = netip.AddrPortFrom(a, 0)
	}
	a := ap.Addr().Unmap()
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, _ := a.Prefix(bits)
	return p
}

// level refills src's bucket to now and returns it, under b.mu.
func (b *verifyBudget) levelLocked(src netip.Prefix, now time.Time) *bucket {
	k := b.sources[src]
	if k == nil {
		if len(b.sources) >= maxSources {
			b.sweepLocked(now)
		}
		k = &bucket{tokens: b.burst, last: now}
		b.sources[src] = k
		return k
	}
	if dt := now.Sub(k.last).Seconds(); dt > 0 {
		k.tokens = min(b.burst, k.tokens+dt*b.rate)
		k.last = now
	}
	return k
}

// sweepLocked forgets sources whose buckets are full again; if none is,
// it forgets them all (the slots still bound the CPU).
func (b *verifyBudget) sweepLocked(now time.Time) {
	for src, k := range b.sources {
		if k.tokens+now.Sub(k.last).Seconds()*b.rate >= b.burst {
			delete(b.sources, src)
		}
	}
	if len(b.sources) >= maxSources {
		clear(b.sources)
	}
}

// allow reports whether src may have a proof checked now; if not, when
// it may (a whole token).
func (b *verifyBudget) allow(src netip.Prefix, now time.Time) (bool, time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	k := b.levelLocked(src, now)
	if k.tokens >= 1 {
		return true, 0
	}
	return false, time.Duration((1 - k.tokens) / b.rate * float64(time.Second))
}

// failed takes a token from src for a proof that did not verify.
func (b *verifyBudget) failed(src netip.Prefix, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	k := b.levelLocked(src, now)
	k.tokens = max(0, k.tokens-1)
}

// acquire takes a verifying slot, waiting up to verifyWait.
func (b *verifyBudget) acquire() bool {
	select {
	case b.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(verifyWait)
	defer t.Stop()
	select {
	case b.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	}
}

func (b *verifyBudget) release() { <-b.slots }

// admitSource refuses a presentation from source unread when the source
// has failed too often: the first thing a presentation meets.
func (v *Verifier) admitSource(source string, now time.Time) error {
	if ok, wait := v.budget.allow(sourceOf(source), now); !ok {
		secs := max(1, int64((wait+time.Second-1)/time.Second))
		e := refused(http.StatusTooManyRequests, CodeVerifyBudget,
			"too many presentations from your address failed to verify; retry in %ds", secs)
		e.Details = map[string]any{"retryAfter": secs}
		return e
	}
	return nil
}

// checkProof verifies the proof of a presentation from source in a
// verifying slot; a failure is charged to the source.
func (v *Verifier) checkProof(source string, now time.Time, verify func() error) error {
	if !v.budget.acquire() {
		e := refused(http.StatusServiceUnavailable, CodeVerifyBudget, "the provider is busy verifying proofs; retry in a second")
		e.Details = map[string]any{"retryAfter": 1}
		return e
	}
	err := verify()
	v.budget.release()
	if err != nil {
		v.budget.failed(sourceOf(source), now)
		return refused(http.StatusForbidden, CodeRefused, "%v", err)
	}
	return nil
}

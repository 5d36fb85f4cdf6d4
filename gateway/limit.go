package gateway

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter is a token bucket per client key (clientKey). Idle buckets are
// swept so the table cannot grow without bound.
type limiter struct {
	rate  rate.Limit
	burst int
	now   func() time.Time

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	l    *rate.Limiter
	seen time.Time
}

func newLimiter(perSecond float64, burst int, now func() time.Time) *limiter {
	return &limiter{rate: rate.Limit(perSecond), burst: burst, now: now, buckets: make(map[string]*bucket), lastSweep: now()}
}

// allow takes a token for the client key, or says how long until one is
// available.
func (l *limiter) allow(key string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	// A bucket idle this long is full again: forgetting it changes nothing.
	idle := time.Duration(float64(l.burst)/float64(l.rate)*float64(time.Second)) + time.Second
	if now.Sub(l.lastSweep) > idle {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > idle {
				delete(l.buckets, k)
			}
		}
		l.lastSweep = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{l: rate.NewLimiter(l.rate, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	if b.l.AllowN(now, 1) {
		return true, 0
	}
	missing := 1 - b.l.TokensAt(now)
	return false, time.Duration(missing / float64(l.rate) * float64(time.Second))
}

// clientKey is the rate-limited unit: an IPv4 address, or an IPv6 /64
// (one subscriber's usual allocation, which a client can hop around in).
func clientKey(a netip.Addr) string {
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// proxies are the prefixes whose connections are trusted to say, in
// X-Forwarded-For, whom they forward for.
type proxies []netip.Prefix

// newProxies checks and normalizes prefixes: masked, and IPv4-mapped IPv6
// prefixes as IPv4, since addresses are compared unmapped.
func newProxies(prefixes []netip.Prefix) (proxies, error) {
	out := make(proxies, 0, len(prefixes))
	for _, p := range prefixes {
		if !p.IsValid() {
			return nil, fmt.Errorf("gateway: trusted proxy prefix %v is not valid", p)
		}
		if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

func (ps proxies) trusted(a netip.Addr) bool {
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// client returns the address of the client behind a request whose
// connection comes from peer with the given X-Forwarded-For header lines:
// peer, unless it is a trusted proxy; then the right-most X-Forwarded-For
// entry that is not itself a trusted proxy. Entries left of that one were
// written by the client or by proxies nobody vouches for, and are
// ignored. If every entry is trusted, the left-most is the client; an
// entry that is not an address ends the walk at the trusted proxy right
// of it.
func (ps proxies) client(peer netip.Addr, xff []string) netip.Addr {
	if !ps.trusted(peer) {
		return peer
	}
	client := peer
	for i := len(xff) - 1; i >= 0; i-- {
		entries := strings.Split(xff[i], ",")
		for j := len(entries) - 1; j >= 0; j-- {
			e := strings.TrimSpace(entries[j])
			if e == "" {
				continue
			}
			a, ok := parseAddr(e)
			if !ok {
				return client
			}
			client = a
			if !ps.trusted(a) {
				return client
			}
		}
	}
	return client
}

// parseAddr reads an address as RemoteAddr and X-Forwarded-For write it:
// "ip", "ip:port", "[ipv6]" or "[ipv6]:port"; without zone and unmapped.
func parseAddr(s string) (netip.Addr, bool) {
	if len(s) > 2 && s[0] == '[' && s[len(s)-1] == ']' {
		s = s[1 : len(s)-1]
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		host, _, err := net.SplitHostPort(s)
		if err != nil {
			return netip.Addr{}, false
		}
		if a, err = netip.ParseAddr(host); err != nil {
			return netip.Addr{}, false
		}
	}
	return a.WithZone("").Unmap(), true
}

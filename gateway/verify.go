package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/wf"
)

// resolve finds how to reach registry entry p: its live tunnel if the
// tunnel's key still holds the name, else one of its endpoints that has
// proven it is controlled by p's registered address. A tunnelled provider
// lists an endpoint on each gateway it keeps a tunnel to; those on other
// gateways are endpoints like any other, reached through that gateway,
// and prove ownership end to end: the provider signs this gateway's
// challenge, which a relaying gateway cannot do in its place. So no one
// gateway it tunnels to can cut it off from the others.
func (g *Gateway) resolve(ctx context.Context, p chain.Provider) (target, error) {
	if g.tunnels != nil {
		for tn := g.tunnels.Tunnel(p.Name); tn != nil; tn = g.tunnels.Tunnel(p.Name) {
			if tn.Owner() == p.Owner {
				return target{name: p.Name, via: "tunnel", rt: tn, base: &url.URL{Scheme: "http", Host: p.Name}, price: p.PricePerRequest}, nil
			}
			tn.Close() // the name changed hands since the login
		}
	}
	bases, err := g.endpointURLs(p)
	if err != nil {
		return target{}, err
	}
	base, err := g.verify.first(ctx, p, bases)
	if err != nil {
		return target{}, err
	}
	var rt http.RoundTripper = g.direct
	if len(bases) > 1 {
		// A relay that proves ownership and then drops the requests is
		// passed over while the provider has another way in.
		rt = &relayWatch{rt: g.direct, v: g.verify, p: p, base: base}
	}
	return target{name: p.Name, via: "endpoint", rt: rt, base: base, price: p.PricePerRequest}, nil
}

// relayWatch sends requests to one of a provider's several endpoints and,
// when one fails without an answer or with a gateway error (502, 504: what
// a relaying gateway says when it cannot reach the provider, or drops it),
// takes that endpoint out of use for forbiddenTTL, so the next request
// goes through another. One request is lost per endpoint per minute.
type relayWatch struct {
	rt   http.RoundTripper
	v    *verifier
	p    chain.Provider
	base *url.URL
}

func (w *relayWatch) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := w.rt.RoundTrip(r)
	switch {
	case err != nil && r.Context().Err() == nil:
		w.v.setAside(w.p, w.base, err)
	case err == nil && (resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusGatewayTimeout) && !fromFunction(resp):
		w.v.setAside(w.p, w.base, fmt.Errorf("answered %s", resp.Status))
	}
	return resp, err
}

// fromFunction reports whether a 502 or 504 is the function's own doing,
// which says nothing about the way to the provider: the function answered
// with that status (the provider timed it, X-WF-Duration), or it failed or
// timed out (the provider's function_failed or timeout error). Anything
// else (a relay that could not reach the provider) sets the endpoint
// aside. A lying relay can still dress a drop up as a function failure:
// a provider does not sign its error answers yet.
func fromFunction(resp *http.Response) bool {
	if resp.Header.Get(wf.DurationHeader) != "" {
		return true
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		return false
	}
	head, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), resp.Body), resp.Body}
	if err != nil {
		return false
	}
	var b httperr.Body
	if json.Unmarshal(head, &b) != nil {
		return false
	}
	return b.Error.Code == "function_failed" || b.Error.Code == "timeout"
}

// endpointURLs parses p's registered endpoints, in order, leaving out
// those on this gateway's own domain: they are reachable only by a tunnel
// to this gateway.
func (g *Gateway) endpointURLs(p chain.Provider) ([]*url.URL, error) {
	var out []*url.URL
	own := false
	for _, e := range p.Endpoints() {
		u, err := url.Parse(e)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
			continue
		}
		if d := g.cfg.Domain; d != "" {
			h := strings.ToLower(u.Hostname())
			if h == d || strings.HasSuffix(h, "."+d) {
				own = true
				continue
			}
		}
		out = append(out, u)
	}
	switch {
	case len(out) > 0:
		return out, nil
	case own:
		return nil, wf.E(wf.ErrUnavailable, fmt.Sprintf("provider %s is not connected: it is served only through a tunnel to this gateway", p.Name), nil)
	}
	return nil, wf.E(wf.ErrUnavailable, fmt.Sprintf("provider %s has no usable endpoint and no tunnel to this gateway", p.Name), nil)
}

// verifier checks and caches endpoint ownership proofs.
type verifier struct {
	g      *Gateway
	client *http.Client
	group  singleflight.Group

	mu    sync.Mutex
	cache map[string]verdict // by name and endpoint URL
}

// verdict is the outcome of challenging one (name, endpoint URL, owner).
type verdict struct {
	owner    wf.Address
	err      error
	until    time.Time
	failures int // transient failures in a row, for the backoff
}

// How long failures are remembered: a refusal (a wrong or missing proof)
// long enough that a name squatting on someone else's server cannot make
// the gateway hammer it; a transient failure (unreachable, a 5xx, 429,
// 408: a tunnel still coming up behind another gateway, a restart) only
// briefly, so that the provider is routable again soon after it answers;
// each transient failure in a row doubles that, up to forbiddenTTL, so an
// endpoint that keeps failing is not asked every 5 s for good.
const (
	forbiddenTTL   = time.Minute
	unreachableTTL = 5 * time.Second
	verifyTimeout  = 5 * time.Second
	maxProofBytes  = 4 << 10
)

func newVerifier(g *Gateway) *verifier {
	return &verifier{
		g: g,
		client: &http.Client{
			Transport: g.direct,
			Timeout:   verifyTimeout,
			// A redirect could only lead to a server that signs for
			// someone else; do not follow it.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		cache: make(map[string]verdict),
	}
}

// first returns the first of bases to have proven (now or
// recently enough) that p's owner controls it. They are challenged at
// once, so one that hangs (a gateway dropping the provider's traffic)
// delays nothing while another proves itself. With none proven, the error
// is "not now" (503) if any failed transiently, else "not proven" (403).
func (v *verifier) first(ctx context.Context, p chain.Provider, bases []*url.URL) (*url.URL, error) {
	if len(bases) == 1 {
		return bases[0], v.check(ctx, p, bases[0])
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		err error
	}
	results := make(chan result, len(bases))
	for i, b := range bases {
		go func() { results <- result{i, v.check(ctx, p, b)} }()
	}
	var firstErr, transient error
	for range bases {
		r := <-results
		if r.err == nil {
			return bases[r.i], nil
		}
		if firstErr == nil {
			firstErr = r.err
		}
		if transient == nil && !errors.Is(r.err, wf.ErrForbidden) {
			transient = r.err
		}
	}
	if transient != nil {
		return nil, transient
	}
	return nil, firstErr
}

// check returns nil if p's endpoint base has proven, recently enough, that
// p's owner controls it. A changed owner is challenged again.
func (v *verifier) check(ctx context.Context, p chain.Provider, base *url.URL) error {
	now := v.g.cfg.Now()
	key := p.Name + "\x00" + base.String()
	v.mu.Lock()
	d, ok := v.cache[key]
	v.mu.Unlock()
	if ok && d.owner == p.Owner && now.Before(d.until) {
		return d.err
	}
	// One challenge per entry at a time, not bound to this request: a
	// caller that gives up does not waste the answer for the others.
	ch := v.group.DoChan(key+"\x00"+p.Owner.String(), func() (any, error) {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), verifyTimeout)
		defer cancel()
		err := v.challenge(cctx, p, base)
		ttl, result, failures := v.g.cfg.VerifyTTL, "ok", 0
		switch {
		case errors.Is(err, wf.ErrForbidden):
			ttl, result = forbiddenTTL, "refused"
		case err != nil:
			v.mu.Lock()
			if prev, ok := v.cache[key]; ok && prev.owner == p.Owner && prev.failures > 0 {
				failures = prev.failures
			}
			v.mu.Unlock()
			failures++
			ttl, result = min(unreachableTTL<<min(failures-1, 8), forbiddenTTL), "unreachable"
		}
		v.g.metrics.verifications.WithLabelValues(result).Inc()
		v.mu.Lock()
		v.cache[key] = verdict{owner: p.Owner, err: err, until: v.g.cfg.Now().Add(ttl), failures: failures}
		v.mu.Unlock()
		if err != nil {
			v.g.log.Info("endpoint not verified", "provider", p.Name, "endpoint", base.String(), "err", err)
		}
		return nil, err
	})
	select {
	case res := <-ch:
		return res.Err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// setAside records that p's endpoint base failed a request after proving
// itself: it is not used for forbiddenTTL (a 503 meanwhile, if it is the
// only way in that proves itself).
func (v *verifier) setAside(p chain.Provider, base *url.URL, why error) {
	v.g.log.Info("endpoint set aside after a failed request", "provider", p.Name, "endpoint", base.String(), "err", why)
	v.mu.Lock()
	v.cache[p.Name+"\x00"+base.String()] = verdict{owner: p.Owner, until: v.g.cfg.Now().Add(forbiddenTTL), failures: 1,
		err: wf.E(wf.ErrUnavailable, fmt.Sprintf("provider %s's endpoint %s failed a request just now; another is used while it has one", p.Name, base.Redacted()), why)}
	v.mu.Unlock()
}

// challenge asks the endpoint to sign a fresh nonce.
func (v *verifier) challenge(ctx context.Context, p chain.Provider, base *url.URL) error {
	n := wf.NewNonce()
	u := *base
	u.Path = strings.TrimSuffix(u.Path, "/") + chain.ChallengePath
	u.RawPath = ""
	u.RawQuery = url.Values{"nonce": {n.String()}, "gateway": {v.g.gwName}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return wf.E(wf.ErrUnavailable, fmt.Sprintf("provider %s has no usable endpoint", p.Name), err)
	}
	resp, err := v.client.Do(req)
	if errors.Is(err, errPrivateEndpoint) {
		return wf.E(wf.ErrUnavailable, fmt.Sprintf("provider %s's endpoint %s is a private address, which this gateway does not route to (a private deployment starts it with --allow-private)", p.Name, base.Host), err)
	}
	if err != nil {
		return wf.E(wf.ErrUnavailable, fmt.Sprintf("provider %s could not be reached", p.Name), err)
	}
	defer resp.Body.Close()
	notProven := fmt.Sprintf("provider %s's endpoint did not prove that the name's registered address controls it", p.Name)
	if transientStatus(resp.StatusCode) {
		// Not an answer to the challenge: it is asked again shortly.
		return wf.E(wf.ErrUnavailable, fmt.Sprintf("provider %s's endpoint cannot answer the gateway's ownership challenge now (%s); it is asked again shortly (after %s, longer while it keeps failing)",
			p.Name, resp.Status, unreachableTTL), nil)
	}
	if resp.StatusCode != http.StatusOK {
		return wf.E(wf.ErrForbidden, notProven, fmt.Errorf("challenge answered %s", resp.Status))
	}
	var proof chain.Proof
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxProofBytes)).Decode(&proof); err != nil {
		return wf.E(wf.ErrForbidden, notProven, fmt.Errorf("challenge answer: %w", err))
	}
	if err := proof.Verify(wf.EndpointChallenge{Gateway: v.g.gwName, Nonce: n}); err != nil {
		return wf.E(wf.ErrForbidden, notProven, err)
	}
	if proof.Address != p.Owner {
		return wf.E(wf.ErrForbidden, notProven, fmt.Errorf("endpoint answers for %s, the name is registered to %s",
			proof.Address.Checksum(), p.Owner.Checksum()))
	}
	return nil
}

// transientStatus reports whether an answer to a challenge says "not
// now" rather than "no": server errors, 429 and 408.
func transientStatus(code int) bool {
	return code >= 500 || code == http.StatusTooManyRequests || code == http.StatusRequestTimeout
}

// newDirectTransport is the transport to providers' endpoints. Unless
// allowPrivate, it refuses to connect to loopback, private, link-local and
// other non-public addresses, checked on the address actually dialed, so
// DNS that changes between verification and use cannot redirect it.
func newDirectTransport(allowPrivate bool) *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = func(network, address string, c syscall.RawConn) error {
			if err := client.PublicOnly(network, address, c); err != nil {
				return fmt.Errorf("%w: %v", errPrivateEndpoint, err)
			}
			return nil
		}
	}
	dial := d.DialContext
	if allowPrivate {
		dial = relay.DialLocalhost(dial) // *.localhost is loopback (RFC 6761), as for browsers
	}
	return &http.Transport{
		DialContext:           dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          1024,
		MaxIdleConnsPerHost:   64,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true, // pass bodies through as they are
	}
}

// errPrivateEndpoint is a registered endpoint on a loopback, private or
// other non-public address, refused without AllowPrivateEndpoints. Its
// text is shown to callers: the endpoint is public registry data.
var errPrivateEndpoint = errors.New("gateway: not a public address")

package gateway

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Verified execution (docs/verification.md): a request with X-WF-Verify: k
// (or to a function whose spec asks for k) runs on k providers with
// distinct registered addresses, each signs a result receipt over the
// request's and its answer's hashes, and the gateway answers only if k
// attested answers agree. It never returns an answer that another
// provider contradicted.

// Bounds of verified requests: bodies are held in memory, one response
// per provider.
const (
	verifyBodyMax     = retryBodyMax
	verifyResponseMax = 8 << 20
	// maxVerifying bounds the verified requests in flight at once, so
	// that what they hold (up to spec.MaxVerify answers of
	// verifyResponseMax each) is bounded for the whole gateway, not per
	// request: more get 503 with Retry-After.
	maxVerifying = 8
)

// verification is a verified request's plan: its route's targets are the
// providers to ask, the first k first and the rest as spares.
type verification struct {
	k      int
	owners map[string]wf.Address // registered address, by provider name
	segs   int                   // path segments naming the function: 1 (/<cid>) or 2 (/@owner/name)
}

// parseVerify reads X-WF-Verify: absent is 0, otherwise one decimal
// level from 1 to spec.MaxVerify.
func parseVerify(vs []string) (int, error) {
	switch len(vs) {
	case 0:
		return 0, nil
	case 1:
	default:
		return 0, fmt.Errorf("%w: %s given %d times; give it once", wf.ErrInvalid, wf.VerifyHeader, len(vs))
	}
	v := strings.Trim(vs[0], " \t")
	if len(v) != 1 || v[0] < '1' || v[0] > '0'+spec.MaxVerify {
		return 0, fmt.Errorf("%w: %s %q: want a number of providers from 1 to %d", wf.ErrInvalid, wf.VerifyHeader, truncateHeader(v), spec.MaxVerify)
	}
	return int(v[0] - '0'), nil
}

func truncateHeader(s string) string {
	if len(s) > 32 {
		return s[:32] + "…"
	}
	return s
}

// verifyError is one of verified execution's own errors. Those of
// roundTripVerified keep the X-WF-Route that lists who failed.
func verifyError(status int, code, msg string, details map[string]any) *detailedError {
	return &detailedError{err: &httperr.Error{Status: status, Code: code, Message: msg}, details: details}
}

// refuse is verifyError for a request refused before any provider was
// asked.
func refuse(status int, code, msg string, details map[string]any) error {
	de := verifyError(status, code, msg, details)
	de.route = "provider=none; reason=" + code
	return de
}

// planVerify decides whether rt, smart routing's plan for a request
// whose caller asked for level want (0: not asked), is verified, and if
// so makes its targets the providers to compare. It must run after
// candidates, which reads the spec.
func (g *Gateway) planVerify(ctx context.Context, r *http.Request, rt *route, want, segs int) error {
	acc, known := g.specs.access(rt.cid)
	if want == 0 && (acc.det == nil || acc.det.Verify == 0) {
		return nil
	}
	c := rt.cid.String()
	switch {
	case !known:
		return refuse(http.StatusServiceUnavailable, "too_few_verifiers",
			fmt.Sprintf("no provider served the spec of %s, so it cannot be verified", c), map[string]any{"function": c})
	case acc.det == nil:
		return refuse(http.StatusBadRequest, "not_deterministic",
			fmt.Sprintf("function %s does not declare itself deterministic (spec extension %s), so its answers cannot be compared; send the request without %s", c, spec.DeterministicExtension, wf.VerifyHeader),
			map[string]any{"function": c})
	case want > acc.det.Max():
		return refuse(http.StatusBadRequest, "verify_too_high",
			fmt.Sprintf("%s %d is more than the %d the function's owner allows", wf.VerifyHeader, want, acc.det.Max()),
			map[string]any{"function": c, "maxVerify": acc.det.Max()})
	case r.Header.Get(wf.VoucherHeader) != "":
		return refuse(http.StatusBadRequest, "verify_caller_pays",
			"a voucher pays one provider for one request, so a verified request cannot be paid by its caller; verified execution is for functions their owner pays for, or free", nil)
	}
	k := max(want, acc.det.Verify)
	ts, err := g.router.candidatesUpTo(ctx, rt.cid, maxAsked)
	if err != nil {
		return err
	}
	v := &verification{k: k, owners: map[string]wf.Address{}, segs: segs}
	seen := map[wf.Address]bool{}
	var picked []target
	var holders []string
	for _, t := range ts {
		if !t.has {
			continue
		}
		holders = append(holders, t.name)
		p, err := g.cfg.Registry.Lookup(ctx, t.name)
		if err != nil || p.Owner.IsZero() || seen[p.Owner] {
			continue // one vote per registered address
		}
		seen[p.Owner] = true
		v.owners[t.name] = p.Owner
		picked = append(picked, t)
	}
	if len(picked) < k {
		names := make([]string, len(picked))
		for i, t := range picked {
			names[i] = t.name
		}
		return refuse(http.StatusServiceUnavailable, "too_few_verifiers",
			fmt.Sprintf("verifying %s needs %d providers with distinct registered addresses that hold it; this gateway reaches %d", c, k, len(picked)),
			map[string]any{"function": c, "verify": k, "providers": names, "holders": holders})
	}
	rt.targets, rt.verify = picked, v
	return nil
}

// answer is one provider's part in a verified request.
type answer struct {
	t        *target
	resp     *http.Response // body read into body and closed
	body     []byte
	hash     wf.Hash
	receipt  string // its X-WF-Result
	attested bool   // receipt signed by its registered address over (request, hash)
	problem  string // why not attested
	kind     string // for X-WF-Route's failed list
}

// evidence is what the error body shows of an answer.
func (a *answer) evidence(v *verification) map[string]any {
	e := map[string]any{"provider": a.t.name, "address": v.owners[a.t.name], "attested": a.attested}
	if a.resp != nil {
		e["status"] = a.resp.StatusCode
		e["response"] = a.hash
	}
	if a.receipt != "" {
		e["receipt"] = a.receipt
	}
	if a.problem != "" {
		e["problem"] = a.problem
	}
	return e
}

// roundTripVerified runs req, a verified request, on its route's
// providers until k attested answers agree, any two disagree, or no
// spare is left.
func (g *Gateway) roundTripVerified(req *http.Request) (*http.Response, error) {
	select {
	case g.verifying <- struct{}{}:
		defer func() { <-g.verifying }()
	default:
		return nil, verifyError(http.StatusServiceUnavailable, "verify_busy",
			fmt.Sprintf("this gateway is verifying %d requests at once, its maximum; retry shortly", maxVerifying), nil)
	}
	rt := routeOf(req.Context())
	v := rt.verify
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		b, err := io.ReadAll(io.LimitReader(req.Body, verifyBodyMax+1))
		if err != nil {
			return nil, err
		}
		req.Body.Close()
		if len(b) > verifyBodyMax {
			return nil, verifyError(http.StatusRequestEntityTooLarge, "too_large",
				fmt.Sprintf("a verified request's body is sent to several providers and held in memory: at most %d bytes", verifyBodyMax), nil)
		}
		body = b
	}
	if body == nil {
		body = []byte{}
	}
	reqHash := wf.RequestHash(rt.cid, req.Method, pathInfo(req.URL.EscapedPath(), v.segs), req.URL.RawQuery, body)
	var answers []*answer
	var agreed []*answer
	disagree := false
	for next := 0; len(agreed) < v.k && !disagree && next < len(rt.targets) && req.Context().Err() == nil; {
		batch := rt.targets[next:min(next+v.k-len(agreed), len(rt.targets))]
		next += len(batch)
		got := make([]*answer, len(batch))
		var wg sync.WaitGroup
		for i := range batch {
			wg.Go(func() { got[i] = g.verifyAttempt(req, &batch[i], body, reqHash, v) })
		}
		wg.Wait()
		for _, a := range got {
			answers = append(answers, a)
			switch {
			case !a.attested:
				rt.failed = append(rt.failed, a.t.name+":"+a.kind)
			case len(agreed) > 0 && a.hash != agreed[0].hash:
				disagree = true
				rt.failed = append(rt.failed, a.t.name+":disagrees")
			default:
				agreed = append(agreed, a)
			}
		}
	}
	if disagree || len(agreed) < v.k {
		ev := make([]map[string]any, len(answers))
		for i, a := range answers {
			ev[i] = a.evidence(v)
		}
		details := map[string]any{"function": rt.cid.String(), "verify": v.k, "request": reqHash, "answers": ev}
		if disagree {
			g.log.Warn("verified execution: providers disagree", "function", rt.cid.String(), "request", reqHash.String(), "answers", ev)
			return nil, verifyError(http.StatusBadGateway, "verification_failed",
				fmt.Sprintf("providers answered this request differently, so no answer is returned; details.answers has each provider's signed result receipt (%s)", wf.ResultHeader), details)
		}
		if err := req.Context().Err(); err != nil {
			return nil, err
		}
		return nil, verifyError(http.StatusBadGateway, "verification_incomplete",
			fmt.Sprintf("%d of the %d providers needed gave an attested answer; details.answers says what went wrong", len(agreed), v.k), details)
	}
	first := agreed[0]
	rt.chosen = first.t
	for i := range rt.targets {
		if &rt.targets[i] == first.t {
			rt.attempt = i + 1
		}
	}
	resp := first.resp
	resp.Header = resp.Header.Clone()
	names := make([]string, len(agreed))
	resp.Header.Del(wf.ResultHeader)
	for i, a := range agreed {
		names[i] = a.t.name
		resp.Header.Add(wf.ResultHeader, a.receipt)
	}
	resp.Header.Set(wf.VerifiedHeader, fmt.Sprintf("k=%d; response=%s; providers=%s", v.k, first.hash, strings.Join(names, ",")))
	resp.Body = io.NopCloser(bytes.NewReader(first.body))
	resp.ContentLength = int64(len(first.body))
	resp.Header.Set("Content-Length", strconv.Itoa(len(first.body)))
	return resp, nil
}

// verifyAttempt sends req to t asking for a result receipt and reads the
// whole answer.
func (g *Gateway) verifyAttempt(req *http.Request, t *target, body []byte, reqHash wf.Hash, v *verification) *answer {
	a := &answer{t: t}
	out := outFor(req, t, body)
	out.Header.Set(wf.AttestHeader, "1")
	resp, kind, err := g.attempt(t, out)
	if err != nil {
		a.kind, a.problem = kind, "no answer: "+err.Error()
		return a
	}
	defer resp.Body.Close()
	limit := min(g.cfg.MaxResponseBytes, verifyResponseMax)
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	switch {
	case err != nil:
		a.kind, a.problem = "error", "answer cut short: "+err.Error()
		return a
	case int64(len(b)) > limit:
		a.kind, a.problem = "too-large", fmt.Sprintf("answer longer than the %d bytes a verified answer may have", limit)
		return a
	}
	a.resp, a.body = resp, b
	a.hash = wf.ResponseHash(resp.StatusCode, resp.Header, b)
	a.receipt = resp.Header.Get(wf.ResultHeader)
	a.kind = "unattested"
	if a.receipt == "" {
		a.problem = fmt.Sprintf("status %d without a result receipt", resp.StatusCode)
		return a
	}
	rr, sig, err := chain.ParseResultHeader(routeOf(req.Context()).cid, a.receipt)
	switch {
	case err != nil:
		a.problem = err.Error()
	case rr.Request != reqHash:
		a.problem = "the receipt is for another request (" + rr.Request.String() + ")"
	case rr.Response != a.hash:
		a.problem = "the receipt is for another response (" + rr.Response.String() + ") than the one sent"
	default:
		if err := chain.VerifyResult(rr, sig, v.owners[t.name]); err != nil {
			a.problem = err.Error()
		} else {
			a.attested, a.kind = true, ""
		}
	}
	return a
}

// pathInfo is the escaped path after its first segs segments, as the
// provider's PATH_INFO.
func pathInfo(escaped string, segs int) string {
	rest := escaped
	for range segs {
		rest = strings.TrimPrefix(rest, "/")
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return ""
		}
		rest = rest[i:]
	}
	return rest
}

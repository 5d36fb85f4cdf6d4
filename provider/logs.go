package provider

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// MaxLogsAuthWindow bounds how far ahead a log-read signature may expire:
// long enough for a clock a little ahead, short enough that a captured
// header is soon worthless.
const MaxLogsAuthWindow = 5 * time.Minute

// serveLogs returns a function's recent invocations to its owner. The
// request carries `Authorization: WF-Sig expires=<unix>,sig=<0x...>`, the
// owner's signature over a wf.LogsRequest (function, this provider's
// address, expires), and may name the provider it was signed for
// (provider=<0x...>) so that a mismatch is explained.
//
// Everything here is checked before any work: the signature, then the
// owner against the spec block alone. Logs are kept only for loaded
// functions, so a function that is not loaded has none, and nothing is
// fetched from peers, read beyond the spec block or compiled for a log
// read.
func (p *Provider) serveLogs(w http.ResponseWriter, r *http.Request) {
	c, f, ok := p.ownerRead(w, r)
	if !ok {
		return
	}
	var entries []LogEntry
	if f != nil {
		entries = f.recent()
	}
	httperr.WriteJSON(w, http.StatusOK, map[string]any{"function": c, "entries": entries})
}

// ownerRead checks a signed read of a function's records (logs, stats):
// a wf.LogsRequest for this provider signed by the function's owner, or
// by a delegate with the logs scope. It returns the function and, if
// loaded, its state; on a refusal it has answered w and ok is false.
func (p *Provider) ownerRead(w http.ResponseWriter, r *http.Request) (c wf.CID, f *function, ok bool) {
	ri := info(r)
	c, signer, ok := p.signedRequest(w, r, "logs", func(c wf.CID, expires int64) wf.Message {
		return wf.LogsRequest{Function: c, Provider: p.address(), Expires: expires}
	})
	if !ok {
		return c, nil, false
	}
	owner, f, err := p.owner(r, c)
	if err == nil && signer != owner {
		err = p.delegated(r, owner, signer, spec.ScopeLogs)
	}
	if err != nil {
		httperr.Write(w, ri.log, err)
		return c, nil, false
	}
	return c, f, true
}

// recordRefusal puts a request refused before it ran (payment, the
// owner's caller limits) in the function's log, so that its owner sees
// why callers got 402 or 429.
func (p *Provider) recordRefusal(f *function, r *http.Request, err error) {
	status, _ := httperr.Status(err)
	p.metrics.fns.refused(f.cid, status, p.cfg.Now())
	f.record(LogEntry{Time: p.cfg.Now().UTC(), RequestID: info(r).id, Method: r.Method, Path: r.URL.Path,
		Query: f.logQuery(r.URL.RawQuery), Status: status, Error: httperr.Message(err)}, p.cfg.LogEntries)
}

// logQuery is a request's query as its log keeps it: decoded, so that a
// secret sent percent-encoded is redacted like one sent as is.
func (f *function) logQuery(raw string) string {
	if q, err := url.QueryUnescape(raw); err == nil {
		raw = q
	}
	return f.redact.Redact(raw)
}

// pointAtLogs adds, to a function's own failure, where its owner finds
// what it wrote to stderr.
func pointAtLogs(err error, c wf.CID) error {
	if !errors.Is(err, wf.ErrFunctionFailed) {
		return err
	}
	return wf.E(wf.ErrFunctionFailed, httperr.Message(err)+"; its owner sees what it wrote to stderr with: wf logs "+c.String(), err)
}

// address is the provider's identity, to which log reads are bound; zero
// without a Key.
func (p *Provider) address() wf.Address {
	if p.cfg.Key == nil {
		return wf.Address{}
	}
	return p.cfg.Key.Address()
}

// owner returns the owner of function c and, when it is loaded, the
// function. A function that is not loaded is looked up in the store only:
// its spec block is read and its signature checked, nothing fetched or
// compiled.
func (p *Provider) owner(r *http.Request, c wf.CID) (wf.Address, *function, error) {
	p.mu.Lock()
	el, ok := p.loaded[c]
	p.mu.Unlock()
	if ok {
		f := el.Value.(*function)
		return f.spec.Spec.Owner, f, nil
	}
	notHere := fmt.Errorf("%w: function %s is not deployed here", wf.ErrNotFound, c)
	if !spec.IsBlockCID(c) {
		return wf.Address{}, nil, notHere
	}
	has, err := p.cfg.Store.Has(r.Context(), c)
	if err != nil {
		return wf.Address{}, nil, fmt.Errorf("provider: logs %s: %w", c, err)
	}
	if !has {
		return wf.Address{}, nil, notHere
	}
	b, err := p.cfg.Store.Get(r.Context(), c)
	if err != nil {
		return wf.Address{}, nil, fmt.Errorf("provider: logs %s: %w", c, err)
	}
	ss, err := p.verify(b)
	if err != nil {
		return wf.Address{}, nil, err
	}
	return ss.Spec.Owner, nil, nil
}

// sigAuth returns who signed the request's Authorization: WF-Sig header,
// over the message msg makes of its expiry (a log read, a delete): bound
// to this provider and at most MaxLogsAuthWindow ahead.
func (p *Provider) sigAuth(r *http.Request, msg func(expires int64) wf.Message) (wf.Address, error) {
	unauth := func(msg string) (wf.Address, error) {
		return wf.Address{}, fmt.Errorf("%w: %s", wf.ErrUnauthorized, msg)
	}
	auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "WF-Sig ")
	if !ok {
		return unauth("send Authorization: WF-Sig expires=<unix>,sig=<owner signature> (wf logs and wf delete do this)")
	}
	var expires int64
	var sig wf.Signature
	var haveSig bool
	self := p.address()
	for _, kv := range strings.Split(auth, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		switch k {
		case "expires":
			expires, _ = strconv.ParseInt(v, 10, 64)
		case "sig":
			if err := sig.UnmarshalText([]byte(v)); err != nil {
				return unauth("malformed signature")
			}
			haveSig = true
		case "provider":
			a, err := wf.ParseAddress(v)
			if err != nil {
				return unauth("malformed provider address")
			}
			if a != self {
				return wf.Address{}, fmt.Errorf("%w: the signature is for provider %s; this is %s",
					wf.ErrForbidden, a.Checksum(), self.Checksum())
			}
		}
	}
	now := p.cfg.Now()
	if !haveSig || expires == 0 {
		return unauth("Authorization needs expires and sig")
	}
	if exp := time.Unix(expires, 0); exp.Before(now) || exp.After(now.Add(MaxLogsAuthWindow)) {
		return unauth(fmt.Sprintf("signature expired or expires too far ahead (at most %s)", MaxLogsAuthWindow))
	}
	signer, err := chain.Verifier{}.Recover(msg(expires), sig)
	if err != nil {
		return unauth("bad signature")
	}
	return signer, nil
}

// signedRequest reads the function of an owner's signed request to
// /v1/.../{cid} and who signed it (sigAuth over the message mk makes for
// it); on failure it has answered (WWW-Authenticate names realm) and
// returns false. Whether the signer owns the function is the caller's to
// check.
func (p *Provider) signedRequest(w http.ResponseWriter, r *http.Request, realm string, mk func(c wf.CID, expires int64) wf.Message) (wf.CID, wf.Address, bool) {
	ri := info(r)
	c, err := wf.ParseCID(r.PathValue("cid"))
	if err != nil {
		httperr.Write(w, ri.log, fmt.Errorf("%w: %v", wf.ErrInvalid, err))
		return c, wf.Address{}, false
	}
	signer, err := p.sigAuth(r, func(expires int64) wf.Message { return mk(c, expires) })
	if err != nil {
		w.Header().Set("WWW-Authenticate", `WF-Sig realm="`+realm+`"`)
		httperr.Write(w, ri.log, err)
		return c, wf.Address{}, false
	}
	return c, signer, true
}

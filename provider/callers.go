package provider

import (
	"container/list"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// DefaultExtensions are the project's own extensions, which this provider
// enforces: what a node understands unless told otherwise.
func DefaultExtensions() spec.Registry { return spec.NewRegistry(spec.Builtin()...) }

// Bounds of the wf.callers state, kept in memory only (a restart forgets
// it): the functions with limits whose windows are remembered, and the
// callers remembered per function. The least recently seen go first.
const (
	maxLimitedFunctions = 1024
	maxCallersPerFunc   = 1024
)

type tunnelKey struct{}

// Tunneled marks the requests h serves as arriving through a tunnel this
// provider dialed itself to a gateway it chose, so that the gateway's
// X-Forwarded-For names their caller. Never wrap a listener callers reach
// directly: there the header is whatever the caller wrote.
func Tunneled(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), tunnelKey{}, true)))
	})
}

// payerProver is a wf.Payments that can name the payer a request's voucher
// proves without reserving anything (payment.Meter).
type payerProver interface {
	Payer(r *wf.PaidRequest) (wf.Address, bool)
}

// callerLimits holds the windows of wf.callers, per function.
type callerLimits struct {
	mu   sync.Mutex
	fns  map[wf.CID]*list.Element // of *funcWindows
	lru  *list.List
	now  func() time.Time
	maxF int
	maxC int
}

type funcWindows struct {
	cid     wf.CID
	owner   window
	callers map[string]*list.Element // of *callerWindow
	lru     *list.List
}

type callerWindow struct {
	id string
	w  window
}

// window counts requests in a fixed window that opens at the first request
// after the previous one closed.
type window struct {
	start time.Time
	n     int64
}

// full reports whether w has no room under r at now, and when it reopens.
func (w *window) full(r *spec.Rate, now time.Time) (bool, time.Time) {
	end := w.start.Add(r.Window())
	if w.n == 0 || !now.Before(end) {
		return false, time.Time{}
	}
	return w.n >= r.Requests, end
}

func (w *window) add(r *spec.Rate, now time.Time) {
	if w.n == 0 || !now.Before(w.start.Add(r.Window())) {
		w.start, w.n = now, 0
	}
	w.n++
}

func newCallerLimits(now func() time.Time) *callerLimits {
	return &callerLimits{fns: make(map[wf.CID]*list.Element), lru: list.New(), now: now,
		maxF: maxLimitedFunctions, maxC: maxCallersPerFunc}
}

// limitError is a request the owner's limits refuse: never run, never
// charged.
type limitError struct {
	err     *httperr.Error
	retry   time.Duration // 0: none
	details map[string]any
}

func (e *limitError) Error() string { return e.err.Message }
func (e *limitError) Unwrap() error { return e.err }

// admitCaller applies f's wf.callers limits to r before payment is
// authorized and before a slot is taken; a request it admits counts
// against them whatever happens next.
func (p *Provider) admitCaller(r *http.Request, f *function, pr *wf.PaidRequest) error {
	x, ok := f.spec.Spec.Extensions[spec.CallersExtension]
	if !ok || p.cfg.Extensions[spec.CallersExtension].Name == "" {
		return nil
	}
	// Decoded with the function, not in the windows' table: a request
	// that only needs the rules (callerPays) must not push another
	// function's open windows out of it.
	f.callersOnce.Do(func() { f.callersRules, f.callersErr = spec.DecodeCallers(x.Data) })
	rules, err := f.callersRules, f.callersErr
	if err != nil {
		return err
	}
	// Only a node that charges has owner-paid requests: those without a
	// voucher header (a bad voucher is refused by payment, not billed).
	ownerPaid := p.cfg.Payments != nil && len(http.Header(pr.Header).Values(wf.VoucherHeader)) == 0
	if ownerPaid && rules.CallerPays == spec.CallerPaysRequired {
		return &limitError{err: &httperr.Error{Status: http.StatusPaymentRequired, Code: "caller_pays_required",
			Message: "the function's owner pays for no request (wf.callers callerPays required): pay as the caller with a voucher: wf invoke --pay <provider>, or package client's Payer"},
			details: map[string]any{"mode": "caller", "reason": "caller_pays_required"}}
	}
	if rules.PerCaller == nil && rules.OwnerPays == nil {
		return nil
	}
	id := p.callerID(r, pr)
	return p.callers.admit(f.cid, rules, id, ownerPaid)
}

func (l *callerLimits) admit(c wf.CID, rules *spec.Callers, id string, ownerPaid bool) error {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	fw := l.function(c)
	var cw *callerWindow
	if rules.PerCaller != nil {
		cw = fw.caller(id, l.maxC)
		if full, until := cw.w.full(rules.PerCaller, now); full {
			return refuse("caller_rate_limited", "perCaller", rules.PerCaller, now, until,
				fmt.Sprintf("this caller (%s) has used the %d requests per %s the function's owner allows each caller", id, rules.PerCaller.Requests, rules.PerCaller.Window()))
		}
	}
	if ownerPaid && rules.OwnerPays != nil {
		if full, until := fw.owner.full(rules.OwnerPays, now); full {
			return refuse("owner_budget_window", "ownerPays", rules.OwnerPays, now, until,
				fmt.Sprintf("the function's owner pays for %d requests per %s from all callers, and they are used; pay as the caller with a voucher (wf invoke --pay) or try later", rules.OwnerPays.Requests, rules.OwnerPays.Window()))
		}
		fw.owner.add(rules.OwnerPays, now)
	}
	if cw != nil {
		cw.w.add(rules.PerCaller, now)
	}
	return nil
}

func refuse(code, limit string, r *spec.Rate, now, until time.Time, msg string) error {
	retry := until.Sub(now)
	secs := int64((retry + time.Second - 1) / time.Second)
	return &limitError{
		err: &httperr.Error{Status: http.StatusTooManyRequests, Code: code,
			Message: fmt.Sprintf("%s (wf.callers %s); retry in %ds", msg, limit, secs)},
		retry:   retry,
		details: map[string]any{"limit": limit, "requests": r.Requests, "seconds": r.Seconds, "retryAfter": secs},
	}
}

// function returns c's windows, making them, most recently used first.
func (l *callerLimits) function(c wf.CID) *funcWindows {
	if e, ok := l.fns[c]; ok {
		l.lru.MoveToFront(e)
		return e.Value.(*funcWindows)
	}
	if l.lru.Len() >= l.maxF {
		old := l.lru.Remove(l.lru.Back()).(*funcWindows)
		delete(l.fns, old.cid)
	}
	fw := &funcWindows{cid: c, callers: make(map[string]*list.Element), lru: list.New()}
	l.fns[c] = l.lru.PushFront(fw)
	return fw
}

func (fw *funcWindows) caller(id string, max int) *callerWindow {
	if e, ok := fw.callers[id]; ok {
		fw.lru.MoveToFront(e)
		return e.Value.(*callerWindow)
	}
	if fw.lru.Len() >= max {
		old := fw.lru.Remove(fw.lru.Back()).(*callerWindow)
		delete(fw.callers, old.id)
	}
	cw := &callerWindow{id: id}
	fw.callers[id] = fw.lru.PushFront(cw)
	return cw
}

// writeLimitError answers a refused request: 429 with Retry-After, or the
// 402 of callerPays.
func writeLimitError(w http.ResponseWriter, ri reqInfo, err error) {
	le, ok := err.(*limitError)
	if !ok {
		httperr.Write(w, ri.log, err)
		return
	}
	if le.retry > 0 {
		w.Header().Set("Retry-After", strconv.FormatInt(int64((le.retry+time.Second-1)/time.Second), 10))
	}
	httperr.WriteExtra(w, ri.log, le.err, le.details)
}

// callerIP is r's caller's address: the connection's, or through this
// provider's own tunnel (tunneled true) the gateway's right-most
// X-Forwarded-For entry; invalid when a tunnel request has none.
func callerIP(r *http.Request) (addr netip.Addr, tunneled bool) {
	if tunneled, _ = r.Context().Value(tunnelKey{}).(bool); tunneled {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			last := xff[len(xff)-1]
			if i := strings.LastIndexByte(last, ','); i >= 0 {
				last = last[i+1:]
			}
			addr, _ = netip.ParseAddr(strings.TrimSpace(last))
		}
	} else if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		addr, _ = netip.ParseAddr(host)
	}
	return addr, tunneled
}

// callerID names r's caller for wf.callers: the payer a voucher proves
// (whose sequence number is unused: a replayed header names no one), else the caller's IP address (its /64 for IPv6, which one host gets
// whole). The IP is the connection's, or through this provider's own
// tunnel the gateway's right-most X-Forwarded-For entry; a header on a
// direct connection is never read. Without either (a tunnel request the
// gateway did not label) all such callers share one name.
func (p *Provider) callerID(r *http.Request, pr *wf.PaidRequest) string {
	if pp, ok := p.cfg.Payments.(payerProver); ok {
		if payer, ok := pp.Payer(pr); ok {
			return "payer " + payer.Checksum()
		}
	}
	addr, _ := callerIP(r)
	switch {
	case !addr.IsValid():
		return "ip unknown"
	case addr.Is4In6():
		addr = addr.Unmap()
	case addr.Is6():
		pfx, _ := addr.Prefix(64)
		return "ip " + pfx.String()
	}
	return "ip " + addr.String()
}

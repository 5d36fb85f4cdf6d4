package provider

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/wf"
)

// Names: owner-signed records that bind (owner, name) to weighted function
// CIDs (package names, docs/names.md). The provider stores them
// (Config.Names), serves them under /v1/names, routes /@<owner>/<name>/...
// to a target by weight, asks its peers for names it lacks or has not
// checked for NameTTL, and passes records it accepts on to its peers.

// DefaultNameTTL is Config.NameTTL's default.
const DefaultNameTTL = 30 * time.Second

// maxChecked bounds the names whose peers' answers are remembered.
const maxChecked = 10_000

// namePeerTimeout bounds asking the peers for a name;
// nameGossipTimeout telling them of one, which may have them fetch the
// targets' specs.
const (
	namePeerTimeout   = 3 * time.Second
	nameGossipTimeout = 30 * time.Second
)

// nameKey is one name of one owner.
type nameKey struct {
	owner wf.Address
	name  string
}

// nameState is what the provider remembers of its peers' answers.
type nameState struct {
	mu       sync.Mutex
	checked  map[nameKey]time.Time // last asked the peers
	inflight map[nameKey]bool
	rmu      sync.Mutex
	rand     *rand.Rand // guarded by rmu
}

func newNameState(src rand.Source) *nameState {
	if src == nil {
		src = rand.NewPCG(rand.Uint64(), rand.Uint64())
	}
	return &nameState{checked: map[nameKey]time.Time{}, inflight: map[nameKey]bool{}, rand: rand.New(src)}
}

func (s *nameState) point() uint64 {
	s.rmu.Lock()
	defer s.rmu.Unlock()
	return s.rand.Uint64N(100)
}

func (p *Provider) routeNames() {
	p.mux.HandleFunc("POST /v1/names", p.serveNamePost)
	p.mux.HandleFunc("GET /v1/names/{owner}", p.serveNameList)
	p.mux.HandleFunc("GET /v1/names/{owner}/{name}", p.serveNameGet)
	p.mux.HandleFunc("GET /v1/names/{owner}/{name}/history", p.serveNameHistory)
}

// NameAnswer is what POST /v1/names answers.
type NameAnswer struct {
	CID     wf.CID     `json:"cid"`
	Owner   wf.Address `json:"owner"`
	Name    string     `json:"name"`
	Seq     uint64     `json:"seq"`
	Changed bool       `json:"changed"` // false: it was the current record already
}

func (p *Provider) serveNamePost(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, names.MaxSize))
	if err != nil {
		// Over names.MaxSize: a *http.MaxBytesError, which answers 413.
		httperr.Write(w, ri.log, fmt.Errorf("read name record: %w", err))
		return
	}
	sr, err := names.Decode(b)
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	rec := &names.Record{SignedNameRecord: sr, Raw: b, CID: wf.SumCID(wf.CodecJSON, b)}
	changed, err := p.acceptName(r.Context(), rec)
	if err != nil {
		httperr.Write(w, ri.log, names.PutError(err))
		return
	}
	ri.log.Info("name", "owner", sr.Record.Owner.String(), "name", sr.Record.Name, "seq", sr.Record.Seq, "changed", changed)
	httperr.WriteJSON(w, http.StatusOK, NameAnswer{CID: rec.CID, Owner: sr.Record.Owner, Name: sr.Record.Name, Seq: sr.Record.Seq, Changed: changed})
}

// maxNameSkew is how far ahead of the provider's clock a CI delegate's
// name record may be dated.
const maxNameSkew = 2 * time.Minute

// acceptName verifies rec (its owner's signature, its targets: functions
// of the same owner, fetched from the peers if missing) and stores it if
// it is newer than the current record; a record that moved the name goes
// on to the peers.
func (p *Provider) acceptName(ctx context.Context, rec *names.Record) (bool, error) {
	rr := &rec.Record
	if err := names.Verify(rec.SignedNameRecord, chain.Verifier{}); err != nil {
		return false, err
	}
	// A CI delegate's record is numbered by its date: one dated ahead of
	// now would outrank the owner's corrections made before then.
	if rec.CI != nil {
		if created, err := time.Parse(time.RFC3339, rr.Created); err == nil && created.After(p.cfg.Now().Add(maxNameSkew)) {
			return false, fmt.Errorf("%w: name record: a CI delegate's record is dated %s, ahead of this provider's clock", wf.ErrInvalid, rr.Created)
		}
	}
	if cur := p.names.Current(rr.Owner, rr.Name); cur != nil && cur.Record.Seq >= rr.Seq {
		_, err := p.names.Put(rec) // says whether same, stale or conflicting
		return false, err
	}
	for _, t := range rr.Targets {
		ss, err := p.targetSpec(ctx, t.Function)
		if err != nil {
			return false, err
		}
		if ss.Spec.Owner != rr.Owner {
			return false, fmt.Errorf("%w: name record: target %s is owned by %s, not by the record's owner %s", wf.ErrInvalid, t.Function, ss.Spec.Owner.Checksum(), rr.Owner.Checksum())
		}
	}
	changed, err := p.names.Put(rec)
	if err != nil || !changed {
		return changed, err
	}
	p.nameState.mu.Lock()
	p.nameState.checked[nameKey{rr.Owner, rr.Name}] = p.cfg.Now()
	p.nameState.mu.Unlock()
	go p.tellPeers(rec)
	return true, nil
}

// targetSpec reads and verifies the spec of function c, fetching its block
// from the peers if it is not here.
func (p *Provider) targetSpec(ctx context.Context, c wf.CID) (*wf.SignedSpec, error) {
	p.mu.Lock()
	if el, ok := p.loaded[c]; ok {
		p.mu.Unlock()
		return el.Value.(*function).spec, nil
	}
	p.mu.Unlock()
	notFunction := func(err error) error {
		return wf.E(wf.ErrInvalid, fmt.Sprintf("name record: target %s is not a function here nor at this provider's peers", c), err)
	}
	if err := p.ensure(ctx, c); err != nil {
		if errors.Is(err, wf.ErrNotFound) {
			return nil, notFunction(err)
		}
		return nil, err
	}
	b, err := p.cfg.Store.Get(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("provider: name target %s: %w", c, err)
	}
	ss, err := p.verify(b)
	if err != nil {
		return nil, notFunction(err)
	}
	return ss, nil
}

// tellPeers posts rec to every peer; each passes it on only if it moved
// the name there, so the gossip ends.
func (p *Provider) tellPeers(rec *names.Record) {
	ctx, cancel := context.WithTimeout(context.Background(), nameGossipTimeout)
	defer cancel()
	var wg sync.WaitGroup
	for _, peer := range p.cfg.Peers {
		wg.Go(func() {
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(peer, "/")+"/v1/names", bytes.NewReader(rec.Raw))
			if err != nil {
				return
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				p.log.Debug("name gossip", "peer", peer, "err", err)
				return
			}
			io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		})
	}
	wg.Wait()
}

// askPeers asks every peer for (owner, name), answering from its own
// store only (peers=0), and accepts the newest valid record.
func (p *Provider) askPeers(ctx context.Context, k nameKey) {
	p.nameState.mu.Lock()
	if len(p.nameState.checked) >= maxChecked {
		clear(p.nameState.checked) // names asked for at random must not grow it without bound
	}
	p.nameState.checked[k] = p.cfg.Now()
	p.nameState.mu.Unlock()
	if len(p.cfg.Peers) == 0 {
		return
	}
	qctx, cancel := context.WithTimeout(ctx, namePeerTimeout)
	defer cancel()
	found := make(chan *names.Record, len(p.cfg.Peers))
	var wg sync.WaitGroup
	for _, peer := range p.cfg.Peers {
		wg.Go(func() {
			u := strings.TrimSuffix(peer, "/") + "/v1/names/" + k.owner.String() + "/" + k.name + "?peers=0"
			req, err := http.NewRequestWithContext(qctx, http.MethodGet, u, nil)
			if err != nil {
				return
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(io.LimitReader(resp.Body, names.MaxSize+1))
			if resp.StatusCode != http.StatusOK || err != nil {
				return
			}
			if rec, err := recordOf(b, k); err == nil {
				found <- rec
			}
		})
	}
	wg.Wait()
	close(found)
	var recs []*names.Record
	for rec := range found {
		recs = append(recs, rec)
	}
	// Newest first; a peer's record that does not check out (forged, or
	// pointing at functions that are not the owner's) must not hide
	// another peer's good one.
	sort.Slice(recs, func(i, j int) bool { return recs[i].Record.Seq > recs[j].Record.Seq })
	for _, rec := range recs {
		_, err := p.acceptName(ctx, rec)
		if err == nil || errors.Is(err, names.ErrStale) || errors.Is(err, names.ErrConflict) {
			return
		}
		p.log.Debug("name from peer", "owner", k.owner.String(), "name", k.name, "err", err)
	}
}

// recordOf decodes a record a peer or gateway sent for k.
func recordOf(b []byte, k nameKey) (*names.Record, error) {
	sr, err := names.Decode(b)
	if err != nil {
		return nil, err
	}
	if sr.Record.Owner != k.owner || sr.Record.Name != k.name {
		return nil, fmt.Errorf("%w: the record is for %s/%s, not %s/%s", wf.ErrInvalid, sr.Record.Owner, sr.Record.Name, k.owner, k.name)
	}
	return &names.Record{SignedNameRecord: sr, Raw: b, CID: wf.SumCID(wf.CodecJSON, b)}, nil
}

// lookupName returns the current record of k: asking the peers first when
// it is not here (unless local), and in the background when the peers were
// last asked more than NameTTL ago.
func (p *Provider) lookupName(ctx context.Context, k nameKey, local bool) (*names.Record, error) {
	cur := p.names.Current(k.owner, k.name)
	st := p.nameState
	if cur == nil && !local && len(p.cfg.Peers) > 0 {
		// An unknown name is asked for at most once per NameTTL, so
		// requests for names nobody has do not each ask every peer.
		st.mu.Lock()
		at, asked := st.checked[k]
		st.mu.Unlock()
		if !asked || p.cfg.Now().Sub(at) > p.cfg.NameTTL {
			p.askPeers(ctx, k)
			cur = p.names.Current(k.owner, k.name)
		}
	} else if cur != nil && !local && len(p.cfg.Peers) > 0 {
		st.mu.Lock()
		stale := p.cfg.Now().Sub(st.checked[k]) > p.cfg.NameTTL && !st.inflight[k]
		if stale {
			st.inflight[k] = true
		}
		st.mu.Unlock()
		if stale {
			go func() {
				p.askPeers(context.WithoutCancel(ctx), k)
				st.mu.Lock()
				delete(st.inflight, k)
				st.mu.Unlock()
			}()
		}
	}
	if cur == nil {
		return nil, fmt.Errorf("%w: no name %q of %s here (nor at this provider's peers)", wf.ErrNotFound, k.name, k.owner.Checksum())
	}
	return cur, nil
}

// nameKeyOf reads the owner and name path values.
func nameKeyOf(r *http.Request) (nameKey, error) {
	owner, err := wf.ParseAddress(r.PathValue("owner"))
	if err != nil {
		return nameKey{}, err
	}
	name := r.PathValue("name")
	if !names.ValidName(name) {
		return nameKey{}, fmt.Errorf("%w: %q is not a name (a DNS label: a-z, 0-9 and inner '-')", wf.ErrInvalid, name)
	}
	return nameKey{owner, name}, nil
}

func (p *Provider) serveNameGet(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	k, err := nameKeyOf(r)
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	rec, err := p.lookupName(r.Context(), k, r.URL.Query().Get("peers") == "0")
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(rec.Raw)
}

// NameList is what the history and list endpoints answer: signed
// records, newest first (history) or by name (list).
type NameList struct {
	Records []json.RawMessage `json:"records"`
}

func rawList(rs []*names.Record) NameList {
	out := NameList{Records: make([]json.RawMessage, len(rs))}
	for i, r := range rs {
		out.Records[i] = r.Raw
	}
	return out
}

func (p *Provider) serveNameHistory(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	k, err := nameKeyOf(r)
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	if _, err := p.lookupName(r.Context(), k, r.URL.Query().Get("peers") == "0"); err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	httperr.WriteJSON(w, http.StatusOK, rawList(p.names.History(k.owner, k.name)))
}

func (p *Provider) serveNameList(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	owner, err := wf.ParseAddress(r.PathValue("owner"))
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	httperr.WriteJSON(w, http.StatusOK, rawList(p.names.Names(owner)))
}

// serveNameInvoke serves /@<owner>/<name>/rest... as /<cid>/rest... for
// the target the name's current record picks.
func (p *Provider) serveNameInvoke(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	esc := r.URL.EscapedPath()
	ownerSeg, rest, _ := strings.Cut(strings.TrimPrefix(esc, "/"), "/")
	nameSeg, pathInfo, hasSlash := strings.Cut(rest, "/")
	if hasSlash {
		pathInfo = "/" + pathInfo
	}
	owner, err := wf.ParseAddress(strings.TrimPrefix(ownerSeg, "@"))
	if err != nil {
		httperr.Write(w, ri.log, fmt.Errorf("%w: /@<owner>/<name>/: %v", wf.ErrInvalid, err))
		return
	}
	name, err := url.PathUnescape(nameSeg)
	if err != nil || !names.ValidName(name) {
		httperr.Write(w, ri.log, fmt.Errorf("%w: /@<owner>/<name>/: %q is not a name (a DNS label: a-z, 0-9 and inner '-')", wf.ErrInvalid, nameSeg))
		return
	}
	k := nameKey{owner, name}
	var rec *names.Record
	if h := r.Header.Get(wf.NameRecordHeader); h != "" {
		// A gateway passes on the record it routed by: kept if it is
		// newer and its targets check out here, and routed by for this
		// request if it is newer than this provider's.
		b, err := base64.RawURLEncoding.DecodeString(h)
		if err != nil {
			httperr.Write(w, ri.log, fmt.Errorf("%w: %s is not unpadded base64url", wf.ErrInvalid, wf.NameRecordHeader))
			return
		}
		if rec, err = recordOf(b, k); err == nil {
			err = names.Verify(rec.SignedNameRecord, chain.Verifier{})
		}
		if err != nil {
			httperr.Write(w, ri.log, fmt.Errorf("%s: %w", wf.NameRecordHeader, err))
			return
		}
		if _, err := p.acceptName(r.Context(), rec); err != nil {
			ri.log.Debug("name record from header not kept", "err", err)
		}
	}
	cur, err := p.lookupName(r.Context(), k, rec != nil)
	sentOlder := false // a gateway routed by an older record than this provider's
	if cur != nil && (rec == nil || cur.Record.Seq >= rec.Record.Seq) {
		sentOlder = rec != nil && cur.Record.Seq > rec.Record.Seq
		rec = cur
	}
	if rec == nil {
		httperr.Write(w, ri.log, err)
		return
	}
	// A gateway's choice by an older record that is no longer a target
	// here is made again by this provider's record.
	var c wf.CID
	if pin := r.Header.Get(wf.FunctionHeader); pin != "" && !(sentOlder && !pinned(pin, rec)) {
		if c, err = wf.ParseCID(pin); err != nil || !names.Has(&rec.Record, c) {
			httperr.Write(w, ri.log, fmt.Errorf("%w: %s %q is not one of the current targets of %s (seq %d)", wf.ErrInvalid, wf.FunctionHeader, pin, name, rec.Record.Seq))
			return
		}
	} else {
		c = names.Pick(&rec.Record, p.pickPoint(r, rec.Record.Sticky))
	}
	w.Header().Set(wf.FunctionHeader, c.String())
	script := "/" + r.PathValue("cid") + "/" + name
	p.invoke(w, r, address{cid: c, owner: owner, script: script, path: pathInfo,
		cookie: cookiePrefix(r) + "/" + ownerSeg + "/" + nameSeg + "/"})
}

// pinned reports whether pin is the CID of one of rec's targets.
func pinned(pin string, rec *names.Record) bool {
	c, err := wf.ParseCID(pin)
	return err == nil && names.Has(&rec.Record, c)
}

// pickPoint is where on 0..99 a request lands (see names.Pick): the
// sticky value's point when the record names one and the request carries
// it, else a random one.
func (p *Provider) pickPoint(r *http.Request, sticky string) uint64 {
	if pt, ok := names.StickyPointOf(r, sticky); ok {
		return pt
	}
	return p.nameState.point()
}

// isNameSegment reports whether a first path segment addresses a name
// (/@<owner>/<name>/...) rather than a CID.
func isNameSegment(seg string) bool { return strings.HasPrefix(seg, "@") }

// cookiePrefix is the path a gateway serves this provider under, when it
// is the gateway's own form (see cookiePath).
func cookiePrefix(r *http.Request) string {
	if prefix := strings.TrimSuffix(r.Header.Get(prefixHeader), "/"); validPrefix(prefix) {
		return prefix
	}
	return ""
}

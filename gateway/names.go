package gateway

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	namerec "github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/wf"
)

// Names on the gateway (docs/names.md). The subdomain and /p/<provider>/
// forms forward /@<owner>/<name>/... unchanged to the provider named,
// which routes the name itself. On the bare domain the gateway routes a
// name as it routes a CID: it picks the target by weight (or sticky key)
// from the record it holds and forwards to the best providers holding
// that function, telling them its choice (wf.FunctionHeader) and the
// record it chose by (wf.NameRecordHeader), so a provider that lacks the
// record or holds an older one learns it.
//
// The gateway holds records in memory only, bounded: those posted to it
// (POST /v1/names checks the owner's signature and the record's form;
// providers check the targets when they are routed to) and those it asked
// providers for. A name's records can be evicted, so it also remembers the
// highest seq it accepted per name, far longer, and refuses a lower seq
// posted to it: an evicted name cannot be rolled back by reposting one of
// its owner's old records.

const (
	// maxGatewayNames and maxGatewayHistory bound the records held.
	maxGatewayNames   = 10_000
	maxGatewayHistory = 32
	// maxGatewaySeen bounds the highest seqs remembered (about 100 bytes
	// each): flooding them out takes 13 times the records evicting a name does.
	maxGatewaySeen = 1 << 17
)

// nameCache holds the records and makes one request for a name ask the
// providers at a time.
type nameCache struct {
	store *namerec.Store
	group singleflight.Group

	mu      sync.Mutex
	checked map[string]time.Time       // when the providers were last asked, by owner/name
	seen    map[[16]byte]*list.Element // highest seq accepted, by seenKey; values are *seenSeq
	order   list.List                  // of seen, most recently noted first
}

type seenSeq struct {
	key [16]byte
	seq uint64
}

// seenKey is a compact key for (owner, name).
func seenKey(owner wf.Address, name string) [16]byte {
	h := sha256.Sum256(append(owner[:], name...))
	return [16]byte(h[:16])
}

// put stores rec, refusing a seq below the highest accepted for its name
// even when the name's records were evicted (ErrStale), and notes rec's
// seq when it moved the name.
func (c *nameCache) put(rec *namerec.Record) (bool, error) {
	rr := &rec.Record
	k := seenKey(rr.Owner, rr.Name)
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.seen[k]; ok {
		if hi := el.Value.(*seenSeq).seq; rr.Seq < hi {
			return false, fmt.Errorf("%w: %s was at seq %d here; a record of seq %d cannot replace it", namerec.ErrStale, rr.Name, hi, rr.Seq)
		}
	}
	changed, err := c.store.Put(rec)
	if changed {
		c.noteLocked(k, rr.Seq)
	}
	return changed, err
}

// noteLocked remembers seq as the highest of k; c.mu held.
func (c *nameCache) noteLocked(k [16]byte, seq uint64) {
	if el, ok := c.seen[k]; ok {
		if s := el.Value.(*seenSeq); seq > s.seq {
			s.seq = seq
		}
		c.order.MoveToFront(el)
		return
	}
	c.seen[k] = c.order.PushFront(&seenSeq{key: k, seq: seq})
	if c.order.Len() > maxGatewaySeen {
		delete(c.seen, c.order.Remove(c.order.Back()).(*seenSeq).key)
	}
}

// nameTTL is how old the providers' last answer for a name the gateway
// holds may get before a request for it asks them again, in the
// background: records posted to providers only reach the gateway so.
const nameTTL = 30 * time.Second

// due reports whether the providers should be asked about key now, and
// notes that they are.
func (c *nameCache) due(key string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if at, ok := c.checked[key]; ok && now.Sub(at) < nameTTL {
		return false
	}
	if len(c.checked) >= maxGatewayNames {
		clear(c.checked)
	}
	c.checked[key] = now
	return true
}

func newNameCache() *nameCache {
	s, _ := namerec.OpenStore(namerec.Options{MaxNames: maxGatewayNames, MaxHistory: maxGatewayHistory}) // memory only: cannot fail
	return &nameCache{store: s, checked: make(map[string]time.Time), seen: make(map[[16]byte]*list.Element)}
}

func (g *Gateway) routeNames() {
	g.mux.HandleFunc("POST /v1/names", g.serveNamePost)
	g.mux.HandleFunc("GET /v1/names/{owner}", g.serveNameList)
	g.mux.HandleFunc("GET /v1/names/{owner}/{name}", g.serveNameGet)
	g.mux.HandleFunc("GET /v1/names/{owner}/{name}/history", g.serveNameHistory)
}

// verifiedRecord decodes b strictly and checks its owner's signature.
func verifiedRecord(b []byte) (*namerec.Record, error) {
	sr, err := namerec.Decode(b)
	if err != nil {
		return nil, err
	}
	if err := namerec.Verify(sr, chain.Verifier{}); err != nil {
		return nil, err
	}
	return &namerec.Record{SignedNameRecord: sr, Raw: b, CID: wf.SumCID(wf.CodecJSON, b)}, nil
}

func (g *Gateway) serveNamePost(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, namerec.MaxSize))
	if err != nil {
		// Over names.MaxSize: a *http.MaxBytesError, which answers 413.
		g.writeError(w, r, fmt.Errorf("read name record: %w", err))
		return
	}
	rec, err := verifiedRecord(b)
	if err != nil {
		g.writeError(w, r, err)
		return
	}
	// Not marked as asked: the next request asks the providers in the
	// background, so a posted record is no reason to trust it for nameTTL.
	changed, err := g.names.put(rec)
	if err != nil {
		g.writeError(w, r, namerec.PutError(err))
		return
	}
	rr := rec.Record
	httperr.WriteJSON(w, http.StatusOK, map[string]any{"cid": rec.CID, "owner": rr.Owner, "name": rr.Name, "seq": rr.Seq, "changed": changed})
}

// nameOf reads the owner and name path values.
func nameOf(r *http.Request) (wf.Address, string, error) {
	owner, err := wf.ParseAddress(r.PathValue("owner"))
	if err != nil {
		return owner, "", err
	}
	name := r.PathValue("name")
	if !namerec.ValidName(name) {
		return owner, "", fmt.Errorf("%w: %q is not a name (a DNS label: a-z, 0-9 and inner '-')", wf.ErrInvalid, name)
	}
	return owner, name, nil
}

func (g *Gateway) serveNameGet(w http.ResponseWriter, r *http.Request) {
	owner, name, err := nameOf(r)
	if err != nil {
		g.writeError(w, r, err)
		return
	}
	rec, err := g.lookupName(r.Context(), owner, name)
	if err != nil {
		g.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(rec.Raw)
}

func rawRecords(rs []*namerec.Record) map[string][]json.RawMessage {
	out := make([]json.RawMessage, len(rs))
	for i, r := range rs {
		out[i] = r.Raw
	}
	return map[string][]json.RawMessage{"records": out}
}

func (g *Gateway) serveNameHistory(w http.ResponseWriter, r *http.Request) {
	owner, name, err := nameOf(r)
	if err != nil {
		g.writeError(w, r, err)
		return
	}
	if _, err := g.lookupName(r.Context(), owner, name); err != nil {
		g.writeError(w, r, err)
		return
	}
	httperr.WriteJSON(w, http.StatusOK, rawRecords(g.names.store.History(owner, name)))
}

func (g *Gateway) serveNameList(w http.ResponseWriter, r *http.Request) {
	owner, err := wf.ParseAddress(r.PathValue("owner"))
	if err != nil {
		g.writeError(w, r, err)
		return
	}
	httperr.WriteJSON(w, http.StatusOK, rawRecords(g.names.store.Names(owner)))
}

// lookupName returns the record of (owner, name) the gateway holds, or
// asks the best few reachable providers for it.
func (g *Gateway) lookupName(ctx context.Context, owner wf.Address, name string) (*namerec.Record, error) {
	key := owner.String() + "/" + name
	if rec := g.names.store.Current(owner, name); rec != nil {
		if g.names.due(key, g.cfg.Now()) {
			go g.names.group.Do(key, func() (any, error) {
				return g.askProviders(context.WithoutCancel(ctx), owner, name), nil
			})
		}
		return rec, nil
	}
	// A name nobody had is asked for again only after nameTTL, so
	// requests for unknown names do not each ask the providers.
	if g.names.due(key, g.cfg.Now()) {
		v, err, _ := g.names.group.Do(key, func() (any, error) {
			return g.askProviders(ctx, owner, name), nil
		})
		if rec, _ := v.(*namerec.Record); err == nil && rec != nil {
			return rec, nil
		}
	}
	return nil, fmt.Errorf("%w: no provider reachable through this gateway knows the name %q of %s", wf.ErrNotFound, name, owner.Checksum())
}

// askProviders asks the best few reachable providers for a name and keeps
// the newest valid record.
func (g *Gateway) askProviders(ctx context.Context, owner wf.Address, name string) *namerec.Record {
	ps, err := g.cfg.Registry.List(ctx)
	if err != nil {
		return nil
	}
	ts := g.router.reachable(ctx, ps)
	os := up(g.router.observations(ts, nil))
	asked := best(g.router.scorer.rank(os), maxAsked, nil)
	at := make(map[string]target, len(ts))
	for _, t := range ts {
		at[t.name] = t
	}
	ctx, cancel := context.WithTimeout(ctx, g.cfg.ProbeTimeout)
	defer cancel()
	found := make(chan *namerec.Record, len(asked))
	var wg sync.WaitGroup
	for _, n := range asked {
		t := at[n]
		wg.Go(func() {
			u := *t.base
			u.Path += "/v1/names/" + owner.String() + "/" + name
			u.RawPath, u.RawQuery = "", "peers=0"
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
			if err != nil {
				return
			}
			resp, err := t.rt.RoundTrip(req)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(io.LimitReader(resp.Body, namerec.MaxSize+1))
			if err != nil || resp.StatusCode != http.StatusOK {
				return
			}
			if rec, err := verifiedRecord(b); err == nil && rec.Record.Owner == owner && rec.Record.Name == name {
				found <- rec
			}
		})
	}
	wg.Wait()
	close(found)
	var newest *namerec.Record
	for rec := range found {
		if newest == nil || rec.Record.Seq > newest.Record.Seq {
			newest = rec
		}
	}
	if newest != nil {
		// The providers' answer goes in even below a seq seen here: it
		// is the best there is, and its seq is noted when it moves the name.
		g.names.mu.Lock()
		if changed, _ := g.names.store.Put(newest); changed {
			g.names.noteLocked(seenKey(owner, name), newest.Record.Seq)
		}
		g.names.mu.Unlock()
	}
	return g.names.store.Current(owner, name)
}

// forwardName routes /@<owner>/<name>/... on the bare domain: the target
// the name's record picks, to the best providers holding it.
func (g *Gateway) forwardName(w http.ResponseWriter, r *http.Request, path string, start time.Time) {
	ownerSeg, rest, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	nameSeg, _, _ := strings.Cut(rest, "/")
	owner, err := wf.ParseAddress(strings.TrimPrefix(ownerSeg, "@"))
	if err != nil {
		g.count("smart", start, g.writeErrorStatus(w, r, fmt.Errorf("%w: /@<owner>/<name>/: %v", wf.ErrInvalid, err)))
		return
	}
	if !namerec.ValidName(nameSeg) {
		g.count("smart", start, g.writeErrorStatus(w, r, fmt.Errorf("%w: /@<owner>/<name>/: %q is not a name (a DNS label: a-z, 0-9 and inner '-')", wf.ErrInvalid, nameSeg)))
		return
	}
	rec, err := g.lookupName(r.Context(), owner, nameSeg)
	if err != nil {
		g.count("smart", start, g.writeErrorStatus(w, r, err))
		return
	}
	var c wf.CID
	if pin := r.Header.Get(wf.FunctionHeader); pin != "" {
		if c, err = wf.ParseCID(pin); err != nil || !namerec.Has(&rec.Record, c) {
			g.count("smart", start, g.writeErrorStatus(w, r, fmt.Errorf("%w: %s %q is not one of the current targets of %s (seq %d)", wf.ErrInvalid, wf.FunctionHeader, pin, nameSeg, rec.Record.Seq)))
			return
		}
	} else {
		pt, ok := namerec.StickyPointOf(r, rec.Record.Sticky)
		if !ok {
			pt = rand.Uint64N(100)
		}
		c = namerec.Pick(&rec.Record, pt)
	}
	want, err := parseVerify(r.Header.Values(wf.VerifyHeader))
	if err != nil {
		g.count("smart", start, g.writeErrorStatus(w, r, err))
		return
	}
	ts, err := g.router.candidates(r.Context(), c)
	if err != nil {
		g.count("smart", start, g.writeErrorStatus(w, r, err))
		return
	}
	r.Header.Set(wf.FunctionHeader, c.String())
	r.Header.Set(wf.NameRecordHeader, base64.RawURLEncoding.EncodeToString(rec.Raw))
	rt := &route{kind: "smart", cid: c, path: path, targets: ts, retryable: idempotent(r)}
	if err := g.planVerify(r.Context(), r, rt, want, 2); err != nil { // kofn.go
		g.count("smart", start, g.writeErrorStatus(w, r, err))
		return
	}
	g.forward(w, r, rt, start)
}

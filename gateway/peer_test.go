package gateway

import (
	"context"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

// peer is a provider on loopback for the router's parts: what a provider
// serves to the gateway outside of functions (the trustless gateway over
// its block store under /ipfs/, as provider.New mounts it, and /healthz),
// behind fault hooks.
type peer struct {
	name  string
	store *memstore.Store
	srv   *httptest.Server

	status atomic.Int32           // answer everything with this status; 0: no fault
	hang   atomic.Bool            // answer nothing until the caller gives up
	lie    atomic.Pointer[[]byte] // serve these bytes for every block
	delay  atomic.Int64           // ns to wait before answering
	busy   atomic.Int32           // requests being served
	most   atomic.Int32           // most requests served at once
	mu     sync.Mutex             // guards asked
	asked  []string               // "METHOD /path?query" of each request
}

// newPeer starts a peer holding blocks.
func newPeer(t testing.TB, name string, blocks ...[]byte) *peer {
	t.Helper()
	p := &peer{name: name, store: memstore.New()}
	for _, b := range blocks {
		p.put(t, b)
	}
	mux := http.NewServeMux()
	mux.Handle("/ipfs/", trustless.NewHandler(p.store, trustless.Options{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		httperr.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := p.busy.Add(1)
		defer p.busy.Add(-1)
		for m := p.most.Load(); n > m && !p.most.CompareAndSwap(m, n); m = p.most.Load() {
		}
		p.mu.Lock()
		p.asked = append(p.asked, r.Method+" "+r.URL.RequestURI())
		p.mu.Unlock()
		if d := time.Duration(p.delay.Load()); d > 0 {
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				return
			}
		}
		switch b := p.lie.Load(); {
		case p.hang.Load():
			<-r.Context().Done()
		case p.status.Load() != 0:
			http.Error(w, "fault", int(p.status.Load()))
		case b != nil:
			w.Write(*b)
		default:
			mux.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// put stores b as a spec block.
func (p *peer) put(t testing.TB, b []byte) {
	t.Helper()
	if err := p.store.Put(context.Background(), wf.SumCID(wf.CodecJSON, b), b); err != nil {
		t.Fatal(err)
	}
}

// requests returns the requests p received so far, and forgets them.
func (p *peer) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.asked
	p.asked = nil
	return out
}

// entry is p's registry entry, at price.
func (p *peer) entry(price int64) chain.Provider {
	return chain.Provider{Name: p.name, Endpoint: p.srv.URL, PricePerRequest: big.NewInt(price)}
}

// registry is an in-memory provider registry.
type registry struct {
	mu  sync.Mutex
	ps  []chain.Provider
	err error // List's failure; nil: none
}

func (r *registry) List(ctx context.Context) ([]chain.Provider, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.ps), r.err
}

func (r *registry) set(ps ...chain.Provider) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ps = ps
}

var _ lister = (*registry)(nil)

// resolveDirect reaches every provider at its registered endpoint through
// one transport, as Gateway.resolve does for a proven endpoint.
func resolveDirect(t testing.TB) resolveFunc {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return func(ctx context.Context, p chain.Provider) (target, error) {
		u, err := url.Parse(p.Endpoint)
		if err != nil || u.Host == "" {
			return target{}, wf.E(wf.ErrUnavailable, "provider "+p.Name+" has no usable endpoint", err)
		}
		return target{name: p.Name, via: "endpoint", rt: tr, base: u, price: p.PricePerRequest}, nil
	}
}

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

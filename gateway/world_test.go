package gateway_test

import (
	"bytes"
	"context"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/relay/relayclient"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

const domain = "wf.test"

// world is a devnet of a chain and a gateway on loopback serving domain,
// and providers registered in it. Health checks run when a test says.
type world struct {
	t        testing.TB
	ctx      context.Context
	sim      *sim.Chain
	res      *chain.Resolver
	gw       *gateway.Gateway
	url      string // the gateway's listener; requests set Host
	cacheDir string
	nodes    map[string]*node
}

// node is one provider. Reached directly, it sits behind a server with a
// fault hook (hang); tunnelled, it has no listener at all.
type node struct {
	name     string
	key      *chain.Key
	env      *wftest.Env
	srv      *httptest.Server // nil for a tunnelled node
	hang     atomic.Bool
	up       chan []string // tunnel up events
	down     chan error
	cancel   context.CancelFunc
	done     chan error    // Run's result
	finished chan struct{} // closed once Run returned
}

func newWorld(t testing.TB, cfg gateway.Config) *world {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	cfg.Domain = domain
	net, err := devnet.Start(ctx, devnet.Config{
		Chain:    sim.Options{Accounts: 10},
		Gateways: []devnet.GatewayConfig{{Gateway: cfg, ManualHealth: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	g := net.Gateways[0]
	return &world{t: t, ctx: ctx, sim: net.Chain, res: g.Resolver, gw: g.Gateway, url: "http://" + g.Addr, cacheDir: t.TempDir(), nodes: map[string]*node{}}
}

func (w *world) sync() {
	w.t.Helper()
	if err := w.res.Sync(w.ctx); err != nil {
		w.t.Fatal(err)
	}
}

// addDirect starts a provider with dev key i, registered as name at its
// own loopback endpoint.
func (w *world) addDirect(name string, i int, price int64) *node {
	w.t.Helper()
	n := w.newNode(name, i, nil)
	w.serve(n)
	w.register(n, n.srv.URL, price)
	return n
}

// alias registers name for n's provider, served at a new endpoint.
func (w *world) alias(n *node, name string, price int64) *node {
	w.t.Helper()
	a := &node{name: name, key: n.key, env: n.env}
	w.nodes[name] = a
	w.serve(a)
	w.register(a, a.srv.URL, price)
	return a
}

// serve puts n's provider behind a loopback server with a fault hook.
func (w *world) serve(n *node) {
	n.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if n.hang.Load() {
			// Read the body first: only then does the server notice the
			// caller hanging up and end the request's context.
			io.Copy(io.Discard, r.Body)
			<-r.Context().Done()
			return
		}
		n.env.Provider.Handler().ServeHTTP(rw, r)
	}))
	w.t.Cleanup(n.srv.Close)
}

// addTunnelled starts a provider with no listener, registered as name
// with an endpoint on the gateway's own domain, and connects its tunnel.
func (w *world) addTunnelled(name string, i int, price int64) *node {
	w.t.Helper()
	n := w.newNode(name, i, nil)
	n.env.Server.Close() // nobody can reach it but through the tunnel
	w.register(n, "https://"+name+"."+domain, price)
	n.connect(w, name, n.key)
	select {
	case <-n.up:
	case err := <-n.down:
		w.t.Fatalf("tunnel for %s: %v", name, err)
	case <-time.After(10 * time.Second):
		w.t.Fatalf("tunnel for %s not up in 10s", name)
	}
	return n
}

// connect runs a relay client for n's handler, logging in as key.
func (n *node) connect(w *world, name string, key *chain.Key) {
	n.up, n.down, n.done, n.finished = make(chan []string, 8), make(chan error, 8), make(chan error, 1), make(chan struct{})
	c, err := relayclient.New(relayclient.Config{
		Gateway: w.url, Host: domain, Name: name, Key: key,
		Handler:    n.env.Provider.Handler(),
		MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
		OnUp:   func(names []string) { n.up <- names },
		OnDown: func(err error) { n.down <- err },
	})
	if err != nil {
		w.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(w.ctx)
	n.cancel = cancel
	go func() { n.done <- c.Run(ctx); close(n.finished) }()
	w.t.Cleanup(func() { cancel(); <-n.finished })
}

// newNode starts a provider with dev key i and sealing keyring kr (nil:
// none).
func (w *world) newNode(name string, i int, kr *seal.Keyring) *node {
	env := wftest.New(w.t, wftest.Options{
		Sandbox:  sandbox.Config{CacheDir: w.cacheDir},
		Provider: provider.Config{Key: chain.DevKey(i), Sealing: kr},
	})
	n := &node{name: name, key: chain.DevKey(i), env: env}
	w.nodes[name] = n
	return n
}

// register registers n's name with a placeholder sealing key.
func (w *world) register(n *node, endpoint string, price int64) {
	w.t.Helper()
	w.registerKey(n, endpoint, price, []byte{1})
}

// registerKey registers n's name with a sealing key.
func (w *world) registerKey(n *node, endpoint string, price int64, sealingKey []byte) {
	w.t.Helper()
	if _, err := w.sim.Client(n.key).RegisterProvider(w.ctx, chain.Provider{
		Name: n.name, Endpoint: endpoint, SealingKey: sealingKey, PricePerRequest: big.NewInt(price),
	}); err != nil {
		w.t.Fatal(err)
	}
	w.sync()
}

// deploy uploads pkg to the named providers: over HTTP to those with a
// listener, and by calling the handler in-process for tunnelled ones
// (their deploys do not depend on the gateway's provider timeout).
func (w *world) deploy(pkg *client.Package, names ...string) {
	w.t.Helper()
	for _, name := range names {
		n := w.nodes[name]
		if n.srv != nil {
			if _, err := client.New(n.env.URL).Deploy(w.ctx, pkg); err != nil {
				w.t.Fatalf("deploy to %s: %v", name, err)
			}
			continue
		}
		rec := httptest.NewRecorder()
		n.env.Provider.Handler().ServeHTTP(rec, httptest.NewRequest("POST", "/v1/car", bytes.NewReader(pkg.CAR)))
		if rec.Code != http.StatusCreated {
			w.t.Fatalf("deploy to %s: %d %s", name, rec.Code, rec.Body)
		}
	}
}

// hostTransport sends every request with Host set, as DNS would route it.
type hostTransport string

func (h hostTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Host = string(h)
	return http.DefaultTransport.RoundTrip(r)
}

// do sends a request to the gateway as if to host and returns the
// response with its body read.
func (w *world) do(method, host, path string, body io.Reader, hdr ...string) (*http.Response, []byte) {
	w.t.Helper()
	req, err := http.NewRequestWithContext(w.ctx, method, w.url+path, body)
	if err != nil {
		w.t.Fatal(err)
	}
	req.Host = host
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Add(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		w.t.Fatal(err)
	}
	return resp, b
}

// pack signs module as a function owned by a fresh publisher.
func pack(t testing.TB, module []byte, env map[string]string) *client.Package {
	t.Helper()
	k, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	s := wftest.Spec()
	s.Env = env
	pkg, err := client.Pack(context.Background(), bytes.NewReader(module), s, k)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// routeField returns key's value in an X-WF-Route header.
func routeField(resp *http.Response, key string) string {
	for _, f := range strings.Split(resp.Header.Get(wf.RouteHeader), ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(f), "="); ok && k == key {
			return v
		}
	}
	return ""
}

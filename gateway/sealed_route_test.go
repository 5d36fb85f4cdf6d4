package gateway_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

const secretToken = "tok-4b1d-sealed-for-alice"

// addSealed starts a provider with dev key i and sealing keyring kr (nil:
// none, registered with a placeholder key), behind a loopback server that
// sends requests through wrap (nil: straight to the provider).
func (w *world) addSealed(name string, i int, price int64, kr *seal.Keyring, wrap func(http.Handler) http.Handler) *node {
	w.t.Helper()
	n := w.newNode(name, i, kr)
	h := n.env.Provider.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	n.srv = httptest.NewServer(h)
	w.t.Cleanup(n.srv.Close)
	if kr == nil {
		w.register(n, n.srv.URL, price)
	} else {
		w.registerKey(n, n.srv.URL, price, kr.Current().Bytes())
	}
	return n
}

// putBlocks stores all of pkg's blocks at the named providers, as a
// provider that fetched or pinned the function without a grant holds it.
func (w *world) putBlocks(pkg *client.Package, names ...string) {
	w.t.Helper()
	for _, name := range names {
		if _, err := dag.ImportCAR(w.ctx, bytes.NewReader(pkg.CAR), w.nodes[name].env.Store, dag.Limits{}); err != nil {
			w.t.Fatal(err)
		}
	}
}

func newKeyring(t testing.TB, s seal.Suite) *seal.Keyring {
	t.Helper()
	kr, err := seal.NewKeyring(s, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return kr
}

// packSealed signs module as a function with a sealed secret, granted to
// the keys to, owned by a fresh publisher.
func packSealed(t testing.TB, module []byte, to ...*seal.PublicKey) *client.Package {
	t.Helper()
	k, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	block, dk, err := seal.Seal(map[string]string{"API_TOKEN": secretToken})
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	pkg, err := client.PackSealed(context.Background(), bytes.NewReader(module), wftest.Spec(), k,
		&client.Sealing{DataKey: dk, Secrets: block, To: to})
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// metric returns the value of the series starting with prefix (name and
// labels as /metrics prints them), or 0.
func (w *world) metric(prefix string) float64 {
	w.t.Helper()
	_, body := w.do("GET", domain, "/metrics", nil)
	sc := bufio.NewScanner(bytes.NewReader(body))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), prefix+" "); ok {
			v, err := strconv.ParseFloat(rest, 64)
			if err != nil {
				w.t.Fatalf("metric %s: %v", prefix, err)
			}
			return v
		}
	}
	return 0
}

// waitMetric waits up to 5 s for a series to reach want.
func (w *world) waitMetric(series string, want float64) {
	w.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := w.metric(series)
		if got == want {
			return
		}
		if got > want || time.Now().After(deadline) {
			w.t.Fatalf("%s = %v, want %v", series, got, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Smart routing reads a function's spec and sends a sealed function only
// to providers whose registered sealing key it grants, however cheap or
// well placed the others are.
func TestSmartRoutingSealed(t *testing.T) {
	guest := wftest.GoGuest(t, guestDir)
	w := newWorld(t, gateway.Config{ProviderTimeout: 10 * time.Second, ProbeTimeout: 2 * time.Second})

	aliceKeys := newKeyring(t, seal.SuiteHybrid) // the default suite, 1,227 bytes on chain
	bobKeys := newKeyring(t, seal.SuiteX25519)
	danKeys := newKeyring(t, seal.SuiteX25519)
	publisher := newKeyring(t, seal.SuiteX25519).Current() // every sealed deploy grants its publisher too

	public := pack(t, guest, nil)
	granted := packSealed(t, guest, aliceKeys.Current(), publisher)
	nobody := packSealed(t, guest, publisher)
	away := packSealed(t, guest, danKeys.Current(), publisher)
	forged := packSealed(t, guest, aliceKeys.Current(), publisher)
	publicBlock, _, err := spec.Encode(public.Spec)
	if err != nil {
		t.Fatal(err)
	}
	forgedPath := "/ipfs/" + forged.CID.String()

	// Prices rank bob and eve first, carol next, alice last. alice serves
	// forged's spec late, after eve's forgery has arrived.
	w.addSealed("alice", 1, 100_000, aliceKeys, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if r.URL.Path == forgedPath {
				time.Sleep(100 * time.Millisecond)
			}
			h.ServeHTTP(rw, r)
		})
	})
	w.addSealed("bob", 2, 0, bobKeys, nil)
	w.addSealed("carol", 3, 1_000, nil, nil)
	// dan is granted, but his endpoint does not answer.
	w.registerKey(&node{name: "dan", key: chain.DevKey(4)}, "http://127.0.0.1:1", 0, danKeys.Current().Bytes())
	// eve answers for forged's spec with another function's (public) spec.
	w.addSealed("eve", 5, 0, nil, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if r.URL.Path == forgedPath {
				rw.Header().Set("Content-Type", "application/vnd.ipld.raw")
				rw.Write(publicBlock)
				return
			}
			h.ServeHTTP(rw, r)
		})
	})

	w.deploy(public, "alice", "bob", "carol")
	w.deploy(granted, "alice")
	w.deploy(forged, "alice")
	// bob and carol hold granted without a grant: bob, the cheapest
	// holder, would answer 403.
	w.putBlocks(granted, "bob", "carol")
	w.putBlocks(nobody, "bob")
	w.putBlocks(away, "bob")

	invoke := func(t *testing.T, method string, fn *client.Package) (*http.Response, []byte) {
		t.Helper()
		return w.do(method, domain, "/"+fn.CID.String()+"/echo", strings.NewReader("x"))
	}
	wantAlice := func(t *testing.T, resp *http.Response, body []byte) {
		t.Helper()
		e := wantEcho(t, resp, body)
		route := resp.Header.Get(wf.RouteHeader)
		if routeField(resp, "provider") != "alice" || routeField(resp, "reason") != "granted" ||
			routeField(resp, "attempt") != "1" || routeField(resp, "failed") != "" {
			t.Errorf("X-WF-Route %q, want alice at once, reason granted", route)
		}
		if e.Env["API_TOKEN"] != secretToken {
			t.Errorf("the function saw API_TOKEN=%q, want its sealed secret", e.Env["API_TOKEN"])
		}
	}
	sealedError := func(t *testing.T, resp *http.Response, body []byte, status int, code, reason string, grantedProviders []string) {
		t.Helper()
		wantError(t, resp, body, status, code)
		var e httperr.Body
		json.Unmarshal(body, &e)
		if !strings.Contains(e.Error.Message, "sealed") {
			t.Errorf("message %q does not say the function is sealed", e.Error.Message)
		}
		names, _ := json.Marshal(e.Error.Extra["grantedProviders"])
		want, _ := json.Marshal(grantedProviders)
		if string(names) != string(want) || e.Error.Extra["sealed"] != true || e.Error.Extra["grantedKeys"] == nil {
			t.Errorf("details %v, want sealed with grantedProviders %s and grantedKeys", e.Error.Extra, want)
		}
		if routeField(resp, "provider") != "none" || routeField(resp, "reason") != reason {
			t.Errorf("X-WF-Route %q, want provider=none, reason=%s", resp.Header.Get(wf.RouteHeader), reason)
		}
	}

	t.Run("public unchanged", func(t *testing.T) {
		// The first request reads the spec and learns who holds it; the
		// answers of holders slower than the first yes arrive later.
		resp, body := invoke(t, "GET", public)
		wantEcho(t, resp, body)
		w.waitMetric(`wf_gateway_function_specs_total{result="public"}`, 3) // alice, bob, carol
		resp, body = invoke(t, "GET", public)
		wantEcho(t, resp, body)
		if routeField(resp, "provider") != "bob" || routeField(resp, "reason") != "has-function" {
			t.Errorf("X-WF-Route %q, want bob (cheapest holder), reason has-function", resp.Header.Get(wf.RouteHeader))
		}
	})
	t.Run("only the granted provider", func(t *testing.T) {
		// The first request goes to alice at once, though whether she holds
		// it may not be known yet (granted-may-fetch); once the holders have
		// answered, every request is "granted".
		resp, body := invoke(t, "GET", granted)
		wantEcho(t, resp, body)
		if r := routeField(resp, "reason"); routeField(resp, "provider") != "alice" || routeField(resp, "attempt") != "1" || (r != "granted" && r != "granted-may-fetch") {
			t.Errorf("first request: X-WF-Route %q, want alice at once", resp.Header.Get(wf.RouteHeader))
		}
		w.waitMetric(`wf_gateway_function_specs_total{result="sealed"}`, 3) // alice, bob, carol
		for i := range 4 {
			method := "GET"
			if i%2 == 1 {
				method = "POST" // never retried elsewhere, so it must go to alice first
			}
			resp, body := invoke(t, method, granted)
			wantAlice(t, resp, body)
		}
	})
	t.Run("spec read once", func(t *testing.T) {
		// alice, bob and carol served it to the first request.
		const series = `wf_gateway_function_specs_total{result="sealed"}`
		w.waitMetric(series, 3)
		for range 3 {
			resp, body := invoke(t, "GET", granted)
			wantAlice(t, resp, body)
		}
		if after := w.metric(series); after != 3 {
			t.Errorf("sealed spec reads: 3 before, %v after three more requests; want the decision cached", after)
		}
	})
	t.Run("no provider granted", func(t *testing.T) {
		resp, body := invoke(t, "GET", nobody)
		sealedError(t, resp, body, 403, "forbidden", "not-granted", []string{})
		if !strings.Contains(string(body), "wf secrets grant") {
			t.Errorf("no advice: %s", body)
		}
	})
	t.Run("granted provider unreachable", func(t *testing.T) {
		resp, body := invoke(t, "GET", away)
		sealedError(t, resp, body, 503, "unavailable", "granted-unreachable", []string{"dan"})
	})
	t.Run("forged spec", func(t *testing.T) {
		resp, body := invoke(t, "GET", forged)
		wantAlice(t, resp, body)
		w.waitMetric(`wf_gateway_function_specs_total{result="mismatch"}`, 1) // eve's
	})
}

// A provider refusing a sealed function with 403 (here: one whose
// registered sealing key is granted but whose keyring lost it) is skipped
// like one without the function, for any method, and its health does not
// suffer for it.
func TestSealedRefusalMovesOn(t *testing.T) {
	guest := wftest.GoGuest(t, guestDir)
	w := newWorld(t, gateway.Config{ProviderTimeout: 10 * time.Second, ProbeTimeout: 2 * time.Second})
	aliceKeys := newKeyring(t, seal.SuiteX25519)
	fn := packSealed(t, guest, aliceKeys.Current())
	w.addSealed("alice", 1, 100_000, aliceKeys, nil)
	frank := w.addSealed("frank", 2, 0, newKeyring(t, seal.SuiteX25519), nil)
	if _, err := w.sim.Client(frank.key).UpdateProvider(w.ctx, chain.Provider{
		Name: "frank", Endpoint: frank.srv.URL, SealingKey: aliceKeys.Current().Bytes(), PricePerRequest: big.NewInt(0),
	}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	w.deploy(fn, "alice")
	w.putBlocks(fn, "frank")

	// The first request learns the spec and who holds it.
	resp, body := w.do("GET", domain, "/"+fn.CID.String()+"/echo", nil)
	wantEcho(t, resp, body)
	w.waitMetric(`wf_gateway_function_specs_total{result="sealed"}`, 2) // alice and frank
	for _, method := range []string{"GET", "POST"} {
		resp, body := w.do(method, domain, "/"+fn.CID.String()+"/echo", strings.NewReader("x"))
		e := wantEcho(t, resp, body)
		if routeField(resp, "provider") != "alice" || routeField(resp, "failed") != "frank:status-403" || e.Env["API_TOKEN"] != secretToken {
			t.Errorf("%s: X-WF-Route %q, want alice after frank:status-403", method, resp.Header.Get(wf.RouteHeader))
		}
	}
	_, body = w.do("GET", domain, "/v1/providers", nil)
	var ps struct {
		Providers []struct {
			Name    string
			Up      bool
			Success float64
		}
	}
	if err := json.Unmarshal(body, &ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps.Providers {
		if p.Name == "frank" && (!p.Up || p.Success != 1) {
			t.Errorf("frank's health after refusing: up=%v success=%v, want up with success 1", p.Up, p.Success)
		}
	}
}

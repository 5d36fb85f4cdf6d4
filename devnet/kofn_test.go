package devnet_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// mallory is a hostile provider: registered under its own name and key,
// it answers from alpha's node but rewrites the body, and signs result
// receipts for what it sends with its own key, as a provider that lies
// about a result would.
func mallory(t *testing.T, backend string, key *chain.Key) *httptest.Server {
	return lyingProvider(t, backend, key, false)
}

// lyingProvider is mallory, or with silent a provider that answers honestly
// but never signs a result receipt.
func lyingProvider(t *testing.T, backend string, key *chain.Key, silent bool) *httptest.Server {
	u, err := url.Parse(backend)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	direct := proxy.Director
	proxy.Director = func(r *http.Request) { direct(r); r.Host = u.Host }
	proxy.ModifyResponse = func(resp *http.Response) error {
		if silent {
			resp.Header.Del(wf.ResultHeader)
			return nil
		}
		rr, _, err := chain.ParseResultHeader(wf.CID{}, resp.Header.Get(wf.ResultHeader))
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/") {
			return nil
		}
		b, err2 := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err2 != nil {
			return err2
		}
		b = bytes.ReplaceAll(b, []byte("Hello"), []byte("Howdy"))
		resp.Body = io.NopCloser(bytes.NewReader(b))
		resp.ContentLength = int64(len(b))
		resp.Header.Set("Content-Length", strconv.Itoa(len(b)))
		resp.Header.Del(wf.ResultHeader)
		if err == nil { // asked to attest: sign the lie
			seg, _, _ := strings.Cut(strings.TrimPrefix(resp.Request.URL.Path, "/"), "/")
			rr.Function, _ = wf.ParseCID(seg)
			rr.Response = wf.ResponseHash(resp.StatusCode, resp.Header, b)
			sig, err := chain.SignResult(key, rr)
			if err != nil {
				return err
			}
			resp.Header.Set(wf.ResultHeader, chain.FormatResultHeader(rr, sig))
		}
		return nil
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == chain.ChallengePath { // it holds its own name's key
			n, err := wf.ParseNonce(r.URL.Query().Get("nonce"))
			if err != nil {
				http.Error(w, err.Error(), 400)
				return
			}
			p, err := chain.Prove(key, wf.EndpointChallenge{Gateway: r.URL.Query().Get("gateway"), Nonce: n})
			if err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			httperr.WriteJSON(w, 200, p)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// verifyGet sends GET u with X-WF-Verify: k (none if k is 0).
func verifyGet(t *testing.T, u string, k int) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	if k > 0 {
		req.Header.Set(wf.VerifyHeader, strconv.Itoa(k))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// verifiedError is the body of a verification error.
type verifiedError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Details struct {
			Request wf.Hash `json:"request"`
			Answers []struct {
				Provider string     `json:"provider"`
				Address  wf.Address `json:"address"`
				Attested bool       `json:"attested"`
				Status   int        `json:"status"`
				Response wf.Hash    `json:"response"`
				Receipt  string     `json:"receipt"`
				Problem  string     `json:"problem"`
			} `json:"answers"`
			Providers []string `json:"providers"`
		} `json:"details"`
	} `json:"error"`
}

// Issue 11 item 8: three providers, one hostile (mallory rewrites the
// answers of alpha's node and signs them as its own). Under k=2 its wrong
// answer never reaches the caller, the disagreement comes back with
// receipts that verify against each signer's registered address, and
// without verification the attack is real.
func TestVerifiedExecution(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: dir,
		Nodes: []devnet.NodeConfig{
			{Name: "alpha", Listen: "127.0.0.1:0"},
			{Name: "beta"}, // tunnel only: answers compared across both kinds of route
		},
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	gw := n.Gateways[0]

	pack := func(created string, det *spec.Deterministic) *client.Package {
		s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: created}
		if det != nil {
			x, err := det.Extension()
			if err != nil {
				t.Fatal(err)
			}
			s.Version, s.Extensions = wf.SpecVersionExtended, map[string]wf.Extension{spec.DeterministicExtension: x}
		}
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, n.Publisher)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	deploy := func(pkg *client.Package, nodes ...string) string {
		for _, name := range nodes {
			if _, err := client.New(n.Node(name).URL).Deploy(ctx, pkg); err != nil {
				t.Fatalf("deploy to %s: %v", name, err)
			}
		}
		return pkg.CID.String()
	}
	both := deploy(pack("2026-01-01T00:00:00Z", &spec.Deterministic{}), "alpha", "beta")
	alphaOnly := deploy(pack("2026-01-02T00:00:00Z", &spec.Deterministic{}), "alpha")
	plain := deploy(pack("2026-01-03T00:00:00Z", nil), "alpha", "beta")
	byDefault := deploy(pack("2026-01-04T00:00:00Z", &spec.Deterministic{Verify: 2}), "alpha", "beta")
	addrs := map[string]wf.Address{"alpha": n.Node("alpha").Key.Address(), "beta": n.Node("beta").Key.Address()}

	// checkReceipts verifies each X-WF-Result of a verified answer
	// against the registered address of the provider it names.
	checkReceipts := func(fn string, resp *http.Response, body []byte, query string) {
		t.Helper()
		c, _ := wf.ParseCID(fn)
		v := resp.Header.Get(wf.VerifiedHeader)
		_, names, _ := strings.Cut(v, "providers=")
		rs := resp.Header.Values(wf.ResultHeader)
		if len(rs) != len(strings.Split(names, ",")) {
			t.Fatalf("%s %q: %d receipts", wf.VerifiedHeader, v, len(rs))
		}
		req := wf.RequestHash(c, "GET", "/", query, []byte{})
		for i, name := range strings.Split(names, ",") {
			rr, sig, err := chain.ParseResultHeader(c, rs[i])
			if err != nil {
				t.Fatal(err)
			}
			if rr.Request != req {
				t.Errorf("%s signed request %s, want %s", name, rr.Request, req)
			}
			if err := chain.VerifyResult(rr, sig, addrs[name]); err != nil {
				t.Errorf("%s's receipt: %v", name, err)
			}
		}
	}

	// A provider signs a result receipt only when asked.
	if resp, _ := verifyGet(t, n.Node("alpha").URL+"/"+both+"/?name=you", 0); resp.Header.Get(wf.ResultHeader) != "" {
		t.Errorf("a receipt nobody asked for: %s", resp.Header.Get(wf.ResultHeader))
	}

	// Both honest: they agree, the answer is theirs, and says so.
	resp, body := verifyGet(t, gw.URL+"/"+both+"/?name=you", 2)
	if resp.StatusCode != 200 || string(body) != "Hello, you!\n" && !strings.Contains(string(body), "Hello, you!") {
		t.Fatalf("k=2, honest: %d %s", resp.StatusCode, body)
	}
	if v := resp.Header.Get(wf.VerifiedHeader); !strings.HasPrefix(v, "k=2; response=0x") || !strings.Contains(v, "alpha") || !strings.Contains(v, "beta") {
		t.Errorf("%s: %q", wf.VerifiedHeader, v)
	}
	checkReceipts(both, resp, body, "name=you")
	// The spec's default applies without asking.
	resp, body = verifyGet(t, gw.URL+"/"+byDefault+"/?name=you", 0)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get(wf.VerifiedHeader), "k=2;") {
		t.Errorf("spec default verify=2: %d %q %s", resp.StatusCode, resp.Header.Get(wf.VerifiedHeader), body)
	}

	for _, c := range []struct {
		name, fn, verify string
		status           int
		code             string
	}{
		{"not deterministic", plain, "2", 400, "not_deterministic"},
		{"not a number", both, "two", 400, "invalid_request"},
		{"above the owner's cap", both, "4", 400, "verify_too_high"},
		{"more than the holders", both, "3", 503, "too_few_verifiers"},
	} {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", gw.URL+"/"+c.fn+"/?name=you", nil)
			req.Header.Set(wf.VerifyHeader, c.verify)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e verifiedError
			json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != c.status || e.Error.Code != c.code {
				t.Errorf("X-WF-Verify %s: %d %s (%s), want %d %s", c.verify, resp.StatusCode, e.Error.Code, e.Error.Message, c.status, c.code)
			}
		})
	}

	// Now mallory joins, with its own key, in front of alpha's node.
	mkey := chain.DevKey(7)
	addrs["mallory"], addrs["mallory2"] = mkey.Address(), mkey.Address()
	m := mallory(t, n.Node("alpha").URL, mkey)
	sealing, err := node.OpenSealing(filepath.Join(dir, "mallory"), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"mallory", "mallory2"} { // two names, one address: one vote
		if _, err := n.Chain.Client(mkey).RegisterProvider(ctx, chain.Provider{Name: name, Endpoint: m.URL,
			PricePerRequest: new(big.Int), SealingKey: sealing.Current().Bytes()}); err != nil {
			t.Fatal(err)
		}
	}
	// Without verification the attack works: this is what k=2 stops.
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, body = verifyGet(t, gw.URL+"/p/mallory/"+alphaOnly+"/?name=you", 0)
		if resp.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("mallory never routable: %d %s", resp.StatusCode, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(string(body), "Howdy, you!") {
		t.Fatalf("mallory's unverified answer: %s", body)
	}

	// alphaOnly is held by alpha and mallory (and mallory2, the same
	// address): k=2 compares alpha with mallory every time.
	for i := range 5 {
		resp, body := verifyGet(t, gw.URL+"/"+alphaOnly+"/?name=you", 2)
		if strings.Contains(string(body), "Howdy") || resp.StatusCode == 200 {
			t.Fatalf("attempt %d: the wrong answer got through: %d %s", i, resp.StatusCode, body)
		}
		var e verifiedError
		if err := json.Unmarshal(body, &e); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 502 || e.Error.Code != "verification_failed" || len(e.Error.Details.Answers) != 2 {
			t.Fatalf("attempt %d: %d %s", i, resp.StatusCode, body)
		}
		if r := resp.Header.Get(wf.RouteHeader); !strings.Contains(r, ":disagrees") {
			t.Errorf("X-WF-Route %q does not say who disagreed", r)
		}
		c, _ := wf.ParseCID(alphaOnly)
		if want := wf.RequestHash(c, "GET", "/", "name=you", []byte{}); e.Error.Details.Request != want {
			t.Errorf("evidence request hash %s, want %s", e.Error.Details.Request, want)
		}
		seen := map[string]wf.Hash{}
		for _, a := range e.Error.Details.Answers {
			// The evidence stands on its own: each receipt is its
			// provider's registered address's signature over this
			// request and its answer.
			rr, sig, err := chain.ParseResultHeader(c, a.Receipt)
			if err != nil {
				t.Fatalf("%s: %v", a.Provider, err)
			}
			if !a.Attested || a.Address != addrs[a.Provider] || rr.Request != e.Error.Details.Request || rr.Response != a.Response {
				t.Errorf("%s: evidence %+v", a.Provider, a)
			}
			if err := chain.VerifyResult(rr, sig, addrs[a.Provider]); err != nil {
				t.Errorf("%s's receipt does not verify: %v", a.Provider, err)
			}
			seen[a.Provider] = a.Response
		}
		if len(seen) != 2 || seen["alpha"] == seen["mallory"] && seen["mallory2"] == seen["alpha"] {
			t.Errorf("answers %v: want alpha's and mallory's, different", seen)
		}
	}
	// mallory2 is mallory: three names, two addresses.
	if resp, body := verifyGet(t, gw.URL+"/"+alphaOnly+"/?name=you", 3); resp.StatusCode != 503 || !strings.Contains(string(body), "too_few_verifiers") {
		t.Errorf("k=3 over two addresses: %d %s", resp.StatusCode, body)
	}

	// both is held by alpha, beta and mallory: under k=2 an answer is
	// alpha's and beta's or none; under k=3 none.
	ok, failed := 0, 0
	for i := range 12 {
		k := 2 + i%2
		resp, body := verifyGet(t, gw.URL+"/"+both+"/?name=you", k)
		switch {
		case strings.Contains(string(body), "Howdy"):
			t.Fatalf("k=%d: the wrong answer got through: %d %s", k, resp.StatusCode, body)
		case resp.StatusCode == 200 && k == 2 && strings.Contains(string(body), "Hello, you!"):
			ok++
			checkReceipts(both, resp, body, "name=you")
		case resp.StatusCode == 502 && strings.Contains(string(body), "verification_failed"):
			failed++
		default:
			t.Fatalf("k=%d: %d %s", k, resp.StatusCode, body)
		}
	}
	t.Logf("alpha, beta and mallory, k=2 and 3: %d verified answers, %d refused, 0 wrong", ok, failed)
	if failed < 6 {
		t.Errorf("only %d refusals: every k=3 request includes mallory", failed)
	}

	// A provider that answers without a receipt is no vote: replaced by
	// the next holder if there is one, else verification_incomplete.
	skey := chain.DevKey(8)
	addrs["silent"] = skey.Address()
	betaOnly := deploy(pack("2026-01-05T00:00:00Z", &spec.Deterministic{}), "beta")
	s := lyingProvider(t, n.Node("beta").URL, skey, true)
	if _, err := n.Chain.Client(skey).RegisterProvider(ctx, chain.Provider{Name: "silent", Endpoint: s.URL,
		PricePerRequest: new(big.Int), SealingKey: sealing.Current().Bytes()}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		resp, body = verifyGet(t, gw.URL+"/p/silent/"+betaOnly+"/?name=you", 0)
		if resp.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("silent never routable: %d %s", resp.StatusCode, body)
		}
	}
	for range 4 {
		resp, body := verifyGet(t, gw.URL+"/"+betaOnly+"/?name=you", 1)
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get(wf.VerifiedHeader), "providers=beta") {
			t.Fatalf("k=1 with a silent holder and beta: %d %q %s", resp.StatusCode, resp.Header.Get(wf.VerifiedHeader), body)
		}
		checkReceipts(betaOnly, resp, body, "name=you")
	}
	resp, body = verifyGet(t, gw.URL+"/"+betaOnly+"/?name=you", 2)
	var e verifiedError
	json.Unmarshal(body, &e)
	if resp.StatusCode != 502 || e.Error.Code != "verification_incomplete" {
		t.Fatalf("k=2 with a silent holder: %d %s", resp.StatusCode, body)
	}
	for _, a := range e.Error.Details.Answers {
		if (a.Provider == "silent") == a.Attested || a.Provider == "silent" && !strings.Contains(a.Problem, "without a result receipt") {
			t.Errorf("evidence %+v", a)
		}
	}
}

// Verified execution on a paid network: each of the k providers charges
// the owner as usual; a request a voucher would pay for is refused (a
// voucher pays one provider), and a function name routes verified too.
func TestVerifiedExecutionPaid(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   t.TempDir(),
		Price: big.NewInt(100),
		Meter: payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Nodes: []devnet.NodeConfig{
			{Name: "alpha", Listen: "127.0.0.1:0"},
			{Name: "beta", Listen: "127.0.0.1:0"},
		},
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	x, err := (&spec.Deterministic{}).Extension()
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{Version: wf.SpecVersionExtended,
		Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z",
		Extensions: map[string]wf.Extension{spec.DeterministicExtension: x}}, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	sr, err := names.Sign(wf.NameRecord{Name: "hello", Seq: 1, Created: "2026-01-01T00:00:00Z",
		Targets: []wf.Target{{Function: pkg.CID, Weight: 100}}}, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range n.Nodes {
		c := client.New(nd.URL)
		if _, err := c.Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		if _, err := c.SetName(ctx, sr); err != nil {
			t.Fatal(err)
		}
	}
	gw := n.Gateways[0]
	count := func(name string) uint64 {
		charged, _ := n.Node(name).Meter().Totals()
		return charged.Count
	}
	for i, u := range []string{
		gw.URL + "/" + pkg.CID.String() + "/?name=you",
		gw.URL + "/@" + n.Publisher.Address().String() + "/hello/?name=you",
	} {
		resp, body := verifyGet(t, u, 2)
		if resp.StatusCode != 200 || !strings.Contains(string(body), "Hello, you!") || !strings.HasPrefix(resp.Header.Get(wf.VerifiedHeader), "k=2;") {
			t.Fatalf("GET %s: %d %q %s", u, resp.StatusCode, resp.Header.Get(wf.VerifiedHeader), body)
		}
		if a, b := count("alpha"), count("beta"); a != uint64(i+1) || b != uint64(i+1) {
			t.Errorf("after %d verified requests alpha charged %d, beta %d", i+1, a, b)
		}
	}
	req, _ := http.NewRequest("GET", gw.URL+"/"+pkg.CID.String()+"/?name=you", nil)
	req.Header.Set(wf.VerifyHeader, "2")
	req.Header.Set(wf.VoucherHeader, "anything")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(body), "verify_caller_pays") {
		t.Errorf("verified with a voucher: %d %s", resp.StatusCode, body)
	}
	if a, b := count("alpha"), count("beta"); a != 2 || b != 2 {
		t.Errorf("a refused request was charged: alpha %d, beta %d", a, b)
	}
}

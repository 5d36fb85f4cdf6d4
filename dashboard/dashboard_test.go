package dashboard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// world is a paid devnet with a dashboard and one function of the
// publisher's, deployed to both nodes and invoked once at the first.
type world struct {
	net *devnet.Net
	url string
	fn  wf.CID
	fn2 wf.CID // a second version: the name "hello" points at it (seq 2), before at fn (seq 1)
}

func start(t testing.TB, devLogin bool) *world {
	t.Helper()
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   t.TempDir(),
		Price: big.NewInt(1000),
		Meter: payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Nodes: []devnet.NodeConfig{
			{Name: "alpha", Listen: "127.0.0.1:0"},
			{Name: "beta", Listen: "127.0.0.1:0"},
		},
		Gateways:  []devnet.GatewayConfig{{}},
		CI:        &devnet.CIConfig{},
		Dashboard: &devnet.DashboardConfig{DevLogin: devLogin},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close(context.Background()) })
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z",
		Env: map[string]string{"GREETING": "hi", "MODE": "test"}}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range n.Nodes {
		if _, err := client.New(nd.URL).Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
	}
	s2 := s
	s2.Env = map[string]string{"GREETING": "hello", "MODE": "v2"}
	pkg2, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s2, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range n.Nodes {
		if _, err := client.New(nd.URL).Deploy(ctx, pkg2); err != nil {
			t.Fatal(err)
		}
	}
	for seq, fn := range []wf.CID{pkg.CID, pkg2.CID} {
		sr, err := names.Sign(wf.NameRecord{Name: "hello", Seq: uint64(seq + 1), Targets: names.Split([]wf.CID{fn}),
			Created: fmt.Sprintf("2026-01-0%dT00:00:00Z", seq+1)}, n.Publisher)
		if err != nil {
			t.Fatal(err)
		}
		for _, nd := range n.Nodes {
			if _, err := client.New(nd.URL).SetName(ctx, sr); err != nil {
				t.Fatal(err)
			}
		}
	}
	resp, err := http.Get(n.Nodes[0].URL + "/" + pkg.CID.String() + "/?name=dashboard")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("invoke: %s", resp.Status)
	}
	return &world{net: n, url: n.Dashboard.URL, fn: pkg.CID, fn2: pkg2.CID}
}

// browser is a cookie-keeping HTTP client that does not follow
// redirects, so tests see them.
type browser struct {
	t    testing.TB
	base string
	c    *http.Client
	csrf string
}

func newBrowser(t testing.TB, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (b *browser) do(method, path string, form url.Values) (int, string, http.Header) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, b.base+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if m := csrfRE.FindSubmatch(out); m != nil && len(m[1]) > 0 {
		b.csrf = string(m[1])
	}
	return resp.StatusCode, string(out), resp.Header
}

var (
	csrfRE    = regexp.MustCompile(`data-csrf="([^"]*)"`)
	attemptRE = regexp.MustCompile(`data-attempt="([^"]+)"`)
)

// challenge opens the sign-in page and asks for a login to sign.
func (b *browser) challenge() (attempt string, m wf.DashboardLogin) {
	b.t.Helper()
	_, page, _ := b.do("GET", "/login", nil)
	a := attemptRE.FindStringSubmatch(page)
	if a == nil {
		b.t.Fatalf("no sign-in attempt on the login page:\n%s", page)
	}
	status, body, _ := b.do("POST", "/login/challenge", url.Values{"attempt": {a[1]}})
	if status != 200 {
		b.t.Fatalf("challenge: %d %s", status, body)
	}
	var ch struct {
		Nonce     wf.Nonce `json:"nonce"`
		Expires   int64    `json:"expires"`
		TypedData struct {
			Message struct{ Origin string } `json:"message"`
		} `json:"typedData"`
	}
	if err := json.Unmarshal([]byte(body), &ch); err != nil {
		b.t.Fatal(err)
	}
	return a[1], wf.DashboardLogin{Origin: ch.TypedData.Message.Origin, Nonce: ch.Nonce, Expires: ch.Expires}
}

func (b *browser) login(attempt string, m wf.DashboardLogin, as wf.Address, signer *chain.Key) (int, string) {
	b.t.Helper()
	sig, err := signer.Sign(m)
	if err != nil {
		b.t.Fatal(err)
	}
	status, body, _ := b.do("POST", "/login", url.Values{"attempt": {attempt}, "nonce": {m.Nonce.String()},
		"address": {as.Checksum()}, "signature": {sig.String()}})
	return status, body
}

// signIn signs in as key through the wallet flow and loads a page, so
// the browser knows its CSRF token.
func signIn(t testing.TB, base string, key *chain.Key) *browser {
	t.Helper()
	b := newBrowser(t, base)
	att, m := b.challenge()
	if status, body := b.login(att, m, key.Address(), key); status != http.StatusNoContent {
		t.Fatalf("sign in: %d %s", status, body)
	}
	if status, body, _ := b.do("GET", "/functions", nil); status != 200 {
		t.Fatalf("functions after sign-in: %d %s", status, body)
	}
	return b
}

func wantPage(t *testing.T, status int, body string, wantStatus int, wants ...string) {
	t.Helper()
	if status != wantStatus {
		t.Fatalf("status %d, want %d; body:\n%s", status, wantStatus, body)
	}
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q:\n%s", w, body)
		}
	}
}

func TestDashboard(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	stranger, _ := chain.GenerateKey()
	fnPath := "/functions/" + w.fn.String()

	t.Run("signed out", func(t *testing.T) {
		b := newBrowser(t, w.url)
		for _, p := range []string{"/", "/functions", fnPath, "/payments", "/admin", "/ci"} {
			status, _, h := b.do("GET", p, nil)
			if status != http.StatusSeeOther || h.Get("Location") != "/login" {
				t.Errorf("GET %s signed out: %d to %q, want 303 to /login", p, status, h.Get("Location"))
			}
		}
		status, body, _ := b.do("POST", "/logout", url.Values{})
		wantPage(t, status, body, 403)
		status, body, h := b.do("GET", "/login", nil)
		wantPage(t, status, body, 200, "Sign in with wallet")
		if strings.Contains(body, "dev-login") {
			t.Error("dev login offered without a dev signer")
		}
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("security headers: CSP %q, X-Frame-Options %q", csp, h.Get("X-Frame-Options"))
		}
		status, body, _ = b.do("POST", "/login/dev", url.Values{})
		wantPage(t, status, body, 404)
		status, body, h = b.do("GET", "/static/app.js", nil)
		wantPage(t, status, body, 200, "eth_signTypedData_v4")
		if !strings.Contains(h.Get("Content-Type"), "javascript") {
			t.Errorf("app.js served as %q", h.Get("Content-Type"))
		}
		status, body, _ = b.do("GET", "/static/style.css", nil)
		wantPage(t, status, body, 200)
	})

	// A page that resolves its own name to the dashboard (DNS
	// rebinding) reaches nothing: only loopback names are served.
	t.Run("host", func(t *testing.T) {
		req, _ := http.NewRequest("GET", w.url+"/login", nil)
		req.Host = "evil.example:" + req.URL.Port()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMisdirectedRequest {
			t.Fatalf("Host evil.example: %d, want 421", resp.StatusCode)
		}
		req.Host = "localhost:" + req.URL.Port()
		if resp, err = http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
			t.Fatalf("Host localhost: %v %v, want 200", resp.Status, err)
		}
		resp.Body.Close()
	})

	t.Run("sign in", func(t *testing.T) {
		b := newBrowser(t, w.url)
		att, m := b.challenge()
		// Someone else's signature claiming the publisher's address.
		status, body := b.login(att, m, pub.Address(), stranger)
		wantPage(t, status, body, 403, "signature is not")
		// A nonce is good once, right or wrong.
		status, body = b.login(att, m, pub.Address(), pub)
		wantPage(t, status, body, 403, "unknown, used or expired")
		// A login signed for another origin.
		att, m = b.challenge()
		forged := m
		forged.Origin = "http://evil.example"
		sig, _ := pub.Sign(forged)
		status, body, _ = b.do("POST", "/login", url.Values{"attempt": {att}, "nonce": {m.Nonce.String()},
			"address": {pub.Address().Checksum()}, "signature": {sig.String()}})
		wantPage(t, status, body, 403)
		// Without the attempt cookie (another site's form): refused.
		att, m = b.challenge()
		other := newBrowser(t, w.url)
		sig, _ = pub.Sign(m)
		status, body, _ = other.do("POST", "/login", url.Values{"attempt": {att}, "nonce": {m.Nonce.String()},
			"address": {pub.Address().Checksum()}, "signature": {sig.String()}})
		wantPage(t, status, body, 403)
		status, body, _ = other.do("POST", "/login/challenge", url.Values{"attempt": {att}})
		wantPage(t, status, body, 403)
		// The right one.
		status, body = b.login(att, m, pub.Address(), pub)
		if status != http.StatusNoContent {
			t.Fatalf("sign in: %d %s", status, body)
		}
		var cookie *http.Cookie
		u, _ := url.Parse(w.url)
		for _, c := range b.c.Jar.Cookies(u) {
			if c.Name == "wf_session" {
				cookie = c
			}
		}
		if cookie == nil {
			t.Fatal("no session cookie")
		}
	})

	t.Run("cookie attributes", func(t *testing.T) {
		b := newBrowser(t, w.url)
		att, m := b.challenge()
		sig, _ := pub.Sign(m)
		req, _ := http.NewRequest("POST", w.url+"/login", strings.NewReader(url.Values{"attempt": {att}, "nonce": {m.Nonce.String()},
			"address": {pub.Address().Checksum()}, "signature": {sig.String()}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := b.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var found bool
		for _, c := range resp.Cookies() {
			if c.Name == "wf_session" {
				found = true
				if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || len(c.Value) < 40 {
					t.Errorf("session cookie %+v: want HttpOnly, SameSite=Strict, a long random value", c)
				}
			}
		}
		if !found {
			t.Fatal("no session cookie set")
		}
	})

	owner := signIn(t, w.url, pub)

	t.Run("functions", func(t *testing.T) {
		status, body, _ := owner.do("GET", "/functions", nil)
		wantPage(t, status, body, 200, w.fn.String(), "alpha, beta", pub.Address().Checksum())
		// "hello" points at the second version: its row says so, the first's does not.
		row := func(fn wf.CID) string {
			i := strings.Index(body, `<a href="/functions/`+fn.String()+`">`)
			if i < 0 {
				t.Fatalf("no row for %s", fn)
			}
			return body[i : i+strings.Index(body[i:], "</tr>")]
		}
		if r := row(w.fn2); !strings.Contains(r, `<a href="/names/hello">hello</a> (100%, seq 2)`) {
			t.Errorf("the row of hello's function lacks the name: %s", r)
		}
		if r := row(w.fn); strings.Contains(r, "/names/hello") {
			t.Errorf("the row of a function no name points at names one: %s", r)
		}
		s := signIn(t, w.url, stranger)
		status, body, _ = s.do("GET", "/functions", nil)
		wantPage(t, status, body, 200, "no functions")
		if strings.Contains(body, w.fn.String()) {
			t.Error("another owner's function listed")
		}
	})

	t.Run("function", func(t *testing.T) {
		status, body, _ := owner.do("GET", fnPath, nil)
		wantPage(t, status, body, 200, "GREETING", "MODE", "wagi", "Read recent invocations at alpha", "Read recent invocations at beta",
			"<td>alpha</td><td>0.001000 USDC</td>", w.net.Nodes[1].URL+"/"+w.fn.String()+"/",
			"anyone who reaches a provider", "else you, from your escrow", "your own key (not deployed from CI)", "any provider (no placement rules)")
		if strings.Contains(body, ">hi<") {
			t.Error("an env value is shown; names only")
		}
		s := signIn(t, w.url, stranger)
		status, body, _ = s.do("GET", fnPath, nil)
		wantPage(t, status, body, 403, "another owner")
		status, body, _ = owner.do("GET", "/functions/"+wf.SumCID(wf.CodecJSON, []byte("{}")).String(), nil)
		wantPage(t, status, body, 404)
		status, body, _ = owner.do("GET", "/functions/nonsense", nil)
		wantPage(t, status, body, 404)
	})

	t.Run("logs", func(t *testing.T) {
		status, body, _ := owner.do("POST", fnPath+"/logs-request", url.Values{"csrf": {owner.csrf}, "provider": {"0"}})
		if status != 200 {
			t.Fatalf("logs request: %d %s", status, body)
		}
		var rq struct {
			Expires int64 `json:"expires"`
		}
		json.Unmarshal([]byte(body), &rq)
		alpha := w.net.Nodes[0].Key.Address()
		m := wf.LogsRequest{Function: w.fn, Provider: alpha, Expires: rq.Expires}
		sig, _ := pub.Sign(m)
		form := url.Values{"csrf": {owner.csrf}, "provider": {"0"}, "expires": {fmt.Sprint(rq.Expires)}, "signature": {sig.String()}}
		status, body, _ = owner.do("POST", fnPath+"/logs", form)
		wantPage(t, status, body, 200, "At alpha", "greeting dashboard", "<td>200</td>", "Invocations recorded</dt><dd>1<", "Failed</dt><dd>0 (0%)", "at most 0.001000 USDC (0.001000 USDC a request)")
		// The wallet signed for alpha: beta is not fooled.
		form.Set("provider", "1")
		status, body, _ = owner.do("POST", fnPath+"/logs", form)
		wantPage(t, status, body, 403)
		// A signature by someone else is not forwarded.
		bad, _ := stranger.Sign(m)
		form.Set("provider", "0")
		form.Set("signature", bad.String())
		status, body, _ = owner.do("POST", fnPath+"/logs", form)
		wantPage(t, status, body, 403)
	})

	t.Run("names", func(t *testing.T) {
		status, body, _ := owner.do("GET", "/names", nil)
		wantPage(t, status, body, 200, `href="/names/hello"`, "seq 2", w.fn2.String()[:10], "alpha, beta")
		status, body, _ = owner.do("GET", "/names/hello", nil)
		wantPage(t, status, body, 200, "seq 2 (current)", "Roll back to seq 1", w.fn.String()[:10])
		s := signIn(t, w.url, stranger)
		status, body, _ = s.do("GET", "/names", nil)
		wantPage(t, status, body, 200, "no names")
		status, body, _ = s.do("GET", "/names/hello", nil)
		wantPage(t, status, body, 404)
		// Another owner cannot even get the record to sign.
		status, body, _ = s.do("POST", "/names/hello/record-request", url.Values{"csrf": {s.csrf}, "from": {"1"}})
		wantPage(t, status, body, 400)
		status, body, _ = owner.do("POST", "/names/hello/record-request", url.Values{"csrf": {owner.csrf}, "from": {"2"}})
		wantPage(t, status, body, 400) // the current version already
		status, body, _ = owner.do("POST", "/names/hello/record-request", url.Values{"from": {"1"}})
		wantPage(t, status, body, 403, "CSRF")

		status, body, _ = owner.do("POST", "/names/hello/record-request", url.Values{"csrf": {owner.csrf}, "from": {"1"}})
		if status != 200 {
			t.Fatalf("rollback request: %d %s", status, body)
		}
		var rq struct {
			Created   string          `json:"created"`
			Seq       uint64          `json:"seq"`
			TypedData json.RawMessage `json:"typedData"`
		}
		if err := json.Unmarshal([]byte(body), &rq); err != nil || rq.Seq != 3 {
			t.Fatalf("rollback request %s: %v", body, err)
		}
		form := url.Values{"csrf": {owner.csrf}, "from": {"1"}, "created": {rq.Created}, "seq": {"3"}}
		// Signed by someone else: not forwarded.
		bad, _ := stranger.SignTypedData(rq.TypedData)
		form.Set("signature", bad.String())
		status, body, _ = owner.do("POST", "/names/hello/record", form)
		wantPage(t, status, body, 403)
		// The wallet's signature over the typed data it was shown.
		sig, err := pub.SignTypedData(rq.TypedData)
		if err != nil {
			t.Fatal(err)
		}
		form.Set("signature", sig.String())
		status, body, _ = owner.do("POST", "/names/hello/record", form)
		wantPage(t, status, body, 200, "Signed hello seq 3", "alpha: accepted", "beta: accepted")
		for _, nd := range w.net.Nodes {
			rec, err := client.New(nd.URL).Name(context.Background(), pub.Address(), "hello", chain.Verifier{})
			if err != nil || rec.Record.Seq != 3 || rec.Record.Targets[0].Function != w.fn {
				t.Fatalf("%s: hello is %+v, %v; want seq 3 back at %s", nd.Name, rec, err, w.fn)
			}
		}
		// The same signed post again is for seq 3, which is now current:
		// a rollback now would be seq 4.
		status, body, _ = owner.do("POST", "/names/hello/record", form)
		wantPage(t, status, body, 409, "changed since the wallet signed")
	})

	t.Run("csrf", func(t *testing.T) {
		for _, tc := range []struct{ path, csrf string }{
			{"/logout", ""}, {"/logout", "wrong"}, {fnPath + "/logs-request", ""}, {fnPath + "/logs", owner.csrf + "x"},
		} {
			form := url.Values{"provider": {"0"}}
			if tc.csrf != "" {
				form.Set("csrf", tc.csrf)
			}
			status, body, _ := owner.do("POST", tc.path, form)
			wantPage(t, status, body, 403, "CSRF")
		}
		// Another session's token does not do either.
		s := signIn(t, w.url, stranger)
		status, body, _ := owner.do("POST", "/logout", url.Values{"csrf": {s.csrf}})
		wantPage(t, status, body, 403)
	})

	t.Run("payments", func(t *testing.T) {
		status, body, _ := owner.do("GET", "/payments", nil)
		wantPage(t, status, body, 200, "Provider <strong>alpha</strong> can never take more than <strong>100.000000 USDC</strong> from you",
			"Provider <strong>beta</strong> can never take more than", "0.001000 USDC a request: 100000 requests", "Balance", "No payouts yet")
		if i, j := strings.Index(body, "can never take more than"), strings.Index(body, "Balance"); i > j {
			t.Error("the spending caps are not shown first")
		}
		// alpha settles 3 requests of the publisher's.
		r, err := w.net.Chain.Client(w.net.Nodes[0].Key).Settle(context.Background(), pub.Address(), 3, big.NewInt(3000))
		if err != nil {
			t.Fatal(err)
		}
		status, body, _ = owner.do("GET", "/payments", nil)
		wantPage(t, status, body, 200, `id="payouts"`, "alpha <code>", "settlement", "<td>3</td>", "0.003000 USDC", r.TxHash.String()[:10],
			"Provider <strong>alpha</strong> can never take more than <strong>99.997000 USDC</strong> from you")
		// Not on a stranger's page.
		status, body, _ = signIn(t, w.url, stranger).do("GET", "/payments", nil)
		wantPage(t, status, body, 200, "No payouts yet")
	})

	t.Run("admin", func(t *testing.T) {
		status, body, _ := owner.do("GET", "/admin", nil)
		wantPage(t, status, body, 403, "operator")
		if strings.Contains(body, "Operator console</a>") {
			t.Error("the console is in a publisher's menu")
		}
		op := signIn(t, w.url, w.net.Nodes[0].Key)
		status, body, _ = op.do("GET", "/admin", nil)
		wantPage(t, status, body, 200, "Operator console: alpha", "There is no global user database", "healthy",
			"Invocations", "p50", pub.Address().Checksum()[:10], "1 payer account",
			"2 function(s) loaded", w.fn.String())
		status, body, _ = op.do("GET", "/admin", nil)
		wantPage(t, status, body, 200, "/s since your last view", `id="earnings"`,
			"Pending (to settle)</dt><dd>0.001000 USDC for 1 request(s)", "Settled on the chain</dt><dd>0.000000 USDC for 0 request(s)")
		if strings.Contains(body, `id="in-flight"`) {
			t.Error("settlements in flight shown before any")
		}
		// alpha's settler starts a batch of the publisher's request.
		b, err := w.net.Nodes[0].Node.Ledger().Prepare(ledger.Key{Mode: ledger.Owner, Payer: pub.Address()}, time.Now())
		if err != nil || b == nil {
			t.Fatalf("prepare a settlement: %v, %v", b, err)
		}
		status, body, _ = op.do("GET", "/admin", nil)
		wantPage(t, status, body, 200, `id="in-flight"`, fmt.Sprintf("<td>%d</td>", b.ID), "not signed yet",
			"In flight</dt><dd>0.001000 USDC for 1 request(s)")
	})

	// A sealed function's page says it has secrets, never what they are,
	// how to change them, and which providers here hold its grants.
	t.Run("sealed function", func(t *testing.T) {
		ctx := context.Background()
		alphaKey, err := client.New(w.net.Nodes[0].URL).SealingKey(ctx)
		if err != nil {
			t.Fatal(err)
		}
		elsewhere, err := seal.NewKeyring(seal.SuiteX25519, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		block, dk, err := seal.Seal(map[string]string{"API_TOKEN": "s3cr3t-value"})
		if err != nil {
			t.Fatal(err)
		}
		defer dk.Destroy()
		pkg, err := client.PackSealed(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI,
			Created: "2026-01-03T00:00:00Z"}, pub, &client.Sealing{DataKey: dk, Secrets: block, To: []*seal.PublicKey{alphaKey, elsewhere.Current()}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.New(w.net.Nodes[0].URL).Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		status, body, _ := owner.do("GET", "/functions/"+pkg.CID.String(), nil)
		wantPage(t, status, body, 200, `id="secrets"`, "has sealed secrets", "wf secrets grant "+pkg.CID.String(), `id="grants"`,
			"<td>alpha</td>", "<td>no provider here</td>")
		if strings.Contains(body, "API_TOKEN") || strings.Contains(body, "s3cr3t") {
			t.Errorf("a secret's name or value on the page:\n%s", body)
		}
	})

	// The publisher's CI signer runs beside the dashboard: its owner sees
	// the identities it trusts; another owner sees none of it.
	t.Run("ci", func(t *testing.T) {
		status, body, _ := owner.do("GET", "/ci", nil)
		wantPage(t, status, body, 200, "Signer at <code>"+w.net.CI.URL, "<code>dev/app</code> (id 1)", "<code>.github/workflows/deploy.yml</code>",
			"<code>refs/heads/main</code>", "deploy, grant, logs, name")
		status, body, _ = signIn(t, w.url, stranger).do("GET", "/ci", nil)
		wantPage(t, status, body, 200, `id="no-ci"`)
		if strings.Contains(body, "dev/app") {
			t.Error("another owner's CI policy shown")
		}
	})

	t.Run("sign out", func(t *testing.T) {
		b := signIn(t, w.url, pub)
		status, _, h := b.do("POST", "/logout", url.Values{"csrf": {b.csrf}})
		if status != http.StatusSeeOther || h.Get("Location") != "/login" {
			t.Fatalf("logout: %d to %q", status, h.Get("Location"))
		}
		status, _, _ = b.do("GET", "/functions", nil)
		if status != http.StatusSeeOther {
			t.Fatalf("functions after sign-out: %d", status)
		}
	})
}

func TestDevLogin(t *testing.T) {
	w := start(t, true)
	b := newBrowser(t, w.url)
	status, body, _ := b.do("GET", "/login", nil)
	wantPage(t, status, body, 200, "dev-login")
	status, body, _ = b.do("POST", "/login/dev", url.Values{"attempt": {"forged"}})
	wantPage(t, status, body, 403)
	att := attemptRE.FindStringSubmatch(body)
	_, page, _ := b.do("GET", "/login", nil)
	att = attemptRE.FindStringSubmatch(page)
	status, _, h := b.do("POST", "/login/dev", url.Values{"attempt": {att[1]}})
	if status != http.StatusSeeOther || h.Get("Location") != "/functions" {
		t.Fatalf("dev login: %d to %q", status, h.Get("Location"))
	}
	status, body, _ = b.do("GET", "/functions", nil)
	wantPage(t, status, body, 200, w.fn.String(), w.net.Publisher.Address().Checksum())
}

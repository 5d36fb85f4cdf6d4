package dashboard_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dashboard"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// postJSON posts v as the secrets page does: JSON, the CSRF token in the
// header.
func (b *browser) postJSON(path, csrf string, v any) (int, string) {
	b.t.Helper()
	body, _ := json.Marshal(v)
	req, _ := http.NewRequest("POST", b.base+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if csrf != "" {
		req.Header.Set("X-CSRF-Token", csrf)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

// sealFor seals secrets as the page's WebAssembly does (the same package
// seal): a new data key, wrapped to each key for owner.
func sealFor(t *testing.T, owner wf.Address, secrets map[string]string, keys ...*seal.PublicKey) map[string]any {
	t.Helper()
	block, dk, err := seal.Seal(secrets)
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	var s wf.Sealed
	for _, k := range keys {
		g, err := seal.Grant(dk, k, owner)
		if err != nil {
			t.Fatal(err)
		}
		seal.SetGrant(&s, g)
	}
	return map[string]any{"block": block, "grants": s.Grants}
}

// Secrets set from the page arrive sealed: the server checks the block
// and that each holder's key has a grant, builds the next spec, and the
// owner's wallet signs it; the provider opens the secrets and the
// function sees them. Anyone else, a missing CSRF token, a block that is
// not sealed secrets or a grant to a key no holder publishes changes
// nothing.
func TestSecretsSealedInPage(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	stranger, _ := chain.GenerateKey()
	owner := signIn(t, w.url, pub)
	other := signIn(t, w.url, stranger)

	// A worker that answers with its secret TOKEN, deployed to both.
	p := owner.prepareAs("token.js", []byte(`export default { fetch(req, env) { return new Response("token=" + (env.TOKEN || "none") + " greeting=" + env.GREETING); } };`), "0", "1")
	deployed := deploySigned(t, owner, pub, p)
	path := "/functions/" + deployed.String() + "/secrets"

	status, body, h := owner.do("GET", path, nil)
	wantPage(t, status, body, 200, `id="secrets-form"`, "/static/secrets.js", "alpha", "beta", "replaces all of them")
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "'wasm-unsafe-eval'") {
		t.Errorf("the secrets page's CSP does not allow WebAssembly: %s", csp)
	}
	if _, _, h := owner.do("GET", "/functions", nil); strings.Contains(h.Get("Content-Security-Policy"), "wasm") {
		t.Errorf("another page allows WebAssembly: %s", h.Get("Content-Security-Policy"))
	}
	status, body, _ = other.do("GET", path, nil)
	wantPage(t, status, body, 403)

	var keys []*seal.PublicKey
	for _, n := range w.net.Nodes {
		k, err := client.New(n.URL).SealingKey(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	good := sealFor(t, pub.Address(), map[string]string{"GREETING": "unused", "TOKEN": "s3cret"}, keys...)
	stray, _ := seal.GenerateKey(seal.SuiteX25519)
	for name, c := range map[string]struct {
		b    *browser
		csrf string
		body any
		want int
	}{
		"no CSRF":          {owner, "", good, 403},
		"another owner":    {other, other.csrf, good, 403},
		"not JSON":         {owner, owner.csrf, "[", 400},
		"too large":        {owner, owner.csrf, map[string]any{"block": make([]byte, 2*seal.MaxSecretsBytes+64<<10)}, 413},
		"not sealed":       {owner, owner.csrf, map[string]any{"block": []byte("TOKEN=plain"), "grants": good["grants"]}, 400},
		"one holder short": {owner, owner.csrf, sealFor(t, pub.Address(), map[string]string{"TOKEN": "x"}, keys[0]), 400},
		"stray key":        {owner, owner.csrf, sealFor(t, pub.Address(), map[string]string{"TOKEN": "x"}, append(keys, stray.Public())...), 400},
	} {
		if status, body := c.b.postJSON(path, c.csrf, c.body); status != c.want {
			t.Errorf("%s: %d, want %d: %s", name, status, c.want, body)
		}
	}

	status, body = owner.postJSON(path, owner.csrf, sealFor(t, pub.Address(), map[string]string{"TOKEN": "s3cret"}, keys...))
	if status != 200 {
		t.Fatalf("prepare: %d %s", status, body)
	}
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	fn := deploySigned(t, owner, pub, p)
	ss, err := client.New(w.net.Nodes[1].URL).Spec(t.Context(), fn, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	if ss.Spec.Sealed == nil || !ss.Spec.Sealed.Secrets.Defined() || len(ss.Spec.Sealed.Grants) != 2 || ss.Spec.Owner != pub.Address() {
		t.Fatalf("the new spec: %+v", ss.Spec)
	}
	// Each provider opened them: the function's environment has TOKEN.
	for _, n := range w.net.Nodes {
		resp, err := http.Get(n.URL + "/" + fn.String() + "/")
		if err != nil {
			t.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(string(out), "token=s3cret ") {
			t.Errorf("%s: the function with secrets set from the page: %s %q", n.Name, resp.Status, out)
		}
	}
	status, body, _ = owner.do("GET", "/functions/"+fn.String(), nil)
	wantPage(t, status, body, 200, "sealed secrets", "alpha", "beta")
}

// deploySigned signs a prepared deploy with key, as the wallet does, and
// returns the function deployed.
func deploySigned(t *testing.T, b *browser, key *chain.Key, p prepared) wf.CID {
	t.Helper()
	sig, err := key.SignTypedData(p.TypedData)
	if err != nil {
		t.Fatal(err)
	}
	status, body, _ := b.do("POST", "/deploy", url.Values{"csrf": {b.csrf}, "upload": {p.Upload}, "signature": {sig.String()}})
	wantPage(t, status, body, 200, `id="deployed"`, "alpha: accepted", "beta: accepted")
	i := strings.Index(body, "/functions/")
	fn, err := wf.ParseCID(body[i+len("/functions/") : i+len("/functions/")+strings.IndexByte(body[i+len("/functions/"):], '"')])
	if err != nil {
		t.Fatalf("no function in %s: %v", body, err)
	}
	return fn
}

// The page's sealing code is served compressed as application/wasm.
func TestSealWasmServed(t *testing.T) {
	w := start(t, false)
	req, _ := http.NewRequest("GET", w.url+"/static/seal.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wasm" || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("%s %v", resp.Status, resp.Header)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 4)
	if _, err := io.ReadFull(zr, head); err != nil || string(head) != "\x00asm" {
		t.Fatalf("not a wasm module: %q %v", head, err)
	}
}

// A provider whose /v1/info publishes a sealing key other than the one
// the registry holds for it is not sealed to.
func TestSecretsRegisteredKey(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	alpha, beta := w.net.Node("alpha"), w.net.Node("beta")
	ak, err := client.New(alpha.URL).SealingKey(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	other, _ := seal.GenerateKey(seal.SuiteX25519)
	base := serve(t, dashboard.Config{Providers: []dashboard.Provider{
		{Name: "alpha", URL: alpha.URL, Address: alpha.Key.Address(), SealingKey: ak.Bytes()},
		{Name: "beta", URL: beta.URL, Address: beta.Key.Address(), SealingKey: other.Public().Bytes()},
	}})
	b := signIn(t, base, pub)
	path := "/functions/" + w.fn.String() + "/secrets"
	status, body, _ := b.do("GET", path, nil)
	wantPage(t, status, body, 200, "publishes a sealing key other than the one it registered", ak.ID().String()[:4])
	bk, err := client.New(beta.URL).SealingKey(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(body, bk.String()) {
		t.Error("the page offers beta's unregistered key to seal to")
	}
	if status, body := b.postJSON(path, b.csrf, sealFor(t, pub.Address(), map[string]string{"TOKEN": "x"}, ak, bk)); status != 400 {
		t.Errorf("sealed to beta's unregistered key too: %d %s", status, body)
	}
	if status, body := b.postJSON(path, b.csrf, sealFor(t, pub.Address(), map[string]string{"TOKEN": "x"}, ak)); status != 200 {
		t.Errorf("sealed to alpha's registered key: %d %s", status, body)
	}
}

// A provider listed from the registry with no sealing key registered is
// not sealed to, whatever its /v1/info publishes.
func TestSecretsUnregisteredKey(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	alpha, beta := w.net.Node("alpha"), w.net.Node("beta")
	ak, err := client.New(alpha.URL).SealingKey(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	bk, err := client.New(beta.URL).SealingKey(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	base := serve(t, dashboard.Config{Providers: []dashboard.Provider{
		{Name: "alpha", URL: alpha.URL, Address: alpha.Key.Address(), SealingKey: ak.Bytes(), Registered: true},
		{Name: "beta", URL: beta.URL, Address: beta.Key.Address(), Registered: true},
	}})
	b := signIn(t, base, pub)
	path := "/functions/" + w.fn.String() + "/secrets"
	status, body, _ := b.do("GET", path, nil)
	wantPage(t, status, body, 200, "registers no sealing key on chain", ak.ID().String()[:4])
	if strings.Contains(body, bk.String()) {
		t.Error("the page offers beta's /v1/info key, which nobody registered")
	}
	if status, body := b.postJSON(path, b.csrf, sealFor(t, pub.Address(), map[string]string{"TOKEN": "x"}, ak, bk)); status != 400 {
		t.Errorf("sealed to beta's unregistered key too: %d %s", status, body)
	}
}

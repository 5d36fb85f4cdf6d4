package dashboard_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// upload posts a module as the page does: multipart, the CSRF token in
// the header.
func (b *browser) upload(csrf string, module []byte, providers ...string) (int, string) {
	b.t.Helper()
	return b.uploadAs(csrf, "main.wasm", module, providers...)
}

// uploadAs is upload under a file name of the caller's.
func (b *browser) uploadAs(csrf, name string, module []byte, providers ...string) (int, string) {
	b.t.Helper()
	return b.uploadWith(csrf, name, module, nil, providers...)
}

// uploadWith is uploadAs with the form's other fields.
func (b *browser) uploadWith(csrf, name string, module []byte, fields map[string]string, providers ...string) (int, string) {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range providers {
		mw.WriteField("provider", p)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if module != nil {
		fw, _ := mw.CreateFormFile("module", name)
		fw.Write(module)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+"/deploy/prepare", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
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

type prepared struct {
	Upload    string          `json:"upload"`
	TypedData json.RawMessage `json:"typedData"`
}

func (b *browser) prepare(module []byte, providers ...string) prepared {
	b.t.Helper()
	return b.prepareAs("main.wasm", module, providers...)
}

func (b *browser) prepareAs(name string, module []byte, providers ...string) prepared {
	b.t.Helper()
	status, body := b.uploadAs(b.csrf, name, module, providers...)
	if status != 200 {
		b.t.Fatalf("prepare: %d %s", status, body)
	}
	var p prepared
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.Upload == "" {
		b.t.Fatalf("prepare answered %s: %v", body, err)
	}
	return p
}

// A module deployed through the page is signed in the wallet, lands on
// the providers picked, and runs; what is not the owner's signature over
// that spec, or not a module, or not under the session's CSRF token,
// deploys nothing.
func TestDeployByUpload(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	stranger, _ := chain.GenerateKey()
	owner := signIn(t, w.url, pub)
	other := signIn(t, w.url, stranger)

	status, body, _ := owner.do("GET", "/functions", nil)
	wantPage(t, status, body, 200, `id="deploy"`, "Sign and deploy", "alpha", "beta", ".ts")

	// Refused before anything is packed.
	for name, c := range map[string]struct {
		csrf      string
		module    []byte
		providers []string
		want      int
	}{
		"no CSRF header":   {"", templates.HelloWasm, []string{"0"}, 403},
		"other's CSRF":     {other.csrf, templates.HelloWasm, []string{"0"}, 403},
		"not wasm":         {owner.csrf, []byte("#!/bin/sh\necho hi\n"), []string{"0"}, 400},
		"no module":        {owner.csrf, nil, []string{"0"}, 400},
		"no provider":      {owner.csrf, templates.HelloWasm, nil, 400},
		"unknown provider": {owner.csrf, templates.HelloWasm, []string{"7"}, 400},
		"provider twice":   {owner.csrf, templates.HelloWasm, []string{"0", "0"}, 400},
		"too large":        {owner.csrf, append([]byte("\x00asm"), make([]byte, 32<<20)...), []string{"0"}, 413},
	} {
		if status, body := owner.upload(c.csrf, c.module, c.providers...); status != c.want {
			t.Errorf("%s: %d, want %d: %s", name, status, c.want, body)
		}
	}

	p := owner.prepare(templates.HelloWasm, "1")
	sign := func(k *chain.Key, td json.RawMessage) string {
		sig, err := k.SignTypedData(td)
		if err != nil {
			t.Fatal(err)
		}
		return sig.String()
	}
	// Another session cannot use the owner's upload; a stranger's
	// signature over it deploys nothing (and uses the upload up).
	status, body, _ = other.do("POST", "/deploy", url.Values{"csrf": {other.csrf}, "upload": {p.Upload}, "signature": {sign(stranger, p.TypedData)}})
	wantPage(t, status, body, 404)
	status, body, _ = owner.do("POST", "/deploy", url.Values{"csrf": {owner.csrf}, "upload": {p.Upload}, "signature": {sign(stranger, p.TypedData)}})
	wantPage(t, status, body, 403, "not yours")
	status, body, _ = owner.do("POST", "/deploy", url.Values{"csrf": {owner.csrf}, "upload": {p.Upload}, "signature": {sign(pub, p.TypedData)}})
	wantPage(t, status, body, 404, "upload the module again")

	// The wallet's signature over what it was shown: deployed to beta only.
	p = owner.prepare(templates.HelloWasm, "1")
	status, body, _ = owner.do("POST", "/deploy", url.Values{"csrf": {owner.csrf}, "upload": {p.Upload}, "signature": {sign(pub, p.TypedData)}})
	wantPage(t, status, body, 200, `id="deployed"`, "beta: accepted")
	if strings.Contains(body, "alpha") {
		t.Errorf("deployed to a provider not picked:\n%s", body)
	}
	i := strings.Index(body, "/functions/")
	fn, err := wf.ParseCID(body[i+len("/functions/") : i+len("/functions/")+strings.IndexByte(body[i+len("/functions/"):], '"')])
	if err != nil {
		t.Fatalf("no function in %s: %v", body, err)
	}
	resp, err := http.Get(w.net.Node("beta").URL + "/" + fn.String() + "/?name=upload")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(out), "upload") {
		t.Fatalf("invoke the uploaded function: %s %s", resp.Status, out)
	}
	resp, err = http.Get(w.net.Node("alpha").URL + "/" + fn.String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("alpha, not picked, answers %s for the function", resp.Status)
	}
	status, body, _ = owner.do("GET", "/functions", nil)
	wantPage(t, status, body, 200, fn.String()[:10])
}

// A worker uploaded as one TypeScript file is bundled on the server,
// marked as JavaScript on the engine this binary carries, signed in the
// wallet and runs at the provider; a script that imports another file, or
// does not parse, is refused with what esbuild said.
func TestDeployWorkerByUpload(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	owner := signIn(t, w.url, pub)

	for name, c := range map[string]struct{ file, src, want string }{
		"an import":  {"worker.js", `import x from "./other.js"; export default x;`, "other.js"},
		"bad syntax": {"worker.ts", `export default { fetch( };`, "worker.ts:1:"},
		"not utf-8":  {"worker.js", "export default \xff;", "not UTF-8"},
		"no ext":     {"worker.txt", `export default {}`, "neither a WebAssembly module"},
	} {
		status, body := owner.uploadAs(owner.csrf, c.file, []byte(c.src), "0")
		if status != 400 || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want 400 with %q: %s", name, status, c.want, body)
		}
	}

	src := `interface Env { GREETING: string }
export default { fetch(req: Request, env: Env): Response { return new Response("worker " + new URL(req.url).searchParams.get("name")); } };`
	p := owner.prepareAs("worker.ts", []byte(src), "0")
	if !strings.Contains(string(p.TypedData), "FunctionSpec") {
		t.Fatalf("typed data %s", p.TypedData)
	}
	sig, err := pub.SignTypedData(p.TypedData)
	if err != nil {
		t.Fatal(err)
	}
	status, body, _ := owner.do("POST", "/deploy", url.Values{"csrf": {owner.csrf}, "upload": {p.Upload}, "signature": {sig.String()}})
	wantPage(t, status, body, 200, "alpha: accepted")
	i := strings.Index(body, "/functions/")
	fn, err := wf.ParseCID(body[i+len("/functions/") : i+len("/functions/")+strings.IndexByte(body[i+len("/functions/"):], '"')])
	if err != nil {
		t.Fatalf("no function in %s: %v", body, err)
	}
	resp, err := http.Get(w.net.Node("alpha").URL + "/" + fn.String() + "/?name=ts")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(out) != "worker ts" {
		t.Fatalf("invoke the uploaded worker: %s %q", resp.Status, out)
	}
	status, body, _ = owner.do("GET", "/functions/"+fn.String(), nil)
	wantPage(t, status, body, 200, "wf.js (required)", "JavaScript in the Workers syntax, on engine")
}

// The deploy form's environment and limits go into the spec the wallet
// signs; malformed ones are refused before anything is packed.
func TestDeployEnvAndLimits(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	owner := signIn(t, w.url, pub)
	for name, c := range map[string]struct {
		fields map[string]string
		want   string
	}{
		"no equals":    {map[string]string{"env": "GREETING"}, "line 1: write NAME=value"},
		"twice":        {map[string]string{"env": "A=1\nA=2"}, "A is set twice"},
		"bad name":     {map[string]string{"env": "1X=y"}, "env name"},
		"zero timeout": {map[string]string{"timeout_ms": "0"}, "milliseconds"},
		"huge memory":  {map[string]string{"memory_mib": "100000"}, "MiB"},
		"text timeout": {map[string]string{"timeout_ms": "soon"}, "milliseconds"},
		"too long env": {map[string]string{"env": "A=" + strings.Repeat("x", 17<<10)}, "longer than"},
	} {
		status, body := owner.uploadWith(owner.csrf, "main.wasm", templates.HelloWasm, c.fields, "0")
		if status != 400 || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want 400 saying %q:\n%s", name, status, c.want, body)
		}
	}
	status, body := owner.uploadWith(owner.csrf, "main.wasm", templates.HelloWasm,
		map[string]string{"env": "GREETING=hey\r\n\nMODE=a=b\n", "timeout_ms": "1500", "memory_mib": "8"}, "0")
	if status != 200 {
		t.Fatalf("prepare: %d %s", status, body)
	}
	var p prepared
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	sig, err := pub.SignTypedData(p.TypedData)
	if err != nil {
		t.Fatal(err)
	}
	status, body, _ = owner.do("POST", "/deploy", url.Values{"csrf": {owner.csrf}, "upload": {p.Upload}, "signature": {sig.String()}})
	wantPage(t, status, body, 200, "alpha: accepted")
	i := strings.Index(body, "/functions/")
	fn, err := wf.ParseCID(body[i+len("/functions/") : i+len("/functions/")+strings.IndexByte(body[i+len("/functions/"):], '"')])
	if err != nil {
		t.Fatal(err)
	}
	ss, err := client.New(w.net.Nodes[0].URL).Spec(t.Context(), fn, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	if s := ss.Spec; s.Env["GREETING"] != "hey" || s.Env["MODE"] != "a=b" || len(s.Env) != 2 || s.Limits.TimeoutMS != 1500 || s.Limits.MemoryPages != 128 || s.Owner != pub.Address() {
		t.Fatalf("the deployed spec: env %v limits %+v owner %s", s.Env, s.Limits, s.Owner)
	}
	status, body, _ = owner.do("GET", "/functions/"+fn.String(), nil)
	wantPage(t, status, body, 200, "memory 128 pages", "timeout 1500 ms", "<code>GREETING</code>")
}

package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// tokenGate is a working in-memory provider.Gate (the real one, package
// cred, is tested with real proofs in cred and devnet): a request with
// X-WF-Session "member" is admitted with one disclosed attribute, one
// without the header gets 401 with details, anything else 403. It
// records what it saw.
type tokenGate struct {
	mu     sync.Mutex
	calls  int
	undone int      // undo calls: rate units given back
	remote []string // each call's RemoteAddr as the gate saw it
	bodies []string
	paths  []string
}

type detailedErr struct {
	err     *httperr.Error
	details map[string]any
}

func (e detailedErr) Error() string                { return e.err.Message }
func (e detailedErr) ErrorDetails() map[string]any { return e.details }
func (e detailedErr) Unwrap() error                { return e.err }

func (g *tokenGate) Admit(r *http.Request, fn wf.CID, s *wf.Spec, path string, body []byte) (map[string]string, func(), error) {
	env, err := g.admit(r, s, path, body)
	if err != nil {
		return nil, nil, err
	}
	return env, func() { g.mu.Lock(); g.undone++; g.mu.Unlock() }, nil
}

func (g *tokenGate) admit(r *http.Request, s *wf.Spec, path string, body []byte) (map[string]string, error) {
	g.mu.Lock()
	g.calls++
	g.bodies = append(g.bodies, string(body))
	g.paths = append(g.paths, path)
	g.remote = append(g.remote, r.RemoteAddr)
	g.mu.Unlock()
	if _, ok := s.Extensions[spec.AccessExtension]; !ok {
		return nil, errors.New("gate consulted for a function without a policy")
	}
	switch r.Header.Get("X-WF-Session") {
	case "":
		return nil, detailedErr{&httperr.Error{Status: 401, Code: "credential_required", Message: "needs a credential"},
			map[string]any{"policy": spec.AccessCID(s.Extensions[spec.AccessExtension].Data).String()}}
	case "member":
		return map[string]string{"WF_CRED_ORG": "acme"}, nil
	}
	return nil, &httperr.Error{Status: 403, Code: "credential_refused", Message: "refused"}
}

func accessSpec(t *testing.T, env map[string]string) wf.Spec {
	t.Helper()
	a := spec.Access{
		Disclose:          []spec.Disclose{{Name: "org", Slot: 0}},
		Issuers:           []string{"0x" + strings.Repeat("ab", 32)},
		MaxSessionSeconds: 600,
		Setup:             wf.SumCID(wf.CodecRaw, []byte("a verifying key")),
	}
	x, err := a.Extension()
	if err != nil {
		t.Fatal(err)
	}
	s := wftest.Spec()
	s.Env = env
	s.Extensions = map[string]wf.Extension{spec.AccessExtension: x}
	return s
}

// TestAccessGate: a function with wf.access runs only for callers its
// gate admits; refusals keep the gate's status, code and details; the
// function sees the gate's variables (over its own env of the same name)
// and none of the credential headers; a function without a policy never
// consults the gate; a node without a gate refuses the spec.
func TestAccessGate(t *testing.T) {
	ctx := context.Background()
	guest := wftest.GoGuest(t, "sandbox/testdata/guest")
	gate := &tokenGate{}
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Access: gate}})
	fn := env.Deploy(t, guest, accessSpec(t, map[string]string{"WF_CRED_ORG": "owner-set", "OWN": "kept"}))
	url := env.URL + "/" + fn.String() + "/env?x=1"

	do := func(session string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("POST", url, strings.NewReader("the body"))
		if session != "" {
			req.Header.Set("X-WF-Session", session)
			req.Header.Set("X-WF-Credential", "presentation")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	errBody := func(b []byte) httperr.Body {
		var body httperr.Body
		if err := json.Unmarshal(b, &body); err != nil {
			t.Fatalf("error body %s: %v", b, err)
		}
		return body
	}

	resp, b := do("")
	if body := errBody(b); resp.StatusCode != 401 || body.Error.Code != "credential_required" || body.Error.Extra["policy"] == nil {
		t.Fatalf("without a credential: %d %s", resp.StatusCode, b)
	}
	resp, b = do("stranger")
	if body := errBody(b); resp.StatusCode != 403 || body.Error.Code != "credential_refused" {
		t.Fatalf("refused: %d %s", resp.StatusCode, b)
	}
	resp, b = do("member")
	if resp.StatusCode != 200 {
		t.Fatalf("admitted: %d %s", resp.StatusCode, b)
	}
	var out struct{ Env []string }
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	vars := strings.Join(out.Env, "\n")
	for _, want := range []string{"WF_CRED_ORG=acme", "OWN=kept"} {
		if !strings.Contains(vars, want+"\n") && !strings.HasSuffix(vars, want) {
			t.Errorf("function env lacks %s:\n%s", want, vars)
		}
	}
	for _, not := range []string{"owner-set", "X_WF_SESSION", "X_WF_CREDENTIAL", "presentation"} {
		if strings.Contains(vars, not) {
			t.Errorf("function env has %s:\n%s", not, vars)
		}
	}
	gate.mu.Lock()
	if gate.undone != 0 {
		t.Errorf("an admitted, charged call was undone %d times", gate.undone)
	}
	if gate.calls != 3 || gate.bodies[2] != "the body" || gate.paths[2] != "/env" {
		t.Errorf("gate saw %d calls, bodies %q, paths %q", gate.calls, gate.bodies, gate.paths)
	}
	gate.mu.Unlock()

	// A function without a policy does not consult the gate.
	plain := env.Deploy(t, guest, wftest.Spec())
	if r, err := http.Get(env.URL + "/" + plain.String() + "/echo"); err != nil || r.StatusCode != 200 {
		t.Fatalf("plain function: %v %v", r, err)
	}
	gate.mu.Lock()
	if gate.calls != 3 {
		t.Errorf("the gate was consulted for a function without a policy")
	}
	gate.mu.Unlock()

	// A node without a gate does not understand wf.access.
	lacks := wftest.New(t, wftest.Options{})
	pkg, err := client.Pack(ctx, bytes.NewReader(guest), accessSpec(t, nil), lacks.Key)
	if err != nil {
		t.Fatal(err)
	}
	var re *client.ResponseError
	if _, err := lacks.Client.Deploy(ctx, pkg); !errors.As(err, &re) || re.StatusCode != 400 || re.Code != "unsupported_extension" {
		t.Fatalf("a node without a gate: %v", err)
	}
}

// TestAccessUndoOnLaterRefusal: a call the gate admits and a later check
// refuses (here the owner's per-caller rate, 429) gives back what the
// gate spent: the gate's undo runs once for each such call and never for
// a call that ran.
func TestAccessUndoOnLaterRefusal(t *testing.T) {
	guest := wftest.GoGuest(t, "sandbox/testdata/guest")
	gate := &tokenGate{}
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Access: gate}})
	s := accessSpec(t, nil)
	cx, err := (&spec.Callers{PerCaller: &spec.Rate{Requests: 1, Seconds: 3600}}).Extension()
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions[spec.CallersExtension] = cx
	fn := env.Deploy(t, guest, s)
	status := func() int {
		req, _ := http.NewRequest("GET", env.URL+"/"+fn.String()+"/echo", nil)
		req.Header.Set("X-WF-Session", "member")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := status(); got != 200 {
		t.Fatalf("first call: %d", got)
	}
	for range 2 {
		if got := status(); got != 429 {
			t.Fatalf("over the caller rate: %d", got)
		}
	}
	gate.mu.Lock()
	defer gate.mu.Unlock()
	if gate.calls != 3 || gate.undone != 2 {
		t.Fatalf("gate admitted %d calls and took back %d; want 3 and 2 (the two refused by the caller rate)", gate.calls, gate.undone)
	}
}

// TestAccessJS: a JavaScript function behind a policy sees the disclosed
// attributes in its env argument, over its own env of the same name, as a
// WebAssembly function sees them among its CGI variables; never the
// credential headers.
func TestAccessJS(t *testing.T) {
	gate := &tokenGate{}
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Access: gate}})
	s := accessSpec(t, map[string]string{"WF_CRED_ORG": "owner-set", "OWN": "kept"})
	x, err := spec.JSExtensionFor(jsrt.Builtin().CID)
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions[spec.JSExtension] = x
	fn := env.Deploy(t, []byte(`export default { fetch(req, env) {
		const h = {};
		for (const [k, v] of req.headers) h[k] = v;
		return Response.json({env, headers: h});
	} }`), s)
	call := func(session string) (int, []byte) {
		req, _ := http.NewRequest("GET", env.URL+"/"+fn.String()+"/", nil)
		if session != "" {
			req.Header.Set("X-WF-Session", session)
			req.Header.Set("X-WF-Credential", "presentation")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	if st, b := call(""); st != 401 {
		t.Fatalf("without a credential: %d %s", st, b)
	}
	st, b := call("member")
	var got struct {
		Env     map[string]string
		Headers map[string]string
	}
	if st != 200 || json.Unmarshal(b, &got) != nil {
		t.Fatalf("admitted: %d %s", st, b)
	}
	if got.Env["WF_CRED_ORG"] != "acme" || got.Env["OWN"] != "kept" || len(got.Env) != 2 {
		t.Errorf("the worker's env: %v", got.Env)
	}
	for k := range got.Headers {
		if strings.HasPrefix(k, "x-wf-") {
			t.Errorf("the worker saw header %s", k)
		}
	}
	// A function without caller variables keeps its own env.
	plain := jsSpecPlain(t)
	pfn := env.Deploy(t, []byte(`export default { fetch(req, env) { return Response.json(env) } }`), plain)
	resp, err := http.Get(env.URL + "/" + pfn.String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != `{"A":"1"}` {
		t.Errorf("a function without a policy: %s", b)
	}
}

func jsSpecPlain(t *testing.T) wf.Spec {
	s := wftest.Spec()
	s.Env = map[string]string{"A": "1"}
	x, err := spec.JSExtensionFor(jsrt.Builtin().CID)
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions = map[string]wf.Extension{spec.JSExtension: x}
	return s
}

// TestAccessSourceThroughTunnel: the gate sees the caller's address it
// budgets failed proofs by: through the provider's own tunnel the
// gateway's X-Forwarded-For entry, on a direct connection the
// connection's address whatever the header says.
func TestAccessSourceThroughTunnel(t *testing.T) {
	gate := &tokenGate{}
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Access: gate}})
	fn := env.Deploy(t, wftest.GoGuest(t, "sandbox/testdata/guest"), accessSpec(t, nil))
	tunnel := httptest.NewServer(provider.Tunneled(env.Provider.Handler()))
	defer tunnel.Close()
	for _, base := range []string{tunnel.URL, env.URL} {
		req, _ := http.NewRequest("GET", base+"/"+fn.String()+"/echo", nil)
		req.Header.Set("X-WF-Session", "member")
		req.Header.Set("X-Forwarded-For", "203.0.113.9")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", base, resp.StatusCode)
		}
	}
	gate.mu.Lock()
	defer gate.mu.Unlock()
	if len(gate.remote) != 2 || gate.remote[0] != "203.0.113.9:0" || !strings.HasPrefix(gate.remote[1], "127.0.0.1:") {
		t.Fatalf("the gate saw callers %q; want the forwarded address through the tunnel, the connection's directly", gate.remote)
	}
}

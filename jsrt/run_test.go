package jsrt_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// harness runs scripts in the real sandbox on the built-in engine, as a
// provider does: each script in a module derived from the engine
// (jsrt.Derive), or with perRequest, the engine itself reading the script
// in each request's prelude.
type harness struct {
	sb         *sandbox.Sandbox
	mod        *sandbox.Module
	perRequest bool
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	ctx := context.Background()
	sb, err := sandbox.New(ctx, sandbox.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close(ctx) })
	e := jsrt.Builtin()
	mod, err := sb.Compile(ctx, e.CID.String(), e.Wasm)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{sb: sb, mod: mod}
}

type call struct {
	method, path, query, body string
	header                    http.Header
	env                       map[string]string
	limits                    wf.Limits
}

func (h *harness) run(t testing.TB, script string, c call) (*sandbox.Response, error) {
	t.Helper()
	pre, err := jsrt.Prelude([]byte(script), c.env)
	if err != nil {
		t.Fatal(err)
	}
	if c.path == "" {
		c.path = "/"
	}
	if c.limits.TimeoutMS == 0 {
		c.limits.TimeoutMS = 5000
	}
	mod := h.mod
	if !h.perRequest {
		if mod, err = jsrt.Derive(context.Background(), h.sb, h.mod, pre); err != nil {
			t.Fatal(err)
		}
		pre = nil
	}
	return h.sb.Run(context.Background(), mod, &sandbox.Request{
		Method:     c.method,
		Path:       c.path,
		RawQuery:   c.query,
		ScriptName: "/bafyfn",
		Host:       "fn.example",
		Header:     c.header,
		Body:       strings.NewReader(c.body),
		Prelude:    pre,
		Limits:     c.limits,
	})
}

// TestHello runs a worker both ways the engine takes one: evaluated into a
// derived module's snapshot, and read from each request's prelude.
func TestHello(t *testing.T) {
	for _, perRequest := range []bool{false, true} {
		t.Run(map[bool]string{false: "snapshot", true: "prelude per request"}[perRequest], func(t *testing.T) {
			h := newHarness(t)
			h.perRequest = perRequest
			resp, err := h.run(t, `export default { async fetch(req, env, ctx) {
		console.log("hi", req.method, {a: 1});
		return new Response("hello " + new URL(req.url).searchParams.get("name") + " " + env.GREETING, {headers: {"X-A": "b"}});
	} }`, call{query: "name=you", env: map[string]string{"GREETING": "hey"}})
			if err != nil {
				t.Fatalf("%v\nlog: %s", err, resp.Log)
			}
			t.Logf("status %d header %v body %q log %q mem %d dur %v", resp.Status, resp.Header, resp.Body, resp.Log, resp.Memory, resp.Duration)
			if resp.Status != 200 || string(resp.Body) != "hello you hey" || resp.Header.Get("X-A") != "b" || !strings.Contains(string(resp.Log), "hi GET") {
				t.Fatalf("got %d %q %v log %q", resp.Status, resp.Body, resp.Header, resp.Log)
			}
		})
	}
}

package jsrt_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

func jsSpec(t testing.TB, engine wf.CID) wf.Spec {
	t.Helper()
	s := wftest.Spec()
	x, err := spec.JSExtensionFor(engine)
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions = map[string]wf.Extension{spec.JSExtension: x}
	return s
}

// TestThroughProvider deploys a worker to a real node and calls it over
// HTTP: the spec names the engine, the deploy carries only the script, and
// the engine is compiled once for every JS function.
func TestThroughProvider(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	s := jsSpec(t, jsrt.Builtin().CID)
	s.Env = map[string]string{"GREETING": "Hi"}
	c1 := env.Deploy(t, []byte(`export default { fetch(req, env, ctx) {
		console.log("called", req.method);
		return Response.json({greeting: env.GREETING, path: new URL(req.url).pathname, prefix: ctx.wf.scriptName, ua: req.headers.get("x-test")}, {status: 201});
	} }`), s)
	c2 := env.Deploy(t, []byte(`export default { fetch() { return new Response("two") } }`), jsSpec(t, jsrt.Builtin().CID))

	req, _ := http.NewRequest("GET", env.URL+"/"+c1.String()+"/a/b?x=1", nil)
	req.Header.Set("X-Test", "yes")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var got map[string]string
	if resp.StatusCode != 201 || resp.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &got) != nil ||
		got["greeting"] != "Hi" || got["path"] != "/a/b" || got["prefix"] != "/"+c1.String() || got["ua"] != "yes" {
		t.Fatalf("%d %v %s", resp.StatusCode, resp.Header, body)
	}
	resp, err = http.Get(env.URL + "/" + c2.String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "two" {
		t.Fatalf("second function: %s", body)
	}
	if st := env.Sandbox.Stats(); st.Modules != 1 {
		t.Fatalf("%d modules compiled, want the one engine", st.Modules)
	}
	// The log reaches the owner like any function's stderr.
	entries, err := env.Client.Logs(context.Background(), c1, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 || !strings.Contains(entries[len(entries)-1].Log, "called GET") {
		t.Fatalf("logs: %+v", entries)
	}

	// /v1/info lists the engine.
	resp, err = http.Get(env.URL + "/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		JSEngines []struct{ CID, Name string } `json:"jsEngines"`
	}
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if len(info.JSEngines) != 1 || info.JSEngines[0].CID != jsrt.Builtin().CID.String() {
		t.Fatalf("/v1/info jsEngines %+v", info.JSEngines)
	}
}

// A spec naming an engine the provider does not run is refused at deploy,
// with a JSON error naming the engine it has.
func TestUnknownEngineRefused(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	other, err := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := client.Pack(context.Background(), bytes.NewReader([]byte(`export default {}`)), jsSpec(t, other), env.Key)
	if err != nil {
		t.Fatal(err)
	}
	_, err = env.Client.Deploy(context.Background(), pkg)
	var ce *client.ResponseError
	if !errors.As(err, &ce) || ce.StatusCode != http.StatusBadRequest || !strings.Contains(err.Error(), jsrt.Builtin().CID.String()) {
		t.Fatalf("deploy with an unknown engine: %v", err)
	}
}

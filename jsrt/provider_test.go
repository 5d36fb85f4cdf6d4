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
	"time"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/seal"
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
	// One compile, the engine; each function a module derived from it.
	if st := env.Sandbox.Stats(); st.Misses != 1 || st.Modules != 3 || st.Snapshots != 2 {
		t.Fatalf("%d compiles, %d modules, %d snapshots; want the one engine compiled, one module and snapshot per function", st.Misses, st.Modules, st.Snapshots)
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

// A sealed JavaScript function: its secrets reach the worker's env (never
// the CGI variables), its encrypted script is opened in memory, and a
// secret it logs is redacted like any function's.
func TestSealedJS(t *testing.T) {
	kr, err := seal.NewKeyring(seal.SuiteX25519, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Sealing: kr}})
	secrets := map[string]string{"API_TOKEN": "tok-5ecret-js-not-for-logs"}
	block, dk, err := seal.Seal(secrets)
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	s := jsSpec(t, jsrt.Builtin().CID)
	s.Env = map[string]string{"PLAIN": "p"}
	script := `export default { fetch(req, env) {
		console.log("token", env.API_TOKEN);
		return Response.json({plain: env.PLAIN, token: env.API_TOKEN, keys: Object.keys(env).sort()});
	} }`
	pkg, err := client.PackSealed(context.Background(), strings.NewReader(script), s, env.Key,
		&client.Sealing{DataKey: dk, Secrets: block, EncryptCode: true, To: []*seal.PublicKey{kr.Current()}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(context.Background(), pkg); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(env.URL + "/" + pkg.CID.String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `{"plain":"p","token":"tok-5ecret-js-not-for-logs","keys":["API_TOKEN","PLAIN"]}`
	if resp.StatusCode != 200 || string(body) != want {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	entries, err := env.Client.Logs(context.Background(), pkg.CID, env.Key)
	if err != nil || len(entries) == 0 {
		t.Fatalf("logs: %v %+v", err, entries)
	}
	if l := entries[len(entries)-1].Log; strings.Contains(l, "tok-5ecret") || !strings.Contains(l, "token") {
		t.Fatalf("the log is not redacted: %q", l)
	}
}

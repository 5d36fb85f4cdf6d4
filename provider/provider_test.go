package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

const guestDir = "sandbox/testdata/guest"

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func call(t *testing.T, method, url, body string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// wantError checks a JSON error answer.
func wantError(t *testing.T, resp *http.Response, body []byte, status int, code string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d; body %s", resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("content type %q, want application/json; body %s", ct, body)
	}
	var e httperr.Body
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != code || e.Error.Message == "" {
		t.Fatalf("error body %s, want code %q with a message", body, code)
	}
	if resp.Header.Get(wf.RequestIDHeader) == "" {
		t.Error("no X-Request-Id")
	}
}

func TestDeployAndInvoke(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	s := wftest.Spec()
	s.Env = map[string]string{"GREETING": "hi"}
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), s)

	resp, body := call(t, "POST", env.URL+"/"+fn.String()+"/echo/a%20b?x=1&y=2", "payload", "X-Custom", "v")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var got struct {
		Method, Path, Query, Body string
		Env                       map[string]string
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if got.Method != "POST" || got.Path != "/echo/a b" || got.Query != "x=1&y=2" || got.Body != "payload" {
		t.Errorf("request seen by the function: %+v", got)
	}
	if got.Env["GREETING"] != "hi" || got.Env["HTTP_X_CUSTOM"] != "v" || got.Env["SCRIPT_NAME"] != "/"+fn.String() {
		t.Errorf("env: GREETING=%q HTTP_X_CUSTOM=%q SCRIPT_NAME=%q", got.Env["GREETING"], got.Env["HTTP_X_CUSTOM"], got.Env["SCRIPT_NAME"])
	}
	if resp.Header.Get("X-Echo") != "yes" || len(resp.Header.Values("Set-Cookie")) != 2 {
		t.Errorf("function headers not passed through: %v", resp.Header)
	}

	resp, body = call(t, "GET", env.URL+"/"+fn.String()+"/echo?status=201", "")
	if resp.StatusCode != 201 {
		t.Errorf("CGI Status ignored: %d %s", resp.StatusCode, body)
	}
	resp, body = call(t, "HEAD", env.URL+"/"+fn.String()+"/echo", "")
	if resp.StatusCode != 200 || len(body) != 0 {
		t.Errorf("HEAD: %d, %d body bytes", resp.StatusCode, len(body))
	}
	resp, _ = call(t, "GET", env.URL+"/"+fn.String()+"/redirect", "")
	if resp.StatusCode != 302 || resp.Header.Get("Location") != "https://example.com/elsewhere" {
		t.Errorf("CGI Location: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// The CID segment may be percent-encoded on the wire; the function still
// sees the path after it, not the CID again.
func TestInvokeEscapedCIDSegment(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	c := fn.String()
	var all strings.Builder
	for i := 0; i < len(c); i++ {
		fmt.Fprintf(&all, "%%%02X", c[i])
	}
	tests := []struct{ name, seg string }{
		{"plain", c},
		{"first character escaped", fmt.Sprintf("%%%02X", c[0]) + c[1:]},
		{"lower-case hex escape", c[:1] + fmt.Sprintf("%%%02x", c[1]) + c[2:]},
		{"every character escaped", all.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := call(t, "GET", env.URL+"/"+tc.seg+"/echo/a%20b?x=1", "")
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			var got struct {
				Path string
				Env  map[string]string
			}
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			want := map[string]string{
				"PATH_INFO":       "/echo/a b",
				"X_RAW_PATH_INFO": "/echo/a%20b",
				"X_RELATIVE_PATH": "echo/a b",
				"SCRIPT_NAME":     "/" + c,
				"X_FULL_URL":      env.URL + "/" + c + "/echo/a%20b?x=1",
			}
			for k, v := range want {
				if got.Env[k] != v {
					t.Errorf("%s = %q, want %q", k, got.Env[k], v)
				}
			}
		})
	}
}

func TestInvokeBadInput(t *testing.T) {
	env := wftest.New(t, wftest.Options{Sandbox: sandbox.Config{MaxTimeout: 2 * time.Second}})
	s := wftest.Spec()
	s.Limits = wf.Limits{TimeoutMS: 1000, MaxRequestBytes: 1024, MemoryPages: 512}
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), s)
	unknown, _ := wf.ParseCID("bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea")
	code := codeCID(t, env, fn)

	tests := []struct {
		name, method, path, body string
		status                   int
		code                     string
		maxTime                  time.Duration
	}{
		{"malformed cid", "GET", "/not-a-cid/", "", 400, "invalid_request", 0},
		{"cid with bad multihash", "GET", "/bafkreiaaaa/", "", 400, "invalid_request", 0},
		{"unknown function", "GET", "/" + unknown.String() + "/", "", 404, "not_found", 0},
		{"code cid is not a function", "GET", "/" + code.String() + "/", "", 404, "not_found", 0},
		{"body over limit", "POST", "/" + fn.String() + "/echo", strings.Repeat("x", 4096), 413, "too_large", 0},
		{"infinite loop", "GET", "/" + fn.String() + "/loop", "", 504, "timeout", 3 * time.Second},
		{"memory bomb", "GET", "/" + fn.String() + "/membomb", "", 502, "function_failed", 0},
		{"stdout flood", "GET", "/" + fn.String() + "/flood", "", 502, "function_failed", 5 * time.Second},
		{"no CGI header", "GET", "/" + fn.String() + "/badcgi", "", 502, "function_failed", 0},
		{"exit 1", "GET", "/" + fn.String() + "/exit1", "", 502, "function_failed", 0},
		{"unknown api", "GET", "/v1/nothing", "", 404, "not_found", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			resp, body := call(t, tc.method, env.URL+tc.path, tc.body)
			wantError(t, resp, body, tc.status, tc.code)
			if tc.maxTime > 0 && time.Since(start) > tc.maxTime {
				t.Errorf("took %v, want under %v", time.Since(start), tc.maxTime)
			}
		})
	}
	// The node survived all of that, and the function still works.
	if resp, body := call(t, "GET", env.URL+"/healthz", ""); resp.StatusCode != 200 {
		t.Fatalf("healthz %d %s", resp.StatusCode, body)
	}
	if resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/echo", ""); resp.StatusCode != 200 {
		t.Fatalf("echo after hostile calls: %d %s", resp.StatusCode, body)
	}
	resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/readfile", "")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "readfile failed") {
		t.Fatalf("reading a host file: %d %s", resp.StatusCode, body)
	}
}

func codeCID(t *testing.T, env *wftest.Env, fn wf.CID) wf.CID {
	t.Helper()
	b, err := env.Store.Get(context.Background(), fn)
	if err != nil {
		t.Fatal(err)
	}
	var ss wf.SignedSpec
	if err := json.Unmarshal(b, &ss); err != nil {
		t.Fatal(err)
	}
	return ss.Spec.Code.CID
}

func TestConcurrentInvocationsAreIsolated(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for i := range 50 {
		wg.Go(func() {
			want := fmt.Sprintf("body-%d-%s", i, strings.Repeat("z", i*100))
			resp, err := http.Post(env.URL+"/"+fn.String()+"/echo", "text/plain", strings.NewReader(want))
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var got struct{ Body string }
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || got.Body != want {
				errs <- fmt.Errorf("request %d got body %.40q (err %v)", i, got.Body, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestLogsAreForTheOwnerOnly(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	call(t, "GET", env.URL+"/"+fn.String()+"/stderr", "")
	call(t, "GET", env.URL+"/"+fn.String()+"/exit1", "")

	entries, err := env.Client.Logs(context.Background(), fn, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || !strings.Contains(entries[0].Log, "log line one") || entries[1].Status != 502 {
		t.Fatalf("entries: %+v", entries)
	}

	stranger, _ := chain.GenerateKey()
	if _, err := env.Client.Logs(context.Background(), fn, stranger); err == nil || !strings.Contains(err.Error(), "403") {
		t.Errorf("a stranger read the logs: %v", err)
	}
	resp, body := call(t, "GET", env.URL+"/v1/logs/"+fn.String(), "")
	wantError(t, resp, body, 401, "unauthorized")

	sig, _ := env.Key.Sign(wf.LogsRequest{Function: fn, Expires: time.Now().Add(-time.Minute).Unix()})
	resp, body = call(t, "GET", env.URL+"/v1/logs/"+fn.String(), "", "Authorization",
		fmt.Sprintf("WF-Sig expires=%d,sig=%s", time.Now().Add(-time.Minute).Unix(), sig))
	wantError(t, resp, body, 401, "unauthorized")
}

func TestInfoHealthMetrics(t *testing.T) {
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Name: "test-node"}})
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	call(t, "GET", env.URL+"/"+fn.String()+"/echo", "")

	resp, body := call(t, "GET", env.URL+"/v1/info", "")
	var info struct {
		Name   string
		Limits map[string]int64
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &info) != nil || info.Name != "test-node" || info.Limits["maxMemoryPages"] == 0 {
		t.Errorf("info: %d %s", resp.StatusCode, body)
	}
	if resp, _ := call(t, "GET", env.URL+"/healthz", ""); resp.StatusCode != 200 {
		t.Errorf("healthz %d", resp.StatusCode)
	}
	_, body = call(t, "GET", env.URL+"/metrics", "")
	for _, want := range []string{`wf_invocations_total{outcome="ok"} 1`, "wf_invocation_duration_seconds_count 1", `wf_deploys_total{outcome="ok"} 1`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// distinctModule is the hello module with a custom section naming i, so
// each i has its own code CID and compiled module.
func distinctModule(i int) []byte {
	return append(bytes.Clone(templates.HelloWasm), 0x00, 0x05, 0x03, 'w', 'f', 'x', byte(i))
}

// Deployed functions count against MaxLoaded like invoked ones, so the
// compiled modules a provider holds stay bounded however many are deployed.
func TestLoadedFunctionsAreBounded(t *testing.T) {
	env := wftest.New(t, wftest.Options{Provider: provider.Config{MaxLoaded: 3}})
	var fns []wf.CID
	for i := range 8 {
		fns = append(fns, env.Deploy(t, distinctModule(i), wftest.Spec()))
		if n := env.Sandbox.Stats().Modules; n > 3 {
			t.Fatalf("after %d deploys the sandbox holds %d compiled modules, want at most 3", i+1, n)
		}
	}
	for _, fn := range fns {
		if resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/?name=x", ""); resp.StatusCode != 200 || string(body) != "Hello, x!\n" {
			t.Fatalf("%s: %d %s", fn, resp.StatusCode, body)
		}
	}
	if n := env.Sandbox.Stats().Modules; n > 3 {
		t.Fatalf("after invoking all, %d compiled modules, want at most 3", n)
	}
}

// MaxLoadedBytes bounds loaded functions by their modules' memory, not
// their count: with room for about two hello modules, at most two stay.
func TestLoadedFunctionsAreBoundedInBytes(t *testing.T) {
	probe := wftest.New(t, wftest.Options{})
	m, err := probe.Sandbox.Compile(context.Background(), "probe", distinctModule(99))
	if err != nil {
		t.Fatal(err)
	}
	size := m.Size()
	env := wftest.New(t, wftest.Options{Provider: provider.Config{MaxLoadedBytes: 2*size + size/2}})
	var fns []wf.CID
	for i := range 6 {
		fns = append(fns, env.Deploy(t, distinctModule(i), wftest.Spec()))
		if n := env.Sandbox.Stats().Modules; n > 2 {
			t.Fatalf("after %d deploys the sandbox holds %d compiled modules of %d bytes each, want at most 2", i+1, n, size)
		}
	}
	for _, fn := range fns {
		if resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/?name=x", ""); resp.StatusCode != 200 || string(body) != "Hello, x!\n" {
			t.Fatalf("%s: %d %s", fn, resp.StatusCode, body)
		}
	}
	if n := env.Sandbox.Stats().Modules; n != 2 {
		t.Fatalf("after invoking all, %d compiled modules, want 2", n)
	}
}

// Functions beyond MaxConcurrent wait a little, then get 429; the node
// never runs more at once.
func TestConcurrencyIsBounded(t *testing.T) {
	env := wftest.New(t, wftest.Options{Provider: provider.Config{MaxConcurrent: 1, QueueTimeout: 100 * time.Millisecond}})
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	done := make(chan int, 1)
	go func() {
		resp, _ := call(t, "GET", env.URL+"/"+fn.String()+"/sleep?ms=1500", "")
		done <- resp.StatusCode
	}()
	time.Sleep(300 * time.Millisecond) // the sleeper holds the only slot
	resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/echo", "")
	wantError(t, resp, body, 429, "rate_limited")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	if status := <-done; status != 200 {
		t.Fatalf("the sleeper got %d", status)
	}
	if resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/echo", ""); resp.StatusCode != 200 {
		t.Fatalf("after the slot freed: %d %s", resp.StatusCode, body)
	}
}

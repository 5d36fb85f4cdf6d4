package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// reactorGuest returns a Sandbox of its own with the reactor compiled in it.
func reactorGuest(t testing.TB, cfg sandbox.Config) (*sandbox.Sandbox, *sandbox.Module) {
	t.Helper()
	if cfg.CacheDir == "" {
		cfg.CacheDir = cacheDir
	}
	sb := newSandbox(t, cfg)
	mod, err := sb.Compile(context.Background(), "reactor", reactorWasm)
	if err != nil {
		t.Fatal(err)
	}
	return sb, mod
}

func runOK(t testing.TB, sb *sandbox.Sandbox, mod *sandbox.Module, req *sandbox.Request) *sandbox.Response {
	t.Helper()
	resp, err := sb.Run(context.Background(), mod, req)
	if err != nil {
		var log []byte
		if resp != nil {
			log = resp.Log
		}
		t.Fatalf("%s: %v\nlog: %s", req.Path, err, log)
	}
	return resp
}

type stateAnswer struct {
	Counter    int    `json:"counter"`
	SeenBefore bool   `json:"seenBefore"`
	AtInit     string `json:"atInit"`
	ArgsAtInit string `json:"argsAtInit"`
}

func state(t testing.TB, sb *sandbox.Sandbox, mod *sandbox.Module, key string) stateAnswer {
	t.Helper()
	resp := runOK(t, sb, mod, get("/state", "k="+key))
	var a stateAnswer
	if err := json.Unmarshal(resp.Body, &a); err != nil {
		t.Fatalf("%v: %q", err, resp.Body)
	}
	return a
}

func TestReactorEcho(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	if mod.MinMemoryPages() == 0 {
		t.Fatal("no memory")
	}
	compiled := mod.Size()
	if compiled < 4*int64(len(reactorWasm)) {
		t.Fatalf("Size %d for a %d-byte module", compiled, len(reactorWasm))
	}
	for i := 0; i < 3; i++ {
		req := get("/echo", "a=1")
		req.Method = "POST"
		req.Body = strings.NewReader("hello")
		resp := runOK(t, sb, mod, req)
		if resp.Status != 200 || string(resp.Body) != "POST a=1 HELLO\n" || resp.Header.Get("Content-Type") != "text/plain" {
			t.Fatalf("%d %v %q", resp.Status, resp.Header, resp.Body)
		}
	}
	st := sb.Stats()
	if st.Snapshots != 1 || st.Reused != 2 {
		t.Fatalf("snapshots %d reused %d, want 1 and 2", st.Snapshots, st.Reused)
	}
	// The snapshot and the idle instance count in Size.
	if grown := mod.Size() - compiled; grown < 256<<10 || grown > 32<<20 {
		t.Fatalf("Size grew by %d with a snapshot and an idle instance", grown)
	}
}

// TestReactorFreshState: a request changes package state; every later
// request, on the same reused instance or another, finds it as init left it.
func TestReactorFreshState(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	for i := 0; i < 5; i++ {
		if a := state(t, sb, mod, "same"); a.Counter != 1 || a.SeenBefore || a.AtInit != "" || a.ArgsAtInit != "" {
			t.Fatalf("request %d: %+v", i, a)
		}
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				if a := state(t, sb, mod, "same"); a.Counter != 1 || a.SeenBefore {
					t.Errorf("concurrent: %+v", a)
				}
			}
		}()
	}
	wg.Wait()
	if st := sb.Stats(); st.Reused < 30 {
		t.Fatalf("only %d of 45 runs reused an instance", st.Reused)
	}
	checkIdle(t, mod)
	// Two functions with the same code are two modules: nothing shared.
	other, err := sb.Compile(context.Background(), "reactor-2", reactorWasm)
	if err != nil {
		t.Fatal(err)
	}
	if a := state(t, sb, other, "same"); a.Counter != 1 || a.SeenBefore {
		t.Fatalf("other function: %+v", a)
	}
}

func TestReactorRequest(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	req := get("/request", "x=1&y=%20")
	req.Path = "/request"
	req.Method = "PUT"
	req.Header.Set("Authorization", "Bearer secret")
	req.Header.Set("X-Forwarded-For", "198.51.100.1")
	req.Header.Set("Content-Type", "application/json")
	req.Body = strings.NewReader(`{"a":1}`)
	req.Env = map[string]string{"GREETING": "hi"}
	resp := runOK(t, sb, mod, req)
	var got struct {
		Method, Path, RawPath, Query, Host, Remote, Env string
		Header                                          http.Header
		Length                                          int64
	}
	if err := json.Unmarshal(resp.Body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Method != "PUT" || got.Path != "/request" || got.Query != "x=1&y=%20" || got.Host != "provider.example:8443" ||
		got.Remote != "192.0.2.7" || got.Length != 7 || got.Env != "hi" {
		t.Fatalf("%+v", got)
	}
	if got.Header.Get("Authorization") != "" || got.Header.Get("X-Forwarded-For") != "198.51.100.1" ||
		got.Header.Get("Content-Type") != "application/json" || got.Header.Get("User-Agent") != "sandbox-test" {
		t.Fatalf("headers %v", got.Header)
	}
	// The next request has its own environment: GREETING is gone.
	resp = runOK(t, sb, mod, get("/request", ""))
	if strings.Contains(string(resp.Body), `"hi"`) {
		t.Fatalf("environment leaked: %s", resp.Body)
	}
}

// TestReactorLargeRequest: a request past what package guest allocates in
// init (64 variables, 4 KiB of them, 32 headers) is read whole, header
// names of digits and odd case included, and the next, small request sees
// none of it.
func TestReactorLargeRequest(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	req := get("/request", "")
	want := http.Header{}
	for i := 0; i < 70; i++ {
		name := fmt.Sprintf("X-Test%d-hEADER", i)
		v := strings.Repeat(fmt.Sprint(i%10), 100)
		req.Header.Set(name, v)
		want.Set(name, v)
	}
	req.Env = map[string]string{"GREETING": "large"}
	resp := runOK(t, sb, mod, req)
	var got struct {
		Header http.Header
		Env    string
	}
	if err := json.Unmarshal(resp.Body, &got); err != nil {
		t.Fatal(err)
	}
	for name, vs := range want {
		if g := got.Header[name]; len(g) != 1 || g[0] != vs[0] {
			t.Fatalf("header %s: %q, want %q", name, g, vs)
		}
	}
	if got.Env != "large" || got.Header.Get("User-Agent") != "sandbox-test" {
		t.Fatalf("env %q, user agent %q", got.Env, got.Header.Get("User-Agent"))
	}
	resp = runOK(t, sb, mod, get("/request", ""))
	var next struct {
		Header http.Header
		Env    string
	}
	if err := json.Unmarshal(resp.Body, &next); err != nil {
		t.Fatal(err)
	}
	if len(next.Header) != 1 || next.Env != "" {
		t.Fatalf("the next request saw %v, env %q", next.Header, next.Env)
	}
}

func TestReactorStatusAndHeaders(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	resp := runOK(t, sb, mod, get("/status", ""))
	if resp.Status != http.StatusTeapot || resp.Header.Get("X-Test") != "yes" || string(resp.Body) != "short and stout\n" {
		t.Fatalf("%d %v %q", resp.Status, resp.Header, resp.Body)
	}
	resp = runOK(t, sb, mod, get("/nothing", ""))
	if resp.Status != http.StatusNotFound {
		t.Fatalf("%d %q", resp.Status, resp.Body)
	}
}

func TestReactorSleepAndGoroutines(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	for _, p := range []string{"/sleep", "/goroutine", "/sleep"} {
		resp := runOK(t, sb, mod, get(p, ""))
		if resp.Status != 200 || len(resp.Body) == 0 {
			t.Fatalf("%s: %d %q", p, resp.Status, resp.Body)
		}
	}
}

// TestReactorFailures: each way a request can end badly is reported as for
// a WAGI command, and the next request starts from the snapshot.
func TestReactorFailures(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	state(t, sb, mod, "warm") // the snapshot exists
	cases := []struct {
		path   string
		limits wf.Limits
		want   error
		msg    string
	}{
		{"/panic", wf.Limits{}, nil, ""},
		{"/loop", wf.Limits{TimeoutMS: 200}, wf.ErrTimeout, "ran over"},
		{"/grow", wf.Limits{MemoryPages: 256}, wf.ErrFunctionFailed, "out of memory"},
		{"/exit", wf.Limits{}, wf.ErrFunctionFailed, "exited with status 3"},
		{"/close", wf.Limits{}, wf.ErrFunctionFailed, "malformed"},
	}
	for _, c := range cases {
		req := get(c.path, "")
		req.Limits = c.limits
		resp, err := sb.Run(context.Background(), mod, req)
		switch {
		case c.want == nil && c.path == "/panic":
			if err != nil || resp.Status != 500 || !strings.Contains(string(resp.Log), "on purpose") {
				t.Fatalf("%s: %v %+v", c.path, err, resp)
			}
		case c.want == nil:
			if err != nil {
				t.Fatalf("%s: %v", c.path, err)
			}
		case !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg):
			t.Fatalf("%s: %v, want %v with %q", c.path, err, c.want, c.msg)
		}
		if a := state(t, sb, mod, "after"+c.path); a.Counter != 1 || a.SeenBefore {
			t.Fatalf("after %s: %+v", c.path, a)
		}
	}
	// Growing within the limit works, and the grown instance is not kept.
	resp := runOK(t, sb, mod, get("/grow", ""))
	if string(resp.Body) != "grew 33554432\n" || resp.Memory < 32<<20 {
		t.Fatalf("%q, memory %d", resp.Body, resp.Memory)
	}
	if a := state(t, sb, mod, "after-grow"); a.Counter != 1 {
		t.Fatalf("%+v", a)
	}
	checkIdle(t, mod)
}

// checkIdle checks that the reactor's idle instances are byte for byte in
// the snapshot's state.
func checkIdle(t *testing.T, mod *sandbox.Module) {
	t.Helper()
	n, err := sandbox.CheckIdle(mod)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no idle instance to check")
	}
}

// TestReactorLimitBelowSnapshot: a request whose memory limit is below what
// the snapshot holds fails plainly.
func TestReactorLimitBelowSnapshot(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	state(t, sb, mod, "x")
	req := get("/echo", "")
	req.Limits.MemoryPages = mod.MinMemoryPages()
	if _, err := sb.Run(context.Background(), mod, req); !errors.Is(err, wf.ErrFunctionFailed) || !strings.Contains(err.Error(), "more memory") {
		t.Fatal(err)
	}
}

// TestReactorRelease: a released reactor fails later Runs and frees its
// snapshot; compiling the key again starts over.
func TestReactorRelease(t *testing.T) {
	sb, mod := reactorGuest(t, sandbox.Config{})
	state(t, sb, mod, "x")
	sb.Release(mod)
	if _, err := sb.Run(context.Background(), mod, get("/echo", "")); !errors.Is(err, sandbox.ErrReleased) {
		t.Fatal(err)
	}
	mod2, err := sb.Compile(context.Background(), "reactor", reactorWasm)
	if err != nil {
		t.Fatal(err)
	}
	if a := state(t, sb, mod2, "x"); a.Counter != 1 {
		t.Fatalf("%+v", a)
	}
	if st := sb.Stats(); st.Snapshots != 2 {
		t.Fatalf("%d snapshots", st.Snapshots)
	}
}

// TestRewriteCache: with a CacheDir the rewrite is kept on disk and used
// by the next Sandbox without rewriting; a damaged file (its module or its
// first line) is rewritten, not trusted; the key used for other bytes runs those bytes, not the cached
// rewrite.
func TestRewriteCache(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	others := byte(0)
	compile := func(wasm []byte, rewrites uint64, want string) {
		t.Helper()
		sb := newSandbox(t, sandbox.Config{CacheDir: dir})
		mod, err := sb.Compile(ctx, "hello", wasm)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := sb.Run(ctx, mod, get("/", ""))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(resp.Body); got != want {
			t.Fatalf("body %q, want %q", got, want)
		}
		if st := sb.Stats(); st.Rewrites != rewrites {
			t.Fatalf("%d rewrites, want %d", st.Rewrites, rewrites)
		}
		// Per module, whatever else the sandbox compiles meanwhile.
		if mod.Rewritten() != (rewrites == 1) {
			t.Fatalf("Rewritten() = %v after %d rewrites", mod.Rewritten(), rewrites)
		}
		others++
		other, err := sb.Compile(ctx, "other", append(wagiHello(), 0, 3, 1, 'x', others)) // a custom section: new bytes
		if err != nil {
			t.Fatal(err)
		}
		if !other.Rewritten() || mod.Rewritten() != (rewrites == 1) {
			t.Fatalf("after another module's rewrite: other %v, this %v", other.Rewritten(), mod.Rewritten())
		}
	}
	compile(wagiHello(), 1, "hello world\n")
	compile(wagiHello(), 0, "hello world\n") // from the file
	files := []string{sandbox.RewritePath(newSandbox(t, sandbox.Config{CacheDir: dir}), "hello")}
	if _, err := os.Stat(files[0]); err != nil {
		t.Fatalf("no cached rewrite: %v", err)
	}
	b, _ := os.ReadFile(files[0])
	b[len(b)-1] ^= 0xff
	os.WriteFile(files[0], b, 0o600)
	compile(wagiHello(), 1, "hello world\n")
	if b2, _ := os.ReadFile(files[0]); bytes.Equal(b, b2) {
		t.Fatal("the damaged file was kept")
	}
	compile(wagiHello(), 0, "hello world\n")
	// A changed first line (what the rewrite reported) is not trusted either.
	b, _ = os.ReadFile(files[0])
	b = bytes.Replace(b, []byte(`"MinPages":`), []byte(`"MinPages":9`), 1)
	os.WriteFile(files[0], b, 0o600)
	compile(wagiHello(), 1, "hello world\n")
	compile(wagiHello(), 0, "hello world\n")
	// The same key for other bytes of the same length.
	other := bytes.Replace(wagiHello(), []byte("hello world"), []byte("HELLO WORLD"), 1)
	compile(other, 1, "HELLO WORLD\n")
	compile(other, 0, "HELLO WORLD\n")
}

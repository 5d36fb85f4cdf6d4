package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

const testCID = "/bafkreitestcid"

// get builds a request for the guest at path?query.
func get(path, query string) *sandbox.Request {
	return &sandbox.Request{
		Method:     "GET",
		Path:       path,
		RawQuery:   query,
		ScriptName: testCID,
		Host:       "provider.example:8443",
		RemoteAddr: "192.0.2.7:51234",
		Proto:      "HTTP/1.1",
		Scheme:     "https",
		Header:     http.Header{"User-Agent": {"sandbox-test"}},
	}
}

type echoed struct {
	Method string            `json:"method"`
	Path   string            `json:"path"`
	Query  string            `json:"query"`
	Args   []string          `json:"args"`
	Env    map[string]string `json:"env"`
	Body   string            `json:"body"`
}

func decodeEcho(t *testing.T, resp *sandbox.Response) echoed {
	t.Helper()
	var e echoed
	if err := json.Unmarshal(resp.Body, &e); err != nil {
		t.Fatalf("echo body %q: %v", resp.Body, err)
	}
	return e
}

// publicMessage returns the caller-safe message of a *wf.Error.
func publicMessage(t *testing.T, err error) string {
	t.Helper()
	var we *wf.Error
	if !errors.As(err, &we) {
		t.Fatalf("error %v is not a *wf.Error", err)
	}
	return we.Public
}

func TestEcho(t *testing.T) {
	sb, mod := sharedGuest(t)
	ctx := context.Background()
	tests := []struct {
		name       string
		req        func() *sandbox.Request
		wantStatus int
		check      func(t *testing.T, e echoed)
	}{
		{
			name:       "GET with LF headers",
			req:        func() *sandbox.Request { return get("/echo", "greet=matt&foo=bar") },
			wantStatus: 200,
			check: func(t *testing.T, e echoed) {
				want := map[string]string{
					"REQUEST_METHOD":    "GET",
					"PATH_INFO":         "/echo",
					"PATH_TRANSLATED":   "/echo",
					"X_RAW_PATH_INFO":   "/echo",
					"X_RELATIVE_PATH":   "echo",
					"QUERY_STRING":      "greet=matt&foo=bar",
					"SCRIPT_NAME":       testCID,
					"X_MATCHED_ROUTE":   testCID + "/...",
					"X_FULL_URL":        "https://provider.example:8443" + testCID + "/echo?greet=matt&foo=bar",
					"SERVER_NAME":       "provider.example",
					"SERVER_PORT":       "8443",
					"SERVER_PROTOCOL":   "HTTP/1.1",
					"SERVER_SOFTWARE":   sandbox.DefaultServerSoftware,
					"GATEWAY_INTERFACE": "CGI/1.1",
					"REMOTE_ADDR":       "192.0.2.7",
					"REMOTE_HOST":       "192.0.2.7",
					"REMOTE_USER":       "",
					"AUTH_TYPE":         "",
					"CONTENT_TYPE":      "",
					"CONTENT_LENGTH":    "0",
					"HTTP_HOST":         "provider.example:8443",
					"HTTP_USER_AGENT":   "sandbox-test",
				}
				for k, v := range want {
					if got, ok := e.Env[k]; !ok || got != v {
						t.Errorf("%s = %q (set %v), want %q", k, got, ok, v)
					}
				}
				wantArgs := []string{testCID + "/echo", "greet=matt", "foo=bar"}
				if fmt.Sprint(e.Args) != fmt.Sprint(wantArgs) {
					t.Errorf("args = %q, want %q", e.Args, wantArgs)
				}
			},
		},
		{
			name: "POST with CRLF headers and Status",
			req: func() *sandbox.Request {
				r := get("/echo", "status=201&crlf=1")
				r.Method = "POST"
				r.Header.Set("Content-Type", "text/plain; charset=utf-8")
				r.Body = strings.NewReader("hello, function")
				return r
			},
			wantStatus: 201,
			check: func(t *testing.T, e echoed) {
				if e.Method != "POST" || e.Body != "hello, function" {
					t.Errorf("method %q body %q", e.Method, e.Body)
				}
				if e.Env["CONTENT_LENGTH"] != "15" || e.Env["CONTENT_TYPE"] != "text/plain; charset=utf-8" {
					t.Errorf("CONTENT_LENGTH %q CONTENT_TYPE %q", e.Env["CONTENT_LENGTH"], e.Env["CONTENT_TYPE"])
				}
			},
		},
		{
			name: "percent-encoded path",
			req:  func() *sandbox.Request { return get("/echo/a%20b%2Fc", "") },
			check: func(t *testing.T, e echoed) {
				if e.Env["PATH_INFO"] != "/echo/a b/c" || e.Env["X_RAW_PATH_INFO"] != "/echo/a%20b%2Fc" {
					t.Errorf("PATH_INFO %q X_RAW_PATH_INFO %q", e.Env["PATH_INFO"], e.Env["X_RAW_PATH_INFO"])
				}
				if len(e.Args) != 1 || e.Args[0] != testCID+"/echo/a%20b%2Fc" {
					t.Errorf("args %q", e.Args)
				}
			},
			wantStatus: 200,
		},
		{
			name: "headers and function env",
			req: func() *sandbox.Request {
				r := get("/echo", "")
				r.Header.Set("X-Custom", "one")
				r.Header.Add("X-Custom", "two")
				r.Header.Set("Authorization", "Bearer secret")
				r.Header.Set("Proxy-Authorization", "Basic secret")
				r.Header.Set("Connection", "keep-alive")
				r.Header.Set("Proxy", "http://evil.example")
				r.Header["X_Spoof"] = []string{"spoofed"}
				r.Header.Set("X-Wf-Voucher", "a caller's payment")
				r.Header["x-wf-meter"] = []string{"lower-case spelling"}
				r.Header.Set("X-Wfx", "not the protocol's")
				r.Header.Set("X-Owner", "from-client")
				r.Header.Add("Cookie", "a=1")
				r.Header.Add("Cookie", "b=2")
				r.Env = map[string]string{
					"GREETING":       "hi",
					"HTTP_X_OWNER":   "from-env",
					"REQUEST_METHOD": "EVIL",
				}
				return r
			},
			wantStatus: 200,
			check: func(t *testing.T, e echoed) {
				for k, v := range map[string]string{
					"HTTP_X_CUSTOM":  "one, two",
					"HTTP_X_WFX":     "not the protocol's",
					"HTTP_COOKIE":    "a=1; b=2",
					"GREETING":       "hi",
					"HTTP_X_OWNER":   "from-env",
					"REQUEST_METHOD": "GET",
				} {
					if e.Env[k] != v {
						t.Errorf("%s = %q, want %q", k, e.Env[k], v)
					}
				}
				for _, k := range []string{"HTTP_AUTHORIZATION", "HTTP_PROXY_AUTHORIZATION", "HTTP_CONNECTION", "HTTP_PROXY", "HTTP_X_SPOOF", "HTTP_X_WF_VOUCHER", "HTTP_X_WF_METER"} {
					if v, ok := e.Env[k]; ok {
						t.Errorf("%s passed to the function: %q", k, v)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := sb.Run(ctx, mod, tt.req())
			if err != nil {
				t.Fatalf("Run: %v (log %s)", err, resp.Log)
			}
			if resp.Status != tt.wantStatus {
				t.Errorf("status %d, want %d", resp.Status, tt.wantStatus)
			}
			if got := resp.Header.Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type %q", got)
			}
			if got := resp.Header.Get("X-Echo"); got != "yes" {
				t.Errorf("X-Echo %q", got)
			}
			if got := resp.Header.Values("Set-Cookie"); fmt.Sprint(got) != "[a=1 b=2]" {
				t.Errorf("Set-Cookie %q", got)
			}
			if _, ok := resp.Header["Status"]; ok {
				t.Error("Status left in the response header")
			}
			tt.check(t, decodeEcho(t, resp))
		})
	}
}

// TestEnvNoHostLeak checks the guest sees only the variables Run sets.
func TestEnvNoHostLeak(t *testing.T) {
	sb, mod := sharedGuest(t)
	canary := fmt.Sprintf("canary-%d", time.Now().UnixNano())
	t.Setenv("WF_SANDBOX_TEST_CANARY", canary)
	req := get("/env", "")
	// Names set by two sources must reach the guest once, with the winner's value.
	req.Env = map[string]string{"OWN": "value", "REQUEST_METHOD": "EVIL", "HTTP_USER_AGENT": "own-agent"}
	resp, err := sb.Run(context.Background(), mod, req)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(resp.Body, []byte(canary)) || bytes.Contains(resp.Body, []byte("WF_SANDBOX_TEST_CANARY")) {
		t.Fatalf("host environment leaked: %s", resp.Body)
	}
	var out struct{ Env, Args []string }
	if err := json.Unmarshal(resp.Body, &out); err != nil {
		t.Fatal(err)
	}
	cgi := map[string]bool{}
	for _, k := range strings.Fields(`AUTH_TYPE CONTENT_LENGTH CONTENT_TYPE GATEWAY_INTERFACE PATH_INFO
		PATH_TRANSLATED QUERY_STRING REMOTE_ADDR REMOTE_HOST REMOTE_USER REQUEST_METHOD SCRIPT_NAME
		SERVER_NAME SERVER_PORT SERVER_PROTOCOL SERVER_SOFTWARE X_FULL_URL X_MATCHED_ROUTE
		X_RAW_PATH_INFO X_RELATIVE_PATH HTTP_HOST HTTP_USER_AGENT OWN`) {
		cgi[k] = true
	}
	prev := ""
	for _, kv := range out.Env {
		k, _, _ := strings.Cut(kv, "=")
		if k <= prev {
			t.Errorf("variable %s after %s: not sorted by name, or repeated", k, prev)
		}
		prev = k
		if !cgi[k] {
			t.Errorf("unexpected variable %s", kv)
		}
		delete(cgi, k)
	}
	if len(cgi) > 0 {
		t.Errorf("missing variables %v", cgi)
	}
	for _, want := range []string{"REQUEST_METHOD=GET", "HTTP_USER_AGENT=own-agent", "OWN=value"} {
		if !slices.Contains(out.Env, want) {
			t.Errorf("%s missing from %q", want, out.Env)
		}
	}
}

func TestFunctionFailures(t *testing.T) {
	sb, mod := sharedGuest(t)
	tests := []struct {
		name       string
		path       string
		wantPublic string // substring of the caller-safe message
		wantLog    string // substring of the log
	}{
		{"non-zero exit", "/exit1", "exited with status 1", ""},
		{"panic", "/panic", "exited with status 2", "guest panic"},
		{"no header block", "/badcgi", "malformed CGI response", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := sb.Run(context.Background(), mod, get(tt.path, ""))
			if !errors.Is(err, wf.ErrFunctionFailed) {
				t.Fatalf("err = %v, want ErrFunctionFailed", err)
			}
			if msg := publicMessage(t, err); !strings.Contains(msg, tt.wantPublic) {
				t.Errorf("public message %q, want %q", msg, tt.wantPublic)
			}
			if resp == nil || !bytes.Contains(resp.Log, []byte(tt.wantLog)) {
				t.Errorf("log does not contain %q: %+v", tt.wantLog, resp)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	sb, mod := sharedGuest(t)
	const limit = 500 * time.Millisecond
	for _, tt := range []struct{ name, path, query string }{
		{"infinite loop", "/loop", ""},
		{"long sleep", "/sleep", "ms=60000"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := get(tt.path, tt.query)
			req.Limits.TimeoutMS = limit.Milliseconds()
			start := time.Now()
			_, err := sb.Run(context.Background(), mod, req)
			elapsed := time.Since(start)
			if !errors.Is(err, wf.ErrTimeout) {
				t.Fatalf("err = %v, want ErrTimeout", err)
			}
			t.Logf("stopped after %v (limit %v)", elapsed.Round(time.Millisecond), limit)
			if elapsed > limit+time.Second {
				t.Errorf("took %v, limit %v", elapsed, limit)
			}
		})
	}
	t.Run("short sleep is real", func(t *testing.T) {
		resp, err := sb.Run(context.Background(), mod, get("/sleep", "ms=100"))
		if err != nil {
			t.Fatal(err)
		}
		var ms int
		if _, err := fmt.Sscanf(string(resp.Body), "slept %d ms", &ms); err != nil || ms < 100 {
			t.Errorf("body %q", resp.Body)
		}
	})
}

func TestCallerCancel(t *testing.T) {
	sb, mod := sharedGuest(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err := sb.Run(ctx, mod, get("/loop", ""))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if errors.Is(err, wf.ErrTimeout) || errors.Is(err, wf.ErrFunctionFailed) {
		t.Errorf("caller cancellation blamed on the function: %v", err)
	}
}

func TestMemoryLimit(t *testing.T) {
	sb, mod := sharedGuest(t)
	ctx := context.Background()
	req := get("/membomb", "")
	req.Limits.MemoryPages = 512 // 32 MiB
	start := time.Now()
	resp, err := sb.Run(ctx, mod, req)
	if !errors.Is(err, wf.ErrFunctionFailed) {
		t.Fatalf("err = %v, want ErrFunctionFailed", err)
	}
	if msg := publicMessage(t, err); !strings.Contains(msg, "out of memory") {
		t.Errorf("public message %q", msg)
	}
	t.Logf("memory bomb stopped after %v at %d KiB; log starts %.60q",
		time.Since(start).Round(time.Millisecond), resp.Memory>>10, resp.Log)
	if resp.Memory > 512*65536 {
		t.Errorf("memory reached %d bytes, limit %d", resp.Memory, 512*65536)
	}

	// The same Sandbox and module still serve.
	resp, err = sb.Run(ctx, mod, get("/echo", ""))
	if err != nil || resp.Status != 200 {
		t.Fatalf("echo after memory bomb: %v %+v", err, resp)
	}

	t.Run("limit under the module's minimum", func(t *testing.T) {
		req := get("/echo", "")
		req.Limits.MemoryPages = mod.MinMemoryPages() - 1
		_, err := sb.Run(ctx, mod, req)
		if !errors.Is(err, wf.ErrFunctionFailed) {
			t.Fatalf("err = %v", err)
		}
	})
}

// A guest that grows past the provider's own maximum (no per-function
// limit) is reported as out of memory too, not as a bare trap: the
// AssemblyScript stub runtime traps with unreachable when memory.grow fails.
func TestMemoryLimitAtProviderMaximum(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{MaxMemoryPages: 64})
	for _, tc := range []struct {
		name   string
		instrs []byte
	}{
		// block loop (memory.grow 1) == -1 br_if 1; br 0 end end unreachable
		{"one page at a time", []byte{0x02, 0x40, 0x03, 0x40, 0x41, 0x01, 0x40, 0x00, 0x41, 0x7f, 0x46, 0x0d, 0x01, 0x0c, 0x00, 0x0b, 0x0b, 0x00}},
		// (memory.grow 4096) drop unreachable: 256 MiB in one step
		{"one big step", []byte{0x41, 0x80, 0x20, 0x40, 0x00, 0x1a, 0x00}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mod, err := sb.Compile(ctx, tc.name, commandModule(1, "_start", nil, tc.instrs...))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := sb.Run(ctx, mod, get("/", ""))
			if !errors.Is(err, wf.ErrFunctionFailed) || !strings.Contains(publicMessage(t, err), "out of memory (limit 64 pages)") {
				t.Fatalf("err = %v, want out of memory", err)
			}
			if resp.Memory > 64*65536 {
				t.Errorf("memory reached %d bytes, limit %d", resp.Memory, 64*65536)
			}
		})
	}
	t.Run("minimum over the maximum", func(t *testing.T) {
		_, err := sb.Compile(ctx, "big", commandModule(65, "_start", nil))
		if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(publicMessage(t, err), "at most 64") {
			t.Fatalf("err = %v, want invalid", err)
		}
	})
}

func TestOutputFlood(t *testing.T) {
	sb, mod := sharedGuest(t)
	req := get("/flood", "")
	req.Limits.MaxResponseBytes = 1 << 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := sb.Run(context.Background(), mod, req)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, wf.ErrFunctionFailed) {
		t.Fatalf("err = %v, want ErrFunctionFailed", err)
	}
	if msg := publicMessage(t, err); !strings.Contains(msg, "output over") {
		t.Errorf("public message %q", msg)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("100 MB flood cut off after %v; host allocated %d KiB during the run", elapsed.Round(time.Millisecond), allocated>>10)
	if elapsed > 5*time.Second {
		t.Errorf("flood took %v to stop", elapsed)
	}
	// The guest's own memory (a few MiB) and 1 MiB of output, not 100 MB.
	if allocated > 48<<20 {
		t.Errorf("host allocated %d MiB during a flood limited to 1 MiB", allocated>>20)
	}
}

func TestNoFilesystem(t *testing.T) {
	sb, mod := sharedGuest(t)
	resp, err := sb.Run(context.Background(), mod, get("/readfile", ""))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(resp.Body, []byte("readfile failed")) || bytes.Contains(resp.Body, []byte("root:")) {
		t.Fatalf("guest read a host file: %s", resp.Body)
	}
	t.Logf("%s", bytes.TrimSpace(resp.Body))
}

func TestLog(t *testing.T) {
	sb, mod := sharedGuest(t)
	t.Run("kept", func(t *testing.T) {
		resp, err := sb.Run(context.Background(), mod, get("/stderr", ""))
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Log) != "log line one\n" || string(resp.Body) != "logged\n" {
			t.Errorf("log %q body %q", resp.Log, resp.Body)
		}
	})
	t.Run("truncated", func(t *testing.T) {
		resp, err := sb.Run(context.Background(), mod, get("/stderr", "n=200000"))
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Log) > sandbox.DefaultMaxLogBytes+100 || !bytes.Contains(resp.Log, []byte("[log truncated")) {
			t.Errorf("log of %d bytes ends %q", len(resp.Log), resp.Log[max(0, len(resp.Log)-60):])
		}
	})
}

func TestRedirect(t *testing.T) {
	sb, mod := sharedGuest(t)
	resp, err := sb.Run(context.Background(), mod, get("/redirect", ""))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusFound || resp.Header.Get("Location") != "https://example.com/elsewhere" {
		t.Errorf("status %d Location %q", resp.Status, resp.Header.Get("Location"))
	}
}

// The limit holds for a body to read (Body) and one already read
// (BodyBytes) alike.
func TestRequestBodyLimit(t *testing.T) {
	sb, mod := sharedGuest(t)
	for _, tt := range []struct {
		name    string
		size    int
		read    bool // passed as BodyBytes
		wantErr error
	}{
		{"at the limit", 1000, false, nil},
		{"over the limit", 1001, false, wf.ErrTooLarge},
		{"already read, at the limit", 1000, true, nil},
		{"already read, over the limit", 1001, true, wf.ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := get("/echo", "")
			req.Method = "POST"
			if b := bytes.Repeat([]byte("a"), tt.size); tt.read {
				req.BodyBytes, req.Body = b, strings.NewReader("not read")
			} else {
				req.Body = bytes.NewReader(b)
			}
			req.Limits.MaxRequestBytes = 1000
			resp, err := sb.Run(context.Background(), mod, req)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && len(decodeEcho(t, resp).Body) != tt.size {
				t.Errorf("body not passed whole")
			}
		})
	}
}

// TestConcurrentIsolation runs many instances at once; each must see only
// its own request.
func TestConcurrentIsolation(t *testing.T) {
	sb, mod := sharedGuest(t)
	const n = 50
	var wg sync.WaitGroup
	errs := make(chan error, n)
	start := time.Now()
	for i := range n {
		wg.Go(func() {
			body := fmt.Sprintf("body-%d-%s", i, strings.Repeat("x", i*100))
			req := get("/echo", fmt.Sprintf("i=%d", i))
			req.Method = "PUT"
			req.Body = strings.NewReader(body)
			resp, err := sb.Run(context.Background(), mod, req)
			if err != nil {
				errs <- fmt.Errorf("request %d: %v", i, err)
				return
			}
			var e echoed
			if err := json.Unmarshal(resp.Body, &e); err != nil {
				errs <- fmt.Errorf("request %d: %v", i, err)
				return
			}
			if e.Body != body || e.Query != fmt.Sprintf("i=%d", i) {
				errs <- fmt.Errorf("request %d got body %.20q query %q", i, e.Body, e.Query)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d concurrent requests in %v", n, time.Since(start).Round(time.Millisecond))
}

func TestCompileCache(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	compile := func(name string) (*sandbox.Sandbox, time.Duration) {
		sb, err := sandbox.New(ctx, sandbox.Config{CacheDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if _, err := sb.Compile(ctx, "guest", guestWasm); err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		t.Logf("%s compile: %v", name, d.Round(time.Millisecond))
		return sb, d
	}
	first, cold := compile("cold (empty cache dir)")
	first.Close(ctx)
	second, warm := compile("warm (restart, same cache dir)")
	defer second.Close(ctx)
	t.Logf("disk cache speed-up: %.1fx", float64(cold)/float64(warm))

	mod, err := second.Compile(ctx, "guest", nil) // a hit ignores the bytes
	if err != nil {
		t.Fatal(err)
	}
	resp, err := second.Run(ctx, mod, get("/echo", ""))
	if err != nil || resp.Status != 200 {
		t.Fatalf("run from the disk cache: %v", err)
	}
	if st := second.Stats(); st.Misses != 1 || st.Hits != 1 || st.Modules != 1 {
		t.Errorf("stats %+v, want 1 miss, 1 hit, 1 module", st)
	}
}

// TestCompileOnce checks concurrent first requests for one key compile once.
func TestCompileOnce(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{CacheDir: cacheDir})
	const n = 8
	mods := make([]*sandbox.Module, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			m, err := sb.Compile(ctx, "guest", guestWasm)
			if err != nil {
				t.Error(err)
			}
			mods[i] = m
		})
	}
	wg.Wait()
	for _, m := range mods {
		if m != mods[0] {
			t.Fatal("concurrent compiles returned different modules")
		}
	}
	if st := sb.Stats(); st.Misses != 1 || st.Hits != n-1 {
		t.Errorf("stats %+v, want 1 miss and %d hits", st, n-1)
	}
}

func TestCompileInvalid(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{MaxMemoryPages: 64})
	tests := []struct {
		name string
		wasm []byte
	}{
		{"not wasm", []byte("#!/bin/sh\necho hello\n")},
		{"truncated", wagiHello()[:30]},
		{"foreign import", commandModule(1, "_start", [][2]string{{"env", "abort"}})},
		{"unknown WASI import", commandModule(1, "_start", [][2]string{{"wasi_snapshot_preview1", "no_such_call"}})},
		{"WASI import with the wrong type", commandModule(1, "_start", [][2]string{{"wasi_snapshot_preview1", "fd_write"}})},
		{"no _start", commandModule(1, "main", nil)},
		{"memory over the provider maximum", commandModule(65, "_start", nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sb.Compile(ctx, tt.name, tt.wasm)
			if !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			t.Logf("%v", err)
		})
	}
	if st := sb.Stats(); st.Modules != 0 || st.CompileErrors != uint64(len(tests)) {
		t.Errorf("stats %+v", st)
	}
}

// TestWAGIExample runs the WAT module from WAGI's documentation unchanged,
// and hand-made modules that trap.
func TestRawModules(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})

	t.Run("WAGI docs hello world", func(t *testing.T) {
		mod, err := sb.Compile(ctx, "hello", wagiHello())
		if err != nil {
			t.Fatal(err)
		}
		resp, err := sb.Run(ctx, mod, get("/", ""))
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != 200 || resp.Header.Get("Content-Type") != "text/plain" || string(resp.Body) != "hello world\n" {
			t.Errorf("got %d %v %q", resp.Status, resp.Header, resp.Body)
		}
	})
	t.Run("trap", func(t *testing.T) {
		mod, err := sb.Compile(ctx, "trap", commandModule(1, "_start", nil, 0x00)) // unreachable
		if err != nil {
			t.Fatal(err)
		}
		_, err = sb.Run(ctx, mod, get("/", ""))
		if !errors.Is(err, wf.ErrFunctionFailed) || !strings.Contains(publicMessage(t, err), "trapped") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("unexported memory over the limit", func(t *testing.T) {
		// The memory's minimum counts whether or not it is exported: the
		// run is refused before an instance allocates it (wazero cannot
		// refuse the first allocation).
		wasm := module(
			section(secType, funcType(nil, nil)),
			section(secFunction, uleb(0)),
			section(secMemory, memory(20)),
			section(secExport, export("_start", 0, 0)),
			section(secCode, code(0x3f, 0x00, 0x40, 0x00, 0x1a)), // memory.grow(memory.size); drop
		)
		mod, err := sb.Compile(ctx, "hidden-memory", wasm)
		if err != nil {
			t.Fatal(err)
		}
		req := get("/", "")
		req.Limits.MemoryPages = 16
		if got := mod.MinMemoryPages(); got != 20 {
			t.Errorf("MinMemoryPages = %d, want 20", got)
		}
		resp, err := sb.Run(ctx, mod, req)
		if !errors.Is(err, wf.ErrFunctionFailed) || resp != nil {
			t.Fatalf("resp %v, err = %v; want a refusal before it runs", resp, err)
		}
	})
	t.Run("silent exit", func(t *testing.T) {
		mod, err := sb.Compile(ctx, "silent", commandModule(1, "_start", nil))
		if err != nil {
			t.Fatal(err)
		}
		_, err = sb.Run(ctx, mod, get("/", ""))
		if !errors.Is(err, wf.ErrFunctionFailed) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestClosed(t *testing.T) {
	ctx := context.Background()
	sb, err := sandbox.New(ctx, sandbox.Config{})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := sb.Compile(ctx, "hello", wagiHello())
	if err != nil {
		t.Fatal(err)
	}
	if err := sb.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := sb.Run(ctx, mod, get("/", "")); !errors.Is(err, wf.ErrUnavailable) {
		t.Errorf("Run after Close: %v", err)
	}
	if _, err := sb.Compile(ctx, "hello", wagiHello()); !errors.Is(err, wf.ErrUnavailable) {
		t.Errorf("Compile after Close: %v", err)
	}
}

func TestConfig(t *testing.T) {
	ctx := context.Background()
	for _, cfg := range []sandbox.Config{
		{MaxMemoryPages: 65537},
		{MaxTimeout: -time.Second},
		{MaxLogBytes: -1},
	} {
		if sb, err := sandbox.New(ctx, cfg); err == nil {
			sb.Close(ctx)
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
	// A file where the cache directory should be.
	f := t.TempDir() + "/file"
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sandbox.New(ctx, sandbox.Config{CacheDir: f}); err == nil {
		t.Error("New accepted a file as CacheDir")
	}
}

// TestCloseDuringRun checks Close stops a running guest and its Run reports
// the Sandbox closed, not a cut-off success.
func TestCloseDuringRun(t *testing.T) {
	ctx := context.Background()
	sb, err := sandbox.New(ctx, sandbox.Config{CacheDir: cacheDir})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := sb.Compile(ctx, "guest", guestWasm)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := sb.Run(ctx, mod, get("/loop", ""))
		done <- err
	}()
	time.Sleep(200 * time.Millisecond)
	if err := sb.Close(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, wf.ErrUnavailable) {
			t.Errorf("err = %v, want ErrUnavailable", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run still going 5s after Close")
	}
}

func TestRelease(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{CacheDir: cacheDir})
	m, err := sb.Compile(ctx, "guest", guestWasm)
	if err != nil {
		t.Fatal(err)
	}
	// A Run in progress when the module is released finishes normally.
	done := make(chan error, 1)
	go func() {
		_, err := sb.Run(ctx, m, get("/sleep", "ms=300"))
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	sb.Release(m)
	if err := <-done; err != nil {
		t.Fatalf("run in progress at release: %v", err)
	}
	if _, err := sb.Run(ctx, m, get("/echo", "")); !errors.Is(err, sandbox.ErrReleased) {
		t.Fatalf("run after release: %v, want ErrReleased", err)
	}
	if st := sb.Stats(); st.Modules != 0 {
		t.Errorf("released module still held: %+v", st)
	}
	m2, err := sb.Compile(ctx, "guest", guestWasm)
	if err != nil || m2 == m {
		t.Fatalf("recompile after release: %v (same module: %v)", err, m2 == m)
	}
	if resp, err := sb.Run(ctx, m2, get("/echo", "")); err != nil || resp.Status != 200 {
		t.Fatalf("run after recompile: %v", err)
	}
}

func TestEffectiveLimits(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{MaxMemoryPages: 100, MaxTimeout: time.Second})
	got := sb.Effective(wf.Limits{MemoryPages: 50, TimeoutMS: 5000})
	if got.MemoryPages != 50 || got.TimeoutMS != 1000 || got.MaxRequestBytes != sandbox.DefaultMaxRequestBytes {
		t.Errorf("effective %+v", got)
	}
	if max := sb.Limits(); max.MemoryPages != 100 || max.TimeoutMS != 1000 {
		t.Errorf("maxima %+v", max)
	}
}

// A NUL byte in the path or query cannot reach the guest's argv (C
// strings end there): refused as the caller's error, before the guest runs.
func TestNULInArgvIsRefused(t *testing.T) {
	sb, mod := sharedGuest(t)
	for _, req := range []*sandbox.Request{get("/echo\x00x", ""), get("/echo", "a=1&b=\x00")} {
		_, err := sb.Run(context.Background(), mod, req)
		if !errors.Is(err, wf.ErrInvalid) || publicMessage(t, err) != "request contains a NUL byte" {
			t.Errorf("path %q query %q: %v", req.Path, req.RawQuery, err)
		}
	}
}

package jsrt_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/wf"
)

// Hostile JavaScript is contained by the sandbox exactly like hostile
// WebAssembly: the engine is just the module that runs.
func TestHostile(t *testing.T) {
	h := newHarness(t)
	t.Run("infinite loop", func(t *testing.T) {
		start := time.Now()
		_, err := h.run(t, `export default { fetch() { for (;;) {} } }`, call{limits: wf.Limits{TimeoutMS: 300}})
		if !errors.Is(err, wf.ErrTimeout) || time.Since(start) > 5*time.Second {
			t.Fatalf("err %v after %v", err, time.Since(start))
		}
	})
	t.Run("loop at top level", func(t *testing.T) {
		_, err := h.run(t, `while (true) {} export default {}`, call{limits: wf.Limits{TimeoutMS: 300}})
		if !errors.Is(err, wf.ErrTimeout) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("memory bomb", func(t *testing.T) {
		const pages = 512 // 32 MiB
		resp, err := h.run(t, `export default { fetch() { const a = []; for (;;) a.push(new Array(1e5).fill(1.5)); } }`,
			call{limits: wf.Limits{TimeoutMS: 10000, MemoryPages: pages}})
		if resp == nil || resp.Memory > pages*65536 {
			t.Fatalf("memory %v beyond the limit (err %v)", resp, err)
		}
		// QuickJS turns a refused allocation into an exception the worker
		// could catch; uncaught, it is a 500 like any error.
		if !errors.Is(err, wf.ErrFunctionFailed) && resp.Status != 500 {
			t.Fatalf("status %d err %v", resp.Status, err)
		}
		t.Logf("err %v status %d peak %d MiB, log %q", err, resp.Status, resp.Memory>>20, firstLine(resp.Log))
	})
	t.Run("output flood", func(t *testing.T) {
		_, err := h.run(t, `export default { fetch() { return new Response("x".repeat(4 << 20)); } }`,
			call{limits: wf.Limits{TimeoutMS: 10000, MaxResponseBytes: 1 << 20}})
		if !errors.Is(err, wf.ErrFunctionFailed) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("log flood", func(t *testing.T) {
		resp, err := h.run(t, `export default { fetch() { for (let i = 0; i < 20000; i++) console.log("x".repeat(100)); return new Response("ok"); } }`,
			call{limits: wf.Limits{TimeoutMS: 10000}})
		if err != nil || string(resp.Body) != "ok" || len(resp.Log) > 1<<20 {
			t.Fatalf("err %v, log %d bytes", err, len(resp.Log))
		}
	})
	t.Run("deep recursion", func(t *testing.T) {
		resp, err := h.run(t, `function f(n) { return f(n + 1) + 1; }
			export default { fetch() { try { f(0); } catch (e) { return new Response(e.name + ": " + e.message); } } }`, call{})
		if err != nil || !strings.HasPrefix(string(resp.Body), "RangeError") {
			t.Fatalf("err %v body %q", err, resp.Body)
		}
	})
	t.Run("fetch fails clearly", func(t *testing.T) {
		resp, err := h.run(t, `export default { async fetch() { try { await fetch("https://example.com/"); return new Response("fetched"); } catch (e) { return new Response(e.name + ": " + e.message); } } }`, call{})
		if err != nil || !strings.Contains(string(resp.Body), "TypeError: fetch() is not available") {
			t.Fatalf("err %v body %q", err, resp.Body)
		}
	})
	t.Run("fresh state per request", func(t *testing.T) {
		script := `globalThis.n = (globalThis.n || 0) + 1; let m = 0;
			export default { fetch() { m++; return new Response(globalThis.n + "," + m); } }`
		for i := 0; i < 3; i++ {
			resp, err := h.run(t, script, call{})
			if err != nil || string(resp.Body) != "1,1" {
				t.Fatalf("run %d: %v %q", i, err, resp.Body)
			}
		}
	})
	t.Run("syntax error", func(t *testing.T) {
		resp, err := h.run(t, `export default { fetch() { return new Response( } }`, call{})
		if err != nil || resp.Status != 500 || !strings.Contains(string(resp.Log), "SyntaxError") {
			t.Fatalf("err %v status %d log %q", err, resp.Status, resp.Log)
		}
	})
	t.Run("no default export", func(t *testing.T) {
		resp, err := h.run(t, `export const x = 1;`, call{})
		if err != nil || resp.Status != 500 || !strings.Contains(string(resp.Log), "no default export with a fetch") {
			t.Fatalf("err %v status %d log %q", err, resp.Status, resp.Log)
		}
	})
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

package jsrt_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// stateful is a worker that changes everything it can reach: a module
// variable, a global, a built-in's prototype and
// a pending timer. A request that saw what an earlier one left would
// answer with a count above 1 or a changed prototype.
const stateful = `let count = 0;
globalThis.loads = (globalThis.loads || 0) + 1;
console.log("top level ran");
export default {
  async fetch(req, env) {
    count++;
    globalThis.seen = (globalThis.seen || 0) + 1;
    const patched = typeof Array.prototype.leak === "function";
    Array.prototype.leak = () => "leaked";
    setTimeout(() => { globalThis.late = true; }, 1);
    return Response.json({count, seen: globalThis.seen, loads: globalThis.loads, patched, late: !!globalThis.late,
      random: Math.random(), uuid: crypto.randomUUID(), env: env.K});
  },
};`

// TestFreshStateFromSnapshot: a derived module evaluates the worker once
// (its top level runs in _initialize, never again), and every request,
// served on an instance reused from an earlier one, starts from that state:
// nothing one request changed is seen by the next, and each draws its own
// Math.random numbers (QuickJS seeds them once per context, which the
// snapshot would otherwise repeat).
func TestFreshStateFromSnapshot(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	pre, err := jsrt.Prelude([]byte(stateful), map[string]string{"K": "v"})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := jsrt.Derive(ctx, h.sb, h.mod, pre)
	if err != nil {
		t.Fatal(err)
	}
	again, err := jsrt.Derive(ctx, h.sb, h.mod, pre)
	if err != nil || again != mod {
		t.Fatalf("the same script and env derived another module (%v)", err)
	}
	randoms, uuids := map[float64]bool{}, map[string]bool{}
	const n = 6
	for i := range n {
		resp, err := h.sb.Run(ctx, mod, &sandbox.Request{Path: "/", ScriptName: "/x", Host: "fn.example"})
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		var got struct {
			Count, Seen, Loads int
			Patched, Late      bool
			Random             float64
			UUID, Env          string
		}
		if err := json.Unmarshal(resp.Body, &got); err != nil {
			t.Fatalf("request %d: %s: %v", i, resp.Body, err)
		}
		if got.Count != 1 || got.Seen != 1 || got.Loads != 1 || got.Patched || got.Late || got.Env != "v" {
			t.Fatalf("request %d saw state left by another: %s", i, resp.Body)
		}
		if top := strings.Contains(string(resp.Log), "top level ran"); top != (i == 0) {
			t.Fatalf("request %d: top level ran in it: %v (only the first request's log has _initialize's)", i, top)
		}
		randoms[got.Random], uuids[got.UUID] = true, true
	}
	if len(randoms) != n || len(uuids) != n {
		t.Fatalf("%d distinct Math.random values and %d UUIDs in %d requests", len(randoms), len(uuids), n)
	}
	st := h.sb.Stats()
	if st.Snapshots != 1 || st.Reused < n-2 {
		t.Fatalf("%d snapshots, %d runs on reused instances; want 1 and the instances reused", st.Snapshots, st.Reused)
	}
}

// A worker whose top level fails answers every request as it would have
// when it was evaluated per request: 500 and the error in the log. A top
// level that never ends is stopped at the first request's deadline and
// tried again by the next (the sandbox keeps no failed snapshot).
func TestSnapshotOfBrokenWorker(t *testing.T) {
	h := newHarness(t)
	for range 2 {
		resp, err := h.run(t, `throw new Error("broken at the top")`, call{})
		if err != nil || resp.Status != 500 || string(resp.Body) != "Internal Server Error" ||
			!strings.Contains(string(resp.Log), "Uncaught (evaluating the worker) Error: broken at the top") {
			t.Fatalf("err %v status %d body %q log %q", err, resp.Status, resp.Body, resp.Log)
		}
	}
	for range 2 {
		_, err := h.run(t, `while (true) {} export default {}`, call{limits: wf.Limits{TimeoutMS: 200}})
		if !errors.Is(err, wf.ErrTimeout) {
			t.Fatalf("err %v", err)
		}
	}
	// The engine itself is still fine.
	resp, err := h.run(t, `export default { fetch() { return new Response("ok") } }`, call{})
	if err != nil || string(resp.Body) != "ok" {
		t.Fatalf("err %v body %q", err, resp.Body)
	}
}

// Only a reactor has a snapshot to derive from.
func TestDeriveRefusesCommand(t *testing.T) {
	h := newHarness(t)
	cmd, err := h.sb.Compile(context.Background(), "as", templates.HelloWasm)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jsrt.Derive(context.Background(), h.sb, cmd, []byte("x")); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("derive from a command: %v", err)
	}
}

// TestURLFastPath: an absolute http(s) URL that parses to itself takes a
// shortcut past the general WHATWG parser (workers.js, simpleURL). Each
// URL here goes both ways, the general way forced by an upper-case scheme
// (which the shortcut does not take), and every part must agree.
func TestURLFastPath(t *testing.T) {
	h := newHarness(t)
	urls := []string{
		"https://fn.example/", "http://fn.example", "https://fn.example?x=1", "https://fn.example/a/b?x=1&y=%20z",
		"http://127.0.0.1:8080/a", "http://127.1/", "http://0x7f.0.0.1/", "http://10.0.0.256/", "http://1.2.3.04/",
		"https://a.b.c:443/x", "http://a:80/", "http://a:0080/", "http://a:65535/", "http://a:65536/", "http://a:/",
		"https://fn.example/a/./b/../c", "https://fn.example/%2e%2E/x", "https://fn.example/a/.hidden/b.",
		"https://fn.example/p%41th/~u/!$&'()*+,;=:@[]^|", "https://fn.example/?q='\"<>`{}|", "https://fn.example/a b",
		"https://fn.example/a\\b?c\\d", "https://fn.example/?", "https://fn.example/#frag", "https://FN.example/",
		"https://x-y.z-1.example/", "https://a..b/", "https://a.b./", "http://1/", "https://fn.example/é?é",
		"http://a:0/", "http://a:00000/", "http://a:000000/", "http://a:123456/", "https://a:0443/", "http://0x/", "http://a.0x1f/",
		"http://a.0xg/", "http://1.2.3.4.5/", "http://256.1.1.1/", "http://01.2.3.4/", "http://a.1/", "http://1.a/", "http://-a-/",
		"https://fn.example/a/..", "https://fn.example/a/.", "https://fn.example/%2E/x", "https://fn.example/%25/x",
		"https://fn.example/a?b=%2e/../", "https://fn.example?x=1#", "https://fn.example/\x00", "http://a/?q=\"", "http://a/?q='",
		"https://fn.example/a?x=é", "http://127.0.0.1:8080/?name=bench", "ftp://a/", "http:/a/", "http://a?", "http://a/b?c?d",
	}
	list, err := json.Marshal(urls)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := h.run(t, `const urls = `+string(list)+`;
const parts = (u) => { try { const x = new URL(u); return [x.href, x.protocol, x.host, x.hostname, x.port, x.pathname, x.search, x.hash, x.origin, x.searchParams.toString()].join(" | "); } catch (e) { return e.name; } };
export default { fetch() {
  const out = urls.map((u) => ({ u, fast: parts(u), general: parts(u.replace(/^http/, "HTTP")) }));
  return Response.json(out);
} }`, call{})
	if err != nil {
		t.Fatal(err)
	}
	var got []struct{ U, Fast, General string }
	if err := json.Unmarshal(resp.Body, &got); err != nil || len(got) != len(urls) {
		t.Fatalf("%v: %s %s", err, resp.Body, resp.Log)
	}
	for _, g := range got {
		if g.Fast != g.General {
			t.Errorf("%s:\n  shortcut %s\n  general  %s", g.U, g.Fast, g.General)
		}
	}
	if !strings.Contains(got[4].Fast, "http://127.0.0.1:8080/a") {
		t.Errorf("127.0.0.1: %s", got[4].Fast)
	}
}

// TestFormPairsFastPath holds host.formPairs (host.c: a query or form body
// that needs no decoding, split in C) to URLSearchParams' decoder: the
// same string with a pair that needs decoding appended takes the decoder.
func TestFormPairsFastPath(t *testing.T) {
	h := newHarness(t)
	qs := []string{"", "?", "a", "a=", "=b", "a=b", "?a=b&c=d", "a=b&&c", "&a=1&", "a=1&a=2", "a==b", "k=v=w", "x=a b",
		"a=\u0000", "name=bench", "q=é", "a=1;b=2", "a&b&c", "??a=1", "a=%zz", "a=+"}
	list, err := json.Marshal(qs)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := h.run(t, `const qs = `+string(list)+`;
export default { fetch() {
  const out = qs.map((q) => ({ q, fast: JSON.stringify([...new URLSearchParams(q)]),
    decoded: JSON.stringify([...new URLSearchParams(q + "&%7E=%7E")].slice(0, -1)) }));
  return Response.json(out);
} }`, call{})
	if err != nil {
		t.Fatal(err)
	}
	var got []struct{ Q, Fast, Decoded string }
	if err := json.Unmarshal(resp.Body, &got); err != nil || len(got) != len(qs) {
		t.Fatalf("%v: %s %s", err, resp.Body, resp.Log)
	}
	for _, g := range got {
		if g.Fast != g.Decoded {
			t.Errorf("%q:\n  fast    %s\n  decoded %s", g.Q, g.Fast, g.Decoded)
		}
	}
	if got[5].Fast != `[["a","b"]]` {
		t.Errorf("a=b: %s", got[5].Fast)
	}
}

// TestFormDecodeNotUTF8: percent-encoded bytes that are not UTF-8 decode to
// U+FFFD, as the URL Standard's percent-decode and UTF-8 decode do (and
// node and workerd answer), not as Latin-1 characters; TextDecoder replaces
// each maximal ill-formed subpart with one U+FFFD, as the Encoding
// Standard says.
func TestFormDecodeNotUTF8(t *testing.T) {
	h := newHarness(t)
	resp, err := h.run(t, `export default { fetch() {
  const get = (q) => new URLSearchParams(q).get("x");
  const dec = (...b) => new TextDecoder().decode(new Uint8Array(b));
  return Response.json([get("x=caf%C3%A9%ff"), get("x=%ff%fe%80caf%e9"), get("x=100%"), get("x=%zz%C3%A9"), get("x=a+%E2%82"),
    dec(0x61, 0xe2, 0x82), dec(0xf0, 0x9f, 0x98, 0x61), dec(0xed, 0xa0, 0x80), dec(0xf0, 0x9f, 0x98, 0x80), dec(0xc0, 0xaf), dec(0xf4, 0x90, 0x80, 0x80)]);
} }`, call{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal(resp.Body, &got); err != nil {
		t.Fatalf("%v: %s %s", err, resp.Body, resp.Log)
	}
	want := []string{"café\ufffd", "\ufffd\ufffd\ufffdcaf\ufffd", "100%", "%zzé", "a \ufffd",
		// TextDecoder: one U+FFFD per maximal ill-formed subpart.
		"a\ufffd", "\ufffda", "\ufffd\ufffd\ufffd", "\U0001F600", "\ufffd\ufffd", "\ufffd\ufffd\ufffd\ufffd"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestHeaderRecordFastPath holds new Headers({...}) (its fields read and
// checked in C, host.headerFields) to appending each field in turn.
func TestHeaderRecordFastPath(t *testing.T) {
	h := newHarness(t)
	resp, err := h.run(t, `const records = [
  {}, { "Content-Type": "text/plain" }, { a: "1", A: "2", b: " x ", c: "\t y\r\n" }, { "x-n": 42, "x-o": { toString() { return "o"; } } },
  { "bad name": "v" }, { "x": "a\nb" }, { "x": "a\u0000b" }, { "é": "v" }, { x: "é" }, { x: " é " }, { x: "" }, { x: "  " },
  { 1: "one", b: "two", 0: "zero" }, { x: "a\u000bb" }, { "x": { toString() { throw new Error("boom"); } } },
];
const show = (f) => { try { return JSON.stringify([...f()]); } catch (e) { return e.name + ": " + e.message; } };
export default { fetch() {
  const out = records.map((r) => ({ fast: show(() => new Headers(r)),
    each: show(() => { const h = new Headers(); for (const k of Object.keys(r)) h.append(k, r[k]); return h; }) }));
  return Response.json(out);
} }`, call{})
	if err != nil {
		t.Fatal(err)
	}
	var got []struct{ Fast, Each string }
	if err := json.Unmarshal(resp.Body, &got); err != nil || len(got) != 15 {
		t.Fatalf("%v: %s %s", err, resp.Body, resp.Log)
	}
	for i, g := range got {
		if g.Fast != g.Each {
			t.Errorf("record %d:\n  fast %s\n  each %s", i, g.Fast, g.Each)
		}
	}
	if got[2].Fast != `[["a","1, 2"],["b","x"],["c","y"]]` {
		t.Errorf("record 2: %s", got[2].Fast)
	}
}

// TestRequestPlumbing: what host.c's wf_http hands a derived worker per
// request: ctx.wf made when asked (the same object each time, assignable,
// fresh in the next request), the env frozen, with a request's proved
// WF_CRED_* variables only in that request, the method upper case, the
// URL as the worker's own.
func TestRequestPlumbing(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	pre, err := jsrt.Prelude([]byte(`export default { async fetch(req, env, ctx) {
  const same = ctx.wf === ctx.wf, before = JSON.stringify(ctx.wf);
  ctx.wf = "changed";
  let threw = false;
  try { env.K = "x"; } catch { threw = true; }
  return Response.json({ same, before, after: ctx.wf, frozen: Object.isFrozen(env), threw, env: { ...env }, method: req.method, url: req.url,
    body: await req.text() });
} };`), map[string]string{"K": "v"})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := jsrt.Derive(ctx, h.sb, h.mod, pre)
	if err != nil {
		t.Fatal(err)
	}
	type answer struct {
		Same, Frozen, Threw bool
		Before, After       string
		Env                 map[string]string
		Method, URL, Body   string
	}
	run := func(r *sandbox.Request) answer {
		t.Helper()
		resp, err := h.sb.Run(ctx, mod, r)
		if err != nil || resp.Status != 200 {
			t.Fatalf("%v %v %s %s", err, resp, resp.Body, resp.Log)
		}
		var a answer
		if err := json.Unmarshal(resp.Body, &a); err != nil {
			t.Fatalf("%v: %s", err, resp.Body)
		}
		return a
	}
	a := run(&sandbox.Request{Method: "patch", Path: "/a", RawQuery: "b=1", ScriptName: "/cid", Host: "fn.example",
		Env: map[string]string{"WF_CRED_ORG": "acme"}, Body: strings.NewReader("hi")})
	if !a.Same || !a.Frozen || !a.Threw || a.After != "changed" || a.Before != `{"scriptName":"/cid","url":"http://fn.example/cid/a?b=1"}` ||
		a.Env["K"] != "v" || a.Env["WF_CRED_ORG"] != "acme" || a.Method != "PATCH" || a.URL != "http://fn.example/a?b=1" || a.Body != "hi" {
		t.Errorf("first request: %+v", a)
	}
	b := run(&sandbox.Request{Path: "/", ScriptName: "/cid", Host: "FN.example:80"})
	if b.Before != `{"scriptName":"/cid","url":"http://FN.example:80/cid/"}` || len(b.Env) != 1 || b.Env["K"] != "v" || b.Method != "GET" ||
		b.URL != "http://fn.example/" || !b.Frozen {
		t.Errorf("second request: %+v", b)
	}
}

// TestResponseOddities: what wf_http does with answers that are not plain
// Responses: a subclass (its own fields are what is sent, as on workerd),
// a body getter that throws, a thenable, Response.error().
func TestResponseOddities(t *testing.T) {
	h := newHarness(t)
	for _, c := range []struct {
		name, fetch string
		status      int
		body        string
	}{
		{"subclass", `class R extends Response { get status() { return 404; } }; return new R("sub", { status: 201 });`, 201, "sub"},
		{"throwing body", `class R extends Response { get _bytes() { throw new Error("no"); } set _bytes(v) {} }; return new R("x");`, 500, "Internal Server Error"},
		{"thenable", `return { then(ok) { ok(new Response("then")); } };`, 200, "then"},
		{"error", `return Response.error();`, 500, "Internal Server Error"},
		{"not a response", `return "text";`, 500, "Internal Server Error"},
		{"no answer", `return new Promise(() => {}).then(() => new Response("never"), () => {});`, 0, ""},
	} {
		resp, err := h.run(t, `export default { fetch() { `+c.fetch+` } };`, call{})
		if c.status == 0 {
			if err == nil && resp.Status == 200 {
				t.Errorf("%s: answered %d %q", c.name, resp.Status, resp.Body)
			}
			continue
		}
		if err != nil || resp.Status != c.status || string(resp.Body) != c.body {
			t.Errorf("%s: %v %v %q %s", c.name, err, resp.Status, resp.Body, resp.Log)
		}
	}
}

// TestQueryStartingWithQuestionMark: a URL's query keeps a second "?"
// ("??x=1" has the query "?x=1", as the URL Standard and node say), and a
// request whose method is "get" in lower case has no body, as a GET has
// none, whatever its CGI input.
func TestQueryStartingWithQuestionMark(t *testing.T) {
	h := newHarness(t)
	resp, err := h.run(t, `export default { async fetch(req) {
  const u = new URL("http://a/??x=1");
  const set = new URL("http://a/"); set.search = "??y=2";
  return Response.json([[...u.searchParams], [...new URLSearchParams("??x=1")], [...set.searchParams], set.search, req.method, req.body === null]);
} }`, call{method: "get", body: "ignored"})
	if err != nil {
		t.Fatal(err)
	}
	want := `[[["?x","1"]],[["?x","1"]],[["?y","2"]],"??y=2","GET",true]`
	if got := strings.TrimSpace(string(resp.Body)); got != want {
		t.Errorf("got  %s\nwant %s\n%s", got, want, resp.Log)
	}
}

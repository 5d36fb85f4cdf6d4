package jsrt_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/sandbox"
)

// BenchmarkWorkers runs small workers, each doing one more thing than a
// bare answer, in the sandbox from their derived snapshots, and reports
// the CPU per request. With WF_ENGINE_TIMING naming a timing build of the
// engine (WF_JS_CFLAGS=-DWF_TIMING WF_JS_OUT=/tmp/timing.wasm
// scripts/build-js-engine), it runs that engine instead and logs the
// median wall time of each part of wf_http (host.c, T()): the CGI
// variables, the URL, the Request, the env, the worker's fetch, settling
// its promise (async only), writing the response, and what is left.
func BenchmarkWorkers(b *testing.B) {
	h := newHarness(b)
	ctx := context.Background()
	mod := h.mod
	if p := os.Getenv("WF_ENGINE_TIMING"); p != "" {
		wasm, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if mod, err = h.sb.Compile(ctx, "timing", wasm); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct{ name, src string }{
		{"hello", helloJS},
		{"min", `export default { fetch() { return new Response("x"); } };`},
		{"minasync", `export default { async fetch() { return new Response("x"); } };`},
		{"url", `export default { fetch(r) { new URL(r.url); return new Response("x"); } };`},
		{"urlsp", `export default { fetch(r) { new URL(r.url).searchParams.get("name"); return new Response("x"); } };`},
		{"hdr", `export default { fetch(r) { return new Response("x", { headers: { "content-type": "text/plain; charset=utf-8" } }); } };`},
		{"throw", `export default { fetch(r) { throw 1 } };`},
	} {
		pre, err := jsrt.Prelude([]byte(c.src), nil)
		if err != nil {
			b.Fatal(err)
		}
		d, err := jsrt.Derive(ctx, h.sb, mod, pre)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			cpu := cpuClock()
			var all [][]float64
			for b.Loop() {
				resp, err := h.sb.Run(ctx, d, &sandbox.Request{Path: "/", RawQuery: "name=bench", ScriptName: "/x", Host: "fn.example"})
				if err != nil || resp.Status != 200 && c.name != "throw" {
					b.Fatal(err, resp.Status)
				}
				for _, line := range strings.Split(string(resp.Log), "\n") {
					if f, ok := strings.CutPrefix(line, "wf-timing: "); ok {
						fs := strings.Fields(f)
						if len(all) < len(fs) {
							all = append(all, make([][]float64, len(fs)-len(all))...)
						}
						for i, x := range fs {
							v, _ := strconv.ParseFloat(x, 64)
							all[i] = append(all[i], v)
						}
					}
				}
			}
			b.ReportMetric(float64(cpu().Microseconds())/float64(b.N), "cpu-us/op")
			if len(all) > 0 {
				var parts []string
				tot := 0.0
				for _, v := range all {
					slices.Sort(v)
					m := v[len(v)/2] / 1000
					parts = append(parts, fmt.Sprintf("%.1f", m))
					tot += m
				}
				b.Logf("wf_http parts, median us: %s = %.1f", strings.Join(parts, " "), tot)
			}
		})
	}
}

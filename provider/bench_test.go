package provider_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/webfunctions/wf/bench"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// benchTargets are the AssemblyScript hello through the whole provider
// handler and bench.Native doing the same work, each behind its own
// server on loopback. scripts/bench runs the same comparison out of
// process on a pinned core; these are the in-process figures.
func benchTargets(b *testing.B) []struct{ name, url string } {
	env := wftest.New(b, wftest.Options{})
	fn := env.Deploy(b, templates.HelloWasm, wftest.Spec())
	native := httptest.NewServer(bench.Native())
	b.Cleanup(native.Close)
	return []struct{ name, url string }{
		{"native", native.URL + "/?name=bench"},
		{"assemblyscript", env.URL + "/" + fn.String() + "/?name=bench"},
	}
}

func benchGet(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || string(body) != "Hello, bench!\n" {
		return &httpError{resp.Status, string(body)}
	}
	return nil
}

type httpError struct{ status, body string }

func (e *httpError) Error() string { return e.status + ": " + e.body }

// BenchmarkInvoke is one request at a time on a keep-alive connection:
// the latency of a request, client included.
func BenchmarkInvoke(b *testing.B) {
	for _, t := range benchTargets(b) {
		b.Run(t.name, func(b *testing.B) {
			c := &http.Client{}
			for b.Loop() {
				if err := benchGet(c, t.url); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInvokeParallel is GOMAXPROCS clients at once: throughput.
func BenchmarkInvokeParallel(b *testing.B) {
	for _, t := range benchTargets(b) {
		b.Run(t.name, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				c := &http.Client{}
				for pb.Next() {
					if err := benchGet(c, t.url); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// BenchmarkSandboxRun is the AssemblyScript hello run directly in the
// sandbox, without HTTP or the provider: what BenchmarkInvoke's
// assemblyscript figure costs beyond the native one, minus the provider.
func BenchmarkSandboxRun(b *testing.B) {
	env := wftest.New(b, wftest.Options{})
	ctx := context.Background()
	m, err := env.Sandbox.Compile(ctx, "hello", templates.HelloWasm)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		resp, err := env.Sandbox.Run(ctx, m, &sandbox.Request{Method: "GET", RawQuery: "name=bench", ScriptName: "/hello", Host: "127.0.0.1"})
		if err != nil || string(resp.Body) != "Hello, bench!\n" {
			b.Fatalf("%v %q", err, resp.Body)
		}
	}
}

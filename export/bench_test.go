package export_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/export"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// BenchmarkServe is what the runner adds to a warm request of the
// AssemblyScript hello: "http" is the Server alone (Cloud Run's path
// without the socket), "lambda-event" the same request as a Function URL
// event decoded and its answer encoded (Lambda's path without the Runtime
// API's round trip). Wall time on a shared machine swings several fold,
// so each also reports the process's CPU time per request (cpu-ns/op),
// which other processes do not inflate; compare those in one run:
//
//	go test ./export -run '^$' -bench Serve -benchtime 3000x -count 3
func BenchmarkServe(b *testing.B) {
	ctx := context.Background()
	_, car := pack(b, templates.HelloWasm, wftest.Spec())
	f, err := export.Load(ctx, car, chain.Verifier{})
	if err != nil {
		b.Fatal(err)
	}
	sb, err := sandbox.New(ctx, export.SandboxConfig(f))
	if err != nil {
		b.Fatal(err)
	}
	defer sb.Close(ctx)
	srv, err := export.NewServer(ctx, sb, f, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("http", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/?name=you", nil))
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
	event := v2Event("GET", "/", "name=you", "", false)
	b.Run("lambda-event", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			if _, err := export.Invoke(ctx, srv, event); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// cpuPerOp reports the process's CPU time (user and system) per iteration
// of b's loop as cpu-ns/op, when the returned func runs.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package dashboard

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestSealWasmUpToDate builds the browser's sealing code (./sealwasm,
// package seal for GOOS=js GOARCH=wasm) and checks that the embedded
// static/seal.wasm.gz is that build, and that static/wasm_exec.js is the
// toolchain's: the page must run the code this tree's seal package is.
// WF_UPDATE_SEALWASM=1 rewrites both. A stale build fails only under
// WF_REQUIRE_TOOLCHAINS (scripts/test), else the test skips saying so.
func TestSealWasmUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm binary")
	}
	out := filepath.Join(t.TempDir(), "seal.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w -buildid=", "-o", out, "./sealwasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./sealwasm: %v\n%s", err, b)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(wasm)
	zw.Close()
	execJS, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("WF_UPDATE_SEALWASM") != "" {
		if err := os.WriteFile("static/seal.wasm.gz", gz.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("static/wasm_exec.js", execJS, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	embedded, err := staticFS.ReadFile("static/seal.wasm.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	have, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, wasm) {
		// Any change to package seal or wf changes the build. The browser
		// test proves a stale build still seals what providers open;
		// scripts/test (WF_REQUIRE_TOOLCHAINS) insists on a fresh one.
		report := t.Skipf
		if os.Getenv("WF_REQUIRE_TOOLCHAINS") != "" {
			report = t.Fatalf
		}
		report("static/seal.wasm.gz (%d bytes unpacked) is not the build of ./sealwasm (%d bytes) with %s: rebuild it with WF_UPDATE_SEALWASM=1 go test ./dashboard -run TestSealWasmUpToDate", len(have), len(wasm), runtime.Version())
	}
	if js, _ := staticFS.ReadFile("static/wasm_exec.js"); !bytes.Equal(js, execJS) {
		t.Errorf("static/wasm_exec.js is not %s's: rebuild it with WF_UPDATE_SEALWASM=1 go test ./dashboard -run TestSealWasmUpToDate", runtime.Version())
	}
}

// The browser's sealing code is package seal and wf's vocabulary over
// the standard library, nothing else: what the page runs is the sealing
// code, reviewable alone, and stays small.
func TestSealWasmDeps(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./sealwasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	if !strings.Contains(string(out), "github.com/webfunctions/wf/seal\n") {
		t.Fatalf("go list did not list package seal: %q", out)
	}
	allowed := []string{"github.com/webfunctions/wf/wf", "github.com/webfunctions/wf/seal", "github.com/webfunctions/wf/dashboard/sealwasm"}
	for _, p := range strings.Fields(string(out)) {
		if !slices.Contains(allowed, p) {
			t.Errorf("the browser's sealing code links %s", p)
		}
	}
}

package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/build"
)

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCommand(t *testing.T) {
	dir := t.TempDir()
	var log bytes.Buffer
	out, err := build.Config{Command: "mkdir -p dist && printf '\\000asm' > dist/fn.wasm && echo built", Output: "dist/fn.wasm"}.Build(context.Background(), dir, &log)
	if err != nil || out != filepath.Join(dir, "dist", "fn.wasm") || log.String() != "built\n" {
		t.Fatalf("out %q, log %q, err %v", out, log.String(), err)
	}
	// A command that writes nothing fails.
	_, err = build.Config{Command: "true", Output: "dist/other.wasm"}.Build(context.Background(), dir, &log)
	if err == nil || !strings.Contains(err.Error(), "build command did not produce") {
		t.Fatalf("got %v", err)
	}
	_, err = build.Config{Command: "echo oops >&2; exit 3"}.Build(context.Background(), dir, &log)
	if err == nil || !strings.Contains(err.Error(), `"echo oops >&2; exit 3"`) || !strings.Contains(log.String(), "oops") {
		t.Fatalf("got %v, log %q", err, log.String())
	}
}

func TestGoEntryAndOutput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"go.mod":         "module fn\n\ngo 1.26\n",
		"cmd/fn/main.go": "package main\n\nfunc main() { println(\"hi\") }\n",
	})
	var log bytes.Buffer
	out, err := build.Config{Entry: "cmd/fn", Output: "out/fn.wasm"}.Build(context.Background(), dir, &log)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("\x00asm")) || out != filepath.Join(dir, "out", "fn.wasm") {
		t.Fatalf("%s: %v", out, err)
	}
	// The default entry (.) has no main package here.
	if _, err := build.Build(context.Background(), dir, &log); err == nil {
		t.Fatal("built a directory without a main package")
	}
	if _, err := (build.Config{Lang: "cobol"}).Build(context.Background(), dir, &log); err == nil {
		t.Fatal("accepted an unknown language")
	}
}

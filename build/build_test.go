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
	// A WAGI program (no guest package) stays a command, with _start.
	if strings.Contains(log.String(), "reactor") || !bytes.Contains(b, []byte("_start")) {
		t.Fatalf("built as a reactor: %s", log.String())
	}
	// The default entry (.) has no main package here.
	if _, err := build.Build(context.Background(), dir, &log); err == nil {
		t.Fatal("built a directory without a main package")
	}
	if _, err := (build.Config{Lang: "cobol"}).Build(context.Background(), dir, &log); err == nil {
		t.Fatal("accepted an unknown language")
	}
}

// An AssemblyScript build is skipped when its inputs and its output are
// as the last build left them, and runs when either changed. A stand-in
// npm on PATH counts the builds (asc itself is tested by the templates).
func TestAssemblyScriptBuildIsCached(t *testing.T) {
	bin, dir := t.TempDir(), t.TempDir()
	count := filepath.Join(bin, "count")
	npm := "#!/bin/sh\n[ \"$1\" = run ] || exit 1\necho x >> " + count + "\nprintf '\\000asm\\001\\000\\000\\000built' > main.wasm\n"
	if err := os.WriteFile(filepath.Join(bin, "npm"), []byte(npm), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	os.MkdirAll(filepath.Join(dir, "assembly"), 0o755)
	os.MkdirAll(filepath.Join(dir, "node_modules", "assemblyscript"), 0o755)
	os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"devDependencies":{"assemblyscript":"0.28.20"}}`), 0o644)
	os.WriteFile(filepath.Join(dir, "node_modules", "assemblyscript", "package.json"), []byte(`{"version":"0.28.20"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "assembly", "index.ts"), []byte("export {}\n"), 0o644)
	builds := func() int {
		b, _ := os.ReadFile(count)
		return strings.Count(string(b), "x")
	}
	step := func(what string, change func(), want int) {
		t.Helper()
		if change != nil {
			change()
		}
		var log bytes.Buffer
		if _, err := build.Build(context.Background(), dir, &log); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, log.String())
		}
		if got := builds(); got != want {
			t.Fatalf("%s: %d builds so far, want %d\n%s", what, got, want, log.String())
		}
	}
	step("first", nil, 1)
	step("nothing changed", nil, 1)
	step("a source changed", func() { os.WriteFile(filepath.Join(dir, "assembly", "index.ts"), []byte("export {}\n// x\n"), 0o644) }, 2)
	step("a new file", func() { os.WriteFile(filepath.Join(dir, "assembly", "more.ts"), []byte("export {}\n"), 0o644) }, 3)
	step("the compiler changed", func() {
		os.WriteFile(filepath.Join(dir, "node_modules", "assemblyscript", "package.json"), []byte(`{"version":"0.28.21"}`), 0o644)
	}, 4)
	step("the output overwritten", func() { os.WriteFile(filepath.Join(dir, "main.wasm"), []byte("other"), 0o644) }, 5)
	step("the output removed", func() { os.Remove(filepath.Join(dir, "main.wasm")) }, 6)
	step("something under node_modules or .git", func() {
		os.WriteFile(filepath.Join(dir, "node_modules", "junk"), []byte("x"), 0o644)
		os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
		os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("x"), 0o644)
	}, 6)
}

package templates_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/build"
	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
)

// requireTool skips without the tool, unless WF_REQUIRE_TOOLCHAINS is set
// (scripts/test sets it), where a missing tool is a failure.
func requireTool(t *testing.T, name string) {
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("WF_REQUIRE_TOOLCHAINS") != "" {
			t.Fatalf("%s is required: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
}

// The embedded hello.wasm is the AssemblyScript template, built by the
// pinned compiler: rebuild it from source and compare the bytes.
func TestHelloWasmIsBuiltFromTemplate(t *testing.T) {
	requireTool(t, "npm")
	dir := filepath.Join(t.TempDir(), "hello")
	if err := templates.Write(dir, "assemblyscript", "hello"); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	out, err := build.Build(context.Background(), dir, &log)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, templates.HelloWasm) {
		t.Fatalf("templates/hello.wasm (%d bytes) differs from the template built now (%d bytes); "+
			"rebuild it: cp %s templates/hello.wasm", len(templates.HelloWasm), len(got), out)
	}

	// A second build with nothing changed is skipped (asc has no cache of
	// its own; build's tests cover what makes it rebuild).
	log.Reset()
	if _, err := build.Build(context.Background(), dir, &log); err != nil || !strings.Contains(log.String(), "up to date") {
		t.Fatalf("second build: %v, want it skipped\n%s", err, log.String())
	}
}

// The Go template is a net/http handler through package guest, built
// offline (the guest package is written into the project) as a reactor,
// and it answers from a snapshot in the sandbox.
func TestGoTemplateBuilds(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	dir := filepath.Join(t.TempDir(), "hello")
	if err := templates.Write(dir, "go", "hello"); err != nil {
		t.Fatal(err)
	}
	if lang, err := build.Lang(dir); err != nil || lang != "go" {
		t.Fatalf("Lang = %q, %v", lang, err)
	}
	var log bytes.Buffer
	out, err := build.Build(context.Background(), dir, &log)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("\x00asm")) {
		t.Fatalf("not a wasm module: %v", err)
	}
	if !strings.Contains(log.String(), "building a reactor") {
		t.Fatalf("not built as a reactor:\n%s", log.String())
	}

	// It serves as a reactor: one snapshot, then instances reset to it.
	ctx := context.Background()
	sb, err := sandbox.New(ctx, sandbox.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close(ctx)
	mod, err := sb.Compile(ctx, "hello", b)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ method, query, body, want string }{
		{"GET", "name=bench", "", "Hello, bench!\n"},
		{"POST", "", "you", "Hello, you!\n"},
		{"GET", "", "", "Hello, world!\n"},
	} {
		resp, err := sb.Run(ctx, mod, &sandbox.Request{Method: c.method, RawQuery: c.query, Body: strings.NewReader(c.body), ScriptName: "/hello", Host: "127.0.0.1"})
		if err != nil || string(resp.Body) != c.want || !strings.Contains(string(resp.Log), "greeting") {
			t.Fatalf("%s %s: %v %q, log %q", c.method, c.query, err, resp.Body, resp.Log)
		}
	}
	if st := sb.Stats(); st.Snapshots != 1 || st.Reused != 2 {
		t.Fatalf("snapshots %d, reused %d", st.Snapshots, st.Reused)
	}
}

func TestWriteRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x"), nil, 0o644)
	if err := templates.Write(dir, "go", "x"); err == nil {
		t.Fatal("wrote into a non-empty directory")
	}
	if err := templates.Write(t.TempDir()+"/y", "cobol", "y"); err == nil {
		t.Fatal("accepted an unknown language")
	}
}

// Each template's wf.toml parses, names its language and a valid name.
func TestProjectFile(t *testing.T) {
	for _, lang := range templates.Langs {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "Hello_World")
			if err := templates.Write(dir, lang, "Hello_World"); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(dir, project.FileName))
			if err != nil {
				t.Fatal(err)
			}
			f, err := project.Parse(project.FileName, b)
			if err != nil {
				t.Fatal(err)
			}
			if f.Name != "hello-world" || f.Build.Language != templates.BuildLang(lang) {
				t.Fatalf("name %q, language %q", f.Name, f.Build.Language)
			}
			if detected, err := build.Lang(dir); err != nil || detected != templates.BuildLang(lang) {
				t.Fatalf("the directory builds as %q (%v), wf.toml says %q", detected, err, lang)
			}
		})
	}
}

func TestLabel(t *testing.T) {
	for in, want := range map[string]string{
		"hello": "hello", "Hello_World": "hello-world", "--a..b--": "a-b", "日本": "function", "": "function",
		strings.Repeat("x", 70): strings.Repeat("x", 63), "a" + strings.Repeat("-", 70): "a",
	} {
		if got := templates.Label(in); got != want || !project.ValidName(got) {
			t.Errorf("Label(%q) = %q, want %q", in, got, want)
		}
	}
}

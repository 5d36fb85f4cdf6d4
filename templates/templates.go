// Package templates holds the starter functions `wf init` writes: a Go
// net/http handler (package guest, built as a wasip1 reactor), an
// AssemblyScript WAGI program, and a JavaScript and a TypeScript worker
// (docs/js.md), that greet the caller,
// each with a commented project file, wf.toml (package project).
// Files ending in .tmpl are Go text templates, written without the suffix
// (a go.mod or main.go under this package would otherwise be compiled or
// split off as another module).
package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/webfunctions/wf/build"
)

//go:embed all:go all:assemblyscript all:js all:ts
var files embed.FS

// Langs lists the languages Write accepts.
var Langs = []string{"go", "assemblyscript", "js", "ts"}

// LangNames are the languages' names as people write them.
var LangNames = map[string]string{"go": "Go", "assemblyscript": "AssemblyScript", "js": "JavaScript", "ts": "TypeScript"}

// BuildLang is the build language (wf.toml's build.language) of a
// starter: TypeScript builds as js, bundled like JavaScript.
func BuildLang(lang string) string {
	if lang == "ts" {
		return "js"
	}
	return lang
}

// Write writes the starter function for lang into dir, which must not
// exist or be empty. name becomes the module or package name, and as a
// DNS label (Label) the function's name in wf.toml.
func Write(dir, lang, name string) error {
	sub, err := fs.Sub(files, lang)
	if err != nil || !contains(Langs, lang) {
		return fmt.Errorf("templates: unknown language %q (choose one of %s)", lang, strings.Join(Langs, ", "))
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("templates: %s is not empty", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("templates: %w", err)
	}
	data := struct{ Name, Label string }{Name: name, Label: Label(name)}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(p, ".tmpl")))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".tmpl") {
			var sb strings.Builder
			if err := template.Must(template.New(p).Parse(string(b))).Execute(&sb, data); err != nil {
				return err
			}
			b = []byte(sb.String())
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err == nil && lang == "go" {
		// The guest package its go.mod replaces the wf module with.
		err = build.WriteGoSDK(dir)
	}
	return err
}

// Label makes a function name (a DNS label: a-z, 0-9, inner hyphens, at
// most 63 bytes) from a directory's name: "Hello_World" is "hello-world".
func Label(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	l := b.String()
	if len(l) > 63 {
		l = l[:63]
	}
	if l = strings.Trim(l, "-"); l == "" {
		return "function"
	}
	return l
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// HelloWasm is the AssemblyScript starter built to WebAssembly: the
// example `wf dev` deploys, so it works on a machine without npm.
// TestHelloWasmIsBuiltFromTemplate keeps it in step with the source.
//
//go:embed hello.wasm
var HelloWasm []byte

// Package templates holds the starter functions `wf init` writes: a Go
// (GOOS=wasip1) and an AssemblyScript WAGI program that greet the caller.
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
)

//go:embed all:go all:assemblyscript
var files embed.FS

// Langs lists the languages Write accepts.
var Langs = []string{"go", "assemblyscript"}

// LangNames are the languages' names as people write them.
var LangNames = map[string]string{"go": "Go", "assemblyscript": "AssemblyScript"}

// Write writes the starter function for lang into dir, which must not
// exist or be empty. name becomes the module or package name.
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
	data := struct{ Name string }{Name: name}
	return fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
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

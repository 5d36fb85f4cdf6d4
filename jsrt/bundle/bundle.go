// Package bundle bundles a JavaScript or TypeScript worker and everything
// it imports into the one ES module a js function deploys, with esbuild as
// a Go library (no Node at deploy). It is the only package that imports
// esbuild.
package bundle

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Extensions are the file names a worker's entry may end in.
var Extensions = []string{".js", ".mjs", ".ts", ".mts"}

// IsScript reports whether path names a worker source by its extension.
func IsScript(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Bundle returns entry and its imports as one ES module for the js
// runtime's engine: TypeScript compiled, packages resolved the way
// Workers resolves them (the "workerd", "worker" and "browser"
// conditions), syntax lowered to what QuickJS-NG runs. Node built-ins
// (node:*) are not there to import.
func Bundle(entry string) ([]byte, error) {
	abs, err := filepath.Abs(entry)
	if err != nil {
		return nil, err
	}
	return build(entry, api.BuildOptions{EntryPoints: []string{abs}, AbsWorkingDir: filepath.Dir(abs)})
}

// Source is Bundle for one file's contents held in memory (a worker
// uploaded through the dashboard): name's extension says whether it is
// TypeScript. It touches no disk, so it can import only what needs no
// resolving: a relative import fails with esbuild's message.
func Source(name string, src []byte) ([]byte, error) {
	if !IsScript(name) {
		return nil, fmt.Errorf("bundle %s: a worker's name ends in one of %s", name, strings.Join(Extensions, ", "))
	}
	loader := api.LoaderJS
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".ts" || ext == ".mts" {
		loader = api.LoaderTS
	}
	return build(name, api.BuildOptions{Stdin: &api.StdinOptions{Contents: string(src), Sourcefile: name, Loader: loader}})
}

// build bundles with the options every worker gets; o names the input.
func build(entry string, o api.BuildOptions) ([]byte, error) {
	o.Bundle, o.Write = true, false
	o.Format, o.Platform = api.FormatESModule, api.PlatformNeutral
	o.Conditions = []string{"workerd", "worker", "browser"}
	o.MainFields = []string{"browser", "module", "main"}
	o.Target, o.Charset, o.LogLevel = api.ES2023, api.CharsetUTF8, api.LogLevelSilent
	res := api.Build(o)
	if len(res.Errors) > 0 {
		msgs := make([]string, 0, len(res.Errors))
		for _, m := range res.Errors {
			s := m.Text
			if l := m.Location; l != nil {
				s = fmt.Sprintf("%s:%d:%d: %s", l.File, l.Line, l.Column, m.Text)
			}
			msgs = append(msgs, s)
		}
		return nil, fmt.Errorf("bundle %s: %s", entry, strings.Join(msgs, "; "))
	}
	if len(res.OutputFiles) != 1 {
		return nil, errors.New("bundle " + entry + ": esbuild wrote no single output")
	}
	return res.OutputFiles[0].Contents, nil
}

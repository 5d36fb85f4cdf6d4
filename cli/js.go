package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/jsrt/bundle"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// bundleFile bundles a worker deployed as a file (wf deploy worker.ts)
// into a temporary script; remove deletes it.
func bundleFile(path string) (out string, remove func(), err error) {
	b, err := bundle.Bundle(path)
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "wf-bundle-")
	if err != nil {
		return "", nil, err
	}
	out = filepath.Join(dir, "worker.js")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return out, func() { os.RemoveAll(dir) }, nil
}

// markJS makes s a JavaScript function's spec when codePath is a bundled
// script: the required wf.js extension names the engine this wf binary
// carries, which providers list in /v1/info jsEngines.
func markJS(s *wf.Spec, codePath string) error {
	if !bundle.IsScript(codePath) {
		return nil
	}
	x, err := spec.JSExtensionFor(jsrt.Builtin().CID)
	if err != nil {
		return fmt.Errorf("js: %w", err)
	}
	if s.Extensions == nil {
		s.Extensions = map[string]wf.Extension{}
	}
	s.Extensions[spec.JSExtension] = x
	return nil
}

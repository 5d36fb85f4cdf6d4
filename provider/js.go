package provider

import (
	"context"

	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// jsModule resolves what a function compiles: for a JavaScript function
// (wf.js), the engine it names, keyed by the engine's CID so every JS
// function shares one compiled engine, and the prelude carrying its script
// and env (which then reach the worker as its env argument, not as CGI
// variables); for any other function, its code as is, keyed by the code's
// CID and, for a directory, the entry's path in it (specs naming other
// files of one directory run other modules).
func jsModule(s *wf.Spec, code []byte, env map[string]string) (key string, wasm, prelude []byte, err error) {
	engine, ok := spec.JSEngine(s)
	if !ok {
		if s.Code.Entry != "" {
			return s.Code.CID.String() + "/" + s.Code.Entry, code, nil, nil
		}
		return s.Code.CID.String(), code, nil, nil
	}
	e, err := jsrt.Lookup(engine)
	if err != nil {
		return "", nil, nil, err
	}
	if prelude, err = jsrt.Prelude(code, env); err != nil {
		return "", nil, nil, err
	}
	return e.CID.String(), e.Wasm, prelude, nil
}

// compileFunction returns the module a function runs, and whether it is
// JavaScript: a JavaScript function runs a module derived from its compiled
// engine whose snapshot holds the worker already evaluated (jsrt.Derive),
// so its requests pay only for the handler, each on fresh state.
func compileFunction(ctx context.Context, sb *sandbox.Sandbox, s *wf.Spec, code []byte, env map[string]string) (*sandbox.Module, bool, error) {
	key, wasm, prelude, err := jsModule(s, code, env)
	if err != nil {
		return nil, false, err
	}
	m, err := sb.Compile(ctx, key, wasm)
	if err != nil || prelude == nil {
		return m, false, err
	}
	m, err = jsrt.Derive(ctx, sb, m, prelude)
	return m, true, err
}

// jsEngines lists the engines this node runs, for /v1/info.
func jsEngines() []map[string]string {
	e := jsrt.Builtin()
	return []map[string]string{{"cid": e.CID.String(), "name": e.Name}}
}

// cgiEnv is the environment f's module gets as CGI variables: a
// JavaScript function's env goes in its prelude instead (compileFunction).
func (f *function) cgiEnv() map[string]string {
	if f.js {
		return nil
	}
	return f.env
}

// sharedLocked reports whether a loaded function runs m; p.mu is held.
func (p *Provider) sharedLocked(m *sandbox.Module) bool {
	for _, el := range p.loaded {
		if el.Value.(*function).module == m {
			return true
		}
	}
	return false
}

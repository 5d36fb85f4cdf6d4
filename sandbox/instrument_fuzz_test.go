package sandbox_test

import (
	"context"
	"testing"

	"github.com/tetratelabs/wazero"

	"github.com/webfunctions/wf/templates"
)

// FuzzInstrument: the rewrite never panics, and wazero compiles what it
// returns (or refuses it with an error) without crashing the process.
// wazero's decoder trusts counts and lengths in a module (a vector of 2^32
// imports is allocated before it is read, a fatal out-of-memory), so the
// rewrite, which every module passes before wazero sees it, must refuse
// those first.
func FuzzInstrument(f *testing.F) {
	f.Add(templates.HelloWasm)
	f.Add(instrTestModule(nil, nil, []byte{0x00, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b})) // loop br 0 end
	f.Add(everySection(goodNames))
	for _, m := range hostileModules() {
		f.Add(m.wasm)
	}
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	f.Cleanup(func() { rt.Close(ctx) })
	f.Fuzz(func(t *testing.T, wasm []byte) {
		out, _, err := instrument(wasm)
		if err != nil {
			return
		}
		if m, err := rt.CompileModule(ctx, out); err == nil {
			m.Close(ctx)
		}
	})
}

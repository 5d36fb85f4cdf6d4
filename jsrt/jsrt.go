// Package jsrt is the js runtime: JavaScript functions in the Cloudflare
// Workers module syntax (export default { fetch(request, env, ctx) }),
// run by a JavaScript engine that is itself a WASI module in package
// sandbox, so they get the isolation, limits, metering and fresh
// per-request state of every other function.
//
// The engine (engine.wasm) is QuickJS-NG with a small host (engine/),
// built by scripts/build-js-engine from sources fetched through the Go
// module proxy; its hash is pinned in this package's tests. A function's
// spec names the engine by CID in the wf.js extension (see Extension); its
// code is the bundled script (Bundle), never the engine. See docs/js.md.
package jsrt

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

//go:embed engine.wasm
var engine []byte

// Engine is a JavaScript engine a provider runs.
type Engine struct {
	CID  wf.CID // of the module file, as `wf pack` and `ipfs add --cid-version=1` compute it
	Name string // what it is, for /v1/info
	Wasm []byte
}

var (
	engineOnce sync.Once
	builtin    Engine
)

// Builtin returns the engine built into this binary.
func Builtin() Engine {
	engineOnce.Do(func() {
		c, err := dag.AddFile(context.Background(), discard{}, bytes.NewReader(engine))
		if err != nil {
			panic("jsrt: the embedded engine has no CID: " + err.Error())
		}
		builtin = Engine{CID: c, Name: "quickjs-ng 0.10.1 (wf-js 1)", Wasm: engine}
	})
	return builtin
}

// Engines returns the engines this binary runs, by CID.
func Engines() map[wf.CID]Engine {
	e := Builtin()
	return map[wf.CID]Engine{e.CID: e}
}

// Lookup returns the engine c, or an error saying which engines there are.
func Lookup(c wf.CID) (Engine, error) {
	if e, ok := Engines()[c]; ok {
		return e, nil
	}
	return Engine{}, fmt.Errorf("%w: this provider does not run JavaScript engine %s (it runs %s; see /v1/info jsEngines)", wf.ErrInvalid, c, Builtin().CID)
}

type discard struct{}

func (discard) Put(context.Context, wf.CID, []byte) error { return nil }

// MaxScript bounds a bundled script: the prelude carries its length in 32
// bits, and a function's code is far smaller anyway.
const MaxScript = 64 << 20

// Prelude is what the engine reads on stdin before the request body (see
// engine/host.c): a magic line, the script and the worker's env as JSON,
// each after its length as a little-endian uint32.
func Prelude(script []byte, env map[string]string) ([]byte, error) {
	if len(script) > MaxScript {
		return nil, fmt.Errorf("%w: script is %d bytes, limit %d", wf.ErrTooLarge, len(script), MaxScript)
	}
	if env == nil {
		env = map[string]string{}
	}
	ej, err := json.Marshal(env) // keys sorted, so the prelude is deterministic
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, 6+8+len(script)+len(ej))
	b = append(b, "WFJS1\n"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(script)))
	b = append(b, script...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(ej)))
	b = append(b, ej...)
	return b, nil
}

// keySalt keeps Derive's keys from being a hash of the env alone, which
// holds opened secrets: keys appear in errors and logs.
var keySalt = func() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}()

// Derive returns the module a JavaScript function runs: engine (the
// engine compiled by sb, a reactor) with a snapshot of its own, taken once
// the engine has evaluated the Workers surface and prelude's worker
// (Prelude). Each request then starts from that snapshot, so it pays only
// for its handler and still sees none of the state an earlier request
// left. Requests to it carry no Prelude. Functions with the same engine,
// script and env share one module; release it with sb.Release.
func Derive(ctx context.Context, sb *sandbox.Sandbox, engine *sandbox.Module, prelude []byte) (*sandbox.Module, error) {
	h := sha256.New()
	h.Write(keySalt)
	h.Write(prelude)
	return sb.Derive(ctx, "js:"+engine.Key()+":"+hex.EncodeToString(h.Sum(nil)), engine, prelude)
}

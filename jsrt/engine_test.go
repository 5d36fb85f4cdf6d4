package jsrt_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"slices"
	"testing"

	"github.com/webfunctions/wf/jsrt"
)

// The engine's pinned identity. scripts/build-js-engine rebuilds it from
// source, and scripts/test checks that the rebuild gives these bytes
// (build-js-engine --check); change them only with a rebuilt engine.wasm
// (docs/js.md).
const (
	engineSHA256 = "0eda0a170124b1643b9bf957a35c88a00c0f4ae1391911cb4263160d908dfa61"
	engineCID    = "bafybeicoojgq2o5o3yystml6xd5633yh2c7u22bnc4zflwexbxh5xzvyhy"
)

func TestEnginePinned(t *testing.T) {
	e := jsrt.Builtin()
	sum := sha256.Sum256(e.Wasm)
	if got := hex.EncodeToString(sum[:]); got != engineSHA256 {
		t.Fatalf("engine.wasm has sha256 %s, want %s: rebuild it with scripts/build-js-engine and update the pins", got, engineSHA256)
	}
	if e.CID.String() != engineCID {
		t.Fatalf("engine CID %s, want %s", e.CID, engineCID)
	}
}

// TestEngineHasNoFilesystem: the engine imports only WASI's standard
// input and output, clocks, randomness and exit, never a path, directory
// or socket call, and its JavaScript has no std or os module (quickjs-libc
// is not linked). The sandbox preopens nothing anyway; this keeps the
// engine itself honest.
func TestEngineHasNoFilesystem(t *testing.T) {
	imports, err := wasmImports(jsrt.Builtin().Wasm)
	if err != nil {
		t.Fatal(err)
	}
	var allowed []string
	for _, f := range []string{"clock_time_get", "environ_get", "environ_sizes_get", "fd_close", "fd_fdstat_get", "fd_read",
		"fd_seek", "fd_write", "poll_oneoff", "proc_exit", "random_get"} {
		allowed = append(allowed, "wasi_snapshot_preview1."+f)
	}
	for _, im := range imports {
		if !slices.Contains(allowed, im) {
			t.Errorf("the engine imports %s; it may import only %v", im, allowed)
		}
	}

	h := newHarness(t)
	resp, err := h.run(t, `
		let osImport = "none";
		try { await import("os"); osImport = "loaded"; } catch (e) { osImport = String(e); }
		export default { fetch() { return Response.json({
			std: typeof std, os: typeof os, scriptArgs: typeof scriptArgs, print: typeof print, host: typeof __wf_host,
			bjson: typeof bjson, osImport,
		}) } }`, call{})
	if err != nil {
		t.Fatal(err, string(resp.Log))
	}
	want := `{"std":"undefined","os":"undefined","scriptArgs":"undefined","print":"undefined","host":"undefined","bjson":"undefined","osImport":"ReferenceError: cannot import 'os': bundle the worker (wf build) so it has no imports"}`
	if string(resp.Body) != want {
		t.Fatalf("got  %s\nwant %s", resp.Body, want)
	}
}

// wasmImports lists a module's imports as "module.name".
func wasmImports(b []byte) ([]string, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	b = b[8:]
	uleb := func() uint64 {
		v, n := binary.Uvarint(b)
		b = b[n:]
		return v
	}
	name := func() string {
		n := uleb()
		s := string(b[:n])
		b = b[n:]
		return s
	}
	for len(b) > 0 {
		id := b[0]
		b = b[1:]
		size := uleb()
		sec := b[:size]
		rest := b[size:]
		if id == 2 {
			b = sec
			var out []string
			for n := uleb(); n > 0; n-- {
				m, f := name(), name()
				kind := b[0]
				b = b[1:]
				switch kind {
				case 0:
					uleb()
				default:
					return nil, errors.New("non-function import")
				}
				out = append(out, m+"."+f)
			}
			slices.Sort(out)
			return out, nil
		}
		b = rest
	}
	return nil, nil
}

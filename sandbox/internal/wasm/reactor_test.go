package wasm

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// reactorModule is a reactor: it exports wf_http and _initialize, no
// _start, has a mutable and an immutable global, and its code uses
// memory.size and memory.grow (in a loop, at a loop head) and body.
func reactorModule(body ...byte) []byte {
	return module(
		sec(idType, funcType(nil, nil)),
		sec(idFunction, uleb128(0), uleb128(0)),
		sec(idTable, []byte{0x70, 0x00, 0x01}),
		sec(idMemory, memory(2)),
		sec(idGlobal, []byte{0x7f, 0x01, 0x41, 0x07, 0x0b}, []byte{0x7f, 0x00, 0x41, 0x09, 0x0b}),
		sec(idExport, export("wf_http", 0, 0), export("_initialize", 0, 1), export("memory", 2, 0)),
		sec(idCode,
			code(append([]byte{0x03, 0x40, 0x3f, 0x00, 0x1a, 0x0b, 0x41, 0x01, 0x40, 0x00, 0x1a}, body...)...), // loop memory.size drop end; memory.grow 1 drop
			code()),
	)
}

func TestReactorRewrite(t *testing.T) {
	inst, err := Instrument(reactorModule())
	if err != nil {
		t.Fatal(err)
	}
	// The module's mutable global 0, then $stop, $tick and $vpages (2, 3, 4).
	want := []string{"wf:global:0", "wf:stop", "wf:global:3", "wf:global:4"}
	if len(inst.Globals) != len(want) || !inst.Resettable {
		t.Fatalf("globals %v resettable %v", inst.Globals, inst.Resettable)
	}
	for i := range want {
		if inst.Globals[i] != want[i] {
			t.Fatalf("globals %v, want %v", inst.Globals, want)
		}
	}
	// memory.size and memory.grow became calls to $vsize (3) and $vgrow (4),
	// after $slow (2): no memory.size or memory.grow 0 is left in the
	// module's own functions, and $vgrow has the one that grows for real.
	if bytes.Contains(inst.Wasm, []byte{0x03, 0x40, 0x3f, 0x00}) {
		t.Fatal("memory.size left in place")
	}
	if !bytes.Contains(inst.Wasm, []byte{0x10, 0x03, 0x1a}) || !bytes.Contains(inst.Wasm, []byte{0x41, 0x01, 0x10, 0x04, 0x1a}) {
		t.Fatal("no calls to $vsize and $vgrow")
	}
	// A command keeps its memory instructions and exports no globals.
	cmd, err := Instrument(commandModule())
	if err != nil || len(cmd.Globals) != 0 {
		t.Fatalf("%v %v", cmd.Globals, err)
	}
	// Code that changes a table is not resettable.
	for name, body := range map[string][]byte{
		"table.set":  {0x41, 0x00, 0xd0, 0x70, 0x26, 0x00},
		"table.grow": {0xd0, 0x70, 0x41, 0x01, 0xfc, 0x0f, 0x00, 0x1a},
	} {
		inst, err := Instrument(reactorModule(body...))
		if err != nil || inst.Resettable {
			t.Fatalf("%s: resettable %v, %v", name, inst != nil && inst.Resettable, err)
		}
	}
}

// TestVersion: the sandbox keeps rewritten modules on disk under Version.
// When what Instrument writes changes, this fails until Version does (then
// record the new hashes here).
func TestVersion(t *testing.T) {
	want := map[string]string{
		"r1": "3af011a924129264e7bed756435a54b0aa26474784f4c32a78bb1d848b5d94f6", // Instrument only
		"r2": "178a3a87836dbcf0c08f07c57e6cf1475e4222447c3747fad276261e3aaeda3e",
	}
	h := sha256.New()
	withData := module(
		sec(idType, funcType(nil, nil)),
		sec(idFunction, uleb128(0)),
		sec(idMemory, memory(1)),
		sec(idExport, export("_start", 0, 0)),
		sec(idCode, code(0x03, 0x40, 0x0b)),
		sec(idData, cat([]byte{0x00, 0x41, 0x10, 0x0b}, str("ab")), cat([]byte{0x00, 0x41, 0x20, 0x0b}, str("cd"))),
	)
	for _, m := range [][]byte{commandModule(), reactorModule(), withData} {
		for _, instrument := range []func([]byte) (*Instrumented, error){Instrument, InstrumentForReuse} {
			inst, err := instrument(m)
			if err != nil {
				t.Fatal(err)
			}
			h.Write(inst.Wasm)
		}
	}
	got := hex.EncodeToString(h.Sum(nil))
	if want[Version] != got {
		t.Fatalf("Instrument's output for Version %q hashes to %s: if the rewrite changed, change Version and record the hash", Version, got)
	}
}

// TestCommandForReuse: InstrumentForReuse prepares a command as a reactor
// is prepared (globals exported, memory size virtual); Instrument does not.
func TestCommandForReuse(t *testing.T) {
	inst, err := InstrumentForReuse(commandModule())
	if err != nil || len(inst.Globals) != 3 || !inst.Resettable {
		t.Fatalf("%+v %v", inst, err)
	}
}

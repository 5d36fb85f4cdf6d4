package wasm

import (
	"bytes"
	"strings"
	"testing"
)

func TestInstrumentRejects(t *testing.T) {
	mutI32 := []byte{i32, 0x01, 0x41, 0x00, 0x0b}
	body := func(instrs ...byte) []byte { return cat([]byte{0}, instrs, []byte{0x0b}) }
	withGlobal := func(body []byte) []byte { return instrTestModule([][]byte{mutI32}, body) }
	noMemory := func(instrs ...byte) []byte {
		return module(sec(idType, funcType(nil, nil)), sec(idFunction, uleb128(0)), sec(idCode, code(instrs...)))
	}
	for _, tt := range []struct {
		name string
		wasm []byte
		want string
	}{
		// The stop flag is global 1 here. Code that names it would pass
		// validation only after the rewrite, and could clear the flag.
		{"sets the stop global", withGlobal(body(0x41, 0, 0x24, 1)), "global 1 out of range"},
		{"reads the stop global", withGlobal(body(0x23, 1, 0x1a)), "global 1 out of range"},
		{"global index past the end", withGlobal(body(0x23, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x1a)), "out of range"},
		// Function 1 is $slow after the rewrite.
		{"calls the added function", withGlobal(body(0x10, 1)), "function 1 out of range"},
		{"refers to the added function", withGlobal(body(0xd2, 1, 0x1a)), "function 1 out of range"},
		// A module without a memory gets one, for $slow.
		{"memory.size without a memory", noMemory(0x3f, 0, 0x1a), "no memory"},
		{"load without a memory", noMemory(0x41, 0, 0x28, 2, 0, 0x1a), "no memory"},
		{"memory.fill without a memory", noMemory(0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 11, 0), "no memory"},
		{"v128.load without a memory", noMemory(0x41, 0, 0xfd, 0, 4, 0, 0x1a), "no memory"},
		{"threads", withGlobal(body(0xfe, 0x03, 0x00)), "unsupported instruction 0xfe"},
		{"tail call", withGlobal(body(0x12, 0x00)), "unsupported instruction 0x12"},
		{"unknown 0xfc", withGlobal(body(0xfc, 18)), "unsupported instruction 0xfc 18"},
		{"body ends inside a block", withGlobal([]byte{0, 0x02, 0x40, 0x0b}), "ends inside a block"},
		{"bytes after the end", withGlobal([]byte{0, 0x0b, 0x01}), "after the function's end"},
		{"cut-off immediate", withGlobal([]byte{0, 0x41, 0x80}), "truncated"},
		{"not wasm", []byte("\x00asm\x02\x00\x00\x00"), "not a WebAssembly 1.0 binary"},
		{"section out of order", module(sec(idMemory, memory(1)), sec(idType, funcType(nil, nil))), "out of order"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Instrument(tt.wasm)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestInstrumentCustomSections checks DWARF is dropped (the checks move
// code offsets, so its line table would be wrong) and other custom
// sections are kept.
func TestInstrumentCustomSections(t *testing.T) {
	custom := func(name, content string) []byte {
		b := cat(str(name), []byte(content))
		return cat([]byte{idCustom}, uleb128(uint32(len(b))), b)
	}
	wasm := cat(commandModule(), custom(".debug_info", "dwarf"), custom("producers", "toolchain"))
	m, err := Instrument(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(m.Wasm, []byte(".debug_info")) || !bytes.Contains(m.Wasm, []byte("producers")) {
		t.Errorf("custom sections not as expected: % x", m.Wasm)
	}
}

// TestDataGapBudget: merging data segments writes the zeros between them,
// but no more than the section's size (or 64 KiB) in all, however many
// small segments lie just under the gap limit apart.
func TestDataGapBudget(t *testing.T) {
	const n = 20_000
	var segs [][]byte
	for i := range n {
		segs = append(segs, cat([]byte{0x00, 0x41}, SLEB128(int32(i*1025)), []byte{0x0b}, str("x")))
	}
	wasm := module(
		sec(idType, funcType(nil, nil)),
		sec(idFunction, uleb128(0)),
		sec(idMemory, memory(n*1025/65536+1)),
		sec(idExport, export("memory", 2, 0), export("_start", 0, 0)),
		sec(idCode, code()),
		sec(idData, segs...),
	)
	m, err := Instrument(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Wasm) > 3*len(wasm) {
		t.Errorf("rewrite of %d bytes is %d bytes", len(wasm), len(m.Wasm))
	}
	if got := dataSegments(m.Wasm); got >= n {
		t.Errorf("%d segments after merging, want fewer than %d", got, n)
	}
}

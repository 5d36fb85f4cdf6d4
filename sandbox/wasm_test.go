package sandbox_test

import (
	"encoding/binary"

	"github.com/webfunctions/wf/sandbox/internal/wasm"
)

// A tiny wasm encoder for hand-made modules: the WAGI documentation's own
// WAT example and modules a Go toolchain cannot produce (a bare trap,
// foreign imports, no _start). wat2wasm is not assumed to be installed.

// uleb is unsigned LEB128, which is Go's uvarint.
func uleb(n uint32) []byte { return binary.AppendUvarint(nil, uint64(n)) }

// sleb is signed LEB128, for i32.const immediates.
var sleb = wasm.SLEB128

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func vec(items ...[]byte) []byte { return cat(uleb(uint32(len(items))), cat(items...)) }
func str(s string) []byte        { return cat(uleb(uint32(len(s))), []byte(s)) }
func section(id byte, items ...[]byte) []byte {
	body := vec(items...)
	return cat([]byte{id}, uleb(uint32(len(body))), body)
}
func module(sections ...[]byte) []byte {
	return cat([]byte("\x00asm\x01\x00\x00\x00"), cat(sections...))
}

const (
	i32         = 0x7f
	secType     = 1
	secImport   = 2
	secFunction = 3
	secMemory   = 5
	secExport   = 7
	secCode     = 10
	secData     = 11
)

func funcType(params, results []byte) []byte {
	return cat([]byte{0x60}, uleb(uint32(len(params))), params, uleb(uint32(len(results))), results)
}
func importFunc(mod, name string, typeIdx uint32) []byte {
	return cat(str(mod), str(name), []byte{0x00}, uleb(typeIdx))
}
func memory(minPages uint32) []byte { return cat([]byte{0x00}, uleb(minPages)) }
func export(name string, kind byte, idx uint32) []byte {
	return cat(str(name), []byte{kind}, uleb(idx))
}
func code(instrs ...byte) []byte {
	body := cat([]byte{0x00}, instrs, []byte{0x0b}) // no locals; end
	return cat(uleb(uint32(len(body))), body)
}
func data(offset byte, s string) []byte {
	return cat([]byte{0x00, 0x41, offset, 0x0b}, str(s)) // memory 0, i32.const offset
}

// wagiHello is the WAT "hello world" from WAGI's docs/writing_modules.md,
// assembled by hand:
//
//	(module
//	  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
//	  (memory 1)
//	  (export "memory" (memory 0))
//	  (data (i32.const 8) "content-type:text/plain\n\nhello world\n")
//	  (func $main (export "_start")
//	    (i32.store (i32.const 0) (i32.const 8))
//	    (i32.store (i32.const 4) (i32.const 37))
//	    (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 20))
//	    drop))
func wagiHello() []byte {
	return module(
		section(secType,
			funcType([]byte{i32, i32, i32, i32}, []byte{i32}),
			funcType(nil, nil)),
		section(secImport, importFunc("wasi_snapshot_preview1", "fd_write", 0)),
		section(secFunction, uleb(1)),
		section(secMemory, memory(1)),
		section(secExport, export("memory", 2, 0), export("_start", 0, 1)),
		section(secCode, code(
			0x41, 0, 0x41, 8, 0x36, 2, 0, // i32.store [0] = 8
			0x41, 4, 0x41, 37, 0x36, 2, 0, // i32.store [4] = 37
			0x41, 1, 0x41, 0, 0x41, 1, 0x41, 20, 0x10, 0, // call fd_write(1, 0, 1, 20)
			0x1a, // drop
		)),
		section(secData, data(8, "content-type:text/plain\n\nhello world\n")),
	)
}

// commandModule is a WASI command whose _start runs instrs, with a memory of
// minPages and the given extra imports (each of type () -> ()).
func commandModule(minPages uint32, startName string, imports [][2]string, instrs ...byte) []byte {
	var imps [][]byte
	for _, im := range imports {
		imps = append(imps, importFunc(im[0], im[1], 0))
	}
	secs := [][]byte{section(secType, funcType(nil, nil))}
	if len(imps) > 0 {
		secs = append(secs, section(secImport, imps...))
	}
	secs = append(secs,
		section(secFunction, uleb(0)),
		section(secMemory, memory(minPages)),
		section(secExport, export("memory", 2, 0), export(startName, 0, uint32(len(imps)))),
		section(secCode, code(instrs...)),
	)
	return module(secs...)
}

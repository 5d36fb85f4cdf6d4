package wasm

// Hand-made modules for the tests, built with the package's own LEB128
// encoders. The sandbox's tests have a fuller set (sandbox/wasm_test.go);
// these are the few the codec's own tests need.

const i32 = 0x7f

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func str(s string) []byte { return cat(uleb128(uint32(len(s))), []byte(s)) }

func sec(id byte, items ...[]byte) []byte {
	body := cat(uleb128(uint32(len(items))), cat(items...))
	return cat([]byte{id}, uleb128(uint32(len(body))), body)
}

func module(sections ...[]byte) []byte {
	return cat([]byte("\x00asm\x01\x00\x00\x00"), cat(sections...))
}

func funcType(params, results []byte) []byte {
	return cat([]byte{0x60}, uleb128(uint32(len(params))), params, uleb128(uint32(len(results))), results)
}
func memory(minPages uint32) []byte { return cat([]byte{0x00}, uleb128(minPages)) }
func export(name string, kind byte, idx uint32) []byte {
	return cat(str(name), []byte{kind}, uleb128(idx))
}
func code(instrs ...byte) []byte {
	body := cat([]byte{0x00}, instrs, []byte{0x0b}) // no locals; end
	return cat(uleb128(uint32(len(body))), body)
}

// commandModule is a WASI command whose _start does nothing.
func commandModule() []byte {
	return module(
		sec(idType, funcType(nil, nil)),
		sec(idFunction, uleb128(0)),
		sec(idMemory, memory(1)),
		sec(idExport, export("memory", 2, 0), export("_start", 0, 0)),
		sec(idCode, code()),
	)
}

// instrTestModule wraps function bodies (locals already included), all of
// type 0, in a module that gives every instruction something valid to name:
// type 0, function 0, a funcref table, a memory, the given globals, an
// element segment, a passive data segment and a data count.
func instrTestModule(globals [][]byte, bodies ...[]byte) []byte {
	var types, codes [][]byte
	for _, b := range bodies {
		types = append(types, uleb128(0))
		codes = append(codes, cat(uleb128(uint32(len(b))), b))
	}
	return module(
		sec(idType, funcType(nil, nil)),
		sec(idFunction, types...),
		sec(idTable, []byte{0x70, 0x01, 0x01, 0x01}), // funcref, min 1, max 1
		sec(idMemory, memory(1)),
		sec(idGlobal, globals...),
		sec(idElement, []byte{0x00, 0x41, 0x00, 0x0b, 0x01, 0x00}), // active: table 0 at 0 = [func 0]
		cat([]byte{idDataCount}, uleb128(1), uleb128(1)),
		sec(idCode, codes...),
		sec(idData, cat([]byte{0x01}, str("x"))), // passive
	)
}

// dataSegments returns how many data segments a valid module has.
func dataSegments(wasm []byte) int {
	r := &reader{b: wasm, off: 8}
	for r.more() {
		id, body := r.byte(), r.bytes(r.u32())
		if id == idData {
			return int((&reader{b: body}).count())
		}
	}
	return 0
}

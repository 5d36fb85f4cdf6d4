package wasm

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The time limit is enforced inside the guest. Instrument rewrites every
// module before it is compiled: it adds a mutable i32 global $stop,
// exported under a name the module does not use, and a check (checkCode)
// at the entry of every function and at the head of every loop. Run sets
// $stop from another goroutine when the deadline passes, the caller
// cancels, the output limit is hit or the Sandbox closes; the guest traps
// at its next check. Without loops or calls, wasm code runs straight to
// its end, so every way to run long passes a check.
//
// The check also counts down a second global, $tick, and every tickEvery
// checks calls $slow, a function the rewrite appends (after the module's
// own, so no index changes). $slow runs memory.grow 0, which wazero's
// machine code cannot do itself: it returns to Go for it. That is the
// guest's only Go safe point. Go cannot preempt a goroutine running
// wazero's machine code, so without it a garbage collection, which stops
// every goroutine, waited for a spinning guest, and the goroutine that
// would set $stop could not run either: the process hung
// (TestGCWhileGuestRuns). ref.func also returns to Go, but allocates a
// function reference that lives as long as the instance. A module with
// no memory gets one of 0 pages for the memory.grow, and code that uses
// memory is rejected, as wazero would have.
//
// wazero's own WithCloseOnContextDone instead calls out of machine code
// into Go at every loop iteration (wazero issue #2466): about 60 ns each,
// two thirds of the AssemblyScript template's run (2,200 iterations). It
// also checks only loops, so a loop-free recursion tree (f calls f twice,
// 60 deep) was never stopped. Here a check is three loads, a store and two
// branches, measured at 1-2 ns per loop iteration on a loaded machine;
// the counter's store and reload are most of it.
//
// Because the globals and $slow are added by the rewrite, a module whose
// code names a global or function index the original module does not
// define would pass validation only after it, and could clear the flag:
// Instrument rejects such code.
//
// A start section is turned into an export that Run calls itself, after
// it can set the flag: wazero runs a start function inside
// InstantiateModule, before Run holds the instance.
//
// Instrument also merges the active data segments into as few as it can.
// wazero evaluates each segment's offset with allocations at every
// instantiation: the AssemblyScript template has 215 small segments (a
// fifth of its run once the loop exits were gone), the Go test guest
// 36,827 (43,000 allocations per run before, 6,600 after).
//
// The rewrite costs about 16 ms for the 3.3 MB Go test guest, once per
// compile (including a compile answered by the disk cache).
//
// Before any of this, checkSection (structure.go) walks every section, so
// no count or length in the module can make wazero's decoder allocate more
// than the module's size warrants.

// Names of the exports Instrument adds, if the module does not use them.
const (
	stopExportName  = "wf:stop"
	startExportName = "wf:start"
)

// tickEvery is how many checks pass between two exits to Go.
const tickEvery = 1024

// checkCode returns the check placed at every function entry and loop head:
//
//	global.get $stop
//	if
//	  unreachable
//	end
//	global.get $tick
//	i32.eqz
//	if
//	  call $slow
//	end
//	global.get $tick
//	i32.const 1
//	i32.sub
//	global.set $tick
func checkCode(stop, tick, slow uint32) []byte {
	b := append([]byte{0x23}, uleb128(stop)...)
	b = append(b, 0x04, 0x40, 0x00, 0x0b, 0x23)
	b = append(b, uleb128(tick)...)
	b = append(b, 0x45, 0x04, 0x40, 0x10)
	b = append(b, uleb128(slow)...)
	b = append(b, 0x0b, 0x23)
	b = append(b, uleb128(tick)...)
	b = append(b, 0x41, 0x01, 0x6b, 0x24)
	return append(b, uleb128(tick)...)
}

// slowBody returns the code entry (size, no locals, body) of $slow, which
// is not checked itself:
//
//	global.get $stop
//	if
//	  unreachable
//	end
//	i32.const 0
//	memory.grow 0  ;; wazero's machine code exits to Go here
//	drop
//	i32.const tickEvery
//	global.set $tick
func slowBody(stop, tick uint32) []byte {
	b := []byte{0x00, 0x23} // no locals
	b = append(b, uleb128(stop)...)
	b = append(b, 0x04, 0x40, 0x00, 0x0b, 0x41, 0x00, 0x40, 0x00, 0x1a, 0x41)
	b = append(b, SLEB128(tickEvery)...)
	b = append(b, 0x24)
	b = append(b, uleb128(tick)...)
	b = append(b, 0x0b)
	return append(uleb128(uint32(len(b))), b...)
}

// Instrumented is a module rewritten by Instrument.
type Instrumented struct {
	Wasm        []byte
	StopExport  string // export name of the stop global
	StartExport string // export name of the former start function, or ""
	// MinPages is the defined memory's minimum, exported or not.
	MinPages uint32
	// Instructions is how many instructions were decoded, for tests: a
	// wrong immediate length changes it.
	Instructions int
}

// Section ids.
const (
	idCustom    = 0
	idType      = 1
	idImport    = 2
	idFunction  = 3
	idTable     = 4
	idMemory    = 5
	idGlobal    = 6
	idExport    = 7
	idStart     = 8
	idElement   = 9
	idCode      = 10
	idData      = 11
	idDataCount = 12
)

// sectionOrder is the position each known section must take.
var sectionOrder = [...]int{
	idType: 1, idImport: 2, idFunction: 3, idTable: 4, idMemory: 5, idGlobal: 6,
	idExport: 7, idStart: 8, idElement: 9, idDataCount: 10, idCode: 11, idData: 12,
}

type wasmSection struct {
	id   byte
	body []byte
}

// Instrument returns wasm with the stop checks added (see above).
func Instrument(wasm []byte) (*Instrumented, error) {
	const header = "\x00asm\x01\x00\x00\x00"
	if len(wasm) < len(header) || string(wasm[:len(header)]) != header {
		return nil, errors.New("not a WebAssembly 1.0 binary")
	}
	r := &reader{b: wasm, off: len(header)}
	var secs []wasmSection
	info := moduleInfo{voidType: -1, start: -1}
	last := 0
	for r.more() {
		id := r.byte()
		n := r.u32()
		body := r.bytes(n)
		if r.err != nil {
			return nil, r.fail("section")
		}
		if id != idCustom {
			if int(id) >= len(sectionOrder) || sectionOrder[id] == 0 {
				return nil, fmt.Errorf("unknown section %d", id)
			}
			if sectionOrder[id] <= last {
				return nil, fmt.Errorf("section %d out of order", id)
			}
			last = sectionOrder[id]
			if err := checkSection(id, body, &info); err != nil {
				return nil, err
			}
		} else if name, rest, ok := customName(body); !ok {
			return nil, errors.New("malformed custom section")
		} else if strings.HasPrefix(name, ".debug_") {
			// DWARF addresses code by offset, which the checks shift. Wrong
			// source lines in trap traces would be worse than none.
			continue
		} else if name == "name" && !validNames(rest) {
			continue
		}
		secs = append(secs, wasmSection{id, body})
	}

	unused := func(name string) string {
		for i := 0; ; i++ {
			n := name
			if i > 0 {
				n += strconv.Itoa(i)
			}
			if !slices.Contains(info.exportNames, n) {
				info.exportNames = append(info.exportNames, n)
				return n
			}
		}
	}
	out := &Instrumented{StopExport: unused(stopExportName), MinPages: info.memPages}
	funcs := info.importedFuncs + info.definedFuncs
	stopIndex := info.importedGlobals + info.definedGlobals
	tickIndex := stopIndex + 1
	slowIndex := funcs // appended after every function the module has
	check := checkCode(stopIndex, tickIndex, slowIndex)
	var newTypes [][]byte
	voidType := info.voidType
	if voidType < 0 {
		voidType = int(info.types)
		newTypes = append(newTypes, []byte{0x60, 0x00, 0x00})
	}
	newFuncs := [][]byte{uleb128(uint32(voidType))}
	newGlobals := [][]byte{
		{0x7f, 0x01, 0x41, 0x00, 0x0b},                                            // $stop: mut i32 = 0
		slices.Concat([]byte{0x7f, 0x01, 0x41}, SLEB128(tickEvery), []byte{0x0b}), // $tick: mut i32 = tickEvery
	}
	var newExports [][]byte
	newExports = append(newExports, exportEntry(out.StopExport, 0x03, stopIndex))
	var newMemories [][]byte
	if info.memories == 0 {
		// For $slow's memory.grow: 0 pages, at most 0.
		newMemories = append(newMemories, []byte{0x01, 0x00, 0x00})
	}
	if info.start >= 0 {
		out.StartExport = unused(startExportName)
		newExports = append(newExports, exportEntry(out.StartExport, 0x00, uint32(info.start)))
	}

	var (
		code     []byte
		bulkData bool // code uses memory.init or data.drop, which name segments
		res      []wasmSection
	)
	for _, s := range secs {
		if s.id == idCode {
			var err error
			code, bulkData, out.Instructions, err = instrumentCode(s.body, check,
				indexSpaces{globals: stopIndex, funcs: funcs, memory: info.memories > 0}, slowBody(stopIndex, tickIndex))
			if err != nil {
				return nil, err
			}
		}
	}
	if code == nil { // no code section: $slow is the only function
		code = appendVec(nil, [][]byte{slowBody(stopIndex, tickIndex)})
	}
	// Sections that get entries added, in order, and those entries.
	added := []struct {
		id    byte
		items [][]byte
	}{
		{idType, newTypes}, {idFunction, newFuncs}, {idMemory, newMemories}, {idGlobal, newGlobals}, {idExport, newExports},
	}
	emitted := map[byte]bool{}
	// add places a section the module lacks before the first one that must
	// follow it.
	addMissing := func(before int) {
		for _, a := range added {
			if !emitted[a.id] && sectionOrder[a.id] < before && len(a.items) > 0 {
				res = append(res, wasmSection{a.id, appendVec(nil, a.items)})
				emitted[a.id] = true
			}
		}
		if !emitted[idCode] && sectionOrder[idCode] < before {
			res = append(res, wasmSection{idCode, code})
			emitted[idCode] = true
		}
	}
	for _, s := range secs {
		if s.id != idCustom {
			addMissing(sectionOrder[s.id])
		}
		switch s.id {
		case idType, idFunction, idMemory, idGlobal, idExport:
			for _, a := range added {
				if a.id == s.id {
					res = append(res, wasmSection{s.id, extendVec(s.body, a.items)})
				}
			}
			emitted[s.id] = true
		case idStart:
			// Dropped: Run calls the function through its export.
		case idTable:
			res = append(res, wasmSection{idTable, boundTables(s.body)})
		case idCode:
			res = append(res, wasmSection{idCode, code})
			emitted[idCode] = true
		case idData:
			body := s.body
			if info.haveMemory && !bulkData {
				body = mergeData(s.body, uint64(info.memPages)*pageSize)
			}
			res = append(res, wasmSection{idData, body})
		default:
			res = append(res, s)
		}
	}
	addMissing(len(sectionOrder) + 1)
	// A merge changes the number of segments, which DataCount must match.
	if i := slices.IndexFunc(res, func(s wasmSection) bool { return s.id == idDataCount }); i >= 0 {
		if j := slices.IndexFunc(res, func(s wasmSection) bool { return s.id == idData }); j >= 0 {
			res[i].body = uleb128((&reader{b: res[j].body}).count())
		}
	}

	size := len(header)
	for _, s := range res {
		size += 1 + 5 + len(s.body)
	}
	b := make([]byte, 0, size)
	b = append(b, header...)
	for _, s := range res {
		b = append(b, s.id)
		b = append(b, uleb128(uint32(len(s.body)))...)
		b = append(b, s.body...)
	}
	out.Wasm = b
	return out, nil
}

// customName returns a custom section's name and the bytes after it.
func customName(body []byte) (string, []byte, bool) {
	r := &reader{b: body}
	name := r.name()
	return string(name), body[r.off:], r.err == nil
}

func exportEntry(name string, kind byte, index uint32) []byte {
	b := append(uleb128(uint32(len(name))), name...)
	b = append(b, kind)
	return append(b, uleb128(index)...)
}

func appendVec(b []byte, items [][]byte) []byte {
	b = append(b, uleb128(uint32(len(items)))...)
	for _, it := range items {
		b = append(b, it...)
	}
	return b
}

// extendVec appends items to a vector section body. The body has been
// decoded already, so its count is valid.
func extendVec(body []byte, items [][]byte) []byte {
	r := &reader{b: body}
	n := r.u32()
	b := uleb128(n + uint32(len(items)))
	b = append(b, body[r.off:]...)
	return slices.Concat(append([][]byte{b}, items...)...)
}

// indexSpaces is what the module defines and imports itself, before the
// rewrite adds to it: code that names more is rejected.
type indexSpaces struct {
	globals, funcs uint32
	memory         bool
}

// instrumentCode returns the code section with a check at the start of
// every function and every loop and the entry extra appended, and whether
// the code uses memory.init or data.drop.
func instrumentCode(body, check []byte, sp indexSpaces, extra []byte) (out []byte, bulk bool, instructions int, err error) {
	r := &reader{b: body}
	n := r.count()
	out = make([]byte, 0, len(body)+int(n)*len(check)*2+len(extra))
	out = append(out, uleb128(n+1)...)
	var fn []byte
	for i := uint32(0); i < n; i++ {
		size := r.u32()
		fbody := r.bytes(size)
		if r.err != nil {
			return nil, false, 0, r.fail(fmt.Sprintf("code of function %d", i))
		}
		var usesBulk bool
		var count int
		fn, usesBulk, count, err = instrumentFunc(fn[:0], fbody, check, sp)
		if err != nil {
			return nil, false, 0, fmt.Errorf("code of function %d: %w", i, err)
		}
		bulk = bulk || usesBulk
		instructions += count
		out = append(out, uleb128(uint32(len(fn)))...)
		out = append(out, fn...)
	}
	if r.more() {
		return nil, false, 0, errors.New("bytes after the code section's functions")
	}
	return append(out, extra...), bulk, instructions, nil
}

// Immediate kinds of one-byte opcodes, for instrumentFunc.
const (
	immBad     = iota // not a WebAssembly 2.0 instruction
	immNone           // no immediate
	immLEB            // one LEB128 integer
	immLEB2           // two
	immBlock          // block, if: a block type
	immLoop           // loop: a block type; a check follows
	immEnd            // end
	immGlobal         // global.get, global.set: a global index
	immFunc           // call, ref.func: a function index
	immBrTable        // a vector of labels and a default
	immSelect         // select t*: a vector of value types
	immByte           // ref.null: a reference type
	immF32            // 4 bytes
	immF64            // 8 bytes
	immFC             // 0xfc prefix: saturating and bulk memory
	immFD             // 0xfd prefix: SIMD
)

var opImmediates = func() (t [256]uint8) {
	set := func(kind uint8, ops ...int) {
		for _, op := range ops {
			t[op] = kind
		}
	}
	set(immNone, 0x00, 0x01, 0x05, 0x0f, 0x1a, 0x1b, 0xd1) // unreachable, nop, else, return, drop, select, ref.is_null
	for op := 0x45; op <= 0xc4; op++ {                     // numeric, sign extension
		t[op] = immNone
	}
	set(immLEB, 0x0c, 0x0d, 0x20, 0x21, 0x22, 0x25, 0x26, 0x3f, 0x40, // br, br_if, call, ref.func, locals, table.get/set, memory.size/grow
		0x41, 0x42) // i32.const, i64.const
	set(immLEB2, 0x11) // call_indirect
	for op := 0x28; op <= 0x3e; op++ {
		t[op] = immLEB2 // loads and stores: align, offset
	}
	set(immBlock, 0x02, 0x04)
	set(immLoop, 0x03)
	set(immEnd, 0x0b)
	set(immGlobal, 0x23, 0x24)
	set(immFunc, 0x10, 0xd2)
	set(immBrTable, 0x0e)
	set(immSelect, 0x1c)
	set(immByte, 0xd0)
	set(immF32, 0x43)
	set(immF64, 0x44)
	set(immFC, 0xfc)
	set(immFD, 0xfd)
	return t
}()

// boundTables returns a table section (checked by checkSection) in which
// every table has a maximum of at most its minimum or maxTableEntries
// divided among the tables, whichever is more: a guest's table.grow beyond
// fails (-1) instead of making wazero allocate without bound.
func boundTables(body []byte) []byte {
	r := &reader{b: body}
	n := r.count()
	out := uleb128(n)
	for i := uint32(0); i < n; i++ {
		ref := r.byte()
		flags := r.byte()
		lo := r.u32()
		hi := uint32(math.MaxUint32)
		if flags == 0x01 {
			hi = r.u32()
		}
		hi = min(hi, max(lo, uint32(maxTableEntries/n)))
		out = append(append(append(out, ref, 0x01), uleb128(lo)...), uleb128(hi)...)
	}
	return out
}

// plainValType reports whether t is a WebAssembly 2.0 value type.
func plainValType(t byte) bool {
	switch t {
	case 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f: // i32 i64 f32 f64 v128 funcref externref
		return true
	}
	return false
}

// blockType returns the index after the block type at b[i:], or -1 if it
// is not one of WebAssembly 2.0's: empty, a value type, or a type index.
// (wazero also takes reference types of later proposals, with a second
// integer; decoding those differently would desynchronise the two.)
func blockType(b []byte, i int) int {
	if i >= len(b) {
		return len(b) + 1
	}
	if c := b[i]; c == 0x40 || plainValType(c) {
		return i + 1
	}
	if b[i]&0x40 != 0 && b[i]&0x80 == 0 {
		return -1 // another negative one-byte value
	}
	// A type index: a non-negative s33, at most 5 bytes.
	for j := i; j < len(b) && j < i+5; j++ {
		if b[j]&0x80 == 0 {
			if b[j]&0x40 != 0 {
				return -1 // negative
			}
			return j + 1
		}
	}
	return -1
}

// skipLEB returns the index after the LEB128 integer at b[i:], or past
// len(b) if it is cut off. Lengths are not checked: wazero rejects an
// over-long integer, and skipping it whole keeps the instruction boundaries
// wazero sees.
func skipLEB(b []byte, i int) int {
	for i < len(b) && b[i]&0x80 != 0 {
		i++
	}
	return i + 1
}

// readLEB decodes the unsigned LEB128 integer at b[i:], saturating at
// 1<<32 on overflow so a caller's range check fails.
func readLEB(b []byte, i int) (uint64, int) {
	var v uint64
	for shift := 0; i < len(b); shift += 7 {
		c := b[i]
		i++
		if shift < 35 {
			v |= uint64(c&0x7f) << shift
		} else {
			v = 1 << 32
		}
		if c&0x80 == 0 {
			return min(v, 1<<32), i
		}
	}
	return 0, len(b) + 1
}

// instrumentFunc appends body with the checks added to out. It decodes
// every instruction of WebAssembly 2.0 (wazero's default features): an
// instruction it does not know is an error, so no byte of an immediate is
// ever taken for an opcode.
func instrumentFunc(out, body, check []byte, sp indexSpaces) ([]byte, bool, int, error) {
	r := &reader{b: body}
	groups := r.count()
	for i := uint32(0); i < groups && r.err == nil; i++ {
		r.u32()  // count
		r.byte() // type
	}
	if r.err != nil {
		return nil, false, 0, r.fail("locals")
	}
	out = append(out, body[:r.off]...)
	out = append(out, check...)
	b, i, copied := body, r.off, r.off
	depth := 1 // the function's own block
	bulk := false
	count := 0
	for ; depth > 0; count++ {
		if i >= len(b) {
			return nil, false, 0, errors.New("function body ends inside a block")
		}
		at := i
		op := b[i]
		i++
		// The rewrite adds a memory to a module without one: code must
		// not use it.
		mem := op >= 0x28 && op <= 0x40
		switch opImmediates[op] {
		case immNone:
		case immLEB:
			i = skipLEB(b, i)
		case immLEB2:
			i = skipLEB(b, skipLEB(b, i))
		case immBlock:
			if i = blockType(b, i); i < 0 {
				return nil, false, 0, fmt.Errorf("unsupported block type at offset %d", at)
			}
			depth++
		case immLoop:
			if i = blockType(b, i); i < 0 {
				return nil, false, 0, fmt.Errorf("unsupported block type at offset %d", at)
			}
			depth++
			if i <= len(b) {
				out = append(out, b[copied:i]...)
				out = append(out, check...)
				copied = i
			}
		case immEnd:
			depth--
		case immGlobal:
			var idx uint64
			if idx, i = readLEB(b, i); idx >= uint64(sp.globals) && i <= len(b) {
				return nil, false, 0, fmt.Errorf("global %d out of range at offset %d", idx, at)
			}
		case immFunc:
			var idx uint64
			if idx, i = readLEB(b, i); idx >= uint64(sp.funcs) && i <= len(b) {
				return nil, false, 0, fmt.Errorf("function %d out of range at offset %d", idx, at)
			}
		case immBrTable:
			var n uint64
			n, i = readLEB(b, i)
			if n > uint64(len(b)) {
				i = len(b) + 1
			}
			for ; n > 0 && i <= len(b); n-- {
				i = skipLEB(b, i)
			}
			i = skipLEB(b, i)
		case immSelect:
			// Only select with one plain value type: wazero's validator
			// and compiler read the longer forms differently.
			if i+1 >= len(b) || b[i] != 1 || !plainValType(b[i+1]) {
				return nil, false, 0, fmt.Errorf("unsupported typed select at offset %d", at)
			}
			i += 2
		case immByte:
			if i >= len(b) || (b[i] != 0x70 && b[i] != 0x6f) {
				return nil, false, 0, fmt.Errorf("unsupported ref.null type at offset %d", at)
			}
			i++
		case immF32:
			i += 4
		case immF64:
			i += 8
		case immFC:
			var sub uint64
			switch sub, i = readLEB(b, i); {
			case sub <= 7: // saturating truncations
			case sub == 8: // memory.init
				i = skipLEB(b, skipLEB(b, i))
				bulk, mem = true, true
			case sub == 9: // data.drop
				i = skipLEB(b, i)
				bulk = true
			case sub == 10, sub == 12, sub == 14: // memory.copy, table.init, table.copy
				i = skipLEB(b, skipLEB(b, i))
				mem = sub == 10
			case sub == 11, sub == 13, sub >= 15 && sub <= 17: // memory.fill, elem.drop, table.grow/size/fill
				i = skipLEB(b, i)
				mem = sub == 11
			default:
				return nil, false, 0, fmt.Errorf("unsupported instruction 0xfc %d at offset %d", sub, at)
			}
		case immFD:
			// wazero reads the SIMD opcode as one byte, not as the LEB128
			// the specification has (an opcode over 127 is then followed by
			// a 0x01 that wazero runs as nop). Decoding it otherwise would
			// let bytes wazero runs as code pass here as an immediate.
			if i >= len(b) {
				return nil, false, 0, fmt.Errorf("instruction at offset %d: %w", at, errTruncated)
			}
			sub := uint64(b[i])
			i++
			switch {
			case sub <= 11, sub == 92, sub == 93: // loads and stores
				i = skipLEB(b, skipLEB(b, i))
				mem = true
			case sub == 12, sub == 13: // v128.const, i8x16.shuffle
				i += 16
			case sub >= 21 && sub <= 34: // extract and replace lane
				i++
			case sub >= 84 && sub <= 91: // load and store lane
				i = skipLEB(b, skipLEB(b, i)) + 1
				mem = true
			case sub <= 255: // no immediates
			default:
				return nil, false, 0, fmt.Errorf("unsupported instruction 0xfd %d at offset %d", sub, at)
			}
		default:
			return nil, false, 0, fmt.Errorf("unsupported instruction 0x%02x at offset %d", op, at)
		}
		if i > len(b) {
			return nil, false, 0, fmt.Errorf("instruction at offset %d: %w", at, errTruncated)
		}
		if mem && !sp.memory {
			return nil, false, 0, fmt.Errorf("memory instruction at offset %d, but no memory", at)
		}
	}
	if i != len(b) {
		return nil, false, 0, errors.New("bytes after the function's end")
	}
	return append(out, b[copied:]...), bulk, count, nil
}

// maxDataGap is the most zero bytes mergeData writes to join two segments.
const maxDataGap = 1024

const pageSize = 65536 // bytes in a wasm page

// mergeData rewrites a data section whose active segments all have a
// constant offset and lie within memSize, the memory's initial size, so
// that nearby segments become one: the same bytes reach the same memory,
// with fewer offsets for wazero to evaluate. Passive segments are kept.
// Any other section is returned as it is, so wazero reports its errors.
func mergeData(body []byte, memSize uint64) []byte {
	type seg struct {
		off  uint64
		data []byte
	}
	r := &reader{b: body}
	n := r.count()
	active := make([]seg, 0, n)
	var passive [][]byte
	for i := uint32(0); i < n; i++ {
		start := r.off
		switch r.u32() {
		case 0:
			if r.byte() != 0x41 {
				return body
			}
			off := uint64(uint32(r.sleb32()))
			if r.byte() != 0x0b {
				return body
			}
			d := r.bytes(r.u32())
			if r.err != nil || off+uint64(len(d)) > memSize {
				return body
			}
			active = append(active, seg{off, d})
		case 1:
			r.bytes(r.u32())
			passive = append(passive, body[start:r.off])
		default: // an explicit memory index
			return body
		}
		if r.err != nil {
			return body
		}
	}
	if r.more() || len(active) < 2 {
		return body
	}
	// Runs of written bytes closer than maxDataGap are joined; the gap
	// between them keeps its zeros.
	sorted := active
	byOffset := func(a, b seg) int { return cmp.Compare(a.off, b.off) }
	if !slices.IsSortedFunc(active, byOffset) {
		sorted = slices.Clone(active)
		slices.SortStableFunc(sorted, byOffset)
	}
	type span struct{ lo, hi uint64 }
	var spans []span
	// Zeros written for gaps, at most the section's size (or 64 KiB): many
	// one-byte segments 1 KiB apart must not make the rewrite hundreds of
	// times larger than the module.
	zeros := uint64(max(len(body), 1<<16))
	for _, s := range sorted {
		if len(s.data) == 0 {
			continue
		}
		lo, hi := s.off, s.off+uint64(len(s.data))
		if k := len(spans) - 1; k >= 0 && lo <= spans[k].hi+maxDataGap {
			if gap := lo - min(lo, spans[k].hi); gap <= zeros {
				zeros -= gap
				spans[k].hi = max(spans[k].hi, hi)
				continue
			}
		}
		spans = append(spans, span{lo, hi})
	}
	if len(spans)+len(passive) >= int(n) {
		return body
	}
	size := 5
	for _, sp := range spans {
		size += 4 + 5 + 5 + int(sp.hi-sp.lo)
	}
	for _, p := range passive {
		size += len(p)
	}
	b := make([]byte, 0, size)
	b = append(b, uleb128(uint32(len(spans)+len(passive)))...)
	image := make([][]byte, len(spans)) // where each span's bytes are in b
	for i, sp := range spans {
		b = append(b, 0, 0x41)
		b = append(b, SLEB128(int32(uint32(sp.lo)))...)
		b = append(b, 0x0b)
		b = append(b, uleb128(uint32(sp.hi-sp.lo))...)
		at := len(b)
		b = b[:at+int(sp.hi-sp.lo)] // zero: fresh from make
		image[i] = b[at:]
	}
	// In the original order: where segments overlap, the later one wins,
	// as at instantiation.
	for _, s := range active {
		if len(s.data) == 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(spans, s.off, func(sp span, off uint64) int {
			switch {
			case sp.hi <= off:
				return -1
			case sp.lo > off:
				return 1
			}
			return 0
		})
		copy(image[i][s.off-spans[i].lo:], s.data)
	}
	for _, p := range passive {
		b = append(b, p...)
	}
	return b
}

// reader decodes a wasm binary. The first error sticks; reads after it
// return zero values.
type reader struct {
	b   []byte
	off int
	err error
}

var errTruncated = errors.New("truncated")

func (r *reader) more() bool { return r.err == nil && r.off < len(r.b) }

func (r *reader) fail(what string) error {
	if r.err == nil {
		r.err = errors.New("trailing bytes")
	}
	return fmt.Errorf("%s: %v", what, r.err)
}

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.b) {
		r.err = errTruncated
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) bytes(n uint32) []byte {
	if r.err != nil {
		return nil
	}
	if uint64(n) > uint64(len(r.b)-r.off) {
		r.err = errTruncated
		return nil
	}
	b := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return b
}

// u32 reads an unsigned LEB128 of at most 5 bytes.
func (r *reader) u32() uint32 {
	var v uint32
	for i := 0; i < 5; i++ {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		if i == 4 && c > 0x0f {
			r.err = errors.New("integer too large")
			return 0
		}
		v |= uint32(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("integer too long")
	return 0
}

// count reads a vector length, which cannot exceed the bytes left.
func (r *reader) count() uint32 {
	n := r.u32()
	if r.err == nil && uint64(n) > uint64(len(r.b)-r.off) {
		r.err = errors.New("count past the end")
		return 0
	}
	return n
}

// sleb skips a signed LEB128 of at most max bytes.
func (r *reader) sleb(max int) {
	for i := 0; i < max; i++ {
		if r.byte()&0x80 == 0 || r.err != nil {
			return
		}
	}
	r.err = errors.New("integer too long")
}

func (r *reader) sleb32() int32 {
	var v int64
	shift := 0
	for i := 0; i < 5; i++ {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v |= -1 << shift
			}
			return int32(v)
		}
	}
	r.err = errors.New("integer too long")
	return 0
}

// limits reads a memory's limits and returns their flags and minimum.
func (r *reader) limits() (flags byte, min uint32) {
	switch flags = r.byte(); flags {
	case 0x00:
		min = r.u32()
	case 0x01, 0x03:
		min = r.u32()
		r.u32()
	default:
		if r.err == nil {
			r.err = errors.New("unsupported limits")
		}
	}
	return flags, min
}

// uleb128 encodes v as unsigned LEB128, which is Go's uvarint.
func uleb128(v uint32) []byte { return binary.AppendUvarint(nil, uint64(v)) }

// SLEB128 encodes v as signed LEB128 (not Go's varint, which zigzags).
// Exported for the hand-made modules of sandbox's tests.
func SLEB128(v int32) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

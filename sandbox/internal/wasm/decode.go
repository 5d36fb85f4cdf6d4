package wasm

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// header is the magic number and version 1, the binary format of
// WebAssembly 1.0 and 2.0 alike.
const header = "\x00asm\x01\x00\x00\x00"

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

type section struct {
	id   byte
	body []byte
}

// decodeModule splits wasm into its sections, checking each known one
// (checkSection) and recording in the moduleInfo what the rewrite needs.
// DWARF and malformed name sections are left out.
func decodeModule(wasm []byte) ([]section, *moduleInfo, error) {
	if len(wasm) < len(header) || string(wasm[:len(header)]) != header {
		return nil, nil, errors.New("not a WebAssembly 1.0 binary")
	}
	r := &reader{b: wasm, off: len(header)}
	var secs []section
	info := &moduleInfo{voidType: -1, start: -1}
	last := 0
	for r.more() {
		id := r.byte()
		n := r.u32()
		body := r.bytes(n)
		if r.err != nil {
			return nil, nil, r.fail("section")
		}
		if id != idCustom {
			if int(id) >= len(sectionOrder) || sectionOrder[id] == 0 {
				return nil, nil, fmt.Errorf("unknown section %d", id)
			}
			if sectionOrder[id] <= last {
				return nil, nil, fmt.Errorf("section %d out of order", id)
			}
			last = sectionOrder[id]
			if err := checkSection(id, body, info); err != nil {
				return nil, nil, err
			}
		} else if name, rest, ok := customName(body); !ok {
			return nil, nil, errors.New("malformed custom section")
		} else if strings.HasPrefix(name, ".debug_") {
			// DWARF addresses code by offset, which the checks shift. Wrong
			// source lines in trap traces would be worse than none.
			continue
		} else if name == "name" && !validNames(rest) {
			continue
		}
		secs = append(secs, section{id, body})
	}
	return secs, info, nil
}

// customName returns a custom section's name and the bytes after it.
func customName(body []byte) (string, []byte, bool) {
	r := &reader{b: body}
	name := r.name()
	return string(name), body[r.off:], r.err == nil
}

// validNames reports whether a "name" custom section's body (after its
// name) has the structure wazero decodes: subsections whose contents fill
// exactly their stated sizes (wazero reads the module, function and local
// names without regard to those sizes), with bounded counts and UTF-8
// names. A malformed name section is dropped, not refused: the spec
// (Appendix 7.4) has implementations ignore it, and names only make traces
// readable.
func validNames(body []byte) bool {
	r := &reader{b: body}
	for r.more() {
		id := r.byte()
		s := &reader{b: r.bytes(r.u32())}
		switch id {
		case 0: // module name
			s.utf8()
		case 1: // function names
			s.nameMap()
		case 2: // local names
			for n := s.count(); n > 0 && s.err == nil; n-- {
				s.u32() // function index
				s.nameMap()
			}
		default:
			// wazero skips other subsections by their size.
			continue
		}
		if s.err != nil || s.more() {
			return false
		}
	}
	return r.err == nil
}

// wazero's binary decoder trusts the counts and lengths in a module: it
// allocates a vector of 2^32 elements before reading the first, and a
// 15-byte module ends the process with a fatal out-of-memory (not a panic).
// checkSection walks each known section's structure first, so every count
// wazero allocates from is at most the bytes left in its section (each
// element takes at least one byte) and every length lies within it.
// Value types, reference types and constant expressions are those of
// WebAssembly 2.0, wazero's default features, like decodeFunc's
// instructions.

// maxFunctionLocals is the most locals one function may declare, the limit
// browsers use. wazero allocates one value type per local before it reads
// the body, and a count of 2^32 takes five bytes.
const maxFunctionLocals = 50_000

// maxModuleLocals bounds the locals of all functions together: at the
// per-function limit, each function adds 50,000 bytes to the decoded module
// for a few bytes of code.
const maxModuleLocals = 1 << 24

// maxTableEntries bounds what a module's tables may start with, together.
// wazero allocates a table's minimum at instantiation and grows it, outside
// the memory limit, up to its maximum (8 bytes an entry); the rewrite also
// lowers each table's maximum (boundTables), so growth is bounded too.
const maxTableEntries = 1 << 20

// checkSection returns an error if a non-custom section's structure would
// make wazero allocate beyond the module's size, and records in info what
// the section says that Instrument needs.
func checkSection(id byte, body []byte, info *moduleInfo) error {
	r := &reader{b: body}
	var what string
	switch id {
	case idType:
		what = "type section"
		info.types = r.count()
		for i := uint32(0); i < info.types && r.err == nil; i++ {
			at := r.off
			if r.byte() != 0x60 && r.err == nil {
				r.err = errors.New("not a function type")
			}
			r.valTypes() // parameters
			r.valTypes() // results
			if info.voidType < 0 && r.off-at == 3 {
				info.voidType = int(i) // three bytes: () -> ()
			}
		}
	case idImport:
		what = "import section"
		for n := r.count(); n > 0 && r.err == nil; n-- {
			r.name() // module
			r.name() // name
			switch r.byte() {
			case 0x00: // func
				r.u32()
				info.importedFuncs++
			case 0x01: // table
				r.tableType()
			case 0x02: // memory
				r.limits()
				info.memories++
			case 0x03: // global
				r.globalType()
				info.importedGlobals++
			default:
				if r.err == nil {
					r.err = errors.New("unknown import kind")
				}
			}
		}
	case idFunction:
		what = "function section"
		info.definedFuncs = r.count()
		for n := info.definedFuncs; n > 0 && r.err == nil; n-- {
			r.u32()
		}
	case idTable:
		what = "table section"
		var entries uint64
		for n := r.count(); n > 0 && r.err == nil; n-- {
			if entries += r.tableType(); entries > maxTableEntries && r.err == nil {
				r.err = fmt.Errorf("tables of more than %d entries in all at the start", maxTableEntries)
			}
		}
	case idMemory:
		what = "memory section"
		n := r.count()
		info.memories += n
		for i := uint32(0); i < n && r.err == nil; i++ {
			// Shared memories are left alone: wazero refuses them.
			if flags, pages := r.limits(); i == 0 && flags <= 1 {
				info.memPages, info.haveMemory = pages, true
			}
		}
	case idGlobal:
		what = "global section"
		info.definedGlobals = r.count()
		for i := uint32(0); i < info.definedGlobals && r.err == nil; i++ {
			if r.globalType() {
				info.mutableGlobals = append(info.mutableGlobals, info.importedGlobals+i)
			}
			r.constExpr()
		}
	case idExport:
		what = "export section"
		for n := r.count(); n > 0 && r.err == nil; n-- {
			info.exportNames = append(info.exportNames, string(r.name()))
			if r.byte() > 0x03 && r.err == nil {
				r.err = errors.New("unknown export kind")
			}
			r.u32()
		}
	case idStart:
		what = "start section"
		info.start = int(r.u32())
	case idElement:
		what = "element section"
		for n := r.count(); n > 0 && r.err == nil; n-- {
			r.elementSegment()
		}
	case idDataCount:
		what = "data count section"
		r.u32()
	case idCode:
		what = "code section"
		var total uint64
		for n := r.count(); n > 0 && r.err == nil; n-- {
			f := &reader{b: r.bytes(r.u32())}
			total += f.locals()
			if f.err != nil {
				r.err = f.err
			} else if total > maxModuleLocals {
				r.err = fmt.Errorf("more than %d locals in all functions", maxModuleLocals)
			}
		}
	case idData:
		what = "data section"
		for n := r.count(); n > 0 && r.err == nil; n-- {
			switch r.u32() {
			case 0: // active, memory 0
				r.constExpr()
			case 1: // passive
			case 2: // active, explicit memory
				r.u32()
				r.constExpr()
			default:
				if r.err == nil {
					r.err = errors.New("unknown data segment kind")
				}
			}
			r.bytes(r.u32())
		}
	default:
		return fmt.Errorf("unknown section %d", id)
	}
	if r.err != nil || r.more() {
		return r.fail(what)
	}
	return nil
}

// Immediate kinds of one-byte opcodes, for decodeFunc.
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

// uses is what a function body does that changes how its module is
// rewritten or run.
type uses uint8

const (
	// usesBulk: memory.init or data.drop, which name data segments, so
	// the segments are not merged.
	usesBulk uses = 1 << iota
	// usesInstanceState: an instruction that changes instance state other
	// than memory and globals (table.set, table.grow, table.fill,
	// table.init, table.copy, elem.drop, data.drop), so restoring memory
	// and globals does not restore the instance.
	usesInstanceState
)

// memOp is a memory.size or memory.grow instruction in a function body,
// at body[at:end].
type memOp struct {
	at, end int
	grow    bool
}

// decodeFunc checks a function body and appends to heads where checks go:
// after the locals and after each loop's block type. It also reports
// what the body uses that the rewrite or the sandbox must know of (uses),
// and how many
// instructions it has. It decodes every instruction of WebAssembly 2.0
// (wazero's default features): an instruction it does not know is an
// error, so no byte of an immediate is ever taken for an opcode. If ops is
// not nil, the body's memory.size and memory.grow are appended to it.
func decodeFunc(body []byte, sp indexSpaces, heads []int, ops *[]memOp) ([]int, uses, int, error) {
	r := &reader{b: body}
	groups := r.count()
	for i := uint32(0); i < groups && r.err == nil; i++ {
		r.u32()  // count
		r.byte() // type
	}
	if r.err != nil {
		return nil, 0, 0, r.fail("locals")
	}
	heads = append(heads, r.off)
	b, i := body, r.off
	depth := 1 // the function's own block
	var bulk uses
	count := 0
	for ; depth > 0; count++ {
		if i >= len(b) {
			return nil, 0, 0, errors.New("function body ends inside a block")
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
			if op == 0x26 { // table.set
				bulk |= usesInstanceState
			}
			i = skipLEB(b, i)
			if (op == 0x3f || op == 0x40) && ops != nil { // memory.size, memory.grow
				*ops = append(*ops, memOp{at: at, end: i, grow: op == 0x40})
			}
		case immLEB2:
			i = skipLEB(b, skipLEB(b, i))
		case immBlock:
			if i = blockType(b, i); i < 0 {
				return nil, 0, 0, fmt.Errorf("unsupported block type at offset %d", at)
			}
			depth++
		case immLoop:
			if i = blockType(b, i); i < 0 {
				return nil, 0, 0, fmt.Errorf("unsupported block type at offset %d", at)
			}
			depth++
			heads = append(heads, i) // past the end only if truncated: an error below
		case immEnd:
			depth--
		case immGlobal:
			var idx uint64
			if idx, i = readLEB(b, i); idx >= uint64(sp.globals) && i <= len(b) {
				return nil, 0, 0, fmt.Errorf("global %d out of range at offset %d", idx, at)
			}
		case immFunc:
			var idx uint64
			if idx, i = readLEB(b, i); idx >= uint64(sp.funcs) && i <= len(b) {
				return nil, 0, 0, fmt.Errorf("function %d out of range at offset %d", idx, at)
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
				return nil, 0, 0, fmt.Errorf("unsupported typed select at offset %d", at)
			}
			i += 2
		case immByte:
			if i >= len(b) || (b[i] != 0x70 && b[i] != 0x6f) {
				return nil, 0, 0, fmt.Errorf("unsupported ref.null type at offset %d", at)
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
				bulk, mem = bulk|usesBulk, true
			case sub == 9: // data.drop
				i = skipLEB(b, i)
				bulk |= usesBulk | usesInstanceState
			case sub == 10, sub == 12, sub == 14: // memory.copy, table.init, table.copy
				i = skipLEB(b, skipLEB(b, i))
				mem = sub == 10
				if !mem {
					bulk |= usesInstanceState
				}
			case sub == 11, sub == 13, sub >= 15 && sub <= 17: // memory.fill, elem.drop, table.grow/size/fill
				i = skipLEB(b, i)
				mem = sub == 11
				if sub == 13 || sub == 15 || sub == 17 {
					bulk |= usesInstanceState
				}
			default:
				return nil, 0, 0, fmt.Errorf("unsupported instruction 0xfc %d at offset %d", sub, at)
			}
		case immFD:
			// wazero reads the SIMD opcode as one byte, not as the LEB128
			// the specification has (an opcode over 127 is then followed by
			// a 0x01 that wazero runs as nop). Decoding it otherwise would
			// let bytes wazero runs as code pass here as an immediate.
			if i >= len(b) {
				return nil, 0, 0, fmt.Errorf("instruction at offset %d: %w", at, errTruncated)
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
				return nil, 0, 0, fmt.Errorf("unsupported instruction 0xfd %d at offset %d", sub, at)
			}
		default:
			return nil, 0, 0, fmt.Errorf("unsupported instruction 0x%02x at offset %d", op, at)
		}
		if i > len(b) {
			return nil, 0, 0, fmt.Errorf("instruction at offset %d: %w", at, errTruncated)
		}
		if mem && !sp.memory {
			return nil, 0, 0, fmt.Errorf("memory instruction at offset %d, but no memory", at)
		}
	}
	if i != len(b) {
		return nil, 0, 0, errors.New("bytes after the function's end")
	}
	return heads, bulk, count, nil
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

// locals reads a function's local declarations and returns how many locals
// they declare, at most maxFunctionLocals.
func (r *reader) locals() uint64 {
	var sum uint64
	for n := r.count(); n > 0 && r.err == nil; n-- {
		sum += uint64(r.u32())
		r.valType()
		if sum > maxFunctionLocals && r.err == nil {
			r.err = fmt.Errorf("more than %d locals in a function", maxFunctionLocals)
		}
	}
	return sum
}

func (r *reader) name() []byte { return r.bytes(r.u32()) }

func (r *reader) utf8() {
	if b := r.name(); r.err == nil && !utf8.Valid(b) {
		r.err = errors.New("name is not UTF-8")
	}
}

func (r *reader) nameMap() {
	for n := r.count(); n > 0 && r.err == nil; n-- {
		r.u32()
		r.utf8()
	}
}

func (r *reader) valType() {
	if !plainValType(r.byte()) && r.err == nil {
		r.err = errors.New("unknown value type")
	}
}

// valTypes reads a vector of value types, one byte each.
func (r *reader) valTypes() {
	for n := r.count(); n > 0 && r.err == nil; n-- {
		r.valType()
	}
}

func (r *reader) refType() {
	switch r.byte() {
	case 0x70, 0x6f:
	default:
		if r.err == nil {
			r.err = errors.New("unknown reference type")
		}
	}
}

// tableType reads a table type and returns its minimum size.
func (r *reader) tableType() uint64 {
	r.refType()
	flags := r.byte()
	min := uint64(r.u32())
	switch flags {
	case 0x00:
	case 0x01:
		r.u32()
	default:
		if r.err == nil {
			r.err = errors.New("unsupported table limits")
		}
	}
	return min
}

// globalType reads a global's type and reports whether it is mutable.
func (r *reader) globalType() bool {
	r.valType()
	mut := r.byte()
	if mut > 1 && r.err == nil {
		r.err = errors.New("unknown global mutability")
	}
	return mut == 1
}

// constExpr reads instructions up to an end as wazero does; validation
// decides which sequences are constant.
func (r *reader) constExpr() {
	for r.err == nil {
		switch r.byte() {
		case 0x0b: // end
			return
		case 0x41: // i32.const
			r.sleb(5)
		case 0x42: // i64.const
			r.sleb(10)
		case 0x43: // f32.const
			r.bytes(4)
		case 0x44: // f64.const
			r.bytes(8)
		case 0x23, 0xd2: // global.get, ref.func
			r.u32()
		case 0xd0: // ref.null
			r.refType()
		case 0xfd: // v128.const: wazero reads the opcode as one byte
			if r.byte() != 12 && r.err == nil {
				r.err = errors.New("not a constant instruction")
			}
			r.bytes(16)
		default:
			if r.err == nil {
				r.err = errors.New("not a constant instruction")
			}
		}
	}
}

func (r *reader) elemKind() {
	if r.byte() != 0x00 && r.err == nil {
		r.err = errors.New("unknown element kind")
	}
}

// elementSegment reads one of the eight element segment encodings: bit 0
// passive or declarative, bit 1 an explicit table index (active) or
// declarative, bit 2 expressions rather than function indices.
func (r *reader) elementSegment() {
	flags := r.u32()
	if r.err != nil {
		return
	}
	if flags > 7 {
		r.err = errors.New("unknown element segment kind")
		return
	}
	active := flags&1 == 0
	if active && flags&2 != 0 {
		r.u32() // table index
	}
	if active {
		r.constExpr() // offset
	}
	exprs := flags&4 != 0
	if flags&3 != 0 { // not the short active forms 0 and 4
		if exprs {
			r.refType()
		} else {
			r.elemKind()
		}
	}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		if exprs {
			r.constExpr()
		} else {
			r.u32()
		}
	}
}

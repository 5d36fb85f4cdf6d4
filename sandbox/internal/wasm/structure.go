package wasm

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// wazero's binary decoder trusts the counts and lengths in a module: it
// allocates a vector of 2^32 elements before reading the first, and a
// 15-byte module ends the process with a fatal out-of-memory (not a panic).
// checkSection walks each known section's structure first, so every count
// wazero allocates from is at most the bytes left in its section (each
// element takes at least one byte) and every length lies within it.
// Value types, reference types and constant expressions are those of
// WebAssembly 2.0, wazero's default features, like instrumentFunc's
// instructions.

// maxFunctionLocals is the most locals one function may declare, the limit
// browsers use. wazero allocates one value type per local before it reads
// the body, and a count of 2^32 takes five bytes.
const maxFunctionLocals = 50_000

// maxModuleLocals bounds the locals of all functions together: at the
// per-function limit, each function adds 50,000 bytes to the decoded module
// for a few bytes of code.
const maxModuleLocals = 1 << 24

// moduleInfo is what Instrument needs to know of a module's sections,
// recorded by checkSection as it walks them.
type moduleInfo struct {
	importedFuncs, definedFuncs     uint32
	importedGlobals, definedGlobals uint32
	memories                        uint32 // imported and defined
	types                           uint32 // type section entries
	voidType                        int    // index of the first () -> () type, or -1
	exportNames                     []string
	memPages                        uint32 // the defined memory's minimum
	haveMemory                      bool
	start                           int // the start function, or -1
}

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
		for n := info.definedGlobals; n > 0 && r.err == nil; n-- {
			r.globalType()
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

// maxTableEntries bounds what a module's tables may start with, together.
// wazero allocates a table's minimum at instantiation and grows it, outside
// the memory limit, up to its maximum (8 bytes an entry); the rewrite also
// lowers each table's maximum (boundTables), so growth is bounded too.
const maxTableEntries = 1 << 20

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

func (r *reader) globalType() {
	r.valType()
	if r.byte() > 1 && r.err == nil {
		r.err = errors.New("unknown global mutability")
	}
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

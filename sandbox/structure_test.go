package sandbox_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// rawSection is a section with body as it is, for bodies that are not a
// well-formed vector.
func rawSection(id byte, body ...[]byte) []byte {
	b := cat(body...)
	return cat([]byte{id}, uleb(uint32(len(b))), b)
}

// huge is a count or length of 2^32-1.
var huge = uleb(0xffffffff)

const (
	secTable     = 4
	secGlobal    = 6
	secStart     = 8
	secElement   = 9
	secDataCount = 12
	i64          = 0x7e
	f32          = 0x7d
	f64          = 0x7c
	v128         = 0x7b
	funcref      = 0x70
	externref    = 0x6f
)

// nameSection is a "name" custom section with the given subsections.
func nameSection(subsections ...[]byte) []byte {
	return rawSection(0, str("name"), cat(subsections...))
}

func subsection(id byte, body ...[]byte) []byte {
	b := cat(body...)
	return cat([]byte{id}, uleb(uint32(len(b))), b)
}

// goodNames names the module, the imported function, _start and a local.
var goodNames = nameSection(
	subsection(0, str("every")),
	subsection(1, uleb(2), uleb(0), str("fd_write"), uleb(1), str("main")),
	subsection(2, uleb(1), uleb(1), uleb(1), uleb(0), str("x")),
	subsection(9, []byte{1, 2, 3}), // an extended-name subsection: skipped
)

// everySection is a valid module with every section kind, every element
// and data segment encoding and every constant instruction.
func everySection(names []byte) []byte {
	refFunc := func(i byte) []byte { return []byte{0xd2, i, 0x0b} }
	return module(
		section(secType,
			funcType([]byte{i32, i32, i32, i32}, []byte{i32}),
			funcType(nil, nil)),
		section(secImport, importFunc("wasi_snapshot_preview1", "fd_write", 0)),
		section(secFunction, uleb(1), uleb(1)), // 1 _start, 2 the start function
		section(secTable, []byte{funcref, 0x01, 4, 4}, []byte{externref, 0x01, 1, 2}),
		section(secMemory, memory(1)),
		section(secGlobal,
			[]byte{i32, 0x01, 0x41, 0x00, 0x0b},
			[]byte{i64, 0x00, 0x42, 0x80, 0x7f, 0x0b},
			cat([]byte{f32, 0x00, 0x43}, make([]byte, 4), []byte{0x0b}),
			cat([]byte{f64, 0x00, 0x44}, make([]byte, 8), []byte{0x0b}),
			cat([]byte{v128, 0x00, 0xfd, 12}, make([]byte, 16), []byte{0x0b}),
			cat([]byte{funcref, 0x00}, refFunc(1)),
			[]byte{externref, 0x00, 0xd0, externref, 0x0b},
		),
		section(secExport, export("memory", 2, 0), export("_start", 0, 1)),
		rawSection(secStart, uleb(2)),
		section(secElement,
			[]byte{0, 0x41, 0, 0x0b, 1, 1},                                        // active, table 0, function indices
			[]byte{1, 0x00, 1, 2},                                                 // passive
			[]byte{2, 0, 0x41, 1, 0x0b, 0x00, 1, 2},                               // active, explicit table
			[]byte{3, 0x00, 1, 1},                                                 // declarative
			cat([]byte{4, 0x41, 2, 0x0b, 1}, refFunc(1)),                          // active, expressions
			[]byte{5, funcref, 1, 0xd0, funcref, 0x0b},                            // passive, expressions
			cat([]byte{6, 1, 0x41, 0, 0x0b, externref, 1, 0xd0, externref, 0x0b}), // table 1
			cat([]byte{7, funcref, 1}, refFunc(2)),                                // declarative, expressions
		),
		rawSection(secDataCount, uleb(3)),
		section(secCode,
			cat(uleb(4), []byte{1, 2, i32, 0x0b}), // two locals
			code()),
		section(secData,
			data(0, "a"),
			cat([]byte{1}, str("b")),
			cat([]byte{2, 0, 0x41, 8, 0x0b}, str("c"))),
		names,
	)
}

func TestEverySection(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	wasm := everySection(goodNames)
	if _, err := sb.Compile(ctx, "every", wasm); err != nil {
		t.Fatal(err)
	}
	out, _, err := instrument(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, goodNames) {
		t.Error("a valid name section was not kept")
	}
}

type hostileModule struct {
	name string
	wasm []byte
	want string // instrument's error
}

// hostileModules has, for each place wazero's decoder allocates from a
// count or length, a module that states 2^32-1 there (or too many locals).
func hostileModules() []hostileModule {
	locals := func(groups ...[]byte) []byte {
		body := cat(uleb(uint32(len(groups))), cat(groups...), []byte{0x0b})
		return section(secCode, cat(uleb(uint32(len(body))), body))
	}
	group := func(n uint32) []byte { return cat(uleb(n), []byte{i32}) }
	elem := func(prefix ...byte) []byte { return rawSection(secElement, uleb(1), prefix, huge) }
	dataSeg := func(prefix ...byte) []byte { return rawSection(secData, uleb(1), prefix, huge) }
	tests := []hostileModule{
		{"types", module(rawSection(secType, huge)), "type section: count past the end"},
		{"params", module(rawSection(secType, uleb(1), []byte{0x60}, huge, []byte{0})), "type section: count past the end"},
		{"results", module(rawSection(secType, uleb(1), []byte{0x60, 0}, huge)), "type section: count past the end"},
		{"rec group", module(rawSection(secType, uleb(1), []byte{0x4e}, huge)), "type section: not a function type"},
		{"imports", module(rawSection(secImport, huge)), "import section: count past the end"},
		{"import module", module(rawSection(secImport, uleb(1), huge, []byte("env"))), "import section: truncated"},
		{"import name", module(rawSection(secImport, uleb(1), str("env"), huge)), "import section: truncated"},
		{"functions", module(rawSection(secFunction, huge)), "function section: count past the end"},
		{"tables", module(rawSection(secTable, huge)), "table section: count past the end"},
		{"memories", module(rawSection(secMemory, huge)), "memory section: count past the end"},
		{"globals", module(rawSection(secGlobal, huge)), "global section: count past the end"},
		{"exports", module(rawSection(secExport, huge)), "export section: count past the end"},
		{"export name", module(rawSection(secExport, uleb(1), huge, []byte{0, 0})), "export section: truncated"},
		// The brief's 15 bytes: header, element section of 2^32-1 segments.
		{"elements", []byte("\x00asm\x01\x00\x00\x00\x09\x05\xff\xff\xff\xff\x0f"), "element section: count past the end"},
		{"element 0", module(elem(0, 0x41, 0, 0x0b)), "element section: count past the end"},
		{"element 1", module(elem(1, 0x00)), "element section: count past the end"},
		{"element 2", module(elem(2, 0, 0x41, 0, 0x0b, 0x00)), "element section: count past the end"},
		{"element 3", module(elem(3, 0x00)), "element section: count past the end"},
		{"element 4", module(elem(4, 0x41, 0, 0x0b)), "element section: count past the end"},
		{"element 5", module(elem(5, funcref)), "element section: count past the end"},
		{"element 6", module(elem(6, 0, 0x41, 0, 0x0b, funcref)), "element section: count past the end"},
		{"element 7", module(elem(7, funcref)), "element section: count past the end"},
		{"element 8", module(elem(8)), "element section: unknown element segment kind"},
		{"codes", module(rawSection(secCode, huge)), "code section: count past the end"},
		{"code size", module(rawSection(secCode, uleb(1), huge)), "code section: truncated"},
		{"local groups", module(rawSection(secCode, uleb(1), uleb(6), huge, []byte{0x0b})), "code section: count past the end"},
		{"locals", module(locals(group(0xffffffff))), "code section: more than 50000 locals in a function"},
		{"locals summed", module(locals(group(30000), group(30000))), "code section: more than 50000 locals in a function"},
		{"data", module(rawSection(secData, huge)), "data section: count past the end"},
		{"data init 0", module(dataSeg(0, 0x41, 0, 0x0b)), "data section: truncated"},
		{"data init 1", module(dataSeg(1)), "data section: truncated"},
		{"data init 2", module(dataSeg(2, 0, 0x41, 0, 0x0b)), "data section: truncated"},
	}
	// Functions at the per-function limit, 2^24 locals in all.
	var many [][]byte
	for range 1<<24/50_000 + 1 {
		body := cat(uleb(1), group(50_000), []byte{0x0b})
		many = append(many, cat(uleb(uint32(len(body))), body))
	}
	return append(tests, hostileModule{"locals in all functions", module(section(secCode, many...)),
		"code section: more than 16777216 locals in all functions"})
}

// TestHostileCounts: Compile refuses each of hostileModules quickly as
// invalid. Without the structure checks the process dies of a fatal
// out-of-memory.
func TestHostileCounts(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	for _, tt := range hostileModules() {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := sb.Compile(ctx, tt.name, tt.wasm)
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("Compile took %v", elapsed)
			}
			if !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("Compile: %v, want wf.ErrInvalid", err)
			}
			if want := "invalid WebAssembly module: " + tt.want; !strings.Contains(err.Error(), want) {
				t.Errorf("Compile: %v, want %q", err, want)
			}
		})
	}
}

// TestLocalsLimit: a function may have exactly 50,000 locals.
func TestLocalsLimit(t *testing.T) {
	body := cat(uleb(2), uleb(49_999), []byte{i32}, uleb(1), []byte{i64, 0x0b})
	wasm := module(
		section(secType, funcType(nil, nil)),
		section(secFunction, uleb(0)),
		section(secMemory, memory(1)),
		section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
		section(secCode, cat(uleb(uint32(len(body))), body)),
	)
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	if _, err := sb.Compile(ctx, "locals", wasm); err != nil {
		t.Fatal(err)
	}
}

// TestMalformedNames: a name section wazero would misread is dropped, and
// the module still compiles.
func TestMalformedNames(t *testing.T) {
	tests := []struct {
		name string
		sec  []byte
	}{
		{"module name length", nameSection(subsection(0, huge))},
		{"function names", nameSection(subsection(1, huge))},
		{"function name length", nameSection(subsection(1, uleb(1), uleb(0), huge))},
		{"local names", nameSection(subsection(2, huge))},
		{"locals of a function", nameSection(subsection(2, uleb(1), uleb(0), huge))},
		{"local name length", nameSection(subsection(2, uleb(1), uleb(0), uleb(1), uleb(0), huge))},
		{"subsection size", nameSection([]byte{1, 1}, uleb(1), uleb(0), str("f"))},
		{"subsection past the end", nameSection([]byte{0}, huge)},
		{"not UTF-8", nameSection(subsection(0, str("\xff")))},
	}
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wasm := everySection(tt.sec)
			out, _, err := instrument(wasm)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(out, []byte("\x04name")) {
				t.Error("malformed name section kept")
			}
			if _, err := sb.Compile(ctx, tt.name, wasm); err != nil {
				t.Fatal(err)
			}
		})
	}
}

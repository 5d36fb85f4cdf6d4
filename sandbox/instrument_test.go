package sandbox_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/sandbox/internal/wasm"
	"github.com/webfunctions/wf/wf"
)

// instrument is the rewrite Compile applies, returning the rewritten module
// and how many instructions it decoded.
func instrument(bin []byte) ([]byte, int, error) {
	m, err := wasm.Instrument(bin)
	if err != nil {
		return nil, 0, err
	}
	return m.Wasm, m.Instructions, nil
}

// dataSegments returns how many data segments a valid module has.
func dataSegments(bin []byte) int {
	for b := bin[8:]; len(b) > 0; {
		size, n := binary.Uvarint(b[1:])
		body := b[1+n : 1+n+int(size)]
		if b[0] == secData {
			count, _ := binary.Uvarint(body)
			return int(count)
		}
		b = b[1+n+int(size):]
	}
	return 0
}

// instrTestModule wraps function bodies (locals already included), all of
// type 0, in a module that gives every instruction something valid to name:
// type 0, function 0, a funcref table, a memory, one mutable i32 global, an
// element segment, a passive data segment and a data count.
func instrTestModule(globals [][]byte, exports [][]byte, bodies ...[]byte) []byte {
	var types, codes [][]byte
	for _, b := range bodies {
		types = append(types, uleb(0))
		codes = append(codes, cat(uleb(uint32(len(b))), b))
	}
	secs := [][]byte{
		section(secType, funcType(nil, nil)),
		section(secFunction, types...),
		section(4, []byte{0x70, 0x01, 0x01, 0x01}), // table funcref, min 1, max 1
		section(secMemory, memory(1)),
		section(6, globals...),
	}
	if len(exports) > 0 {
		secs = append(secs, section(secExport, exports...))
	}
	secs = append(secs,
		section(9, []byte{0x00, 0x41, 0x00, 0x0b, 0x01, 0x00}), // active: table 0 at 0 = [func 0]
		cat([]byte{12}, uleb(1), uleb(1)),                      // data count 1
		section(secCode, codes...),
		section(secData, cat([]byte{0x01}, str("x"))), // passive
	)
	return module(secs...)
}

// TestInstrumentEveryInstruction checks instrument against wazero's own
// decoder for every instruction wazero accepts by default (WebAssembly
// 2.0): each is placed between two unreachables (so any operands type
// check) ahead of a loop, and the rewrite must be the original with a check
// at the function's entry and inside each loop, the two globals and the
// function $slow appended, and nothing else changed.
// The counts of accepted instructions are wazero's: a wrong immediate length
// would make wazero reject the sample and the count come up short.
func TestInstrumentEveryInstruction(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)

	mutI32 := []byte{i32, 0x01, 0x41, 0x00, 0x0b}
	tick := []byte{i32, 0x01, 0x41, 0x80, 0x08, 0x0b} // mut i32 = 1024
	// Globals 1 ($stop) and 2 ($tick) and function 1 ($slow) are the ones
	// instrument adds.
	check := []byte{
		0x23, 1, 0x04, 0x40, 0x00, 0x0b, // if $stop: unreachable
		0x23, 2, 0x45, 0x04, 0x40, 0x10, 1, 0x0b, // if $tick == 0: call $slow
		0x23, 2, 0x41, 1, 0x6b, 0x24, 2, // $tick--
	}
	slow := []byte{0, // no locals
		0x23, 1, 0x04, 0x40, 0x00, 0x0b, // if $stop: unreachable
		0x41, 0, 0x40, 0, 0x1a, // drop(memory.grow(0)): an exit to Go
		0x41, 0x80, 0x08, 0x24, 2, // $tick = 1024
		0x0b}
	exports := [][]byte{export("wf:stop", 3, 1)}
	locals := []byte{1, 1, i32}

	type sample struct {
		name  string
		instr []byte
		count int // instructions in instr
	}
	var samples []sample
	// Immediates that name index 0 of each space, or a valid lane, type or
	// alignment.
	oneByte := map[byte][]byte{
		0x0c: {0}, 0x0d: {0}, 0x0e: {2, 0, 0, 0}, 0x10: {0}, 0x11: {0, 0},
		0x1c: {1, i32}, 0x20: {0}, 0x21: {0}, 0x22: {0}, 0x23: {0}, 0x24: {0}, 0x25: {0}, 0x26: {0},
		0x3f: {0}, 0x40: {0}, 0x41: {0x7f}, 0x42: {0x80, 0x7f}, 0x43: make([]byte, 4), 0x44: make([]byte, 8),
		0xd0: {0x70}, 0xd2: {0},
	}
	for op := 0x28; op <= 0x3e; op++ {
		oneByte[byte(op)] = []byte{0, 0}
	}
	for op := 0; op < 256; op++ {
		var instr []byte
		count := 1
		switch op {
		case 0x0b, 0xfc, 0xfd:
			continue // end is in every sample; prefixes below
		case 0x02, 0x03, 0x04:
			instr, count = []byte{byte(op), 0x40, 0x0b}, 2
		case 0x05:
			instr, count = []byte{0x04, 0x40, 0x05, 0x0b}, 3
		default:
			instr = append([]byte{byte(op)}, oneByte[byte(op)]...)
		}
		samples = append(samples, sample{fmt.Sprintf("0x%02x", op), instr, count})
	}
	fc := map[int][]byte{8: {0, 0}, 9: {0}, 10: {0, 0}, 11: {0}, 12: {0, 0}, 13: {0}, 14: {0, 0}, 15: {0}, 16: {0}, 17: {0}}
	for sub := 0; sub < 32; sub++ {
		samples = append(samples, sample{fmt.Sprintf("0xfc %d", sub), cat([]byte{0xfc}, uleb(uint32(sub)), fc[sub]), 1})
	}
	for sub := 0; sub < 300; sub++ {
		var imm []byte
		switch {
		case sub <= 11, sub == 92, sub == 93:
			imm = []byte{0, 0}
		case sub == 12, sub == 13:
			imm = make([]byte, 16)
		case sub >= 21 && sub <= 34:
			imm = []byte{0}
		case sub >= 84 && sub <= 91:
			imm = []byte{0, 0, 0}
		}
		// wazero reads the opcode as one byte: the second byte of an
		// opcode over 127 (0x01) runs as a nop, a second instruction.
		count := 1
		if sub >= 128 {
			count = 2
		}
		samples = append(samples, sample{fmt.Sprintf("0xfd %d", sub), cat([]byte{0xfd}, uleb(uint32(sub)), imm), count})
	}

	accepted := map[byte]int{}
	for _, s := range samples {
		tail := []byte{0x00, 0x03, 0x40, 0x0b, 0x0b} // unreachable; loop end; end
		orig := instrTestModule([][]byte{mutI32}, nil, cat(locals, []byte{0x00}, s.instr, tail))
		if _, err := rt.CompileModule(ctx, orig); err != nil {
			// Not an instruction wazero accepts: instrument must refuse it
			// too, or at least produce a module wazero refuses.
			if out, _, ierr := instrument(orig); ierr == nil {
				if _, err := rt.CompileModule(ctx, out); err == nil {
					t.Errorf("%s: wazero rejects it, but accepts it instrumented", s.name)
				}
			}
			continue
		}
		accepted[s.instr[0]]++
		out, decoded, err := instrument(orig)
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		// unreachable, the sample, unreachable, loop, end, end.
		if want := s.count + 5; decoded != want {
			t.Errorf("%s: decoded %d instructions, want %d", s.name, decoded, want)
		}
		instr := s.instr
		if instr[0] == 0x03 {
			instr = cat([]byte{0x03, 0x40}, check, []byte{0x0b})
		}
		want := instrTestModule([][]byte{mutI32, mutI32, tick}, exports,
			cat(locals, check, []byte{0x00}, instr, []byte{0x00, 0x03, 0x40}, check, []byte{0x0b, 0x0b}), slow)
		if !bytes.Equal(out, want) {
			t.Errorf("%s: instrumented module differs:\n got % x\nwant % x", s.name, out, want)
			continue
		}
		if _, err := rt.CompileModule(ctx, out); err != nil {
			t.Errorf("%s: instrumented module rejected: %v", s.name, err)
		}
	}
	// WebAssembly 2.0: 182 one-byte instructions besides end, 18 after
	// 0xfc, 236 SIMD instructions after 0xfd.
	var oneByteCount int
	for op, n := range accepted {
		if op != 0xfc && op != 0xfd {
			oneByteCount += n
		}
	}
	if oneByteCount != 182 || accepted[0xfc] != 18 || accepted[0xfd] != 236 {
		t.Errorf("wazero accepted %d one-byte, %d 0xfc and %d 0xfd samples; want 182, 18, 236",
			oneByteCount, accepted[0xfc], accepted[0xfd])
	}
}

// TestInstrumentAddedSections checks the rewrite of modules that lack the
// sections it extends, a () -> () type or a memory: wazero must accept the
// result. The checks call $slow, so wazero's validation also fails if its
// index or type is wrong (the functions here take an i32).
func TestInstrumentAddedSections(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	for _, tt := range []struct {
		name string
		wasm []byte
	}{
		{"empty module", module()},
		{"memory only", module(section(secMemory, memory(1)))},
		{"no () -> () type, no memory", module(
			section(secType, funcType([]byte{i32}, nil)),
			section(secImport, importFunc("env", "f", 0)),
			section(secFunction, uleb(0), uleb(0)),
			section(secCode, code(), code(0x03, 0x40, 0x0c, 0, 0x0b)),
		)},
		{"imported memory", module(
			section(secType, funcType([]byte{i32}, nil)),
			section(secImport, cat(str("env"), str("mem"), []byte{0x02}, memory(1))),
			section(secFunction, uleb(0)),
			section(secCode, code(0x41, 0, 0x28, 2, 0, 0x1a)),
		)},
		{"data count, no code", module(
			section(secMemory, memory(1)),
			cat([]byte{12}, uleb(1), uleb(1)),
			section(secData, cat([]byte{0x01}, str("x"))),
		)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := instrument(tt.wasm)
			if err != nil {
				t.Fatal(err)
			}
			cm, err := rt.CompileModule(ctx, out)
			if err != nil {
				t.Fatalf("wazero rejects the rewrite: %v", err)
			}
			cm.Close(ctx)
		})
	}
}

// TestStopWithoutLoops checks the time limit stops guests that never run a
// loop: a recursion tree (2^60 calls, 60 deep) and a start section. Before
// the sandbox instrumented modules, wazero checked only loops, and the
// recursion ran until the process ended.
func TestStopWithoutLoops(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	// f(n): if n { f(n-1); f(n-1) }
	recurse := cat([]byte{0}, []byte{0x20, 0, 0x04, 0x40, 0x20, 0, 0x41, 1, 0x6b, 0x10, 1, 0x20, 0, 0x41, 1, 0x6b, 0x10, 1, 0x0b, 0x0b})
	for _, tt := range []struct {
		name string
		wasm []byte
	}{
		{"recursion tree", module(
			section(secType, funcType(nil, nil), funcType([]byte{i32}, nil)),
			section(secFunction, uleb(0), uleb(1)),
			section(secMemory, memory(1)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
			section(secCode, code(0x41, 60, 0x10, 1), cat(uleb(uint32(len(recurse))), recurse)),
		)},
		{"loop in the start function", module(
			section(secType, funcType(nil, nil)),
			section(secFunction, uleb(0), uleb(0)),
			section(secMemory, memory(1)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
			cat([]byte{8}, uleb(1), uleb(1)), // start: function 1
			section(secCode, code(), code(0x03, 0x40, 0x0c, 0, 0x0b)),
		)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mod, err := sb.Compile(ctx, tt.name, tt.wasm)
			if err != nil {
				t.Fatal(err)
			}
			req := get("/", "")
			req.Limits.TimeoutMS = 200
			done := make(chan error, 1)
			start := time.Now()
			go func() {
				_, err := sb.Run(ctx, mod, req)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, wf.ErrTimeout) {
					t.Fatalf("err = %v, want ErrTimeout", err)
				}
				t.Logf("stopped after %v", time.Since(start).Round(time.Millisecond))
			case <-time.After(5 * time.Second):
				t.Fatal("still running 5s after a 200ms limit")
			}
		})
	}
}

// TestStartSection checks a start function still runs before _start: here
// it stores the iovec that _start's fd_write reads.
func TestStartSection(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	const answer = "content-type:text/plain\n\nstarted\n"
	wasm := module(
		section(secType, funcType([]byte{i32, i32, i32, i32}, []byte{i32}), funcType(nil, nil)),
		section(secImport, importFunc("wasi_snapshot_preview1", "fd_write", 0)),
		section(secFunction, uleb(1), uleb(1)),
		section(secMemory, memory(1)),
		section(secExport, export("memory", 2, 0), export("_start", 0, 1)),
		cat([]byte{8}, uleb(1), uleb(2)), // start: function 2
		section(secCode,
			code(0x41, 1, 0x41, 0, 0x41, 1, 0x41, 20, 0x10, 0, 0x1a),                           // drop(fd_write(1, 0, 1, 20))
			code(0x41, 0, 0x41, 32, 0x36, 2, 0, 0x41, 4, 0x41, byte(len(answer)), 0x36, 2, 0)), // iovec {32, len}
		section(secData, data(32, answer)),
	)
	mod, err := sb.Compile(ctx, "start", wasm)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := sb.Run(ctx, mod, get("/", ""))
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "started\n" {
		t.Errorf("body %q", resp.Body)
	}
}

// TestDataSegments checks merged data segments leave memory as the
// original segments would: later segments overwrite earlier ones, gaps
// stay zero, and far-apart segments stay apart.
func TestDataSegments(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	const header = "content-type:application/octet-stream\n\n"
	le := func(vs ...uint32) string {
		var b []byte
		for _, v := range vs {
			b = append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
		}
		return string(b)
	}
	seg := func(off uint32, s string) []byte {
		return cat([]byte{0x00, 0x41}, sleb(int32(off)), []byte{0x0b}, str(s))
	}
	wasm := module(
		section(secType, funcType([]byte{i32, i32, i32, i32}, []byte{i32}), funcType(nil, nil)),
		section(secImport, importFunc("wasi_snapshot_preview1", "fd_write", 0)),
		section(secFunction, uleb(1)),
		section(secMemory, memory(1)),
		section(secExport, export("memory", 2, 0), export("_start", 0, 1)),
		section(secCode, code(0x41, 1, 0x41, 16, 0x41, 3, 0x41, 0, 0x10, 0, 0x1a)), // drop(fd_write(1, 16, 3, 0))
		section(secData,
			seg(16, le(100, uint32(len(header)), 200, 21, 3000, 3)), // three iovecs
			seg(205, "XY"),         // overwritten by the next
			seg(200, "0123456789"), // a lower offset, but later
			seg(100, header),
			seg(207, "Q"), // later, so it wins
			seg(220, "z"), // ten zero bytes after 210
			seg(3000, "far"),
			seg(200, "A"), // last: wins over "0"
		),
	)
	out, _, err := instrument(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if n := dataSegments(out); n != 2 {
		t.Errorf("%d data segments after merging, want 2", n)
	}
	mod, err := sb.Compile(ctx, "data", wasm)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := sb.Run(ctx, mod, get("/", ""))
	if err != nil {
		t.Fatal(err)
	}
	if want := "A123456Q89" + strings.Repeat("\x00", 10) + "z" + "far"; string(resp.Body) != want {
		t.Errorf("body %q, want %q", resp.Body, want)
	}

	t.Run("kept when code names segments", func(t *testing.T) {
		wasm := instrTestModule([][]byte{{i32, 0x01, 0x41, 0x00, 0x0b}}, nil,
			cat([]byte{0}, []byte{0xfc, 9, 0}, []byte{0x0b})) // data.drop 0
		out, _, err := instrument(wasm)
		if err != nil {
			t.Fatal(err)
		}
		if dataSegments(out) != 1 {
			t.Error("data section changed")
		}
	})
	t.Run("out of bounds still fails", func(t *testing.T) {
		wasm := module(
			section(secType, funcType(nil, nil)),
			section(secFunction, uleb(0)),
			section(secMemory, memory(1)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
			section(secCode, code()),
			section(secData, seg(0, "a"), seg(65535, "bc")),
		)
		mod, err := sb.Compile(ctx, "oob", wasm)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sb.Run(ctx, mod, get("/", "")); !errors.Is(err, wf.ErrFunctionFailed) {
			t.Errorf("err = %v, want ErrFunctionFailed", err)
		}
	})
}

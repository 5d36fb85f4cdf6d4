package sandbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// TestHostileCode: encodings that wazero's validator, its compiler and the
// rewrite could read differently are refused, so no code runs that the
// rewrite did not see (found in review; each ran past its deadline,
// crashed the compiler or forged a function reference before the fix).
func TestHostileCode(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})

	start := func(types int, body ...byte) []byte {
		ts := make([][]byte, types)
		for i := range ts {
			ts[i] = funcType(nil, nil)
		}
		return module(
			section(secType, ts...),
			section(secFunction, uleb(0)),
			section(4, []byte{0x70, 0x01, 0x01, 0x01}),
			section(secMemory, memory(1)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
			section(secCode, code(body...)),
		)
	}
	hiddenLoop := []byte{0x0b, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x02, 0x40, 1, 1, 1, 1, 1, 1, 1, 1} // end; loop br 0 end; block; nops
	for _, tc := range []struct {
		name string
		wasm []byte
	}{
		// To a LEB128 reader, fd 8c 00 is an over-long v128.const whose 16
		// immediate bytes hide a loop; wazero reads one opcode byte.
		{"SIMD opcode read as LEB128", start(1, cat(
			[]byte{0x02, 0x40, 0x41, 0x01, 0x0d, 0x00},
			[]byte{0xfd, 0x0c}, make([]byte, 16), []byte{0x41, 0x00},
			[]byte{0xfd, 0x8c, 0x00}, hiddenLoop, []byte{0x0b})...)},
		// Block type 0x63 takes a second integer in wazero.
		{"reference block type", start(41,
			0x02, 0x63, 0x02, 0x01, 0x02, 0x63, 0x28, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x00, 0x0b, 0x00, 0x0b, 0x1a)},
		// wazero's validator and compiler disagree on this select's length.
		{"typed select of a reference type", start(27,
			0xd0, 0x70, 0xd0, 0x70, 0x41, 0x00, 0x1c, 0x01, 0x63, 0x70, 0x1a)},
		{"typed select of two types", start(1,
			0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x1c, 0x02, 0x7f, 0x7f, 0x1a)},
		{"ref.null of a type index", start(1, 0xd0, 0x00, 0x1a)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mod, err := sb.Compile(ctx, tc.name, tc.wasm)
			if errors.Is(err, wf.ErrInvalid) {
				return // refused
			}
			if err != nil {
				t.Fatal(err)
			}
			// Accepted: then the rewrite saw every instruction wazero
			// runs, and the guest stops at its deadline.
			req := get("/", "")
			req.Limits.TimeoutMS = 200
			start := time.Now()
			_, err = sb.Run(ctx, mod, req)
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("Run took %v (err %v) with a 200 ms limit", d, err)
			}
		})
	}

	// A table without a maximum gets one: growing it by 2^31-1 entries
	// fails in the guest instead of allocating 16 GiB in the host.
	t.Run("table grown without bound", func(t *testing.T) {
		wasm := module(
			section(secType, funcType(nil, nil)),
			section(secFunction, uleb(0)),
			section(4, []byte{0x70, 0x00, 0x00}),
			section(secMemory, memory(1)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
			// if table.grow(null, 2^31-1) != -1 { unreachable }
			section(secCode, code(0xd0, 0x70, 0x41, 0xff, 0xff, 0xff, 0xff, 0x07, 0xfc, 0x0f, 0x00, 0x41, 0x7f, 0x47, 0x04, 0x40, 0x00, 0x0b)),
		)
		mod, err := sb.Compile(ctx, "table-grow", wasm)
		if err != nil {
			t.Fatal(err)
		}
		req := get("/", "")
		req.Limits.TimeoutMS = 2000
		start := time.Now()
		// A clean exit without output: a grow that succeeded would trap.
		if _, err := sb.Run(ctx, mod, req); err == nil || !strings.Contains(err.Error(), "malformed CGI response") {
			t.Fatalf("Run = %v after %v, want the grow refused (-1) and a clean exit", err, time.Since(start))
		}
	})
	t.Run("tables too large at the start", func(t *testing.T) {
		wasm := module(
			section(secType, funcType(nil, nil)),
			section(secFunction, uleb(0)),
			section(4, cat([]byte{0x70, 0x00}, uleb(1<<27)), cat([]byte{0x70, 0x00}, uleb(1<<27))),
			section(secMemory, memory(1)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 0)),
			section(secCode, code()),
		)
		if _, err := sb.Compile(ctx, "tables", wasm); !errors.Is(err, wf.ErrInvalid) {
			t.Fatalf("Compile = %v, want an invalid module", err)
		}
	})
}

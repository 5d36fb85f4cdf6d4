package sandbox_test

import (
	"context"
	"errors"
	"testing"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// environModule calls environ_sizes_get(sizesAt, sizesAt+4) and then
// environ_get(ptrsAt, bufAt), trapping unless they return wantSizes and
// wantGet, and answers on stdout like wagiHello. With memPages 0 it has no
// memory at all.
func environModule(memPages uint32, sizesAt, ptrsAt, bufAt, wantSizes, wantGet int32) []byte {
	const answer = "content-type:text/plain\n\nok\n"
	check := func(want int32) []byte { // result != want: unreachable
		return cat([]byte{0x41}, sleb(want), []byte{0x47, 0x04, 0x40, 0x00, 0x0b})
	}
	body := cat(
		[]byte{0}, // no locals
		[]byte{0x41}, sleb(sizesAt), []byte{0x41}, sleb(sizesAt+4), []byte{0x10, 1}, check(wantSizes),
		[]byte{0x41}, sleb(ptrsAt), []byte{0x41}, sleb(bufAt), []byte{0x10, 2}, check(wantGet),
	)
	if memPages > 0 {
		body = cat(body,
			[]byte{0x41, 0, 0x41, 8, 0x36, 2, 0},                                // [0] = 8
			[]byte{0x41, 4, 0x41}, sleb(int32(len(answer))), []byte{0x36, 2, 0}, // [4] = len
			[]byte{0x41, 1, 0x41, 0, 0x41, 1, 0x41}, sleb(56), []byte{0x10, 0, 0x1a}, // fd_write(1, 0, 1, 56)
		)
	}
	body = cat(body, []byte{0x0b})
	secs := [][]byte{
		section(secType,
			funcType([]byte{i32, i32, i32, i32}, []byte{i32}),
			funcType([]byte{i32, i32}, []byte{i32}),
			funcType(nil, nil)),
		section(secImport,
			importFunc("wasi_snapshot_preview1", "fd_write", 0),
			importFunc("wasi_snapshot_preview1", "environ_sizes_get", 1),
			importFunc("wasi_snapshot_preview1", "environ_get", 1)),
		section(secFunction, uleb(2)),
	}
	if memPages > 0 {
		secs = append(secs, section(secMemory, memory(memPages)),
			section(secExport, export("memory", 2, 0), export("_start", 0, 3)),
			section(secCode, cat(uleb(uint32(len(body))), body)),
			section(secData, data(8, answer)))
	} else {
		secs = append(secs, section(secExport, export("_start", 0, 3)),
			section(secCode, cat(uleb(uint32(len(body))), body)))
	}
	return module(secs...)
}

// TestEnvironBounds checks the sandbox's own environ_get and
// environ_sizes_get (see environ.go) refuse pointers outside the guest's
// memory with EFAULT (21) rather than writing anywhere else.
func TestEnvironBounds(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	const page = 65536
	tests := []struct {
		name               string
		mem                uint32
		sizes, ptrs, buf   int32
		wantSizes, wantGet int32
		wantErr            error
	}{
		{"in range", 1, 1024, 2048, 4096, 0, 0, nil},
		{"sizes past the end", 1, page - 4, 2048, 4096, 21, 0, nil},
		{"pointers past the end", 1, 1024, page - 8, 4096, 0, 21, nil},
		{"strings past the end", 1, 1024, 2048, page - 16, 0, 21, nil},
		{"pointer wraps around", 1, -4, -8, -16, 21, 21, nil},
		{"no memory", 0, 0, 0, 0, 0, 0, wf.ErrFunctionFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mod, err := sb.Compile(ctx, tt.name, environModule(tt.mem, tt.sizes, tt.ptrs, tt.buf, tt.wantSizes, tt.wantGet))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := sb.Run(ctx, mod, get("/", "a=1"))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("run: %v (a trap means an unexpected errno)", err)
			}
			if string(resp.Body) != "ok\n" {
				t.Fatalf("body %q", resp.Body)
			}
		})
	}
}

package sandbox_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// dirtyModule checks that the memory it starts with is zero, then dirties
// all of it. Its _start grows memory by grow pages, traps (unreachable) if
// any byte from 64 to the end is not zero, fills that range with 0xAB, and
// answers "clean". A memory reused without zeroing makes the next run trap.
//
//	(func $_start (local $i i32)
//	  (drop (memory.grow (i32.const grow)))
//	  (local.set $i (i32.const 64))
//	  (loop $scan
//	    (if (i32.load8_u (local.get $i)) (then unreachable))
//	    (br_if $scan (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
//	                           (i32.shl (memory.size) (i32.const 16)))))
//	  (memory.fill (i32.const 64) (i32.const 0xAB)
//	               (i32.sub (i32.shl (memory.size) (i32.const 16)) (i32.const 64)))
//	  (i32.store (i32.const 0) (i32.const 8))
//	  (i32.store (i32.const 4) (i32.const len))
//	  (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 56))))
func dirtyModule(grow int32) []byte {
	const answer = "content-type:text/plain\n\nclean\n"                                         // at 8, below 64
	size := func() []byte { return cat([]byte{0x3f, 0}, []byte{0x41}, sleb(16), []byte{0x74}) } // memory.size << 16
	body := cat(
		[]byte{1, 1, i32},                               // one i32 local
		[]byte{0x41}, sleb(grow), []byte{0x40, 0, 0x1a}, // drop(memory.grow(grow))
		[]byte{0x41}, sleb(64), []byte{0x21, 0}, // i = 64
		[]byte{0x03, 0x40},                                    // loop
		[]byte{0x20, 0, 0x2d, 0, 0},                           // i32.load8_u(i)
		[]byte{0x04, 0x40, 0x00, 0x0b},                        // if: unreachable
		[]byte{0x20, 0, 0x41}, sleb(1), []byte{0x6a, 0x22, 0}, // tee i = i+1
		size(), []byte{0x49, 0x0d, 0}, // br_if (i < size)
		[]byte{0x0b},                                    // end loop
		[]byte{0x41}, sleb(64), []byte{0x41}, sleb(-85), // 0xAB as a byte
		size(), []byte{0x41}, sleb(64), []byte{0x6b}, // size - 64
		[]byte{0xfc, 0x0b, 0},                                               // memory.fill
		[]byte{0x41, 0, 0x41, 8, 0x36, 2, 0},                                // [0] = 8
		[]byte{0x41, 4, 0x41}, sleb(int32(len(answer))), []byte{0x36, 2, 0}, // [4] = len
		[]byte{0x41, 1, 0x41, 0, 0x41, 1, 0x41}, sleb(56), []byte{0x10, 0, 0x1a}, // drop(fd_write(1, 0, 1, 56))
		[]byte{0x0b},
	)
	return module(
		section(secType,
			funcType([]byte{i32, i32, i32, i32}, []byte{i32}),
			funcType(nil, nil)),
		section(secImport, importFunc("wasi_snapshot_preview1", "fd_write", 0)),
		section(secFunction, uleb(1)),
		section(secMemory, memory(1)),
		section(secExport, export("memory", 2, 0), export("_start", 0, 1)),
		section(secCode, cat(uleb(uint32(len(body))), body)),
		section(secData, data(8, answer)),
	)
}

// TestMemoryZeroedOnReuse checks that pooled linear memory, and an instance
// reset to its snapshot and reused, never carries one request's bytes into
// another, nor its grown memory size: every run of dirtyModule fills its memory,
// and the next must find it zero, including pages it grows into. Sizes
// cover one pool class, growth within a reservation, and growth past it.
func TestMemoryZeroedOnReuse(t *testing.T) {
	ctx := context.Background()
	sb := newSandbox(t, sandbox.Config{})
	for _, tt := range []struct {
		name string
		grow int32
	}{
		{"one page", 0},
		{"grown to 4 pages", 3},
		{"grown to 20 pages", 19}, // a bigger pool class
	} {
		t.Run(tt.name, func(t *testing.T) {
			mod, err := sb.Compile(ctx, "dirty-"+tt.name, dirtyModule(tt.grow))
			if err != nil {
				t.Fatal(err)
			}
			reused, reusedInst := sandbox.MemoryReuses(sb), sb.Stats().Reused
			for i := range 10 {
				resp, err := sb.Run(ctx, mod, get("/", ""))
				if err != nil {
					t.Fatalf("run %d: %v (a trap means it saw the last run's bytes)", i, err)
				}
				if string(resp.Body) != "clean\n" {
					t.Fatalf("run %d: body %q", i, resp.Body)
				}
				if want := uint64(tt.grow+1) * 65536; resp.Memory != want {
					t.Fatalf("run %d: memory %d, want %d", i, resp.Memory, want)
				}
			}
			if sandbox.MemoryReuses(sb) == reused && sb.Stats().Reused == reusedInst {
				t.Error("no memory or instance was reused; the test proves nothing")
			}
		})
	}

	t.Run("concurrent", func(t *testing.T) {
		mod, err := sb.Compile(ctx, "dirty-concurrent", dirtyModule(1))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 10 {
					if _, err := sb.Run(ctx, mod, get("/", "")); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
	})

	// The same memory, dirtied by a run that then hit its limit, is zero
	// for the next: a failed run's memory goes back to the pool too.
	t.Run("after a refused grow", func(t *testing.T) {
		big, err := sb.Compile(ctx, "dirty-big", dirtyModule(15))
		if err != nil {
			t.Fatal(err)
		}
		req := get("/", "")
		req.Limits.MemoryPages = 8
		// memory.grow fails (its -1 is dropped), so the module fills and
		// answers from its first page; the run succeeds with 1 page.
		if resp, err := sb.Run(ctx, big, req); err != nil || resp.Memory != 65536 {
			t.Fatalf("limited run: %v %+v", err, resp)
		}
		if resp, err := sb.Run(ctx, big, get("/", "")); err != nil || !strings.HasPrefix(string(resp.Body), "clean") {
			t.Fatalf("next run: %v", err)
		}
	})

	t.Run("trap", func(t *testing.T) {
		// A module that only traps, to confirm a trap is what a dirty
		// memory would look like.
		mod, err := sb.Compile(ctx, "trap", commandModule(1, "_start", nil, 0x00))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sb.Run(ctx, mod, get("/", "")); !errors.Is(err, wf.ErrFunctionFailed) {
			t.Fatalf("err = %v", err)
		}
	})
}

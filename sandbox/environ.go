package sandbox

import (
	"context"
	"encoding/binary"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"
)

// The environment reaches the guest through our own environ_get and
// environ_sizes_get, which read it from the instance's context, instead of
// through wazero.ModuleConfig.WithEnv. WithEnv copies the config's whole
// variable index on every call, so a request's 25 or so CGI variables cost
// O(n²) copying: measured, 40% of the CPU of running a small guest.
// wasi_snapshot_preview1.NewFunctionExporter documents this override.

// environ is one instance's environment: "k=v\x00" entries back to back,
// as WASI lays them out in guest memory.
type environ struct {
	buf []byte
	n   uint32 // entries
}

type environKey struct{}

// environs keeps request environments for reuse: a request's is about a
// kilobyte, and only its run reads it.
var environs = sync.Pool{New: func() any { return new(environ) }}

// maxPooledEnviron is the largest environment kept for reuse.
const maxPooledEnviron = 16 << 10

// recycle returns e, from cgiEnv, for reuse; its run must be over.
func (e *environ) recycle() {
	if cap(e.buf) > maxPooledEnviron {
		return
	}
	e.buf, e.n = e.buf[:0], 0
	environs.Put(e)
}

func withEnviron(ctx context.Context, e *environ) context.Context {
	return context.WithValue(ctx, environKey{}, e)
}

// The arguments reach the guest the same way, from the call's context, so
// that an instance reused from a snapshot gets each request's (wazero
// binds WithArgs once, at instantiation).
type argsKey struct{}

func withArgs(ctx context.Context, a *environ) context.Context {
	return context.WithValue(ctx, argsKey{}, a)
}

// errnoFault is WASI's EFAULT: a pointer out of the guest's memory.
const errnoFault = 21

// instantiateWASI instantiates wasi_snapshot_preview1 in rt with the
// environment and standard stream functions replaced.
func instantiateWASI(ctx context.Context, rt wazero.Runtime) error {
	b := rt.NewHostModuleBuilder(wasi_snapshot_preview1.ModuleName)
	wasi_snapshot_preview1.NewFunctionExporter().ExportFunctions(b)
	i32 := api.ValueTypeI32
	b.NewFunctionBuilder().
		WithGoModuleFunction(api.GoModuleFunc(environSizesGet), []api.ValueType{i32, i32}, []api.ValueType{i32}).
		WithParameterNames("result.environc", "result.environv_len").
		WithResultNames("errno").
		Export("environ_sizes_get")
	b.NewFunctionBuilder().
		WithGoModuleFunction(api.GoModuleFunc(environGet), []api.ValueType{i32, i32}, []api.ValueType{i32}).
		WithParameterNames("environ", "environ_buf").
		WithResultNames("errno").
		Export("environ_get")
	b.NewFunctionBuilder().
		WithGoModuleFunction(api.GoModuleFunc(argsSizesGet), []api.ValueType{i32, i32}, []api.ValueType{i32}).
		WithParameterNames("result.argc", "result.argv_len").
		WithResultNames("errno").
		Export("args_sizes_get")
	b.NewFunctionBuilder().
		WithGoModuleFunction(api.GoModuleFunc(argsGet), []api.ValueType{i32, i32}, []api.ValueType{i32}).
		WithParameterNames("argv", "argv_buf").
		WithResultNames("errno").
		Export("args_get")
	// proc_exit ends the call without closing the instance, which may be
	// reset and reused (reactor.go); Run closes the ones it does not keep.
	b.NewFunctionBuilder().
		WithGoModuleFunction(api.GoModuleFunc(func(_ context.Context, _ api.Module, stack []uint64) {
			panic(sys.NewExitError(uint32(stack[0])))
		}), []api.ValueType{i32}, nil).
		WithParameterNames("rval").
		Export("proc_exit")
	// Standard streams and descriptors (stdio.go).
	for _, f := range []struct {
		name   string
		fn     api.GoModuleFunc
		params int
	}{{"fd_read", fdRead, 4}, {"fd_write", fdWrite, 4}, {"fd_close", fdClose, 1}, {"fd_renumber", fdRenumber, 2}} {
		params := make([]api.ValueType, f.params)
		for i := range params {
			params[i] = i32
		}
		b.NewFunctionBuilder().WithGoModuleFunction(f.fn, params, []api.ValueType{i32}).Export(f.name)
	}
	_, err := b.Instantiate(ctx)
	return err
}

func environOf(ctx context.Context) *environ {
	if e, ok := ctx.Value(environKey{}).(*environ); ok {
		return e
	}
	return &environ{} // not started by Run: an empty environment
}

func argsOf(ctx context.Context) *environ {
	if a, ok := ctx.Value(argsKey{}).(*environ); ok {
		return a
	}
	return &environ{}
}

// argsSizesGet and argsGet are environSizesGet and environGet for argv.
func argsSizesGet(ctx context.Context, mod api.Module, stack []uint64) {
	sizesGet(argsOf(ctx), mod, stack)
}

func argsGet(ctx context.Context, mod api.Module, stack []uint64) {
	listGet(argsOf(ctx), mod, stack)
}

// environSizesGet writes the number of variables and the bytes they need.
func environSizesGet(ctx context.Context, mod api.Module, stack []uint64) {
	sizesGet(environOf(ctx), mod, stack)
}

func sizesGet(e *environ, mod api.Module, stack []uint64) {
	mem := mod.Memory()
	if !mem.WriteUint32Le(uint32(stack[0]), e.n) || !mem.WriteUint32Le(uint32(stack[1]), uint32(len(e.buf))) {
		stack[0] = errnoFault
		return
	}
	stack[0] = 0
}

// environGet writes the variables at environ_buf and a pointer to each at
// environ, after checking both ranges lie in the guest's memory.
func environGet(ctx context.Context, mod api.Module, stack []uint64) {
	listGet(environOf(ctx), mod, stack)
}

func listGet(e *environ, mod api.Module, stack []uint64) {
	mem := mod.Memory()
	ptrsAt, bufAt := uint32(stack[0]), uint32(stack[1])
	ptrs, ok1 := mem.Read(ptrsAt, 4*e.n)
	buf, ok2 := mem.Read(bufAt, uint32(len(e.buf)))
	if !ok1 || !ok2 {
		stack[0] = errnoFault
		return
	}
	copy(buf, e.buf)
	start := uint32(0)
	for i, c := range e.buf {
		if c == 0 {
			binary.LittleEndian.PutUint32(ptrs, bufAt+start)
			ptrs = ptrs[4:]
			start = uint32(i) + 1
		}
	}
	stack[0] = 0
}

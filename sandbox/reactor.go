package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/sys"

	"github.com/webfunctions/wf/sandbox/internal/wasm"
	"github.com/webfunctions/wf/wf"
)

// ReactorExport is the function a reactor module exports to serve one
// request. A module without _start that exports it is a reactor: a Go
// program built with -buildmode=c-shared on package guest, or any module
// that speaks the same ABI (the request as WAGI gives it, through
// environ_get and stdin; a CGI response on stdout).
const ReactorExport = wasm.ReactorExport

// A reactor runs from a snapshot. Its first Run instantiates it, calls
// _initialize (the Go runtime's start and every package's init, under the
// first request's limits, with an empty environment and stdin) and keeps the
// instance's linear memory (an image, image_linux.go) and every mutable
// global. Each request then runs on an instance in exactly that state:
//
//   - An idle instance whose memory and globals were put back to the
//     snapshot, if the module has one; else a new instance, made to match
//     the snapshot before it serves.
//   - After a request that returned normally and did not close a
//     descriptor, the instance's memory is reset to the image
//     (copy-on-write: only the pages it wrote are dropped), its globals
//     are set back, and it is kept for the next request. After anything
//     else (a trap, a timeout, an exit) it is closed.
//   - The rewrite (internal/wasm) makes a reactor's memory size virtual:
//     memory.size and memory.grow read and move a global, $vpages, and
//     grow the real memory only past what the instance has. A reset
//     instance keeps the memory an earlier request grew, zeroed, and the
//     module sees the snapshot's size, as a fresh instance would. (Go's
//     runtime grows the memory in most first requests; without this every
//     such instance would have to be thrown away.)
//
// A module whose code can change its tables or drop segments (table.set,
// table.grow, elem.drop, data.drop, ...) is never reused: its state is not
// only memory and globals. So no request sees what another left, and two
// functions never share an instance (modules are keyed by code CID and
// instances belong to one module).
type reactor struct {
	globals []string // export names of every mutable global (internal/wasm)
	reuse   bool     // instances may be reset and reused
	// command is set for a WASI command (_start) run this way: its
	// snapshot is the instance as instantiated (data segments, initial
	// globals), and each request calls its start function and _start on
	// an instance reset to it, as on a fresh instance (Module.reactor).
	command bool
	// init is _initialize's stdin: empty but for a module made by Derive.
	init []byte

	initMu sync.Mutex // held while a snapshot is taken
	mu     sync.Mutex
	snap   *snapshot
	idle   []*warm
	closed bool
	// started is set once a command has run once the ordinary way
	// (Sandbox.start): its first request, after a deploy or a restart,
	// does not also pay for taking the snapshot.
	started atomic.Bool
}

// use reports whether a Run of r's module goes through the snapshot; for
// a command, not the first.
func (r *reactor) use() bool {
	return !r.command || r.started.Load()
}

// maxIdle bounds the instances a reactor keeps between requests.
const maxIdle = 8

// snapshot is a reactor instance's state after _initialize.
type snapshot struct {
	img     *image
	bytes   uint64   // linear memory size
	globals []uint64 // in reactor.globals' order
}

// warm is an instance in the snapshot's state, or serving a request.
type warm struct {
	inst    api.Module
	mem     *imageMemory
	globals []api.MutableGlobal
	stop    api.MutableGlobal
	entry   []api.Function // what each request calls
	// The call in progress, for the instance's nanosleep (bound when it
	// was instantiated).
	runCtx context.Context
	cpu    *cpuTime
}

// imageMemory is a reactor instance's linear memory, mapped from its
// snapshot's image.
type imageMemory struct {
	mapping []byte       // the whole reservation; linear memory is a prefix
	img     *image       // the image it starts as
	pm      []byte       // pagemap entries, reused by reset (image_linux.go)
	regions []pageRegion // PAGEMAP_SCAN's answer, reused by reset
	ranges  [][2]uint64  // the written ranges, reused by reset
	written int64        // pages the instance had written at its last reset
	resets  int          // resets so far
	settled uint64       // pages written at the first scan after a trim (image_linux.go)
	limit   uint64       // this call's limit, bytes
	refused bool
}

var _ experimental.LinearMemory = (*imageMemory)(nil)

// Reallocate implements experimental.LinearMemory: the memory never moves,
// it only gets longer, within the call's limit and the reservation.
func (m *imageMemory) Reallocate(size uint64) []byte {
	if size > m.limit || size > uint64(len(m.mapping)) {
		m.refused = true
		return nil
	}
	return m.mapping[:size]
}

// Free implements experimental.LinearMemory; the reactor unmaps the memory
// once the instance is closed.
func (m *imageMemory) Free() {}

// serve runs one request on a reactor instance in the snapshot's state;
// runCtx carries the request's environment and streams.
func (s *Sandbox) serve(ctx context.Context, runCtx *runContext, m *Module, lim limits, cpu *cpuTime) (err error, peak uint64, refused bool) {
	r := m.reactor
	streams := runCtx.streams
	snap, err := s.snapshot(ctx, runCtx, m, lim, cpu, streams)
	if err != nil {
		return err, 0, false
	}
	if snap.bytes > uint64(lim.pages)*pageSize {
		return wf.E(wf.ErrFunctionFailed, "function needs more memory than its limit",
			fmt.Errorf("sandbox: %s starts with %d bytes of memory, limit %d pages", m.key, snap.bytes, lim.pages)), 0, false
	}
	limit := uint64(lim.pages) * pageSize
	w := r.take()
	if w != nil && uint64(w.inst.Memory().Size()) > limit {
		// An earlier request grew it past this one's limit, which the
		// module's own memory.grow would not see.
		w.close(ctx)
		w = nil
	}
	if w != nil {
		s.reused.Add(1)
	} else if w, err = s.newWarm(ctx, m, snap); err != nil {
		return err, 0, false
	}
	w.runCtx, w.cpu = runCtx, cpu
	w.mem.limit, w.mem.refused = limit, false
	err = callStopping(runCtx, runCtx, w.stop, w.entry)
	// The memory the module saw ($vpages, the last global), which may be
	// less than the instance has.
	peak, refused = uint64(uint32(w.globals[len(w.globals)-1].Get()))*pageSize, w.mem.refused
	w.runCtx, w.cpu = nil, nil
	var exit *sys.ExitError
	ended := err == nil || errors.As(err, &exit) && exit.ExitCode() == 0 // proc_exit(0) (procExit)
	if ended && r.reuse && !streams.tainted && runCtx.Err() == nil && w.reset(snap) == nil {
		r.put(w)
	} else {
		w.close(ctx)
	}
	return err, peak, refused
}

// snapshot returns m's snapshot, taking it first if there is none yet:
// concurrent first requests wait for one _initialize. A failure is not
// kept: the next request tries again.
func (s *Sandbox) snapshot(ctx context.Context, runCtx *runContext, m *Module, lim limits, cpu *cpuTime, streams *stdio) (*snapshot, error) {
	r := m.reactor
	if snap, err := r.current(); snap != nil || err != nil {
		return snap, err
	}
	// One _initialize at a time per module; r.mu is not held while it runs,
	// so Size, take and put (and a provider reading Size under its own
	// lock) never wait for a slow or hostile init.
	r.initMu.Lock()
	defer r.initMu.Unlock()
	if snap, err := r.current(); snap != nil || err != nil {
		return snap, err
	}
	mem := &linearMemory{pool: &s.mem, limit: uint64(lim.pages) * pageSize}
	// No request's variables, arguments or body: what _initialize leaves
	// is shared by every request (runCtx carries the first request's). Its log goes to the first request's.
	initCtx := withStdio(withArgs(withEnviron(runCtx, &environ{}), &environ{}), &stdio{in: bytes.NewReader(r.init), out: io.Discard, err: streams.err})
	allocCtx := experimental.WithMemoryAllocator(initCtx, experimental.MemoryAllocatorFunc(
		func(capacity, _ uint64) experimental.LinearMemory {
			mem.buf = s.mem.get(min(capacity, mem.limit))
			return mem
		}))
	mc := s.modCfg.WithNanosleep(func(ns int64) { guestSleep(runCtx, cpu, ns) })
	inst, err := s.rt.InstantiateModule(allocCtx, m.compiled, mc)
	if err == nil && !r.command {
		init := ""
		if inst.ExportedFunction("_initialize") != nil {
			init = "_initialize"
		}
		err = callExports(runCtx, allocCtx, m.stop, inst, m.start, init)
	}
	var snap *snapshot
	if err == nil && !mem.refused {
		snap = &snapshot{bytes: uint64(inst.Memory().Size())}
		for _, name := range r.globals {
			g := inst.ExportedGlobal(name)
			if g == nil {
				err = fmt.Errorf("sandbox: %s: no global %s", m.key, name)
				break
			}
			snap.globals = append(snap.globals, g.Get())
		}
		if err == nil {
			snap.img, err = newImage(mem.buf[:snap.bytes])
		}
	}
	if inst != nil {
		inst.Close(ctx)
	}
	mem.release()
	if err != nil || mem.refused {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || runCtx.Err() != nil {
			return nil, err // runError says which limit
		}
		if mem.refused {
			return nil, wf.E(wf.ErrFunctionFailed, fmt.Sprintf("function ran out of memory while it initialised (limit %d pages)", lim.pages), err)
		}
		return nil, wf.E(wf.ErrFunctionFailed, "function failed to initialise (see its log)", fmt.Errorf("sandbox: %s: _initialize: %w", m.key, err))
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		snap.img.close()
		return nil, ErrReleased
	}
	r.snap = snap
	r.mu.Unlock()
	s.snapshots.Add(1)
	return snap, nil
}

// current returns r's snapshot, nil if there is none yet.
func (r *reactor) current() (*snapshot, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrReleased
	}
	return r.snap, nil
}

// newWarm instantiates m on a mapping of snap's image and puts it in the
// snapshot's state.
func (s *Sandbox) newWarm(ctx context.Context, m *Module, snap *snapshot) (*warm, error) {
	mem, err := snap.img.mapMemory(uint64(s.cfg.MaxMemoryPages) * pageSize)
	if err != nil {
		return nil, err
	}
	mem.limit = max(snap.bytes, uint64(m.minPages)*pageSize)
	w := &warm{mem: mem}
	allocCtx := experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(
		func(uint64, uint64) experimental.LinearMemory { return mem }))
	mc := s.modCfg.WithNanosleep(func(ns int64) {
		if w.runCtx != nil {
			guestSleep(w.runCtx, w.cpu, ns)
		}
	})
	// Instantiation runs no code (the sandbox calls start functions
	// itself), but it writes the data segments: reset undoes that.
	if w.inst, err = s.rt.InstantiateModule(allocCtx, m.compiled, mc); err != nil {
		mem.unmap()
		return nil, fmt.Errorf("sandbox: %s: instantiate: %w", m.key, err)
	}
	if cur := uint64(w.inst.Memory().Size()); cur < snap.bytes {
		if _, ok := w.inst.Memory().Grow(uint32((snap.bytes - cur) / pageSize)); !ok {
			w.close(ctx)
			return nil, fmt.Errorf("sandbox: %s: grow memory to the snapshot's %d bytes", m.key, snap.bytes)
		}
	}
	for _, name := range m.reactor.globals {
		g, ok := w.inst.ExportedGlobal(name).(api.MutableGlobal)
		if !ok {
			w.close(ctx)
			return nil, fmt.Errorf("sandbox: %s: no mutable global %s", m.key, name)
		}
		w.globals = append(w.globals, g)
		if name == m.stop {
			w.stop = g
		}
	}
	entry := []string{ReactorExport}
	if m.reactor.command {
		entry = []string{m.start, "_start"}
	}
	for _, name := range entry {
		if name == "" {
			continue
		}
		fn := w.inst.ExportedFunction(name)
		if fn == nil {
			w.close(ctx)
			return nil, fmt.Errorf("sandbox: %s: no export %s", m.key, name)
		}
		w.entry = append(w.entry, fn)
	}
	if w.stop == nil {
		w.close(ctx)
		return nil, fmt.Errorf("sandbox: %s: no stop global", m.key)
	}
	if uint64(w.inst.Memory().Size()) != snap.bytes {
		w.close(ctx)
		return nil, fmt.Errorf("sandbox: %s: memory is larger than its snapshot", m.key)
	}
	if err := w.reset(snap); err != nil {
		w.close(ctx)
		return nil, err
	}
	return w, nil
}

// reset puts w's memory and globals back to snap. Memory past the
// snapshot's is zeroed but kept: the module sees the snapshot's size
// ($vpages), and grows into it without a call to the host.
func (w *warm) reset(snap *snapshot) error {
	if err := w.mem.reset(uint64(w.inst.Memory().Size())); err != nil {
		return err
	}
	for i, g := range w.globals {
		g.Set(snap.globals[i])
	}
	return nil
}

func (w *warm) close(ctx context.Context) {
	w.inst.Close(ctx)
	w.mem.unmap()
}

func (r *reactor) take() *warm {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.idle); n > 0 {
		w := r.idle[n-1]
		r.idle = r.idle[:n-1]
		return w
	}
	return nil
}

func (r *reactor) put(w *warm) {
	r.mu.Lock()
	if !r.closed && len(r.idle) < maxIdle {
		r.idle = append(r.idle, w)
		w = nil
	}
	r.mu.Unlock()
	if w != nil {
		w.close(context.Background())
	}
}

// size estimates the bytes r holds: its image's written pages and its idle
// instances (Module.Size).
func (r *reactor) size() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var n int64
	if r.snap != nil {
		n += r.snap.img.resident
	}
	for _, w := range r.idle {
		n += w.mem.written*int64(osPage) + idleInstanceBytes
	}
	return n
}

// idleInstanceBytes is Module.Size's estimate of an idle instance, besides
// its memory's written pages.
const idleInstanceBytes = 256 << 10

// close drops the idle instances and the snapshot. Runs in progress finish
// and close their instances themselves.
func (r *reactor) close() {
	r.mu.Lock()
	idle, snap := r.idle, r.snap
	r.idle, r.snap, r.closed = nil, nil, true
	r.mu.Unlock()
	for _, w := range idle {
		w.close(context.Background())
	}
	if snap != nil {
		snap.img.close()
	}
}

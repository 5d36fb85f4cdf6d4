package sandbox

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/webfunctions/wf/wf"
)

// Defaults for the zero fields of Config.
const (
	DefaultMaxMemoryPages   = 2048 // 128 MiB
	DefaultMaxTimeout       = 30 * time.Second
	DefaultMaxRequestBytes  = 16 << 20
	DefaultMaxResponseBytes = 32 << 20
	DefaultMaxLogBytes      = 64 << 10
	DefaultServerSoftware   = "WebFunctions/1"
)

// maxPages is wasm32's 4 GiB address space in 64 KiB pages.
const maxPages = 65536

// Config sets a Sandbox's provider-wide maxima. A function's wf.Limits
// choose values within them; a zero wf.Limits field means the maximum. The
// zero Config is usable: every zero field takes its default.
type Config struct {
	// CacheDir keeps compiled machine code on disk so a restarted provider
	// does not recompile. "" keeps it in memory only. The directory must be
	// private to this provider: wazero trusts what it reads there.
	CacheDir string
	// MaxMemoryPages caps a function's linear memory, in 64 KiB pages.
	// Default 2048 (128 MiB); at most 65536.
	MaxMemoryPages uint32
	// MaxTimeout caps a function's wall time per request. Default 30s.
	MaxTimeout time.Duration
	// MaxRequestBytes caps the request body. Default 16 MiB.
	MaxRequestBytes int64
	// MaxResponseBytes caps stdout, CGI headers included. Default 32 MiB.
	MaxResponseBytes int64
	// MaxLogBytes caps the stderr kept per request; the rest is dropped and
	// the log ends with a truncation marker. Default 64 KiB.
	MaxLogBytes int
	// ServerSoftware is SERVER_SOFTWARE. Default "WebFunctions/1".
	ServerSoftware string
	// CPU hands out the tokens guests run on (see CPU). nil means a CPU of
	// its own with the default tokens. Sandboxes of one host should share
	// one.
	CPU *CPU
}

func (c Config) withDefaults() (Config, error) {
	if c.MaxMemoryPages == 0 {
		c.MaxMemoryPages = DefaultMaxMemoryPages
	}
	if c.MaxTimeout == 0 {
		c.MaxTimeout = DefaultMaxTimeout
	}
	if c.MaxRequestBytes == 0 {
		c.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if c.MaxResponseBytes == 0 {
		c.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if c.MaxLogBytes == 0 {
		c.MaxLogBytes = DefaultMaxLogBytes
	}
	if c.ServerSoftware == "" {
		c.ServerSoftware = DefaultServerSoftware
	}
	if c.CPU == nil {
		c.CPU = NewCPU(0, 0)
	}
	switch {
	case c.MaxMemoryPages > maxPages:
		return c, fmt.Errorf("MaxMemoryPages %d over %d", c.MaxMemoryPages, maxPages)
	case c.MaxTimeout < 0, c.MaxRequestBytes < 0, c.MaxResponseBytes < 0, c.MaxLogBytes < 0:
		return c, errors.New("negative limit")
	}
	return c, nil
}

// Sandbox compiles and runs WAGI functions. It is safe for concurrent use.
// Close it to release compiled code.
type Sandbox struct {
	cfg   Config
	cpu   *CPU
	rt    wazero.Runtime
	cache wazero.CompilationCache
	wasi  map[string]api.FunctionDefinition // what a module may import
	// modCfg is the part of every instance's configuration that does not
	// change per request.
	modCfg wazero.ModuleConfig
	mem    memPool

	mu      sync.Mutex
	modules map[string]*entry
	closed  bool

	// closing is cancelled by Close, to stop the guests still running.
	// Close waits for them (instances) before it closes the runtime, which
	// would otherwise close their files under their host calls.
	closing     context.Context
	stopRunning context.CancelFunc
	instances   sync.WaitGroup

	hits, misses, compileErrors, runs atomic.Uint64
	snapshots, reused, rewrites       atomic.Uint64
	compileNanos                      atomic.Int64
}

// entry is one key's compiled module, or the compile in progress for it.
type entry struct {
	done chan struct{} // closed when mod or err is set
	mod  *Module
	err  error
}

// Module is a compiled function, ready to instantiate. It is cheap to hold
// and safe for concurrent Runs; every Run gets a fresh instance.
type Module struct {
	key      string
	compiled wazero.CompiledModule
	stop     string // export name of the global that stops the instance
	start    string // export name of the module's own start function, or ""
	minPages uint32
	s        *Sandbox
	memHint  atomic.Uint64 // linear memory bytes the last good run reached
	// wasmBytes is the rewritten module's size, from which Size estimates
	// the compiled module's.
	wasmBytes int64
	// rewritten: its compile rewrote the code rather than reading the
	// rewrite from CacheDir (Rewritten).
	rewritten bool
	// reactor is set for a module without _start that exports
	// ReactorExport: it runs from a snapshot (reactor.go).
	reactor *reactor
	// parent is the module whose compiled code a Derive'd module runs; it
	// holds one of parent's Runs until it is closed.
	parent *Module

	mu       sync.Mutex
	running  int  // Runs using compiled
	released bool // Release was called; compiled closes when running drops to 0
}

// ErrReleased is returned by Run for a module after Release. Compile the
// key again to get a fresh Module (from the disk cache when it has one).
var ErrReleased = errors.New("sandbox: module released")

func (m *Module) acquire() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.released {
		return false
	}
	m.running++
	return true
}

func (m *Module) release() {
	m.mu.Lock()
	m.running--
	closeNow := m.released && m.running == 0
	m.mu.Unlock()
	if closeNow {
		m.close()
	}
}

// close frees m's compiled code and its reactor's snapshot and instances.
func (m *Module) close() {
	if m.reactor != nil {
		m.reactor.close()
	}
	if m.parent != nil {
		m.parent.release()
		return
	}
	m.compiled.Close(context.Background())
}

// Release drops m's compiled code from memory once no Run is using it, so
// a provider can bound memory by how many functions it keeps loaded. Runs
// already started finish; later Runs of m fail with ErrReleased.
func (s *Sandbox) Release(m *Module) {
	s.mu.Lock()
	if e, ok := s.modules[m.key]; ok && e.mod == m {
		delete(s.modules, m.key)
	}
	s.mu.Unlock()
	m.mu.Lock()
	closeNow := !m.released && m.running == 0
	m.released = true
	m.mu.Unlock()
	if closeNow {
		m.close()
	}
}

// Config returns the configuration s runs with, defaults filled in.
func (s *Sandbox) Config() Config { return s.cfg }

// Limits returns the provider-wide maxima.
func (s *Sandbox) Limits() wf.Limits {
	return wf.Limits{
		MemoryPages:      s.cfg.MaxMemoryPages,
		TimeoutMS:        s.cfg.MaxTimeout.Milliseconds(),
		MaxRequestBytes:  s.cfg.MaxRequestBytes,
		MaxResponseBytes: s.cfg.MaxResponseBytes,
	}
}

// Effective returns the limits a Run with l gets: zero fields become the
// maxima and larger values are capped by them.
func (s *Sandbox) Effective(l wf.Limits) wf.Limits {
	e := s.limits(l)
	return wf.Limits{MemoryPages: e.pages, TimeoutMS: e.timeout.Milliseconds(), MaxRequestBytes: e.reqBytes, MaxResponseBytes: e.outBytes}
}

// Key returns the key the module was compiled under.
func (m *Module) Key() string { return m.key }

// Rewritten reports whether compiling m rewrote its code for the sandbox
// rather than reading the rewrite from Config.CacheDir: a cold compile
// cache for that code. A derived module answers for the module whose code
// it runs.
func (m *Module) Rewritten() bool {
	if m.parent != nil {
		return m.parent.Rewritten()
	}
	return m.rewritten
}

// Size estimates the memory m holds, in bytes, so that a provider can bound
// its loaded functions by bytes rather than by count: the compiled module
// (machine code and wazero's decoded module, measured at about 4 and 1.4
// times the rewritten module's size for Go guests; 45 KiB of code for the
// 10 KB AssemblyScript hello) and, for a reactor, its snapshot image and
// idle instances (the pages each has written, and a fixed 256 KiB for the
// instance itself).
func (m *Module) Size() int64 {
	n := compiledPerByte*m.wasmBytes/10 + minCompiledBytes
	if r := m.reactor; r != nil {
		n += r.size()
	}
	return n
}

// The estimate of a compiled module: compiledPerByte tenths of a byte per
// byte of the rewritten module, and at least minCompiledBytes.
const (
	compiledPerByte  = 50
	minCompiledBytes = 128 << 10
)

// MinMemoryPages returns the memory the module needs to start, in 64 KiB
// pages. A Run whose memory limit is lower fails.
func (m *Module) MinMemoryPages() uint32 { return m.minPages }

// Stats are counters for metrics.
type Stats struct {
	Modules       int           // compiled modules held in memory
	Hits          uint64        // Compile calls answered from memory, including waits on a compile in progress
	Misses        uint64        // Compile calls that compiled (from the disk cache when it had the module)
	CompileErrors uint64        // compiles that failed
	CompileTime   time.Duration // total time spent in misses
	Runs          uint64        // Run calls that started an instance
	Snapshots     uint64        // reactor snapshots taken (one per module, again after a failure)
	Reused        uint64        // reactor Runs served by an instance reset from an earlier Run
	Rewrites      uint64        // modules rewritten for the sandbox (internal/wasm) rather than read from CacheDir
}

// New returns a Sandbox with the given maxima.
func New(ctx context.Context, cfg Config) (*Sandbox, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("sandbox: config: %w", err)
	}
	var cache wazero.CompilationCache
	if cfg.CacheDir != "" {
		if cache, err = wazero.NewCompilationCacheWithDir(cfg.CacheDir); err != nil {
			return nil, fmt.Errorf("sandbox: compilation cache: %w", err)
		}
	} else {
		cache = wazero.NewCompilationCache()
	}
	rc := wazero.NewRuntimeConfig().
		WithCompilationCache(cache).
		// Not WithCloseOnContextDone (an exit to Go at every loop
		// iteration): modules stop themselves, and leave machine code for
		// Go, where the scheduler and GC can stop them, every 1,024 checks
		// (internal/wasm).
		// wasm32's whole range, not the provider's maximum: wazero refuses
		// a grow past this limit itself, so the function's failure would
		// read as a bare trap. Every limit, the provider's included, is
		// enforced by linearMemory, which records the refusal (Run then
		// says "out of memory"); compile checks the minimum.
		WithMemoryLimitPages(maxPages)
	rt := wazero.NewRuntimeWithConfig(ctx, rc)
	if err := instantiateWASI(ctx, rt); err != nil {
		rt.Close(ctx)
		cache.Close(ctx)
		return nil, fmt.Errorf("sandbox: instantiate WASI: %w", err)
	}
	closing, stopRunning := context.WithCancel(context.Background())
	return &Sandbox{
		cfg:         cfg,
		cpu:         cfg.CPU,
		rt:          rt,
		cache:       cache,
		closing:     closing,
		stopRunning: stopRunning,
		wasi:        rt.Module(wasi_snapshot_preview1.ModuleName).ExportedFunctionDefinitions(),
		modules:     map[string]*entry{},
		modCfg: wazero.NewModuleConfig().
			WithName(""). // anonymous: many instances of one module at once
			WithSysWalltime().
			WithSysNanotime().
			WithRandSource(rand.Reader).
			// Run calls them itself, once it can stop them.
			WithStartFunctions(),
	}, nil
}

// Close releases every compiled module and stops any Run in progress. Later
// calls fail with wf.ErrUnavailable.
func (s *Sandbox) Close(ctx context.Context) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	var reactors []*reactor
	for _, e := range s.modules {
		select {
		case <-e.done:
			if e.mod != nil && e.mod.reactor != nil {
				reactors = append(reactors, e.mod.reactor)
			}
		default:
		}
	}
	s.modules = nil
	s.mu.Unlock()
	s.stopRunning()
	s.instances.Wait()
	for _, r := range reactors {
		r.close()
	}
	err := s.rt.Close(ctx)
	if cerr := s.cache.Close(ctx); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sandbox: close: %w", err)
	}
	return nil
}

var errClosed = fmt.Errorf("sandbox: closed: %w", wf.ErrUnavailable)

// waitEntry waits for e, which another call is making or made, and
// returns its module; what names the call in a cancelled wait's error.
func (s *Sandbox) waitEntry(ctx context.Context, e *entry, what string) (*Module, error) {
	select {
	case <-e.done:
	case <-ctx.Done():
		return nil, fmt.Errorf("sandbox: %s: %w", what, ctx.Err())
	}
	if e.err != nil {
		return nil, e.err
	}
	s.hits.Add(1)
	return e.mod, nil
}

// Compile returns the compiled module for key, compiling wasm only if no
// module is held for key yet. Concurrent first calls for one key compile
// once and share the result; a failed compile is not remembered. key names
// the content (the code CID), so wasm is ignored on a hit. An invalid
// module, or one that imports anything but WASI preview 1 or lacks _start,
// is an error wrapping wf.ErrInvalid.
func (s *Sandbox) Compile(ctx context.Context, key string, wasm []byte) (*Module, error) {
	if key == "" {
		return nil, wf.E(wf.ErrInvalid, "empty module key", nil)
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, errClosed
	}
	if e, ok := s.modules[key]; ok {
		s.mu.Unlock()
		return s.waitEntry(ctx, e, "compile "+key)
	}
	e := &entry{done: make(chan struct{})}
	s.modules[key] = e
	s.mu.Unlock()

	start := time.Now()
	e.mod, e.err = s.compile(ctx, key, wasm)
	s.compileNanos.Add(int64(time.Since(start)))
	s.misses.Add(1)
	if e.err != nil {
		s.compileErrors.Add(1)
		s.mu.Lock()
		if s.modules[key] == e {
			delete(s.modules, key)
		}
		s.mu.Unlock()
	}
	close(e.done)
	return e.mod, e.err
}

// compileModule is wazero's CompileModule, with a panic in it (a module
// that wazero's validator and compiler read differently has caused one)
// turned into an error, so it neither kills the process nor leaves the
// compile cache's entry waiting forever.
func (s *Sandbox) compileModule(ctx context.Context, wasm []byte) (cm wazero.CompiledModule, err error) {
	defer func() {
		if p := recover(); p != nil {
			cm, err = nil, fmt.Errorf("the compiler failed on it: %v", p)
		}
	}()
	return s.rt.CompileModule(ctx, wasm)
}

func (s *Sandbox) compile(ctx context.Context, key string, bin []byte) (*Module, error) {
	inst, rewritten, err := s.instrument(key, bin)
	if err != nil {
		return nil, wf.E(wf.ErrInvalid, "invalid WebAssembly module: "+err.Error(), fmt.Errorf("sandbox: compile %s", key))
	}
	// Compilation outlives one caller: others may be waiting for it.
	cm, err := s.compileModule(context.WithoutCancel(ctx), inst.Wasm)
	if err != nil {
		if s.isClosed() {
			return nil, errClosed
		}
		// The reason is about the publisher's own bytes, so it is safe to show.
		return nil, wf.E(wf.ErrInvalid, "invalid WebAssembly module: "+err.Error(), fmt.Errorf("sandbox: compile %s", key))
	}
	if err := s.check(cm); err != nil {
		cm.Close(ctx)
		return nil, wf.E(wf.ErrInvalid, "unsupported WebAssembly module: "+err.Error(), fmt.Errorf("sandbox: compile %s", key))
	}
	// From the rewrite, not cm.ExportedMemories: a memory's minimum counts
	// whether or not the module exports it.
	m := &Module{key: key, compiled: cm, stop: inst.StopExport, start: inst.StartExport, minPages: inst.MinPages, s: s,
		wasmBytes: int64(len(inst.Wasm)), rewritten: rewritten}
	_, command := cm.ExportedFunctions()["_start"]
	switch {
	case len(inst.Globals) > 0:
		// Instances are reset to a snapshot and reused (reactor.go): a
		// reactor's after _initialize, a command's as instantiated.
		m.reactor = &reactor{globals: inst.Globals, reuse: inst.Resettable, command: command}
	case !command:
		cm.Close(ctx)
		return nil, wf.E(wf.ErrInvalid, "unsupported WebAssembly module: a reactor ("+ReactorExport+") must define a memory", fmt.Errorf("sandbox: compile %s", key))
	}
	if m.minPages > s.cfg.MaxMemoryPages {
		cm.Close(ctx)
		return nil, wf.E(wf.ErrInvalid, fmt.Sprintf("invalid WebAssembly module: its memory starts at %d pages; this provider allows at most %d", m.minPages, s.cfg.MaxMemoryPages),
			fmt.Errorf("sandbox: compile %s", key))
	}
	return m, nil
}

// check rejects modules that would fail at every Run, so the error surfaces
// at deploy time as invalid input rather than later as a function failure.
func (s *Sandbox) check(cm wazero.CompiledModule) error {
	for _, f := range cm.ImportedFunctions() {
		mod, name, _ := f.Import()
		if mod != wasi_snapshot_preview1.ModuleName {
			return fmt.Errorf("imports %s.%s; only %s is provided", mod, name, wasi_snapshot_preview1.ModuleName)
		}
		want, ok := s.wasi[name]
		if !ok {
			return fmt.Errorf("imports unknown WASI function %s", name)
		}
		if !slices.Equal(f.ParamTypes(), want.ParamTypes()) || !slices.Equal(f.ResultTypes(), want.ResultTypes()) {
			return fmt.Errorf("imports WASI function %s with the wrong signature", name)
		}
	}
	if len(cm.ImportedMemories()) > 0 {
		return errors.New("imports a memory; it must define its own")
	}
	exports := cm.ExportedFunctions()
	entry := "_start"
	if _, ok := exports[entry]; !ok {
		entry = ReactorExport
		if _, ok := exports[entry]; !ok {
			return errors.New("exports no _start function (WAGI runs WASI commands) and no " + ReactorExport + " (a reactor built with package guest)")
		}
	}
	for _, name := range []string{entry, "_initialize"} {
		if f, ok := exports[name]; ok && (len(f.ParamTypes()) != 0 || len(f.ResultTypes()) != 0) {
			return errors.New(name + " must take and return nothing")
		}
	}
	return nil
}

func (s *Sandbox) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// Stats returns the counters so far.
func (s *Sandbox) Stats() Stats {
	s.mu.Lock()
	n := 0
	for _, e := range s.modules {
		select {
		case <-e.done:
			if e.err == nil {
				n++
			}
		default:
		}
	}
	s.mu.Unlock()
	return Stats{
		Modules:       n,
		Hits:          s.hits.Load(),
		Misses:        s.misses.Load(),
		CompileErrors: s.compileErrors.Load(),
		CompileTime:   time.Duration(s.compileNanos.Load()),
		Runs:          s.runs.Load(),
		Snapshots:     s.snapshots.Load(),
		Reused:        s.reused.Load(),
		Rewrites:      s.rewrites.Load(),
	}
}

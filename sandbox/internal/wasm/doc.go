// Package wasm is the sandbox's WebAssembly binary codec. Instrument checks
// a module's structure and rewrites it so that it stops itself when the
// sandbox sets a flag; the sandbox compiles the result with wazero, which
// this package does not import.
//
// The time limit is enforced inside the guest. Instrument rewrites every
// module before it is compiled: it adds a mutable i32 global $stop,
// exported under a name the module does not use, and a check (checkCode)
// at the entry of every function and at the head of every loop. The
// sandbox sets $stop from another goroutine when the deadline passes, the
// caller cancels, the output limit is hit or the Sandbox closes; the guest
// traps at its next check. Without loops or calls, wasm code runs straight
// to its end, so every way to run long passes a check.
//
// The check also counts down a second global, $tick, and every tickEvery
// checks calls $slow, a function the rewrite appends (after the module's
// own, so no index changes). $slow runs memory.grow 0, which wazero's
// machine code cannot do itself: it returns to Go for it. That is the
// guest's only Go safe point. Go cannot preempt a goroutine running
// wazero's machine code, so without it a garbage collection, which stops
// every goroutine, waited for a spinning guest, and the goroutine that
// would set $stop could not run either: the process hung
// (sandbox's TestGCWhileGuestRuns). ref.func also returns to Go, but allocates a
// function reference that lives as long as the instance. A module with
// no memory gets one of 0 pages for the memory.grow, and code that uses
// memory is rejected, as wazero would have.
//
// wazero's own WithCloseOnContextDone instead calls out of machine code
// into Go at every loop iteration (wazero issue #2466): about 60 ns each,
// two thirds of the AssemblyScript template's run (2,200 iterations). It
// also checks only loops, so a loop-free recursion tree (f calls f twice,
// 60 deep) was never stopped. Here a check is three loads, a store and two
// branches, measured at 1-2 ns per loop iteration on a loaded machine;
// the counter's store and reload are most of it.
//
// Because the globals and $slow are added by the rewrite, a module whose
// code names a global or function index the original module does not
// define would pass validation only after it, and could clear the flag:
// Instrument rejects such code.
//
// A start section is turned into an export that the sandbox calls itself,
// after it can set the flag: wazero runs a start function inside
// InstantiateModule, before the sandbox holds the instance.
//
// Instrument also merges the active data segments into as few as it can.
// wazero evaluates each segment's offset with allocations at every
// instantiation: the AssemblyScript template has 215 small segments (a
// fifth of its run once the loop exits were gone), the Go test guest
// 36,827 (43,000 allocations per run before, 6,600 after).
//
// The rewrite costs about 16 ms for the 3.3 MB Go test guest, once per
// compile (including a compile answered by the disk cache).
//
// Before any of this, checkSection walks every section, so no count or
// length in the module can make wazero's decoder allocate more than the
// module's size warrants.
package wasm

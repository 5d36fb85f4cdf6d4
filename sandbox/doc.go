// Package sandbox runs WebFunctions' WebAssembly functions: WASI preview 1
// commands that speak WAGI 1.0, the CGI dialect of deislabs/wagi, so a
// module written for WAGI runs unchanged. It is the only package that
// imports wazero.
//
// # ABI
//
// A command (a module that exports _start) runs _start for each request,
// on an instance in its state as instantiated: a fresh one for the first
// Run, then one reset to that state (see Snapshots below). A reactor (no
// _start, an export ReactorExport, wf_http) runs wf_http on an instance in
// its state after _initialize. The request goes in as:
//
//   - Environment: the CGI/WAGI variables AUTH_TYPE (empty), CONTENT_LENGTH
//     (always set, "0" for no body), CONTENT_TYPE, GATEWAY_INTERFACE
//     (CGI/1.1), PATH_INFO and PATH_TRANSLATED (the decoded path after the
//     function prefix), X_RAW_PATH_INFO (the same, still encoded),
//     X_RELATIVE_PATH (PATH_INFO without its leading slash), QUERY_STRING,
//     REMOTE_ADDR and REMOTE_HOST (the client IP), REMOTE_USER (empty),
//     REQUEST_METHOD, SCRIPT_NAME ("/<cid>"), X_MATCHED_ROUTE
//     ("/<cid>/..."), SERVER_NAME and SERVER_PORT (from Host), SERVER_PROTOCOL,
//     SERVER_SOFTWARE and X_FULL_URL; one HTTP_* variable per request header;
//     and the function's own Env from its spec. CGI variables win over the
//     function's Env, which wins over headers (WAGI lets headers override
//     configured env; here a caller cannot change what the owner set).
//   - Headers are named as CGI says (upper case, '-' to '_', "HTTP_"
//     prefix); repeated values are joined with ", " ("; " for Cookie).
//     Authorization and Proxy-Authorization are never passed (RFC 3875
//     section 4.1.18; WAGI drops Authorization too), nor is Proxy
//     ("httpoxy": HTTP_PROXY reads as proxy configuration), nor are
//     hop-by-hop headers, nor the protocol's X-WF-* headers (a caller's
//     voucher authorises payment). Header names with characters other
//     than letters, digits and '-' are dropped, so "X_User" cannot pose as
//     "X-User".
//   - Arguments, as WAGI builds them: argv[0] is the URL path
//     (SCRIPT_NAME + the encoded path), then the query split on '&', still
//     encoded; empty terms are dropped.
//   - Stdin: the request body, read to its end before the function starts
//     so CONTENT_LENGTH is exact and a slow client does not use the
//     function's time; after Request.Prelude, if any, which counts in
//     neither (the js runtime passes its script there, package jsrt).
//
// The function answers on stdout with a CGI response, parsed by
// ParseCGIResponse: header lines (LF or CRLF), a blank line, the body.
// Stderr is the invocation's log for the owner (Response.Log).
//
// # Isolation
//
// Only the variables above exist: nothing from the host's environment. No
// directory is preopened, so every path open fails (EBADF); wazero's socket
// extension is not enabled, so there is no network. The wall and monotonic
// clocks are real, and sleeping really sleeps (wazero's defaults are fake
// clocks and a no-op sleep, which break Go's time.Sleep). Random bytes come
// from crypto/rand; wazero's default source is deterministic, which would
// give every instance the same "random" keys. Modules may import only
// wasi_snapshot_preview1, with the right signatures; Compile rejects others.
//
// environ_get and environ_sizes_get are the sandbox's own (environ.go):
// they read the request's variables from the instance's context, because
// wazero's ModuleConfig.WithEnv copies its whole index on every call, which
// made the environment quadratic in the number of variables. Both check
// that the guest's pointers lie in its memory, as wazero's do.
//
// # Limits
//
// Config sets the provider's maxima; each Request's wf.Limits chooses values
// within them, a zero field meaning the maximum.
//
//   - Memory: wazero fixes a memory's maximum when it compiles a module, from
//     the runtime-wide WithMemoryLimitPages, so per-function limits would
//     need a runtime and a compiled copy per distinct limit (measured: a
//     second runtime sharing the compilation cache still spends about 70 ms
//     decoding the 3.3 MB test guest, and holds a second copy of the
//     module). Instead the runtime allows wasm32's whole 4 GiB, and every
//     instance gets its own linear memory from a wazero experimental
//     MemoryAllocator that refuses to grow past that instance's limit (so
//     every refusal is seen and reported as out of memory). One
//     compiled module serves every limit, and Response.Memory reports the
//     peak. A refused grow is memory.grow returning -1; Go guests then die
//     with "out of memory" and exit 2, reported as ErrFunctionFailed.
//   - Time: every module is rewritten before it is compiled so that each
//     function entry and loop head checks a stop flag, which Run sets at the
//     deadline (internal/wasm). Any code that runs long passes a check, so
//     even a loop with no calls, or a recursion with no loops, stops at the
//     deadline; the guest's sleep also wakes there. A Run past its deadline
//     fails with ErrTimeout. Every 1,024th check also steps out of machine
//     code into Go: Go cannot preempt a goroutine in wazero's machine code,
//     so a garbage collection would otherwise wait for a spinning guest,
//     and so would the goroutine that stops it: the whole process hung.
//     (wazero's WithCloseOnContextDone calls into Go at every loop
//     iteration, which cost a small guest two thirds of its run, and does
//     not stop loop-free recursion.)
//   - CPU: a Run computes on one of its CPU's tokens (see CPU), shared
//     fairly between tenants, and Request.CPUTime bounds the time it holds
//     one; past it the same stop flag stops the guest and Run fails with
//     ErrTimeout naming the CPU time budget.
//   - Output: stdout is buffered up to the limit; the write that would pass
//     it fails and cancels the instance, so a guest that ignores write
//     errors is stopped at once instead of flooding until the deadline.
//   - Request body: read through a limit; one byte over is ErrTooLarge.
//   - Log: stderr past Config.MaxLogBytes is dropped, never failing the
//     function, and the log ends with a truncation marker.
//
// # Compilation
//
// Compiling a Go guest takes seconds, so Compile keeps modules in memory by
// key (the code CID) and compiles each key once even when many requests ask
// at once. With Config.CacheDir, wazero also keeps machine code on disk, so
// a restarted provider loads a module in tens of milliseconds instead of
// recompiling it.
//
// No instance is ever shared by two requests at once, and one request
// cannot see another's memory: a module's first Run gets a fresh instance,
// later ones an instance reset to the module's snapshot (below). The
// buffers behind a fresh instance's linear memory are recycled through a
// pool (memory.go), since allocating one per request kept the GC busy, but
// every byte an instance could have written is zeroed before the buffer is
// pooled, and it goes back only after the instance has ended
// (TestMemoryZeroedOnReuse covers both). The rewrite also merges nearby data segments,
// since wazero evaluates each one's offset, with allocations, per instance
// (a Go guest has about 37,000). A Go guest costs a few milliseconds per
// request, most of it the Go runtime starting; the AssemblyScript template
// and a small hand-written module cost tens of microseconds (see the
// benchmarks). A Go reactor (package guest) does not start the runtime per
// request, as follows.
//
// # Snapshots
//
// A module's snapshot is its instance's memory (a sealed memfd image,
// image_linux.go) and mutable globals: for a reactor after _initialize
// (Go's runtime start and every init, run once with an empty environment),
// for a command as instantiated. Each Run then calls wf_http, or the start
// function and _start, on an instance in exactly that state, reused from an
// earlier Run: after a Run that returned normally (proc_exit(0) included:
// the sandbox's proc_exit does not close the instance), the pages the
// instance wrote get the image's bytes back (found in /proc/self/pagemap;
// no copy-on-write fault per request), pages past the image get zeros and
// the globals their saved values; after anything else it is closed. The
// rewrite (InstrumentForReuse) makes the memory size virtual (a global
// that memory.size and memory.grow read and move), so an instance keeps
// memory an earlier request grew without the module seeing it. Standard streams and the
// environment come from the call's context (stdio.go, environ.go), since
// wazero binds a module's streams once, at instantiation. See reactor.go,
// docs/go.md. Derive makes a module that runs another's compiled code from
// a snapshot of its own, its _initialize reading a given input on stdin
// (derive.go): each JavaScript function is one compiled engine with its
// worker evaluated into its own snapshot (package jsrt).
package sandbox

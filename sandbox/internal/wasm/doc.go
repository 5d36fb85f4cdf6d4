// Package wasm is the sandbox's WebAssembly binary codec: Instrument checks
// a module's structure and rewrites it so that it stops itself when the
// sandbox sets a flag. It imports no runtime; the sandbox compiles what
// Instrument returns with wazero.
package wasm

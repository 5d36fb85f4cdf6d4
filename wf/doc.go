// Package wf is the vocabulary of WebFunctions: the value types every part
// shares (content addresses, owner addresses, function specs, limits) and the
// few interfaces that have several implementations (block stores).
//
// It holds no implementation code and imports only the standard library, so
// any package may depend on it without pulling in wazero, go-ethereum or boxo.
package wf

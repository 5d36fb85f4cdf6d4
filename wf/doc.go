// Package wf is the vocabulary of WebFunctions: the value types every part
// shares (content addresses, account addresses, token amounts, nonces,
// request ids, function specs, limits), the protocol's header names, the
// statements accounts sign (Message), and the few interfaces that have
// several implementations or cross a package boundary (block stores;
// Payments, which the provider consumes and package payment implements;
// Signer and Verifier, which package chain implements).
//
// It holds no implementation code beyond parsing and formatting its values
// (and the Keccak-256 that EIP-55 checksums need), and it imports only the
// standard library, so any package may depend on it without pulling in
// wazero, go-ethereum or boxo.
package wf

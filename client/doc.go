// Package client is WebFunctions' Go API for publishers and callers; the
// cli is built on it, and so can any Go program be.
//
// A publisher packs a WebAssembly module with a spec it signs into a
// content-addressed package (Pack, PackSealed for sealed secrets and
// code), uploads it to providers (Client.Deploy), reads its invocations'
// logs (Client.Logs) and changes which providers may open a sealed
// function (Grant and Revoke, then Deploy). A caller invokes a function
// (Client.Invoke), paying from its own escrow where the provider asks it
// to (Payer: one voucher per session, each request signed by the
// session's key, the running total kept for it).
// Both ask a provider what it is and allows (Client.Info,
// Client.SealingKey) and fetch a function's spec checked against its CID
// and its owner's signature (Client.Spec).
//
// Signing goes through wf.Signer and checking signatures through
// wf.Verifier (package chain's *Key and Verifier implement them), so the
// package links neither go-ethereum nor the WebAssembly runtime.
//
// Answers with an error status come back as *ResponseError, which holds
// the JSON error body's code, message and details and which errors.Is
// matches to the wf sentinel of its status (wf.ErrNotFound,
// wf.ErrPaymentRequired, ...). A function's own answer is not an error,
// whatever its status: see Client.Invoke.
package client

// Package provider is a WebFunctions provider node as an http.Handler.
//
// Routes:
//
//	ANY  /{cid} and /{cid}/{path...}  invoke the function whose spec has that CID
//	POST /v1/car                      deploy: a CAR holding a signed spec and its code DAG
//	GET  /v1/logs/{cid}               recent invocation logs, for the owner only
//	GET  /v1/functions?owner=0x...    the functions an owner deployed here (public)
//	DELETE /v1/functions/{cid}        delete a function, for the owner only (docs/storage.md)
//	GET  /v1/info                     what this node is and what it allows
//	GET  /ipfs/{cid}                  IPFS trustless gateway (raw blocks and CARs)
//	GET  /healthz, /metrics           liveness and Prometheus metrics
//
// The provider does not listen on its own; cmd and the test harness wire
// Handler into an http.Server. Every error is a JSON body from package
// httperr, including what ServeMux would answer in text or HTML: a path
// that is not canonical ("//", "/./x", "/a/../b") gets a 307 to the clean
// path with a JSON body. Faults of the caller (a truncated or badly framed
// body, a caller that went away) are 4xx and logged at debug level, not
// as failures. Every request gets an id (X-Request-Id) that also tags its
// log lines.
//
// Deploys are charged to their owner against a storage quota; owners
// delete with a signature, and GC sweeps what no stored spec uses (see
// storage.go and docs/storage.md).
//
// A function sees its request as CGI variables (package sandbox), minus
// every X-WF-* header: those belong to the protocol, and X-WF-Voucher
// authorises payment. Its response is isolated from the other functions
// sharing the provider's origin: Set-Cookie is scoped to the function's
// path (X-Forwarded-Prefix, when a gateway sends it, comes first) with no
// Domain, and unless the function sets its own Content-Security-Policy the
// page is sandboxed into an opaque origin; see docs/abi.md.
//
// A spec's wf.callers extension (the owner's limits on callers, see
// DefaultExtensions and docs/spec.md) is enforced after the body is read
// and before payment authorises or a slot is taken: a refusal is 429 or
// 402 and never charged. Its windows live in memory and reset on restart.
package provider

// Package gateway is WebFunctions' front door as an http.Handler: it finds
// providers in the on-chain registry and forwards callers' requests to
// them, directly or through tunnels providers dialed in (package relay).
//
// Routes, for a gateway on domain D:
//
//	<name>.D/...          forward to the provider registered as name
//	D/p/<name>/...        the same, for deployments without wildcard DNS
//	D/<cid>/...           smart routing: any provider that has (or can fetch)
//	                      the function, by measured latency, success and price
//	D/.well-known/webfunctions/tunnel   providers' tunnels (relay protocol)
//	D/v1/providers        what the gateway knows of each provider (JSON)
//	D/healthz, D/metrics  liveness and Prometheus metrics
//
// Before forwarding to a provider's registered endpoint, the gateway checks
// that the endpoint answers a fresh challenge signed by the name's
// registered address (chain.ChallengePath), so nobody can point a name at
// someone else's server. A tunnel is accepted only with a login signed by
// the name's registered address.
//
// Forwarded requests lose hop-by-hop headers and any forwarding headers the
// caller sent (X-Forwarded-*, Forwarded, X-Real-Ip, ...); the gateway sets
// X-Forwarded-For, -Host and -Proto itself, and X-Forwarded-Prefix
// ("/p/<name>") on the path route, so the provider scopes a function's
// cookies to the path the caller sees. Bodies, header reads and whole
// exchanges are bounded; each client address is rate limited; every error
// the gateway itself returns is a JSON body from package httperr. Responses
// carry X-WF-Route: which provider answered, through what, and why it was
// chosen.
//
// Smart routing reads each function's spec block once (verified against
// its CID) and sends a sealed function only to providers whose registered
// sealing key it grants; with none reachable the gateway says so itself.
// A request with X-WF-Verify: k, to a function whose spec declares it
// deterministic, runs on k holders with distinct registered addresses and
// is answered only if their signed result receipts agree (kofn.go,
// docs/verification.md).
// Rate limits key on the client address, read from X-Forwarded-For only
// when the connection comes from a trusted proxy (Config.TrustedProxies).
//
// The Gateway does not listen on its own; Server returns an http.Server
// with the header and idle timeouts it relies on, and the caller serves it
// on a listener (plain, TLS from files, or ACME in cmd).
package gateway

// Package dashboard is the web dashboard of a WebFunctions network: pages
// for publishers (their functions across providers, deploys of modules and
// workers by upload, a function's spec, access policy, provenance and
// recent invocations, names and their versions, escrow and per-provider
// spending caps, the CI identities they trust) and a console for a
// provider's operator (health, load, latency, the ledger, earnings,
// settlements in flight, audits).
//
// It is an http.Handler that renders every page on the server (Go
// html/template, assets embedded, a little vanilla JavaScript only to talk
// to the browser's wallet), so it is fast on a slow laptop and needs no
// build step. It does not listen on its own.
//
// Users sign in with their own Ethereum wallet (EIP-1193,
// eth_signTypedData_v4) by signing a wf.DashboardLogin for a one-time
// nonce; the server checks the signature and keeps a server-side session
// behind an HttpOnly, SameSite=Strict cookie. The server never holds a
// user's key: whatever needs the user's authority is signed in the wallet
// (a log read, a deploy's spec, a name record) and only forwarded, or is a
// transaction the wallet sends itself (escrow changes), which the server
// prepared and then waits for on the chain. Config.DevSigner, set
// by `wf dev` alone, adds a "dev login" that signs with the public dev key.
//
// There is no global user database: what a page shows comes from the
// providers (their public listings and owner-signed reads) and the chain
// (escrow and registry), and an operator's console shows only what that
// operator's own node saw.
package dashboard

// Package ci lets CI jobs deploy and manage an owner's functions without
// holding the owner's key (docs/ci.md).
//
// The owner keeps a Policy of trusted CI identities (GitHub Actions
// workflows, GitLab CI projects) and runs a Signer, an http.Handler that
// verifies a job's OIDC identity token (issuer, audience, expiry, issued-at
// skew, RS256 only, the issuer's current keys, a token used once), matches
// its claims against the Policy, checks the job's proof that it holds the
// key it names, and answers with a minutes-long delegation to that key,
// signed by the owner (spec.CI, EIP-712 wf.Delegation). The job signs its
// spec with its own key; providers check both signatures offline
// (spec.Verify).
//
// Job is the CI side: it fetches the token the way the runner offers it,
// generates the key, asks the Signer, and signs as the owner's delegate.
//
// go-oidc and go-jose live here and nowhere else.
package ci

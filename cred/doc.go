// Package cred is WebFunctions' zero-knowledge credentials: callers prove
// that they may call a function without saying who they are
// (docs/credentials.md). It is the only package that imports gnark.
//
// An issuer (IssuerSecret, Handler) signs a Credential: attribute slots,
// an expiry and the holder's Commitment to a Secret only the holder knows.
// A function's spec carries an access policy (spec.Access, the wf.access
// extension): trusted issuers, predicates over slots, the slots the
// function may see, a session length and an optional rate. The holder
// proves with the one Circuit (Groth16 on BN254, one trusted setup for
// every policy: the policy's predicates are public inputs) that its
// credential satisfies the policy, binding the proof to the function, the
// provider (or any), a short-lived Ed25519 session key and a window;
// with a rate, a nullifier hash(secret, function, epoch) counts its
// requests without naming it.
//
// At the provider a Verifier (provider.Gate) checks the first request's
// Presentation once and caches its session key; later requests carry only
// the session key's signature over the request and a sequence number.
// The function sees the disclosed slots as WF_CRED_<NAME> variables and
// nothing else of the credential.
//
// Setups: DevSetup is a single-party setup for tests and wf dev, whose
// maker can forge any proof; production uses a multi-party ceremony's
// verifying key, named by its CID in the policy.
package cred

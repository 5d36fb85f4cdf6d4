// Package seal encrypts a function's secrets and, optionally, its code so
// that they can sit in public block storage and still be opened only by the
// providers their owner chose.
//
// One random data key encrypts the payloads once (AES-256-GCM under keys
// derived with HKDF-SHA256); the data key is wrapped per provider with HPKE
// (RFC 9180, crypto/hpke) to the provider's sealing public key. The default
// suite is the hybrid post-quantum KEM ML-KEM-768 + X25519 (X-Wing); plain
// DHKEM(X25519) is the fallback for publishers or chains where a 1,216-byte
// key is too costly. A grant is bound to the spec owner's address, so it
// cannot be replayed into another owner's function.
//
// Publishers use Seal, SealCode and Grant, and SetGrant/RemoveGrant to edit
// a spec's grant list. Providers hold a Keyring (current key plus previous
// ones, for rotation) and an Opener, which opens a verified spec's sealed
// parts in memory and caches the result in memory only. Redactor removes
// secret values from text bound for logs and error bodies.
//
// Every byte format here is versioned and parsed strictly; docs/sealing.md
// is the specification. Errors never contain secret values or data keys.
package seal

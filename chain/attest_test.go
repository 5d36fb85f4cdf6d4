package chain_test

import (
	"crypto/sha256"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/wf"
)

// attestEnv deploys an Attestations contract on a fresh chain and returns
// it as the first account (the auditor) and the chain.
func attestEnv(t *testing.T) (*chain.Attestations, *sim.Chain) {
	t.Helper()
	s := newSim(t, sim.Options{})
	ctx := testCtx(t)
	c := s.Client(s.Accounts()[0])
	addr, err := c.DeployAttestations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.Attestations(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	return a, s
}

func attestation(provider string) chain.Attestation {
	return chain.Attestation{
		Provider:     provider,
		Owner:        wf.Address{0xa1},
		Schema:       chain.SchemaID("wf-audit-v1"),
		ManifestHash: sha256.Sum256([]byte(`{"region":"eu"}`)),
		ReportCID:    "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
		Score:        9500,
	}
}

func TestAttestLatestValidRevoke(t *testing.T) {
	a, s := attestEnv(t)
	ctx := testCtx(t)
	auditor := s.Accounts()[0].Address()
	x := attestation("alpha")
	r, err := a.Attest(ctx, x)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("attest gas: %d", r.GasUsed)
	// The event names the provider, manifest, report, score and expiry.
	ls := logs(t, s, r)
	if len(ls) != 1 {
		t.Fatalf("%d logs", len(ls))
	}
	ev, err := bindings.NewAttestations().UnpackAttestedEvent(ls[0])
	if err != nil {
		t.Fatal(err)
	}
	if ev.Provider != "alpha" || ev.Auditor != common.Address(auditor) || ev.Score != 9500 || ev.ManifestHash != x.ManifestHash || ev.ReportCID != x.ReportCID {
		t.Fatalf("event %+v", ev)
	}
	got, err := a.Latest(ctx, auditor, "alpha", x.Schema)
	if err != nil {
		t.Fatal(err)
	}
	if got.Score != 9500 || got.Revoked || got.ManifestHash != x.ManifestHash || got.Auditor != auditor {
		t.Fatalf("latest %+v", got)
	}
	// Default expiry: a day after the block.
	if ttl := got.ExpiresAt.Sub(got.IssuedAt); ttl < chain.DefaultAttestationTTL-time.Minute || ttl > chain.DefaultAttestationTTL+time.Minute {
		t.Fatalf("ttl %s", ttl)
	}
	if got.Owner != x.Owner {
		t.Fatalf("owner %s, want %s", got.Owner.Checksum(), x.Owner.Checksum())
	}
	if !got.Holds(got.IssuedAt, x.Owner, x.ManifestHash) || got.Holds(got.IssuedAt, x.Owner, sha256.Sum256([]byte("other"))) {
		t.Fatal("Holds ignores the manifest")
	}
	// The name under another owner (lapsed and re-registered) is not what was audited.
	if got.Holds(got.IssuedAt, wf.Address{0xb2}, x.ManifestHash) || got.Holds(got.IssuedAt, wf.Address{}, x.ManifestHash) {
		t.Fatal("Holds ignores the owner")
	}
	// Another auditor's view is its own: nothing.
	if _, err := a.Latest(ctx, s.Accounts()[1].Address(), "alpha", x.Schema); !errors.Is(err, wf.ErrNotFound) {
		t.Fatalf("other auditor: %v", err)
	}
	// A later attestation replaces it.
	x.Score = 4000
	if _, err := a.Attest(ctx, x); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Latest(ctx, auditor, "alpha", x.Schema); got.Score != 4000 {
		t.Fatalf("replaced: %+v", got)
	}
	r, err = a.Revoke(ctx, "alpha", x.Schema)
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := bindings.NewAttestations().UnpackRevokedEvent(logs(t, s, r)[0]); err != nil || ev.Provider != "alpha" {
		t.Fatalf("revoked event %+v %v", ev, err)
	}
	if got, _ := a.Latest(ctx, auditor, "alpha", x.Schema); !got.Revoked || got.Holds(got.IssuedAt, x.Owner, x.ManifestHash) {
		t.Fatalf("revoked: %+v", got)
	}
}

func TestAttestExpires(t *testing.T) {
	a, s := attestEnv(t)
	ctx := testCtx(t)
	x := attestation("alpha")
	if _, err := a.Attest(ctx, x); err != nil {
		t.Fatal(err)
	}
	valid := func() bool { return attValid(t, s, a, x, x.Owner) }
	if attValid(t, s, a, x, wf.Address{0xb2}) {
		t.Fatal("valid for another owner of the name")
	}
	if !valid() {
		t.Fatal("fresh attestation not valid")
	}
	if err := s.AdjustTime(chain.DefaultAttestationTTL + time.Minute); err != nil {
		t.Fatal(err)
	}
	if valid() {
		t.Fatal("attestation still valid after its expiry")
	}
}

// Every revert of the contract, each with its custom error.
func TestAttestReverts(t *testing.T) {
	a, s := attestEnv(t)
	ctx := testCtx(t)
	auditor, other := s.Accounts()[0], s.Accounts()[1]
	future := time.Now().Add(time.Hour)
	for _, tc := range []struct {
		name, revert string
		kind         error
		edit         func(*chain.Attestation)
	}{
		{"empty provider", "InvalidField", wf.ErrInvalid, func(x *chain.Attestation) { x.Provider = "" }},
		{"zero owner", "InvalidField", wf.ErrInvalid, func(x *chain.Attestation) { x.Owner = wf.Address{} }},
		{"zero manifest", "InvalidField", wf.ErrInvalid, func(x *chain.Attestation) { x.ManifestHash = [32]byte{} }},
		{"empty report", "InvalidField", wf.ErrInvalid, func(x *chain.Attestation) { x.ReportCID = "" }},
		{"long report", "InvalidField", wf.ErrInvalid, func(x *chain.Attestation) { x.ReportCID = strings.Repeat("b", 129) }},
		{"score", "InvalidScore", wf.ErrInvalid, func(x *chain.Attestation) { x.Score = chain.MaxScore + 1 }},
		{"past expiry", "InvalidExpiry", wf.ErrInvalid, func(x *chain.Attestation) { x.ExpiresAt = time.Unix(1000, 0) }},
		{"expiry too far", "InvalidExpiry", wf.ErrInvalid, func(x *chain.Attestation) { x.ExpiresAt = time.Now().Add(31 * 24 * time.Hour) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := attestation("alpha")
			x.ExpiresAt = future
			tc.edit(&x)
			_, err := a.Attest(ctx, x)
			wantRevert(t, err, tc.revert, tc.kind)
		})
	}
	t.Run("revoke unknown", func(t *testing.T) {
		_, err := a.Revoke(ctx, "nobody", chain.SchemaID("wf-audit-v1"))
		wantRevert(t, err, "UnknownAttestation", wf.ErrNotFound)
	})
	t.Run("revoke twice", func(t *testing.T) {
		x := attestation("beta")
		if _, err := a.Attest(ctx, x); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Revoke(ctx, "beta", x.Schema); err != nil {
			t.Fatal(err)
		}
		_, err := a.Revoke(ctx, "beta", x.Schema)
		wantRevert(t, err, "AlreadyRevoked", wf.ErrInvalid)
	})
	t.Run("revoke another's", func(t *testing.T) {
		x := attestation("gamma")
		if _, err := a.Attest(ctx, x); err != nil {
			t.Fatal(err)
		}
		// Revoking is per auditor: the other account has nothing to revoke.
		_, err := a.As(s.Client(other)).Revoke(ctx, "gamma", x.Schema)
		wantRevert(t, err, "UnknownAttestation", wf.ErrNotFound)
	})

	// Signed attestations: relayed by anyone, refused when forged or replayed.
	relay := a.As(s.Client(other))
	x := attestation("delta")
	x.ExpiresAt = future
	n, err := a.Nonce(ctx, auditor.Address())
	if err != nil {
		t.Fatal(err)
	}
	sa, err := a.Sign(auditor, x, n)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("digest matches the contract", func(t *testing.T) {
		out, err := chain.Call(s.Client(nil), ctx, a.Address(), bindings.NewAttestations().PackAttestationDigest(
			x.Provider, common.Address(x.Owner), x.Schema, x.ManifestHash, x.ReportCID, x.Score, uint64(x.ExpiresAt.Unix()), new(big.Int).SetUint64(n)), "digest")
		if err != nil {
			t.Fatal(err)
		}
		d, _ := bindings.NewAttestations().UnpackAttestationDigest(out)
		if d != chain.AttestationDigest(s.Client(nil).ChainID(), a.Address(), x, n) {
			t.Fatal("Go and Solidity digests differ")
		}
	})
	t.Run("forged", func(t *testing.T) {
		forged, err := a.Sign(other, x, n) // signed by other, claims auditor
		if err != nil {
			t.Fatal(err)
		}
		forged.Auditor = auditor.Address()
		_, err = relay.AttestSigned(ctx, forged)
		wantRevert(t, err, "InvalidSignature", wf.ErrForbidden)
		tampered := sa
		tampered.Score = chain.MaxScore
		_, err = relay.AttestSigned(ctx, tampered)
		wantRevert(t, err, "InvalidSignature", wf.ErrForbidden)
		rebound := sa // moved to another owner of the name
		rebound.Owner = wf.Address{0xb2}
		_, err = relay.AttestSigned(ctx, rebound)
		wantRevert(t, err, "InvalidSignature", wf.ErrForbidden)
	})
	t.Run("relayed", func(t *testing.T) {
		if _, err := relay.AttestSigned(ctx, sa); err != nil {
			t.Fatal(err)
		}
		got, err := a.Latest(ctx, auditor.Address(), "delta", x.Schema)
		if err != nil || got.Auditor != auditor.Address() || got.Score != x.Score {
			t.Fatalf("relayed: %+v %v", got, err)
		}
	})
	t.Run("replayed", func(t *testing.T) {
		_, err := relay.AttestSigned(ctx, sa)
		wantRevert(t, err, "BadNonce", wf.ErrForbidden)
	})
	t.Run("future nonce", func(t *testing.T) {
		n, _ := a.Nonce(ctx, auditor.Address())
		early, err := a.Sign(auditor, x, n+1)
		if err != nil {
			t.Fatal(err)
		}
		_, err = relay.AttestSigned(ctx, early)
		wantRevert(t, err, "BadNonce", wf.ErrForbidden)
	})
}

// attValid asks the contract's valid() about x for owner.
func attValid(t *testing.T, s *sim.Chain, a *chain.Attestations, x chain.Attestation, owner wf.Address) bool {
	t.Helper()
	out, err := chain.Call(s.Client(nil), testCtx(t), a.Address(), bindings.NewAttestations().PackValid(
		common.Address(s.Accounts()[0].Address()), x.Provider, common.Address(owner), x.Schema, x.ManifestHash), "valid")
	if err != nil {
		t.Fatal(err)
	}
	v, err := bindings.NewAttestations().UnpackValid(out)
	if err != nil {
		t.Fatal(err)
	}
	return v.Ok
}

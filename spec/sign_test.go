package spec_test

import (
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// fakeKey signs a spec by putting its address and a hash of the spec's
// canonical encoding in the signature; fakeVerifier reads them back. They
// stand in for chain.Key and chain.Verifier (tested against each other in
// package chain) so that this package's tests stay free of go-ethereum.
type fakeKey struct{ addr wf.Address }

func (k fakeKey) Address() wf.Address { return k.addr }

func (k fakeKey) Sign(m wf.Message) (wf.Signature, error) {
	var sig wf.Signature
	h, err := hashOf(m)
	if err != nil {
		return sig, err
	}
	copy(sig[:20], k.addr[:])
	copy(sig[20:52], h[:])
	return sig, nil
}

type fakeVerifier struct{}

func (fakeVerifier) Recover(m wf.Message, sig wf.Signature) (wf.Address, error) {
	h, err := hashOf(m)
	if err != nil {
		return wf.Address{}, err
	}
	if [32]byte(sig[20:52]) != h {
		return wf.Address{0xff}, nil // as if over another message: someone else
	}
	return wf.Address(sig[:20]), nil
}

func hashOf(m wf.Message) ([32]byte, error) {
	s, ok := m.(*wf.Spec)
	if !ok {
		return [32]byte{}, errors.New("not a spec")
	}
	b, err := spec.Canonical(s)
	return sha256.Sum256(b), err
}

var (
	_ wf.Signer   = fakeKey{}
	_ wf.Verifier = fakeVerifier{}
)

func TestSignVerify(t *testing.T) {
	alice, bob := fakeKey{wf.Address{1}}, fakeKey{wf.Address{2}}
	s := testSpec(t)
	s.Owner = bob.addr // Sign makes the signer the owner
	ss, err := spec.Sign(s, alice)
	if err != nil {
		t.Fatal(err)
	}
	if ss.Spec.Owner != alice.addr {
		t.Fatalf("owner %s, want the signer %s", ss.Spec.Owner, alice.addr)
	}
	if err := spec.Verify(ss, fakeVerifier{}); err != nil {
		t.Fatalf("a signed spec does not verify: %v", err)
	}
	tampered := *ss
	tampered.Spec.Env = map[string]string{"X": "1"}
	otherOwner := *ss
	otherOwner.Spec.Owner = bob.addr
	for name, bad := range map[string]*wf.SignedSpec{"tampered": &tampered, "other owner": &otherOwner} {
		if err := spec.Verify(bad, fakeVerifier{}); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}

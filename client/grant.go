package client

import (
	"fmt"
	"maps"

	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Grant lets one more provider open a deployed sealed function: it adds
// a grant of the function's data key to the sealing key to (the
// provider's, from Client.SealingKey or the registry), replacing any
// grant to that key. The data key is opened with kr, the publisher's own
// sealing keyring, which every sealed deploy should grant too (see
// Sealing.To).
//
// ss is the function's current spec, as Client.Spec fetched it; it is not
// modified. The result is a new version of the function, a new spec with
// the same code and secrets blocks and so a new CID, signed by owner and
// packed as the spec block alone (as PackSpec does): upload it with Deploy
// to providers that hold those blocks already.
//
// Errors wrap wf.ErrInvalid for a spec with nothing sealed, wf.ErrForbidden
// for an owner that is not the spec's, and seal.ErrNoGrant when none of
// kr's keys is granted.
func Grant(ss *wf.SignedSpec, owner wf.Signer, kr *seal.Keyring, to *seal.PublicKey) (*Package, error) {
	c, s, err := resealable(ss, owner)
	if err != nil {
		return nil, err
	}
	dk, _, err := kr.OpenGrant(s.Sealed.Grants, s.Owner)
	if err != nil {
		return nil, fmt.Errorf("grant: function %s: the publisher's keyring: %w", c, err)
	}
	defer dk.Destroy()
	g, err := seal.Grant(dk, to, s.Owner)
	if err != nil {
		return nil, fmt.Errorf("grant: %w", err)
	}
	seal.SetGrant(s.Sealed, g)
	return PackSpec(s, owner)
}

// Revoke is Grant's opposite: it removes the grant to sealing key id and
// returns the new version in the same way, with the same errors for the
// spec and the owner. A function with no grant for id is an error
// wrapping wf.ErrNotFound; removing its last grant, which would leave
// nobody able to open it, one wrapping wf.ErrInvalid. The provider keeps
// what it opened already, and the old version stays valid wherever it is
// deployed: only new secrets under a new data key take them away.
func Revoke(ss *wf.SignedSpec, owner wf.Signer, id wf.KeyID) (*Package, error) {
	c, s, err := resealable(ss, owner)
	if err != nil {
		return nil, err
	}
	if !seal.RemoveGrant(s.Sealed, id) {
		return nil, fmt.Errorf("%w: function %s has no grant for sealing key %s", wf.ErrNotFound, c, id)
	}
	if len(s.Sealed.Grants) == 0 {
		return nil, fmt.Errorf("%w: that is the function's last grant; nobody could open it", wf.ErrInvalid)
	}
	return PackSpec(s, owner)
}

// resealable checks that owner may make a new version of the sealed
// function ss and returns its CID and a copy of its spec whose Sealed may
// be changed.
func resealable(ss *wf.SignedSpec, owner wf.Signer) (wf.CID, wf.Spec, error) {
	_, c, err := spec.Encode(ss)
	if err != nil {
		return wf.CID{}, wf.Spec{}, err
	}
	s := ss.Spec
	if s.Sealed == nil {
		return c, s, fmt.Errorf("%w: function %s has nothing sealed", wf.ErrInvalid, c)
	}
	if owner.Address() != s.Owner {
		return c, s, fmt.Errorf("%w: function %s is owned by %s, not by your key %s", wf.ErrForbidden, c, s.Owner.Checksum(), owner.Address().Checksum())
	}
	sealed := *s.Sealed // SetGrant and RemoveGrant copy Grants before they change it
	s.Sealed = &sealed
	if _, ok := s.Extensions[spec.CIExtension]; ok {
		// A CI job's spec: the new version is the owner's own signature,
		// and wf.ci would claim a delegate signed it.
		s.Extensions = maps.Clone(s.Extensions)
		delete(s.Extensions, spec.CIExtension)
	}
	return c, s, nil
}

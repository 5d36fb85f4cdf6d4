package seal

import (
	"bytes"
	"crypto/hpke"
	"fmt"
	"slices"

	"github.com/webfunctions/wf/wf"
)

// Grant envelope layout (docs/sealing.md):
//
//	magic "WFGR" | version 0x01 | kem (2) | kdf (2) | aead (2) | enc (KEM-sized) | HPKE ciphertext of the data key (32+16)
const (
	dataKeyLen = 32
	// MaxWrappedBytes bounds a grant envelope (hybrid: 1,179 bytes).
	MaxWrappedBytes = 2048
)

// grantInfo is the HPKE info of a grant: it binds the wrapped data key to
// the grant header, the recipient key and the spec owner, so a grant
// copied into another owner's spec, or relabelled with another key id,
// does not open.
func grantInfo(header []byte, key wf.KeyID, owner wf.Address) []byte {
	info := make([]byte, 0, 64+len(header)+len(key)+len(owner))
	info = append(info, "webfunctions seal v1 grant"...)
	info = append(info, 0)
	info = append(info, header...)
	info = append(info, key[:]...)
	return append(info, owner[:]...)
}

// Grant wraps dk to the sealing key to for a spec owned by owner. The zero
// owner makes a grant only a publisher's own tools open (a local state
// file); a spec's owner is never zero.
func Grant(dk *DataKey, to *PublicKey, owner wf.Address) (wf.Grant, error) {
	p, ok := to.suite.params()
	if !ok {
		return wf.Grant{}, fmt.Errorf("%w: seal: unsupported %v", wf.ErrInvalid, to.suite)
	}
	kdf, err := hpke.NewKDF(to.suite.KDF)
	if err != nil {
		return wf.Grant{}, fmt.Errorf("seal: grant: %w", err)
	}
	aead, err := hpke.NewAEAD(to.suite.AEAD)
	if err != nil {
		return wf.Grant{}, fmt.Errorf("seal: grant: %w", err)
	}
	header := appendHeader(nil, magicGrant, to.suite)
	ct, err := hpke.Seal(to.pk, kdf, aead, grantInfo(header, to.id, owner), dk.k[:])
	if err != nil {
		return wf.Grant{}, fmt.Errorf("seal: grant: %w", err)
	}
	if len(ct) != p.encLen+dataKeyLen+gcmTagLen {
		return wf.Grant{}, fmt.Errorf("seal: grant: HPKE output is %d bytes, want %d", len(ct), p.encLen+dataKeyLen+gcmTagLen)
	}
	return wf.Grant{Key: to.id, Wrapped: append(header, ct...)}, nil
}

// parseGrant checks a grant envelope's structure and returns its suite.
func parseGrant(b []byte) (Suite, error) {
	if len(b) > MaxWrappedBytes {
		return Suite{}, fmt.Errorf("%w: seal: grant is %d bytes, limit %d", wf.ErrInvalid, len(b), MaxWrappedBytes)
	}
	s, p, err := parseHeader(b, magicGrant, "grant")
	if err != nil {
		return Suite{}, err
	}
	if want := headerLen + p.encLen + dataKeyLen + gcmTagLen; len(b) != want {
		return Suite{}, fmt.Errorf("%w: seal: %v grant is %d bytes, want %d", wf.ErrInvalid, s, len(b), want)
	}
	return s, nil
}

// ParseGrant checks the structure of a wrapped data key without opening
// it (spec validation, fuzzing).
func ParseGrant(b []byte) error {
	_, err := parseGrant(b)
	return err
}

// openGrant unwraps g with k for a spec owned by owner.
func (k *PrivateKey) openGrant(g wf.Grant, owner wf.Address) (*DataKey, error) {
	s, err := parseGrant(g.Wrapped)
	if err != nil {
		return nil, err
	}
	if s != k.suite {
		return nil, fmt.Errorf("%w: seal: grant for key %s is %v, but that key is %v", wf.ErrInvalid, g.Key.String()[:16], s, k.suite)
	}
	kdf, _ := hpke.NewKDF(s.KDF)
	aead, _ := hpke.NewAEAD(s.AEAD)
	header := g.Wrapped[:headerLen]
	pt, err := hpke.Open(k.sk, kdf, aead, grantInfo(header, k.pub.id, owner), g.Wrapped[headerLen:])
	if err != nil {
		return nil, fmt.Errorf("%w: seal: grant for key %s does not open (tampered, or made for another owner)", wf.ErrInvalid, g.Key.String()[:16])
	}
	dk := &DataKey{}
	copy(dk.k[:], pt)
	clear(pt)
	return dk, nil
}

// SetGrant adds g to s, replacing any grant for the same key, and keeps
// s.Grants sorted by key as spec validation requires. It does not modify
// the array s.Grants pointed to before.
func SetGrant(s *wf.Sealed, g wf.Grant) {
	s.Grants = slices.Clone(s.Grants) // never write through a slice another spec shares
	i, found := slices.BinarySearchFunc(s.Grants, g.Key, func(x wf.Grant, k wf.KeyID) int {
		return bytes.Compare(x.Key[:], k[:])
	})
	if found {
		s.Grants[i] = g
		return
	}
	s.Grants = slices.Insert(s.Grants, i, g)
}

// RemoveGrant removes the grant for key from s and reports whether there
// was one.
func RemoveGrant(s *wf.Sealed, key wf.KeyID) bool {
	n := len(s.Grants)
	s.Grants = slices.DeleteFunc(slices.Clone(s.Grants), func(g wf.Grant) bool { return g.Key == key })
	return len(s.Grants) != n
}

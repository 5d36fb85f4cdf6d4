package spec_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// sealedSpec is testSpec with real sealed secrets granted to n X25519 keys
// (small grants keep the test fast; the suite does not matter here).
func sealedSpec(t testing.TB, n int) wf.Spec {
	s := testSpec(t)
	block, dk, err := seal.Seal(map[string]string{"API_KEY": "k-123456"})
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	s.Version = wf.SpecVersionSealed
	s.Sealed = &wf.Sealed{Format: seal.FormatVersion, Secrets: wf.SumCID(wf.CodecRaw, block)}
	for range n {
		k, err := seal.GenerateKey(seal.SuiteX25519)
		if err != nil {
			t.Fatal(err)
		}
		g, err := seal.Grant(dk, k.Public(), s.Owner)
		if err != nil {
			t.Fatal(err)
		}
		seal.SetGrant(s.Sealed, g)
	}
	return s
}

func TestSealedRoundTrip(t *testing.T) {
	s := sealedSpec(t, 3)
	s.Code.Encrypted = true
	b, c, err := spec.Encode(&wf.SignedSpec{Spec: s})
	if err != nil {
		t.Fatal(err)
	}
	got, err := spec.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, c2, _ := spec.Encode(got)
	if !bytes.Equal(b, b2) || c != c2 {
		t.Fatal("re-encoding changed the block")
	}
	if !bytes.Contains(b, []byte(`"encrypted":true`)) || !bytes.Contains(b, []byte(`"sealed":{"format":1,"secrets":"bafkrei`)) {
		t.Errorf("unexpected encoding: %s", b)
	}
	// An unsealed spec keeps its version 1 bytes: no new keys appear.
	plain, _, err := spec.Encode(&wf.SignedSpec{Spec: testSpec(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"sealed", "encrypted", "grants"} {
		if bytes.Contains(plain, []byte(k)) {
			t.Errorf("unsealed spec mentions %q: %s", k, plain)
		}
	}
}

func TestSealedRejects(t *testing.T) {
	good := sealedSpec(t, 2)
	enc := func(s wf.Spec) string {
		b, _ := jsonOf(&wf.SignedSpec{Spec: s})
		return string(b)
	}
	mutate := func(f func(*wf.Spec)) string {
		s := good
		sl := *good.Sealed
		sl.Grants = slices.Clone(sl.Grants)
		s.Sealed = &sl
		f(&s)
		return enc(s)
	}
	wrapped := base64.StdEncoding.EncodeToString(good.Sealed.Grants[0].Wrapped)
	// Base64 that decodes to the same bytes but is not canonical: the last
	// character carries unused bits (wrapped lengths are not multiples of 3).
	last := wrapped[len(wrapped)-3]
	alt := strings.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", last) ^ 1
	tweaked := wrapped[:len(wrapped)-3] + string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[alt]) + wrapped[len(wrapped)-2:]
	tests := []struct{ name, in, want string }{
		{"sealed at version 1", mutate(func(s *wf.Spec) { s.Version = wf.SpecVersion }), "with sealed parts and no extensions has version 2"},
		{"encrypted unsealed", func() string {
			s := testSpec(t)
			s.Code.Encrypted = true
			return enc(s)
		}(), "needs sealed grants"},
		{"encrypted with entry", mutate(func(s *wf.Spec) { s.Code.Encrypted, s.Code.Entry = true, "a.wasm" }), "code.entry must be empty"},
		{"format", mutate(func(s *wf.Spec) { s.Sealed.Format = 2 }), "unsupported format"},
		{"nothing sealed", mutate(func(s *wf.Spec) { s.Sealed.Secrets = wf.CID{} }), "nothing is sealed"},
		{"secrets not raw", mutate(func(s *wf.Spec) { s.Sealed.Secrets = wf.SumCID(wf.CodecJSON, []byte("x")) }), "raw sha2-256"},
		{"no grants", mutate(func(s *wf.Spec) { s.Sealed.Grants = nil }), "needs 1 to"},
		{"unsorted grants", mutate(func(s *wf.Spec) { slices.Reverse(s.Sealed.Grants) }), "sorted"},
		{"duplicate grant", mutate(func(s *wf.Spec) { s.Sealed.Grants[1] = s.Sealed.Grants[0] }), "sorted"},
		{"zero key", mutate(func(s *wf.Spec) { s.Sealed.Grants[0].Key = wf.KeyID{} }), "zero key id"},
		{"bad wrapped", mutate(func(s *wf.Spec) { s.Sealed.Grants[0].Wrapped = []byte("WFGR") }), "grant 0"},
		{"truncated wrapped", mutate(func(s *wf.Spec) { g := &s.Sealed.Grants[1]; g.Wrapped = g.Wrapped[:len(g.Wrapped)-1] }), "grant 1"},
		{"too many grants", mutate(func(s *wf.Spec) {
			for len(s.Sealed.Grants) <= spec.MaxGrants {
				g := s.Sealed.Grants[0]
				g.Key[0]++
				s.Sealed.Grants = append([]wf.Grant{g}, s.Sealed.Grants...)
			}
			slices.SortFunc(s.Sealed.Grants, func(a, b wf.Grant) int { return bytes.Compare(a.Key[:], b.Key[:]) })
			s.Sealed.Grants = slices.CompactFunc(s.Sealed.Grants, func(a, b wf.Grant) bool { return a.Key == b.Key })
		}), "grants"},
		{"uppercase key id", strings.Replace(enc(good), good.Sealed.Grants[0].Key.String(), strings.ToUpper(good.Sealed.Grants[0].Key.String()), 1), "lowercase hex"},
		{"non-canonical base64", strings.Replace(enc(good), wrapped, tweaked, 1), "canonical"},
		{"unknown sealed field", strings.Replace(enc(good), `"format":1`, `"format":1,"extra":1`, 1), "unknown field"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := spec.Decode([]byte(tc.in))
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, wf.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

package spec_test

import (
	"bytes"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// FuzzDecode: Decode never panics, and whatever it accepts re-encodes to
// the same bytes and CID (one spec, one address).
func FuzzDecode(f *testing.F) {
	good, _, err := spec.Encode(&wf.SignedSpec{Spec: testSpec(f)})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	sealed, _, err := spec.Encode(&wf.SignedSpec{Spec: sealedSpec(f, 2)})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sealed)
	f.Add([]byte(`{"spec":{},"signature":"0x"}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ss, err := spec.Decode(b)
		if err != nil {
			return
		}
		again, c, err := spec.Encode(ss)
		if err != nil {
			t.Fatalf("decoded spec does not encode: %v", err)
		}
		if !bytes.Equal(again, b) || c != wf.SumCID(wf.CodecJSON, b) {
			t.Fatalf("accepted a non-canonical block:\n%s\n%s", b, again)
		}
	})
}

package spec_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// FuzzDecode: Decode never panics, whatever it accepts re-encodes to the
// same bytes and CID (one spec, one address), has the version its content
// calls for, and is either admitted or refused by name by a node that
// understands only some extensions.
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
	extended, _, err := spec.Encode(&wf.SignedSpec{Spec: extendedSpec(f)})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(extended)
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
		if ss.Spec.Version != spec.VersionFor(&ss.Spec) {
			t.Fatalf("accepted version %d for content of version %d", ss.Spec.Version, spec.VersionFor(&ss.Spec))
		}
		err = fuzzRegistry.Admit(&ss.Spec)
		var un *spec.UnsupportedError
		if errors.As(err, &un) {
			if x, ok := ss.Spec.Extensions[un.Name]; !ok || !x.Required {
				t.Fatalf("refused %q, which the spec does not require", un.Name)
			}
		}
	})
}

var fuzzRegistry = spec.NewRegistry(spec.ExtensionType{Name: "test.must-understand", Check: checkLevel})

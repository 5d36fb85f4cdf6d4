package spec_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// jsEngine is a UnixFS CID standing for an engine module.
const jsEngine = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"

// TestJSGolden pins a JavaScript function's spec: the wf.js extension
// names its engine, required, in version 3; versions 1 and 2 are untouched
// (TestGolden).
func TestJSGolden(t *testing.T) {
	s := testSpec(t)
	e, err := spec.JSExtensionFor(mustCID(t, jsEngine))
	if err != nil {
		t.Fatal(err)
	}
	s.Version = wf.SpecVersionExtended
	s.Extensions = map[string]wf.Extension{spec.JSExtension: e}
	sig := wf.Signature{}
	for i := range sig {
		sig[i] = byte(i)
	}
	b, c, err := spec.Encode(&wf.SignedSpec{Spec: s, Signature: sig})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/v3-js.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(want) || c.String() != "bagaaierassiobiunfebzo5nqlnsgrhko5eygs2vwg6iadq5e4uhfqzjb3zna" {
		t.Fatalf("encoded to CID %s:\n%s", c, b)
	}
	ss, err := spec.Decode(want)
	if err != nil {
		t.Fatal(err)
	}
	if err := spec.WithBuiltin().Admit(&ss.Spec); err != nil {
		t.Fatal(err)
	}
	got, ok := spec.JSEngine(&ss.Spec)
	if !ok || got.String() != jsEngine {
		t.Fatalf("JSEngine = %s, %v", got, ok)
	}
	if plain := testSpec(t); func() bool { _, ok := spec.JSEngine(&plain); return ok }() {
		t.Fatal("a wasm function reads as JavaScript")
	}
	// A node that does not know wf.js refuses the function instead of
	// running the script as WebAssembly.
	var un *spec.UnsupportedError
	if err := spec.NewRegistry(spec.CallersType).Admit(&ss.Spec); !errors.As(err, &un) || un.Name != spec.JSExtension {
		t.Fatalf("a node without wf.js: %v", err)
	}
}

func TestJSRejected(t *testing.T) {
	for name, data := range map[string]string{
		"no engine":      `{}`,
		"not a CID":      `{"engine":"hello"}`,
		"a spec CID":     `{"engine":"bagaaieralhjpocohjet7mtfzu5ausnbi45elncbhoqzkqrsfvipngxcxbd6a"}`,
		"unknown field":  `{"engine":"` + jsEngine + `","x":1}`,
		"not canonical":  `{ "engine":"` + jsEngine + `"}`,
		"missing (null)": `null`,
	} {
		t.Run(name, func(t *testing.T) {
			var raw json.RawMessage
			if data != "null" {
				raw = json.RawMessage(data)
			}
			if err := spec.JSType.Check(raw); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("Check(%s) = %v, want ErrInvalid", data, err)
			}
		})
	}
}

func mustCID(t testing.TB, s string) wf.CID {
	t.Helper()
	c, err := wf.ParseCID(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

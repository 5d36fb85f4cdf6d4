package spec_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

func testSpec(t testing.TB) wf.Spec {
	code, err := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	if err != nil {
		t.Fatal(err)
	}
	owner, _ := wf.ParseAddress("0x00000000000000000000000000000000000000aa")
	return wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI,
		Code:   wf.Code{CID: code, Layout: wf.KuboLayout},
		Env:    map[string]string{"B": "2", "A": "<1&>"},
		Limits: wf.Limits{TimeoutMS: 1000},
		Owner:  owner, Created: "2026-11-21T10:00:00Z",
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	ss := &wf.SignedSpec{Spec: testSpec(t)}
	b, c, err := spec.Encode(ss)
	if err != nil {
		t.Fatal(err)
	}
	if c.Codec() != wf.CodecJSON || c != wf.SumCID(wf.CodecJSON, b) {
		t.Fatalf("CID %s does not address the block", c)
	}
	if !bytes.Contains(b, []byte(`"env":{"A":"<1&>","B":"2"}`)) {
		t.Errorf("env not canonical (sorted, unescaped): %s", b)
	}
	got, err := spec.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, c2, _ := spec.Encode(got)
	if !bytes.Equal(b, b2) || c != c2 {
		t.Fatal("re-encoding changed the block")
	}
}

func TestDecodeRejects(t *testing.T) {
	ss := &wf.SignedSpec{Spec: testSpec(t)}
	good, _, err := spec.Encode(ss)
	if err != nil {
		t.Fatal(err)
	}
	g := string(good)
	mutate := func(f func(*wf.Spec)) string {
		s := testSpec(t)
		f(&s)
		b, _ := jsonOf(&wf.SignedSpec{Spec: s})
		return string(b)
	}
	tests := []struct{ name, in, want string }{
		{"empty", "", "EOF"},
		{"not json", "hello", "invalid character"},
		{"unknown field", strings.Replace(g, `"version":1`, `"version":1,"extra":true`, 1), "unknown field"},
		{"trailing data", g + "{}", "trailing data"},
		{"whitespace", strings.Replace(g, `"version":1`, `"version": 1`, 1), "canonical"},
		{"field case", strings.Replace(g, `"version"`, `"Version"`, 1), "canonical"},
		{"duplicate key", strings.Replace(g, `"version":1`, `"version":1,"version":1`, 1), "canonical"},
		{"bad cid", strings.Replace(g, `bafkrei`, `bafkrex`, 1), "is not a CID"},
		{"bad signature", strings.Replace(g, `"signature":"0x`, `"signature":"0xzz`, 1), "signature"},
		{"version", mutate(func(s *wf.Spec) { s.Version = 4 }), "unsupported version"},
		{"version 3 without extensions", mutate(func(s *wf.Spec) { s.Version = 3 }), "without sealed parts or extensions has version 1"},
		{"version 2 unsealed", mutate(func(s *wf.Spec) { s.Version = wf.SpecVersionSealed }), "without sealed parts or extensions has version 1"},
		{"runtime", mutate(func(s *wf.Spec) { s.Runtime = "js" }), "unsupported runtime"},
		{"layout", mutate(func(s *wf.Spec) { s.Code.Layout.MaxLinks = 10 }), "layout"},
		{"entry escapes", mutate(func(s *wf.Spec) { s.Code.Entry = "../x.wasm" }), "clean relative path"},
		{"env name", mutate(func(s *wf.Spec) { s.Env = map[string]string{"A=B": "x"} }), "env name"},
		{"negative limit", mutate(func(s *wf.Spec) { s.Limits.TimeoutMS = -1 }), "negative"},
		{"no owner", strings.Replace(g, `"owner":"0x00000000000000000000000000000000000000aa"`, `"owner":"0x0000000000000000000000000000000000000000"`, 1), "zero address"},
		{"created zone", mutate(func(s *wf.Spec) { s.Created = "2026-11-21T11:00:00+01:00" }), "RFC 3339 UTC"},
		{"created fraction", mutate(func(s *wf.Spec) { s.Created = "2026-11-21T10:00:00.5Z" }), "RFC 3339 UTC"},
		{"too large", strings.Repeat(" ", spec.MaxSize+1), "limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := spec.Decode([]byte(tc.in))
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, wf.ErrInvalid) && !errors.Is(err, wf.ErrTooLarge) {
				t.Errorf("error %v is neither ErrInvalid nor ErrTooLarge", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

// jsonOf encodes without validation, to build invalid specs.
func jsonOf(ss *wf.SignedSpec) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(ss)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

func TestIsBlockCID(t *testing.T) {
	b := []byte(`{}`)
	c := wf.SumCID(wf.CodecJSON, b)
	raw, _ := wf.NewCIDv1(wf.CodecRaw, c.Multihash())
	other, _ := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x13, 0x20}, make([]byte, 32)...)) // sha2-512 code, 32 bytes
	for _, tc := range []struct {
		name string
		c    wf.CID
		want bool
	}{
		{"spec block", c, true},
		{"raw codec", raw, false},
		{"other hash", other, false},
		{"zero", wf.CID{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := spec.IsBlockCID(tc.c); got != tc.want {
				t.Errorf("IsBlockCID(%s) = %v, want %v", tc.c, got, tc.want)
			}
		})
	}
}

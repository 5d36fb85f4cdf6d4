package spec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// extendedSpec is testSpec with one required and one informing extension.
func extendedSpec(t testing.TB) wf.Spec {
	s := testSpec(t)
	s.Version = wf.SpecVersionExtended
	s.Extensions = map[string]wf.Extension{
		"test.must-understand": {Required: true, Data: json.RawMessage(`{"level":3,"tags":["a","b"]}`)},
		"com.example.note":     {Data: json.RawMessage(`"built by hand"`)},
	}
	return s
}

// TestGolden pins the CIDs of one spec of each version: versions 1 and 2
// were fixed before extensions existed and must keep their bytes and CIDs.
func TestGolden(t *testing.T) {
	sig := wf.Signature{}
	for i := range sig {
		sig[i] = byte(i)
	}
	v3, _, err := spec.Encode(&wf.SignedSpec{Spec: extendedSpec(t), Signature: sig})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, cid string }{
		{"v1.json", "bagaaierakuxtyj5dmljx2cwmy2erpt22n4jvvh3n45d37fjjrnojia5ce7nq"},
		{"v2.json", "bagaaiera3tz2g7vunwqzavq2gdtx5yap3ojioq3gyjtrbmkhgxk7gi5zui2q"},
		{"v3.json", "bagaaieralhjpocohjet7mtfzu5ausnbi45elncbhoqzkqrsfvipngxcxbd6a"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			ss, err := spec.Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			again, c, err := spec.Encode(ss)
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(b) || c.String() != tc.cid {
				t.Fatalf("re-encoded to CID %s, want %s:\n%s", c, tc.cid, again)
			}
		})
	}
	if b, _ := os.ReadFile("testdata/v3.json"); string(b) != string(v3) {
		t.Errorf("testdata/v3.json is not what extendedSpec encodes to:\n%s", v3)
	}
}

func TestExtensionsRejected(t *testing.T) {
	good, _, err := spec.Encode(&wf.SignedSpec{Spec: extendedSpec(t)})
	if err != nil {
		t.Fatal(err)
	}
	g := string(good)
	withData := func(data string) string {
		return strings.Replace(g, `"data":"built by hand"`, `"data":`+data, 1)
	}
	mutate := func(f func(*wf.Spec)) string {
		s := extendedSpec(t)
		f(&s)
		b, _ := jsonOf(&wf.SignedSpec{Spec: s})
		return string(b)
	}
	many := map[string]wf.Extension{}
	for i := range spec.MaxExtensions + 1 {
		many[fmt.Sprintf("test.x%d", i)] = wf.Extension{}
	}
	tests := []struct{ name, in, want string }{
		{"upper case name", mutate(func(s *wf.Spec) { s.Extensions["Test.X"] = wf.Extension{} }), "extension name"},
		{"undotted name", mutate(func(s *wf.Spec) { s.Extensions["access"] = wf.Extension{} }), "extension name"},
		{"name too long", mutate(func(s *wf.Spec) { s.Extensions["test."+strings.Repeat("a", 64)] = wf.Extension{} }), "extension name"},
		{"empty extensions", mutate(func(s *wf.Spec) { s.Extensions = map[string]wf.Extension{} }), "has version 1"},
		{"too many", mutate(func(s *wf.Spec) { s.Extensions = many }), "limit"},
		{"duplicate extension", strings.Replace(g, `"extensions":{`, `"extensions":{"com.example.note":{},`, 1), "canonical"},
		{"unknown field in extension", strings.Replace(g, `"required":true`, `"required":true,"critical":true`, 1), "unknown field"},
		{"required false written", strings.Replace(g, `{"data":"built by hand"}`, `{"required":false,"data":"built by hand"}`, 1), "canonical"},
		{"null data", withData(`null`), "null"},
		{"whitespace in data", withData(`{"a": 1}`), "canonical"},
		{"unsorted keys", withData(`{"b":1,"a":2}`), "canonical"},
		{"duplicate key in data", withData(`{"a":1,"a":1}`), "canonical"},
		{"fraction", withData(`1.5`), "only integers"},
		{"exponent", withData(`1e3`), "only integers"},
		{"leading zero", withData(`[01]`), "invalid character"},
		{"minus zero", withData(`-0`), "only integers"},
		{"unsafe integer", withData(`9007199254740993`), "outside"},
		{"html escaped", withData(`"\u003c"`), "canonical"},
		{"version 1 with extensions", mutate(func(s *wf.Spec) { s.Version = wf.SpecVersion }), "with extensions has version 3"},
		{"version 2 with extensions", mutate(func(s *wf.Spec) { s.Version = wf.SpecVersionSealed }), "with extensions has version 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := spec.Decode([]byte(tc.in))
			if err == nil {
				t.Fatalf("accepted %s", tc.in)
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

func TestExtensionDataAccepted(t *testing.T) {
	for _, data := range []string{`0`, `-7`, `9007199254740991`, `"<&>"`, `true`, `[]`, `{}`, `{"a":[1,{"b":"c"}],"b":null}`, `"\u2028"`} {
		s := extendedSpec(t)
		s.Extensions["com.example.note"] = wf.Extension{Data: json.RawMessage(data)}
		b, _, err := spec.Encode(&wf.SignedSpec{Spec: s})
		if err != nil {
			t.Errorf("data %s: %v", data, err)
			continue
		}
		if _, err := spec.Decode(b); err != nil {
			t.Errorf("data %s does not decode back: %v", data, err)
		}
	}
}

type level struct {
	Level int      `json:"level"`
	Tags  []string `json:"tags,omitempty"`
}

func checkLevel(data json.RawMessage) error {
	var l level
	if err := spec.DecodeExtension(data, &l); err != nil {
		return err
	}
	if l.Level > 5 {
		return fmt.Errorf("%w: level %d is above 5", wf.ErrInvalid, l.Level)
	}
	return nil
}

func TestAdmit(t *testing.T) {
	knows := spec.NewRegistry(spec.ExtensionType{Name: "test.must-understand", Check: checkLevel})
	s := extendedSpec(t)
	if err := knows.Admit(&s); err != nil {
		t.Fatalf("a node that understands the required extension refused it: %v", err)
	}
	var none spec.Registry
	err := none.Admit(&s)
	var un *spec.UnsupportedError
	if !errors.As(err, &un) || un.Name != "test.must-understand" || !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("a node without the extension: %v, want UnsupportedError naming test.must-understand", err)
	}
	delete(s.Extensions, "test.must-understand")
	if err := none.Admit(&s); err != nil {
		t.Fatalf("an informing extension was not ignored: %v", err)
	}
	for data, want := range map[string]string{
		`{"level":9}`:               "above 5",
		`{"level":1,"extra":true}`:  "unknown field",
		`{"level":1,"tags":[]}`:     "canonical form",
		`{"level":"1"}`:             "cannot unmarshal",
		`{"tags":["a"],"level":1}`:  "canonical form",
		`{"level":1,"tags":["a"]} `: "canonical form",
	} {
		s := extendedSpec(t)
		s.Extensions["test.must-understand"] = wf.Extension{Required: true, Data: json.RawMessage(data)}
		if err := knows.Admit(&s); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "test.must-understand") {
			t.Errorf("data %s: %v, want an error naming the extension and %q", data, err, want)
		}
	}
	// A known extension is checked even where it only informs.
	s = extendedSpec(t)
	s.Extensions["test.must-understand"] = wf.Extension{Data: json.RawMessage(`{"level":9}`)}
	if err := knows.Admit(&s); err == nil {
		t.Error("an understood informing extension with bad data was admitted")
	}
}

package spec_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

const testIssuer = "0x0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a"

// TestAccess: a good policy round-trips canonically and passes the
// registry; each kind of bad data is refused with wf.ErrInvalid and a
// message naming what is wrong.
func TestAccess(t *testing.T) {
	setup := wf.SumCID(wf.CodecRaw, []byte("vk")).String()
	good := `{"disclose":[{"name":"org","slot":0}],"issuers":["` + testIssuer + `"],"maxSessionSeconds":3600,` +
		`"predicates":[{"int":18,"op":"gte","slot":1},{"op":"in","set":["acme","globex"],"slot":0}],"rate":{"requests":10,"seconds":60},"setup":"` + setup + `"}`
	a, err := spec.DecodeAccess(json.RawMessage(good))
	if err != nil {
		t.Fatal(err)
	}
	x, err := a.Extension()
	if err != nil || string(x.Data) != good || !x.Required {
		t.Fatalf("extension: %v %s", err, x.Data)
	}
	if err := spec.NewRegistry(spec.AccessType).Admit(&wf.Spec{Extensions: map[string]wf.Extension{spec.AccessExtension: x}}); err != nil {
		t.Fatal(err)
	}
	if spec.AccessCID(x.Data) != wf.SumCID(wf.CodecRaw, x.Data) {
		t.Fatal("AccessCID is not the raw block's CID")
	}

	for _, tc := range []struct{ name, edit, want string }{
		{"no issuers", `"issuers":[]`, "issuers"},
		{"bad issuer", `"issuers":["0x12"]`, "issuers[0]"},
		{"upper-case issuer", `"issuers":["` + strings.ToUpper(testIssuer[2:]) + `"]`, "issuers[0]"},
		{"session zero", `"maxSessionSeconds":0`, "maxSessionSeconds"},
		{"session too long", `"maxSessionSeconds":86401`, "maxSessionSeconds"},
		{"unknown op", `"predicates":[{"int":1,"op":"like","slot":1}]`, "op"},
		{"ordering a string", `"predicates":[{"op":"lt","slot":1,"string":"x"}]`, "int only"},
		{"eq with both", `"predicates":[{"int":1,"op":"eq","slot":1,"string":"x"}]`, "exactly one"},
		{"slot out of range", `"predicates":[{"int":1,"op":"eq","slot":8}]`, "slot 8"},
		{"negative int", `"predicates":[{"int":-1,"op":"eq","slot":1}]`, "int -1"},
		{"unsorted set", `"predicates":[{"op":"in","set":["b","a"],"slot":0}]`, "sorted"},
		{"two sets", `"predicates":[{"op":"in","set":["a"],"slot":0},{"op":"in","set":["b"],"slot":1}]`, "one \"in\""},
		{"five comparisons", `"predicates":[{"int":1,"op":"eq","slot":0},{"int":1,"op":"eq","slot":1},{"int":1,"op":"eq","slot":2},{"int":1,"op":"eq","slot":3},{"int":1,"op":"eq","slot":4}]`, "at most 4"},
		{"disclose twice", `"disclose":[{"name":"org","slot":0},{"name":"org","slot":1}]`, "twice"},
		{"disclose bad name", `"disclose":[{"name":"Org","slot":0}]`, "name"},
		{"bad rate", `"rate":{"requests":0,"seconds":60}`, "rate"},
		{"unknown field", `"extra":1`, "unknown field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]json.RawMessage
			json.Unmarshal([]byte(good), &m)
			var e map[string]json.RawMessage
			if err := json.Unmarshal([]byte("{"+tc.edit+"}"), &e); err != nil {
				t.Fatal(err)
			}
			for k, v := range e {
				m[k] = v
			}
			b, _ := wf.EncodeJSON(m)
			_, err := spec.DecodeAccess(b)
			if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an invalid-input error naming %q", err, tc.want)
			}
		})
	}
	// Without a setup.
	if _, err := spec.DecodeAccess(json.RawMessage(`{"issuers":["` + testIssuer + `"],"maxSessionSeconds":60,"setup":""}`)); err == nil {
		t.Fatal("a policy without a setup passed")
	}
}

package dashboard

import (
	"bytes"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// A function that admits credential holders only says so on its page:
// the issuer, each condition, what the function sees, the session and
// rate bounds.
func TestCredentialPolicyShown(t *testing.T) {
	age, country := int64(18), "NL"
	a := &spec.Access{
		Disclose:          []spec.Disclose{{Name: "country", Slot: 1}},
		Issuers:           []string{"0x" + strings.Repeat("ab", 32)},
		MaxSessionSeconds: 3600,
		Predicates:        []spec.Predicate{{Op: spec.OpGte, Slot: 0, Int: &age}, {Op: spec.OpEq, Slot: 1, String: &country}},
		Rate:              &spec.Rate{Requests: 100, Seconds: 86400},
		Setup:             wf.SumCID(wf.CodecRaw, []byte("vk")),
	}
	x, err := a.Extension()
	if err != nil {
		t.Fatal(err)
	}
	s := wf.Spec{Owner: wf.Address{1}, Extensions: map[string]wf.Extension{spec.AccessExtension: x}}
	p := policyOf(&s)
	if p.Err != "" || p.Credential == nil {
		t.Fatalf("policy: %+v", p)
	}
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.pages["function"].ExecuteTemplate(&buf, "layout.html", page{Title: "f", Data: map[string]any{
		"CID": "x", "Owner": "0x", "Spec": s, "Policy": p}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="credential-policy"`, "slot 0 ≥ 18", "slot 1 = &#34;NL&#34;", "WF_CRED_COUNTRY (slot 1)", "at most 1h0m0s", "100/24h0m0s", "wf cred present"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the function page lacks %q", want)
		}
	}
	bad := wf.Spec{Extensions: map[string]wf.Extension{spec.AccessExtension: {Required: true, Data: []byte(`{"issuers":[]}`)}}}
	if p := policyOf(&bad); p.Credential != nil || p.Err == "" {
		t.Errorf("a malformed policy: %+v", p)
	}
}

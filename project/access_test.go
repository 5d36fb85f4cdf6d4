package project_test

import (
	"strings"
	"testing"

	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// TestAccessTable: [access] becomes the wf.access policy a policy file
// gives; a bad table is refused with its key and line; no table is no
// policy.
func TestAccessTable(t *testing.T) {
	setupCID := wf.SumCID(wf.CodecRaw, []byte("a verifying key"))
	setup := setupCID.String()
	issuer := "0x" + strings.Repeat("0a", 32)
	f, err := project.Parse("wf.toml", []byte(`name = "gated"
[access]
setup = "`+setup+`"
issuers = ["`+issuer+`"]
max_session_seconds = 600
disclose = [{ name = "org", slot = 0 }]
predicates = [
  { slot = 0, op = "in", set = ["globex", "acme"] },
  { slot = 1, op = "gte", int = 18 },
  { slot = 2, op = "neq", string = "banned" },
]
rate = { requests = 100, seconds = 3600 }
`))
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.AccessSpec()
	if err != nil {
		t.Fatal(err)
	}
	x, err := a.Extension()
	if err != nil {
		t.Fatal(err)
	}
	age, banned := int64(18), "banned"
	want := spec.Access{Disclose: []spec.Disclose{{Name: "org", Slot: 0}}, Issuers: []string{issuer}, MaxSessionSeconds: 600,
		Predicates: []spec.Predicate{{Op: spec.OpIn, Slot: 0, Set: []string{"acme", "globex"}}, {Op: spec.OpGte, Slot: 1, Int: &age}, {Op: spec.OpNeq, Slot: 2, String: &banned}},
		Rate:       &spec.Rate{Requests: 100, Seconds: 3600}, Setup: setupCID}
	wx, err := want.Extension()
	if err != nil {
		t.Fatal(err)
	}
	if string(x.Data) != string(wx.Data) {
		t.Fatalf("[access] gave\n%s\nwant\n%s", x.Data, wx.Data)
	}

	for _, bad := range []struct{ toml, want string }{
		{`[access]
setup = "nope"
issuers = ["` + issuer + `"]
max_session_seconds = 60`, "setup"},
		{`[access]
setup = "` + setup + `"
issuers = []
max_session_seconds = 60`, "issuers"},
		{`[access]
setup = "` + setup + `"
issuers = ["` + issuer + `"]
max_session_seconds = 60
predicates = [{ slot = 9, op = "eq", int = 1 }]`, "slot"},
		{`[access]
setup = "` + setup + `"
issuers = ["` + issuer + `"]
max_session_seconds = 60
colour = "red"`, "colour"},
		{`[access]
setup = "` + setup + `"
issuers = ["` + issuer + `"]
max_session_seconds = 60
predicates = [{ slot = 0, op = "in", set = ["a"] }]
revocation = { slot = 2, max_age_seconds = 600 }`, "revocation"},
	} {
		_, err := project.Parse("wf.toml", []byte(bad.toml))
		if err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "access") {
			t.Errorf("%s\n: got %v, want an error about access %s", bad.toml, err, bad.want)
		}
	}
	f, err = project.Parse("wf.toml", []byte(`name = "open"`))
	if a, aerr := f.AccessSpec(); err != nil || aerr != nil || a != nil {
		t.Fatalf("no [access]: %v %v %v", a, err, aerr)
	}
}

package spec_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

func TestCICallersCheck(t *testing.T) {
	good := spec.CICaller{Platform: "github", Repository: "acme/api", Ref: "refs/heads/main"}
	x, err := (&spec.CICallers{Rules: []spec.CICaller{good}}).Extension()
	if err != nil || !x.Required {
		t.Fatalf("a good rule: %v (required %v)", err, x.Required)
	}
	if _, err := spec.DecodeCICallers(x.Data); err != nil {
		t.Fatalf("decode: %v", err)
	}
	for _, tc := range []struct {
		name string
		edit func(*spec.CICaller)
		want string
	}{
		{"platform", func(r *spec.CICaller) { r.Platform = "jenkins" }, "platform"},
		{"repository", func(r *spec.CICaller) { r.Repository = "acme" }, "repository"},
		{"short ref", func(r *spec.CICaller) { r.Ref = "main" }, "full ref pattern"},
		{"bad pattern", func(r *spec.CICaller) { r.Ref = "refs/[" }, "ref pattern"},
		{"http issuer", func(r *spec.CICaller) { r.Issuer = "http://issuer.example" }, "https"},
		{"control character", func(r *spec.CICaller) { r.Environment = "prod\n" }, "environment"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			tc.edit(&r)
			_, err := (&spec.CICallers{Rules: []spec.CICaller{r}}).Extension()
			if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%v; want ErrInvalid naming %q", err, tc.want)
			}
		})
	}
	if _, err := (&spec.CICallers{}).Extension(); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("no rules: %v", err)
	}
	if _, err := spec.DecodeCICallers([]byte(`{"rules":[{"platform":"github","ref":"refs/heads/main","repository":"a/b","extra":1}]}`)); err == nil {
		t.Fatal("an unknown field was accepted")
	}
}

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

func TestPlacementCheck(t *testing.T) {
	a, b := wf.Address{0x01}, wf.Address{0x02}
	p := &spec.Placement{AttestedBy: []wf.Address{b, a}, MinScore: 90, MaxPrice: "1000", Region: "eu"}
	x, err := p.Extension()
	if err != nil || x.Required {
		t.Fatalf("a good placement: %v (required %v)", err, x.Required)
	}
	got, err := spec.DecodePlacement(x.Data)
	if err != nil || got.AttestedBy[0] != a || got.Price().Int64() != 1000 {
		t.Fatalf("decode: %v %+v", err, got)
	}
	for _, tc := range []struct {
		name string
		p    spec.Placement
		want string
	}{
		{"nothing", spec.Placement{}, "requires nothing"},
		{"score without auditors", spec.Placement{MinScore: 50, Region: "eu"}, "needs the auditors"},
		{"score over 100", spec.Placement{AttestedBy: []wf.Address{a}, MinScore: 101}, "percentage"},
		{"price not decimal", spec.Placement{MaxPrice: "0x10"}, "decimal integer"},
		{"price with leading zero", spec.Placement{MaxPrice: "010"}, "decimal integer"},
		{"region upper case", spec.Placement{Region: "EU"}, "lower case"},
		{"zero auditor", spec.Placement{AttestedBy: []wf.Address{{}}}, "zero address"},
		{"auditor twice", spec.Placement{AttestedBy: []wf.Address{a, a}}, "each auditor once"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.p.Extension(); !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%v; want ErrInvalid naming %q", err, tc.want)
			}
		})
	}
	if _, err := spec.DecodePlacement([]byte(`{"attestedBy":["0x0200000000000000000000000000000000000000","0x0100000000000000000000000000000000000000"]}`)); err == nil {
		t.Fatal("unsorted auditors were accepted")
	}
}

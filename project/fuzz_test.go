package project_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/webfunctions/wf/project"
)

// FuzzParse: Parse never panics, fails only with *project.Error, and what
// it accepts marshals to a file it parses back to the same project.
func FuzzParse(f *testing.F) {
	f.Add([]byte(full))
	f.Add([]byte("[limits]\ntimeout = 5\n"))
	f.Add([]byte("limits = { memory = \"64MiB\" }\nname = \"x\"\n[env]\nA = \"b\"\n"))
	f.Add([]byte("[limits]\nnaem = 1\n[[x]]\ny = 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := project.Parse("f.toml", data)
		if err != nil {
			var pe *project.Error
			if !errors.As(err, &pe) {
				t.Fatalf("%T %v is not a *project.Error", err, err)
			}
			return
		}
		b, err := project.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := project.Parse("f.toml", b)
		if err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		if !reflect.DeepEqual(normal(p), normal(q)) {
			t.Fatalf("round trip changed it:\n%#v\n%#v\n%s", p, q, b)
		}
	})
}

// normal makes empty lists and maps nil: TOML writes neither.
func normal(f *project.File) *project.File {
	g := *f
	if len(g.Secrets) == 0 {
		g.Secrets = nil
	}
	if len(g.Providers) == 0 {
		g.Providers = nil
	}
	if len(g.Env) == 0 {
		g.Env = nil
	}
	return &g
}

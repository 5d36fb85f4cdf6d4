package project_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/project"
)

func TestParseSettings(t *testing.T) {
	in := `# a provider's config
name = "alice"
rpc = ["https://a.example", "https://b.example"]
settle-count = 100
self-check = "warn"
tls = false
`
	got, err := project.ParseSettings("provider.toml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []project.Setting{{"name", []string{"alice"}, 2}, {"rpc", []string{"https://a.example", "https://b.example"}, 3},
		{"settle-count", []string{"100"}, 4}, {"self-check", []string{"warn"}, 5}, {"tls", []string{"false"}, 6}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].Key != want[i].Key || got[i].Line != want[i].Line || strings.Join(got[i].Values, ",") != strings.Join(want[i].Values, ",") {
			t.Errorf("setting %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, tc := range []struct{ name, in, want string }{
		{"a table", "[node]\nname = \"x\"\n", "provider.toml:1: node: a table is not a setting here"},
		{"a dotted key", "a.b = 1\n", "a: a table is not a setting here"},
		{"an array of tables", "x = [{a = 1}]\n", "x: an array holds strings, numbers or booleans only"},
		{"bad toml", "name = \n", "provider.toml:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := project.ParseSettings("provider.toml", []byte(tc.in))
			var pe *project.Error
			if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

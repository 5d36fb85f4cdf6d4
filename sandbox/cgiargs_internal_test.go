package sandbox

import (
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wf"
)

// cgiArgs lays out argv as WAGI's: the script and path, then the query's
// '&'-separated terms, still encoded, empty ones dropped; "/" when there
// is no path; a NUL anywhere refused.
func TestCGIArgs(t *testing.T) {
	for _, c := range []struct {
		script, path, query string
		want                []string
	}{
		{"", "", "", []string{"/"}},
		{"/cid", "", "", []string{"/cid"}},
		{"/cid", "/a/b", "x=1&y=2", []string{"/cid/a/b", "x=1", "y=2"}},
		{"/cid", "/", "a&&b&", []string{"/cid/", "a", "b"}},
		{"/cid", "", "&", []string{"/cid"}},
		{"", "", "q=%26", []string{"/", "q=%26"}},
	} {
		a, err := cgiArgs(&Request{ScriptName: c.script, Path: c.path, RawQuery: c.query})
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Split(strings.TrimSuffix(string(a.buf), "\x00"), "\x00")
		if strings.Join(got, "|") != strings.Join(c.want, "|") || int(a.n) != len(c.want) {
			t.Errorf("%q %q %q: %q (n %d), want %q", c.script, c.path, c.query, got, a.n, c.want)
		}
	}
	for _, r := range []Request{{ScriptName: "/c\x00"}, {Path: "/p\x00"}, {RawQuery: "a=\x00"}} {
		if _, err := cgiArgs(&r); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%+v: %v, want ErrInvalid", r, err)
		}
	}
}

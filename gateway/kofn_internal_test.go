package gateway

import (
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

func TestParseVerify(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []string
		want int
		ok   bool
	}{
		{"absent", nil, 0, true},
		{"one", []string{"1"}, 1, true},
		{"two", []string{"2"}, 2, true},
		{"spaces", []string{" 3\t"}, 3, true},
		{"max", []string{"8"}, spec.MaxVerify, true},
		{"above max", []string{"9"}, 0, false},
		{"zero", []string{"0"}, 0, false},
		{"empty", []string{""}, 0, false},
		{"leading zero", []string{"02"}, 0, false},
		{"sign", []string{"+2"}, 0, false},
		{"negative", []string{"-2"}, 0, false},
		{"two digits", []string{"10"}, 0, false},
		{"word", []string{"two"}, 0, false},
		{"list", []string{"2,3"}, 0, false},
		{"twice", []string{"2", "2"}, 0, false},
		{"unicode digit", []string{"２"}, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseVerify(c.in)
			if c.ok != (err == nil) || got != c.want {
				t.Fatalf("parseVerify(%q) = %d, %v; want %d, ok %v", c.in, got, err, c.want, c.ok)
			}
			if err != nil && !errors.Is(err, wf.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
		})
	}
}

func FuzzParseVerify(f *testing.F) {
	for _, s := range []string{"1", "2", " 8 ", "9", "0", "", "02", "-1", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := parseVerify([]string{s})
		if err != nil {
			if k != 0 || !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("%q: %d, %v", s, k, err)
			}
			if len(err.Error()) > 200 {
				t.Fatalf("%q: error of %d bytes echoes too much", s, len(err.Error()))
			}
			return
		}
		if k < 1 || k > spec.MaxVerify || strings.Trim(s, " \t") != string(rune('0'+k)) {
			t.Fatalf("%q accepted as %d", s, k)
		}
	})
}

func TestPathInfo(t *testing.T) {
	for _, c := range []struct {
		in   string
		segs int
		want string
	}{
		{"/bafy", 1, ""},
		{"/bafy/", 1, "/"},
		{"/bafy/a/b%2Fc", 1, "/a/b%2Fc"},
		{"/@0xabc/name", 2, ""},
		{"/@0xabc/name/", 2, "/"},
		{"/@0xabc/name/x?", 2, "/x?"},
		{"/@0xabc", 2, ""},
	} {
		if got := pathInfo(c.in, c.segs); got != c.want {
			t.Errorf("pathInfo(%q, %d) = %q, want %q", c.in, c.segs, got, c.want)
		}
	}
}

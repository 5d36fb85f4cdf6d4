package provider

import "testing"

// isClean agrees with cleanPath on paths ServeMux would and would not
// redirect.
func TestIsCleanAgreesWithCleanPath(t *testing.T) {
	for _, p := range []string{
		"", "/", "//", "/a", "/a/", "/a//", "//a", "/a/b", "/a/b/", "/.", "/..", "/./", "/../", "/a/.", "/a/..",
		"/a/./b", "/a/../b", "/a/.b", "/a/..b", "/a/b.", "/...", "a", "a/", "/%2e/", "/bafy/x/y/", "/bafy//x",
		"/a/b/./", "/a/b/../", "/@owner/name/", "/a?b", "/a/.../b",
	} {
		if got, want := isClean(p), cleanPath(p) == p; got != want {
			t.Errorf("isClean(%q) = %v, cleanPath gives %q", p, got, cleanPath(p))
		}
	}
}

func FuzzIsClean(f *testing.F) {
	for _, p := range []string{"/", "/a/./b", "//", "/a/"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := isClean(p), cleanPath(p) == p; got != want {
			t.Errorf("isClean(%q) = %v, cleanPath gives %q", p, got, cleanPath(p))
		}
	})
}

package wasm

import (
	"go/build"
	"slices"
	"strings"
	"testing"
)

// TestStandardLibraryOnly keeps the codec pure: the repository's
// dependency test lets anything under sandbox/ import wazero, this package
// included.
func TestStandardLibraryOnly(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Imports) == 0 {
		t.Fatal("no imports found")
	}
	for _, imp := range slices.Concat(p.Imports, p.TestImports, p.XTestImports) {
		if first, _, _ := strings.Cut(imp, "/"); strings.Contains(first, ".") {
			t.Errorf("imports %s; the codec uses only the standard library", imp)
		}
	}
}

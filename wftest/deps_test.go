package wftest

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Each heavy dependency lives in one package, so replacing it touches one
// place and the rest of the tree stays light. The vocabulary package wf
// imports only the standard library.
func TestHeavyDependenciesStayInTheirPackage(t *testing.T) {
	const mod = "github.com/webfunctions/wf/"
	allowed := []struct {
		dep    string
		owners []string
	}{
		{"github.com/tetratelabs/wazero", []string{"sandbox"}},
		{"github.com/ethereum/go-ethereum", []string{"chain"}},
		{"github.com/ipfs/", []string{"dag"}},
		{"github.com/ipld/", []string{"dag"}},
		{"github.com/multiformats/", []string{"dag"}},
		{"github.com/prometheus/", []string{"provider", "gateway"}},
		{"go.etcd.io/bbolt", []string{"payment/ledger"}},
	}
	out, err := exec.Command("go", "list", "-json", mod+"...").Output()
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath                         string
			Imports, TestImports, XTestImports []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkg := strings.TrimPrefix(p.ImportPath, mod)
		for _, imp := range append(append(p.Imports, p.TestImports...), p.XTestImports...) {
			if pkg == "wf" && strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") && !strings.HasPrefix(imp, mod+"wf") {
				t.Errorf("wf imports %s; the vocabulary package must use only the standard library", imp)
			}
			for _, a := range allowed {
				if strings.HasPrefix(imp, a.dep) && !slices.ContainsFunc(a.owners, func(o string) bool { return pkg == o || strings.HasPrefix(pkg, o+"/") }) {
					t.Errorf("%s imports %s; only %s may", pkg, imp, strings.Join(a.owners, ", "))
				}
			}
		}
	}
}

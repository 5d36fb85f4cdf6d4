package wftest

import (
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const mod = "github.com/webfunctions/wf/"

// Heavy dependencies, by import path prefix.
const (
	goEthereum = "github.com/ethereum/go-ethereum"
	wazero     = "github.com/tetratelabs/wazero"
	// nonStd stands for every package outside the standard library (and
	// outside the rule's own packages).
	nonStd = "std-only"
	// ownButWF stands for every package of this module but wf (and the
	// rule's own packages).
	ownButWF = "wf-only"
)

// A rule is one dependency boundary and the reason for it. There are two
// kinds:
//
//   - ownership (Imports and Owners set): each heavy dependency lives in
//     one package. Only Owners (and their tests) may import Imports
//     directly; everyone else reaches them through the owner, or not at
//     all.
//   - linking (Pkgs and Links set): Pkgs do not link any of Links at all,
//     directly or through any chain of imports; with Tests, neither do
//     their test binaries (fuzz targets build every linked package with
//     instrumentation).
//
// Package names are relative to the module; "x/..." is x and every
// package below it.
type rule struct {
	Imports []string
	Owners  []string

	Pkgs  []string
	Tests bool
	Links []string

	Why string
}

var rules = []rule{
	// Ownership: the one package that wraps each heavy dependency.
	{Imports: []string{wazero}, Owners: []string{"sandbox"},
		Why: "the sandbox alone knows the WebAssembly runtime: limits, module rewriting and errors live in one place"},
	{Imports: []string{goEthereum}, Owners: []string{"chain/..."},
		Why: "the chain client (and below it its bindings and the dev chain, chain/sim) alone knows Ethereum (keys, EIP-712, contracts); the rest uses wf's types, wf.Signer and wf.Verifier"},
	{Imports: []string{"github.com/ipfs/", "github.com/ipld/", "github.com/multiformats/"}, Owners: []string{"dag"},
		Why: "UnixFS and CAR exactly as kubo makes them, in one package; elsewhere a CID is a wf.CID"},
	{Imports: []string{"github.com/prometheus/"}, Owners: []string{"provider", "gateway"},
		Why: "metrics are the two servers' concern, exposed on their own handlers"},
	{Imports: []string{"go.etcd.io/bbolt"}, Owners: []string{"payment/ledger"},
		Why: "the ledger is the one durable store of charges and settlements"},
	{Imports: []string{"github.com/fsnotify/"}, Owners: []string{"watch"},
		Why: "file watching (wf dev --watch) is one small package with its own debouncing and ignore rules"},
	{Imports: []string{"github.com/chromedp/"}, Owners: []string{"dashboard"},
		Why: "a real browser drives the dashboard's end-to-end test and nothing else: chromedp is test-only, in the dashboard's tests"},
	{Imports: []string{"github.com/spf13/"}, Owners: []string{"cli"},
		Why: "only the command line parses flags; libraries take Config structs"},
	{Imports: []string{"github.com/coreos/go-oidc", "github.com/go-jose/"}, Owners: []string{"ci/..."},
		Why: "CI identity tokens are verified in one place (issuer, audience, expiry, RS256 only, key rotation, single use), and the local issuer that signs them for tests and wf dev sits beside it in ci/issuer"},
	{Imports: []string{"github.com/rhysd/actionlint", "go.yaml.in/yaml/"}, Owners: []string{"templates/ci"},
		Why: "actionlint lints the shipped GitHub workflows and a YAML reader checks the GitLab component, in that one test package; nothing built links them"},
	{Imports: []string{"github.com/evanw/esbuild"}, Owners: []string{"jsrt/bundle"},
		Why: "bundling JavaScript is a deploy-time step of the command line (wf build, wf deploy); providers run bundled scripts and never link esbuild"},
	{Imports: []string{"github.com/google/go-containerregistry"}, Owners: []string{"export"},
		Why: "crane's library reads wf export's image tarballs in export's tests, as a registry client would; the runner and wf write images with the standard library"},
	{Imports: []string{"github.com/consensys/"}, Owners: []string{"cred"},
		Why: "zero-knowledge credentials (the one circuit, its setup, proving and verifying) are one package; the provider meets it through provider.Gate, the spec carries policies as plain data"},
	{Imports: []string{"github.com/letsencrypt/", "github.com/miekg/dns"}, Owners: []string{"cli"},
		Why: "Let's Encrypt's test CA (pebble) and its DNS server issue a real ACME certificate to wf provider start in one cli test; nothing built links them"},
	{Pkgs: []string{"cli"}, Links: []string{"github.com/letsencrypt/"},
		Why: "the ACME test CA is test-only: the wf binary speaks ACME through x/crypto's client"},
	{Imports: []string{"github.com/pelletier/go-toml"}, Owners: []string{"project"},
		Why: "wf.toml has one reader: its schema, strict decoding and line-numbered errors live in one place; the rest uses project.File"},

	// Linking: what must stay light.
	{Pkgs: []string{"wf"}, Tests: true, Links: []string{nonStd},
		Why: "the vocabulary every package imports must cost nothing to import"},
	{Pkgs: []string{"wf"}, Links: []string{"net/http"},
		Why: "every package imports wf: net/http would bring crypto/tls and cgo to all of them"},
	{Pkgs: []string{"sandbox/internal/wasm"}, Tests: true, Links: []string{nonStd},
		Why: "the codec checks untrusted modules before wazero reads them and is tested against wazero: it stays independent of what it guards"},
	{Pkgs: []string{"payment/ledger"}, Links: []string{ownButWF},
		Why: "the ledger stores records of its own, so a change to another package's types cannot change what is on disk"},
	{Pkgs: []string{"relay/..."}, Links: []string{goEthereum, wazero},
		Why: "the tunnel protocol runs in small provider and gateway builds; logins are signed and checked through wf.Signer and wf.Verifier"},
	{Pkgs: []string{"client"}, Links: []string{goEthereum, wazero},
		Why: "Go programs that deploy and call functions sign through wf.Signer and need neither the chain client nor the runtime"},
	{Pkgs: []string{"payment"}, Links: []string{wazero},
		Why: "the meter meets the provider through wf.Payments; charging never needs the WebAssembly runtime"},
	{Pkgs: []string{"seal"}, Tests: true, Links: []string{goEthereum, wazero},
		Why: "seal's fuzz targets instrument every package their test binary links (go-ethereum cost about 500 s of CI)"},
	{Pkgs: []string{"spec", "names", "dag", "store/...", "trustless", "httperr"}, Tests: true, Links: []string{goEthereum, wazero},
		Why: "formats (specs, name records), stores and block transfer are pure data: they neither sign, pay nor run code"},
	{Pkgs: []string{"mina"}, Tests: true, Links: []string{goEthereum, wazero, ownButWF},
		Why: "Mina's cryptography is the standard library and x/crypto only, checked against mina-signer's vectors: it can be reviewed alone and its fuzz targets stay fast"},
	{Pkgs: []string{"mina/minapay", "mina/settler", "mina/minarail"}, Tests: true, Links: []string{goEthereum, wazero},
		Why: "the provider's MINA rail is Mina's cryptography, the settler's HTTP client, the ledger and wf's vocabulary only, so a provider taking only MINA does not need the Ethereum client (o1js runs in the Node settler, never in Go)"},
	{Pkgs: []string{"sandbox"}, Tests: true, Links: []string{goEthereum},
		Why: "the sandbox runs modules and knows nothing of keys or payments"},
	{Pkgs: []string{"chain", "payment", "provider", "gateway", "node"}, Links: []string{goEthereum + "/ethclient/simulated", goEthereum + "/eth", goEthereum + "/miner", goEthereum + "/node"},
		Why: "provider nodes and gateways against a real chain carry only the client: go-ethereum's simulated backend is a whole node (eth, miner, node, the transaction pool), kept in chain/sim for dev chains and tests"},
	{Pkgs: []string{"dashboard"}, Links: []string{"github.com/chromedp/"},
		Why: "the dashboard itself is server-rendered HTML; only its browser test drives Chromium"},
	{Pkgs: []string{"provider", "jsrt"}, Links: []string{"github.com/evanw/esbuild"},
		Why: "a provider runs the bundled script a deploy carries; the bundler is the publisher's tool"},
	{Pkgs: []string{"provider", "gateway", "client", "spec", "payment/..."}, Links: []string{"github.com/consensys/gnark"},
		Why: "only nodes that verify credentials and holders that prove link gnark (cred meets the provider as a provider.Gate; spec carries policies as data)"},
	{Pkgs: []string{"cred"}, Tests: true, Links: []string{goEthereum, wazero},
		Why: "the credentials package and its fuzz target stay free of the chain client and the runtime; tests that need them (the issuer's signatures, the provider benchmarks) live in cred/credtest"},
	{Pkgs: []string{"cred"}, Tests: true, Links: []string{"github.com/coreos/go-oidc", "github.com/go-jose/"},
		Why: "an issuer checks CI identity tokens through cred.TokenCheck, which the command line builds from package ci: neither package links the other's heavy dependency"},
	{Pkgs: []string{"ci/..."}, Tests: true, Links: []string{"github.com/consensys/gnark", "github.com/webfunctions/wf/cred"},
		Why: "CI identity stays free of the credential circuit: cred asks ci's verifier through an interface, never the other way"},
	{Pkgs: []string{"spec"}, Tests: true, Links: []string{"github.com/consensys/gnark"},
		Why: "spec's tests, fuzz targets among them, check policies as data and stay fast to instrument"},
	{Pkgs: []string{"chain/...", "gateway"}, Links: []string{wazero},
		Why: "the chain client and the gateway never run functions"},
	{Pkgs: []string{"manifest"}, Tests: true, Links: []string{goEthereum, wazero},
		Why: "a provider manifest is pure data: providers, auditors and gateways all read it"},
	{Pkgs: []string{"rewards"}, Links: []string{wazero, goEthereum + "/ethclient/simulated"},
		Why: "the rewards epoch job reads the chain and builds Merkle trees through the chain client; it never runs functions or embeds a chain"},
	{Pkgs: []string{"audit", "discovery"}, Links: []string{wazero},
		Why: "auditors and discovery judge providers from outside, over HTTP and the chain; they never run functions themselves"},
	{Pkgs: []string{"export", "cmd/wf-runner"}, Links: []string{mod + "provider", mod + "gateway", mod + "node", mod + "payment", mod + "store/diskstore", "github.com/evanw/esbuild", "github.com/google/go-containerregistry", goEthereum + "/ethclient/simulated", goEthereum + "/eth"},
		Why: "an exported function's runner is the sandbox, the JavaScript engine and the checks of the spec's signature: no provider, payments, disk store, bundler or dev chain goes to another cloud with it"},
	{Pkgs: []string{"export/lambdaapi"}, Tests: true, Links: []string{nonStd},
		Why: "the Lambda Runtime API emulator stands in for AWS in tests: standard library only, so it is judged on its own"},
	{Pkgs: []string{"node", "provider", "gateway", "payment/...", "relay/...", "client", "chain", "sandbox/...", "seal", "audit", "discovery", "manifest"}, Links: []string{mod + "devnet", mod + "wftest", "testing"},
		Why: "production parts are assembled by node; devnet (a whole network on one machine) and test harnesses stay out of them"},
}

// The boundaries hold for the whole import graph, test builds included.
func TestDependencyBoundaries(t *testing.T) {
	g := loadGraph(t)
	for _, r := range rules {
		if err := r.wellFormed(g); err != nil {
			t.Errorf("rule %s: %v", r.name(), err)
			continue
		}
		for _, v := range r.check(g) {
			t.Error(v)
		}
	}
}

// A broken rule names itself, its reason and the import chain that breaks
// it.
func TestDependencyViolationMessage(t *testing.T) {
	g := &graph{nodes: map[string]*listed{}}
	add := func(path string, std bool, imports ...string) {
		g.nodes[path] = &listed{ImportPath: path, Standard: std, Imports: imports}
	}
	add(mod+"relay", false, "fmt", mod+"chain")
	add(mod+"chain", false, mod+"wf", goEthereum+"/common")
	add(mod+"wf", false, "fmt")
	add(goEthereum+"/common", false, "fmt")
	add("fmt", true)
	r := rule{Pkgs: []string{"relay"}, Links: []string{goEthereum}, Why: "a reason"}
	vs := r.check(g)
	want := "relay -> chain -> github.com/ethereum/go-ethereum/common\n\tbreaks the rule: relay links no github.com/ethereum/go-ethereum\n\tbecause: a reason"
	if len(vs) != 1 || vs[0] != want {
		t.Fatalf("violations %q, want [%q]", vs, want)
	}
	o := rule{Imports: []string{goEthereum}, Owners: []string{"dag"}, Why: "another reason"}
	vs = o.check(g)
	want = "chain -> github.com/ethereum/go-ethereum/common\n\tbreaks the rule: only dag imports github.com/ethereum/go-ethereum\n\tbecause: another reason"
	if len(vs) != 1 || vs[0] != want {
		t.Fatalf("violations %q, want [%q]", vs, want)
	}
}

// listed is a package as `go list -deps -test -json` reports it. Test
// builds appear as separate nodes: "p [p.test]" (p with its internal test
// files), "p_test [p.test]" (its external tests), "p.test" (the test
// binary's main), and "q [p.test]" for each q recompiled against them.
type listed struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Error      *struct{ Err string }
}

type graph struct{ nodes map[string]*listed }

func loadGraph(t *testing.T) *graph {
	t.Helper()
	cmd := exec.Command("go", "list", "-e", "-deps", "-test", "-json=ImportPath,Standard,Imports,Error", mod+"...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	g := &graph{nodes: map[string]*listed{}}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var n listed
		if err := dec.Decode(&n); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if n.Error != nil {
			t.Fatalf("go list: %s: %s", n.ImportPath, n.Error.Err)
		}
		g.nodes[n.ImportPath] = &n
	}
	return g
}

// base is a package path without its test variant: "seal_test [seal.test]"
// and "seal.test" are seal's.
func base(path string) string {
	path, _, _ = strings.Cut(path, " ")
	path = strings.TrimSuffix(path, ".test")
	return strings.TrimSuffix(path, "_test")
}

// show is a package's name in a message: module packages relative to the
// module, test variants by their package name ("seal_test", "seal.test").
func show(path string) string {
	path, _, _ = strings.Cut(path, " ")
	return strings.TrimPrefix(path, mod)
}

// matches reports whether the module package pkg (a base path) is one of
// patterns.
func matches(pkg string, patterns []string) bool {
	rel, ok := strings.CutPrefix(pkg, mod)
	if !ok {
		return false
	}
	return slices.ContainsFunc(patterns, func(p string) bool {
		if tree, ok := strings.CutSuffix(p, "/..."); ok {
			return rel == tree || strings.HasPrefix(rel, tree+"/")
		}
		return rel == p
	})
}

func hasPrefix(path, dep string) bool {
	return path == dep || strings.HasPrefix(path, strings.TrimSuffix(dep, "/")+"/")
}

func (r rule) name() string {
	if r.Owners != nil {
		verb := "imports"
		if len(r.Owners) > 1 {
			verb = "import"
		}
		return fmt.Sprintf("only %s %s %s", strings.Join(r.Owners, ", "), verb, depList(r.Imports))
	}
	tests := ""
	if r.Tests {
		tests = " (tests included)"
	}
	if len(r.Links) == 1 && r.Links[0] == nonStd {
		return fmt.Sprintf("%s%s links only the standard library", strings.Join(r.Pkgs, ", "), tests)
	}
	if len(r.Links) == 1 && r.Links[0] == ownButWF {
		return fmt.Sprintf("%s%s links nothing of this module but wf", strings.Join(r.Pkgs, ", "), tests)
	}
	return fmt.Sprintf("%s%s links no %s", strings.Join(r.Pkgs, ", "), tests, depList(r.Links))
}

// depList is deps in a rule's name: "a, b or c/...".
func depList(deps []string) string {
	shown := make([]string, len(deps))
	for i, d := range deps {
		if tree, ok := strings.CutSuffix(d, "/"); ok {
			d = tree + "/..."
		}
		shown[i] = d
	}
	if len(shown) == 1 {
		return shown[0]
	}
	return strings.Join(shown[:len(shown)-1], ", ") + " or " + shown[len(shown)-1]
}

// wellFormed checks that the rule names packages that exist, so a renamed
// package cannot silently leave a rule checking nothing.
func (r rule) wellFormed(g *graph) error {
	names := r.Pkgs
	if r.Owners != nil {
		names = r.Owners
	}
	for _, p := range names {
		found := false
		for path := range g.nodes {
			if !strings.Contains(path, " ") && matches(path, []string{p}) {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("no package %s in the module", p)
		}
	}
	return nil
}

// check returns a message for each package that breaks r, with the import
// chain that breaks it.
func (r rule) check(g *graph) []string {
	broken := func(chain []string) string {
		shown := make([]string, len(chain))
		for i, p := range chain {
			shown[i] = show(p)
		}
		return fmt.Sprintf("%s\n\tbreaks the rule: %s\n\tbecause: %s", strings.Join(shown, " -> "), r.name(), r.Why)
	}
	var out []string
	if r.Owners != nil {
		// Any build of a package other than the owners, test variants
		// included, that imports one of Imports directly.
		seen := map[string]bool{}
		for _, path := range sortedKeys(g.nodes) {
			n := g.nodes[path]
			pkg := base(path)
			if !strings.HasPrefix(pkg, mod) || matches(pkg, r.Owners) {
				continue
			}
			for _, imp := range n.Imports {
				dep := base(imp)
				owned := slices.ContainsFunc(r.Imports, func(d string) bool { return hasPrefix(dep, d) })
				if owned && !seen[show(path)+" "+dep] {
					seen[show(path)+" "+dep] = true
					out = append(out, broken([]string{path, imp}))
				}
			}
		}
		return out
	}
	forbidden := func(path string) bool {
		n := g.nodes[path]
		for _, d := range r.Links {
			switch pkg := base(path); d {
			case nonStd:
				if n != nil && !n.Standard && !matches(pkg, r.Pkgs) {
					return true
				}
			case ownButWF:
				if strings.HasPrefix(pkg, mod) && pkg != mod+"wf" && !matches(pkg, r.Pkgs) {
					return true
				}
			default:
				if hasPrefix(pkg, d) {
					return true
				}
			}
		}
		return false
	}
	for _, path := range sortedKeys(g.nodes) {
		if strings.Contains(path, " ") || strings.HasSuffix(path, ".test") || !matches(path, r.Pkgs) {
			continue
		}
		roots := []string{path}
		if r.Tests {
			if _, ok := g.nodes[path+".test"]; ok {
				roots = append(roots, path+".test")
			}
		}
		for _, root := range roots {
			if chain := g.shortestPath(root, forbidden); chain != nil {
				out = append(out, broken(chain))
			}
		}
	}
	return out
}

// shortestPath returns the shortest import chain from root to a package
// for which stop is true, or nil.
func (g *graph) shortestPath(root string, stop func(string) bool) []string {
	prev := map[string]string{root: ""}
	queue := []string{root}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if stop(p) {
			var chain []string
			for ; p != ""; p = prev[p] {
				chain = append(chain, p)
			}
			slices.Reverse(chain)
			return chain
		}
		if n := g.nodes[p]; n != nil {
			for _, imp := range n.Imports {
				if _, ok := prev[imp]; !ok {
					prev[imp] = p
					queue = append(queue, imp)
				}
			}
		}
	}
	return nil
}

func sortedKeys(m map[string]*listed) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

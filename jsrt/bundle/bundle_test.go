package bundle_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/jsrt/bundle"
)

func TestBundleTypeScriptWithImports(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("greet.ts", `export function greet(name: string): string { return "hello " + name; }`)
	write("index.ts", `import { greet } from "./greet";
interface Env { GREETING: string }
export default { async fetch(req: Request, env: Env): Promise<Response> { return new Response(greet(env.GREETING)); } };`)
	out, err := bundle.Bundle(filepath.Join(dir, "index.ts"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if strings.Contains(s, "import ") || strings.Contains(s, "interface") || !strings.Contains(s, "export") || !strings.Contains(s, `"hello "`) {
		t.Fatalf("bundle:\n%s", s)
	}
	write("bad.js", `import x from "./missing.js"; export default x;`)
	if _, err := bundle.Bundle(filepath.Join(dir, "bad.js")); err == nil || !strings.Contains(err.Error(), "missing.js") {
		t.Fatalf("a missing import: %v", err)
	}
}

// A worker held in memory (an upload) bundles the same way, TypeScript
// included, and says plainly what it cannot resolve or parse.
func TestSource(t *testing.T) {
	out, err := bundle.Source("worker.ts", []byte(`interface Env { GREETING: string }
export default { fetch(req: Request, env: Env): Response { return new Response(env.GREETING ?? "hi"); } };`))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(out); strings.Contains(s, "interface") || !strings.Contains(s, "export") || !strings.Contains(s, "GREETING") {
		t.Fatalf("bundle:\n%s", s)
	}
	for _, c := range []struct{ name, src, want string }{
		{"worker.js", `import x from "./other.js"; export default x;`, "other.js"},
		{"worker.js", `export default { fetch( };`, "worker.js:1:"},
		{"worker.wasm", `export default {}`, "ends in one of"},
	} {
		if _, err := bundle.Source(c.name, []byte(c.src)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: %v, want an error with %q", c.name, c.src, err, c.want)
		}
	}
}

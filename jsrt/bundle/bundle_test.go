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

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The "done when": wf init --lang js hello && wf deploy hello
// answers curl on wf dev; TypeScript and a single worker file too.
func TestInitDeployInvokeJS(t *testing.T) {
	url, _ := startDev(t, t.TempDir())
	for _, lang := range []string{"js", "ts"} {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "hello")
			if _, err := wf(t, nil, "init", "--lang", lang, dir); err != nil {
				t.Fatal(err)
			}
			out, err := wf(t, nil, "deploy", dir, "--provider", url, "--key", "dev", "--env", "GREETING=Hi")
			if err != nil {
				t.Fatal(err)
			}
			fn := cidRE.FindString(out)
			if fn == "" {
				t.Fatalf("deploy printed no CID: %q", out)
			}
			out, err = wf(t, nil, "invoke", fn, "--provider", url, "-d", "gopher")
			if err != nil || out != "Hi, gopher!\n" {
				t.Fatalf("invoke: %v %q", err, out)
			}
			if status, body := get(t, url+"/"+fn+"/?name=you", ""); status != 200 || body != "Hi, you!\n" {
				t.Fatalf("GET: %d %q", status, body)
			}
			if _, err := os.Stat(filepath.Join(dir, "dist", "worker.js")); err != nil {
				t.Fatalf("no bundle written: %v", err)
			}
		})
	}
	t.Run("file", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "util.ts"), []byte(`export const shout = (s: string): string => s.toUpperCase();`), 0o644)
		worker := filepath.Join(dir, "worker.ts")
		os.WriteFile(worker, []byte(`import { shout } from "./util";
export default { fetch(req: Request): Response { return new Response(shout(new URL(req.url).pathname)); } };`), 0o644)
		out, err := wf(t, nil, "deploy", worker, "--provider", url, "--key", "dev")
		if err != nil {
			t.Fatal(err)
		}
		fn := cidRE.FindString(out)
		if status, body := get(t, url+"/"+fn+"/a/b", ""); status != 200 || !strings.Contains(body, "/A/B") {
			t.Fatalf("GET: %d %q", status, body)
		}
	})
}

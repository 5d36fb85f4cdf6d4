package bench

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
)

// helloJS is the hello function in JavaScript, what the peers serve: the
// native handler's work (the name from ?name= or a POST body, default
// "world"; one log line kept in a 50-entry ring; a plain-text greeting).
const helloJS = `const logs = new Array(50);
let next = 0;
async function hello(request) {
  let name = new URL(request.url).searchParams.get("name");
  if (request.method === "POST") name = await request.text();
  if (!name) name = "world";
  logs[next] = "greeting " + name + "\n";
  next = (next + 1) % logs.length;
  return new Response("Hello, " + name + "!\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
`

// startWorkerd serves helloJS as a Workers module on workerd (bin),
// pinned to cpu.
func startWorkerd(ctx context.Context, cpu, bin, work string) (*process, error) {
	dir := filepath.Join(work, "workerd")
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	conf := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "hello", worker = (modules = [(name = "worker.js", esModule = embed "worker.js")], compatibilityDate = "2026-11-01"))],
  sockets = [(name = "http", address = %q, http = (), service = "hello")],
);
`, addr)
	if err := writeFiles(dir, map[string]string{
		"worker.js":    helloJS + "export default { fetch: hello };\n",
		"config.capnp": conf,
	}); err != nil {
		return nil, err
	}
	return startAt(ctx, cpu, dir+".log", nil, dir, addr, bin, "serve", "config.capnp")
}

// startDeno serves helloJS with Deno.serve on deno (bin), pinned to cpu.
func startDeno(ctx context.Context, cpu, bin, work string) (*process, error) {
	dir := filepath.Join(work, "deno")
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	host, port, _ := net.SplitHostPort(addr)
	p, err := strconv.Atoi(port)
	if err != nil {
		return nil, err
	}
	main := helloJS + fmt.Sprintf("Deno.serve({ hostname: %q, port: %d, onListen() {} }, hello);\n", host, p)
	if err := writeFiles(dir, map[string]string{"main.js": main}); err != nil {
		return nil, err
	}
	// No cache or lock files beside the script, no prompts, no network
	// but the listener.
	env := []string{"DENO_DIR=" + filepath.Join(dir, "cache"), "NO_COLOR=1", "DENO_NO_UPDATE_CHECK=1"}
	return startAt(ctx, cpu, dir+".log", env, dir, addr, bin, "run", "--no-prompt", "--no-lock", "--allow-net="+addr, "main.js")
}

func writeFiles(dir string, files map[string]string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

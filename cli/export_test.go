package cli_test

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/export"
	"github.com/webfunctions/wf/export/lambdaapi"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	wfcore "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// runnerBin builds cmd/wf-runner as wf export expects it (static, for
// this machine's linux/amd64 or arm64) once per test process.
var runnerBin = sync.OnceValues(func() (string, error) {
	root, err := wftest.ModuleRoot()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "wf-runner-*")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "wf-runner")
	cmd := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/wf-runner")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/wf-runner: %v\n%s", err, out)
	}
	return bin, nil
})

func runner(t *testing.T) string {
	t.Helper()
	bin, err := runnerBin()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// exported are the two functions every export test runs: WebAssembly
// (the AssemblyScript template) and JavaScript (a worker reading env).
type exported struct {
	env  *wftest.Env
	fns  map[string]wfcore.CID // "wasm", "js"
	arch string
}

func deployBoth(t *testing.T) *exported {
	env := wftest.New(t, wftest.Options{})
	js := wftest.Spec()
	x, err := spec.JSExtensionFor(jsrt.Builtin().CID)
	if err != nil {
		t.Fatal(err)
	}
	js.Extensions = map[string]wfcore.Extension{spec.JSExtension: x}
	js.Env = map[string]string{"GREETING": "Howdy"}
	worker := []byte(`export default { async fetch(request, env) {
		const url = new URL(request.url);
		let name = url.searchParams.get("name") || "world";
		if (request.method === "POST") name = await request.text();
		console.log("greeting", name);
		return new Response(env.GREETING + ", " + name + "! " + url.pathname + "\n", {headers: {"content-type": "text/plain; charset=utf-8", "x-from": "worker"}});
	} }`)
	return &exported{env: env, arch: goarch(), fns: map[string]wfcore.CID{
		"wasm": env.Deploy(t, templates.HelloWasm, wftest.Spec()),
		"js":   env.Deploy(t, worker, js),
	}}
}

func goarch() string {
	out, _ := exec.Command("go", "env", "GOARCH").Output()
	return strings.TrimSpace(string(out))
}

// requests are what each test sends, and what `wf invoke` answers to them
// is the reference.
var exportRequests = []struct{ path, query, body string }{
	{"/", "name=you", ""},
	{"/a/b", "", "gopher"},
}

// invokeBody is what `wf invoke` prints for one of exportRequests.
func (e *exported) invokeBody(t *testing.T, fn wfcore.CID, path, query, body string) string {
	t.Helper()
	args := []string{"invoke", fn.String(), path + "?" + query, "--provider", e.env.URL}
	if body != "" {
		args = append(args, "-d", body)
	}
	out, _, err := wfIn(t, t.TempDir(), "", args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (e *exported) export(t *testing.T, target string, fn wfcore.CID, out string) {
	t.Helper()
	defer func(start time.Time) {
		t.Logf("wf export %s took %s", target, time.Since(start).Round(time.Millisecond))
	}(time.Now())
	if _, errOut, err := wfIn(t, t.TempDir(), "", "export", target, fn.String(), "--provider", e.env.URL,
		"--runner", runner(t), "--arch", e.arch, "-o", out); err != nil {
		t.Fatalf("wf export %s: %v\n%s", target, err, errOut)
	}
}

// startProcess runs bin with env and stops it at cleanup; its stderr is
// returned for failure messages.
func startProcess(t *testing.T, bin string, env ...string) *wftest.LogBuffer {
	t.Helper()
	_, log := startCmd(t, bin, env...)
	return log
}

// startCmd is startProcess that also returns the process.
func startCmd(t *testing.T, bin string, env ...string) (*exec.Cmd, *wftest.LogBuffer) {
	t.Helper()
	var log wftest.LogBuffer
	cmd := exec.Command(bin)
	cmd.Env = env
	cmd.Stderr = &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd, &log
}

func unzipBootstrap(t *testing.T, zipPath string) string {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != 1 || zr.File[0].Name != "bootstrap" || zr.File[0].Mode().Perm() != 0o755 {
		t.Fatalf("zip holds %v, want one executable bootstrap", zr.File)
	}
	rc, _ := zr.File[0].Open()
	b, _ := io.ReadAll(rc)
	rc.Close()
	p := filepath.Join(t.TempDir(), "bootstrap")
	if err := os.WriteFile(p, b, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func httpV2Event(method, path, query, body string) []byte {
	b, _ := json.Marshal(map[string]any{
		"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": query,
		"headers": map[string]string{"host": "fn.lambda-url.eu-west-1.on.aws", "content-type": "text/plain"},
		"requestContext": map[string]any{"domainName": "fn.lambda-url.eu-west-1.on.aws", "requestId": "id",
			"http": map[string]string{"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.1"}},
		"body": body, "isBase64Encoded": false,
	})
	return b
}

func method(body string) string {
	if body != "" {
		return "POST"
	}
	return "GET"
}

// TestExport deploys a WebAssembly and a JavaScript function to a real
// node, exports them with wf export to each cloud, and runs the artifacts
// as the clouds do; every answer must be what wf invoke prints.
func TestExport(t *testing.T) {
	e := deployBoth(t)
	t.Run("lambda", func(t *testing.T) { testExportLambda(t, e) })
	t.Run("cloudrun", func(t *testing.T) { testExportCloudRun(t, e) })
	t.Run("vercel", func(t *testing.T) { testExportVercel(t, e) })
	t.Run("name", func(t *testing.T) { testExportName(t, e) })
	t.Run("refuses", func(t *testing.T) { testExportRefuses(t, e) })
}

// testExportName exports a name whose traffic is split: its heaviest
// version goes, and wf says so.
func testExportName(t *testing.T, e *exported) {
	sr, err := names.Sign(wfcore.NameRecord{Name: "hello", Seq: 1, Created: spec.Now(time.Now()),
		Targets: []wfcore.Target{{Function: e.fns["wasm"], Weight: 30}, {Function: e.fns["js"], Weight: 70}}}, e.env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.env.Client.SetName(context.Background(), sr); err != nil {
		t.Fatal(err)
	}
	// A bare name is the name of your key's address (the keystore states
	// it in the clear: no password asked).
	home := t.TempDir()
	if err := chain.SaveKeystore(filepath.Join(home, "key.json"), e.env.Key, "pw", 2); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := wfIn(t, home, "", "export", "vercel", "hello", "--provider", e.env.URL,
		"--runner", runner(t), "--arch", e.arch, "-o", filepath.Join(t.TempDir(), "out"), "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil || got["function"] != e.fns["js"].String() || got["target"] != "vercel" {
		t.Fatalf("printed %q: %v", out, err)
	}
	if !strings.Contains(errOut, "splits its traffic between 2 versions; exporting the heaviest, "+e.fns["js"].String()+" (70%)") {
		t.Fatalf("stderr %q", errOut)
	}
	// Anyone's, by @OWNER/NAME; without a key a bare name says how.
	out, errOut, err = wfIn(t, t.TempDir(), "", "export", "lambda", "@"+e.env.Key.Address().String()+"/hello", "--provider", e.env.URL,
		"--runner", runner(t), "--arch", e.arch, "-o", filepath.Join(t.TempDir(), "fn.zip"), "--json")
	if err != nil || !strings.Contains(out, e.fns["js"].String()) {
		t.Fatalf("@OWNER/NAME: %v %s\n%s", err, out, errOut)
	}
	if _, _, err := wfIn(t, t.TempDir(), "", "export", "lambda", "hello", "--provider", e.env.URL, "--runner", runner(t), "--arch", e.arch); err == nil || !strings.Contains(err.Error(), "or give @OWNER/hello") {
		t.Fatalf("a bare name without a key: %v", err)
	}
}

// testExportLambda exports both functions to Lambda, runs each zip's
// bootstrap as Lambda does (a process polling the Runtime API, here the
// in-memory one) and checks that Function URL events get the bodies wf
// invoke gets, with the function's CID.
func testExportLambda(t *testing.T, e *exported) {
	for kind, fn := range e.fns {
		t.Run(kind, func(t *testing.T) {
			zipPath := filepath.Join(t.TempDir(), "fn.zip")
			e.export(t, "lambda", fn, zipPath)
			api := lambdaapi.New()
			hs := httptest.NewServer(api.Handler())
			t.Cleanup(hs.Close)
			start := time.Now()
			log := startProcess(t, unzipBootstrap(t, zipPath), "AWS_LAMBDA_RUNTIME_API="+strings.TrimPrefix(hs.URL, "http://"))
			for i, rq := range exportRequests {
				res, err := api.Invoke(context.Background(), httpV2Event(method(rq.body), rq.path, rq.query, rq.body), 30*time.Second)
				if err != nil || res.ErrorType != "" {
					t.Fatalf("invoke: %v %+v\n%s", err, res, log)
				}
				if i == 0 {
					t.Logf("%s: first answer %s after the process started (cold start)", kind, time.Since(start).Round(time.Millisecond))
				}
				var r struct {
					StatusCode int               `json:"statusCode"`
					Headers    map[string]string `json:"headers"`
					Body       string            `json:"body"`
				}
				if err := json.Unmarshal(res.Payload, &r); err != nil {
					t.Fatal(err)
				}
				want := e.invokeBody(t, fn, rq.path, rq.query, rq.body)
				if r.StatusCode != 200 || r.Body != want || r.Headers["X-Wf-Function"] != fn.String() {
					t.Fatalf("%+v, wf invoke printed %q", r, want)
				}
			}
			if !strings.Contains(log.String(), `"message":"function verified"`) || !strings.Contains(log.String(), "greeting you") {
				t.Errorf("the runner's log lacks the verification or the function's own log:\n%s", log)
			}
		})
	}
}

// freePort is a loopback port nobody listens on (for a process that takes
// $PORT, as Cloud Run's contract says).
func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
}

// testExportCloudRun exports both functions as OCI image tarballs, checks
// the image (layout, digests, config: entrypoint, platform, user, port),
// and runs the WebAssembly one's entrypoint the way Cloud Run does: PORT
// set, HTTP on it, SIGTERM to stop.
func testExportCloudRun(t *testing.T, e *exported) {
	for kind, fn := range e.fns {
		t.Run(kind, func(t *testing.T) {
			tarPath := filepath.Join(t.TempDir(), "image.tar")
			e.export(t, "cloudrun", fn, tarPath)
			exe := checkImage(t, tarPath, e.arch, fn)
			if kind == "js" {
				// The same Server answers on $PORT as through Lambda's
				// events, where JavaScript runs; its engine's compile
				// would add seconds here for nothing new.
				return
			}
			port := freePort(t)
			start := time.Now()
			cmd, log := startCmd(t, exe, "PORT="+port, "WF_RUNNER_HOST=127.0.0.1")
			base := "http://127.0.0.1:" + port
			waitServing(t, base, log)
			t.Logf("%s: serving %s after the process started", kind, time.Since(start).Round(time.Millisecond))
			for _, rq := range exportRequests {
				var resp *http.Response
				var err error
				if rq.body != "" {
					resp, err = http.Post(base+rq.path+"?"+rq.query, "text/plain", strings.NewReader(rq.body))
				} else {
					resp, err = http.Get(base + rq.path + "?" + rq.query)
				}
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				want := e.invokeBody(t, fn, rq.path, rq.query, rq.body)
				if resp.StatusCode != 200 || string(b) != want || resp.Header.Get(wfcore.FunctionHeader) != fn.String() {
					t.Fatalf("%s %v %q, wf invoke printed %q", resp.Status, resp.Header, b, want)
				}
			}
			// Cloud Run stops an instance with SIGTERM: the runner
			// finishes and exits 0.
			cmd.Process.Signal(syscall.SIGTERM)
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err := <-exited:
				if err != nil {
					t.Fatalf("after SIGTERM: %v\n%s", err, log)
				}
			case <-time.After(15 * time.Second):
				t.Fatalf("still running 15 s after SIGTERM\n%s", log)
			}
		})
	}
}

func waitServing(t *testing.T, base string, log *wftest.LogBuffer) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/")
		if err == nil {
			resp.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the runner does not serve: %v\n%s", err, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkImage reads an OCI image tarball as a registry client would, checks
// every digest and what Cloud Run needs, and returns the entrypoint
// written out as an executable file.
func checkImage(t *testing.T, path, arch string, fn wfcore.CID) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files := map[string][]byte{}
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			files[h.Name], _ = io.ReadAll(tr)
		}
	}
	blob := func(d export.Descriptor, media string) []byte {
		t.Helper()
		b, ok := files["blobs/sha256/"+strings.TrimPrefix(d.Digest, "sha256:")]
		sum := sha256.Sum256(b)
		if !ok || d.MediaType != media || d.Size != int64(len(b)) || d.Digest != "sha256:"+hex.EncodeToString(sum[:]) {
			t.Fatalf("blob %+v: present %v, %d bytes, digest sha256:%x", d, ok, len(b), sum)
		}
		return b
	}
	if string(files["oci-layout"]) != `{"imageLayoutVersion":"1.0.0"}` {
		t.Fatalf("oci-layout %q", files["oci-layout"])
	}
	var index export.Index
	if err := json.Unmarshal(files["index.json"], &index); err != nil || index.SchemaVersion != 2 || len(index.Manifests) != 1 {
		t.Fatalf("index.json %s: %v", files["index.json"], err)
	}
	md := index.Manifests[0]
	if md.Platform == nil || md.Platform.OS != "linux" || md.Platform.Architecture != arch {
		t.Fatalf("index platform %+v", md.Platform)
	}
	var man export.Manifest
	if err := json.Unmarshal(blob(md, export.MediaManifest), &man); err != nil || man.SchemaVersion != 2 || len(man.Layers) != 1 {
		t.Fatalf("manifest: %v %+v", err, man)
	}
	var cfg export.ImageConfig
	if err := json.Unmarshal(blob(man.Config, export.MediaConfig), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.OS != "linux" || cfg.Architecture != arch || len(cfg.Config.Entrypoint) != 1 || cfg.Config.Entrypoint[0] != export.ImagePath ||
		cfg.Config.User != export.ImageUser || cfg.Config.Labels["org.webfunctions.function"] != fn.String() || cfg.RootFS.Type != "layers" {
		t.Fatalf("config %+v", cfg)
	}
	zr, err := gzip.NewReader(bytes.NewReader(blob(man.Layers[0], export.MediaLayer)))
	if err != nil {
		t.Fatal(err)
	}
	layer, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(layer); len(cfg.RootFS.DiffIDs) != 1 || cfg.RootFS.DiffIDs[0] != "sha256:"+hex.EncodeToString(sum[:]) {
		t.Fatalf("diff_ids %v, layer sha256:%x", cfg.RootFS.DiffIDs, sum)
	}
	var docker []struct {
		Config           string
		RepoTags, Layers []string
	}
	if err := json.Unmarshal(files["manifest.json"], &docker); err != nil || len(docker) != 1 ||
		docker[0].Config != "blobs/sha256/"+strings.TrimPrefix(man.Config.Digest, "sha256:") || len(docker[0].Layers) != 1 || files[docker[0].Layers[0]] == nil {
		t.Fatalf("manifest.json %s: %v", files["manifest.json"], err)
	}
	lr := tar.NewReader(bytes.NewReader(layer))
	h, err := lr.Next()
	if err != nil || "/"+h.Name != export.ImagePath || h.Mode&0o111 == 0 {
		t.Fatalf("layer entry %+v: %v", h, err)
	}
	exe, _ := io.ReadAll(lr)
	if _, err := lr.Next(); err != io.EOF {
		t.Fatalf("the layer holds more than the runner: %v", err)
	}
	p := filepath.Join(t.TempDir(), "wf-runner")
	if err := os.WriteFile(p, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// testExportVercel checks the Build Output API layout against the fields
// its documentation lists (strictly: no field it does not) and runs its
// bootstrap with Vercel's proxy events.
func testExportVercel(t *testing.T, e *exported) {
	fn := e.fns["js"]
	out := filepath.Join(t.TempDir(), ".vercel", "output")
	e.export(t, "vercel", fn, out)

	var cfg struct {
		Version int `json:"version"`
		Routes  []struct {
			Src, Dest string
		} `json:"routes"`
	}
	strictJSON(t, filepath.Join(out, "config.json"), &cfg)
	if cfg.Version != 3 || len(cfg.Routes) != 1 || cfg.Routes[0].Src != "/(.*)" || cfg.Routes[0].Dest != "/"+export.VercelFunction {
		t.Fatalf("config.json %+v", cfg)
	}
	funcDir := filepath.Join(out, "functions", export.VercelFunction+".func")
	// .vc-config.json of a Serverless Function (Build Output API v3,
	// "Vercel Primitives"): runtime and handler required.
	var vc struct {
		Runtime                   string            `json:"runtime"`
		Handler                   string            `json:"handler"`
		Memory                    *int              `json:"memory"`
		MaxDuration               *int              `json:"maxDuration"`
		Environment               map[string]string `json:"environment"`
		Regions                   []string          `json:"regions"`
		SupportsWrapper           *bool             `json:"supportsWrapper"`
		SupportsResponseStreaming *bool             `json:"supportsResponseStreaming"`
		Architecture              string            `json:"architecture"`
	}
	strictJSON(t, filepath.Join(funcDir, ".vc-config.json"), &vc)
	wantArch := map[string]string{"amd64": "x86_64", "arm64": "arm64"}[e.arch]
	if vc.Runtime != "provided.al2023" || vc.Handler != "bootstrap" || vc.Architecture != wantArch {
		t.Fatalf(".vc-config.json %+v", vc)
	}
	st, err := os.Stat(filepath.Join(funcDir, vc.Handler))
	if err != nil || st.Mode().Perm()&0o111 == 0 {
		t.Fatalf("handler %s: %v %v", vc.Handler, st, err)
	}

	api := lambdaapi.New()
	hs := httptest.NewServer(api.Handler())
	t.Cleanup(hs.Close)
	log := startProcess(t, filepath.Join(funcDir, vc.Handler), "AWS_LAMBDA_RUNTIME_API="+strings.TrimPrefix(hs.URL, "http://"))
	for _, rq := range exportRequests {
		req, _ := json.Marshal(map[string]any{"method": method(rq.body), "path": rq.path + "?" + rq.query, "host": "fn.vercel.app",
			"headers": map[string]string{"x-forwarded-for": "198.51.100.7", "content-type": "text/plain"},
			"body":    base64.StdEncoding.EncodeToString([]byte(rq.body)), "encoding": "base64"})
		ev, _ := json.Marshal(map[string]any{"Action": "Invoke", "body": string(req)})
		res, err := api.Invoke(context.Background(), ev, 30*time.Second)
		if err != nil || res.ErrorType != "" {
			t.Fatalf("invoke: %v %+v\n%s", err, res, log)
		}
		var r struct {
			StatusCode int                 `json:"statusCode"`
			Headers    map[string][]string `json:"headers"`
			Encoding   string              `json:"encoding"`
			Body       string              `json:"body"`
		}
		if err := json.Unmarshal(res.Payload, &r); err != nil {
			t.Fatal(err)
		}
		body, _ := base64.StdEncoding.DecodeString(r.Body)
		want := e.invokeBody(t, fn, rq.path, rq.query, rq.body)
		if r.StatusCode != 200 || string(body) != want || r.Headers["X-From"][0] != "worker" {
			t.Fatalf("%+v %q, wf invoke printed %q", r, body, want)
		}
	}
}

func strictJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		t.Fatalf("%s: %v\n%s", path, err, b)
	}
}

// testExportRefuses: a runner for another architecture, an unknown
// target, and a runner whose embedded function does not verify.
func testExportRefuses(t *testing.T, e *exported) {
	other := map[string]string{"amd64": "arm64", "arm64": "amd64"}[e.arch]
	_, _, err := wfIn(t, t.TempDir(), "", "export", "lambda", e.fns["wasm"].String(), "--provider", e.env.URL,
		"--runner", runner(t), "--arch", other, "-o", filepath.Join(t.TempDir(), "x.zip"))
	if err == nil || !strings.Contains(err.Error(), "not a linux/"+other) {
		t.Fatalf("runner for the wrong architecture: %v", err)
	}
	if _, _, err := wfIn(t, t.TempDir(), "", "export", "azure", e.fns["wasm"].String()); err == nil || !strings.Contains(err.Error(), "unknown target") {
		t.Fatalf("unknown target: %v", err)
	}

	// Change one byte of the embedded code: the runner refuses to start.
	zipPath := filepath.Join(t.TempDir(), "fn.zip")
	e.export(t, "lambda", e.fns["wasm"], zipPath)
	boot := unzipBootstrap(t, zipPath)
	b, _ := os.ReadFile(boot)
	i := bytes.LastIndex(b, templates.HelloWasm[200:260])
	if i < 0 {
		t.Fatal("code not found in the bootstrap")
	}
	b[i] ^= 0x20
	os.WriteFile(boot, b, 0o755)
	out, err := exec.Command(boot, "--check").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "does not match") && !strings.Contains(string(out), "invalid") {
		t.Fatalf("a tampered function started: %v\n%s", err, out)
	}
	// Under Lambda the refusal is the runtime's init error, which the
	// invocation that started it reports.
	api := lambdaapi.New()
	hs := httptest.NewServer(api.Handler())
	t.Cleanup(hs.Close)
	startProcess(t, boot, "AWS_LAMBDA_RUNTIME_API="+strings.TrimPrefix(hs.URL, "http://"))
	res, err := api.Invoke(context.Background(), httpV2Event("GET", "/", "", ""), 30*time.Second)
	if !errors.Is(err, lambdaapi.ErrInit) || res == nil || res.ErrorType != "Runtime.InitError" {
		t.Fatalf("invoking a runtime that failed to start: %+v %v", res, err)
	}
}

// TestExportLambdaRIE runs the exported bootstrap under AWS's own Lambda
// Runtime Interface Emulator (WF_LAMBDA_RIE: its binary, from
// scripts/install-lambda-rie), which starts it as Lambda does and hands it
// Function URL events through the real Runtime API; the answers must be
// wf invoke's.
func TestExportLambdaRIE(t *testing.T) {
	rie := os.Getenv("WF_LAMBDA_RIE")
	if rie == "" {
		t.Skip("WF_LAMBDA_RIE is not set (scripts/install-lambda-rie prints it)")
	}
	e := deployBoth(t)
	for kind, fn := range e.fns {
		t.Run(kind, func(t *testing.T) {
			zipPath := filepath.Join(t.TempDir(), "fn.zip")
			e.export(t, "lambda", fn, zipPath)
			boot := unzipBootstrap(t, zipPath)
			port, apiPort := freePort(t), freePort(t)
			var log wftest.LogBuffer
			cmd := exec.Command(rie, "--runtime-interface-emulator-address", "127.0.0.1:"+port,
				"--runtime-api-address", "127.0.0.1:"+apiPort, boot)
			cmd.Dir = filepath.Dir(boot)
			cmd.Env = []string{"AWS_LAMBDA_FUNCTION_TIMEOUT=30", "PATH=/usr/bin:/bin"}
			cmd.Stdout, cmd.Stderr = &log, &log
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
			url := "http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations"
			for _, rq := range exportRequests {
				var resp *http.Response
				var err error
				for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
					resp, err = http.Post(url, "application/json", bytes.NewReader(httpV2Event(method(rq.body), rq.path, rq.query, rq.body)))
					if err == nil || time.Now().After(deadline) {
						break
					}
				}
				if err != nil {
					t.Fatalf("%v\n%s", err, log.String())
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				var r struct {
					StatusCode int               `json:"statusCode"`
					Headers    map[string]string `json:"headers"`
					Body       string            `json:"body"`
				}
				if err := json.Unmarshal(b, &r); err != nil {
					t.Fatalf("%s: %v %s\n%s", resp.Status, err, b, log.String())
				}
				want := e.invokeBody(t, fn, rq.path, rq.query, rq.body)
				if r.StatusCode != 200 || r.Body != want || r.Headers["X-Wf-Function"] != fn.String() {
					t.Fatalf("%+v, wf invoke printed %q\n%s", r, want, log.String())
				}
			}
		})
	}
}

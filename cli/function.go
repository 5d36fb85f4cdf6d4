package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/webfunctions/wf/build"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

func (a *App) cmdInit(ctx context.Context, args []string) error {
	fs := a.flags("init")
	lang := fs.String("lang", "go", "language: go or assemblyscript")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf init [--lang go|assemblyscript] DIR")
	}
	dir := pos[0]
	abs, _ := filepath.Abs(dir)
	if err := templates.Write(dir, *lang, filepath.Base(abs)); err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "wrote the %s starter function to %s\nnext: wf deploy %s --provider %s\n", templates.LangNames[*lang], dir, dir, a.defaultProvider())
	return nil
}

func (a *App) cmdBuild(ctx context.Context, args []string) error {
	fs := a.flags("build")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	} else if len(pos) > 1 {
		return usageErr("wf build [DIR]")
	}
	out, err := build.Build(ctx, dir, a.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.Stdout, out)
	return nil
}

func (a *App) cmdPack(ctx context.Context, args []string) error {
	fs := a.flags("pack")
	carFile := fs.String("car", "", "also write the DAG as a CAR v1 file")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf pack [--car FILE] PATH")
	}
	st := memstore.New()
	root, err := addPath(ctx, st, pos[0])
	if err != nil {
		return err
	}
	if *carFile != "" {
		f, err := os.Create(*carFile)
		if err != nil {
			return err
		}
		if err := dag.ExportCAR(ctx, st, root, f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintln(a.Stdout, root)
	return nil
}

func (a *App) cmdDeploy(ctx context.Context, args []string) error {
	fs := a.flags("deploy")
	provider := fs.String("provider", a.defaultProvider(), "provider base URL (env WF_PROVIDER)")
	keyFile := fs.String("key", "", "publisher keystore (default $WF_HOME/key.json; \"dev\" for the public dev key)")
	pwFile := fs.String("password-file", "", "file holding the keystore password")
	timeout := fs.Duration("timeout", 0, "wall-time limit per request (default: the provider's)")
	memory := fs.Int("memory", 0, "memory limit in MiB (default: the provider's)")
	maxBody := fs.Int64("max-request-bytes", 0, "request body limit (default: the provider's)")
	var env multiFlag
	fs.Var(&env, "env", "environment variable NAME=VALUE for the function (repeatable)")
	withSecrets := fs.Bool("secrets", false, "seal in the secrets set with `wf secrets set` (DIR/.wf/secrets.json)")
	encryptCode := fs.Bool("encrypt-code", false, "encrypt the module so that public storage holds only ciphertext")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf deploy DIR|FILE.wasm --provider URL")
	}
	key, err := a.loadKey(*keyFile, *pwFile)
	if err != nil {
		return err
	}
	wasmPath := pos[0]
	if st, err := os.Stat(wasmPath); err != nil {
		return err
	} else if st.IsDir() {
		fmt.Fprintf(a.Stderr, "building %s...\n", wasmPath)
		if wasmPath, err = build.Build(ctx, wasmPath, a.Stderr); err != nil {
			return err
		}
	}
	s := wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI,
		Limits:  wf.Limits{TimeoutMS: timeout.Milliseconds(), MemoryPages: uint32(*memory) * 16, MaxRequestBytes: *maxBody},
		Created: spec.Now(time.Now()),
	}
	for _, kv := range env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return usageErr("--env %q must be NAME=VALUE", kv)
		}
		if s.Env == nil {
			s.Env = map[string]string{}
		}
		s.Env[k] = v
	}
	var res *client.DeployResult
	if *withSecrets || *encryptCode {
		res, err = a.deploySealed(ctx, *provider, key, wasmPath, secretsDir(pos[0]), s, *withSecrets, *encryptCode)
	} else {
		res, err = deploy(ctx, a.Stderr, *provider, key, wasmPath, s)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "%s\n", res.CID)
	fmt.Fprintf(a.Stderr, "deployed %s (owner %s)\ntry: curl %s\n", res.CID, res.Owner.Checksum(), res.URL)
	return nil
}

// deploy packs the module at wasmPath, signs s with key and uploads both
// to the provider.
func deploy(ctx context.Context, progress io.Writer, provider string, key *chain.Key, wasmPath string, s wf.Spec) (*client.DeployResult, error) {
	f, err := os.Open(wasmPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pkg, err := client.Pack(ctx, f, s, key)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "uploading %s (%d bytes) to %s...\n", pkg.CID, len(pkg.CAR), provider)
	return client.New(provider).Deploy(ctx, pkg)
}

func (a *App) cmdInvoke(ctx context.Context, args []string) error {
	fs := a.flags("invoke")
	provider := fs.String("provider", a.defaultProvider(), "provider base URL")
	method := fs.String("X", "", "HTTP method (default GET, or POST with -d)")
	data := fs.String("d", "", "request body, or @FILE, or @- for stdin")
	include := fs.Bool("i", false, "print the status line and headers too")
	var headers multiFlag
	fs.Var(&headers, "H", "request header 'Name: value' (repeatable)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 {
		return usageErr("wf invoke CID [PATH]")
	}
	c, err := wf.ParseCID(pos[0])
	if err != nil {
		return err
	}
	path := "/"
	if len(pos) == 2 {
		path = "/" + strings.TrimPrefix(pos[1], "/")
	}
	var body io.Reader
	switch {
	case *data == "@-":
		body = a.Stdin
	case strings.HasPrefix(*data, "@"):
		f, err := os.Open((*data)[1:])
		if err != nil {
			return err
		}
		defer f.Close()
		body = f
	case *data != "":
		body = strings.NewReader(*data)
	}
	if *method == "" {
		*method = "GET"
		if body != nil {
			*method = "POST"
		}
	}
	req, err := http.NewRequestWithContext(ctx, *method, strings.TrimSuffix(*provider, "/")+"/"+c.String()+path, body)
	if err != nil {
		return err
	}
	for _, h := range headers {
		k, v, ok := strings.Cut(h, ":")
		if !ok {
			return usageErr("-H %q must be 'Name: value'", h)
		}
		req.Header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if *include {
		fmt.Fprintf(a.Stdout, "%s %s\n", resp.Proto, resp.Status)
		resp.Header.Write(a.Stdout)
		fmt.Fprintln(a.Stdout)
	}
	if resp.StatusCode >= 400 && resp.Header.Get("Content-Type") == "application/json" {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		return client.ResponseError(resp.StatusCode, b)
	}
	if _, err := io.Copy(a.Stdout, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return fmt.Errorf("function answered %s", resp.Status)
	}
	return nil
}

func (a *App) cmdLogs(ctx context.Context, args []string) error {
	fs := a.flags("logs")
	provider := fs.String("provider", a.defaultProvider(), "provider base URL")
	keyFile := fs.String("key", "", "owner keystore (default $WF_HOME/key.json; \"dev\" for the public dev key)")
	pwFile := fs.String("password-file", "", "file holding the keystore password")
	asJSON := fs.Bool("json", false, "print raw JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("wf logs CID")
	}
	c, err := wf.ParseCID(pos[0])
	if err != nil {
		return err
	}
	key, err := a.loadKey(*keyFile, *pwFile)
	if err != nil {
		return err
	}
	entries, err := client.New(*provider).Logs(ctx, c, key)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	for _, e := range entries {
		fmt.Fprintf(a.Stdout, "%s %s %s %s %d %.2fms", e.Time.Local().Format("15:04:05.000"), e.RequestID, e.Method, e.Path, e.Status, e.DurationMS)
		if e.Error != "" {
			fmt.Fprintf(a.Stdout, " error=%q", e.Error)
		}
		fmt.Fprintln(a.Stdout)
		for _, l := range strings.Split(strings.TrimRight(e.Log, "\n"), "\n") {
			if l != "" {
				fmt.Fprintf(a.Stdout, "    %s\n", l)
			}
		}
	}
	return nil
}

// addPath packs a file or a directory as `ipfs add --cid-version=1` would
// (directories: `ipfs add -r --hidden`).
func addPath(ctx context.Context, st wf.BlockPutter, path string) (wf.CID, error) {
	info, err := os.Stat(path)
	if err != nil {
		return wf.CID{}, err
	}
	if !info.IsDir() {
		f, err := os.Open(path)
		if err != nil {
			return wf.CID{}, err
		}
		defer f.Close()
		return dag.AddFile(ctx, st, f)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return wf.CID{}, err
	}
	return dag.AddPath(ctx, st, os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
}

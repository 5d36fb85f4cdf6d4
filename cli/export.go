package cli

import (
	"context"
	"debug/elf"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/export"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

type exportFlags struct {
	provider, output, arch, runner, tag string
	json                                bool
}

var exportTargets = []string{"lambda", "cloudrun", "vercel"}

func (a *App) exportCmd() *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "export lambda|cloudrun|vercel CID|NAME|@OWNER/NAME",
		Short: "package a function to run on AWS Lambda, Google Cloud Run or Vercel",
		Long: `Package a deployed function (WebAssembly or JavaScript) as an artifact
that runs on another cloud: the runner (wf-runner, a static Linux binary
holding the sandbox) with the function's signed spec and code appended.
At every start it checks each block against its CID and the owner's
signature, and it answers with the function's CID in X-WF-Function.
Exported functions run unpaid: the cloud bills its customer.

  lambda    a zip with bootstrap for the provided.al2023 runtime: Function
            URL, API Gateway (REST, HTTP) and load balancer events
  cloudrun  an OCI image tarball (no Docker needed) whose entrypoint
            listens on $PORT
  vercel    a Build Output API v3 directory (deploy with vercel deploy --prebuilt)

The function's blocks come from --provider. A NAME exports the name's
current version (its heaviest when traffic is split): a bare NAME is one
of yours (your key's address, read from WF_HOME/key.json without its
password), @OWNER/NAME anyone's. The runner is --runner, else
WF_RUNNER, else wf-runner-linux-ARCH or wf-runner beside the wf binary.
Build one in wf's source tree with:
  CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags='-s -w' -o wf-runner-linux-amd64 ./cmd/wf-runner
See docs/portability.md for each cloud's deploy command.

With --json, prints one object:
  target    string, lambda, cloudrun or vercel
  function  string, the function's CID
  output    string, the file or directory written
  arch      string, amd64 or arm64`,
		Example: `  wf export lambda bagaaiera... -o hello.zip
  wf export cloudrun @0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266/hello --arch arm64
  wf export vercel hello           # your name hello; writes .vercel/output`,
		Args: argsBetween(2, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.export(cmd.Context(), args[0], args[1], &f)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.provider, "provider", a.defaultProvider(), "provider base `URL` to read the function from (env WF_PROVIDER)")
	fs.StringVarP(&f.output, "output", "o", "", "`PATH` to write (default wf-NAME-lambda.zip, wf-NAME-cloudrun.tar, .vercel/output)")
	fs.StringVar(&f.arch, "arch", "amd64", "CPU architecture: amd64 or arm64")
	fs.StringVar(&f.runner, "runner", "", "the wf-runner `FILE` to embed the function in (env WF_RUNNER)")
	fs.StringVar(&f.tag, "tag", "", "cloudrun: the image's `NAME:TAG` (default wf/NAME:latest)")
	fs.BoolVar(&f.json, "json", false, "print JSON (fields above)")
	return cmd
}

func (a *App) export(ctx context.Context, target, fnArg string, f *exportFlags) error {
	if !slices.Contains(exportTargets, target) {
		return usageErr("unknown target %q: wf export lambda|cloudrun|vercel", target)
	}
	arch := export.Arch(f.arch)
	if !slices.Contains(export.Archs, arch) {
		return usageErr("--arch %q: amd64 or arm64", f.arch)
	}
	runner, err := a.findRunner(f.runner, arch)
	if err != nil {
		return err
	}
	c, short, err := a.exportFunction(ctx, fnArg, f.provider)
	if err != nil {
		return err
	}
	st := memstore.New()
	ss, err := client.New(f.provider).Spec(ctx, c, chain.Verifier{})
	if err != nil {
		return err
	}
	b, sc, err := spec.Encode(ss)
	if err != nil {
		return err
	}
	if sc != c {
		return fmt.Errorf("%w: provider %s sent a spec whose CID is %s, not %s", wf.ErrInvalid, f.provider, sc, c)
	}
	if err := st.Put(ctx, c, b); err != nil {
		return err
	}
	if ss.Spec.Sealed == nil { // Pack says why a sealed one cannot go
		if err := (&trustless.Fetcher{Gateways: []string{f.provider}}).Fetch(ctx, ss.Spec.Code.CID, st); err != nil {
			return fmt.Errorf("read the code of %s from %s: %w", c, f.provider, err)
		}
	}
	car, err := export.Pack(ctx, st, c)
	if err != nil {
		return err
	}
	exe, err := export.Embed(runner, car)
	if err != nil {
		return err
	}
	out := f.output
	switch target {
	case "lambda":
		if out == "" {
			out = "wf-" + short + "-lambda.zip"
		}
		z, err := export.LambdaZip(exe)
		if err != nil {
			return err
		}
		err = writeNew(out, z)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "wrote %s (%d bytes): deploy with\n  aws lambda create-function --function-name %s --runtime provided.al2023 --architectures %s --handler bootstrap --zip-file fileb://%s --role ROLE_ARN\n  aws lambda create-function-url-config --function-name %s --auth-type NONE\n",
			out, len(z), short, map[export.Arch]string{"amd64": "x86_64", "arm64": "arm64"}[arch], out, short)
	case "cloudrun":
		if out == "" {
			out = "wf-" + short + "-cloudrun.tar"
		}
		tag := f.tag
		if tag == "" {
			tag = "wf/" + short + ":latest"
		}
		img, err := export.Image(exe, arch, tag, c)
		if err != nil {
			return err
		}
		if err := writeNew(out, img); err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "wrote %s (%d bytes, image %s): deploy with\n  crane push %s REGION-docker.pkg.dev/PROJECT/REPO/%s\n  gcloud run deploy %s --image REGION-docker.pkg.dev/PROJECT/REPO/%s --allow-unauthenticated\n",
			out, len(img), tag, out, short, short, short)
	case "vercel":
		if out == "" {
			out = filepath.Join(".vercel", "output")
		}
		files, err := export.Vercel(exe, arch, ss.Spec.Limits.Timeout())
		if err != nil {
			return err
		}
		if err := export.WriteFiles(out, files); err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "wrote %s (Build Output API v3): deploy from the directory holding .vercel with\n  vercel deploy --prebuilt\n", out)
	}
	if f.json {
		return a.printJSON(map[string]string{"target": target, "function": c.String(), "output": out, "arch": string(arch)})
	}
	fmt.Fprintln(a.Stdout, out)
	return nil
}

// exportFunction resolves the argument to a function CID and a short
// name for file names: the name, or the CID's last characters. A bare
// NAME is one of your own: @ADDRESS/NAME with your key's address.
func (a *App) exportFunction(ctx context.Context, arg, provider string) (wf.CID, string, error) {
	if _, notCID := wf.ParseCID(arg); notCID != nil && names.ValidName(arg) {
		owner, err := keystoreAddress(a.keyPath(""))
		if err != nil {
			return wf.CID{}, "", usageErr("%q is a name, and yours are named by your key's address: %v; or give @OWNER/%s", arg, err, arg)
		}
		arg = "@" + owner.String() + "/" + arg
	}
	if at, ok := strings.CutPrefix(arg, "@"); ok {
		o, n, ok := strings.Cut(at, "/")
		owner, err := wf.ParseAddress(o)
		if !ok || err != nil || !names.ValidName(n) {
			return wf.CID{}, "", usageErr("%q: a name is @OWNER/NAME, OWNER an address and NAME a DNS label", arg)
		}
		rec, err := client.New(provider).Name(ctx, owner, n, chain.Verifier{})
		if err != nil {
			return wf.CID{}, "", err
		}
		ts := rec.Record.Targets
		if len(ts) == 0 {
			return wf.CID{}, "", fmt.Errorf("%w: name %s has no function", wf.ErrNotFound, n)
		}
		best := ts[0]
		for _, t := range ts[1:] {
			if t.Weight > best.Weight {
				best = t
			}
		}
		if len(ts) > 1 {
			fmt.Fprintf(a.Stderr, "%s splits its traffic between %d versions; exporting the heaviest, %s (%d%%)\n", n, len(ts), best.Function, best.Weight)
		}
		return best.Function, n, nil
	}
	c, err := spec.ParseFunction(arg)
	if err != nil {
		return wf.CID{}, "", err
	}
	s := c.String()
	return c, s[len(s)-8:], nil
}

// findRunner reads the runner to embed the function in: path, else
// WF_RUNNER, else one beside this executable, and checks that it is a
// static Linux executable for arch.
func (a *App) findRunner(path string, arch export.Arch) ([]byte, error) {
	if path == "" {
		path = a.Getenv("WF_RUNNER")
	}
	var tried []string
	if path == "" {
		exe, err := os.Executable()
		if err == nil {
			dir := filepath.Dir(exe)
			for _, name := range []string{"wf-runner-linux-" + string(arch), "wf-runner"} {
				p := filepath.Join(dir, name)
				tried = append(tried, p)
				if checkRunner(p, arch) == nil {
					path = p
					break
				}
			}
		}
	}
	if path == "" {
		return nil, fmt.Errorf("no wf-runner for linux/%s (looked for %s); build one in wf's source tree with\n  CGO_ENABLED=0 GOOS=linux GOARCH=%s go build -trimpath -ldflags='-s -w' -o wf-runner-linux-%s ./cmd/wf-runner\nand pass it with --runner or put it beside wf",
			arch, strings.Join(tried, ", "), arch, arch)
	}
	if err := checkRunner(path, arch); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// checkRunner refuses a file that would not start on the clouds: not a
// Linux ELF executable for arch, or dynamically linked (provided.al2023
// and an image of one file have no C library to link against).
func checkRunner(path string, arch export.Arch) error {
	ef, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("runner %s: %w", path, err)
	}
	defer ef.Close()
	want := map[export.Arch]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}[arch]
	if ef.Machine != want || ef.Type != elf.ET_EXEC && ef.Type != elf.ET_DYN {
		return fmt.Errorf("%w: runner %s is %s %s, not a linux/%s executable", wf.ErrInvalid, path, ef.Machine, ef.Type, arch)
	}
	for _, p := range ef.Progs {
		if p.Type == elf.PT_INTERP {
			return fmt.Errorf("%w: runner %s is dynamically linked; build it with CGO_ENABLED=0", wf.ErrInvalid, path)
		}
	}
	return nil
}

// writeNew writes b to a new file at path, refusing to replace one.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

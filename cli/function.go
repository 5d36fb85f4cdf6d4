package cli

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/jsrt/bundle"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

func (a *App) initCmd() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "write a working example function into DIR",
		Long: `Write a working example function into DIR: a handler that greets the
name in its query string or body, in Go (a net/http handler through the
guest package, served from a snapshot taken after its init) or
AssemblyScript (a WAGI program), or a
Workers-style fetch handler in JavaScript or TypeScript, ready for
wf deploy, with a commented project file DIR/wf.toml (name, build, env,
limits, secrets by name, providers; see docs/project.md) that wf build
and wf deploy read.`,
		Example: `  wf init --lang go hello
  wf init --lang assemblyscript hello-as
  wf init --lang js hello-js          # or --lang ts: a Workers-style fetch handler`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			abs, _ := filepath.Abs(dir)
			if err := templates.Write(dir, lang, filepath.Base(abs)); err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "wrote the %s starter function and its project file %s to %s\nnext: wf deploy %s --provider %s --key dev   (against wf dev; your own key: wf keys new)\n   or: wf dev --watch %s   (serves it by name, redeploys on every save)\n",
				templates.LangNames[lang], project.FileName, dir, dir, a.defaultProvider(), dir)
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "go", "write the function in `LANG`: go, assemblyscript, js or ts")
	return cmd
}

func (a *App) buildCmd() *cobra.Command {
	var config string
	cmd := &cobra.Command{
		Use:   "build [DIR]",
		Short: "compile the function in DIR (default .) to DIR/main.wasm",
		Long: `Compile the function in DIR (default .) to DIR/main.wasm with its toolchain:
Go (GOOS=wasip1; -buildmode=c-shared, a reactor, for a package that
imports github.com/webfunctions/wf/guest) for a go.mod, AssemblyScript (npm) for a package.json
that depends on assemblyscript; a JavaScript or TypeScript worker
(src/index.ts, src/index.js, ...) is bundled with esbuild to
DIR/dist/worker.js instead (docs/js.md).
The project file DIR/wf.toml (or --config FILE), if there is one, may
name the language, the Go package (entry), the module's path (output) or
a command of its own ([build] in docs/project.md).
Prints the module's path. wf deploy DIR builds too.`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			pf, _, err := loadProject(dir, config)
			if err != nil {
				return err
			}
			out, err := buildConfig(pf).Build(cmd.Context(), dir, a.Stderr)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.Stdout, out)
			return nil
		},
	}
	addConfigFlag(cmd.Flags(), &config)
	return cmd
}

func (a *App) packCmd() *cobra.Command {
	var carFile string
	var asJSON bool
	var all bool
	cmd := &cobra.Command{
		Use:   "pack PATH",
		Short: "print the CID of a file or directory, as ipfs add --cid-version=1 does",
		Long: `Print the CID of a file or directory exactly as ipfs add --cid-version=1
(directories: ipfs add -r --hidden) computes it, optionally writing the DAG
as a CAR file. This is a file's or a directory's CID (bafy...), not a
function's address: wf deploy prints that (baga...).

In a directory, node_modules, .git and .wf (sealed secrets) are left out,
at any depth; --all takes them too, as ipfs add does. A PATH that is itself
a symbolic link is followed (ipfs add would store the link); links inside
a directory are stored as links, as ipfs add does.

With --json, prints one object:
  cid  string, the root CID
  car  string, the CAR file written (absent without --car)`,
		Example: `  wf pack main.wasm
  wf pack --car site.car ./site`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st := memstore.New()
			skip := packSkipped
			if all {
				skip = nil
			}
			root, err := addPath(ctx, st, args[0], skip)
			if err != nil {
				return err
			}
			if carFile != "" {
				f, err := os.Create(carFile)
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
			if asJSON {
				return a.printJSON(struct {
					CID string `json:"cid"`
					CAR string `json:"car,omitempty"`
				}{root.String(), carFile})
			}
			fmt.Fprintln(a.Stdout, root)
			return nil
		},
	}
	cmd.Flags().StringVar(&carFile, "car", "", "also write the DAG as a CAR v1 `FILE`")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	cmd.Flags().BoolVar(&all, "all", false, "take node_modules, .git and .wf too (the CID ipfs add -r --hidden gives)")
	return cmd
}

// keyFlags are --key and --password-file of the commands that sign as the
// publisher.
type keyFlags struct{ key, passwordFile string }

func addKeyFlags(fs *pflag.FlagSet, role string) *keyFlags {
	k := &keyFlags{}
	fs.StringVar(&k.key, "key", "", role+" keystore `FILE` (default $WF_HOME/key.json; \"dev\" for the public dev key)")
	fs.StringVar(&k.passwordFile, "password-file", "", "`FILE` holding the keystore password (default: $WF_KEY_PASSWORD or a prompt)")
	return k
}

type deployFlags struct {
	provider    string
	timeout     time.Duration
	memory      int
	maxBody     int64
	maxResponse int64
	env         []string
	secrets     bool
	encryptCode bool
	json        bool
	noName      bool
	config      string
	flags       *pflag.FlagSet // which were set: they win over the project file
	seal        *sealFlags     // where --secrets finds the provider's sealing key

	// wf.callers: each caller's rate, the owner-paid total, caller pays only
	callerRate, ownerPays string
	callerPaysOnly        bool

	// Keyless deploys from CI (docs/ci.md): sign with a job key the
	// owner's deploy signer delegates to.
	oidc   bool
	signer string
	// wf.deterministic: verified execution (docs/verification.md)
	deterministic     bool
	verify, maxVerify int
	// wf.placement and --replicas (placement.go)
	place *placementFlags
	// wf.access: an access policy file (docs/credentials.md)
	access string
}

func (a *App) deployCmd() *cobra.Command {
	var f deployFlags
	var kf *keyFlags
	cmd := &cobra.Command{
		Use:   "deploy [DIR|FILE.wasm]",
		Short: "build if needed, pack, sign (and seal) and upload a function; print its CID",
		Long: `Deploy a function: build DIR (default .) if it is a directory, pack the
module into content-addressed blocks with a spec signed by your key
(sealing secrets and code to the providers if asked), upload them to each
provider, and print the function's CID on stdout (progress and the URL to
try go to stderr).

Settings come from the project file DIR/wf.toml (or --config FILE) when
there is one: env, limits, secrets by name, providers, the build
(docs/project.md). A flag set on the command line wins over the file
(--env per variable); the file wins over $WF_PROVIDER and the defaults.
Secrets the file names are sealed with values from the environment
variable of that name, else from the file $NAME_FILE names, else from
wf secrets set. When the file has a name, the deploy moves it to the new
function on every provider (a signed record, see wf help name): callers of
PROVIDER/@OWNER/NAME/ get the new version on their next request, and
wf rollback NAME undoes it. --no-name leaves the name alone, for a canary
(then: wf name set NAME NEW=10 OLD=90).

With --json, prints one object (for several providers, the first's url;
urls lists them all):
  cid    string, the function's CID (its address)
  url    string, the function's URL on the provider
  urls   array of strings, its URL on each provider
  owner  string, the signing address (checksummed)
  code   string, the CID of the module
  name   string, the name moved (omitted with none)
  seq    number, the name's new sequence number (omitted with no name)
  builtFrom  string, a keyless CI deploy's provenance (omitted otherwise)

In a CI job, --oidc (automatic when $WF_CI_SIGNER is set, the job has an
identity token and --key is not given) deploys without a key: the owner's
deploy signer delegates to a key the job generates (docs/ci.md).`,
		Example: `  wf deploy                      # ./wf.toml, else the flags' defaults
  wf deploy hello --provider http://127.0.0.1:8080 --key dev
  wf deploy app.wasm --env GREETING=hi --timeout 5s --memory 64
  wf deploy hello --config hello/prod.toml --timeout 10s
  wf deploy hello --secrets --encrypt-code --provider NAME`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			f.flags = cmd.Flags()
			return a.deploy(cmd.Context(), path, &f, kf)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.provider, "provider", "", "provider base `URL` or registry `NAME`; replaces wf.toml's providers (default: those, else $WF_PROVIDER, else a running wf dev's, else "+defaultProviderURL+"); with --secrets or --encrypt-code a NAME's key and endpoint come from the registry")
	kf = addKeyFlags(fs, "publisher")
	fs.DurationVar(&f.timeout, "timeout", 0, "wall-time limit per request (default: wf.toml's, else the provider's)")
	fs.IntVar(&f.memory, "memory", 0, "memory limit in `MiB` (default: wf.toml's, else the provider's)")
	fs.Int64Var(&f.maxBody, "max-request-bytes", 0, "request body limit in `BYTES` (default: wf.toml's, else the provider's)")
	fs.Int64Var(&f.maxResponse, "max-response-bytes", 0, "response limit in `BYTES`, headers included (default: wf.toml's, else the provider's)")
	fs.StringArrayVar(&f.env, "env", nil, "environment variable `NAME=VALUE` for the function (repeatable; added to wf.toml's [env], winning per name)")
	fs.BoolVar(&f.secrets, "secrets", false, "seal in the secrets set with `wf secrets set` (DIR/.wf/secrets.json)")
	fs.BoolVar(&f.encryptCode, "encrypt-code", false, "encrypt the module so that public storage holds only ciphertext (default: wf.toml's encrypt_code)")
	fs.BoolVar(&f.json, "json", false, "print JSON (fields above)")
	fs.BoolVar(&f.noName, "no-name", false, "do not move wf.toml's name to the new function")
	fs.StringVar(&f.callerRate, "caller-rate", "", "each caller's most requests per window, `N/DURATION` like 60/1m (default: wf.toml's [callers] rate)")
	fs.StringVar(&f.ownerPays, "owner-pays", "", "most requests per window you pay for, from all callers together, `N/DURATION` like 1000/24h (default: wf.toml's [callers] owner_pays)")
	fs.BoolVar(&f.callerPaysOnly, "caller-pays-only", false, "pay for no request: every caller pays with a voucher (default: wf.toml's [callers] caller_pays_only)")
	fs.BoolVar(&f.oidc, "oidc", false, "keyless deploy from CI: sign with a fresh key delegated by the owner's deploy signer against this job's OIDC identity token (automatic when $"+ci.EnvSigner+" is set in a job that has a token and --key is not given; docs/ci.md)")
	fs.StringVar(&f.signer, "signer", "", "the owner's deploy signer `URL` for --oidc (default $"+ci.EnvSigner+")")
	fs.StringVar(&f.access, "access", "", "access policy `FILE` (JSON, docs/credentials.md): only callers proving a credential it admits may call (default: wf.toml's [access])")
	fs.BoolVar(&f.deterministic, "deterministic", false, "declare that the function answers a request alike on every provider, so callers may ask a gateway to verify it (X-WF-Verify; default: wf.toml's deterministic)")
	fs.IntVar(&f.verify, "verify", 0, "with --deterministic, run every request on `N` providers (2 to 8) and answer only if they agree; each run is paid (default: wf.toml's verify, else only when a caller asks)")
	fs.IntVar(&f.maxVerify, "max-verify", 0, "with --deterministic, the most providers a caller may ask to verify on, `N` (default: wf.toml's max_verify, else 3)")
	f.place = addPlacementFlags(fs)
	addConfigFlag(fs, &f.config)
	f.seal = addSealFlags(fs, nil)
	return cmd
}

// deploySettings are what one deploy does: the project file with the
// flags set on the command line applied over it.
type deploySettings struct {
	file        *project.File
	fileName    string // "" without a project file
	providers   []string
	limits      wf.Limits
	env         map[string]string
	encryptCode bool
	callers     project.Callers
	det         *spec.Deterministic // nil: not declared
	placement   *spec.Placement     // nil: none required
	replicas    int                 // providers to choose by placement; 0: d.providers
	access      *spec.Access        // nil: anyone may call
}

// spec is the unsigned spec the settings describe (wf deploy, wf dev
// --watch); packing fills in the code and the version.
func (d *deploySettings) spec() (wf.Spec, error) {
	s := wf.Spec{Runtime: wf.RuntimeWAGI, Env: d.env, Limits: d.limits, Created: spec.Now(time.Now())}
	if c := d.callers.Spec(); c != nil {
		x, err := c.Extension() // checked in settings
		if err != nil {
			return wf.Spec{}, err
		}
		s.Extensions = map[string]wf.Extension{spec.CallersExtension: x}
	}
	if c := d.file.CICallersSpec(); c != nil {
		x, err := c.Extension() // checked with the project file
		if err != nil {
			return wf.Spec{}, err
		}
		if s.Extensions == nil {
			s.Extensions = map[string]wf.Extension{}
		}
		s.Extensions[spec.CICallersExtension] = x
	}
	if d.placement != nil {
		x, err := d.placement.Extension() // checked in settings
		if err != nil {
			return wf.Spec{}, err
		}
		if s.Extensions == nil {
			s.Extensions = map[string]wf.Extension{}
		}
		s.Extensions[spec.PlacementExtension] = x
	}
	if d.det != nil {
		x, err := d.det.Extension() // checked in settings
		if err != nil {
			return wf.Spec{}, err
		}
		if s.Extensions == nil {
			s.Extensions = map[string]wf.Extension{}
		}
		s.Extensions[spec.DeterministicExtension] = x
	}
	if d.access != nil {
		x, err := d.access.Extension() // checked in settings
		if err != nil {
			return wf.Spec{}, err
		}
		if s.Extensions == nil {
			s.Extensions = map[string]wf.Extension{}
		}
		s.Extensions[spec.AccessExtension] = x
	}
	return s, nil
}

// settings merges the project file and the flags: a flag set explicitly
// wins; --env wins per variable.
func (a *App) settings(pf *project.File, fileName string, f *deployFlags) (*deploySettings, error) {
	set := func(name string) bool { return f.flags != nil && f.flags.Changed(name) }
	d := &deploySettings{file: pf, fileName: fileName, limits: pf.Limits.Spec(), encryptCode: pf.EncryptCode, callers: pf.Callers}
	switch {
	case set("provider"):
		d.providers = []string{f.provider}
	case len(pf.Providers) > 0:
		d.providers = pf.Providers
	default:
		d.providers = []string{a.defaultProvider()}
	}
	if set("timeout") {
		if f.timeout < 0 || f.timeout%time.Millisecond != 0 {
			return nil, usageErr("--timeout %s must be a whole number of milliseconds, not negative", f.timeout)
		}
		d.limits.TimeoutMS = f.timeout.Milliseconds()
	}
	if set("memory") {
		if f.memory < 0 || f.memory > 4096 {
			return nil, usageErr("--memory %d must be between 0 and 4096 MiB", f.memory)
		}
		d.limits.MemoryPages = uint32(f.memory) * 16
	}
	if set("max-request-bytes") {
		d.limits.MaxRequestBytes = f.maxBody
	}
	if set("max-response-bytes") {
		d.limits.MaxResponseBytes = f.maxResponse
	}
	if set("encrypt-code") {
		d.encryptCode = f.encryptCode
	}
	if err := f.applyCallers(set, &d.callers); err != nil {
		return nil, err
	}
	det, err := f.deterministicOver(set, pf)
	if err != nil {
		return nil, err
	}
	d.det = det
	if f.place != nil {
		if d.placement, d.replicas, err = f.place.placement(set, pf); err != nil {
			return nil, err
		}
		if d.replicas > 0 && set("provider") {
			return nil, usageErr("--replicas chooses the providers by placement; drop --provider (or --replicas)")
		}
	}
	if f.access != "" {
		if d.access, err = loadAccess(f.access); err != nil {
			return nil, err
		}
	} else if d.access, err = pf.AccessSpec(); err != nil { // wf.toml [access]
		return nil, fmt.Errorf("%s: [access]: %w", fileName, err)
	}
	for k, v := range pf.Env {
		if d.env == nil {
			d.env = map[string]string{}
		}
		d.env[k] = v
	}
	for _, kv := range f.env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, usageErr("--env %q must be NAME=VALUE", kv)
		}
		if d.env == nil {
			d.env = map[string]string{}
		}
		d.env[k] = v
	}
	return d, nil
}

func (a *App) deploy(ctx context.Context, path string, f *deployFlags, kf *keyFlags) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	projectDir := ""
	if st.IsDir() {
		projectDir = path
	}
	pf, fileName, err := loadProject(projectDir, f.config)
	if err != nil {
		return err
	}
	d, err := a.settings(pf, fileName, f)
	if err != nil {
		return err
	}
	if d.replicas > 0 {
		if d.providers, err = a.chooseProviders(ctx, f.seal, f.place, d.placement, d.replicas); err != nil {
			return err
		}
	}
	if !st.IsDir() && !bundle.IsScript(path) {
		if err := checkModule(path); err != nil { // before a password prompt, a signature or an upload
			return err
		}
	}
	// In a CI job that offers an identity token, with the owner's signer
	// named and no key given, deploy keyless.
	keyless := f.oidc || kf.key == "" && a.Getenv(ci.EnvSigner) != "" && ci.Detect(a.Getenv)
	var key *chain.Key
	if keyless {
		if f.secrets {
			return usageErr("--secrets reads the store wf secrets set made, which only your keyring opens: in a keyless deploy, name the secrets in wf.toml (secrets = [...]) and give their values as CI secrets in the environment ($NAME or $NAME_FILE)")
		}
	} else if key, err = a.loadKey(kf.key, kf.passwordFile); err != nil {
		return err
	}
	wasmPath := path
	if st.IsDir() {
		fmt.Fprintf(a.Stderr, "building %s...\n", wasmPath)
		if wasmPath, err = buildConfig(pf).Build(ctx, path, a.Stderr); err != nil {
			return err
		}
		if !bundle.IsScript(wasmPath) {
			if err := checkModule(wasmPath); err != nil {
				return err
			}
		}
	} else if bundle.IsScript(path) {
		var remove func()
		if wasmPath, remove, err = bundleFile(path); err != nil {
			return err
		}
		defer remove()
	}
	s, err := d.spec()
	if err != nil {
		return err
	}
	if err := markJS(&s, wasmPath); err != nil {
		return err
	}
	// The signer: the owner's key, or a job key under a delegation asked
	// for now, after the build, so its minutes go to signing.
	var signer wf.Signer = key
	if keyless {
		job, err := a.ciJob(ctx, f.signer, "")
		if err != nil {
			return err
		}
		if err := job.Apply(&s, time.Now()); err != nil {
			return err
		}
		signer = job
	}
	var res []*client.DeployResult
	if len(pf.Secrets) == 0 && len(d.providers) == 1 && project.IsURL(d.providers[0]) && !(keyless && d.encryptCode) {
		// One provider by URL and no named secrets: today's deploy.
		var r *client.DeployResult
		if f.secrets || d.encryptCode {
			r, err = a.deploySealed(ctx, d.providers[0], f.seal, key, wasmPath, secretsDir(path), s, f.secrets, d.encryptCode)
		} else {
			r, err = deploy(ctx, a.Stderr, d.providers[0], signer, wasmPath, s)
		}
		res = []*client.DeployResult{r}
	} else {
		res, err = a.deployTo(ctx, signer, wasmPath, secretsDir(path), s, d, f.secrets, f.seal)
	}
	if err != nil {
		return err
	}
	first := res[0]
	var name string
	var seq uint64
	if pf.Name != "" && !f.noName {
		bases := make([]string, len(res))
		for i, r := range res {
			bases[i] = strings.TrimSuffix(r.URL, "/"+first.CID.String()+"/")
			// The name goes where the deploy went: a provider's answer may
			// name a URL this machine cannot resolve (a gateway's
			// NAME.localhost), while the URL given reached it.
			if len(res) == len(d.providers) && project.IsURL(d.providers[i]) {
				bases[i] = strings.TrimRight(d.providers[i], "/")
			}
		}
		sr, err := a.moveName(ctx, bases, bases, signer, pf.Name, first.CID, 0)
		if err != nil {
			return fmt.Errorf("deployed %s, but: %w", first.CID, err)
		}
		seq = sr.Record.Seq
		name = pf.Name
		fmt.Fprintf(a.Stderr, "moved the name %s to it (seq %d; wf rollback %s undoes it)\n", name, seq, name)
		for _, b := range bases {
			fmt.Fprintf(a.Stderr, "try: curl %s/@%s/%s/\n", b, signer.Address().Checksum(), name)
		}
	}
	if f.json {
		urls := make([]string, len(res))
		for i, r := range res {
			urls[i] = r.URL
		}
		if err := a.printJSON(struct {
			CID   string   `json:"cid"`
			URL   string   `json:"url"`
			URLs  []string `json:"urls"`
			Owner string   `json:"owner"`
			Code  string   `json:"code"`
			Name  string   `json:"name,omitempty"`
			Seq   uint64   `json:"seq,omitempty"`
			Built string   `json:"builtFrom,omitempty"`
		}{first.CID.String(), first.URL, urls, first.Owner.Checksum(), first.Code.String(), name, seq, first.BuiltFrom}); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.Stdout, "%s\n", first.CID)
	}
	fmt.Fprintf(a.Stderr, "deployed %s (owner %s)\n", first.CID, first.Owner.Checksum())
	if first.BuiltFrom != "" {
		fmt.Fprintf(a.Stderr, "built from %s\n", first.BuiltFrom)
	}
	for _, r := range res {
		fmt.Fprintf(a.Stderr, "try: curl %s\n", r.URL)
	}
	return nil
}

// checkModule refuses a file that is not a WebAssembly binary, before
// anything is signed or uploaded.
func checkModule(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var magic [4]byte
	if _, err := io.ReadFull(f, magic[:]); err != nil || string(magic[:]) != "\x00asm" {
		return &userError{fmt.Sprintf("%s is not a WebAssembly module (it does not start with \\0asm): deploy a .wasm file, or a project directory to build", path), nil}
	}
	return nil
}

// deployTo is a deploy to several providers, or to registry names, or
// with secrets named in the project file.
func (a *App) deployTo(ctx context.Context, key wf.Signer, wasmPath, dir string, s wf.Spec, d *deploySettings, allSecrets bool, sf *sealFlags) ([]*client.DeployResult, error) {
	targets, err := a.resolveProviders(ctx, d.providers, sf.o)
	if err != nil {
		return nil, err
	}
	var secrets map[string]string
	var kr *seal.Keyring
	var ownerKey *seal.PublicKey // sealed to besides the providers
	if len(d.file.Secrets) > 0 || allSecrets || d.encryptCode {
		if job, ok := key.(*ci.Job); ok {
			// A CI job has no keyring: it seals to the one the owner's
			// signer published, so the owner can reopen and grant.
			if ownerKey = job.OwnerSealingKey; ownerKey == nil {
				fmt.Fprintf(a.Stderr, "warning: the owner's signer publishes no sealing key: only the providers can open this function's secrets (the owner cannot grant them to others)\n")
			}
		} else {
			if kr, err = a.publisherKeyring(true); err != nil {
				return nil, err
			}
			ownerKey = kr.Current()
		}
	}
	if len(d.file.Secrets) > 0 || allSecrets {
		if secrets, err = a.projectSecrets(dir, d.fileName, d.file.Secrets, allSecrets, kr); err != nil {
			return nil, err
		}
	}
	return a.deployProject(ctx, key, wasmPath, s, targets, secrets, d.encryptCode, ownerKey, sf)
}

// deploy packs the module at wasmPath, signs s with key and uploads both
// to the provider.
func deploy(ctx context.Context, progress io.Writer, provider string, key wf.Signer, wasmPath string, s wf.Spec) (*client.DeployResult, error) {
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

type invokeFlags struct {
	provider, method, data string
	headers                []string
	include, json, oidc    bool
	pay                    *payFlags
	cred                   credFlags // wf.access: present a credential
	mina                   *minaInvokeFlags
}

func (a *App) invokeCmd() *cobra.Command {
	var f invokeFlags
	cmd := &cobra.Command{
		Use:   "invoke CID|@OWNER/NAME [PATH]",
		Short: "call a function and print its response body",
		Long: `Call a function on a provider, as curl would: GET, or POST with -d, to
PROVIDER/CID/PATH, or a name's current version at PROVIDER/@OWNER/NAME/PATH
(X-WF-Function in -i says which); print the response body (with -i, the
status line and headers first). A response of 400 or more is an error (exit status 1),
after the body is printed.

With --json, prints one object, also for an error status:
  status      number, the HTTP status code
  headers     object, header name to array of values
  body        string, the body when it is UTF-8 text
  bodyBase64  string, the body in base64 when it is not (then body is absent)`,
		Example: `  wf invoke bagaaiera... '/?name=you'
  wf invoke bagaaiera... /upload -X PUT -d @photo.jpg -H 'Content-Type: image/jpeg'
  echo hi | wf invoke bagaaiera... -d @- --json
  wf invoke @0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266/hello '/?name=you' -i
  wf invoke bagaaiera... --pay alpha --provider https://alpha.example.com
  wf invoke bagaaiera... /hello --cred acme
  wf invoke bagaaiera... --mina B62q... --provider http://127.0.0.1:8080`,
		Args: argsBetween(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.invoke(cmd.Context(), args, &f)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.provider, "provider", a.defaultProvider(), "provider base `URL` (env WF_PROVIDER)")
	fs.StringVarP(&f.method, "request", "X", "", "HTTP `METHOD` (default GET, or POST with -d)")
	fs.StringVarP(&f.data, "data", "d", "", "request body `DATA`, or @FILE, or @- for stdin")
	fs.BoolVarP(&f.include, "include", "i", false, "print the status line and headers too")
	fs.StringArrayVarP(&f.headers, "header", "H", nil, "request header `'NAME: VALUE'` (repeatable)")
	fs.BoolVar(&f.json, "json", false, "print JSON (fields above)")
	fs.BoolVar(&f.oidc, "oidc", false, "in a CI job: send the job's identity token (audience webfunctions-call:OWNER), for functions that admit only CI jobs (wf.toml [[ci_callers]], docs/ci.md)")
	f.pay = addPayFlags(fs)
	f.cred.add(fs)
	f.mina = addMinaInvokeFlags(fs)
	return cmd
}

func (a *App) invoke(ctx context.Context, args []string, f *invokeFlags) error {
	var c wf.CID
	var owner wf.Address
	var name string
	if at, ok := strings.CutPrefix(args[0], "@"); ok {
		o, n, ok := strings.Cut(at, "/")
		var err error
		if owner, err = wf.ParseAddress(o); !ok || err != nil || !names.ValidName(n) {
			return usageErr("%q: a name is @OWNER/NAME, OWNER an address and NAME a DNS label", args[0])
		}
		if f.pay.provider != "" || f.mina.channel != "" {
			return usageErr("--pay and --mina need a CID: a paid request is signed over its function (wf versions %s shows the current one)", n)
		}
		name = n
	} else {
		var err error
		if c, err = parseFunctionAt(ctx, args[0], f.provider); err != nil {
			if _, notCID := wf.ParseCID(args[0]); notCID != nil && names.ValidName(args[0]) {
				return usageErr("%q is not a CID; if it is a name: wf invoke @OWNER/%s (wf name ls lists yours)", args[0], args[0])
			}
			return err
		}
	}
	path := "/"
	if len(args) == 2 {
		path = "/" + strings.TrimPrefix(args[1], "/")
	}
	var body io.Reader
	switch {
	case f.data == "@-":
		body = a.Stdin
	case strings.HasPrefix(f.data, "@"):
		file, err := os.Open(f.data[1:])
		if err != nil {
			return err
		}
		defer file.Close()
		body = file
	case f.data != "":
		body = strings.NewReader(f.data)
	}
	h := http.Header{}
	for _, kv := range f.headers {
		k, v, ok := strings.Cut(kv, ":")
		if !ok {
			return usageErr("-H %q must be 'Name: value'", kv)
		}
		h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	if f.oidc {
		if owner.IsZero() { // the token is for the function's owner
			ss, err := client.New(f.provider).Spec(ctx, c, chain.Verifier{})
			if err != nil {
				return fmt.Errorf("--oidc: reading the function's owner: %w", err)
			}
			owner = ss.Spec.Owner
		}
		tok, err := ci.Token(ctx, nil, a.Getenv, ci.CallerAudience(owner))
		if err != nil {
			return err
		}
		h.Set(ci.CallerHeader, tok)
	}
	if f.cred.name != "" {
		if name != "" {
			return usageErr("--cred needs a CID: a proof is bound to one function (wf versions %s shows the current one)", name)
		}
		var err error
		if body, err = a.credSign(ctx, &f.cred, f.provider, c, f.method, path, body, h); err != nil {
			return err
		}
	}
	if f.mina.channel != "" && f.pay.provider != "" {
		return usageErr("pay with --pay or --mina, not both")
	}
	pay, done, err := a.payer(ctx, f.pay)
	if err != nil {
		return err
	}
	defer done()
	req := client.Request{Method: f.method, Path: path, Header: h, Body: body, Pay: pay}
	var resp *client.Response
	switch {
	case f.mina.channel != "":
		resp, err = a.minaInvoke(ctx, f.mina, f.pay.o.passwordFile, f.provider, c, req)
	case name != "":
		resp, err = client.New(f.provider).InvokeName(ctx, owner, name, req)
	default:
		resp, err = client.New(f.provider).Invoke(ctx, c, req)
	}
	var re *client.ResponseError
	switch {
	case errors.As(err, &re):
		// The provider answered for the function: an error, after what
		// -i and --json print.
		if f.json {
			if err := a.printResponseJSON(re.Response, re.Body); err != nil {
				return err
			}
		} else if f.include {
			a.printHead(re.Response)
		}
		a.printFix(re)
		return re
	case err != nil:
		return err
	}
	defer resp.Body.Close()
	if f.json {
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		if err := a.printResponseJSON(resp.Response, b); err != nil {
			return err
		}
	} else {
		if f.include {
			a.printHead(resp.Response)
		}
		if _, err := io.Copy(a.Stdout, resp.Body); err != nil {
			return err
		}
	}
	if resp.StatusCode >= 400 {
		return fmt.Errorf("function answered %s", resp.Status)
	}
	return nil
}

// printHead prints the status line and headers for `wf invoke -i`.
func (a *App) printHead(resp *http.Response) {
	fmt.Fprintf(a.Stdout, "%s %s\n", resp.Proto, resp.Status)
	resp.Header.Write(a.Stdout)
	fmt.Fprintln(a.Stdout)
}

// printResponseJSON prints resp with its body b for `wf invoke --json`.
func (a *App) printResponseJSON(resp *http.Response, b []byte) error {
	out := struct {
		Status     int                 `json:"status"`
		Headers    map[string][]string `json:"headers"`
		Body       *string             `json:"body,omitempty"`
		BodyBase64 *string             `json:"bodyBase64,omitempty"`
	}{Status: resp.StatusCode, Headers: resp.Header}
	if utf8.Valid(b) {
		s := string(b)
		out.Body = &s
	} else {
		s := base64.StdEncoding.EncodeToString(b)
		out.BodyBase64 = &s
	}
	if out.Headers == nil {
		out.Headers = map[string][]string{}
	}
	return a.printJSON(out)
}

func (a *App) logsCmd() *cobra.Command {
	var (
		provider, status, since, signerURL string
		asJSON, follow, oidc               bool
		interval                           time.Duration
		kf                                 *keyFlags
	)
	cmd := &cobra.Command{
		Use:   "logs [CID|NAME|@OWNER/NAME]",
		Short: "show recent invocations of a function you own, with their stderr",
		Long: `Show a function's recent invocations on a provider: time, request id,
method, path and query, status and duration, any error, and what the
function wrote to stderr. Requests refused before they ran (402 payment
required, 429 over the limits you set in wf.callers) are listed too. Only
the function's owner may read them: each read is signed with your key, or,
in a CI job with --oidc, with a job key the owner's deploy signer
delegated the logs scope to (docs/ci.md).

The function is a CID, or a name: NAME (yours: the key's address owns it)
or @OWNER/NAME, whose current targets' invocations are shown together.
With no argument, the name in ./wf.toml (what wf deploy moved there).

--follow keeps reading and prints new invocations as they come, like
wrangler tail, until Ctrl-C. --status and --since filter what is shown.

With --json, prints an array of objects, oldest first (with --follow, one
object per line as they come):
  time        string, RFC 3339
  requestId   string
  method      string
  path        string
  query       string, absent when none
  status      number
  durationMs  number
  error       string, absent when none
  log         string, the function's stderr, absent when empty`,
		Example: `  wf logs bagaaiera... --provider http://127.0.0.1:8080 --key dev
  wf logs hello --key dev          # the name hello, yours
  cd hello && wf logs --follow     # the name in wf.toml
  wf logs bagaaiera... --follow --status 5xx,402
  wf logs bagaaiera... --since 10m
  wf logs bagaaiera... --json | jq '.[] | select(.status >= 500)'`,
		Args: argsBetween(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			keep, err := logFilter(status, since, time.Now())
			if err != nil {
				return err
			}
			if follow && interval < 100*time.Millisecond {
				return usageErr("--interval: at least 100ms")
			}
			var signer wf.Signer
			if oidc {
				if signer, err = a.ciJob(cmd.Context(), signerURL, spec.ScopeLogs); err != nil {
					return err
				}
			} else if signer, err = a.loadKey(kf.key, kf.passwordFile); err != nil {
				return err
			}
			cl := client.New(provider)
			ctx := cmd.Context()
			fns, err := logsOf(ctx, cl, args, oidc, signer)
			if err != nil {
				return err
			}
			seen := map[wf.RequestID]bool{}
			for first := true; ; first = false {
				var entries []wf.LogEntry
				for _, c := range fns {
					es, err := cl.Logs(ctx, c, signer)
					if err != nil {
						if !first && ctx.Err() != nil {
							return nil // Ctrl-C while following
						}
						return err
					}
					entries = append(entries, es...)
				}
				if len(fns) > 1 {
					slices.SortStableFunc(entries, func(a, b wf.LogEntry) int { return a.Time.Compare(b.Time) })
				}
				var shown []wf.LogEntry
				next := map[wf.RequestID]bool{}
				for _, e := range entries {
					next[e.RequestID] = true
					if !seen[e.RequestID] && keep(e) {
						shown = append(shown, e)
					}
				}
				seen = next // the provider keeps a bounded window: so does this
				switch {
				case asJSON && !follow:
					if shown == nil {
						shown = []wf.LogEntry{}
					}
					return a.printJSON(shown)
				case asJSON:
					enc := json.NewEncoder(a.Stdout)
					for _, e := range shown {
						enc.Encode(e)
					}
				default:
					for _, e := range shown {
						a.printLogEntry(e)
					}
				}
				if !follow {
					return nil
				}
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(interval):
				}
			}
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&provider, "provider", a.defaultProvider(), "provider base `URL` (env WF_PROVIDER)")
	kf = addKeyFlags(fs, "owner")
	fs.BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	fs.BoolVarP(&follow, "follow", "f", false, "keep printing new invocations until Ctrl-C")
	fs.DurationVar(&interval, "interval", 2*time.Second, "with --follow, how often to read")
	fs.StringVar(&status, "status", "", "show only these statuses: codes or classes, comma-separated (`LIST`, e.g. 5xx,402)")
	fs.StringVar(&since, "since", "", "show only invocations since `WHEN`: a duration ago (10m) or an RFC 3339 time")
	fs.BoolVar(&oidc, "oidc", false, "in a CI job: sign with a job key the owner's deploy signer delegates the logs scope to, against the job's OIDC token")
	fs.StringVar(&signerURL, "signer", "", "the owner's deploy signer `URL` for --oidc (default $"+ci.EnvSigner+")")
	return cmd
}

// logsOf is the functions whose logs `wf logs ARG` reads: a CID; or a
// name's current targets on the provider (NAME is the signer's, or
// @OWNER/NAME; none: the name in ./wf.toml).
func logsOf(ctx context.Context, cl *client.Client, args []string, oidc bool, signer wf.Signer) ([]wf.CID, error) {
	const usage = "wf logs CID|NAME|@OWNER/NAME"
	var arg string
	if len(args) == 1 {
		arg = args[0]
	} else {
		pf, _, err := loadProject(".", "")
		if err != nil {
			return nil, err
		}
		if pf.Name == "" {
			return nil, usageErr("%s: no function given, and no name in ./%s", usage, project.FileName)
		}
		arg = pf.Name
	}
	var owner wf.Address
	name := arg
	if at, ok := strings.CutPrefix(arg, "@"); ok {
		o, n, ok := strings.Cut(at, "/")
		var err error
		if owner, err = wf.ParseAddress(o); !ok || err != nil || !names.ValidName(n) {
			return nil, usageErr("%q: a name is @OWNER/NAME, OWNER an address and NAME a DNS label", arg)
		}
		name = n
	} else if _, err := wf.ParseCID(arg); err == nil || !names.ValidName(arg) {
		c, err := parseFunctionAt(ctx, arg, cl.BaseURL)
		if err != nil {
			return nil, err
		}
		return []wf.CID{c}, nil
	} else if oidc {
		return nil, usageErr("%s: with --oidc, name the owner (@OWNER/%s): the job's key is not the owner", usage, arg)
	} else {
		owner = signer.Address()
	}
	rec, err := cl.Name(ctx, owner, name, chain.Verifier{})
	if err != nil {
		return nil, fmt.Errorf("logs of %s (owner %s): %w", name, owner.Checksum(), err)
	}
	fns := make([]wf.CID, len(rec.Record.Targets))
	for i, t := range rec.Record.Targets {
		fns[i] = t.Function
	}
	return fns, nil
}

func (a *App) printLogEntry(e wf.LogEntry) {
	path := e.Path
	if e.Query != "" {
		path += "?" + e.Query
	}
	fmt.Fprintf(a.Stdout, "%s %s %s %s %d %.2fms", e.Time.Local().Format("15:04:05.000"), e.RequestID, e.Method, path, e.Status, e.DurationMS)
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

// logFilter is what --status and --since keep.
func logFilter(status, since string, now time.Time) (func(wf.LogEntry) bool, error) {
	var (
		codes   = map[int]bool{}
		classes = map[int]bool{}
		after   time.Time
	)
	for _, s := range strings.Split(status, ",") {
		s = strings.ToLower(strings.TrimSpace(s))
		switch {
		case s == "":
		case len(s) == 3 && s[1:] == "xx" && s[0] >= '1' && s[0] <= '5':
			classes[int(s[0]-'0')] = true
		default:
			n, err := strconv.Atoi(s)
			if err != nil || n < 100 || n > 599 {
				return nil, usageErr("--status: %q is not a status code or class (200, 402, 5xx)", s)
			}
			codes[n] = true
		}
	}
	if since != "" {
		if d, err := time.ParseDuration(since); err == nil && d >= 0 {
			after = now.Add(-d)
		} else if t, err := time.Parse(time.RFC3339, since); err == nil {
			after = t
		} else {
			return nil, usageErr("--since: %q is neither a duration (10m, 2h) nor an RFC 3339 time", since)
		}
	}
	return func(e wf.LogEntry) bool {
		if (len(codes) > 0 || len(classes) > 0) && !codes[e.Status] && !classes[e.Status/100] {
			return false
		}
		return after.IsZero() || !e.Time.Before(after)
	}, nil
}

// addPath packs a file or a directory as `ipfs add --cid-version=1` would
// (directories: `ipfs add -r --hidden`), leaving out the directories
// named in skip at any depth.
func addPath(ctx context.Context, st wf.BlockPutter, path string, skip map[string]bool) (wf.CID, error) {
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
	var fsys fs.FS = os.DirFS(filepath.Dir(abs))
	if len(skip) > 0 {
		fsys = skipFS{fsys.(dirFS), skip}
	}
	return dag.AddPath(ctx, st, fsys, filepath.Base(abs))
}

// packSkipped are the directories wf pack leaves out unless --all: what a
// project holds that is not the function (dependencies, history, and
// .wf, which holds its sealed secrets).
var packSkipped = map[string]bool{"node_modules": true, ".git": true, ".wf": true}

// dirFS is what os.DirFS gives and dag.AddPath uses.
type dirFS interface {
	fs.StatFS
	fs.ReadDirFS
	fs.ReadLinkFS
}

// skipFS hides the entries whose name is in skip, at any depth.
type skipFS struct {
	dirFS
	skip map[string]bool
}

func (f skipFS) hidden(name string) error {
	for _, el := range strings.Split(name, "/") {
		if f.skip[el] {
			return &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
	}
	return nil
}

func (f skipFS) Open(name string) (fs.File, error) {
	if err := f.hidden(name); err != nil {
		return nil, err
	}
	return f.dirFS.Open(name)
}

func (f skipFS) Stat(name string) (fs.FileInfo, error) {
	if err := f.hidden(name); err != nil {
		return nil, err
	}
	return f.dirFS.Stat(name)
}

func (f skipFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.hidden(name); err != nil {
		return nil, err
	}
	es, err := f.dirFS.ReadDir(name)
	return slices.DeleteFunc(es, func(e fs.DirEntry) bool { return e.IsDir() && f.skip[e.Name()] }), err
}

// deterministicOver is wf.deterministic from the flags given over pf's
// settings, checked as a gateway will; nil when not declared.
func (f *deployFlags) deterministicOver(set func(string) bool, pf *project.File) (*spec.Deterministic, error) {
	on, verify, maxVerify := pf.Deterministic, pf.Verify, pf.MaxVerify
	if set("deterministic") {
		on = f.deterministic
	}
	if set("verify") {
		verify = f.verify
	}
	if set("max-verify") {
		maxVerify = f.maxVerify
	}
	if !on {
		if set("verify") || set("max-verify") {
			return nil, usageErr("--verify and --max-verify need --deterministic (or deterministic = true in wf.toml)")
		}
		return nil, nil
	}
	d := &spec.Deterministic{Verify: verify, MaxVerify: maxVerify}
	if err := d.Check(); err != nil {
		return nil, usageErr("--deterministic, --verify, --max-verify or wf.toml: %v", strings.ReplaceAll(err.Error(), wf.ErrInvalid.Error()+": ", ""))
	}
	return d, nil
}

// applyCallers sets the wf.callers flags given over c and checks the
// result as a provider will.
func (f *deployFlags) applyCallers(set func(string) bool, c *project.Callers) error {
	for _, r := range []struct {
		flag, value string
		dst         *project.Rate
	}{{"caller-rate", f.callerRate, &c.Rate}, {"owner-pays", f.ownerPays, &c.OwnerPays}} {
		if !set(r.flag) {
			continue
		}
		v, err := project.ParseRate(r.value)
		if err != nil {
			return usageErr("--%s: %v", r.flag, err)
		}
		*r.dst = v
	}
	if set("caller-pays-only") {
		c.CallerPaysOnly = f.callerPaysOnly
	}
	if sc := c.Spec(); sc != nil {
		if err := sc.Check(); err != nil {
			return usageErr("--caller-rate, --owner-pays, --caller-pays-only or [callers]: %v", strings.ReplaceAll(err.Error(), wf.ErrInvalid.Error()+": ", ""))
		}
	}
	return nil
}

// parseFunctionAt is spec.ParseFunction for a command that talks to the
// provider at url: when s is the CID of code deployed there (what wf pack
// prints), the error also names the functions running it.
func parseFunctionAt(ctx context.Context, s, url string) (wf.CID, error) {
	c, err := spec.ParseFunction(s)
	if err == nil || url == "" {
		return c, err
	}
	code, perr := wf.ParseCID(s)
	if perr != nil {
		return c, err
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	fns, ferr := client.New(url).FunctionsWithCode(ctx, code)
	if ferr != nil || len(fns) == 0 {
		return c, err
	}
	named := make([]string, len(fns))
	for i, f := range fns {
		named[i] = fmt.Sprintf("%s (owner %s)", f.CID, f.Owner)
	}
	return c, fmt.Errorf("%w; functions at %s with this code: %s", err, url, strings.Join(named, ", "))
}

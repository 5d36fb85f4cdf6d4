package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

// Publisher-side sealing (docs/sealing.md, "Publisher state"):
//
//   - $WF_HOME/sealing-keys.json is the publisher's own sealing keyring
//     (0600), made on first use. Every sealed deploy also grants the data
//     key to it, so `wf secrets grant` works from the spec CID alone.
//   - DIR/.wf/secrets.json holds a function's secrets as the sealed block
//     deploy uploads, plus its data key wrapped to the publisher's key:
//     ciphertext only, so the file may sit next to the source (mode 0600
//     all the same). Each `wf secrets set` seals under a new data key.

const secretsStateFile = ".wf/secrets.json"

func (a *App) publisherKeyringPath() string { return filepath.Join(a.home(), "sealing-keys.json") }

// publisherKeyring loads the publisher's keyring, creating it if create is
// set and it does not exist.
func (a *App) publisherKeyring(create bool) (*seal.Keyring, error) {
	path := a.publisherKeyringPath()
	kr, err := seal.LoadKeyring(path)
	if errors.Is(err, os.ErrNotExist) && create {
		if kr, err = seal.NewKeyring(seal.SuiteHybrid, time.Now()); err != nil {
			return nil, err
		}
		if err := kr.Save(path); err != nil {
			return nil, err
		}
		fmt.Fprintf(a.Stderr, "created your sealing keyring %s (mode 0600); keep it: it reopens your functions' secrets\n", path)
		return kr, nil
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no sealing keyring at %s: `wf secrets set` creates it", path)
	}
	return kr, err
}

// secretsState is DIR/.wf/secrets.json.
type secretsState struct {
	Format  int      `json:"format"`
	Secrets []byte   `json:"secrets"` // the sealed secrets block, as deployed
	Grant   wf.Grant `json:"grant"`   // its data key, wrapped to the publisher (zero owner)
}

func secretsStatePath(dir string) string { return filepath.Join(dir, secretsStateFile) }

// loadSecrets opens DIR's secrets: the sealed block and its data key. A
// missing file is ErrNotExist.
func loadSecrets(dir string, kr *seal.Keyring) ([]byte, *seal.DataKey, error) {
	path := secretsStatePath(dir)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var st secretsState
	if err := wf.DecodeJSON(b, &st); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if st.Format != seal.FormatVersion {
		return nil, nil, fmt.Errorf("%s: format %d, this wf reads %d", path, st.Format, seal.FormatVersion)
	}
	dk, _, err := kr.OpenGrant([]wf.Grant{st.Grant}, wf.Address{})
	if errors.Is(err, seal.ErrNoGrant) {
		return nil, nil, fmt.Errorf("%s was sealed to sealing key %s, which is not in %s: set the secrets again", path, st.Grant.Key, "your keyring")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return st.Secrets, dk, nil
}

// saveSecrets seals secrets under a new data key and writes DIR's state.
func saveSecrets(dir string, kr *seal.Keyring, secrets map[string]string) error {
	block, dk, err := seal.Seal(secrets)
	if err != nil {
		return err
	}
	defer dk.Destroy()
	g, err := seal.Grant(dk, kr.Current(), wf.Address{})
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(secretsState{Format: seal.FormatVersion, Secrets: block, Grant: g}, "", "  ")
	if err != nil {
		return err
	}
	return writePrivateFile(secretsStatePath(dir), append(b, '\n'))
}

// writePrivateFile replaces path atomically with mode 0600.
func writePrivateFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func (a *App) secretsCmd() *cobra.Command {
	return group("secrets", "manage sealed secrets and which providers may open a function",
		`Manage a function's secrets, sealed so that only the providers you grant
can open them. Values come from stdin, a terminal prompt or a file, never
from arguments. set, list and rm edit DIR/`+secretsStateFile+` (ciphertext only);
wf deploy DIR --secrets seals them in. grant and revoke change which
providers may open a deployed function: they publish a new spec, so a new
CID.`,
		a.secretsLocalCmd("set"), a.secretsLocalCmd("list"), a.secretsLocalCmd("rm"),
		a.secretsGrantCmd("grant"), a.secretsGrantCmd("revoke"))
}

// secretsLocalCmd is `wf secrets set|list|rm`, which edit
// DIR/.wf/secrets.json.
func (a *App) secretsLocalCmd(verb string) *cobra.Command {
	var dir, fromFile string
	var asJSON bool
	cmd := &cobra.Command{
		Args: func(cmd *cobra.Command, args []string) error {
			if want := map[string]int{"set": 1, "rm": 1, "list": 0}[verb]; len(args) != want {
				return usageErr("wf secrets set NAME [--from-file F] | rm NAME | list  [--dir DIR] (values never come from arguments)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.secretsLocal(verb, args, dir, fromFile, asJSON)
		},
	}
	switch verb {
	case "set":
		cmd.Use = "set NAME"
		cmd.Short = "set a secret from stdin, a prompt or a file"
		cmd.Long = `Set the secret NAME of the function in --dir: the value comes from
--from-file, else a prompt without echo on a terminal, else stdin; never
from arguments. One trailing newline is dropped.`
		cmd.Example = `  wf secrets set API_KEY --dir hello < key.txt
  wf secrets set DB_PASSWORD --from-file pw.txt`
		cmd.Flags().StringVar(&fromFile, "from-file", "", "read the value from this `FILE` instead of stdin")
	case "list":
		cmd.Use = "list"
		cmd.Aliases = []string{"ls"}
		cmd.Short = "list the names of a function's secrets"
		cmd.Long = `List the names of the secrets of the function in --dir, one a line.

With --json, prints an array of the names (strings), sorted.`
		cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (see above)")
	case "rm":
		cmd.Use = "rm NAME"
		cmd.Short = "remove a secret"
	}
	cmd.Flags().StringVar(&dir, "dir", ".", "the function's `DIR` (its secrets live in DIR/"+secretsStateFile+")")
	return cmd
}

// secretsLocal edits DIR/.wf/secrets.json.
func (a *App) secretsLocal(verb string, pos []string, dir, fromFile string, asJSON bool) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageErr("--dir %s: no such directory; give the function's project directory (wf init made it)", dir)
	}
	if verb == "set" && !looksLikeProject(dir) {
		abs, _ := filepath.Abs(dir)
		fmt.Fprintf(a.Stderr, "warning: %s has no wf.toml, go.mod, package.json or .wasm file; is it the function's directory? The secret goes to %s\n", abs, filepath.Join(abs, secretsStateFile))
	}
	kr, err := a.publisherKeyring(verb == "set")
	if err != nil {
		return err
	}
	secrets := map[string]string{}
	block, dk, err := loadSecrets(dir, kr)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	default:
		secrets, err = seal.OpenSecrets(dk, block)
		dk.Destroy()
		if err != nil {
			return fmt.Errorf("%s: %w", secretsStatePath(dir), err)
		}
	}
	switch verb {
	case "list":
		names := slices.Sorted(func(yield func(string) bool) {
			for k := range secrets {
				if !yield(k) {
					return
				}
			}
		})
		if asJSON {
			if names == nil {
				names = []string{}
			}
			return a.printJSON(names)
		}
		for _, n := range names {
			fmt.Fprintln(a.Stdout, n)
		}
		return nil
	case "rm":
		if _, ok := secrets[pos[0]]; !ok {
			return fmt.Errorf("%w: no secret %s in %s", wf.ErrNotFound, pos[0], secretsStatePath(dir))
		}
		delete(secrets, pos[0])
	case "set":
		name := pos[0]
		if !seal.ValidSecretName(name) {
			return usageErr("secret name %q must match [A-Za-z_][A-Za-z0-9_]* (at most %d bytes)", name, seal.MaxSecretName)
		}
		v, err := a.secretValue(name, fromFile)
		if err != nil {
			return err
		}
		if v == "" {
			return usageErr("the value of %s is empty: give it on stdin, at the prompt or with --from-file", name)
		}
		if len(v) < seal.MinRedactLen {
			fmt.Fprintf(a.Stderr, "warning: %s is shorter than %d bytes; providers cannot redact so short a value from logs\n", name, seal.MinRedactLen)
		}
		secrets[name] = v
	}
	if err := saveSecrets(dir, kr, secrets); err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "%d secret(s) sealed in %s; deploy with: wf deploy %s --secrets\n", len(secrets), secretsStatePath(dir), dir)
	return nil
}

// looksLikeProject reports whether dir holds what a function's project
// has: a project file, a Go or npm module, or a module.
func looksLikeProject(dir string) bool {
	for _, f := range []string{"wf.toml", "go.mod", "package.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return true
		}
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*.wasm"))
	return len(m) > 0
}

// secretValue reads a secret's value from a file, a terminal prompt
// without echo, or stdin; never from argv. One trailing newline is dropped
// (echo and editors add it).
func (a *App) secretValue(name, file string) (string, error) {
	var b []byte
	var err error
	switch f, isFile := a.Stdin.(*os.File); {
	case file != "":
		b, err = os.ReadFile(file)
	case isFile && term.IsTerminal(int(f.Fd())):
		fmt.Fprintf(a.Stderr, "Value for %s (not echoed): ", name)
		b, err = readPassword(int(f.Fd()))
		fmt.Fprintln(a.Stderr)
	default:
		b, err = io.ReadAll(io.LimitReader(bufio.NewReader(a.Stdin), seal.MaxSecretsBytes+1))
	}
	if err != nil {
		return "", fmt.Errorf("read the value of %s: %w", name, err)
	}
	if len(b) > seal.MaxSecretsBytes {
		return "", fmt.Errorf("%w: the value of %s is larger than %d bytes", wf.ErrTooLarge, name, seal.MaxSecretsBytes)
	}
	s := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	clear(b)
	return s, nil
}

// secretsDir is where `wf deploy PATH --secrets` finds the secrets: PATH
// itself for a directory, else the module file's directory.
func secretsDir(path string) string {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return path
	}
	return filepath.Dir(path)
}

// deploySealed is `wf deploy --secrets/--encrypt-code`: like deploy, but
// the spec carries the sealed secrets block and grants to the provider
// and to the publisher, and the module may be encrypted. provider is a
// registered name or a URL (see sealingTarget for where its key comes
// from).
func (a *App) deploySealed(ctx context.Context, provider string, sf *sealFlags, key *chain.Key, wasmPath, dir string, s wf.Spec, withSecrets, encryptCode bool) (*client.DeployResult, error) {
	kr, err := a.publisherKeyring(true)
	if err != nil {
		return nil, err
	}
	var block []byte
	var dk *seal.DataKey
	if withSecrets {
		block, dk, err = loadSecrets(dir, kr)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("--secrets: no secrets in %s yet: wf secrets set NAME --dir %s", secretsStatePath(dir), dir)
		}
		if err != nil {
			return nil, err
		}
		names, err := seal.OpenSecrets(dk, block)
		if err != nil {
			return nil, err
		}
		_, err = seal.MergeEnv(s.Env, names)
		clear(names)
		if err != nil {
			return nil, fmt.Errorf("--env and the sealed secrets: %w", err)
		}
	} else {
		dk = seal.NewDataKey()
	}
	defer dk.Destroy()
	t, err := a.sealingTarget(ctx, provider, sf)
	if err != nil {
		return nil, err
	}

	f, err := os.Open(wasmPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sl := &client.Sealing{DataKey: dk, EncryptCode: encryptCode, To: []*seal.PublicKey{t.key, kr.Current()}}
	if withSecrets {
		sl.Secrets = block
	}
	pkg, err := client.PackSealed(ctx, f, s, key, sl)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(a.Stderr, "sealed to %s's key %.16s (from %s) and yours; uploading %s (%d bytes) to %s...\n", provider, t.key.ID(), t.from, pkg.CID, len(pkg.CAR), t.url)
	return client.New(t.url).Deploy(ctx, pkg)
}

// sealFlags say where `wf deploy --secrets` and `wf secrets grant` may
// take a provider's sealing key from.
type sealFlags struct {
	trustEndpoint bool
	o             *chainOpts // the registry's chain
}

// addSealFlags adds --trust-endpoint-key to fs, and the chain flags
// unless the command has them already (o).
func addSealFlags(fs *pflag.FlagSet, o *chainOpts) *sealFlags {
	if o == nil {
		o = addChainFlags(fs, "")
	}
	sf := &sealFlags{o: o}
	fs.BoolVar(&sf.trustEndpoint, "trust-endpoint-key", false,
		"for a --provider URL that names no registered provider: seal to the key its /v1/info publishes, trusting that URL and everything on the way to it "+
			"(checked against the registry all the same). Without it, name the provider")
	return sf
}

// sealTarget is a provider to seal to.
type sealTarget struct {
	key  *seal.PublicKey
	url  string // where to upload: the URL given, else the registered endpoint
	from string // where the key came from, for messages
}

// sealingTarget resolves --provider for sealing (docs/sealing.md, "Where
// the sealing key comes from"):
//
//   - a registered NAME: the key and endpoint from its registry entry;
//   - a gateway URL that names its provider (.../p/NAME): the key from
//     NAME's registry entry, uploads through the URL;
//   - any other URL: only with --trust-endpoint-key, the key its /v1/info
//     publishes, refused when it differs from what the registry holds for
//     that URL (client.EndpointSealingKey).
//
// A gateway or proxy on the way to a URL can answer /v1/info with its
// own key; only the registry is authenticated.
func (a *App) sealingTarget(ctx context.Context, target string, sf *sealFlags) (*sealTarget, error) {
	if !strings.Contains(target, "://") {
		p, err := a.registeredProvider(ctx, target, sf.o)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(p.Endpoint) == "" {
			return nil, fmt.Errorf("provider %q has registered no endpoint to upload to: pass a gateway URL, --provider https://GATEWAY/p/%s", target, target)
		}
		pk, err := client.RegisteredSealingKey(p)
		if err != nil {
			return nil, err
		}
		return &sealTarget{key: pk, url: strings.Fields(p.Endpoint)[0], from: "its registry entry"}, nil
	}
	if name, ok := client.GatewayName(target); ok {
		p, err := a.registeredProvider(ctx, name, sf.o)
		if err != nil {
			return nil, err
		}
		pk, err := client.RegisteredSealingKey(p)
		if err != nil {
			return nil, err
		}
		return &sealTarget{key: pk, url: target, from: fmt.Sprintf("the registry entry of %q, which the URL names", name)}, nil
	}
	if !sf.trustEndpoint {
		return nil, fmt.Errorf("--provider %s: a URL's /v1/info is not an authenticated source of its sealing key (a gateway or proxy on the way can publish its own and read your secrets). "+
			"Name the provider as registered (--provider NAME, or a gateway URL .../p/NAME), or pass --trust-endpoint-key if you trust this URL", target)
	}
	var reg []client.Registered
	c, err := a.dial(ctx, sf.o, nil)
	if err == nil {
		defer c.Close()
		var ps []chain.Provider
		if ps, err = c.ListProviders(ctx); err != nil {
			return nil, fmt.Errorf("registry: %w", err)
		}
		for _, p := range ps {
			reg = append(reg, registered(p))
		}
	} else if a.chainChosen(sf.o) {
		return nil, fmt.Errorf("--trust-endpoint-key: the key %s publishes is checked against the registry, which could not be read: %w", target, err)
	} else {
		fmt.Fprintf(a.Stderr, "warning: no registry to check %s's sealing key against (%v); trusting its /v1/info as --trust-endpoint-key says\n", target, err)
	}
	pk, err := client.New(target).EndpointSealingKey(ctx, reg)
	if err != nil {
		return nil, err
	}
	from := "its /v1/info, trusted, matching the registry"
	if reg == nil {
		from = "its /v1/info, trusted, unchecked"
	}
	return &sealTarget{key: pk, url: target, from: from}, nil
}

// chainChosen reports whether the user named a chain or its contracts
// (flags or environment) rather than leaving the defaults.
func (a *App) chainChosen(o *chainOpts) bool {
	return len(o.rpc) > 0 || o.contractsFile != "" || o.registry != "" || a.Getenv("WF_RPC") != "" || a.Getenv("WF_CONTRACTS") != ""
}

// registeredProvider looks name up in the registry.
func (a *App) registeredProvider(ctx context.Context, name string, o *chainOpts) (client.Registered, error) {
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return client.Registered{}, err
	}
	defer c.Close()
	p, err := c.LookupProvider(ctx, name)
	if err != nil {
		return client.Registered{}, fmt.Errorf("registry: provider %q: %w", name, err)
	}
	return registered(p), nil
}

// registered is what sealing reads of a registry entry.
func registered(p chain.Provider) client.Registered {
	return client.Registered{Name: p.Name, Owner: p.Owner, Endpoint: p.Endpoint, SealingKey: p.SealingKey}
}

// grantFlags are the flags of `wf secrets grant|revoke`.
type grantFlags struct {
	target, from, keyID string
	uploads             []string
	oidc                bool   // a CI job: ask the owner's signer
	signer              string // its URL (default $WF_CI_SIGNER)
	kf                  *keyFlags
	o                   *chainOpts
	seal                *sealFlags
}

func (a *App) secretsGrantCmd(verb string) *cobra.Command {
	f := &grantFlags{}
	cmd := &cobra.Command{
		Use:  verb + " CID --provider NAME|URL",
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.target == "" && (verb == "grant" || f.keyID == "") {
				return usageErr("wf secrets %s needs --provider NAME|URL%s", verb, map[string]string{"revoke": " or --key-id HEX"}[verb])
			}
			return a.secretsGrant(cmd.Context(), verb, args[0], f)
		},
	}
	if verb == "grant" {
		cmd.Short = "let another provider open a deployed function's secrets and code"
		cmd.Long = `Grant a provider the function's data key, sealed to the provider's sealing
key: from the registry for a registered name or a gateway URL that names
one (https://GATEWAY/p/NAME); from any other URL's /v1/info only with
--trust-endpoint-key, and only if it matches what the registry holds for
that URL. This makes a new spec with the same code and secrets blocks,
uploads it to --from (or each --upload) and prints its CID.`
		cmd.Example = `  wf secrets grant bagaaiera... --provider beta --from http://127.0.0.1:8080 --key dev`
	} else {
		cmd.Short = "remove a provider's grant from a deployed function"
		cmd.Long = `Remove a provider's grant from the function's spec and print the new
spec's CID. The provider keeps what it already opened: change the secrets
themselves (wf secrets set, then redeploy) if it must lose them.`
		cmd.Example = `  wf secrets revoke bagaaiera... --provider beta --key dev`
	}
	fs := cmd.Flags()
	fs.StringVar(&f.target, "provider", "", "the provider, `NAME|URL`: a registered name or a gateway URL .../p/NAME (sealing key from the registry), or a URL with --trust-endpoint-key")
	fs.StringVar(&f.from, "from", a.defaultProvider(), "`URL` of a provider that has the function; the spec is read from it")
	fs.StringArrayVar(&f.uploads, "upload", nil, "provider `URL` to upload the new spec block to (repeatable; default --from). It must hold the code and secrets blocks already")
	f.kf = addKeyFlags(fs, "owner")
	if verb == "grant" {
		fs.BoolVar(&f.oidc, "oidc", false, "in a CI job: have the owner's deploy signer grant it (the job's rule needs the grant scope; --provider a registered NAME)")
		fs.StringVar(&f.signer, "signer", "", "the owner's deploy signer `URL` for --oidc (default $"+ci.EnvSigner+")")
	}
	if verb == "revoke" {
		fs.StringVar(&f.keyID, "key-id", "", "the sealing `KEYID` of the grant to remove (for a key the provider no longer publishes)")
	}
	f.o = addChainFlags(fs, "")
	f.seal = addSealFlags(fs, f.o)
	return cmd
}

// secretsGrant adds or removes a provider's grant on a deployed function:
// a new spec (new CID) with the same code and secrets blocks, uploaded as
// one spec block.
func (a *App) secretsGrant(ctx context.Context, verb, cidArg string, f *grantFlags) error {
	c, err := spec.ParseFunction(cidArg)
	if err != nil {
		return err
	}
	if f.oidc { // a CI job: the owner's signer grants (docs/ci.md)
		if verb != "grant" || strings.Contains(f.target, "/") {
			return usageErr("--oidc grants to a registered provider NAME (the signer reads its key from the registry)")
		}
		signerURL := orDefault(f.signer, a.Getenv(ci.EnvSigner))
		if signerURL == "" {
			return usageErr("--oidc needs the owner's deploy signer: --signer URL or $%s", ci.EnvSigner)
		}
		info, err := ci.SignerInfo(ctx, nil, signerURL)
		if err != nil {
			return err
		}
		tok, err := ci.Token(ctx, nil, a.Getenv, info.Audience)
		if err != nil {
			return err
		}
		fn, err := ci.RequestGrant(ctx, nil, signerURL, tok, c, f.target, f.from)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "the owner's signer granted %s to %s\n", c, f.target)
		fmt.Fprintln(a.Stdout, fn)
		return nil
	}
	ss, err := client.New(f.from).Spec(ctx, c, chain.Verifier{})
	if err != nil {
		return err
	}
	// Checked here too so that nobody is asked for a password in vain.
	if ss.Spec.Sealed == nil {
		return fmt.Errorf("%w: function %s has nothing sealed; deploy it with --secrets or --encrypt-code", wf.ErrInvalid, c)
	}
	key, err := a.loadKey(f.kf.key, f.kf.passwordFile)
	if err != nil {
		return err
	}
	newCID, err := a.applyGrant(ctx, verb, c, ss, f, key)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.Stdout, newCID)
	return nil
}

// applyGrant grants (or revokes) f.target on the function ss as its owner
// key, uploads the new spec as f says, and returns its CID. wf secrets
// grant runs it, and the owner's signer for a CI job's grant.
func (a *App) applyGrant(ctx context.Context, verb string, c wf.CID, ss *wf.SignedSpec, f *grantFlags, key *chain.Key) (wf.CID, error) {
	if ss.Spec.Owner != key.Address() {
		return wf.CID{}, fmt.Errorf("%w: function %s is owned by %s, not %s", wf.ErrForbidden, c, ss.Spec.Owner.Checksum(), key.Address().Checksum())
	}
	var err error
	var (
		pkg     *client.Package
		granted string // the provider granted's upload URL
	)
	switch verb {
	case "grant":
		kr, err := a.publisherKeyring(false)
		if err != nil {
			return wf.CID{}, err
		}
		t, err := a.sealingTarget(ctx, f.target, f.seal)
		if err != nil {
			return wf.CID{}, err
		}
		pk := t.key
		granted = t.url
		pkg, err = client.Grant(ss, key, kr, pk)
		if errors.Is(err, seal.ErrNoGrant) {
			return wf.CID{}, fmt.Errorf("function %s holds no grant for your sealing keyring %s (deployed from another machine?)", c, a.publisherKeyringPath())
		}
		if err != nil {
			return wf.CID{}, err
		}
		fmt.Fprintf(a.Stderr, "granted %s (sealing key %.16s, %s, from %s)\n", f.target, pk.ID(), pk.Suite(), t.from)
	case "revoke":
		var id wf.KeyID
		if f.keyID != "" {
			if id, err = wf.ParseKeyID(f.keyID); err != nil {
				return wf.CID{}, usageErr("--key-id: %v", err)
			}
		} else {
			t, err := a.sealingTarget(ctx, f.target, f.seal)
			if err != nil {
				return wf.CID{}, err
			}
			id = t.key.ID()
		}
		if pkg, err = client.Revoke(ss, key, id); err != nil {
			return wf.CID{}, err
		}
		fmt.Fprintf(a.Stderr, "revoked sealing key %.16s. The provider keeps what it already opened, and %s stays valid where it is deployed: "+
			"change the secrets themselves (wf secrets set, then redeploy) if it must lose them\n", id, c)
	}
	uploads := f.uploads
	if len(uploads) == 0 {
		uploads = []string{f.from}
	}
	for _, u := range uploads {
		res, err := client.New(u).Deploy(ctx, pkg)
		if err != nil {
			return wf.CID{}, err
		}
		fmt.Fprintf(a.Stderr, "uploaded the new spec (%d bytes; code and secrets blocks unchanged) to %s: %s\n", len(pkg.CAR), u, res.URL)
	}
	if verb == "grant" && len(f.uploads) == 0 && granted != "" && granted != f.from {
		// The provider granted is the one that must run it: it gets the
		// whole function, blocks read from --from and checked on the way.
		full, err := withBlocks(ctx, f.from, pkg)
		if err != nil {
			return wf.CID{}, fmt.Errorf("granted, but the function's blocks could not be read from %s for %s: %w", f.from, granted, err)
		}
		res, err := client.New(granted).Deploy(ctx, full)
		if err != nil {
			return wf.CID{}, fmt.Errorf("granted, but the upload to the provider granted failed: %w", err)
		}
		fmt.Fprintf(a.Stderr, "uploaded the function (%d bytes) to %s, the provider granted: %s\n", len(full.CAR), granted, res.URL)
	}
	return pkg.CID, nil
}

// withBlocks is pkg (a spec block alone) with the blocks its spec names,
// the code DAG and the sealed secrets block, fetched from the provider at
// from and verified against their CIDs.
func withBlocks(ctx context.Context, from string, pkg *client.Package) (*client.Package, error) {
	st := memstore.New()
	fetch := trustless.Fetcher{Gateways: []string{from}}
	s := &pkg.Spec.Spec
	roots := []wf.CID{s.Code.CID}
	if s.Sealed != nil && s.Sealed.Secrets.Defined() {
		roots = append(roots, s.Sealed.Secrets)
	}
	for _, r := range roots {
		if err := fetch.Fetch(ctx, r, st); err != nil {
			return nil, err
		}
	}
	b, c, err := spec.Encode(pkg.Spec)
	if err != nil {
		return nil, err
	}
	var car bytes.Buffer
	cw := dag.NewCARWriter(&car, c)
	if err := cw.WriteBlock(c, b); err != nil {
		return nil, err
	}
	for _, r := range roots {
		if err := dag.ForEach(ctx, st, r, cw.WriteBlock); err != nil {
			return nil, err
		}
	}
	if err := cw.Flush(); err != nil {
		return nil, err
	}
	return &client.Package{CID: c, Spec: pkg.Spec, CAR: car.Bytes()}, nil
}

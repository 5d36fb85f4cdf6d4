package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
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
func init() {
	register("secrets", command{
		"set NAME [--dir DIR] [--from-file F] | list | rm NAME | grant CID --provider NAME|URL | revoke CID --provider NAME|URL",
		"manage sealed secrets: values come from stdin or a file, never from argv; grants let more providers open a deployed function",
		(*App).cmdSecrets,
	})
}

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

func (a *App) cmdSecrets(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageErr("wf secrets set|list|rm|grant|revoke")
	}
	switch args[0] {
	case "set", "rm", "list":
		return a.cmdSecretsLocal(args[0], args[1:])
	case "grant", "revoke":
		return a.cmdSecretsGrant(ctx, args[0], args[1:])
	}
	return usageErr("unknown secrets command %q (set, list, rm, grant, revoke)", args[0])
}

// cmdSecretsLocal edits DIR/.wf/secrets.json.
func (a *App) cmdSecretsLocal(verb string, args []string) error {
	fs := a.subFlags("secrets "+verb, "[NAME] [--dir DIR] [--from-file F]")
	dir := fs.String("dir", ".", "the function's directory (its secrets live in DIR/"+secretsStateFile+")")
	fromFile := fs.String("from-file", "", "set: read the value from this file instead of stdin")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if want := map[string]int{"set": 1, "rm": 1, "list": 0}[verb]; len(pos) != want {
		return usageErr("wf secrets set NAME [--from-file F] | rm NAME | list  [--dir DIR] (values never come from arguments)")
	}
	kr, err := a.publisherKeyring(verb == "set")
	if err != nil {
		return err
	}
	secrets := map[string]string{}
	block, dk, err := loadSecrets(*dir, kr)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	default:
		secrets, err = seal.OpenSecrets(dk, block)
		dk.Destroy()
		if err != nil {
			return fmt.Errorf("%s: %w", secretsStatePath(*dir), err)
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
		for _, n := range names {
			fmt.Fprintln(a.Stdout, n)
		}
		return nil
	case "rm":
		if _, ok := secrets[pos[0]]; !ok {
			return fmt.Errorf("%w: no secret %s in %s", wf.ErrNotFound, pos[0], secretsStatePath(*dir))
		}
		delete(secrets, pos[0])
	case "set":
		name := pos[0]
		if !seal.ValidSecretName(name) {
			return usageErr("secret name %q must match [A-Za-z_][A-Za-z0-9_]* (at most %d bytes)", name, seal.MaxSecretName)
		}
		v, err := a.secretValue(name, *fromFile)
		if err != nil {
			return err
		}
		if len(v) < seal.MinRedactLen {
			fmt.Fprintf(a.Stderr, "warning: %s is shorter than %d bytes; providers cannot redact so short a value from logs\n", name, seal.MinRedactLen)
		}
		secrets[name] = v
	}
	if err := saveSecrets(*dir, kr, secrets); err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "%d secret(s) sealed in %s; deploy with: wf deploy %s --secrets\n", len(secrets), secretsStatePath(*dir), *dir)
	return nil
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
		b, err = term.ReadPassword(int(f.Fd()))
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
// and to the publisher, and the module may be encrypted.
func (a *App) deploySealed(ctx context.Context, provider string, key *chain.Key, wasmPath, dir string, s wf.Spec, withSecrets, encryptCode bool) (*client.DeployResult, error) {
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
	pk, err := infoSealingKey(ctx, provider)
	if err != nil {
		return nil, err
	}

	f, err := os.Open(wasmPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sl := &client.Sealing{DataKey: dk, EncryptCode: encryptCode, To: []*seal.PublicKey{pk, kr.Current()}}
	if withSecrets {
		sl.Secrets = block
	}
	pkg, err := client.PackSealed(ctx, f, s, key, sl)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(a.Stderr, "sealed to %s's key %.16s and yours; uploading %s (%d bytes) to %s...\n", provider, pk.ID(), pkg.CID, len(pkg.CAR), provider)
	return client.New(provider).Deploy(ctx, pkg)
}

// infoSealingKey reads a provider's sealing public key from its /v1/info.
// Over plain HTTP this is trust on first use; the registry (--provider
// NAME) is the authenticated source.
func infoSealingKey(ctx context.Context, baseURL string) (*seal.PublicKey, error) {
	baseURL = strings.TrimSuffix(baseURL, "/")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v1/info", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s/v1/info: %w", baseURL, client.ResponseError(resp.StatusCode, b))
	}
	var info struct {
		SealingKey string `json:"sealingKey"`
	}
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, fmt.Errorf("%s/v1/info: %w", baseURL, err)
	}
	if info.SealingKey == "" {
		return nil, fmt.Errorf("%s publishes no sealing key in /v1/info, so it cannot open sealed functions", baseURL)
	}
	pk, err := seal.ParsePublicKeyText(info.SealingKey)
	if err != nil {
		return nil, fmt.Errorf("%s/v1/info sealingKey: %w", baseURL, err)
	}
	return pk, nil
}

// providerSealingKey resolves --provider: a URL is asked for its
// /v1/info; anything else is a registry name, looked up on chain.
func (a *App) providerSealingKey(ctx context.Context, target string, o *chainOpts) (*seal.PublicKey, error) {
	if strings.Contains(target, "://") {
		return infoSealingKey(ctx, target)
	}
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	p, err := c.LookupProvider(ctx, target)
	if err != nil {
		return nil, fmt.Errorf("registry: provider %q: %w", target, err)
	}
	if string(p.SealingKey) == string(noSealingKey) {
		return nil, fmt.Errorf("provider %q has registered no sealing key", target)
	}
	pk, err := seal.ParsePublicKey(p.SealingKey)
	if err != nil {
		return nil, fmt.Errorf("registry: provider %q sealing key: %w", target, err)
	}
	return pk, nil
}

// fetchSpec reads a spec block from a provider's trustless gateway and
// checks it against its CID.
func fetchSpec(ctx context.Context, baseURL string, c wf.CID) (*wf.SignedSpec, error) {
	baseURL = strings.TrimSuffix(baseURL, "/")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/ipfs/"+c.String()+"?format=raw", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, spec.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s from %s: %w", c, baseURL, client.ResponseError(resp.StatusCode, b))
	}
	if wf.SumCID(wf.CodecJSON, b) != c {
		return nil, fmt.Errorf("%w: %s answered a block that is not %s", wf.ErrInvalid, baseURL, c)
	}
	return spec.Decode(b)
}

// cmdSecretsGrant adds or removes a provider's grant on a deployed
// function: a new spec (new CID) with the same code and secrets blocks,
// uploaded as one spec block.
func (a *App) cmdSecretsGrant(ctx context.Context, verb string, args []string) error {
	usage := "CID --provider NAME|URL [--from URL] [--upload URL]... [--key FILE|dev] [--rpc URL]"
	if verb == "revoke" {
		usage = "CID (--provider NAME|URL | --key-id HEX) [--from URL] [--upload URL]... [--key FILE|dev] [--rpc URL]"
	}
	fs := a.subFlags("secrets "+verb, usage)
	target := fs.String("provider", "", "the provider: its URL (sealing key from /v1/info) or its registry name (sealing key from the chain)")
	from := fs.String("from", a.defaultProvider(), "a provider that has the function; the spec is read from it")
	var uploads multiFlag
	fs.Var(&uploads, "upload", "provider to upload the new spec block to (repeatable; default --from). It must hold the code and secrets blocks already")
	keyFile := fs.String("key", "", "owner keystore (default $WF_HOME/key.json; \"dev\" for the public dev key)")
	pwFile := fs.String("password-file", "", "file holding the keystore password")
	keyID := fs.String("key-id", "", "revoke: the sealing key id of the grant to remove (for a key the provider no longer publishes)")
	o := addChainFlags(fs, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (*target == "" && (verb == "grant" || *keyID == "")) {
		return usageErr("wf secrets %s %s", verb, usage)
	}
	c, err := wf.ParseCID(pos[0])
	if err != nil {
		return err
	}
	ss, err := fetchSpec(ctx, *from, c)
	if err != nil {
		return err
	}
	s := ss.Spec
	if s.Sealed == nil {
		return fmt.Errorf("%w: function %s has nothing sealed; deploy it with --secrets or --encrypt-code", wf.ErrInvalid, c)
	}
	key, err := a.loadKey(*keyFile, *pwFile)
	if err != nil {
		return err
	}
	if key.Address() != s.Owner {
		return fmt.Errorf("%w: function %s is owned by %s, not by your key %s", wf.ErrForbidden, c, s.Owner.Checksum(), key.Address().Checksum())
	}
	sealed := *s.Sealed
	switch verb {
	case "grant":
		kr, err := a.publisherKeyring(false)
		if err != nil {
			return err
		}
		dk, _, err := kr.OpenGrant(sealed.Grants, s.Owner)
		if errors.Is(err, seal.ErrNoGrant) {
			return fmt.Errorf("function %s holds no grant for your sealing keyring %s (deployed from another machine?)", c, a.publisherKeyringPath())
		}
		if err != nil {
			return err
		}
		defer dk.Destroy()
		pk, err := a.providerSealingKey(ctx, *target, o)
		if err != nil {
			return err
		}
		g, err := seal.Grant(dk, pk, s.Owner)
		if err != nil {
			return err
		}
		seal.SetGrant(&sealed, g)
		fmt.Fprintf(a.Stderr, "granted %s (sealing key %.16s, %s)\n", *target, pk.ID(), pk.Suite())
	case "revoke":
		var id wf.KeyID
		if *keyID != "" {
			if id, err = wf.ParseKeyID(*keyID); err != nil {
				return usageErr("--key-id: %v", err)
			}
		} else {
			pk, err := a.providerSealingKey(ctx, *target, o)
			if err != nil {
				return err
			}
			id = pk.ID()
		}
		if !seal.RemoveGrant(&sealed, id) {
			return fmt.Errorf("%w: function %s has no grant for sealing key %s", wf.ErrNotFound, c, id)
		}
		if len(sealed.Grants) == 0 {
			return fmt.Errorf("%w: that is the function's last grant; nobody could open it", wf.ErrInvalid)
		}
		fmt.Fprintf(a.Stderr, "revoked sealing key %.16s. The provider keeps what it already opened, and %s stays valid where it is deployed: "+
			"change the secrets themselves (wf secrets set, then redeploy) if it must lose them\n", id, c)
	}
	s.Sealed = &sealed
	pkg, err := client.PackSpec(s, key)
	if err != nil {
		return err
	}
	if len(uploads) == 0 {
		uploads = multiFlag{*from}
	}
	for _, u := range uploads {
		res, err := client.New(u).Deploy(ctx, pkg)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "uploaded the new spec (%d bytes; code and secrets blocks unchanged) to %s: %s\n", len(pkg.CAR), u, res.URL)
	}
	fmt.Fprintln(a.Stdout, pkg.CID)
	return nil
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/build"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// The project file (docs/project.md): wf build and wf deploy read
// DIR/wf.toml, or --config FILE; a flag set on the command line wins over
// the file, and the file over $WF_PROVIDER and the built-in defaults.

// addConfigFlag adds --config to a command that reads the project file.
func addConfigFlag(fs *pflag.FlagSet, config *string) {
	fs.StringVar(config, "config", "", "read the project file `FILE` instead of DIR/"+project.FileName)
}

// loadProject reads the project file of dir: config if set (it must
// exist), else dir/wf.toml if there is one. No file is an empty project.
// It returns the file's path ("" for none).
func loadProject(dir, config string) (*project.File, string, error) {
	path := config
	if path == "" {
		if dir == "" {
			return &project.File{}, "", nil
		}
		path = filepath.Join(dir, project.FileName)
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && config == "" {
		return &project.File{}, "", nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("project file: %w", err)
	}
	f, err := project.Parse(path, b)
	if err != nil {
		return nil, "", err
	}
	return f, path, nil
}

// buildConfig is the file's [build] for package build.
func buildConfig(f *project.File) build.Config {
	return build.Config{Lang: f.Build.Language, Command: f.Build.Command, Entry: f.Build.Entry, Output: f.Build.Output}
}

// target is one provider to deploy to: where to upload, and the name the
// user gave (a URL or a registry name).
type target struct{ given, url string }

// resolveProviders turns the deploy's providers into upload URLs: a URL
// is itself, a registry name is looked up on chain ($WF_RPC,
// $WF_CONTRACTS, or the command's chain flags o) for its endpoint.
func (a *App) resolveProviders(ctx context.Context, providers []string, o *chainOpts) ([]target, error) {
	var ts []target
	var c *chain.Client
	defer func() {
		if c != nil {
			c.Close()
		}
	}()
	for _, p := range providers {
		if project.IsURL(p) {
			ts = append(ts, target{p, p})
			continue
		}
		if c == nil {
			var err error
			if c, err = a.dial(ctx, o, nil); err != nil {
				return nil, fmt.Errorf("provider %q is a registry name: %w", p, err)
			}
		}
		info, err := c.LookupProvider(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("registry: provider %q: %w", p, err)
		}
		ts = append(ts, target{p, info.Endpoint})
	}
	return ts, nil
}

// projectSecrets gathers the values of the secrets to seal: each name
// from $NAME, else the file $NAME_FILE names, else dir's sealed store
// (`wf secrets set`; not without a keyring, kr nil, as in a CI job);
// with all, every stored secret too (--secrets). Values stay in memory.
func (a *App) projectSecrets(dir, file string, names []string, all bool, kr *seal.Keyring) (map[string]string, error) {
	stored := map[string]string{}
	var block []byte
	var dk *seal.DataKey
	err := os.ErrNotExist // a CI job (no keyring): values from the environment only
	if kr != nil {
		block, dk, err = loadSecrets(dir, kr)
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		if all {
			return nil, fmt.Errorf("--secrets: no secrets in %s yet: wf secrets set NAME --dir %s", secretsStatePath(dir), dir)
		}
	case err != nil:
		return nil, err
	default:
		stored, err = seal.OpenSecrets(dk, block)
		dk.Destroy()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", secretsStatePath(dir), err)
		}
	}
	defer clear(stored)
	values := map[string]string{}
	for _, n := range names {
		if v := a.Getenv(n); v != "" {
			values[n] = v
		} else if path := a.Getenv(n + "_FILE"); path != "" {
			v, err := readSecretFile(path)
			if err != nil {
				clear(values)
				return nil, fmt.Errorf("secret %s from $%s_FILE: %w", n, n, err)
			}
			values[n] = v
		} else if v, ok := stored[n]; ok {
			values[n] = v
		} else {
			clear(values)
			return nil, fmt.Errorf("%s: secret %s has no value: set $%s or $%s_FILE, or run wf secrets set %s --dir %s", file, n, n, n, n, dir)
		}
	}
	if all {
		for n, v := range stored {
			if _, ok := values[n]; !ok {
				values[n] = v
			}
		}
	}
	return values, nil
}

// readSecretFile reads a secret's value from a file, as `wf secrets set
// --from-file` does: one trailing newline dropped.
func readSecretFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, seal.MaxSecretsBytes+1))
	if err != nil {
		return "", err
	}
	if len(b) > seal.MaxSecretsBytes {
		clear(b)
		return "", fmt.Errorf("%w: %s is larger than %d bytes", wf.ErrTooLarge, path, seal.MaxSecretsBytes)
	}
	v := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	clear(b)
	return v, nil
}

// deployProject packs the module once and uploads it to every target.
// With secrets or encryptCode it seals: a fresh data key, granted to each
// provider's sealing key (from the registry; a URL's /v1/info only with
// --trust-endpoint-key, see sealingTarget) and to the publisher's own.
func (a *App) deployProject(ctx context.Context, key wf.Signer, wasmPath string, s wf.Spec, targets []target, secrets map[string]string, encryptCode bool, ownerKey *seal.PublicKey, sf *sealFlags) ([]*client.DeployResult, error) {
	f, err := os.Open(wasmPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pkg *client.Package
	if secrets == nil && !encryptCode {
		pkg, err = client.Pack(ctx, f, s, key)
	} else {
		pkg, err = a.packSealedFor(ctx, f, s, key, targets, secrets, encryptCode, ownerKey, sf)
	}
	if err != nil {
		return nil, err
	}
	var res []*client.DeployResult
	for _, t := range targets {
		fmt.Fprintf(a.Stderr, "uploading %s (%d bytes) to %s...\n", pkg.CID, len(pkg.CAR), t.given)
		r, err := client.New(t.url).Deploy(ctx, pkg)
		if err != nil {
			return res, fmt.Errorf("deploy to %s: %w", t.given, err)
		}
		res = append(res, r)
	}
	return res, nil
}

// packSealedFor seals to each target's registered key and to ownerKey,
// the owner's (nil: to the providers only).
func (a *App) packSealedFor(ctx context.Context, module *os.File, s wf.Spec, key wf.Signer, targets []target, secrets map[string]string, encryptCode bool, ownerKey *seal.PublicKey, sf *sealFlags) (*client.Package, error) {
	sl := &client.Sealing{EncryptCode: encryptCode}
	if secrets != nil {
		if _, err := seal.MergeEnv(s.Env, secrets); err != nil {
			return nil, fmt.Errorf("env and the sealed secrets: %w", err)
		}
		block, dk, err := seal.Seal(secrets)
		clear(secrets)
		if err != nil {
			return nil, err
		}
		sl.Secrets, sl.DataKey = block, dk
	} else {
		sl.DataKey = seal.NewDataKey()
	}
	defer sl.DataKey.Destroy()
	for _, t := range targets {
		st, err := a.sealingTarget(ctx, t.given, sf) // the registry's key, never an unchecked /v1/info
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(a.Stderr, "sealing to %s's key %.16s (from %s), uploading to %s\n", t.given, st.key.ID(), st.from, st.url)
		sl.To = append(sl.To, st.key)
	}
	if ownerKey != nil {
		sl.To = append(sl.To, ownerKey)
	}
	return client.PackSealed(ctx, module, s, key, sl)
}

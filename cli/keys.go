package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/webfunctions/wf/chain"
)

// DevKeyHex is the first well-known development account of Hardhat and
// Anvil. It is public: `--key dev` selects it for local development only.
const DevKeyHex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

func (a *App) keyPath(flagVal string) string {
	if flagVal != "" {
		return flagVal
	}
	return filepath.Join(a.home(), "key.json")
}

// password reads the keystore password from WF_KEY_PASSWORD, a file, or
// the terminal; never from argv.
func (a *App) password(file string, confirm bool) (string, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("password file: %w", err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	if p := a.Getenv("WF_KEY_PASSWORD"); p != "" {
		return p, nil
	}
	f, ok := a.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errors.New("no keystore password: set WF_KEY_PASSWORD or pass --password-file")
	}
	fmt.Fprint(a.Stderr, "Keystore password: ")
	p, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(a.Stderr)
	if err != nil {
		return "", err
	}
	if confirm {
		fmt.Fprint(a.Stderr, "Repeat password: ")
		q, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(a.Stderr)
		if err != nil {
			return "", err
		}
		if string(p) != string(q) {
			return "", errors.New("passwords differ")
		}
	}
	return string(p), nil
}

// loadKey returns the publisher key: "dev" for the public development key,
// else the keystore at path (default $WF_HOME/key.json).
func (a *App) loadKey(path, passwordFile string) (*chain.Key, error) {
	if path == "dev" {
		return chain.KeyFromHex(DevKeyHex)
	}
	path = a.keyPath(path)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no publisher key at %s: create one with `wf keys new` (or use --key dev against a dev provider)", path)
	}
	pw, err := a.password(passwordFile, false)
	if err != nil {
		return nil, err
	}
	return chain.LoadKeystore(path, pw)
}

func (a *App) cmdKeys(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageErr("wf keys new|show|export|import")
	}
	fs := a.flags("keys " + args[0])
	keyFile := fs.String("key", "", "keystore file (default $WF_HOME/key.json)")
	pwFile := fs.String("password-file", "", "file holding the keystore password (default: $WF_KEY_PASSWORD or a prompt)")
	yes := fs.Bool("yes", false, "export: really print the private key")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	path := a.keyPath(*keyFile)
	switch args[0] {
	case "new", "import":
		var k *chain.Key
		if args[0] == "new" {
			if k, err = chain.GenerateKey(); err != nil {
				return err
			}
		} else {
			// The private key comes from stdin, never argv.
			line, err := bufio.NewReader(io.LimitReader(a.Stdin, 1024)).ReadString('\n')
			if err != nil && !errors.Is(err, io.EOF) {
				return err
			}
			if k, err = chain.KeyFromHex(strings.TrimSpace(line)); err != nil {
				return fmt.Errorf("import: read a hex private key on stdin: %w", err)
			}
		}
		pw, err := a.password(*pwFile, true)
		if err != nil {
			return err
		}
		if err := chain.SaveKeystore(path, k, pw, chain.ScryptStandard); err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "%s\n", k.Address().Checksum())
		fmt.Fprintf(a.Stderr, "saved to %s (mode 0600)\n", path)
	case "show":
		k, err := a.loadKey(*keyFile, *pwFile)
		if err != nil {
			return err
		}
		fmt.Fprintln(a.Stdout, k.Address().Checksum())
	case "export":
		if !*yes {
			return usageErr("export prints your private key; pass --yes if you mean it")
		}
		k, err := a.loadKey(*keyFile, *pwFile)
		if err != nil {
			return err
		}
		fmt.Fprintln(a.Stdout, k.Hex())
	default:
		return usageErr("unknown keys command %q (new, show, export, import)", args[0])
	}
	if len(pos) > 0 {
		return usageErr("unexpected arguments %q", pos)
	}
	return nil
}

package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/devnet"
)

// DevKeyHex is the public development publisher key that `--key dev`
// selects (devnet.PublisherKeyHex), for local development only.
const DevKeyHex = devnet.PublisherKeyHex

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
	p, err := readPassword(int(f.Fd()))
	fmt.Fprintln(a.Stderr)
	if err != nil {
		return "", err
	}
	if confirm {
		fmt.Fprint(a.Stderr, "Repeat password: ")
		q, err := readPassword(int(f.Fd()))
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

// errInterrupted is Ctrl-C at a password prompt.
var errInterrupted = errors.New("interrupted")

// readPassword reads a line from the terminal without echo. Ctrl-C ends
// the prompt with errInterrupted and the terminal as it was: otherwise
// the interrupt would only cancel the command's context, and the prompt
// would go on to take the next line typed as the password.
func readPassword(fd int) ([]byte, error) {
	state, err := term.GetState(fd)
	if err != nil {
		return nil, err
	}
	intr := make(chan os.Signal, 1)
	signal.Notify(intr, os.Interrupt)
	defer signal.Stop(intr)
	type line struct {
		b   []byte
		err error
	}
	got := make(chan line, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		got <- line{b, err}
	}()
	select {
	case l := <-got:
		return l.b, l.err
	case <-intr:
		term.Restore(fd, state)
		return nil, errInterrupted
	}
}

// loadKey returns the publisher key: "dev" for the public development key
// and "dev:N" for the dev chain's N-th account (as every command that
// signs takes them), else the keystore at path (default
// $WF_HOME/key.json).
func (a *App) loadKey(path, passwordFile string) (*chain.Key, error) {
	if k, ok, err := devKey(path); ok || err != nil {
		return k, err
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

func (a *App) keysCmd() *cobra.Command {
	var kf keyFlags
	// Every keys command takes --key and --password-file.
	withKeyFlags := func(c *cobra.Command) *cobra.Command {
		c.Flags().StringVar(&kf.key, "key", "", "keystore `FILE` (default $WF_HOME/key.json)")
		c.Flags().StringVar(&kf.passwordFile, "password-file", "", "`FILE` holding the keystore password (default: $WF_KEY_PASSWORD or a prompt)")
		return c
	}
	var asJSON, yes bool
	jsonFlag := func(c *cobra.Command) *cobra.Command {
		c.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
		return c
	}
	save := func(k *chain.Key) error {
		pw, err := a.password(kf.passwordFile, true)
		if err != nil {
			return err
		}
		path := a.keyPath(kf.key)
		if err := chain.SaveKeystore(path, k, pw, chain.ScryptStandard); err != nil {
			return err
		}
		if asJSON {
			if err := a.printJSON(struct {
				Address  string `json:"address"`
				Keystore string `json:"keystore"`
			}{k.Address().Checksum(), path}); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(a.Stdout, "%s\n", k.Address().Checksum())
		}
		fmt.Fprintf(a.Stderr, "saved to %s (mode 0600)\n", path)
		return nil
	}
	const savedJSON = `

With --json, prints one object:
  address   string, the key's address (checksummed)
  keystore  string, the file written`
	newCmd := &cobra.Command{
		Use:   "new",
		Short: "make a new publisher key and print its address",
		Long: `Make a new Ethereum key, save it as an encrypted v3 keystore (mode 0600)
and print its address. The file must not exist yet.` + savedJSON,
		Example: `  wf keys new
  WF_KEY_PASSWORD=... wf keys new --key ./ci-key.json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := chain.GenerateKey()
			if err != nil {
				return err
			}
			return save(k)
		},
	}
	importCmd := &cobra.Command{
		Use:   "import",
		Short: "save a hex private key read from stdin as your keystore",
		Long: `Read a hex private key from stdin (never from arguments), save it as an
encrypted v3 keystore (mode 0600) and print its address.` + savedJSON,
		Example: `  wf keys import < key.hex`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			// The private key comes from stdin, never argv.
			line, err := bufio.NewReader(io.LimitReader(a.Stdin, 1024)).ReadString('\n')
			if err != nil && !errors.Is(err, io.EOF) {
				return err
			}
			k, err := chain.KeyFromHex(strings.TrimSpace(line))
			if err != nil {
				return fmt.Errorf("import: read a hex private key on stdin: %w", err)
			}
			return save(k)
		},
	}
	showCmd := &cobra.Command{
		Use:   "show",
		Short: "print the address of your key",
		Long: `Print the address of the publisher key (--key dev: the public dev key).

With --json, prints one object:
  address  string, the key's address (checksummed)`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := a.loadKey(kf.key, kf.passwordFile)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(struct {
					Address string `json:"address"`
				}{k.Address().Checksum()})
			}
			fmt.Fprintln(a.Stdout, k.Address().Checksum())
			return nil
		},
	}
	exportCmd := &cobra.Command{
		Use:   "export --yes",
		Short: "print your private key in hex",
		Long:  "Print the publisher's private key in hex, for another wallet. It asks for --yes.",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !yes {
				return usageErr("export prints your private key; pass --yes if you mean it")
			}
			k, err := a.loadKey(kf.key, kf.passwordFile)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.Stdout, k.Hex())
			return nil
		},
	}
	exportCmd.Flags().BoolVar(&yes, "yes", false, "really print the private key")
	return group("keys", "manage the publisher key",
		`Manage the publisher key: the Ethereum key that signs your functions'
specs and pays for their requests. It lives in $WF_HOME/key.json, an
encrypted v3 keystore as geth writes; the password comes from
$WF_KEY_PASSWORD, --password-file or a prompt, never from arguments.`,
		jsonFlag(withKeyFlags(newCmd)), jsonFlag(withKeyFlags(showCmd)), withKeyFlags(exportCmd), jsonFlag(withKeyFlags(importCmd)))
}

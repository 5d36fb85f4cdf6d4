package cli

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// printSealingKey prints the current public key on stdout (base64, or hex
// for `wf provider register --sealing-key`) and what it is on stderr.
func (a *App) printSealingKey(kr *seal.Keyring, asHex bool) {
	pk := kr.Current()
	if asHex {
		fmt.Fprintf(a.Stdout, "0x%s\n", hex.EncodeToString(pk.Bytes()))
	} else {
		fmt.Fprintln(a.Stdout, pk)
	}
	fmt.Fprintf(a.Stderr, "sealing key %s (%s, %d bytes); %d key(s) in the keyring\n", pk.ID(), pk.Suite(), len(pk.Bytes()), len(kr.Keys()))
}

func (a *App) providerInitCmd() *cobra.Command {
	var in providerInitFlags
	cmd := &cobra.Command{
		Use:   "init",
		Short: "make the provider's keys and config file, and print its sealing public key",
		Long: `Make what a provider node needs, in its data directory, and print the
sealing public key (what publishers seal secrets and code to):

  DATA/sealing-keys.json  the sealing keyring (mode 0600)
  DATA/key.json           the node's Ethereum key (keystore, mode 0600), made
                          when a password is at hand (--password-file,
                          $WF_KEY_PASSWORD or a terminal)
  DATA/provider.toml      the config file wf provider start reads, with the
                          settings given here and every other one commented

Idempotent: an existing keyring, key or config file is kept, never
replaced. It then prints the next steps: fund the key, register, start.`,
		Example: `  wf provider init --name alice --public-url https://node.example.com --price 0.0001 --rpc https://rpc.example
  wf provider register NAME --sealing-key $(wf provider init --hex) ...`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.providerInit(&in)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&in.data, "data", filepath.Join(a.home(), "provider"), "provider data `DIR`")
	fs.StringVar(&in.suiteName, "suite", seal.SuiteHybrid.String(), "sealing `SUITE`: mlkem768x25519 (hybrid post-quantum, 1,227-byte key) or x25519 (43 bytes, cheaper to register)")
	fs.BoolVar(&in.asHex, "hex", false, "print the public key as 0x-hex (for `wf provider register --sealing-key`) instead of base64")
	fs.StringVar(&in.key, "key", "", "the node's keystore `FILE` to make (default DATA/key.json)")
	fs.StringVar(&in.passwordFile, "password-file", "", "`FILE` holding the new keystore's password (default: $WF_KEY_PASSWORD or a prompt; without one, no key is made)")
	fs.StringVar(&in.config, "config", "", "config `FILE` to write (default DATA/"+ConfigFileName+")")
	fs.StringVar(&in.cfg.name, "name", "", "the registry `NAME` the node will serve as (config)")
	fs.StringVar(&in.cfg.listen, "listen", "", "`ADDR` to serve on (config)")
	fs.StringVar(&in.cfg.publicURL, "public-url", "", "the node's `URL` as callers see it, its registry endpoint (config)")
	fs.StringVar(&in.cfg.price, "price", "", "price per request in `USDC` (config)")
	fs.StringSliceVar(&in.cfg.rpc, "rpc", nil, "the chain's JSON-RPC `URL`s (config)")
	return cmd
}

// providerInitFlags are the flags of `wf provider init`.
type providerInitFlags struct {
	data, suiteName, key, passwordFile, config string
	asHex                                      bool
	cfg                                        providerConfig
}

func (a *App) providerInit(in *providerInitFlags) error {
	data := in.data
	suite, err := seal.ParseSuite(in.suiteName)
	if err != nil {
		return usageErr("--suite: %v", err)
	}
	if in.cfg.price != "" {
		if _, err := wf.ParseUSDC(in.cfg.price); err != nil {
			return fmt.Errorf("--price: %w", err)
		}
	}
	if in.cfg.publicURL != "" {
		if err := checkHTTPURL("--public-url", in.cfg.publicURL); err != nil {
			return err
		}
	}
	path := filepath.Join(data, node.SealingKeyringFile)
	var kr *seal.Keyring
	if seal.KeyringExists(path) {
		// Idempotent: never replace keys that existing grants are made to.
		if kr, err = seal.LoadKeyring(path); err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "sealing keyring %s exists; keeping it (rotate with `wf provider rotate-sealing-key`)\n", path)
	} else {
		if kr, err = seal.NewKeyring(suite, time.Now()); err != nil {
			return err
		}
		if err := kr.Save(path); err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "created sealing keyring %s (mode 0600)\n", path)
	}
	a.printSealingKey(kr, in.asHex)

	ek := in.key
	if ek == "" {
		ek = filepath.Join(data, "key.json")
	}
	var addr string
	switch {
	case fileExists(ek):
		fmt.Fprintf(a.Stderr, "provider key %s exists; keeping it\n", ek)
		if ad, err := keystoreAddress(ek); err == nil {
			addr = ad.Checksum()
		}
	default:
		pw, err := a.password(in.passwordFile, true)
		if err != nil {
			if errors.Is(err, errInterrupted) {
				return err
			}
			fmt.Fprintf(a.Stderr, "note: no provider Ethereum key at %s yet (payments and the registry need one; no password at hand: %v): wf keys new --key %s\n", ek, err, ek)
			break
		}
		k, err := chain.GenerateKey()
		if err != nil {
			return err
		}
		if err := chain.SaveKeystore(ek, k, pw, chain.ScryptStandard); err != nil {
			return err
		}
		addr = k.Address().Checksum()
		fmt.Fprintf(a.Stderr, "created provider key %s (mode 0600): address %s\n", ek, addr)
	}

	cf := in.config
	if cf == "" {
		cf = defaultConfigPath(data)
	}
	if fileExists(cf) {
		fmt.Fprintf(a.Stderr, "config %s exists; keeping it\n", cf)
	} else {
		c := in.cfg
		if c.data, err = filepath.Abs(data); err != nil {
			return err
		}
		if c.key, err = filepath.Abs(ek); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(cf), 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(cf, []byte(c.render()), 0o600); err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "wrote config %s (edit it: every setting is a flag of wf provider start)\n", cf)
	}
	a.printProviderNextSteps(in, cf, addr)
	return nil
}

// printProviderNextSteps tells an operator what is left after init.
func (a *App) printProviderNextSteps(in *providerInitFlags, cf, addr string) {
	name, url, price := in.cfg.name, in.cfg.publicURL, in.cfg.price
	if name == "" {
		name = "NAME"
	}
	if url == "" {
		url = "https://node.example.com"
	}
	if price == "" {
		price = "0.0001"
	}
	rpc := ""
	for _, r := range in.cfg.rpc {
		rpc += " --rpc " + r
	}
	keyFlag := " --key " + in.key
	if in.key == "" {
		keyFlag = " --key " + filepath.Join(in.data, "key.json")
	}
	fmt.Fprintf(a.Stderr, "next:\n")
	if addr != "" {
		fmt.Fprintf(a.Stderr, "  1. fund %s with ether for gas (registration bond and settlements): wf send ETHER %s --key YOURS%s\n", addr, addr, rpc)
	} else {
		fmt.Fprintf(a.Stderr, "  1. make the key (wf keys new%s) and fund its address with ether for gas\n", keyFlag)
	}
	if in.cfg.name != "" && in.cfg.publicURL != "" && in.cfg.price != "" {
		fmt.Fprintf(a.Stderr, "  2. wf provider register --config %s   (name, endpoint, price, sealing key and chain from the config)\n", cf)
	} else {
		fmt.Fprintf(a.Stderr, "  2. wf provider register %s --endpoint %s --price %s --sealing-key $(wf provider init --data %s --hex)%s%s\n", name, url, price, in.data, keyFlag, rpc)
	}
	fmt.Fprintf(a.Stderr, "  3. wf provider start --config %s   (checks the registry entry against the node at start)\n", cf)
	fmt.Fprintf(a.Stderr, "  4. wf provider status --config %s\n", cf)
}

func (a *App) providerRotateCmd() *cobra.Command {
	var data, suiteName, retire string
	var asHex bool
	cmd := &cobra.Command{
		Use:   "rotate-sealing-key",
		Short: "add a new current sealing key, or retire an old one",
		Long: `Add a new current key to the provider's sealing keyring: new grants go to
it, and the previous keys still open existing grants until retired with
--retire KEYID. Restart the provider and update the registry after.`,
		Example: `  wf provider rotate-sealing-key --suite x25519
  wf provider rotate-sealing-key --retire 1a2b3c...`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.providerRotate(data, suiteName, retire, asHex)
		},
	}
	cmd.Flags().StringVar(&data, "data", filepath.Join(a.home(), "provider"), "provider data `DIR`")
	cmd.Flags().StringVar(&suiteName, "suite", seal.SuiteHybrid.String(), "`SUITE` of the new key")
	cmd.Flags().StringVar(&retire, "retire", "", "instead of rotating, drop this previous `KEYID` (grants to it stop opening here)")
	cmd.Flags().BoolVar(&asHex, "hex", false, "print the public key as 0x-hex")
	return cmd
}

func (a *App) providerRotate(data, suiteName, retire string, asHex bool) error {
	path := filepath.Join(data, node.SealingKeyringFile)
	kr, err := seal.LoadKeyring(path)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no sealing keyring at %s: run `wf provider init --data %s` first", path, data)
	}
	if err != nil {
		return err
	}
	if retire != "" {
		id, err := wf.ParseKeyID(retire)
		if err != nil {
			return usageErr("--retire: %v", err)
		}
		if err := kr.Retire(id); err != nil {
			return err
		}
		if err := kr.Save(path); err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "retired %s; restart the provider to drop it from memory\n", id)
		a.printSealingKey(kr, asHex)
		return nil
	}
	suite, err := seal.ParseSuite(suiteName)
	if err != nil {
		return usageErr("--suite: %v", err)
	}
	old := kr.Current().ID()
	if _, err := kr.Rotate(suite, time.Now()); err != nil {
		return err
	}
	if err := kr.Save(path); err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "rotated: new grants go to the key below; %s still opens existing grants until retired\n"+
		"restart the provider and update the registry (wf provider update NAME --sealing-key ...); owners re-grant with wf secrets grant\n", old)
	a.printSealingKey(kr, asHex)
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

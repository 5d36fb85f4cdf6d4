package cli

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

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
	var data, suiteName string
	var asHex bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "make the provider's sealing keyring and print its public key",
		Long: `Make the provider's sealing keyring, DATA/sealing-keys.json (mode 0600),
and print its current public key: what publishers seal secrets and code to.
Idempotent: an existing keyring is kept, never replaced.`,
		Example: `  wf provider init
  wf provider register NAME --sealing-key $(wf provider init --hex) ...`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.providerInit(data, suiteName, asHex)
		},
	}
	cmd.Flags().StringVar(&data, "data", filepath.Join(a.home(), "provider"), "provider data `DIR`")
	cmd.Flags().StringVar(&suiteName, "suite", seal.SuiteHybrid.String(), "sealing `SUITE`: mlkem768x25519 (hybrid post-quantum, 1,227-byte key) or x25519 (43 bytes, cheaper to register)")
	cmd.Flags().BoolVar(&asHex, "hex", false, "print the public key as 0x-hex (for `wf provider register --sealing-key`) instead of base64")
	return cmd
}

func (a *App) providerInit(data, suiteName string, asHex bool) error {
	suite, err := seal.ParseSuite(suiteName)
	if err != nil {
		return usageErr("--suite: %v", err)
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
	a.printSealingKey(kr, asHex)
	if ek := filepath.Join(data, "key.json"); !fileExists(ek) {
		fmt.Fprintf(a.Stderr, "note: no provider Ethereum key at %s yet (payments and the registry need one): wf keys new --key %s\n", ek, ek)
	}
	fmt.Fprintf(a.Stderr, "publish it: wf provider register NAME --sealing-key $(wf provider init --data %s --hex) ...\n", data)
	return nil
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

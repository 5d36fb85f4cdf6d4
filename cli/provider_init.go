package cli

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

func init() {
	providerSubcommands["init"] = (*App).cmdProviderInit
	providerSubcommands["rotate-sealing-key"] = (*App).cmdProviderRotate
}

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

func (a *App) cmdProviderInit(ctx context.Context, args []string) error {
	const usage = "[--data DIR] [--suite mlkem768x25519|x25519] [--hex]"
	fs := a.subFlags("provider init", usage)
	data := fs.String("data", filepath.Join(a.home(), "provider"), "provider data directory")
	suiteName := fs.String("suite", "mlkem768x25519", "sealing suite: mlkem768x25519 (hybrid post-quantum, 1,227-byte key) or x25519 (43 bytes, cheaper to register)")
	asHex := fs.Bool("hex", false, "print the public key as 0x-hex (for `wf provider register --sealing-key`) instead of base64")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageErr("wf provider init %s", usage)
	}
	suite, err := seal.ParseSuite(*suiteName)
	if err != nil {
		return usageErr("--suite: %v", err)
	}
	path := filepath.Join(*data, node.SealingKeyringFile)
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
	a.printSealingKey(kr, *asHex)
	if ek := filepath.Join(*data, "key.json"); !fileExists(ek) {
		fmt.Fprintf(a.Stderr, "note: no provider Ethereum key at %s yet (payments and the registry need one): wf keys new --key %s\n", ek, ek)
	}
	fmt.Fprintf(a.Stderr, "publish it: wf provider register NAME --sealing-key $(wf provider init --data %s --hex) ...\n", *data)
	return nil
}

func (a *App) cmdProviderRotate(ctx context.Context, args []string) error {
	const usage = "[--data DIR] [--suite mlkem768x25519|x25519] [--retire KEYID] [--hex]"
	fs := a.subFlags("provider rotate-sealing-key", usage)
	data := fs.String("data", filepath.Join(a.home(), "provider"), "provider data directory")
	suiteName := fs.String("suite", "mlkem768x25519", "suite of the new key")
	retire := fs.String("retire", "", "instead of rotating, drop this previous key id (grants to it stop opening here)")
	asHex := fs.Bool("hex", false, "print the public key as 0x-hex")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageErr("wf provider rotate-sealing-key %s", usage)
	}
	path := filepath.Join(*data, node.SealingKeyringFile)
	kr, err := seal.LoadKeyring(path)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no sealing keyring at %s: run `wf provider init --data %s` first", path, *data)
	}
	if err != nil {
		return err
	}
	if *retire != "" {
		id, err := wf.ParseKeyID(*retire)
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
		a.printSealingKey(kr, *asHex)
		return nil
	}
	suite, err := seal.ParseSuite(*suiteName)
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
	a.printSealingKey(kr, *asHex)
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// sealingKeyring loads the provider's sealing keyring from its data
// directory; with create, it makes one (the default hybrid suite) if there
// is none. Without a keyring (nil, nil) the provider refuses sealed

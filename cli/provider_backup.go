package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

func (a *App) providerBackupCmd() *cobra.Command {
	var data, out string
	cmd := &cobra.Command{
		Use:   "backup --out FILE",
		Short: "write the stopped node's keys, ledger of charges, blocks and names to a .tar.gz",
		Long: `Write a provider's data directory to a gzipped tar: its key and sealing
keys, its ledger of charges (with the write-ahead log), deployed blocks,
names and owners' storage; not the compile cache, which the node rebuilds.

The node must be stopped: the ledger changes on every paid request, so
backup takes the data directory's lock and refuses while a node holds it.
The archive holds the keystore (encrypted) and the sealing keys (not
encrypted): keep it as secret as the node itself. Restore it with
wf provider restore, which checks it is not older than the chain says.`,
		Example: `  systemctl stop wf-provider && wf provider backup --data /var/lib/wf/provider --out wf-$(date +%F).tar.gz && systemctl start wf-provider`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageErr("--out FILE is required (- for stdout)")
			}
			return a.providerBackup(data, out)
		},
	}
	cmd.Flags().StringVar(&data, "data", filepath.Join(a.home(), "provider"), "provider data `DIR`")
	cmd.Flags().StringVar(&out, "out", "", "archive `FILE` to write (- for stdout)")
	return cmd
}

func (a *App) providerBackup(data, out string) error {
	var w io.Writer = a.Stdout
	var f *os.File
	if out != "-" {
		var err error
		if f, err = os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		w = f
	}
	err := node.Backup(data, w)
	if f != nil {
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(out)
		}
	}
	if errors.Is(err, node.ErrLocked) {
		return &userError{fmt.Sprintf("%v\nstop the node first (systemctl stop wf-provider): a ledger copied under a running node may be torn", err), err}
	}
	if err != nil {
		return err
	}
	if f != nil {
		fmt.Fprintf(a.Stderr, "backed up %s to %s (mode 0600: it holds the node's keys)\n", data, out)
	}
	return nil
}

func (a *App) providerRestoreCmd() *cobra.Command {
	var data string
	var noCheck bool
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "restore FILE --data DIR",
		Short: "unpack a backup into a new data directory, checked against the chain",
		Long: `Unpack a wf provider backup into --data, which must not exist or be empty,
then check its ledger against the chain: for every owner whose charges it
holds, the escrow must not have paid this node more than the ledger says
it settled. A ledger older than the chain would settle those requests a
second time (an owner-paid settlement is trusted up to the allowance), so
such a backup is refused and nothing is left behind; restore a newer one.
--no-chain-check skips it, for recovering keys alone.`,
		Example: `  wf provider restore wf-2026-12-01.tar.gz --data /var/lib/wf/provider --rpc https://rpc.example`,
		Args:    argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.providerRestore(cmd.Context(), args[0], data, noCheck, o)
		},
	}
	cmd.Flags().StringVar(&data, "data", filepath.Join(a.home(), "provider"), "new provider data `DIR` to restore into")
	cmd.Flags().BoolVar(&noCheck, "no-chain-check", false, "do not compare the ledger with the chain (the restored node must then not be started with payments)")
	o = addChainFlags(cmd.Flags(), "")
	return cmd
}

func (a *App) providerRestore(ctx context.Context, file, data string, noCheck bool, o *chainOpts) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer f.Close()
	if ents, err := os.ReadDir(data); err == nil && len(ents) > 0 {
		return invalid("--data %s is not empty: restore into a new directory (a restore never merges into a node's data)", data)
	}
	// Unpacked beside the target and moved in once checked, so a refused
	// backup leaves nothing a node could start from.
	tmp := filepath.Clean(data) + ".restoring"
	os.RemoveAll(tmp)
	if err := node.Restore(f, tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if !noCheck {
		if err := a.checkRestoredLedger(ctx, tmp, o); err != nil {
			os.RemoveAll(tmp)
			return err
		}
	}
	os.Remove(data) // empty or absent
	if err := os.Rename(tmp, data); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	fmt.Fprintf(a.Stdout, "restored %s into %s\n", file, data)
	if noCheck {
		fmt.Fprintf(a.Stderr, "WARNING: not checked against the chain: if this ledger is older than the last settlement, starting it with --price settles those requests again\n")
	}
	return nil
}

// checkRestoredLedger refuses a ledger whose owner accounts settled less
// than the escrow paid this node.
func (a *App) checkRestoredLedger(ctx context.Context, dir string, o *chainOpts) error {
	addr, err := keystoreAddress(filepath.Join(dir, "key.json"))
	if err != nil {
		if o.key == "" {
			return fmt.Errorf("restore: the backup has no key.json to name the node's address (pass --key with the node's keystore): %w", err)
		}
		if addr, _, err = a.ownAddress(o); err != nil {
			return err
		}
	}
	led, err := ledger.Open(filepath.Join(dir, node.LedgerFile), ledger.Options{})
	if err != nil {
		return fmt.Errorf("restore: the backup's ledger: %w", err)
	}
	accts := led.Accounts()
	led.Close()
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return fmt.Errorf("restore: checking the ledger against the chain: %w (or --no-chain-check)", err)
	}
	defer c.Close()
	var stale []string
	checked := 0
	for k, acct := range accts {
		if k.Mode != ledger.Owner {
			continue // vouchers are cumulative: the node starts from what the escrow redeemed
		}
		checked++
		ps, err := c.Payouts(ctx, k.Payer, math.MaxUint64, 1<<20) // the whole chain
		if err != nil {
			return fmt.Errorf("restore: payouts of %s: %w", k.Payer.Checksum(), err)
		}
		paid := new(big.Int)
		for _, p := range ps {
			if p.Provider == addr && p.Kind == "settlement" {
				paid.Add(paid, p.Amount)
			}
		}
		known := new(big.Int).Add(orZero(acct.Settled.Amount), orZero(acct.InFlight.Amount))
		if paid.Cmp(known) > 0 {
			stale = append(stale, fmt.Sprintf("owner %s: the escrow paid this node %s USDC, the backup's ledger knows of %s", k.Payer.Checksum(), usdc(paid), usdc(known)))
		}
	}
	if len(stale) > 0 {
		msg := "restore: this backup is older than the chain: settlements were made after it, and a node started from it would settle those requests again:"
		for _, s := range stale {
			msg += "\n  " + s
		}
		return &userError{msg + "\nrestore a newer backup (or --no-chain-check to recover the keys alone, without starting it paid)", wf.ErrInvalid}
	}
	fmt.Fprintf(a.Stderr, "ledger checked against the chain: %d owner account(s), none settled beyond the backup\n", checked)
	return nil
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/spec"
)

func (a *App) deleteCmd() *cobra.Command {
	var provider string
	var asJSON bool
	var kf *keyFlags
	cmd := &cobra.Command{
		Use:   "delete CID",
		Short: "delete a function you own from a provider, freeing its storage",
		Long: `Delete a function from one provider: it stops serving it (404), removes its
spec block and every block no other function stored there uses, and
credits your storage quota there. Only the function's owner may delete it:
the request is signed with your key, for that provider only, and is good
for two minutes.

Other providers keep their copies, and anyone holding the blocks may deploy
the function again. A name pointing at the function keeps working at that
provider only through its other targets.

With --json, prints {"cid", "blocks", "bytes", "used"}: the blocks and
bytes removed and what your deploys still take there.`,
		Example: `  wf delete bagaaiera... --provider http://127.0.0.1:8080 --key dev`,
		Args:    argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := spec.ParseFunction(args[0])
			if err != nil {
				return err
			}
			key, err := a.loadKey(kf.key, kf.passwordFile)
			if err != nil {
				return err
			}
			res, err := client.New(provider).Delete(cmd.Context(), c, key)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(res)
			}
			fmt.Fprintf(a.Stdout, "deleted %s: %d blocks, %d bytes freed; your deploys there now take %d bytes\n", c, res.Blocks, res.Bytes, res.Used)
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&provider, "provider", a.defaultProvider(), "provider base `URL` (env WF_PROVIDER)")
	kf = addKeyFlags(fs, "owner")
	fs.BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	return cmd
}

func (a *App) providerGCCmd() *cobra.Command {
	var data string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "gc",
		Short: "remove blocks no stored function uses from a stopped node's store",
		Long: `Remove from a provider node's block store every block that no stored spec
uses (left by a crash during a deploy or a delete), and the storage
charges of functions whose spec is gone. The node must be stopped: gc
opens its data directory as the node would, and is refused while the node
runs. Interrupted (even by kill -9), it leaves a store the next gc
finishes.

With --json, prints {"blocks", "bytes", "charges"}: the blocks and bytes
removed and the charges dropped.`,
		Example: `  wf provider gc --data ~/.wf/provider`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.providerGC(cmd.Context(), data, asJSON)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&data, "data", filepath.Join(a.home(), "provider"), "the node's data `DIR`")
	fs.BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	return cmd
}

func (a *App) providerGC(ctx context.Context, dir string, asJSON bool) error {
	// The node is opened, not served: its lock keeps a running node and
	// gc apart, and its provider does the sweep.
	n, err := node.Open(ctx, node.Config{Dir: dir, PublicURL: "http://gc.invalid"})
	if errors.Is(err, node.ErrLocked) {
		return fmt.Errorf("stop the node first: %w", err)
	}
	if err != nil {
		return err
	}
	defer n.Close(context.WithoutCancel(ctx))
	res, err := n.Provider().GC(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return a.printJSON(res)
	}
	fmt.Fprintf(a.Stdout, "removed %d blocks (%d bytes) and %d stale charges from %s\n", res.Blocks, res.Bytes, res.Charges, dir)
	return nil
}

package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
)

// knownDeployments are the public deployments of the contracts, by chain
// id, built into wf: joining one of these networks needs only --rpc, no
// file passed around. A release adds an entry once the contracts are
// deployed on a public chain and their addresses checked (docs/operators.md,
// "Joining a network"); development chains (1337) are never listed, as
// every dev chain deploys its own. Saved deployments ($WF_HOME/contracts.json,
// wf contracts import) and --contracts come first.
var knownDeployments = map[uint64]deployment{}

// knownDeployment is the built-in deployment for the chain at rpc, if the
// chain's id has one; err says when nothing answers at rpc.
func knownDeployment(rpc string) (d deployment, ok bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	id, err := chain.ChainIDAt(ctx, rpc)
	if err != nil {
		return deployment{}, false, err
	}
	d, ok = knownDeployments[id]
	return d, ok, nil
}

func (a *App) contractsImportCmd() *cobra.Command {
	o := &chainOpts{}
	cmd := &cobra.Command{
		Use:   "import FILE|URL",
		Short: "remember a network's contract addresses for --rpc, checked against the chain",
		Long: `Read a network's contract addresses (the JSON wf contracts deploy --out
writes: chainId, token, registry, escrow, optionally attestations) from a
file or an https URL, check them against the chain at --rpc (its chain id,
and that the registry and escrow answer as wf's contracts do), and
remember them for that URL in $WF_HOME/contracts.json, so that every
other command finds them with --rpc alone.`,
		Example: `  wf contracts import https://network.example/contracts.json --rpc https://rpc.example
  wf contracts import contracts.json --rpc http://10.0.0.5:8545`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.contractsImport(cmd.Context(), args[0], o)
		},
	}
	addRPCFlag(cmd.Flags(), o, "the chain")
	return cmd
}

func (a *App) contractsImport(ctx context.Context, src string, o *chainOpts) error {
	b, err := readSource(ctx, src)
	if err != nil {
		return err
	}
	var d deployment
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return invalid("%s is not a contracts file (chainId, token, registry, escrow): %v", src, err)
	}
	if d.ChainID == 0 || d.Token.IsZero() || d.Registry.IsZero() || d.Escrow.IsZero() {
		return invalid("%s lacks chainId, token, registry or escrow", src)
	}
	// dial checks the chain id; the reads check that the contracts are
	// there and are wf's.
	f, err := os.CreateTemp("", "wf-contracts-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	f.Write(b)
	f.Close()
	oo := *o
	oo.contractsFile = f.Name()
	c, err := a.dial(ctx, &oo, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	delay, err := c.WithdrawDelay(ctx)
	if err != nil {
		return fmt.Errorf("the escrow at %s does not answer as wf's escrow: %w", d.Escrow.Checksum(), err)
	}
	n, err := c.ProviderCount(ctx)
	if err != nil {
		return fmt.Errorf("the registry at %s does not answer as wf's registry: %w", d.Registry.Checksum(), err)
	}
	if _, err := c.TokenBalance(ctx, d.Escrow); err != nil {
		return fmt.Errorf("the token at %s does not answer as an ERC-20: %w", d.Token.Checksum(), err)
	}
	rpc := a.rpcURL(o)
	if err := a.saveDeployment(rpc, d); err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "chain     %d at %s\ntoken     %s\nregistry  %s (%d providers)\nescrow    %s (withdrawal delay %s)\nsaved in  %s: wf commands with --rpc %s use these\n",
		d.ChainID, rpc, d.Token.Checksum(), d.Registry.Checksum(), n, d.Escrow.Checksum(), delay, a.contractsStore(), rpc)
	return nil
}

// readSource reads a file, or an http(s) URL with a bounded body.
func readSource(ctx context.Context, src string) ([]byte, error) {
	if !strings.HasPrefix(src, "https://") && !strings.HasPrefix(src, "http://") {
		return os.ReadFile(src)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", src, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

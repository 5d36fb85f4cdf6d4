package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/webfunctions/wf/chain"
)

// paidNet is a dev chain in its own process (`wf chain start`, pinned to
// the load CPU: it works only when a provider settles), with the dev key's
// escrow funded: the functions the benchmark deploys are the dev key's, so
// an owner-pays request is paid from it.
type paidNet struct {
	chain *process
	home  string // WF_HOME of the chain and the paid providers: the contract addresses
	next  int    // the next dev key for a provider
}

func (r *runner) startPaidNet(ctx context.Context) (*paidNet, error) {
	home := filepath.Join(r.cfg.Work, "chain.home")
	os.RemoveAll(home)
	p, err := start(ctx, r.cfg.LoadCPU, filepath.Join(r.cfg.Work, "chain.log"), []string{"WF_HOME=" + home},
		r.cfg.WF, "chain", "start", "--accounts", "8")
	if err != nil {
		return nil, err
	}
	pn := &paidNet{chain: p, home: home, next: 1}
	if err := pn.wf(ctx, r.cfg.WF, "escrow", "deposit", "500000", "--key", "dev", "--rpc", p.URL); err != nil {
		p.stop()
		return nil, err
	}
	return pn, nil
}

// provider starts a paid `wf provider start` (price 0.0001 USDC, its own
// dev key, the defaults otherwise, plus extra flags) pinned to the server
// CPU, with the dev key's allowance for it.
func (pn *paidNet) provider(ctx context.Context, r *runner, name string, extra ...string) (*process, error) {
	i := pn.next
	pn.next++
	addr := chain.DevKey(i).Address()
	if err := pn.wf(ctx, r.cfg.WF, "escrow", "approve", addr.String(), "--budget", "400000", "--max-price", "0.001",
		"--key", "dev", "--rpc", pn.chain.URL); err != nil {
		return nil, err
	}
	dir := r.dataDir(name)
	argv := append([]string{r.cfg.WF, "provider", "start", "--data", dir, "--price", "0.0001",
		"--key", "dev:" + strconv.Itoa(i), "--rpc", pn.chain.URL}, extra...)
	return start(ctx, r.cfg.ServerCPU, dir+".log", []string{"WF_HOME=" + pn.home}, argv...)
}

func (pn *paidNet) wf(ctx context.Context, bin string, args ...string) error {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "WF_HOME="+pn.home)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("bench: wf %v: %v\n%s", args, err, out)
	}
	return nil
}

func (pn *paidNet) stop() { pn.chain.stop() }

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// paidNet is a dev chain in its own process (`wf chain start`, pinned to
// the load CPU: it works only when a provider settles), with the dev key's
// escrow funded: the functions the benchmark deploys are the dev key's, so
// an owner-pays request is paid from it.
type paidNet struct {
	chain   *process
	home    string // WF_HOME of the chain and the paid providers: the contract addresses
	next    int    // the next dev key for a provider
	chainID uint64
	escrow  wf.Address
}

// callerKey is the dev key that pays as the caller (wfbench load -payer).
const callerKey = 7

func (r *runner) startPaidNet(ctx context.Context) (*paidNet, error) {
	home := filepath.Join(r.cfg.Work, "chain.home")
	os.RemoveAll(home)
	p, err := start(ctx, r.cfg.LoadCPU, filepath.Join(r.cfg.Work, "chain.log"), []string{"WF_HOME=" + home},
		r.cfg.WF, "chain", "start", "--accounts", "8")
	if err != nil {
		return nil, err
	}
	pn := &paidNet{chain: p, home: home, next: 1}
	for _, key := range []string{"dev", "dev:" + strconv.Itoa(callerKey)} {
		if err := pn.wf(ctx, r.cfg.WF, "escrow", "deposit", "500000", "--key", key, "--rpc", p.URL); err != nil {
			p.stop()
			return nil, err
		}
	}
	b, err := os.ReadFile(filepath.Join(home, "contracts.json"))
	if err != nil {
		p.stop()
		return nil, err
	}
	var saved map[string]struct {
		ChainID uint64     `json:"chainId"`
		Escrow  wf.Address `json:"escrow"`
	}
	if err := json.Unmarshal(b, &saved); err != nil || saved[p.URL].Escrow.IsZero() {
		p.stop()
		return nil, fmt.Errorf("bench: no escrow for %s in %s: %v", p.URL, home, err)
	}
	pn.chainID, pn.escrow = saved[p.URL].ChainID, saved[p.URL].Escrow
	return pn, nil
}

// callerFlags are wfbench load's flags for the caller paying provider.
func (pn *paidNet) callerFlags(provider wf.Address) []string {
	return []string{"-payer", strconv.Itoa(callerKey), "-chain-id", strconv.FormatUint(pn.chainID, 10),
		"-escrow", pn.escrow.String(), "-provider", provider.String()}
}

// provider starts a paid `wf provider start` (price 0.0001 USDC, its own
// dev key, the defaults otherwise, plus extra flags) pinned to the server
// CPU, with the dev key's allowance for it.
func (pn *paidNet) provider(ctx context.Context, r *runner, name string, extra ...string) (*process, wf.Address, error) {
	i := pn.next
	pn.next++
	addr := chain.DevKey(i).Address()
	if err := pn.wf(ctx, r.cfg.WF, "escrow", "approve", addr.String(), "--budget", "400000", "--max-price", "0.001",
		"--key", "dev", "--rpc", pn.chain.URL); err != nil {
		return nil, wf.Address{}, err
	}
	dir := r.dataDir(name)
	argv := append([]string{r.cfg.WF, "provider", "start", "--data", dir, "--price", "0.0001",
		"--key", "dev:" + strconv.Itoa(i), "--rpc", pn.chain.URL}, extra...)
	p, err := start(ctx, r.cfg.ServerCPU, dir+".log", []string{"WF_HOME=" + pn.home}, argv...)
	return p, addr, err
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

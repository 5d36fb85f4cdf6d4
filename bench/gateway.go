package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
)

// gatewayName is the registered name of the provider the gateway row
// routes to.
const gatewayName = "gwbench"

// gatewayPath starts what the gateway row measures: an unpaid provider
// with its own dev key, registered on pn's chain as gatewayName, and
// `wf gateway start` (domain localhost) reading that registry, both pinned
// to the server CPU, so the row is the cost of the path per core; it
// (no per-client rate limit: the load comes from one address) deploys the
// AssemblyScript guest and returns the gateway URL that
// reaches it by name (/p/NAME/CID/), once the gateway routes there.
func (r *runner) gatewayPath(ctx context.Context, pn *paidNet) (prov, gw *process, url string, err error) {
	i := pn.next
	pn.next++
	key := "dev:" + strconv.Itoa(i)
	addr, err := freePort()
	if err != nil {
		return nil, nil, "", err
	}
	// Registered first: a node started with --name checks the registry.
	if err := pn.wf(ctx, r.cfg.WF, "provider", "register", gatewayName, "--endpoint", "http://"+addr, "--price", "0.0001",
		"--key", key, "--rpc", pn.chain.URL); err != nil {
		return nil, nil, "", err
	}
	dir := r.dataDir("gateway-provider")
	// --name: a free node holds its key only to prove its name; the
	// self-check only warns that it charges less than the registry says.
	prov, err = startAt(ctx, r.cfg.ServerCPU, dir+".log", []string{"WF_HOME=" + pn.home}, "", addr,
		r.cfg.WF, "provider", "start", "--data", dir, "--key", key, "--rpc", pn.chain.URL, "--name", gatewayName, "--self-check", "warn", "--listen", addr)
	if err != nil {
		return nil, nil, "", err
	}
	fail := func(err error) (*process, *process, string, error) {
		prov.stop()
		if gw != nil {
			gw.stop()
		}
		return nil, nil, "", err
	}
	path, err := r.deploy(ctx, prov.URL, AssemblyScript().Wasm, nil)
	if err != nil {
		return fail(fmt.Errorf("bench: deploy behind the gateway: %w", err))
	}
	gw, err = start(ctx, r.cfg.ServerCPU, filepath.Join(r.cfg.Work, "gateway.log"), []string{"WF_HOME=" + pn.home},
		r.cfg.WF, "gateway", "start", "--domain", "localhost", "--rpc", pn.chain.URL, "--poll", "200ms", "--rate", "-1")
	if err != nil {
		return fail(err)
	}
	// The gateway serves its domain's hosts only; localhost resolves to
	// 127.0.0.1 here (wrk resolves it too).
	url = strings.Replace(gw.URL, "127.0.0.1", "localhost", 1) + "/p/" + gatewayName + path
	// The gateway learns the name from the registry's events.
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(url + "?name=bench")
		if err == nil {
			b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return prov, gw, url, nil
			}
			err = fmt.Errorf("%s: %s", resp.Status, b)
		}
		if time.Now().After(deadline) {
			return fail(fmt.Errorf("bench: the gateway does not route to %s (%s; logs in %s): %v", gatewayName, chain.DevKey(i).Address(), r.cfg.Work, err))
		}
		select {
		case <-ctx.Done():
			return fail(ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/wf"
)

// LoadConfig is one run of the Go load generator (`wfbench load`), which
// measures what wrk cannot: caller-pays requests, each authorized by the
// caller's session (package client's Payer: the first signed, the rest
// with the keyed session's MAC). The benchmark compares it
// with the same generator on the unpaid path, never with wrk's figures.
type LoadConfig struct {
	URL      string // the provider
	Function wf.CID
	Conns    int
	Duration time.Duration
	// Payer, when set, pays for each request as the caller.
	Payer *client.Payer
}

// Result is one load run's figures, as wfbench load prints them.
type Result = load

// Load runs cfg: Conns goroutines each sending GET /CID/?name=bench one
// after another for Duration, through package client on keep-alive
// connections.
func Load(ctx context.Context, cfg LoadConfig) (Result, error) {
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Conns}, Timeout: time.Minute}
	c := client.New(cfg.URL)
	c.HTTP = hc
	if cfg.Payer != nil {
		c.Pay = cfg.Payer
	}
	var (
		mu     sync.Mutex
		lat    []time.Duration
		failed int64
		wg     sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cpu0, cerr := selfCPU()
	start := time.Now()
	end := start.Add(cfg.Duration)
	for range cfg.Conns {
		wg.Go(func() {
			var mine []time.Duration
			var bad int64
			for time.Now().Before(end) && ctx.Err() == nil {
				t := time.Now()
				resp, err := c.Invoke(ctx, cfg.Function, client.Request{Path: "/?name=bench"})
				if err != nil {
					bad++
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || string(body) != "Hello, bench!\n" {
					bad++
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			failed += bad
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu1, cerr1 := selfCPU()
	if len(lat) == 0 {
		return load{}, fmt.Errorf("bench: load %s: no request succeeded (%d failed)", cfg.URL, failed)
	}
	slices.Sort(lat)
	var loadCPU time.Duration
	if cerr == nil && cerr1 == nil {
		loadCPU = (cpu1 - cpu0) / time.Duration(int64(len(lat))+failed)
	}
	return load{LoadCPUPerReq: loadCPU, RPS: float64(len(lat)) / elapsed.Seconds(), P50: lat[len(lat)/2], P99: lat[len(lat)*99/100],
		Requests: int64(len(lat)) + failed, Failed: failed, Conns: cfg.Conns, Duration: cfg.Duration, TargetURL: cfg.URL}, nil
}

// goLoad runs `wfbench load` (Config.Loader) pinned to the load CPU and
// reads its result. payer are its flags naming the caller who pays
// (none: unpaid).
func (r *runner) goLoad(ctx context.Context, url string, fn wf.CID, conns int, d time.Duration, payer []string) (load, error) {
	argv := append(append([]string(nil), r.cfg.Loader...), "-url", url, "-fn", fn.String(), "-conns", strconv.Itoa(conns), "-d", d.String())
	argv = append(argv, payer...)
	if dir := os.Getenv("WFBENCH_LOAD_PROFILE"); dir != "" {
		// For profiling the generator: one CPU profile per run.
		r.loadRuns++
		argv = append(argv, "-cpuprofile", filepath.Join(dir, fmt.Sprintf("load-%02d-paid=%t.pprof", r.loadRuns, len(payer) > 0)))
	}
	if r.cfg.LoadCPU != "" {
		argv = append([]string{"taskset", "-c", r.cfg.LoadCPU}, argv...)
	}
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return load{}, fmt.Errorf("bench: %s: %v\n%s", strings.Join(argv, " "), err, ee.Stderr)
		}
		return load{}, err
	}
	var l load
	if err := json.Unmarshal(out, &l); err != nil {
		return load{}, fmt.Errorf("bench: wfbench load: %w: %s", err, out)
	}
	return l, nil
}

// DevPayer is the client.Payer of dev key i for provider on the escrow,
// with 100 USDC of headroom, so a session's voucher is rarely renewed.
func DevPayer(i int, chainID uint64, escrow, provider wf.Address) *client.Payer {
	return &client.Payer{Signer: chain.DevKey(i), ChainID: chainID, Escrow: escrow, Provider: provider,
		Headroom: wf.NewAmount(big.NewInt(100_000_000))}
}

// selfCPU is this process's user and system CPU time so far.
func selfCPU() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}

package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// cold measures first requests: right after a deploy (the deploy
// compiles; the first request loads the spec and instantiates) and right
// after a provider restart on the same data directory, where the module
// comes from the on-disk compile cache.
func (r *runner) cold(ctx context.Context) error {
	dir := r.dataDir("cold")
	prov, err := r.provider(ctx, dir)
	if err != nil {
		return err
	}
	defer func() {
		if prov != nil {
			prov.stop()
		}
	}()

	type afterDeploy struct{ deploy, first, second []time.Duration }
	deployed := map[string]*afterDeploy{}
	paths := map[string]string{}
	for _, g := range r.guests {
		a := &afterDeploy{}
		deployed[g.Name] = a
		for i := range r.cfg.ColdRuns {
			r.progress("cold start after deploy: %s %d/%d", g.Name, i+1, r.cfg.ColdRuns)
			// A variant per run, so each deploy compiles as a new
			// function's would.
			r.seq++
			t := time.Now()
			path, err := r.deploy(ctx, prov.URL, Variant(g.Wasm, r.seq), nil)
			if err != nil {
				return err
			}
			a.deploy = append(a.deploy, time.Since(t))
			url := prov.URL + path
			first, err := get(ctx, url)
			if err != nil {
				return err
			}
			second, err := get(ctx, url)
			if err != nil {
				return err
			}
			a.first, a.second = append(a.first, first), append(a.second, second)
			paths[g.Name] = path
		}
	}

	type afterRestart struct {
		startup, first, warmed, afterWarm []time.Duration
		firstCPU, afterWarmCPU            []time.Duration // the provider's CPU time during the request
	}
	restarted := map[string]*afterRestart{}
	for _, g := range r.guests {
		a := &afterRestart{}
		restarted[g.Name] = a
		for i := range r.cfg.ColdRuns {
			r.progress("cold start after restart: %s %d/%d", g.Name, i+1, r.cfg.ColdRuns)
			if err := prov.stop(); err != nil {
				return err
			}
			t := time.Now()
			if prov, err = r.provider(ctx, dir); err != nil {
				return err
			}
			a.startup = append(a.startup, time.Since(t))
			first, cpu, err := getCPU(ctx, prov, prov.URL+paths[g.Name])
			if err != nil {
				return err
			}
			a.first, a.firstCPU = append(a.first, first), append(a.firstCPU, cpu)
			// Again, but the request waits for the provider's warm-up
			// (it loads the functions it had loaded, in the background).
			if err := prov.stop(); err != nil {
				return err
			}
			t = time.Now()
			if prov, err = r.provider(ctx, dir); err != nil {
				return err
			}
			if err := waitWarm(ctx, prov.URL); err != nil {
				return err
			}
			a.warmed = append(a.warmed, time.Since(t))
			first, cpu, err = getCPU(ctx, prov, prov.URL+paths[g.Name])
			if err != nil {
				return err
			}
			a.afterWarm, a.afterWarmCPU = append(a.afterWarm, first), append(a.afterWarmCPU, cpu)
		}
	}

	fmt.Fprintf(r.out, "\n## Cold start\n\n")
	fmt.Fprintf(r.out, "Median (minimum) of %d runs. A request is timed from connect to last byte on a new loopback connection. After deploy: each run deploys a distinct module (its own code CID), so the deploy compiles it. After restart: SIGTERM, start `wf provider start` on the same data directory (warm compile cache), wait for /healthz, then one request (its time, and the provider's CPU time meanwhile, from /proc/PID/task/*/schedstat, in brackets), which may find its function being loaded by the provider's warm-up (it loads the functions it had loaded, most recently used first, in the background). After warm-up: the same, but the request waits until /metrics shows the warm-up done (every function deployed here is listed, so the warm-up loads all of them).\n\n", r.cfg.ColdRuns)
	fmt.Fprintf(r.out, "| guest | size | deploy | first request after deploy | second request | provider start to /healthz | first request after restart | start to warm-up done | first request after warm-up |\n")
	fmt.Fprintf(r.out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, g := range r.guests {
		d, s := deployed[g.Name], restarted[g.Name]
		fmt.Fprintf(r.out, "| %s | %s | %s | %s | %s | %s | %s [CPU %s] | %s | %s [CPU %s] |\n", g.Name, kib(int64(len(g.Wasm))),
			medMin(d.deploy), medMin(d.first), medMin(d.second), medMin(s.startup),
			medMin(s.first), ms(median(s.firstCPU)), medMin(s.warmed), medMin(s.afterWarm), ms(median(s.afterWarmCPU)))
	}
	if s := restarted["go"]; s != nil {
		name := fmt.Sprintf("Go guest: first request after a restart (warm compile cache) < %s", ms(goalColdStart))
		d := median(s.afterWarm)
		r.judge(name+", once the warm-up is done", ms(d), d > 0 && d < goalColdStart)
		d = median(s.first)
		r.judge(name+", right after /healthz (before the warm-up has loaded it)", ms(d), d > 0 && d < goalColdStart)
	}
	return nil
}

// medMin shows the median and, for a sense of the noise, the minimum.
func medMin(ds []time.Duration) string {
	return ms(median(ds)) + " (" + ms(slices.Min(ds)) + ")"
}

// waitWarm polls the provider's /metrics until its warm-up has loaded what
// it listed (wf_warmup_pending_functions 0); a provider without the metric
// (built before the warm-up) has nothing to wait for.
func waitWarm(ctx context.Context, url string) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"/metrics", nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		pending := "" // a provider without a warm-up has no such metric
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "wf_warmup_pending_functions "); ok {
				pending = strings.TrimSpace(v)
			}
		}
		if pending == "" || pending == "0" {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
	return fmt.Errorf("bench: %s: the warm-up did not finish within 2 minutes", url)
}

// getCPU is get, also returning the CPU time prov used meanwhile (its
// threads' run time from /proc/PID/task/*/schedstat, in nanoseconds: the
// 10 ms ticks of /proc/PID/stat are too coarse for one request).
func getCPU(ctx context.Context, prov *process, url string) (time.Duration, time.Duration, error) {
	pid := prov.cmd.Process.Pid
	c0, err := runTime(pid)
	if err != nil {
		return 0, 0, err
	}
	d, err := get(ctx, url)
	if err != nil {
		return 0, 0, err
	}
	c1, err := runTime(pid)
	if err != nil {
		return 0, 0, err
	}
	return d, c1 - c0, nil
}

// runTime sums the time process pid's threads have run (the first field of
// each /proc/PID/task/TID/schedstat).
func runTime(pid int) (time.Duration, error) {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	if err != nil || len(tasks) == 0 {
		return 0, fmt.Errorf("bench: threads of %d: %v", pid, err)
	}
	var sum time.Duration
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue // the thread ended
		}
		f := strings.Fields(string(b))
		if len(f) == 0 {
			continue
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("bench: %s: %w", t, err)
		}
		sum += time.Duration(n)
	}
	return sum, nil
}

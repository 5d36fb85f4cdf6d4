package bench

import (
	"context"
	"fmt"
	"slices"
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

	type afterRestart struct{ startup, first []time.Duration }
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
			first, err := get(ctx, prov.URL+paths[g.Name])
			if err != nil {
				return err
			}
			a.first = append(a.first, first)
		}
	}

	fmt.Fprintf(r.out, "\n## Cold start\n\n")
	fmt.Fprintf(r.out, "Median (minimum) of %d runs. A request is timed from connect to last byte on a new loopback connection. After deploy: each run deploys a distinct module (its own code CID), so the deploy compiles it. After restart: SIGTERM, start `wf provider start` on the same data directory (warm compile cache), wait for /healthz, then one request.\n\n", r.cfg.ColdRuns)
	fmt.Fprintf(r.out, "| guest | size | deploy | first request after deploy | second request | provider start to /healthz | first request after restart |\n")
	fmt.Fprintf(r.out, "|---|---:|---:|---:|---:|---:|---:|\n")
	for _, g := range r.guests {
		d, s := deployed[g.Name], restarted[g.Name]
		fmt.Fprintf(r.out, "| %s | %s | %s | %s | %s | %s | %s |\n", g.Name, kib(int64(len(g.Wasm))),
			medMin(d.deploy), medMin(d.first), medMin(d.second), medMin(s.startup), medMin(s.first))
	}
	return nil
}

// medMin shows the median and, for a sense of the noise, the minimum.
func medMin(ds []time.Duration) string {
	return ms(median(ds)) + " (" + ms(slices.Min(ds)) + ")"
}

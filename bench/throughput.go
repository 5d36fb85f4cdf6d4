package bench

import (
	"context"
	"fmt"
	"path/filepath"
	"time"
)

// target is one server URL under load.
type target struct {
	name, url string
	loaded    []load // per round, wrk with Config.Conns connections
	single    []load // per round, wrk with one connection
}

// throughput runs wrk against the native handler and each guest through
// a provider, both pinned to the same CPU, interleaving them round by
// round so load from elsewhere on the machine falls on all of them alike.
func (r *runner) throughput(ctx context.Context) error {
	nat, err := start(ctx, r.cfg.ServerCPU, filepath.Join(r.cfg.Work, "native.log"), nil, r.cfg.Native...)
	if err != nil {
		return err
	}
	defer nat.stop()
	prov, err := r.provider(ctx, r.dataDir("throughput"))
	if err != nil {
		return err
	}
	defer prov.stop()

	targets := []*target{{name: "native Go net/http handler", url: nat.URL + "/"}}
	for _, g := range r.guests {
		path, err := r.deploy(ctx, prov.URL, g.Wasm, nil)
		if err != nil {
			return fmt.Errorf("bench: deploy the %s guest: %w", g.Name, err)
		}
		targets = append(targets, &target{name: g.Name + " guest via provider", url: prov.URL + path})
	}
	for _, t := range targets {
		if _, err := get(ctx, t.url); err != nil {
			return err
		}
	}
	for round := range r.cfg.Rounds {
		for _, t := range targets {
			url := t.url + "?name=bench"
			r.progress("throughput round %d/%d: %s", round+1, r.cfg.Rounds, t.name)
			if _, err := wrk(ctx, r.cfg.LoadCPU, r.cfg.Conns, r.cfg.Warmup, url); err != nil {
				return err
			}
			loaded, err := wrk(ctx, r.cfg.LoadCPU, r.cfg.Conns, r.cfg.Duration, url)
			if err != nil {
				return err
			}
			single, err := wrk(ctx, r.cfg.LoadCPU, 1, r.cfg.Duration, url)
			if err != nil {
				return err
			}
			for _, l := range []load{loaded, single} {
				if l.Failed > 0 {
					return fmt.Errorf("bench: %s: %d of %d requests failed (see the logs in %s)", t.name, l.Failed, l.Requests, r.cfg.Work)
				}
			}
			t.loaded = append(t.loaded, loaded)
			t.single = append(t.single, single)
		}
	}

	fmt.Fprintf(r.out, "\n## Throughput and latency, server on one core\n\n")
	fmt.Fprintf(r.out, "GET /?name=bench on loopback; wrk -t1, %s per run after a %s warm-up; median of %d interleaved rounds; ratio = req/s over the native handler's in the same round.\n\n",
		r.cfg.Duration, r.cfg.Warmup, r.cfg.Rounds)
	fmt.Fprintf(r.out, "| server | req/s (%d conns) | ratio | p50 | p99 | req/s (1 conn) | ratio | p50 | p99 |\n", r.cfg.Conns)
	fmt.Fprintf(r.out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	native := targets[0]
	for _, t := range targets {
		fmt.Fprintf(r.out, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", t.name,
			rps(t.loaded), ratio(t.loaded, native.loaded), lat(t.loaded, p50), lat(t.loaded, p99),
			rps(t.single), ratio(t.single, native.single), lat(t.single, p50), lat(t.single, p99))
	}
	return nil
}

func p50(l load) time.Duration { return l.P50 }
func p99(l load) time.Duration { return l.P99 }

func rps(ls []load) string {
	var v []float64
	for _, l := range ls {
		v = append(v, l.RPS)
	}
	return fmt.Sprintf("%.0f", median(v))
}

// ratio is the median over rounds of ls's req/s over base's.
func ratio(ls, base []load) string {
	var v []float64
	for i := range ls {
		v = append(v, ls[i].RPS/base[i].RPS)
	}
	return fmt.Sprintf("%.3f", median(v))
}

func lat(ls []load, f func(load) time.Duration) string {
	var v []time.Duration
	for _, l := range ls {
		v = append(v, f(l))
	}
	return ms(median(v))
}

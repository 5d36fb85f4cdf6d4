package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/webfunctions/wf/wf"
)

// target is one server URL under load.
type target struct {
	name, url string
	paid      *target // for a paid path: the same guest unpaid
	// Measured by the Go load generator instead of wrk (caller-pays, and
	// its unpaid reference): base URL, function and the payer's flags.
	goload bool
	base   string
	fn     wf.CID
	payer  []string
	procs  []*process // the server processes, for CPU per request (none: not measured)
	loaded []load     // per round, wrk with Config.Conns connections
	single []load     // per round, wrk with one connection
}

// throughput runs wrk against the native handler, the peers (workerd and
// Deno serving the same function in JavaScript, when Config names them),
// each guest through an unpaid provider, and the AssemblyScript guest
// through a gateway that routes by the dev chain's registry (gateway and
// provider on the server core) and through paid providers (owner pays)
// against that dev chain in its own process: with the provider's
// defaults, and strict (every charge synced and every receipt signed
// before the response). Servers are pinned to
// the same CPU, and the targets alternate round by round so load from
// elsewhere on the machine falls on all of them alike.
func (r *runner) throughput(ctx context.Context) error {
	nat, err := start(ctx, r.cfg.ServerCPU, filepath.Join(r.cfg.Work, "native.log"), nil, r.cfg.Native...)
	if err != nil {
		return err
	}
	defer nat.stop()
	targets := []*target{{name: "native Go net/http handler", url: nat.URL + "/", procs: []*process{nat}}}
	if r.cfg.Workerd != "" {
		p, err := startWorkerd(ctx, r.cfg.ServerCPU, r.cfg.Workerd, r.cfg.Work)
		if err != nil {
			return err
		}
		defer p.stop()
		targets = append(targets, &target{name: "workerd (same function in JS)", url: p.URL + "/"})
	}
	if r.cfg.Deno != "" {
		p, err := startDeno(ctx, r.cfg.ServerCPU, r.cfg.Deno, r.cfg.Work)
		if err != nil {
			return err
		}
		defer p.stop()
		targets = append(targets, &target{name: "Deno.serve (same function in JS)", url: p.URL + "/"})
	}
	var debug []string
	if a := os.Getenv("WFBENCH_UNPAID_DEBUG_ADDR"); a != "" {
		// For profiling: pprof on the unpaid provider.
		debug = []string{"--debug-addr", a}
	}
	prov, err := r.provider(ctx, r.dataDir("throughput"), debug...)
	if err != nil {
		return err
	}
	defer prov.stop()
	var unpaidAS *target
	for _, g := range r.guests {
		if r.cfg.PaidOnly && g.Name != "assemblyscript" {
			continue
		}
		path, err := r.deploy(ctx, prov.URL, g.Wasm, nil)
		if err != nil {
			return fmt.Errorf("bench: deploy the %s guest: %w", g.Name, err)
		}
		t := &target{name: g.Name + " guest via provider, unpaid", url: prov.URL + path, procs: []*process{prov}}
		if g.Name == "assemblyscript" {
			unpaidAS = t
		}
		targets = append(targets, t)
	}
	if !r.cfg.NoPaid && unpaidAS != nil {
		pn, err := r.startPaidNet(ctx)
		if err != nil {
			return err
		}
		defer pn.stop()
		if !r.cfg.PaidOnly {
			gp, gw, gurl, err := r.gatewayPath(ctx, pn)
			if err != nil {
				return err
			}
			defer gp.stop()
			defer gw.stop()
			targets = append(targets, &target{name: "assemblyscript via gateway (/p/NAME/) to a provider, unpaid, both on the server core", url: gurl, procs: []*process{gp, gw}})
		}
		for _, v := range []struct {
			name  string
			flags []string
		}{
			{"assemblyscript via provider, owner pays (defaults)", nil},
			{"assemblyscript via provider, owner pays, strict (--ledger-sync 0 --receipt-every 1)", []string{"--ledger-sync", "0", "--receipt-every", "1"}},
		} {
			if r.cfg.PaidOnly && v.flags != nil {
				continue
			}
			flags := v.flags
			if a := os.Getenv("WFBENCH_PAID_DEBUG_ADDR"); a != "" && v.flags == nil {
				// For profiling the paid path: pprof on the defaults provider.
				flags = []string{"--debug-addr", a}
			}
			p, addr, err := pn.provider(ctx, r, "paid", flags...)
			if err != nil {
				return err
			}
			defer p.stop()
			path, err := r.deploy(ctx, p.URL, AssemblyScript().Wasm, nil)
			if err != nil {
				return fmt.Errorf("bench: deploy to the paid provider: %w", err)
			}
			targets = append(targets, &target{name: v.name, url: p.URL + path, paid: unpaidAS, procs: []*process{p}})
			if v.flags == nil && len(r.cfg.Loader) > 0 {
				// Caller-pays needs each request authorized (a session's
				// first signed, the rest with its MAC): the Go load
				// generator, on the unpaid path too for the ratio.
				fn, err := wf.ParseCID(strings.Trim(path, "/"))
				if err != nil {
					return err
				}
				unpaidFn, err := wf.ParseCID(strings.Trim(strings.TrimPrefix(unpaidAS.url, prov.URL), "/"))
				if err != nil {
					return err
				}
				ref := &target{name: "assemblyscript via provider, unpaid (Go client)", url: unpaidAS.url, goload: true,
					base: prov.URL, fn: unpaidFn, procs: []*process{prov}}
				targets = append(targets, ref, &target{name: "assemblyscript via provider, caller pays (Go client, defaults)",
					url: p.URL + path, goload: true, base: p.URL, fn: fn, payer: pn.callerFlags(addr), paid: ref, procs: []*process{p}})
			}
		}
	}
	for _, t := range targets {
		if t.payer == nil {
			if _, err := get(ctx, t.url); err != nil {
				return err
			}
		}
	}
	for round := range r.cfg.Rounds {
		for _, t := range targets {
			url := t.url + "?name=bench"
			r.progress("throughput round %d/%d: %s", round+1, r.cfg.Rounds, t.name)
			run := func(conns int, d time.Duration) (load, error) {
				if t.goload {
					return r.goLoad(ctx, t.base, t.fn, conns, d, t.payer)
				}
				return wrk(ctx, r.cfg.LoadCPU, conns, d, url)
			}
			if _, err := run(r.cfg.Conns, r.cfg.Warmup); err != nil {
				return err
			}
			before, cerr := cpu(t.procs)
			loaded, err := run(r.cfg.Conns, r.cfg.Duration)
			if err != nil {
				return err
			}
			if after, err := cpu(t.procs); cerr == nil && err == nil && len(t.procs) > 0 && loaded.Requests > 0 {
				loaded.CPUPerReq = (after - before) / time.Duration(loaded.Requests)
			}
			single, err := run(1, r.cfg.Duration)
			if err != nil {
				return err
			}
			for _, l := range []load{loaded, single} {
				// A few socket errors on a loaded machine (wrk's timeouts)
				// are noted; more than 1% of requests fail the run.
				if l.Failed*100 > l.Requests {
					return fmt.Errorf("bench: %s: %d of %d requests failed (see the logs in %s)", t.name, l.Failed, l.Requests, r.cfg.Work)
				}
				if l.Failed > 0 {
					r.progress("%s: %d of %d requests failed (under 1%%: kept)", t.name, l.Failed, l.Requests)
				}
			}
			t.loaded = append(t.loaded, loaded)
			t.single = append(t.single, single)
		}
	}

	native := targets[0]
	var workerd *target
	if r.cfg.Workerd != "" {
		workerd = targets[1]
	}
	fmt.Fprintf(r.out, "\n## Throughput and latency, server on one core\n\n")
	fmt.Fprintf(r.out, "GET /?name=bench on loopback; wrk -t1, %s per run after a %s warm-up; median of %d interleaved rounds; ratios = req/s over the native handler's (and workerd's) in the same round. Rows marked (Go client) are driven by wfbench load (package client, whose Payer signs a caller-paid session's first request and authenticates the rest with the session's MAC) instead of wrk: compare them with each other, not with wrk's rows. Server CPU/req is the server processes' user+system CPU time (/proc/PID/stat) over the requests of the loaded run: other load on the machine slows a row but does not add to it.\n\n",
		r.cfg.Duration, r.cfg.Warmup, r.cfg.Rounds)
	fmt.Fprintf(r.out, "| server | req/s (%d conns) | ÷ native | ÷ workerd | p50 | p99 | server CPU/req | req/s (1 conn) | ÷ native | p50 | p99 |\n", r.cfg.Conns)
	fmt.Fprintf(r.out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, t := range targets {
		vsWorkerd := "-"
		if workerd != nil {
			vsWorkerd = ratio(t.loaded, workerd.loaded)
		}
		fmt.Fprintf(r.out, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", t.name,
			rps(t.loaded), ratio(t.loaded, native.loaded), vsWorkerd, lat(t.loaded, p50), lat(t.loaded, p99), cpuPerReq(t.loaded),
			rps(t.single), ratio(t.single, native.single), lat(t.single, p50), lat(t.single, p99))
	}
	var paid []*target
	for _, t := range targets {
		if t.paid != nil {
			paid = append(paid, t)
		}
	}
	if len(paid) > 0 {
		fmt.Fprintf(r.out, "\n### The paid path against the unpaid one\n\n")
		fmt.Fprintf(r.out, "Medians over rounds of the paid provider's figure over the unpaid provider's in the same round (target: req/s at least 0.9x, p99 at most 1.5x).\n\n")
		fmt.Fprintf(r.out, "| paid path | req/s (%d conns) | p99 (%d conns) | server CPU/req (%d conns) | req/s (1 conn) | p50 (1 conn) | p99 (1 conn) | load generator CPU/req, paid / unpaid |\n", r.cfg.Conns, r.cfg.Conns, r.cfg.Conns)
		fmt.Fprintf(r.out, "|---|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, t := range paid {
			gen := "-"
			if t.goload {
				gen = loadCPU(t.loaded) + " / " + loadCPU(t.paid.loaded)
			}
			fmt.Fprintf(r.out, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", t.name,
				ratio(t.loaded, t.paid.loaded), latRatio(t.loaded, t.paid.loaded, p99), latRatio(t.loaded, t.paid.loaded, cpuReq),
				ratio(t.single, t.paid.single), latRatio(t.single, t.paid.single, p50), latRatio(t.single, t.paid.single, p99), gen)
		}
		fmt.Fprintf(r.out, "\nThe load generator's CPU/req is wfbench load's own (it runs on one core: 1/CPU per request caps the req/s it can drive; wrk's is not measured).\n")
	}
	return nil
}

func p50(l load) time.Duration    { return l.P50 }
func cpuReq(l load) time.Duration { return l.CPUPerReq }

// cpuPerReq is the median server CPU per request over rounds, in us.
func cpuPerReq(ls []load) string { return medianUS(ls, cpuReq) }

// loadCPU is the median load generator CPU per request over rounds, in us.
func loadCPU(ls []load) string {
	return medianUS(ls, func(l load) time.Duration { return l.LoadCPUPerReq })
}

// medianUS is the median of f over the rounds that measured it, in us, or
// "-" when none did.
func medianUS(ls []load, f func(load) time.Duration) string {
	var v []time.Duration
	for _, l := range ls {
		if d := f(l); d > 0 {
			v = append(v, d)
		}
	}
	if len(v) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f us", float64(median(v))/1e3)
}

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

// latRatio is the median over rounds of ls's latency f over base's.
func latRatio(ls, base []load, f func(load) time.Duration) string {
	var v []float64
	for i := range ls {
		if b := f(base[i]); b > 0 {
			v = append(v, float64(f(ls[i]))/float64(b))
		}
	}
	return fmt.Sprintf("%.2fx", median(v))
}

func lat(ls []load, f func(load) time.Duration) string {
	var v []time.Duration
	for _, l := range ls {
		v = append(v, f(l))
	}
	return ms(median(v))
}

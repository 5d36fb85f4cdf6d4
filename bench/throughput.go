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
	reference bool    // a paid path shown for reference (strict), not judged
	// Measured by the Go load generator instead of wrk (caller-pays, and
	// its unpaid reference): base URL, function and the payer's flags.
	goload bool
	base   string
	fn     wf.CID
	payer  []string
	procs  []*process // the server processes, for CPU per request (none: not measured)
	loaded []load     // per round, wrk with Config.Conns connections
	single []load     // per round, wrk with one connection
	// For a paid path: Config.Pairs back-to-back runs of it and of its
	// unpaid reference, at Config.Conns connections.
	pairPaid, pairUnpaid []load
}

// measure runs t's load generator with conns connections for d and
// reads the server processes' CPU per request. More than 1% of requests
// failing fails the run.
func (r *runner) measure(ctx context.Context, t *target, conns int, d time.Duration) (load, error) {
	before, cerr := cpu(t.procs)
	var (
		l   load
		err error
	)
	if t.goload {
		l, err = r.goLoad(ctx, t.base, t.fn, conns, d, t.payer)
	} else {
		l, err = wrk(ctx, r.cfg.LoadCPU, conns, d, t.url+"?name=bench")
	}
	if err != nil {
		return l, err
	}
	if after, err := cpu(t.procs); cerr == nil && err == nil && len(t.procs) > 0 && l.Requests > 0 {
		l.CPUPerReq = (after - before) / time.Duration(l.Requests)
	}
	// A few socket errors on a loaded machine (wrk's timeouts) are noted;
	// more than 1% of requests fail the run.
	if l.Failed*100 > l.Requests {
		return l, fmt.Errorf("bench: %s: %d of %d requests failed (see the logs in %s)", t.name, l.Failed, l.Requests, r.cfg.Work)
	}
	if l.Failed > 0 {
		r.progress("%s: %d of %d requests failed (under 1%%: kept)", t.name, l.Failed, l.Requests)
	}
	return l, nil
}

// pairs measures each paid path against its unpaid reference in
// Config.Pairs pairs of back-to-back runs, the order alternating: rows
// measured a round apart differ by the machine's drift as much as by
// payment.
func (r *runner) pairs(ctx context.Context, paid []*target) error {
	for i := range r.cfg.Pairs {
		for _, t := range paid {
			r.progress("paired runs %d/%d: %s", i+1, r.cfg.Pairs, t.name)
			first, second := t.paid, t
			if i%2 == 1 {
				first, second = t, t.paid
			}
			a, err := r.measure(ctx, first, r.cfg.Conns, r.cfg.PairDuration)
			if err != nil {
				return err
			}
			b, err := r.measure(ctx, second, r.cfg.Conns, r.cfg.PairDuration)
			if err != nil {
				return err
			}
			if i%2 == 1 {
				a, b = b, a
			}
			t.pairUnpaid, t.pairPaid = append(t.pairUnpaid, a), append(t.pairPaid, b)
		}
	}
	return nil
}

// judgeThroughput records the verdicts of the targets the throughput
// table reads: the small guest against workerd and native, each paid
// path against its unpaid one, the Go guest's req/s and p50.
func (r *runner) judgeThroughput(targets, paid []*target, workerd *target) {
	native := targets[0]
	rpsOver := func(t, base []load) (float64, bool) {
		return medianRatio(len(t), func(i int) float64 { return t[i].RPS }, func(i int) float64 { return base[i].RPS })
	}
	for _, t := range targets {
		switch t.name {
		case asUnpaid:
			name := fmt.Sprintf("small guest, unpaid: >= %.1fx workerd's req/s", goalVsWorkerd)
			if workerd != nil {
				v, ok := rpsOver(t.loaded, workerd.loaded)
				r.judgeRatio(name, v, ok, v >= goalVsWorkerd)
			} else {
				r.unjudged(name, "run without workerd")
			}
			v, ok := rpsOver(t.loaded, native.loaded)
			r.judgeRatio(fmt.Sprintf("small guest, unpaid: >= %.2fx native's req/s", goalVsNative), v, ok, v >= goalVsNative)
		case goUnpaid:
			rps := median(rpsOf(t.loaded))
			r.judge(fmt.Sprintf("Go guest: >= %d req/s on one core (%d conns)", goalGoRPS, r.cfg.Conns), fmt.Sprintf("%.0f req/s", rps), rps >= goalGoRPS)
			if v, ok := rpsOver(t.loaded, native.loaded); ok {
				r.judge(fmt.Sprintf("Go guest: the same relative to native (%d of the issue's native %d req/s: >= %.3fx)", goalGoRPS, issueNativeRPS, goalGoVsNative),
					fmt.Sprintf("%.3fx native (native %.0f req/s)", v, median(rpsOf(native.loaded))), v >= goalGoVsNative)
			}
			p := median(latencies(t.single, p50))
			r.judge(fmt.Sprintf("Go guest: p50 < %s at 1 conn", ms(goalGoP50)), ms(p), p > 0 && p < goalGoP50)
		}
	}
	for _, t := range paid {
		if t.reference {
			continue
		}
		v, ok := rpsOver(t.pairPaid, t.pairUnpaid)
		r.judgeRatio(fmt.Sprintf("%s: >= %.1fx unpaid req/s", t.name, goalPaidRPS), v, ok, v >= goalPaidRPS)
		v, ok = medianRatio(len(t.pairPaid), func(i int) float64 { return float64(t.pairPaid[i].P99) }, func(i int) float64 { return float64(t.pairUnpaid[i].P99) })
		r.judgeRatio(fmt.Sprintf("%s: p99 <= %.1fx unpaid", t.name, goalPaidP99), v, ok, v <= goalPaidP99)
		v, ok = medianRatio(len(t.pairPaid), func(i int) float64 { return float64(t.pairPaid[i].CPUPerReq) }, func(i int) float64 { return float64(t.pairUnpaid[i].CPUPerReq) })
		r.judgeRatio(fmt.Sprintf("%s: server CPU per request <= %.1fx unpaid (payment adds at most 10%%)", t.name, goalPaidCPU), v, ok, v <= goalPaidCPU)
	}
}

// The rows the targets name.
const (
	asUnpaid = "assemblyscript guest via provider, unpaid"
	goUnpaid = "go guest via provider, unpaid"
)

func rpsOf(ls []load) []float64 {
	v := make([]float64, len(ls))
	for i, l := range ls {
		v[i] = l.RPS
	}
	return v
}

func latencies(ls []load, f func(load) time.Duration) []time.Duration {
	v := make([]time.Duration, len(ls))
	for i, l := range ls {
		v[i] = f(l)
	}
	return v
}

// throughput runs wrk against the native handler, the peers (workerd and
// Deno serving the same function in JavaScript, when Config names them),
// each guest through an unpaid provider, and the AssemblyScript guest
// through a gateway that routes by the dev chain's registry (gateway and
// provider on the server core) and through paid providers (owner pays)
// against that dev chain in its own process: with the provider's
// defaults, strict (every charge synced and every receipt signed
// before the response), and with owners' charges logged summed (shown,
// not judged: neither is the default). Servers are pinned to
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
			{"assemblyscript via provider, owner pays, owner charges summed (--ledger-sum-owner)", []string{"--ledger-sum-owner"}},
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
			targets = append(targets, &target{name: v.name, url: p.URL + path, paid: unpaidAS, reference: v.flags != nil, procs: []*process{p}})
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
			r.progress("throughput round %d/%d: %s", round+1, r.cfg.Rounds, t.name)
			if _, err := r.measure(ctx, t, r.cfg.Conns, r.cfg.Warmup); err != nil {
				return err
			}
			loaded, err := r.measure(ctx, t, r.cfg.Conns, r.cfg.Duration)
			if err != nil {
				return err
			}
			single, err := r.measure(ctx, t, 1, r.cfg.Duration)
			if err != nil {
				return err
			}
			t.loaded = append(t.loaded, loaded)
			t.single = append(t.single, single)
		}
	}
	var paid []*target
	for _, t := range targets {
		if t.paid != nil {
			paid = append(paid, t)
		}
	}
	if err := r.pairs(ctx, paid); err != nil {
		return err
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
	if len(paid) > 0 {
		fmt.Fprintf(r.out, "\n### The paid path against the unpaid one\n\n")
		fmt.Fprintf(r.out, "At %d connections: medians over %d pairs of back-to-back %s runs of the paid provider and the unpaid one (order alternating), each pair's paid figure over its unpaid one, so drift in the machine's speed between rows cancels; at 1 connection: medians over the rounds above. Target: req/s at least %.1fx, p99 at most %.1fx.\n\n",
			r.cfg.Conns, r.cfg.Pairs, r.cfg.PairDuration, goalPaidRPS, goalPaidP99)
		fmt.Fprintf(r.out, "| paid path | req/s (%d conns) | p99 (%d conns) | server CPU/req (%d conns) | req/s (1 conn) | p50 (1 conn) | p99 (1 conn) | load generator CPU/req, paid / unpaid |\n", r.cfg.Conns, r.cfg.Conns, r.cfg.Conns)
		fmt.Fprintf(r.out, "|---|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, t := range paid {
			gen := "-"
			if t.goload {
				gen = loadCPU(t.pairPaid) + " / " + loadCPU(t.pairUnpaid)
			}
			fmt.Fprintf(r.out, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", t.name,
				ratio(t.pairPaid, t.pairUnpaid), latRatio(t.pairPaid, t.pairUnpaid, p99), latRatio(t.pairPaid, t.pairUnpaid, cpuReq),
				ratio(t.single, t.paid.single), latRatio(t.single, t.paid.single, p50), latRatio(t.single, t.paid.single, p99), gen)
		}
		fmt.Fprintf(r.out, "\nThe load generator's CPU/req is wfbench load's own (it runs on one core: 1/CPU per request caps the req/s it can drive; wrk's is not measured).\n")
	}
	r.judgeThroughput(targets, paid, workerd)
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

func rps(ls []load) string { return fmt.Sprintf("%.0f", median(rpsOf(ls))) }

// ratio is the median over rounds of ls's req/s over base's.
func ratio(ls, base []load) string {
	v, _ := medianRatio(len(ls), func(i int) float64 { return ls[i].RPS }, func(i int) float64 { return base[i].RPS })
	return fmt.Sprintf("%.3f", v)
}

// latRatio is the median over rounds of ls's latency f over base's.
func latRatio(ls, base []load, f func(load) time.Duration) string {
	v, _ := medianRatio(len(ls), func(i int) float64 { return float64(f(ls[i])) }, func(i int) float64 { return float64(f(base[i])) })
	return fmt.Sprintf("%.2fx", v)
}

func lat(ls []load, f func(load) time.Duration) string { return ms(median(latencies(ls, f))) }

package bench

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// memRow is one idle provider's memory.
type memRow struct {
	state string
	n     int // functions deployed
	mem   memory
	heap  int64 // Go heap in use, from /metrics
}

// memory deploys many AssemblyScript functions and reads the idle
// provider's resident memory: distinct modules (each its own code CID and
// compiled module, the worst case) before and after invoking each once
// and after a restart, then specs that all share one module.
func (r *runner) memory(ctx context.Context) error {
	n, wasm := r.cfg.Functions, AssemblyScript().Wasm
	var rows []memRow
	idle := func(p *process, state string, n int) error {
		r.progress("memory: %s (idle %s)", state, r.cfg.Idle)
		select {
		case <-time.After(r.cfg.Idle):
		case <-ctx.Done():
			return ctx.Err()
		}
		m, err := p.memory()
		if err != nil {
			return err
		}
		heap, err := metric(ctx, p.URL, "go_memstats_heap_inuse_bytes")
		if err != nil {
			return err
		}
		rows = append(rows, memRow{state: state, n: n, mem: m, heap: int64(heap)})
		return nil
	}
	invokeAll := func(p *process, paths []string) error {
		for i, path := range paths {
			if i%200 == 0 {
				r.progress("memory: invoke %d/%d", i, len(paths))
			}
			if _, err := get(ctx, p.URL+path); err != nil {
				return err
			}
		}
		return nil
	}
	deployAll := func(p *process, module func(i int) ([]byte, map[string]string)) ([]string, error) {
		paths := make([]string, n)
		for i := range paths {
			if i%200 == 0 {
				r.progress("memory: deploy %d/%d", i, n)
			}
			wasm, env := module(i)
			path, err := r.deploy(ctx, p.URL, wasm, env)
			if err != nil {
				return nil, err
			}
			paths[i] = path
		}
		return paths, nil
	}

	dir := r.dataDir("memory-distinct")
	prov, err := r.provider(ctx, dir)
	if err != nil {
		return err
	}
	defer func() {
		if prov != nil {
			prov.stop()
		}
	}()
	if err := idle(prov, "empty provider", 0); err != nil {
		return err
	}
	paths, err := deployAll(prov, func(i int) ([]byte, map[string]string) { return Variant(wasm, i), nil })
	if err != nil {
		return err
	}
	if err := idle(prov, "distinct modules, deployed, none invoked", n); err != nil {
		return err
	}
	if err := invokeAll(prov, paths); err != nil {
		return err
	}
	if err := idle(prov, "distinct modules, then each invoked once", n); err != nil {
		return err
	}
	prov.stop()
	if prov, err = r.provider(ctx, dir); err != nil {
		return err
	}
	if err := idle(prov, "distinct modules, after a restart and its warm-up (the most recent MaxLoaded loaded again), none invoked", n); err != nil {
		return err
	}
	if err := invokeAll(prov, paths); err != nil {
		return err
	}
	if err := idle(prov, "distinct modules, after a restart, each invoked once", n); err != nil {
		return err
	}
	prov.stop()

	if prov, err = r.provider(ctx, r.dataDir("memory-shared")); err != nil {
		return err
	}
	paths, err = deployAll(prov, func(i int) ([]byte, map[string]string) {
		return wasm, map[string]string{"N": strconv.Itoa(i)}
	})
	if err != nil {
		return err
	}
	if err := invokeAll(prov, paths); err != nil {
		return err
	}
	if err := idle(prov, "specs sharing one module, deployed and each invoked once", n); err != nil {
		return err
	}

	fmt.Fprintf(r.out, "\n## Memory of idle deployed functions\n\n")
	fmt.Fprintf(r.out, "AssemblyScript hello; %d functions; provider defaults (MaxLoaded 256); RSS from /proc/PID/status after %s idle; Go heap from /metrics (go_memstats_heap_inuse_bytes); machine code = Rss of anonymous executable mappings in /proc/PID/smaps (wazero's compiled code). Per function = (VmRSS - the empty provider's) / functions.\n\n", n, r.cfg.Idle)
	fmt.Fprintf(r.out, "| state | VmRSS | RssAnon | RssFile | Go heap in use | machine code | per function |\n")
	fmt.Fprintf(r.out, "|---|---:|---:|---:|---:|---:|---:|\n")
	base := rows[0].mem.RSS
	for _, row := range rows {
		per := "-"
		if row.n > 0 {
			per = kib((row.mem.RSS - base) / int64(row.n))
		}
		fmt.Fprintf(r.out, "| %s | %s | %s | %s | %s | %s | %s |\n", row.state, mib(row.mem.RSS), mib(row.mem.Anon), mib(row.mem.File), mib(row.heap), mib(row.mem.Code), per)
	}
	name := fmt.Sprintf("%d idle deployed functions < %.0f MB resident", max(n, goalDensityN), goalDensityRSS/1e6)
	if n < goalDensityN {
		r.unjudged(name, fmt.Sprintf("run with %d functions (-functions %d)", n, goalDensityN))
		return nil
	}
	var worst memRow
	for _, row := range rows {
		if row.n > 0 && row.mem.RSS > worst.mem.RSS {
			worst = row
		}
	}
	r.judge(name, fmt.Sprintf("%.0f MB (%s) at most (%s)", float64(worst.mem.RSS)/1e6, mib(worst.mem.RSS), worst.state), worst.mem.RSS < goalDensityRSS)
	return nil
}

// metric reads one unlabelled sample from a provider's /metrics.
func metric(ctx context.Context, base, name string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/metrics", nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			return strconv.ParseFloat(v, 64)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("bench: %s/metrics has no %s", base, name)
}

// Command wfbench runs the provider benchmarks in package bench. It only
// wires flags to bench.Config; scripts/bench builds it and the wf binary
// and runs it.
//
//	wfbench -wf PATH [-work DIR] [-quick] [-only throughput,cold,memory,transfer] ...
//	wfbench native --listen ADDR   (the native handler, started by the benchmark)
//	wfbench load -url URL -fn CID [-payer N ...]   (the Go load generator, likewise)
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/webfunctions/wf/bench"
	"github.com/webfunctions/wf/wf"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	if len(os.Args) > 1 && os.Args[1] == "native" {
		err = serveNative(ctx, os.Args[2:])
	} else if len(os.Args) > 1 && os.Args[1] == "load" {
		err = runLoad(ctx, os.Args[2:])
	} else {
		err = run(ctx, os.Args[1:])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wfbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("wfbench", flag.ContinueOnError)
	var cfg bench.Config
	fs.StringVar(&cfg.WF, "wf", "", "the wf binary to benchmark (required)")
	fs.StringVar(&cfg.Work, "work", "", "scratch directory (default: a new temporary directory)")
	fs.BoolVar(&cfg.Quick, "quick", false, "smoke run: short durations, one round, 100 functions")
	only := fs.String("only", "", "comma-separated sections: throughput, cold, memory, transfer (default all)")
	fs.StringVar(&cfg.ServerCPU, "server-cpu", "", "CPU the servers are pinned to (default 0)")
	fs.StringVar(&cfg.LoadCPU, "load-cpu", "", "CPU wrk is pinned to (default 1)")
	fs.BoolVar(&cfg.NoPin, "no-pin", false, "do not pin processes to CPUs")
	fs.StringVar(&cfg.Workerd, "workerd", "", "workerd binary: serve the same function on it in the throughput table")
	fs.StringVar(&cfg.Deno, "deno", "", "deno binary: serve the same function with Deno.serve in the throughput table")
	fs.BoolVar(&cfg.NoPaid, "no-paid", false, "leave the paid providers (and their dev chain) out of the throughput table")
	fs.BoolVar(&cfg.PaidOnly, "paid-only", false, "throughput: only the native handler and the rows the paid paths are compared with (AssemblyScript unpaid, owner-pays, and the Go-client unpaid and caller-pays)")
	fs.DurationVar(&cfg.Duration, "duration", 0, "each wrk measurement (default 10s)")
	fs.IntVar(&cfg.Rounds, "rounds", 0, "throughput rounds (default 3)")
	fs.IntVar(&cfg.Conns, "conns", 0, "wrk connections for throughput (default 16)")
	fs.IntVar(&cfg.Pairs, "pairs", 0, "back-to-back runs of each paid path and the unpaid one, for the paid ratios (default 8)")
	fs.DurationVar(&cfg.PairDuration, "pair-duration", 0, "each paired run (default 2s)")
	fs.IntVar(&cfg.ColdRuns, "cold-runs", 0, "samples per cold-start figure (default 7)")
	fs.IntVar(&cfg.Functions, "functions", 0, "functions in the memory runs (default 10000)")
	fs.DurationVar(&cfg.Idle, "idle", 0, "wait before reading idle RSS (default 10s)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *only != "" {
		cfg.Only = strings.Split(*only, ",")
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cfg.Native = []string{self, "native"}
	cfg.Loader = []string{self, "load"}
	if cfg.Work == "" {
		if cfg.Work, err = os.MkdirTemp("", "wfbench-"); err != nil {
			return err
		}
	}
	cfg.Progress = os.Stderr
	fmt.Fprintf(os.Stderr, "wfbench: scratch and logs in %s\n", cfg.Work)
	return bench.Run(ctx, cfg, os.Stdout)
}

// serveNative serves bench.Native until SIGTERM.
func serveNative(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("wfbench native", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:8081", "address to serve on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {})
	mux.Handle("/", bench.Native())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// runLoad runs bench.Load and prints its result as JSON.
func runLoad(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("wfbench load", flag.ContinueOnError)
	url := fs.String("url", "", "the provider's URL")
	fn := fs.String("fn", "", "the function's CID")
	conns := fs.Int("conns", 16, "requests at once")
	d := fs.Duration("d", 10*time.Second, "how long")
	payer := fs.Int("payer", -1, "pay as the caller with dev key N (-1: unpaid)")
	chainID := fs.Uint64("chain-id", 0, "the escrow's chain id (with -payer)")
	escrow := fs.String("escrow", "", "the escrow's address (with -payer)")
	provider := fs.String("provider", "", "the provider's address (with -payer)")
	cpuprofile := fs.String("cpuprofile", "", "write the load generator's CPU profile to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	c, err := wf.ParseCID(*fn)
	if err != nil {
		return err
	}
	cfg := bench.LoadConfig{URL: *url, Function: c, Conns: *conns, Duration: *d}
	if *payer >= 0 {
		esc, err := wf.ParseAddress(*escrow)
		if err != nil {
			return fmt.Errorf("-escrow: %w", err)
		}
		prov, err := wf.ParseAddress(*provider)
		if err != nil {
			return fmt.Errorf("-provider: %w", err)
		}
		cfg.Payer = bench.DevPayer(*payer, *chainID, esc, prov)
	}
	l, err := bench.Load(ctx, cfg)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(l)
}

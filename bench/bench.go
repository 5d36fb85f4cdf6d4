package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Config sets what Run measures. Zero fields take the defaults.
type Config struct {
	WF     string   // required: the wf binary, built from cmd/wf
	Native []string // required: argv serving Native() on "--listen ADDR" (appended)
	// Loader is argv of the Go load generator (Load, `wfbench load`),
	// flags appended; without it caller-pays is left out.
	Loader []string
	Work   string // required: scratch directory for data dirs, logs and the Go guest

	// Servers run pinned to ServerCPU and wrk to LoadCPU (taskset -c),
	// unless NoPin. Defaults "0" and "1".
	ServerCPU, LoadCPU string
	NoPin              bool

	Duration time.Duration // each wrk measurement, whole seconds; default 10s
	Warmup   time.Duration // wrk run before each measurement, not recorded; default 2s
	Rounds   int           // interleaved throughput rounds, medians reported; default 3
	Conns    int           // wrk connections for throughput; default 16
	// Pairs is how many back-to-back runs of each paid path and its unpaid
	// reference, PairDuration each, the paid ratios are medians of;
	// defaults 8 and 2s.
	Pairs        int
	PairDuration time.Duration
	ColdRuns     int           // samples per cold-start figure; default 7
	Functions    int           // functions deployed in the memory runs; default 10,000 (the density target)
	Idle         time.Duration // wait before reading an idle provider's RSS; default 10s
	// Workerd and Deno are the peers' binaries (npm workerd and deno,
	// scripts/install-workerd and scripts/install-deno); each given serves
	// the same function in JavaScript in the throughput table.
	Workerd, Deno string
	// NoPaid leaves out the paid providers (and their dev chain) from the
	// throughput table.
	NoPaid bool
	// PaidOnly keeps, of the throughput table, the rows the paid paths
	// are read against: the native handler, the AssemblyScript guest
	// unpaid and paid by its owner (defaults), and the Go-client rows
	// (unpaid and caller-pays). For profiling and before/after runs of
	// the payment path.
	PaidOnly bool
	// Only selects sections: "throughput", "cold", "memory", "transfer".
	// Default all.
	Only []string
	// Quick makes the defaults of the zero fields above small, for a smoke
	// run: 2s measurements, one round, 3 cold runs, 100 functions.
	Quick bool

	Progress io.Writer // progress lines; default discard
}

func (c Config) withDefaults() Config {
	def := func(v *time.Duration, full, quick time.Duration) {
		if *v == 0 {
			*v = full
			if c.Quick {
				*v = quick
			}
		}
	}
	defInt := func(v *int, full, quick int) {
		if *v == 0 {
			*v = full
			if c.Quick {
				*v = quick
			}
		}
	}
	def(&c.Duration, 10*time.Second, 2*time.Second)
	def(&c.Warmup, 2*time.Second, time.Second)
	def(&c.Idle, 10*time.Second, 2*time.Second)
	defInt(&c.Rounds, 3, 1)
	defInt(&c.Pairs, 8, 2)
	def(&c.PairDuration, 2*time.Second, time.Second)
	defInt(&c.Conns, 16, 16)
	defInt(&c.ColdRuns, 7, 3)
	defInt(&c.Functions, 10000, 100)
	if c.NoPin {
		c.ServerCPU, c.LoadCPU = "", ""
	} else {
		if c.ServerCPU == "" {
			c.ServerCPU = "0"
		}
		if c.LoadCPU == "" {
			c.LoadCPU = "1"
		}
	}
	if len(c.Only) == 0 {
		c.Only = sections
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	return c
}

// sections are what Run can measure, in order.
var sections = []string{"throughput", "cold", "memory", "transfer"}

// Run measures what cfg selects and writes Markdown tables to out.
func Run(ctx context.Context, cfg Config, out io.Writer) error {
	cfg = cfg.withDefaults()
	if cfg.WF == "" || len(cfg.Native) == 0 || cfg.Work == "" {
		return fmt.Errorf("bench: Config.WF, Config.Native and Config.Work are required")
	}
	if cfg.Rounds < 1 || cfg.Pairs < 1 || cfg.ColdRuns < 1 || cfg.Conns < 1 {
		return fmt.Errorf("bench: rounds, pairs, cold runs and connections must be at least 1")
	}
	for _, s := range cfg.Only {
		if !slices.Contains(sections, s) {
			return fmt.Errorf("bench: unknown section %q (%s)", s, strings.Join(sections, ", "))
		}
	}
	key, err := chain.KeyFromHex(devnet.PublisherKeyHex)
	if err != nil {
		return err
	}
	goG, err := goGuest(ctx, cfg.Work, cfg.Progress)
	if err != nil {
		return err
	}
	r := &runner{cfg: cfg, out: out, key: key, guests: []Guest{AssemblyScript(), goG}}
	r.header()
	for _, s := range cfg.Only {
		var err error
		switch s {
		case "throughput":
			err = r.throughput(ctx)
		case "cold":
			err = r.cold(ctx)
		case "memory":
			err = r.memory(ctx)
		case "transfer":
			err = r.transfer(ctx)
		}
		if err != nil {
			return err
		}
	}
	r.printTargets()
	fmt.Fprintf(out, "\nLoad average at the end: %s\n", loadavg())
	return nil
}

type runner struct {
	cfg      Config
	out      io.Writer
	key      *chain.Key
	guests   []Guest
	seq      int // distinguishes data dirs and module variants
	loadRuns int // numbers the load generator's profiles (WFBENCH_LOAD_PROFILE)
	verdicts []verdict
}

func (r *runner) progress(format string, args ...any) {
	fmt.Fprintf(r.cfg.Progress, "bench: "+format+"\n", args...)
}

func (r *runner) header() {
	fmt.Fprintf(r.out, "## Machine\n\n")
	fmt.Fprintf(r.out, "- CPU: %s, nproc %d\n", cpuModel(), runtime.NumCPU())
	fmt.Fprintf(r.out, "- kernel %s, %s\n", readTrim("/proc/sys/kernel/osrelease"), runtime.Version())
	fmt.Fprintf(r.out, "- load average at the start: %s\n", loadavg())
	if r.cfg.ServerCPU != "" {
		fmt.Fprintf(r.out, "- servers pinned to CPU %s, wrk to CPU %s (taskset -c)\n", r.cfg.ServerCPU, r.cfg.LoadCPU)
	} else {
		fmt.Fprintf(r.out, "- not pinned\n")
	}
	for _, g := range r.guests {
		fmt.Fprintf(r.out, "- %s guest: %d bytes\n", g.Name, len(g.Wasm))
	}
}

// provider starts `wf provider start` on dir, pinned to the server CPU.
func (r *runner) provider(ctx context.Context, dir string, extra ...string) (*process, error) {
	return start(ctx, r.cfg.ServerCPU, dir+".log", []string{"WF_HOME=" + dir + ".home"},
		append([]string{r.cfg.WF, "provider", "start", "--data", dir}, extra...)...)
}

// dataDir returns a fresh provider data directory.
func (r *runner) dataDir(name string) string {
	r.seq++
	return filepath.Join(r.cfg.Work, fmt.Sprintf("%02d-%s", r.seq, name))
}

// deploy signs wasm with the dev key (env distinguishes specs that share
// a module) and uploads it, returning the function's path, "/CID/", which
// outlives the provider's port across restarts.
func (r *runner) deploy(ctx context.Context, base string, wasm []byte, env map[string]string) (string, error) {
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Env: env, Created: spec.Now(time.Now())}
	pkg, err := client.Pack(ctx, bytes.NewReader(wasm), s, r.key)
	if err != nil {
		return "", err
	}
	if _, err := client.New(base).Deploy(ctx, pkg); err != nil {
		return "", err
	}
	return "/" + pkg.CID.String() + "/", nil
}

// fresh makes a new connection per request, as a first caller would.
var fresh = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: time.Minute}

// get requests url?name=bench on a new connection, checks the greeting
// and returns how long it took, connect to last byte.
func get(ctx context.Context, url string) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"?name=bench", nil)
	if err != nil {
		return 0, err
	}
	t := time.Now()
	resp, err := fresh.Do(req)
	if err != nil {
		return 0, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(t)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK || string(body) != "Hello, bench!\n" {
		return 0, fmt.Errorf("bench: GET %s: %s %q", url, resp.Status, body)
	}
	return d, nil
}

func median[T int64 | float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 3, 64) + " ms" }

func mib(b int64) string { return strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64) + " MiB" }

func kib(b int64) string { return strconv.FormatFloat(float64(b)/(1<<10), 'f', 1, 64) + " KiB" }

func readTrim(path string) string {
	b, _ := os.ReadFile(path)
	return strings.TrimSpace(string(b))
}

func loadavg() string {
	f := strings.Fields(readTrim("/proc/loadavg"))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	for _, l := range strings.Split(readTrim("/proc/cpuinfo"), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

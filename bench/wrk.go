package bench

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// load is one wrk run's result.
type load struct {
	RPS       float64
	P50, P99  time.Duration
	Requests  int64
	Failed    int64 // non-2xx/3xx answers and socket errors
	Conns     int
	Duration  time.Duration
	TargetURL string
	// CPUPerReq is the server processes' CPU time (user and system) per
	// request served in the run; zero when not measured.
	CPUPerReq time.Duration `json:",omitempty"`
	// LoadCPUPerReq is the load generator's own CPU time (user and
	// system) per request: wfbench load's only, zero for wrk. With the
	// generator on one core, 1 / LoadCPUPerReq caps the row's req/s.
	LoadCPUPerReq time.Duration `json:",omitempty"`
}

// wrk runs wrk against url with conns connections for d, pinned to cpu
// when it is set.
func wrk(ctx context.Context, cpu string, conns int, d time.Duration, url string) (load, error) {
	secs := max(1, int(math.Ceil(d.Seconds()))) // wrk counts whole seconds
	argv := []string{"wrk", "-t1", "-c" + strconv.Itoa(conns), "-d" + strconv.Itoa(secs) + "s", "--latency", url}
	if cpu != "" {
		argv = append([]string{"taskset", "-c", cpu}, argv...)
	}
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		return load{}, fmt.Errorf("bench: %s: %v\n%s", strings.Join(argv, " "), err, out)
	}
	l, err := parseWrk(string(out))
	if err != nil {
		return load{}, fmt.Errorf("bench: %s: %w\n%s", strings.Join(argv, " "), err, out)
	}
	l.Conns, l.Duration, l.TargetURL = conns, d, url
	return l, nil
}

// parseWrk reads the figures out of wrk's --latency report.
func parseWrk(out string) (load, error) {
	var l load
	var haveRPS, have50, have99 bool
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return l, fmt.Errorf("requests/sec %q: %w", f[1], err)
			}
			l.RPS, haveRPS = v, true
		case len(f) == 2 && (f[0] == "50%" || f[0] == "99%"):
			d, err := wrkDuration(f[1])
			if err != nil {
				return l, err
			}
			if f[0] == "50%" {
				l.P50, have50 = d, true
			} else {
				l.P99, have99 = d, true
			}
		case len(f) >= 3 && f[1] == "requests" && f[2] == "in":
			n, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return l, fmt.Errorf("requests %q: %w", f[0], err)
			}
			l.Requests = n
		case len(f) == 5 && f[0] == "Non-2xx":
			n, _ := strconv.ParseInt(f[4], 10, 64)
			l.Failed += n
		case len(f) >= 2 && f[0] == "Socket" && f[1] == "errors:":
			// Socket errors: connect 0, read 0, write 0, timeout 0
			for i := 3; i < len(f); i += 2 {
				n, _ := strconv.ParseInt(strings.TrimSuffix(f[i], ","), 10, 64)
				l.Failed += n
			}
		}
	}
	if !haveRPS || !have50 || !have99 {
		return l, fmt.Errorf("no Requests/sec or latency distribution in wrk's output")
	}
	return l, nil
}

// wrkDuration parses wrk's "48.00us", "1.20ms", "2.00s", "1.00m".
func wrkDuration(s string) (time.Duration, error) {
	units := []struct {
		suffix string
		unit   time.Duration
	}{{"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}, {"h", time.Hour}}
	for _, u := range units {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return 0, fmt.Errorf("wrk duration %q: %w", s, err)
			}
			return time.Duration(f * float64(u.unit)), nil
		}
	}
	return 0, fmt.Errorf("wrk duration %q: unknown unit", s)
}

package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// process is a server under test: a provider or the native handler, in
// its own process, pinned to one CPU when cpu is set.
type process struct {
	cmd  *exec.Cmd
	URL  string
	done chan error
}

// start runs argv with "--listen ADDR" appended on a free loopback port
// and waits until it answers HTTP. Its output goes to logPath.
func start(ctx context.Context, cpu, logPath string, env []string, argv ...string) (*process, error) {
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	return startAt(ctx, cpu, logPath, env, "", addr, append(argv, "--listen", addr)...)
}

// startAt runs argv in dir (the current directory if ""), which serves HTTP
// on addr, and waits until it answers.
func startAt(ctx context.Context, cpu, logPath string, env []string, dir, addr string, argv ...string) (*process, error) {
	p, err := launch(cpu, logPath, env, dir, argv)
	if err != nil {
		return nil, err
	}
	p.URL = "http://" + addr
	return p, p.ready(ctx, p.waitReady(ctx, 60*time.Second), logPath, argv)
}

// startServing runs argv in dir (the current directory if ""), a server
// reached some other way than a listener of its own (through a gateway's
// tunnel), and waits until ready answers 200. The caller sets its URL.
func startServing(ctx context.Context, cpu, logPath string, env []string, dir, ready string, argv ...string) (*process, error) {
	p, err := launch(cpu, logPath, env, dir, argv)
	if err != nil {
		return nil, err
	}
	return p, p.ready(ctx, p.waitOK(ctx, ready, 60*time.Second), logPath, argv)
}

// launch starts argv pinned to cpu (if set), its output to logPath.
func launch(cpu, logPath string, env []string, dir string, argv []string) (*process, error) {
	if cpu != "" {
		argv = append([]string{"taskset", "-c", cpu}, argv...)
	}
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	// Not CommandContext: stop sends SIGTERM and waits, so a provider
	// shuts down as it would in production.
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Env = append(os.Environ(), env...)
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench: start %s: %w", argv[0], err)
	}
	p := &process{cmd: cmd, done: make(chan error, 1)}
	go func() { p.done <- cmd.Wait() }()
	return p, nil
}

// ready stops p if waiting for it failed with err.
func (p *process) ready(ctx context.Context, err error, logPath string, argv []string) error {
	if err != nil {
		p.stop()
		return fmt.Errorf("bench: %s did not start (log in %s): %w", strings.Join(argv, " "), logPath, err)
	}
	return nil
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitReady polls /healthz until the process answers.
func (p *process) waitReady(ctx context.Context, timeout time.Duration) error {
	return p.poll(ctx, p.URL+"/healthz", false, timeout)
}

// waitOK polls url until it answers 200.
func (p *process) waitOK(ctx context.Context, url string, timeout time.Duration) error {
	return p.poll(ctx, url, true, timeout)
}

func (p *process) poll(ctx context.Context, url string, need200 bool, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	c := &http.Client{Timeout: time.Second}
	for {
		resp, err := c.Get(url)
		if err == nil {
			resp.Body.Close()
			if !need200 || resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-p.done:
			p.done <- err
			return fmt.Errorf("exited: %v", err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return errors.New("timed out")
		}
	}
}

// stop sends SIGTERM and waits for the process to exit.
func (p *process) stop() error {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.done:
		return err
	case <-time.After(15 * time.Second):
		p.cmd.Process.Kill()
		return fmt.Errorf("bench: pid %d ignored SIGTERM; killed", p.cmd.Process.Pid)
	}
}

// memory is a process's resident memory from /proc/PID/status, and from
// /proc/PID/smaps the part in anonymous executable mappings: machine code
// wazero compiled or loaded from its cache.
type memory struct {
	RSS, Anon, File int64 // VmRSS, RssAnon, RssFile in bytes
	Code            int64 // Rss of anonymous executable mappings
}

func (p *process) memory() (memory, error) { return readMemory(p.cmd.Process.Pid) }

func readMemory(pid int) (memory, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, err
	}
	defer f.Close()
	var m memory
	fields := map[string]*int64{"VmRSS:": &m.RSS, "RssAnon:": &m.Anon, "RssFile:": &m.File}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[2] == "kB" && fields[f[0]] != nil {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return memory{}, err
			}
			*fields[f[0]] = kb << 10
		}
	}
	if err := sc.Err(); err != nil {
		return memory{}, err
	}
	if m.RSS == 0 {
		return memory{}, fmt.Errorf("bench: no VmRSS for pid %d", pid)
	}
	code, err := anonExecRSS(pid)
	if err != nil {
		return memory{}, err
	}
	m.Code = code
	return m, nil
}

// anonExecRSS sums the Rss of the executable mappings that have no file.
func anonExecRSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var sum int64
	exec := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && len(fields[1]) == 4:
			// A mapping's header: range, perms, offset, dev, inode[, path].
			exec = fields[1][2] == 'x' && len(fields) == 5
		case exec && len(fields) == 3 && fields[0] == "Rss:":
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				return 0, err
			}
			sum += kb << 10
		}
	}
	return sum, sc.Err()
}

// cpuTime is the user and system CPU time process pid used so far, from
// /proc/PID/stat (clock ticks of 10ms).
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may hold spaces; the fields after it don't.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("bench: /proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("bench: /proc/%d/stat: %d fields", pid, len(f))
	}
	var ticks int64
	for _, x := range f[11:13] { // utime, stime: fields 14 and 15
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("bench: /proc/%d/stat: %w", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// cpu is the CPU time the processes used so far, summed.
func cpu(ps []*process) (time.Duration, error) {
	var sum time.Duration
	for _, p := range ps {
		t, err := cpuTime(p.cmd.Process.Pid)
		if err != nil {
			return 0, err
		}
		sum += t
	}
	return sum, nil
}

package settler

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Options start a settler process.
type Options struct {
	// Dir is the zkApp's directory (mina/zkapp): settler.mjs and its
	// installed node_modules (mina/zkapp/install.sh).
	Dir string
	// Mode is "local" (default) or "graphql".
	Mode string
	// Network is "testnet" (default) or "mainnet".
	Network string
	// GraphQL is the Mina node's endpoint in graphql mode.
	GraphQL string
	// Listen is the loopback address; default 127.0.0.1:0 (a free port).
	Listen string
	// Env is added to the process's environment (WF_MINA_FEE_PAYER_KEY in
	// graphql mode).
	Env []string
	// Log receives the process's output after it is ready; nil discards it.
	Log io.Writer
	// Node is the node binary; default "node".
	Node string
}

// Process is a running settler.
type Process struct {
	*Client
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

// Exec starts a settler and returns once it listens (local mode takes a
// few seconds; graphql mode compiles the zkApp, minutes on a cold cache).
// Stop it with Stop; ctx only bounds the start.
func Exec(ctx context.Context, o Options) (*Process, error) {
	if o.Node == "" {
		o.Node = "node"
	}
	if o.Mode == "" {
		o.Mode = "local"
	}
	if o.Network == "" {
		o.Network = "testnet"
	}
	if o.Listen == "" {
		o.Listen = "127.0.0.1:0"
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, err
	}
	o.Dir = dir
	script := filepath.Join(dir, "settler.mjs")
	if _, err := os.Stat(filepath.Join(o.Dir, "node_modules", "o1js", "package.json")); err != nil {
		return nil, fmt.Errorf("settler: o1js is not installed in %s: run %s", o.Dir, filepath.Join(o.Dir, "install.sh"))
	}
	args := []string{script, "--mode", o.Mode, "--network", o.Network, "--listen", o.Listen}
	if o.GraphQL != "" {
		args = append(args, "--graphql", o.GraphQL)
	}
	cmd := exec.Command(o.Node, args...)
	cmd.Dir = o.Dir
	cmd.Env = append(os.Environ(), o.Env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("settler: start %s: %w", o.Node, err)
	}
	p := &Process{cmd: cmd, done: make(chan struct{})}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		var said []string
		listening := false
		for sc.Scan() {
			line := sc.Text()
			if u, ok := strings.CutPrefix(line, "listening on "); ok && !listening {
				listening = true
				ready <- u
				continue
			}
			if !listening && len(said) < 20 {
				said = append(said, line)
			}
			if o.Log != nil {
				fmt.Fprintln(o.Log, line)
			}
		}
		p.err = cmd.Wait()
		if len(said) > 0 {
			p.err = fmt.Errorf("%v: %s", p.err, strings.Join(said, "\n"))
		}
		close(p.done)
	}()
	select {
	case u := <-ready:
		c, err := New(u)
		if err != nil {
			p.Stop()
			return nil, err
		}
		p.Client = c
		return p, nil
	case <-p.done:
		return nil, fmt.Errorf("settler: exited before listening: %v", p.err)
	case <-ctx.Done():
		p.Stop()
		return nil, fmt.Errorf("settler: start: %w", ctx.Err())
	}
}

// Stop ends the process (SIGTERM, then SIGKILL after 5 s) and waits for
// it. A local settler's chain ends with it.
func (p *Process) Stop() {
	select {
	case <-p.done:
		return
	default:
	}
	syscall.Kill(-p.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	}
}

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

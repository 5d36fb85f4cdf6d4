package devnet

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ProcessConfig is a provider node run as its own `wf provider start`
// process against the network's chain, for tests that kill and restart
// nodes (crash recovery) or run them for long (soak).
type ProcessConfig struct {
	// Binary is the wf command to run. Required.
	Binary string
	// Dir is the node's data directory; it outlives the process, so a
	// restart with the same Dir finds the node's ledger and blocks.
	Dir string
	// Key selects the node's key as `wf --key` does ("dev:1", a keystore
	// file). Required.
	Key string
	// Args are more flags of `wf provider start` (--price, --settle-count,
	// ...).
	Args []string
	// Home is the process's WF_HOME. Default: Dir's sibling "home".
	Home string
}

// Process is a running node process.
type Process struct {
	URL  string // where it serves
	Logs *Lines // its log, one JSON object per line

	cmd  *exec.Cmd
	exit chan error
}

// Lines collects a process's log lines while tests read them.
type Lines struct {
	mu    sync.Mutex
	lines []string
}

func (l *Lines) add(s string) { l.mu.Lock(); l.lines = append(l.lines, s); l.mu.Unlock() }

// Count returns how many lines have msg as their "msg".
func (l *Lines) Count(msg string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, s := range l.lines {
		var m struct{ Msg string }
		if json.Unmarshal([]byte(s), &m) == nil && m.Msg == msg {
			n++
		}
	}
	return n
}

func (l *Lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// StartProcess starts a node process on a free loopback port, against
// the chain's JSON-RPC (Config.ChainListen must have been set), and
// returns once it serves.
func (n *Net) StartProcess(ctx context.Context, pc ProcessConfig) (*Process, error) {
	if n.RPC == "" {
		return nil, errors.New("devnet: a node process needs the chain's JSON-RPC: set Config.ChainListen")
	}
	if pc.Binary == "" || pc.Dir == "" || pc.Key == "" {
		return nil, errors.New("devnet: a node process needs Binary, Dir and Key")
	}
	home := pc.Home
	if home == "" {
		home = filepath.Join(filepath.Dir(pc.Dir), filepath.Base(pc.Dir)+"-home")
	}
	if err := os.MkdirAll(home, 0o700); err != nil {
		return nil, err
	}
	contracts := filepath.Join(home, "contracts.json")
	ct := n.Chain.Contracts()
	b, _ := json.Marshal(map[string]any{"chainId": n.Chain.Client(nil).ChainID().Uint64(), "token": ct.Token, "registry": ct.Registry, "escrow": ct.Escrow})
	if err := os.WriteFile(contracts, b, 0o644); err != nil {
		return nil, err
	}
	args := append([]string{"provider", "start", "--listen", "127.0.0.1:0", "--log-format", "json",
		"--data", pc.Dir, "--rpc", n.RPC, "--contracts", contracts, "--key", pc.Key}, pc.Args...)
	cmd := exec.Command(pc.Binary, args...)
	cmd.Env = append(os.Environ(), "WF_HOME="+home)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	p := &Process{cmd: cmd, Logs: &Lines{}, exit: make(chan error, 1)}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			l := sc.Text()
			p.Logs.add(l)
			var m struct{ Msg, URL string }
			if json.Unmarshal([]byte(l), &m) == nil && m.Msg == "provider serving" {
				select {
				case urlc <- m.URL:
				default:
				}
			}
		}
		p.exit <- cmd.Wait()
	}()
	select {
	case p.URL = <-urlc:
		return p, nil
	case err := <-p.exit:
		return nil, fmt.Errorf("devnet: wf provider start exited: %v\n%s", err, p.Logs)
	case <-ctx.Done():
		cmd.Process.Kill()
		<-p.exit
		return nil, fmt.Errorf("devnet: wf provider start did not serve: %w\n%s", ctx.Err(), p.Logs)
	}
}

// Kill ends the process at once (SIGKILL), as a crash would.
func (p *Process) Kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exit
	p.exit <- errors.New("killed")
}

// Stop asks the process to shut down (SIGINT: it drains, settles what it
// served and exits) and waits up to timeout.
func (p *Process) Stop(timeout time.Duration) error {
	p.cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-p.exit:
		p.exit <- err
		if err != nil {
			return fmt.Errorf("devnet: wf provider start: %w", err)
		}
		return nil
	case <-time.After(timeout):
		p.cmd.Process.Kill()
		return fmt.Errorf("devnet: wf provider start did not stop in %s", timeout)
	}
}

// Package cli is the wf command tree. main only calls Run; everything else
// is here so commands are testable without a process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Version is set at build time with -ldflags "-X github.com/webfunctions/wf/cli.Version=...".
var Version = "dev"

// App is one invocation's environment. Tests fill it; Run uses the
// process's own.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Ready, if set, is called with the provider's base URL once
	// `wf provider start` or `wf dev` is serving (tests use it).
	Ready func(url string)
}

// Run runs the wf command line args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return (&App{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}).Run(ctx, args)
}

type command struct {
	usage string // arguments after the command name
	help  string
	run   func(a *App, ctx context.Context, args []string) error
}

// commands is the command tree. Each file adds its own commands with
// register in an init function.
var commands = map[string]command{}

func register(name string, c command) {
	if _, dup := commands[name]; dup {
		panic("cli: command registered twice: " + name)
	}
	commands[name] = c
}

func init() {
	for name, c := range map[string]command{
		"init":     {"[--lang go|assemblyscript] DIR", "write a working example function into DIR", (*App).cmdInit},
		"build":    {"[DIR]", "compile the function in DIR (default .) to DIR/main.wasm", (*App).cmdBuild},
		"pack":     {"[--car FILE] PATH", "print the CID of a file or directory (as ipfs add --cid-version=1), optionally writing a CAR", (*App).cmdPack},
		"deploy":   {"DIR|FILE.wasm --provider URL [--env K=V]... [--timeout D] [--memory MiB] [--secrets] [--encrypt-code]", "build if needed, pack, sign (and seal) and upload a function; print its CID and URL", (*App).cmdDeploy},
		"invoke":   {"CID [PATH] [--provider URL] [-X METHOD] [-d DATA|@FILE] [-H 'K: V']...", "call a function and print its response body", (*App).cmdInvoke},
		"logs":     {"CID [--provider URL]", "show recent invocations of a function you own", (*App).cmdLogs},
		"keys":     {"new|show|export|import", "manage the publisher key", (*App).cmdKeys},
		"provider": {"start|init|register|update|show|deregister|rotate-sealing-key ...", "run a provider node (start), make its sealing keys (init), manage its registry entry", (*App).cmdProvider},
		"dev":      {"[--listen ADDR] [--gateway-listen ADDR] [--data DIR]", "run a local chain, a provider, a tunnelled provider and a gateway, with a paid example function deployed", (*App).cmdDev},
		"version": {"", "print the version", func(a *App, _ context.Context, _ []string) error {
			fmt.Fprintln(a.Stdout, "wf", Version)
			return nil
		}},
	} {
		register(name, c)
	}
}

// Run runs one command line.
func (a *App) Run(ctx context.Context, args []string) error {
	if a.Getenv == nil {
		a.Getenv = func(string) string { return "" }
	}
	if a.Stdin == nil {
		a.Stdin = strings.NewReader("")
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		a.usage(a.Stdout)
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		a.usage(a.Stderr)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return cmd.run(a, ctx, args[1:])
}

func (a *App) usage(w io.Writer) {
	fmt.Fprint(w, "wf: serverless WebAssembly functions on content-addressed, pay-per-request providers\n\nUsage:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  wf %-9s %s\n            %s\n", n, commands[n].usage, commands[n].help)
	}
	fmt.Fprint(w, "\nEnvironment: WF_HOME (default ~/.wf), WF_PROVIDER (default provider URL), WF_KEY_PASSWORD, WF_RPC and WF_CONTRACTS (the chain).\n")
}

// flags returns a FlagSet for a command that reports errors instead of
// exiting.
func (a *App) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("wf "+name, flag.ContinueOnError)
	fs.SetOutput(a.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(a.Stderr, "usage: wf %s %s\n", name, commands[strings.Fields(name)[0]].usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags anywhere among the positional arguments, as
// `wf deploy DIR --provider URL` needs.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// home is the directory of wf's own files (key, provider data).
func (a *App) home() string {
	if h := a.Getenv("WF_HOME"); h != "" {
		return h
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".wf")
	}
	return ".wf"
}

func (a *App) defaultProvider() string {
	if p := a.Getenv("WF_PROVIDER"); p != "" {
		return p
	}
	return "http://127.0.0.1:8080"
}

// errUsage marks errors whose fix is in the usage text.
var errUsage = errors.New("usage")

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// awaitShutdown waits until ctx ends or serving fails (errc receives
// srv.Serve's error), then runs stopping, if set, and shuts srv down,
// both within grace.
func awaitShutdown(ctx context.Context, srv *http.Server, errc <-chan error, grace time.Duration, stopping func(context.Context)) error {
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if stopping != nil {
		stopping(sctx)
	}
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Package cli is the wf command tree. main only calls Run; everything else
// is here so commands are testable without a process.
//
// The tree is a cobra command tree that (*App).command builds anew for
// every Run: flag values live in the closures of one build, so nothing is
// shared between invocations and tests run commands concurrently.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/names"
)

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

// Run runs one command line. Help (--help, -h, wf help) is not an error.
// For a usage error (unknown command or flag, wrong arguments, a flag
// missing) it prints the command's usage on Stderr before returning the
// error; it prints no other error: the caller does, once.
func (a *App) Run(ctx context.Context, args []string) error {
	if a.Getenv == nil {
		a.Getenv = func(string) string { return "" }
	}
	if a.Stdin == nil {
		a.Stdin = strings.NewReader("")
	}
	if a.Stdout == nil {
		a.Stdout = io.Discard
	}
	if a.Stderr == nil {
		a.Stderr = io.Discard
	}
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	root := a.command()
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil && errors.Is(err, errUsage) && cmd != nil {
		if cmd.HasAvailableSubCommands() {
			fmt.Fprint(a.Stderr, cmd.UsageString()) // which commands there are
		} else { // the usage line; the flags and examples are a --help away
			fmt.Fprintf(a.Stderr, "Usage:\n  %s\n\n`%s --help` lists its flags and examples.\n", cmd.UseLine(), cmd.CommandPath())
		}
	}
	if err != nil && cmd != nil {
		err = a.nobodyAnswers(cmd, err)
		err = noGas(err)
	}
	return err
}

// checkProviderFlags refuses a provider URL without its scheme before a
// command builds, signs or uploads anything ("127.0.0.1:8080" would
// otherwise fail at the first request, after all that).
func (a *App) checkProviderFlags(cmd *cobra.Command) error {
	f := cmd.Flags().Lookup("provider")
	if f == nil {
		return nil
	}
	vals := []string{f.Value.String()}
	if sv, ok := f.Value.(pflag.SliceValue); ok {
		vals = sv.GetSlice()
	}
	for _, v := range vals {
		if v != "" && !strings.Contains(v, "://") && strings.ContainsAny(v, ":/.") && !names.ValidName(v) {
			where := "--provider"
			if !f.Changed {
				where = "WF_PROVIDER"
			}
			return usageErr("%s %s: a provider's URL starts with http:// or https://, e.g. http://%s", where, v, v)
		}
	}
	return nil
}

// nobodyAnswers turns a refused connection to a provider into a sentence
// that names it and, when it was the default nobody chose, how to choose.
func (a *App) nobodyAnswers(cmd *cobra.Command, err error) error {
	var (
		ue   *url.Error
		said *userError
	)
	if cmd.Flags().Lookup("provider") == nil || errors.As(err, &said) || !errors.As(err, &ue) || !errors.Is(err, syscall.ECONNREFUSED) {
		return err // not a provider's URL, or already said plainly (no chain at ...)
	}
	u, perr := url.Parse(ue.URL)
	if perr != nil {
		return err
	}
	base := u.Scheme + "://" + u.Host
	msg := "nothing answers at " + base + " (connection refused)"
	if f := cmd.Flags().Lookup("provider"); f != nil && !f.Changed {
		if a.Getenv("WF_PROVIDER") == "" {
			msg += ": that is the default provider; name yours with --provider URL or WF_PROVIDER (wf dev prints its URL)"
		} else {
			msg += ": that is WF_PROVIDER; set it to a running provider or pass --provider URL"
		}
	}
	return &userError{msg, err}
}

// Command groups of the root's help.
const (
	groupFunctions = "functions"
	groupNodes     = "nodes"
	groupChain     = "chain"
	groupOther     = "other"
)

// command builds the whole command tree.
func (a *App) command() *cobra.Command {
	var showVersion bool
	root := &cobra.Command{
		Use:   "wf",
		Short: "serverless WebAssembly functions on content-addressed, pay-per-request providers",
		Long: `wf: serverless WebAssembly functions on content-addressed, pay-per-request providers.

A function is a WAGI (CGI over WASI) WebAssembly module. wf deploy packs it
with a spec signed by your Ethereum key; the spec's CID is the function's
address, and any provider holding it answers https://PROVIDER/CID/.
wf name set gives functions a stable name (PROVIDER/@OWNER/NAME/) and splits
its traffic between versions by weight; wf versions lists a name's records
and wf rollback moves it back to the previous one.

Environment:
  WF_HOME          wf's own files (default ~/.wf): key.json, contracts.json, provider data
  WF_PROVIDER      default provider URL for deploy, invoke and logs (default: a running wf dev's, else ` + defaultProviderURL + `)
  WF_KEY_PASSWORD  keystore password (else --password-file, else a prompt)
  WF_RPC           Ethereum JSON-RPC URL (default ` + defaultRPC + `); commas separate several, checked against each other
  WF_RPC_QUORUM    how many of several WF_RPC endpoints must agree (default all)
  WF_CONTRACTS     JSON file with the contract addresses`,
		Example: `  wf dev                                   # everything on loopback, with a paid example
  wf init --lang go hello && wf deploy hello --key dev
  wf help deploy`,
		Args: subcommandArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if showVersion {
				fmt.Fprint(a.Stdout, readVersion())
				return nil
			}
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error { return a.checkProviderFlags(cmd) },
		SilenceErrors:     true, // the caller prints the error, once
		SilenceUsage:      true, // Run prints usage, for usage errors only
	}
	root.Flags().BoolVar(&showVersion, "version", false, "print the version and exit")
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	root.SetUsageFunc(usage)
	root.SetFlagErrorFunc(flagError)
	root.AddGroup(
		&cobra.Group{ID: groupFunctions, Title: "Functions:"},
		&cobra.Group{ID: groupNodes, Title: "Running nodes:"},
		&cobra.Group{ID: groupChain, Title: "Chain and payments:"},
		&cobra.Group{ID: groupOther, Title: "Other commands:"},
	)
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	add(groupFunctions, a.initCmd(), a.buildCmd(), a.packCmd(), a.deployCmd(), a.invokeCmd(), a.logsCmd(), a.statsCmd(), a.secretsCmd(),
		a.nameCmd(), a.versionsCmd(), a.rollbackCmd(), a.deleteCmd(), a.ciCmd(), a.exportCmd(), a.credCmd())
	add(groupNodes, a.devCmd(), a.providerCmd(), a.gatewayCmd(), a.dashboardCmd(), a.auditCmd())
	add(groupChain, a.chainCmd(), a.contractsCmd(), a.providersCmd(), a.escrowCmd(), a.voucherCmd(), a.sendCmd(), a.rewardsCmd(), a.stakeCmd(), a.creditsCmd(), a.ratingsCmd(), a.minaCmd())
	add(groupOther, a.keysCmd(), a.whoamiCmd(), a.versionCmd())

	root.SetHelpCommand(helpCmd())
	root.SetHelpCommandGroupID(groupOther)
	root.SetCompletionCommandGroupID(groupOther)
	// Cobra adds these at Execute; adding them here makes the tree whole
	// for anyone walking it before.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var helpFlags func(*cobra.Command)
	helpFlags = func(c *cobra.Command) {
		c.InitDefaultHelpFlag() // else only a command run gets one, and wf help CMD lacks it
		for _, s := range c.Commands() {
			helpFlags(s)
		}
	}
	helpFlags(root)
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args, c.RunE = subcommandArgs, missingSubcommand
			c.Short = "print a shell completion script (bash, zsh, fish, powershell)"
			c.Example = `  source <(wf completion bash)
  wf completion zsh > "${fpath[1]}/_wf"
  wf completion fish > ~/.config/fish/completions/wf.fish`
		}
	}
	return root
}

// group returns a command that only holds subcommands.
func group(use, short, long string, subs ...*cobra.Command) *cobra.Command {
	c := &cobra.Command{
		Use: use, Short: short, Long: long,
		Args: subcommandArgs,
		RunE: missingSubcommand,
	}
	c.AddCommand(subs...)
	return c
}

// missingSubcommand is what a command that only holds subcommands runs
// without one.
func missingSubcommand(cmd *cobra.Command, _ []string) error {
	var names []string
	for _, s := range cmd.Commands() {
		if s.IsAvailableCommand() {
			names = append(names, s.Name())
		}
	}
	return usageErr("%s %s", cmd.CommandPath(), strings.Join(names, "|"))
}

// subcommandArgs refuses arguments of a command that has subcommands: the
// first one named none of them.
func subcommandArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return unknownCommand(cmd, args[0])
}

// unknownCommand is the error for name under parent, with the commands it
// might have meant.
func unknownCommand(parent *cobra.Command, name string) error {
	if parent.SuggestionsMinimumDistance <= 0 {
		parent.SuggestionsMinimumDistance = 2
	}
	msg := fmt.Sprintf("unknown command %q for %q", name, parent.CommandPath())
	if s := parent.SuggestionsFor(name); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", orList(s))
	}
	return &usageError{msg: msg}
}

// orList quotes ss as `"a", "b" or "c"`.
func orList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// helpCmd is `wf help [COMMAND]...`: cobra's own help command answers an
// unknown topic with the usage and no error; this one fails and suggests.
func helpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]...",
		Short: "show the help of any command",
		Long:  "Show the help of a command: wf help deploy is wf deploy --help.",
		Example: `  wf help deploy
  wf help escrow approve`,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, c := range target.Commands() {
				if (c.IsAvailableCommand() || c.Name() == "help") && strings.HasPrefix(c.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(c.Name(), c.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil {
				return err
			}
			if len(rest) > 0 {
				// Not a usage error: help's own usage would not help.
				return errors.New(unknownCommand(target, rest[0]).Error())
			}
			return target.Help()
		},
	}
}

// usage writes a command's usage: what Run prints for a usage error and
// the help output ends with.
func usage(c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("Usage:\n")
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "  %s COMMAND [flags]\n", c.CommandPath())
	} else {
		fmt.Fprintf(&b, "  %s\n", c.UseLine())
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(&b, "\nAliases:\n  %s\n", strings.Join(append([]string{c.Name()}, c.Aliases...), ", "))
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\nExamples:\n%s\n", strings.TrimRight(c.Example, "\n"))
	}
	if c.HasAvailableSubCommands() {
		listed := map[*cobra.Command]bool{}
		list := func(title, groupID string) {
			var lines []string
			for _, s := range c.Commands() {
				if listed[s] || !(s.IsAvailableCommand() || s.Name() == "help") || (groupID != "*" && s.GroupID != groupID) {
					continue
				}
				listed[s] = true
				lines = append(lines, fmt.Sprintf("  %-*s  %s\n", s.NamePadding(), s.Name(), s.Short))
			}
			if len(lines) > 0 {
				fmt.Fprintf(&b, "\n%s\n%s", title, strings.Join(lines, ""))
			}
		}
		for _, g := range c.Groups() {
			list(g.Title, g.ID)
		}
		list("Commands:", "*")
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\nFlags:\n%s", flagUsages(c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\nGlobal flags:\n%s", flagUsages(c.InheritedFlags()))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\nRun '%s COMMAND --help' for more about a command.\n", c.CommandPath())
	}
	_, err := io.WriteString(c.OutOrStderr(), b.String())
	return err
}

// flagUsages lists flags one a line, as "-X, --request METHOD  text
// (default ...)": a back-quoted word in the text names the value, as with
// package flag; a boolean takes none.
func flagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, right string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, text := pflag.UnquoteUsage(f)
		switch t := f.Value.Type(); {
		case t == "bool":
			name = ""
		case name == t:
			name = map[string]string{"stringArray": "string", "float64": "float", "int64": "int", "uint64": "uint"}[t]
			if name == "" {
				name = t
			}
		}
		if name != "" {
			left += " " + name
		}
		switch f.DefValue {
		case "", "0", "0s", "false", "[]":
		default:
			if f.Value.Type() == "string" {
				text += fmt.Sprintf(" (default %q)", f.DefValue)
			} else {
				text += " (default " + f.DefValue + ")"
			}
		}
		width = max(width, len(left))
		lines = append(lines, line{left, text})
	})
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%-*s   %s\n", width, l.left, l.right)
	}
	return b.String()
}

// flagError makes flag parsing errors usage errors. A command with
// subcommands that meets an unknown flag after an unknown subcommand
// (wf escrow depost 5 --key dev) reports the subcommand.
func flagError(cmd *cobra.Command, err error) error {
	if args := cmd.Flags().Args(); cmd.HasAvailableSubCommands() && len(args) > 0 {
		return unknownCommand(cmd, args[0])
	}
	return &usageError{"usage: " + err.Error(), err}
}

// argsBetween accepts min to max positional arguments (max < 0: no
// limit), and refuses others with a usage error naming them as the
// command's use line does.
func argsBetween(min, max int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		use := cmd.CommandPath()
		if _, pos, ok := strings.Cut(cmd.Use, " "); ok {
			use += " " + pos
		}
		switch {
		case len(args) < min:
			return usageErr("%s: missing arguments", use)
		case max >= 0 && len(args) > max:
			if max == 0 {
				return usageErr("unexpected arguments %q", args)
			}
			return usageErr("%s: unexpected arguments %q", use, args[max:])
		}
		return nil
	}
}

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

// defaultListen is where `wf provider start` and `wf dev` serve unless
// told otherwise; defaultProviderURL is that address as a URL.
const (
	defaultListen      = "127.0.0.1:8080"
	defaultProviderURL = "http://" + defaultListen
)

func (a *App) defaultProvider() string {
	if p := a.Getenv("WF_PROVIDER"); p != "" {
		return p
	}
	if p := a.devProvider(); p != "" {
		return p // wf dev's, wherever it moved
	}
	return defaultProviderURL
}

// errUsage marks errors whose fix is in the usage text: Run prints the
// usage with them.
var errUsage = errors.New("usage")

// usageError is a usage error with its own message.
type usageError struct {
	msg string
	err error // what it wraps, if anything
}

func (e *usageError) Error() string        { return e.msg }
func (e *usageError) Is(target error) bool { return target == errUsage }
func (e *usageError) Unwrap() error        { return e.err }

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// printJSON writes v as indented JSON on stdout: what --json prints.
func (a *App) printJSON(v any) error {
	enc := json.NewEncoder(a.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
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

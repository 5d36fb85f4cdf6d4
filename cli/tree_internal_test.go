package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// commands lists every command of the tree that a user can run, the root
// first.
func commands() []*cobra.Command {
	root := (&App{Getenv: func(string) string { return "" }}).command()
	var all []*cobra.Command
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		all = append(all, c)
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return all
}

// run runs a command line through Run, as main does.
func run(args ...string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	err = Run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

// TestEveryCommandHasHelp walks the whole tree: every command answers
// --help, -h and wf help with its usage on stdout and no error, and
// documents itself and its flags.
func TestEveryCommandHasHelp(t *testing.T) {
	cmds := commands()
	if len(cmds) < 40 {
		t.Fatalf("the tree has %d commands; the walk is missing some", len(cmds))
	}
	for _, c := range cmds {
		path := strings.Fields(c.CommandPath())[1:]
		name := strings.Join(append([]string{"wf"}, path...), " ")
		t.Run(name, func(t *testing.T) {
			t.Parallel() // every Run builds its own tree
			help, errOut, err := run(append(path, "--help")...)
			if err != nil || errOut != "" {
				t.Fatalf("--help: %v\n%s", err, errOut)
			}
			use := c.UseLine()
			if c.HasAvailableSubCommands() {
				use = c.CommandPath() + " COMMAND"
			}
			if !strings.Contains(help, "Usage:\n  "+use) {
				t.Errorf("--help does not show the usage %q:\n%s", use, help)
			}
			if short, _, err := run(append(path, "-h")...); err != nil || short != help {
				t.Errorf("-h differs from --help (%v):\n%s", err, short)
			}
			if viaHelp, _, err := run(append([]string{"help"}, path...)...); err != nil || viaHelp != help {
				t.Errorf("wf help %s differs from --help (%v):\n%s", strings.Join(path, " "), err, viaHelp)
			}
			if c.Short == "" {
				t.Error("no short description")
			}
			c.LocalFlags().VisitAll(func(f *pflag.Flag) {
				if len(f.Name) < 2 {
					t.Errorf("flag --%s: long names are words; one letter is a shorthand", f.Name)
				}
				if f.Usage == "" {
					t.Errorf("flag --%s has no description", f.Name)
				}
			})
			if f := c.LocalFlags().Lookup("json"); f != nil && !strings.Contains(c.Long, "With --json") {
				t.Errorf("--json is not documented in the long description")
			}
		})
	}
}

// TestMainCommandsHaveExamples: the commands people start with show how.
func TestMainCommandsHaveExamples(t *testing.T) {
	want := map[string]bool{
		"wf": true, "wf init": true, "wf deploy": true, "wf invoke": true, "wf logs": true, "wf pack": true,
		"wf dev": true, "wf provider start": true, "wf gateway start": true, "wf secrets set": true,
		"wf escrow approve": true, "wf escrow deposit": true, "wf voucher": true, "wf providers": true,
		"wf completion": true,
	}
	for _, c := range commands() {
		if want[c.CommandPath()] && c.Example == "" {
			t.Errorf("%s has no examples", c.CommandPath())
		}
		delete(want, c.CommandPath())
	}
	for p := range want {
		t.Errorf("no command %s", p)
	}
}

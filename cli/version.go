package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version, when set at link time with
// -ldflags "-X github.com/webfunctions/wf/cli.Version=v1.2.3", is the
// version wf reports. Unset, wf reports the main module's version from
// its build information: a release for `go install ...@v1.2.3`, a
// pseudo-version or "(devel)" for a build from a work tree.
var Version string

// buildInfo is what `wf version --json` prints.
type buildInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit"`   // vcs.revision; "" when not stamped
	Modified bool   `json:"modified"` // vcs.modified: built with uncommitted changes
	Go       string `json:"go"`
}

// readVersion reads the version of the running binary.
func readVersion() buildInfo {
	v := buildInfo{Version: Version, Go: runtime.Version()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v.Version == "" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if v.Version == "" {
		v.Version = "(devel)"
	}
	return v
}

// String is the text of `wf version` and `wf --version`.
func (v buildInfo) String() string {
	s := "wf " + v.Version + "\n"
	if v.Commit != "" {
		s += "commit " + v.Commit
		if v.Modified {
			s += " (modified)"
		}
		s += "\n"
	}
	return s + v.Go + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
}

// version is the version nodes report in /v1/info and to functions.
func version() string { return readVersion().Version }

func (a *App) versionCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "print wf's version and the commit it was built from",
		Long: `Print wf's version (a release, a pseudo-version, or "(devel)" for a build
from a work tree, unless set at link time), the VCS commit it was built from
and whether the work tree had uncommitted changes, and the Go version.
wf --version prints the same.

With --json, prints one object:
  version   string
  commit    string, "" when the build was not stamped with VCS information
  modified  bool, true when built with uncommitted changes
  go        string, the Go version`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := readVersion()
			if asJSON {
				return a.printJSON(v)
			}
			_, err := fmt.Fprint(a.Stdout, v)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	return cmd
}

package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/webfunctions/wf/guest"
)

// GuestImport is the import path of the Go guest package: a Go function
// that imports it is built as a reactor (-buildmode=c-shared), which
// providers run from a snapshot taken after its init.
const GuestImport = "github.com/webfunctions/wf/guest"

// SDKDir is where a Go function's project keeps the guest package's
// module, which its go.mod's replace names.
const SDKDir = ".wf/sdk"

// sdkReplace is the go.mod line that makes a project use SDKDir.
const sdkReplace = "replace github.com/webfunctions/wf => ./" + SDKDir

// WriteGoSDK writes the guest package of this wf, as a module
// github.com/webfunctions/wf with that one package, into dir's SDKDir.
// wf init writes it, and wf build writes it again for a go.mod that
// replaces the module with it, so the function builds offline and against
// the guest package of the wf that builds it.
func WriteGoSDK(dir string) error {
	root := filepath.Join(dir, filepath.FromSlash(SDKDir))
	if err := os.MkdirAll(filepath.Join(root, "guest"), 0o755); err != nil {
		return fmt.Errorf("build: go sdk: %w", err)
	}
	files := map[string][]byte{"go.mod": []byte("module github.com/webfunctions/wf\n\ngo 1.24\n")}
	err := fs.WalkDir(guest.Source, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(guest.Source, p)
		files[filepath.Join("guest", p)] = b
		return err
	})
	if err != nil {
		return fmt.Errorf("build: go sdk: %w", err)
	}
	for name, b := range files {
		path := filepath.Join(root, name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
			continue
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return fmt.Errorf("build: go sdk: %w", err)
		}
	}
	return nil
}

// usesSDK reports whether dir's go.mod replaces the wf module with SDKDir.
func usesSDK(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && bytes.Contains(b, []byte(sdkReplace))
}

// importsGuest reports whether the Go package entry in dir depends on the
// guest package, by go list for wasip1. Errors in the package (-e) are
// left for go build to report.
func importsGuest(ctx context.Context, dir, entry string, env []string) (bool, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-e", "-deps", "-f", "{{.ImportPath}}", entry)
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return false, fmt.Errorf("build: go list %s in %s: %v\n%s", entry, dir, err, bytes.TrimSpace(stderr.Bytes()))
	}
	for _, line := range bytes.Split(out, []byte("\n")) {
		if string(bytes.TrimSpace(line)) == GuestImport {
			return true, nil
		}
	}
	return false, nil
}

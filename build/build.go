// Package build compiles a function's source directory to a WebAssembly
// module with the language's own toolchain: Go (GOOS=wasip1 GOARCH=wasm)
// or AssemblyScript (asc from npm, with @assemblyscript/wasi-shim).
package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// Output is the module's file name inside the function directory.
const Output = "main.wasm"

// Lang detects the language of the function in dir: "go" when it has a
// go.mod, "assemblyscript" when its package.json depends on assemblyscript.
func Lang(dir string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return "go", nil
	}
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err == nil {
		var pkg struct {
			Dependencies, DevDependencies map[string]string
		}
		if json.Unmarshal(b, &pkg) == nil && (pkg.Dependencies["assemblyscript"] != "" || pkg.DevDependencies["assemblyscript"] != "") {
			return "assemblyscript", nil
		}
	}
	return "", fmt.Errorf("build: %s has neither a go.mod nor a package.json using assemblyscript; `wf init` makes one, or deploy a prebuilt .wasm", dir)
}

// Build compiles the function in dir and returns the module's path.
// Toolchain output goes to log.
func Build(ctx context.Context, dir string, log io.Writer) (string, error) {
	lang, err := Lang(dir)
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, Output)
	switch lang {
	case "go":
		cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", Output, ".")
		cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
		if err := run(cmd, dir, log); err != nil {
			return "", err
		}
	case "assemblyscript":
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "assemblyscript")); errors.Is(err, os.ErrNotExist) {
			if err := run(exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund"), dir, log); err != nil {
				return "", err
			}
		}
		if err := run(exec.CommandContext(ctx, "npm", "run", "--silent", "build"), dir, log); err != nil {
			return "", err
		}
	}
	if _, err := os.Stat(out); err != nil {
		return "", fmt.Errorf("build: the %s toolchain did not produce %s", lang, out)
	}
	return out, nil
}

func run(cmd *exec.Cmd, dir string, log io.Writer) error {
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build: %s in %s: %w", filepath.Base(cmd.Path)+" "+cmd.Args[1], dir, err)
	}
	return nil
}

// Package build compiles a function's source directory to a WebAssembly
// module with the language's own toolchain: Go (GOOS=wasip1 GOARCH=wasm; a
// package that imports the guest package is built as a reactor,
// -buildmode=c-shared, and a WAGI program as a command) or AssemblyScript (asc from npm, with @assemblyscript/wasi-shim), or
// with a command of the project's own (wf.toml's [build], package project).
// A JavaScript or TypeScript worker is bundled instead (package
// jsrt/bundle): its output is a script for the js runtime, not a module.
package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/webfunctions/wf/jsrt/bundle"
)

// Output is the module's file name inside the function directory.
const Output = "main.wasm"

// Languages Build knows.
const (
	Go             = "go"
	AssemblyScript = "assemblyscript"
	JS             = "js"
)

// JSOutput is a js build's default output, the bundled worker.
const JSOutput = "dist/worker.js"

// JSEntries are the entries a js build looks for, in order, when the
// project names none.
var JSEntries = []string{"src/index.ts", "src/index.js", "index.ts", "index.js", "worker.js"}

// Config says how to build; the zero value detects the language and
// builds the directory's main.wasm.
type Config struct {
	// Lang is Go or AssemblyScript; empty: detected by Lang.
	Lang string
	// Command, if set, replaces the language's build: a shell command
	// (sh -c) run in the directory that must write Output.
	Command string
	// Entry is the Go package to compile, relative to the directory
	// (default "."). The AssemblyScript build compiles what package.json's
	// build script names.
	Entry string
	// Output is the module's path relative to the directory (default
	// main.wasm). The Go build writes it there; the AssemblyScript script
	// and a Command must write it themselves.
	Output string
}

// Lang detects the language of the function in dir: "go" when it has a
// go.mod, "assemblyscript" when its package.json depends on assemblyscript.
func Lang(dir string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return Go, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err == nil {
		var pkg struct {
			Dependencies, DevDependencies map[string]string
		}
		if json.Unmarshal(b, &pkg) == nil && (pkg.Dependencies["assemblyscript"] != "" || pkg.DevDependencies["assemblyscript"] != "") {
			return AssemblyScript, nil
		}
	}
	if jsEntry(dir) != "" {
		return JS, nil
	}
	return "", fmt.Errorf("build: %s has neither a go.mod, a package.json using assemblyscript nor a worker (%s); `wf init` makes one, or deploy a prebuilt .wasm", dir, strings.Join(JSEntries, ", "))
}

// jsEntry returns the first of JSEntries in dir, or "".
func jsEntry(dir string) string {
	for _, e := range JSEntries {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(e))); err == nil {
			return e
		}
	}
	return ""
}

// Build compiles the function in dir by the defaults (Config{}) and
// returns the module's path. Toolchain output goes to log.
func Build(ctx context.Context, dir string, log io.Writer) (string, error) {
	return Config{}.Build(ctx, dir, log)
}

// Build compiles the function in dir as c says and returns the module's
// path. Toolchain output goes to log.
func (c Config) Build(ctx context.Context, dir string, log io.Writer) (string, error) {
	output := c.Output
	if output == "" {
		output = Output
		if c.Command == "" && (c.Lang == JS || c.Lang == "" && func() bool { l, _ := Lang(dir); return l == JS }()) {
			output = JSOutput
		}
	}
	out := filepath.Join(dir, filepath.FromSlash(output))
	if c.Command != "" {
		cmd := exec.CommandContext(ctx, "sh", "-c", c.Command)
		if err := run(cmd, dir, log); err != nil {
			return "", fmt.Errorf("build: %q in %s: %w", c.Command, dir, errors.Unwrap(err))
		}
		return checkOutput(out, "build command")
	}
	lang := c.Lang
	if lang == "" {
		var err error
		if lang, err = Lang(dir); err != nil {
			return "", err
		}
	}
	switch lang {
	case Go:
		entry := c.Entry
		if entry == "" {
			entry = "."
		} else if !strings.HasPrefix(entry, ".") {
			entry = "./" + entry // a path, not an import path
		}
		if usesSDK(dir) {
			if err := WriteGoSDK(dir); err != nil {
				return "", err
			}
		}
		env := append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
		args := []string{"build", "-trimpath", "-ldflags=-s -w"}
		reactor, err := importsGuest(ctx, dir, entry, env)
		if err != nil {
			return "", err
		}
		if reactor {
			// A reactor: _initialize runs init, wf_http serves each
			// request from the snapshot the provider takes after it.
			args = append(args, "-buildmode=c-shared")
			what := "package " + entry
			if entry == "." {
				what = "the package"
			}
			fmt.Fprintf(log, "wf build: %s uses %s, so it is building a reactor (-buildmode=c-shared), served from a snapshot per request\n", what, GuestImport)
		}
		cmd := exec.CommandContext(ctx, "go", append(args, "-o", filepath.FromSlash(output), entry)...)
		cmd.Env = env
		if err := run(cmd, dir, log); err != nil {
			return "", err
		}
	case AssemblyScript:
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "assemblyscript")); errors.Is(err, os.ErrNotExist) {
			if err := run(exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund"), dir, log); err != nil {
				return "", err
			}
		}
		// asc has no cache of its own (Go has): a build whose inputs
		// and output are as the last build left them is skipped.
		stamp, err := inputsHash(dir, out)
		if err != nil {
			return "", err
		}
		if upToDate(dir, out, stamp) {
			fmt.Fprintf(log, "%s is up to date\n", output)
			return out, nil
		}
		if err := run(exec.CommandContext(ctx, "npm", "run", "--silent", "build"), dir, log); err != nil {
			return "", err
		}
		if _, err := checkOutput(out, "the "+lang+" toolchain"); err == nil {
			writeStamp(dir, out, stamp)
		}
	case JS:
		entry := c.Entry
		if entry == "" {
			if entry = jsEntry(dir); entry == "" {
				return "", fmt.Errorf("build: %s has no worker to bundle (%s); set [build] entry", dir, strings.Join(JSEntries, ", "))
			}
		}
		b, err := bundle.Bundle(filepath.Join(dir, filepath.FromSlash(entry)))
		if err != nil {
			return "", fmt.Errorf("build: %w", err)
		}
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return "", fmt.Errorf("build: %w", err)
		}
		if err := os.WriteFile(out, b, 0o644); err != nil {
			return "", fmt.Errorf("build: %w", err)
		}
	default:
		return "", fmt.Errorf("build: unknown language %q (known: %s, %s, %s)", lang, Go, AssemblyScript, JS)
	}
	return checkOutput(out, "the "+lang+" toolchain")
}

// stampFile records, in the project's .wf directory, the hash of the
// inputs of the last AssemblyScript build and of what it wrote.
const stampFile = ".wf/build-stamp"

// skipped are the directories whose files are not a build's inputs.
var skipped = map[string]bool{"node_modules": true, ".git": true, ".wf": true}

// inputsHash hashes every file under dir (names and contents) but the
// output and the skipped directories, and the installed compiler's
// package.json (its version).
func inputsHash(dir, out string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && skipped[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if path == out || !d.Type().IsRegular() {
			return nil
		}
		return hashFile(h, dir, path)
	})
	if err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	if err := hashFile(h, dir, filepath.Join(dir, "node_modules", "assemblyscript", "package.json")); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashFile(h hash.Hash, dir, path string) error {
	rel, _ := filepath.Rel(dir, path)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "%q %d\n", filepath.ToSlash(rel), st.Size())
	_, err = io.Copy(h, f)
	return err
}

func fileHash(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// upToDate reports whether the last build had these inputs and left the
// output as it is now.
func upToDate(dir, out, inputs string) bool {
	b, err := os.ReadFile(filepath.Join(dir, stampFile))
	if err != nil {
		return false
	}
	o := fileHash(out)
	return o != "" && string(b) == inputs+" "+o+"\n"
}

// writeStamp records a build; failing to is only a slower next build.
func writeStamp(dir, out, inputs string) {
	p := filepath.Join(dir, stampFile)
	if os.MkdirAll(filepath.Dir(p), 0o755) == nil {
		os.WriteFile(p, []byte(inputs+" "+fileHash(out)+"\n"), 0o644)
	}
}

func checkOutput(out, what string) (string, error) {
	if _, err := os.Stat(out); err != nil {
		return "", fmt.Errorf("build: %s did not produce %s", what, out)
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

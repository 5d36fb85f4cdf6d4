package bench

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/webfunctions/wf/build"
	"github.com/webfunctions/wf/templates"
)

// Guest is a function module under test.
type Guest struct {
	Name string // "assemblyscript" or "go"
	Wasm []byte
}

// AssemblyScript is the AssemblyScript template's hello, as `wf dev`
// deploys it.
func AssemblyScript() Guest { return Guest{Name: "assemblyscript", Wasm: templates.HelloWasm} }

// BuildGo writes the Go template into dir (which must not exist or be
// empty) and builds it as `wf build` does, GOOS=wasip1.
func BuildGo(ctx context.Context, dir string, log io.Writer) (Guest, error) {
	if err := templates.Write(dir, "go", "hello"); err != nil {
		return Guest{}, err
	}
	out, err := build.Build(ctx, dir, log)
	if err != nil {
		return Guest{}, err
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return Guest{}, err
	}
	return Guest{Name: "go", Wasm: wasm}, nil
}

// Variant returns wasm with a custom section holding n appended. It runs
// exactly as wasm does but has its own code CID and its own compiled
// module, as a distinct function would.
func Variant(wasm []byte, n int) []byte {
	return withCustomSection(wasm, "wfbench", binary.AppendUvarint(nil, uint64(n)))
}

// withCustomSection returns wasm with a custom section (id 0) named name
// holding payload appended: valid wasm that runs as wasm does.
func withCustomSection(wasm []byte, name string, payload []byte) []byte {
	body := binary.AppendUvarint(nil, uint64(len(name)))
	body = append(append(body, name...), payload...)
	out := append([]byte(nil), wasm...)
	out = append(out, 0) // custom section id
	out = binary.AppendUvarint(out, uint64(len(body)))
	return append(out, body...)
}

// goGuest builds the Go template into work/go-guest, reusing an earlier
// build there.
func goGuest(ctx context.Context, work string, log io.Writer) (Guest, error) {
	dir := filepath.Join(work, "go-guest")
	if wasm, err := os.ReadFile(filepath.Join(dir, build.Output)); err == nil {
		return Guest{Name: "go", Wasm: wasm}, nil
	}
	os.RemoveAll(dir)
	g, err := BuildGo(ctx, dir, log)
	if err != nil {
		return Guest{}, fmt.Errorf("bench: build the Go template: %w", err)
	}
	return g, nil
}

package sandbox_test

import (
	"context"
	"errors"
	"testing"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// TestDerive: a derived module runs its base's compiled code from a
// snapshot of its own (package jsrt feeds it a script; here the Go
// reactor ignores its input), keeps that code after the base is released,
// and is itself released like any module.
func TestDerive(t *testing.T) {
	ctx := context.Background()
	sb, base := reactorGuest(t, sandbox.Config{})
	d1, err := sb.Derive(ctx, "derived-1", base, []byte("one"))
	if err != nil {
		t.Fatal(err)
	}
	d2, err := sb.Derive(ctx, "derived-2", base, []byte("two"))
	if err != nil {
		t.Fatal(err)
	}
	if again, err := sb.Derive(ctx, "derived-1", base, []byte("one")); err != nil || again != d1 {
		t.Fatalf("the same key derived another module (%v)", err)
	}
	// Each has its own snapshot and state.
	if a := state(t, sb, d1, "x"); a.Counter != 1 || a.SeenBefore {
		t.Fatalf("%+v", a)
	}
	if a := state(t, sb, d2, "x"); a.Counter != 1 || a.SeenBefore {
		t.Fatalf("%+v", a)
	}
	if st := sb.Stats(); st.Snapshots != 2 || st.Misses != 1 {
		t.Fatalf("%d snapshots, %d compiles; want 2 and 1", st.Snapshots, st.Misses)
	}

	// The base released: the derived modules still run its code.
	sb.Release(base)
	if _, err := sb.Run(ctx, base, get("/echo", "")); !errors.Is(err, sandbox.ErrReleased) {
		t.Fatal(err)
	}
	if a := state(t, sb, d1, "y"); a.Counter != 1 {
		t.Fatalf("%+v", a)
	}
	if _, err := sb.Derive(ctx, "derived-3", base, nil); !errors.Is(err, sandbox.ErrReleased) {
		t.Fatalf("derive from a released module: %v", err)
	}
	sb.Release(d1)
	if _, err := sb.Run(ctx, d1, get("/echo", "")); !errors.Is(err, sandbox.ErrReleased) {
		t.Fatal(err)
	}
	if a := state(t, sb, d2, "z"); a.Counter != 1 {
		t.Fatalf("%+v", a)
	}
	sb.Release(d2) // the last holder: the base's code is closed now

	// Only a reactor has a snapshot to derive from.
	cmd, err := sb.Compile(ctx, "hello", wagiHello())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sb.Derive(ctx, "from-command", cmd, nil); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("derive from a command: %v", err)
	}
	if _, err := sb.Derive(ctx, "", cmd, nil); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("empty key: %v", err)
	}
}

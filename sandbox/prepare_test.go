package sandbox_test

import (
	"context"
	"testing"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// TestPrepare: Prepare takes a reactor's snapshot before any request, once;
// the requests then run from it on fresh state, as after a first Run. A
// command is left to its first Run; a limit below the module's memory is
// refused.
func TestPrepare(t *testing.T) {
	ctx := context.Background()
	sb, mod := reactorGuest(t, sandbox.Config{})
	if err := sb.Prepare(ctx, mod, wf.Limits{MemoryPages: 1}, 0, "owner"); err == nil {
		t.Fatal("prepared under a 1-page limit")
	}
	if st := sb.Stats(); st.Snapshots != 0 {
		t.Fatalf("%d snapshots after a refused Prepare", st.Snapshots)
	}
	for range 2 {
		if err := sb.Prepare(ctx, mod, wf.Limits{}, 0, "owner"); err != nil {
			t.Fatal(err)
		}
	}
	if st := sb.Stats(); st.Snapshots != 1 || st.Runs != 0 {
		t.Fatalf("after Prepare: %+v", st)
	}
	for i := range 3 {
		if a := state(t, sb, mod, "k"); a.Counter != 1 || a.SeenBefore || a.AtInit != "" {
			t.Fatalf("request %d: %+v", i, a)
		}
	}
	if st := sb.Stats(); st.Snapshots != 1 || st.Runs != 3 {
		t.Fatalf("after 3 requests: %+v", st)
	}

	cmd := newSandbox(t, sandbox.Config{})
	m, err := cmd.Compile(ctx, "hello", wagiHello())
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Prepare(ctx, m, wf.Limits{}, 0, "owner"); err != nil {
		t.Fatal(err)
	}
	if st := cmd.Stats(); st.Snapshots != 0 {
		t.Fatalf("a command's Prepare took a snapshot: %+v", st)
	}
}

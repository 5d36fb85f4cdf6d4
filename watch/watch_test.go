package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/webfunctions/wf/watch"
)

func next(t *testing.T, ch <-chan []string) []string {
	t.Helper()
	select {
	case b, ok := <-ch:
		if !ok {
			t.Fatal("watch stopped")
		}
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5 s")
	}
	return nil
}

func none(t *testing.T, ch <-chan []string) {
	t.Helper()
	select {
	case b := <-ch:
		t.Fatalf("unexpected batch %v", b)
	case <-time.After(300 * time.Millisecond):
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDir(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, ".git"), 0o755)
	os.MkdirAll(filepath.Join(root, "node_modules", "x"), 0o755)
	ctx, cancel := context.WithCancel(context.Background())
	ch, err := watch.Dir(ctx, root, watch.Options{Quiet: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}

	// A burst (write, rewrite, another file) is one batch.
	write(t, filepath.Join(root, "main.go"), "a")
	write(t, filepath.Join(root, "main.go"), "b")
	write(t, filepath.Join(root, "util.go"), "c")
	if b := next(t, ch); !slices.Equal(b, []string{"main.go", "util.go"}) {
		t.Fatalf("batch %v, want main.go and util.go", b)
	}

	// Ignored paths wake nothing.
	write(t, filepath.Join(root, ".git", "index"), "x")
	write(t, filepath.Join(root, "node_modules", "x", "y.js"), "x")
	write(t, filepath.Join(root, ".main.go.swp"), "x")
	write(t, filepath.Join(root, "main.go~"), "x")
	none(t, ch)

	// A directory made after the start is watched, and a file written into
	// it at once is seen even if that beat the new watch.
	os.MkdirAll(filepath.Join(root, "lib", "deep"), 0o755)
	write(t, filepath.Join(root, "lib", "deep", "early.go"), "x")
	if b := next(t, ch); !slices.Contains(b, "lib/deep/early.go") {
		t.Fatalf("batch %v lacks lib/deep/early.go", b)
	}
	write(t, filepath.Join(root, "lib", "deep", "a.go"), "x")
	if b := next(t, ch); !slices.Equal(b, []string{"lib/deep/a.go"}) {
		t.Fatalf("batch %v, want lib/deep/a.go", b)
	}

	cancel()
	select {
	case _, ok := <-ch:
		if ok {
			for range ch {
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("channel not closed after cancel")
	}
}

func TestDirMissing(t *testing.T) {
	if _, err := watch.Dir(context.Background(), filepath.Join(t.TempDir(), "nope"), watch.Options{}); err == nil {
		t.Fatal("watching a missing directory succeeded")
	}
}

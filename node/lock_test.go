package node_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/node"
)

// Finding 10: two nodes under one key keep separate ledgers, so together
// they serve past a payer's budget and race each other's settlement
// nonces. A second node on the same data directory, or with the same key
// under the same KeyLockDir, is refused at Open, at once and by name;
// before, a second node on a paid data directory failed after 5 s with the
// ledger's "timeout", and one on a free directory ran beside the first.
func TestSecondNodeIsRefused(t *testing.T) {
	ctx := context.Background()
	key, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	locks := t.TempDir()
	cfg := func(dir string) node.Config {
		return node.Config{Dir: dir, PublicURL: "http://127.0.0.1:1", Key: key, KeyLockDir: locks}
	}
	dir := t.TempDir()
	first, err := node.Open(ctx, cfg(dir))
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]node.Config{
		"same data directory":             cfg(dir),
		"same key, another directory":     cfg(t.TempDir()),
		"same directory, no key lock dir": {Dir: dir, PublicURL: "http://127.0.0.1:1"},
	} {
		start := time.Now()
		second, err := node.Open(ctx, c)
		if err == nil {
			second.Close(ctx)
			t.Errorf("%s: a second node opened beside the first", name)
			continue
		}
		if !errors.Is(err, node.ErrLocked) || time.Since(start) > 5*time.Second {
			t.Errorf("%s: %v after %v, want ErrLocked at once", name, err, time.Since(start))
		}
		t.Logf("%s: %v", name, err)
	}
	// Another key in another directory is another node.
	other, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	c := cfg(t.TempDir())
	c.Key = other
	third, err := node.Open(ctx, c)
	if err != nil {
		t.Fatalf("another key: %v", err)
	}
	third.Close(ctx)

	// Closed, the directory and the key are free again.
	if err := first.Close(ctx); err != nil {
		t.Fatal(err)
	}
	again, err := node.Open(ctx, cfg(dir))
	if err != nil {
		t.Fatalf("reopen after Close: %v", err)
	}
	again.Close(ctx)
}

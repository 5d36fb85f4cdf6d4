package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/templates"
	wfcore "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// wf provider gc removes a block no spec uses from a stopped node's store,
// and refuses to run beside the node.
func TestProviderGC(t *testing.T) {
	dir := t.TempDir()
	st, err := diskstore.New(dir, diskstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	orphan := []byte("left by a deploy cut short")
	if err := st.Put(context.Background(), wfcore.SumCID(wfcore.CodecRaw, orphan), orphan); err != nil {
		t.Fatal(err)
	}

	n, err := node.Open(context.Background(), node.Config{Dir: dir, PublicURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wf(t, nil, "provider", "gc", "--data", dir); !errors.Is(err, node.ErrLocked) || !strings.Contains(err.Error(), "stop the node") {
		t.Errorf("gc beside a running node: %v, want ErrLocked", err)
	}
	n.Close(context.Background())

	out, err := wf(t, nil, "provider", "gc", "--data", dir, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct{ Blocks, Bytes int64 }
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Blocks != 1 || res.Bytes != int64(len(orphan)) {
		t.Fatalf("gc printed %q (%v), want 1 block of %d bytes", out, err, len(orphan))
	}
	out, err = wf(t, nil, "provider", "gc", "--data", dir)
	if err != nil || !strings.Contains(out, "removed 0 blocks") {
		t.Fatalf("second gc: %v\n%s", err, out)
	}
}

// wf provider gc killed with SIGKILL part way leaves a store the next gc
// finishes: every orphan goes, every block of the stored function stays.
func TestProviderGCKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/wf")
	}
	bin := wftest.WF(t)
	ctx := context.Background()
	dir := t.TempDir()

	// A node with one deployed function, then stopped.
	n, err := node.Open(ctx, node.Config{Dir: dir, PublicURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(n.Handler())
	key, err := chain.KeyFromHex(cli.DevKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(srv.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	n.Close(ctx)

	st, err := diskstore.New(dir, diskstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	count := func() (n int) {
		st.List(ctx, func(wfcore.CID, int64) error { n++; return nil })
		return n
	}
	live := count()
	const orphans = 20000
	for i := range orphans {
		b := []byte(fmt.Sprintf("orphan %d", i))
		if err := st.Put(ctx, wfcore.SumCID(wfcore.CodecRaw, b), b); err != nil {
			t.Fatal(err)
		}
	}

	cmd := exec.Command(bin, "provider", "gc", "--data", dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill when it has removed some orphans but not all (or, on a very
	// fast or slow machine, before or after: the outcome must hold anyway).
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c := count(); c < live+orphans {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	left := count() - live
	t.Logf("killed with %d of %d orphans left", left, orphans)

	out, err := wf(t, nil, "provider", "gc", "--data", dir, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct{ Blocks int }
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Blocks != left {
		t.Errorf("second gc printed %q (%v), want %d blocks removed", out, err, left)
	}
	if got := count(); got != live {
		t.Fatalf("after the second gc the store holds %d blocks, want the function's %d", got, live)
	}
	for _, b := range blocks(t, pkg.CAR) {
		if ok, _ := st.Has(ctx, b); !ok {
			t.Errorf("block %s of the stored function is gone", b)
		}
	}
}

func blocks(t *testing.T, car []byte) []wfcore.CID {
	t.Helper()
	r, err := dag.NewCARReader(bytes.NewReader(car), dag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var out []wfcore.CID
	for {
		c, _, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
}

package cli_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/store/diskstore"
	wfcore "github.com/webfunctions/wf/wf"
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

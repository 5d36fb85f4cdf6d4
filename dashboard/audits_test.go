package dashboard_test

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
)

// The operator's console shows what the network's auditor attested about
// the node, read from the chain: nothing before the first audit, then
// the score, and that it holds for the node's current registration.
func TestConsoleAudits(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:       t.TempDir(),
		Price:     big.NewInt(1000),
		Meter:     payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Nodes:     []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
		Dashboard: &devnet.DashboardConfig{},
		Auditor:   &devnet.AuditorConfig{Audit: audit.Config{Samples: 3, CPURounds: 10_000}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close(context.Background()) })
	op := signIn(t, n.Dashboard.URL, n.Nodes[0].Key)
	status, body, _ := op.do("GET", "/admin", nil)
	wantPage(t, status, body, 200, `id="attestations"`, n.Auditor.Address().Checksum()[:10], "no attestation about this node yet")

	rs, err := n.Auditor.Sweep(ctx)
	if err != nil || len(rs) != 1 || rs[0].Err != nil {
		t.Fatalf("sweep: %+v, %v", rs, err)
	}
	score := rs[0].Report.Score
	status, body, _ = op.do("GET", "/admin", nil)
	wantPage(t, status, body, 200, `<span class="ok">yes</span>`, rs[0].CID.String()[:10])
	if want := fmt.Sprintf(">%.0f%%<", float64(score)/100); !strings.Contains(body, want) {
		t.Errorf("the console lacks the score %s (%d):\n%s", want, score, body)
	}
}

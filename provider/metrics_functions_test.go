package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// An owner reads its function's traffic on a node with the signed read
// its logs take; nobody else can, and the public /metrics does not name
// functions.
func TestFunctionStatsForTheOwnerOnly(t *testing.T) {
	ctx := context.Background()
	env, key := keyed(t, wftest.Options{})
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	fn := pkg.CID.String()
	for i := range 3 {
		if resp, body := call(t, "GET", env.URL+"/"+fn+"/?name=n"+string(rune('0'+i)), ""); resp.StatusCode != 200 {
			t.Fatalf("call: %d %s", resp.StatusCode, body)
		}
	}

	stranger, _ := chain.GenerateKey()
	resp, body := call(t, "GET", env.URL+"/v1/stats/"+fn, "", "Authorization", logsAuth(t, stranger, pkg.CID, key.Address(), time.Now().Add(time.Minute)))
	wantError(t, resp, body, 403, "forbidden")
	resp, body = call(t, "GET", env.URL+"/v1/stats/"+fn, "")
	if resp.StatusCode != 401 && resp.StatusCode != 403 {
		t.Fatalf("unsigned stats read: %d %s", resp.StatusCode, body)
	}

	resp, body = call(t, "GET", env.URL+"/v1/stats/"+fn, "", "Authorization", logsAuth(t, env.Key, pkg.CID, key.Address(), time.Now().Add(time.Minute)))
	if resp.StatusCode != 200 {
		t.Fatalf("owner's stats read: %d %s", resp.StatusCode, body)
	}
	var st provider.FunctionStats
	if err := json.Unmarshal(body, &st); err != nil {
		t.Fatal(err)
	}
	if st.Function != pkg.CID || st.Requests != 3 || st.ByStatus["200"] != 3 || st.Errors != 0 || st.Latency.Count != 3 ||
		st.Latency.P50MS <= 0 || st.Latency.P99MS < st.Latency.P50MS || st.Latency.MaxMS < st.Latency.P99MS || st.ChargedRequests != 0 {
		t.Fatalf("stats after 3 free calls: %s", body)
	}

	_, metrics := call(t, "GET", env.URL+"/metrics", "")
	if strings.Contains(string(metrics), fn) {
		t.Fatal("the public /metrics names a function")
	}
}

// The payment figures a node reads at a scrape come out as metrics, read
// at most once a second.
func TestPaymentMetrics(t *testing.T) {
	var reads atomic.Int32
	stats := provider.PaymentStats{
		Charged: provider.Tally{Count: 7, Amount: big.NewInt(700)}, Pending: provider.Tally{Count: 2, Amount: big.NewInt(200)},
		Settled: provider.Tally{Count: 5, Amount: big.NewInt(500)}, Settlements: 2, Failures: 1, FeeBumps: 3, GasUsed: 102_000,
		LastSettled: time.Unix(1_700_000_000, 0), Balance: big.NewInt(1_000_000_000_000_000),
	}
	env := wftest.New(t, wftest.Options{Provider: provider.Config{PaymentStats: func(context.Context) (provider.PaymentStats, error) {
		reads.Add(1)
		return stats, nil
	}}})
	_, body := call(t, "GET", env.URL+"/metrics", "")
	_, _ = call(t, "GET", env.URL+"/metrics", "")
	for _, want := range []string{
		`wf_payment_requests{state="charged"} 7`, `wf_payment_requests{state="pending"} 2`, `wf_payment_requests{state="settled"} 5`,
		`wf_payment_amount_base_units{state="settled"} 500`, `wf_settlements_total{outcome="mined"} 2`,
		`wf_settlements_total{outcome="failed"} 1`, `wf_settlements_total{outcome="fee_bump"} 3`,
		`wf_settlement_gas_used_total 102000`, `wf_last_settlement_timestamp_seconds 1.7e+09`, `wf_gas_balance_wei 1e+15`, `wf_payment_stats_up 1`,
	} {
		if !strings.Contains(string(body), want+"\n") {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if n := reads.Load(); n != 1 {
		t.Errorf("two scrapes within a second read the figures %d times, want 1", n)
	}
}

package cli_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
)

// wf escrow approve --per-period and --meter set the owner's limits
// (issue 11 item 1), and wf escrow balance shows them.
func TestEscrowApproveLimits(t *testing.T) {
	d := newDevChain(t)
	ctx := context.Background()
	if _, err := d.as(2).RegisterProvider(ctx, chain.Provider{Name: "beta", Endpoint: "http://127.0.0.1:9", SealingKey: []byte{0xab, 0xcd}, PricePerRequest: usdc("0.01")}); err != nil {
		t.Fatal(err)
	}
	mustWF(t, d.env, "escrow", "deposit", "5", "--key", "dev:1")
	for _, tc := range []struct{ flag, value, want string }{
		{"--per-period", "1", "USDC/DURATION"},
		{"--per-period", "1/1.5s", "whole number of seconds"},
		{"--per-period", "0/1h", "more than 0"},
		{"--meter", "0xnope", "not an address"},
	} {
		_, err := wf(t, d.env, "escrow", "approve", "beta", "--budget", "2", tc.flag, tc.value, "--key", "dev:1")
		wantErr(t, err, tc.want)
	}
	out := mustWF(t, d.env, "escrow", "approve", "beta", "--budget", "2", "--per-period", "0.5/24h", "--meter", addr(3), "--key", "dev:1")
	if !strings.Contains(out, "at most 0.500000 USDC per 24h0m0s") || !strings.Contains(out, "metering key "+addr(3)) {
		t.Errorf("approve printed %q", out)
	}
	out = mustWF(t, d.env, "escrow", "balance", "--key", "dev:1")
	if !strings.Contains(out, "at most 0.500000 USDC per 24h0m0s (0.500000 left, renews ") || !strings.Contains(out, "metered by "+addr(3)+" (0 requests settled)") {
		t.Errorf("balance printed %q", out)
	}
	var bal struct {
		Approved []struct {
			MaxPerPeriod, Period, LeftInPeriod, Meter string
			MeteredSettled                            *uint64
		}
	}
	if err := json.Unmarshal([]byte(mustWF(t, d.env, "escrow", "balance", "--key", "dev:1", "--json")), &bal); err != nil {
		t.Fatal(err)
	}
	if a := bal.Approved; len(a) != 1 || a[0].MaxPerPeriod != "0.500000" || a[0].Period != "24h0m0s" || a[0].LeftInPeriod != "0.500000" ||
		a[0].Meter != addr(3) || a[0].MeteredSettled == nil || *a[0].MeteredSettled != 0 {
		t.Errorf("balance --json: %+v", bal)
	}
	al, err := d.as(2).Allowance(ctx, chain.DevKey(1).Address(), chain.DevKey(2).Address())
	if err != nil || al.Meter != chain.DevKey(3).Address() || al.MaxPerPeriod.Int64() != 500_000 || al.Period.Hours() != 24 {
		t.Errorf("on-chain allowance %+v, %v", al, err)
	}
}

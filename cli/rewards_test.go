package cli_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/devnet"
)

// TestRewardsAndStakeCLI runs the flows from the command line against a
// chain with a 5% escrow fee: deploy and fund a pool, pay a provider,
// compute the epoch as two auditors (the second signature publishes it),
// claim, show; then bond, show and unbond a stake.
func TestRewardsAndStakeCLI(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	net, err := devnet.Start(ctx, devnet.Config{Chain: sim.Options{Accounts: 10, FeeBps: 500, FeeSink: chain.DevKey(9).Address()}, ChainListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	s := net.Chain
	home := t.TempDir()
	ct := s.Contracts()
	file := filepath.Join(home, "contracts-under-test.json")
	b, _ := json.Marshal(map[string]any{"chainId": 1337, "token": ct.Token, "registry": ct.Registry, "escrow": ct.Escrow})
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"WF_HOME": home, "WF_RPC": net.RPC, "WF_CONTRACTS": file}

	// A registered provider with an auditor's attestation, paid by a payer.
	prov := chain.DevKey(1)
	if _, err := s.Client(prov).RegisterProvider(ctx, chain.Provider{Name: "alpha", Endpoint: "https://alpha.example", SealingKey: []byte{1}, PricePerRequest: usdc("1")}); err != nil {
		t.Fatal(err)
	}
	auditor := s.Client(chain.DevKey(6))
	attAddr, err := auditor.DeployAttestations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	att, err := auditor.Attestations(ctx, attAddr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := att.Attest(ctx, chain.Attestation{Provider: "alpha", Owner: prov.Address(), Schema: audit.Schema,
		ManifestHash: sha256.Sum256([]byte("m")), ReportCID: "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Score: 9000,
		ExpiresAt: mustHead(t, s).Add(20 * 24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	env["WF_ATTESTATIONS"] = attAddr.Checksum()

	out, err := wf(t, env, "rewards", "deploy", "--auditor", addr(6), "--auditor", addr(7), "--threshold", "2", "--epoch", "1h", "--cap", "0.5", "--key", "dev:0")
	if err != nil || !strings.Contains(out, "rewards pool 0x") {
		t.Fatalf("deploy: %q %v", out, err)
	}
	if out, err = wf(t, env, "rewards", "fund", "1000", "--key", "dev:9"); err != nil || !strings.Contains(out, "funded the pool with 1000") {
		t.Fatalf("fund: %q %v", out, err)
	}
	payer := s.Client(chain.DevKey(4))
	if _, err := payer.Deposit(ctx, usdc("100")); err != nil {
		t.Fatal(err)
	}
	if _, err := payer.Approve(ctx, prov.Address(), usdc("100"), usdc("100")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Client(prov).Settle(ctx, chain.DevKey(4).Address(), 1, usdc("100")); err != nil {
		t.Fatal(err)
	}
	if _, err := wf(t, env, "rewards", "epoch", "--budget", "10", "--key", "dev:6"); err == nil || !strings.Contains(err.Error(), "no epoch has ended") {
		t.Fatalf("an epoch before it ended: %v", err)
	}
	if err := s.AdjustTime(time.Hour + time.Second); err != nil {
		t.Fatal(err)
	}
	out, err = wf(t, env, "rewards", "epoch", "--budget", "10", "--key", "dev:6")
	if err != nil || !strings.Contains(out, "1 of 2 signatures") || strings.Contains(out, "published") {
		t.Fatalf("first auditor: %q %v", out, err)
	}
	// 5 USDC of fees, capped at half: 2.5 USDC, below the 10 budget.
	out, err = wf(t, env, "rewards", "epoch", "--budget", "10", "--key", "dev:7")
	if err != nil || !regexp.MustCompile(`2\.50* USDC in all`).MatchString(out) || !strings.Contains(out, "published") {
		t.Fatalf("second auditor: %q %v", out, err)
	}
	if _, err := wf(t, env, "rewards", "epoch", "--budget", "1", "--key", "dev:7"); err == nil || !strings.Contains(err.Error(), "same --budget") {
		t.Errorf("another budget: %v", err)
	}
	out, err = wf(t, env, "rewards", "claim", "--key", "dev:1")
	if err != nil || !regexp.MustCompile(`epoch 0: 2\.50* USDC to `+addr(1)).MatchString(out) {
		t.Fatalf("claim: %q %v", out, err)
	}
	if _, err := wf(t, env, "rewards", "claim", "0", "--key", "dev:1"); err == nil || !strings.Contains(err.Error(), "AlreadyClaimed") && !strings.Contains(err.Error(), "already") {
		t.Errorf("second claim: %v", err)
	}
	out, err = wf(t, env, "rewards", "show", "--provider", addr(1))
	if err != nil || !regexp.MustCompile(`rewarded\s+2\.50* USDC in all; protocol fees paid 5(\.0+)? USDC`).MatchString(out) {
		t.Fatalf("show: %q %v", out, err)
	}

	if out, err = wf(t, env, "stake", "deploy", "--min", "10", "--slash", "10", "--delay", "1h", "--key", "dev:0"); err != nil || !strings.Contains(out, "stake contract 0x") {
		t.Fatalf("stake deploy: %q %v", out, err)
	}
	if out, err = wf(t, env, "stake", "bond", "10", "--key", "dev:1"); err != nil || !strings.Contains(out, "staked: true") {
		t.Fatalf("bond: %q %v", out, err)
	}
	if out, err = wf(t, env, "stake", "show", "alpha"); err != nil || !regexp.MustCompile(`staked\s+true`).MatchString(out) {
		t.Fatalf("show: %q %v", out, err)
	}
	if out, err = wf(t, env, "stake", "unbond", "10", "--key", "dev:1"); err != nil || !strings.Contains(out, "staked: false") {
		t.Fatalf("unbond: %q %v", out, err)
	}
	if _, err = wf(t, env, "stake", "withdraw", "--key", "dev:1"); err == nil {
		t.Fatal("withdrew before the delay")
	}
	if out, err = wf(t, env, "credits", "deploy", "--sink", addr(9), "--key", "dev:0"); err != nil || !strings.Contains(out, "credits contract 0x") {
		t.Fatalf("credits deploy: %q %v", out, err)
	}
	if out, err = wf(t, env, "credits", "grant", addr(3), "0.5", "--key", "dev:1"); err != nil || !regexp.MustCompile(`0\.50* USDC of credits left`).MatchString(out) {
		t.Fatalf("credits grant: %q %v", out, err)
	}
	if out, err = wf(t, env, "credits", "show", addr(3), "alpha"); err != nil || !regexp.MustCompile(`has 0\.50* USDC of credits with `+addr(1)).MatchString(out) {
		t.Fatalf("credits show: %q %v", out, err)
	}
	if out, err = wf(t, env, "stake", "canary", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", "--key", "dev:1"); err == nil {
		t.Fatalf("a provider registered a canary: %q", out)
	}
}

func mustHead(t *testing.T, s *sim.Chain) time.Time {
	t.Helper()
	h, err := s.Client(nil).HeadTime(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// wf dev funds a rewards pool, stakes its provider, and says where to
// watch: the commands it prints work against its chain without flags
// beyond --rpc.
func TestDevRewards(t *testing.T) {
	home := t.TempDir()
	_, out := startDev(t, home)
	m := regexp.MustCompile(`wf rewards show --provider (0x[0-9a-fA-F]{40})`).FindStringSubmatch(out)
	r := regexp.MustCompile(`--rpc (http://\S+)`).FindStringSubmatch(out)
	if m == nil || r == nil {
		t.Fatalf("banner lacks the rewards line or the chain:\n%s", out)
	}
	env := map[string]string{"WF_HOME": home}
	show, err := wf(t, env, "rewards", "show", "--provider", m[1], "--rpc", r[1])
	if err != nil || !regexp.MustCompile(`funded\s+1000(\.0+)? USDC`).MatchString(show) || !strings.Contains(show, "every 2m0s") {
		t.Fatalf("rewards show: %q %v", show, err)
	}
	st, err := wf(t, env, "stake", "show", "dev", "--rpc", r[1])
	if err != nil || !regexp.MustCompile(`staked\s+true`).MatchString(st) {
		t.Fatalf("stake show: %q %v", st, err)
	}
}

package cli_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
	wfcore "github.com/webfunctions/wf/wf"
)

// TestRewardsAndStakeCLI runs the incentive flows from the command line
// against the embedded chain served over JSON-RPC.
func TestRewardsAndStakeCLI(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	net, err := devnet.Start(ctx, devnet.Config{Chain: sim.Options{Accounts: 10, USDC: big.NewInt(-1)}, ChainListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	incentivesFlow(t, net.RPC)
}

// incentivesFlow runs the flows from the command line against the chain
// at rpc, where dev keys 0 to 9 hold ether: deploy contracts with a 5%
// escrow fee, deploy and fund a pool with short epochs, pay a provider,
// compute the epoch as two auditors (the second signature publishes it),
// claim, show; then credits, and bond, show and unbond a stake. It returns
// the gas of the incentive transactions.
func incentivesFlow(t *testing.T, rpc string) map[string]uint64 {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	gas := map[string]uint64{}
	home := t.TempDir()
	file := filepath.Join(home, "contracts-under-test.json")
	env := map[string]string{"WF_HOME": home, "WF_RPC": rpc}
	mustWF(t, env, "contracts", "deploy", "--key", "dev:0", "--withdraw-delay", "1h", "--fee", "0.05", "--fee-sink", addr(9), "--out", file)
	env["WF_CONTRACTS"] = file
	var d struct{ Token, Registry, Escrow wfcore.Address }
	if err := json.Unmarshal([]byte(readFile(t, file)), &d); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"dev:1", "dev:4", "dev:9"} {
		mustWF(t, env, "contracts", "mint", "1000", "--key", k)
	}
	as := func(i int) *chain.Client {
		c, err := chain.Dial(ctx, rpc, chain.DevKey(i), chain.Config{Contracts: chain.Contracts{Token: d.Token, Registry: d.Registry, Escrow: d.Escrow}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	// A registered provider with an auditor's attestation, paid by a payer.
	prov := chain.DevKey(1)
	mustWF(t, env, "provider", "register", "alpha", "--endpoint", "https://alpha.example", "--price", "1", "--sealing-key", "0x"+strings.Repeat("ab", 32), "--key", "dev:1")
	auditor := as(6)
	attAddr, err := auditor.DeployAttestations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	att, err := auditor.Attestations(ctx, attAddr)
	if err != nil {
		t.Fatal(err)
	}
	head, err := auditor.HeadTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := att.Attest(ctx, chain.Attestation{Provider: "alpha", Owner: prov.Address(), Schema: audit.Schema,
		ManifestHash: sha256.Sum256([]byte("m")), ReportCID: "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Score: 9000,
		ExpiresAt: head.Add(20 * 24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	env["WF_ATTESTATIONS"] = attAddr.Checksum()

	const epoch = 5 * time.Second
	out, err := wf(t, env, "rewards", "deploy", "--auditor", addr(6), "--auditor", addr(7), "--threshold", "2", "--epoch", epoch.String(), "--cap", "0.5", "--key", "dev:0")
	if err != nil || !strings.Contains(out, "rewards pool 0x") {
		t.Fatalf("deploy: %q %v", out, err)
	}
	out, err = wf(t, env, "rewards", "fund", "1000", "--key", "dev:9")
	if err != nil || !strings.Contains(out, "funded the pool with 1000") {
		t.Fatalf("fund: %q %v", out, err)
	}
	gas["fund"] = gasOf(t, out)
	payer := as(4)
	if _, err := payer.Deposit(ctx, usdc("100")); err != nil {
		t.Fatal(err)
	}
	if _, err := payer.Approve(ctx, prov.Address(), usdc("100"), usdc("100")); err != nil {
		t.Fatal(err)
	}
	settled, err := as(1).Settle(ctx, chain.DevKey(4).Address(), 1, usdc("100"))
	if err != nil {
		t.Fatal(err)
	}
	gas["settle (5% fee)"] = settled.GasUsed
	// The epoch the payment fell in, and its end.
	poolAddr := mustAddr(t, regexp.MustCompile(`0x[0-9a-fA-F]{40}`).FindString(mustWF(t, env, "rewards", "show")))
	pool, err := as(6).RewardsPool(ctx, poolAddr)
	if err != nil {
		t.Fatal(err)
	}
	info, err := pool.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hd, err := as(6).HeadTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := info.EpochAt(hd)
	en := strconv.FormatUint(n, 10)
	if _, err := wf(t, env, "rewards", "epoch", en, "--budget", "10", "--key", "dev:6"); err == nil {
		t.Fatal("an epoch was computed before it ended")
	}
	_, end := info.EpochBounds(n)
	time.Sleep(time.Until(end) + time.Second)
	// A block after the end (a chain mining on demand has none yet).
	if _, err := as(0).SendEther(ctx, addr0(), big.NewInt(1)); err != nil {
		t.Fatal(err)
	}
	out, err = wf(t, env, "rewards", "epoch", en, "--budget", "10", "--key", "dev:6")
	if err != nil || !strings.Contains(out, "1 of 2 signatures") || strings.Contains(out, "published") {
		t.Fatalf("first auditor: %q %v", out, err)
	}
	// 5 USDC of fees, capped at half: 2.5 USDC, below the 10 budget.
	out, err = wf(t, env, "rewards", "epoch", en, "--budget", "10", "--key", "dev:7")
	if err != nil || !regexp.MustCompile(`2\.50* USDC in all`).MatchString(out) || !strings.Contains(out, "published") {
		t.Fatalf("second auditor: %q %v", out, err)
	}
	gas["publishEpoch (2 of 3)"] = gasOf(t, out)
	if _, err := wf(t, env, "rewards", "epoch", en, "--budget", "1", "--key", "dev:7"); err == nil || !strings.Contains(err.Error(), "same --budget") {
		t.Errorf("another budget: %v", err)
	}
	out, err = wf(t, env, "rewards", "claim", en, "--key", "dev:1")
	if err != nil || !regexp.MustCompile(`epoch `+en+`: 2\.50* USDC to `+addr(1)).MatchString(out) {
		t.Fatalf("claim: %q %v", out, err)
	}
	gas["claim"] = gasOf(t, out)
	if _, err := wf(t, env, "rewards", "claim", en, "--key", "dev:1"); err == nil {
		t.Error("claimed twice")
	}
	out, err = wf(t, env, "rewards", "show", "--provider", addr(1))
	if err != nil || !regexp.MustCompile(`rewarded\s+2\.50* USDC in all; protocol fees paid 5(\.0+)? USDC`).MatchString(out) {
		t.Fatalf("show: %q %v", out, err)
	}

	if out, err = wf(t, env, "credits", "deploy", "--sink", addr(9), "--key", "dev:0"); err != nil || !strings.Contains(out, "credits contract 0x") {
		t.Fatalf("credits deploy: %q %v", out, err)
	}
	if out, err = wf(t, env, "credits", "grant", addr(3), "0.5", "--key", "dev:1"); err != nil || !regexp.MustCompile(`0\.50* USDC of credits left`).MatchString(out) {
		t.Fatalf("credits grant: %q %v", out, err)
	}
	gas["credits grant"] = gasOf(t, out)
	if out, err = wf(t, env, "credits", "show", addr(3), "alpha"); err != nil || !regexp.MustCompile(`has 0\.50* USDC of credits with `+addr(1)).MatchString(out) {
		t.Fatalf("credits show: %q %v", out, err)
	}

	if out, err = wf(t, env, "stake", "deploy", "--min", "10", "--slash", "10", "--delay", "1h", "--key", "dev:0"); err != nil || !strings.Contains(out, "stake contract 0x") {
		t.Fatalf("stake deploy: %q %v", out, err)
	}
	if out, err = wf(t, env, "stake", "bond", "10", "--key", "dev:1"); err != nil || !strings.Contains(out, "staked: true") {
		t.Fatalf("bond: %q %v", out, err)
	}
	gas["stake bond"] = gasOf(t, out)
	if out, err = wf(t, env, "stake", "show", "alpha"); err != nil || !regexp.MustCompile(`staked\s+true`).MatchString(out) {
		t.Fatalf("show: %q %v", out, err)
	}
	if out, err = wf(t, env, "stake", "unbond", "10", "--key", "dev:1"); err != nil || !strings.Contains(out, "staked: false") {
		t.Fatalf("unbond: %q %v", out, err)
	}
	if _, err = wf(t, env, "stake", "withdraw", "--key", "dev:1"); err == nil {
		t.Fatal("withdrew before the delay")
	}
	if out, err = wf(t, env, "stake", "canary", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", "--key", "dev:1"); err == nil {
		t.Fatalf("a provider registered a canary: %q", out)
	}
	// wf providers shows the stake: alpha asked to unbond, so not staked.
	if out = mustWF(t, env, "providers"); !regexp.MustCompile(`(?m)^alpha\s+0x\w+\s+\S+\s+false\s`).MatchString(out) {
		t.Fatalf("providers:\n%s", out)
	}

	// A second deployment whose escrow's fees fund a rewards pool deployed
	// with it, with a credits contract spending into the same pool.
	env2 := map[string]string{"WF_HOME": t.TempDir(), "WF_RPC": rpc}
	file2 := filepath.Join(env2["WF_HOME"], "contracts.json")
	out = mustWF(t, env2, "contracts", "deploy", "--key", "dev:0", "--withdraw-delay", "1h", "--fee", "0.05", "--fee-sink", "rewards",
		"--rewards-auditor", addr(6), "--rewards-epoch", "1h", "--credits", "--out", file2)
	if !regexp.MustCompile(`rewards\s+0x\w{40} \(the escrow's 5\.00% fee funds it\)`).MatchString(out) || !regexp.MustCompile(`credits\s+0x\w{40}`).MatchString(out) {
		t.Fatalf("contracts deploy --fee-sink rewards --credits:\n%s", out)
	}
	env2["WF_CONTRACTS"] = file2
	var d2 chain.Contracts
	if err := json.Unmarshal([]byte(readFile(t, file2)), &d2); err != nil || d2.Rewards.IsZero() || d2.Credits.IsZero() {
		t.Fatalf("%s: %+v %v", file2, d2, err)
	}
	mustWF(t, env2, "contracts", "mint", "10", "--key", "dev:4")
	as2 := func(i int) *chain.Client {
		c, err := chain.Dial(ctx, rpc, chain.DevKey(i), chain.Config{Contracts: d2})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	if _, err := as2(4).Deposit(ctx, usdc("10")); err != nil {
		t.Fatal(err)
	}
	if _, err := as2(4).Approve(ctx, prov.Address(), usdc("10"), usdc("10")); err != nil {
		t.Fatal(err)
	}
	if r, err := as2(1).Settle(ctx, chain.DevKey(4).Address(), 1, usdc("10")); err != nil {
		t.Fatal(err)
	} else {
		gas["settle (5% fee into the pool)"] = r.GasUsed
	}
	if out = mustWF(t, env2, "rewards", "show"); !regexp.MustCompile(`available\s+0\.50* USDC for coming epochs`).MatchString(out) {
		t.Fatalf("the fee did not reach the pool:\n%s", out)
	}
	return gas
}

func addr0() wfcore.Address { return chain.DevKey(0).Address() }

// TestGethIncentives runs the incentive flows against a real geth --dev
// node (today's forks). Opt-in, as TestGeth:
//
//	WF_GETH=$(./scripts/install-geth) go test -count=1 -run TestGethIncentives -v ./cli/
func TestGethIncentives(t *testing.T) {
	bin := os.Getenv("WF_GETH")
	if bin == "" {
		t.Skip("set WF_GETH to a geth binary (./scripts/install-geth prints one) to test against a real node")
	}
	genesis := mustWF(t, nil, "chain", "genesis", "--accounts", "10")
	gas := incentivesFlow(t, startGeth(t, bin, []byte(genesis)).url)
	for op, g := range gas {
		t.Logf("gas on geth %-24s %7d", op, g)
	}
}

// wf dev funds a rewards pool (its escrow's fee sink), stakes its provider, and says where to
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
	if err != nil || !regexp.MustCompile(`available\s+1000\.\d+ USDC .*sponsors put in 1000(\.0+)?,`).MatchString(show) || !strings.Contains(show, "every 2m0s") {
		t.Fatalf("rewards show: %q %v", show, err)
	}
	st, err := wf(t, env, "stake", "show", "dev", "--rpc", r[1])
	if err != nil || !regexp.MustCompile(`staked\s+true`).MatchString(st) {
		t.Fatalf("stake show: %q %v", st, err)
	}
	// wf providers shows who is staked (dev bonded, tunnel did not), and
	// discovery can require it.
	list := mustWF(t, env, "providers", "--rpc", r[1])
	if !regexp.MustCompile(`(?m)^dev\s+0x\w+\s+\S+\s+true\s`).MatchString(list) || !regexp.MustCompile(`(?m)^tunnel\s+0x\w+\s+\S+\s+false\s`).MatchString(list) {
		t.Fatalf("wf providers:\n%s", list)
	}
	found := mustWF(t, env, "providers", "search", "--staked", "--all", "--rpc", r[1])
	if !regexp.MustCompile(`(?m)^dev\s+\S+\s+true\s.*\s$`).MatchString(found) || !regexp.MustCompile(`(?m)^tunnel\s.*unstaked$`).MatchString(found) {
		t.Fatalf("wf providers search --staked:\n%s", found)
	}
}

// wf ratings: a payer rates a provider with the provider's receipt for
// its request; a second rating with it is refused; the index keeps its
// ratings across a restart.
func TestRatingsCLI(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home}
	serve := func() (string, func()) {
		ctx, cancel := context.WithCancel(context.Background())
		ready := make(chan string, 1)
		app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
		done := make(chan error, 1)
		go func() { done <- app.Run(ctx, []string{"ratings", "serve", "--listen", "127.0.0.1:0"}) }()
		select {
		case u := <-ready:
			return u, func() { cancel(); <-done }
		case err := <-done:
			t.Fatalf("ratings serve: %v", err)
		}
		return "", nil
	}
	url, stop := serve()
	prov := chain.DevKey(1)
	payer, err := chain.KeyFromHex(cli.DevKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	rc := payment.Receipt{ChargeReceipt: chain.ChargeReceipt{Function: wfcore.SumCID(wfcore.CodecRaw, []byte("f")), Payer: payer.Address(), Mode: "caller",
		Amount: big.NewInt(100), Cumulative: big.NewInt(100), RequestID: wfcore.RequestID{7: 1}}}
	if rc.Signature, err = chain.SignReceipt(prov, rc.ChargeReceipt); err != nil {
		t.Fatal(err)
	}
	receipt := payment.EncodeReceipt(rc)
	out, err := wf(t, env, "ratings", "rate", addr(1), "4", "--receipt", receipt, "--index", url, "--comment", "quick", "--key", "dev")
	if err != nil || !strings.Contains(out, "rated "+addr(1)+" 4") {
		t.Fatalf("rate: %q %v", out, err)
	}
	if _, err := wf(t, env, "ratings", "rate", addr(1), "1", "--receipt", receipt, "--index", url, "--key", "dev"); err == nil || !strings.Contains(err.Error(), "already used") {
		t.Errorf("a second rating with the receipt: %v", err)
	}
	if _, err := wf(t, env, "ratings", "rate", addr(1), "5", "--receipt", receipt, "--index", url, "--key", "dev:3"); err == nil {
		t.Error("rated with someone else's receipt")
	}
	stop()
	url, stop = serve()
	defer stop()
	out, err = wf(t, env, "ratings", "show", addr(1), "--index", url)
	if err != nil || !strings.Contains(out, "1 ratings, average 4.00") || !strings.Contains(out, "quick") {
		t.Fatalf("show after a restart: %q %v", out, err)
	}
}

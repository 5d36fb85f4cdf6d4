package cli_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
)

// gethNode is a real `geth --dev` on loopback.
type gethNode struct {
	url     string
	datadir string
}

var gethEndpointRE = regexp.MustCompile(`HTTP server started.*endpoint=(127\.0\.0\.1:\d+)`)

// startGeth runs geth --dev (mining as transactions arrive) with a JSON-RPC
// endpoint on a free loopback port, until the test ends. With genesis it
// starts from that genesis (see chain.DevGenesis) instead of geth's own.
func startGeth(t *testing.T, bin string, genesis []byte) *gethNode {
	t.Helper()
	dir := t.TempDir()
	if genesis != nil {
		file := filepath.Join(dir, "genesis.json")
		if err := os.WriteFile(file, genesis, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, "--datadir", filepath.Join(dir, "data"), "init", file).CombinedOutput(); err != nil {
			t.Fatalf("geth init: %v\n%s", err, out)
		}
	}
	args := []string{
		"--dev", "--datadir", filepath.Join(dir, "data"),
		"--http", "--http.addr", "127.0.0.1", "--http.port", "0", "--http.api", "eth,net,web3",
		"--authrpc.addr", "127.0.0.1", "--authrpc.port", "0",
		"--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0",
		"--cache", "64", "--verbosity", "3",
	}
	cmd := exec.Command(bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = nil
	if err := cmd.Start(); err != nil {
		t.Fatalf("start geth: %v", err)
	}
	exited := make(chan struct{})
	endpoint := make(chan string, 1)
	var logTail []string
	go func() {
		defer close(exited)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if len(logTail) == 40 {
				logTail = logTail[1:]
			}
			logTail = append(logTail, line)
			if m := gethEndpointRE.FindStringSubmatch(line); m != nil {
				select {
				case endpoint <- "http://" + m[1]:
				default:
				}
			}
		}
		cmd.Wait()
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		if testing.Verbose() {
			t.Logf("geth data dir: %s", dirSize(dir))
		}
	})
	select {
	case u := <-endpoint:
		return &gethNode{url: u, datadir: dir}
	case <-exited:
		t.Fatalf("geth exited:\n%s", strings.Join(logTail, "\n"))
	case <-time.After(90 * time.Second):
		t.Fatalf("geth did not serve HTTP in 90s:\n%s", strings.Join(logTail, "\n"))
	}
	return nil
}

func dirSize(dir string) string {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return strconv.FormatInt(n>>10, 10) + " KiB"
}

var gasRE = regexp.MustCompile(`gas (\d+)\)`)

func gasOf(t *testing.T, out string) uint64 {
	t.Helper()
	m := gasRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no gas figure in %q", out)
	}
	n, _ := strconv.ParseUint(m[1], 10, 64)
	return n
}

// gasFigures are the gas of one flow's transactions, by operation.
type gasFigures map[string]uint64

var gasOps = []string{"register", "deposit (first)", "approve", "settle (provider's first)", "settle (steady)", "redeem voucher (first)", "redeem voucher (steady)", "request withdrawal"}

// payFlow deploys the contracts through wf on the chain at url, registers a
// provider, funds and approves it, and settles, as a provider and a payer
// on an external chain would. DevKey(0..2) must hold ether.
func payFlow(t *testing.T, url string) gasFigures {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	gas := gasFigures{}
	payer, prov := chain.DevKey(1), chain.DevKey(2)
	env := map[string]string{"WF_HOME": t.TempDir(), "WF_RPC": url}
	file := filepath.Join(t.TempDir(), "contracts.json")
	mustWF(t, env, "contracts", "deploy", "--key", "dev:0", "--withdraw-delay", "1h", "--out", file)
	var d struct{ Token, Registry, Escrow string }
	if err := json.Unmarshal([]byte(readFile(t, file)), &d); err != nil {
		t.Fatal(err)
	}
	mustWF(t, env, "contracts", "mint", "100", "--key", "dev:1")

	out := mustWF(t, env, "provider", "register", "geth-node", "--endpoint", "http://127.0.0.1:8080", "--price", "0.001", "--sealing-key", "0x"+strings.Repeat("ab", 32), "--key", "dev:2")
	gas["register"] = gasOf(t, out)
	if out := mustWF(t, env, "providers"); !strings.Contains(out, "geth-node") || !strings.Contains(out, chain.ChecksumAddress(prov.Address())) {
		t.Fatalf("providers:\n%s", out)
	}
	_, err := wf(t, env, "provider", "register", "geth-node", "--endpoint", "http://127.0.0.1:8081", "--price", "0.001", "--key", "dev:1")
	wantErr(t, err, `the provider name "geth-node" is taken`)

	gas["deposit (first)"] = gasOf(t, mustWF(t, env, "escrow", "deposit", "10", "--key", "dev:1"))
	gas["approve"] = gasOf(t, mustWF(t, env, "escrow", "approve", "geth-node", "--budget", "5", "--key", "dev:1"))

	// The provider's side, through the chain client. Once payments land,
	// this becomes: start `wf provider start --rpc`, invoke it N times, and
	// wait for its settlement.
	pc, err := chain.Dial(ctx, url, prov, chain.Config{Contracts: chain.Contracts{Token: mustAddr(t, d.Token), Registry: mustAddr(t, d.Registry), Escrow: mustAddr(t, d.Escrow)}})
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	for _, op := range []string{"settle (provider's first)", "settle (steady)"} {
		r, err := pc.Settle(ctx, payer.Address(), 100, usdc("0.1"))
		if err != nil {
			t.Fatal(err)
		}
		gas[op] = r.GasUsed
	}
	for i, op := range []string{"redeem voucher (first)", "redeem voucher (steady)"} {
		amount := []string{"0.5", "0.75"}[i] // cumulative
		h := strings.TrimSpace(mustWF(t, env, "voucher", "--provider", "geth-node", "--amount", amount, "--expires", "1h", "--key", "dev:1"))
		sv, err := chain.DecodeVoucher(h)
		if err != nil {
			t.Fatal(err)
		}
		r, err := pc.RedeemVoucher(ctx, sv)
		if err != nil {
			t.Fatal(err)
		}
		gas[op] = r.GasUsed
	}
	// 10 deposited - 0.2 settled - 0.75 by vouchers.
	out = mustWF(t, env, "escrow", "balance", "--key", "dev:1")
	if !strings.Contains(out, "escrow     9.050000 USDC") || !strings.Contains(out, "budget left 4.800000 USDC") {
		t.Fatalf("balance after settlement:\n%s", out)
	}
	if got, err := pc.TokenBalance(ctx, prov.Address()); err != nil || got.Cmp(usdc("0.95")) != 0 {
		t.Fatalf("provider holds %v (%v), want 0.95 USDC", got, err)
	}
	out = mustWF(t, env, "escrow", "withdraw", "1", "--key", "dev:1")
	gas["request withdrawal"] = gasOf(t, out)
	_, err = wf(t, env, "escrow", "withdraw", "--key", "dev:1")
	wantErr(t, err, "is not ready: it can be completed from")
	return gas
}

// TestGeth runs the chain commands against a real geth --dev node and
// checks that gas there, under today's fork rules, is what the embedded
// chain measures. It is opt-in:
//
//	WF_GETH=$(./scripts/install-geth) go test -run TestGeth -v ./cli/
func TestGeth(t *testing.T) {
	bin := os.Getenv("WF_GETH")
	if bin == "" {
		t.Skip("set WF_GETH to a geth binary (./scripts/install-geth prints one) to test against a real node")
	}
	var embedded, today, future gasFigures
	t.Run("embedded", func(t *testing.T) { embedded = payFlow(t, newDevChain(t).url) })
	t.Run("geth today's forks", func(t *testing.T) {
		// The genesis funds the dev keys itself.
		genesis := mustWF(t, nil, "chain", "genesis", "--accounts", "3")
		today = payFlow(t, startGeth(t, bin, []byte(genesis)).url)
	})
	t.Run("geth --dev forks", func(t *testing.T) {
		g := startGeth(t, bin, nil)
		// Fresh accounts get ether from geth's own dev account.
		out := mustWF(t, nil, "chain", "fund", addr(0), addr(1), addr(2), "--ether", "100", "--rpc", g.url)
		if !strings.Contains(out, "sent 100 ETH to each of 3 accounts") {
			t.Fatalf("chain fund printed %q", out)
		}
		future = payFlow(t, g.url)
	})
	if embedded == nil || today == nil || future == nil {
		t.FailNow()
	}
	t.Logf("%-26s %10s %10s %14s", "gas", "embedded", "geth", "geth --dev")
	for _, op := range gasOps {
		t.Logf("%-26s %10d %10d %14d", op, embedded[op], today[op], future[op])
		// Equal up to calldata: signatures and addresses differ between
		// the chains, and a zero byte of calldata costs 12 gas less.
		if d := int64(embedded[op]) - int64(today[op]); d < -300 || d > 300 {
			t.Errorf("%s: %d gas on geth under today's forks, %d on the embedded chain", op, today[op], embedded[op])
		}
	}
}

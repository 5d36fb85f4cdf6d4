package cli_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/wftest"
)

// TestOperatorPath walks the operator's path on the embedded chain:
// init, fund, register (wrongly first), start with the config file (the
// self-check catches the wrong endpoint and price), fix, start, paid
// traffic, then status and the payment metrics. TestGeth walks it on
// geth --dev too.
func TestOperatorPath(t *testing.T) {
	d := newDevChain(t)
	operatorPath(t, d.url)
}

// operatorPath is the operator's path on the chain at url, whose dev:0
// and dev:1 accounts have ether.
func operatorPath(t *testing.T, url string) {
	t.Helper()
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_RPC": url, "WF_KEY_PASSWORD": "operator password"}
	mustWF(t, env, "contracts", "deploy", "--key", "dev:0", "--withdraw-delay", "1h")
	mustWF(t, env, "contracts", "mint", "10", "--key", "dev:1")

	data := filepath.Join(home, "node")
	listen := freeAddr(t)
	public := "http://" + listen
	out, errOut := wfBoth(t, env, "provider", "init", "--data", data, "--name", "opnode", "--listen", listen,
		"--public-url", public, "--price", "0.001", "--rpc", url)
	for _, f := range []string{"key.json", "sealing-keys.json", "provider.toml"} {
		fi, err := os.Stat(filepath.Join(data, f))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("init made no %s with mode 0600: %v", f, err)
		}
	}
	m := regexp.MustCompile(`created provider key .* address (0x[0-9a-fA-F]{40})`).FindStringSubmatch(errOut)
	if m == nil || !strings.Contains(errOut, "wf provider start --config "+filepath.Join(data, "provider.toml")) || !strings.Contains(errOut, "2. wf provider register --config ") {
		t.Fatalf("init said:\n%s", errOut)
	}
	provAddr, sealingHex := m[1], ""
	if sealingHex = strings.TrimSpace(mustWF(t, env, "provider", "init", "--data", data, "--hex")); !strings.HasPrefix(sealingHex, "0x") || out == "" {
		t.Fatalf("init --hex printed %q", sealingHex)
	}
	config := filepath.Join(data, "provider.toml")

	// Ether for the bond and gas, from the operator's own funded key.
	if got := mustWF(t, env, "send", "0.5", "ETH", provAddr, "--key", "dev:1"); !strings.Contains(got, "sent 0.5 ETH") {
		t.Fatalf("send printed %q", got)
	}
	if got := mustWF(t, env, "send", "1", "USDC", provAddr, "--key", "dev:1"); !strings.Contains(got, "sent 1 USDC") {
		t.Fatalf("send USDC printed %q", got)
	}
	key := filepath.Join(data, "key.json")
	mustWF(t, env, "provider", "register", "opnode", "--endpoint", "http://127.0.0.1:1", "--price", "0.002", "--sealing-key", sealingHex, "--key", key)

	// The self-check refuses a node that disagrees with its entry.
	_, errOut, err := wfErr(t, env, "provider", "start", "--config", config)
	if err == nil || !strings.Contains(err.Error(), "self-check: 2 disagreement(s)") {
		t.Fatalf("start with a wrong endpoint and price: %v", err)
	}
	for _, want := range []string{`registry endpoint of "opnode" is "http://127.0.0.1:1", but this node is at ` + public,
		"fix: wf provider update opnode --endpoint " + public, `registry price of "opnode" is 0.002000 USDC`, "fix: wf provider update opnode --price 0.001000",
		"fix: wf provider update --config " + config} {
		if !strings.Contains(errOut, want) {
			t.Errorf("self-check output lacks %q:\n%s", want, errOut)
		}
	}
	// A typo in the config file is named, not ignored.
	bad := filepath.Join(home, "bad.toml")
	os.WriteFile(bad, []byte("prise = \"0.001\"\n"), 0o600)
	if _, err := wf(t, env, "provider", "start", "--config", bad); err == nil || !strings.Contains(err.Error(), `unknown key "prise" (did you mean "price"?)`) {
		t.Fatalf("a misspelt key: %v", err)
	}

	// The config describes the node: update makes the entry match it.
	if got := mustWF(t, env, "provider", "update", "--config", config); !strings.Contains(got, `updated "opnode": `+public+" at 0.001000 USDC per request") {
		t.Fatalf("update --config printed %q", got)
	}
	logs := &wftest.LogBuffer{}
	stop := runCommand(t, env, logs, "provider", "start", "--config", config, "--settle-count", "3", "--settle-interval", "1s")
	waitFor(t, logs, "self-check: the registry agrees with this node")
	waitFor(t, logs, "self-check: the public URL reaches this node")

	// Paid traffic: dev:1 publishes and pays for its function.
	mustWF(t, env, "escrow", "deposit", "5", "--key", "dev:1")
	mustWF(t, env, "escrow", "approve", "opnode", "--budget", "1", "--key", "dev:1")
	dir := t.TempDir()
	mustWF(t, env, "init", filepath.Join(dir, "hello"))
	cid := cidRE.FindString(mustWF(t, env, "deploy", filepath.Join(dir, "hello"), "--provider", public, "--key", "dev:1"))
	if cid == "" {
		t.Fatal("deploy printed no CID")
	}
	for range 3 {
		resp, err := http.Get(public + "/" + cid + "/")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("paid call: %s", resp.Status)
		}
	}
	// A function whose owner approved nothing: wf invoke shows the 402's fix.
	unpaid := cidRE.FindString(mustWF(t, env, "deploy", filepath.Join(dir, "hello"), "--provider", public, "--key", "dev:0"))
	_, errOut, err = wfErr(t, env, "invoke", unpaid, "--provider", public)
	if err == nil || !strings.Contains(err.Error(), "402 payment_required") || !strings.Contains(errOut, "fix: the function owner "+addr(0)+" runs: ") || !strings.Contains(errOut, "wf escrow approve "+provAddr) {
		t.Errorf("wf invoke of an unpaid function: %v\n%s", err, errOut)
	}
	waitFor(t, logs, "msg=settled")
	// The owner reads its function's figures on the node.
	stats := mustWF(t, env, "stats", cid, "--provider", public, "--key", "dev:1")
	for _, want := range []string{"requests  3: 3 ran, 0 errors (5xx), 0 refused", "status    200: 3", "latency   mean ", "cost      3 charged, 0.003000 USDC"} {
		if !strings.Contains(stats, want) {
			t.Errorf("wf stats lacks %q:\n%s", want, stats)
		}
	}
	if _, err := wf(t, env, "stats", cid, "--provider", public, "--key", "dev:0"); err == nil || !strings.Contains(err.Error(), "403") {
		t.Errorf("another key read the stats: %v", err)
	}
	_, metrics := get(t, public+"/metrics", "")
	for _, want := range []string{`wf_payment_requests{state="charged"} 3`, `wf_payment_requests{state="settled"} 3`,
		`wf_payment_amount_base_units{state="settled"} 3000`, `wf_settlements_total{outcome="mined"} 1`, "wf_gas_balance_wei "} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	status := mustWF(t, env, "provider", "status", "--config", config)
	for _, want := range []string{"node      " + public + ": running", "registry  opnode: " + public + ", 0.001000 USDC a request",
		"charges   3 charged (0.003000 USDC), 0 pending (0.000000 USDC), 3 settled (0.003000 USDC)", "settled   1 settlement(s), last ",
		"earnings  0.003000 USDC settled", "ok        the registry agrees with the running node", "key       " + provAddr + ", gas 0.", "wallet 1.003000 USDC"} {
		if !strings.Contains(status, want) {
			t.Errorf("status lacks %q:\n%s", want, status)
		}
	}
	// No backup under a running node: its ledger changes on every request.
	if _, err := wf(t, env, "provider", "backup", "--data", data, "--out", filepath.Join(home, "torn.tar.gz")); err == nil || !strings.Contains(err.Error(), "stop the node first") {
		t.Fatalf("backup of a running node: %v", err)
	}
	stop()
	// Stopped, status says so rather than failing.
	if status = mustWF(t, env, "provider", "status", "--config", config); !strings.Contains(status, ": not answering") || !strings.Contains(status, "PROBLEM   the node does not answer") ||
		!strings.Contains(status, "ledger    read from the data directory (the node is stopped)") || !strings.Contains(status, "charges   3 charged (0.003000 USDC), 0 pending (0.000000 USDC), 3 settled") {
		t.Errorf("status of a stopped node:\n%s", status)
	}

	// Backup and restore: a backup older than the chain's settlements is
	// refused (it would settle them again); the latest restores and runs.
	old := filepath.Join(home, "old.tar.gz")
	mustWF(t, env, "provider", "backup", "--data", data, "--out", old)
	logs = &wftest.LogBuffer{}
	stop = runCommand(t, env, logs, "provider", "start", "--config", config, "--settle-count", "3", "--settle-interval", "1s")
	for range 3 {
		if code, _ := get(t, public+"/"+cid+"/", ""); code != 200 {
			t.Fatalf("paid call after restart: %d", code)
		}
	}
	waitFor(t, logs, "msg=settled")
	stop()
	restored := filepath.Join(home, "restored")
	_, err = wf(t, env, "provider", "restore", old, "--data", restored)
	if err == nil || !strings.Contains(err.Error(), "this backup is older than the chain") || !strings.Contains(err.Error(), "the escrow paid this node 0.006000 USDC, the backup's ledger knows of 0.003000") {
		t.Fatalf("restore of a stale backup: %v", err)
	}
	if _, err := os.Stat(restored); err == nil {
		t.Fatal("a refused restore left a data directory")
	}
	latest := filepath.Join(home, "latest.tar.gz")
	mustWF(t, env, "provider", "backup", "--data", data, "--out", latest)
	if fi, err := os.Stat(latest); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v", err)
	}
	mustWF(t, env, "provider", "restore", latest, "--data", restored)
	logs = &wftest.LogBuffer{}
	stop = runCommand(t, env, logs, "provider", "start", "--config", config, "--data", restored)
	waitFor(t, logs, "self-check: the registry agrees with this node")
	if code, body := get(t, public+"/"+cid+"/", ""); code != 200 {
		t.Fatalf("the restored node does not serve the function: %d %s", code, body)
	}
	status = mustWF(t, env, "provider", "status", "--config", config, "--data", restored)
	if !strings.Contains(status, "7 charged (0.007000 USDC), 1 pending (0.001000 USDC), 6 settled (0.006000 USDC)") {
		t.Errorf("status of the restored node:\n%s", status)
	}
	stop()
}

// wfErr is wf that also returns stderr.
func wfErr(t *testing.T, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &cli.App{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	err := app.Run(context.Background(), args)
	return out.String(), errOut.String(), err
}

// wfBoth is wfErr for a command expected to succeed.
func wfBoth(t *testing.T, env map[string]string, args ...string) (string, string) {
	t.Helper()
	out, errOut, err := wfErr(t, env, args...)
	if err != nil {
		t.Fatalf("wf %s: %v\n%s", strings.Join(args, " "), err, errOut)
	}
	return out, errOut
}

// runCommand runs a long-running wf command until the returned stop (or
// the test's end), its stderr in logs; it fails the test if the command
// exits with an error.
func runCommand(t *testing.T, env map[string]string, logs *wftest.LogBuffer, args ...string) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	app := &cli.App{Stdout: logs, Stderr: logs, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, args) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Errorf("wf %s: %v\n%s", strings.Join(args, " "), err, logs)
		}
	}
	t.Cleanup(stop)
	select {
	case <-ready:
	case err := <-done:
		stopped = true
		t.Fatalf("wf %s exited: %v\n%s", strings.Join(args, " "), err, logs)
	case <-time.After(60 * time.Second):
		t.Fatalf("wf %s did not start in 60s:\n%s", strings.Join(args, " "), logs)
	}
	return stop
}

// freeAddr is a loopback address no one listens on now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

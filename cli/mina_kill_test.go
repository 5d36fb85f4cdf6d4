package cli_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wftest"
)

// holdingSettler stands between the provider and the settler: while hold
// is set, a redeem request is announced on seen and never answered, so
// the provider is caught after recording its batch and before recording
// the transaction (which the settler builds for it).
type holdingSettler struct {
	hold atomic.Bool
	seen chan string
	stop chan struct{}
	rp   *httputil.ReverseProxy
}

func (h *holdingSettler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/v1/redeem" && h.hold.Load() {
		select {
		case h.seen <- r.URL.Path:
		default:
		}
		select { // until the provider is gone
		case <-r.Context().Done():
		case <-h.stop:
		}
		return
	}
	h.rp.ServeHTTP(w, r)
}

// wfProcess is `wf provider start`, the real binary, as its own process.
type wfProcess struct {
	url  string
	cmd  *exec.Cmd
	mu   sync.Mutex
	logs []string
	exit chan error
}

func startWF(t *testing.T, env []string, args ...string) *wfProcess {
	t.Helper()
	cmd := exec.Command(wftest.WF(t), args...)
	cmd.Env = append(os.Environ(), env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &wfProcess{cmd: cmd, exit: make(chan error, 1)}
	t.Cleanup(func() { cmd.Process.Kill(); <-p.exit; p.exit <- nil })
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			l := sc.Text()
			p.mu.Lock()
			p.logs = append(p.logs, l)
			p.mu.Unlock()
			var m struct{ Msg, URL string }
			if json.Unmarshal([]byte(l), &m) == nil && m.Msg == "provider serving" {
				urlc <- m.URL
			}
		}
		p.exit <- cmd.Wait()
	}()
	select {
	case p.url = <-urlc:
	case err := <-p.exit:
		t.Fatalf("wf provider start exited: %v\n%s", err, p.log())
	case <-time.After(2 * time.Minute):
		t.Fatalf("wf provider start did not serve\n%s", p.log())
	}
	return p
}

func (p *wfProcess) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.logs, "\n")
}

func (p *wfProcess) waitLog(t *testing.T, msg string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for p.count(msg) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the provider's log after %v\n%s", msg, d, p.log())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (p *wfProcess) count(msg string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, l := range p.logs {
		var m struct{ Msg string }
		if json.Unmarshal([]byte(l), &m) == nil && m.Msg == msg {
			n++
		}
	}
	return n
}

// TestMinaProviderKilled runs `wf provider start` with the MINA rail as
// its own process, pays it with wf invoke --mina (a receipt lost on the
// way is caught up, a provider claiming more than was signed is refused),
// SIGKILLs it after it recorded a batch and before it recorded the
// batch's transaction, restarts it on the same directory and checks that
// the channel is redeemed once: the provider's Mina balance grows by the
// batch's amount once, the ledger settles it once, and it equals the last
// receipt's cumulative amount. Slow (o1js in Node, a binary built):
// WF_MINA_SETTLER=1.
func TestMinaProviderKilled(t *testing.T) {
	if os.Getenv("WF_MINA_SETTLER") != "1" {
		t.Skip("set WF_MINA_SETTLER=1 to run the Node settler (scripts/test does)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	s, err := settler.Exec(ctx, settler.Options{Dir: filepath.Join("..", "mina", "zkapp")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	su, _ := url.Parse(s.URL)
	hold := &holdingSettler{seen: make(chan string, 1), stop: make(chan struct{}), rp: httputil.NewSingleHostReverseProxy(su)}
	proxy := httptest.NewServer(hold)
	t.Cleanup(func() { close(hold.stop); proxy.Close() })

	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "pw", "WF_MINA_SETTLER": s.URL}
	if _, err := wf(t, env, "mina", "keys", "new"); err != nil {
		t.Fatal(err)
	}
	provKey := filepath.Join(home, "provider", "mina-key.json")
	out, err := wf(t, env, "mina", "keys", "new", "--mina-key", provKey)
	if err != nil {
		t.Fatal(err)
	}
	provider, err := mina.ParsePublicKey(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	out, _ = wf(t, env, "mina", "keys", "show")
	payer, err := mina.ParsePublicKey(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []*mina.PublicKey{payer, provider} {
		if err := s.Fund(ctx, k, 5_000_000_000); err != nil {
			t.Fatal(err)
		}
	}
	balance := func(k *mina.PublicKey) uint64 {
		st, err := s.Channel(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := strconv.ParseUint(st.Balance, 10, 64)
		return n
	}

	data := filepath.Join(home, "node")
	start := func() *wfProcess {
		return startWF(t, []string{"WF_HOME=" + home, "WF_KEY_PASSWORD=pw"}, "provider", "start", "--listen", "127.0.0.1:0",
			"--log-format", "json", "--data", data, "--mina-settler", proxy.URL, "--mina-key", provKey,
			"--mina-price", "0.001", "--mina-settle-count", "3")
	}
	const price = 1_000_000
	hold.hold.Store(true)
	p := start()
	out, err = wf(t, env, "deploy", filepath.Join("..", "templates", "hello.wasm"), "--provider", p.url, "--key", "dev")
	if err != nil {
		t.Fatal(err)
	}
	fn := strings.TrimSpace(out)
	out, err = wf(t, env, "mina", "channel", "open", "--provider-url", p.url, "--deposit", "0.01")
	if err != nil {
		t.Fatal(err)
	}
	channel := strings.TrimSpace(out)
	paidFile := filepath.Join(home, "mina-paid", channel+".json")
	type paidState struct {
		Provider, Network string
		Signed, Paid      uint64
	}
	readPaid := func() paidState {
		var ps paidState
		b, err := os.ReadFile(paidFile)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &ps); err != nil {
			t.Fatal(err)
		}
		return ps
	}
	writePaid := func(ps paidState) {
		b, _ := json.Marshal(ps)
		if err := os.WriteFile(paidFile, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	invoke := func() (string, error) {
		return wf(t, env, "invoke", fn, "/?name=kill", "--provider", p.url, "--mina", channel)
	}

	// 1. Paid with wf invoke --mina: the voucher names exactly what was
	// paid plus the price.
	for i := 1; i <= 2; i++ {
		if out, err := invoke(); err != nil || out != "Hello, kill!\n" {
			t.Fatalf("paid call %d: %q %v", i, out, err)
		}
		if ps := readPaid(); ps.Paid != uint64(i)*price || ps.Signed != uint64(i)*price || ps.Provider != provider.Base58() {
			t.Fatalf("after call %d: %+v", i, ps)
		}
	}
	// 2. The second answer's receipt was lost: the provider asks for more
	// than the last receipt, no more than a voucher from here named.
	writePaid(paidState{Provider: provider.Base58(), Network: "testnet", Signed: 2 * price, Paid: price})
	out, err = wf(t, env, "invoke", fn, "/?name=kill", "--provider", p.url, "--mina", channel, "-i")
	if err != nil || !strings.HasSuffix(out, "\r\n\r\nHello, kill!\n") && !strings.HasSuffix(out, "\n\nHello, kill!\n") {
		t.Fatalf("call after a lost receipt: %q %v", out, err)
	}
	var lastReceipt uint64
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "X-Wf-Mina-Receipt: "); ok {
			rc, err := minarail.DecodeReceipt(v)
			if err != nil || !rc.Provider.Equal(provider) || rc.Channel.Base58() != channel {
				t.Fatalf("receipt %+v %v", rc, err)
			}
			lastReceipt = rc.Cumulative
		}
	}
	if ps := readPaid(); ps.Paid != 3*price || ps.Signed != 3*price {
		t.Fatalf("after catching up: %+v", ps)
	}
	// 3. This machine's record is behind what the provider says is owed
	// by more than one price: refused, nothing charged, nothing signed
	// above one price past the record.
	writePaid(paidState{Provider: provider.Base58(), Network: "testnet", Signed: price, Paid: price})
	if _, err := invoke(); err == nil || !strings.Contains(err.Error(), "this request needs 4000000") {
		t.Fatalf("a provider claiming more than was signed: %v", err)
	}
	if ps := readPaid(); ps.Signed != 2*price {
		t.Fatalf("signed above one price past the record: %+v", ps)
	}

	// 4. Three charges are a batch: recorded, then its redeem is built
	// through the (held) settler; the process dies there.
	select {
	case <-hold.seen:
	case <-time.After(2 * time.Minute):
		t.Fatalf("no redeem was asked for\n%s", p.log())
	}
	p.waitLog(t, "redeeming", 10*time.Second)
	if p.count("redeeming") != 1 {
		t.Fatalf("the batch was not logged once as recorded\n%s", p.log())
	}
	p.cmd.Process.Signal(syscall.SIGKILL)
	if err := <-p.exit; err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the provider was not killed: %v", err)
	}
	p.exit <- nil
	led, err := ledger.Open(filepath.Join(data, node.MinaLedgerFile), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	inflight, err := led.InFlightBatches()
	if err != nil || len(inflight) != 1 || inflight[0].State != ledger.Prepared || inflight[0].Tx != nil || inflight[0].UpTo.Uint64() != 3*price {
		t.Fatalf("in flight after the kill: %+v %v", inflight, err)
	}
	chKey, _ := mina.ParsePublicKey(channel)
	led.Close()
	st, err := s.Channel(ctx, chKey)
	if err != nil || st.Redeemed != "0" {
		t.Fatalf("redeemed before the restart: %+v %v", st, err)
	}
	before := balance(provider)

	// 5. Restarted on the same directory: the batch is redeemed once.
	hold.hold.Store(false)
	p = start()
	p.waitLog(t, "redeemed", 3*time.Minute)
	time.Sleep(2 * time.Second) // a later round finds nothing to do
	p.cmd.Process.Signal(os.Interrupt)
	if err := <-p.exit; err != nil {
		t.Fatalf("stopping the provider: %v\n%s", err, p.log())
	}
	p.exit <- nil
	st, err = s.Channel(ctx, chKey)
	if err != nil {
		t.Fatal(err)
	}
	led, err = ledger.Open(filepath.Join(data, node.MinaLedgerFile), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer led.Close()
	a := led.Account(minarail.ChannelKey(chKey))
	batches, _ := led.Batches()
	if st.Redeemed != strconv.Itoa(3*price) || a.Settled.Amount.Uint64() != 3*price || lastReceipt != 3*price || a.Pending().Count != 0 {
		t.Fatalf("redeemed %s, ledger settled %v, last receipt %d, pending %v; want all %d", st.Redeemed, a.Settled.Amount, lastReceipt, a.Pending(), 3*price)
	}
	if len(batches) != 1 || batches[0].State != ledger.Settled {
		t.Fatalf("batches: %+v", batches)
	}
	if got := balance(provider) - before; got != 3*price {
		t.Fatalf("the provider received %d after the restart, want %d once", got, 3*price)
	}
	if st.Balance != strconv.Itoa(10_000_000-3*price) {
		t.Fatalf("the channel holds %s", st.Balance)
	}
}

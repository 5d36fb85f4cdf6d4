package cli_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/mina/settler"
	wfcore "github.com/webfunctions/wf/wf"
)

// The MINA path through the command line, against the settler's local
// ledger: keys, a provider started with --mina-settler, a channel opened
// with wf mina channel open, requests paid with wf mina voucher's header,
// a 402 for a resent one, and the provider's redemption seen with wf mina
// channel show. Slow (o1js in Node): WF_MINA_SETTLER=1.
func TestMinaCLI(t *testing.T) {
	if os.Getenv("WF_MINA_SETTLER") != "1" {
		t.Skip("set WF_MINA_SETTLER=1 to run the Node settler (scripts/test does)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s, err := settler.Exec(ctx, settler.Options{Dir: filepath.Join("..", "mina", "zkapp")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "pw", "WF_MINA_SETTLER": s.URL}
	out, err := wf(t, env, "mina", "keys", "new")
	if err != nil {
		t.Fatal(err)
	}
	payer, err := mina.ParsePublicKey(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(home, "mina-key.json"))
	if k, err := mina.DecryptKey(b, "pw"); err != nil || !k.PublicKey().Equal(payer) || strings.Contains(string(b), k.Base58()) {
		t.Fatalf("the Mina key file: %v (or it holds the private key in plaintext)", err)
	}
	provKey := filepath.Join(home, "provider", "mina-key.json")
	out, err = wf(t, env, "mina", "keys", "new", "--mina-key", provKey)
	if err != nil {
		t.Fatal(err)
	}
	provider, _ := mina.ParsePublicKey(strings.TrimSpace(out))
	for _, k := range []*mina.PublicKey{payer, provider} {
		if err := s.Fund(ctx, k, 5_000_000_000); err != nil {
			t.Fatal(err)
		}
	}

	// The provider takes MINA only.
	pctx, pcancel := context.WithCancel(ctx)
	ready := make(chan string, 1)
	app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(pctx, []string{"provider", "start", "--listen", "127.0.0.1:0", "--data", filepath.Join(home, "provider"),
			"--mina-settler", s.URL, "--mina-key", provKey, "--mina-price", "0.001", "--mina-settle-count", "2"})
	}()
	defer func() {
		pcancel()
		if err := <-done; err != nil {
			t.Errorf("provider: %v", err)
		}
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("provider exited: %v", err)
	}
	out, err = wf(t, env, "deploy", filepath.Join("..", "templates", "hello.wasm"), "--provider", url, "--key", "dev")
	if err != nil {
		t.Fatal(err)
	}
	fnURL := url + "/" + strings.TrimSpace(out) + "/?name=mina"

	var info struct{ Mina map[string]any }
	getJSON(t, url+"/v1/info", &info)
	if info.Mina["provider"] != provider.Base58() || info.Mina["price"] != "1000000" {
		t.Fatalf("/v1/info mina: %v", info.Mina)
	}
	if code, body := get(t, fnURL, ""); code != http.StatusPaymentRequired || !strings.Contains(body, "wf mina channel open") {
		t.Fatalf("without a voucher: %d %s", code, body)
	}

	out, err = wf(t, env, "mina", "channel", "open", "--provider-url", url, "--deposit", "0.01")
	if err != nil {
		t.Fatal(err)
	}
	channel := strings.TrimSpace(out)
	pay := func() (int, http.Header, string, string) {
		line, err := wf(t, env, "mina", "voucher", fnURL)
		if err != nil {
			t.Fatal(err)
		}
		name, value, _ := strings.Cut(strings.TrimSpace(line), ": ")
		code, h, body := getWith(t, fnURL, name, value)
		return code, h, body, value
	}
	code, h, body, header := pay()
	if code != http.StatusOK || body != "Hello, mina!\n" {
		t.Fatalf("paid request: %d %q", code, body)
	}
	rc, err := minarail.DecodeReceipt(h.Get(minarail.ReceiptHeader))
	if err != nil || rc.Cumulative != 1_000_000 || !rc.Provider.Equal(provider) || rc.Channel.Base58() != channel {
		t.Fatalf("receipt %+v %v", rc, err)
	}
	if code, _, body := getWith(t, fnURL, "X-WF-Mina-Voucher", header); code != http.StatusPaymentRequired || !strings.Contains(body, "seq_used") {
		t.Fatalf("a resent header: %d %s", code, body)
	}
	if code, _, _, _ := pay(); code != http.StatusOK {
		t.Fatalf("second paid request: %d", code)
	}

	// Two charges are a batch: the provider redeems them.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		out, err := wf(t, env, "mina", "channel", "show", channel, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var st settler.State
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatal(err)
		}
		if st.Redeemed == "2000000" && st.Balance == "8000000" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not redeemed: %+v", st)
		}
		time.Sleep(time.Second)
	}
	if _, err := wf(t, env, "mina", "channel", "topup", channel, "0.5"); err != nil {
		t.Fatal(err)
	}
	if out, _ := wf(t, env, "mina", "channel", "show", channel); !strings.Contains(out, "0.508 MINA") {
		t.Fatalf("after the top-up:\n%s", out)
	}

	// Owner-pays: a channel with a budget of two requests sponsors the
	// function's owner; calls without any payment are charged to it and
	// settled with the zkApp's settle.
	out, err = wf(t, env, "mina", "channel", "open", "--provider-url", url, "--deposit", "0.01", "--price-cap", "1000000", "--budget", "2000000")
	if err != nil {
		t.Fatal(err)
	}
	sponsor := strings.TrimSpace(out)
	fn, err := wfcore.ParseCID(strings.Split(fnURL, "/")[3])
	if err != nil {
		t.Fatal(err)
	}
	ss, err := client.New(url).Spec(ctx, fn, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wf(t, env, "mina", "sponsor", sponsor, "--owner", "0x0000000000000000000000000000000000000001", "--provider-url", url); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, fnURL, ""); code != http.StatusPaymentRequired {
		t.Fatalf("another owner's sponsorship paid: %d", code)
	}
	if _, err := wf(t, env, "mina", "sponsor", sponsor, "--owner", ss.Spec.Owner.String(), "--provider-url", url); err != nil {
		t.Fatal(err)
	}
	for i := uint64(1); i <= 2; i++ {
		code, h, body := getWith(t, fnURL, "X-Unrelated", "1")
		rc, err := minarail.DecodeReceipt(h.Get(minarail.ReceiptHeader))
		if code != http.StatusOK || body != "Hello, mina!\n" || err != nil || rc.Channel.Base58() != sponsor || rc.Cumulative != i*1_000_000 {
			t.Fatalf("owner-paid call %d: %d %q %+v %v", i, code, body, rc, err)
		}
	}
	if code, body := get(t, fnURL, ""); code != http.StatusPaymentRequired || strings.Contains(body, "over_budget") {
		t.Fatalf("past the budget: %d %s", code, body)
	}
	if out, err := wf(t, env, "mina", "sponsor", sponsor, "--owner", ss.Spec.Owner.String(), "--provider-url", url, "--revoke"); err != nil || !strings.Contains(out, "no longer pays") {
		t.Fatalf("wf mina sponsor --revoke: %s %v", out, err)
	}
	deadline = time.Now().Add(2 * time.Minute)
	for {
		out, err := wf(t, env, "mina", "channel", "show", sponsor, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var st settler.State
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatal(err)
		}
		if st.Settled == "2000000" && st.SettledCount == "2" && st.Balance == "8000000" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not settled: %+v", st)
		}
		time.Sleep(time.Second)
	}
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func getWith(t *testing.T, url, name, value string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set(name, value)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

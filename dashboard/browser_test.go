package dashboard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/webfunctions/wf/chain"
)

// chromium finds a Chromium to drive: $WF_CHROMIUM, else Debian's
// package. Without one the test skips, unless WF_REQUIRE_TOOLCHAINS is set
// (scripts/test sets it and installs Chromium), where it fails.
func chromium(t *testing.T) string {
	if p := os.Getenv("WF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("WF_REQUIRE_TOOLCHAINS") != "" {
		t.Fatal("Chromium is required for the dashboard's browser test: apt-get install chromium (scripts/install-chromium)")
	}
	t.Skip("Chromium not installed")
	return ""
}

// wallet is the injected EIP-1193 provider (window.ethereum): every
// request goes to Go (window.wfWallet, a chromedp.ExposeFunc), which
// answers as a wallet holding the key would. The key is the user's, in the
// browser's wallet; the dashboard server never sees it.
const wallet = `window.ethereum = {
  isTestWallet: true,
  request({ method, params }) { return window.wfWallet({ method, params: params || [] }); },
};`

type walletCall struct {
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

// answer is what the wallet holding key answers to c.
func answer(key *chain.Key, c walletCall) (any, error) {
	switch c.Method {
	case "eth_requestAccounts", "eth_accounts":
		return []string{key.Address().Checksum()}, nil
	case "eth_signTypedData_v4":
		var from, td string
		if len(c.Params) != 2 || json.Unmarshal(c.Params[0], &from) != nil || json.Unmarshal(c.Params[1], &td) != nil {
			return nil, fmt.Errorf("eth_signTypedData_v4 takes [address, typed data JSON]")
		}
		if !strings.EqualFold(from, key.Address().Checksum()) {
			return nil, fmt.Errorf("the wallet holds %s, not %s", key.Address().Checksum(), from)
		}
		sig, err := key.SignTypedData([]byte(td))
		if err != nil {
			return nil, err
		}
		return sig.String(), nil
	}
	return nil, fmt.Errorf("unsupported method %s", c.Method)
}

// The whole path in a real browser: sign in through the injected wallet,
// see the functions, open one and read its invocations (signed in the
// wallet), see the spending caps, then sign in as the provider and open
// its console. Screenshots go to $WF_SCREENSHOTS (or the test's temporary
// directory); WF_DOCS_SCREENSHOTS=1 also refreshes the two in docs/.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	w := start(t, false)
	shots := os.Getenv("WF_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	alloc, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.WindowSize(1280, 860))...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	var key atomic.Pointer[chain.Key]
	key.Store(w.net.Publisher)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("browser: %s: %v (screenshots so far in %s)", what, err, shots)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("browser: text of %s: %v", sel, err)
		}
		return s
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
		if err != nil {
			t.Fatalf("browser: screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		if os.Getenv("WF_DOCS_SCREENSHOTS") == "1" && (name == "functions" || name == "admin") {
			if err := os.WriteFile(filepath.Join("..", "docs", "dashboard-"+name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}

	began := time.Now()
	do("install the wallet", chromedp.ExposeFunc("wfWallet", func(_ context.Context, c walletCall) (any, error) {
		return answer(key.Load(), c)
	}))
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: wallet}); err != nil {
		t.Fatal(err)
	}
	do("sign in", chromedp.Navigate(w.url+"/login"), chromedp.WaitVisible(chromedp.ID("wallet-button")))
	shot("login")
	do("see the functions", chromedp.Click(chromedp.ID("wallet-button")), chromedp.WaitVisible(chromedp.ID("functions")))
	functions := text("#functions")
	shot("functions")

	do("read invocations", chromedp.Click(chromedp.CSS("#functions a")), chromedp.WaitVisible(chromedp.CSS("form.logs button")),
		chromedp.Click(chromedp.CSS("form.logs button")), chromedp.WaitVisible(chromedp.CSS("table.invocations")))
	logs := text("#logs")
	shot("function")

	do("payments", chromedp.Navigate(w.url+"/payments"), chromedp.WaitVisible(chromedp.ID("caps")))
	caps := text("#caps")
	shot("payments")

	do("sign out", chromedp.Click(chromedp.CSS(".who button")), chromedp.WaitVisible(chromedp.ID("wallet-button")))
	key.Store(w.net.Nodes[0].Key) // the operator's wallet now
	do("sign in as the operator", chromedp.Click(chromedp.ID("wallet-button")), chromedp.WaitVisible(chromedp.ID("no-functions")),
		chromedp.Navigate(w.url+"/admin"), chromedp.WaitVisible(chromedp.ID("no-user-db")))
	admin := text("main")
	shot("admin")
	t.Logf("browser time %v; screenshots in %s", time.Since(began).Round(time.Millisecond), shots)

	for _, c := range []struct{ what, text, want string }{
		{"functions", functions, w.fn.String()[:10]},
		{"invocations", logs, "greeting dashboard"},
		{"caps", caps, "alpha can never take more than 100.000000 USDC from you"},
		{"admin", admin, "There is no global user database"},
		{"admin", admin, "Operator console: alpha"},
		{"admin ledger", admin, w.net.Publisher.Address().Checksum()[:10]},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s: %q lacks %q", c.what, c.text, c.want)
		}
	}
}

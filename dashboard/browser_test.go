package dashboard_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/dashboard"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
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

// audit is an automated accessibility check run on every page: a
// language and a title, one h1, labels on every control, a name on every
// button and link, alt text, and WCAG AA contrast (4.5:1, 3:1 for large
// text) of every text against its background.
const a11yAudit = `(() => {
  const problems = [];
  const say = (what, el) => problems.push(what + (el ? ": " + el.outerHTML.slice(0, 90) : ""));
  if (!document.documentElement.lang) say("no lang");
  if (!document.title.trim()) say("no title");
  if (document.querySelectorAll("h1").length !== 1) say("not one h1");
  for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea"))
    if (!(el.labels && el.labels.length) && !el.getAttribute("aria-label")) say("control without a label", el);
  for (const el of document.querySelectorAll("button, a[href]"))
    if (!el.textContent.trim() && !el.getAttribute("aria-label")) say("no accessible name", el);
  for (const el of document.querySelectorAll("img")) if (!el.hasAttribute("alt")) say("img without alt", el);
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  for (const el of document.querySelectorAll("body *")) {
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const st = getComputedStyle(el);
    if (!text || st.visibility === "hidden" || st.display === "none" || el.offsetParent === null && st.position !== "fixed") continue;
    if (el.closest(".skip")) continue;
    const a = lum(rgb(st.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) say("contrast " + ratio.toFixed(2) + " < " + need, el);
  }
  return problems;
})()`

// keyboard: the first Tab reaches the skip link, so the page is usable
// without a mouse from its first key.
const firstTab = `document.activeElement && document.activeElement.className`

type walletCall struct {
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

// answer is what the wallet holding key answers to c; it sends
// transactions to the chain through ch.
func answer(ctx context.Context, ch *sim.Chain, key *chain.Key, c walletCall) (any, error) {
	switch c.Method {
	case "eth_requestAccounts", "eth_accounts":
		return []string{key.Address().Checksum()}, nil
	case "eth_chainId":
		return "0x" + ch.Client(nil).ChainID().Text(16), nil
	case "eth_sendTransaction":
		var tx struct{ From, To, Data string }
		if len(c.Params) != 1 || json.Unmarshal(c.Params[0], &tx) != nil {
			return nil, fmt.Errorf("eth_sendTransaction takes [{from, to, data}]")
		}
		if !strings.EqualFold(tx.From, key.Address().Checksum()) {
			return nil, fmt.Errorf("the wallet holds %s, not %s", key.Address().Checksum(), tx.From)
		}
		to, err := wf.ParseAddress(tx.To)
		if err != nil {
			return nil, err
		}
		data, err := hex.DecodeString(strings.TrimPrefix(tx.Data, "0x"))
		if err != nil {
			return nil, err
		}
		r, err := ch.Client(key).SendTx(ctx, chain.WalletTx{To: to, Data: data, What: "the page's transaction"})
		if err != nil {
			return nil, err
		}
		return r.TxHash.String(), nil
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
// see the functions, deploy a module and a TypeScript worker through the
// page, see the module listed,
// invoke it and read its invocation, latency and cost, roll a name back
// and split it (specs, log reads and name records all signed in the
// wallet), see the spending caps and the settlement of that invocation,
// change a cap with a transaction the wallet sends, then sign in
// as the provider and open its console. Screenshots go to $WF_SCREENSHOTS (or the test's temporary
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
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](a11yAudit))
		if err != nil {
			t.Fatalf("browser: accessibility audit of %s: %v", name, err)
		}
		for _, p := range problems {
			t.Errorf("accessibility, %s page: %s", name, p)
		}
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
	do("install the wallet", chromedp.ExposeFunc("wfWallet", func(ctx context.Context, c walletCall) (any, error) {
		return answer(ctx, w.net.Chain, key.Load(), c)
	}))
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: wallet}); err != nil {
		t.Fatal(err)
	}
	do("sign in", chromedp.Navigate(w.url+"/login"), chromedp.WaitVisible(chromedp.ID("wallet-button")))
	shot("login")
	do("tab", chromedp.KeyEvent("\t"))
	if focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](firstTab)); err != nil || focused != "skip" {
		t.Errorf("the first Tab focuses %q (%v), want the skip link", focused, err)
	}
	// Keyboard only: Tab on to the wallet button and press Enter.
	for i := 0; ; i++ {
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`))
		if err != nil {
			t.Fatal(err)
		}
		if id == "wallet-button" {
			break
		}
		if i == 10 {
			t.Fatalf("ten Tabs did not reach the sign-in button (at %q)", id)
		}
		do("tab", chromedp.KeyEvent("\t"))
	}
	do("see the functions", chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.ID("functions")))
	functions := text("#functions")
	shot("functions")

	module := filepath.Join(t.TempDir(), "hello.wasm")
	if err := os.WriteFile(module, templates.HelloWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	do("deploy a module through the page", chromedp.SetUploadFiles(chromedp.ID("deploy-module"), []string{module}),
		chromedp.Click(chromedp.CSS("#deploy button")), chromedp.WaitVisible(chromedp.ID("deployed")))
	deployed := text("#deploy-result")
	fn, err := wf.ParseCID(text("#deployed code"))
	if err != nil {
		t.Fatalf("the deploy names no function: %q: %v", deployed, err)
	}
	do("see it listed", chromedp.Navigate(w.url+"/functions"), chromedp.WaitVisible(chromedp.ID("functions")),
		chromedp.Click(chromedp.CSS(`#functions a[href="/functions/`+fn.String()+`"]`)), chromedp.WaitVisible(chromedp.CSS("form.logs button")))
	uploaded := text("main")

	// A worker deploys the same way: one TypeScript file, bundled by the
	// dashboard, its spec signed in the wallet; it runs at alpha.
	worker := filepath.Join(t.TempDir(), "worker.ts")
	if err := os.WriteFile(worker, []byte(`export default { fetch(req: Request, env: { WORD?: string }): Response { return new Response("worker in the browser test" + (env.WORD ? ": " + env.WORD : "")); } };`), 0o644); err != nil {
		t.Fatal(err)
	}
	do("deploy a worker through the page", chromedp.Navigate(w.url+"/functions"), chromedp.WaitVisible(chromedp.ID("deploy-module")),
		chromedp.SetUploadFiles(chromedp.ID("deploy-module"), []string{worker}),
		chromedp.Click(chromedp.CSS("#deploy button")), chromedp.WaitVisible(chromedp.ID("deployed")))
	js, err := wf.ParseCID(text("#deployed code"))
	if err != nil {
		t.Fatalf("the worker's deploy names no function: %v", err)
	}
	resp, err := http.Get(w.net.Nodes[0].URL + "/" + js.String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(out) != "worker in the browser test" {
		t.Fatalf("invoke the worker deployed through the page: %s %q", resp.Status, out)
	}

	// Its secret is set in the page: sealed there by the project's
	// sealing code in WebAssembly, the spec signed in the wallet; the
	// dashboard's server never sees the value, and the provider opens it.
	do("set the worker's secret in the page", chromedp.Navigate(w.url+"/functions/"+js.String()+"/secrets"),
		chromedp.WaitEnabled(chromedp.ID("seal-button")),
		chromedp.SendKeys(chromedp.ID("secret-name-1"), "WORD"), chromedp.SendKeys(chromedp.ID("secret-value-1"), "sealed in the page"))
	shot("secrets")
	sctx, scancel := context.WithTimeout(ctx, 20*time.Second)
	if err := chromedp.Do(sctx, chromedp.Click(chromedp.ID("seal-button")), chromedp.WaitVisible(chromedp.ID("deployed"))); err != nil {
		scancel()
		t.Fatalf("browser: seal and sign: %v; the page says %q", err, text("#secrets-result"))
	}
	scancel()
	sealedFn, err := wf.ParseCID(text("#deployed code"))
	if err != nil {
		t.Fatalf("the secrets' deploy names no function: %q: %v", text("#secrets-result"), err)
	}
	if v, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("secret-value-1"))); err != nil || v != "" {
		t.Errorf("the page kept the secret's value after sealing it: %q %v", v, err)
	}
	resp, err = http.Get(w.net.Nodes[0].URL + "/" + sealedFn.String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	out, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(out) != "worker in the browser test: sealed in the page" {
		t.Fatalf("invoke the worker with the secret set in the page: %s %q", resp.Status, out)
	}
	do("back to the module", chromedp.Navigate(w.url+"/functions/"+fn.String()), chromedp.WaitVisible(chromedp.CSS("form.logs button")))

	// Invoke it (the owner pays: no voucher), then read the invocation,
	// its latency and cost through the wallet.
	// A signed receipt: providers sign one in many unless asked.
	req, _ := http.NewRequest(http.MethodGet, w.net.Nodes[0].URL+"/"+fn.String()+"/?name=browser", nil)
	req.Header.Set(payment.SignReceiptHeader, "1")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	receipt := resp.Header.Get(wf.ReceiptHeader)
	if resp.StatusCode != 200 || receipt == "" {
		t.Fatalf("invoke the function deployed through the page: %s, receipt %q", resp.Status, receipt)
	}
	do("read invocations", chromedp.Click(chromedp.CSS("form.logs button")), chromedp.WaitVisible(chromedp.CSS("table.invocations")))
	logs := text("#logs")
	shot("function")

	do("roll a name back", chromedp.Navigate(w.url+"/names/hello"), chromedp.WaitVisible(chromedp.CSS("form.rollback button")),
		chromedp.Click(chromedp.CSS("form.rollback button")), chromedp.WaitVisible(chromedp.ID("name-signed")))
	rolled := text("#name-result")
	shot("names")
	do("split the name", chromedp.Navigate(w.url+"/names/hello"), chromedp.WaitVisible(chromedp.ID("split-function")),
		chromedp.SendKeys(chromedp.ID("split-function"), w.fn2.String()), chromedp.Click(chromedp.CSS("form.split button")),
		chromedp.WaitVisible(chromedp.ID("name-signed")))
	split := text("#name-result")

	// alpha settles what it charged, the invocation above among it.
	if err := w.net.Nodes[0].Meter().Settle(ctx); err != nil {
		t.Fatal(err)
	}
	do("payments", chromedp.Navigate(w.url+"/payments"), chromedp.WaitVisible(chromedp.ID("caps")))
	caps := text("#caps")
	payouts := text("#payouts")
	do("lower alpha's cap in the wallet", chromedp.SetValue(chromedp.ID("cap-budget-0"), "40"),
		chromedp.Click(chromedp.CSS(`form.cap[data-provider="0"] button`)), chromedp.WaitVisible(chromedp.ID("tx-cap")))
	capped := text("#tx-result")
	shot("payments")
	do("check a receipt", chromedp.SendKeys(chromedp.ID("receipt-value"), receipt), chromedp.Click(chromedp.CSS("#check-receipt button")),
		chromedp.WaitVisible(chromedp.ID("receipt")))
	checked := text("#receipt")
	shot("receipt")
	do("ask alpha what it holds", chromedp.Navigate(w.url+"/payments"), chromedp.WaitVisible(chromedp.CSS(`form.account-read[data-provider="0"] button`)),
		chromedp.Click(chromedp.CSS(`form.account-read[data-provider="0"] button`)), chromedp.WaitVisible(chromedp.CSS("#holdings h3")))
	held := text("#holdings")
	shot("holdings")
	do("gateways", chromedp.Navigate(w.url+"/gateways"), chromedp.WaitVisible(chromedp.CSS("table.gateway-providers")))
	shot("gateways")
	do("ci", chromedp.Navigate(w.url+"/ci"), chromedp.WaitVisible(chromedp.CSS("table.ci-rules")))
	shot("ci")
	do("credentials", chromedp.Navigate(w.url+"/credentials"), chromedp.WaitVisible(chromedp.ID("held-elsewhere")))
	shot("credentials")

	do("sign out", chromedp.Click(chromedp.CSS(".who button")), chromedp.WaitVisible(chromedp.ID("wallet-button")))
	key.Store(w.net.Nodes[0].Key) // the operator's wallet now
	do("sign in as the operator", chromedp.Click(chromedp.ID("wallet-button")), chromedp.WaitVisible(chromedp.ID("no-functions")),
		chromedp.Navigate(w.url+"/admin"), chromedp.WaitVisible(chromedp.ID("no-user-db")))
	admin := text("main")
	shot("admin")

	// A dashboard that does not run beside the node (it knows alpha's URL
	// and address only) reads the console through the operator's wallet.
	alpha := w.net.Nodes[0]
	remote := serve(t, dashboard.Config{Providers: []dashboard.Provider{{Name: "alpha", URL: alpha.URL, Address: alpha.Key.Address()}}})
	do("sign in elsewhere as the operator", chromedp.Navigate(remote+"/login"), chromedp.WaitVisible(chromedp.ID("wallet-button")),
		chromedp.Click(chromedp.ID("wallet-button")), chromedp.WaitVisible(chromedp.ID("no-functions")),
		chromedp.Navigate(remote+"/admin"), chromedp.WaitVisible(chromedp.CSS(`form.account-read[data-scope="operator"] button`)),
		chromedp.Click(chromedp.CSS(`form.account-read[data-scope="operator"] button`)), chromedp.WaitVisible(chromedp.ID("console-remote")))
	remoteAdmin := text("#console")
	shot("admin-remote")
	t.Logf("browser time %v; screenshots in %s", time.Since(began).Round(time.Millisecond), shots)

	// The audit finds what it looks for.
	do("a bad page", chromedp.Navigate("data:text/html,"+url.PathEscape(
		`<title>x</title><p style="color:#bbb">faint</p><input type=text><button></button>`)))
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](a11yAudit))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"no lang", "not one h1", "control without a label", "no accessible name", "contrast"} {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, want) }) {
			t.Errorf("the audit missed %q on a bad page: %q", want, problems)
		}
	}

	for _, c := range []struct{ what, text, want string }{
		{"functions", functions, w.fn.String()[:10]},
		{"deploy", deployed, "alpha: accepted"},
		{"deployed function", uploaded, "alpha"},
		{"invocations", logs, "GET /"},
		{"invocations", logs, "name=browser"},
		{"invocations", logs, "greeting browser"},
		{"invocation stats", logs, "Invocations recorded\n1"},
		{"invocation cost", logs, "at most 0.001000 USDC"},
		{"settlement", payouts, "settlement"},
		{"settlement", payouts, "alpha"},
		{"rollback", rolled, "Signed hello seq 3"},
		{"rollback", rolled, "alpha: accepted"},
		{"split", split, "Signed hello seq 4"},
		{"split", split, "10%"},
		{"caps", caps, "beta can never take more than 100.000000 USDC from you"},
		{"caps after the settlement", caps, "alpha can never take more than 99.996000 USDC from you"}, // four requests: start's, the module's, the worker's, the worker's with its secret
		{"receipt", checked, "provider alpha"},
		{"receipt", checked, "the signature checks"},
		{"cap changed", capped, "provider alpha can never take more than 40.000000 USDC from you"},
		{"holdings", held, "At alpha"},
		{"holdings", held, "Budget left against your cap"},
		{"remote console", remoteAdmin, "payer account(s) and MINA channel(s) this node served"},
		{"remote console", remoteAdmin, w.net.Publisher.Address().Checksum()[:10]},
		{"remote console", remoteAdmin, "Settled on the chain"},
		{"admin", admin, "There is no global user database"},
		{"admin", admin, "Operator console: alpha"},
		{"admin ledger", admin, w.net.Publisher.Address().Checksum()[:10]},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s: %q lacks %q", c.what, c.text, c.want)
		}
	}
}

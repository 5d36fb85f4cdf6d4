package cli_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment/voucher"
	wfcore "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// devChain is a devnet's chain served over JSON-RPC on loopback, and the
// environment that points wf at it.
type devChain struct {
	sim *sim.Chain
	url string
	env map[string]string
}

func newDevChain(t *testing.T) *devChain {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	net, err := devnet.Start(ctx, devnet.Config{Chain: sim.Options{Accounts: 5}, ChainListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { net.Close(context.Background()) })
	ch := net.Chain
	home := t.TempDir()
	ct := ch.Contracts()
	file := filepath.Join(home, "contracts-under-test.json")
	b, _ := json.Marshal(map[string]any{"chainId": 1337, "token": ct.Token, "registry": ct.Registry, "escrow": ct.Escrow})
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return &devChain{sim: ch, url: net.RPC, env: map[string]string{"WF_HOME": home, "WF_RPC": net.RPC, "WF_CONTRACTS": file}}
}

// as returns a chain client for dev account i, on the same chain.
func (d *devChain) as(i int) *chain.Client { return d.sim.Client(chain.DevKey(i)) }

// usdc is s USDC in base units.
func usdc(s string) *big.Int {
	a, err := wfcore.ParseUSDC(s)
	if err != nil {
		panic(err)
	}
	return a.Big()
}

func mustAddr(t *testing.T, s string) wfcore.Address {
	t.Helper()
	a, err := wfcore.ParseAddress(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func addr(i int) string { return chain.DevKey(i).Address().Checksum() }

// wantErr checks that err is one line containing want.
func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("succeeded, want an error mentioning %q", want)
	}
	if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %q: want one line mentioning %q", err, want)
	}
}

func mustWF(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	out, err := wf(t, env, args...)
	if err != nil {
		t.Fatalf("wf %s: %v", strings.Join(args, " "), err)
	}
	return out
}

func TestProviderRegistryCommands(t *testing.T) {
	d := newDevChain(t)
	env := d.env
	out := mustWF(t, env, "provider", "register", "alpha", "--endpoint", "https://alpha.example.com/", "--price", "0.001", "--key", "dev:1")
	if !strings.Contains(out, `registered "alpha" for `+addr(1)) || !strings.Contains(out, "0.001000 USDC per request") ||
		!strings.Contains(out, "bond: 0.001 ether deposited, paid back by `wf provider release alpha`") || !strings.Contains(out, "lease: until ") {
		t.Fatalf("register printed %q", out)
	}
	p, err := d.as(0).LookupProvider(context.Background(), "alpha")
	if err != nil || p.Owner != chain.DevKey(1).Address() || p.PricePerRequest.Int64() != 1000 || p.Endpoint != "https://alpha.example.com" {
		t.Fatalf("on chain: %+v %v", p, err)
	}

	out = mustWF(t, env, "providers")
	row := regexp.MustCompile(`(?m)^alpha\s+` + addr(1) + `\s+0\.001000\s+https://alpha\.example\.com$`)
	if !strings.HasPrefix(out, "NAME") || !row.MatchString(out) {
		t.Fatalf("providers table:\n%s", out)
	}
	out = mustWF(t, env, "provider", "show", "alpha")
	for _, want := range []string{"owner        " + addr(1), "price        0.001000 USDC per request", "sealing key  none", "metadata     -"} {
		if !strings.Contains(out, want) {
			t.Fatalf("show lacks %q:\n%s", want, out)
		}
	}

	// Only the owner updates; unspecified fields stay as they were.
	_, err = wf(t, env, "provider", "update", "alpha", "--price", "1", "--key", "dev:2")
	wantErr(t, err, `the provider "alpha" belongs to `+addr(1)+", not to your key "+addr(2))
	if !errors.Is(err, wfcore.ErrForbidden) {
		t.Errorf("%v does not match wfcore.ErrForbidden", err)
	}
	mustWF(t, env, "provider", "update", "alpha", "--price", "0.0025", "--sealing-key", "0xabcd", "--metadata", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", "--key", "dev:1")
	out = mustWF(t, env, "provider", "show", "alpha")
	for _, want := range []string{"endpoint     https://alpha.example.com", "0.002500 USDC", "sealing key  0xabcd (2 bytes)", "metadata     bafkrei"} {
		if !strings.Contains(out, want) {
			t.Fatalf("show after update lacks %q:\n%s", want, out)
		}
	}

	reg := func(name string, extra ...string) error {
		_, err := wf(t, env, append([]string{"provider", "register", name, "--endpoint", "http://127.0.0.1:8080", "--price", "0.01", "--key", "dev:2"}, extra...)...)
		return err
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"duplicate name", reg("alpha"), `the provider name "alpha" is taken (by ` + addr(1) + ")"},
		{"invalid name", reg("Not_A_Label"), `"Not_A_Label" is not a valid provider name`},
		{"too many decimals", reg("beta", "--price", "1.2345678"), "USDC has 6 decimals, not 7"},
		{"negative price", reg("beta", "--price", "-1"), `amount "-1"`},
		{"bad endpoint", reg("beta", "--endpoint", "ftp://x"), "want an http(s) URL"},
		{"bad sealing key", reg("beta", "--sealing-key", "xyz"), "--sealing-key: want hex bytes"},
		{"bad metadata", reg("beta", "--metadata", "nonsense"), "--metadata"},
		{"no key file", func() error {
			_, err := wf(t, env, "provider", "register", "beta", "--endpoint", "http://x", "--price", "0")
			return err
		}(), "no key at " + filepath.Join(env["WF_HOME"], "provider", "key.json")},
		{"no such provider", func() error { _, err := wf(t, env, "provider", "show", "nobody"); return err }(), `no provider is registered as "nobody"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wantErr(t, tc.err, tc.want) })
	}

	out = mustWF(t, env, "provider", "renew", "alpha", "--key", "dev:1")
	if !strings.Contains(out, `renewed "alpha" until `) {
		t.Fatalf("renew printed %q", out)
	}
	_, err = wf(t, env, "provider", "renew", "alpha", "--key", "dev:2")
	wantErr(t, err, `the provider "alpha" belongs to `+addr(1))
	_, err = wf(t, env, "provider", "reclaim", "alpha", "--key", "dev:2")
	wantErr(t, err, `the provider name "alpha" cannot be reclaimed before `)
	out = mustWF(t, env, "provider", "release", "alpha", "--key", "dev:1")
	if !strings.Contains(out, `released "alpha"; the name is free again and its bond of 0.001 ether is paid back`) {
		t.Fatalf("release printed %q", out)
	}
	_, err = wf(t, env, "provider", "show", "alpha")
	wantErr(t, err, `no provider is registered as "alpha"`)
	if !errors.Is(err, wfcore.ErrNotFound) {
		t.Errorf("%v does not match wfcore.ErrNotFound", err)
	}
	if out := mustWF(t, env, "providers"); !strings.Contains(out, "no providers registered on chain 1337") {
		t.Fatalf("providers after deregister: %q", out)
	}
}

func TestEscrowCommands(t *testing.T) {
	d := newDevChain(t)
	env := d.env
	ctx := context.Background()
	if _, err := d.as(2).RegisterProvider(ctx, chain.Provider{Name: "beta", Endpoint: "http://127.0.0.1:9", SealingKey: []byte{1}, PricePerRequest: usdc("0.01")}); err != nil {
		t.Fatal(err)
	}
	out := mustWF(t, env, "escrow", "deposit", "12.5", "--key", "dev:1")
	if !strings.Contains(out, "deposited 12.500000 USDC for "+addr(1)+"; escrow balance 12.500000 USDC") {
		t.Fatalf("deposit printed %q", out)
	}
	// The smallest unit converts exactly.
	mustWF(t, env, "escrow", "deposit", "0.000001", "--key", "dev:1")
	if acc, err := d.as(1).Account(ctx, chain.DevKey(1).Address()); err != nil || acc.Balance.Cmp(big.NewInt(12_500_001)) != 0 {
		t.Fatalf("balance on chain %v %v, want 12500001", acc.Balance, err)
	}

	out = mustWF(t, env, "escrow", "approve", "beta", "--budget", "5", "--key", "dev:1")
	if !strings.Contains(out, `approved "beta" (`+addr(2)+`) to take up to 5.000000 USDC, at most 0.010000 USDC per request`) {
		t.Fatalf("approve printed %q", out)
	}
	al, err := d.as(1).Allowance(ctx, chain.DevKey(1).Address(), chain.DevKey(2).Address())
	if err != nil || al.Budget.Cmp(usdc("5")) != 0 || al.MaxPricePerRequest.Cmp(usdc("0.01")) != 0 {
		t.Fatalf("allowance on chain %+v %v", al, err)
	}
	// The provider settles what it served.
	if _, err := d.as(2).Settle(ctx, chain.DevKey(1).Address(), 10, usdc("0.1")); err != nil {
		t.Fatal(err)
	}
	out = mustWF(t, env, "escrow", "balance", "--key", "dev:1")
	for _, want := range []string{"account    " + addr(1), "escrow     12.400001 USDC", "wallet     999987.499999 USDC", "approved   " + addr(2) + " [beta]: budget left 4.900000 USDC, at most 0.010000 USDC per request"} {
		if !strings.Contains(out, want) {
			t.Fatalf("balance lacks %q:\n%s", want, out)
		}
	}
	if other := mustWF(t, env, "escrow", "balance", addr(1)); other != out {
		t.Errorf("balance by address differs from by key:\n%s\n%s", other, out)
	}

	out = mustWF(t, env, "escrow", "revoke", "beta", "--key", "dev:1")
	if !strings.Contains(out, `revoked "beta"`) {
		t.Fatalf("revoke printed %q", out)
	}
	if _, err := d.as(2).Settle(ctx, chain.DevKey(1).Address(), 1, usdc("0.01")); !errors.Is(err, wfcore.ErrPaymentRequired) {
		t.Fatalf("settle after revoke: %v", err)
	}

	// Withdrawal: request, too early, then after the delay.
	_, err = wf(t, env, "escrow", "withdraw", "--key", "dev:1")
	wantErr(t, err, "no withdrawal is pending: request one with `wf escrow withdraw AMOUNT`")
	_, err = wf(t, env, "escrow", "withdraw", "1000", "--key", "dev:1")
	wantErr(t, err, "the escrow balance is 12.400001 USDC, less than the 1000.000000 USDC needed")
	out = mustWF(t, env, "escrow", "withdraw", "2", "--key", "dev:1")
	if !strings.Contains(out, "requested a withdrawal of 2.000000 USDC") || !strings.Contains(out, "during the 1h0m0s delay; it can be completed from ") {
		t.Fatalf("withdraw request printed %q", out)
	}
	_, err = wf(t, env, "escrow", "withdraw", "--key", "dev:1")
	wantErr(t, err, "the withdrawal of 2.000000 USDC is not ready: it can be completed from 20")
	if !regexp.MustCompile(`\(in (5\dm\d+s|1h\dm\d+s)\)$`).MatchString(err.Error()) {
		t.Errorf("the error does not say how long to wait: %v", err)
	}
	if out := mustWF(t, env, "escrow", "balance", "--key", "dev:1"); !strings.Contains(out, "withdrawal 2.000000 USDC pending: it can be completed from ") {
		t.Fatalf("balance does not show the pending withdrawal:\n%s", out)
	}
	if err := d.sim.AdjustTime(time.Hour + time.Minute); err != nil {
		t.Fatal(err)
	}
	out = mustWF(t, env, "escrow", "withdraw", "--key", "dev:1")
	if !strings.Contains(out, "withdrew 2.000000 USDC to "+addr(1)) {
		t.Fatalf("withdraw printed %q", out)
	}
	mustWF(t, env, "escrow", "withdraw", "1", "--key", "dev:1")
	if out := mustWF(t, env, "escrow", "withdraw", "--cancel", "--key", "dev:1"); !strings.Contains(out, "cancelled") {
		t.Fatalf("cancel printed %q", out)
	}

	tests := []struct {
		name string
		args []string
		want string
		kind error
	}{
		{"approve without deposit", []string{"escrow", "approve", "beta", "--budget", "1", "--key", "dev:3"}, "your escrow (" + addr(3) + ") is empty", wfcore.ErrPaymentRequired},
		{"approve an address without a price", []string{"escrow", "approve", addr(2), "--budget", "1", "--key", "dev:1"}, "--max-price USDC is required", nil},
		{"approve unknown name", []string{"escrow", "approve", "nobody", "--budget", "1", "--key", "dev:1"}, `no provider is registered as "nobody"`, wfcore.ErrNotFound},
		{"approve without budget", []string{"escrow", "approve", "beta", "--key", "dev:1"}, "--budget AMOUNT (USDC) is required", nil},
		{"deposit more than held", []string{"escrow", "deposit", "2000000", "--key", "dev:1"}, "holds 999989.499999 USDC, less than the 2000000.000000 USDC needed", wfcore.ErrPaymentRequired},
		{"bad dev key", []string{"escrow", "balance", "--key", "dev:x"}, "want dev:N", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := wf(t, env, tc.args...)
			wantErr(t, err, tc.want)
			if tc.kind != nil && !errors.Is(err, tc.kind) {
				t.Errorf("%v does not match %v", err, tc.kind)
			}
		})
	}
	if out := mustWF(t, env, "escrow", "approve", "beta", "--budget", "1", "--key", "dev:3", "--allow-empty"); !strings.Contains(out, "approved") {
		t.Fatalf("approve --allow-empty printed %q", out)
	}
}

func TestAmountsAreExact(t *testing.T) {
	d := newDevChain(t)
	bad := []struct{ amount, want string }{
		{"1.2345678", "USDC has 6 decimals, not 7"},
		{"-1", `amount "-1": must not be negative`},
		{"-0.5", `amount "-0.5": must not be negative`},
		{"+1", "want a decimal number"},
		{"1e6", "want a decimal number"},
		{"1,5", "want a decimal number"},
		{"0x10", "want a decimal number"},
		{".5", "want a decimal number"},
		{"5.", "want a decimal number"},
		{" 5", "want a decimal number"},
		{"NaN", "want a decimal number"},
		{"0", "must be more than 0"},
		{"0.000000", "must be more than 0"},
		{strings.Repeat("9", 61), "too large"},
	}
	for _, tc := range bad {
		t.Run(tc.amount, func(t *testing.T) {
			_, err := wf(t, d.env, "escrow", "deposit", tc.amount, "--key", "dev:1")
			wantErr(t, err, tc.want)
			if !errors.Is(err, wfcore.ErrInvalid) {
				t.Errorf("%v does not match wfcore.ErrInvalid", err)
			}
		})
	}
	// Amounts with up to 6 decimals are converted without rounding.
	total := new(big.Int)
	for _, s := range []string{"1", "0.1", "0.000001", "123456.654321", "7.50"} {
		mustWF(t, d.env, "escrow", "deposit", s, "--key", "dev:1")
		total.Add(total, usdc(s))
	}
	if acc, err := d.as(1).Account(context.Background(), chain.DevKey(1).Address()); err != nil || acc.Balance.Cmp(total) != 0 {
		t.Fatalf("escrow holds %v (%v), want %v", acc.Balance, err, total)
	}
	if total.Cmp(big.NewInt(123465_254322)) != 0 {
		t.Fatalf("test arithmetic: %v", total)
	}
}

func TestVoucherCommand(t *testing.T) {
	d := newDevChain(t)
	ctx := context.Background()
	if _, err := d.as(2).RegisterProvider(ctx, chain.Provider{Name: "gamma", Endpoint: "http://127.0.0.1:9", SealingKey: []byte{1}, PricePerRequest: usdc("0.01")}); err != nil {
		t.Fatal(err)
	}
	mustWF(t, d.env, "escrow", "deposit", "5", "--key", "dev:1")
	fn := wfcore.SumCID(wfcore.CodecJSON, []byte("fn"))
	before := time.Now()
	sign := func(provider, path string) voucher.Header {
		t.Helper()
		h := strings.TrimSpace(mustWF(t, d.env, "voucher", "--pay", provider, fn.String(), path, "--pay-headroom", "1.5", "--key", "dev:1"))
		vh, err := voucher.Decode(h)
		if err != nil {
			t.Fatalf("wf voucher printed %q: %v", h, err)
		}
		return vh
	}
	h1 := sign("gamma", "/x?a=1")
	v := h1.Voucher
	if v.Payer != chain.DevKey(1).Address() || v.Provider != chain.DevKey(2).Address() || v.Cumulative.String() != "1500000" || h1.Seq != 1 {
		t.Fatalf("voucher %+v seq %d, want a ceiling of 1.5 USDC and sequence number 1", v, h1.Seq)
	}
	if exp := time.Unix(v.Expiry, 0).Sub(before); exp < 59*time.Minute || exp > 61*time.Minute {
		t.Errorf("voucher expires in %s, want 1h", exp)
	}
	rq := voucher.Request{Provider: v.Provider, Payer: v.Payer, Function: fn, Method: "GET", Path: "/x", RawQuery: "a=1", BodyHash: voucher.BodyHash(nil), Seq: 1}
	if !voucher.Verify(v.Session, rq, h1.RequestSig) {
		t.Fatal("the session key did not sign the request")
	}
	prov := d.as(2)
	sv := chain.SignedVoucher{Voucher: chain.FromMessage(v), Signature: h1.Signature}
	if err := prov.VerifyVoucher(sv); err != nil {
		t.Fatal(err)
	}
	// The next request, by address, continues the session with the next
	// sequence number (the running total is in $WF_HOME/pay).
	h2 := sign(addr(2), "/y")
	if h2.Seq != 2 || h2.Voucher.Session != v.Session {
		t.Fatalf("second request: seq %d, same session %v", h2.Seq, h2.Voucher.Session == v.Session)
	}
	// The provider redeems what it served, 2 requests at 0.01; the rest
	// of the ceiling stays the payer's.
	if _, err := prov.RedeemVoucherUpTo(ctx, sv, usdc("0.02")); err != nil {
		t.Fatal(err)
	}
	if acc, err := prov.Account(ctx, chain.DevKey(1).Address()); err != nil || acc.Balance.Cmp(usdc("4.98")) != 0 {
		t.Fatalf("payer's escrow: %v %v, want 4.98 USDC", acc.Balance, err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no provider", []string{"voucher", fn.String()}, "usage"},
		{"no function", []string{"voucher", "--pay", "gamma"}, "usage"},
		{"unknown provider", []string{"voucher", "--pay", "nobody", fn.String()}, `no provider is registered as "nobody"`},
		{"too many decimals", []string{"voucher", "--pay", "gamma", fn.String(), "--pay-headroom", "0.0000001"}, "USDC has 6 decimals"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := wf(t, d.env, append(tc.args, "--key", "dev:1")...)
			wantErr(t, err, tc.want)
		})
	}
}

// TestChainStartServesOtherCommands runs `wf chain start` and uses it only
// through its JSON-RPC URL and the addresses it saved, as another process
// would.
func TestChainStartServesOtherCommands(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home}
	ctx, cancel := context.WithCancel(context.Background())
	var out wftest.LogBuffer
	ready := make(chan string, 1)
	app := &cli.App{Stdout: &out, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"chain", "start", "--listen", "127.0.0.1:0", "--accounts", "3", "--withdraw-delay", "10m"})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("wf chain start did not shut down cleanly: %v", err)
		}
	})
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("wf chain start exited: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("wf chain start did not start in 60s")
	}
	for _, want := range []string{url + "   chain id 1337", "--key dev:2  " + addr(2), "withdrawal delay 10m0s"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("wf chain start's output lacks %q:\n%s", want, out.String())
		}
	}
	devAddr := regexp.MustCompile(`--key dev +(0x[0-9a-fA-F]{40})`).FindStringSubmatch(out.String())
	if devAddr == nil {
		t.Fatalf("no --key dev account in:\n%s", out.String())
	}

	if got := mustWF(t, env, "providers", "--rpc", url); !strings.Contains(got, "no providers registered on chain 1337") {
		t.Fatalf("providers: %q", got)
	}
	// `--key dev`, the key `wf deploy --key dev` signs with, is funded.
	got := mustWF(t, env, "escrow", "balance", "--key", "dev", "--rpc", url)
	if !strings.Contains(got, devAddr[1]) || !strings.Contains(got, "wallet     1000000.000000 USDC") {
		t.Fatalf("balance of --key dev:\n%s", got)
	}
	mustWF(t, env, "provider", "register", "delta", "--endpoint", "http://127.0.0.1:8080", "--price", "0.001", "--key", "dev", "--rpc", url)
	if got := mustWF(t, env, "contracts", "show", "--rpc", url); !strings.Contains(got, "(1 providers)") || !strings.Contains(got, "withdrawal delay 10m0s") {
		t.Fatalf("contracts show:\n%s", got)
	}

	// A second deployment on the same chain replaces the saved addresses
	// and can be written out for --contracts.
	file := filepath.Join(t.TempDir(), "c.json")
	got = mustWF(t, env, "contracts", "deploy", "--rpc", url, "--key", "dev:1", "--out", file, "--withdraw-delay", "2h")
	if !strings.Contains(got, "MockUSDC") || !strings.Contains(got, "withdrawal delay 2h0m0s") {
		t.Fatalf("contracts deploy printed:\n%s", got)
	}
	if got := mustWF(t, env, "contracts", "show", "--rpc", url); !strings.Contains(got, "(0 providers)") {
		t.Fatalf("saved addresses not replaced:\n%s", got)
	}
	if got := mustWF(t, map[string]string{"WF_HOME": t.TempDir(), "WF_RPC": url}, "contracts", "show", "--contracts", file); !strings.Contains(got, "withdrawal delay 2h0m0s") {
		t.Fatalf("contracts show --contracts:\n%s", got)
	}
	var saved struct{ Token string }
	if err := json.Unmarshal([]byte(readFile(t, file)), &saved); err != nil {
		t.Fatal(err)
	}
	token := saved.Token
	got = mustWF(t, env, "contracts", "mint", "5", "--to", addr(0), "--key", "dev:2", "--rpc", url)
	if !strings.Contains(got, "minted 5.000000 USDC to "+addr(0)+"; it holds 5.000000 USDC") {
		t.Fatalf("mint printed %q", got)
	}

	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no contracts known", map[string]string{"WF_HOME": t.TempDir()}, []string{"providers", "--rpc", url}, "no contracts known for the chain at " + url + ": join its network with `wf contracts import FILE|URL --rpc " + url + "`"},
		{"no chain", env, []string{"providers", "--rpc", "http://127.0.0.1:1", "--contracts", file}, "no chain at http://127.0.0.1:1"},
		{"not a contract", env, []string{"providers", "--rpc", url, "--contracts", writeFile(t, `{"chainId":1337,"token":"`+addr(0)+`"}`)}, "no token contract at " + addr(0)},
		{"missing address", env, []string{"providers", "--rpc", url, "--contracts", writeFile(t, `{"chainId":1337,"token":"`+token+`"}`)}, "no registry contract address"},
		{"wrong chain id", env, []string{"providers", "--rpc", url, "--contracts", writeFile(t, strings.Replace(readFile(t, file), `"chainId": 1337`, `"chainId": 5`, 1))}, "the contracts are for chain 5, but the chain at " + url + " is 1337"},
		{"bad address flag", env, []string{"providers", "--rpc", url, "--registry", "0x12"}, "--registry"},
		{"unknown subcommand", env, []string{"contracts", "frob"}, `unknown command "frob" for "wf contracts"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := wf(t, tc.env, tc.args...)
			wantErr(t, err, tc.want)
		})
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f.json")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestKeystoreSigner signs chain commands with a keystore file, the way a
// real payer does.
func TestKeystoreSigner(t *testing.T) {
	d := newDevChain(t)
	env := map[string]string{"WF_HOME": d.env["WF_HOME"], "WF_RPC": d.url, "WF_CONTRACTS": d.env["WF_CONTRACTS"], "WF_KEY_PASSWORD": "pw"}
	// The private key comes in on stdin, as `wf keys import` wants it.
	app := &cli.App{Stdin: strings.NewReader(chain.DevKey(4).Hex() + "\n"), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }}
	if err := app.Run(context.Background(), []string{"keys", "import"}); err != nil {
		t.Fatal(err)
	}
	out := mustWF(t, env, "escrow", "deposit", "3")
	if !strings.Contains(out, "for "+addr(4)) {
		t.Fatalf("deposit with the default keystore printed %q", out)
	}
	bad := map[string]string{"WF_HOME": env["WF_HOME"], "WF_CONTRACTS": env["WF_CONTRACTS"], "WF_RPC": d.url, "WF_KEY_PASSWORD": "wrong"}
	_, err := wf(t, bad, "escrow", "deposit", "3")
	wantErr(t, err, "wrong keystore password")
}

package devnet_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

const trustPrice = 100

// TestTrustModel is issue 11's "done when": one network, every gap tried,
// none of them pays off. The chain is read through three JSON-RPC
// endpoints, the third a liar. Gateway g0 is hostile to the tunnel-only
// provider "tun" (it holds tun's tunnel, drops its traffic, answers its
// challenges with its own key and its /v1/info with its own sealing key);
// g1 is honest and holds tun's other tunnel; g2 is the publisher's own
// gateway, with a metering key, holding no tunnel. Providers: alpha
// (listening), tun (tunnels to g0 and g1) and mallory (registered under its
// own key before the k=2 attempt, answering from alpha's node with the
// body rewritten). Besides
// the publisher there are a second owner who pays only what its metering
// key counts, a caller and an attacker with 1 ether. Every attack gets
// nothing; where money is involved the chain says so.
func TestTrustModel(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	liar := &sim.RPCProxy{}
	checked := &chain.QuorumOptions{PinTTL: time.Millisecond}
	gwCfg := func(i int, wrap func(http.Handler) http.Handler) devnet.GatewayConfig {
		return devnet.GatewayConfig{Gateway: gateway.Config{Domain: fmt.Sprintf("g%d.localhost", i), ProviderTimeout: 2 * time.Second},
			Wrap: wrap, CheckedReads: checked, Poll: 50 * time.Millisecond}
	}
	fakeSealing, err := seal.NewKeyring(seal.SuiteHybrid, time.Now()) // what the attackers want sealed to
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   dir,
		Chain: sim.Options{Bond: chain.DefaultBond}, // production terms for names
		Price: big.NewInt(trustPrice),
		Meter: payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour, CacheTTL: time.Millisecond},
		ChainEndpoints: []func(http.Handler) http.Handler{nil, nil, func(h http.Handler) http.Handler {
			liar.Next = h
			return liar
		}},
		Nodes: []devnet.NodeConfig{
			{Name: "alpha", Listen: "127.0.0.1:0", CheckedReads: checked},
			{Name: "tun", Tunnels: []int{0, 1}, CheckedReads: checked},
		},
		Gateways: []devnet.GatewayConfig{
			gwCfg(0, func(h http.Handler) http.Handler { return fakeInfo("tun", fakeSealing)(hostile(t, true, "tun")(h)) }),
			gwCfg(1, nil),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	reader := n.Chain.Client(nil)
	alpha, tun := n.Node("alpha"), n.Node("tun")
	g0, g1 := n.Gateways[0], n.Gateways[1]
	meterKey := n.Chain.Accounts()[8]
	g2 := ownGateway(ctx, t, n, checked, meterKey)
	hc := &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{DialContext: relay.DialLocalhost((&net.Dialer{}).DialContext)}}

	type extension interface{ Extension() (wf.Extension, error) }
	pack := func(owner *chain.Key, created string, exts map[string]extension) *client.Package {
		t.Helper()
		s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: created}
		if len(exts) > 0 {
			s.Version, s.Extensions = wf.SpecVersionExtended, map[string]wf.Extension{}
			for name, e := range exts {
				x, err := e.Extension()
				if err != nil {
					t.Fatal(err)
				}
				s.Extensions[name] = x
			}
		}
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, owner)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	deploy := func(pkg *client.Package, url string) string {
		t.Helper()
		c := client.New(url)
		c.HTTP = hc
		if _, err := c.Deploy(ctx, pkg); err != nil {
			t.Fatalf("deploy to %s: %v", url, err)
		}
		return pkg.CID.String()
	}
	// escrow is what payer has left in the escrow, once every provider
	// settled what it charged.
	escrow := func(payer wf.Address) *big.Int {
		t.Helper()
		for _, nd := range n.Nodes {
			if err := nd.Meter().Settle(ctx); err != nil {
				t.Fatalf("%s settles: %v", nd.Name, err)
			}
		}
		a, err := reader.Account(ctx, payer)
		if err != nil {
			t.Fatal(err)
		}
		return a.Balance
	}
	tokens := func(a wf.Address) *big.Int {
		t.Helper()
		b, err := reader.TokenBalance(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	// Item 1: a provider settles 1000 requests under an approval that
	// names the owner's metering key, having served 3.
	t.Run("over-settling without signed backing", func(t *testing.T) {
		owner := n.Chain.Accounts()[5]
		oc := n.Chain.Client(owner)
		if _, err := oc.Deposit(ctx, big.NewInt(1_000_000)); err != nil {
			t.Fatal(err)
		}
		if _, err := oc.ApproveLimits(ctx, alpha.Key.Address(), big.NewInt(trustPrice), big.NewInt(1_000_000), chain.Limits{Meter: meterKey.Address()}); err != nil {
			t.Fatal(err)
		}
		fn := deploy(pack(owner, "2026-01-01T00:00:00Z", nil), alpha.URL)
		for i := range 3 {
			// By function: the gateway reads the spec and so its owner.
			if a := trustGet(t, hc, g2+"/"+fn+"/?name=owner", nil); a.status != 200 {
				t.Fatalf("request %d through the owner's gateway: %+v", i, a)
			}
		}
		// Around the metering gateway the owner pays nothing.
		for _, u := range []string{alpha.URL, g1.URL + "/p/alpha"} {
			if a := trustGet(t, hc, u+"/"+fn+"/?name=owner", nil); a.status != 402 || a.reason != "meter_required" {
				t.Fatalf("around the meter, %s: %+v, want 402 meter_required", u, a)
			}
		}
		if left := escrow(owner.Address()); left.Int64() != 1_000_000-3*trustPrice {
			t.Fatalf("the owner paid %d, want 3 requests' worth", 1_000_000-left.Int64())
		}
		best := alpha.Meter().Ledger().Account(ledger.Key{Mode: ledger.Owner, Payer: owner.Address()}).Meter
		before := tokens(alpha.Key.Address())
		p := n.Chain.Client(alpha.Key)
		if _, err := p.SettleMetered(ctx, owner.Address(), 1000, big.NewInt(1000*trustPrice), chain.SignedMeterCount{
			MeterCount: chain.MeterCount{Payer: owner.Address(), Provider: alpha.Key.Address(), Count: best.Count}, Signature: best.Signature}); err == nil {
			t.Error("settling 1000 with the metering key's count of 3 succeeded")
		}
		if _, err := p.Settle(ctx, owner.Address(), 1000, big.NewInt(1000*trustPrice)); err == nil {
			t.Error("settling 1000 without a count succeeded")
		}
		if after := tokens(alpha.Key.Address()); after.Cmp(before) != 0 {
			t.Errorf("alpha took %s more", new(big.Int).Sub(after, before))
		}
		if left := escrow(owner.Address()); left.Int64() != 1_000_000-3*trustPrice {
			t.Errorf("after the attack the owner has paid %d, want %d", 1_000_000-left.Int64(), 3*trustPrice)
		}
	})

	// Item 2: anonymous callers beyond the owner's wf.callers limits.
	t.Run("uncontrolled anonymous billing", func(t *testing.T) {
		fn := deploy(pack(n.Publisher, "2026-01-02T00:00:00Z", map[string]extension{spec.CallersExtension: &spec.Callers{
			PerCaller: &spec.Rate{Requests: 2, Seconds: 3600}, OwnerPays: &spec.Rate{Requests: 3, Seconds: 86400}}}), alpha.URL)
		u := alpha.URL + "/" + fn + "/?name=anyone"
		before := escrow(n.Publisher.Address())
		served := 0
		// Caller .1 three times (its rate is 2), .2 once, then ten more.
		ips := []string{"127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.2"}
		for i := 3; i <= 12; i++ {
			ips = append(ips, fmt.Sprintf("127.0.0.%d", i))
		}
		for _, ip := range ips {
			a := trustGet(t, fromIP(ip), u, nil)
			switch {
			case a.status == 200:
				served++
			case a.status == 429 && (a.code == "caller_rate_limited" || a.code == "owner_budget_window") && a.charged == "":
			default:
				t.Fatalf("caller %s: %+v", ip, a)
			}
		}
		if a := trustGet(t, fromIP("127.0.0.1"), u, nil); a.status != 429 || a.code != "caller_rate_limited" {
			t.Errorf("a caller past its rate: %+v", a)
		}
		if a := trustGet(t, fromIP("127.0.0.13"), u, nil); a.status != 429 || a.code != "owner_budget_window" {
			t.Errorf("a new caller past the owner's window: %+v", a)
		}
		paid := new(big.Int).Sub(before, escrow(n.Publisher.Address()))
		if served != 3 || paid.Int64() != 3*trustPrice {
			t.Fatalf("16 anonymous requests: %d served, the owner paid %s; want 3 and %d", served, paid, 3*trustPrice)
		}
	})

	// Item 3: a voucher header copied from a gateway's view of the
	// traffic, replayed straight to the provider and through gateways.
	t.Run("voucher replay", func(t *testing.T) {
		caller := n.Chain.Accounts()[6]
		if _, err := n.Chain.Client(caller).Deposit(ctx, big.NewInt(1_000_000)); err != nil {
			t.Fatal(err)
		}
		seen := &voucherTap{next: hc.Transport}
		c := client.New(g1.URL + "/p/alpha")
		c.HTTP = &http.Client{Transport: seen, Timeout: hc.Timeout}
		c.Pay = &client.Payer{Signer: caller, ChainID: reader.ChainID().Uint64(), Escrow: reader.Contracts().Escrow,
			Provider: alpha.Key.Address(), Headroom: wf.NewAmount(big.NewInt(20 * trustPrice))}
		fn := deploy(pack(n.Publisher, "2026-01-03T00:00:00Z", nil), alpha.URL)
		cid, _ := wf.ParseCID(fn)
		for i := range 2 {
			resp, err := c.Invoke(ctx, cid, client.Request{Path: "/", Query: map[string][]string{"name": {"caller"}}})
			if err != nil {
				t.Fatalf("paid call %d: %v", i, err)
			}
			resp.Body.Close()
		}
		copied := seen.last()
		if copied == "" {
			t.Fatal("no voucher seen")
		}
		for _, u := range []string{alpha.URL, g1.URL + "/p/alpha", g0.URL + "/p/alpha", g2 + "/p/alpha", alpha.URL, g1.URL + "/p/alpha"} {
			a := trustGet(t, hc, u+"/"+fn+"/?name=caller", http.Header{wf.VoucherHeader: {copied}})
			if a.status != 402 || a.reason != "replayed" || a.charged != "" {
				t.Errorf("the copy through %s: %+v, want 402 replayed", u, a)
			}
		}
		if left := escrow(caller.Address()); left.Int64() != 1_000_000-2*trustPrice {
			t.Errorf("the caller paid %d for 2 requests at %d", 1_000_000-left.Int64(), trustPrice)
		}
		if red, err := reader.Redeemed(ctx, caller.Address(), alpha.Key.Address()); err != nil || red.Int64() != 2*trustPrice {
			t.Errorf("alpha redeemed %s, %v; want %d", red, err, 2*trustPrice)
		}
	})

	// Item 6: g0 holds one of tun's tunnels and drops everything for it.
	t.Run("censorship of a tunnelled provider", func(t *testing.T) {
		c := client.New(g0.URL + "/p/tun")
		c.HTTP = hc
		if _, err := c.Deploy(ctx, pack(n.Publisher, "2026-01-04T00:00:00Z", nil)); err == nil {
			t.Fatal("deployed through the hostile gateway: it does not drop tun")
		}
		fn := deploy(pack(n.Publisher, "2026-01-04T00:00:00Z", nil), g1.URL+"/p/tun")
		for _, g := range []string{g1.URL, g2} {
			for i := range 3 {
				if a := trustGet(t, hc, g+"/p/tun/"+fn+"/?name=you", nil); a.status != 200 || !strings.Contains(a.body, "Hello, you!") {
					t.Fatalf("tun through %s, request %d: %+v", g, i, a)
				}
			}
		}
		if a := trustGet(t, hc, g0.URL+"/p/tun/"+fn+"/?name=you", nil); a.status == 200 {
			t.Errorf("the hostile gateway serves tun after all: %+v", a)
		}
	})

	// Item 8: mallory rewrites alpha's answers and signs them.
	t.Run("wrong answer under k=2", func(t *testing.T) {
		fn := deploy(pack(n.Publisher, "2026-01-05T00:00:00Z", map[string]extension{spec.DeterministicExtension: &spec.Deterministic{}}), alpha.URL)
		// mallory joins: a hostile provider under its own key and name,
		// answering from alpha's node (so it holds everything alpha does).
		mkey := chain.DevKey(7)
		m := mallory(t, alpha.URL, mkey)
		msealing, err := node.OpenSealing(filepath.Join(dir, "mallory"), true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Chain.Client(mkey).RegisterProvider(ctx, chain.Provider{Name: "mallory", Endpoint: m.URL,
			PricePerRequest: new(big.Int), SealingKey: msealing.Current().Bytes()}); err != nil {
			t.Fatal(err)
		}
		// Without verification the lie is real: mallory holds fn.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			a := trustGet(t, hc, g1.URL+"/p/mallory/"+fn+"/?name=you", nil)
			if a.status == 200 && strings.Contains(a.body, "Howdy, you!") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("mallory, unverified: %+v", a)
			}
		}
		for _, g := range []string{g1.URL, g2} {
			for i := range 4 {
				a := trustGet(t, hc, g+"/"+fn+"/?name=you", http.Header{wf.VerifyHeader: {"2"}})
				if strings.Contains(a.body, "Howdy") || a.status != 502 || a.code != "verification_failed" {
					t.Fatalf("k=2 through %s, attempt %d: %+v", g, i, a)
				}
			}
		}
	})

	// Item 4: the sealing key the publisher seals to comes from the
	// registry, read through every endpoint; g0 publishes its own for tun.
	t.Run("sealing-key substitution", func(t *testing.T) {
		real, fake := hex.EncodeToString(tun.Sealing().Current().Bytes()), hex.EncodeToString(fakeSealing.Current().Bytes())
		if len(real) != len(fake) {
			t.Fatalf("keys of different sizes: %d, %d", len(real), len(fake))
		}
		liar.SetRewrite(func(_ string, _ []json.RawMessage, r json.RawMessage) json.RawMessage {
			return json.RawMessage(strings.ReplaceAll(string(r), real, fake))
		})
		defer liar.SetRewrite(nil)
		one := dialRPCs(ctx, t, n, checked, n.RPCs[2:])
		if p, err := one.LookupProvider(ctx, "tun"); err != nil || !bytes.Equal(p.SealingKey, fakeSealing.Current().Bytes()) {
			t.Fatalf("the liar alone: %v, %v; want its key", err, p.SealingKey)
		}
		all := dialRPCs(ctx, t, n, checked, n.RPCs)
		p, err := all.LookupProvider(ctx, "tun")
		if !errors.Is(err, chain.ErrDisagreement) {
			t.Fatalf("tun's entry through all endpoints: %v, key %.8x...; want a disagreement", err, p.SealingKey)
		}
		liar.SetRewrite(nil)
		p, err = all.LookupProvider(ctx, "tun")
		if err != nil {
			t.Fatal(err)
		}
		reg := client.Registered{Name: p.Name, Owner: p.Owner, Endpoint: p.Endpoint, SealingKey: p.SealingKey}
		if pk, err := client.RegisteredSealingKey(reg); err != nil || !bytes.Equal(pk.Bytes(), tun.Sealing().Current().Bytes()) {
			t.Fatalf("tun's registered key: %v", err)
		}
		// The hostile gateway's /v1/info for tun, even when trusted, is
		// checked against the registry.
		gc := client.New(g0.URL + "/p/tun")
		gc.HTTP = hc
		if info, err := gc.Info(ctx); err != nil || !bytes.Equal(info.SealingKey.Bytes(), fakeSealing.Current().Bytes()) {
			t.Fatalf("g0 does not substitute its key: %v", err)
		}
		if pk, err := gc.EndpointSealingKey(ctx, []client.Registered{reg}); !errors.Is(err, client.ErrKeyMismatch) {
			t.Fatalf("g0's key for tun: %v, %v; want %v", pk, err, client.ErrKeyMismatch)
		}
	})

	// Item 5: the liar says an attacker owns alpha.
	t.Run("route forgery through a lying RPC", func(t *testing.T) {
		attacker := hexAddr(chain.DevKey(99).Address())
		liar.SetRewrite(func(_ string, _ []json.RawMessage, r json.RawMessage) json.RawMessage {
			return json.RawMessage(strings.ReplaceAll(string(r), hexAddr(alpha.Key.Address()), attacker))
		})
		defer liar.SetRewrite(nil)
		entry, err := reader.LookupProvider(ctx, "alpha")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Chain.Client(alpha.Key).UpdateProvider(ctx, entry); err != nil {
			t.Fatal(err)
		}
		for _, g := range []string{g1.URL, g2} {
			for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
				a := trustGet(t, hc, g+"/p/alpha/v1/info", nil)
				if a.status == 502 && a.code == "chain_disagreement" {
					break
				}
				if a.status != 200 || time.Now().After(deadline) {
					t.Fatalf("forged owner of alpha through %s: %+v, want 502 chain_disagreement", g, a)
				}
			}
			if a := trustGet(t, hc, g+"/p/tun/v1/info", nil); a.status != 200 {
				t.Errorf("an undisputed name stops routing at %s: %+v", g, a)
			}
		}
	})

	// Item 7: an attacker with 1 ether tries to take a thousand names.
	t.Run("cheap mass squatting", func(t *testing.T) {
		terms, err := reader.RegistryTerms(ctx)
		if err != nil {
			t.Fatal(err)
		}
		key, err := chain.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		funds := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
		if err := n.Chain.FundEther(ctx, key.Address(), funds); err != nil {
			t.Fatal(err)
		}
		// Expensive: a thousand names lock at least 10 ether (50 with
		// the production bond), paid back only on release.
		thousand := new(big.Int).Mul(terms.Bond, big.NewInt(1000))
		if thousand.Cmp(new(big.Int).Mul(funds, big.NewInt(10))) < 0 {
			t.Fatalf("1000 names lock only %s ether", chain.Ether(thousand))
		}
		ac := n.Chain.Client(key)
		squat := func(i int) chain.Provider {
			return chain.Provider{Name: fmt.Sprintf("squat%d", i), Endpoint: "http://127.0.0.1:1", SealingKey: []byte{0}}
		}
		if _, err := ac.RegisterProviderBond(ctx, squat(-1), new(big.Int)); err == nil {
			t.Fatal("registered a name without a bond")
		}
		held0 := etherOf(ctx, t, n, reader.Contracts().Registry)
		got := 0
		for i := range 1000 {
			if _, err := ac.RegisterProvider(ctx, squat(i)); err != nil {
				break
			}
			got++
		}
		most := new(big.Int).Div(funds, terms.Bond).Int64()
		locked := new(big.Int).Sub(etherOf(ctx, t, n, reader.Contracts().Registry), held0)
		if got >= 1000 || int64(got) > most || locked.Cmp(new(big.Int).Mul(terms.Bond, big.NewInt(int64(got)))) != 0 {
			t.Fatalf("1 ether took %d names (at most %d at a bond of %s ether), locking %s ether", got, most, chain.Ether(terms.Bond), chain.Ether(locked))
		}
		t.Logf("1 ether took %d of 1000 names; 1000 would lock %s ether", got, chain.Ether(thousand))
	})
}

// ownGateway starts the publisher's own gateway, g2.localhost, outside
// the devnet (a devnet gateway takes no metering key): it reads the
// registry through every endpoint and signs metering counts with key.
func ownGateway(ctx context.Context, t *testing.T, n *devnet.Net, o *chain.QuorumOptions, key *chain.Key) string {
	t.Helper()
	reg := dialRPCs(ctx, t, n, o, n.RPCs)
	m, err := gateway.NewMeter(gateway.MeterConfig{Key: key, ChainID: n.Chain.Client(nil).ChainID(), Escrow: n.Chain.Contracts().Escrow,
		Path: filepath.Join(t.TempDir(), "meter.json")})
	if err != nil {
		t.Fatal(err)
	}
	gw, err := node.OpenGateway(ctx, node.GatewayConfig{Registry: reg, Poll: 50 * time.Millisecond, Gateway: gateway.Config{
		Domain: "g2.localhost", RateLimit: -1, AllowPrivateEndpoints: true, ProviderTimeout: 2 * time.Second, Meter: m}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := gw.Server()
	go srv.Serve(ln)
	hctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { gw.Run(hctx) })
	t.Cleanup(func() { stop(); wg.Wait(); gw.Close(); srv.Close(); m.Close() })
	return fmt.Sprintf("http://g2.localhost:%d", ln.Addr().(*net.TCPAddr).Port)
}

// dialRPCs reads the devnet's chain through urls, checked as o says.
func dialRPCs(ctx context.Context, t *testing.T, n *devnet.Net, o *chain.QuorumOptions, urls []string) *chain.Client {
	t.Helper()
	c, err := chain.DialEndpoints(ctx, urls, nil, chain.Config{Contracts: n.Chain.Contracts(), Quorum: *o,
		PollInterval: 2 * time.Millisecond, MaxPollInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// fakeInfo makes a gateway answer /v1/info for provider name with kr's
// sealing key (and the provider's name), as a gateway that wants to read
// what is sealed to that provider would.
func fakeInfo(name string, kr *seal.Keyring) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/p/"+name+"/v1/info" {
				h.ServeHTTP(w, r)
				return
			}
			httperr.WriteJSON(w, 200, map[string]any{"name": "wf", "sealingKey": kr.Current().String()})
		})
	}
}

// voucherTap is what a gateway, a proxy or a log sees of the requests
// through it: it keeps the last voucher header.
type voucherTap struct {
	next http.RoundTripper
	mu   sync.Mutex
	v    string
}

func (t *voucherTap) RoundTrip(r *http.Request) (*http.Response, error) {
	t.mu.Lock()
	t.v = r.Header.Get(wf.VoucherHeader)
	t.mu.Unlock()
	return t.next.RoundTrip(r)
}

func (t *voucherTap) last() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.v
}

// fromIP is an HTTP client whose connections come from the loopback
// address ip (Linux routes all of 127.0.0.0/8 to lo): one caller per IP.
func fromIP(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 10 * time.Second}
	return &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{DialContext: d.DialContext}}
}

// trustAnswer is what a GET got.
type trustAnswer struct {
	status             int
	body, code, reason string
	charged            string // the receipt header
}

func trustGet(t *testing.T, c *http.Client, url string, h http.Header) trustAnswer {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	if err != nil {
		return trustAnswer{body: err.Error()}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	a := trustAnswer{status: resp.StatusCode, body: string(b), charged: resp.Header.Get(wf.ReceiptHeader)}
	var e httperr.Body
	if json.Unmarshal(b, &e) == nil {
		a.code = e.Error.Code
		a.reason, _ = e.Error.Extra["reason"].(string)
	}
	return a
}

// hexAddr is a's lowercase hex without 0x, as it appears in JSON-RPC
// results.
func hexAddr(a wf.Address) string { return strings.ToLower(a.Checksum()[2:]) }

// etherOf is a's ether balance, read with eth_getBalance (only package
// chain speaks go-ethereum's types).
func etherOf(ctx context.Context, t *testing.T, n *devnet.Net, a wf.Address) *big.Int {
	t.Helper()
	body := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":[%q,"latest"]}`, a.Checksum())
	req, _ := http.NewRequestWithContext(ctx, "POST", n.RPCs[0], strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Result string `json:"result"`
	}
	b, ok := new(big.Int), false
	if json.NewDecoder(resp.Body).Decode(&out) == nil {
		b, ok = b.SetString(strings.TrimPrefix(out.Result, "0x"), 16)
	}
	if !ok {
		t.Fatalf("eth_getBalance %s: %q", a.Checksum(), out.Result)
	}
	return b
}

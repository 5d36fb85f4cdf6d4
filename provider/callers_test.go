package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// from is an HTTP client whose connections come from the loopback address
// ip (Linux routes all of 127.0.0.0/8 to lo), so one test has several
// callers by IP.
func from(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 10 * time.Second}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
}

// answer is what a raw GET got.
type answer struct {
	status int
	code   string
	retry  string
	extra  map[string]any
	charge string // the receipt header, when charged
}

func get(t *testing.T, c *http.Client, url string, header http.Header) answer {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, retry: resp.Header.Get("Retry-After"), charge: resp.Header.Get(wf.ReceiptHeader)}
	if resp.StatusCode != 200 {
		var body httperr.Body
		json.Unmarshal(b, &body)
		a.code, a.extra = body.Error.Code, body.Error.Extra
	}
	return a
}

func callersSpec(t *testing.T, c spec.Callers) wf.Spec {
	t.Helper()
	x, err := c.Extension()
	if err != nil {
		t.Fatal(err)
	}
	s := wftest.Spec()
	s.Extensions = map[string]wf.Extension{spec.CallersExtension: x}
	return s
}

// wantLimited checks a 429 that names the limit and says when to retry.
func wantLimited(t *testing.T, a answer, code string, maxRetry int) {
	t.Helper()
	n, err := strconv.Atoi(a.retry)
	if a.status != http.StatusTooManyRequests || a.code != code || err != nil || n < 1 || n > maxRetry || a.charge != "" {
		t.Fatalf("got %+v, want 429 %s with Retry-After in [1,%d] and no receipt", a, code, maxRetry)
	}
}

// TestCallerRateFree: on a free node the owner's per-caller rate stops
// one caller (by IP, whatever X-Forwarded-For it sends on a direct
// connection) and not another; a node that does not understand wf.callers
// refuses the spec; bad data is refused at deploy.
func TestCallerRateFree(t *testing.T) {
	ctx := context.Background()
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, templates.HelloWasm, callersSpec(t, spec.Callers{PerCaller: &spec.Rate{Requests: 2, Seconds: 3600}}))
	url := env.URL + "/" + fn.String() + "/"
	a, b := from("127.0.0.1"), from("127.0.0.2")
	for i := range 2 {
		if got := get(t, a, url, nil); got.status != 200 {
			t.Fatalf("request %d: %+v", i, got)
		}
	}
	wantLimited(t, get(t, a, url, nil), "caller_rate_limited", 3600)
	// A header on a direct connection is the caller's own word.
	wantLimited(t, get(t, a, url, http.Header{"X-Forwarded-For": {"203.0.113.9"}}), "caller_rate_limited", 3600)
	if got := get(t, b, url, nil); got.status != 200 {
		t.Fatalf("another caller: %+v", got)
	}
	// Another function's callers are counted apart.
	other := env.Deploy(t, templates.HelloWasm, callersSpec(t, spec.Callers{PerCaller: &spec.Rate{Requests: 1, Seconds: 60}, CallerPays: spec.CallerPaysRequired}))
	if got := get(t, a, env.URL+"/"+other.String()+"/", nil); got.status != 200 {
		t.Fatalf("a free node serves a callerPays function (nobody is billed): %+v", got)
	}

	// A node that does not understand the extension refuses the spec.
	lacks := wftest.New(t, wftest.Options{Provider: provider.Config{Extensions: spec.Registry{}}})
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), callersSpec(t, spec.Callers{PerCaller: &spec.Rate{Requests: 2, Seconds: 60}}), lacks.Key)
	if err != nil {
		t.Fatal(err)
	}
	var re *client.ResponseError
	if _, err := lacks.Client.Deploy(ctx, pkg); !errors.As(err, &re) || re.StatusCode != 400 || re.Code != "unsupported_extension" || !strings.Contains(re.Message, spec.CallersExtension) {
		t.Fatalf("a node without wf.callers: %v", err)
	}

	// Bad data is refused at deploy, and nothing is stored.
	for _, data := range []string{
		`{"perCaller":{"requests":2,"seconds":60},"unknown":1}`,
		`{"perCaller":{"requests":2,"seconds":0}}`,
		`{"ownerPays":{"requests":-1,"seconds":60}}`,
		`{"callerPays":"required","ownerPays":{"requests":1,"seconds":60}}`,
	} {
		s := wftest.Spec()
		s.Extensions = map[string]wf.Extension{spec.CallersExtension: {Required: true, Data: json.RawMessage(data)}}
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, env.Key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.Client.Deploy(ctx, pkg); !errors.As(err, &re) || re.StatusCode != 400 || !strings.Contains(re.Message, spec.CallersExtension) {
			t.Fatalf("deploy %s: %v, want 400 naming %s", data, err, spec.CallersExtension)
		}
		if has, _ := env.Store.Has(ctx, pkg.CID); has {
			t.Fatalf("deploy %s stored the spec", data)
		}
	}
}

const callersPrice = 100

// TestCallerLimitsPaid is issue 11 item 2 on a devnet with real contracts:
// a caller over its rate gets 429 and nothing is charged while another is
// served; the owner-paid window stops anonymous callers while a caller
// paying with a voucher is served (and rate-limited by its payer, not its
// IP); callerPays required refuses owner-pays with 402; a tunnelled
// provider tells callers apart by the gateway's X-Forwarded-For.
func TestCallerLimitsPaid(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: t.TempDir(), Chain: sim.Options{Accounts: 8}, Price: big.NewInt(callersPrice),
		Meter:    payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour},
		Nodes:    []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}, {Name: "beta"}},
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	alpha := n.Node("alpha")
	reader := n.Chain.Client(nil)
	deploy := func(url string, c spec.Callers) wf.CID {
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), callersSpec(t, c), n.Publisher)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.New(url).Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		return pkg.CID
	}
	owner := func() ledger.Totals {
		return alpha.Meter().Ledger().Account(ledger.Key{Mode: ledger.Owner, Payer: n.Publisher.Address()}).Charged
	}
	caller := n.Chain.Accounts()[5]
	if _, err := n.Chain.Client(caller).Deposit(ctx, big.NewInt(1_000_000)); err != nil {
		t.Fatal(err)
	}
	paid := func(ip string) *client.Client {
		c := client.New(alpha.URL)
		c.HTTP = from(ip)
		c.Pay = &client.Payer{Signer: caller, ChainID: reader.ChainID().Uint64(), Escrow: reader.Contracts().Escrow,
			Provider: alpha.Key.Address(), Headroom: wf.NewAmount(big.NewInt(20 * callersPrice))}
		return c
	}
	callerCharged := func() uint64 {
		return alpha.Meter().Ledger().Account(ledger.Key{Mode: ledger.Caller, Payer: caller.Address()}).Charged.Count
	}

	fn := deploy(alpha.URL, spec.Callers{PerCaller: &spec.Rate{Requests: 2, Seconds: 3600}, OwnerPays: &spec.Rate{Requests: 3, Seconds: 86400}})
	url := alpha.URL + "/" + fn.String() + "/"
	a, b := from("127.0.0.1"), from("127.0.0.2")
	for i := range 2 {
		if got := get(t, a, url, nil); got.status != 200 || got.charge == "" {
			t.Fatalf("owner-paid request %d: %+v", i, got)
		}
	}
	before := owner()
	wantLimited(t, get(t, a, url, nil), "caller_rate_limited", 3600)
	if after := owner(); after.Count != before.Count || after.Amount.Cmp(before.Amount) != 0 {
		t.Fatalf("the refused request was charged: %+v then %+v", before, after)
	}
	if got := get(t, b, url, nil); got.status != 200 {
		t.Fatalf("another caller: %+v", got)
	}
	// The owner has paid for 3: anonymous callers stop, whoever they are.
	got := get(t, from("127.0.0.3"), url, nil)
	wantLimited(t, got, "owner_budget_window", 86400)
	if got.extra["limit"] != "ownerPays" {
		t.Fatalf("the 429 does not name the limit: %+v", got)
	}
	if c := owner().Count; c != 3 {
		t.Fatalf("the owner was charged for %d requests, want 3", c)
	}
	// A caller paying with a voucher is still served, from an IP that is
	// over its rate: it is named by its payer.
	pc := paid("127.0.0.1")
	for i := range 2 {
		resp, err := pc.Invoke(ctx, fn, client.Request{})
		if err != nil {
			t.Fatalf("paid request %d: %v", i, err)
		}
		resp.Body.Close()
	}
	if c := callerCharged(); c != 2 {
		t.Fatalf("the caller was charged for %d requests, want 2", c)
	}
	var re *client.ResponseError
	if _, err := pc.Invoke(ctx, fn, client.Request{}); !errors.As(err, &re) || re.StatusCode != 429 || re.Code != "caller_rate_limited" {
		t.Fatalf("the payer's third request: %v, want 429 caller_rate_limited", err)
	}
	if c, o := callerCharged(), owner().Count; c != 2 || o != 3 {
		t.Fatalf("after refusals the caller was charged %d (want 2) and the owner %d (want 3)", c, o)
	}

	// callerPays required: the owner pays for nothing.
	only := deploy(alpha.URL, spec.Callers{CallerPays: spec.CallerPaysRequired})
	before = owner()
	got = get(t, b, alpha.URL+"/"+only.String()+"/", nil)
	if got.status != http.StatusPaymentRequired || got.code != "caller_pays_required" || got.charge != "" {
		t.Fatalf("owner-pays on a callerPays function: %+v", got)
	}
	if owner().Count != before.Count {
		t.Fatal("the owner was charged")
	}
	resp, err := paid("127.0.0.2").Invoke(ctx, only, client.Request{})
	if err != nil {
		t.Fatalf("a paying caller on a callerPays function: %v", err)
	}
	resp.Body.Close()

	// Through beta's own tunnel the gateway's X-Forwarded-For names the
	// caller: one caller over its rate, another served.
	gw := n.Gateways[0].URL + "/p/beta"
	tf := deploy(n.Node("beta").URL, spec.Callers{PerCaller: &spec.Rate{Requests: 1, Seconds: 3600}})
	turl := gw + "/" + tf.String() + "/"
	if got := get(t, a, turl, nil); got.status != 200 {
		t.Fatalf("through the tunnel: %+v", got)
	}
	wantLimited(t, get(t, a, turl, nil), "caller_rate_limited", 3600)
	if got := get(t, b, turl, nil); got.status != 200 {
		t.Fatalf("another caller through the tunnel: %+v", got)
	}
}

package dashboard_test

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dashboard"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// bigLedger is a node's ledger after 10,000 receipts, each from its own
// payer: the most rows the console can meet for that many.
type bigLedger map[ledger.Key]ledger.Account

func (l bigLedger) Accounts() map[ledger.Key]ledger.Account { return l }

func newBigLedger(n int) bigLedger {
	l := bigLedger{}
	for i := range n {
		var a wf.Address
		a[0], a[1], a[19] = byte(i>>8), byte(i), 7
		price := big.NewInt(int64(1000 + i))
		settled := int64(i % 2)
		l[ledger.Key{Mode: ledger.Owner, Payer: a}] = ledger.Account{
			Charged: ledger.Totals{Count: 1, Amount: price},
			Settled: ledger.Totals{Count: uint64(settled), Amount: new(big.Int).Mul(price, big.NewInt(settled))},
		}
	}
	return l
}

// Every page renders in under 200 ms of server time with 1,000 functions
// and 10,000 receipts: a paid devnet node holding 1,000 of the
// publisher's functions (256 loaded, the rest only stored), a ledger of
// 10,000 payers, the escrow on the dev chain. The time is the whole round
// trip on loopback, the provider's work for the page included.
//
//	go test -run '^$' -bench Pages -benchtime 20x ./dashboard
func BenchmarkPages(b *testing.B) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{Dir: b.TempDir(), Price: big.NewInt(1000),
		Nodes: []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}}})
	if err != nil {
		b.Fatal(err)
	}
	defer n.Close(ctx)
	alpha := n.Nodes[0]
	c := client.New(alpha.URL)
	first, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI,
		Created: spec.Now(time.Now()), Env: map[string]string{"N": "0"}}, n.Publisher)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.Deploy(ctx, first); err != nil {
		b.Fatal(err)
	}
	ss, err := c.Spec(ctx, first.CID, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; i < 1000; i++ {
		s := ss.Spec
		s.Env = map[string]string{"N": fmt.Sprint(i)}
		s.Created = spec.Now(time.Now().Add(-time.Duration(i) * time.Second))
		pkg, err := client.PackSpec(s, n.Publisher)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Deploy(ctx, pkg); err != nil {
			b.Fatal(err)
		}
	}
	for seq := uint64(1); seq <= 20; seq++ { // a name with 20 versions
		sr, err := names.Sign(wf.NameRecord{Name: "hello", Seq: seq, Targets: names.Split([]wf.CID{first.CID}),
			Created: spec.Now(time.Now())}, n.Publisher)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.SetName(ctx, sr); err != nil {
			b.Fatal(err)
		}
	}
	for range 50 { // a full log ring for the function page
		resp, err := c.Invoke(ctx, first.CID, client.Request{Path: "/?name=bench"})
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
	policy := &ci.Policy{Rules: []ci.Rule{{Platform: ci.GitHub, Repository: "acme/api", Workflow: ".github/workflows/deploy.yml",
		Ref: "refs/heads/main", Scopes: "deploy,name"}}}
	d, err := dashboard.New(dashboard.Config{Escrow: n.Chain.Client(nil), Providers: []dashboard.Provider{
		{Name: alpha.Name, URL: alpha.URL, Address: alpha.Key.Address(), Ledger: newBigLedger(10_000), Loaded: alpha.Node.Provider()}},
		CISigners: []dashboard.CISigner{{Owner: n.Publisher.Address(), URL: "http://127.0.0.1:1", Policy: func() (*ci.Policy, error) { return policy, nil }}}})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(d.Handler())
	defer srv.Close()
	pub := signIn(b, srv.URL, n.Publisher)
	op := signIn(b, srv.URL, alpha.Key)
	fnPath := "/functions/" + first.CID.String()
	m := wf.LogsRequest{Function: first.CID, Provider: alpha.Key.Address(), Expires: time.Now().Add(time.Minute).Unix()}
	sig, _ := n.Publisher.Sign(m)
	held := wf.AccountRead{Scope: wf.ScopePayer, Provider: alpha.Key.Address(), Expires: time.Now().Add(time.Minute).Unix()}
	heldSig, _ := n.Publisher.Sign(held)

	for _, p := range []struct {
		name, method, path string
		who                *browser
		form               url.Values
		want               string
	}{
		{"functions", "GET", "/functions", pub, nil, "1000 function(s)"},
		{"function", "GET", fnPath, pub, nil, "Read recent invocations"},
		{"invocations", "POST", fnPath + "/logs", pub, url.Values{"provider": {"0"}, "expires": {fmt.Sprint(m.Expires)}, "signature": {sig.String()}}, "greeting bench"},
		{"secrets", "GET", fnPath + "/secrets", pub, nil, "Seal in this page and sign"},
		{"holdings", "POST", "/account", pub, url.Values{"scope": {"payer"}, "provider": {"0"}, "expires": {fmt.Sprint(held.Expires)}, "signature": {heldSig.String()}}, "Budget left against your cap"},
		{"names", "GET", "/names", pub, nil, "seq 20"},
		{"name", "GET", "/names/hello", pub, nil, "Roll back to seq 19"},
		{"payments", "GET", "/payments", pub, nil, "can never take more than"},
		{"admin", "GET", "/admin", op, nil, "10000 payer account(s)"},
		{"ci", "GET", "/ci", pub, nil, "acme/api"},
	} {
		b.Run(p.name, func(b *testing.B) {
			if p.form != nil {
				p.form.Set("csrf", p.who.csrf)
			}
			for b.Loop() {
				status, body, _ := p.who.do(p.method, p.path, p.form)
				if status != 200 || !bytes.Contains([]byte(body), []byte(p.want)) {
					b.Fatalf("%s %s: %d, want 200 with %q", p.method, p.path, status, p.want)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/page")
		})
	}
}

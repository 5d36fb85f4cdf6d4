package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// The network the market tests run: three paid providers on loopback, an
// auditor in eu-west and a gateway.
//
//   - honest: its manifest is true.
//   - faulty: its manifest is true, but a fault-injecting proxy in front
//     of it rewrites function answers, adds latency and strips receipts.
//   - liar: its manifest claims four times its memory and a region on
//     the other side of the world.
const (
	pages   = 64
	price   = 1000
	version = "market-test"
)

func nodeManifest(name string, memPages uint32, region string) []byte {
	return manifest.Manifest{
		Schema: manifest.Schema, Name: name, Software: version, Runtimes: []string{wf.RuntimeWAGI},
		Features: []string{"sealed", "payments"},
		Limits:   manifest.Limits{MaxMemoryPages: memPages, MaxTimeoutMS: sandbox.DefaultMaxTimeout.Milliseconds()},
		Region:   region, Country: "IE", Price: big.NewInt(price).String(), Contact: "ops@" + name + ".example",
	}.Encode()
}

// liarManifest also claims MINA terms the node does not take (it runs no
// MINA rail).
func liarManifest() []byte {
	m, err := manifest.Parse(nodeManifest("liar", 4*pages, "ap-southeast"))
	if err != nil {
		panic(err)
	}
	m.Mina = &manifest.MinaTerms{Network: "testnet", Provider: "B62qiVGZQdBJJrxnzhvqp7LKe6jDiFcpU3cF5xHoZof5Pz9qiL85KLx", Price: "1000000"}
	return m.Encode()
}

// faulty is the fault-injecting proxy: answers of function invocations
// that look like a canary's (16 hex digits) get their first digit
// changed, every invocation 5 ms more latency, and no receipt.
var hex16 = regexp.MustCompile(`^[0-9a-f]{16}\n$`)

func faulty(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || strings.HasPrefix(r.URL.Path, "/v1/") { // not an invocation
			h.ServeHTTP(w, r)
			return
		}
		time.Sleep(5 * time.Millisecond)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if hex16.Match(body) {
			body = bytes.Clone(body)
			body[0] = "123456789abcdef0"[strings.IndexByte("0123456789abcdef", body[0])] // each digit to the next
		}
		for k, v := range rec.Header() {
			if k != http.CanonicalHeaderKey(wf.ReceiptHeader) && k != "Content-Length" {
				w.Header()[k] = v
			}
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
}

func startMarket(t *testing.T, gateways ...devnet.GatewayConfig) *devnet.Net {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	nc := func(name string, m []byte) devnet.NodeConfig {
		return devnet.NodeConfig{Name: name, Listen: "127.0.0.1:0", Node: node.Config{
			Sandbox:  sandbox.Config{MaxMemoryPages: pages},
			Provider: provider.Config{Manifest: m},
		}}
	}
	honest, bad, liar := nc("honest", nodeManifest("honest", pages, "eu-west")),
		nc("faulty", nodeManifest("faulty", pages, "eu-west")),
		nc("liar", liarManifest())
	bad.Wrap = faulty
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:      t.TempDir(),
		Version:  version,
		Price:    big.NewInt(price),
		Meter:    payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Nodes:    []devnet.NodeConfig{honest, bad, liar},
		Gateways: gateways,
		Auditor:  &devnet.AuditorConfig{Audit: audit.Config{Region: "eu-west", Samples: 5, CPURounds: 200_000}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close(context.Background()) })
	return n
}

func byName(rs []audit.Result) map[string]audit.Result {
	m := map[string]audit.Result{}
	for _, r := range rs {
		m[r.Report.Provider] = r
	}
	return m
}

func TestAuditScoresAndAttests(t *testing.T) {
	n := startMarket(t)
	ctx := context.Background()
	rs, err := n.Auditor.Sweep(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := byName(rs)
	for name, r := range got {
		t.Logf("%s: score %d failed %v requests %d gas %d p50 %.2fms p95 %.2fms took %s",
			name, r.Report.Score, r.Report.Failed(), r.Report.Requests, r.Gas, r.Report.LatencyP50MS, r.Report.LatencyP95MS, r.Took)
		for _, c := range r.Report.Checks {
			if !c.OK {
				t.Logf("  %s: %s", c.Name, c.Detail)
			}
		}
		if r.Err != nil {
			t.Fatalf("%s: attest: %v", name, r.Err)
		}
	}
	// The cost of a second sweep: attestations now replace earlier ones.
	rs2, err := n.Auditor.Sweep(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs2 {
		t.Logf("second sweep %s: requests %d gas %d", r.Report.Provider, r.Report.Requests, r.Gas)
	}
	got = byName(rs2)
	if h := got["honest"].Report; h.Score != chain.MaxScore || len(h.Failed()) != 0 || h.Success != 1 {
		t.Fatalf("honest: score %d failed %v", h.Score, h.Failed())
	}
	f := got["faulty"].Report
	for _, c := range []string{audit.CheckHash, audit.CheckCPU, audit.CheckMemoryMax, audit.CheckReceipts} {
		if f.Passed(c) {
			t.Errorf("faulty passed %s", c)
		}
	}
	if !f.Passed(audit.CheckOwnership) || !f.Passed(audit.CheckManifestInfo) || f.Score > 5000 {
		t.Errorf("faulty: score %d failed %v", f.Score, f.Failed())
	}
	l := got["liar"].Report
	for _, c := range []string{audit.CheckManifestInfo, audit.CheckMemoryMax, audit.CheckRegion, audit.CheckMina} {
		if l.Passed(c) {
			t.Errorf("liar passed %s", c)
		}
	}
	if i := slices.IndexFunc(l.Checks, func(c audit.Check) bool { return c.Name == audit.CheckMina }); i < 0 || !strings.Contains(l.Checks[i].Detail, "/v1/info has none") {
		t.Errorf("liar's MINA terms were not checked: %+v", l.Checks)
	}
	if slices.ContainsFunc(got["honest"].Report.Checks, func(c audit.Check) bool { return c.Name == audit.CheckMina }) {
		t.Error("a manifest without MINA terms got a MINA check")
	}
	if !l.Passed(audit.CheckHash) || l.Score > 8000 {
		t.Errorf("liar: score %d failed %v", l.Score, l.Failed())
	}

	// On-chain: each attestation names the registered manifest and the
	// signed report, which anyone can fetch and verify.
	att, err := n.Chain.Client(nil).Attestations(ctx, n.Attestations)
	if err != nil {
		t.Fatal(err)
	}
	reports := httptest.NewServer(n.Auditor.Handler())
	defer reports.Close()
	for _, name := range []string{"honest", "faulty", "liar"} {
		a, err := att.Latest(ctx, n.Auditor.Address(), name, audit.Schema)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := n.Chain.Client(nil).LookupProvider(ctx, name)
		c, _ := wf.ParseCID(p.MetadataCID)
		mh, _ := manifest.Hash(c)
		if a.Score != got[name].Report.Score || a.ReportCID != got[name].CID.String() || !a.Holds(time.Unix(int64(a.IssuedAt.Unix()), 0), p.Owner, mh) {
			t.Fatalf("%s attestation %+v", name, a)
		}
		res, err := http.Get(reports.URL + "/v1/reports/" + a.ReportCID)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(res.Body)
		res.Body.Close()
		r, err := audit.VerifyReport(buf.Bytes())
		if err != nil || r.Provider != name || wf.SumCID(wf.CodecJSON, buf.Bytes()).String() != a.ReportCID {
			t.Fatalf("%s report: %v", name, err)
		}
		// A report changed after signing no longer verifies.
		forged := bytes.Replace(buf.Bytes(), []byte(`"score":`), []byte(`"score":1`), 1)
		if _, err := audit.VerifyReport(forged); err == nil {
			t.Fatalf("%s: a changed report verifies", name)
		}
	}
}

// clock is a settable clock for the gateway (its filter reads expiry on it).
type clock struct{ off atomic.Int64 }

func (c *clock) Now() time.Time      { return time.Now().Add(time.Duration(c.off.Load())) }
func (c *clock) Add(d time.Duration) { c.off.Add(int64(d)) }

// get sends a smart-routed request through the gateway and returns the
// status, the provider that answered and X-WF-Route.
func get(t *testing.T, gw *devnet.Gateway, fn wf.CID) (int, string) {
	t.Helper()
	res, err := http.Get(gw.URL + "/" + fn.String() + "/?name=x")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, res.Header.Get(wf.RouteHeader)
}

var excluded = regexp.MustCompile(`; excluded=faulty\(score 0\.[0-8]\d<0\.90\),liar\(score 0\.[0-8]\d<0\.90\)`)

// A gateway that trusts the auditor routes only to providers it attested
// with a score of at least 0.9: never to the liars, not before the first
// sweep, not after a manifest change until the next sweep, and not after
// the attestations expire.
func TestRoutingTrustsAuditor(t *testing.T) {
	var clk clock
	n := startMarket(t,
		devnet.GatewayConfig{Criteria: &discovery.Criteria{MinScore: 0.9}, Poll: 50 * time.Millisecond, Gateway: gateway.Config{Now: clk.Now}},
		devnet.GatewayConfig{}) // no criteria: the baseline
	ctx := context.Background()
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z"}, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range n.Nodes {
		if _, err := client.New(nd.URL).Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
	}
	trusting, plain := n.Gateways[0], n.Gateways[1]

	// Before any audit nobody is attested.
	st, route := get(t, trusting, pkg.CID)
	if st != http.StatusServiceUnavailable || !strings.Contains(route, "reason=filtered") || !strings.Contains(route, "honest(unattested)") {
		t.Fatalf("before the sweep: %d %q", st, route)
	}
	if _, err := n.Auditor.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	trusting.Discovery.Forget()
	wantHonest := func(when string) {
		t.Helper()
		for range 20 {
			st, route := get(t, trusting, pkg.CID)
			if st != http.StatusOK || !strings.HasPrefix(route, "provider=honest") {
				t.Fatalf("%s: %d %q", when, st, route)
			}
			if !excluded.MatchString(route) {
				t.Fatalf("%s: route %q does not say why the others were excluded", when, route)
			}
		}
	}
	wantHonest("after the sweep")

	// /v1/providers says the same, and ?eligible=true lists only honest.
	var list struct {
		Providers []struct {
			Name     string `json:"name"`
			Excluded string `json:"excluded"`
		} `json:"providers"`
	}
	for q, want := range map[string]string{"": "faulty:score,honest:,liar:score", "?eligible=true": "honest:"} {
		list.Providers = nil
		res, err := http.Get(trusting.URL + "/v1/providers" + q)
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(res.Body).Decode(&list)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range list.Providers {
			got = append(got, p.Name+":"+strings.Split(p.Excluded, " ")[0])
		}
		slices.Sort(got)
		if strings.Join(got, ",") != want {
			t.Fatalf("/v1/providers%s: %v, want %s", q, got, want)
		}
	}

	// Routing overhead of the filter: p50 of the same requests through
	// the trusting and the plain gateway, interleaved, in one run.
	var on, off []time.Duration
	for range 200 {
		for _, g := range []*devnet.Gateway{trusting, plain} {
			start := time.Now()
			if st, _ := get(t, g, pkg.CID); st != http.StatusOK {
				t.Fatalf("status %d", st)
			}
			if g == trusting {
				on = append(on, time.Since(start))
			} else {
				off = append(off, time.Since(start))
			}
		}
	}
	slices.Sort(on)
	slices.Sort(off)
	t.Logf("routing p50: filters on %s, off %s (200 requests each, interleaved)", on[len(on)/2], off[len(off)/2])

	// A manifest change voids the attestation at once (it names the old
	// manifest's hash); the next sweep attests the new one.
	honest := n.Node("honest")
	m2 := nodeManifest("honest", pages, "eu-west")
	m2 = bytes.Replace(m2, []byte("ops@honest.example"), []byte("noc@honest.example"), 1)
	if err := honest.Provider().SetManifest(m2); err != nil {
		t.Fatal(err)
	}
	p, _ := n.Chain.Client(nil).LookupProvider(ctx, "honest")
	p.MetadataCID = manifest.CID(m2).String()
	if _, err := n.Chain.Client(honest.Key).UpdateProvider(ctx, p); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		st, route = get(t, trusting, pkg.CID)
		if st == http.StatusServiceUnavailable && strings.Contains(route, "honest(unattested)") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the manifest change: %d %q", st, route)
		}
		time.Sleep(20 * time.Millisecond)
	}
	rs, err := n.Auditor.Sweep(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if h := byName(rs)["honest"]; h.Report.Score != chain.MaxScore || h.Report.ManifestCID != p.MetadataCID {
		t.Fatalf("re-audit: %+v", h.Report)
	}
	trusting.Discovery.Forget()
	wantHonest("after the re-audit")

	// Attestations expire: a day later, without a sweep, nobody is trusted.
	clk.Add(chain.DefaultAttestationTTL + time.Minute)
	if st, route := get(t, trusting, pkg.CID); st != http.StatusServiceUnavailable || !strings.Contains(route, "honest(unattested)") {
		t.Fatalf("after expiry: %d %q", st, route)
	}
	// The plain gateway routes regardless.
	if st, _ := get(t, plain, pkg.CID); st != http.StatusOK {
		t.Fatalf("plain gateway: %d", st)
	}
}

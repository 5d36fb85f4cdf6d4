package devnet_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/cred"
	"github.com/webfunctions/wf/cred/credtest"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// TestCredentials is issue 16's end to end on a paid devnet with real
// proofs: a caller gets a credential from the devnet's issuer (its account
// on the allow-list), the owner deploys a function whose policy wants
// org in {acme, globex} and age >= 18 and discloses only org; without a
// credential the call gets 401 naming the policy, with one 200, and the
// function sees WF_CRED_ORG and nothing else of the credential; later
// requests carry only session signatures; a replayed one is refused; the
// owner is charged for the admitted calls only.
func TestCredentials(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	setup := credtest.Setup(t)
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: t.TempDir(), Chain: sim.Options{Accounts: 6}, Price: big.NewInt(100),
		Meter:       payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour},
		Nodes:       []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
		Credentials: &devnet.CredConfig{Setup: setup},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	alpha := n.Node("alpha")
	caller := n.Chain.Accounts()[4]
	n.Creds.Allow[caller.Address()] = []cred.Attr{cred.StringAttr("org", "acme"), cred.IntAttr("age", 30), cred.StringAttr("email", "ada@acme.example")}

	// The holder: a secret and a credential from the issuer over HTTP.
	secret, err := cred.NewSecret(nil)
	if err != nil {
		t.Fatal(err)
	}
	credential, err := cred.RequestCredential(ctx, nil, n.Creds.IssuerURL, caller, secret, n.Creds.Issuer.Public(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	stranger := n.Chain.Accounts()[5]
	if _, err := cred.RequestCredential(ctx, nil, n.Creds.IssuerURL, stranger, secret, cred.IssuerKey{}, time.Now()); err == nil {
		t.Fatal("an account off the allow-list got a credential")
	}

	// The owner deploys a gated function.
	age := int64(18)
	access := spec.Access{
		Disclose:          []spec.Disclose{{Name: "org", Slot: 0}},
		Issuers:           []string{n.Creds.Issuer.Public().String()},
		MaxSessionSeconds: 600,
		Predicates:        []spec.Predicate{{Op: spec.OpIn, Slot: 0, Set: []string{"acme", "globex"}}, {Op: spec.OpGte, Slot: 1, Int: &age}},
		Setup:             setup.Verifying.CID(),
	}
	x, err := access.Extension()
	if err != nil {
		t.Fatal(err)
	}
	s := wftest.Spec()
	s.Extensions = map[string]wf.Extension{spec.AccessExtension: x}
	pkg, err := client.Pack(ctx, bytes.NewReader(wftest.GoGuest(t, "sandbox/testdata/guest")), s, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(alpha.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	fn := pkg.CID
	url := alpha.URL + "/" + fn.String() + "/env"
	charged := func() uint64 {
		return alpha.Meter().Ledger().Account(ledger.Key{Mode: ledger.Owner, Payer: n.Publisher.Address()}).Charged.Count
	}
	call := func(h http.Header) (int, []byte) {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		for k, v := range h {
			req.Header[k] = v
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	code := func(b []byte) string {
		var body httperr.Body
		json.Unmarshal(b, &body)
		return body.Error.Code
	}

	// Without a credential: 401 with the policy's CID, nothing charged.
	status, b := call(nil)
	if status != 401 || code(b) != cred.CodeRequired || !strings.Contains(string(b), spec.AccessCID(x.Data).String()) {
		t.Fatalf("without a credential: %d %s", status, b)
	}
	if got := charged(); got != 0 {
		t.Fatalf("owner charged %d for a refused call", got)
	}

	// With one, bound to alpha.
	policy, err := cred.FromSpec(&s)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	session, err := cred.OpenSession(setup.Proving, policy, credential, secret, fn, alpha.Key.Address(), time.Now(), 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("proved in %v", time.Since(start))
	h := http.Header{}
	session.Sign(h, "GET", "/env", "", nil)
	status, b = call(h)
	if status != 200 {
		t.Fatalf("with a credential: %d %s", status, b)
	}
	session.Answered()
	var out struct{ Env []string }
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	var credVars []string
	for _, kv := range out.Env {
		if strings.Contains(kv, "WF_CRED") || strings.Contains(kv, "X_WF") || strings.Contains(kv, "ada@") || strings.Contains(kv, "=30") {
			credVars = append(credVars, kv)
		}
	}
	if len(credVars) != 1 || credVars[0] != "WF_CRED_ORG=acme" {
		t.Fatalf("the function saw %q of the credential; want only WF_CRED_ORG=acme", credVars)
	}

	// Later requests: signatures only.
	h = http.Header{}
	session.Sign(h, "GET", "/env", "", nil)
	if h.Get(cred.CredentialHeader) != "" {
		t.Fatal("a later request carries the presentation again")
	}
	if status, b = call(h); status != 200 {
		t.Fatalf("session request: %d %s", status, b)
	}
	// Replayed: refused, not charged.
	if status, b = call(h); status != 403 || code(b) != cred.CodeReplayed {
		t.Fatalf("replay: %d %s", status, b)
	}
	// Signed for another path: refused.
	h = http.Header{}
	session.Sign(h, "GET", "/other", "", nil)
	if status, b = call(h); status != 403 || code(b) != cred.CodeRefused {
		t.Fatalf("signature for another request: %d %s", status, b)
	}
	if got := charged(); got != 2 {
		t.Fatalf("owner charged for %d calls, want the 2 admitted", got)
	}

	// A stranger's chain key is no credential, and the proof of another
	// function does not open this one.
	other, err := cred.OpenSession(setup.Proving, policy, credential, secret, wf.SumCID(wf.CodecRaw, []byte("x")), wf.Address{}, time.Now(), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	h = http.Header{}
	other.Sign(h, "GET", "/env", "", nil)
	if status, b = call(h); status != 403 {
		t.Fatalf("a proof for another function: %d %s", status, b)
	}
	if got := charged(); got != 2 {
		t.Fatalf("owner charged for %d calls, want 2", got)
	}
}

// TestCredentialsRateRevocation: on a paid devnet with real proofs, a
// policy with an anonymous rate (2 per epoch) and revocation, over an
// owner-paid window of one request a second. A call the gate admits and
// the owner's window then refuses (429 owner_budget_window) is not
// charged and gives its rate unit back, so the credential still has two
// admitted, charged calls; the third is 429 credential_rate_limited.
// Revoked at the issuer, the credential can no longer be proved.
func TestCredentialsRateRevocation(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	setup := credtest.Setup(t)
	dir := t.TempDir()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir: dir, Chain: sim.Options{Accounts: 6}, Price: big.NewInt(100),
		Meter:       payment.Config{SettleCount: 1 << 40, SettleInterval: time.Hour},
		Nodes:       []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
		Credentials: &devnet.CredConfig{Setup: setup, Registry: &cred.Registry{Path: dir + "/issued.json"}, ValidRefresh: time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	alpha := n.Node("alpha")
	caller := n.Chain.Accounts()[4]
	n.Creds.Allow[caller.Address()] = []cred.Attr{cred.StringAttr("org", "acme")}
	secret, err := cred.NewSecret(nil)
	if err != nil {
		t.Fatal(err)
	}
	credential, err := cred.RequestCredential(ctx, nil, n.Creds.IssuerURL, caller, secret, n.Creds.Issuer.Public(), time.Now())
	if err != nil || credential.Slot(cred.SerialAttr) != 1 {
		t.Fatalf("credential: %v %+v", err, credential)
	}

	access := spec.Access{
		Issuers:           []string{n.Creds.Issuer.Public().String()},
		MaxSessionSeconds: 600,
		Predicates:        []spec.Predicate{{Op: spec.OpEq, Slot: 0, String: ptr("acme")}},
		Rate:              &spec.Rate{Requests: 2, Seconds: 3600},
		Revocation:        &spec.Revocation{MaxAgeSeconds: 600, Slot: 1},
		Setup:             setup.Verifying.CID(),
	}
	x, err := access.Extension()
	if err != nil {
		t.Fatal(err)
	}
	callers, err := (&spec.Callers{OwnerPays: &spec.Rate{Requests: 1, Seconds: 1}}).Extension()
	if err != nil {
		t.Fatal(err)
	}
	s := wftest.Spec()
	s.Extensions = map[string]wf.Extension{spec.AccessExtension: x, spec.CallersExtension: callers}
	pkg, err := client.Pack(ctx, bytes.NewReader(wftest.GoGuest(t, "sandbox/testdata/guest")), s, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(alpha.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	fn := pkg.CID
	charged := func() uint64 {
		return alpha.Meter().Ledger().Account(ledger.Key{Mode: ledger.Owner, Payer: n.Publisher.Address()}).Charged.Count
	}
	policy, err := cred.FromSpec(&s)
	if err != nil {
		t.Fatal(err)
	}
	valid, err := cred.FetchValidList(ctx, nil, n.Creds.IssuerURL, n.Creds.Issuer.Public())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cred.OpenSession(setup.Proving, policy, credential, secret, fn, wf.Address{}, time.Now(), time.Minute); err == nil {
		t.Fatal("proved a revocation policy without the valid list")
	}
	session, err := cred.OpenSessionValid(setup.Proving, policy, credential, secret, fn, wf.Address{}, time.Now(), time.Minute, valid)
	if err != nil {
		t.Fatal(err)
	}
	call := func() (int, string) {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, "GET", alpha.URL+"/"+fn.String()+"/echo", nil)
		session.Sign(req.Header, "GET", "/echo", "", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		var body httperr.Body
		json.Unmarshal(b, &body)
		if resp.StatusCode == 200 {
			session.Answered()
		}
		return resp.StatusCode, body.Error.Code
	}
	// The owner's window holds one request a second from the first in it;
	// wait for the next window.
	opened := time.Now()
	fresh := func() { time.Sleep(time.Until(opened.Add(1200 * time.Millisecond))); opened = time.Now() }
	if st, c := call(); st != 200 {
		t.Fatalf("first call: %d %s", st, c)
	}
	st, c := call()
	if st != 429 || c == cred.CodeRateLimited {
		t.Fatalf("second call in the same second: %d %s, want the owner's window", st, c)
	}
	if got := charged(); got != 1 {
		t.Fatalf("owner charged for %d calls, want 1", got)
	}
	fresh()
	if st, c := call(); st != 200 {
		t.Fatalf("third call, a second later: %d %s (the refused call's rate unit was not given back?)", st, c)
	}
	fresh()
	if st, c := call(); st != 429 || c != cred.CodeRateLimited {
		t.Fatalf("over the credential's rate: %d %s", st, c)
	}
	if got := charged(); got != 2 {
		t.Fatalf("owner charged for %d calls, want the 2 admitted", got)
	}

	// Revoked: the issuer's next list lacks it, and no proof can be made.
	if _, err := (&cred.Registry{Path: dir + "/issued.json"}).Revoke(caller.Address().Checksum(), time.Now()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	after, err := cred.FetchValidList(ctx, nil, n.Creds.IssuerURL, n.Creds.Issuer.Public())
	if err != nil || len(after.Serials) != 0 {
		t.Fatalf("valid list after the revocation: %v %v", err, after)
	}
	if _, err := cred.OpenSessionValid(setup.Proving, policy, credential, secret, fn, wf.Address{}, time.Now(), time.Minute, after); err == nil || !strings.Contains(err.Error(), "revoked") {
		t.Fatalf("a revoked credential: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }

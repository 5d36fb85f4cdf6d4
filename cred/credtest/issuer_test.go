package credtest_test

import (
	"context"
	"errors"
	"math/big"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/cred"
	"github.com/webfunctions/wf/wf"
)

// TestIssuer runs the issuer's Handler on loopback: an allow-listed
// account gets a credential over its commitment with its attributes; an
// account not on the list, a request signed by another account and an
// expired request are refused; the holder keeps the credential in a
// wallet whose secret needs the password.
func TestIssuer(t *testing.T) {
	ctx := context.Background()
	ik, err := cred.NewIssuerSecret(nil)
	if err != nil {
		t.Fatal(err)
	}
	member, _ := chain.GenerateKey()
	stranger, _ := chain.GenerateKey()
	list, err := cred.NewAllowList([]cred.AllowListEntry{{Account: member.Address(), Attrs: []cred.Attr{cred.StringAttr("org", "acme"), cred.IntAttr("age", 30)}}})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_800_000_000, 0)
	is, err := cred.NewIssuer(cred.IssuerConfig{Key: ik, Check: list, Verifier: chain.Verifier{}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(is.Handler())
	defer srv.Close()

	secret, _ := cred.NewSecret(nil)
	c, err := cred.RequestCredential(ctx, nil, srv.URL, member, secret, ik.Public(), now)
	if err != nil {
		t.Fatal(err)
	}
	if c.Commitment != secret.Commitment() || c.Attrs[0].Value() != "acme" || c.Expiry != now.Add(cred.DefaultValidity).Unix() {
		t.Fatalf("credential %+v", c)
	}
	if _, err := cred.RequestCredential(ctx, nil, srv.URL, stranger, secret, cred.IssuerKey{}, now); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("stranger: %v", err)
	}
	other, _ := cred.NewIssuerSecret(nil)
	if _, err := cred.RequestCredential(ctx, nil, srv.URL, member, secret, other.Public(), now); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("unexpected issuer key: %v", err)
	}
	// Signed by another account than it names.
	req := cred.IssueRequest{Account: member.Address(), Commitment: secret.Commitment(), Expires: now.Add(time.Minute).Unix()}
	req.Signature, _ = stranger.Sign(req.Message(ik.Public()))
	if _, err := is.Issue(ctx, &req); !errors.Is(err, wf.ErrUnauthorized) {
		t.Fatalf("wrong signer: %v", err)
	}
	// Expired, and too far ahead.
	for _, exp := range []time.Time{now.Add(-time.Second), now.Add(time.Hour)} {
		req := cred.IssueRequest{Account: member.Address(), Commitment: secret.Commitment(), Expires: exp.Unix()}
		req.Signature, _ = member.Sign(req.Message(ik.Public()))
		if _, err := is.Issue(ctx, &req); err == nil {
			t.Fatalf("expiry %v accepted", exp)
		}
	}

	// The wallet.
	w := cred.Wallet{Dir: filepath.Join(t.TempDir(), "credentials")}
	if err := w.Save(&cred.Held{Name: "acme", Credential: c, Secret: secret, IssuerURL: srv.URL}, "pw"); err != nil {
		t.Fatal(err)
	}
	if err := w.Save(&cred.Held{Name: "acme", Credential: c, Secret: secret}, "pw"); err == nil {
		t.Fatal("saved over an existing credential")
	}
	if _, err := w.Load("acme", "wrong"); !errors.Is(err, cred.ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	h, err := w.Load("acme", "pw")
	if err != nil || h.Secret.Commitment() != c.Commitment {
		t.Fatalf("load: %v", err)
	}
	all, err := w.List()
	if err != nil || len(all) != 1 || all[0].Secret != nil || all[0].IssuerURL != srv.URL {
		t.Fatalf("list: %v %+v", err, all)
	}

	// The issuer key file.
	kp := filepath.Join(t.TempDir(), "issuer.json")
	if err := cred.SaveIssuerKey(kp, ik, "pw"); err != nil {
		t.Fatal(err)
	}
	back, err := cred.LoadIssuerKey(kp, "pw")
	if err != nil || back.Public() != ik.Public() {
		t.Fatalf("issuer key: %v", err)
	}
	if _, err := cred.LoadIssuerKey(kp, "nope"); !errors.Is(err, cred.ErrWrongPassword) {
		t.Fatalf("issuer key, wrong password: %v", err)
	}
}

// TestDepositCheck reads the escrow on a real (simulated) chain: an
// account with a deposit of at least Min gets the attributes and its
// balance; one without is refused; cred.AnyOf falls through to the allow-list.
func TestDepositCheck(t *testing.T) {
	ctx := context.Background()
	c, err := sim.New(ctx, sim.Options{Accounts: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	payer, other := c.Accounts()[1], c.Accounts()[2]
	if _, err := c.Client(payer).Deposit(ctx, big.NewInt(5_000_000)); err != nil {
		t.Fatal(err)
	}
	reader := c.Client(nil)
	check := cred.DepositCheck{Min: big.NewInt(1_000_000), Attrs: []cred.Attr{cred.StringAttr("escrow", "depositor")},
		Balance: func(ctx context.Context, a wf.Address) (*big.Int, error) {
			acc, err := reader.Account(ctx, a)
			return acc.Balance, err
		}}
	attrs, err := check.Attributes(ctx, payer.Address())
	if err != nil || len(attrs) != 2 || attrs[1].Name != "deposit" || *attrs[1].Int != 5_000_000 {
		t.Fatalf("depositor: %v %+v", err, attrs)
	}
	if _, err := check.Attributes(ctx, other.Address()); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("no deposit: %v", err)
	}
	both := cred.AnyOf{check, cred.AllowList{other.Address(): {cred.StringAttr("org", "acme")}}}
	if attrs, err := both.Attributes(ctx, other.Address()); err != nil || attrs[0].Value() != "acme" {
		t.Fatalf("cred.AnyOf: %v %+v", err, attrs)
	}
}

package rewards_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// cheat is a provider operator who answers invocations wrongly and signs
// receipts for what it answered with its node's key k: what a provider
// must do to be paid for a wrong answer.
func cheat(k *chain.Key) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || strings.HasPrefix(r.URL.Path, "/v1/") {
				h.ServeHTTP(w, r)
				return
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			body := bytes.Clone(rec.Body.Bytes())
			if len(body) > 0 {
				body[0] ^= 0xff
			}
			if enc := rec.Header().Get(wf.ReceiptHeader); enc != "" {
				rc, err := payment.DecodeReceipt(enc)
				if err == nil && rc.Version == 2 {
					rc.ResponseBody = sha256.Sum256(body)
					if rc.Signature, err = chain.SignReceipt(k, rc.ChargeReceipt); err == nil {
						rec.Header().Set(wf.ReceiptHeader, payment.EncodeReceipt(rc))
					}
				}
			}
			for k, v := range rec.Header() {
				if k != "Content-Length" {
					w.Header()[k] = v
				}
			}
			w.WriteHeader(rec.Code)
			w.Write(body)
		})
	}
}

// TestSlashFaultyProvider runs two staked paid nodes, one behind a
// cheating operator. The auditor (the publisher, who pays for its canary's
// requests) deploys a sha256 canary to both and asks each one question:
// the honest node's receipt binds the right answer and slashes nothing,
// a forgery of it slashes nothing, and the cheat's receipt slashes its
// stake exactly once, paying the reporter and the auditor as payer.
func TestSlashFaultyProvider(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go guest and runs a network")
	}
	wasm := wftest.GoGuest(t, "rewards/testdata/sha256canary")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	honestKey, cheatKey := chain.DevKey(1), chain.DevKey(2)
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   t.TempDir(),
		Price: big.NewInt(1000),
		Meter: payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Nodes: []devnet.NodeConfig{
			{Name: "honest", Listen: "127.0.0.1:0", Key: honestKey},
			{Name: "cheat", Listen: "127.0.0.1:0", Key: cheatKey, Wrap: cheat(cheatKey)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	auditor, reporter := n.Publisher, chain.DevKey(5)
	c := n.Chain.Client(auditor)
	addr, err := c.DeployStake(ctx, chain.StakeConfig{MinStake: usdc(100), SlashAmount: usdc(100), UnbondDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.Stake(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []*chain.Key{honestKey, cheatKey} {
		if _, err := st.As(n.Chain.Client(k)).Bond(ctx, usdc(100)); err != nil {
			t.Fatal(err)
		}
	}

	pkg, err := client.Pack(ctx, bytes.NewReader(wasm), wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: time.Now().UTC().Format(time.RFC3339),
	}, auditor)
	if err != nil {
		t.Fatal(err)
	}
	salt := [32]byte{0xca, 0xfe}
	if _, err := st.AddCanary(ctx, pkg.CID, salt); err != nil {
		t.Fatal(err)
	}
	input := []byte("what is the hash of this?")
	want := sha256.Sum256(input)
	ask := func(nd *devnet.Node) chain.Evidence {
		t.Helper()
		if _, err := client.New(nd.URL).Deploy(ctx, pkg); err != nil {
			t.Fatalf("deploy to %s: %v", nd.Name, err)
		}
		resp, err := http.Post(nd.URL+"/"+pkg.CID.String()+"/", "application/octet-stream", bytes.NewReader(input))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %q", nd.Name, resp.StatusCode, body)
		}
		rc, err := payment.DecodeReceipt(resp.Header.Get(wf.ReceiptHeader))
		if err != nil {
			t.Fatalf("%s: %v", nd.Name, err)
		}
		if err := payment.VerifyReceipt(rc, nd.Key.Address()); err != nil {
			t.Fatalf("%s: %v", nd.Name, err)
		}
		// The receipt binds what was sent: the auditor checks that first.
		if rc.Version != 2 || rc.RequestBody != sha256.Sum256(input) || rc.ResponseBody != sha256.Sum256(body) {
			t.Fatalf("%s: receipt v%d does not bind the bodies", nd.Name, rc.Version)
		}
		if (nd.Name == "honest") != bytes.Equal(body, want[:]) {
			t.Fatalf("%s answered %x", nd.Name, body)
		}
		return chain.Evidence{Receipt: rc.ChargeReceipt, Signature: rc.Signature, Input: input, Salt: salt}
	}
	rep := st.As(n.Chain.Client(reporter))
	good := ask(n.Node("honest"))
	if _, err := rep.Slash(ctx, good); !isRevert(err, "AnswerCorrect") {
		t.Errorf("the honest node's receipt: %v, want AnswerCorrect", err)
	}
	// The auditor paid for that request, so it may rate the provider with its receipt; nobody else may.
	idx := rewards.NewRatingIndex(memstore.New(), nil)
	header := payment.EncodeReceipt(payment.Receipt{ChargeReceipt: good.Receipt, Signature: good.Signature})
	if r, err := rewards.NewRating(auditor, honestKey.Address(), header, 5, "", time.Now()); err != nil {
		t.Fatal(err)
	} else if _, err := idx.Add(ctx, r); err != nil {
		t.Errorf("the payer's rating with a real receipt: %v", err)
	}
	if r, err := rewards.NewRating(reporter, honestKey.Address(), header, 1, "", time.Now()); err != nil {
		t.Fatal(err)
	} else if _, err := idx.Add(ctx, r); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("a rating with someone else's receipt: %v", err)
	}
	forged := good
	forged.Receipt.ResponseBody[0] ^= 1
	if _, err := rep.Slash(ctx, forged); !isRevert(err, "NothingToSlash") {
		t.Errorf("a forged receipt: %v, want NothingToSlash", err)
	}
	if b, _ := st.BondOf(ctx, honestKey.Address()); b.Amount.Cmp(usdc(100)) != 0 || !b.Staked {
		t.Errorf("honest bond %+v", b)
	}

	bad := ask(n.Node("cheat"))
	view := n.Chain.Client(nil)
	repBefore, _ := view.TokenBalance(ctx, reporter.Address())
	payBefore, _ := view.TokenBalance(ctx, auditor.Address())
	res, err := rep.Slash(ctx, bad)
	if err != nil {
		t.Fatal(err)
	}
	if res.Provider != cheatKey.Address() || res.Amount.Cmp(usdc(100)) != 0 {
		t.Errorf("slashed %s of %s", res.Amount, res.Provider)
	}
	if _, err := rep.Slash(ctx, bad); !isRevert(err, "EvidenceUsed") {
		t.Errorf("the same receipt again: %v, want EvidenceUsed", err)
	}
	repAfter, _ := view.TokenBalance(ctx, reporter.Address())
	payAfter, _ := view.TokenBalance(ctx, auditor.Address())
	if d := new(big.Int).Sub(repAfter, repBefore); d.Cmp(usdc(50)) != 0 {
		t.Errorf("reporter got %s, want 50 USDC", d)
	}
	if d := new(big.Int).Sub(payAfter, payBefore); d.Cmp(usdc(50)) != 0 {
		t.Errorf("payer got %s, want 50 USDC", d)
	}
	if b, _ := st.BondOf(ctx, cheatKey.Address()); b.Amount.Sign() != 0 || b.Staked {
		t.Errorf("cheat's bond after the slash: %+v", b)
	}
	t.Logf("slash gas %d", res.GasUsed)
}

func isRevert(err error, name string) bool {
	var re *chain.RevertError
	return errors.As(err, &re) && re.Name == name
}

// TestAuditorSlashes: the auditor itself registers a sha256 canary with
// the stake contract, deploys it to every paid provider and asks it; the
// cheat's receipt for its wrong answer is submitted by the auditor, its
// bond slashed once and the slash in its signed report; the honest
// provider passes and keeps its bond; the next sweep slashes nothing more.
func TestAuditorSlashes(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	honestKey, cheatKey := chain.DevKey(1), chain.DevKey(2)
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:     t.TempDir(),
		Price:   big.NewInt(1000),
		Meter:   payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Auditor: &devnet.AuditorConfig{Audit: audit.Config{Samples: 1, CPURounds: 1000}},
		Nodes: []devnet.NodeConfig{
			{Name: "honest", Listen: "127.0.0.1:0", Key: honestKey},
			{Name: "cheat", Listen: "127.0.0.1:0", Key: cheatKey, Wrap: cheat(cheatKey)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	auditor := n.Chain.Client(devnet.AuditorKey())
	addr, err := n.Chain.Client(n.Chain.Accounts()[0]).DeployStake(ctx, chain.StakeConfig{MinStake: usdc(100), SlashAmount: usdc(100),
		UnbondDelay: time.Hour, Governor: auditor.Address()})
	if err != nil {
		t.Fatal(err)
	}
	st, err := auditor.Stake(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []*chain.Key{honestKey, cheatKey} {
		if _, err := st.As(n.Chain.Client(k)).Bond(ctx, usdc(100)); err != nil {
			t.Fatal(err)
		}
	}
	n.Auditor.UseStake(st)
	view := n.Chain.Client(nil)
	before, _ := view.TokenBalance(ctx, auditor.Address())
	sweep := func() map[string]audit.Result {
		rs, err := n.Auditor.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]audit.Result{}
		for _, r := range rs {
			out[r.Report.Provider] = r
		}
		return out
	}
	check := func(r audit.Result) audit.Check {
		for _, c := range r.Report.Checks {
			if c.Name == audit.CheckSHA256 {
				return c
			}
		}
		t.Fatalf("%s: no %s check in %+v", r.Report.Provider, audit.CheckSHA256, r.Report.Checks)
		return audit.Check{}
	}
	rs := sweep()
	if c := check(rs["honest"]); !c.OK || rs["honest"].Report.Slashed != nil {
		t.Errorf("honest: %+v, slashed %+v", c, rs["honest"].Report.Slashed)
	}
	sl := rs["cheat"].Report.Slashed
	if c := check(rs["cheat"]); c.OK || sl == nil || sl.Amount != usdc(100).String() || !strings.Contains(c.Detail, "slashed 100") {
		t.Fatalf("cheat: %+v, slashed %+v", c, sl)
	}
	t.Logf("auditor's slash: gas %d, tx %s", sl.Gas, sl.Tx)
	for name, k := range map[string]*chain.Key{"honest": honestKey, "cheat": cheatKey} {
		b, err := st.BondOf(ctx, k.Address())
		if err != nil {
			t.Fatal(err)
		}
		if staked := name == "honest"; b.Staked != staked {
			t.Errorf("%s: staked %v after the sweep, want %v", name, b.Staked, staked)
		}
	}
	// The auditor is reporter and payer: the whole slash, less what it
	// paid for its canaries' requests.
	after, _ := view.TokenBalance(ctx, auditor.Address())
	if d := new(big.Int).Sub(after, before); d.Cmp(usdc(100)) != 0 {
		t.Errorf("auditor's wallet changed by %s, want the 100 USDC slashed (requests are paid from its escrow)", d)
	}
	// Next sweep: a new canary; the cheat has nothing left to slash.
	rs = sweep()
	if c := check(rs["cheat"]); c.OK || rs["cheat"].Report.Slashed != nil || !strings.Contains(c.Detail, "nothing to slash") {
		t.Errorf("second sweep, cheat: %+v, slashed %+v", c, rs["cheat"].Report.Slashed)
	}
	if c := check(rs["honest"]); !c.OK {
		t.Errorf("second sweep, honest: %+v", c)
	}
}

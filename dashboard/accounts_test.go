package dashboard_test

import (
	"encoding/json"
	"math/big"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/dashboard"
	"github.com/webfunctions/wf/wf"
)

// readAccount goes through the page's two steps as the wallet holding
// key: the typed data of a wf.AccountRead, then its signature.
func (b *browser) readAccount(key *chain.Key, scope, provider string) (int, string) {
	b.t.Helper()
	form := url.Values{"csrf": {b.csrf}, "scope": {scope}, "provider": {provider}}
	status, body, _ := b.do("POST", "/account-request", form)
	if status != 200 {
		return status, body
	}
	var rq struct {
		Expires   int64           `json:"expires"`
		TypedData json.RawMessage `json:"typedData"`
	}
	if err := json.Unmarshal([]byte(body), &rq); err != nil {
		b.t.Fatal(err)
	}
	sig, err := key.SignTypedData(rq.TypedData)
	if err != nil {
		b.t.Fatal(err)
	}
	form.Set("expires", strconv.FormatInt(rq.Expires, 10))
	form.Set("signature", sig.String())
	status, body, _ = b.do("POST", "/account", form)
	return status, body
}

// A payer reads, through its wallet's signature, what each provider holds
// against it (pending, in flight, settled) beside the budget the escrow
// still lets that provider take; an operator reads its node's console
// from a dashboard that does not run beside the node. Reads for the
// wrong scope, without the CSRF token or with another's signature are
// refused.
func TestAccountReadsThroughWallet(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	alpha := w.net.Node("alpha")
	owner := signIn(t, w.url, pub)

	status, body, _ := owner.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, "What each provider holds against you", "Ask alpha", "Ask beta")
	status, body = owner.readAccount(pub, wf.ScopePayer, "0")
	wantPage(t, status, body, 200, "At alpha", "from your escrow", "1 · 0.001000 USDC", "Budget left against your cap: <strong>99.999000 USDC</strong>", "settles the 0.001000 USDC it holds")
	status, body = owner.readAccount(pub, wf.ScopePayer, "1")
	wantPage(t, status, body, 200, "At beta", "beta has charged you nothing")

	// Refused: the console for a payer; another key's signature; no CSRF.
	status, body = owner.readAccount(pub, wf.ScopeOperator, "0")
	wantPage(t, status, body, 403, "operator")
	stranger, _ := chain.GenerateKey()
	status, body = owner.readAccount(stranger, wf.ScopePayer, "0")
	wantPage(t, status, body, 403, "not yours")
	status, body, _ = owner.do("POST", "/account-request", url.Values{"scope": {"payer"}, "provider": {"0"}})
	wantPage(t, status, body, 403, "CSRF")
	status, body, _ = owner.do("POST", "/account-request", url.Values{"csrf": {owner.csrf}, "scope": {"everything"}, "provider": {"0"}})
	wantPage(t, status, body, 400)

	// A dashboard elsewhere: it knows alpha's URL and address only.
	remote := serve(t, dashboard.Config{Providers: []dashboard.Provider{{Name: "alpha", URL: alpha.URL, Address: alpha.Key.Address()}}})
	op := signIn(t, remote, alpha.Key)
	status, body, _ = op.do("GET", "/admin", nil)
	wantPage(t, status, body, 200, "Operator console: alpha", "Read the console of alpha with your wallet", `data-scope="operator"`)
	status, body = op.readAccount(alpha.Key, wf.ScopeOperator, "0")
	wantPage(t, status, body, 200, `id="console-remote"`, "2 function(s) loaded", w.fn.String(), "Settled on the chain", pub.Address().Checksum()[:10], "payer account(s) and MINA channel(s) this node served")
	other := signIn(t, remote, pub)
	status, body = other.readAccount(pub, wf.ScopeOperator, "0")
	wantPage(t, status, body, 403)
}

// The operator's console shows its bond and rewards from the stake and
// rewards contracts (real ones, on the dev chain), and the payments page
// whether each provider is staked.
func TestStakeAndRewardsShown(t *testing.T) {
	w := start(t, false)
	ctx := t.Context()
	alpha := w.net.Node("alpha")
	sponsor := w.net.Chain.Client(w.net.Chain.Accounts()[0])
	poolAddr, err := sponsor.DeployRewards(ctx, chain.RewardsConfig{Auditors: []wf.Address{sponsor.Address()}, Threshold: 1, EpochLength: time.Hour, CapBps: 5000})
	if err != nil {
		t.Fatal(err)
	}
	pool, err := sponsor.RewardsPool(ctx, poolAddr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sponsor.MintUSDC(ctx, sponsor.Address(), big.NewInt(50_000_000)); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Fund(ctx, big.NewInt(25_000_000)); err != nil {
		t.Fatal(err)
	}
	stakeAddr, err := sponsor.DeployStake(ctx, chain.StakeConfig{MinStake: big.NewInt(5_000_000), UnbondDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sponsor.MintUSDC(ctx, alpha.Key.Address(), big.NewInt(5_000_000)); err != nil {
		t.Fatal(err)
	}
	st, err := w.net.Chain.Client(alpha.Key).Stake(ctx, stakeAddr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Bond(ctx, big.NewInt(5_000_000)); err != nil {
		t.Fatal(err)
	}
	stake, _ := sponsor.Stake(ctx, stakeAddr)
	w.net.Dashboard.Dashboard.SetIncentives(dashboard.Incentives{Rewards: pool, Stake: stake})

	op := signIn(t, w.url, alpha.Key)
	status, body, _ := op.do("GET", "/admin", nil)
	wantPage(t, status, body, 200, `id="stake"`, "staked</span>: 5.000000 USDC bonded", `id="rewards"`, "0.000000 USDC rewarded in all", "nothing claimed yet", "25.000000 USDC the next epoch may pay", "5000 basis points")
	pub := signIn(t, w.url, w.net.Publisher)
	status, body, _ = pub.do("GET", "/payments", nil)
	wantPage(t, status, body, 200, "alpha</strong> (staked: 5.000000 USDC bonded)", "beta</strong> (not staked)")
}

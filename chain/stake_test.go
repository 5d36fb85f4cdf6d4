package chain_test

import (
	"crypto/sha256"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/wf"
)

// TestReceiptV2: a version 2 receipt binds both bodies, its signature does
// not pass as version 1's nor the reverse, and the Stake contract computes
// the same digest.
func TestReceiptV2(t *testing.T) {
	prov := chain.DevKey(1)
	fn, err := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	if err != nil {
		t.Fatal(err)
	}
	v1 := chain.ChargeReceipt{Function: fn, Payer: chain.DevKey(2).Address(), Mode: "caller", Amount: big.NewInt(5), Cumulative: big.NewInt(10), RequestID: wf.RequestID{1, 2}}
	v2 := v1
	v2.Version, v2.RequestBody, v2.ResponseBody = 2, sha256.Sum256([]byte("in")), sha256.Sum256([]byte("out"))
	sig1, err := chain.SignReceipt(prov, v1)
	if err != nil {
		t.Fatal(err)
	}
	sig2, err := chain.SignReceipt(prov, v2)
	if err != nil {
		t.Fatal(err)
	}
	if err := chain.VerifyReceipt(v1, sig1, prov.Address()); err != nil {
		t.Errorf("version 1 no longer verifies: %v", err)
	}
	if err := chain.VerifyReceipt(v2, sig2, prov.Address()); err != nil {
		t.Fatal(err)
	}
	if chain.VerifyReceipt(v1, sig2, prov.Address()) == nil || chain.VerifyReceipt(v2, sig1, prov.Address()) == nil {
		t.Error("a signature passes for the other version")
	}
	for i, change := range []func(*chain.ChargeReceipt){
		func(r *chain.ChargeReceipt) { r.RequestBody[0]++ },
		func(r *chain.ChargeReceipt) { r.ResponseBody[31]++ },
	} {
		c := v2
		change(&c)
		if chain.VerifyReceipt(c, sig2, prov.Address()) == nil {
			t.Errorf("changed body hash %d verifies", i)
		}
	}
	if _, err := chain.ReceiptDigest(chain.ChargeReceipt{Version: 3, Function: fn, Payer: v1.Payer, Mode: "owner", Amount: big.NewInt(1), Cumulative: big.NewInt(1)}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("version 3: %v", err)
	}

	s := newSim(t, sim.Options{})
	st := deployStake(t, s, chain.StakeConfig{})
	got, err := st.ContractReceiptDigest(testCtx(t), v2)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := chain.ReceiptDigest(v2); got != want {
		t.Errorf("contract digest %x, Go digest %x", got, want)
	}
}

func deployStake(t *testing.T, s *sim.Chain, cfg chain.StakeConfig) *chain.Stake {
	t.Helper()
	ctx := testCtx(t)
	c := s.Client(s.Accounts()[0])
	addr, err := c.DeployStake(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.Stake(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestStakeSlash: a provider bonds; a receipt it signed for a sha256
// canary with a wrong answer slashes it exactly once, paying the reporter
// and the payer; a correct answer, a forged receipt, a function that is
// not a registered canary, or the wrong input slash nothing; an unbond
// waits its delay and stays slashable meanwhile.
func TestStakeSlash(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 5})
	ctx := testCtx(t)
	acc := s.Accounts()
	governor, prov, payer, reporter, forger := acc[0], acc[1], acc[2], acc[3], acc[4]
	min, slash := big.NewInt(100_000_000), big.NewInt(60_000_000)
	st := deployStake(t, s, chain.StakeConfig{MinStake: min, SlashAmount: slash, UnbondDelay: time.Hour})
	gas := map[string]uint64{}

	ps := st.As(s.Client(prov))
	r, err := ps.Bond(ctx, big.NewInt(150_000_000))
	if err != nil {
		t.Fatal(err)
	}
	gas["bond"] = r.GasUsed
	b, err := st.BondOf(ctx, prov.Address())
	if err != nil || !b.Staked {
		t.Fatalf("bonded provider not staked: %+v %v", b, err)
	}

	canary, err := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x12, 0x20}, sha256.New().Sum(nil)...))
	if err != nil {
		t.Fatal(err)
	}
	salt := [32]byte{0x5a, 1}
	if _, err := st.As(s.Client(prov)).AddCanary(ctx, canary, salt); err == nil {
		t.Fatal("a provider registered a canary")
	}
	if r, err = st.As(s.Client(governor)).AddCanary(ctx, canary, salt); err != nil {
		t.Fatal(err)
	}
	gas["addCanary"] = r.GasUsed

	input := []byte("canary question 42")
	right := sha256.Sum256(input)
	receipt := func(answer []byte, id byte) chain.ChargeReceipt {
		return chain.ChargeReceipt{Version: 2, Function: canary, Payer: payer.Address(), Mode: "caller",
			Amount: big.NewInt(1000), Cumulative: big.NewInt(int64(id) * 1000), RequestID: wf.RequestID{7: id},
			RequestBody: sha256.Sum256(input), ResponseBody: sha256.Sum256(answer)}
	}
	signed := func(k *chain.Key, r chain.ChargeReceipt) chain.Evidence {
		sig, err := chain.SignReceipt(k, r)
		if err != nil {
			t.Fatal(err)
		}
		return chain.Evidence{Receipt: r, Signature: sig, Input: input, Salt: salt}
	}
	rep := st.As(s.Client(reporter))

	t.Run("correct answer", func(t *testing.T) {
		_, err := rep.Slash(ctx, signed(prov, receipt(right[:], 1)))
		wantRevert(t, err, "AnswerCorrect", nil)
	})
	wrong := receipt([]byte("not the hash"), 2)
	t.Run("forged", func(t *testing.T) {
		// Signed by someone else: it names nobody with a bond.
		_, err := rep.Slash(ctx, signed(forger, wrong))
		wantRevert(t, err, "NothingToSlash", nil)
		// The provider's signature over another receipt.
		ev := signed(prov, wrong)
		ev.Receipt.Amount = big.NewInt(999)
		_, err = rep.Slash(ctx, ev)
		wantRevert(t, err, "NothingToSlash", nil)
	})
	t.Run("not a canary", func(t *testing.T) {
		ev := signed(prov, wrong)
		ev.Salt[0]++
		_, err := rep.Slash(ctx, ev)
		wantRevert(t, err, "NotCanary", nil)
	})
	t.Run("other input", func(t *testing.T) {
		ev := signed(prov, wrong)
		ev.Input = []byte("another question")
		_, err := rep.Slash(ctx, ev)
		wantRevert(t, err, "InputMismatch", nil)
	})
	if b2, _ := st.BondOf(ctx, prov.Address()); b2.Amount.Cmp(b.Amount) != 0 {
		t.Fatalf("bond changed to %s by refused evidence", b2.Amount)
	}

	c := s.Client(nil)
	before := map[wf.Address]*big.Int{}
	for _, k := range []*chain.Key{reporter, payer} {
		if before[k.Address()], err = c.TokenBalance(ctx, k.Address()); err != nil {
			t.Fatal(err)
		}
	}
	ev := signed(prov, wrong)
	res, err := rep.Slash(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	gas["slash"] = res.GasUsed
	if res.Provider != prov.Address() || res.Amount.Cmp(slash) != 0 {
		t.Errorf("slashed %s of %s, want %s of %s", res.Amount, res.Provider, slash, prov.Address())
	}
	half := new(big.Int).Div(slash, big.NewInt(2))
	for _, k := range []*chain.Key{reporter, payer} {
		now, _ := c.TokenBalance(ctx, k.Address())
		if d := new(big.Int).Sub(now, before[k.Address()]); d.Cmp(half) != 0 {
			t.Errorf("%s received %s, want %s", k.Address(), d, half)
		}
	}
	b, _ = st.BondOf(ctx, prov.Address())
	if b.Amount.Int64() != 90_000_000 || b.Staked {
		t.Errorf("after the slash: %+v; want 90 USDC, no longer staked", b)
	}
	_, err = rep.Slash(ctx, ev)
	wantRevert(t, err, "EvidenceUsed", nil)
	if used, err := st.Used(ctx, ev.Receipt); err != nil || !used {
		t.Errorf("used = %v, %v", used, err)
	}

	// Unbonding waits, and stays slashable meanwhile.
	if r, err = ps.RequestUnbond(ctx, big.NewInt(90_000_000)); err != nil {
		t.Fatal(err)
	}
	gas["requestUnbond"] = r.GasUsed
	_, err = ps.Unbond(ctx)
	wantRevert(t, err, "UnbondNotReady", nil)
	if res, err = rep.Slash(ctx, signed(prov, receipt([]byte("wrong again"), 3))); err != nil {
		t.Fatal(err)
	}
	if err := s.AdjustTime(time.Hour + time.Second); err != nil {
		t.Fatal(err)
	}
	pb, _ := c.TokenBalance(ctx, prov.Address())
	if r, err = ps.Unbond(ctx); err != nil {
		t.Fatal(err)
	}
	gas["unbond"] = r.GasUsed
	pa, _ := c.TokenBalance(ctx, prov.Address())
	if d := new(big.Int).Sub(pa, pb); d.Int64() != 30_000_000 {
		t.Errorf("unbond paid %s, want the 30 USDC left after the second slash", d)
	}
	for what, g := range gas {
		t.Logf("gas %-14s %7d", what, g)
	}
}

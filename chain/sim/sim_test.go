package sim

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/params"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

func newChain(t testing.TB, o Options) *Chain {
	t.Helper()
	if o.Accounts == 0 {
		o.Accounts = 4
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := New(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// wantRevert checks that err is a revert with the custom error name that
// also matches kind.
func wantRevert(t *testing.T, err error, name string, kind error) {
	t.Helper()
	var re *chain.RevertError
	if !errors.As(err, &re) || re.Name != name {
		t.Fatalf("got %v, want revert %s", err, name)
	}
	if !errors.Is(err, kind) {
		t.Errorf("%v does not match %v", err, kind)
	}
}

func provider(name string) chain.Provider {
	return chain.Provider{Name: name, Endpoint: "https://" + name + ".example.com", SealingKey: make([]byte, 32), PricePerRequest: big.NewInt(1000)}
}

// paramsForTest is the chain config New uses.
func paramsForTest() *params.ChainConfig {
	ec := ethconfig.Defaults
	ec.Genesis = &core.Genesis{Config: params.AllDevChainProtocolChanges}
	todaysForks(nil, &ec)
	return ec.Genesis.Config
}

func TestUsesTodaysForks(t *testing.T) {
	c := newChain(t, Options{Accounts: 1})
	h, err := c.Backend().HeaderByNumber(testCtx(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := *paramsForTest()
	if !cfg.IsOsaka(h.Number, h.Time) {
		t.Error("Osaka is not active")
	}
	if cfg.IsAmsterdam(h.Number, h.Time) || cfg.IsBogota(h.Number, h.Time) {
		t.Error("a future fork is active")
	}
	// The block producer's fallback tick relies on this method.
	if _, ok := c.sim.Client().(interface {
		PendingTransactionCount(context.Context) (uint, error)
	}); !ok {
		t.Error("simulated client has no PendingTransactionCount")
	}
	if c.Client(nil).ChainID().Int64() != 1337 {
		t.Errorf("chain id %s", c.Client(nil).ChainID())
	}
}

// GethGenesis gives geth the rules and the chain id of a Chain, and the
// balances asked for.
func TestGethGenesis(t *testing.T) {
	a := chain.DevKey(3).Address()
	b, err := GethGenesis(11_500_000, map[wf.Address]*big.Int{a: big.NewInt(7), GethDevAccount: big.NewInt(8)})
	if err != nil {
		t.Fatal(err)
	}
	var g core.Genesis
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if g.Config.ChainID.Int64() != 1337 || g.GasLimit != 11_500_000 {
		t.Errorf("chain id %s, gas limit %d", g.Config.ChainID, g.GasLimit)
	}
	if g.Config.OsakaTime == nil || g.Config.AmsterdamTime != nil || g.Config.BogotaTime != nil {
		t.Errorf("forks: Osaka %v, Amsterdam %v, Bogota %v", g.Config.OsakaTime, g.Config.AmsterdamTime, g.Config.BogotaTime)
	}
	if got := g.Alloc[common.Address(a)].Balance; got == nil || got.Int64() != 7 {
		t.Errorf("balance of %s: %v", a, got)
	}
	if got := g.Alloc[common.Address(GethDevAccount)].Balance; got == nil || got.Int64() != 8 {
		t.Errorf("balance of geth's dev account: %v", got)
	}
}

func TestFundEther(t *testing.T) {
	c := newChain(t, Options{Accounts: 2})
	ctx := testCtx(t)
	k, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.FundEther(ctx, k.Address(), big.NewInt(1e18)); err != nil {
		t.Fatal(err)
	}
	// The funded key can now send transactions.
	if _, err := c.Client(k).Approve(ctx, c.Accounts()[1].Address(), big.NewInt(1), big.NewInt(1)); err != nil {
		t.Fatal(err)
	}
}

// Congest fills blocks from an account of its own, so the base fee rises
// 12.5% a block while Clients of any dev account, DevKey(0) included, keep
// sending.
func TestCongest(t *testing.T) {
	c := newChain(t, Options{Accounts: 2, BlockGasLimit: 10_000_000})
	ctx := testCtx(t)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Go(func() { errs[0] = c.Congest(ctx, 4) })
	wg.Go(func() {
		_, errs[1] = c.Client(c.Accounts()[0]).SendEther(ctx, c.Accounts()[1].Address(), big.NewInt(1))
	})
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	head, err := c.Backend().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var full []*types.Header
	for n := range head.Number.Int64() + 1 {
		h, err := c.Backend().HeaderByNumber(ctx, big.NewInt(n))
		if err != nil {
			t.Fatal(err)
		}
		if h.GasUsed == h.GasLimit {
			full = append(full, h)
		}
	}
	if len(full) != 4 {
		t.Fatalf("%d full blocks, want 4", len(full))
	}
	for i := 1; i < len(full); i++ {
		prev, h := full[i-1], full[i]
		if h.Number.Int64() != prev.Number.Int64()+1 {
			t.Errorf("full blocks %s and %s are not consecutive", prev.Number, h.Number)
		}
		if want := new(big.Int).Div(new(big.Int).Mul(prev.BaseFee, big.NewInt(1125)), big.NewInt(1000)); h.BaseFee.Cmp(want) < 0 {
			t.Errorf("block %s: base fee %s after %s", h.Number, h.BaseFee, prev.BaseFee)
		}
	}
	if c.congester.from == common.Address(c.Accounts()[0].Address()) {
		t.Error("Congest sends as a dev account")
	}
}

package chain_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/wf"
)

// usdc is n whole USDC in base units.
func usdc(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1_000_000)) }

func newSim(t testing.TB, o sim.Options) *sim.Chain {
	t.Helper()
	if o.Accounts == 0 {
		o.Accounts = 4
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := sim.New(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// wantRevert checks that err is a revert with the custom error name that
// also matches kind (nil: no wf sentinel).
func wantRevert(t *testing.T, err error, name string, kind error) {
	t.Helper()
	var re *chain.RevertError
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want revert %s", err, name)
	}
	if re.Name != name {
		t.Fatalf("got revert %s (%v), want %s", re.Name, err, name)
	}
	if !errors.Is(err, chain.ErrReverted) {
		t.Errorf("%v does not match ErrReverted", err)
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("%v does not match %v", err, kind)
	}
}

// logs returns the logs of a mined transaction.
func logs(t *testing.T, s *sim.Chain, r chain.Receipt) []*types.Log {
	t.Helper()
	rc, err := s.Backend().TransactionReceipt(testCtx(t), common.Hash(r.TxHash))
	if err != nil {
		t.Fatal(err)
	}
	return rc.Logs
}

func provider(name string) chain.Provider {
	return chain.Provider{
		Name:            name,
		Endpoint:        "https://" + name + ".example.com",
		SealingKey:      make([]byte, 32),
		PricePerRequest: big.NewInt(1000),
		MetadataCID:     "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
	}
}

func TestRegistry(t *testing.T) {
	s := newSim(t, sim.Options{})
	ctx := testCtx(t)
	alice, bob := s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2])
	reg := bindings.NewRegistry()

	r, err := alice.RegisterProvider(ctx, provider("alice"))
	if err != nil {
		t.Fatal(err)
	}
	ev, err := reg.UnpackProviderRegisteredEvent(logs(t, s, r)[0])
	if err != nil || ev.Name != "alice" || wf.Address(ev.Owner) != alice.Address() {
		t.Errorf("ProviderRegistered event %+v, %v", ev, err)
	}
	got, err := bob.LookupProvider(ctx, "alice")
	if err != nil {
		t.Fatal(err)
	}
	want := provider("alice")
	want.Owner = alice.Address()
	if got.Name != want.Name || got.Owner != want.Owner || got.Endpoint != want.Endpoint ||
		string(got.SealingKey) != string(want.SealingKey) || got.PricePerRequest.Cmp(want.PricePerRequest) != 0 ||
		got.MetadataCID != want.MetadataCID {
		t.Errorf("lookup = %+v, want %+v", got, want)
	}

	t.Run("duplicate name", func(t *testing.T) {
		_, err := bob.RegisterProvider(ctx, provider("alice"))
		wantRevert(t, err, "NameTaken", wf.ErrInvalid)
		if !strings.Contains(err.Error(), `NameTaken(name: "alice", owner: `+alice.Address().Checksum()) {
			t.Errorf("message %q does not name the holder", err)
		}
	})
	t.Run("invalid names", func(t *testing.T) {
		for _, name := range []string{"", "Alice", "-a", "a-", "a.b", "a_b", "ü", strings.Repeat("a", 64)} {
			_, err := bob.RegisterProvider(ctx, provider(name))
			wantRevert(t, err, "InvalidName", wf.ErrInvalid)
		}
		if _, err := bob.RegisterProvider(ctx, provider(strings.Repeat("a", 63))); err != nil {
			t.Errorf("63-character name: %v", err)
		}
	})
	t.Run("invalid fields", func(t *testing.T) {
		for _, tc := range []struct {
			field  string
			modify func(*chain.Provider)
		}{
			{"endpoint", func(p *chain.Provider) { p.Endpoint = "" }},
			{"endpoint", func(p *chain.Provider) { p.Endpoint = strings.Repeat("x", 513) }},
			{"sealingKey", func(p *chain.Provider) { p.SealingKey = nil }},
			{"sealingKey", func(p *chain.Provider) { p.SealingKey = make([]byte, 2049) }},
			{"metadataCID", func(p *chain.Provider) { p.MetadataCID = strings.Repeat("b", 129) }},
		} {
			p := provider("fields")
			tc.modify(&p)
			_, err := bob.RegisterProvider(ctx, p)
			wantRevert(t, err, "InvalidField", wf.ErrInvalid)
			var re *chain.RevertError
			errors.As(err, &re)
			if re.Args[0] != tc.field {
				t.Errorf("InvalidField(%v), want %s", re.Args[0], tc.field)
			}
		}
		if _, err := bob.RegisterProvider(ctx, chain.Provider{Name: "x", Endpoint: "e", SealingKey: []byte{1}, PricePerRequest: new(big.Int).Lsh(big.NewInt(1), 96)}); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("price over uint96: %v", err)
		}
	})
	t.Run("update", func(t *testing.T) {
		p := provider("alice")
		p.Endpoint, p.PricePerRequest, p.SealingKey, p.MetadataCID = "https://new.example.com", big.NewInt(7), []byte{9, 9}, ""
		r, err := alice.UpdateProvider(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		ev, err := reg.UnpackProviderUpdatedEvent(logs(t, s, r)[0])
		if err != nil || ev.Endpoint != p.Endpoint || ev.PricePerRequest.Int64() != 7 {
			t.Errorf("ProviderUpdated event %+v, %v", ev, err)
		}
		got, err := alice.LookupProvider(ctx, "alice")
		if err != nil || got.Endpoint != p.Endpoint || got.PricePerRequest.Int64() != 7 || string(got.SealingKey) != "\x09\x09" || got.MetadataCID != "" {
			t.Errorf("after update: %+v, %v", got, err)
		}
	})
	t.Run("update by non-owner", func(t *testing.T) {
		_, err := bob.UpdateProvider(ctx, provider("alice"))
		wantRevert(t, err, "NotProviderOwner", wf.ErrForbidden)
		_, err = bob.DeregisterProvider(ctx, "alice")
		wantRevert(t, err, "NotProviderOwner", wf.ErrForbidden)
	})
	t.Run("unknown", func(t *testing.T) {
		_, err := bob.LookupProvider(ctx, "nobody")
		wantRevert(t, err, "UnknownProvider", wf.ErrNotFound)
		_, err = bob.UpdateProvider(ctx, provider("nobody"))
		wantRevert(t, err, "UnknownProvider", wf.ErrNotFound)
		_, err = bob.DeregisterProvider(ctx, "nobody")
		wantRevert(t, err, "UnknownProvider", wf.ErrNotFound)
	})
	t.Run("list and deregister", func(t *testing.T) {
		for _, n := range []string{"p1", "p2", "p3"} {
			if _, err := bob.RegisterProvider(ctx, provider(n)); err != nil {
				t.Fatal(err)
			}
		}
		names := func() []string {
			ps, err := alice.ListProviders(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, p := range ps {
				out = append(out, p.Name)
			}
			return out
		}
		long := strings.Repeat("a", 63)
		if got := strings.Join(names(), ","); got != "alice,"+long+",p1,p2,p3" {
			t.Errorf("list = %s", got)
		}
		if n, err := alice.ProviderCount(ctx); err != nil || n != 5 {
			t.Errorf("count = %d, %v", n, err)
		}
		if ps, err := alice.ProviderPage(ctx, 3, 10); err != nil || len(ps) != 2 || ps[0].Name != "p2" {
			t.Errorf("page(3, 10) = %v, %v", ps, err)
		}
		if ps, err := alice.ProviderPage(ctx, 9, 10); err != nil || len(ps) != 0 {
			t.Errorf("page past the end = %v, %v", ps, err)
		}
		r, err := alice.DeregisterProvider(ctx, "alice")
		if err != nil {
			t.Fatal(err)
		}
		ev, err := reg.UnpackProviderDeregisteredEvent(logs(t, s, r)[0])
		if err != nil || ev.Name != "alice" {
			t.Errorf("ProviderDeregistered event %+v, %v", ev, err)
		}
		// The last entry moves into the freed slot.
		if got := strings.Join(names(), ","); got != "p3,"+long+",p1,p2" {
			t.Errorf("list after deregister = %s", got)
		}
		if _, err := alice.LookupProvider(ctx, "alice"); !errors.Is(err, wf.ErrNotFound) {
			t.Errorf("lookup after deregister: %v", err)
		}
		// The name is free again, first come first served.
		if _, err := bob.RegisterProvider(ctx, provider("alice")); err != nil {
			t.Fatal(err)
		}
		if p, err := alice.LookupProvider(ctx, "alice"); err != nil || p.Owner != bob.Address() {
			t.Errorf("re-registered: %+v, %v", p, err)
		}
		for _, n := range []string{"p3", "p1", "alice", long, "p2"} {
			if _, err := bob.DeregisterProvider(ctx, n); err != nil {
				t.Fatal(err)
			}
		}
		if got := names(); len(got) != 0 {
			t.Errorf("list after removing all = %v", got)
		}
	})
}

// escrowSetup funds payer's escrow with 100 USDC.
func escrowSetup(t *testing.T) (s *sim.Chain, payer, prov, other *chain.Client) {
	s = newSim(t, sim.Options{})
	payer, prov, other = s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2]), s.Client(s.Accounts()[3])
	if _, err := payer.Deposit(testCtx(t), usdc(100)); err != nil {
		t.Fatal(err)
	}
	return s, payer, prov, other
}

func balance(t *testing.T, c *chain.Client, a wf.Address) *big.Int {
	t.Helper()
	b, err := c.TokenBalance(testCtx(t), a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func escrowBalance(t *testing.T, c *chain.Client, a wf.Address) *big.Int {
	t.Helper()
	acc, err := c.Account(testCtx(t), a)
	if err != nil {
		t.Fatal(err)
	}
	return acc.Balance
}

func TestDepositApproveSettle(t *testing.T) {
	s, payer, prov, other := escrowSetup(t)
	ctx := testCtx(t)
	esc := bindings.NewEscrow()

	if got := balance(t, payer, payer.Address()); got.Cmp(usdc(999_900)) != 0 {
		t.Errorf("payer token balance %s after deposit", got)
	}
	if got := escrowBalance(t, payer, payer.Address()); got.Cmp(usdc(100)) != 0 {
		t.Errorf("escrow balance %s", got)
	}
	// Someone else tops up the payer's account.
	r, err := other.DepositFor(ctx, payer.Address(), usdc(5))
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := esc.UnpackDepositedEvent(logs(t, s, r)[0]); err != nil || wf.Address(ev.Payer) != payer.Address() || wf.Address(ev.From) != other.Address() {
		t.Errorf("Deposited event %+v, %v", ev, err)
	}

	_, err = prov.Settle(ctx, payer.Address(), 1, big.NewInt(1))
	wantRevert(t, err, "NotApproved", wf.ErrPaymentRequired)

	// 0.001 USDC per request, 1 USDC budget.
	price, budget := big.NewInt(1000), usdc(1)
	r, err = payer.Approve(ctx, prov.Address(), price, budget)
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := esc.UnpackApprovedEvent(logs(t, s, r)[0]); err != nil || ev.Budget.Cmp(budget) != 0 {
		t.Errorf("Approved event %+v, %v", ev, err)
	}
	al, err := prov.Allowance(ctx, payer.Address(), prov.Address())
	if err != nil || al.MaxPricePerRequest.Cmp(price) != 0 || al.Budget.Cmp(budget) != 0 {
		t.Fatalf("allowance %+v, %v", al, err)
	}

	// 1000 requests in one settlement, a little under the cap.
	r, err = prov.Settle(ctx, payer.Address(), 1000, big.NewInt(900_000))
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := esc.UnpackSettledEvent(logs(t, s, r)[0]); err != nil || ev.Count != 1000 || ev.Amount.Int64() != 900_000 {
		t.Errorf("Settled event %+v, %v", ev, err)
	}
	if got := balance(t, prov, prov.Address()); got.Cmp(new(big.Int).Add(usdc(1_000_000), big.NewInt(900_000))) != 0 {
		t.Errorf("provider token balance %s", got)
	}
	if al, _ := prov.Allowance(ctx, payer.Address(), prov.Address()); al.Budget.Int64() != 100_000 {
		t.Errorf("budget after settle %s", al.Budget)
	}
	if got := escrowBalance(t, payer, payer.Address()); got.Cmp(new(big.Int).Sub(usdc(105), big.NewInt(900_000))) != 0 {
		t.Errorf("escrow balance after settle %s", got)
	}

	t.Run("over price times requests", func(t *testing.T) {
		_, err := prov.Settle(ctx, payer.Address(), 10, big.NewInt(10_001))
		wantRevert(t, err, "PriceCapExceeded", wf.ErrPaymentRequired)
		var re *chain.RevertError
		errors.As(err, &re)
		if re.Args[1].(*big.Int).Int64() != 10_000 {
			t.Errorf("cap %v, want 10000", re.Args[1])
		}
	})
	t.Run("over budget", func(t *testing.T) {
		_, err := prov.Settle(ctx, payer.Address(), 1000, big.NewInt(100_001))
		wantRevert(t, err, "BudgetExceeded", wf.ErrPaymentRequired)
	})
	t.Run("over balance", func(t *testing.T) {
		if _, err := payer.Approve(ctx, prov.Address(), usdc(1), usdc(1000)); err != nil {
			t.Fatal(err)
		}
		_, err := prov.Settle(ctx, payer.Address(), 500, usdc(500))
		wantRevert(t, err, "InsufficientBalance", wf.ErrPaymentRequired)
	})
	t.Run("zero amount", func(t *testing.T) {
		if _, err := prov.Settle(ctx, payer.Address(), 1, big.NewInt(0)); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("client-side check: %v", err)
		}
		// The contract rejects it too.
		_, err := chain.Transact(prov, ctx, prov.Contracts().Escrow, esc.PackSettle(common.Address(payer.Address()), 1, big.NewInt(0)), "settle 0")
		wantRevert(t, err, "ZeroAmount", wf.ErrInvalid)
	})
	t.Run("approve zero address", func(t *testing.T) {
		_, err := payer.Approve(ctx, wf.Address{}, big.NewInt(1), big.NewInt(1))
		wantRevert(t, err, "ZeroAddress", wf.ErrInvalid)
	})
	t.Run("deposit more than held", func(t *testing.T) {
		_, err := payer.Deposit(ctx, usdc(10_000_000))
		wantRevert(t, err, "ERC20InsufficientBalance", wf.ErrPaymentRequired)
	})
	t.Run("revoke", func(t *testing.T) {
		r, err := payer.Revoke(ctx, prov.Address())
		if err != nil {
			t.Fatal(err)
		}
		if ev, err := esc.UnpackRevokedEvent(logs(t, s, r)[0]); err != nil || wf.Address(ev.Provider) != prov.Address() {
			t.Errorf("Revoked event %+v, %v", ev, err)
		}
		_, err = prov.Settle(ctx, payer.Address(), 1, big.NewInt(1))
		wantRevert(t, err, "NotApproved", wf.ErrPaymentRequired)
	})
}

func TestVouchers(t *testing.T) {
	s, payer, prov, other := escrowSetup(t)
	ctx := testCtx(t)
	esc := bindings.NewEscrow()
	expiry := time.Now().Add(time.Hour)

	sv, err := payer.SignVoucher(chain.Voucher{Provider: prov.Address(), CumulativeAmount: big.NewInt(5000), Expiry: expiry, Session: [32]byte{7, 7}})
	if err != nil {
		t.Fatal(err)
	}
	if err := prov.VerifyVoucher(sv); err != nil {
		t.Fatal(err)
	}
	// The Go digest is the contract's.
	out, err := chain.Call(prov, ctx, prov.Contracts().Escrow, esc.PackVoucherDigest(common.Address(sv.Payer), common.Address(sv.Provider), sv.CumulativeAmount, big.NewInt(expiry.Unix()), sv.Session), "digest")
	if err != nil {
		t.Fatal(err)
	}
	onchain, _ := esc.UnpackVoucherDigest(out)
	if d, _ := chain.VoucherDigest(prov.ChainID(), prov.Contracts().Escrow, sv.Voucher); d != onchain {
		t.Fatalf("digest %x, contract says %x", d, onchain)
	}

	before := balance(t, prov, prov.Address())
	r, err := prov.RedeemVoucher(ctx, sv)
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := esc.UnpackVoucherRedeemedEvent(logs(t, s, r)[0]); err != nil || ev.Amount.Int64() != 5000 {
		t.Errorf("VoucherRedeemed event %+v, %v", ev, err)
	}
	if got := new(big.Int).Sub(balance(t, prov, prov.Address()), before); got.Int64() != 5000 {
		t.Errorf("provider got %s, want 5000", got)
	}

	t.Run("replay", func(t *testing.T) {
		_, err := prov.RedeemVoucher(ctx, sv)
		wantRevert(t, err, "VoucherAlreadyRedeemed", wf.ErrPaymentRequired)
		older, _ := payer.SignVoucher(chain.Voucher{Provider: prov.Address(), CumulativeAmount: big.NewInt(4000), Expiry: expiry})
		_, err = prov.RedeemVoucher(ctx, older)
		wantRevert(t, err, "VoucherAlreadyRedeemed", wf.ErrPaymentRequired)
	})
	t.Run("cumulative", func(t *testing.T) {
		next, _ := payer.SignVoucher(chain.Voucher{Provider: prov.Address(), CumulativeAmount: big.NewInt(12_000), Expiry: expiry})
		before := balance(t, prov, prov.Address())
		if _, err := prov.RedeemVoucher(ctx, next); err != nil {
			t.Fatal(err)
		}
		if got := new(big.Int).Sub(balance(t, prov, prov.Address()), before); got.Int64() != 7000 {
			t.Errorf("provider got %s, want the difference 7000", got)
		}
		if red, err := prov.Redeemed(ctx, payer.Address(), prov.Address()); err != nil || red.Int64() != 12_000 {
			t.Errorf("redeemed %s, %v", red, err)
		}
	})
	t.Run("partial", func(t *testing.T) {
		// A ceiling of 30 000 redeemed in steps of what was served; the
		// rest stays redeemable, and nothing twice.
		ceil, _ := payer.SignVoucher(chain.Voucher{Provider: prov.Address(), CumulativeAmount: big.NewInt(30_000), Expiry: expiry, Session: [32]byte{1}})
		before := balance(t, prov, prov.Address())
		if _, err := prov.RedeemVoucherUpTo(ctx, ceil, big.NewInt(15_000)); err != nil {
			t.Fatal(err)
		}
		_, err := prov.RedeemVoucherUpTo(ctx, ceil, big.NewInt(15_000))
		wantRevert(t, err, "VoucherAlreadyRedeemed", wf.ErrPaymentRequired)
		_, err = prov.RedeemVoucherUpTo(ctx, ceil, big.NewInt(30_001))
		wantRevert(t, err, "VoucherCeilingExceeded", wf.ErrPaymentRequired)
		if _, err := prov.RedeemVoucherUpTo(ctx, ceil, big.NewInt(20_000)); err != nil {
			t.Fatal(err)
		}
		if got := new(big.Int).Sub(balance(t, prov, prov.Address()), before); got.Int64() != 8000 {
			t.Errorf("provider got %s, want 8000 (12 000 to 20 000)", got)
		}
		// The session key is part of what the payer signed.
		moved := ceil
		moved.Session = [32]byte{2}
		_, err = prov.RedeemVoucherUpTo(ctx, moved, big.NewInt(21_000))
		wantRevert(t, err, "InvalidVoucherSignature", wf.ErrPaymentRequired)
	})
	t.Run("for another provider", func(t *testing.T) {
		_, err := other.RedeemVoucher(ctx, sv)
		wantRevert(t, err, "InvalidVoucherSignature", wf.ErrPaymentRequired)
	})
	t.Run("signed by someone else", func(t *testing.T) {
		forged, _ := other.SignVoucher(chain.Voucher{Provider: prov.Address(), CumulativeAmount: big.NewInt(50_000), Expiry: expiry})
		forged.Payer = payer.Address()
		if err := prov.VerifyVoucher(forged); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("off-chain verify: %v", err)
		}
		_, err := prov.RedeemVoucher(ctx, forged)
		wantRevert(t, err, "InvalidVoucherSignature", wf.ErrPaymentRequired)
	})
	t.Run("expired", func(t *testing.T) {
		old, _ := payer.SignVoucher(chain.Voucher{Provider: prov.Address(), CumulativeAmount: big.NewInt(50_000), Expiry: time.Now().Add(-time.Minute)})
		_, err := prov.RedeemVoucher(ctx, old)
		wantRevert(t, err, "VoucherExpired", wf.ErrPaymentRequired)
	})
	t.Run("over balance", func(t *testing.T) {
		big, _ := payer.SignVoucher(chain.Voucher{Provider: prov.Address(), CumulativeAmount: usdc(1000), Expiry: expiry})
		_, err := prov.RedeemVoucher(ctx, big)
		wantRevert(t, err, "InsufficientBalance", wf.ErrPaymentRequired)
	})
}

func TestWithdraw(t *testing.T) {
	s, payer, prov, _ := escrowSetup(t)
	ctx := testCtx(t)
	esc := bindings.NewEscrow()

	if d, err := payer.WithdrawDelay(ctx); err != nil || d != time.Hour {
		t.Fatalf("delay %v, %v", d, err)
	}
	_, err := payer.Withdraw(ctx)
	wantRevert(t, err, "NoWithdrawalRequested", wf.ErrInvalid)
	_, err = payer.RequestWithdraw(ctx, usdc(101))
	wantRevert(t, err, "InsufficientBalance", wf.ErrPaymentRequired)

	// Cancel works and clears the request.
	if _, err := payer.RequestWithdraw(ctx, usdc(10)); err != nil {
		t.Fatal(err)
	}
	r, err := payer.CancelWithdraw(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := esc.UnpackWithdrawalCancelledEvent(logs(t, s, r)[0]); err != nil {
		t.Error(err)
	}
	_, err = payer.CancelWithdraw(ctx)
	wantRevert(t, err, "NoWithdrawalRequested", wf.ErrInvalid)

	if _, err := payer.Approve(ctx, prov.Address(), usdc(1), usdc(100)); err != nil {
		t.Fatal(err)
	}
	r, err = payer.RequestWithdraw(ctx, usdc(100))
	if err != nil {
		t.Fatal(err)
	}
	ev, err := esc.UnpackWithdrawalRequestedEvent(logs(t, s, r)[0])
	if err != nil {
		t.Fatal(err)
	}
	acc, _ := payer.Account(ctx, payer.Address())
	if acc.PendingWithdrawal.Cmp(usdc(100)) != 0 || acc.WithdrawableAt.Unix() != ev.WithdrawableAt.Int64() {
		t.Errorf("account %+v, event %+v", acc, ev)
	}

	_, err = payer.Withdraw(ctx)
	wantRevert(t, err, "WithdrawalNotReady", wf.ErrInvalid)

	// During the delay the provider still settles against the whole balance.
	if _, err := prov.Settle(ctx, payer.Address(), 30, usdc(30)); err != nil {
		t.Fatal(err)
	}
	if err := s.AdjustTime(time.Hour + time.Second); err != nil {
		t.Fatal(err)
	}
	before := balance(t, payer, payer.Address())
	r, err = payer.Withdraw(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// What is left (70), not the 100 asked for.
	if got := new(big.Int).Sub(balance(t, payer, payer.Address()), before); got.Cmp(usdc(70)) != 0 {
		t.Errorf("withdrew %s, want 70 USDC", got)
	}
	if ev, err := esc.UnpackWithdrawnEvent(logs(t, s, r)[0]); err != nil || ev.Amount.Cmp(usdc(70)) != 0 {
		t.Errorf("Withdrawn event %+v, %v", ev, err)
	}
	acc, _ = payer.Account(ctx, payer.Address())
	if acc.Balance.Sign() != 0 || acc.PendingWithdrawal.Sign() != 0 || !acc.WithdrawableAt.IsZero() {
		t.Errorf("account after withdraw %+v", acc)
	}
	_, err = prov.Settle(ctx, payer.Address(), 1, big.NewInt(1))
	wantRevert(t, err, "InsufficientBalance", wf.ErrPaymentRequired)
}

func TestConcurrentNonces(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 2})
	ctx := testCtx(t)
	c := s.Client(s.Accounts()[1])
	start, err := s.Backend().PendingNonceAt(ctx, common.Address(c.Address()))
	if err != nil {
		t.Fatal(err)
	}
	const n = 50
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			var prov wf.Address
			prov[0], prov[19] = 0xee, byte(i+1)
			_, errs[i] = c.Approve(ctx, prov, big.NewInt(int64(i+1)), big.NewInt(1000))
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	end, _ := s.Backend().NonceAt(ctx, common.Address(c.Address()), nil)
	if end != start+n {
		t.Errorf("nonce %d after %d txs from %d", end, n, start)
	}
	for i := range n {
		var prov wf.Address
		prov[0], prov[19] = 0xee, byte(i+1)
		if al, err := c.Allowance(ctx, c.Address(), prov); err != nil || al.MaxPricePerRequest.Int64() != int64(i+1) {
			t.Fatalf("allowance %d: %+v, %v", i, al, err)
		}
	}

	// Another process sending from the same key makes the cached nonce stale;
	// the client resynchronises instead of failing.
	outsider, err := chain.New(ctx, s.Backend(), s.Accounts()[1], chain.Config{Contracts: s.Contracts()})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := outsider.Revoke(ctx, wf.Address{1}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Revoke(ctx, wf.Address{2}); err != nil {
		t.Fatalf("after an outside send: %v", err)
	}
}

// A transaction that passes estimation but reverts when mined (another one
// got there first) reports the reason from the mined state.
func TestRevertAfterMining(t *testing.T) {
	s := newSim(t, sim.Options{ManualMining: true})
	cm := startCommitter(t, s)
	ctx := testCtx(t)
	payer, prov := s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2])
	if _, err := payer.Deposit(ctx, usdc(100)); err != nil {
		t.Fatal(err)
	}
	if _, err := payer.Approve(ctx, prov.Address(), usdc(1), usdc(10)); err != nil {
		t.Fatal(err)
	}
	cm.pause() // from here on, blocks only by Commit
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range 2 {
		wg.Go(func() { _, errs[i] = prov.Settle(ctx, payer.Address(), 10, usdc(6)) })
	}
	// Wait until both are in the pool, then mine them together.
	for {
		n, err := s.Backend().PendingNonceAt(ctx, common.Address(prov.Address()))
		if err != nil {
			t.Fatal(err)
		}
		if m, _ := s.Backend().NonceAt(ctx, common.Address(prov.Address()), nil); n == m+2 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	s.Commit()
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
			continue
		}
		wantRevert(t, err, "BudgetExceeded", wf.ErrPaymentRequired)
	}
	if ok != 1 {
		t.Errorf("%d settlements succeeded, want 1: %v", ok, errs)
	}
}

func TestReadOnlyAndDial(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 1})
	ctx := testCtx(t)
	ro := s.Client(nil)
	if _, err := ro.Revoke(ctx, wf.Address{1}); !errors.Is(err, chain.ErrNoKey) {
		t.Errorf("read-only send: %v", err)
	}
	if _, err := chain.New(ctx, s.Backend(), nil, chain.Config{Contracts: chain.Contracts{Token: wf.Address{1}, Registry: wf.Address{2}, Escrow: wf.Address{3}}}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("New without contracts deployed: %v", err)
	}
	if _, err := chain.Dial(ctx, "http://127.0.0.1:1", nil, chain.Config{Contracts: s.Contracts()}); err == nil {
		t.Error("Dial to a closed port succeeded")
	}
}

func TestDeployWithExistingToken(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 2})
	ctx := testCtx(t)
	got, err := chain.Deploy(ctx, s.Backend(), s.Accounts()[1], chain.DeployOptions{Token: s.Contracts().Token, WithdrawDelay: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if got.Token != s.Contracts().Token || got.Escrow == s.Contracts().Escrow {
		t.Errorf("deployed %+v", got)
	}
	c2, err := chain.New(ctx, s.Backend(), s.Accounts()[1], chain.Config{Contracts: got})
	if err != nil {
		t.Fatal(err)
	}
	if d, err := c2.WithdrawDelay(ctx); err != nil || d != time.Minute {
		t.Errorf("delay %v, %v", d, err)
	}
}

func TestSendEther(t *testing.T) {
	s := newSim(t, sim.Options{Accounts: 2})
	ctx := testCtx(t)
	k, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	c := s.Client(s.Accounts()[1])
	r, err := c.SendEther(ctx, k.Address(), big.NewInt(1e15))
	if err != nil {
		t.Fatal(err)
	}
	if r.GasUsed != 21_000 {
		t.Errorf("a transfer used %d gas", r.GasUsed)
	}
	if b, err := s.Backend().BalanceAt(ctx, common.Address(k.Address()), nil); err != nil || b.Int64() != 1e15 {
		t.Errorf("balance %v, %v after the transfer", b, err)
	}
	if _, err := c.SendEther(ctx, k.Address(), big.NewInt(0)); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("send 0: %v", err)
	}
	if _, err := s.Client(nil).SendEther(ctx, k.Address(), big.NewInt(1)); !errors.Is(err, chain.ErrNoKey) {
		t.Errorf("read-only send: %v", err)
	}
	// More than the account holds fails before anything is sent.
	if _, err := s.Client(k).SendEther(ctx, c.Address(), big.NewInt(1e15)); err == nil {
		t.Error("sent more than the balance")
	}
}

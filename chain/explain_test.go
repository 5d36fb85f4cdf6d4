package chain

import (
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/wf"
)

// revert is the error a transaction reverting with the custom error name
// and args returns, as transact wraps it.
func revert(t *testing.T, name string, args ...any) error {
	t.Helper()
	for id, e := range knownErrors {
		if e.Name != name {
			continue
		}
		packed, err := e.Inputs.Pack(args...)
		if err != nil {
			t.Fatalf("pack %s: %v", name, err)
		}
		re := decodeRevert(append(id[:], packed...))
		if re.Name != name {
			t.Fatalf("%s decodes as %q", name, re.Name)
		}
		return fmt.Errorf("chain: send: %w", re)
	}
	t.Fatalf("no contract error %s", name)
	return nil
}

func TestExplain(t *testing.T) {
	a, b := common.HexToAddress("0x00000000000000000000000000000000000000aa"), common.HexToAddress("0x00000000000000000000000000000000000000bb")
	usdc := func(s string) *big.Int { n, _ := wf.ParseUSDC(s); return n.Big() }
	due := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	plain := errors.New("connection reset")
	tests := []struct {
		name string
		err  error
		want string // the explanation; "" when err must come back unchanged
		kind error  // the wf sentinel it still matches
	}{
		{"name taken", revert(t, "NameTaken", "alpha", a), `the provider name "alpha" is taken (by ` + a.Hex() + ")", wf.ErrInvalid},
		{"unknown provider", revert(t, "UnknownProvider", "beta"), `no provider is registered as "beta"`, wf.ErrNotFound},
		{"not the owner", revert(t, "NotProviderOwner", "alpha", a, b), `the provider "alpha" belongs to ` + a.Hex() + ", not to your key " + b.Hex(), wf.ErrForbidden},
		{"invalid name", revert(t, "InvalidName", "Not_A_Label"), `"Not_A_Label" is not a valid provider name: use 1-63 of a-z, 0-9 and '-', not starting or ending with '-'`, wf.ErrInvalid},
		{"invalid field", revert(t, "InvalidField", "endpoint"), "the registry refused the endpoint: empty or too long", wf.ErrInvalid},
		{"escrow balance", revert(t, "InsufficientBalance", usdc("1000"), usdc("12.400001")), "the escrow balance is 12.400001 USDC, less than the 1000.000000 USDC needed", wf.ErrPaymentRequired},
		{"token balance", revert(t, "ERC20InsufficientBalance", a, usdc("1.5"), usdc("2")), a.Hex() + " holds 1.500000 USDC, less than the 2.000000 USDC needed", wf.ErrPaymentRequired},
		{"no withdrawal", revert(t, "NoWithdrawalRequested"), "no withdrawal is pending: request one with `wf escrow withdraw AMOUNT`", wf.ErrInvalid},
		{"withdrawal not due", revert(t, "WithdrawalNotReady", big.NewInt(due.Unix())), "the withdrawal is not ready: it can be completed from 2030-01-02T03:04:05Z", wf.ErrInvalid},
		{"not approved", revert(t, "NotApproved", a, b), a.Hex() + " has not approved the provider " + b.Hex(), wf.ErrPaymentRequired},
		{"voucher expired", revert(t, "VoucherExpired", big.NewInt(due.Unix())), "the voucher expired at 2030-01-02T03:04:05Z", wf.ErrPaymentRequired},
		{"a revert it does not explain", revert(t, "BudgetExceeded", big.NewInt(2), big.NewInt(1)), "", wf.ErrPaymentRequired},
		{"not a revert", plain, "", nil},
		{"nil", nil, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Explain(tc.err)
			if tc.want == "" {
				if got != tc.err {
					t.Fatalf("Explain(%v) = %v, want it unchanged", tc.err, got)
				}
				return
			}
			if got.Error() != tc.want {
				t.Errorf("Explain = %q\nwant      %q", got, tc.want)
			}
			var re *RevertError
			if !errors.As(got, &re) || !errors.Is(got, ErrReverted) || !errors.Is(got, tc.kind) {
				t.Errorf("the explanation no longer wraps the revert (%v)", tc.kind)
			}
		})
	}
}

func TestReadyAt(t *testing.T) {
	due := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name string
		now  time.Time
		want string
	}{
		{"ahead", due.Add(-90 * time.Second), "it can be completed from 2030-01-02T03:04:05Z (in 1m30s)"},
		{"due", due.Add(time.Second), "it can be completed from 2030-01-02T03:04:05Z"},
		{"time unknown", time.Time{}, "it can be completed from 2030-01-02T03:04:05Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := readyAt(due, tc.now); got != tc.want {
				t.Errorf("readyAt = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMintError(t *testing.T) {
	err := mintError(revert(t, "ZeroAmount"))
	if want := "the token refused to mint: only the development MockUSDC mints (execution reverted: ZeroAmount())"; err.Error() != want {
		t.Errorf("mintError = %q, want %q", err, want)
	}
	if !errors.Is(err, ErrReverted) {
		t.Error("the explanation no longer wraps the revert")
	}
	if mintError(nil) != nil {
		t.Error("mintError(nil) is not nil")
	}
}

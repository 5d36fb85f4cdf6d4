package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/webfunctions/wf/wf"
)

// explained is an error whose message is written for people; it wraps the
// error it explains, so errors.Is and errors.As still see the
// *RevertError and its wf sentinel.
type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }

// Explain rewrites the contract reverts that people commonly run into (a
// taken or unknown provider name, a balance too small, a withdrawal not
// requested or not yet due, a provider not approved, an expired voucher)
// as one plain sentence that says what is wrong with which values, and,
// where a wf command fixes it, which one. The result wraps err. Other
// errors, nil included, come back unchanged. Client.Explain says more
// about a withdrawal that is not due yet.
func Explain(err error) error {
	var re *RevertError
	if !errors.As(err, &re) {
		return err
	}
	arg := func(i int) any {
		if i < len(re.Args) {
			return re.Args[i]
		}
		return nil
	}
	str := func(i int) string { s, _ := arg(i).(string); return s }
	num := func(i int) *big.Int {
		if n, ok := arg(i).(*big.Int); ok {
			return n
		}
		return new(big.Int)
	}
	addr := func(i int) string {
		if v, ok := arg(i).(fmt.Stringer); ok {
			return v.String()
		}
		return fmt.Sprint(arg(i))
	}
	usdc := func(i int) string { return wf.NewAmount(num(i)).USDC() }
	var msg string
	switch re.Name {
	case "NameTaken":
		msg = fmt.Sprintf("the provider name %q is taken (by %s)", str(0), addr(1))
	case "UnknownProvider":
		msg = fmt.Sprintf("no provider is registered as %q", str(0))
	case "NotProviderOwner":
		msg = fmt.Sprintf("the provider %q belongs to %s, not to your key %s", str(0), addr(1), addr(2))
	case "InvalidName":
		msg = fmt.Sprintf("%q is not a valid provider name: use 1-63 of a-z, 0-9 and '-', not starting or ending with '-'", str(0))
	case "InvalidField":
		msg = fmt.Sprintf("the registry refused the %s: empty or too long", str(0))
	case "WrongBond":
		msg = fmt.Sprintf("a name needs a bond of %s ether, %s was sent", Ether(num(1)), Ether(num(0)))
	case "NotReclaimable":
		msg = fmt.Sprintf("the provider name %q cannot be reclaimed before %s: its holder may still renew it", str(0), time.Unix(num(1).Int64(), 0).UTC().Format(time.RFC3339))
	case "NoRefund":
		msg = "no refund is waiting for this account"
	case "InsufficientBalance":
		msg = fmt.Sprintf("the escrow balance is %s USDC, less than the %s USDC needed", usdc(1), usdc(0))
	case "ERC20InsufficientBalance":
		msg = fmt.Sprintf("%s holds %s USDC, less than the %s USDC needed", addr(0), usdc(1), usdc(2))
	case "NoWithdrawalRequested":
		msg = "no withdrawal is pending: request one with `wf escrow withdraw AMOUNT`"
	case "WithdrawalNotReady":
		msg = "the withdrawal is not ready: " + readyAt(time.Unix(num(0).Int64(), 0), time.Time{})
	case "NotApproved":
		msg = fmt.Sprintf("%s has not approved the provider %s", addr(0), addr(1))
	case "VoucherExpired":
		msg = fmt.Sprintf("the voucher expired at %s", time.Unix(num(0).Int64(), 0).UTC().Format(time.RFC3339))
	default:
		return err
	}
	return &explained{msg, err}
}

// Explain is the package's Explain, and for a withdrawal that is not due
// yet it reads the client's escrow account and the chain's time to say
// how much is pending and how long it has to wait.
func (c *Client) Explain(ctx context.Context, err error) error {
	var re *RevertError
	if !errors.As(err, &re) || re.Name != "WithdrawalNotReady" || c.key == nil {
		return Explain(err)
	}
	acc, aerr := c.Account(ctx, c.key.Address())
	if aerr != nil {
		return Explain(err)
	}
	now, _ := c.HeadTime(ctx) // zero if the chain does not say: no countdown
	return &explained{fmt.Sprintf("the withdrawal of %s USDC is not ready: %s", wf.NewAmount(acc.PendingWithdrawal).USDC(), readyAt(acc.WithdrawableAt, now)), err}
}

// readyAt says when a withdrawal can be completed and, given the chain's
// time now (its latest block's, which decides; zero if unknown), how long
// that is from now.
func readyAt(t, now time.Time) string {
	s := "it can be completed from " + t.UTC().Format(time.RFC3339)
	if d := t.Sub(now).Round(time.Second); !now.IsZero() && d > 0 {
		s += fmt.Sprintf(" (in %s)", d)
	}
	return s
}

// mintError explains a revert of MintUSDC: only the development token
// mints.
func mintError(err error) error {
	var re *RevertError
	if !errors.As(err, &re) {
		return err
	}
	return &explained{"the token refused to mint: only the development MockUSDC mints (" + re.Error() + ")", err}
}

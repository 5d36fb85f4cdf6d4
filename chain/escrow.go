package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/wf"
)

// Account is a payer's escrow account.
type Account struct {
	// Balance is what providers can be paid from, including any amount
	// asked to withdraw.
	Balance *big.Int
	// PendingWithdrawal is the amount asked to withdraw, zero if none;
	// Withdraw pays it from WithdrawableAt on.
	PendingWithdrawal *big.Int
	WithdrawableAt    time.Time // zero if no withdrawal is pending
}

// Allowance is what a payer lets one provider take with Settle (or
// SettleMetered, when it names a Meter).
type Allowance struct {
	MaxPricePerRequest *big.Int
	Budget             *big.Int // what the provider may still take
	Limits
	// SpentInPeriod is what the provider took in the period that started
	// at PeriodStart; a period that has ended counts as nothing spent
	// (see Left).
	SpentInPeriod *big.Int
	PeriodStart   time.Time
}

// Limits are an allowance's optional bounds beyond price and budget.
type Limits struct {
	// MaxPerPeriod is what the provider may take per Period; nil or 0: no
	// per-period cap. Period is whole seconds, at most 2^32-1.
	MaxPerPeriod *big.Int
	Period       time.Duration
	// Meter, if not zero, is the payer's metering key: the provider is paid
	// only with SettleMetered, for at most the requests it counted.
	Meter wf.Address
}

// Capped reports whether a has a per-period cap.
func (l Limits) Capped() bool { return l.MaxPerPeriod != nil && l.MaxPerPeriod.Sign() > 0 }

// Left is what the provider may still take in the period that holds at
// now, and when that period ends (zero time if there is no period cap, and
// Left is then nil: no cap). Periods follow each other from PeriodStart, as
// the escrow counts them.
func (a Allowance) Left(now time.Time) (*big.Int, time.Time) {
	if !a.Capped() || a.Period <= 0 {
		return nil, time.Time{}
	}
	start, spent := a.PeriodStart, a.SpentInPeriod
	if spent == nil {
		spent = new(big.Int)
	}
	if !now.Before(start.Add(a.Period)) {
		n := now.Sub(start) / a.Period
		start = start.Add(n * a.Period)
		spent = new(big.Int)
	}
	return nonNegative(new(big.Int).Sub(a.MaxPerPeriod, spent)), start.Add(a.Period)
}

func nonNegative(x *big.Int) *big.Int {
	if x.Sign() < 0 {
		return x.SetInt64(0)
	}
	return x
}

// amount checks that a is a positive amount; bits bounds it (128 or 256).
func amount(what string, a *big.Int, bits uint) error {
	if a == nil || a.Sign() <= 0 || a.BitLen() > int(bits) {
		return fmt.Errorf("%w: %s must be positive and below 2^%d", wf.ErrInvalid, what, bits)
	}
	return nil
}

// Deposit moves amount of the client's tokens into its escrow account,
// first approving the escrow contract on the token if its token allowance
// is short (a second transaction).
func (c *Client) Deposit(ctx context.Context, amt *big.Int) (Receipt, error) {
	return c.DepositFor(ctx, c.Address(), amt)
}

// DepositFor moves amount of the client's tokens into payer's escrow
// account, approving the token transfer first if needed.
func (c *Client) DepositFor(ctx context.Context, payer wf.Address, amt *big.Int) (Receipt, error) {
	if err := amount("deposit", amt, 256); err != nil {
		return Receipt{}, err
	}
	if c.key == nil {
		return Receipt{}, fmt.Errorf("chain: deposit: %w", ErrNoKey)
	}
	out, err := c.call(ctx, c.contracts.Token, c.token.PackAllowance(common.Address(c.Address()), common.Address(c.contracts.Escrow)), "token allowance")
	if err != nil {
		return Receipt{}, err
	}
	have, err := c.token.UnpackAllowance(out)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: token allowance: %w", err)
	}
	if have.Cmp(amt) < 0 {
		if _, err := c.transact(ctx, c.contracts.Token, c.token.PackApprove(common.Address(c.contracts.Escrow), amt), "approve escrow on token"); err != nil {
			return Receipt{}, err
		}
	}
	var data []byte
	if payer == c.Address() {
		data = c.escrow.PackDeposit(amt)
	} else {
		data = c.escrow.PackDepositFor(common.Address(payer), amt)
	}
	return c.transact(ctx, c.contracts.Escrow, data, "deposit")
}

// Approve lets provider take up to budget in total by Settle, at most
// maxPricePerRequest per request, with no period cap and no metering key.
// It replaces any earlier allowance (and so removes its limits).
func (c *Client) Approve(ctx context.Context, provider wf.Address, maxPricePerRequest, budget *big.Int) (Receipt, error) {
	return c.ApproveLimits(ctx, provider, maxPricePerRequest, budget, Limits{})
}

// ApproveLimits is Approve with a per-period cap and a metering key (see
// Limits). Approving again with the same period keeps the current period
// and what was spent in it.
func (c *Client) ApproveLimits(ctx context.Context, provider wf.Address, maxPricePerRequest, budget *big.Int, l Limits) (Receipt, error) {
	data, err := c.packApprove(provider, maxPricePerRequest, budget, l)
	if err != nil {
		return Receipt{}, err
	}
	return c.transact(ctx, c.contracts.Escrow, data, "approve "+provider.String())
}

// packApprove checks an allowance's bounds and packs the call that sets it.
func (c *conn) packApprove(provider wf.Address, maxPricePerRequest, budget *big.Int, l Limits) ([]byte, error) {
	if err := amount("max price per request", maxPricePerRequest, 64); err != nil {
		return nil, err
	}
	if budget == nil || budget.Sign() < 0 || budget.BitLen() > 128 {
		return nil, fmt.Errorf("%w: budget must be between 0 and 2^128", wf.ErrInvalid)
	}
	perPeriod, period := new(big.Int), uint32(0)
	if l.Capped() || l.Period != 0 {
		if err := amount("amount per period", l.MaxPerPeriod, 128); err != nil {
			return nil, err
		}
		if l.Period < time.Second || l.Period%time.Second != 0 || l.Period/time.Second > 1<<32-1 {
			return nil, fmt.Errorf("%w: the period must be whole seconds, between 1s and 2^32-1s", wf.ErrInvalid)
		}
		perPeriod, period = l.MaxPerPeriod, uint32(l.Period/time.Second)
	}
	return c.escrow.PackApprove(common.Address(provider), maxPricePerRequest.Uint64(), budget, perPeriod, period, common.Address(l.Meter)), nil
}

// Revoke removes provider's allowance.
func (c *Client) Revoke(ctx context.Context, provider wf.Address) (Receipt, error) {
	return c.transact(ctx, c.contracts.Escrow, c.escrow.PackRevoke(common.Address(provider)), "revoke "+provider.String())
}

// Settle takes amount from payer's escrow for count requests the client's
// account served. It fails (wf.ErrPaymentRequired) if amount exceeds count
// times the allowance's price cap, the remaining budget, or payer's balance.
func (c *Client) Settle(ctx context.Context, payer wf.Address, count uint64, amt *big.Int) (Receipt, error) {
	if err := amount("settle amount", amt, 256); err != nil {
		return Receipt{}, err
	}
	data := c.escrow.PackSettle(common.Address(payer), count, amt)
	return c.transact(ctx, c.contracts.Escrow, data, fmt.Sprintf("settle %d requests of %s", count, payer))
}

// RedeemVoucher redeems all of v, which must name the client's account as
// provider: RedeemVoucherUpTo(ctx, v, v.CumulativeAmount).
func (c *Client) RedeemVoucher(ctx context.Context, v SignedVoucher) (Receipt, error) {
	return c.RedeemVoucherUpTo(ctx, v, v.CumulativeAmount)
}

// RedeemVoucherUpTo redeems v up to upTo of its ceiling, paying the
// client's account upTo minus what it already redeemed from v.Payer; the
// rest of the ceiling stays redeemable. It fails (wf.ErrPaymentRequired)
// if upTo exceeds the ceiling or is not above what was already redeemed.
func (c *Client) RedeemVoucherUpTo(ctx context.Context, v SignedVoucher, upTo *big.Int) (Receipt, error) {
	data, err := c.packRedeem(v, upTo)
	if err != nil {
		return Receipt{}, err
	}
	return c.transact(ctx, c.contracts.Escrow, data, "redeem voucher of "+v.Payer.String())
}

func (c *Client) packRedeem(v SignedVoucher, upTo *big.Int) ([]byte, error) {
	if err := v.check(); err != nil {
		return nil, err
	}
	if err := amount("redeem amount", upTo, 256); err != nil {
		return nil, err
	}
	return c.escrow.PackRedeemVoucher(common.Address(v.Payer), v.CumulativeAmount, expiry(v.Expiry), v.Session, upTo, v.Signature[:]), nil
}

// RequestWithdraw asks to withdraw amount from the client's escrow account
// once the escrow's withdrawal delay has passed (see WithdrawDelay),
// replacing an earlier request. Providers can still settle meanwhile.
func (c *Client) RequestWithdraw(ctx context.Context, amt *big.Int) (Receipt, error) {
	if err := amount("withdrawal", amt, 256); err != nil {
		return Receipt{}, err
	}
	return c.transact(ctx, c.contracts.Escrow, c.escrow.PackRequestWithdraw(amt), "request withdrawal")
}

// CancelWithdraw cancels the client's pending withdrawal.
func (c *Client) CancelWithdraw(ctx context.Context) (Receipt, error) {
	return c.transact(ctx, c.contracts.Escrow, c.escrow.PackCancelWithdraw(), "cancel withdrawal")
}

// Withdraw pays out the client's pending withdrawal once its delay has
// passed: the amount asked for, or what providers left of the balance.
func (c *Client) Withdraw(ctx context.Context) (Receipt, error) {
	return c.transact(ctx, c.contracts.Escrow, c.escrow.PackWithdraw(), "withdraw")
}

// Account returns payer's escrow account.
func (c *Client) Account(ctx context.Context, payer wf.Address) (Account, error) {
	out, err := c.call(ctx, c.contracts.Escrow, c.escrow.PackAccountOf(common.Address(payer)), "escrow account")
	if err != nil {
		return Account{}, err
	}
	a, err := c.escrow.UnpackAccountOf(out)
	if err != nil {
		return Account{}, fmt.Errorf("chain: escrow account: %w", err)
	}
	acc := Account{Balance: a.Balance, PendingWithdrawal: a.PendingWithdrawal}
	if a.WithdrawableAt.Sign() > 0 {
		acc.WithdrawableAt = time.Unix(a.WithdrawableAt.Int64(), 0)
	}
	return acc, nil
}

// Allowance returns what provider may still take from payer by Settle.
func (c *Client) Allowance(ctx context.Context, payer, provider wf.Address) (Allowance, error) {
	out, err := c.call(ctx, c.contracts.Escrow, c.escrow.PackAllowanceOf(common.Address(payer), common.Address(provider)), "escrow allowance")
	if err != nil {
		return Allowance{}, err
	}
	a, err := c.escrow.UnpackAllowanceOf(out)
	if err != nil {
		return Allowance{}, fmt.Errorf("chain: escrow allowance: %w", err)
	}
	al := Allowance{MaxPricePerRequest: new(big.Int).SetUint64(a.MaxPricePerRequest), Budget: a.Budget, SpentInPeriod: a.SpentInPeriod,
		Limits: Limits{MaxPerPeriod: a.MaxPerPeriod, Period: time.Duration(a.Period) * time.Second, Meter: wf.Address(a.Meter)}}
	if a.PeriodStart > 0 {
		al.PeriodStart = time.Unix(int64(a.PeriodStart), 0)
	}
	return al, nil
}

// Redeemed returns the cumulative voucher amount provider has redeemed from
// payer.
func (c *Client) Redeemed(ctx context.Context, payer, provider wf.Address) (*big.Int, error) {
	out, err := c.call(ctx, c.contracts.Escrow, c.escrow.PackRedeemed(common.Address(payer), common.Address(provider)), "redeemed")
	if err != nil {
		return nil, err
	}
	r, err := c.escrow.UnpackRedeemed(out)
	if err != nil {
		return nil, fmt.Errorf("chain: redeemed: %w", err)
	}
	return r, nil
}

// WithdrawDelay is how long a withdrawal waits after it is requested.
func (c *Client) WithdrawDelay(ctx context.Context) (time.Duration, error) {
	out, err := c.call(ctx, c.contracts.Escrow, c.escrow.PackWITHDRAWDELAY(), "withdraw delay")
	if err != nil {
		return 0, err
	}
	d, err := c.escrow.UnpackWITHDRAWDELAY(out)
	if err != nil {
		return 0, fmt.Errorf("chain: withdraw delay: %w", err)
	}
	return time.Duration(d.Int64()) * time.Second, nil
}

// TokenBalance is account's balance of the escrow's token (outside escrow).
func (c *Client) TokenBalance(ctx context.Context, account wf.Address) (*big.Int, error) {
	out, err := c.call(ctx, c.contracts.Token, c.token.PackBalanceOf(common.Address(account)), "token balance")
	if err != nil {
		return nil, err
	}
	b, err := c.token.UnpackBalanceOf(out)
	if err != nil {
		return nil, fmt.Errorf("chain: token balance: %w", err)
	}
	return b, nil
}

// MintUSDC creates amount tokens for to. Only the development token
// (MockUSDC) has this; on a real token it fails, with an error that says
// so in words for people and wraps the *RevertError.
func (c *Client) MintUSDC(ctx context.Context, to wf.Address, amt *big.Int) (Receipt, error) {
	if err := amount("mint", amt, 256); err != nil {
		return Receipt{}, err
	}
	r, err := c.transact(ctx, c.contracts.Token, c.token.PackMint(common.Address(to), amt), "mint to "+to.String())
	return r, mintError(err)
}

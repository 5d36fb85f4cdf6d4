package ledger

import (
	"math/big"
	"time"

	"github.com/webfunctions/wf/wf"
)

// SignedVoucher is a caller's signed voucher as the ledger keeps it to
// redeem: the payer's promise to pay Provider CumulativeAmount in all,
// until Expiry. The fields' names and order are the stored format.
type SignedVoucher struct {
	Payer            wf.Address
	Provider         wf.Address
	CumulativeAmount *big.Int // token base units
	Expiry           time.Time
	Signature        wf.Signature // the payer's, over the other fields
}

// Voucher is a caller's voucher kept for settlement, with the number of
// charges its cumulative amount covers.
type Voucher struct {
	SignedVoucher
	Count uint64 `json:"count"` // charges covered once earned
}

// keepVoucher keeps v if it is the best voucher to redeem now (Earned) or
// later (Next), and promotes Next once the charges reach it.
func keepVoucher(a *Account, v *SignedVoucher) {
	charged := a.Charged.Amount
	if v.CumulativeAmount.Cmp(charged) <= 0 {
		if a.Earned == nil || v.CumulativeAmount.Cmp(a.Earned.CumulativeAmount) > 0 {
			a.Earned = &Voucher{SignedVoucher: *v, Count: a.Charged.Count}
		}
	} else if a.Next == nil || v.CumulativeAmount.Cmp(a.Next.CumulativeAmount) < 0 {
		a.Next = &Voucher{SignedVoucher: *v}
	}
	if a.Next != nil && a.Next.CumulativeAmount.Cmp(charged) <= 0 {
		if a.Earned == nil || a.Next.CumulativeAmount.Cmp(a.Earned.CumulativeAmount) > 0 {
			a.Earned = &Voucher{SignedVoucher: a.Next.SignedVoucher, Count: a.Charged.Count}
		}
		a.Next = nil
	}
}

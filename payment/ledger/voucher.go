package ledger

import "github.com/webfunctions/wf/chain"

// Voucher is a caller's voucher kept for settlement, with the number of
// charges its cumulative amount covers.
type Voucher struct {
	chain.SignedVoucher
	Count uint64 `json:"count"` // charges covered once earned
}

// keepVoucher keeps v if it is the best voucher to redeem now (Earned) or
// later (Next), and promotes Next once the charges reach it.
func keepVoucher(a *Account, v *chain.SignedVoucher) {
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

package ledger

import (
	"encoding/hex"
	"math/big"
)

// WideKey names a payer whose key is wider than an address: a MINA
// payment channel's zkApp account, as mina.PublicKey.Bytes encodes it
// (x, 32 bytes little-endian, then 1 if y is odd, else 0).
type WideKey [33]byte

func (k WideKey) String() string { return hex.EncodeToString(k[:]) }

// RailVoucher is a voucher of a rail whose signatures this package does
// not check or make (MINA, package mina/minapay): its ceiling, for
// choosing the one to redeem with, and the rail's own encoding of it. The
// rail verified it before charging under it.
type RailVoucher struct {
	Ceiling *big.Int `json:"ceiling"` // cumulative, in the rail's base units
	Data    []byte   `json:"data"`
}

func (v *RailVoucher) clone() *RailVoucher {
	return &RailVoucher{Ceiling: new(big.Int).Set(amt(v.Ceiling)), Data: append([]byte(nil), v.Data...)}
}

// keepRail keeps v if its ceiling is above the kept one's. A Mina
// voucher's expiry bounds what a provider accepts, not its redemption (the
// zkApp redeems it until the channel expires), so the highest ceiling
// covers every charge made under any of the payer's vouchers.
func keepRail(a *Account, v *RailVoucher) {
	if a.Rail == nil || amt(v.Ceiling).Cmp(amt(a.Rail.Ceiling)) > 0 {
		a.Rail = v.clone()
	}
}

// prepareRail fills a Mina batch: redeem up to what was charged (never
// above the kept voucher's ceiling). It reports false if there is nothing
// to redeem.
func prepareRail(b *Batch, a Account) bool {
	if a.Rail == nil {
		return false
	}
	upTo := new(big.Int).Set(amt(a.Charged.Amount))
	if upTo.Cmp(amt(a.Rail.Ceiling)) > 0 {
		upTo.Set(a.Rail.Ceiling)
	}
	b.Rail = a.Rail.clone()
	b.UpTo = upTo
	b.Count = a.Charged.Count - a.Settled.Count - a.Stranded.Count
	b.Amount = new(big.Int).Sub(upTo, amt(a.Settled.Amount))
	return b.Amount.Sign() > 0
}

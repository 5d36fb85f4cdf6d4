package ledger

import (
	"encoding/hex"
	"maps"
	"math/big"
	"time"

	"github.com/webfunctions/wf/wf"
)

// SignedVoucher is a caller's signed voucher as the ledger keeps it to
// redeem: the payer's promise to pay Provider up to CumulativeAmount in
// all, until Expiry, for requests its Session key signs. The fields' names
// and order are the stored format.
type SignedVoucher struct {
	Payer            wf.Address
	Provider         wf.Address
	CumulativeAmount *big.Int // token base units: the ceiling
	Expiry           time.Time
	Session          *[32]byte    `json:",omitempty"` // nil in ledgers from before sessions
	Signature        wf.Signature // the payer's, over the other fields
}

// Voucher is a caller's voucher kept for settlement. Count is unused
// since vouchers are redeemed up to what was charged; it stays for the
// stored format.
type Voucher struct {
	SignedVoucher
	Count uint64 `json:"count"`
}

// keepVoucher keeps v, a voucher that authorized the charge just applied
// to a, if it is the better one to redeem with: Best is the voucher that
// covers everything charged and expires last (a higher ceiling breaks a
// tie), or if none covers it the one with the highest ceiling. A voucher
// expiring sooner never displaces one that covers and lasts longer, so a
// payer cannot leave the account redeemable only with an expired voucher.
// Lasting is the voucher that expires last (then the highest ceiling).
func keepVoucher(a *Account, v *SignedVoucher) {
	charged := amt(a.Charged.Amount)
	covers := func(x *SignedVoucher) bool { return x.CumulativeAmount.Cmp(charged) >= 0 }
	later := func(x, y *SignedVoucher) bool {
		return x.Expiry.After(y.Expiry) || (x.Expiry.Equal(y.Expiry) && x.CumulativeAmount.Cmp(y.CumulativeAmount) > 0)
	}
	if b := a.Best; b == nil ||
		(covers(v) && (!covers(&b.SignedVoucher) || later(v, &b.SignedVoucher))) ||
		(!covers(&b.SignedVoucher) && v.CumulativeAmount.Cmp(b.CumulativeAmount) > 0) {
		a.Best = &Voucher{SignedVoucher: *v}
	}
	if l := a.Lasting; l == nil || later(v, &l.SignedVoucher) {
		a.Lasting = &Voucher{SignedVoucher: *v}
	}
}

// MaxSessions is how many session keys an account remembers the sequence
// numbers of. Past it, the one whose voucher expires first is forgotten
// and SessionFloor rises to its expiry: every session whose voucher
// expires by then is refused from then on, so forgetting never lets a
// request be replayed.
const MaxSessions = 64

// SessionUse is the session key and sequence number of a Caller charge,
// and its voucher's expiry (Unix seconds).
type SessionUse struct {
	Key    [32]byte `json:"key"`
	Seq    uint64   `json:"seq"`
	Expiry int64    `json:"expiry"`
}

// SessionMark is the highest sequence number charged in a session.
type SessionMark struct {
	Seq    uint64 `json:"seq"`
	Expiry int64  `json:"expiry"`
}

// SessionKey is how Account.Sessions names a session key.
func SessionKey(k [32]byte) string { return hex.EncodeToString(k[:]) }

// applySession raises the session's mark. The map is copied, never
// changed in place: a shallow copy of the account may share it.
func applySession(a *Account, u *SessionUse) {
	k := SessionKey(u.Key)
	if m, ok := a.Sessions[k]; ok && m.Seq >= u.Seq {
		return
	}
	s := maps.Clone(a.Sessions)
	if s == nil {
		s = make(map[string]SessionMark)
	}
	a.Sessions = s
	setSession(a, k, u)
}

// raiseSession is applySession changing a.Sessions in place: only for the
// ledger's own account, under its lock (Ledger.commit), whose map no copy
// shares (Account.clone copies it).
func raiseSession(a *Account, u *SessionUse) {
	k := SessionKey(u.Key)
	if m, ok := a.Sessions[k]; ok && m.Seq >= u.Seq {
		return
	}
	if a.Sessions == nil {
		a.Sessions = make(map[string]SessionMark)
	}
	setSession(a, k, u)
}

// setSession sets session k's mark in a.Sessions, forgetting the
// sessions whose vouchers expire first past MaxSessions.
func setSession(a *Account, k string, u *SessionUse) {
	s := a.Sessions
	s[k] = SessionMark{Seq: u.Seq, Expiry: u.Expiry}
	for len(s) > MaxSessions {
		var old string
		for sk, m := range s {
			if sk != k && (old == "" || m.Expiry < s[old].Expiry) {
				old = sk
			}
		}
		a.SessionFloor = max(a.SessionFloor, s[old].Expiry)
		delete(s, old)
	}
}

// sameVoucher reports whether x holds exactly v.
func sameVoucher(x *Voucher, v *SignedVoucher) bool {
	if x == nil || x.Payer != v.Payer || x.Provider != v.Provider || x.Signature != v.Signature ||
		!x.Expiry.Equal(v.Expiry) || amt(x.CumulativeAmount).Cmp(amt(v.CumulativeAmount)) != 0 {
		return false
	}
	if x.Session == nil || v.Session == nil {
		return x.Session == v.Session
	}
	return *x.Session == *v.Session
}

package ledger

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/big"

	bolt "go.etcd.io/bbolt"

	"github.com/webfunctions/wf/wf"
)

// Mode is who pays.
type Mode uint8

const (
	// Owner: the function owner's on-chain allowance for this provider.
	Owner Mode = 1
	// Caller: the caller's signed voucher.
	Caller Mode = 2
	// Mina: a payer's vouchers for a MINA payment channel (see rail.go).
	Mina Mode = 3
)

func (m Mode) String() string {
	switch m {
	case Owner:
		return "owner"
	case Caller:
		return "caller"
	case Mina:
		return "mina"
	}
	return fmt.Sprintf("mode(%d)", uint8(m))
}

// Key names an account: one payer in one mode. Owner and Caller accounts
// are named by the payer's address; a Mina account by its channel's key,
// wider than an address (Channel; Payer is zero).
type Key struct {
	Mode    Mode
	Payer   wf.Address `json:",omitzero"` // zero for Mina
	Channel WideKey    `json:",omitzero"`
}

func (k Key) bytes() []byte {
	if k.Mode == Mina {
		return append([]byte{byte(k.Mode)}, k.Channel[:]...)
	}
	return append([]byte{byte(k.Mode)}, k.Payer[:]...)
}

func keyFrom(b []byte) (Key, error) {
	switch {
	case len(b) == 21 && (Mode(b[0]) == Owner || Mode(b[0]) == Caller):
		return Key{Mode: Mode(b[0]), Payer: wf.Address(b[1:])}, nil
	case len(b) == 1+len(WideKey{}) && Mode(b[0]) == Mina:
		return Key{Mode: Mina, Channel: WideKey(b[1:])}, nil
	}
	return Key{}, fmt.Errorf("ledger: bad account key %x", b)
}

// Totals is a count of requests and their amount in token base units.
type Totals struct {
	Count  uint64   `json:"count"`
	Amount *big.Int `json:"amount"`
}

func (t Totals) add(o Totals) Totals {
	return Totals{Count: t.Count + o.Count, Amount: new(big.Int).Add(amt(t.Amount), amt(o.Amount))}
}

func (t Totals) sub(o Totals) Totals {
	return Totals{Count: t.Count - o.Count, Amount: new(big.Int).Sub(amt(t.Amount), amt(o.Amount))}
}

// IsZero reports whether t counts nothing.
func (t Totals) IsZero() bool { return t.Count == 0 && amt(t.Amount).Sign() == 0 }

func amt(a *big.Int) *big.Int {
	if a == nil {
		return new(big.Int)
	}
	return a
}

// Account is one payer's record in one mode. Fields are copies: changing
// them changes nothing in the ledger.
type Account struct {
	Charged  Totals `json:"charged"`
	Settled  Totals `json:"settled"`
	InFlight Totals `json:"inFlight"`
	Batch    uint64 `json:"batch,omitempty"` // the in-flight batch, 0 if none
	// Best is the caller's voucher to redeem with, up to what was charged
	// (see keepVoucher).
	Best *Voucher `json:"best,omitempty"`
	// Lasting is the caller's voucher that expires last: what settles
	// as much as it covers if Best expired before it was redeemed.
	Lasting *Voucher `json:"lasting,omitempty"`
	// Sessions are the caller's session keys (SessionKey) with the highest
	// sequence number charged in each; a session whose voucher expires at
	// or before SessionFloor was forgotten and is refused.
	Sessions     map[string]SessionMark `json:"sessions,omitempty"`
	SessionFloor int64                  `json:"sessionFloor,omitempty"`
	// Meter is the owner's best metering count (keepMeter): Owner
	// accounts whose allowance names a metering key settle up to it.
	Meter *MeterCount `json:"meter,omitempty"`
	// Stranded are charges made under an earlier metering key (or none)
	// that were pending when a count by another key was first charged:
	// the escrow settles metered requests only under the key the owner
	// approves now, so they are never settled, and are set aside so the
	// new key's counts back only what was charged under it.
	Stranded Totals `json:"stranded,omitzero"`
	// Rail is a Mina account's voucher to redeem with: the highest
	// ceiling charged under (see keepRail).
	Rail *RailVoucher `json:"rail,omitempty"`

	// Earned and Next are what ledgers kept before vouchers were redeemed
	// up to what was served; read and kept as they are, never used. (Such
	// a ledger is bound to an escrow that predates session keys.)
	Earned *Voucher `json:"earned,omitempty"`
	Next   *Voucher `json:"next,omitempty"`
}

// Pending is what was charged and is neither settled, in flight nor
// stranded.
func (a Account) Pending() Totals {
	return a.Charged.sub(a.Settled).sub(a.InFlight).sub(a.Stranded)
}

func (a Account) clone() Account {
	c := a
	c.Charged = Totals{a.Charged.Count, new(big.Int).Set(amt(a.Charged.Amount))}
	c.Settled = Totals{a.Settled.Count, new(big.Int).Set(amt(a.Settled.Amount))}
	c.InFlight = Totals{a.InFlight.Count, new(big.Int).Set(amt(a.InFlight.Amount))}
	c.Stranded = Totals{a.Stranded.Count, new(big.Int).Set(amt(a.Stranded.Amount))}
	if a.Best != nil {
		v := *a.Best
		c.Best = &v
	}
	if a.Lasting != nil {
		v := *a.Lasting
		c.Lasting = &v
	}
	if a.Meter != nil {
		m := *a.Meter
		c.Meter = &m
	}
	if a.Rail != nil {
		c.Rail = a.Rail.clone()
	}
	if a.Sessions != nil {
		// Copied: Ledger.commit raises the marks of its own account's map
		// in place.
		c.Sessions = maps.Clone(a.Sessions)
	}
	return c
}

// Account returns a copy of key's account (zero if it has none).
func (l *Ledger) Account(key Key) Account {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.accounts[key].clone()
}

// PendingCount is Account(key).Pending().Count without copying the
// account: the meter asks after every charge.
func (l *Ledger) PendingCount(key Key) uint64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	a := l.accounts[key]
	return a.Charged.Count - a.Settled.Count - a.InFlight.Count - a.Stranded.Count
}

// Accounts returns copies of all accounts.
func (l *Ledger) Accounts() map[Key]Account {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make(map[Key]Account, len(l.accounts))
	for k, a := range l.accounts {
		out[k] = a.clone()
	}
	return out
}

// OpenAccount sets an account's opening totals: what was settled on-chain before
// this ledger knew the payer (a caller's voucher redeemed under an earlier
// ledger), so cumulative amounts continue from there. It does nothing to an
// account that has charges.
func (l *Ledger) OpenAccount(key Key, settled Totals) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	a := l.Account(key)
	if !a.Charged.IsZero() || settled.IsZero() {
		return nil
	}
	a.Charged, a.Settled = settled, settled
	if err := l.save(map[Key]Account{key: a}, nil); err != nil {
		return fmt.Errorf("ledger: open account: %w", err)
	}
	return nil
}

func putAccounts(tx *bolt.Tx, accts map[Key]Account) error {
	b := tx.Bucket(bucketAccounts)
	for k, a := range accts {
		v, err := json.Marshal(a)
		if err != nil {
			return err
		}
		if err := b.Put(k.bytes(), v); err != nil {
			return err
		}
	}
	return nil
}

func (l *Ledger) setAccounts(accts map[Key]Account) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for k, a := range accts {
		l.accounts[k] = a
	}
}

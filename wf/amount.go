package wf

import (
	"fmt"
	"math/big"
	"strings"
)

// USDCDecimals is the payment token's number of decimals: 1 USDC is
// 1,000,000 base units.
const USDCDecimals = 6

// Amount is a quantity of the payment token (USDC, or any token with
// USDCDecimals) in base units, the integers the escrow contract holds.
// Two text forms convert to and from it exactly, and only here: base units
// as they travel in vouchers, receipts and PriceHeader (String,
// ParseAmount), and decimal USDC as people read and type it (USDC,
// ParseUSDC). Code that computes with amounts, and package chain, use
// *big.Int (Big, NewAmount).
//
// An Amount is immutable and may be negative (a difference); the zero
// Amount is 0. Amounts cannot be compared with ==: use Cmp.
type Amount struct {
	_ [0]func() // not comparable: == would compare pointers
	v *big.Int  // nil is 0; never modified once the Amount is made
}

// NewAmount returns the Amount of x base units (nil is 0). It copies x.
func NewAmount(x *big.Int) Amount {
	if x == nil {
		return Amount{}
	}
	return Amount{v: new(big.Int).Set(x)}
}

// Big returns the amount in base units as a new *big.Int the caller owns.
func (a Amount) Big() *big.Int {
	if a.v == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(a.v)
}

func (a Amount) big() *big.Int {
	if a.v == nil {
		return new(big.Int)
	}
	return a.v
}

// Sign returns -1, 0 or +1 as a is negative, zero or positive.
func (a Amount) Sign() int { return a.big().Sign() }

// Cmp compares a and b: -1 if a < b, 0 if a == b, +1 if a > b.
func (a Amount) Cmp(b Amount) int { return a.big().Cmp(b.big()) }

// String returns the amount in base units, a decimal integer ("1500000").
func (a Amount) String() string { return a.big().String() }

// USDC returns the amount in decimal USDC with all USDCDecimals decimals
// ("1.500000"), as ParseUSDC reads it back.
func (a Amount) USDC() string {
	x := a.big()
	q, r := new(big.Int).QuoRem(new(big.Int).Abs(x), usdcUnit, new(big.Int))
	sign := ""
	if x.Sign() < 0 {
		sign = "-"
	}
	return fmt.Sprintf("%s%s.%0*d", sign, q, USDCDecimals, r.Int64())
}

var usdcUnit = new(big.Int).Exp(big.NewInt(10), big.NewInt(USDCDecimals), nil)

// MarshalText implements encoding.TextMarshaler: base units.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseAmount.
func (a *Amount) UnmarshalText(b []byte) error {
	p, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = p
	return nil
}

// maxAmountDigits is the length of the largest uint256, 2^256-1.
const maxAmountDigits = 78

// ParseAmount parses an amount in base units as it travels in vouchers,
// receipts and headers: digits only, with no sign, spaces or leading
// zeros, so each amount has one spelling, and at most 78 of them (the
// digits of the largest uint256; the range itself is checked where an
// amount is signed or sent). Errors wrap ErrInvalid.
func ParseAmount(s string) (Amount, error) {
	if s == "" || len(s) > maxAmountDigits || (s[0] == '0' && len(s) > 1) || !digits(s) {
		return Amount{}, fmt.Errorf("%w: amount %q is not a decimal integer without sign or leading zeros", ErrInvalid, truncate(s))
	}
	v, _ := new(big.Int).SetString(s, 10)
	return Amount{v: v}, nil
}

// ParseUSDC parses a non-negative decimal USDC amount as people type it
// ("12", "12.5", "0.000001") into base units exactly. It refuses more than
// USDCDecimals decimals, signs, exponents, spaces and anything else that
// is not plain digits; errors wrap ErrInvalid and say what is wrong in
// words fit to show the user.
func ParseUSDC(s string) (Amount, error) {
	v, err := ParseDecimal(s, USDCDecimals, "USDC")
	if err != nil {
		return Amount{}, err
	}
	return Amount{v: v}, nil
}

// maxWholeDigits bounds the integer part ParseDecimal accepts: far above
// any uint256 amount of a token with a few decimals, far below what
// would be costly to parse.
const maxWholeDigits = 60

// ParseDecimal parses a non-negative plain decimal number of unit, which
// has decimals decimals ("1.5" gwei with 9 is 1500000000 wei), into base
// units exactly: digits, optionally a point and more digits. ParseUSDC is
// ParseDecimal for USDC. Errors wrap ErrInvalid; their text names unit and
// is fit to show the user.
func ParseDecimal(s string, decimals int, unit string) (*big.Int, error) {
	whole, frac, dot := strings.Cut(s, ".")
	if !digits(whole) || (dot && !digits(frac)) {
		return nil, E(ErrInvalid, fmt.Sprintf("amount %q: want a decimal number of %s like 12 or 0.25", truncate(s), unit), nil)
	}
	if len(frac) > decimals {
		return nil, E(ErrInvalid, fmt.Sprintf("amount %q: %s has %d decimals, not %d", truncate(s), unit, decimals, len(frac)), nil)
	}
	if len(whole) > maxWholeDigits {
		return nil, E(ErrInvalid, fmt.Sprintf("amount %q is too large", truncate(s)), nil)
	}
	n, _ := new(big.Int).SetString(whole+frac+strings.Repeat("0", decimals-len(frac)), 10)
	return n, nil
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

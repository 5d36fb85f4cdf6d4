package chain

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/webfunctions/wf/wf"
)

// maxVoucherHeader bounds what DecodeVoucher reads; an encoded voucher is
// about 400 bytes.
const maxVoucherHeader = 1024

// voucherWire is the JSON inside a wf.VoucherHeader value. Amount is a decimal
// string because uint256 does not fit a JSON number.
type voucherWire struct {
	V         int          `json:"v"`
	Payer     wf.Address   `json:"payer"`
	Provider  wf.Address   `json:"provider"`
	Amount    string       `json:"amount"`
	Expiry    int64        `json:"expiry"`
	Signature wf.Signature `json:"sig"`
}

// EncodeVoucher returns sv as a wf.VoucherHeader value: unpadded base64url of
// the JSON object
//
//	{"v":1,"payer":"0x…","provider":"0x…","amount":"<cumulative, base units>","expiry":<unix seconds>,"sig":"0x<65 bytes>"}
//
// It fails (wf.ErrInvalid) on a voucher without payer, provider, a positive
// amount or an expiry.
func EncodeVoucher(sv SignedVoucher) (string, error) {
	if err := sv.check(); err != nil {
		return "", err
	}
	j, err := json.Marshal(voucherWire{
		V: 1, Payer: sv.Payer, Provider: sv.Provider,
		Amount: sv.CumulativeAmount.String(), Expiry: sv.Expiry.Unix(), Signature: sv.Signature,
	})
	if err != nil {
		return "", fmt.Errorf("chain: encode voucher: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(j), nil
}

// DecodeVoucher parses a wf.VoucherHeader value made by EncodeVoucher (any
// JSON key order and address case is accepted; unknown keys are not). It
// checks the form only: the caller must still check the signature
// (VerifyVoucher), that the provider is itself, the expiry, and the amount
// against what it already holds. Errors wrap wf.ErrInvalid.
func DecodeVoucher(s string) (SignedVoucher, error) {
	if len(s) > maxVoucherHeader {
		return SignedVoucher{}, fmt.Errorf("%w: voucher: longer than %d bytes", wf.ErrInvalid, maxVoucherHeader)
	}
	// Strict still skips '\r' and '\n'; refuse them so a voucher has one
	// header value.
	if strings.ContainsAny(s, "\r\n") {
		return SignedVoucher{}, fmt.Errorf("%w: voucher: line break in the header value", wf.ErrInvalid)
	}
	j, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return SignedVoucher{}, fmt.Errorf("%w: voucher: not unpadded base64url: %v", wf.ErrInvalid, err)
	}
	var w voucherWire
	if err := wf.DecodeJSON(j, &w); err != nil {
		return SignedVoucher{}, fmt.Errorf("%w: voucher: %v", wf.ErrInvalid, err)
	}
	if w.V != 1 {
		return SignedVoucher{}, fmt.Errorf("%w: voucher: version %d, want 1", wf.ErrInvalid, w.V)
	}
	amt, err := wf.ParseAmount(w.Amount)
	if err != nil {
		return SignedVoucher{}, fmt.Errorf("voucher: %w", err)
	}
	if w.Signature == (wf.Signature{}) {
		return SignedVoucher{}, fmt.Errorf("%w: voucher: no signature", wf.ErrInvalid)
	}
	sv := SignedVoucher{
		Voucher:   Voucher{Payer: w.Payer, Provider: w.Provider, CumulativeAmount: amt.Big(), Expiry: time.Unix(w.Expiry, 0)},
		Signature: w.Signature,
	}
	if err := sv.check(); err != nil {
		return SignedVoucher{}, err
	}
	return sv, nil
}

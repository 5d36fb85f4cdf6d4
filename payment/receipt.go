package payment

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Receipt is what X-WF-Receipt carries: a chain.ChargeReceipt (which
// names the request by its id) and the provider's signature.
type Receipt struct {
	chain.ChargeReceipt
	Signature wf.Signature
}

// maxReceiptHeader bounds what DecodeReceipt reads; an encoded receipt is
// about 500 bytes.
const maxReceiptHeader = 2048

type receiptWire struct {
	V          int          `json:"v"`
	Function   wf.CID       `json:"function"`
	Payer      wf.Address   `json:"payer"`
	Mode       string       `json:"mode"`
	Amount     string       `json:"amount"`
	Cumulative string       `json:"cumulative"`
	Request    wf.RequestID `json:"request"`
	// Version 2 only: SHA-256 of the request and response bodies.
	RequestBody  *wf.Hash     `json:"reqBody,omitempty"`
	ResponseBody *wf.Hash     `json:"respBody,omitempty"`
	Signature    wf.Signature `json:"sig"`
}

// EncodeReceipt returns r as an X-WF-Receipt value: unpadded base64url of
//
//	{"v":1,"function":"<cid>","payer":"0x…","mode":"owner|caller","amount":"<base units>","cumulative":"<base units>","request":"<X-Request-Id>","sig":"0x<65 bytes>"}
//
// the same encoding as X-WF-Voucher. A version 2 receipt (r.Version 2)
// has "v":2 and also "reqBody" and "respBody", the bodies' SHA-256 in hex.
func EncodeReceipt(r Receipt) string {
	w := receiptWire{V: 1, Function: r.Function, Payer: r.Payer, Mode: r.Mode,
		Amount: r.Amount.String(), Cumulative: r.Cumulative.String(), Request: r.RequestID, Signature: r.Signature}
	if r.Version == 2 {
		w.V, w.RequestBody, w.ResponseBody = 2, &r.RequestBody, &r.ResponseBody
	}
	j, _ := json.Marshal(w)
	return base64.RawURLEncoding.EncodeToString(j)
}

// DecodeReceipt parses an X-WF-Receipt value. Check it with VerifyReceipt.
func DecodeReceipt(s string) (Receipt, error) {
	// The length first, so a huge header is not decoded; no line breaks,
	// which Strict still skips.
	if len(s) > maxReceiptHeader || strings.ContainsAny(s, "\r\n") {
		return Receipt{}, fmt.Errorf("%w: receipt: not unpadded base64url of at most %d bytes", wf.ErrInvalid, maxReceiptHeader)
	}
	j, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return Receipt{}, fmt.Errorf("%w: receipt: not unpadded base64url", wf.ErrInvalid)
	}
	var w receiptWire
	if err := wf.DecodeJSON(j, &w); err != nil {
		return Receipt{}, fmt.Errorf("%w: receipt: %v", wf.ErrInvalid, err)
	}
	switch {
	case w.V == 1 && w.RequestBody == nil && w.ResponseBody == nil:
	case w.V == 2 && w.RequestBody != nil && w.ResponseBody != nil:
	default:
		return Receipt{}, fmt.Errorf("%w: receipt: version %d, want 1 or 2 (with both body hashes)", wf.ErrInvalid, w.V)
	}
	a, err := wf.ParseAmount(w.Amount)
	if err != nil {
		return Receipt{}, fmt.Errorf("receipt: %w", err)
	}
	c, err := wf.ParseAmount(w.Cumulative)
	if err != nil {
		return Receipt{}, fmt.Errorf("receipt: cumulative: %w", err)
	}
	r := Receipt{ChargeReceipt: chain.ChargeReceipt{Function: w.Function, Payer: w.Payer, Mode: w.Mode,
		Amount: a.Big(), Cumulative: c.Big(), RequestID: w.Request}, Signature: w.Signature}
	if w.V == 2 {
		r.Version, r.RequestBody, r.ResponseBody = 2, *w.RequestBody, *w.ResponseBody
	}
	return r, nil
}

// VerifyReceipt checks that r is signed by provider.
func VerifyReceipt(r Receipt, provider wf.Address) error {
	return chain.VerifyReceipt(r.ChargeReceipt, r.Signature, provider)
}

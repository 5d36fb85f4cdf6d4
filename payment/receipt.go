package payment

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Receipt is what X-WF-Receipt carries: a chain.ChargeReceipt (which
// names the request by its id) and the provider's signature, or none: a
// provider signs one in Config.ReceiptEvery of a payer's receipts, and a
// signed receipt's Cumulative vouches for every charge before it.
type Receipt struct {
	chain.ChargeReceipt
	Signature wf.Signature // zero: unsigned
}

// Signed reports whether r carries a signature.
func (r Receipt) Signed() bool { return r.Signature != wf.Signature{} }

// ErrUnsigned is VerifyReceipt's error for a receipt sent without a
// signature.
var ErrUnsigned = fmt.Errorf("%w: receipt: unsigned (the payer's next signed receipt covers it; send %s to get one signed)", wf.ErrInvalid, SignReceiptHeader)

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
	Signature    wf.Signature `json:"sig,omitzero"`
}

// EncodeReceipt returns r as an X-WF-Receipt value: unpadded base64url of
//
//	{"v":1,"function":"<cid>","payer":"0x…","mode":"owner|caller","amount":"<base units>","cumulative":"<base units>","request":"<X-Request-Id>","sig":"0x<65 bytes>"}
//
// the same encoding as X-WF-Voucher; an unsigned receipt has no "sig". A
// version 2 receipt (r.Version 2) has "v":2 and also "reqBody" and
// "respBody", the bodies' SHA-256 in hex.
func EncodeReceipt(r Receipt) string {
	// Written by hand (a provider encodes one per charged response): no
	// field needs escaping, a CID and hex strings, decimal amounts and a
	// mode that is a plain word; anything else takes encoding/json. The
	// JSON and its base64 are built in buffers on the stack: the string
	// returned is the only allocation.
	if (r.Version == 0 || r.Version == 1 || r.Version == 2) && r.Function.Defined() && (r.Mode == "owner" || r.Mode == "caller") && r.Amount != nil && r.Cumulative != nil {
		var jb [768]byte
		j := jb[:0]
		if r.Version == 2 {
			j = append(j, `{"v":2,"function":"`...)
		} else {
			j = append(j, `{"v":1,"function":"`...)
		}
		j, _ = r.Function.AppendText(j)
		j = append(j, `","payer":"`...)
		j = appendHex0x(j, r.Payer[:])
		j = append(j, `","mode":"`...)
		j = append(j, r.Mode...)
		j = append(j, `","amount":"`...)
		j = appendDecimal(j, r.Amount)
		j = append(j, `","cumulative":"`...)
		j = appendDecimal(j, r.Cumulative)
		j = append(j, `","request":"`...)
		j = hex.AppendEncode(j, r.RequestID[:])
		j = append(j, '"')
		if r.Version == 2 {
			j = append(j, `,"reqBody":"`...)
			j = appendHex0x(j, r.RequestBody[:])
			j = append(j, `","respBody":"`...)
			j = appendHex0x(j, r.ResponseBody[:])
			j = append(j, '"')
		}
		if r.Signed() {
			j = append(j, `,"sig":"`...)
			j = appendHex0x(j, r.Signature[:])
			j = append(j, '"')
		}
		j = append(j, '}')
		var eb [1024]byte
		return string(base64.RawURLEncoding.AppendEncode(eb[:0], j))
	}
	w := receiptWire{V: 1, Function: r.Function, Payer: r.Payer, Mode: r.Mode,
		Amount: r.Amount.String(), Cumulative: r.Cumulative.String(), Request: r.RequestID, Signature: r.Signature}
	if r.Version == 2 {
		// Copies: pointers into r would move r to the heap on every call.
		req, resp := r.RequestBody, r.ResponseBody
		w.V, w.RequestBody, w.ResponseBody = 2, &req, &resp
	}
	j, _ := json.Marshal(w)
	return base64.RawURLEncoding.EncodeToString(j)
}

// appendDecimal appends x in decimal, as x.Append(dst, 10) does, without
// its allocation when x fits in 64 bits.
func appendDecimal(dst []byte, x *big.Int) []byte {
	if x.IsUint64() {
		return strconv.AppendUint(dst, x.Uint64(), 10)
	}
	return x.Append(dst, 10)
}

// appendHex0x appends "0x" and b in lower-case hex, as wf.Address and
// wf.Hash write themselves, without their allocations.
func appendHex0x(dst, b []byte) []byte { return hex.AppendEncode(append(dst, "0x"...), b) }

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

// VerifyReceipt checks that r is signed by provider; ErrUnsigned if it
// is not signed at all.
func VerifyReceipt(r Receipt, provider wf.Address) error {
	if !r.Signed() {
		return ErrUnsigned
	}
	return chain.VerifyReceipt(r.ChargeReceipt, r.Signature, provider)
}

package payment

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Response headers of a paid provider.
const (
	// PriceHeader is the price of a request in token base units, a decimal
	// integer (USDC has 6 decimals: 100 is 0.0001 USDC). It is on every
	// invocation response of a paid provider, charged or not.
	PriceHeader = "X-WF-Price"
	// ReceiptHeader is on every charged response: the provider's signed
	// Receipt, encoded by EncodeReceipt.
	ReceiptHeader = "X-WF-Receipt"
)

// Receipt is what X-WF-Receipt carries: a chain.ChargeReceipt, the request
// id it is for (X-Request-Id) and the provider's signature.
type Receipt struct {
	chain.ChargeReceipt
	Request   string // X-Request-Id: hex, at most 32 bytes
	Signature wf.Signature
}

type receiptWire struct {
	V          int          `json:"v"`
	Function   wf.CID       `json:"function"`
	Payer      wf.Address   `json:"payer"`
	Mode       string       `json:"mode"`
	Amount     string       `json:"amount"`
	Cumulative string       `json:"cumulative"`
	Request    string       `json:"request"`
	Signature  wf.Signature `json:"sig"`
}

// requestID is the receipt's bytes32 form of a request id: its hex bytes,
// right-aligned.
func requestID(id string) ([32]byte, error) {
	var out [32]byte
	b, err := hex.DecodeString(id)
	if err != nil || len(b) == 0 || len(b) > 32 {
		return out, fmt.Errorf("%w: request id %q must be 1 to 32 hex bytes", wf.ErrInvalid, id)
	}
	copy(out[32-len(b):], b)
	return out, nil
}

// EncodeReceipt returns r as an X-WF-Receipt value: unpadded base64url of
//
//	{"v":1,"function":"<cid>","payer":"0x…","mode":"owner|caller","amount":"<base units>","cumulative":"<base units>","request":"<X-Request-Id>","sig":"0x<65 bytes>"}
//
// the same encoding as X-WF-Voucher.
func EncodeReceipt(r Receipt) string {
	j, _ := json.Marshal(receiptWire{V: 1, Function: r.Function, Payer: r.Payer, Mode: r.Mode,
		Amount: r.Amount.String(), Cumulative: r.Cumulative.String(), Request: r.Request, Signature: r.Signature})
	return base64.RawURLEncoding.EncodeToString(j)
}

// DecodeReceipt parses an X-WF-Receipt value. Check it with VerifyReceipt.
func DecodeReceipt(s string) (Receipt, error) {
	j, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil || len(s) > 2048 {
		return Receipt{}, fmt.Errorf("%w: receipt: not unpadded base64url", wf.ErrInvalid)
	}
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.DisallowUnknownFields()
	var w receiptWire
	if err := dec.Decode(&w); err != nil || w.V != 1 {
		return Receipt{}, fmt.Errorf("%w: receipt: %v", wf.ErrInvalid, err)
	}
	a, ok1 := new(big.Int).SetString(w.Amount, 10)
	c, ok2 := new(big.Int).SetString(w.Cumulative, 10)
	if !ok1 || !ok2 {
		return Receipt{}, fmt.Errorf("%w: receipt: amounts must be decimal integers", wf.ErrInvalid)
	}
	id, err := requestID(w.Request)
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{ChargeReceipt: chain.ChargeReceipt{Function: w.Function, Payer: w.Payer, Mode: w.Mode,
		Amount: a, Cumulative: c, RequestID: id}, Request: w.Request, Signature: w.Signature}, nil
}

// VerifyReceipt checks that r is signed by provider.
func VerifyReceipt(r Receipt, provider wf.Address) error {
	return chain.VerifyReceipt(r.ChargeReceipt, r.Signature, provider)
}

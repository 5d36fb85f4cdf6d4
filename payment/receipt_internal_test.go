package payment

import (
	"encoding/base64"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// EncodeReceipt writes receipts by hand; encoding/json must agree byte for
// byte, signed or not.
func TestEncodeReceiptMatchesJSON(t *testing.T) {
	fn, err := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	if err != nil {
		t.Fatal(err)
	}
	big1 := new(big.Int).Lsh(big.NewInt(1), 255)
	for i, r := range []Receipt{
		{ChargeReceipt: chain.ChargeReceipt{Function: fn, Payer: wf.Address{1, 2}, Mode: "owner", Amount: big.NewInt(100), Cumulative: big.NewInt(12345), RequestID: wf.RequestID{9, 8}}},
		{ChargeReceipt: chain.ChargeReceipt{Function: fn, Payer: wf.Address{0xff}, Mode: "caller", Amount: new(big.Int), Cumulative: big1, RequestID: wf.RequestID{}},
			Signature: wf.Signature{1, 2, 3, 64: 28}},
		{ChargeReceipt: chain.ChargeReceipt{Version: 2, Function: fn, Payer: wf.Address{3}, Mode: "owner", Amount: big.NewInt(100), Cumulative: big.NewInt(7), RequestID: wf.RequestID{1},
			RequestBody: wf.Hash{0xaa, 31: 1}, ResponseBody: wf.Hash{0xbb}}},
		{ChargeReceipt: chain.ChargeReceipt{Version: 2, Function: fn, Payer: wf.Address{4}, Mode: "caller", Amount: big.NewInt(1), Cumulative: big1, RequestID: wf.RequestID{2}},
			Signature: wf.Signature{9, 64: 27}},
	} {
		w := receiptWire{V: 1, Function: r.Function, Payer: r.Payer, Mode: r.Mode, Amount: r.Amount.String(),
			Cumulative: r.Cumulative.String(), Request: r.RequestID, Signature: r.Signature}
		if r.Version == 2 {
			w.V, w.RequestBody, w.ResponseBody = 2, &r.RequestBody, &r.ResponseBody
		}
		want, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		got, err := base64.RawURLEncoding.DecodeString(EncodeReceipt(r))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("receipt %d:\n got %s\nwant %s", i, got, want)
		}
		back, err := DecodeReceipt(EncodeReceipt(r))
		if err != nil || back.Signature != r.Signature || back.Cumulative.Cmp(r.Cumulative) != 0 || back.RequestID != r.RequestID ||
			back.Version != r.Version || back.RequestBody != r.RequestBody || back.ResponseBody != r.ResponseBody {
			t.Errorf("receipt %d: round trip %+v, %v", i, back, err)
		}
	}
}

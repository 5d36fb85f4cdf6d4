package chain

import (
	"crypto/sha256"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// receiptDigestGeneric is the receipt's digest through apitypes' generic
// EIP-712 encoder, what a wallet computes from receiptTypes.
func receiptDigestGeneric(t testing.TB, r ChargeReceipt) [32]byte {
	var id [32]byte
	copy(id[32-len(r.RequestID):], r.RequestID[:])
	msg := apitypes.TypedDataMessage{
		"function":   hexutil.Encode(crypto.Keccak256(r.Function.Bytes())),
		"payer":      common.Address(r.Payer).Hex(),
		"mode":       r.Mode,
		"amount":     (*math.HexOrDecimal256)(r.Amount),
		"cumulative": (*math.HexOrDecimal256)(r.Cumulative),
		"requestId":  hexutil.Encode(id[:]),
	}
	primary := "Receipt"
	if r.Version == 2 {
		primary = "ReceiptV2"
		msg["requestBody"] = hexutil.Encode(r.RequestBody[:])
		msg["responseBody"] = hexutil.Encode(r.ResponseBody[:])
	}
	d, err := typedDigest(receiptTypes, primary, msg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReceiptDigestMatchesGenericEncoder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	max256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	for i := range 200 {
		var h [32]byte
		for j := range h {
			h[j] = byte(rng.Uint32())
		}
		fn, err := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x12, 0x20}, h[:]...))
		if err != nil {
			t.Fatal(err)
		}
		r := ChargeReceipt{Function: fn, Mode: []string{"owner", "caller", "other"}[i%3],
			Amount: new(big.Int).Rsh(new(big.Int).SetBytes(h[:]), uint(rng.IntN(256))), Cumulative: big.NewInt(int64(rng.Uint32()))}
		for j := range r.Payer {
			r.Payer[j] = byte(rng.Uint32())
		}
		for j := range r.RequestID {
			r.RequestID[j] = byte(rng.Uint32())
		}
		if i%2 == 1 { // version 2: the bodies too
			r.Version = 2
			r.RequestBody, r.ResponseBody = sha256.Sum256(h[:8]), sha256.Sum256(h[8:])
		}
		switch i {
		case 0:
			r.Amount = new(big.Int)
		case 1:
			r.Cumulative = max256
		}
		got, err := ReceiptDigest(r)
		if err != nil {
			t.Fatal(err)
		}
		if want := receiptDigestGeneric(t, r); got != want {
			t.Fatalf("receipt %d (%+v): digest %x, the generic encoder's %x", i, r, got, want)
		}
	}
	// Out of range amounts are refused, not truncated.
	fn, _ := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	for _, a := range []*big.Int{nil, big.NewInt(-1), new(big.Int).Lsh(big.NewInt(1), 256)} {
		if _, err := ReceiptDigest(ChargeReceipt{Function: fn, Payer: wf.Address{1}, Mode: "owner", Amount: a, Cumulative: big.NewInt(1)}); err == nil {
			t.Errorf("amount %v: no error", a)
		}
	}
}

func BenchmarkReceiptDigest(b *testing.B) {
	fn, _ := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	r := ChargeReceipt{Function: fn, Payer: wf.Address{1}, Mode: "owner", Amount: big.NewInt(100), Cumulative: big.NewInt(123456), RequestID: wf.RequestID{1, 2, 3}}
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			ReceiptDigest(r)
		}
	})
	b.Run("apitypes", func(b *testing.B) {
		for b.Loop() {
			receiptDigestGeneric(b, r)
		}
	})
}

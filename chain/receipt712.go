package chain

import (
	"math/big"

	"github.com/ethereum/go-ethereum/crypto"
)

// The charge receipt's EIP-712 digest, computed directly: the provider
// signs one per charged response, and building it through apitypes'
// generic encoder (maps, reflection, hex strings) cost about as much as
// running a small function. receiptDigestMatches in the tests holds it to
// the generic encoder's answer.
var (
	receiptTypeHash   = crypto.Keccak256([]byte("Receipt(bytes32 function,address payer,string mode,uint256 amount,uint256 cumulative,bytes32 requestId)"))
	receiptV2TypeHash = crypto.Keccak256([]byte("ReceiptV2(bytes32 function,address payer,string mode,uint256 amount,uint256 cumulative,bytes32 requestId,bytes32 requestBody,bytes32 responseBody)"))
	domainSeparator   = crypto.Keccak256(
		crypto.Keccak256([]byte("EIP712Domain(string name,string version)")),
		crypto.Keccak256([]byte(domain.Name)),
		crypto.Keccak256([]byte(domain.Version)))
)

// receiptDigest is ReceiptDigest for an r it has checked: version 1, or
// version 2 (ReceiptV2, which also binds the bodies).
func receiptDigest(r ChargeReceipt) [32]byte {
	var buf [9 * 32]byte
	enc := buf[:7*32]
	copy(enc[0:], receiptTypeHash)
	if r.Version == 2 {
		enc = buf[:]
		copy(enc[0:], receiptV2TypeHash)
		copy(enc[224:], r.RequestBody[:])
		copy(enc[256:], r.ResponseBody[:])
	}
	copy(enc[32:], crypto.Keccak256(r.Function.Bytes()))
	copy(enc[64+12:], r.Payer[:])
	copy(enc[96:], modeHash(r.Mode))
	r.Amount.FillBytes(enc[128:160])
	r.Cumulative.FillBytes(enc[160:192])
	copy(enc[192+32-len(r.RequestID):], r.RequestID[:])
	var d [32]byte
	copy(d[:], crypto.Keccak256([]byte{0x19, 0x01}, domainSeparator, crypto.Keccak256(enc)))
	return d
}

var (
	ownerModeHash  = crypto.Keccak256([]byte("owner"))
	callerModeHash = crypto.Keccak256([]byte("caller"))
)

func modeHash(mode string) []byte {
	switch mode {
	case "owner":
		return ownerModeHash
	case "caller":
		return callerModeHash
	}
	return crypto.Keccak256([]byte(mode))
}

// fits256 reports whether a is a uint256.
func fits256(a *big.Int) bool { return a != nil && a.Sign() >= 0 && a.BitLen() <= 256 }

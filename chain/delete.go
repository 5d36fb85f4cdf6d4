package chain

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// Deletes are authorized by the function owner's signature over
//
//	DeleteFunction(string function,address provider,uint64 expires)
//
// in the same domain as specs: bound to one provider and soon stale, as
// log reads are, and a type of its own so no other signature deletes.
var deleteTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"DeleteFunction": {
		{Name: "function", Type: "string"},
		{Name: "provider", Type: "address"},
		{Name: "expires", Type: "uint64"},
	},
}

// deleteDigest is the digest an owner signs to delete m.Function at
// m.Provider until m.Expires (Unix seconds).
func deleteDigest(m wf.DeleteRequest) ([32]byte, error) {
	td := apitypes.TypedData{
		Types:       deleteTypes,
		PrimaryType: "DeleteFunction",
		Domain:      apitypes.TypedDataDomain{Name: "WebFunctions", Version: "1"},
		Message: apitypes.TypedDataMessage{
			"function": m.Function.String(),
			"provider": common.Address(m.Provider).Hex(),
			"expires":  fmt.Sprint(m.Expires),
		},
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: delete digest: %w", err)
	}
	return [32]byte(h), nil
}

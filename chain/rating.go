package chain

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// A payer rates a provider by signing, in the domain of specs,
//
//	Rating(address provider,bytes32 receipt,uint8 score,string comment,uint64 created)
//
// where receipt is the ReceiptDigest of a receipt that provider signed for
// the payer: a rating names the paid request that entitles it.
var ratingTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"Rating": {
		{Name: "provider", Type: "address"},
		{Name: "receipt", Type: "bytes32"},
		{Name: "score", Type: "uint8"},
		{Name: "comment", Type: "string"},
		{Name: "created", Type: "uint64"},
	},
}

// RatingDigest is the EIP-712 digest a payer signs for a rating.
func RatingDigest(provider wf.Address, receipt [32]byte, score uint8, comment string, created int64) ([32]byte, error) {
	if created < 0 {
		return [32]byte{}, fmt.Errorf("%w: rating time must not be negative", wf.ErrInvalid)
	}
	d, err := typedDigest(ratingTypes, "Rating", apitypes.TypedDataMessage{
		"provider": common.Address(provider).Hex(),
		"receipt":  hexutil.Encode(receipt[:]),
		"score":    fmt.Sprint(score),
		"comment":  comment,
		"created":  fmt.Sprint(created),
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("%w: chain: rating digest: %v", wf.ErrInvalid, err)
	}
	return d, nil
}

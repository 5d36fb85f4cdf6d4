package chain

import (
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// A ResultReceipt is what a provider signs, when asked (wf.AttestHeader),
// for one answer of a function: "function on this request answered this".
// For a deterministic function that is a claim anyone can check by
// running the request again, so two receipts that disagree are evidence
// against one of their signers. EIP-712 typed data in the domain of specs:
//
//	domain  EIP712Domain(string name,string version) = ("WebFunctions", "1")
//	message Result(bytes32 function,bytes32 request,bytes32 response)
//
// function is keccak256 of the function CID's binary form (as in
// ChargeReceipt); request and response are wf.RequestHash and
// wf.ResponseHash. The signer is the provider's registered address.
type ResultReceipt struct {
	Function wf.CID
	Request  wf.Hash
	Response wf.Hash
}

var resultTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"Result": {
		{Name: "function", Type: "bytes32"},
		{Name: "request", Type: "bytes32"},
		{Name: "response", Type: "bytes32"},
	},
}

// ResultDigest is the EIP-712 digest a provider signs for r.
func ResultDigest(r ResultReceipt) ([32]byte, error) {
	if !r.Function.Defined() {
		return [32]byte{}, fmt.Errorf("%w: result receipt needs a function", wf.ErrInvalid)
	}
	d, err := typedDigest(resultTypes, "Result", apitypes.TypedDataMessage{
		"function": hexutil.Encode(crypto.Keccak256(r.Function.Bytes())),
		"request":  hexutil.Encode(r.Request[:]),
		"response": hexutil.Encode(r.Response[:]),
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: result digest: %w", err)
	}
	return d, nil
}

// SignResult signs r with the provider's key k.
func SignResult(k *Key, r ResultReceipt) (wf.Signature, error) {
	d, err := ResultDigest(r)
	if err != nil {
		return wf.Signature{}, err
	}
	return k.SignDigest(d)
}

// VerifyResult checks that sig over r is by provider. Errors wrap
// wf.ErrInvalid.
func VerifyResult(r ResultReceipt, sig wf.Signature, provider wf.Address) error {
	d, err := ResultDigest(r)
	if err != nil {
		return err
	}
	return signedBy(d, sig, provider, "result receipt")
}

// maxResultHeader bounds what ParseResultHeader reads.
const maxResultHeader = 512

// FormatResultHeader is the wf.ResultHeader value for r signed by sig.
func FormatResultHeader(r ResultReceipt, sig wf.Signature) string {
	return fmt.Sprintf("req=%s; resp=%s; sig=%s", r.Request, r.Response, sig)
}

// ParseResultHeader reads a wf.ResultHeader value: the hashes the
// provider says it signed, and its signature. The function is not in it:
// the reader knows which it asked for. Errors wrap wf.ErrInvalid.
func ParseResultHeader(fn wf.CID, v string) (ResultReceipt, wf.Signature, error) {
	r := ResultReceipt{Function: fn}
	var sig wf.Signature
	if len(v) > maxResultHeader {
		return r, sig, fmt.Errorf("%w: %s longer than %d bytes", wf.ErrInvalid, wf.ResultHeader, maxResultHeader)
	}
	parts := strings.Split(v, ";")
	if len(parts) != 3 {
		return r, sig, fmt.Errorf("%w: %s: want req=..; resp=..; sig=..", wf.ErrInvalid, wf.ResultHeader)
	}
	for i, want := range []string{"req", "resp", "sig"} {
		k, val, ok := strings.Cut(strings.TrimSpace(parts[i]), "=")
		if !ok || k != want {
			return r, sig, fmt.Errorf("%w: %s: part %d is not %s=", wf.ErrInvalid, wf.ResultHeader, i+1, want)
		}
		var err error
		switch i {
		case 0:
			err = r.Request.UnmarshalText([]byte(val))
		case 1:
			err = r.Response.UnmarshalText([]byte(val))
		case 2:
			err = sig.UnmarshalText([]byte(val))
		}
		if err != nil {
			return r, sig, fmt.Errorf("%s: %s: %w", wf.ResultHeader, want, err)
		}
	}
	return r, sig, nil
}

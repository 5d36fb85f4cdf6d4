package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// This file has the two kinds of receipt a paid request involves: the
// receipt a provider signs for each charged request, and the on-chain
// transaction receipt of the settlement that collects the charges, whose
// transaction is recorded before it is sent so that a provider that dies
// mid-send can find out afterwards whether it was mined.

// A ChargeReceipt is what a provider signs for one charged request, so the
// payer can hold it to what it charged. It is EIP-712 typed data in the same
// domain as specs (no chain id: a receipt is about a function, which is not
// tied to a chain):
//
//	domain  EIP712Domain(string name,string version) = ("WebFunctions", "1")
//	message Receipt(bytes32 function,address payer,string mode,uint256 amount,uint256 cumulative,bytes32 requestId)
//
// function is keccak256 of the function CID's binary form, requestId the
// request id's bytes right-aligned. The signer is the provider.
type ChargeReceipt struct {
	Function wf.CID
	Payer    wf.Address
	// Mode is "owner" (the spec owner's allowance pays) or "caller" (the
	// caller's voucher pays).
	Mode string
	// Amount is this request's price; Cumulative is everything the provider
	// has charged Payer in Mode so far, this request included. A caller's
	// next voucher must cover Cumulative plus the next price.
	Amount, Cumulative *big.Int
	// RequestID is the request's X-Request-Id; the signed requestId is its
	// 8 bytes right-aligned in a bytes32.
	RequestID wf.RequestID
	// Version is 2 for a receipt that also binds the bodies (0 or 1: the
	// first version, which does not). Version 2 is the typed data
	//
	//	ReceiptV2(bytes32 function,address payer,string mode,uint256 amount,uint256 cumulative,bytes32 requestId,bytes32 requestBody,bytes32 responseBody)
	//
	// whose own type name keeps either version's signature from passing
	// as the other's. The Stake contract checks it on chain: a receipt for
	// a canary's request that binds a wrong answer slashes its signer.
	Version int
	// RequestBody and ResponseBody are the SHA-256 of the request body and
	// of the response body sent (version 2 only).
	RequestBody, ResponseBody wf.Hash
}

var receiptTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"Receipt": {
		{Name: "function", Type: "bytes32"},
		{Name: "payer", Type: "address"},
		{Name: "mode", Type: "string"},
		{Name: "amount", Type: "uint256"},
		{Name: "cumulative", Type: "uint256"},
		{Name: "requestId", Type: "bytes32"},
	},
	"ReceiptV2": {
		{Name: "function", Type: "bytes32"},
		{Name: "payer", Type: "address"},
		{Name: "mode", Type: "string"},
		{Name: "amount", Type: "uint256"},
		{Name: "cumulative", Type: "uint256"},
		{Name: "requestId", Type: "bytes32"},
		{Name: "requestBody", Type: "bytes32"},
		{Name: "responseBody", Type: "bytes32"},
	},
}

// ReceiptDigest is the EIP-712 digest a provider signs for r.
func ReceiptDigest(r ChargeReceipt) ([32]byte, error) {
	if !r.Function.Defined() || r.Payer.IsZero() || r.Mode == "" {
		return [32]byte{}, fmt.Errorf("%w: receipt needs a function, a payer and a mode", wf.ErrInvalid)
	}
	for _, a := range []*big.Int{r.Amount, r.Cumulative} {
		if a == nil || a.Sign() < 0 || a.BitLen() > 256 {
			return [32]byte{}, fmt.Errorf("%w: receipt amounts must be between 0 and 2^256", wf.ErrInvalid)
		}
	}
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
	switch r.Version {
	case 0, 1:
	case 2:
		primary = "ReceiptV2"
		msg["requestBody"] = hexutil.Encode(r.RequestBody[:])
		msg["responseBody"] = hexutil.Encode(r.ResponseBody[:])
	default:
		return [32]byte{}, fmt.Errorf("%w: receipt version %d, want 1 or 2", wf.ErrInvalid, r.Version)
	}
	d, err := typedDigest(receiptTypes, primary, msg)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: receipt digest: %w", err)
	}
	return d, nil
}

// SignReceipt signs r with the provider's key k.
func SignReceipt(k *Key, r ChargeReceipt) (wf.Signature, error) {
	d, err := ReceiptDigest(r)
	if err != nil {
		return wf.Signature{}, err
	}
	return k.SignDigest(d)
}

// VerifyReceipt checks that sig over r is by provider. Errors wrap
// wf.ErrInvalid.
func VerifyReceipt(r ChargeReceipt, sig wf.Signature, provider wf.Address) error {
	d, err := ReceiptDigest(r)
	if err != nil {
		return err
	}
	return signedBy(d, sig, provider, "receipt")
}

// signedBy checks that sig over the digest d is the provider's; what names
// the statement in the error, which wraps wf.ErrInvalid.
func signedBy(d [32]byte, sig wf.Signature, provider wf.Address, what string) error {
	signer, err := RecoverSigner(d, sig)
	if err != nil {
		return err
	}
	if signer != provider {
		return fmt.Errorf("%w: %s is signed by %s, not the provider %s", wf.ErrInvalid, what, signer.Checksum(), provider.Checksum())
	}
	return nil
}

// SignedTx is a signed transaction as recorded before sending it.
type SignedTx struct {
	Hash  Hash
	Nonce uint64
	Raw   []byte // the EIP-2718 encoding eth_sendRawTransaction takes
	// Signed is when it was signed; a replacement is due BumpAfter later.
	// Zero in records older than replacements: the age is unknown.
	Signed time.Time `json:",omitzero"`
}

// ErrTxSuperseded is returned by ResumeTx when another transaction of the
// same account was mined with the recorded transactions' nonce: none of
// them can ever be mined.
var ErrTxSuperseded = errors.New("chain: another transaction took the recorded transaction's nonce")

// SettleRecorded is Settle, but calls o.Record with each transaction it
// signs before sending it, and replaces the transaction with a better-paid
// one (same nonce) while it is not mined; see RecordOptions. If recording
// fails, that transaction is not sent. Whatever happens after the first
// record returned (a send error, a crash, ctx ending), ResumeTx on every
// transaction recorded finds out which, if any, was mined, and at most one
// is.
func (c *Client) SettleRecorded(ctx context.Context, payer wf.Address, count uint64, amt *big.Int, o RecordOptions) (Receipt, error) {
	if err := amount("settle amount", amt, 256); err != nil {
		return Receipt{}, err
	}
	data := c.escrow.PackSettle(common.Address(payer), count, amt)
	return c.transactRecorded(ctx, c.contracts.Escrow, data, fmt.Sprintf("settle %d requests of %s", count, payer), o)
}

// RedeemVoucherRecorded is RedeemVoucherUpTo with the recording and
// replacing of SettleRecorded.
func (c *Client) RedeemVoucherRecorded(ctx context.Context, v SignedVoucher, upTo *big.Int, o RecordOptions) (Receipt, error) {
	data, err := c.packRedeem(v, upTo)
	if err != nil {
		return Receipt{}, err
	}
	return c.transactRecorded(ctx, c.contracts.Escrow, data, "redeem voucher of "+v.Payer.String(), o)
}

// transactRecorded is transact with recording and replacing (see
// RecordOptions).
func (c *Client) transactRecorded(ctx context.Context, to wf.Address, data []byte, what string, o RecordOptions) (Receipt, error) {
	if c.key == nil {
		return Receipt{}, fmt.Errorf("chain: %s: %w", what, ErrNoKey)
	}
	if o.Record == nil {
		return Receipt{}, fmt.Errorf("%w: chain: %s: nothing to record the transaction with", wf.ErrInvalid, what)
	}
	o = o.withDefaults()
	addr := common.Address(to)
	msg, gas, f, err := c.prepare(ctx, &addr, nil, data, what)
	if err != nil {
		return Receipt{}, err
	}
	f, capped := capFees(f, o.MaxFeeCap)
	if capped {
		o.Log.Warn("fees limited to the fee cap limit; the transaction waits for the base fee to fall", "what", what, "maxFeeCap", o.MaxFeeCap.String())
	}
	var signed time.Time
	tx, err := c.nonceSeq(wf.Address(msg.From)).send(ctx, c.backend, msg.From, func(nonce uint64) (*types.Transaction, error) {
		signed = o.Now()
		tx, err := c.signTx(nonce, &addr, nil, data, gas, f)
		if err != nil {
			return nil, err
		}
		stx, err := signedTx(tx, signed)
		if err != nil {
			return nil, err
		}
		if err := o.Record(stx); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		return tx, nil
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: %s: send: %w", what, err)
	}
	p := &pendingTx{c: c, o: o, from: msg.From, msg: msg, what: what, txs: []*types.Transaction{tx}, signed: signed}
	return p.wait(ctx, false)
}

// finish waits for tx's receipt and turns a revert into its reason.
func (c *Client) finish(ctx context.Context, tx *types.Transaction, msg ethereum.CallMsg, what string) (Receipt, error) {
	r, err := c.waitMined(ctx, tx.Hash())
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: %s: tx %s: %w", what, tx.Hash().Hex(), err)
	}
	rc := Receipt{TxHash: Hash(r.TxHash), Block: r.BlockNumber.Uint64(), GasUsed: r.GasUsed}
	if r.Status != types.ReceiptStatusSuccessful {
		return rc, fmt.Errorf("chain: %s: tx %s: %w", what, tx.Hash().Hex(), c.replayRevert(ctx, msg, r.BlockNumber))
	}
	return rc, nil
}

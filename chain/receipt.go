package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

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
// function is keccak256 of the function CID's binary form. The signer is
// the provider.
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
	RequestID          [32]byte
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
	td := apitypes.TypedData{
		Types:       receiptTypes,
		PrimaryType: "Receipt",
		Domain:      apitypes.TypedDataDomain{Name: "WebFunctions", Version: "1"},
		Message: apitypes.TypedDataMessage{
			"function":   hexutil.Encode(crypto.Keccak256(r.Function.Bytes())),
			"payer":      common.Address(r.Payer).Hex(),
			"mode":       r.Mode,
			"amount":     (*math.HexOrDecimal256)(r.Amount),
			"cumulative": (*math.HexOrDecimal256)(r.Cumulative),
			"requestId":  hexutil.Encode(r.RequestID[:]),
		},
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: receipt digest: %w", err)
	}
	return [32]byte(h), nil
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
	signer, err := RecoverSigner(d, sig)
	if err != nil {
		return err
	}
	if signer != provider {
		return fmt.Errorf("%w: receipt is signed by %s, not the provider %s", wf.ErrInvalid, ChecksumAddress(signer), ChecksumAddress(provider))
	}
	return nil
}

// SignedTx is a signed transaction as recorded before sending it.
type SignedTx struct {
	Hash  Hash
	Nonce uint64
	Raw   []byte // the EIP-2718 encoding eth_sendRawTransaction takes
}

// ErrTxSuperseded is returned by ResumeTx when another transaction of the
// same account was mined with the recorded transaction's nonce: the
// recorded one can never be mined.
var ErrTxSuperseded = errors.New("chain: another transaction took the recorded transaction's nonce")

// SettleRecorded is Settle, but calls record with the signed transaction
// before sending it; if record fails nothing is sent. record may be called
// more than once (with a new nonce) when the node rejects a nonce; the last
// call is the transaction that was sent. Whatever happens after record
// returned (a send error, a crash, ctx ending), ResumeTx on the recorded
// transaction finds out whether it was mined, and it is mined at most once.
func (c *Client) SettleRecorded(ctx context.Context, payer wf.Address, count uint64, amt *big.Int, record func(SignedTx) error) (Receipt, error) {
	if err := amount("settle amount", amt, 256); err != nil {
		return Receipt{}, err
	}
	data := c.escrow.PackSettle(common.Address(payer), count, amt)
	return c.transactRecorded(ctx, c.contracts.Escrow, data, fmt.Sprintf("settle %d requests of %s", count, payer), record)
}

// RedeemVoucherRecorded is RedeemVoucher with the record hook of
// SettleRecorded.
func (c *Client) RedeemVoucherRecorded(ctx context.Context, v SignedVoucher, record func(SignedTx) error) (Receipt, error) {
	if err := v.check(); err != nil {
		return Receipt{}, err
	}
	data := c.escrow.PackRedeemVoucher(common.Address(v.Payer), v.CumulativeAmount, expiry(v.Expiry), v.Signature[:])
	return c.transactRecorded(ctx, c.contracts.Escrow, data, "redeem voucher of "+v.Payer.String(), record)
}

// transactRecorded is transact with a hook between signing and sending.
func (c *Client) transactRecorded(ctx context.Context, to wf.Address, data []byte, what string, record func(SignedTx) error) (Receipt, error) {
	if c.key == nil {
		return Receipt{}, fmt.Errorf("chain: %s: %w", what, ErrNoKey)
	}
	addr := common.Address(to)
	from := common.Address(c.key.Address())
	msg := ethereum.CallMsg{From: from, To: &addr, Data: data}
	gas, err := c.backend.EstimateGas(ctx, msg)
	if err != nil {
		return Receipt{}, callError(what, err)
	}
	gas += gas/4 + 25_000 // as sendAndWait
	fees, err := c.fees(ctx)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: %s: %w", what, err)
	}
	signer := types.LatestSignerForChainID(c.chainID)
	tx, err := c.nonceSeq(wf.Address(from)).send(ctx, c.backend, from, func(nonce uint64) (*types.Transaction, error) {
		var inner types.TxData
		if fees.legacy {
			inner = &types.LegacyTx{Nonce: nonce, GasPrice: fees.feeCap, Gas: gas, To: &addr, Data: data}
		} else {
			inner = &types.DynamicFeeTx{ChainID: c.chainID, Nonce: nonce, GasTipCap: fees.tip, GasFeeCap: fees.feeCap, Gas: gas, To: &addr, Data: data}
		}
		tx, err := types.SignNewTx(c.key.pk, signer, inner)
		if err != nil {
			return nil, err
		}
		raw, err := tx.MarshalBinary()
		if err != nil {
			return nil, err
		}
		if err := record(SignedTx{Hash: Hash(tx.Hash()), Nonce: nonce, Raw: raw}); err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		return tx, nil
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: %s: send: %w", what, err)
	}
	return c.finish(ctx, tx, msg, what)
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

// ResumeTx finds out what became of a transaction recorded by
// SettleRecorded or RedeemVoucherRecorded and sends it again if the node
// does not have it, so it is mined at most once whatever happened to the
// process that recorded it. It returns the receipt once the transaction
// is mined (with a *RevertError if it reverted), ErrTxSuperseded if it can
// never be mined, or another error (ctx ending, the node unreachable) if
// the outcome is still unknown: try again later.
func (c *Client) ResumeTx(ctx context.Context, raw []byte) (Receipt, error) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(raw); err != nil {
		return Receipt{}, fmt.Errorf("%w: chain: recorded transaction: %v", wf.ErrInvalid, err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(c.chainID), tx)
	if err != nil {
		return Receipt{}, fmt.Errorf("%w: chain: recorded transaction: %v", wf.ErrInvalid, err)
	}
	msg := ethereum.CallMsg{From: from, To: tx.To(), Data: tx.Data()}
	what := "resume " + tx.Hash().Hex()
	nonceAt, ok := c.backend.(interface {
		NonceAt(ctx context.Context, account common.Address, block *big.Int) (uint64, error)
	})
	if !ok {
		return Receipt{}, fmt.Errorf("chain: %s: the backend cannot tell an account's nonce", what)
	}
	for attempt := 0; ; attempt++ {
		if _, err := c.backend.TransactionReceipt(ctx, tx.Hash()); err == nil {
			return c.finish(ctx, tx, msg, what)
		} else if !errors.Is(err, ethereum.NotFound) {
			return Receipt{}, fmt.Errorf("chain: %s: %w", what, err)
		}
		// Not mined. If the account's mined nonce has passed it, another
		// transaction took the nonce and this one is dead.
		mined, err := nonceAt.NonceAt(ctx, from, nil)
		if err != nil {
			return Receipt{}, fmt.Errorf("chain: %s: nonce: %w", what, err)
		}
		if mined > tx.Nonce() {
			// Check the receipt once more: it may have been mined between
			// the two questions.
			if _, err := c.backend.TransactionReceipt(ctx, tx.Hash()); err == nil {
				return c.finish(ctx, tx, msg, what)
			}
			return Receipt{}, fmt.Errorf("chain: %s (nonce %d): %w", what, tx.Nonce(), ErrTxSuperseded)
		}
		err = c.backend.SendTransaction(ctx, tx)
		if err == nil || isAlreadyKnown(err) {
			return c.finish(ctx, tx, msg, what)
		}
		if !isNonceError(err) || attempt == 2 {
			return Receipt{}, fmt.Errorf("chain: %s: send: %w", what, err)
		}
	}
}

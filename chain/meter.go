package chain

import (
	"context"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// A MeterCount is a payer's metering key stating that Provider served
// Count of Payer's owner-paid requests in all. When the payer's allowance
// names a metering key (Limits.Meter), the escrow pays the provider only
// with SettleMetered, for at most Count requests in all under that key.
//
// It is signed as EIP-712 typed data in the escrow's domain, as vouchers
// are (the escrow checks it, so it binds the chain and the contract):
//
//	domain   EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)
//	         = ("WebFunctions Escrow", "1", chain id, escrow address)
//	message  MeterCount(address payer,address provider,uint256 count)
type MeterCount struct {
	Payer    wf.Address
	Provider wf.Address
	Count    uint64
}

// SignedMeterCount is a MeterCount with the metering key's signature.
type SignedMeterCount struct {
	MeterCount
	Signature wf.Signature
}

var meterTypes = apitypes.Types{
	"EIP712Domain": voucherTypes["EIP712Domain"],
	"MeterCount": {
		{Name: "payer", Type: "address"},
		{Name: "provider", Type: "address"},
		{Name: "count", Type: "uint256"},
	},
}

// MeterDigest is the EIP-712 digest a metering key signs for m, for the
// escrow at escrow on chain chainID.
func MeterDigest(chainID *big.Int, escrow wf.Address, m MeterCount) ([32]byte, error) {
	if m.Payer.IsZero() || m.Provider.IsZero() {
		return [32]byte{}, fmt.Errorf("%w: a meter count needs a payer and a provider", wf.ErrInvalid)
	}
	td := apitypes.TypedData{
		Types:       meterTypes,
		PrimaryType: "MeterCount",
		Domain: apitypes.TypedDataDomain{
			Name:              "WebFunctions Escrow",
			Version:           "1",
			ChainId:           (*math.HexOrDecimal256)(chainID),
			VerifyingContract: common.Address(escrow).Hex(),
		},
		Message: apitypes.TypedDataMessage{
			"payer":    common.Address(m.Payer).Hex(),
			"provider": common.Address(m.Provider).Hex(),
			"count":    (*math.HexOrDecimal256)(new(big.Int).SetUint64(m.Count)),
		},
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: meter digest: %w", err)
	}
	return [32]byte(h), nil
}

// SignMeterCount signs m with the metering key k.
func SignMeterCount(k *Key, chainID *big.Int, escrow wf.Address, m MeterCount) (SignedMeterCount, error) {
	d, err := MeterDigest(chainID, escrow, m)
	if err != nil {
		return SignedMeterCount{}, err
	}
	sig, err := k.SignDigest(d)
	if err != nil {
		return SignedMeterCount{}, err
	}
	return SignedMeterCount{MeterCount: m, Signature: sig}, nil
}

// MeterSigner returns the address that signed sm for the escrow at escrow
// on chain chainID. Errors wrap wf.ErrInvalid.
func MeterSigner(chainID *big.Int, escrow wf.Address, sm SignedMeterCount) (wf.Address, error) {
	d, err := MeterDigest(chainID, escrow, sm.MeterCount)
	if err != nil {
		return wf.Address{}, err
	}
	return RecoverSigner(d, sm.Signature)
}

// SettleMetered takes amt from payer's escrow for count requests the
// client's account served, backed by sm: the payer's metering key's
// signed cumulative count. The escrow refuses (wf.ErrPaymentRequired) if
// the requests settled under that key, count included, would exceed
// sm.Count, and everything Settle refuses.
func (c *Client) SettleMetered(ctx context.Context, payer wf.Address, count uint64, amt *big.Int, sm SignedMeterCount) (Receipt, error) {
	return c.SettleMeteredRecorded(ctx, payer, count, amt, sm, RecordOptions{})
}

// SettleMeteredRecorded is SettleMetered with the recording and replacing
// of SettleRecorded; with zero RecordOptions it is a plain transaction.
func (c *Client) SettleMeteredRecorded(ctx context.Context, payer wf.Address, count uint64, amt *big.Int, sm SignedMeterCount, o RecordOptions) (Receipt, error) {
	if err := amount("settle amount", amt, 256); err != nil {
		return Receipt{}, err
	}
	data := c.escrow.PackSettleMetered(common.Address(payer), count, amt, new(big.Int).SetUint64(sm.Count), sm.Signature[:])
	what := fmt.Sprintf("settle %d metered requests of %s", count, payer)
	if o.Record == nil {
		return c.transact(ctx, c.contracts.Escrow, data, what)
	}
	return c.transactRecorded(ctx, c.contracts.Escrow, data, what, o)
}

// Metered is how many of payer's requests provider settled with
// SettleMetered under metering key meter, in all.
func (c *Client) Metered(ctx context.Context, payer, provider, meter wf.Address) (uint64, error) {
	out, err := c.call(ctx, c.contracts.Escrow, c.escrow.PackMetered(common.Address(payer), common.Address(provider), common.Address(meter)), "metered count")
	if err != nil {
		return 0, err
	}
	n, err := c.escrow.UnpackMetered(out)
	if err != nil {
		return 0, fmt.Errorf("chain: metered count: %w", err)
	}
	if !n.IsUint64() {
		return 0, fmt.Errorf("chain: metered count %s out of range", n)
	}
	return n.Uint64(), nil
}

// SignMeterCount signs m with the client's key for this client's escrow.
func (c *Client) SignMeterCount(m MeterCount) (SignedMeterCount, error) {
	if c.key == nil {
		return SignedMeterCount{}, fmt.Errorf("chain: sign meter count: %w", ErrNoKey)
	}
	return SignMeterCount(c.key, c.chainID, c.contracts.Escrow, m)
}

// MeterHeader carries a metering count from the owner's gateway to the
// provider on an owner-paid request: "<count>.<0x signature>", for the
// request's function owner and the provider it is sent to.
const MeterHeader = "X-WF-Meter"

// EncodeMeterHeader is sm as MeterHeader carries it.
func EncodeMeterHeader(sm SignedMeterCount) string {
	return strconv.FormatUint(sm.Count, 10) + "." + hexutil.Encode(sm.Signature[:])
}

// DecodeMeterHeader parses a MeterHeader value as a count of payer's
// requests to provider (the signature is not checked: MeterSigner).
func DecodeMeterHeader(v string, payer, provider wf.Address) (SignedMeterCount, error) {
	n, sig, ok := strings.Cut(v, ".")
	count, err := strconv.ParseUint(n, 10, 64)
	if !ok || err != nil || count == 0 {
		return SignedMeterCount{}, fmt.Errorf("%w: %s must be <count>.<signature>", wf.ErrInvalid, MeterHeader)
	}
	b, err := hexutil.Decode(sig)
	if err != nil || len(b) != len(wf.Signature{}) {
		return SignedMeterCount{}, fmt.Errorf("%w: %s signature must be 65 bytes of hex", wf.ErrInvalid, MeterHeader)
	}
	return SignedMeterCount{MeterCount: MeterCount{Payer: payer, Provider: provider, Count: count}, Signature: wf.Signature(b)}, nil
}

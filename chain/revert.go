package chain

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// ErrReverted matches every contract revert, decoded or not.
var ErrReverted = errors.New("execution reverted")

// RevertError is a contract call or transaction that reverted. errors.Is
// matches ErrReverted and, for the custom errors below, a wf sentinel:
//
//	wf.ErrNotFound         UnknownProvider
//	wf.ErrForbidden        NotProviderOwner
//	wf.ErrInvalid          InvalidName, InvalidField, NameTaken, WrongBond, NotReclaimable, NoRefund, ZeroAmount, ZeroAddress,
//	                       NoWithdrawalRequested, WithdrawalNotReady
//	wf.ErrPaymentRequired  NotApproved, PriceCapExceeded, BudgetExceeded, InsufficientBalance,
//	                       VoucherExpired, InvalidVoucherSignature, VoucherAlreadyRedeemed, VoucherCeilingExceeded,
//	                       ERC20InsufficientBalance, ERC20InsufficientAllowance, PeriodCapExceeded,
//	                       MeterRequired, NotMetered, InvalidMeterSignature, MeterCountExceeded
//	wf.ErrInvalid          InvalidPeriod (too)
type RevertError struct {
	// Name is the Solidity custom error, "Error" for require(..., "reason"),
	// "Panic" for a failed assert or arithmetic, "" when undecodable.
	Name string
	// Args are the error's arguments, in order, as go-ethereum decodes them
	// (common.Address, *big.Int, string, ...).
	Args []any
	// Data is the raw revert data.
	Data []byte

	msg  string // decoded, human-readable form
	kind error  // wf sentinel or nil
}

func (e *RevertError) Error() string { return "execution reverted: " + e.msg }

// Is matches ErrReverted and the wf sentinel for e.Name, if any.
func (e *RevertError) Is(target error) bool {
	return target == ErrReverted || (e.kind != nil && target == e.kind)
}

var revertKinds = map[string]error{
	"UnknownProvider":            wf.ErrNotFound,
	"NotProviderOwner":           wf.ErrForbidden,
	"InvalidName":                wf.ErrInvalid,
	"InvalidField":               wf.ErrInvalid,
	"NameTaken":                  wf.ErrInvalid,
	"WrongBond":                  wf.ErrInvalid,
	"NotReclaimable":             wf.ErrInvalid,
	"NoRefund":                   wf.ErrInvalid,
	"ZeroAmount":                 wf.ErrInvalid,
	"ZeroAddress":                wf.ErrInvalid,
	"NoWithdrawalRequested":      wf.ErrInvalid,
	"WithdrawalNotReady":         wf.ErrInvalid,
	"NotApproved":                wf.ErrPaymentRequired,
	"PriceCapExceeded":           wf.ErrPaymentRequired,
	"BudgetExceeded":             wf.ErrPaymentRequired,
	"InsufficientBalance":        wf.ErrPaymentRequired,
	"VoucherExpired":             wf.ErrPaymentRequired,
	"InvalidVoucherSignature":    wf.ErrPaymentRequired,
	"VoucherAlreadyRedeemed":     wf.ErrPaymentRequired,
	"VoucherCeilingExceeded":     wf.ErrPaymentRequired,
	"ERC20InsufficientBalance":   wf.ErrPaymentRequired,
	"ERC20InsufficientAllowance": wf.ErrPaymentRequired,
	"PeriodCapExceeded":          wf.ErrPaymentRequired,
	"MeterRequired":              wf.ErrPaymentRequired,
	"NotMetered":                 wf.ErrPaymentRequired,
	"InvalidMeterSignature":      wf.ErrPaymentRequired,
	"MeterCountExceeded":         wf.ErrPaymentRequired,
	"InvalidPeriod":              wf.ErrInvalid,
	// Attestations (chain/attest.go)
	"InvalidScore":       wf.ErrInvalid,
	"InvalidExpiry":      wf.ErrInvalid,
	"UnknownAttestation": wf.ErrNotFound,
	"AlreadyRevoked":     wf.ErrInvalid,
	"InvalidSignature":   wf.ErrForbidden,
	"BadNonce":           wf.ErrForbidden,
	// RewardsPool, Stake, Credits (chain/rewards.go, stake.go, credits.go)
	"EpochNotOver":          wf.ErrInvalid,
	"EpochAlreadyPublished": wf.ErrInvalid,
	"UnknownEpoch":          wf.ErrNotFound,
	"InvalidSigner":         wf.ErrForbidden,
	"NotEnoughSignatures":   wf.ErrForbidden,
	"AlreadyClaimed":        wf.ErrInvalid,
	"InvalidProof":          wf.ErrForbidden,
	"FeesOverstated":        wf.ErrForbidden,
	"RewardAboveFeeCap":     wf.ErrForbidden,
	"NotGovernor":           wf.ErrForbidden,
	"UnbondNotReady":        wf.ErrInvalid,
	"AnswerCorrect":         wf.ErrInvalid,
	"EvidenceUsed":          wf.ErrInvalid,
	"NotCanary":             wf.ErrInvalid,
	"InsufficientCredits":   wf.ErrInvalid,
}

// knownErrors maps 4-byte selectors to the custom errors of all our contracts.
var knownErrors = func() map[[4]byte]abi.Error {
	m := make(map[[4]byte]abi.Error)
	for _, md := range []*bind.MetaData{&bindings.RegistryMetaData, &bindings.EscrowMetaData, &bindings.MockUSDCMetaData, &bindings.AttestationsMetaData, &bindings.RewardsPoolMetaData, &bindings.StakeMetaData, &bindings.CreditsMetaData} {
		a, err := md.ParseABI()
		if err != nil {
			panic("chain: bad generated ABI: " + err.Error())
		}
		for _, e := range a.Errors {
			m[[4]byte(e.ID[:4])] = e
		}
	}
	return m
}()

// decodeRevert turns revert data into a *RevertError.
func decodeRevert(data []byte) *RevertError {
	re := &RevertError{Data: data}
	if len(data) < 4 {
		re.msg = "no reason given"
		return re
	}
	if e, ok := knownErrors[[4]byte(data[:4])]; ok {
		vals, err := e.Inputs.Unpack(data[4:])
		if err == nil {
			re.Name, re.Args, re.kind = e.Name, vals, revertKinds[e.Name]
			var b strings.Builder
			b.WriteString(e.Name)
			b.WriteByte('(')
			for i, v := range vals {
				if i > 0 {
					b.WriteString(", ")
				}
				if n := e.Inputs[i].Name; n != "" {
					b.WriteString(n)
					b.WriteString(": ")
				}
				b.WriteString(formatArg(v))
			}
			b.WriteByte(')')
			re.msg = b.String()
			return re
		}
	}
	if reason, err := abi.UnpackRevert(data); err == nil {
		re.Name = "Error"
		if bytes.Equal(data[:4], []byte{0x4e, 0x48, 0x7b, 0x71}) {
			re.Name = "Panic"
		}
		re.Args, re.msg = []any{reason}, reason
		return re
	}
	re.msg = "unknown error 0x" + hex.EncodeToString(data)
	return re
}

func formatArg(v any) string {
	switch v := v.(type) {
	case common.Address:
		return v.Hex()
	case string:
		return fmt.Sprintf("%q", v)
	case *big.Int:
		return v.String()
	case [32]byte:
		return hexutil.Encode(v[:])
	case []byte:
		return hexutil.Encode(v)
	}
	return fmt.Sprint(v)
}

// asRevert extracts a revert from an RPC error (eth_call, eth_estimateGas),
// returning nil if err is not one.
func asRevert(err error) *RevertError {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil
	}
	data, derr := hexutil.Decode(s)
	if derr != nil {
		return nil
	}
	return decodeRevert(data)
}

// callError wraps err from a call or estimate, decoding a revert if there is one.
func callError(what string, err error) error {
	if re := asRevert(err); re != nil {
		return fmt.Errorf("chain: %s: %w", what, re)
	}
	return fmt.Errorf("chain: %s: %w", what, err)
}

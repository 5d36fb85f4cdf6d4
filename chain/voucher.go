package chain

import (
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// A Voucher is a caller's promise to pay a provider, redeemable from the
// caller's escrow account. Amounts are cumulative: CumulativeAmount is a
// ceiling on everything the provider may have redeemed from the payer in
// all, the provider redeems up to what it served (RedeemVoucherUpTo), and
// the escrow pays the difference to what it already paid, so nothing is
// paid twice and the headroom above what was served stays the payer's.
//
// Session is the Ed25519 public key that signs each request the voucher
// pays for (package payment/voucher); the provider checks those
// signatures, the escrow only hashes the key.
//
// It is signed as EIP-712 typed data:
//
//	domain   EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)
//	         = ("WebFunctions Escrow", "1", chain id, escrow address)
//	message  Voucher(address payer,address provider,uint256 cumulativeAmount,uint256 expiry,bytes32 session)
type Voucher struct {
	Payer            wf.Address
	Provider         wf.Address
	CumulativeAmount *big.Int  // token base units
	Expiry           time.Time // not redeemable after this second
	Session          [32]byte  // Ed25519 public key; zero: a voucher no provider accepts per request
}

// SignedVoucher is a Voucher with the payer's signature (v is 27 or 28).
type SignedVoucher struct {
	Voucher
	Signature wf.Signature
}

var voucherTypes = apitypes.Types{
	"EIP712Domain": {
		{Name: "name", Type: "string"},
		{Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
	},
	"Voucher": {
		{Name: "payer", Type: "address"},
		{Name: "provider", Type: "address"},
		{Name: "cumulativeAmount", Type: "uint256"},
		{Name: "expiry", Type: "uint256"},
		{Name: "session", Type: "bytes32"},
	},
}

func (v Voucher) check() error {
	if v.Payer.IsZero() || v.Provider.IsZero() {
		return fmt.Errorf("%w: voucher needs a payer and a provider", wf.ErrInvalid)
	}
	if v.CumulativeAmount == nil || v.CumulativeAmount.Sign() <= 0 || v.CumulativeAmount.BitLen() > 256 {
		return fmt.Errorf("%w: voucher amount must be positive", wf.ErrInvalid)
	}
	if v.Expiry.Unix() <= 0 {
		return fmt.Errorf("%w: voucher needs an expiry", wf.ErrInvalid)
	}
	return nil
}

func expiry(t time.Time) *big.Int { return big.NewInt(t.Unix()) }

// VoucherDigest is the EIP-712 digest of v for the escrow contract at escrow
// on chain chainID; the payer signs it.
func VoucherDigest(chainID *big.Int, escrow wf.Address, v Voucher) ([32]byte, error) {
	if err := v.check(); err != nil {
		return [32]byte{}, err
	}
	td := apitypes.TypedData{
		Types:       voucherTypes,
		PrimaryType: "Voucher",
		Domain: apitypes.TypedDataDomain{
			Name:              "WebFunctions Escrow",
			Version:           "1",
			ChainId:           (*math.HexOrDecimal256)(chainID),
			VerifyingContract: common.Address(escrow).Hex(),
		},
		Message: apitypes.TypedDataMessage{
			"payer":            common.Address(v.Payer).Hex(),
			"provider":         common.Address(v.Provider).Hex(),
			"cumulativeAmount": (*math.HexOrDecimal256)(v.CumulativeAmount),
			"expiry":           (*math.HexOrDecimal256)(expiry(v.Expiry)),
			"session":          v.Session[:],
		},
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: voucher digest: %w", err)
	}
	return [32]byte(h), nil
}

// SignVoucher signs v with k for the escrow at escrow on chain chainID. It
// sets v.Payer to k's address.
func SignVoucher(k *Key, chainID *big.Int, escrow wf.Address, v Voucher) (SignedVoucher, error) {
	v.Payer = k.Address()
	d, err := VoucherDigest(chainID, escrow, v)
	if err != nil {
		return SignedVoucher{}, err
	}
	sig, err := k.SignDigest(d)
	if err != nil {
		return SignedVoucher{}, err
	}
	return SignedVoucher{Voucher: v, Signature: sig}, nil
}

// VerifyVoucher checks off-chain that sv is signed by its payer for the
// escrow at escrow on chain chainID. It does not check expiry, amounts
// already redeemed or the payer's balance. Errors wrap wf.ErrInvalid.
func VerifyVoucher(chainID *big.Int, escrow wf.Address, sv SignedVoucher) error {
	d, err := VoucherDigest(chainID, escrow, sv.Voucher)
	if err != nil {
		return err
	}
	signer, err := RecoverSigner(d, sv.Signature)
	if err != nil {
		return err
	}
	if signer != sv.Payer {
		return fmt.Errorf("%w: voucher is signed by %s, not the payer %s", wf.ErrInvalid, signer.Checksum(), sv.Payer.Checksum())
	}
	return nil
}

// SignVoucher signs v as the client's account for this client's escrow.
func (c *Client) SignVoucher(v Voucher) (SignedVoucher, error) {
	if c.key == nil {
		return SignedVoucher{}, fmt.Errorf("chain: sign voucher: %w", ErrNoKey)
	}
	return SignVoucher(c.key, c.chainID, c.contracts.Escrow, v)
}

// VerifyVoucher checks sv against this client's chain and escrow; see the
// function VerifyVoucher.
func (c *Client) VerifyVoucher(sv SignedVoucher) error {
	return VerifyVoucher(c.chainID, c.contracts.Escrow, sv)
}

// walletVoucherDigest is VoucherDigest of the wf.Voucher a Signer signs.
func walletVoucherDigest(m wf.Voucher) ([32]byte, error) {
	if m.ChainID == 0 {
		return [32]byte{}, fmt.Errorf("%w: voucher needs a chain id", wf.ErrInvalid)
	}
	return VoucherDigest(new(big.Int).SetUint64(m.ChainID), m.Escrow, FromMessage(m))
}

// FromMessage is the Voucher that m states (without its domain).
func FromMessage(m wf.Voucher) Voucher {
	return Voucher{Payer: m.Payer, Provider: m.Provider, CumulativeAmount: m.Cumulative.Big(), Expiry: time.Unix(m.Expiry, 0), Session: m.Session}
}

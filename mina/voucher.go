package mina

import (
	"math/big"
)

// Vouchers and settlements of the PaymentChannel zkApp (zkapp/src/channel.js).
// The zkApp checks them with o1js's Signature.verify, which always uses the
// testnet prefix; the network is named inside the signed fields instead, so a
// voucher for a testnet channel never pays on mainnet and the other way round.

// Tags are the little-endian integers of ASCII strings, as tag() in channel.js.
var (
	VoucherTag = asciiTag("wf-mina-voucher-v1")
	SettleTag  = asciiTag("wf-mina-settle-v1")
)

func asciiTag(s string) *big.Int {
	b := make([]byte, len(s))
	for i := range len(s) {
		b[len(s)-1-i] = s[i]
	}
	return new(big.Int).SetBytes(b)
}

func networkField(n Network) *big.Int { return big.NewInt(int64(n.id())) }

func boolField(b bool) *big.Int {
	if b {
		return big.NewInt(1)
	}
	return big.NewInt(0)
}

// VoucherFields are the fields a payer signs so that the channel pays up to
// cumulative nanomina in all: [tag, network, channel.x, channel.isOdd, cumulative].
func VoucherFields(n Network, channel *PublicKey, cumulative uint64) []*big.Int {
	return []*big.Int{VoucherTag, networkField(n), channel.X(), boolField(channel.odd), new(big.Int).SetUint64(cumulative)}
}

// SettleFields are the fields a provider signs to settle an owner-pays
// channel up to amount nanomina over count requests, both cumulative.
func SettleFields(n Network, channel *PublicKey, amount, count uint64) []*big.Int {
	return []*big.Int{SettleTag, networkField(n), channel.X(), boolField(channel.odd),
		new(big.Int).SetUint64(amount), new(big.Int).SetUint64(count)}
}

// SignVoucher signs a cumulative voucher as o1js's Signature.create does.
func SignVoucher(payer *PrivateKey, n Network, channel *PublicKey, cumulative uint64) (Signature, error) {
	return Sign(payer, VoucherFields(n, channel, cumulative), Testnet)
}

// VerifyVoucher reports whether sig is payer's voucher for channel on network n.
func VerifyVoucher(payer *PublicKey, n Network, channel *PublicKey, cumulative uint64, sig Signature) bool {
	return Verify(payer, VoucherFields(n, channel, cumulative), sig, Testnet)
}

// SignSettle signs a settlement as the provider.
func SignSettle(provider *PrivateKey, n Network, channel *PublicKey, amount, count uint64) (Signature, error) {
	return Sign(provider, SettleFields(n, channel, amount, count), Testnet)
}

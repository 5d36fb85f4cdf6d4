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

// Voucher is what a payer signs for a channel, as the zkApp's voucherFields:
// the channel may pay up to Cumulative nanomina in all, for requests signed
// by the Ed25519 key Session until Expiry (unix seconds). The zkApp checks
// the signature and the ceiling; the session and expiry are the provider's
// to check, as with the EVM escrow's vouchers.
type Voucher struct {
	Network    Network
	Channel    *PublicKey
	Cumulative uint64
	Session    [32]byte
	Expiry     uint64
}

// Fields are [tag, network, channel.x, channel.isOdd, cumulative,
// session[:16], session[16:], expiry], the halves big-endian.
func (v *Voucher) Fields() []*big.Int {
	return []*big.Int{VoucherTag, networkField(v.Network), v.Channel.X(), boolField(v.Channel.odd),
		new(big.Int).SetUint64(v.Cumulative),
		new(big.Int).SetBytes(v.Session[:16]), new(big.Int).SetBytes(v.Session[16:]),
		new(big.Int).SetUint64(v.Expiry)}
}

// Sign signs the voucher as o1js's Signature.create does.
func (v *Voucher) Sign(payer *PrivateKey) (Signature, error) {
	return Sign(payer, v.Fields(), Testnet)
}

// Verify reports whether sig is payer's signature of v.
func (v *Voucher) Verify(payer *PublicKey, sig Signature) bool {
	if v.Channel == nil {
		return false
	}
	return Verify(payer, v.Fields(), sig, Testnet)
}

// PartiesHash is the channel's parties state: Poseidon(payer.x,
// payer.isOdd, provider.x, provider.isOdd), as partiesHash in channel.js.
func PartiesHash(payer, provider *PublicKey) *big.Int {
	in := []fe{payer.x, boolFe(payer.odd), provider.x, boolFe(provider.odd)}
	h := poseidonHash(in)
	return fp.toBig(&h)
}

func boolFe(b bool) fe {
	if b {
		return fp.one
	}
	return fe{}
}

// SettleFields are the fields a provider signs to settle an owner-pays
// channel up to amount nanomina over count requests, both cumulative.
func SettleFields(n Network, channel *PublicKey, amount, count uint64) []*big.Int {
	return []*big.Int{SettleTag, networkField(n), channel.X(), boolField(channel.odd),
		new(big.Int).SetUint64(amount), new(big.Int).SetUint64(count)}
}

// SignSettle signs a settlement as the provider.
func SignSettle(provider *PrivateKey, n Network, channel *PublicKey, amount, count uint64) (Signature, error) {
	return Sign(provider, SettleFields(n, channel, amount, count), Testnet)
}

// Package mina implements the parts of Mina's cryptography a provider needs
// to take payments in MINA: the Pallas fields and curve, Kimchi Poseidon,
// Mina Schnorr signatures over field elements (what mina-signer's signFields
// and o1js's Signature produce) and base58check keys and signatures.
//
// It uses only the standard library and golang.org/x/crypto, and is checked
// against golden vectors from the pinned mina-signer (testdata/vectors.json,
// made by zkapp/gen-vectors.mjs). Legacy (string and payment) signatures are
// not implemented.
package mina

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"

	"golang.org/x/crypto/blake2b"
)

// Network selects the signature prefix (and the nonce's network byte).
type Network int

const (
	// Testnet is Mina's devnet/testnet prefix "CodaSignature". o1js's
	// Signature.verify, which the zkApp uses, always checks this one.
	Testnet Network = iota
	// Mainnet is the prefix "MinaSignatureMainnet".
	Mainnet
)

func (n Network) String() string {
	switch n {
	case Mainnet:
		return "mainnet"
	case Testnet:
		return "testnet"
	}
	return fmt.Sprintf("Network(%d)", int(n))
}

// ParseNetwork accepts "mainnet", "testnet" and "devnet" (an alias of testnet).
func ParseNetwork(s string) (Network, error) {
	switch s {
	case "mainnet":
		return Mainnet, nil
	case "testnet", "devnet":
		return Testnet, nil
	}
	return 0, fmt.Errorf("mina: unknown network %q (want mainnet or testnet)", s)
}

func (n Network) prefix() string {
	if n == Mainnet {
		return "MinaSignatureMainnet"
	}
	return "CodaSignature*******"
}

func (n Network) id() byte {
	if n == Mainnet {
		return 1
	}
	return 0
}

// The salted sponge states of the two prefixes, computed once (in
// poseidon.go's init, after the round constants).
var saltMainnet, saltTestnet sponge

func (n Network) salt() sponge {
	if n == Mainnet {
		return saltMainnet
	}
	return saltTestnet
}

// PrivateKey is a Pallas scalar.
type PrivateKey struct{ d fe } // plain (canonical) limbs

// PublicKey is a non-zero Pallas point, shown compressed as (x, isOdd).
type PublicKey struct {
	pt  point // affine, z = 1
	x   fe    // Montgomery form
	odd bool
}

// Signature is (r, s): r in Fp, s in Fq.
type Signature struct{ r, s fe } // plain limbs

// GenerateKey returns a random private key (crypto/rand when r is nil).
func GenerateKey(r io.Reader) (*PrivateKey, error) {
	if r == nil {
		r = rand.Reader
	}
	for {
		var b [32]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, err
		}
		b[31] &= 0x3f
		d, ok := fq.fromBytesLE(b[:])
		if ok && !isZero(&d) {
			return &PrivateKey{d: fq.plain(&d)}, nil
		}
	}
}

// NewPrivateKey returns the key with scalar 0 < d < q.
func NewPrivateKey(d *big.Int) (*PrivateKey, error) {
	if d.Sign() <= 0 || d.Cmp(&fq.big) >= 0 {
		return nil, errors.New("mina: private key out of range")
	}
	return &PrivateKey{d: limbs(d)}, nil
}

// ParsePrivateKey reads an EK... base58 private key.
func ParsePrivateKey(s string) (*PrivateKey, error) {
	b, err := base58CheckDecode(s, versionPrivateKey)
	if err != nil {
		return nil, err
	}
	if len(b) != 33 || b[0] != 1 {
		return nil, errors.New("mina: malformed private key")
	}
	d, ok := fq.fromBytesLE(b[1:])
	if !ok || isZero(&d) {
		return nil, errors.New("mina: private key out of range")
	}
	return &PrivateKey{d: fq.plain(&d)}, nil
}

// Base58 encodes the key as EK....
func (k *PrivateKey) Base58() string {
	var d fe
	fq.toMont(&d, &k.d)
	b := fq.bytesLE(&d)
	return base58CheckEncode(versionPrivateKey, append([]byte{1}, b[:]...))
}

// PublicKey derives the public key d*G.
func (k *PrivateKey) PublicKey() *PublicKey {
	var p point
	p.scalarMul(&generator, &k.d)
	x, y, _ := p.affine() // d != 0 mod q, so not infinity
	return &PublicKey{pt: point{x, y, fp.one}, x: x, odd: fp.isOdd(&y)}
}

// NewPublicKey returns the point with x coordinate x and y of the given parity.
func NewPublicKey(x *big.Int, isOdd bool) (*PublicKey, error) {
	xm, ok := fp.fromBig(x)
	if !ok {
		return nil, errors.New("mina: public key x out of range")
	}
	pt, ok := decompress(&xm, isOdd)
	if !ok {
		return nil, errors.New("mina: public key is not on the curve")
	}
	return &PublicKey{pt: pt, x: xm, odd: isOdd}, nil
}

// ParsePublicKey reads a B62... base58 public key.
func ParsePublicKey(s string) (*PublicKey, error) {
	b, err := base58CheckDecode(s, versionPublicKey)
	if err != nil {
		return nil, err
	}
	if len(b) != 35 || b[0] != 1 || b[1] != 1 || b[34] > 1 {
		return nil, errors.New("mina: malformed public key")
	}
	x, ok := fp.fromBytesLE(b[2:34])
	if !ok {
		return nil, errors.New("mina: public key x out of range")
	}
	pt, ok := decompress(&x, b[34] == 1)
	if !ok {
		return nil, errors.New("mina: public key is not on the curve")
	}
	return &PublicKey{pt: pt, x: x, odd: b[34] == 1}, nil
}

// Base58 encodes the key as B62....
func (p *PublicKey) Base58() string {
	x := fp.bytesLE(&p.x)
	b := append([]byte{1, 1}, x[:]...)
	odd := byte(0)
	if p.odd {
		odd = 1
	}
	return base58CheckEncode(versionPublicKey, append(b, odd))
}

func (p *PublicKey) String() string { return p.Base58() }

// X is the x coordinate; with IsOdd it is o1js's PublicKey.toFields().
func (p *PublicKey) X() *big.Int { return fp.toBig(&p.x) }

// IsOdd is the parity of the y coordinate.
func (p *PublicKey) IsOdd() bool { return p.odd }

// Equal reports whether both are the same key.
func (p *PublicKey) Equal(q *PublicKey) bool { return p.x == q.x && p.odd == q.odd }

// ParseSignature reads a base58 signature (as mina-signer's signFields returns it).
func ParseSignature(s string) (Signature, error) {
	b, err := base58CheckDecode(s, versionSignature)
	if err != nil {
		return Signature{}, err
	}
	if len(b) != 65 || b[0] != 1 {
		return Signature{}, errors.New("mina: malformed signature")
	}
	r, ok1 := fp.fromBytesLE(b[1:33])
	sc, ok2 := fq.fromBytesLE(b[33:65])
	if !ok1 || !ok2 {
		return Signature{}, errors.New("mina: signature out of range")
	}
	return Signature{r: fp.plain(&r), s: fq.plain(&sc)}, nil
}

// NewSignature returns the signature (r, s), checking r < p and s < q.
func NewSignature(r, s *big.Int) (Signature, error) {
	if r.Sign() < 0 || r.Cmp(&fp.big) >= 0 || s.Sign() < 0 || s.Cmp(&fq.big) >= 0 {
		return Signature{}, errors.New("mina: signature out of range")
	}
	return Signature{r: limbs(r), s: limbs(s)}, nil
}

// R and S are the signature's two numbers (o1js's Signature fields).
func (s Signature) R() *big.Int { return s.r.bigInt() }
func (s Signature) S() *big.Int { return s.s.bigInt() }

// Base58 encodes the signature as mina-signer does (7mX...).
func (s Signature) Base58() string {
	b := make([]byte, 1, 65)
	b[0] = 1
	for _, v := range []fe{s.r, s.s} {
		for i := range 4 {
			for j := range 8 {
				b = append(b, byte(v[i]>>(8*j)))
			}
		}
	}
	return base58CheckEncode(versionSignature, b)
}

// Fields converts message numbers to field elements; each must be in [0, p).
func fields(msg []*big.Int) ([]fe, error) {
	out := make([]fe, len(msg))
	for i, v := range msg {
		x, ok := fp.fromBig(v)
		if !ok {
			return nil, fmt.Errorf("mina: message field %d is not a field element", i)
		}
		out[i] = x
	}
	return out, nil
}

// Sign signs the field elements msg like mina-signer's sign({fields: msg}):
// deterministic nonce (blake2b), Kimchi Poseidon challenge.
func Sign(k *PrivateKey, msg []*big.Int, n Network) (Signature, error) {
	m, err := fields(msg)
	if err != nil {
		return Signature{}, err
	}
	pk := k.PublicKey()
	kp := deriveNonce(m, pk, k, n)
	if isZero(&kp) {
		return Signature{}, errors.New("mina: derived nonce is 0")
	}
	var rp point
	rp.scalarMul(&generator, &kp)
	rx, ry, _ := rp.affine()
	var km fe
	fq.toMont(&km, &kp)
	if fp.isOdd(&ry) {
		fq.neg(&km, &km)
	}
	e := challenge(m, pk, &rx, n) // plain, < p < q
	var em, dm, s fe
	fq.toMont(&em, &e)
	fq.toMont(&dm, &k.d)
	fq.mul(&s, &em, &dm)
	fq.add(&s, &s, &km)
	return Signature{r: fp.plain(&rx), s: fq.plain(&s)}, nil
}

// Verify reports whether sig signs msg for pk on network n. It never panics;
// a message element outside the field does not verify.
func Verify(pk *PublicKey, msg []*big.Int, sig Signature, n Network) bool {
	m, err := fields(msg)
	if err != nil {
		return false
	}
	return verify(pk, m, sig, n)
}

func verify(pk *PublicKey, m []fe, sig Signature, n Network) bool {
	if pk == nil || !less(&sig.r, &fp.p) || !less(&sig.s, &fq.p) {
		return false
	}
	var r fe
	fp.toMont(&r, &sig.r)
	e := challenge(m, pk, &r, n)
	var negPk point
	negPk.neg(&pk.pt)
	R := doubleScalarMul(&sig.s, &generator, &e, &negPk)
	rx, ry, ok := R.affine()
	return ok && !fp.isOdd(&ry) && rx == r
}

// challenge is Poseidon(prefix; msg, pk.x, pk.y, r) as a plain scalar.
func challenge(m []fe, pk *PublicKey, r *fe, n Network) fe {
	in := make([]fe, 0, len(m)+3)
	in = append(in, m...)
	in = append(in, pk.pt.x, pk.pt.y, *r)
	s := n.salt()
	s.absorb(in)
	return fp.plain(&s[0])
}

// deriveNonce is blake2b-256 over the bits of (msg, pk.x, pk.y, d mod p,
// network id), top two bits dropped; returns plain limbs.
func deriveNonce(m []fe, pk *PublicKey, k *PrivateKey, n Network) fe {
	var d fe
	db := k.d.bigInt()
	db.Mod(db, &fp.big)
	d, _ = fp.fromBig(db)
	var id fe
	fp.toMont(&id, &fe{uint64(n.id())})
	all := append(append([]fe{}, m...), pk.pt.x, pk.pt.y, d, id)
	// each element contributes 255 bits, little-endian, packed LSB first
	out := make([]byte, (255*len(all)+7)/8)
	bit := 0
	for i := range all {
		v := fp.plain(&all[i])
		for j := range 255 {
			if v[j/64]>>(j%64)&1 == 1 {
				out[bit/8] |= 1 << (bit % 8)
			}
			bit++
		}
	}
	h := blake2b.Sum256(out)
	h[31] &= 0x3f
	var x fe
	for i := range 4 {
		for j := range 8 {
			x[i] |= uint64(h[8*i+j]) << (8 * j)
		}
	}
	return x
}

package mina

import "math/big"

// Kimchi Poseidon over Fp as o1js and mina-signer use it for signatures over
// fields: width 3, rate 2, x^7 S-box, 55 full rounds, the round constant added
// after the MDS matrix (no initial round constant).

var (
	mds            [3][3]fe
	roundConstants [poseidonFullRounds][3]fe
)

func init() {
	conv := func(s string) fe {
		v, ok := new(big.Int).SetString(s, 10)
		if !ok {
			panic("mina: bad Poseidon constant")
		}
		x, ok := fp.fromBig(v)
		if !ok {
			panic("mina: Poseidon constant out of range")
		}
		return x
	}
	for i := range 3 {
		for j := range 3 {
			mds[i][j] = conv(poseidonMDS[i][j])
		}
	}
	for r := range poseidonFullRounds {
		for i := range 3 {
			roundConstants[r][i] = conv(poseidonRoundConstants[r][i])
		}
	}
	saltMainnet, saltTestnet = salted(Mainnet.prefix()), salted(Testnet.prefix())
}

type sponge [3]fe

func (s *sponge) permute() {
	for r := range poseidonFullRounds {
		for i := range 3 {
			var x2, x4, x6 fe
			fp.sqr(&x2, &s[i])
			fp.sqr(&x4, &x2)
			fp.mul(&x6, &x4, &x2)
			fp.mul(&s[i], &x6, &s[i])
		}
		old := *s
		for i := range 3 {
			var a, b, c fe
			fp.mul(&a, &mds[i][0], &old[0])
			fp.mul(&b, &mds[i][1], &old[1])
			fp.mul(&c, &mds[i][2], &old[2])
			fp.add(&a, &a, &b)
			fp.add(&a, &a, &c)
			fp.add(&s[i], &a, &roundConstants[r][i])
		}
	}
}

// absorb adds the input two elements at a time, padding with zeros, and
// permutes after each block; an empty input permutes once.
func (s *sponge) absorb(in []fe) {
	if len(in) == 0 {
		s.permute()
		return
	}
	for i := 0; i < len(in); i += 2 {
		fp.add(&s[0], &s[0], &in[i])
		if i+1 < len(in) {
			fp.add(&s[1], &s[1], &in[i+1])
		}
		s.permute()
	}
}

// prefixField packs a prefix of at most 31 bytes, little-endian, into a field element.
func prefixField(prefix string) fe {
	var b [32]byte
	copy(b[:31], prefix)
	x, _ := fp.fromBytesLE(b[:])
	return x
}

// salted returns the sponge state after absorbing the prefix.
func salted(prefix string) sponge {
	var s sponge
	s.absorb([]fe{prefixField(prefix)})
	return s
}

func poseidonHash(in []fe) fe {
	var s sponge
	s.absorb(in)
	return s[0]
}

func hashWithPrefix(prefix string, in []fe) fe {
	s := salted(prefix)
	s.absorb(in)
	return s[0]
}

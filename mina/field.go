package mina

import (
	"encoding/binary"
	"math/big"
	"math/bits"
)

// fe is an element of a Pasta field in Montgomery form, four little-endian
// 64-bit limbs. Both moduli are below 2^255, so a sum of two reduced
// elements never overflows 256 bits.
type fe [4]uint64

// field holds one prime modulus and its Montgomery constants.
type field struct {
	p     fe      // modulus
	inv   uint64  // -p^-1 mod 2^64
	r2    fe      // R^2 mod p, R = 2^256
	one   fe      // R mod p (1 in Montgomery form)
	pMin2 fe      // p-2, the exponent of an inverse (plain form)
	big   big.Int // p
}

var (
	// Fp is the Pallas base field (Mina's Field): coordinates, hashes.
	fp = newField("40000000000000000000000000000000224698fc094cf91b992d30ed00000001")
	// Fq is the Pallas scalar field: private keys, nonces, s.
	fq = newField("40000000000000000000000000000000224698fc0994a8dd8c46eb2100000001")
)

func newField(hex string) *field {
	f := &field{}
	f.big.SetString(hex, 16)
	f.p = limbs(&f.big)
	// inv by Newton iteration: x = x*(2 - p0*x) doubles the correct bits.
	x := uint64(1)
	for range 6 {
		x *= 2 - f.p[0]*x
	}
	f.inv = -x
	r := new(big.Int).Lsh(big.NewInt(1), 256)
	f.one = limbs(new(big.Int).Mod(r, &f.big))
	f.r2 = limbs(new(big.Int).Mod(new(big.Int).Mul(r, r), &f.big))
	f.pMin2 = limbs(new(big.Int).Sub(&f.big, big.NewInt(2)))
	return f
}

// limbs returns the plain (not Montgomery) limbs of 0 <= v < 2^256.
func limbs(v *big.Int) fe {
	var b [32]byte
	v.FillBytes(b[:])
	var z fe
	for i := range 4 {
		z[i] = binary.BigEndian.Uint64(b[24-8*i:])
	}
	return z
}

func (z *fe) bigInt() *big.Int {
	var b [32]byte
	for i := range 4 {
		binary.BigEndian.PutUint64(b[24-8*i:], z[i])
	}
	return new(big.Int).SetBytes(b[:])
}

// less reports a < b as plain integers.
func less(a, b *fe) bool {
	_, borrow := bits.Sub64(a[0], b[0], 0)
	_, borrow = bits.Sub64(a[1], b[1], borrow)
	_, borrow = bits.Sub64(a[2], b[2], borrow)
	_, borrow = bits.Sub64(a[3], b[3], borrow)
	return borrow != 0
}

// mul sets z = x*y*R^-1 mod p (CIOS Montgomery multiplication, unrolled
// from the loop in mulGeneric, which field_test.go checks it against).
func (f *field) mul(z, x, y *fe) {
	var t0, t1, t2, t3, t4, t5, c, cc, hi, lo, m uint64
	p0, p1, p2, p3 := f.p[0], f.p[1], f.p[2], f.p[3]
	x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
	// word 0
	c = 0
	hi, lo = bits.Mul64(x0, y[0])
	lo, cc = bits.Add64(lo, t0, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(x1, y[0])
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(x2, y[0])
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	hi, lo = bits.Mul64(x3, y[0])
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t3, c = lo, hi
	t4, cc = bits.Add64(t4, c, 0)
	t5 = cc
	m = t0 * f.inv
	hi, lo = bits.Mul64(m, p0)
	_, cc = bits.Add64(lo, t0, 0)
	c = hi + cc
	hi, lo = bits.Mul64(m, p1)
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(m, p2)
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(m, p3)
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	t3, cc = bits.Add64(t4, c, 0)
	t4 = t5 + cc
	// word 1
	c = 0
	hi, lo = bits.Mul64(x0, y[1])
	lo, cc = bits.Add64(lo, t0, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(x1, y[1])
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(x2, y[1])
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	hi, lo = bits.Mul64(x3, y[1])
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t3, c = lo, hi
	t4, cc = bits.Add64(t4, c, 0)
	t5 = cc
	m = t0 * f.inv
	hi, lo = bits.Mul64(m, p0)
	_, cc = bits.Add64(lo, t0, 0)
	c = hi + cc
	hi, lo = bits.Mul64(m, p1)
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(m, p2)
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(m, p3)
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	t3, cc = bits.Add64(t4, c, 0)
	t4 = t5 + cc
	// word 2
	c = 0
	hi, lo = bits.Mul64(x0, y[2])
	lo, cc = bits.Add64(lo, t0, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(x1, y[2])
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(x2, y[2])
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	hi, lo = bits.Mul64(x3, y[2])
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t3, c = lo, hi
	t4, cc = bits.Add64(t4, c, 0)
	t5 = cc
	m = t0 * f.inv
	hi, lo = bits.Mul64(m, p0)
	_, cc = bits.Add64(lo, t0, 0)
	c = hi + cc
	hi, lo = bits.Mul64(m, p1)
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(m, p2)
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(m, p3)
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	t3, cc = bits.Add64(t4, c, 0)
	t4 = t5 + cc
	// word 3
	c = 0
	hi, lo = bits.Mul64(x0, y[3])
	lo, cc = bits.Add64(lo, t0, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(x1, y[3])
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(x2, y[3])
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	hi, lo = bits.Mul64(x3, y[3])
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t3, c = lo, hi
	t4, cc = bits.Add64(t4, c, 0)
	t5 = cc
	m = t0 * f.inv
	hi, lo = bits.Mul64(m, p0)
	_, cc = bits.Add64(lo, t0, 0)
	c = hi + cc
	hi, lo = bits.Mul64(m, p1)
	lo, cc = bits.Add64(lo, t1, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t0, c = lo, hi
	hi, lo = bits.Mul64(m, p2)
	lo, cc = bits.Add64(lo, t2, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t1, c = lo, hi
	hi, lo = bits.Mul64(m, p3)
	lo, cc = bits.Add64(lo, t3, 0)
	hi += cc
	lo, cc = bits.Add64(lo, c, 0)
	hi += cc
	t2, c = lo, hi
	t3, cc = bits.Add64(t4, c, 0)
	t4 = t5 + cc
	_ = t4
	r := fe{t0, t1, t2, t3}
	f.reduce(&r)
	*z = r
}

// mulGeneric is the loop form of mul, kept as its reference in tests.
func (f *field) mulGeneric(z, x, y *fe) {
	var t [6]uint64
	for i := range 4 {
		var c, cc uint64
		for j := range 4 {
			hi, lo := bits.Mul64(x[j], y[i])
			lo, cc = bits.Add64(lo, t[j], 0)
			hi += cc
			lo, cc = bits.Add64(lo, c, 0)
			hi += cc
			t[j], c = lo, hi
		}
		t[4], cc = bits.Add64(t[4], c, 0)
		t[5] = cc
		m := t[0] * f.inv
		hi, lo := bits.Mul64(m, f.p[0])
		_, cc = bits.Add64(lo, t[0], 0)
		c = hi + cc
		for j := 1; j < 4; j++ {
			hi, lo = bits.Mul64(m, f.p[j])
			lo, cc = bits.Add64(lo, t[j], 0)
			hi += cc
			lo, cc = bits.Add64(lo, c, 0)
			hi += cc
			t[j-1], c = lo, hi
		}
		t[3], cc = bits.Add64(t[4], c, 0)
		t[4] = t[5] + cc
	}
	r := fe{t[0], t[1], t[2], t[3]}
	f.reduce(&r)
	*z = r
}

// reduce subtracts p once if z >= p (z < 2p).
func (f *field) reduce(z *fe) {
	var s fe
	var b uint64
	s[0], b = bits.Sub64(z[0], f.p[0], 0)
	s[1], b = bits.Sub64(z[1], f.p[1], b)
	s[2], b = bits.Sub64(z[2], f.p[2], b)
	s[3], b = bits.Sub64(z[3], f.p[3], b)
	if b == 0 {
		*z = s
	}
}

func (f *field) add(z, x, y *fe) {
	var c uint64
	z[0], c = bits.Add64(x[0], y[0], 0)
	z[1], c = bits.Add64(x[1], y[1], c)
	z[2], c = bits.Add64(x[2], y[2], c)
	z[3], _ = bits.Add64(x[3], y[3], c)
	f.reduce(z)
}

func (f *field) sub(z, x, y *fe) {
	var b uint64
	z[0], b = bits.Sub64(x[0], y[0], 0)
	z[1], b = bits.Sub64(x[1], y[1], b)
	z[2], b = bits.Sub64(x[2], y[2], b)
	z[3], b = bits.Sub64(x[3], y[3], b)
	if b != 0 {
		var c uint64
		z[0], c = bits.Add64(z[0], f.p[0], 0)
		z[1], c = bits.Add64(z[1], f.p[1], c)
		z[2], c = bits.Add64(z[2], f.p[2], c)
		z[3], _ = bits.Add64(z[3], f.p[3], c)
	}
}

func (f *field) neg(z, x *fe) {
	var zero fe
	f.sub(z, &zero, x)
}

func (f *field) sqr(z, x *fe) { f.mul(z, x, x) }

// toMont converts a plain value below p to Montgomery form.
func (f *field) toMont(z, x *fe) { f.mul(z, x, &f.r2) }

// fromMont converts to the plain value.
func (f *field) fromMont(z, x *fe) { f.mul(z, x, &fe{1}) }

// exp sets z = x^e (x in Montgomery form, e plain).
func (f *field) exp(z, x, e *fe) {
	r := f.one
	for i := 255; i >= 0; i-- {
		f.sqr(&r, &r)
		if e[i/64]>>(i%64)&1 == 1 {
			f.mul(&r, &r, x)
		}
	}
	*z = r
}

func (f *field) inverse(z, x *fe) { f.exp(z, x, &f.pMin2) }

func isZero(x *fe) bool { return x[0]|x[1]|x[2]|x[3] == 0 }

// fromBig converts 0 <= v < p to Montgomery form; ok is false outside that range.
func (f *field) fromBig(v *big.Int) (fe, bool) {
	if v.Sign() < 0 || v.Cmp(&f.big) >= 0 {
		return fe{}, false
	}
	x := limbs(v)
	f.toMont(&x, &x)
	return x, true
}

func (f *field) toBig(x *fe) *big.Int {
	var p fe
	f.fromMont(&p, x)
	return p.bigInt()
}

// fromBytesLE reads 32 little-endian bytes; ok is false for a value >= p.
func (f *field) fromBytesLE(b []byte) (fe, bool) {
	var x fe
	for i := range 4 {
		x[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	if !less(&x, &f.p) {
		return fe{}, false
	}
	f.toMont(&x, &x)
	return x, true
}

// plain returns the canonical limbs of x.
func (f *field) plain(x *fe) fe {
	var p fe
	f.fromMont(&p, x)
	return p
}

func (f *field) bytesLE(x *fe) [32]byte {
	p := f.plain(x)
	var b [32]byte
	for i := range 4 {
		binary.LittleEndian.PutUint64(b[8*i:], p[i])
	}
	return b
}

// isOdd reports whether the canonical value of x is odd.
func (f *field) isOdd(x *fe) bool { return f.plain(x)[0]&1 == 1 }

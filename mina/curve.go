package mina

import "math/big"

// point is a Pallas point (y^2 = x^3 + 5) in Jacobian coordinates over Fp,
// Montgomery form; z == 0 is the point at infinity.
type point struct{ x, y, z fe }

var (
	curveB fe
	// generator is Mina's generator (1, y).
	generator point
)

func init() {
	curveB, _ = fp.fromBig(big.NewInt(5))
	gy, _ := new(big.Int).SetString("12418654782883325593414442427049395787963493412651469444558597405572177144507", 10)
	generator.x = fp.one
	generator.y, _ = fp.fromBig(gy)
	generator.z = fp.one
}

func (p *point) isInfinity() bool { return isZero(&p.z) }

// double sets r = 2p (dbl-2009-l, a = 0).
func (r *point) double(p *point) {
	if p.isInfinity() || isZero(&p.y) {
		*r = point{}
		return
	}
	var a, b, c, d, e, f, t fe
	fp.sqr(&a, &p.x)
	fp.sqr(&b, &p.y)
	fp.sqr(&c, &b)
	fp.add(&t, &p.x, &b)
	fp.sqr(&t, &t)
	fp.sub(&t, &t, &a)
	fp.sub(&t, &t, &c)
	fp.add(&d, &t, &t)
	fp.add(&e, &a, &a)
	fp.add(&e, &e, &a)
	fp.sqr(&f, &e)
	var x3, y3, z3 fe
	fp.sub(&x3, &f, &d)
	fp.sub(&x3, &x3, &d)
	fp.sub(&t, &d, &x3)
	fp.mul(&y3, &e, &t)
	fp.add(&c, &c, &c)
	fp.add(&c, &c, &c)
	fp.add(&c, &c, &c)
	fp.sub(&y3, &y3, &c)
	fp.mul(&z3, &p.y, &p.z)
	fp.add(&z3, &z3, &z3)
	r.x, r.y, r.z = x3, y3, z3
}

// add sets r = p + q (add-2007-bl), handling infinity and doubling.
func (r *point) add(p, q *point) {
	if p.isInfinity() {
		*r = *q
		return
	}
	if q.isInfinity() {
		*r = *p
		return
	}
	var z1z1, z2z2, u1, u2, s1, s2, h, i, j, rr, v, t fe
	fp.sqr(&z1z1, &p.z)
	fp.sqr(&z2z2, &q.z)
	fp.mul(&u1, &p.x, &z2z2)
	fp.mul(&u2, &q.x, &z1z1)
	fp.mul(&s1, &p.y, &q.z)
	fp.mul(&s1, &s1, &z2z2)
	fp.mul(&s2, &q.y, &p.z)
	fp.mul(&s2, &s2, &z1z1)
	fp.sub(&h, &u2, &u1)
	fp.sub(&rr, &s2, &s1)
	if isZero(&h) {
		if isZero(&rr) {
			r.double(p)
		} else {
			*r = point{}
		}
		return
	}
	fp.add(&i, &h, &h)
	fp.sqr(&i, &i)
	fp.mul(&j, &h, &i)
	fp.add(&rr, &rr, &rr)
	fp.mul(&v, &u1, &i)
	var x3, y3, z3 fe
	fp.sqr(&x3, &rr)
	fp.sub(&x3, &x3, &j)
	fp.sub(&x3, &x3, &v)
	fp.sub(&x3, &x3, &v)
	fp.sub(&t, &v, &x3)
	fp.mul(&y3, &rr, &t)
	fp.mul(&t, &s1, &j)
	fp.add(&t, &t, &t)
	fp.sub(&y3, &y3, &t)
	fp.add(&z3, &p.z, &q.z)
	fp.sqr(&z3, &z3)
	fp.sub(&z3, &z3, &z1z1)
	fp.sub(&z3, &z3, &z2z2)
	fp.mul(&z3, &z3, &h)
	r.x, r.y, r.z = x3, y3, z3
}

func (r *point) neg(p *point) {
	*r = *p
	fp.neg(&r.y, &p.y)
}

// affine returns the affine coordinates (Montgomery form); ok is false at infinity.
func (p *point) affine() (x, y fe, ok bool) {
	if p.isInfinity() {
		return fe{}, fe{}, false
	}
	var zi, zi2 fe
	fp.inverse(&zi, &p.z)
	fp.sqr(&zi2, &zi)
	fp.mul(&x, &p.x, &zi2)
	fp.mul(&zi2, &zi2, &zi)
	fp.mul(&y, &p.y, &zi2)
	return x, y, true
}

// scalarMul sets r = k*p for a plain (canonical) scalar k.
func (r *point) scalarMul(p *point, k *fe) {
	var acc point
	for i := 255; i >= 0; i-- {
		acc.double(&acc)
		if k[i/64]>>(i%64)&1 == 1 {
			acc.add(&acc, p)
		}
	}
	*r = acc
}

// doubleScalarMul returns a*p + b*q (plain scalars), Shamir's trick.
func doubleScalarMul(a *fe, p *point, b *fe, q *point) point {
	var pq, acc point
	pq.add(p, q)
	for i := 255; i >= 0; i-- {
		acc.double(&acc)
		ba := a[i/64] >> (i % 64) & 1
		bb := b[i/64] >> (i % 64) & 1
		switch {
		case ba == 1 && bb == 1:
			acc.add(&acc, &pq)
		case ba == 1:
			acc.add(&acc, p)
		case bb == 1:
			acc.add(&acc, q)
		}
	}
	return acc
}

// decompress returns the point with x coordinate x (Montgomery form) and
// the given parity of y; ok is false if x^3 + 5 is not a square.
func decompress(x *fe, odd bool) (point, bool) {
	var y2 fe
	fp.sqr(&y2, x)
	fp.mul(&y2, &y2, x)
	fp.add(&y2, &y2, &curveB)
	var y fe
	if !fp.sqrt(&y, &y2) {
		return point{}, false
	}
	if fp.isOdd(&y) != odd {
		fp.neg(&y, &y)
	}
	return point{x: *x, y: y, z: fp.one}, true
}

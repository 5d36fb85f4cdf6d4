package mina

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestFieldArithmetic checks both fields against math/big on random and edge values.
func TestFieldArithmetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, f := range []*field{fp, fq} {
		pm1 := new(big.Int).Sub(&f.big, big.NewInt(1))
		vals := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2), pm1, new(big.Int).Rsh(&f.big, 1)}
		for range 200 {
			var b [32]byte
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
			vals = append(vals, new(big.Int).Mod(new(big.Int).SetBytes(b[:]), &f.big))
		}
		for i, a := range vals {
			b := vals[(i*7+3)%len(vals)]
			x, _ := f.fromBig(a)
			y, _ := f.fromBig(b)
			var z, g fe
			f.mul(&z, &x, &y)
			f.mulGeneric(&g, &x, &y)
			want := new(big.Int).Mul(a, b)
			want.Mod(want, &f.big)
			if f.toBig(&z).Cmp(want) != 0 || z != g {
				t.Fatalf("%x * %x = %x, want %x", a, b, f.toBig(&z), want)
			}
			f.add(&z, &x, &y)
			want.Add(a, b).Mod(want, &f.big)
			if f.toBig(&z).Cmp(want) != 0 {
				t.Fatalf("add %x %x", a, b)
			}
			f.sub(&z, &x, &y)
			want.Sub(a, b).Mod(want, &f.big)
			if f.toBig(&z).Cmp(want) != 0 {
				t.Fatalf("sub %x %x", a, b)
			}
			if a.Sign() != 0 {
				f.inverse(&z, &x)
				want.ModInverse(a, &f.big)
				if f.toBig(&z).Cmp(want) != 0 {
					t.Fatalf("inverse %x", a)
				}
			}
		}
		if _, ok := f.fromBig(&f.big); ok {
			t.Fatal("p accepted as a field element")
		}
	}
}

// TestCurve checks the group law: (a+b)G = aG + bG, qG = infinity, and that
// the generator lies on y^2 = x^3 + 5.
func TestCurve(t *testing.T) {
	a, b := limbs(big.NewInt(123456789)), limbs(new(big.Int).Sub(&fq.big, big.NewInt(5)))
	var pa, pb, sum, direct point
	pa.scalarMul(&generator, &a)
	pb.scalarMul(&generator, &b)
	sum.add(&pa, &pb)
	ab := limbs(new(big.Int).Mod(new(big.Int).Add(a.bigInt(), b.bigInt()), &fq.big))
	direct.scalarMul(&generator, &ab)
	x1, y1, _ := sum.affine()
	x2, y2, _ := direct.affine()
	if x1 != x2 || y1 != y2 {
		t.Fatal("aG + bG != (a+b)G")
	}
	var inf point
	inf.scalarMul(&generator, &fq.p)
	if !inf.isInfinity() {
		t.Fatal("qG is not infinity")
	}
	var l, r fe
	fp.sqr(&l, &generator.y)
	fp.sqr(&r, &generator.x)
	fp.mul(&r, &r, &generator.x)
	fp.add(&r, &r, &curveB)
	if l != r {
		t.Fatal("generator not on the curve")
	}
	// doubleScalarMul agrees with two scalar multiplications
	got := doubleScalarMul(&a, &generator, &b, &pa)
	var tmp point
	tmp.scalarMul(&pa, &b)
	gx, gy, _ := got.affine()
	var ref point
	ref.add(&pa, &tmp)
	rx, ry, _ := ref.affine()
	if gx != rx || gy != ry {
		t.Fatal("doubleScalarMul differs")
	}
}

// TestSqrt compares the field's square root with math/big's on squares and
// non-squares.
func TestSqrt(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		var b [32]byte
		for j := range b {
			b[j] = byte(rng.Uint32())
		}
		a := new(big.Int).Mod(new(big.Int).SetBytes(b[:]), &fp.big)
		if i == 0 {
			a.SetInt64(0)
		}
		x, _ := fp.fromBig(a)
		var r fe
		ok := fp.sqrt(&r, &x)
		want := new(big.Int).ModSqrt(a, &fp.big)
		if ok != (want != nil) {
			t.Fatalf("sqrt(%x): ok %v, math/big %v", a, ok, want != nil)
		}
		if ok {
			var sq fe
			fp.sqr(&sq, &r)
			if sq != x {
				t.Fatalf("sqrt(%x)^2 != a", a)
			}
		}
	}
}

package cred

import (
	"math/big"

	tedwards "github.com/consensys/gnark-crypto/ecc/twistededwards"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/native/twistededwards"
	"github.com/consensys/gnark/std/hash/mimc"
	"github.com/consensys/gnark/std/signature/eddsa"
)

// Shape of the one circuit. Changing any of these is a new circuit and
// needs a new trusted setup (CircuitVersion names it).
const (
	// Slots is the number of attribute slots in a credential.
	Slots = 8
	// Comparisons is the number of comparison predicates a policy may have.
	Comparisons = 4
	// SetDepth is the depth of the Merkle tree of an "in" predicate: a set
	// holds at most 2^SetDepth values.
	SetDepth = 16
	// intBits bounds the integers that comparisons compare and the times
	// the circuit orders: 0 <= n < 2^intBits.
	intBits = 64
)

// CircuitVersion names the circuit's shape; a setup is made for one.
const CircuitVersion = "wf-cred-v1"

// Comparison operators as the circuit numbers them (public inputs).
const (
	opNone = iota
	opEq
	opNeq
	opLt
	opLte
	opGt
	opGte
	numOps
)

// Circuit is the one statement every presentation proves, whatever its
// policy (docs/credentials.md):
//
//	"I know a secret whose commitment Issuer signed, together with an
//	expiry no earlier than NotAfter and attribute slots that satisfy the
//	comparisons and set membership given here; Disclosed holds the slots
//	that Mask selects and zero elsewhere; Nullifier is zero without an
//	Epoch and hash(secret, Function, Epoch) with one."
//
// The policy becomes public inputs (which slot, which operator, which
// value), so one trusted setup serves every policy. Function, Provider,
// Session and NotBefore are context the verifier fills in from the
// request; each enters a constraint, so a proof made for other values
// does not verify.
type Circuit struct {
	// Context the proof is bound to.
	Function  frontend.Variable `gnark:",public"` // FunctionField of the spec CID
	Provider  frontend.Variable `gnark:",public"` // the provider's address, 0 for any
	Session   frontend.Variable `gnark:",public"` // SessionField of the session key
	NotBefore frontend.Variable `gnark:",public"` // unix seconds
	NotAfter  frontend.Variable `gnark:",public"` // unix seconds; the credential must last until then

	Issuer eddsa.PublicKey `gnark:",public"`

	// The policy's predicates.
	CmpSlot  [Comparisons]frontend.Variable `gnark:",public"`
	CmpOp    [Comparisons]frontend.Variable `gnark:",public"`
	CmpValue [Comparisons]frontend.Variable `gnark:",public"`
	SetSlot  frontend.Variable              `gnark:",public"`
	SetRoot  frontend.Variable              `gnark:",public"` // 0: no set predicate

	// What the function learns.
	Mask      frontend.Variable        `gnark:",public"` // bit i discloses slot i
	Disclosed [Slots]frontend.Variable `gnark:",public"`

	// Anonymous rate limits.
	Epoch     frontend.Variable `gnark:",public"` // 0: no nullifier
	Nullifier frontend.Variable `gnark:",public"`

	// The holder's witness.
	Secret    frontend.Variable
	Expiry    frontend.Variable
	Attrs     [Slots]frontend.Variable
	Signature eddsa.Signature
	SetPath   [SetDepth]frontend.Variable
	SetIndex  frontend.Variable
}

// Define implements frontend.Circuit.
func (c *Circuit) Define(api frontend.API) error {
	curve, err := twistededwards.NewEdCurve(api, tedwards.BN254)
	if err != nil {
		return err
	}
	h, err := mimc.NewMiMC(api)
	if err != nil {
		return err
	}
	hash := func(xs ...frontend.Variable) frontend.Variable {
		h.Reset()
		h.Write(xs...)
		return h.Sum()
	}

	// The issuer signed (commitment, expiry, attributes).
	commitment := hash(c.Secret)
	msg := hash(append([]frontend.Variable{commitment, c.Expiry}, c.Attrs[:]...)...)
	h.Reset()
	if err := eddsa.Verify(curve, c.Signature, msg, c.Issuer, &h); err != nil {
		return err
	}

	// The window is ordered and inside the credential's life. Each bound
	// also ties NotBefore and NotAfter into constraints.
	assertLE(api, c.NotBefore, c.NotAfter)
	assertLE(api, c.NotAfter, c.Expiry)

	// Context that no other constraint uses enters one here: a public
	// input in no constraint would not be bound by the proof.
	for _, x := range []frontend.Variable{c.Function, c.Provider, c.Session} {
		api.Mul(x, x)
	}

	for i := range Comparisons {
		v := pick(api, c.CmpSlot[i], c.Attrs[:])
		api.AssertIsEqual(compare(api, c.CmpOp[i], v, c.CmpValue[i]), 1)
	}

	// Set membership: the leaf hash(slot value) at SetIndex under SetRoot.
	leaf := hash(pick(api, c.SetSlot, c.Attrs[:]))
	dirs := api.ToBinary(c.SetIndex, SetDepth)
	node := leaf
	for d := range SetDepth {
		left := api.Select(dirs[d], c.SetPath[d], node)
		right := api.Select(dirs[d], node, c.SetPath[d])
		node = hash(left, right)
	}
	hasSet := api.Sub(1, api.IsZero(c.SetRoot))
	api.AssertIsEqual(api.Mul(hasSet, api.Sub(node, c.SetRoot)), 0)

	// Disclosure: exactly the masked slots, zero elsewhere.
	mask := api.ToBinary(c.Mask, Slots)
	for i := range Slots {
		api.AssertIsEqual(c.Disclosed[i], api.Mul(mask[i], c.Attrs[i]))
	}

	// Nullifier: hash(secret, function, epoch) when an epoch is given.
	hasEpoch := api.Sub(1, api.IsZero(c.Epoch))
	api.AssertIsEqual(c.Nullifier, api.Mul(hasEpoch, hash(c.Secret, c.Function, c.Epoch)))
	return nil
}

// pick returns xs[i], asserting 0 <= i < len(xs).
func pick(api frontend.API, i frontend.Variable, xs []frontend.Variable) frontend.Variable {
	var sum, hit frontend.Variable = 0, 0
	for k, x := range xs {
		is := api.IsZero(api.Sub(i, k))
		hit = api.Add(hit, is)
		sum = api.Add(sum, api.Mul(is, x))
	}
	api.AssertIsEqual(hit, 1)
	return sum
}

// compare returns 1 if "v op value" holds and 0 if not, asserting that op
// is an operator and, for orderings, that both sides are intBits-bit
// integers.
func compare(api frontend.API, op, v, value frontend.Variable) frontend.Variable {
	var is [numOps]frontend.Variable
	var any frontend.Variable = 0
	for k := range numOps {
		is[k] = api.IsZero(api.Sub(op, k))
		any = api.Add(any, is[k])
	}
	api.AssertIsEqual(any, 1)
	eq := api.IsZero(api.Sub(v, value))
	ordered := api.Add(is[opLt], is[opLte], is[opGt], is[opGte])
	a := api.Mul(ordered, v) // zero unless ordering, so string slots pass
	b := api.Mul(ordered, value)
	vLess := less(api, a, b)
	valueLess := less(api, b, a)
	return api.Add(
		is[opNone],
		api.Mul(is[opEq], eq),
		api.Mul(is[opNeq], api.Sub(1, eq)),
		api.Mul(is[opLt], vLess),
		api.Mul(is[opLte], api.Sub(1, valueLess)),
		api.Mul(is[opGt], valueLess),
		api.Mul(is[opGte], api.Sub(1, vLess)),
	)
}

// less returns 1 if a < b and 0 otherwise, asserting both are intBits-bit
// integers: b - a - 1 + 2^intBits has its top bit set exactly when a < b.
func less(api frontend.API, a, b frontend.Variable) frontend.Variable {
	api.ToBinary(a, intBits)
	api.ToBinary(b, intBits)
	t := api.Add(api.Sub(b, a, 1), new(big.Int).Lsh(big.NewInt(1), intBits))
	return api.ToBinary(t, intBits+1)[intBits]
}

// assertLE asserts a <= b for intBits-bit integers a and b.
func assertLE(api frontend.API, a, b frontend.Variable) {
	api.AssertIsEqual(less(api, b, a), 0)
}

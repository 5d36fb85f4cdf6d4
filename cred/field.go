package cred

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/mimc"

	"github.com/webfunctions/wf/wf"
)

// How values outside the field become field elements. A string or a key
// is hashed with SHA-256 and cut to 248 bits (so it is below the BN254
// scalar field's modulus), after a tag byte that keeps the kinds apart;
// an integer is itself.
const (
	tagString   = 0x01
	tagFunction = 0x02
	tagSession  = 0x03
)

// maxInt is the largest integer an attribute or a predicate may hold:
// integers are compared as intBits-bit numbers, and JSON keeps 2^53-1
// exact.
const maxInt = 1<<53 - 1

func tagged(tag byte, b []byte) *big.Int {
	h := sha256.New()
	h.Write([]byte{tag})
	h.Write(b)
	sum := h.Sum(nil)
	return new(big.Int).SetBytes(sum[:31])
}

// StringField is the field element a string attribute occupies.
func StringField(s string) *big.Int { return tagged(tagString, []byte(s)) }

// FunctionField is the field element that binds a proof to one function.
func FunctionField(c wf.CID) *big.Int { return tagged(tagFunction, c.Bytes()) }

// SessionField is the field element that binds a proof to one session key.
func SessionField(pub []byte) *big.Int { return tagged(tagSession, pub) }

// AddressField is the field element of a provider's address; the zero
// address (any provider) is 0.
func AddressField(a wf.Address) *big.Int {
	if a.IsZero() {
		return new(big.Int)
	}
	return new(big.Int).SetBytes(a[:])
}

// mimcHash hashes field elements as the circuit's MiMC does.
func mimcHash(xs ...*big.Int) *big.Int {
	h := mimc.NewMiMC()
	for _, x := range xs {
		var e fr.Element
		e.SetBigInt(x)
		b := e.Bytes()
		h.Write(b[:])
	}
	return new(big.Int).SetBytes(h.Sum(nil))
}

// fieldFromBytes reads a canonical field element (32 bytes, big endian,
// below the modulus).
func fieldFromBytes(b []byte) (*big.Int, error) {
	if len(b) != fr.Bytes {
		return nil, fmt.Errorf("field element is %d bytes, want %d", len(b), fr.Bytes)
	}
	x := new(big.Int).SetBytes(b)
	if x.Cmp(fr.Modulus()) >= 0 {
		return nil, errors.New("field element is not below the modulus")
	}
	return x, nil
}

// fieldBytes is x as 32 bytes big endian.
func fieldBytes(x *big.Int) []byte {
	b := make([]byte, fr.Bytes)
	return x.FillBytes(b)
}

package wf

import (
	"encoding/binary"
	"math/bits"
)

// keccak256 is the original Keccak-256 that Ethereum uses (EIP-55
// checksums here). It differs from SHA3-256 (crypto/sha3) only in its
// padding byte, 0x01 instead of 0x06, so the standard library cannot
// compute it; wf imports nothing else, hence this small implementation
// (see RATIONALE.md). It is not constant-time and not fast: it hashes
// public data, a few dozen bytes at a time.
func keccak256(data []byte) [32]byte {
	const rate = 136 // bytes: (1600 - 2*256) / 8
	var a [25]uint64
	absorb := func(block []byte) {
		for i := 0; i < rate/8; i++ {
			a[i] ^= binary.LittleEndian.Uint64(block[8*i:])
		}
		keccakF1600(&a)
	}
	for len(data) >= rate {
		absorb(data[:rate])
		data = data[rate:]
	}
	var last [rate]byte
	copy(last[:], data)
	last[len(data)] ^= 0x01 // Keccak's multi-rate padding: 10*1
	last[rate-1] ^= 0x80
	absorb(last[:])
	var out [32]byte
	for i := 0; i < 4; i++ {
		binary.LittleEndian.PutUint64(out[8*i:], a[i])
	}
	return out
}

// keccakRho and keccakRC are the permutation's rotation offsets (by lane
// x+5y) and round constants, derived at start-up from their definitions
// in the Keccak reference (section 1.2) rather than typed in.
var keccakRho, keccakRC = keccakConstants()

func keccakConstants() (rho [25]int, rc [24]uint64) {
	// ρ: lane (1,0) turns by 1, and the t-th lane on the walk
	// (x,y) -> (y, 2x+3y) by (t+1)(t+2)/2.
	x, y := 1, 0
	for t := 0; t < 24; t++ {
		rho[x+5*y] = (t + 1) * (t + 2) / 2 % 64
		x, y = y, (2*x+3*y)%5
	}
	// ι: bit 2^j-1 of round i's constant is output bit j+7i of the LFSR
	// x^8 + x^6 + x^5 + x^4 + 1 started at 1.
	r := byte(1)
	for i := range rc {
		for j := 0; j < 7; j++ {
			if r&1 != 0 {
				rc[i] |= 1 << (1<<j - 1)
			}
			if r&0x80 != 0 {
				r = r<<1 ^ 0x71
			} else {
				r <<= 1
			}
		}
	}
	return rho, rc
}

// keccakF1600 is the Keccak-f[1600] permutation; lane (x, y) is a[x+5y].
func keccakF1600(a *[25]uint64) {
	var b [25]uint64
	var c [5]uint64
	for round := 0; round < 24; round++ {
		// θ: each bit absorbs the parity of two neighbouring columns.
		for x := 0; x < 5; x++ {
			c[x] = a[x] ^ a[x+5] ^ a[x+10] ^ a[x+15] ^ a[x+20]
		}
		for x := 0; x < 5; x++ {
			d := c[(x+4)%5] ^ bits.RotateLeft64(c[(x+1)%5], 1)
			for y := 0; y < 25; y += 5 {
				a[x+y] ^= d
			}
		}
		// ρ and π: rotate each lane and move (x, y) to (y, 2x+3y).
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				b[y+5*((2*x+3*y)%5)] = bits.RotateLeft64(a[x+5*y], keccakRho[x+5*y])
			}
		}
		// χ: the only non-linear step, along rows.
		for y := 0; y < 25; y += 5 {
			for x := 0; x < 5; x++ {
				a[x+y] = b[x+y] ^ (^b[(x+1)%5+y] & b[(x+2)%5+y])
			}
		}
		// ι
		a[0] ^= keccakRC[round]
	}
}

package wf

import (
	"bytes"
	"encoding/hex"
	"testing"
)

// Known Keccak-256 digests (the pre-standard padding Ethereum uses, not
// SHA3-256): the empty string and "abc" from the Keccak team's test
// vectors, and values Ethereum tooling prints everywhere.
func TestKeccak256Vectors(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
		{"abc", []byte("abc"), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"},
		{"transfer selector", []byte("transfer(address,uint256)"), "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b"},
		{"EIP-712 domain type", []byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
			"8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := keccak256(tc.in)
			if hex.EncodeToString(got[:]) != tc.want {
				t.Fatalf("keccak256(%q) = %x, want %s", tc.in, got, tc.want)
			}
		})
	}
}

// Inputs around the 136-byte rate: the padding byte lands in the last
// byte of a block (135), a block is exactly full (136, padding in a block
// of its own), and several blocks are absorbed. Each must differ from its
// neighbours and be stable; package chain compares them with go-ethereum.
func TestKeccak256BlockBoundaries(t *testing.T) {
	seen := map[[32]byte]int{}
	for _, n := range []int{0, 1, 134, 135, 136, 137, 271, 272, 273, 1000} {
		in := bytes.Repeat([]byte{0xa5}, n)
		h := keccak256(in)
		if m, ok := seen[h]; ok {
			t.Fatalf("%d and %d bytes hash alike", m, n)
		}
		seen[h] = n
		if keccak256(in) != h {
			t.Fatalf("%d bytes: not deterministic", n)
		}
	}
}

func TestKeccakConstants(t *testing.T) {
	// Spot checks against the published tables.
	if keccakRC[0] != 0x0000000000000001 || keccakRC[1] != 0x0000000000008082 || keccakRC[23] != 0x8000000080008008 {
		t.Errorf("round constants %x", keccakRC)
	}
	if keccakRho[1] != 1 || keccakRho[5] != 36 || keccakRho[24] != 14 || keccakRho[0] != 0 {
		t.Errorf("rotation offsets %v", keccakRho)
	}
}

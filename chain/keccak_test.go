package chain

import (
	"bytes"
	"math/rand/v2"
	"testing"
	_ "unsafe" // go:linkname

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/wf"
)

// wfKeccak256 is wf's own Keccak-256, unexported there: wf imports only
// the standard library, so the comparison with go-ethereum lives here.
//
//go:linkname wfKeccak256 github.com/webfunctions/wf/wf.keccak256
func wfKeccak256(data []byte) [32]byte

// wf's hand-written Keccak-256 (for EIP-55 checksums) agrees with
// go-ethereum's on random inputs of every length up to several blocks.
func TestKeccak256MatchesGoEthereum(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 0))
	for n := 0; n < 600; n++ {
		for range 3 {
			in := make([]byte, n)
			for i := range in {
				in[i] = byte(r.Uint32())
			}
			if got, want := wfKeccak256(in), crypto.Keccak256(in); !bytes.Equal(got[:], want) {
				t.Fatalf("seed %d, %d bytes %x: wf %x, go-ethereum %x", seed, n, in, got, want)
			}
		}
	}
}

// wf.Address.Checksum is go-ethereum's EIP-55 form on random addresses.
func TestChecksumMatchesGoEthereum(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 0))
	for range 10_000 {
		var a wf.Address
		for i := range a {
			a[i] = byte(r.Uint32())
		}
		if got, want := a.Checksum(), common.Address(a).Hex(); got != want {
			t.Fatalf("seed %d, %x: wf %s, go-ethereum %s", seed, a[:], got, want)
		}
	}
}

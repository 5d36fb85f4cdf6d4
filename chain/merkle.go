package chain

import (
	"bytes"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/wf"
)

// RewardLeaf is one provider's entry in a rewards epoch's Merkle tree:
// Amount paid for Epoch, and FeesCumulative, the escrow's feesPaid of the
// provider at the epoch's end, against which the RewardsPool caps the
// claim.
type RewardLeaf struct {
	Epoch          uint64
	Provider       wf.Address
	Amount         *big.Int
	FeesCumulative *big.Int
}

// Hash is the leaf as the RewardsPool hashes it:
// keccak256(keccak256(abi.encode(epoch, provider, amount, feesCumulative))).
func (l RewardLeaf) Hash() [32]byte {
	word := func(b []byte) []byte { return common.LeftPadBytes(b, 32) }
	inner := crypto.Keccak256(word(new(big.Int).SetUint64(l.Epoch).Bytes()), word(l.Provider[:]),
		word(nonNil(l.Amount).Bytes()), word(nonNil(l.FeesCumulative).Bytes()))
	return [32]byte(crypto.Keccak256(inner))
}

func nonNil(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

// A MerkleTree is a tree over leaf hashes with OpenZeppelin's commutative
// pair hash (keccak256 of the smaller then the larger), which MerkleProof
// verifies: proofs carry no left/right bits. Leaves are sorted, so the
// root depends only on the set of leaves. A node without a sibling moves
// up unchanged.
type MerkleTree struct {
	levels [][][32]byte // levels[0]: sorted leaves; last: the root
}

// NewMerkleTree builds the tree of leaves (at least one, no duplicates).
func NewMerkleTree(leaves [][32]byte) (*MerkleTree, error) {
	if len(leaves) == 0 {
		return nil, fmt.Errorf("%w: merkle tree: no leaves", wf.ErrInvalid)
	}
	lv := slices.Clone(leaves)
	slices.SortFunc(lv, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	if len(slices.Compact(slices.Clone(lv))) != len(lv) {
		return nil, fmt.Errorf("%w: merkle tree: duplicate leaves", wf.ErrInvalid)
	}
	t := &MerkleTree{levels: [][][32]byte{lv}}
	for len(lv) > 1 {
		next := make([][32]byte, 0, (len(lv)+1)/2)
		for i := 0; i < len(lv); i += 2 {
			if i+1 == len(lv) {
				next = append(next, lv[i])
				continue
			}
			next = append(next, hashPair(lv[i], lv[i+1]))
		}
		t.levels = append(t.levels, next)
		lv = next
	}
	return t, nil
}

// Root is the tree's root.
func (t *MerkleTree) Root() [32]byte { return t.levels[len(t.levels)-1][0] }

// Proof is the proof of leaf, or an error matching wf.ErrNotFound.
func (t *MerkleTree) Proof(leaf [32]byte) ([][32]byte, error) {
	i, ok := slices.BinarySearchFunc(t.levels[0], leaf, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	if !ok {
		return nil, fmt.Errorf("%w: merkle tree: no such leaf", wf.ErrNotFound)
	}
	var proof [][32]byte
	for _, lv := range t.levels[:len(t.levels)-1] {
		if sib := i ^ 1; sib < len(lv) {
			proof = append(proof, lv[sib])
		}
		i /= 2
	}
	return proof, nil
}

// VerifyMerkle reports whether proof takes leaf to root, as MerkleProof does.
func VerifyMerkle(root, leaf [32]byte, proof [][32]byte) bool {
	h := leaf
	for _, p := range proof {
		h = hashPair(h, p)
	}
	return h == root
}

func hashPair(a, b [32]byte) [32]byte {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return [32]byte(crypto.Keccak256(a[:], b[:]))
}

package chain

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/wf"
)

// The name record digest is EIP-712 as the standard spells it: computed
// here by hand, word by word, it matches what apitypes makes of the types.
func TestNameDigestByHand(t *testing.T) {
	a, b := wf.SumCID(wf.CodecJSON, []byte(`"a"`)), wf.SumCID(wf.CodecJSON, []byte(`"b"`))
	owner, _ := wf.ParseAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")
	rec := &wf.NameRecord{Name: "hello", Owner: owner, Seq: 7,
		Targets: []wf.Target{{Function: a, Weight: 90}, {Function: b, Weight: 10}},
		Sticky:  "cookie:uid", Created: "2026-12-07T02:00:00Z"}
	got, err := Digest(rec)
	if err != nil {
		t.Fatal(err)
	}
	k := crypto.Keccak256
	word := func(n uint64) []byte { return math.U256Bytes(new(big.Int).SetUint64(n)) }
	targetType := k([]byte("Target(string function,uint8 weight)"))
	var hashes []byte
	for _, tg := range rec.Targets {
		hashes = append(hashes, k(targetType, k([]byte(tg.Function.String())), word(uint64(tg.Weight)))...)
	}
	recordType := k([]byte("NameRecord(string name,address owner,uint64 seq,Target[] targets,string sticky,string created)Target(string function,uint8 weight)"))
	structHash := k(recordType, k([]byte(rec.Name)), common.LeftPadBytes(owner[:], 32), word(rec.Seq),
		k(hashes), k([]byte(rec.Sticky)), k([]byte(rec.Created)))
	domain := k(k([]byte("EIP712Domain(string name,string version)")), k([]byte("WebFunctions")), k([]byte("1")))
	want := k([]byte{0x19, 0x01}, domain, structHash)
	if common.Hash(got) != common.BytesToHash(want) {
		t.Fatalf("digest %x, by hand %x", got, want)
	}

	key, _ := GenerateKey()
	sig, err := key.Sign(rec)
	if err != nil {
		t.Fatal(err)
	}
	if signer, err := (Verifier{}).Recover(rec, sig); err != nil || signer != key.Address() {
		t.Fatalf("recovered %v, %v; want %v", signer, err, key.Address())
	}
	moved := *rec
	moved.Targets = []wf.Target{{Function: a, Weight: 10}, {Function: b, Weight: 90}}
	if d, _ := Digest(&moved); d == got {
		t.Fatal("moving weight did not change the digest")
	}
}

package chain

import (
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/names"
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

// The golden record of docs/names.md: signed by the public dev key
// (Hardhat's first account), its bytes and CID never change.
func TestNameRecordGolden(t *testing.T) {
	k, err := KeyFromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := wf.ParseCID("bagaaierawevltomr4g4z4v2z6urrrka7b3sqsp7zywbbv4ye2n3qdvvhnqzq")
	b, _ := wf.ParseCID("bagaaierapdnjpre3janoyx3mxh5kz52hvzakavxhhai5yn557gi22gmse76a")
	sr, err := names.Sign(wf.NameRecord{Name: "hello", Seq: 2, Sticky: "cookie:uid", Created: "2026-12-07T02:00:00Z",
		Targets: []wf.Target{{Function: a, Weight: 90}, {Function: b, Weight: 10}}}, k)
	if err != nil {
		t.Fatal(err)
	}
	got, c, err := names.Encode(sr)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/name-record.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != strings.TrimSpace(string(want)) {
		t.Fatalf("record:\n%s\nwant testdata/name-record.json:\n%s", got, want)
	}
	if c.String() != goldenNameCID {
		t.Fatalf("CID %s, want %s", c, goldenNameCID)
	}
	if err := names.Verify(sr, Verifier{}); err != nil {
		t.Fatal(err)
	}
}

const goldenNameCID = "bagaaiera23dvmalonm6onh5ndi5hrww7s36pqyr3v5666rpho7tsl5td6uhq"

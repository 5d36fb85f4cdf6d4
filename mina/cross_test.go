package mina

import (
	"bytes"
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"
)

// TestMinaSignerVerifiesGo: signatures Go makes for random keys, messages
// and both networks verify with the pinned mina-signer, and not on the other
// network. Needs node and mina/zkapp's node_modules (scripts/test installs
// them); skips without, unless WF_REQUIRE_TOOLCHAINS is set.
func TestMinaSignerVerifiesGo(t *testing.T) {
	node, err := exec.LookPath("node")
	_, statErr := os.Stat("zkapp/node_modules/mina-signer/package.json")
	if err != nil || statErr != nil {
		if os.Getenv("WF_REQUIRE_TOOLCHAINS") != "" {
			t.Fatalf("node or mina/zkapp/node_modules missing (npm ci in mina/zkapp): %v %v", err, statErr)
		}
		t.Skip("node or mina/zkapp/node_modules missing")
	}
	type entry struct {
		PublicKey string   `json:"publicKey"`
		Fields    []string `json:"fields"`
		Network   string   `json:"network"`
		Signature string   `json:"signature"`
	}
	rng := rand.New(rand.NewPCG(7, 8))
	var in []entry
	for i := range 24 {
		var seed [32]byte
		for j := range seed {
			seed[j] = byte(rng.Uint32())
		}
		k, err := GenerateKey(bytes.NewReader(append(seed[:], make([]byte, 256)...)))
		if err != nil {
			t.Fatal(err)
		}
		msg := make([]*big.Int, rng.IntN(9))
		fields := make([]string, len(msg))
		for j := range msg {
			var b [32]byte
			for k := range b {
				b[k] = byte(rng.Uint32())
			}
			msg[j] = new(big.Int).Mod(new(big.Int).SetBytes(b[:]), &fp.big)
			fields[j] = msg[j].String()
		}
		n := Network(i % 2)
		sig, err := Sign(k, msg, n)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, entry{k.PublicKey().Base58(), fields, n.String(), sig.Base58()})
	}
	body, _ := json.Marshal(in)
	cmd := exec.Command(node, "verify-go.mjs")
	cmd.Dir = "zkapp"
	cmd.Stdin = bytes.NewReader(body)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outb, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var out [][2]bool
	if err := json.Unmarshal(outb, &out); err != nil || len(out) != len(in) {
		t.Fatalf("node output %q: %v", outb, err)
	}
	for i, r := range out {
		if !r[0] || r[1] {
			t.Errorf("%d (%s): mina-signer says own network %v, other network %v", i, in[i].Network, r[0], r[1])
		}
	}
}

package chain

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

func testSpec(t *testing.T) wf.Spec {
	code, err := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	if err != nil {
		t.Fatal(err)
	}
	return wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI,
		Code: wf.Code{CID: code, Layout: wf.KuboLayout}, Created: "2026-11-21T10:00:00Z"}
}

func TestSignVerifySpec(t *testing.T) {
	k, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	ss, err := spec.Sign(testSpec(t), k)
	if err != nil {
		t.Fatal(err)
	}
	if ss.Spec.Owner != k.Address() {
		t.Fatal("owner not set to signer")
	}
	if err := spec.Verify(ss, Verifier{}); err != nil {
		t.Fatalf("valid signature rejected: %v", err)
	}

	other, _ := GenerateKey()
	tampered := *ss
	tampered.Spec.Env = map[string]string{"X": "1"}
	forged := *ss
	forged.Spec.Owner = other.Address()
	badV := *ss
	badV.Signature[64] = 1
	flipped := *ss
	flipped.Signature[10] ^= 1
	for name, s := range map[string]*wf.SignedSpec{"tampered": &tampered, "other owner": &forged, "bad v": &badV, "flipped bit": &flipped} {
		t.Run(name, func(t *testing.T) {
			if err := spec.Verify(s, Verifier{}); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("got %v, want ErrInvalid", err)
			}
		})
	}
}

// The digest must be the EIP-712 hash a wallet computes; recompute it by
// hand from the standard's definition.
func TestSpecDigestIsEIP712(t *testing.T) {
	s := testSpec(t)
	s.Owner, _ = wf.ParseAddress("0x1111111111111111111111111111111111111111")
	got, err := Digest(&s)
	if err != nil {
		t.Fatal(err)
	}
	canon := mustCanonical(t, &s)
	domain := crypto.Keccak256(crypto.Keccak256([]byte("EIP712Domain(string name,string version)")),
		crypto.Keccak256([]byte("WebFunctions")), crypto.Keccak256([]byte("1")))
	msg := crypto.Keccak256(crypto.Keccak256([]byte("FunctionSpec(address owner,bytes32 specHash)")),
		common.LeftPadBytes(s.Owner[:], 32), crypto.Keccak256(canon))
	want := crypto.Keccak256([]byte{0x19, 0x01}, domain, msg)
	if string(got[:]) != string(want) {
		t.Fatalf("digest %x, want %x", got, want)
	}
}

// A log read names the provider it is for, so its digest, recomputed from
// the standard, covers the provider's address, and the same request for
// another provider is another digest.
func TestLogsDigestIsEIP712(t *testing.T) {
	fn := testSpec(t).Code.CID
	a, _ := wf.ParseAddress("0x2222222222222222222222222222222222222222")
	b, _ := wf.ParseAddress("0x3333333333333333333333333333333333333333")
	m := wf.LogsRequest{Function: fn, Provider: a, Expires: 1_900_000_000}
	got, err := Digest(m)
	if err != nil {
		t.Fatal(err)
	}
	domain := crypto.Keccak256(crypto.Keccak256([]byte("EIP712Domain(string name,string version)")),
		crypto.Keccak256([]byte("WebFunctions")), crypto.Keccak256([]byte("1")))
	msg := crypto.Keccak256(crypto.Keccak256([]byte("ReadLogs(string function,address provider,uint64 expires)")),
		crypto.Keccak256([]byte(fn.String())), common.LeftPadBytes(a[:], 32),
		common.LeftPadBytes(big.NewInt(m.Expires).Bytes(), 32))
	want := crypto.Keccak256([]byte{0x19, 0x01}, domain, msg)
	if string(got[:]) != string(want) {
		t.Fatalf("digest %x, want %x", got, want)
	}
	m.Provider = b
	if other, _ := Digest(m); other == got {
		t.Fatal("the digest does not depend on the provider")
	}
}

// A delete is its own EIP-712 type, bound to its provider.
func TestDeleteDigestIsEIP712(t *testing.T) {
	fn := testSpec(t).Code.CID
	a, _ := wf.ParseAddress("0x2222222222222222222222222222222222222222")
	m := wf.DeleteRequest{Function: fn, Provider: a, Expires: 1_900_000_000}
	got, err := Digest(m)
	if err != nil {
		t.Fatal(err)
	}
	domain := crypto.Keccak256(crypto.Keccak256([]byte("EIP712Domain(string name,string version)")),
		crypto.Keccak256([]byte("WebFunctions")), crypto.Keccak256([]byte("1")))
	msg := crypto.Keccak256(crypto.Keccak256([]byte("DeleteFunction(string function,address provider,uint64 expires)")),
		crypto.Keccak256([]byte(fn.String())), common.LeftPadBytes(a[:], 32),
		common.LeftPadBytes(big.NewInt(m.Expires).Bytes(), 32))
	want := crypto.Keccak256([]byte{0x19, 0x01}, domain, msg)
	if string(got[:]) != string(want) {
		t.Fatalf("digest %x, want %x", got, want)
	}
}

func TestKeystore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key.json")
	k, _ := GenerateKey()
	if err := SaveKeystore(path, k, "pw", ScryptLight); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %o, want 600", st.Mode().Perm())
	}
	if err := SaveKeystore(path, k, "pw", ScryptLight); err == nil {
		t.Fatal("overwrote an existing keystore")
	}
	got, err := LoadKeystore(path, "pw")
	if err != nil {
		t.Fatal(err)
	}
	if got.Address() != k.Address() {
		t.Fatal("loaded a different key")
	}
	if _, err := LoadKeystore(path, "wrong"); !errors.Is(err, ErrBadPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	if strings.Contains(k.String(), k.Hex()[2:]) {
		t.Fatal("String reveals the secret")
	}
	os.Chmod(path, 0o644)
	if _, err := LoadKeystore(path, "pw"); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("world-readable keystore accepted: %v", err)
	}
}

func mustCanonical(t *testing.T, s *wf.Spec) []byte {
	b, err := spec.Canonical(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Key and Verifier sign and recover every message type, each under its
// own digest.
func TestSignRecoverMessages(t *testing.T) {
	k := DevKey(1)
	s := testSpec(t)
	s.Owner = k.Address()
	n := wf.NewNonce()
	fn := s.Code.CID
	seen := map[[32]byte]string{}
	for _, m := range []wf.Message{
		&s,
		wf.LogsRequest{Function: fn, Expires: 1_900_000_000},
		wf.DeleteRequest{Function: fn, Expires: 1_900_000_000},
		wf.AccountRead{Scope: wf.ScopePayer, Expires: 1_900_000_000},
		wf.AccountRead{Scope: wf.ScopeOperator, Expires: 1_900_000_000},
		wf.TunnelLogin{Name: "alice", Gateway: "gw.example", Nonce: n},
		wf.EndpointChallenge{Gateway: "gw.example", Nonce: n},
	} {
		name := fmt.Sprintf("%T", m)
		t.Run(name, func(t *testing.T) {
			d, err := Digest(m)
			if err != nil {
				t.Fatal(err)
			}
			if other, ok := seen[d]; ok {
				t.Fatalf("same digest as %s", other)
			}
			seen[d] = name
			sig, err := k.Sign(m)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := (Verifier{}).Recover(m, sig); err != nil || got != k.Address() {
				t.Fatalf("Recover = %s, %v; want %s", got, err, k.Address())
			}
		})
	}
	for _, m := range []wf.Message{nil, (*wf.Spec)(nil)} {
		if _, err := k.Sign(m); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("Sign(%#v) = %v, want ErrInvalid", m, err)
		}
	}
}

package chain

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/wf"
)

// The digests must be the EIP-712 hashes a wallet computes; recompute them
// by hand from the type strings.
func TestChallengeDigestsByHand(t *testing.T) {
	n := wf.Nonce{1, 2, 3}
	domainType := crypto.Keccak256([]byte("EIP712Domain(string name,string version)"))
	domain := crypto.Keccak256(domainType, crypto.Keccak256([]byte("WebFunctions")), crypto.Keccak256([]byte("1")))
	digest := func(structHash []byte) [32]byte {
		return [32]byte(crypto.Keccak256([]byte{0x19, 0x01}, domain, structHash))
	}
	tests := []struct {
		name string
		got  func() ([32]byte, error)
		want [32]byte
	}{
		{"EndpointProof", func() ([32]byte, error) { return Digest(wf.EndpointChallenge{Gateway: "gw.example", Nonce: n}) },
			digest(crypto.Keccak256(crypto.Keccak256([]byte("EndpointProof(string gateway,bytes32 nonce)")),
				crypto.Keccak256([]byte("gw.example")), n[:]))},
		{"TunnelLogin", func() ([32]byte, error) {
			return Digest(wf.TunnelLogin{Name: "alice", Gateway: "gw.example", Nonce: n})
		},
			digest(crypto.Keccak256(crypto.Keccak256([]byte("TunnelLogin(string name,string gateway,bytes32 nonce)")),
				crypto.Keccak256([]byte("alice")), crypto.Keccak256([]byte("gw.example")), n[:]))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.got()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("digest %x, want %x", got, tt.want)
			}
		})
	}
}

func TestProofs(t *testing.T) {
	k := DevKey(1)
	other := DevKey(2)
	n := wf.NewNonce()
	endpoint := func(gateway string, n wf.Nonce) wf.Message { return wf.EndpointChallenge{Gateway: gateway, Nonce: n} }
	login := func(name, gateway string, n wf.Nonce) wf.Message {
		return wf.TunnelLogin{Name: name, Gateway: gateway, Nonce: n}
	}
	ep, err := Prove(k, endpoint("gw.example", n))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Prove(k, login("alice", "gw.example", n))
	if err != nil {
		t.Fatal(err)
	}
	if err := ep.Verify(endpoint("gw.example", n)); err != nil {
		t.Fatalf("valid endpoint proof rejected: %v", err)
	}
	if err := tl.Verify(login("alice", "gw.example", n)); err != nil {
		t.Fatalf("valid tunnel login rejected: %v", err)
	}
	claimOther := ep
	claimOther.Address = other.Address()
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"other gateway", ep.Verify(endpoint("evil.example", n)), wf.ErrForbidden},
		{"other nonce", ep.Verify(endpoint("gw.example", wf.NewNonce())), wf.ErrForbidden},
		{"claims another address", claimOther.Verify(endpoint("gw.example", n)), wf.ErrForbidden},
		// An endpoint proof, which providers hand to anyone, is no tunnel login.
		{"endpoint proof as login", ep.Verify(login("", "gw.example", n)), wf.ErrForbidden},
		{"login as endpoint proof", tl.Verify(endpoint("gw.example", n)), wf.ErrForbidden},
		{"login for another name", tl.Verify(login("bob", "gw.example", n)), wf.ErrForbidden},
		{"empty gateway", ep.Verify(endpoint("", n)), wf.ErrInvalid},
		{"long gateway", ep.Verify(endpoint(strings.Repeat("a", 254), n)), wf.ErrInvalid},
		{"bad v", func() error { p := ep; p.Signature[64] = 1; return p.Verify(endpoint("gw.example", n)) }(), wf.ErrInvalid},
		{"not a message chain knows", ep.Verify(nil), wf.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, tt.want) {
				t.Fatalf("got %v, want %v", tt.err, tt.want)
			}
		})
	}
}

func TestProofJSON(t *testing.T) {
	b, err := json.Marshal(Proof{Address: DevKey(0).Address()})
	if err != nil || !strings.Contains(string(b), `"address":"0x`) {
		t.Fatalf("proof JSON %s, %v", b, err)
	}
}

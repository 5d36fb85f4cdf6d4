package chain

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/wf"
)

// A gateway routes traffic for a registered name only to a party that
// proves, by signing a fresh gateway-chosen nonce, that it holds the
// registered address. Two proofs exist, as EIP-712 typed data in the same
// domain as specs ("WebFunctions", "1"):
//
//	EndpointProof(string gateway,bytes32 nonce)
//	TunnelLogin(string name,string gateway,bytes32 nonce)
//
// They are distinct types on purpose: a provider answers endpoint
// challenges for anyone who asks (the well-known path is public), so if
// the two shared a digest, anyone could turn a provider into an oracle that
// signs tunnel logins for its name. gateway is the gateway's host name as
// the signer knows it, so a login made to one gateway cannot be relayed to
// another.
var challengeTypes = apitypes.Types{
	"EIP712Domain":  specTypes["EIP712Domain"],
	"EndpointProof": {{Name: "gateway", Type: "string"}, {Name: "nonce", Type: "bytes32"}},
	"TunnelLogin":   {{Name: "name", Type: "string"}, {Name: "gateway", Type: "string"}, {Name: "nonce", Type: "bytes32"}},
}

// ChallengePath is where a provider answers endpoint challenges:
//
//	GET /.well-known/webfunctions/challenge?nonce=<64 hex digits>&gateway=<host>
//
// with a JSON Proof of a wf.EndpointChallenge made by Prove.
const ChallengePath = "/.well-known/webfunctions/challenge"

// Proof is a signed answer to a challenge: who claims to sign, and the
// signature. It is what the challenge endpoint returns as JSON.
type Proof struct {
	Address   wf.Address   `json:"address"`
	Signature wf.Signature `json:"signature"`
}

// maxGatewayName bounds the gateway field: a DNS name is at most 253 bytes.
const maxGatewayName = 253

// endpointDigest is the digest a provider signs to prove, to gateway, that
// it controls the endpoint the challenge reached.
func endpointDigest(gateway string, n wf.Nonce) ([32]byte, error) {
	if gateway == "" || len(gateway) > maxGatewayName {
		return [32]byte{}, fmt.Errorf("%w: gateway name must be 1 to %d bytes", wf.ErrInvalid, maxGatewayName)
	}
	return challengeDigest("EndpointProof", apitypes.TypedDataMessage{
		"gateway": gateway,
		"nonce":   hexutil.Encode(n[:]),
	})
}

// tunnelDigest is the digest a provider signs to open a tunnel to gateway
// for name; an empty name asks for every name its address holds.
func tunnelDigest(name, gateway string, n wf.Nonce) ([32]byte, error) {
	if gateway == "" || len(gateway) > maxGatewayName {
		return [32]byte{}, fmt.Errorf("%w: gateway name must be 1 to %d bytes", wf.ErrInvalid, maxGatewayName)
	}
	return challengeDigest("TunnelLogin", apitypes.TypedDataMessage{
		"name":    name,
		"gateway": gateway,
		"nonce":   hexutil.Encode(n[:]),
	})
}

func challengeDigest(primary string, msg apitypes.TypedDataMessage) ([32]byte, error) {
	d, err := typedDigest(challengeTypes, primary, msg)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: %s digest: %w", primary, err)
	}
	return d, nil
}

// Prove signs m (an endpoint challenge's answer, a tunnel login) as s.
func Prove(s wf.Signer, m wf.Message) (Proof, error) {
	sig, err := s.Sign(m)
	if err != nil {
		return Proof{}, err
	}
	return Proof{Address: s.Address(), Signature: sig}, nil
}

// Verify checks that p is p.Address's signature over m. Errors wrap
// wf.ErrInvalid (malformed) or wf.ErrForbidden (signed by someone else).
func (p Proof) Verify(m wf.Message) error {
	signer, err := Verifier{}.Recover(m, p.Signature)
	if err != nil {
		return err
	}
	if signer != p.Address {
		return fmt.Errorf("%w: signature is by %s, not %s", wf.ErrForbidden, signer.Checksum(), p.Address.Checksum())
	}
	return nil
}

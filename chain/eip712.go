package chain

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Spec signatures are EIP-712 typed data so a wallet shows what it signs:
//
//	domain  EIP712Domain(string name,string version) = ("WebFunctions", "1")
//	message FunctionSpec(address owner,bytes32 specHash)
//
// specHash is keccak256 of the spec's canonical JSON. The domain has no
// chainId on purpose: a spec is valid on every chain and provider.
var specTypes = apitypes.Types{
	"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}},
	"FunctionSpec": {{Name: "owner", Type: "address"}, {Name: "specHash", Type: "bytes32"}},
}

// Digest is the EIP-712 digest of m, the project's typed data (see
// wf.Message for the types): what a wallet shows and signs. Errors wrap
// wf.ErrInvalid.
func Digest(m wf.Message) ([32]byte, error) {
	switch m := m.(type) {
	case *wf.Spec:
		if m == nil {
			break
		}
		return specDigest(m)
	case wf.LogsRequest:
		return ownerActionDigest(logsTypes, "ReadLogs", m.Function, m.Provider, m.Expires)
	case wf.DeleteRequest:
		return ownerActionDigest(deleteTypes, "DeleteFunction", m.Function, m.Provider, m.Expires)
	case wf.AccountRead:
		return accountReadDigest(m)
	case wf.EndpointChallenge:
		return endpointDigest(m.Gateway, m.Nonce)
	case wf.TunnelLogin:
		return tunnelDigest(m.Name, m.Gateway, m.Nonce)
	case *wf.NameRecord:
		if m == nil {
			break
		}
		return nameDigest(m)
	case wf.Voucher:
		return walletVoucherDigest(m)
	case wf.DashboardLogin:
		return loginDigest(m)
	case wf.Delegation:
		return delegationDigest(m)
	case wf.KeyProof:
		return keyProofDigest(m)
	case wf.CredentialRequest:
		return credentialRequestDigest(m)
	}
	return [32]byte{}, fmt.Errorf("%w: chain: no EIP-712 type for %T", wf.ErrInvalid, m)
}

// Sign implements wf.Signer: it signs m's Digest.
func (k *Key) Sign(m wf.Message) (wf.Signature, error) {
	d, err := Digest(m)
	if err != nil {
		return wf.Signature{}, err
	}
	return k.SignDigest(d)
}

// Verifier implements wf.Verifier over Digest and RecoverSigner. The zero
// value is ready to use.
type Verifier struct{}

var (
	_ wf.Signer   = (*Key)(nil)
	_ wf.Verifier = Verifier{}
)

// Recover implements wf.Verifier.
func (Verifier) Recover(m wf.Message, sig wf.Signature) (wf.Address, error) {
	d, err := Digest(m)
	if err != nil {
		return wf.Address{}, err
	}
	return RecoverSigner(d, sig)
}

// domain is the EIP-712 domain of every statement the project signs off
// chain (specs, names, log reads, logins, receipts, ...): no chain id and
// no contract, so a signature holds on any chain.
var domain = apitypes.TypedDataDomain{Name: "WebFunctions", Version: "1"}

// typedDigest is the EIP-712 digest of msg as primary, one of types, in
// the project's domain.
func typedDigest(types apitypes.Types, primary string, msg apitypes.TypedDataMessage) ([32]byte, error) {
	h, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{Types: types, PrimaryType: primary, Domain: domain, Message: msg})
	if err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h), nil
}

// specDigest is the EIP-712 digest the owner signs for s.
func specDigest(s *wf.Spec) ([32]byte, error) {
	canon, err := spec.Canonical(s)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: spec digest: %w", err)
	}
	d, err := typedDigest(specTypes, "FunctionSpec", apitypes.TypedDataMessage{
		"owner":    common.Address(s.Owner).Hex(),
		"specHash": hexutil.Encode(crypto.Keccak256(canon)),
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: spec digest: %w", err)
	}
	return d, nil
}

// SignDigest signs a 32-byte digest, returning v in {27, 28} as
// Ethereum contracts (OpenZeppelin ECDSA) expect.
func (k *Key) SignDigest(d [32]byte) (wf.Signature, error) {
	sig, err := crypto.Sign(d[:], k.pk)
	if err != nil {
		return wf.Signature{}, fmt.Errorf("chain: sign: %w", err)
	}
	sig[64] += 27
	return wf.Signature(sig), nil
}

// RecoverSigner returns the address that signed digest d. It rejects
// malleable (high-s) signatures and v outside {27, 28}.
func RecoverSigner(d [32]byte, sig wf.Signature) (wf.Address, error) {
	v := sig[64]
	if v != 27 && v != 28 {
		return wf.Address{}, fmt.Errorf("%w: signature v must be 27 or 28", wf.ErrInvalid)
	}
	r := new(big.Int).SetBytes(sig[:32])
	s := new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(v-27, r, s, true) {
		return wf.Address{}, fmt.Errorf("%w: malformed signature", wf.ErrInvalid)
	}
	raw := sig
	raw[64] = v - 27
	pub, err := crypto.SigToPub(d[:], raw[:])
	if err != nil {
		return wf.Address{}, fmt.Errorf("%w: signature: %v", wf.ErrInvalid, err)
	}
	return wf.Address(crypto.PubkeyToAddress(*pub)), nil
}

// Log reads and deletes are authorized by the function owner's signature
// over
//
//	ReadLogs(string function,address provider,uint64 expires)
//	DeleteFunction(string function,address provider,uint64 expires)
//
// in the same domain as specs, so only the owner acts on a function, only
// at the provider named (its address, the identity the registry binds),
// and a captured header stops working at expires. The two share their
// fields and differ in their type name, so neither signature does the
// other's work.
var ownerActionFields = []apitypes.Type{
	{Name: "function", Type: "string"},
	{Name: "provider", Type: "address"},
	{Name: "expires", Type: "uint64"},
}

var (
	logsTypes   = apitypes.Types{"EIP712Domain": specTypes["EIP712Domain"], "ReadLogs": ownerActionFields}
	deleteTypes = apitypes.Types{"EIP712Domain": specTypes["EIP712Domain"], "DeleteFunction": ownerActionFields}
)

// ownerActionDigest is the digest an owner signs for the action primary
// (ReadLogs or DeleteFunction, in types) on fn at provider until expires
// (Unix seconds).
func ownerActionDigest(types apitypes.Types, primary string, fn wf.CID, provider wf.Address, expires int64) ([32]byte, error) {
	d, err := typedDigest(types, primary, apitypes.TypedDataMessage{
		"function": fn.String(),
		"provider": common.Address(provider).Hex(),
		"expires":  fmt.Sprint(expires),
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: %s digest: %w", primary, err)
	}
	return d, nil
}

// An account read (wf.AccountRead) is signed by the payer or operator
// over
//
//	ReadAccount(string scope,address provider,uint64 expires)
//
// in the same domain.
var accountReadTypes = apitypes.Types{"EIP712Domain": specTypes["EIP712Domain"], "ReadAccount": {
	{Name: "scope", Type: "string"},
	{Name: "provider", Type: "address"},
	{Name: "expires", Type: "uint64"},
}}

func accountReadDigest(m wf.AccountRead) ([32]byte, error) {
	d, err := typedDigest(accountReadTypes, "ReadAccount", apitypes.TypedDataMessage{
		"scope":    m.Scope,
		"provider": common.Address(m.Provider).Hex(),
		"expires":  fmt.Sprint(m.Expires),
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: ReadAccount digest: %w", err)
	}
	return d, nil
}

// Name records are signed by their owner over
//
//	NameRecord(string name,address owner,uint64 seq,Target[] targets,string sticky,string created)
//	Target(string function,uint8 weight)
//
// in the same domain as specs, so a wallet shows the name, the sequence
// number and every target with its weight. Created is signed too, so
// nobody but the owner can make a second record of the same seq.
var nameTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"NameRecord": {
		{Name: "name", Type: "string"},
		{Name: "owner", Type: "address"},
		{Name: "seq", Type: "uint64"},
		{Name: "targets", Type: "Target[]"},
		{Name: "sticky", Type: "string"},
		{Name: "created", Type: "string"},
	},
	"Target": {
		{Name: "function", Type: "string"},
		{Name: "weight", Type: "uint8"},
	},
}

// nameDigest is the digest an owner signs for name record m.
func nameDigest(m *wf.NameRecord) ([32]byte, error) {
	targets := make([]any, len(m.Targets))
	for i, t := range m.Targets {
		// A plain map: apitypes reads nested structs only as one.
		targets[i] = map[string]any{"function": t.Function.String(), "weight": fmt.Sprint(t.Weight)}
	}
	d, err := typedDigest(nameTypes, "NameRecord", apitypes.TypedDataMessage{
		"name":    m.Name,
		"owner":   common.Address(m.Owner).Hex(),
		"seq":     fmt.Sprint(m.Seq),
		"targets": targets,
		"sticky":  m.Sticky,
		"created": m.Created,
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("%w: chain: name record digest: %v", wf.ErrInvalid, err)
	}
	return d, nil
}

// CI delegations and the job's proof of possession (docs/ci.md), in the
// same domain as specs:
//
//	CIDelegation(address owner,address delegate,string scopes,uint64 notBefore,uint64 notAfter,string issuer,string repository,string workflow,string ref,string commit,string run)
//	CIKeyProof(address owner,bytes32 token)
//
// Their own type names keep a proof from doing a delegation's work and
// neither from doing any other message's.
var ciTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"CIDelegation": {
		{Name: "owner", Type: "address"},
		{Name: "delegate", Type: "address"},
		{Name: "scopes", Type: "string"},
		{Name: "notBefore", Type: "uint64"},
		{Name: "notAfter", Type: "uint64"},
		{Name: "issuer", Type: "string"},
		{Name: "repository", Type: "string"},
		{Name: "workflow", Type: "string"},
		{Name: "ref", Type: "string"},
		{Name: "commit", Type: "string"},
		{Name: "run", Type: "string"},
	},
	"CIKeyProof": {
		{Name: "owner", Type: "address"},
		{Name: "token", Type: "bytes32"},
	},
}

func delegationDigest(d wf.Delegation) ([32]byte, error) {
	if d.NotBefore < 0 || d.NotAfter < 0 {
		return [32]byte{}, fmt.Errorf("%w: chain: delegation times must not be negative", wf.ErrInvalid)
	}
	p := d.Provenance
	return ciDigest("CIDelegation", apitypes.TypedDataMessage{
		"owner":      common.Address(d.Owner).Hex(),
		"delegate":   common.Address(d.Delegate).Hex(),
		"scopes":     d.Scopes,
		"notBefore":  fmt.Sprint(d.NotBefore),
		"notAfter":   fmt.Sprint(d.NotAfter),
		"issuer":     p.Issuer,
		"repository": p.Repository,
		"workflow":   p.Workflow,
		"ref":        p.Ref,
		"commit":     p.Commit,
		"run":        p.Run,
	})
}

func keyProofDigest(p wf.KeyProof) ([32]byte, error) {
	return ciDigest("CIKeyProof", apitypes.TypedDataMessage{
		"owner": common.Address(p.Owner).Hex(),
		"token": hexutil.Encode(p.Token[:]),
	})
}

func ciDigest(primary string, m apitypes.TypedDataMessage) ([32]byte, error) {
	d, err := typedDigest(ciTypes, primary, m)
	if err != nil {
		return [32]byte{}, fmt.Errorf("%w: chain: %s digest: %v", wf.ErrInvalid, primary, err)
	}
	return d, nil
}

// credentialTypes is the holder's request to a credential issuer (package
// cred, docs/credentials.md).
var credentialTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"CredentialRequest": {
		{Name: "issuer", Type: "string"},
		{Name: "commitment", Type: "bytes32"},
		{Name: "expires", Type: "uint64"},
	},
}

func credentialRequestDigest(r wf.CredentialRequest) ([32]byte, error) {
	if r.Expires < 0 {
		return [32]byte{}, fmt.Errorf("%w: chain: credential request expiry must not be negative", wf.ErrInvalid)
	}
	d, err := typedDigest(credentialTypes, "CredentialRequest", apitypes.TypedDataMessage{
		"issuer":     r.Issuer,
		"commitment": hexutil.Encode(r.Commitment[:]),
		"expires":    fmt.Sprint(r.Expires),
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("%w: chain: CredentialRequest digest: %v", wf.ErrInvalid, err)
	}
	return d, nil
}

package wf

// Message is a statement an Ethereum account signs: EIP-712 typed data in
// the WebFunctions domain (name "WebFunctions", version "1", no chain id:
// these statements are about functions and endpoints, not about a chain).
// The set is closed: *Spec, *NameRecord, LogsRequest, DeleteRequest, AccountRead, CredentialRequest,
// TunnelLogin, EndpointChallenge, DashboardLogin, Delegation and
// KeyProof, and Voucher, which is
// in the escrow's own domain. Each needs its own EIP-712 encoding, and
// package chain, which holds all the EIP-712 code, computes it, so a new
// message type is a change to both packages. Charge receipts are signed by package chain directly:
// only packages that talk to the chain make them.
type Message interface{ message() }

// A *Spec is signed by its owner as
//
//	FunctionSpec(address owner,bytes32 specHash)
//
// with specHash the Keccak-256 of the spec's canonical encoding.
func (*Spec) message() {}

// LogsRequest asks the provider whose address is Provider for a
// function's recent invocations (GET /v1/logs/{cid}); the function's
// owner signs it, and it is good until Expires (Unix seconds), so a
// captured request stops working soon and never works at another
// provider. Provider is the zero address only for a provider without an
// identity key, which has nothing else to bind to.
//
//	ReadLogs(string function,address provider,uint64 expires)
type LogsRequest struct {
	Function CID
	Provider Address
	Expires  int64
}

func (LogsRequest) message() {}

// TunnelLogin asks the gateway named Gateway (its host name as the
// provider dialed it) to serve Name through the tunnel connection that
// carries it, or every name the signer holds when Name is empty; Nonce is
// the gateway's challenge on that connection:
//
//	TunnelLogin(string name,string gateway,bytes32 nonce)
type TunnelLogin struct {
	Name, Gateway string
	Nonce         Nonce
}

func (TunnelLogin) message() {}

// EndpointChallenge is a provider's answer to the gateway named Gateway
// that sent Nonce to its endpoint: it proves that whoever answers there
// holds the registered address. Its EIP-712 type differs from
// TunnelLogin's on purpose: a provider answers endpoint challenges for
// anyone, so it must not thereby sign tunnel logins.
//
//	EndpointProof(string gateway,bytes32 nonce)
type EndpointChallenge struct {
	Gateway string
	Nonce   Nonce
}

func (EndpointChallenge) message() {}

// Signer signs messages as one account: package chain's *Key, or anything
// that holds a key elsewhere (a hardware wallet, a remote signer).
// Packages that only sign take a Signer, so they do not link the
// cryptography behind it. Implementations are safe for concurrent use.
type Signer interface {
	// Address is the account that signs.
	Address() Address
	// Sign returns the account's 65-byte signature over m's EIP-712
	// digest, with v in {27, 28}. Errors wrap ErrInvalid for a message
	// that cannot be signed (a gateway name too long, a spec that has no
	// canonical encoding).
	Sign(m Message) (Signature, error)
}

// Verifier finds who signed a message. Package chain's Verifier
// implements it; packages that check signatures without linking
// go-ethereum take one from whoever wires them. Implementations are safe
// for concurrent use.
type Verifier interface {
	// Recover returns the address whose key made sig over m. It refuses
	// malleable (high-s) signatures and v outside {27, 28}; errors wrap
	// ErrInvalid. Whether that address was the one expected is the
	// caller's to check.
	Recover(m Message, sig Signature) (Address, error)
}

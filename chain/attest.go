package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// DefaultAttestationTTL is how long an attestation holds unless its
// auditor says otherwise: a day, so auditing must be continuous.
const DefaultAttestationTTL = 24 * time.Hour

// Attestation is an auditor's finding about a registered provider, as the
// Attestations contract (contracts/src/Attestations.sol) keeps it: only
// the latest per auditor, provider and schema.
type Attestation struct {
	Auditor      wf.Address // set by the contract: the signer
	Provider     string     // registry name
	Owner        wf.Address // the name's registry owner when audited: the attestation is about it, not the name
	Schema       [32]byte   // what was checked
	ManifestHash [32]byte   // SHA-256 of the manifest block checked against: its CID's digest
	ReportCID    string     // the auditor's signed report
	Score        uint16     // 0 to MaxScore
	IssuedAt     time.Time  // set by the contract
	ExpiresAt    time.Time
	Revoked      bool // set by the contract
}

// MaxScore is the highest attestation score: scores are basis points.
const MaxScore = 10000

// Holds reports whether a holds at now for the name's current registry
// owner and the manifest with hash m. Checking the owner keeps an
// attestation from passing to whoever registers the name next.
func (a Attestation) Holds(now time.Time, owner wf.Address, m [32]byte) bool {
	return !a.Auditor.IsZero() && !a.Revoked && now.Before(a.ExpiresAt) && !owner.IsZero() && a.Owner == owner && a.ManifestHash == m
}

// Attestations calls the Attestations contract at one address as one
// Client's account. It is safe for concurrent use.
type Attestations struct {
	c    *Client
	addr wf.Address
	abi  *bindings.Attestations
}

// DeployAttestations deploys an Attestations contract from the client's
// account.
func (c *Client) DeployAttestations(ctx context.Context) (wf.Address, error) {
	return c.create(ctx, "Attestations", bindings.AttestationsMetaData.Bin, nil)
}

// Attestations returns the Attestations contract at addr, checking that
// code is deployed there.
func (c *Client) Attestations(ctx context.Context, addr wf.Address) (*Attestations, error) {
	if addr.IsZero() {
		return nil, fmt.Errorf("%w: chain: no attestations contract address", wf.ErrInvalid)
	}
	code, err := c.backend.CodeAt(ctx, common.Address(addr), nil)
	if err != nil {
		return nil, fmt.Errorf("chain: check attestations contract: %w", err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("%w: chain: no attestations contract at %s on chain %s", wf.ErrInvalid, addr.Checksum(), c.chainID)
	}
	return &Attestations{c: c, addr: addr, abi: bindings.NewAttestations()}, nil
}

// Address is the contract's address.
func (a *Attestations) Address() wf.Address { return a.addr }

// As returns the contract called as c (another key on the same chain).
func (a *Attestations) As(c *Client) *Attestations {
	return &Attestations{c: c, addr: a.addr, abi: a.abi}
}

// Attest records x as the client's attestation (x.Auditor, IssuedAt and
// Revoked are ignored); x.Owner must be the name's registry owner as audited. A zero ExpiresAt means DefaultAttestationTTL from
// the latest block's time.
func (a *Attestations) Attest(ctx context.Context, x Attestation) (Receipt, error) {
	if x.ExpiresAt.IsZero() {
		var err error
		if x.ExpiresAt, err = a.defaultExpiry(ctx); err != nil {
			return Receipt{}, err
		}
	}
	data, err := a.abi.TryPackAttest(x.Provider, common.Address(x.Owner), x.Schema, x.ManifestHash, x.ReportCID, x.Score, uint64(x.ExpiresAt.Unix()))
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: attest %q: %w", x.Provider, err)
	}
	return a.c.transact(ctx, a.addr, data, fmt.Sprintf("attest %q", x.Provider))
}

func (a *Attestations) defaultExpiry(ctx context.Context) (time.Time, error) {
	h, err := a.c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return time.Time{}, fmt.Errorf("chain: latest header: %w", err)
	}
	return time.Unix(int64(h.Time), 0).Add(DefaultAttestationTTL), nil
}

// SignedAttestation is an attestation its auditor signed for anyone to
// submit (AttestSigned), with the auditor's nonce it consumes.
type SignedAttestation struct {
	Attestation
	Nonce     uint64
	Signature wf.Signature
}

// AttestationDigest is the EIP-712 digest of x with nonce for the
// Attestations contract at contract on chain chainID:
//
//	domain   ("WebFunctions Attestations", "1", chain id, contract)
//	message  Attestation(string provider,address owner,bytes32 schema,bytes32 manifestHash,string reportCID,uint16 score,uint64 expiresAt,uint256 nonce)
func AttestationDigest(chainID *big.Int, contract wf.Address, x Attestation, nonce uint64) [32]byte {
	domainType := crypto.Keccak256Hash([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	msgType := crypto.Keccak256Hash([]byte("Attestation(string provider,address owner,bytes32 schema,bytes32 manifestHash,string reportCID,uint16 score,uint64 expiresAt,uint256 nonce)"))
	word := func(b []byte) []byte { return common.LeftPadBytes(b, 32) }
	domain := crypto.Keccak256(
		domainType[:], crypto.Keccak256([]byte("WebFunctions Attestations")), crypto.Keccak256([]byte("1")),
		word(chainID.Bytes()), word(contract[:]))
	st := crypto.Keccak256(
		msgType[:], crypto.Keccak256([]byte(x.Provider)), word(x.Owner[:]), x.Schema[:], x.ManifestHash[:],
		crypto.Keccak256([]byte(x.ReportCID)), word(big.NewInt(int64(x.Score)).Bytes()),
		word(big.NewInt(x.ExpiresAt.Unix()).Bytes()), word(new(big.Int).SetUint64(nonce).Bytes()))
	return [32]byte(crypto.Keccak256([]byte("\x19\x01"), domain, st))
}

// Sign signs x with k for this contract, to be submitted with nonce, k's
// next (Nonce).
func (a *Attestations) Sign(k *Key, x Attestation, nonce uint64) (SignedAttestation, error) {
	x.Auditor = k.Address()
	sig, err := k.SignDigest(AttestationDigest(a.c.chainID, a.addr, x, nonce))
	if err != nil {
		return SignedAttestation{}, err
	}
	return SignedAttestation{Attestation: x, Nonce: nonce, Signature: sig}, nil
}

// AttestSigned submits s, paying the gas from the client's account; the
// contract records it as s.Auditor's. A replayed or forged one fails with
// BadNonce or InvalidSignature.
func (a *Attestations) AttestSigned(ctx context.Context, s SignedAttestation) (Receipt, error) {
	data, err := a.abi.TryPackAttestSigned(common.Address(s.Auditor), s.Provider, common.Address(s.Owner), s.Schema, s.ManifestHash, s.ReportCID,
		s.Score, uint64(s.ExpiresAt.Unix()), new(big.Int).SetUint64(s.Nonce), s.Signature[:])
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: attest %q: %w", s.Provider, err)
	}
	return a.c.transact(ctx, a.addr, data, fmt.Sprintf("attest %q for %s", s.Provider, s.Auditor.Checksum()))
}

// Revoke withdraws the client's latest attestation about provider under
// schema.
func (a *Attestations) Revoke(ctx context.Context, provider string, schema [32]byte) (Receipt, error) {
	data, err := a.abi.TryPackRevoke(provider, schema)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: revoke %q: %w", provider, err)
	}
	return a.c.transact(ctx, a.addr, data, fmt.Sprintf("revoke %q", provider))
}

// Latest is auditor's latest attestation about provider under schema,
// revoked and expired ones included; an error matching wf.ErrNotFound if
// there is none.
func (a *Attestations) Latest(ctx context.Context, auditor wf.Address, provider string, schema [32]byte) (Attestation, error) {
	data, err := a.abi.TryPackLatest(common.Address(auditor), provider, schema)
	if err != nil {
		return Attestation{}, fmt.Errorf("chain: latest attestation: %w", err)
	}
	out, err := a.c.call(ctx, a.addr, data, fmt.Sprintf("latest attestation of %q", provider))
	if err != nil {
		return Attestation{}, err
	}
	r, err := a.abi.UnpackLatest(out)
	if err != nil {
		return Attestation{}, fmt.Errorf("chain: latest attestation: %w", err)
	}
	if r.Auditor == (common.Address{}) {
		return Attestation{}, fmt.Errorf("%w: no attestation by %s about %q", wf.ErrNotFound, auditor.Checksum(), provider)
	}
	return Attestation{
		Auditor: wf.Address(r.Auditor), Provider: provider, Owner: wf.Address(r.Owner), Schema: r.Schema, ManifestHash: r.ManifestHash,
		ReportCID: r.ReportCID, Score: r.Score, IssuedAt: time.Unix(int64(r.IssuedAt), 0),
		ExpiresAt: time.Unix(int64(r.ExpiresAt), 0), Revoked: r.Revoked,
	}, nil
}

// Nonce is the nonce auditor's next attestation consumes.
func (a *Attestations) Nonce(ctx context.Context, auditor wf.Address) (uint64, error) {
	out, err := a.c.call(ctx, a.addr, a.abi.PackNonces(common.Address(auditor)), "attestation nonce")
	if err != nil {
		return 0, err
	}
	n, err := a.abi.UnpackNonces(out)
	if err != nil {
		return 0, fmt.Errorf("chain: attestation nonce: %w", err)
	}
	return n.Uint64(), nil
}

// SchemaID is the schema id of a check suite's name.
func SchemaID(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

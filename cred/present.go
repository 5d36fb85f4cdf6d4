package cred

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	tedwards "github.com/consensys/gnark-crypto/ecc/twistededwards"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/frontend"

	"github.com/webfunctions/wf/wf"
)

// Headers of the credential protocol (docs/credentials.md).
const (
	// CredentialHeader carries a Presentation: unpadded base64url JSON.
	CredentialHeader = "X-WF-Credential"
	// SessionHeader carries a session signature over the request:
	// "<session key>.<sequence number>.<signature>", key and signature
	// unpadded base64url.
	SessionHeader = "X-WF-Session"
)

// maxPresentation bounds a CredentialHeader's decoded size.
const maxPresentation = 4 << 10

// numPublic is the circuit's public inputs, as publicInputs fills them.
const numPublic = 5 + 2 + 3*Comparisons + 2 + 1 + Slots + 2

// Presentation is what a holder sends once per session: a proof and the
// public inputs that are not the policy's. Fields are in JSON key order.
type Presentation struct {
	// Disclosed are the values of the slots the policy discloses, which
	// the provider hashes and checks against the proof.
	Disclosed []Disclosed `json:"disclosed,omitempty"`
	// Epoch is the rate-limit epoch (unix seconds / the policy's rate
	// seconds), 0 without a rate limit; Nullifier goes with it.
	Epoch     int64     `json:"epoch,omitempty"`
	Issuer    IssuerKey `json:"issuer"`
	NotAfter  int64     `json:"notAfter"`
	NotBefore int64     `json:"notBefore"`
	Nullifier string    `json:"nullifier,omitempty"`
	// Proof is the Groth16 proof, compressed (164 bytes), base64url.
	Proof string `json:"proof"`
	// Provider is the one provider the proof is for; omitted, any.
	Provider *wf.Address `json:"provider,omitempty"`
	// Session is the Ed25519 session key, base64url: later requests carry
	// its signatures instead of a proof.
	Session string `json:"session"`
	// Valid is the issuer's signed valid set whose root the proof's set
	// is, when the policy checks revocation.
	Valid *ValidSet `json:"valid,omitempty"`
}

// Disclosed is a disclosed slot's value. Fields are in JSON key order.
type Disclosed struct {
	Int    *int64  `json:"int,omitempty"`
	Slot   int     `json:"slot"`
	String *string `json:"string,omitempty"`
}

func (d Disclosed) attr() Attr { return Attr{Name: "x", Int: d.Int, String: d.String} }

// Request is what a holder proves for: a function, optionally one
// provider, a session key and a window.
type Request struct {
	Function  wf.CID
	Provider  wf.Address // zero: any provider
	Session   ed25519.PublicKey
	NotBefore time.Time
	NotAfter  time.Time
	// Valid is the issuer's valid list, for a policy that checks
	// revocation (FetchValidList).
	Valid *ValidList
}

// Prove makes a presentation of c (held with secret) that satisfies p
// for req, proving with pk. It refuses early, without proving, what the
// provider would refuse.
func Prove(pk *ProvingKey, p *Policy, c *Credential, secret *Secret, req Request) (*Presentation, error) {
	if err := c.Verify(); err != nil {
		return nil, err
	}
	if c.Commitment != secret.Commitment() {
		return nil, fmt.Errorf("%w: cred: the credential was issued to another secret", wf.ErrInvalid)
	}
	if err := p.Satisfied(c); err != nil {
		return nil, err
	}
	nb, na := req.NotBefore.Unix(), req.NotAfter.Unix()
	switch {
	case len(req.Session) != ed25519.PublicKeySize:
		return nil, fmt.Errorf("%w: cred: session key missing", wf.ErrInvalid)
	case na <= nb || na-nb > p.Access.MaxSessionSeconds:
		return nil, fmt.Errorf("%w: cred: session window %ds must be 1 to %ds (the policy's maxSessionSeconds)", wf.ErrInvalid, na-nb, p.Access.MaxSessionSeconds)
	case na > c.Expiry:
		return nil, fmt.Errorf("%w: cred: the credential expires at %s, before the session would end", wf.ErrInvalid, time.Unix(c.Expiry, 0).UTC().Format(time.RFC3339))
	}
	pres := &Presentation{Issuer: c.Issuer, NotAfter: na, NotBefore: nb,
		Session: base64.RawURLEncoding.EncodeToString(req.Session)}
	if !req.Provider.IsZero() {
		a := req.Provider
		pres.Provider = &a
	}
	var serials *tree
	if r := p.Access.Revocation; r != nil {
		switch {
		case req.Valid == nil:
			return nil, fmt.Errorf("%w: cred: the policy checks revocation: get the issuer's valid list first", wf.ErrInvalid)
		case !equalKey(req.Valid.Set.Issuer, c.Issuer):
			return nil, fmt.Errorf("%w: cred: the valid list is another issuer's", wf.ErrInvalid)
		case na > req.Valid.Set.IssuedAt+r.MaxAgeSeconds:
			return nil, fmt.Errorf("%w: cred: the session must end within %ds of the valid list's time (by %d)", wf.ErrInvalid, r.MaxAgeSeconds, req.Valid.Set.IssuedAt+r.MaxAgeSeconds)
		}
		if err := req.Valid.Check(); err != nil {
			return nil, err
		}
		vs := req.Valid.Set
		pres.Valid = &vs
		serials = serialTree(req.Valid.Serials)
	}
	for _, d := range p.Access.Disclose {
		a := c.Attrs[d.Slot]
		pres.Disclosed = append(pres.Disclosed, Disclosed{Int: a.Int, Slot: d.Slot, String: a.String})
	}
	var nullifier *big.Int
	if r := p.Access.Rate; r != nil {
		pres.Epoch = nb / r.Seconds
		if (pres.Epoch+1)*r.Seconds < na {
			return nil, fmt.Errorf("%w: cred: a rate-limited session must end with its epoch (by %d); shorten it", wf.ErrInvalid, (pres.Epoch+1)*r.Seconds)
		}
		nullifier = mimcHash(secret.x, FunctionField(req.Function), big.NewInt(pres.Epoch))
		pres.Nullifier = "0x" + hex.EncodeToString(fieldBytes(nullifier))
	}

	st, err := p.statement(req.Function, req.Provider, pres, nullifier)
	if err != nil {
		return nil, err
	}
	assignment, err := st.assignment()
	if err != nil {
		return nil, err
	}
	// The witness.
	assignment.Secret = secret.x
	assignment.Expiry = c.Expiry
	for i := range Slots {
		assignment.Attrs[i] = c.slot(i)
	}
	sig, err := hexBytes(c.Signature, 64)
	if err != nil {
		return nil, fmt.Errorf("%w: cred: signature: %v", wf.ErrInvalid, err)
	}
	assignment.Signature.Assign(tedwards.BN254, sig)
	assignment.SetIndex = 0
	for d := range SetDepth {
		assignment.SetPath[d] = 0
	}
	set, setSlot, what := p.set, p.setSlot, "the policy's set"
	if serials != nil {
		set, setSlot, what = serials, p.Access.Revocation.Slot, "the issuer's valid set: the credential is revoked (or the list predates it)"
	}
	if set != nil {
		i, path, ok := set.path(c.slot(setSlot))
		if !ok {
			return nil, fmt.Errorf("%w: cred: slot %d is not in %s", wf.ErrForbidden, setSlot, what)
		}
		assignment.SetIndex = i
		for d := range SetDepth {
			assignment.SetPath[d] = path[d]
		}
	}

	cs, err := System()
	if err != nil {
		return nil, err
	}
	w, err := frontend.NewWitness(assignment, ecc.BN254.ScalarField())
	if err != nil {
		return nil, fmt.Errorf("cred: witness: %w", err)
	}
	proof, err := groth16.Prove(cs, pk.pk, w)
	if err != nil {
		return nil, fmt.Errorf("cred: prove: %w", err)
	}
	var buf bytes.Buffer
	if _, err := proof.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("cred: prove: %w", err)
	}
	pres.Proof = base64.RawURLEncoding.EncodeToString(buf.Bytes())
	return pres, nil
}

// statement is every public input of one presentation.
type statement struct {
	function, provider, session *big.Int
	notBefore, notAfter         int64
	issuerX, issuerY            *big.Int
	p                           *Policy
	disclosed                   [Slots]*big.Int
	epoch                       int64
	nullifier                   *big.Int
	setSlot                     int      // the policy's, or the revocation slot
	setRoot                     *big.Int // the policy's, or the valid set's root
}

// statement builds the public inputs of pres for a call to fn at
// provider (zero: the presentation's own choice, for a holder). The
// nullifier is the presentation's, decoded by the caller.
func (p *Policy) statement(fn wf.CID, provider wf.Address, pres *Presentation, nullifier *big.Int) (*statement, error) {
	pub, err := pres.Issuer.public()
	if err != nil {
		return nil, err
	}
	session, err := base64.RawURLEncoding.DecodeString(pres.Session)
	if err != nil || len(session) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: session: want an Ed25519 key, unpadded base64url", wf.ErrInvalid)
	}
	st := &statement{function: FunctionField(fn), provider: AddressField(provider), session: SessionField(session),
		notBefore: pres.NotBefore, notAfter: pres.NotAfter, p: p, epoch: pres.Epoch, nullifier: nullifier}
	if st.nullifier == nil {
		st.nullifier = new(big.Int)
	}
	st.setSlot, st.setRoot = p.setSlot, p.setRoot
	if r := p.Access.Revocation; r != nil {
		if pres.Valid == nil {
			return nil, fmt.Errorf("%w: the policy checks revocation: the presentation has no valid set", wf.ErrInvalid)
		}
		root, err := pres.Valid.root()
		if err != nil {
			return nil, err
		}
		st.setSlot, st.setRoot = r.Slot, root
	} else if pres.Valid != nil {
		return nil, fmt.Errorf("%w: the policy does not check revocation: give no valid set", wf.ErrInvalid)
	}
	st.issuerX, st.issuerY = new(big.Int), new(big.Int)
	pub.A.X.BigInt(st.issuerX)
	pub.A.Y.BigInt(st.issuerY)
	for i := range Slots {
		st.disclosed[i] = new(big.Int)
	}
	for _, d := range pres.Disclosed {
		st.disclosed[d.Slot] = d.attr().Field()
	}
	return st, nil
}

// assignment is st as the circuit's public inputs.
func (st *statement) assignment() (*Circuit, error) {
	c := &Circuit{Function: st.function, Provider: st.provider, Session: st.session,
		NotBefore: st.notBefore, NotAfter: st.notAfter,
		SetSlot: st.setSlot, SetRoot: st.setRoot, Mask: st.p.mask,
		Epoch: st.epoch, Nullifier: st.nullifier}
	c.Issuer.A.X, c.Issuer.A.Y = st.issuerX, st.issuerY
	for i := range Comparisons {
		c.CmpSlot[i], c.CmpOp[i], c.CmpValue[i] = st.p.cmpSlot[i], st.p.cmpOp[i], st.p.cmpValue[i]
	}
	for i := range Slots {
		c.Disclosed[i] = st.disclosed[i]
	}
	return c, nil
}

// vector is st's public inputs in the circuit's order (its fields' order,
// public ones only), for the verifier.
func (st *statement) vector() fr.Vector {
	v := make(fr.Vector, 0, numPublic)
	add := func(x *big.Int) {
		var e fr.Element
		e.SetBigInt(x)
		v = append(v, e)
	}
	small := func(n int64) { add(big.NewInt(n)) }
	add(st.function)
	add(st.provider)
	add(st.session)
	small(st.notBefore)
	small(st.notAfter)
	add(st.issuerX)
	add(st.issuerY)
	for i := range Comparisons {
		small(int64(st.p.cmpSlot[i]))
	}
	for i := range Comparisons {
		small(int64(st.p.cmpOp[i]))
	}
	for i := range Comparisons {
		add(st.p.cmpValue[i])
	}
	small(int64(st.setSlot))
	add(st.setRoot)
	add(new(big.Int).SetUint64(st.p.mask))
	for i := range Slots {
		add(st.disclosed[i])
	}
	small(st.epoch)
	add(st.nullifier)
	return v
}

// verifyProof checks a compressed proof against st under vk.
func verifyProof(vk *VerifyingKey, proofBytes []byte, st *statement) error {
	proof, err := decodeProof(proofBytes)
	if err != nil {
		return err
	}
	return verifyVector(vk, proof, st.vector())
}

func verifyVector(vk *VerifyingKey, proof *groth16bn254.Proof, v fr.Vector) error {
	if err := groth16bn254.Verify(proof, vk.vk, v); err != nil {
		return fmt.Errorf("the proof does not verify: %v", err)
	}
	return nil
}

// decodeProof decodes a compressed proof strictly (points on the curve
// and in their subgroups, no commitment, nothing after it).
func decodeProof(b []byte) (*groth16bn254.Proof, error) {
	proof := new(groth16bn254.Proof)
	n, err := proof.ReadFrom(bytes.NewReader(b))
	if err != nil || n != int64(len(b)) || len(proof.Commitments) != 0 {
		return nil, fmt.Errorf("the proof does not decode")
	}
	return proof, nil
}

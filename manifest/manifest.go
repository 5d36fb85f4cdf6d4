// Package manifest is a provider's self-description: what it runs, where
// it is, what it allows and charges, and whom to contact. A manifest is a
// content-addressed JSON block; its CID is the metadata CID of the
// provider's registry entry (`wf provider update --manifest FILE`), the
// node serves the block in /v1/info (`wf provider start --manifest FILE`),
// and auditors check the node against it (package audit) and attest to
// its hash, so a manifest change voids what was attested of the old one.
//
// A manifest states claims; nothing here checks them. Package audit does.
package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/wf"
)

// Schema is the Schema field of manifests this package writes and reads.
const Schema = "wf-manifest-1"

// MaxBytes bounds a manifest block.
const MaxBytes = 16 << 10

// Manifest is a provider's self-description. Encode gives its block.
type Manifest struct {
	Schema string `json:"schema"` // Schema
	// Name is the provider's registry name.
	Name string `json:"name"`
	// Software is the node's software version, as /v1/info says it.
	Software string `json:"software"`
	// Runtimes are the function runtimes it runs (wf.RuntimeWAGI).
	Runtimes []string `json:"runtimes"`
	// Features are what else it offers: "sealed" (opens sealed
	// functions), "tunnel", "payments", or a spec extension's name.
	Features []string `json:"features,omitempty"`
	Limits   Limits   `json:"limits"`
	Capacity Capacity `json:"capacity"`
	// Region is where it runs, one of Regions' names (e.g. "eu-west");
	// Country its ISO 3166-1 alpha-2 code.
	Region  string `json:"region,omitempty"`
	Country string `json:"country,omitempty"`
	// Price is what one request costs, in token base units (decimal);
	// it must equal the registered price.
	Price string `json:"price"`
	// Contact is how to reach the operator (e-mail or URL).
	Contact string `json:"contact,omitempty"`
	// Mina is what it charges in MINA, if it takes MINA (issue 18): the
	// same terms as /v1/info's "mina".
	Mina *MinaTerms `json:"mina,omitempty"`
}

// MinaTerms are a provider's MINA terms.
type MinaTerms struct {
	Network  string `json:"network"`  // "testnet" (devnet) or "mainnet"
	Provider string `json:"provider"` // the Mina public key channels pay (B62...)
	Price    string `json:"price"`    // nanomina per request (decimal)
}

// Limits are the maxima the provider claims, named as in /v1/info.
type Limits struct {
	MaxMemoryPages   uint32 `json:"maxMemoryPages"`
	MaxTimeoutMS     int64  `json:"maxTimeoutMs"`
	MaxCPUTimeMS     int64  `json:"maxCpuTimeMs,omitempty"`
	MaxRequestBytes  int64  `json:"maxRequestBytes,omitempty"`
	MaxResponseBytes int64  `json:"maxResponseBytes,omitempty"`
}

// Capacity is how much work the provider claims to take at once.
type Capacity struct {
	MaxConcurrent int `json:"maxConcurrent,omitempty"`
}

// Parse reads a manifest block or file, refusing unknown fields (a typo
// would otherwise be a silently missing claim) and invalid values.
func Parse(b []byte) (Manifest, error) {
	if len(b) > MaxBytes {
		return Manifest{}, fmt.Errorf("%w: manifest: %d bytes, at most %d", wf.ErrInvalid, len(b), MaxBytes)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	var m Manifest
	if err := d.Decode(&m); err != nil {
		return Manifest{}, fmt.Errorf("%w: manifest: %v", wf.ErrInvalid, err)
	}
	if d.More() {
		return Manifest{}, fmt.Errorf("%w: manifest: data after the object", wf.ErrInvalid)
	}
	if m.Schema == "" {
		m.Schema = Schema
	}
	return m, m.Validate()
}

// Validate checks the fields' forms (not their truth).
func (m Manifest) Validate() error {
	bad := func(f string, a ...any) error {
		return fmt.Errorf("%w: manifest: "+f, append([]any{wf.ErrInvalid}, a...)...)
	}
	switch {
	case m.Schema != Schema:
		return bad("schema %q, want %q", m.Schema, Schema)
	case m.Name == "":
		return bad("no name (the registry name)")
	case len(m.Runtimes) == 0:
		return bad("no runtimes")
	case m.Limits.MaxMemoryPages == 0 || m.Limits.MaxTimeoutMS <= 0:
		return bad("limits need maxMemoryPages and maxTimeoutMs")
	case m.Region != "" && !KnownRegion(m.Region):
		return bad("region %q is not one of %s", m.Region, strings.Join(RegionNames(), ", "))
	case m.Country != "" && (len(m.Country) != 2 || strings.ToUpper(m.Country) != m.Country):
		return bad("country %q: want an ISO 3166-1 alpha-2 code such as DE", m.Country)
	case len(m.Contact) > 256:
		return bad("contact longer than 256 bytes")
	}
	if _, err := m.PriceInt(); err != nil {
		return err
	}
	if t := m.Mina; t != nil {
		if _, err := mina.ParseNetwork(t.Network); err != nil {
			return bad("mina: %v", err)
		}
		if _, err := mina.ParsePublicKey(t.Provider); err != nil {
			return bad("mina: provider %q: %v", t.Provider, err)
		}
		if p, err := strconv.ParseUint(t.Price, 10, 64); err != nil || strconv.FormatUint(p, 10) != t.Price {
			return bad("mina: price %q: want nanomina, e.g. \"1000000\"", t.Price)
		}
	}
	return nil
}

// PriceInt is Price as an integer; "" is zero.
func (m Manifest) PriceInt() (*big.Int, error) {
	if m.Price == "" {
		return new(big.Int), nil
	}
	p, ok := new(big.Int).SetString(m.Price, 10)
	if !ok || p.Sign() < 0 {
		return nil, fmt.Errorf("%w: manifest: price %q: want token base units, e.g. \"1000\"", wf.ErrInvalid, m.Price)
	}
	return p, nil
}

// Has reports whether the manifest lists feature f.
func (m Manifest) Has(f string) bool { return slices.Contains(m.Features, f) }

// Encode is the manifest's block: compact JSON with sorted lists, so the
// same claims always give the same CID.
func (m Manifest) Encode() []byte {
	m.Runtimes = sorted(m.Runtimes)
	m.Features = sorted(m.Features)
	b, err := json.Marshal(m)
	if err != nil {
		panic(err) // plain fields only
	}
	return b
}

// CID is the CID of a manifest block.
func CID(block []byte) wf.CID { return wf.SumCID(wf.CodecJSON, block) }

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// Hash is the SHA-256 digest a manifest CID names, the manifest hash
// attestations carry: comparing it needs the registry's CID, not the
// block. ok is false for a CID that is not a SHA-256 manifest CID.
func Hash(c wf.CID) (h [32]byte, ok bool) {
	mh := c.Multihash()
	if c.Codec() != wf.CodecJSON || len(mh) != 34 || mh[0] != 0x12 || mh[1] != 0x20 {
		return h, false
	}
	return [32]byte(mh[2:]), true
}

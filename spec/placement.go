package spec

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/webfunctions/wf/wf"
)

// PlacementExtension is the owner's requirements on the providers that
// serve a function, which gateways honour when they route to it
// (docs/audit.md, "Placement"). It is not required: providers need do
// nothing with it, and a node that does not know it may still run the
// function.
const PlacementExtension = "wf.placement"

// MaxPlacementAuditors bounds Placement.AttestedBy.
const MaxPlacementAuditors = 8

// Placement is the data of a wf.placement extension. Fields are in JSON
// key order, so the encoding is canonical; the zero value of each field
// requires nothing.
type Placement struct {
	// AllOf requires an attestation from every auditor in AttestedBy,
	// not from any one.
	AllOf bool `json:"allOf,omitempty"`
	// AttestedBy are the auditors whose attestations count.
	AttestedBy []wf.Address `json:"attestedBy,omitempty"`
	// MaxPrice is the most a request may cost, in the token's base units
	// (a decimal integer).
	MaxPrice string `json:"maxPrice,omitempty"`
	// MinScore is the least attested score in percent (1 to 100); it
	// needs AttestedBy.
	MinScore int `json:"minScore,omitempty"`
	// Region is a region or a prefix of regions ("eu" admits eu-west),
	// as providers' manifests name them.
	Region string `json:"region,omitempty"`
}

// Check validates p's form.
func (p *Placement) Check() error {
	if len(p.AttestedBy) > MaxPlacementAuditors {
		return fmt.Errorf("%w: %d auditors; at most %d", wf.ErrInvalid, len(p.AttestedBy), MaxPlacementAuditors)
	}
	if !slices.IsSortedFunc(p.AttestedBy, func(a, b wf.Address) int { return strings.Compare(a.String(), b.String()) }) ||
		len(slices.Compact(slices.Clone(p.AttestedBy))) != len(p.AttestedBy) {
		return fmt.Errorf("%w: attestedBy must be sorted, each auditor once", wf.ErrInvalid)
	}
	for _, a := range p.AttestedBy {
		if a.IsZero() {
			return fmt.Errorf("%w: attestedBy holds the zero address", wf.ErrInvalid)
		}
	}
	if p.MaxPrice != "" {
		if n, ok := new(big.Int).SetString(p.MaxPrice, 10); !ok || n.Sign() < 0 || n.String() != p.MaxPrice {
			return fmt.Errorf("%w: maxPrice %q must be a decimal integer of token base units", wf.ErrInvalid, truncate(p.MaxPrice))
		}
	}
	if p.MinScore < 0 || p.MinScore > 100 {
		return fmt.Errorf("%w: minScore %d must be a percentage, 1 to 100", wf.ErrInvalid, p.MinScore)
	}
	if p.MinScore > 0 && len(p.AttestedBy) == 0 {
		return fmt.Errorf("%w: minScore needs the auditors whose scores count (attestedBy)", wf.ErrInvalid)
	}
	if p.AllOf && len(p.AttestedBy) == 0 {
		return fmt.Errorf("%w: allOf needs attestedBy", wf.ErrInvalid)
	}
	if len(p.Region) > 32 || strings.ContainsFunc(p.Region, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') }) {
		return fmt.Errorf("%w: region %q must be a region name in lower case (eu, eu-west, ...)", wf.ErrInvalid, truncate(p.Region))
	}
	if len(p.AttestedBy) == 0 && p.MaxPrice == "" && p.Region == "" {
		return fmt.Errorf("%w: a placement requires nothing: give attestedBy, maxPrice or region", wf.ErrInvalid)
	}
	return nil
}

// Price is MaxPrice as a number; nil for none.
func (p *Placement) Price() *big.Int {
	if p.MaxPrice == "" {
		return nil
	}
	n, _ := new(big.Int).SetString(p.MaxPrice, 10)
	return n
}

// DecodePlacement decodes and checks wf.placement data strictly.
func DecodePlacement(data json.RawMessage) (*Placement, error) {
	var p Placement
	if err := DecodeExtension(data, &p); err != nil {
		return nil, err
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	return &p, nil
}

// Extension is p as a spec extension (not required).
func (p *Placement) Extension() (wf.Extension, error) {
	slices.SortFunc(p.AttestedBy, func(a, b wf.Address) int { return strings.Compare(a.String(), b.String()) })
	if err := p.Check(); err != nil {
		return wf.Extension{}, fmt.Errorf("spec: %s: %w", PlacementExtension, err)
	}
	b, err := wf.EncodeJSON(p)
	if err != nil {
		return wf.Extension{}, err
	}
	return wf.Extension{Data: b}, nil
}

// PlacementType is wf.placement for a node's Registry.
var PlacementType = ExtensionType{Name: PlacementExtension, Check: func(data json.RawMessage) error {
	_, err := DecodePlacement(data)
	return err
}}

// PlacementOf returns s's wf.placement data, or nil when it has none.
func PlacementOf(s *wf.Spec) (*Placement, error) {
	x, ok := s.Extensions[PlacementExtension]
	if !ok {
		return nil, nil
	}
	p, err := DecodePlacement(x.Data)
	if err != nil {
		return nil, fmt.Errorf("spec: extension %s: %w", PlacementExtension, err)
	}
	return p, nil
}

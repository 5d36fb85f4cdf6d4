package cred

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Policy is a function's wf.access policy made ready for the circuit: the
// public inputs it fixes, and the set's tree for holders' paths.
type Policy struct {
	Access  *spec.Access
	CID     wf.CID // of the policy's canonical encoding
	Issuers []IssuerKey

	cmpSlot, cmpOp [Comparisons]int
	cmpValue       [Comparisons]*big.Int
	setSlot        int
	setRoot        *big.Int // 0: none
	set            *tree
	mask           uint64
}

var opCodes = map[string]int{spec.OpEq: opEq, spec.OpNeq: opNeq, spec.OpLt: opLt, spec.OpLte: opLte, spec.OpGt: opGt, spec.OpGte: opGte}

// NewPolicy decodes and prepares wf.access data.
func NewPolicy(data json.RawMessage) (*Policy, error) {
	a, err := spec.DecodeAccess(data)
	if err != nil {
		return nil, fmt.Errorf("cred: policy: %w", err)
	}
	p := &Policy{Access: a, CID: spec.AccessCID(data), setRoot: new(big.Int)}
	for _, s := range a.Issuers {
		k, err := ParseIssuerKey(s)
		if err != nil {
			return nil, fmt.Errorf("cred: policy: %w", err)
		}
		p.Issuers = append(p.Issuers, k)
	}
	for i := range Comparisons {
		p.cmpValue[i] = new(big.Int)
	}
	row := 0
	for _, pr := range a.Predicates {
		if pr.Op == spec.OpIn {
			p.setSlot = pr.Slot
			leaves := make([]*big.Int, len(pr.Set))
			for i, v := range pr.Set {
				leaves[i] = StringField(v)
			}
			p.set = newTree(leaves)
			p.setRoot = p.set.root()
			continue
		}
		p.cmpSlot[row], p.cmpOp[row] = pr.Slot, opCodes[pr.Op]
		switch {
		case pr.Int != nil:
			p.cmpValue[row] = big.NewInt(*pr.Int)
		default:
			p.cmpValue[row] = StringField(*pr.String)
		}
		row++
	}
	for _, d := range a.Disclose {
		p.mask |= 1 << d.Slot
	}
	return p, nil
}

// FromSpec returns the policy of s, or nil if s has none.
func FromSpec(s *wf.Spec) (*Policy, error) {
	x, ok := s.Extensions[spec.AccessExtension]
	if !ok {
		return nil, nil
	}
	return NewPolicy(x.Data)
}

// trusts reports whether k is one of the policy's issuers.
func (p *Policy) trusts(k IssuerKey) bool {
	ok := false
	for _, i := range p.Issuers {
		ok = equalKey(i, k) || ok
	}
	return ok
}

// Satisfied reports whether c meets the policy's predicates, so a holder
// learns why before spending a proof on it.
func (p *Policy) Satisfied(c *Credential) error {
	if !p.trusts(c.Issuer) {
		return fmt.Errorf("%w: the policy does not trust this credential's issuer %s", wf.ErrForbidden, c.Issuer)
	}
	for _, pr := range p.Access.Predicates {
		if pr.Slot >= len(c.Attrs) {
			return fmt.Errorf("%w: the policy tests slot %d, which this credential does not fill", wf.ErrForbidden, pr.Slot)
		}
		a := c.Attrs[pr.Slot]
		if !holds(pr, a) {
			return fmt.Errorf("%w: the credential's %s does not satisfy %s", wf.ErrForbidden, a.Name, describe(pr))
		}
	}
	return nil
}

func holds(pr spec.Predicate, a Attr) bool {
	switch pr.Op {
	case spec.OpIn:
		if a.String == nil {
			return false
		}
		i := sort.SearchStrings(pr.Set, *a.String)
		return i < len(pr.Set) && pr.Set[i] == *a.String
	case spec.OpEq, spec.OpNeq:
		var want *big.Int
		if pr.Int != nil {
			want = big.NewInt(*pr.Int)
		} else {
			want = StringField(*pr.String)
		}
		return (a.Field().Cmp(want) == 0) == (pr.Op == spec.OpEq)
	}
	if a.Int == nil {
		return false
	}
	v, w := *a.Int, *pr.Int
	switch pr.Op {
	case spec.OpLt:
		return v < w
	case spec.OpLte:
		return v <= w
	case spec.OpGt:
		return v > w
	default:
		return v >= w
	}
}

func describe(pr spec.Predicate) string {
	switch {
	case pr.Op == spec.OpIn:
		return fmt.Sprintf("slot %d in a set of %d", pr.Slot, len(pr.Set))
	case pr.Int != nil:
		return fmt.Sprintf("slot %d %s %d", pr.Slot, pr.Op, *pr.Int)
	default:
		return fmt.Sprintf("slot %d %s %q", pr.Slot, pr.Op, *pr.String)
	}
}

// tree is a Merkle tree of depth SetDepth over leaves hash(value), empty
// leaves 0; only the filled part is stored.
type tree struct {
	levels [][]*big.Int // levels[0] are the leaves
	zero   [SetDepth + 1]*big.Int
	index  map[string]int // leaf value (decimal) -> index
}

func newTree(values []*big.Int) *tree {
	t := &tree{index: make(map[string]int, len(values))}
	t.zero[0] = new(big.Int)
	for d := 1; d <= SetDepth; d++ {
		t.zero[d] = mimcHash(t.zero[d-1], t.zero[d-1])
	}
	level := make([]*big.Int, len(values))
	for i, v := range values {
		level[i] = mimcHash(v)
		t.index[v.String()] = i
	}
	t.levels = append(t.levels, level)
	for d := 0; d < SetDepth; d++ {
		next := make([]*big.Int, (len(level)+1)/2)
		for i := range next {
			right := t.zero[d]
			if 2*i+1 < len(level) {
				right = level[2*i+1]
			}
			next[i] = mimcHash(level[2*i], right)
		}
		t.levels = append(t.levels, next)
		level = next
	}
	return t
}

func (t *tree) root() *big.Int {
	if top := t.levels[SetDepth]; len(top) > 0 {
		return top[0]
	}
	return t.zero[SetDepth]
}

// path returns value's index and siblings, or false if it is not a leaf.
func (t *tree) path(value *big.Int) (int, [SetDepth]*big.Int, bool) {
	var sib [SetDepth]*big.Int
	i, ok := t.index[value.String()]
	if !ok {
		return 0, sib, false
	}
	idx := i
	for d := range SetDepth {
		j := idx ^ 1
		if j < len(t.levels[d]) {
			sib[d] = t.levels[d][j]
		} else {
			sib[d] = t.zero[d]
		}
		idx >>= 1
	}
	return i, sib, true
}

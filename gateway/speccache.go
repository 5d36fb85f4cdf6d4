package gateway

import (
	"log/slog"
	"slices"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// maxFunctions bounds the per-function tables (specs, presence answers).
const maxFunctions = 10_000

// access is what smart routing needs of a function's spec: whether it is
// sealed and, if so, which sealing keys its grants name. Specs are
// immutable, so it is learned once per CID.
type access struct {
	sealed bool
	grants []wf.KeyID // as in the spec: sorted, one per key
	owner  wf.Address // the spec's owner if its signature holds (meter.go), else zero
	// det is the spec's wf.deterministic, nil if it declares none
	// (verified execution, kofn.go).
	det *spec.Deterministic
	// placement is the spec's wf.placement, nil if it has none.
	placement *spec.Placement
}

// granted reports whether a grant names the sealing key id.
func (a access) granted(id wf.KeyID) bool {
	return !id.IsZero() && slices.Contains(a.grants, id)
}

// specCache remembers what the spec of each function read so far allows,
// for at most max functions. It is safe for concurrent use.
type specCache struct {
	log     *slog.Logger
	results *prometheus.CounterVec // spec blocks read, by result
	max     int

	mu    sync.Mutex
	specs map[wf.CID]access
}

func newSpecCache(log *slog.Logger, results *prometheus.CounterVec) *specCache {
	return &specCache{log: log, results: results, max: maxFunctions, specs: make(map[wf.CID]access)}
}

// access returns what is known of c's spec. A CID that cannot address a
// spec is known to be no sealed function.
func (s *specCache) access(c wf.CID) (access, bool) {
	if !spec.IsBlockCID(c) {
		return access{}, true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.specs[c]
	return a, ok
}

// learn records the block b that provider from served for c, and reports
// whether it is c's: bytes that do not hash to c say nothing of the
// function. The owner's signature is not checked: the CID fixes the bytes,
// and providers refuse a badly signed spec whatever the gateway decides.
// What was learned first of c stays.
func (s *specCache) learn(c wf.CID, from string, b []byte) bool {
	if wf.SumCID(wf.CodecJSON, b) != c {
		s.results.WithLabelValues("mismatch").Inc()
		s.log.Warn("provider served a block that does not hash to its CID", "provider", from, "cid", c)
		return false
	}
	var a access
	result := "public"
	ss, err := spec.Decode(b)
	if err == nil && spec.Verify(ss, chain.Verifier{}) == nil {
		a.owner = ss.Spec.Owner
	}
	switch {
	case err != nil:
		// No provider runs it; routed as public, one will say why.
		result = "invalid"
	case ss.Spec.Sealed != nil:
		result = "sealed"
		a.sealed = true
		for _, g := range ss.Spec.Sealed.Grants {
			a.grants = append(a.grants, g.Key)
		}
	}
	if err == nil {
		a.det, _ = spec.DeterministicOf(&ss.Spec)
		a.placement, _ = spec.PlacementOf(&ss.Spec)
	}
	s.results.WithLabelValues(result).Inc()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.specs[c]; !ok {
		makeRoom(s.specs, s.max)
		s.specs[c] = a
	}
	return true
}

// makeRoom drops an arbitrary entry of a per-function table that holds
// limit, so a new one fits: cheap and good enough.
func makeRoom[V any](m map[wf.CID]V, limit int) {
	if len(m) < limit {
		return
	}
	for k := range m {
		delete(m, k)
		return
	}
}

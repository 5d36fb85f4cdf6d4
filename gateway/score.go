package gateway

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"github.com/webfunctions/wf/wf"
)

// Ranking is pure: the functions here turn what was observed of providers
// into an order, locking nothing and asking nobody, so that the same
// observations always give the same order (score_test.go tables it). The
// router gathers the observations (health, prober, spec cache) and acts on
// the order.

// defaultLat is the latency, in seconds, assumed for a provider never
// measured.
const defaultLat = 0.05

// observation is what ranking knows of one provider for one function:
// its measurements (see pstats), price, whether it holds the function and
// its sealing key.
type observation struct {
	name    string
	latency float64  // seconds to first byte; 0: never measured
	success float64  // share of requests answered without a 5xx or transport error
	down    bool     // its last check or connection failed
	has     bool     // known to hold the function
	price   *big.Int // per request; nil: free
	key     wf.KeyID // id of its registered sealing key; zero: none
}

// scorer ranks providers. Its zero value weighs price as nothing.
type scorer struct {
	// pricePerMS is how many base units of price per request weigh as
	// much as one millisecond of latency (Config.PricePerMillisecond).
	pricePerMS float64
}

// score is a provider's expected cost in milliseconds: latency divided by
// the chance of success, plus its price expressed in milliseconds.
func (s scorer) score(o observation) float64 {
	lat := o.latency
	if lat == 0 {
		lat = defaultLat
	}
	ms := lat * 1000 / math.Max(o.success, 0.05)
	if o.price != nil && o.price.Sign() > 0 && s.pricePerMS > 0 {
		p, _ := new(big.Float).SetInt(o.price).Float64()
		ms += p / s.pricePerMS
	}
	return ms
}

// ranked is a provider with its score, for ordering candidates.
type ranked struct {
	observation
	score  float64
	reason string // why it is tried where it is, for X-WF-Route; set by order
}

// rank orders os: those known to hold the function first, then by score.
// Equal ones keep their order in os (the registry's).
func (s scorer) rank(os []observation) []ranked {
	rs := make([]ranked, len(os))
	for i, o := range os {
		rs[i] = ranked{observation: o, score: s.score(o)}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].has != rs[j].has {
			return rs[i].has
		}
		return rs[i].score < rs[j].score
	})
	return rs
}

// order is the order in which a request tries os: ranked, at most n, each
// with its reason. sealed says the function is sealed (os are then the
// providers it grants).
func (s scorer) order(os []observation, n int, sealed bool) []ranked {
	rs := s.rank(os)
	rs = rs[:min(len(rs), max(n, 0))]
	for i := range rs {
		rs[i].reason = rs[i].why(i, sealed)
	}
	return rs
}

// why is the reason X-WF-Route gives for trying r as attempt i+1.
func (r ranked) why(i int, sealed bool) string {
	why := "has-function"
	switch {
	case sealed && r.has:
		why = "granted"
	case sealed:
		why = "granted-may-fetch"
	case !r.has:
		why = "may-fetch" // holds it not, as far as we know; it may fetch it from peers
	}
	if i > 0 {
		why = "next-" + why
	}
	price := "0"
	if r.price != nil {
		price = r.price.String()
	}
	return fmt.Sprintf("%s; score-ms=%.2f; latency-ms=%.2f; success=%.2f; price=%s",
		why, r.score, r.latency*1000, r.success, price)
}

// up drops the providers known to be down, unless nobody is left.
func up(os []observation) []observation {
	out := make([]observation, 0, len(os))
	for _, o := range os {
		if !o.down {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return os
	}
	return out
}

// granted keeps the providers whose registered sealing key a grant of a
// names: the only ones that can open a sealed function.
func granted(a access, os []observation) []observation {
	out := make([]observation, 0, len(os))
	for _, o := range os {
		if a.granted(o.key) {
			out = append(out, o)
		}
	}
	return out
}

// best returns the names of the first n of rs, skipping those in skip.
func best(rs []ranked, n int, skip map[string]bool) []string {
	out := make([]string, 0, min(len(rs), n))
	for _, r := range rs {
		if len(out) == n {
			break
		}
		if !skip[r.name] {
			out = append(out, r.name)
		}
	}
	return out
}

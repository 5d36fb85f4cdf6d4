package gateway

import (
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wf"
)

// at is a provider measured at latencyMS (0: never) answering a share
// success of requests, at price per request.
func at(name string, latencyMS, success float64, price int64) observation {
	return observation{name: name, latency: latencyMS / 1000, success: success, price: big.NewInt(price)}
}

// holds marks o as known to hold the function.
func holds(o observation) observation { o.has = true; return o }

// isDown marks o as down.
func isDown(o observation) observation { o.down = true; return o }

// keyed gives o the registered sealing key id kid(k).
func keyed(o observation, k byte) observation { o.key = kid(k); return o }

func kid(k byte) wf.KeyID { return wf.KeyID{0: k, 31: 1} }

func names(rs []ranked) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.name
	}
	return out
}

// The table's scorer weighs 100 base units of price as 1 ms, the default.
var testScorer = scorer{pricePerMS: 100}

func TestScore(t *testing.T) {
	tests := []struct {
		name string
		s    scorer
		o    observation
		want float64 // ms
	}{
		{"never measured", testScorer, at("a", 0, 1, 0), 50},
		{"measured", testScorer, at("a", 20, 1, 0), 20},
		{"half the requests fail", testScorer, at("a", 20, 0.5, 0), 40},
		{"success floors at 5%", testScorer, at("a", 20, 0, 0), 400},
		{"price in ms", testScorer, at("a", 20, 1, 250), 22.5},
		{"nil price is free", testScorer, observation{name: "a", latency: 0.02, success: 1}, 20},
		{"negative price is free", testScorer, at("a", 20, 1, -500), 20},
		{"zero scorer weighs no price", scorer{}, at("a", 20, 1, 1_000_000), 20},
		{"down changes nothing", testScorer, isDown(at("a", 20, 1, 0)), 20},
		{"holding changes nothing", testScorer, holds(at("a", 20, 1, 0)), 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.score(tt.o); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("score = %v ms, want %v", got, tt.want)
			}
		})
	}
}

func TestRank(t *testing.T) {
	tests := []struct {
		name string
		in   []observation
		want []string
	}{
		{"none", nil, []string{}},
		{"never measured: registry order",
			[]observation{at("a", 0, 1, 0), at("b", 0, 1, 0), at("c", 0, 1, 0)},
			[]string{"a", "b", "c"}},
		{"ties keep input order",
			[]observation{at("c", 10, 1, 0), at("a", 10, 1, 0), at("b", 5, 1, 0), at("d", 10, 1, 0)},
			[]string{"b", "c", "a", "d"}},
		{"faster first",
			[]observation{at("a", 30, 1, 0), at("b", 10, 1, 0), at("c", 20, 1, 0)},
			[]string{"b", "c", "a"}},
		{"never measured counts as 50 ms",
			[]observation{at("a", 60, 1, 0), at("b", 0, 1, 0), at("c", 40, 1, 0)},
			[]string{"c", "b", "a"}},
		{"failures cost: latency over success",
			[]observation{at("a", 10, 0.4, 0), at("b", 20, 1, 0)}, // 25 ms, 20 ms
			[]string{"b", "a"}},
		{"success floors at 5%",
			[]observation{at("a", 1, 0, 0), at("b", 19, 1, 0), at("c", 21, 1, 0)}, // 20, 19, 21 ms
			[]string{"b", "a", "c"}},
		{"price against latency",
			[]observation{at("a", 10, 1, 0), at("b", 2, 1, 1000), at("c", 5, 1, 400)}, // 10, 12, 9 ms
			[]string{"c", "a", "b"}},
		{"priced out",
			[]observation{at("a", 1, 1, 1_000_000), at("b", 500, 1, 0)}, // 10001, 500 ms
			[]string{"b", "a"}},
		{"price ties with latency",
			[]observation{at("a", 12, 1, 0), at("b", 2, 1, 1000)}, // 12, 12 ms
			[]string{"a", "b"}},
		{"holders first, whatever their score",
			[]observation{at("a", 1, 1, 0), holds(at("b", 100, 1, 10_000)), holds(at("c", 50, 1, 0)), at("d", 2, 1, 0)},
			[]string{"c", "b", "a", "d"}},
		{"holders tie in input order",
			[]observation{holds(at("b", 0, 1, 0)), at("x", 0, 1, 0), holds(at("a", 0, 1, 0))},
			[]string{"b", "a", "x"}},
		{"down is not ranking's business",
			[]observation{isDown(at("a", 1, 1, 0)), at("b", 10, 1, 0)},
			[]string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.in)
			got := names(testScorer.rank(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("rank = %v, want %v", got, tt.want)
			}
			if !slices.EqualFunc(in, tt.in, func(a, b observation) bool { return a.name == b.name }) {
				t.Errorf("rank reordered its input")
			}
			if again := names(testScorer.rank(tt.in)); !slices.Equal(again, got) {
				t.Errorf("second rank = %v, first %v", again, got)
			}
		})
	}
}

func TestUp(t *testing.T) {
	tests := []struct {
		name string
		in   []observation
		want []string
	}{
		{"none", nil, nil},
		{"all up", []observation{at("a", 0, 1, 0), at("b", 0, 1, 0)}, []string{"a", "b"}},
		{"down dropped", []observation{isDown(at("a", 0, 1, 0)), at("b", 0, 1, 0), isDown(at("c", 0, 1, 0)), at("d", 0, 1, 0)}, []string{"b", "d"}},
		{"all down: all kept", []observation{isDown(at("a", 0, 1, 0)), isDown(at("b", 0, 1, 0))}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, o := range up(tt.in) {
				got = append(got, o.name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("up = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestGranted(t *testing.T) {
	sealedTo := func(ks ...byte) access {
		a := access{sealed: true}
		for _, k := range ks {
			a.grants = append(a.grants, kid(k))
		}
		return a
	}
	tests := []struct {
		name string
		a    access
		in   []observation
		want []string
	}{
		{"only granted keys",
			sealedTo(1, 3),
			[]observation{keyed(at("a", 0, 1, 0), 1), keyed(at("b", 0, 1, 0), 2), keyed(at("c", 0, 1, 0), 3)},
			[]string{"a", "c"}},
		{"no sealing key, no grant",
			sealedTo(1),
			[]observation{at("a", 0, 1, 0), keyed(at("b", 0, 1, 0), 1)},
			[]string{"b"}},
		{"a zero grant names nobody",
			access{sealed: true, grants: []wf.KeyID{{}}},
			[]observation{at("a", 0, 1, 0)},
			nil},
		{"nobody granted",
			sealedTo(9),
			[]observation{keyed(at("a", 0, 1, 0), 1), keyed(at("b", 0, 1, 0), 2)},
			nil},
		{"down and holding do not matter",
			sealedTo(1, 2),
			[]observation{isDown(keyed(at("a", 0, 1, 0), 1)), holds(keyed(at("b", 0, 1, 0), 2)), holds(at("c", 0, 1, 0))},
			[]string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, o := range granted(tt.a, tt.in) {
				got = append(got, o.name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("granted = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBest(t *testing.T) {
	rs := testScorer.rank([]observation{at("a", 1, 1, 0), at("b", 2, 1, 0), at("c", 3, 1, 0), at("d", 4, 1, 0)})
	tests := []struct {
		name string
		n    int
		skip map[string]bool
		want []string
	}{
		{"first n", 2, nil, []string{"a", "b"}},
		{"more than there are", 8, nil, []string{"a", "b", "c", "d"}},
		{"none", 0, nil, []string{}},
		{"skips those asked already", 2, map[string]bool{"a": true, "c": true}, []string{"b", "d"}},
		{"all skipped", 2, map[string]bool{"a": true, "b": true, "c": true, "d": true}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := best(rs, tt.n, tt.skip); !slices.Equal(got, tt.want) {
				t.Errorf("best = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOrder tables the order in which smart routing tries providers, and
// so fails over: the providers a sealed function grants, those up (unless
// none is), holders first, then by score, at most MaxAttempts, composed as
// router.candidates composes them.
func TestOrder(t *testing.T) {
	sealed := access{sealed: true, grants: []wf.KeyID{kid(1), kid(2), kid(3)}}
	tests := []struct {
		name     string
		a        access
		in       []observation
		attempts int
		want     []string // name:reason
	}{
		{"holders, then may-fetch",
			access{},
			[]observation{at("a", 5, 1, 0), holds(at("b", 20, 1, 0)), holds(at("c", 10, 1, 0))},
			3,
			[]string{"c:has-function", "b:next-has-function", "a:next-may-fetch"}},
		{"nobody known to hold it",
			access{},
			[]observation{at("a", 30, 1, 0), at("b", 10, 1, 0)},
			3,
			[]string{"b:may-fetch", "a:next-may-fetch"}},
		{"at most MaxAttempts",
			access{},
			[]observation{at("a", 5, 1, 0), at("b", 4, 1, 0), at("c", 3, 1, 0), at("d", 2, 1, 0), at("e", 1, 1, 0)},
			3,
			[]string{"e:may-fetch", "d:next-may-fetch", "c:next-may-fetch"}},
		{"one attempt",
			access{},
			[]observation{holds(at("a", 5, 1, 0)), holds(at("b", 4, 1, 0))},
			1,
			[]string{"b:has-function"}},
		{"next holder before a cheaper non-holder",
			access{},
			[]observation{holds(at("a", 10, 1, 0)), at("cheap", 1, 1, 0), holds(at("b", 40, 1, 500))},
			3,
			[]string{"a:has-function", "b:next-has-function", "cheap:next-may-fetch"}},
		{"down providers not tried",
			access{},
			[]observation{isDown(holds(at("a", 1, 1, 0))), at("b", 20, 1, 0), isDown(at("c", 2, 1, 0)), holds(at("d", 30, 1, 0))},
			3,
			[]string{"d:has-function", "b:next-may-fetch"}},
		{"all down: tried anyway",
			access{},
			[]observation{isDown(at("a", 20, 1, 0)), isDown(holds(at("b", 30, 1, 0))), isDown(at("c", 10, 1, 0))},
			3,
			[]string{"b:has-function", "c:next-may-fetch", "a:next-may-fetch"}},
		{"failing provider falls behind",
			access{},
			[]observation{holds(at("flaky", 5, 0.1, 0)), holds(at("steady", 30, 1, 0))}, // 50 ms, 30 ms
			3,
			[]string{"steady:has-function", "flaky:next-has-function"}},
		{"ties: registry order",
			access{},
			[]observation{at("x", 0, 1, 0), at("y", 0, 1, 0), at("z", 0, 1, 0)},
			2,
			[]string{"x:may-fetch", "y:next-may-fetch"}},
		{"sealed: only granted providers, however cheap the others",
			sealed,
			[]observation{holds(keyed(at("cheap", 1, 1, 0), 9)), holds(at("nokey", 1, 1, 0)), keyed(at("a", 50, 1, 5000), 1), holds(keyed(at("b", 80, 1, 0), 2))},
			3,
			[]string{"b:granted", "a:next-granted-may-fetch"}},
		{"sealed: a granted provider down",
			sealed,
			[]observation{isDown(holds(keyed(at("a", 1, 1, 0), 1))), keyed(at("b", 10, 1, 0), 2), keyed(at("c", 0, 1, 0), 3)},
			3,
			[]string{"b:granted-may-fetch", "c:next-granted-may-fetch"}},
		{"sealed: every granted provider down",
			sealed,
			[]observation{isDown(keyed(at("a", 10, 1, 0), 1)), at("up", 1, 1, 0)},
			3,
			[]string{"a:granted-may-fetch"}},
		{"sealed: nobody granted",
			sealed,
			[]observation{keyed(at("a", 1, 1, 0), 7), at("b", 1, 1, 0)},
			3,
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os := tt.in
			if tt.a.sealed {
				os = granted(tt.a, os)
			}
			var got []string
			for _, r := range testScorer.order(up(os), tt.attempts, tt.a.sealed) {
				why, _, _ := strings.Cut(r.reason, ";")
				got = append(got, r.name+":"+why)
			}
			if got == nil {
				got = []string{}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("order = %v, want %v", got, tt.want)
			}
		})
	}
}

// The reason goes to X-WF-Route as is.
func TestReason(t *testing.T) {
	rs := testScorer.order([]observation{holds(at("a", 20, 0.5, 1000)), {name: "b"}}, 3, false)
	want := []string{
		"has-function; score-ms=50.00; latency-ms=20.00; success=0.50; price=1000",
		"next-may-fetch; score-ms=1000.00; latency-ms=0.00; success=0.00; price=0",
	}
	for i, r := range rs {
		if r.reason != want[i] {
			t.Errorf("reason %d = %q, want %q", i, r.reason, want[i])
		}
	}
}

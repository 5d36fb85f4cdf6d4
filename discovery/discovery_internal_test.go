package discovery

import (
	"crypto/sha256"
	"math/big"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/wf"
)

func TestCriteriaCheck(t *testing.T) {
	m := &manifest.Manifest{Name: "a", Software: "1.10.2", Runtimes: []string{"wagi"}, Features: []string{"sealed"}, Region: "eu-west"}
	aud := wf.Address{1}
	att := []chain.Attestation{{Auditor: aud, Score: 9000}}
	p := chain.Provider{Name: "a", PricePerRequest: big.NewInt(1000)}
	for _, tc := range []struct {
		name string
		c    Criteria
		cand Candidate
		want string // prefix of the reason; "" passes
	}{
		{"zero admits all", Criteria{}, Candidate{Provider: p}, ""},
		{"price ok", Criteria{MaxPrice: big.NewInt(1000)}, Candidate{Provider: p}, ""},
		{"price", Criteria{MaxPrice: big.NewInt(999)}, Candidate{Provider: p}, "price 1000>999"},
		{"unattested", Criteria{AttestedBy: []wf.Address{aud}}, Candidate{Provider: p, Score: -1}, "unattested"},
		{"score", Criteria{AttestedBy: []wf.Address{aud}, MinScore: 0.95}, Candidate{Provider: p, Attested: att, Score: 0.9}, "score 0.90<0.95"},
		{"all of", Criteria{AttestedBy: []wf.Address{aud, {2}}, AllOf: true}, Candidate{Provider: p, Attested: att, Score: 0.9}, "attested by 1 of 2"},
		{"no manifest", Criteria{Region: "eu"}, Candidate{Provider: p}, "no-manifest"},
		{"region prefix", Criteria{Region: "eu"}, Candidate{Provider: p, Manifest: m}, ""},
		{"region", Criteria{Region: "us"}, Candidate{Provider: p, Manifest: m}, `region "eu-west" not in us`},
		{"runtime", Criteria{Runtime: "js"}, Candidate{Provider: p, Manifest: m}, "runtime js missing"},
		{"feature", Criteria{Features: []string{"sealed", "tunnel"}}, Candidate{Provider: p, Manifest: m}, "feature tunnel missing"},
		{"version ok", Criteria{MinVersion: "1.9"}, Candidate{Provider: p, Manifest: m}, ""},
		{"version", Criteria{MinVersion: "1.11"}, Candidate{Provider: p, Manifest: m}, `version "1.10.2"<1.11`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.c.check(tc.cand)
			if (tc.want == "") != (got == "") || !strings.HasPrefix(got, tc.want) {
				t.Fatalf("check = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []Criteria{
		{MinScore: 1.5, AttestedBy: []wf.Address{{1}}},
		{MinScore: 0.5},
		{Region: "mars"},
		{MaxPrice: big.NewInt(-1)},
	} {
		if c.Validate() == nil {
			t.Errorf("%+v valid", c)
		}
	}
	if err := (Criteria{Region: "eu", MinScore: 0.5, AttestedBy: []wf.Address{{1}}}).Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"1.10", "1.9", 1}, {"v1.2", "1.2.0", 0}, {"1.2", "1.2.1", -1}, {"dev", "dev", 0}, {"1.2-rc", "1.2-rc", 0}} {
		if got := compareVersions(tc.a, tc.b); got != tc.want {
			t.Errorf("compare(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// The empty-manifest hash discovery expects is the one the auditor
// attests for a provider without a manifest: SHA-256 of nothing.
func TestEmptyManifestHash(t *testing.T) {
	if emptyHash != sha256.Sum256(nil) || manifestHash("") != emptyHash || manifestHash("nonsense") != emptyHash {
		t.Fatal("empty manifest hash")
	}
}

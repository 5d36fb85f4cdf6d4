package dashboard

import (
	"math/big"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// The function page's summary: failures are 5xx answers and recorded
// errors, latency by nearest rank, cost at the provider's price.
func TestSummarize(t *testing.T) {
	var es []wf.LogEntry
	for i := 1; i <= 20; i++ {
		e := wf.LogEntry{Status: 200, DurationMS: float64(21 - i)} // 20 down to 1 ms
		switch i {
		case 3:
			e.Status = 502
		case 4:
			e.Status, e.Error = 200, "trap"
		case 5:
			e.Status = 404 // the function's own answer, not a failure
		}
		es = append(es, e)
	}
	st := summarize(es, big.NewInt(1500))
	if st.Count != 20 || st.Errors != 2 || st.P50 != 10 || st.P95 != 19 || st.Cost.Int64() != 30000 {
		t.Fatalf("summary %+v", st)
	}
	if st := summarize(nil, nil); st.Count != 0 || st.P50 != 0 || st.P95 != 0 || st.Cost != nil {
		t.Fatalf("summary of nothing %+v", st)
	}
	if st := summarize(es[:1], nil); st.P50 != 20 || st.P95 != 20 || st.Cost != nil {
		t.Fatalf("summary of one without a price %+v", st)
	}
}

// What a function's page says of its access policy, provenance and
// grants comes from its spec's extensions, in words.
func TestSpecViews(t *testing.T) {
	var s wf.Spec
	if p := policyOf(&s); p != (policy{}) || provenanceOf(&s) != nil || grantsOf(&s, nil) != nil {
		t.Fatalf("a plain spec: %+v %+v %+v", p, provenanceOf(&s), grantsOf(&s, nil))
	}
	callers, err := (&spec.Callers{CallerPays: spec.CallerPaysRequired, PerCaller: &spec.Rate{Requests: 10, Seconds: 60}}).Extension()
	if err != nil {
		t.Fatal(err)
	}
	ci, err := (&spec.CI{
		Delegation: spec.CIDelegation{Delegate: wf.Address{1}, NotBefore: 1_800_000_000, NotAfter: 1_800_000_600, Scopes: "deploy"},
		Provenance: wf.Provenance{Commit: "0123456789abcdef", Issuer: "https://token.actions.githubusercontent.com", Ref: "refs/heads/main",
			Repository: "acme/api", Run: "42/1", Workflow: "acme/api/.github/workflows/deploy.yml@refs/heads/main"},
	}).Extension()
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions = map[string]wf.Extension{spec.CallersExtension: callers, spec.CIExtension: ci}
	if p := policyOf(&s); !p.CallerPays || p.PerCaller != "10/1m0s" || p.OwnerPays != "" || p.Err != "" {
		t.Errorf("policy %+v", p)
	}
	if p := provenanceOf(&s); p == nil || p.BuiltFrom != "acme/api@0123456789ab by .github/workflows/deploy.yml (run 42/1)" || p.Delegate != (wf.Address{1}) || p.NotAfter.Unix() != 1_800_000_600 {
		t.Errorf("provenance %+v", p)
	}
	s.Extensions[spec.CallersExtension] = wf.Extension{Required: true, Data: []byte(`{"callerPays":"sometimes"}`)}
	if p := policyOf(&s); p.Err == "" {
		t.Errorf("a bad policy read as %+v", p)
	}

	a, b := wf.KeyID{1}, wf.KeyID{2}
	s.Sealed = &wf.Sealed{Format: 1, Grants: []wf.Grant{{Key: a}, {Key: b}}}
	gs := grantsOf(&s, []holder{{Name: "alpha", Sealing: a}, {Name: "beta", Sealing: a}, {Name: "gamma"}})
	if len(gs) != 2 || strings.Join(gs[0].Holders, ",") != "alpha,beta" || len(gs[1].Holders) != 0 {
		t.Errorf("grants %+v", gs)
	}
}

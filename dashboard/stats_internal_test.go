package dashboard

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
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
	if p := policyOf(&s); p.CallerPays || p.OwnerPays != "" || p.PerCaller != "" || p.CICallers != nil || p.Placement != nil || p.Err != "" ||
		provenanceOf(&s) != nil || grantsOf(&s, nil) != nil {
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
	ciCallers, err := (&spec.CICallers{Rules: []spec.CICaller{{Platform: "github", Repository: "acme/api", Ref: "refs/heads/main"}}}).Extension()
	if err != nil {
		t.Fatal(err)
	}
	place, err := (&spec.Placement{Region: "eu", MaxPrice: "2000", AttestedBy: []wf.Address{{7}}, MinScore: 90}).Extension()
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions = map[string]wf.Extension{spec.CallersExtension: callers, spec.CIExtension: ci, spec.CICallersExtension: ciCallers, spec.PlacementExtension: place}
	if p := policyOf(&s); !p.CallerPays || p.PerCaller != "10/1m0s" || p.OwnerPays != "" || p.Err != "" ||
		len(p.CICallers) != 1 || p.CICallers[0].Repository != "acme/api" ||
		p.Placement == nil || p.Placement.Region != "eu" || p.Placement.MaxPrice.Int64() != 2000 || len(p.Placement.AttestedBy) != 1 || p.Placement.MinScore != 90 {
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

// Settlements in flight, oldest first: one whose latest transaction has
// waited past the bump interval is stuck, and its replacements are its
// fee bumps.
func TestSettlementRows(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	bs := []*ledger.Batch{
		{ID: 9, State: ledger.Sent, Created: now.Add(-time.Minute), Tx: &ledger.Tx{Nonce: 4, Signed: now.Add(-time.Minute)}},
		{ID: 7, State: ledger.Sent, Created: now.Add(-20 * time.Minute), Tx: &ledger.Tx{Nonce: 3, Signed: now.Add(-stuckAfter - time.Second)},
			Replaced: []ledger.Tx{{Nonce: 3}, {Nonce: 3}}},
		{ID: 8, State: ledger.Prepared, Created: now.Add(-time.Hour)},
	}
	rows := settlementRows(bs, now)
	if len(rows) != 3 || rows[0].ID != 7 || rows[1].ID != 8 || rows[2].ID != 9 {
		t.Fatalf("order %+v", rows)
	}
	if r := rows[0]; !r.Stuck || r.Bumps != 2 || r.Nonce != 3 || r.Unmined != stuckAfter+time.Second || r.Tx == "" {
		t.Errorf("stuck batch %+v", r)
	}
	if r := rows[1]; r.Stuck || r.Tx != "" || r.Age != time.Hour {
		t.Errorf("prepared batch %+v", r)
	}
	if rows[2].Stuck {
		t.Errorf("a minute-old transaction is stuck: %+v", rows[2])
	}
	e := earningsOf(map[ledger.Key]ledger.Account{
		{Payer: wf.Address{1}}: {Charged: ledger.Totals{Count: 5, Amount: big.NewInt(50)}, Settled: ledger.Totals{Count: 2, Amount: big.NewInt(20)},
			InFlight: ledger.Totals{Count: 1, Amount: big.NewInt(10)}},
		{Payer: wf.Address{2}}: {Charged: ledger.Totals{Count: 3, Amount: big.NewInt(30)}, Stranded: ledger.Totals{Count: 1, Amount: big.NewInt(10)}},
	})
	if e.Settled.Count != 2 || e.InFlight.Count != 1 || e.Pending.Count != 4 || e.Pending.Amount.Int64() != 40 || e.Stranded.Amount.Int64() != 10 {
		t.Errorf("earnings %+v", e)
	}
}

type attestationMap map[wf.Address]chain.Attestation

func (m attestationMap) Latest(_ context.Context, auditor wf.Address, provider string, _ [32]byte) (chain.Attestation, error) {
	a, ok := m[auditor]
	if !ok || a.Provider != provider {
		return chain.Attestation{}, fmt.Errorf("%w: none", wf.ErrNotFound)
	}
	return a, nil
}

type registryOf chain.Provider

func (r registryOf) LookupProvider(_ context.Context, name string) (chain.Provider, error) {
	if name != r.Name {
		return chain.Provider{}, fmt.Errorf("%w: %s", wf.ErrNotFound, name)
	}
	return chain.Provider(r), nil
}

// An attestation holds only for the name's current owner and manifest,
// unexpired and unrevoked; the console says which it fails.
func TestAttestationsAbout(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	owner := wf.Address{9}
	mh := manifestHash("")
	good := chain.Attestation{Provider: "alpha", Owner: owner, ManifestHash: mh, Score: 7500, ExpiresAt: now.Add(time.Hour)}
	with := func(f func(*chain.Attestation)) chain.Attestation { a := good; f(&a); return a }
	atts := attestationMap{}
	var auditors []wf.Address
	for i, a := range []chain.Attestation{
		good,
		with(func(a *chain.Attestation) { a.Revoked = true }),
		with(func(a *chain.Attestation) { a.ExpiresAt = now }),
		with(func(a *chain.Attestation) { a.Owner = wf.Address{8} }),
		with(func(a *chain.Attestation) { a.ManifestHash = [32]byte{1} }),
	} {
		a.Auditor = wf.Address{byte(i + 1)}
		atts[a.Auditor] = a
		auditors = append(auditors, a.Auditor)
	}
	auditors = append(auditors, wf.Address{0x77}) // attested nothing
	au := &Audits{Attestations: atts, Registry: registryOf{Name: "alpha", Owner: owner}, Auditors: auditors}
	rows, err := au.attestationsAbout(t.Context(), "alpha", now)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"", "revoked", "expired", "about the name's earlier owner", "about an earlier manifest"}
	for i, w := range want {
		r := rows[i]
		if r.Holds != (w == "") || !strings.HasPrefix(r.Why, w) || r.Score != 0.75 || r.None || r.Err != "" {
			t.Errorf("auditor %d: %+v, want why %q", i+1, r, w)
		}
	}
	if r := rows[5]; !r.None || r.Err != "" {
		t.Errorf("an auditor with no attestation: %+v", r)
	}
	if _, err := au.attestationsAbout(t.Context(), "beta", now); err == nil {
		t.Error("an unregistered name read")
	}
}

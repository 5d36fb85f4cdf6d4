package discovery_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/wf"
)

// An attestation is about the owner the auditor found holding the name:
// when the name passes to another account (deregistered and registered
// again) that publishes the very same manifest CID, trusted discovery no
// longer admits it as attested.
func TestAttestationDoesNotFollowTheName(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	s, err := sim.New(ctx, sim.Options{Accounts: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	auditor, first, next := s.Client(s.Accounts()[0]), s.Client(s.Accounts()[1]), s.Client(s.Accounts()[2])
	addr, err := auditor.DeployAttestations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	att, err := auditor.Attestations(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	cid := wf.SumCID(wf.CodecJSON, []byte(`{"region":"eu-west"}`))
	mh, _ := manifest.Hash(cid)
	entry := chain.Provider{
		Name: "alpha", Endpoint: "https://alpha.example.com", SealingKey: make([]byte, 32),
		PricePerRequest: big.NewInt(1000), MetadataCID: cid.String(),
	}
	if _, err := first.RegisterProvider(ctx, entry); err != nil {
		t.Fatal(err)
	}
	p, err := auditor.LookupProvider(ctx, "alpha")
	if err != nil {
		t.Fatal(err)
	}
	// What audit.Auditor records after auditing p.
	if _, err := att.Attest(ctx, chain.Attestation{
		Provider: p.Name, Owner: p.Owner, Schema: audit.Schema, ManifestHash: mh,
		ReportCID: "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Score: 9500,
	}); err != nil {
		t.Fatal(err)
	}
	f := &discovery.Filter{
		Source:   &discovery.Source{Attestations: att, TTL: time.Nanosecond},
		Criteria: discovery.Criteria{AttestedBy: []wf.Address{auditor.Address()}, MinScore: 0.9},
	}
	if why := f.Admit(ctx, []chain.Provider{p}); why[0] != "" {
		t.Fatalf("audited holder excluded: %q", why[0])
	}

	if _, err := first.DeregisterProvider(ctx, "alpha"); err != nil {
		t.Fatal(err)
	}
	if _, err := next.RegisterProvider(ctx, entry); err != nil {
		t.Fatal(err)
	}
	q, err := auditor.LookupProvider(ctx, "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if q.Owner != next.Address() || q.MetadataCID != p.MetadataCID {
		t.Fatalf("re-registered %+v", q)
	}
	f.Source.Forget()
	if why := f.Admit(ctx, []chain.Provider{q}); why[0] == "" {
		t.Fatal("the name's new owner is admitted on the former owner's attestation")
	}
	cs := f.Source.Candidates(ctx, []chain.Provider{q}, f.Criteria)
	if len(cs[0].Attested) != 0 || cs[0].Score >= 0 {
		t.Fatalf("new owner attested: %+v", cs[0])
	}
}

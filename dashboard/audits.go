package dashboard

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/wf"
)

// Audits is where the console reads what auditors attested about the
// operator's node: the Attestations contract and the registry, and the
// auditors whose word is shown.
type Audits struct {
	Attestations Attestations
	Registry     Registry
	Auditors     []wf.Address
}

// Attestations reads an auditor's latest attestation about a registered
// provider; *chain.Attestations implements it.
type Attestations interface {
	Latest(ctx context.Context, auditor wf.Address, provider string, schema [32]byte) (chain.Attestation, error)
}

// Registry looks a provider up by its registered name; *chain.Client
// implements it.
type Registry interface {
	LookupProvider(ctx context.Context, name string) (chain.Provider, error)
}

var (
	_ Attestations = (*chain.Attestations)(nil)
	_ Registry     = (*chain.Client)(nil)
)

// attestationRow is one auditor's latest attestation about the node.
type attestationRow struct {
	Auditor wf.Address
	None    bool    // this auditor attested nothing about the node
	Score   float64 // 0 to 1
	Report  string  // the signed report's CID
	Issued  time.Time
	Expires time.Time
	Holds   bool   // for the node's current owner and manifest, unexpired and unrevoked
	Why     string // why it does not hold
	Err     string
}

// attestationsAbout reads each auditor's latest attestation about the
// registered provider name, and whether it holds for what the registry
// says now: routing and discovery count only those.
func (a *Audits) attestationsAbout(ctx context.Context, name string, now time.Time) ([]attestationRow, error) {
	p, err := a.Registry.LookupProvider(ctx, name)
	if err != nil {
		return nil, err
	}
	mh := manifestHash(p.MetadataCID)
	rows := make([]attestationRow, len(a.Auditors))
	var wg sync.WaitGroup
	for i, auditor := range a.Auditors {
		wg.Go(func() {
			row := attestationRow{Auditor: auditor}
			at, err := a.Attestations.Latest(ctx, auditor, name, audit.Schema)
			switch {
			case errors.Is(err, wf.ErrNotFound) || err == nil && at.Auditor.IsZero():
				row.None = true
			case err != nil:
				row.Err = err.Error()
			default:
				row.Score = float64(at.Score) / chain.MaxScore
				row.Report, row.Issued, row.Expires = at.ReportCID, at.IssuedAt, at.ExpiresAt
				row.Holds = at.Holds(now, p.Owner, mh)
				switch {
				case row.Holds:
				case at.Revoked:
					row.Why = "revoked"
				case !now.Before(at.ExpiresAt):
					row.Why = "expired"
				case at.Owner != p.Owner:
					row.Why = "about the name's earlier owner"
				default:
					row.Why = "about an earlier manifest: the next audit attests the current one"
				}
			}
			rows[i] = row
		})
	}
	wg.Wait()
	return rows, nil
}

// manifestHash is the hash attestations name for a provider registering
// cid: its block's SHA-256, or the empty block's for none (as discovery
// reads it).
func manifestHash(cid string) [32]byte {
	if c, err := wf.ParseCID(cid); err == nil {
		if h, ok := manifest.Hash(c); ok {
			return h
		}
	}
	h, _ := manifest.Hash(wf.SumCID(wf.CodecJSON, nil))
	return h
}
